import CallflowDiagnostics
import CallflowScenarios
import CallflowSimulator
import CallflowSyntax
import CallflowYAML
import Foundation


/// `callflow test`: runs scenario files against their projects and checks their expectations.
public enum ScenarioRun {
  /// The scenario files among `paths`: files as given, folders walked for `*.test.yaml`.
  public static func files(_ paths: [String]) throws(InputError) -> [String] {
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw InputError(path: path, reason: "no such file or folder")
      }
      if isDirectory.boolValue {
        files += try ProjectLayout.files(under: ProjectLayout.absolutePath(path)) { $0.hasSuffix(ProjectLayout.scenarioSuffix) }
      } else {
        files.append(path)
      }
    }
    return files
  }

  /// Runs every scenario file of `paths`.
  public static func run(paths: [String], options: CheckOptions = CheckOptions()) throws(InputError) -> ScenarioRunResult {
    let files = try files(paths)
    guard !files.isEmpty else { throw InputError("no scenario files (*.test.yaml) in \(paths.joined(separator: ", "))") }
    var sources = SourceMap()
    var projects: [String: Result<SimulationProject, SimulationProject.Failure>] = [:]
    var outcomes: [ScenarioOutcome] = []
    for path in files {
      var (root, file, reader) = try DocumentReader.load(path, into: &sources)
      var outcome = ScenarioOutcome(path: path, name: (path as NSString).lastPathComponent, status: .error)
      // The file's own mistakes and its references to the project are reported together.
      guard let root, let scenario = Scenario.read(root, file: file, reader: &reader) else {
        outcome.diagnostics = reader.sortedDiagnostics
        outcomes.append(outcome)
        continue
      }
      outcome.name = scenario.name
      guard let projectRoot = SimulationProject.root(of: path) else {
        reader.error("no center.yaml in this folder or above it: a scenario runs against the project it is in", at: scenario.span)
        outcome.diagnostics = reader.sortedDiagnostics
        outcomes.append(outcome)
        continue
      }
      if projects[projectRoot] == nil { projects[projectRoot] = SimulationProject.load(root: projectRoot, options: options) }
      switch projects[projectRoot] {
      case .success(let project)?:
        outcome = ScenarioRunner.run(scenario, program: project.program, center: project.center, reader: reader, outcome: outcome)
      case .failure(.check(let check))?:
        let errors = check.diagnostics.filter { $0.severity == .error }
        outcome.diagnostics = reader.sortedDiagnostics
        outcome.issues = ["the project \(projectRoot) has \(check.summary.errors) error(s), so it was not simulated:"]
        outcome.projectErrors = TextRenderer(colors: false).render(errors, sources: check.sources)
      case .failure(.input(let error))?:
        // The project could not be read as asked (an unknown --env, a file that cannot be
        // read): the command could not run, as `check` could not.
        throw error
      case nil:
        break
      }
      outcomes.append(outcome)
    }
    return ScenarioRunResult(outcomes: outcomes, sources: sources)
  }

}
