import CallflowChecker
import CallflowConcurrency
import CallflowDSL
import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML
import Foundation

/// What a check run is asked to do besides reading its paths.
public struct CheckOptions: Sendable {
  /// The environment of `callflow.yaml` whose values fill `${NAME}`.
  public var environment: String?
  /// `--define NAME=VALUE` values; they win over the environment's.
  public var defines: [String: String]
  /// Whether ``CheckResult/flows`` keep their checked blocks. `callflow check` needs only
  /// the diagnostics: without the blocks, it holds about one flow per core.
  public var keepCheckedBlocks: Bool
  /// Whether ``CheckResult/flows`` keep their syntax trees whole (an export writes them
  /// back). Without them (as the commands check, graph and build), a project is indexed from
  /// its flows' headers and each flow is read, checked and its tree freed in turn; its
  /// ``CheckedFlow/syntax`` keeps the flow's name, type and file.
  public var keepsSyntaxTrees = true
  /// Rule levels by rule id (`--rule NAME=LEVEL`): `off` drops a rule's diagnostics.
  public var ruleLevels: [String: RuleLevel]
  /// Whether the run checks a project to compile it (`build`, `test`, `simulate`): the
  /// findings of the rules the compiler depends on then stay errors, whatever the rule levels
  /// and suppressions say (``CompilerRules``).
  public var compiling: Bool
  /// Whether a folder's projects below it (folders with a center.yaml of their own) are
  /// checked too, each as a project of its own (`callflow check`); otherwise a folder is the
  /// one project it is in.
  public var nestedProjects = false
  /// Whether flows read from Amazon Connect keep their actions' designer positions. Only an
  /// export writes them back; the commands that read flows for anything else leave them.
  public var keepsConnectLayout = true
  /// Whether the configuration's `exclude` also leaves out the files named on the command
  /// line (`--force-exclude`); by default a file named is checked.
  public var forceExclude = false
  /// The path standard input (`-`) is checked as, inside that file's project
  /// (`--stdin-filename`), as an editor checks the text of an unsaved file.
  public var standardInputName: String?

  public init(
    environment: String? = nil, defines: [String: String] = [:], keepCheckedBlocks: Bool = true,
    ruleLevels: [String: RuleLevel] = [:], compiling: Bool = false
  ) {
    self.environment = environment
    self.defines = defines
    self.keepCheckedBlocks = keepCheckedBlocks
    self.ruleLevels = ruleLevels
    self.compiling = compiling
  }
}

/// Everything a check run produced.
public struct CheckResult: Sendable {
  public var sources: SourceMap
  /// The diagnostics of the files asked about, in print order.
  public var diagnostics: [Diagnostic]
  public var summary: DiagnosticSummary
  /// Every checked flow, of every project of the run (without their blocks when
  /// ``CheckOptions/keepCheckedBlocks`` is off, without their syntax trees' blocks and
  /// comments when ``CheckOptions/keepsSyntaxTrees`` is).
  public var flows: [CheckedFlow]
  /// The centers of the projects of the run.
  public var centers: [Center]
  /// Whether the run was made to compile (``CheckOptions/compiling``, with checked blocks
  /// kept) and found no error: only such a result may be compiled.
  public var compilable: Bool
  /// The ids of the rules, one per finding, whose errors the levels or suppressions hid
  /// from this run but that compiling would still report (``CompilerRules``).
  public var hiddenFromCompiler: [String] = []
  /// The flow files that could not be read as flows (their syntax errors are among the
  /// diagnostics), in the order of the run.
  public var unreadFlowFiles: [FileID] = []
}

/// Loads projects, parses their files in parallel, checks them and gathers the diagnostics.
public enum CheckRun {
  /// Checks `paths` (flow files, project folders, or `-` for standard input).
  public static func run(paths: [String], options: CheckOptions = CheckOptions(), standardInput: () throws(InputError) -> [UInt8] = readStandardInput)
    throws(InputError) -> CheckResult
  {
    if options.standardInputName != nil, !paths.contains("-") {
      throw InputError("--stdin-filename names the file standard input stands for: pass `-` as a path too")
    }
    let layout = try ProjectLayout.discover(
      paths, nested: options.nestedProjects && !options.compiling, standardInputName: options.standardInputName)
    var projects: [Project] = []
    for group in layout.groups {
      projects.append(Project(group, stdin: group.flows.contains("-") || group.standardInput != nil ? try standardInput() : nil))
    }
    return try run(projects, options: options)
  }

  /// Checks projects, read from disk or held in memory (``Project/init(files:)``). A `cache`
  /// kept from the last check of the same single project, with the same options, spares
  /// reading and checking again the flows that did not change (an editor's checks).
  public static func run(_ projects: [Project], options: CheckOptions = CheckOptions(), cache: CheckCache? = nil) throws(InputError) -> CheckResult {
    var sources = SourceMap()
    var diagnostics: [Diagnostic] = []
    var flows: [CheckedFlow] = []
    var centers: [Center] = []
    var reportedFiles = 0
    var reportedFlows = 0
    var hidden: [String] = []
    var unread: [FileID] = []
    for project in projects {
      let result = try project.check(options: options, sources: &sources, cache: projects.count == 1 ? cache : nil)
      unread += result.unreadFlowFiles
      diagnostics += result.diagnostics
      flows += result.flows
      if let center = result.center { centers.append(center) }
      reportedFiles += result.reportedFiles
      reportedFlows += result.reportedFlows
      hidden += result.hiddenFromCompiler
    }
    diagnostics.sort(by: Diagnostic.printOrder(in: sources))
    let summary = DiagnosticSummary(files: reportedFiles, flows: reportedFlows, diagnostics: diagnostics)
    return CheckResult(
      sources: sources, diagnostics: diagnostics, summary: summary, flows: flows, centers: centers,
      compilable: options.compiling && options.keepCheckedBlocks && summary.errors == 0, hiddenFromCompiler: hidden,
      unreadFlowFiles: unread)
  }
}

/// All of standard input.
public func readStandardInput() throws(InputError) -> [UInt8] { try FileReader.readStandardInput() }
