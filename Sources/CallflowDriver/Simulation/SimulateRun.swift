import CallflowDiagnostics
import CallflowScenarios
import CallflowSimulator
import CallflowSyntax
import CallflowYAML
import Foundation

/// `callflow simulate`: a project under a load model.
public enum SimulateRun {
  public enum Failure: Error {
    /// The model file has errors, or refers to what the project does not have.
    case model([Diagnostic], SourceMap)
    /// The project has errors; the model file's own mistakes, if it has any, with their sources.
    case project(CheckResult, model: [Diagnostic], SourceMap)
    case input(InputError)
  }

  /// Simulates project `path` under the model in file `modelPath`. `progress` is told the
  /// fraction of the simulated period done, now and then.
  public static func run(
    path: String, modelPath: String, options checkOptions: CheckOptions = CheckOptions(), progress: ((Double) -> Void)? = nil
  ) -> Result<SimulationReport, Failure> {
    var sources = SourceMap()
    let loaded: (root: SyntaxValue?, file: FileID, reader: DocumentReader)
    do { loaded = try DocumentReader.load(modelPath, into: &sources) } catch { return .failure(.input(error)) }
    var reader = loaded.reader
    // The file's own mistakes and its references to the project are reported together.
    guard let root = loaded.root, let model = LoadModel.read(root, reader: &reader) else {
      return .failure(.model(reader.sortedDiagnostics, sources))
    }
    guard let projectRoot = SimulationProject.root(of: path) else {
      return .failure(.input(InputError("no center.yaml in \(path) or above it: simulate runs a project")))
    }
    let project: SimulationProject
    switch SimulationProject.load(root: projectRoot, options: checkOptions) {
    case .success(let p): project = p
    case .failure(.check(let check)): return .failure(.project(check, model: reader.sortedDiagnostics, sources))
    case .failure(.input(let error)): return .failure(.input(error))
    }
    switch ModelRun.simulate(model, reader: reader, program: project.program, center: project.center, blocks: project.blocks, progress: progress) {
    case .success(let report): return .success(report)
    case .failure(let problems): return .failure(.model(problems.diagnostics, sources))
    }
  }
}
