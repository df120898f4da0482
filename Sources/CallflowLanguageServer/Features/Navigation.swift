import CallflowDiagnostics
import CallflowRules
import CallflowSyntax

extension LanguageServer {
  /// The location a request's `position` names in `document`.
  func location(_ position: LSPAny, in model: DocumentModel) -> SourceLocation? {
    guard let line = position["line"].int, let character = position["character"].int else { return nil }
    return model.positions.location(line: line, character: character, encoding)
  }

  /// `textDocument/hover`: a block kind's reference, a parameter's type and meaning, what a
  /// block or a name of the project is.
  func hover(_ document: Document, at position: LSPAny) -> LSPAny {
    let model = DocumentModel(document)
    guard let location = location(position, in: model) else { return .null }
    let rules = ruleHover(document.uri, at: position)
    var text: String?
    var span: SourceSpan?
    switch model.target(at: location) {
    case .kind(let kind, let at)?:
      (text, span) = (CatalogReference.markdown(for: kind), at)
    case .parameter(let kind, let path, let at)?:
      if let parameter = kind.parameter(at: path) {
        text = "`\(path.joined(separator: "."))` of `\(kind.rawValue)`: \(parameter.type.syntax)\(parameter.required ? ", required" : "")\n\n\(parameter.summary)"
        span = at
      }
    case .value(let kind, let path, let name, let at)?:
      if let resource = kind.parameter(at: path)?.type.resource, let definition = facts[projectKey(document)]?.definitions[ProjectFacts.key(resource, name)] {
        (text, span) = (definition.summary, at)
      }
    case .blockReference(let id, let at)?:
      if let block = model.block(id) { (text, span) = (Self.describe(block), at) }
    case .blockID(let block)?:
      (text, span) = (Self.describe(block), block.id.span)
    case nil:
      break
    }
    let parts = rules + (text.map { [$0] } ?? [])
    guard !parts.isEmpty else { return .null }
    var result: [String: LSPAny] = ["contents": ["kind": "markdown", "value": .string(parts.joined(separator: "\n\n---\n\n"))]]
    if let span { result["range"] = model.positions.range(span, encoding) }
    return .object(result)
  }

  static func describe(_ block: BlockSyntax) -> String {
    let summary = BlockKind(rawValue: block.kind.value).map { "\n\n" + $0.spec.summary } ?? ""
    return "block `\(block.id.value)`: `\(block.kind.value)` (line \(block.id.span.start.line))" + summary
  }

  /// For each diagnostic shown at `position`: its rule, what the rule is about, and its page.
  func ruleHover(_ uri: String, at position: LSPAny) -> [String] {
    guard let line = position["line"].int, let character = position["character"].int else { return [] }
    return (shown[uri] ?? []).compactMap { diagnostic in
      let range = diagnostic["range"]
      guard let id = diagnostic["code"].string, let rule = RuleCatalog.named(id),
        let startLine = range["start"]["line"].int, let startCharacter = range["start"]["character"].int,
        let endLine = range["end"]["line"].int, let endCharacter = range["end"]["character"].int,
        (line, character) >= (startLine, startCharacter), (line, character) <= (endLine, endCharacter)
      else { return nil }
      let page = diagnostic["codeDescription"]["href"].string.map { " ([rule page](\($0)))" } ?? " (`callflow explain \(id)`)"
      return "**\(id)** (\(rule.severity.rawValue)): \(rule.summary)\(page)"
    }
  }

  /// `textDocument/definition`: where a block, a flow or a resource of `center.yaml` that the
  /// position names is defined.
  func definition(_ document: Document, at position: LSPAny) -> LSPAny {
    let model = DocumentModel(document)
    guard let location = location(position, in: model), let target = model.target(at: location) else { return .null }
    switch target {
    case .blockReference(let id, _):
      guard let block = model.block(id) else { return .null }
      return ["uri": .string(document.uri), "range": model.positions.range(block.id.span, encoding)]
    case .value(let kind, let path, let name, _):
      guard let resource = kind.parameter(at: path)?.type.resource else { return .null }
      let project = projectKey(document)
      var positions: [FileID: TextPositions] = [:]
      guard let span = facts[project]?.definitions[ProjectFacts.key(resource, name)]?.span, let at = place(span, in: project, &positions) else {
        return .null
      }
      return ["uri": .string(at.uri), "range": at.range]
    case .kind, .parameter, .blockID:
      return .null
    }
  }
}
