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
    load(path: path, modelPath: modelPath, options: checkOptions).flatMap { loaded in
      ModelRun.simulate(
        loaded.model, reader: loaded.reader, program: loaded.project.program, center: loaded.project.center, blocks: loaded.project.blocks,
        progress: progress
      ).mapError { .model($0.diagnostics, loaded.sources) }
    }
  }

  /// Simulates project `path` under the model in file `modelPath` `replications` times, each
  /// with its own seed, on all cores (`cores` at a time, all when `nil`). `progress` is told
  /// the fraction of replications done.
  public static func replicate(
    path: String, modelPath: String, replications: Int, options checkOptions: CheckOptions = CheckOptions(), cores: Int? = nil,
    progress: ((Double) -> Void)? = nil
  ) -> Result<ReplicatedReport, Failure> {
    load(path: path, modelPath: modelPath, options: checkOptions).flatMap { loaded in
      ModelRun.replicate(
        loaded.model, replications: replications, reader: loaded.reader, program: loaded.project.program, center: loaded.project.center,
        blocks: loaded.project.blocks, cores: cores, progress: progress
      ).mapError { .model($0.diagnostics, loaded.sources) }
    }
  }

  /// One run of the model in file `modelPath` with `seed` on project `path`, handing the
  /// simulator to `inspect` once the run is over (tests compare contact records).
  static func run(
    path: String, modelPath: String, seed: UInt64, inspect: @escaping (Simulator) -> Void
  ) -> Result<SimulationReport, Failure> {
    load(path: path, modelPath: modelPath, options: CheckOptions()).flatMap { loaded in
      ModelRun.prepare(loaded.model, reader: loaded.reader, center: loaded.project.center, blocks: loaded.project.blocks).map { staff in
        ModelRun.run(
          loaded.model, seed: seed, program: loaded.project.program, center: loaded.project.center, staff: staff, progress: nil, inspect: inspect)
      }.mapError { .model($0.diagnostics, loaded.sources) }
    }
  }

  /// Finds the smallest count of agent group `group` of the model in file `modelPath` that
  /// meets `targets` in the queues named `queues` (all when empty), by simulating project
  /// `path` (``StaffingSearch``). `progress` is told each level once it is judged.
  public static func staff(
    path: String, modelPath: String, group: String, targets: StaffingTargets, queues: [String] = [], replications: Int, maxReplications: Int,
    maxAgents: Int, options checkOptions: CheckOptions = CheckOptions(), progress: ((StaffingStep) -> Void)? = nil
  ) -> Result<StaffingReport, Failure> {
    staffing(path: path, modelPath: modelPath, group: group, queues: queues, options: checkOptions) { loaded, g, indices in
      StaffingSearch.run(
        loaded.model, group: g, targets: targets, queues: indices, replications: replications, maxReplications: maxReplications,
        maxAgents: maxAgents, reader: loaded.reader, program: loaded.project.program, center: loaded.project.center,
        blocks: loaded.project.blocks, progress: progress)
    }
  }

  /// The search of ``staff(path:modelPath:group:targets:queues:replications:maxReplications:maxAgents:options:progress:)``
  /// for each day of the model on which the group works (``StaffingSearch/perDay(_:group:targets:queues:replications:maxReplications:maxAgents:reader:program:center:blocks:cores:progress:)``).
  /// `progress` is told the day (from 0) with each level.
  public static func staffPerDay(
    path: String, modelPath: String, group: String, targets: StaffingTargets, queues: [String] = [], replications: Int, maxReplications: Int,
    maxAgents: Int, options checkOptions: CheckOptions = CheckOptions(), progress: ((Int, StaffingStep) -> Void)? = nil
  ) -> Result<[StaffingReport], Failure> {
    staffing(path: path, modelPath: modelPath, group: group, queues: queues, options: checkOptions) { loaded, g, indices in
      StaffingSearch.perDay(
        loaded.model, group: g, targets: targets, queues: indices, replications: replications, maxReplications: maxReplications,
        maxAgents: maxAgents, reader: loaded.reader, program: loaded.project.program, center: loaded.project.center,
        blocks: loaded.project.blocks, progress: progress)
    }
  }

  /// `search` run on the model and project loaded, with the group's index and the queues'.
  private static func staffing<Report>(
    path: String, modelPath: String, group: String, queues: [String], options checkOptions: CheckOptions,
    search: ((model: LoadModel, reader: DocumentReader, project: SimulationProject, sources: SourceMap), Int, [Int]) -> Result<Report, ModelRun.Problems>
  ) -> Result<Report, Failure> {
    load(path: path, modelPath: modelPath, options: checkOptions).flatMap { loaded in
      let groups = loaded.model.agentGroupNames
      guard let g = groups.firstIndex(of: group) else {
        let known = groups.isEmpty ? "it has none" : "it has \(groups.joined(separator: ", "))"
        return .failure(.input(InputError("\(modelPath) has no agent group '\(group)' (\(known))")))
      }
      var indices: [Int] = []
      for name in queues {
        guard let q = loaded.project.center.queues.firstIndex(where: { $0.name == name }) else {
          let known = loaded.project.center.queues.map(\.name).joined(separator: ", ")
          return .failure(.input(InputError("center.yaml has no queue '\(name)' (it has \(known))")))
        }
        indices.append(q)
      }
      return search(loaded, g, indices).mapError { .model($0.diagnostics, loaded.sources) }
    }
  }

  /// The model file read, and the project built.
  private static func load(
    path: String, modelPath: String, options checkOptions: CheckOptions
  ) -> Result<(model: LoadModel, reader: DocumentReader, project: SimulationProject, sources: SourceMap), Failure> {
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
    switch SimulationProject.load(root: projectRoot, options: checkOptions) {
    case .success(let project): return .success((model, reader, project, sources))
    case .failure(.check(let check)): return .failure(.project(check, model: reader.sortedDiagnostics, sources))
    case .failure(.input(let error)): return .failure(.input(error))
    }
  }
}
