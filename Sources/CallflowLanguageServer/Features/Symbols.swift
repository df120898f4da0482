import CallflowDiagnostics
import CallflowSyntax

extension LanguageServer {
  /// `textDocument/documentSymbol`: a flow and its blocks (with their kinds), or the
  /// resources of `center.yaml`.
  func documentSymbols(_ document: Document) -> LSPAny {
    let model = DocumentModel(document)
    let positions = model.positions
    func symbol(_ name: String, detail: String?, kind: Int, range: SourceSpan, selection: SourceSpan, children: [LSPAny] = []) -> LSPAny {
      var fields: [String: LSPAny] = [
        "name": .string(name.isEmpty ? "?" : name), "kind": .int(kind), "range": positions.range(range, encoding),
        "selectionRange": positions.range(selection, encoding),
      ]
      if let detail { fields["detail"] = .string(detail) }
      if !children.isEmpty { fields["children"] = .array(children) }
      return .object(fields)
    }
    if let flow = model.flow {
      // Symbol kinds: 2 module (the flow), 12 function (a block).
      let blocks = flow.blocks.map { block in
        symbol(block.id.value, detail: block.kind.value, kind: 12, range: block.span, selection: block.id.span)
      }
      let name = flow.name?.value ?? "flow"
      return [symbol(name, detail: flow.type?.value, kind: 2, range: flow.span, selection: flow.name?.span ?? flow.span, children: blocks)]
    }
    if let center = model.center {
      // 20 key for each resource, grouped under its section (19 object).
      func section(_ title: String, _ names: [Located<String>]) -> LSPAny? {
        guard let first = names.first, let last = names.last else { return nil }
        let span = SourceSpan(file: first.span.file, start: first.span.start, end: last.span.end)
        return symbol(title, detail: "\(names.count)", kind: 19, range: span, selection: first.span, children: names.map { symbol($0.value, detail: nil, kind: 20, range: $0.span, selection: $0.span) })
      }
      return .array(
        [
          section("queues", center.queues.map(\.name)), section("routing-profiles", center.routingProfiles.map(\.name)),
          section("phone-numbers", center.phoneNumbers.map(\.number)), section("hours", center.hours.map(\.name)),
          section("prompts", center.prompts.map(\.name)), section("agents", center.agents.map(\.name)),
        ].compactMap { $0 })
    }
    return []
  }
}
