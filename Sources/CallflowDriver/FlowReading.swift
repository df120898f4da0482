import CallflowChecker
import CallflowConcurrency
import CallflowConnect
import CallflowDSL
import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML

/// How a check reads the flow files of a project: each file's bytes (from memory, the cache
/// or disk) and its flow, by the front end its form calls for.
struct FlowReading: Sendable {
  let files: [Project.File]
  /// The id of the first file: the others follow in order.
  let firstID: UInt32
  let frontend: YAMLFrontend
  let dsl: DSLFrontend
  let keepsConnectLayout: Bool
  let cache: CheckCache?
  /// Connect exports repeat their actions from flow to flow: what one flow's lowering
  /// decides of an action, the others reuse.
  let decisions = FormDecisions()

  init(files: [Project.File], firstID: UInt32, frontend: YAMLFrontend, dsl: DSLFrontend, keepsConnectLayout: Bool, cache: CheckCache?) {
    self.files = files
    self.firstID = firstID
    self.frontend = frontend
    self.dsl = dsl
    self.keepsConnectLayout = keepsConnectLayout
    self.cache = cache
  }

  typealias Parsed = (source: SourceFile, flow: FlowSyntax?, problems: [Diagnostic], actions: [ConnectAction])

  func id(_ i: Int) -> FileID { FileID(firstID + UInt32(i)) }

  /// File `i`'s bytes and its flow (or the cache's reading of the same bytes).
  func read(_ i: Int) -> Result<Parsed, InputError> {
    let source: SourceFile
    switch readSource(i) {
    case .failure(let error): return .failure(error)
    case .success(.tooLarge(let parsed)): return .success(parsed)
    case .success(.read(let read)): source = read
    }
    if let kept = cache?.reading(files[i].path, bytes: source.bytes, id: id(i)) { return .success(kept) }
    return .success(parse(source, i))
  }

  enum Source {
    case read(SourceFile)
    /// A file too large to read: its reading is this error.
    case tooLarge(Parsed)
  }

  /// File `i`'s bytes.
  func readSource(_ i: Int) -> Result<Source, InputError> {
    let file = files[i]
    if let bytes = file.bytes { return .success(.read(SourceFile(path: file.path == "-" ? "<stdin>" : file.path, bytes: bytes))) }
    let source: SourceFile
    do throws(InputError) {
      let bytes: [UInt8]
      if let cache { bytes = try cache.bytes(ofFile: file.path) } else { bytes = try FileReader.read(file.path) }
      source = SourceFile(path: file.path, bytes: bytes)
    } catch {
      return .failure(error)
    }
    if source.bytes.isEmpty, FileReader.isTooLarge(file.path) {
      let tooLarge = Diagnostic(
        .yamlSyntax, "the file is larger than \(FileReader.maxFileSize >> 20) MiB and was not read",
        at: SourceSpan(file: id(i), at: SourceLocation(line: 1, column: 1)))
      return .success(.tooLarge((source, nil, [tooLarge], [])))
    }
    return .success(.read(source))
  }

  enum Form { case yaml, dsl, connect }

  /// The form of file `i`, whose bytes are `source`'s: by its name, or by its bytes for
  /// standard input and names that may be Connect exports.
  func form(_ i: Int, _ source: SourceFile) -> Form {
    let path = files[i].path
    let namedForm = path == "-" ? nil : SourceForm(path: path)
    if namedForm == nil, ConnectReader.looksLikeFlow(source.bytes) { return .connect }
    return (namedForm ?? (path == "-" ? SourceForm.detect(source.bytes) : .yaml)) == .dsl ? .dsl : .yaml
  }

  /// File `i`'s flow, read from `source`.
  func parse(_ source: SourceFile, _ i: Int) -> Parsed {
    switch form(i, source) {
    case .connect:
      let (flow, problems, actions) = ConnectFront.parse(source, file: id(i), keepsLayout: keepsConnectLayout, decisions: decisions)
      return (source, flow, problems, actions)
    case .dsl:
      let (flow, problems) = dsl.parseFlow(source, file: id(i))
      return (source, flow, problems, [])
    case .yaml:
      let (flow, problems) = frontend.parseFlow(source, file: id(i))
      return (source, flow, problems, [])
    }
  }
}

extension FlowReading {
  /// What a streaming check gives: every file's source, in order, and the project's
  /// diagnostics, checked flows (without their bodies) and suppressions.
  struct Streamed {
    var sources: [SourceFile]
    var diagnostics: [Diagnostic]
    var flows: [CheckedFlow]
    var suppressions: [Suppression]
    var reportedFlows: Int
    var connectActions: [FileID: [ConnectAction]]
    /// The flow files that could not be read as flows.
    var unreadFlowFiles: [FileID]
  }

  /// A file after the first pass: read whole (a Connect export, a file with no `blocks` line or
  /// `{`, a file that could not be read), or only its header.
  private enum FirstPass {
    case parsed(Parsed)
    case header(SourceFile, FlowHeader?)
  }

  /// Checks the flows without holding all their trees at once: the header of each file (the
  /// lines before its `blocks`, or before a DSL flow's `{`) is read first, which is all the
  /// project's index needs; then each flow is read whole, checked and freed, on all cores
  /// (its checked blocks kept when `keepBlocks`).
  /// Each flow's header is compared with the one it was indexed by: `nil` (the caller then
  /// checks the usual way) when one differs or a flow does not parse, so that the
  /// diagnostics are exactly the usual check's.
  func streamingCheck(center: Center?, centerSought: String?, complete: Bool, reported: Set<String>, keepBlocks: Bool) throws(InputError)
    -> Streamed?
  {
    let first = parallelMap(files.count) { i -> Result<FirstPass, InputError> in
      let source: SourceFile
      switch readSource(i) {
      case .failure(let error): return .failure(error)
      case .success(.tooLarge(let parsed)): return .success(.parsed(parsed))
      case .success(.read(let read)): source = read
      }
      let form = form(i, source)
      guard form != .connect, let prefix = Self.headerPrefix(of: source.bytes, dsl: form == .dsl) else {
        return .success(.parsed(parse(source, i)))
      }
      let head = SourceFile(path: source.path, bytes: prefix)
      let flow = form == .dsl ? dsl.parseFlow(head, file: id(i)).flow : frontend.parseFlow(head, file: id(i)).flow
      return .success(.header(source, flow.map(FlowHeader.init)))
    }
    var passes: [FirstPass] = []
    passes.reserveCapacity(first.count)
    for result in first { passes.append(try result.get()) }
    var headers: [FlowHeader] = []
    var unread = false
    for pass in passes {
      switch pass {
      case .parsed(let parsed):
        if let flow = parsed.flow { headers.append(FlowHeader(flow)) } else { unread = true }
      case .header(_, let header):
        guard let header else { return nil }
        headers.append(header)
      }
    }
    var projectIndex = ProjectIndex(headers: headers, center: center, knowsAllFlows: complete && !unread)
    projectIndex.centerSought = centerSought
    let index = projectIndex
    let read = passes
    passes = []

    let second = parallelMap(read.count) { i -> (parsed: Parsed, checked: (flow: CheckedFlow, diagnostics: [Diagnostic])?, suppressions: [Suppression], matches: Bool) in
      let parsed: Parsed
      var matches = true
      switch read[i] {
      case .parsed(let whole): parsed = whole
      case .header(let source, let header):
        parsed = parse(source, i)
        matches = parsed.flow.map { FlowHeader($0) == header } ?? false
      }
      guard matches, let flow = parsed.flow else { return ((parsed.source, nil, parsed.problems, parsed.actions), nil, [], matches) }
      var checked = Checker.check(flow, index: index)
      checked.flow.dropBody(keepingBlocks: keepBlocks)
      let suppressions = reported.contains(files[i].path) ? flow.allComments.compactMap(Suppression.init) : []
      return ((parsed.source, nil, parsed.problems, parsed.actions), checked, suppressions, true)
    }
    guard second.allSatisfy(\.matches) else { return nil }

    var streamed = Streamed(sources: [], diagnostics: [], flows: [], suppressions: [], reportedFlows: 0, connectActions: [:], unreadFlowFiles: [])
    for (i, item) in second.enumerated() {
      streamed.sources.append(item.parsed.source)
      if item.checked == nil { streamed.unreadFlowFiles.append(id(i)) }
      streamed.diagnostics += item.parsed.problems
      if !item.parsed.actions.isEmpty { streamed.connectActions[id(i)] = item.parsed.actions }
      if item.checked != nil, reported.contains(files[i].path) { streamed.reportedFlows += 1 }
      streamed.suppressions += item.suppressions
    }
    for item in second {
      guard let checked = item.checked else { continue }
      streamed.diagnostics += checked.diagnostics
      streamed.flows.append(checked.flow)
    }
    streamed.diagnostics += Checker.checkProject(streamed.flows, index: index)
    return streamed
  }

  /// The bytes of a flow file before its body: a YAML file up to the line where its
  /// top-level `blocks` key starts, a DSL file up to its first `{` (closed with `}`). `nil`
  /// when the file has no such place: it is then read whole.
  static func headerPrefix(of bytes: [UInt8], dsl: Bool) -> [UInt8]? {
    if dsl {
      guard let brace = bytes.firstIndex(of: UInt8(ascii: "{")) else { return nil }
      return Array(bytes[...brace]) + [UInt8(ascii: "}")]
    }
    let key = Array("blocks:".utf8)
    var lineStart = 0
    while lineStart + key.count <= bytes.count {
      if lineStart > 0, bytes[lineStart..<lineStart + key.count].elementsEqual(key) { return Array(bytes[..<lineStart]) }
      guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
      lineStart = newline + 1
    }
    return nil
  }
}
