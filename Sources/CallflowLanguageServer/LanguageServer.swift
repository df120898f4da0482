import CallflowDiagnostics
import CallflowDriver
import Foundation

/// The Language Server Protocol 3.17 server of `callflow lsp`: takes the client's messages
/// (their JSON content, framing already removed) and leaves what it answers in ``outbox``.
/// It answers requests in the order they come; diagnostics are computed when the client has
/// nothing more to say (``idle()``), so a burst of edits is checked once.
public struct LanguageServer {
  /// Where the server is in the protocol's lifecycle.
  public enum Lifecycle: Sendable, Equatable {
    /// Waiting for `initialize`: requests get `ServerNotInitialized`.
    case starting
    case running
    /// `shutdown` was answered: only `exit` is expected.
    case shuttingDown
    /// `exit` came: the process ends with this status (0 after `shutdown`, 1 otherwise).
    case exited(Int32)
  }

  public internal(set) var lifecycle = Lifecycle.starting
  /// Messages for the client, in order, until taken.
  public internal(set) var outbox: [LSPAny] = []
  var encoding = PositionEncoding.utf16
  var documents: [String: Document] = [:]
  /// The projects (by ``projectKey(_:)``) whose diagnostics are out of date.
  var stale: Set<String> = []
  /// The URIs each project last published findings to, so that fixed files are cleared.
  var published: [String: Set<String>] = [:]
  /// The names each project defines, as its last check found them.
  var facts: [String: ProjectFacts] = [:]
  /// What each project's last check keeps for the next: a change checks only what it touches.
  var caches: [String: CheckCache] = [:]
  /// Each project's flow files on disk, as last walked.
  var walks: [String: [String]] = [:]
  /// Each project's last check, for the diagram of a flow.
  var lastCheck: [String: CheckResult] = [:]
  /// The diagnostics last published to each URI, for hover.
  var shown: [String: [LSPAny]] = [:]
  /// The folder holding the rule pages, when the server runs from a checkout.
  let ruleDocs: String?

  public init(ruleDocs: String? = LanguageServer.findRuleDocs()) {
    self.ruleDocs = ruleDocs
  }

  /// Takes the messages for the client.
  public mutating func takeOutbox() -> [LSPAny] {
    defer { outbox = [] }
    return outbox
  }

  // MARK: Messages

  /// Handles one message's content.
  public mutating func receive(_ content: [UInt8]) {
    guard let message = LSPAny.parse(content) else {
      outbox.append(RPCError.parseError.response(id: .null, "the message is not JSON"))
      return
    }
    guard case .object = message, message["jsonrpc"].string == "2.0" else {
      let id: LSPAny
      switch message["id"] {
      case .int, .string: id = message["id"]
      default: id = .null
      }
      outbox.append(RPCError.invalidRequest.response(id: id, "a message is a JSON-RPC 2.0 object"))
      return
    }
    let id = message["id"]
    guard let method = message["method"].string else {
      // A response to a request of ours (the server sends none that need an answer).
      if id.isNull { outbox.append(RPCError.invalidRequest.response(id: .null, "a message with neither `method` nor `id`")) }
      return
    }
    let params = message["params"]
    if id.isNull {
      notification(method, params)
    } else {
      switch id {
      case .int, .string: request(method, id: id, params)
      default: outbox.append(RPCError.invalidRequest.response(id: .null, "a request id is a number or a string"))
      }
    }
  }

  /// Handles messages that arrived together, in order; a request that a `$/cancelRequest`
  /// among them cancels is answered `RequestCancelled` without its work being done.
  public mutating func receive(batch contents: [[UInt8]]) {
    let messages = contents.map { LSPAny.parse($0) }
    func key(_ id: LSPAny) -> String? {
      switch id {
      case .int(let n): "\(n)"
      case .string(let text): "'" + text
      default: nil
      }
    }
    let cancelled = Set(messages.compactMap { message in message?["method"].string == "$/cancelRequest" ? message.flatMap { key($0["params"]["id"]) } : nil })
    for (content, message) in zip(contents, messages) {
      if let message, message["method"].string != nil, let id = key(message["id"]), cancelled.contains(id), lifecycle == .running {
        outbox.append(RPCError.requestCancelled.response(id: message["id"], "the request was cancelled"))
        continue
      }
      receive(content)
    }
  }

  /// A header the framing could not read.
  public mutating func receiveMalformed(_ reason: String) {
    outbox.append(RPCError.parseError.response(id: .null, reason))
  }

  private mutating func request(_ method: String, id: LSPAny, _ params: LSPAny) {
    switch lifecycle {
    case .starting where method != "initialize":
      outbox.append(RPCError.serverNotInitialized.response(id: id, "the server is not initialized: send `initialize` first"))
      return
    case .shuttingDown:
      outbox.append(RPCError.invalidRequest.response(id: id, "the server is shutting down"))
      return
    case .exited:
      return
    case .running where method == "initialize":
      outbox.append(RPCError.invalidRequest.response(id: id, "`initialize` was sent already"))
      return
    default:
      break
    }
    // What the project's last check found of its names, built for the requests that read
    // them only (a walk over every flow of the project).
    let readsFacts = ["textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/rename", "textDocument/completion"]
    if readsFacts.contains(method), let uri = params["textDocument"]["uri"].string, let document = documents[uri] {
      let key = projectKey(document)
      if facts[key] == nil, let check = lastCheck[key] { facts[key] = ProjectFacts(flows: check.flows, center: check.centers.first) }
    }
    let result: Result<LSPAny, RequestFailure>
    switch method {
    case "initialize": result = .success(initialize(params))
    case "shutdown":
      lifecycle = .shuttingDown
      result = .success(.null)
    case "textDocument/documentSymbol": result = withDocument(params) { documentSymbols($0) }
    case "textDocument/formatting": result = withDocument(params) { formatting($0) }
    case "textDocument/hover": result = withDocument(params) { hover($0, at: params["position"]) }
    case "textDocument/definition": result = withDocument(params) { definition($0, at: params["position"]) }
    case "textDocument/codeAction": result = withDocument(params) { codeActions($0, params) }
    case "textDocument/references": result = withDocument(params) { references($0, params) }
    case "textDocument/completion": result = withDocument(params) { completion($0, at: params["position"]) }
    case "callflow/graph": result = openDocument(params).flatMap { graph($0, format: params["format"].string ?? "dot") }
    case "workspace/executeCommand":
      guard params["command"].string == "callflow.graph", let uri = params["arguments"].array?.first?.string else {
        result = .failure(RequestFailure(.invalidParams, "the only command is `callflow.graph` with a document's URI"))
        break
      }
      result = openDocument(["textDocument": ["uri": .string(uri)]]).flatMap { graph($0, format: params["arguments"].array?.dropFirst().first?.string ?? "dot") }
    case "textDocument/rename":
      result = openDocument(params).flatMap { rename($0, params) }
    case "textDocument/foldingRange": result = withDocument(params) { foldingRanges($0) }
    default:
      result = .failure(RequestFailure(.methodNotFound, "no method `\(method)`"))
    }
    switch result {
    case .success(let value): outbox.append(["jsonrpc": "2.0", "id": id, "result": value])
    case .failure(let failure): outbox.append(failure.code.response(id: id, failure.message))
    }
  }

  private mutating func notification(_ method: String, _ params: LSPAny) {
    if method == "exit" {
      lifecycle = .exited(lifecycle == .shuttingDown ? 0 : 1)
      return
    }
    // Before `initialize` notifications are dropped, as the protocol says.
    guard lifecycle == .running else { return }
    switch method {
    case "textDocument/didOpen": didOpen(params["textDocument"])
    case "textDocument/didChange": didChange(params)
    case "textDocument/didClose": didClose(params["textDocument"])
    case "textDocument/didSave", "workspace/didChangeWatchedFiles":
      // Files on disk changed (or were added): every project may see them.
      walks = [:]
      stale.formUnion(documents.values.map(projectKey))
    default:
      // `initialized`, `$/cancelRequest` (requests are answered in order, at once),
      // `$/setTrace` and others the server has nothing to do for.
      break
    }
  }

  struct RequestFailure: Error {
    var code: RPCError
    var message: String
    init(_ code: RPCError, _ message: String) {
      self.code = code
      self.message = message
    }
  }

  /// The open document the request names.
  private func openDocument(_ params: LSPAny) -> Result<Document, RequestFailure> {
    guard let uri = params["textDocument"]["uri"].string else {
      return .failure(RequestFailure(.invalidParams, "`textDocument.uri` is missing"))
    }
    guard let document = documents[uri] else {
      return .failure(RequestFailure(.invalidParams, "`\(uri)` is not open"))
    }
    return .success(document)
  }

  /// Runs `body` on the open document the request names.
  private func withDocument(_ params: LSPAny, _ body: (Document) -> LSPAny) -> Result<LSPAny, RequestFailure> {
    openDocument(params).map(body)
  }

  // MARK: Lifecycle

  private mutating func initialize(_ params: LSPAny) -> LSPAny {
    let offered = params["capabilities"]["general"]["positionEncodings"].array?.compactMap(\.string) ?? []
    encoding = PositionEncoding.negotiate(offered)
    lifecycle = .running
    return [
      "capabilities": [
        "positionEncoding": .string(encoding.rawValue),
        "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": false]],
        "documentSymbolProvider": true,
        "documentFormattingProvider": true,
        "hoverProvider": true,
        "definitionProvider": true,
        "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        "foldingRangeProvider": true,
        "referencesProvider": true,
        "completionProvider": ["triggerCharacters": [".", ":", " ", ">", "(", "{"]],
        "renameProvider": true,
        "executeCommandProvider": ["commands": ["callflow.graph"]],
      ],
      "serverInfo": ["name": "callflow"],
    ]
  }

  // MARK: Documents

  private mutating func didOpen(_ item: LSPAny) {
    guard let uri = item["uri"].string, let text = item["text"].string else { return }
    // The path as the project's walk writes it (absolute, links resolved), so that the open
    // document stands for its file.
    let document = Document(
      uri: uri, path: DocumentURI.path(uri).map(Project.canonicalPath), languageID: item["languageId"].string ?? "", version: item["version"].int ?? 0,
      text: Array(text.utf8))
    documents[uri] = document
    stale.insert(projectKey(document))
  }

  private mutating func didChange(_ params: LSPAny) {
    guard let uri = params["textDocument"]["uri"].string, var document = documents[uri] else { return }
    // The server asks for whole texts (`change: 1`): the last change holds the document.
    guard let text = params["contentChanges"].array?.last?["text"].string else { return }
    document.text = Array(text.utf8)
    document.version = params["textDocument"]["version"].int ?? document.version
    documents[uri] = document
    stale.insert(projectKey(document))
  }

  private mutating func didClose(_ item: LSPAny) {
    guard let uri = item["uri"].string, let document = documents.removeValue(forKey: uri) else { return }
    // The file on disk stands for it again; a document with no file has nothing left.
    stale.insert(projectKey(document))
    if document.path == nil { outbox.append(Self.publish(uri: uri, [])) }
  }

  /// The project a document's findings come from: the folder holding `center.yaml` above it,
  /// or the document itself.
  func projectKey(_ document: Document) -> String {
    guard let path = document.path, let root = Project.root(of: path) else { return "document:" + document.uri }
    return root
  }

  static func publish(uri: String, _ diagnostics: [LSPAny], version: Int? = nil) -> LSPAny {
    var params: [String: LSPAny] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
    if let version { params["version"] = .int(version) }
    return ["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": .object(params)]
  }

  /// The folder of the rule pages when this executable was built inside its package
  /// (`.build/…/callflow` below the folder holding `Docs/rules`).
  public static func findRuleDocs() -> String? {
    var folder = (CommandLine.arguments.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } ?? "") as NSString
    for _ in 0..<6 {
      folder = folder.deletingLastPathComponent as NSString
      let candidate = folder.appendingPathComponent("Docs/rules")
      if FileManager.default.fileExists(atPath: candidate + "/callback-loses-position.md") { return candidate }
    }
    return nil
  }
}
