import CallflowDriver

extension LanguageServer {
  /// `textDocument/formatting`: a DSL flow printed as `callflow fmt` prints it (line endings
  /// kept), as one edit of the whole text; no edit when it is formatted already, has syntax
  /// errors, or is not a DSL flow.
  func formatting(_ document: Document) -> LSPAny {
    guard document.kind == .dslFlow else { return [] }
    guard let formatted = Conversion.convert(path: document.path ?? "-", bytes: document.text, from: .dsl, to: .dsl).text else { return [] }
    let text = Conversion.usesCRLF(document.text) ? Conversion.withCRLF(formatted) : formatted
    guard Array(text.utf8) != document.text else { return [] }
    let positions = TextPositions(document.text)
    let lastLine = positions.lineCount - 1
    let end = positions.position(.init(line: lastLine + 1, column: Int(Int32.max)), encoding)
    return [["range": ["start": ["line": 0, "character": 0], "end": ["line": .int(end.line), "character": .int(end.character)]], "newText": .string(text)]]
  }
}
