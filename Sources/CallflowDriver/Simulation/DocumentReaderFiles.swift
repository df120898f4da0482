import CallflowDiagnostics
import CallflowScenarios
import CallflowSyntax

extension DocumentReader {
  /// Reads the scenario or model file at `path` into `sources`.
  static func load(_ path: String, into sources: inout SourceMap) throws(InputError) -> (root: SyntaxValue?, file: FileID, reader: DocumentReader) {
    try load(FileReader.read(path), path: path, into: &sources)
  }
}
