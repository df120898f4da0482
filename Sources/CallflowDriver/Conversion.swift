import CallflowDiagnostics
import CallflowSyntax
import Foundation

/// Converting a flow file between YAML and the DSL, and formatting DSL canonically.
public enum Conversion {
  /// The result of reading one file for conversion.
  public struct Result: Sendable {
    public var sources: SourceMap
    /// The converted text, or `nil` when the file has syntax errors (see `diagnostics`).
    public var text: String?
    public var diagnostics: [Diagnostic]
  }

  /// The flow of `path` (or `-`, with `bytes`) written in `target`. Files with errors in
  /// their syntax are not converted.
  public static func convert(path: String, bytes: [UInt8], from: SourceForm, to target: SourceForm) -> Result {
    var sources = SourceMap()
    let source = SourceFile(path: path == "-" ? "<stdin>" : path, bytes: bytes)
    let id = sources.add(source)
    let (flow, diagnostics) = from.parse(source, file: id)
    let sorted = diagnostics.sorted(by: Diagnostic.printOrder(in: sources))
    guard let flow, !diagnostics.contains(where: { $0.severity == .error }) else {
      return Result(sources: sources, text: nil, diagnostics: sorted)
    }
    // What Amazon Connect knows of an imported flow (its identifiers and positions) is kept
    // in YAML only: converting would lose it, and the export would no longer give it back.
    if target == .dsl, let connect = flow.connect {
      let lost = Diagnostic(
        .invalidValue, "this flow was imported from Amazon Connect: the DSL has no place for its `connect:` record", at: connect.span,
        notes: [Note("keep the flow in YAML, so that `callflow export connect` gives Connect back its identifiers and positions")])
      return Result(sources: sources, text: nil, diagnostics: sorted + [lost])
    }
    return Result(sources: sources, text: target.print(flow), diagnostics: sorted)
  }

  /// Reads a file, or standard input for `-`.
  public static func read(_ path: String) throws(InputError) -> [UInt8] {
    path == "-" ? try FileReader.readStandardInput() : try FileReader.read(path)
  }

  /// Writes `text` to `path` atomically: to a temporary file beside it, then renamed over it,
  /// so a reader never sees half a file and a failure leaves the old file as it was.
  public static func writeAtomically(_ text: String, to path: String) throws(InputError) {
    try writeAtomically(Array(text.utf8), to: path)
  }

  /// Writes `bytes` to `path` atomically, as ``writeAtomically(_:to:)`` writes text.
  public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(InputError) {
    let directory = (path as NSString).deletingLastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(UUID().uuidString).tmp"
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: temporary))
      if rename(temporary, path) != 0 {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(atPath: temporary)
        throw InputError("cannot write '\(path)': \(reason)")
      }
    } catch let error as InputError {
      throw error
    } catch {
      throw InputError("cannot write '\(path)': \(error.localizedDescription)")
    }
  }
}
