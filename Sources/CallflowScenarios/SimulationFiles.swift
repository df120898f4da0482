import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML

/// Reading scenario and load-model files on their own, without a project: what the fuzz
/// target exercises, and what an editor integration would call.
public enum SimulationFiles {
  /// The diagnostics of `bytes` read as a scenario file (none when it reads).
  public static func diagnoseScenario(_ bytes: [UInt8], path: String = "<scenario>") -> [Diagnostic] {
    read(bytes, path: path) { root, file, reader in _ = Scenario.read(root, file: file, reader: &reader) }
  }

  /// The diagnostics of `bytes` read as a load model (none when it reads).
  public static func diagnoseModel(_ bytes: [UInt8], path: String = "<model>") -> [Diagnostic] {
    read(bytes, path: path) { root, _, reader in _ = LoadModel.read(root, reader: &reader) }
  }

  private static func read(_ bytes: [UInt8], path: String, _ body: (SyntaxValue, FileID, inout DocumentReader) -> Void) -> [Diagnostic] {
    var sources = SourceMap()
    var (root, file, reader) = DocumentReader.load(bytes, path: path, into: &sources)
    if let root { body(root, file, &reader) }
    return reader.diagnostics
  }
}
