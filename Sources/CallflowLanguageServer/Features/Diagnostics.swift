import CallflowDiagnostics
import CallflowDriver
import CallflowScenarios
import Foundation

extension LanguageServer {
  /// Whether documents changed since their diagnostics were published.
  public var hasStaleDiagnostics: Bool { !stale.isEmpty }

  /// Checks the projects whose documents changed and publishes their diagnostics: every file
  /// of such a project with findings, each file that had some and has none now, and each of
  /// its open documents.
  public mutating func idle() {
    let keys = stale.sorted()
    stale = []
    for key in keys { check(key) }
  }

  private mutating func check(_ key: String) {
    let members = documents.values.filter { projectKey($0) == key }.sorted { $0.uri < $1.uri }
    var byURI: [String: [LSPAny]] = [:]
    var project: Project?
    if key.hasPrefix("document:") {
      // A document outside any project (no center.yaml above it), checked on its own.
      if let document = members.first, [.yamlFlow, .dslFlow, .connect].contains(document.kind) {
        let path = document.path ?? document.uri
        project = Project(root: nil, config: nil, center: nil, flows: [Project.File(path: path, bytes: document.text)], reported: [path], complete: false)
      }
    } else {
      let overlays = Dictionary(documents.values.compactMap { d in d.path.map { ($0, d.text) } }, uniquingKeysWith: { a, _ in a })
      do {
        // The folder is walked for its flow files once, and again when files change on disk.
        if walks[key] == nil { walks[key] = try Project.flowFiles(in: key) }
        project = try Project.editing((key as NSString).appendingPathComponent("center.yaml"), overlays: overlays, flowFiles: walks[key])
      } catch {
        log("cannot read the project in \(key): \(error)")
      }
    }
    if let project {
      do {
        let cache = caches[key] ?? CheckCache()
        caches[key] = cache
        let result = try CheckRun.run([project], cache: cache)
        var positions: [FileID: TextPositions] = [:]
        func range(_ span: SourceSpan, _ sources: SourceMap) -> LSPAny {
          if positions[span.file] == nil { positions[span.file] = TextPositions(sources[span.file]?.bytes ?? []) }
          return positions[span.file]?.range(span, encoding) ?? .null
        }
        lastCheck[key] = result
        // The names' facts are found when a request first needs them.
        facts[key] = nil
        for d in result.diagnostics {
          let uri = uri(ofPath: result.sources.path(d.span.file))
          byURI[uri, default: []].append(lspDiagnostic(d, range: { range($0, result.sources) }, uri: { self.uri(ofPath: result.sources.path($0.file)) }))
        }
      } catch {
        log("cannot check the project in \(key): \(error)")
      }
    }
    // Scenario and model files: their own mistakes (their references to the project are
    // checked when they run).
    for document in members where document.kind == .scenario || document.kind == .model {
      let path = document.path ?? document.uri
      let found =
        document.kind == .scenario
        ? SimulationFiles.diagnoseScenario(document.text, path: path) : SimulationFiles.diagnoseModel(document.text, path: path)
      let positions = TextPositions(document.text)
      byURI[document.uri] = found.map { d in lspDiagnostic(d, range: { positions.range($0, encoding) }, uri: { _ in document.uri }) }
    }
    let before = published[key] ?? []
    var targets = Set(byURI.keys).union(before)
    for document in members { targets.insert(document.uri) }
    for uri in targets.sorted() {
      let version = documents[uri]?.version
      outbox.append(Self.publish(uri: uri, byURI[uri] ?? [], version: version))
      shown[uri] = byURI[uri]
    }
    published[key] = Set(byURI.keys)
  }

  /// The URI of a path the check reported: the open document's own, or the file's.
  func uri(ofPath path: String) -> String {
    if let open = documents.values.first(where: { $0.path == path || $0.uri == path }) { return open.uri }
    return DocumentURI.uri(path)
  }

  /// A diagnostic as the protocol writes it: the rule as `code` with a link to its page,
  /// notes with a place as related information, other notes and the help in the message.
  func lspDiagnostic(_ d: Diagnostic, range: (SourceSpan) -> LSPAny, uri: (SourceSpan) -> String) -> LSPAny {
    var message = d.message
    for note in d.notes where note.span == nil { message += "\nnote: " + note.message }
    for fix in d.fixes { message += "\nhelp: " + fix.message }
    let severity: Int
    switch d.severity {
    case .error: severity = 1
    case .warning: severity = 2
    case .info: severity = 3
    }
    var fields: [String: LSPAny] = [
      "range": range(d.span), "severity": .int(severity), "code": .string(d.rule), "source": "callflow", "message": .string(message),
    ]
    if let page = rulePage(d.rule) { fields["codeDescription"] = ["href": .string(page)] }
    let related = d.notes.compactMap { note -> LSPAny? in
      guard let span = note.span else { return nil }
      return ["location": ["uri": .string(uri(span)), "range": range(span)], "message": .string(note.message)]
    }
    if !related.isEmpty { fields["relatedInformation"] = .array(related) }
    if !d.fixes.isEmpty {
      fields["data"] = [
        "fixes": .array(d.fixes.map { ["title": .string($0.message), "range": range($0.span), "newText": .string($0.replacement)] })
      ]
    }
    return .object(fields)
  }

  /// The URI of the page of rule `id`, when the pages are at hand.
  func rulePage(_ id: String) -> String? {
    guard let ruleDocs else { return nil }
    let path = (ruleDocs as NSString).appendingPathComponent(id + ".md")
    return FileManager.default.fileExists(atPath: path) ? DocumentURI.uri(path) : nil
  }

  /// Tells the client's log.
  mutating func log(_ message: String) {
    outbox.append(["jsonrpc": "2.0", "method": "window/logMessage", "params": ["type": 1, "message": .string(message)]])
  }
}
