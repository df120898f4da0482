import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import Foundation

/// Amazon Connect flows as flows of a project: read where they lie, references kept as the
/// export writes them (ARNs, JSONPaths).
enum ConnectFront {
  /// The flow in `source`, named after the file when the export does not name it.
  static func parse(_ source: SourceFile, file: FileID, naming: ConnectNaming = .asWritten) -> (FlowSyntax?, [Diagnostic]) {
    switch ConnectReader.read(source.bytes, file: file) {
    case .failure(let error):
      return (nil, [Diagnostic(.connectSyntax, error.message, at: error.span, notes: error.notes)])
    case .success(let document):
      var lowering = ConnectLowering(document, file: file, naming: naming)
      return lowering.lower(fallbackName: fallbackName(source.path))
    }
  }

  /// A flow name from a file name: `Main Menu.json` gives `main-menu`.
  static func fallbackName(_ path: String) -> String {
    var name = (path as NSString).lastPathComponent
    if name.hasSuffix(".json") { name.removeLast(5) }
    return ConnectLowering.slug(name, fallback: "flow")
  }
}
