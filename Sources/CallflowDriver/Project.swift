import CallflowChecker
import CallflowConcurrency
import CallflowConnect
import CallflowDSL
import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML

/// One project to check: its configuration (`callflow.yaml`), its resources (`center.yaml`)
/// and its flow files, each read from disk or held in memory. The commands make one per
/// project of their command line (``ProjectLayout``); tests and hosts that embed the checker
/// make one from text with ``init(files:)``, and get the same configuration, substitutions,
/// suppressions and rule levels as `callflow check`.
public struct Project: Sendable {
  /// One file of the project: its path as diagnostics show it and, when it is held in
  /// memory, its bytes (otherwise it is read from `path` when checked).
  public struct File: Sendable {
    public var path: String
    public var bytes: [UInt8]?

    public init(path: String, bytes: [UInt8]? = nil) {
      self.path = path
      self.bytes = bytes
    }
  }

  /// The folder `exclude` patterns are relative to, as a display path (`.` for files held in
  /// memory, whose paths are relative already); `nil` for a lone flow file.
  public var root: String?
  public var config: File?
  public var center: File?
  /// Flow files (YAML or DSL, by their names; `-` is detected from its bytes).
  public var flows: [File]
  /// The paths diagnostics are shown for.
  public var reported: Set<String>
  /// The flow files named on the command line themselves: checked even where the
  /// configuration's `exclude` matches them (unless ``CheckOptions/forceExclude``).
  public var named: Set<String> = []
  /// Whether every flow of the project is here, so that flow references can be resolved.
  public var complete: Bool

  public init(root: String?, config: File?, center: File?, flows: [File], reported: Set<String>, complete: Bool) {
    self.root = root
    self.config = config
    self.center = center
    self.flows = flows
    self.reported = reported
    self.complete = complete
  }

  /// A project held in memory, from its files' relative paths and texts: `callflow.yaml`,
  /// `center.yaml` and flow files (`*.flow.yaml`, `*.flow`) anywhere; every file is reported.
  public init(files: [String: String]) {
    var config: File?
    var center: File?
    var flows: [File] = []
    for (path, text) in files.sorted(by: { $0.key < $1.key }) {
      let file = File(path: path, bytes: Array(text.utf8))
      let name = path.split(separator: "/").last.map(String.init) ?? path
      if path == ProjectLayout.configName {
        config = file
      } else if path == ProjectLayout.centerName {
        center = file
      } else if ProjectLayout.isFlowFile(name) || (ProjectLayout.mayBeConnectFlow(name) && ConnectReader.looksLikeFlow(file.bytes ?? [])) {
        flows.append(file)
      }
    }
    self.init(root: ".", config: config, center: center, flows: flows, reported: Set(files.keys), complete: true)
  }

  /// The project of a group of the command line; `stdin` holds standard input's bytes when
  /// the group reads it (`-`).
  init(_ group: ProjectLayout.Group, stdin: [UInt8]?) {
    self.init(
      root: group.root.map(ProjectLayout.displayPath), config: group.config.map { File(path: $0) },
      center: group.center.map { File(path: $0) },
      flows: group.flows.map { $0 == "-" || $0 == group.standardInput ? File(path: $0, bytes: stdin ?? []) : File(path: $0) },
      reported: group.reported.union(group.config.map { [$0] } ?? []), complete: group.complete)
    named = group.named
  }

  /// What checking one project gives.
  struct Checked {
    var diagnostics: [Diagnostic]
    var flows: [CheckedFlow]
    var center: Center?
    var reportedFiles: Int
    var reportedFlows: Int
    /// The rules whose errors the levels or suppressions hid but compiling would report.
    var hiddenFromCompiler: [String]
    /// The flow files that did not parse.
    var unreadFlowFiles: [FileID]
  }

  /// Reads, parses and checks the project, adding its files to `sources`.
  func check(options: CheckOptions, sources: inout SourceMap, cache: CheckCache? = nil) throws(InputError) -> Checked {
    cache?.begin()
    var diagnostics: [Diagnostic] = []
    var reportedIDs = Set<FileID>()

    // Configuration and substitutions.
    var substitutions = Substitutions(values: [:], environment: options.environment)
    var environmentValues: [String: String] = [:]
    var ruleLevels = options.ruleLevels
    var flowFiles = flows
    if let configFile = config {
      let source = SourceFile(path: configFile.path, bytes: try Self.bytes(of: configFile))
      let id = sources.add(source)
      if reported.contains(configFile.path) { reportedIDs.insert(id) }
      let (config, problems) = Configuration.parse(source, file: id)
      diagnostics += problems
      ruleLevels = config.rules.merging(options.ruleLevels) { $1 }
      if let root, !config.exclude.isEmpty {
        // A file named on the command line is checked all the same (a pre-commit hook names
        // the files changed), unless the excludes are forced on it.
        flowFiles = flowFiles.filter { file in
          if named.contains(file.path), !options.forceExclude { return true }
          let relative = root == "." ? file.path : String(file.path.dropFirst(root.count + 1))
          return !config.exclude.contains { Glob.matches($0, relative) }
        }
      }
      if let environment = options.environment {
        guard let values = config.environments[environment] else {
          let known = config.environments.keys.sorted()
          throw InputError(
            "\(configFile.path) has no environment '\(environment)'"
              + (known.isEmpty ? "" : " (it has \(known.joined(separator: ", ")))"))
        }
        environmentValues = values
      }
    } else if let environment = options.environment {
      throw InputError("--env \(environment) needs a callflow.yaml with environments in \(root ?? "the project")")
    }
    substitutions.values = environmentValues.merging(options.defines) { $1 }
    let frontend = YAMLFrontend(substitutions: substitutions)
    let dsl = DSLFrontend(substitutions: substitutions)

    // center.yaml.
    var center: Center?
    var centerBytes: [UInt8]?
    if let centerFile = self.center {
      let source = SourceFile(path: centerFile.path, bytes: try Self.bytes(of: centerFile))
      centerBytes = source.bytes
      let id = sources.add(source)
      if reported.contains(centerFile.path) { reportedIDs.insert(id) }
      let parsed = cache?.center(bytes: source.bytes, id: id) { frontend.parseCenter(source, file: id) } ?? frontend.parseCenter(source, file: id)
      center = parsed.center
      diagnostics += parsed.diagnostics
    }

    // Flow files, read and parsed in parallel.
    let files = flowFiles
    let firstID = UInt32(sources.files.count)
    let reading = FlowReading(
      files: files, firstID: firstID, frontend: frontend, dsl: dsl, keepsConnectLayout: options.keepsConnectLayout, cache: cache)
    // A check that keeps neither the syntax trees nor a cache indexes the project from its
    // flows' headers first, then reads, checks and frees each flow in turn
    // (``FlowReading/streamingCheck(center:centerSought:complete:reported:)``).
    if cache == nil, !options.keepsSyntaxTrees, !files.isEmpty,
      let streamed = try reading.streamingCheck(
        center: center, centerSought: self.center == nil ? centerSearchFolder : nil, complete: complete, reported: reported,
        keepBlocks: options.keepCheckedBlocks)
    {
      for (i, source) in streamed.sources.enumerated() {
        let id = sources.add(source)
        if reported.contains(files[i].path) { reportedIDs.insert(id) }
      }
      diagnostics += streamed.diagnostics
      var suppressions = streamed.suppressions
      return finish(
        diagnostics: diagnostics, flows: streamed.flows, center: center, reportedIDs: reportedIDs, suppressions: &suppressions,
        reportedFlows: streamed.reportedFlows, connectActions: streamed.connectActions, unreadFlowFiles: streamed.unreadFlowFiles,
        ruleLevels: ruleLevels,
        options: options)
    }
    let parsed = parallelMap(files.count) { i in reading.read(i) }
    var syntaxes: [FlowSyntax] = []
    var connectActions: [FileID: [ConnectAction]] = [:]
    // A flow file that does not parse names a flow no one can know: references to flows the
    // project lacks are then not errors, nor numbers and flows no flow reaches (one diagnosis
    // per mistake: the syntax error).
    var unreadFlowFiles: [FileID] = []
    var readings: [String: CheckCache.Reading] = [:]
    var syntaxPaths: [String] = []
    for (i, result) in parsed.enumerated() {
      let (source, flow, problems, actions) = try result.get()
      let id = sources.add(source)
      if cache != nil {
        readings[files[i].path] = CheckCache.Reading(bytes: source.bytes, id: id, value: (source, flow, problems, actions))
        if flow != nil { syntaxPaths.append(files[i].path) }
      }
      if !actions.isEmpty { connectActions[id] = actions }
      if reported.contains(files[i].path) { reportedIDs.insert(id) }
      diagnostics += problems
      if let flow { syntaxes.append(flow) } else { unreadFlowFiles.append(id) }
    }

    // Checking, flows in parallel, then the project-wide rules.
    var projectIndex = ProjectIndex(flows: syntaxes, center: center, knowsAllFlows: complete && unreadFlowFiles.isEmpty)
    if self.center == nil { projectIndex.centerSought = centerSearchFolder }
    let index = projectIndex
    let toCheck = syntaxes
    let keepBlocks = options.keepCheckedBlocks
    // With a cache: a flow whose bytes and the project's names are as last time is not checked again.
    let names = cache.map { $0.namesVersion(CheckCache.names(index)) } ?? 0
    let paths = syntaxPaths
    let checkedSources = sources
    let centerKey = cache?.centerVersion(centerBytes) ?? 0
    // Each flow with what the project rules read of it (``CheckCache/ProjectFacts``), kept
    // with a kept check and written out for a new one.
    let checked = parallelMap(toCheck.count) { i -> (value: (flow: CheckedFlow, diagnostics: [Diagnostic]), facts: CheckCache.ProjectFacts?) in
      if let cache, let bytes = checkedSources[toCheck[i].file]?.bytes,
        let kept = cache.checking(paths[i], bytes: bytes, id: toCheck[i].file, names: names, center: centerKey)
      {
        return (kept.value, kept.facts)
      }
      var result = Checker.check(toCheck[i], index: index)
      if !keepBlocks { result.flow.blocks = [] }
      return (result, cache == nil ? nil : CheckCache.ProjectFacts(result.flow))
    }
    let flows = checked.map(\.value.flow)
    for result in checked { diagnostics += result.value.diagnostics }
    if let cache {
      var checkings: [String: CheckCache.Checking] = [:]
      for (i, result) in checked.enumerated() {
        guard let bytes = sources[toCheck[i].file]?.bytes, let facts = result.facts else { continue }
        checkings[paths[i]] = CheckCache.Checking(bytes: bytes, id: toCheck[i].file, names: names, center: centerKey, value: result.value, facts: facts)
      }
      cache.keep(readings: readings, checkings: checkings)
      // The project rules read each flow's facts, the names and the center: when none of
      // them changed, their findings are the last run's.
      let run = CheckCache.ProjectRun(paths: paths, names: names, center: centerKey, facts: checked.compactMap(\.facts), diagnostics: [])
      if let findings = cache.projectFindings(for: run) {
        diagnostics += findings
      } else {
        let findings = Checker.checkProject(flows, index: index)
        cache.keep(run: run, findings: findings)
        diagnostics += findings
      }
    } else {
      diagnostics += Checker.checkProject(flows, index: index)
    }

    // Suppressions and rule levels; when compiling, the compiler's rules stay errors.
    var suppressions: [Suppression]
    if let cache {
      suppressions = []
      for (i, syntax) in syntaxes.enumerated() where reportedIDs.contains(syntax.file) {
        suppressions += cache.suppressions(syntaxPaths[i], bytes: sources[syntax.file]?.bytes ?? [], flow: syntax)
      }
    } else {
      suppressions = syntaxes.filter { reportedIDs.contains($0.file) }.flatMap(\.allComments).compactMap(Suppression.init)
    }
    return finish(
      diagnostics: diagnostics, flows: flows, center: center, reportedIDs: reportedIDs, suppressions: &suppressions,
      reportedFlows: syntaxes.count { reportedIDs.contains($0.file) }, connectActions: connectActions, unreadFlowFiles: unreadFlowFiles,
      ruleLevels: ruleLevels, options: options)
  }

  /// The diagnostics of the files reported, with suppressions, rule levels and the compiler's
  /// rules applied.
  private func finish(
    diagnostics: [Diagnostic], flows: [CheckedFlow], center: Center?, reportedIDs: Set<FileID>, suppressions: inout [Suppression],
    reportedFlows: Int, connectActions: [FileID: [ConnectAction]], unreadFlowFiles: [FileID], ruleLevels: [String: RuleLevel],
    options: CheckOptions
  ) -> Checked {
    if let center, reportedIDs.contains(center.file) { suppressions += center.comments.compactMap(Suppression.init) }
    let found = diagnostics.filter { reportedIDs.contains($0.span.file) }
    var shown = Suppression.apply(suppressions, to: found).applying(ruleLevels)
    let enforced = CompilerRules.enforce(found: found, shown: shown)
    if options.compiling { shown = enforced.diagnostics }
    shown = ConnectFront.naming(shown, actions: connectActions)
    return Checked(
      diagnostics: shown, flows: flows, center: center, reportedFiles: reportedIDs.count, reportedFlows: reportedFlows,
      hiddenFromCompiler: options.compiling ? [] : enforced.forced, unreadFlowFiles: unreadFlowFiles)
  }

  /// The folder `center.yaml` was looked for from: the project's root, else the folder of
  /// its first flow file; nil for standard input alone, which has no project.
  private var centerSearchFolder: String? {
    if let root { return root }
    guard let first = flows.first, first.path != "-" else { return nil }
    guard let slash = first.path.lastIndex(of: "/") else { return "." }
    return slash == first.path.startIndex ? "/" : String(first.path[..<slash])
  }

  private static func bytes(of file: File) throws(InputError) -> [UInt8] {
    if let bytes = file.bytes { return bytes }
    return try FileReader.read(file.path)
  }
}
