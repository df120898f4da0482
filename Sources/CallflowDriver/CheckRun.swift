import CallflowChecker
import CallflowConcurrency
import CallflowDSL
import CallflowDiagnostics
import CallflowRules
import CallflowSyntax
import CallflowYAML
import Foundation

/// What a check run is asked to do besides reading its paths.
public struct CheckOptions: Sendable {
  /// The environment of `callflow.yaml` whose values fill `${NAME}`.
  public var environment: String?
  /// `--define NAME=VALUE` values; they win over the environment's.
  public var defines: [String: String]
  /// Whether ``CheckResult/flows`` keep their checked blocks. `callflow check` needs only the
  /// diagnostics: without the blocks each worker reuses their memory for the next flow.
  public var keepCheckedBlocks: Bool
  /// Rule levels by rule id (`--rule NAME=LEVEL`): `off` drops a rule's diagnostics.
  public var ruleLevels: [String: RuleLevel]

  public init(
    environment: String? = nil, defines: [String: String] = [:], keepCheckedBlocks: Bool = true,
    ruleLevels: [String: RuleLevel] = [:]
  ) {
    self.environment = environment
    self.defines = defines
    self.keepCheckedBlocks = keepCheckedBlocks
    self.ruleLevels = ruleLevels
  }
}

/// Everything a check run produced.
public struct CheckResult: Sendable {
  public var sources: SourceMap
  /// The diagnostics of the files asked about, in print order.
  public var diagnostics: [Diagnostic]
  public var summary: DiagnosticSummary
  /// Every checked flow, of every project of the run (without their blocks when
  /// ``CheckOptions/keepCheckedBlocks`` is off).
  public var flows: [CheckedFlow]
  /// The centers of the projects of the run.
  public var centers: [Center]
}

/// Loads projects, parses their files in parallel, checks them and gathers the diagnostics.
public enum CheckRun {
  /// Checks `paths` (flow files, project folders, or `-` for standard input).
  public static func run(paths: [String], options: CheckOptions = CheckOptions(), standardInput: () throws(InputError) -> [UInt8] = readStandardInput)
    throws(InputError) -> CheckResult
  {
    let layout = try ProjectLayout.discover(paths)
    var sources = SourceMap()
    var diagnostics: [Diagnostic] = []
    var flows: [CheckedFlow] = []
    var centers: [Center] = []
    var reportedFiles = 0
    var reportedFlows = 0
    for group in layout.groups {
      var stdin: [UInt8]?
      if group.flows.contains("-") { stdin = try standardInput() }
      let result = try check(group, options: options, sources: &sources, stdin: stdin)
      diagnostics += result.diagnostics
      flows += result.flows
      if let center = result.center { centers.append(center) }
      reportedFiles += result.reportedFiles
      reportedFlows += result.reportedFlows
    }
    diagnostics.sort(by: Diagnostic.printOrder(in: sources))
    let summary = DiagnosticSummary(files: reportedFiles, flows: reportedFlows, diagnostics: diagnostics)
    return CheckResult(sources: sources, diagnostics: diagnostics, summary: summary, flows: flows, centers: centers)
  }

  private struct GroupResult {
    var diagnostics: [Diagnostic]
    var flows: [CheckedFlow]
    var center: Center?
    var reportedFiles: Int
    var reportedFlows: Int
  }

  private static func check(_ group: ProjectLayout.Group, options: CheckOptions, sources: inout SourceMap, stdin: [UInt8]?)
    throws(InputError) -> GroupResult
  {
    var diagnostics: [Diagnostic] = []
    var reported = Set<FileID>()

    // Configuration and substitutions.
    var substitutions = Substitutions(values: [:], environment: options.environment)
    var environmentValues: [String: String] = [:]
    var ruleLevels = options.ruleLevels
    var flowPaths = group.flows
    if let configPath = group.config {
      let source = SourceFile(path: configPath, bytes: try FileReader.read(configPath))
      let id = sources.add(source)
      reported.insert(id)
      let (config, problems) = Configuration.parse(source, file: id)
      diagnostics += problems
      ruleLevels = config.rules.merging(options.ruleLevels) { $1 }
      if let root = group.root, !config.exclude.isEmpty {
        let prefix = ProjectLayout.displayPath(root)
        flowPaths = flowPaths.filter { path in
          let relative = prefix == "." ? path : String(path.dropFirst(prefix.count + 1))
          return !config.exclude.contains { Glob.matches($0, relative) }
        }
      }
      if let environment = options.environment {
        guard let values = config.environments[environment] else {
          let known = config.environments.keys.sorted()
          throw InputError(
            "\(configPath) has no environment '\(environment)'"
              + (known.isEmpty ? "" : " (it has \(known.joined(separator: ", ")))"))
        }
        environmentValues = values
      }
    } else if let environment = options.environment {
      throw InputError("--env \(environment) needs a callflow.yaml with environments in \(group.root.map(ProjectLayout.displayPath) ?? "the project")")
    }
    substitutions.values = environmentValues.merging(options.defines) { $1 }
    let frontend = YAMLFrontend(substitutions: substitutions)
    let dsl = DSLFrontend(substitutions: substitutions)

    // center.yaml.
    var center: Center?
    if let centerPath = group.center {
      let source = SourceFile(path: centerPath, bytes: try FileReader.read(centerPath))
      let id = sources.add(source)
      if group.reported.contains(centerPath) { reported.insert(id) }
      let parsed = frontend.parseCenter(source, file: id)
      center = parsed.center
      diagnostics += parsed.diagnostics
    }

    // Flow files, read and parsed in parallel.
    let paths = flowPaths
    let firstID = UInt32(sources.files.count)
    let parsed = parallelMap(paths.count) { i -> Result<(SourceFile, FlowSyntax?, [Diagnostic]), InputError> in
      let path = paths[i]
      let id = FileID(firstID + UInt32(i))
      let source: SourceFile
      if path == "-" {
        source = SourceFile(path: "<stdin>", bytes: stdin ?? [])
      } else {
        do throws(InputError) {
          source = SourceFile(path: path, bytes: try FileReader.read(path))
        } catch {
          return .failure(error)
        }
        if source.bytes.isEmpty, FileReader.isTooLarge(path) {
          let tooLarge = Diagnostic(
            .yamlSyntax, "the file is larger than \(FileReader.maxFileSize >> 20) MiB and was not read",
            at: SourceSpan(file: id, at: SourceLocation(line: 1, column: 1)))
          return .success((source, nil, [tooLarge]))
        }
      }
      let form = path == "-" ? SourceForm.detect(source.bytes) : (SourceForm(path: path) ?? .yaml)
      let (flow, problems) = form == .dsl ? dsl.parseFlow(source, file: id) : frontend.parseFlow(source, file: id)
      return .success((source, flow, problems))
    }
    var syntaxes: [FlowSyntax] = []
    for (i, result) in parsed.enumerated() {
      let (source, flow, problems) = try result.get()
      let id = sources.add(source)
      if group.reported.contains(paths[i]) { reported.insert(id) }
      diagnostics += problems
      if let flow { syntaxes.append(flow) }
    }

    // Checking, flows in parallel, then the project-wide rules.
    let index = ProjectIndex(flows: syntaxes, center: center, knowsAllFlows: group.complete)
    let toCheck = syntaxes
    let keepBlocks = options.keepCheckedBlocks
    let checked = parallelMap(toCheck.count) { i in
      var result = Checker.check(toCheck[i], index: index)
      if !keepBlocks { result.flow.blocks = [] }
      return result
    }
    let flows = checked.map(\.flow)
    for result in checked { diagnostics += result.diagnostics }
    diagnostics += Checker.checkProject(flows, index: index)

    var suppressions = syntaxes.filter { reported.contains($0.file) }.flatMap(\.allComments).compactMap(Suppression.init)
    if let center, reported.contains(center.file) { suppressions += center.comments.compactMap(Suppression.init) }
    let shown = Suppression.apply(suppressions, to: diagnostics.filter { reported.contains($0.span.file) })
      .applying(ruleLevels)
    return GroupResult(
      diagnostics: shown, flows: flows, center: center, reportedFiles: reported.count,
      reportedFlows: syntaxes.count { reported.contains($0.file) })
  }
}

/// All of standard input.
public func readStandardInput() throws(InputError) -> [UInt8] { try FileReader.readStandardInput() }
