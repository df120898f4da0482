import CallflowSimulator
import CallflowSyntax
import CallflowVM
import Foundation

/// What a staffing search aims for; at least one is set.
public struct StaffingTargets: Sendable {
  /// At least `share` (0 to 1) of callers on the line answered within `within` seconds (the
  /// model's `service-level` when `nil`), out of those answered or abandoned.
  public var serviceLevel: (share: Double, within: Int?)?
  /// At most this share of callers on the line hang up waiting, out of those answered or
  /// abandoned.
  public var abandoned: Double?
  /// At least `share` of callbacks talked to by an agent within `within` seconds of their
  /// creation.
  public var callbacks: (share: Double, within: Int)?

  public init(serviceLevel: (share: Double, within: Int?)? = nil, abandoned: Double? = nil, callbacks: (share: Double, within: Int)? = nil) {
    self.serviceLevel = serviceLevel
    self.abandoned = abandoned
    self.callbacks = callbacks
  }

  public var isEmpty: Bool { serviceLevel == nil && abandoned == nil && callbacks == nil }
}

/// One staffing level tried: the estimates of the targets' figures over its replications, and
/// whether it meets the targets.
public struct StaffingStep: Sendable {
  public enum Verdict: String, Sendable {
    /// Every target is met by the whole of its 95% interval.
    case meets
    /// Some target is missed by the whole of its interval.
    case misses
    /// Some interval straddles its target after the most replications allowed.
    case uncertain
  }

  public var agents: Int
  public var replications: Int
  public var serviceLevel: Estimate?
  public var abandoned: Estimate?
  public var callbacks: Estimate?
  public var answerTime: Estimate?
  public var occupancy: Estimate?
  public var verdict: Verdict
}

/// The smallest number of agents in one group of a load model that meets the targets, found
/// by simulating replications at each level tried: `StaffingSearch.run`.
public struct StaffingReport: Sendable {
  public var model: String
  public var start: Int
  public var end: Int
  public var group: String
  public var routingProfile: String
  /// The group's count in the model.
  public var modelAgents: Int
  public var serviceLevelSeconds: Int
  public var targets: StaffingTargets
  /// The levels tried, by number of agents.
  public var steps: [StaffingStep]
  /// The smallest level that meets the targets; `nil` when none up to `maxAgents` does.
  public var answer: Int?
  public var maxAgents: Int
}

public enum StaffingSearch {
  /// Searches the smallest count of agent group `group` (an index into the model's
  /// `agents`) that meets `targets` in `queues` (all when empty): each level is simulated
  /// `replications` times, and again with twice as many (up to `maxReplications`) while an
  /// interval straddles its target. The model's count is tried first, then halved or doubled
  /// until the answer is bracketed (up to `maxAgents`), then bisected. Replication *k* has the
  /// same seed at every level, so that levels are compared on the same callers.
  public static func run(
    _ model: LoadModel, group: Int, targets: StaffingTargets, queues: [Int], replications: Int, maxReplications: Int, maxAgents: Int,
    reader: DocumentReader, program: Program, center: CenterModel, blocks: ProjectBlocks, cores: Int? = nil,
    progress: ((StaffingStep) -> Void)? = nil
  ) -> Result<StaffingReport, ModelRun.Problems> {
    var model = model
    if let within = targets.serviceLevel?.within { model.serviceLevel = within }
    // The model's references are checked once; other levels refer to the same.
    if case .failure(let problems) = ModelRun.prepare(model, reader: reader, center: center, blocks: blocks) { return .failure(problems) }
    var steps: [Int: StaffingStep] = [:]
    func meets(_ agents: Int) -> Bool {
      if let step = steps[agents] { return step.verdict == .meets }
      var level = model
      level.agents[group].count = agents
      guard case .success(let staff) = ModelRun.prepare(level, reader: reader, center: center, blocks: blocks) else { return false }
      var runs: [SimulationReport] = []
      var step: StaffingStep
      repeat {
        let more = runs.isEmpty ? replications : min(runs.count, maxReplications - runs.count)
        runs += ModelRun.runs(level, replications: (runs.count + 1)...(runs.count + more), program: program, center: center, staff: staff, cores: cores, progress: nil)
        step = Self.step(agents: agents, runs: runs, group: group, targets: targets, queues: queues)
      } while step.verdict == .uncertain && runs.count < maxReplications
      steps[agents] = step
      progress?(step)
      return step.verdict == .meets
    }

    // Bracket: `low` misses (0 agents answer no one), `high` meets.
    let first = min(max(1, model.agents[group].count), maxAgents)
    var low = 0
    var high: Int?
    if meets(first) {
      high = first
      var n = first / 2
      while n >= 1, meets(n) {
        high = n
        n /= 2
      }
      low = n
    } else {
      low = first
      var n = first
      while high == nil, n < maxAgents {
        n = min(n * 2, maxAgents)
        if meets(n) { high = n } else { low = n }
      }
    }
    if var high {
      while high - low > 1 {
        let middle = (low + high) / 2
        if meets(middle) { high = middle } else { low = middle }
      }
      return .success(report(model, group: group, targets: targets, steps: steps, answer: high, maxAgents: maxAgents))
    }
    return .success(report(model, group: group, targets: targets, steps: steps, answer: nil, maxAgents: maxAgents))
  }

  /// The search of ``run(_:group:targets:queues:replications:maxReplications:maxAgents:reader:program:center:blocks:cores:progress:)``
  /// made for each day of the model on which the group works, as a model of that day alone
  /// (from the same time of day, the same callers' rates, and the same seeds): a plan of
  /// agents per day. `progress` is told the day (from 0) with each level.
  public static func perDay(
    _ model: LoadModel, group: Int, targets: StaffingTargets, queues: [Int], replications: Int, maxReplications: Int, maxAgents: Int,
    reader: DocumentReader, program: Program, center: CenterModel, blocks: ProjectBlocks, cores: Int? = nil,
    progress: ((Int, StaffingStep) -> Void)? = nil
  ) -> Result<[StaffingReport], ModelRun.Problems> {
    var reports: [StaffingReport] = []
    for day in 0..<model.days where model.agents[group].days.contains(model.weekday(day)) {
      var one = model
      one.start = model.start + day * 86_400
      one.days = 1
      let result = run(
        one, group: group, targets: targets, queues: queues, replications: replications, maxReplications: maxReplications, maxAgents: maxAgents,
        reader: reader, program: program, center: center, blocks: blocks, cores: cores
      ) { progress?(day, $0) }
      switch result {
      case .success(let report): reports.append(report)
      case .failure(let problems): return .failure(problems)
      }
    }
    return .success(reports)
  }

  static func report(_ model: LoadModel, group: Int, targets: StaffingTargets, steps: [Int: StaffingStep], answer: Int?, maxAgents: Int) -> StaffingReport {
    StaffingReport(
      model: model.name, start: model.start, end: model.end, group: model.agents[group].name, routingProfile: model.agents[group].routingProfile.value,
      modelAgents: model.agents[group].count, serviceLevelSeconds: model.serviceLevel, targets: targets,
      steps: steps.values.sorted { $0.agents < $1.agents }, answer: answer, maxAgents: maxAgents)
  }

  /// The estimates of a level's runs, and its verdict.
  static func step(agents: Int, runs: [SimulationReport], group: Int, targets: StaffingTargets, queues: [Int]) -> StaffingStep {
    func totals(_ run: SimulationReport) -> MetricTotals {
      var sum = MetricTotals()
      for (q, line) in run.queues.enumerated() where queues.isEmpty || queues.contains(q) { sum += line.totals }
      return sum
    }
    func estimate(_ value: (SimulationReport) -> Double?) -> Estimate? { Estimate(runs.compactMap(value)) }
    let serviceLevel = estimate { run in
      let t = totals(run)
      return t.serviceLevelBase == 0 ? nil : Double(t.withinServiceLevel) / Double(t.serviceLevelBase)
    }
    let abandoned = estimate { run in
      let t = totals(run)
      return t.serviceLevelBase == 0 ? nil : Double(t.abandoned) / Double(t.serviceLevelBase)
    }
    let callbacks = targets.callbacks.flatMap { target in estimate { $0.callbacksHandled(within: target.within) } }
    // Each target: met, missed, or not known yet, by where its interval lies.
    var verdicts: [StaffingStep.Verdict] = []
    func judge(_ e: Estimate?, atLeast goal: Double) {
      guard let e else { return }
      verdicts.append(e.low >= goal ? .meets : e.high < goal ? .misses : .uncertain)
    }
    if let target = targets.serviceLevel { judge(serviceLevel, atLeast: target.share) }
    if let goal = targets.abandoned, let e = abandoned {
      verdicts.append(e.high <= goal ? .meets : e.low > goal ? .misses : .uncertain)
    }
    if let target = targets.callbacks { judge(callbacks, atLeast: target.share) }
    let verdict: StaffingStep.Verdict = verdicts.contains(.misses) ? .misses : verdicts.contains(.uncertain) ? .uncertain : .meets
    return StaffingStep(
      agents: agents, replications: runs.count, serviceLevel: serviceLevel, abandoned: abandoned, callbacks: callbacks,
      answerTime: estimate { totals($0).value(.avgQueueAnswerTime) }, occupancy: estimate { $0.agents[group].occupancy }, verdict: verdict)
  }
}
