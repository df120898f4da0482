import CallflowConcurrency
import CallflowDiagnostics
import CallflowSimulator
import CallflowSyntax
import CallflowVM
import Foundation

/// Runs a compiled project under a load model and reports on it: what `callflow simulate`
/// does once the model is read and the project built.
public enum ModelRun {
  /// The model's references to the project that do not hold (numbers, routing profiles).
  public struct Problems: Error {
    public var diagnostics: [Diagnostic]
  }

  /// Simulates `model` against a compiled project: its program, its center and its flows'
  /// blocks. `reader` holds the model file's mistakes so far: the model runs only when
  /// there are none, and all of them are reported together. `progress` is told the fraction
  /// of the simulated period done.
  public static func simulate(
    _ model: LoadModel, reader: DocumentReader, program: Program, center: CenterModel, blocks: ProjectBlocks, progress: ((Double) -> Void)?
  ) -> Result<SimulationReport, Problems> {
    prepare(model, reader: reader, center: center, blocks: blocks).map { staff in
      run(model, seed: model.seed, program: program, center: center, staff: staff) { progress?($0) }
    }
  }

  /// Simulates `model` `replications` times, each with its own seed (``seed(_:replication:)``),
  /// on all cores, and reports each figure as the mean of the replications with its 95%
  /// confidence interval. The same model and count give the same report on any number of
  /// cores (`cores` at a time, all when `nil`). `progress` is told the fraction of
  /// replications done.
  public static func replicate(
    _ model: LoadModel, replications: Int, reader: DocumentReader, program: Program, center: CenterModel, blocks: ProjectBlocks,
    cores: Int? = nil, progress: ((Double) -> Void)?
  ) -> Result<ReplicatedReport, Problems> {
    prepare(model, reader: reader, center: center, blocks: blocks).map { staff in
      ReplicatedReport(runs: runs(model, replications: 1...replications, program: program, center: center, staff: staff, cores: cores, progress: progress))
    }
  }

  /// The runs of replications `replications` (numbered from 1), a batch at a time, one per
  /// core; between batches, progress.
  static func runs(
    _ model: LoadModel, replications: ClosedRange<Int>, program: Program, center: CenterModel, staff: Staff, cores: Int?,
    progress: ((Double) -> Void)?
  ) -> [SimulationReport] {
    let batch = max(1, cores ?? ProcessInfo.processInfo.activeProcessorCount)
    var runs: [SimulationReport] = []
    while runs.count < replications.count {
      let first = replications.lowerBound + runs.count
      runs += parallelMap(min(batch, replications.upperBound - first + 1)) { k in
        run(model, seed: seed(model.seed, replication: first + k), program: program, center: center, staff: staff, progress: nil)
      }
      progress?(Double(runs.count) / Double(replications.count))
    }
    return runs
  }

  /// The seed of replication `replication` (1-based) of a model whose seed is `seed`: the
  /// first is the model's own, so that it is the run `simulate` makes; each other is drawn
  /// from the model's seed and its number.
  public static func seed(_ seed: UInt64, replication: Int) -> UInt64 {
    guard replication > 1 else { return seed }
    var random = SeededRandom(seed: seed ^ (UInt64(truncatingIfNeeded: replication) &* 0xD1B5_4A32_D192_ED03))
    return random.next()
  }

  /// The agents of a model, as the simulator takes them.
  public struct Staff: Sendable {
    var schedules: [AgentSchedule] = []
    var handleTimes: [Int] = []
    var afterContactWork: [Int] = []
    var groups: [(name: String, profile: String, agents: Range<Int>)] = []
  }

  /// Checks the model's references to the project and lays out its agents; the model's
  /// problems, with those `reader` already holds, when there are any.
  public static func prepare(_ model: LoadModel, reader: DocumentReader, center: CenterModel, blocks: ProjectBlocks) -> Result<Staff, Problems> {
    var reader = reader
    for stream in model.arrivals { reader.checkNumber(stream.to, in: center) }
    model.checkChoices(against: blocks, reader: &reader)
    var staff = Staff()
    for group in model.agents {
      guard let profile = reader.routingProfile(group.routingProfile, in: center) else { continue }
      var shifts: [Range<Int>] = []
      for day in 0...model.days where group.days.contains(model.weekday(day)) {
        let from = max(model.utc(day: day, seconds: group.shift.lowerBound), model.start)
        let to = min(model.utc(day: day, seconds: group.shift.upperBound), model.end)
        if from < to { shifts.append(from..<to) }
      }
      let first = staff.schedules.count
      for n in 1...group.count {
        staff.schedules.append(AgentSchedule(name: "\(group.name)-\(n)", profile: profile, shifts: shifts))
        staff.handleTimes.append(group.handleTime)
        staff.afterContactWork.append(group.afterContactWork)
      }
      staff.groups.append((group.name, group.routingProfile.value, first..<staff.schedules.count))
    }
    guard reader.diagnostics.isEmpty else { return .failure(ModelRun.Problems(diagnostics: reader.sortedDiagnostics)) }
    return .success(staff)
  }

  /// One run of `model` with `seed`; `inspect` sees the simulator once the run is over (tests
  /// read its contact records).
  public static func run(
    _ model: LoadModel, seed: UInt64, program: Program, center: CenterModel, staff: Staff, progress: ((Double) -> Void)?,
    inspect: ((Simulator) -> Void)? = nil
  ) -> SimulationReport {
    var model = model
    model.seed = seed
    let world = ModelWorld(model: model, agentHandleTimes: staff.handleTimes, agentAfterContactWork: staff.afterContactWork)
    let calls = world.callerCount
    var options = SimulationOptions()
    options.until = model.end
    options.routingFollowsQueueHours = true
    // Calls, and the callbacks and dials some of them create.
    options.expectedContacts = calls + calls / 2
    options.maxEvents = max(options.maxEvents, calls * 200)
    var simulator = Simulator(program: program, center: center, world: world, agents: staff.schedules, start: model.start, options: options)
    let span = Double(model.end - model.start)
    simulator.run { now in progress?(Double(now - model.start) / span) }
    inspect?(simulator)

    let intervals = (model.end - model.start + model.interval - 1) / model.interval
    let perInterval = simulator.totals(start: model.start, interval: model.interval, intervals: intervals, serviceLevel: model.serviceLevel)
    let queues = center.queues.indices.map { q -> SimulationReport.QueueLine in
      var totals = MetricTotals()
      for t in perInterval[q] { totals += t }
      let peaks = simulator.peaks(of: q)
      return SimulationReport.QueueLine(
        name: center.queues[q].name, totals: totals, peakContacts: peaks.contacts, peakCallbacks: peaks.callbacks,
        callbacksAtEnd: simulator.samples(of: q).last?.callbacks ?? 0)
    }
    let times = simulator.agentTimes()
    let agents = staff.groups.map { g in
      SimulationReport.AgentLine(
        name: g.name, routingProfile: g.profile, count: g.agents.count, online: g.agents.reduce(0) { $0 + times[$1].online },
        busy: g.agents.reduce(0) { $0 + times[$1].busy }, handled: g.agents.reduce(0) { $0 + times[$1].handled })
    }
    // The real-time series: about 480 steps over the run, each a whole number of minutes.
    let step = max(60, (model.end - model.start) / 480 / 60 * 60)
    let series = center.queues.indices.map { q in
      let (contacts, callbacks) = Self.series(simulator.samples(of: q), start: model.start, end: model.end, step: step)
      return SimulationReport.Series(queue: center.queues[q].name, contacts: contacts, callbacks: callbacks)
    }
    let issues = simulator.issues.prefix(5).map { "\(Clock.iso($0.time))\($0.contact < 0 ? "" : " " + ContactRecord.id($0.contact)): \($0.message)" }
    let callbackTimes = simulator.callbackAnswerTimes()
    var report = SimulationReport(
        model: model.name, start: model.start, end: model.end, seed: model.seed, timezone: model.timezone.identifier,
        utcOffset: model.timezone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(model.start))), serviceLevel: model.serviceLevel, calls: calls,
        contacts: simulator.contactCount, events: simulator.eventsHandled, queues: queues, agents: agents, interval: model.interval,
        intervals: perInterval, step: step, series: series, issues: Array(issues), issueCount: simulator.issues.count)
    report.callbackAnswerTimes = callbackTimes.compactMap { $0 }.sorted()
    report.callbacks = callbackTimes.count
    return report
  }

  /// The most contacts and callbacks a queue held in each step from `start` to `end`, from
  /// its log of changes.
  static func series(_ samples: [QueueSample], start: Int, end: Int, step: Int) -> (contacts: [Int], callbacks: [Int]) {
    let steps = (end - start + step - 1) / step
    var contacts = Array(repeating: 0, count: steps)
    var callbacks = Array(repeating: 0, count: steps)
    var current = (contacts: 0, callbacks: 0)
    var k = 0
    for s in 0..<steps {
      let stepEnd = start + (s + 1) * step
      var most = current
      while k < samples.count, samples[k].time < stepEnd {
        current = (samples[k].contacts, samples[k].callbacks)
        if samples[k].time >= start + s * step || s == 0 {
          most = (max(most.contacts, current.contacts), max(most.callbacks, current.callbacks))
        }
        k += 1
      }
      // A step's value is the most it held at any moment in it, the value carried in included.
      contacts[s] = max(most.contacts, current.contacts)
      callbacks[s] = max(most.callbacks, current.callbacks)
    }
    return (contacts, callbacks)
  }
}
