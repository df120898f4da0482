import CallflowDiagnostics
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
    guard let location = location(position, in: model), let target = model.target(at: location) else { return .null }
    let text: String
    let span: SourceSpan
    switch target {
    case .kind(let kind, let at):
      text = CatalogReference.markdown(for: kind)
      span = at
    case .parameter(let kind, let path, let at):
      guard let parameter = kind.parameter(at: path) else { return .null }
      text = "`\(path.joined(separator: "."))` of `\(kind.rawValue)`: \(parameter.type.syntax)\(parameter.required ? ", required" : "")\n\n\(parameter.summary)"
      span = at
    case .value(let kind, let path, let name, let at):
      guard let resource = kind.parameter(at: path)?.type.resource, let definition = facts[projectKey(document)]?.definitions[ProjectFacts.key(resource, name)] else {
        return .null
      }
      text = definition.summary
      span = at
    case .blockReference(let id, let at):
      guard let block = model.block(id) else { return .null }
      text = Self.describe(block)
      span = at
    case .blockID(let block):
      text = Self.describe(block)
      span = block.id.span
    }
    return ["contents": ["kind": "markdown", "value": .string(text)], "range": model.positions.range(span, encoding)]
  }

  static func describe(_ block: BlockSyntax) -> String {
    let summary = BlockKind(rawValue: block.kind.value).map { "\n\n" + $0.spec.summary } ?? ""
    return "block `\(block.id.value)`: `\(block.kind.value)` (line \(block.id.span.start.line))" + summary
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
      return facts[projectKey(document)]?.definitions[ProjectFacts.key(resource, name)]?.place.location ?? .null
    case .kind, .parameter, .blockID:
      return .null
    }
  }
}
