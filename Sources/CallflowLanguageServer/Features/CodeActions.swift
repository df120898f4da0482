import CallflowDiagnostics

extension LanguageServer {
  /// `textDocument/codeAction`: for each diagnostic the client sends back, its suggested fixes
  /// (a did-you-mean, a valid id), and a `callflow-ignore` comment for its rule on the line
  /// above it.
  func codeActions(_ document: Document, _ params: LSPAny) -> LSPAny {
    var actions: [LSPAny] = []
    let lines = TextPositions(document.text)
    let comment = document.kind == .dslFlow ? "//" : "#"
    for diagnostic in params["context"]["diagnostics"].array ?? [] {
      guard diagnostic["source"].string == "callflow", let rule = diagnostic["code"].string else { continue }
      for fix in diagnostic["data"]["fixes"].array ?? [] {
        guard let title = fix["title"].string, let newText = fix["newText"].string else { continue }
        actions.append([
          "title": .string(title.prefix(1).uppercased() + title.dropFirst()), "kind": "quickfix", "diagnostics": [diagnostic],
          "isPreferred": true,
          "edit": ["changes": [document.uri: [["range": fix["range"], "newText": .string(newText)]]]],
        ])
      }
      if let branches = missingBranchesAction(document, diagnostic) { actions.append(branches) }
      // The comment goes on its own line above the finding, indented as that line is.
      guard let line = diagnostic["range"]["start"]["line"].int, line >= 0, line < lines.lineCount else { continue }
      let indent = String(decoding: lines.line(line).prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }, as: UTF8.self)
      actions.append([
        "title": .string("Ignore `\(rule)` here (callflow-ignore)"), "kind": "quickfix", "diagnostics": [diagnostic],
        "edit": [
          "changes": [
            document.uri: [
              [
                "range": ["start": ["line": .int(line), "character": 0], "end": ["line": .int(line), "character": 0]],
                "newText": .string("\(indent)\(comment) callflow-ignore: \(rule)\n"),
              ]
            ]
          ]
        ],
      ])
    }
    return .array(actions)
  }

  /// `textDocument/foldingRange`: each block of a flow, from its first line to its last.
  func foldingRanges(_ document: Document) -> LSPAny {
    let model = DocumentModel(document)
    guard let flow = model.flow else { return [] }
    return .array(
      flow.blocks.compactMap { block in
        let last = block.span.end.column == 1 ? block.span.end.line - 1 : block.span.end.line
        guard last > block.span.start.line else { return nil }
        return ["startLine": .int(block.span.start.line - 1), "endLine": .int(last - 1)]
      })
  }
}
