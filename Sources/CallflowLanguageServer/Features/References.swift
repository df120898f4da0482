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
      let project = projectKey(document)
      guard let check = lastCheck[project], let file = check.sources.files.firstIndex(where: { uri(ofPath: $0.path) == document.uri }),
        let key = facts[project]?.key(at: location, in: FileID(UInt32(file)))
      else { return nil }
      return .name(key)
    }
  }

  /// A name where the last check of project `project` found it, as the protocol writes it,
  /// with the quote around it (`"`, `'`, or none); `positions` keeps each file's lines found.
  func place(_ span: SourceSpan, in project: String, _ positions: inout [FileID: TextPositions]) -> (uri: String, range: LSPAny, quote: String)? {
    guard let check = lastCheck[project], let source = check.sources[span.file] else { return nil }
    if positions[span.file] == nil { positions[span.file] = TextPositions(source.bytes) }
    guard let lines = positions[span.file] else { return nil }
    let first = ProjectFacts.offset(of: span.start, in: source.bytes).flatMap { $0 < source.bytes.count ? source.bytes[$0] : nil }
    let quote = first == UInt8(ascii: "\"") ? "\"" : first == UInt8(ascii: "'") ? "'" : ""
    return (uri(ofPath: source.path), lines.range(span, encoding), quote)
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
      let project = projectKey(document)
      let known = facts[project]
      var spans = known?.references[key] ?? []
      if declaration, let definition = known?.definitions[key] { spans.insert(definition.span, at: 0) }
      var positions: [FileID: TextPositions] = [:]
      return .array(spans.compactMap { place($0, in: project, &positions).map { ["uri": .string($0.uri), "range": $0.range] } })
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
      let spans = (known.definitions[key].map { [$0.span] } ?? []) + (known.references[key] ?? [])
      var changes: [String: [LSPAny]] = [:]
      var positions: [FileID: TextPositions] = [:]
      for span in spans {
        guard let at = place(span, in: projectKey(document), &positions) else { continue }
        changes[at.uri, default: []].append(["range": at.range, "newText": .string(at.quote + newName + at.quote)])
      }
      return .success(["changes": .object(changes.mapValues { .array($0) })])
    case nil:
      return .failure(RequestFailure(.invalidParams, "nothing to rename here: a block id, a flow's name or a name of center.yaml"))
    }
  }
}
