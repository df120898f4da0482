import CallflowConcurrency
import CallflowDriver
import CallflowScenarios
import Foundation

/// The simulator on a week of a 500-agent center: about 300,000 calls, 30% of callers taking
/// a callback, running the sample project's flows. Reports the time, events per second, and
/// the peak memory of `callflow simulate` as a process; the baseline is a binary heap alone
/// scheduling and taking as many events.
enum SimulationBenchmark {
  static let model = """
    model: a week of a 500-agent center
    start: 2026-01-05T05:00:00Z
    days: 7
    seed: 1
    timezone: America/New_York
    arrivals:
      - {to: "+18005550199", days: mon-fri, per-hour: {"08:00-18:00": 5400}}
      - {to: "+18005550199", days: sat-sun, per-hour: {"09:00-13:00": 3750}}
    callers:
      choices:
        offer-callback: {"1": 30, "2": 70}
      answers: {human: 80, voicemail-beep: 8, no-answer: 10, busy: 2}
      patience: 10m
    agents:
      - {name: weekday, routing-profile: Tier1, count: 500, days: mon-fri, shift: "08:00-18:00", handle-time: 5m}
      - {name: weekend, routing-profile: Tier1, count: 300, days: sat-sun, shift: "09:00-13:00", handle-time: 5m}

    """

  struct Figures {
    var seconds: Double
    var calls: Int
    var contacts: Int
    var callbacks: Int
    var events: Int
    var baseline: Double
    var processSeconds: Double
    var peakMiB: Int
    /// The SimPy model of the same week (`Benchmarks/simpy_week.py`), when Python and SimPy
    /// are at hand: its outcomes and CPU seconds.
    var simpy: [String: Double]?
    /// callflow's outcomes under the same names.
    var outcomes: [String: Double] = [:]
    /// Both models' outcomes over ``peerSeeds`` seeds each: callflow's replications and
    /// SimPy's runs, as means with their 95% intervals.
    var replicated: [String: Estimate] = [:]
    var peerReplicated: [String: Estimate] = [:]
  }

  /// The seeds each model runs for the comparison of their outcomes.
  static let peerSeeds = 10

  /// The outcomes the SimPy model prints, from callflow's report.
  static func outcomes(_ report: SimulationReport) -> [String: Double] {
    guard let support = report.queues.first(where: { $0.name == "Support" })?.totals,
      let queue = report.queues.first(where: { $0.name == "Callbacks" })?.totals
    else { return [:] }
    return [
      "calls": Double(report.calls), "rejected": Double(support.rejected + queue.rejected), "support_queued": Double(support.queued),
      "support_handled": Double(support.handled), "support_abandoned": Double(support.abandoned),
      "support_service_level": support.value(.serviceLevel) ?? .nan, "support_avg_answer": support.value(.avgQueueAnswerTime) ?? .nan,
      "callbacks_created": Double(queue.callbacksCreated), "callbacks_handled": Double(queue.callbacksHandled),
      "callbacks_not_answered": Double(queue.callbacksNotAnswered), "callbacks_avg_answer": queue.value(.avgQueueAnswerTime) ?? .nan,
    ]
  }

  /// Each outcome's mean over `runs`, with its 95% interval.
  static func estimates(_ runs: [[String: Double]]) -> [String: Estimate] {
    var result: [String: Estimate] = [:]
    for key in Set(runs.flatMap(\.keys)) { result[key] = Estimate(runs.compactMap { $0[key] }.filter { !$0.isNaN }) }
    return result
  }

  static func measure(runs: Int, samples: String, executable: String?) throws -> Figures {
    let file = NSTemporaryDirectory() + "callflow-bench-week-\(UUID().uuidString).model.yaml"
    try model.write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    // A first run, untimed, gives the number of events the baseline takes; then the
    // simulation and the bare heap are timed in turns, so that a ratio of the two does not
    // move with the machine's minute (this shared machine's speed swings by a third within
    // minutes, and a memory-bound simulation and a cache-bound heap do not swing alike).
    guard case .success(let report) = SimulateRun.run(path: samples, modelPath: file) else { fatalError("the benchmark's model does not simulate") }
    let callbacks = report.queues.reduce(0) { $0 + $1.totals.callbacksCreated }
    let (seconds, baseline) = Benchmark.paired(
      runs, { () -> Bool in if case .success = SimulateRun.run(path: samples, modelPath: file) { true } else { false } },
      { agendaAlone(events: report.events) })
    var processSeconds = Double.nan
    var peak = 0
    if let executable {
      for _ in 0..<max(runs, 1) {
        let start = ContinuousClock.now
        Benchmark.runProcess(executable, ["simulate", samples, "--model", file])
        let elapsed = ContinuousClock.now - start
        processSeconds = min(processSeconds.isNaN ? .infinity : processSeconds, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
      }
      peak = Benchmark.processUsage(1, executable, ["simulate", samples, "--model", file]).peakMiB
    }
    var figures = Figures(
      seconds: seconds, calls: report.calls, contacts: report.contacts, callbacks: callbacks, events: report.events, baseline: baseline,
      processSeconds: processSeconds, peakMiB: peak)
    figures.simpy = simpyWeek(seed: 1)
    figures.outcomes = outcomes(report)
    if let first = figures.simpy {
      // One seed of each is one draw of each: the overnight callbacks alone (each waiting
      // about 14 hours) move a week's mean answer by several percent. Ten seeds of each.
      if case .success(let replicated) = SimulateRun.replicate(path: samples, modelPath: file, replications: peerSeeds) {
        figures.replicated = estimates(replicated.runs.map(outcomes))
      }
      // Seed 1 is the run above; the others run a core's worth at a time (each times its
      // own CPU, which the others do not change).
      var peers = [first]
      var seed = 2
      while seed <= peerSeeds {
        let batch = Array(seed...min(seed + ProcessInfo.processInfo.activeProcessorCount - 1, peerSeeds))
        peers += parallelMap(batch.count) { simpyWeek(seed: batch[$0]) ?? [:] }
        seed += batch.count
      }
      figures.peerReplicated = estimates(peers)
    }
    return figures
  }

  /// Runs the SimPy model of the week with `seed`, when `python3` can import SimPy; its JSON
  /// output.
  static func simpyWeek(seed: Int) -> [String: Double]? {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let script = url.appendingPathComponent("Benchmarks/simpy_week.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, "--seed", String(seed)]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
    return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
  }

  /// A binary heap of (time, sequence, payload) taking `events` pushes and pops, with as many
  /// pending at once as the simulation's agenda holds at its busiest (a few thousand).
  static func agendaAlone(events: Int) -> Int {
    var heap: [(Int, Int, Int)] = []
    heap.reserveCapacity(4096)
    var generator = 0x2545_F491_4F6C_DD1D as UInt64
    var sum = 0
    func less(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Bool { a.0 != b.0 ? a.0 < b.0 : a.1 < b.1 }
    for n in 0..<events {
      generator ^= generator << 13
      generator ^= generator >> 7
      generator ^= generator << 17
      heap.append((n + Int(generator % 4096), n, n))
      var c = heap.count - 1
      while c > 0, less(heap[c], heap[(c - 1) / 2]) {
        heap.swapAt(c, (c - 1) / 2)
        c = (c - 1) / 2
      }
      if heap.count > 2048 {
        let top = heap[0]
        sum &+= top.2
        heap[0] = heap.removeLast()
        var p = 0
        while true {
          let l = 2 * p + 1
          guard l < heap.count else { break }
          let r = l + 1
          let m = r < heap.count && less(heap[r], heap[l]) ? r : l
          guard less(heap[m], heap[p]) else { break }
          heap.swapAt(m, p)
          p = m
        }
      }
    }
    return sum
  }
}
