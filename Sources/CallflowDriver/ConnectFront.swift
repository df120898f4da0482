import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import Foundation

/// Amazon Connect flows as flows of a project: read where they lie, references kept as the
/// export writes them (ARNs, JSONPaths).
enum ConnectFront {
  /// The flow in `source`, named after the file when the export does not name it.
  static func parse(
    _ source: SourceFile, file: FileID, naming: ConnectNaming = .asWritten, keepsLayout: Bool = true, decisions: FormDecisions? = nil
  ) -> (FlowSyntax?, [Diagnostic], [ConnectAction])
  {
    switch ConnectReader.read(source.bytes, file: file) {
    case .failure(let error):
      return (nil, [Diagnostic(.connectSyntax, error.message, at: error.span, notes: error.notes)], [])
    case .success(let document):
      var lowering = ConnectLowering(document, file: file, naming: naming, keepsLayout: keepsLayout, decisions: decisions)
      let (flow, diagnostics) = lowering.lower(fallbackName: fallbackName(source.path))
      return (flow, diagnostics, lowering.actions)
    }
  }

  /// `diagnostics` with a note naming the Connect action each points into.
  static func naming(_ diagnostics: [Diagnostic], actions: [FileID: [ConnectAction]]) -> [Diagnostic] {
    guard !actions.isEmpty else { return diagnostics }
    return diagnostics.map { diagnostic in
      guard let list = actions[diagnostic.span.file],
        let action = list.last(where: { $0.span.start <= diagnostic.span.start && diagnostic.span.start < $0.span.end })
      else { return diagnostic }
      var named = diagnostic
      named.notes.insert(Note("in \(action.description)"), at: 0)
      return named
    }
  }

  /// A flow name from a file name: `Main Menu.json` gives `main-menu`.
  static func fallbackName(_ path: String) -> String {
    var name = (path as NSString).lastPathComponent
    if name.hasSuffix(".json") { name.removeLast(5) }
    return ConnectLowering.slug(name, fallback: "flow")
  }
}
