import CallflowDiagnostics
import CallflowSyntax

extension LanguageServer {
  /// For an `unconnected-branch` or `dead-end` finding at a block: an edit that writes the
  /// block's missing branches, each to `<block id>` for the author to fill in (the checker
  /// then names each one that is left).
  func missingBranchesAction(_ document: Document, _ diagnostic: LSPAny) -> LSPAny? {
    guard ["unconnected-branch", "dead-end"].contains(diagnostic["code"].string ?? ""),
      let line = diagnostic["range"]["start"]["line"].int
    else { return nil }
    let model = DocumentModel(document)
    guard let flow = model.flow, let block = flow.blocks.first(where: { $0.id.span.start.line == line + 1 }),
      let kind = BlockKind(rawValue: block.kind.value), !kind.spec.openBranches
    else { return nil }
    // The catalog's outcomes of the block, its options (`get-input`'s keys) included, but `next`.
    var options: [String] = []
    if let perValue = kind.spec.branchPerValueOf, case .record(let fields) = block.body.kind,
      case .list(let items)? = fields.first(where: { $0.name.value == perValue.name })?.value.kind
    {
      options = items.compactMap(\.scalarText)
    }
    let possible = kind.spec.outcomeNames(options: options).dropFirst()
    let written = Set(block.branches.map(\.name.value))
    let missing = possible.filter { !written.contains($0) && !($0 == Branch.error.rawValue && flow.onError != nil) }
    guard !missing.isEmpty else { return nil }
    let placeholder = "<block id>"
    let pairs = missing.map { (branch: $0, target: placeholder) }
    let text = String(decoding: document.text, as: UTF8.self)
    let lines = text.components(separatedBy: "\n")
    func position(_ location: SourceLocation) -> LSPAny {
      let p = model.positions.position(location, encoding)
      return ["line": .int(p.line), "character": .int(p.character)]
    }
    let edit: LSPAny
    if document.kind == .dslFlow {
      if let last = block.branches.last {
        // Before the closing brace: one line per branch, indented as the others.
        let row = last.target.span.end.line
        let indent = String(lines[row - 1].prefix { $0 == " " })
        let newText = missing.map { "\n\(indent)\(FlowNotation.quotedBranch($0)) -> \(placeholder)" }.joined()
        edit = ["range": ["start": position(last.target.span.end), "end": position(last.target.span.end)], "newText": .string(newText)]
      } else {
        edit = ["range": ["start": position(block.span.end), "end": position(block.span.end)], "newText": .string(" " + FlowNotation.dsl.branches(pairs))]
      }
    } else {
      let bodyIndent = String(repeating: " ", count: max(0, block.kind.span.start.column - 1))
      if let last = block.branches.last {
        let row = last.target.span.end.line
        let lineText = row - 1 < lines.count ? lines[row - 1] : ""
        if lineText.contains("{") {
          // `on: {a: x}`: the missing ones go before the brace.
          let newText = missing.map { ", \(FlowNotation.quotedBranch($0)): \(placeholder)" }.joined()
          edit = ["range": ["start": position(last.target.span.end), "end": position(last.target.span.end)], "newText": .string(newText)]
        } else {
          let indent = String(lineText.prefix { $0 == " " })
          let newText = missing.map { "\n\(indent)\(FlowNotation.quotedBranch($0)): \(placeholder)" }.joined()
          edit = ["range": ["start": position(last.target.span.end), "end": position(last.target.span.end)], "newText": .string(newText)]
        }
      } else {
        // No `on:` yet: a line of its own after the block's last.
        let row = block.span.end.column == 1 ? block.span.end.line - 1 : block.span.end.line
        let end = SourceLocation(line: row, column: (lines[safe: row - 1]?.unicodeScalars.count ?? 0) + 1)
        edit = ["range": ["start": position(end), "end": position(end)], "newText": .string("\n\(bodyIndent)\(FlowNotation.yaml.branches(pairs))")]
      }
    }
    let title = "Add the branch\(missing.count == 1 ? "" : "es") " + missing.map { "`\($0)`" }.joined(separator: ", ")
    return ["title": .string(title), "kind": "quickfix", "diagnostics": [diagnostic], "edit": ["changes": [document.uri: [edit]]]]
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
