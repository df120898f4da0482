import CallflowDiagnostics
import CallflowSyntax

extension LanguageServer {
  /// What a position names: a block of the document's flow, or a name of the project
  /// (by ``ProjectFacts`` key).
  enum Named {
    case block(String)
    case name(String)
  }

  func named(_ document: Document, _ model: DocumentModel, at position: LSPAny) -> Named? {
    guard let location = location(position, in: model) else { return nil }
    switch model.target(at: location) {
    case .blockReference(let id, _)?: return .block(id)
    case .blockID(let block)?: return .block(block.id.value)
    case .value(let kind, let path, let name, _)?:
      if let resource = kind.parameter(at: path)?.type.resource { return .name(ProjectFacts.key(resource, name)) }
      return nil
    default:
      // A flow's own name, a name defined or used in center.yaml.
      guard let line = position["line"].int, let character = position["character"].int,
        let key = facts[projectKey(document)]?.key(at: document.uri, line: line, character: character)
      else { return nil }
      return .name(key)
    }
  }

  /// `textDocument/references`: a block's uses in its flow, or a name's uses across the
  /// project (with where it is defined, when the client asks for the declaration).
  func references(_ document: Document, _ params: LSPAny) -> LSPAny {
    let model = DocumentModel(document)
    let declaration = params["context"]["includeDeclaration"].bool ?? true
    switch named(document, model, at: params["position"]) {
    case .block(let id)?:
      var spans = model.uses(ofBlock: id)
      if declaration, let block = model.block(id) { spans.insert(block.id.span, at: 0) }
      return .array(spans.map { ["uri": .string(document.uri), "range": model.positions.range($0, encoding)] })
    case .name(let key)?:
      let known = facts[projectKey(document)]
      var places = known?.references[key] ?? []
      if declaration, let definition = known?.definitions[key] { places.insert(definition.place, at: 0) }
      return .array(places.map(\.location))
    case nil:
      return .null
    }
  }

  /// `textDocument/rename`: a block id in its flow, or a flow's or a resource's name where it
  /// is defined and everywhere the project uses it; quotes around a name are kept.
  func rename(_ document: Document, _ params: LSPAny) -> Result<LSPAny, RequestFailure> {
    guard let newName = params["newName"].string else { return .failure(RequestFailure(.invalidParams, "`newName` is missing")) }
    let model = DocumentModel(document)
    switch named(document, model, at: params["position"]) {
    case .block(let id)?:
      guard BlockIDSyntax.isValid(newName) else {
        return .failure(RequestFailure(.invalidParams, "`\(newName)` is not a block id: use lowercase letters, digits and `-`"))
      }
      guard model.block(id) != nil else { return .failure(RequestFailure(.invalidParams, "no block `\(id)` in this flow")) }
      guard model.block(newName) == nil else { return .failure(RequestFailure(.invalidParams, "the flow has a block `\(newName)` already")) }
      let spans = (model.block(id).map { [$0.id.span] } ?? []) + model.uses(ofBlock: id)
      let edits: [LSPAny] = spans.map { ["range": model.positions.range($0, encoding), "newText": .string(newName)] }
      return .success(["changes": [document.uri: .array(edits)]])
    case .name(let key)?:
      guard !newName.isEmpty, !newName.contains(where: { $0.isWhitespace || $0 == ":" || $0 == "," }) else {
        return .failure(RequestFailure(.invalidParams, "`\(newName)` is not a name: no spaces, `:` or `,`"))
      }
      guard let known = facts[projectKey(document)] else { return .failure(RequestFailure(.requestFailed, "the project has not been checked yet")) }
      let prefix = key.split(separator: ":", maxSplits: 1).first.map { $0 + ":" } ?? ""
      guard known.definitions[prefix + newName] == nil else {
        return .failure(RequestFailure(.invalidParams, "the project has a \(prefix.dropLast()) `\(newName)` already"))
      }
      let places = (known.definitions[key].map { [$0.place] } ?? []) + (known.references[key] ?? [])
      var changes: [String: [LSPAny]] = [:]
      for place in places {
        changes[place.uri, default: []].append(["range": place.range, "newText": .string(place.quote + newName + place.quote)])
      }
      return .success(["changes": .object(changes.mapValues { .array($0) })])
    case nil:
      return .failure(RequestFailure(.invalidParams, "nothing to rename here: a block id, a flow's name or a name of center.yaml"))
    }
  }
}
