import CallflowDriver
import CallflowScenarios
import CallflowSimulator
import CallflowTestSupport
import Foundation
import Testing

/// The simulator against queueing theory: one queue, Poisson arrivals, `c` agents with
/// exponential handle times, and the closed forms for that queue (Erlang C, and Erlang A when
/// callers hang up after exponential patience). The closed forms must lie within the 95%
/// confidence interval of the replications' estimate.
@Suite struct QueueingTheoryTests {
  /// Three days of calls arriving at a constant rate, around the clock, to five agents who
  /// work around the clock: a system that stays in its steady state but for its first hour.
  func replicate(perHour: Double, agents: Int, handleMinutes: Int, serviceLevel: String, patience: String? = nil) throws -> ReplicatedReport {
    let flow = """
      flow: main
      type: inbound
      start: queue
      blocks:
        queue:
          transfer-to-queue: Support
          on: {at-capacity: bye, error: bye}
        bye:
          disconnect: {}

      """
    let model = """
      model: one queue at \(perHour) calls an hour
      start: 2026-01-05T00:00:00Z
      days: 3
      seed: 1
      service-level: \(serviceLevel)
      arrivals:
        - {to: "+18005550199", per-hour: {"00:00-24:00": \(perHour)}}
      \(patience.map { "callers: {patience: \($0)}" } ?? "")
      agents:
        - {name: agents, routing-profile: Tier1, count: \(agents), shift: "00:00-24:00", handle-time: \(handleMinutes)m}

      """
    let project = try TemporaryProject(["center.yaml": testCenter(capacity: 100_000), "main.flow.yaml": flow, "erlang.model.yaml": model])
    defer { project.remove() }
    switch SimulateRun.replicate(path: project.root, modelPath: project.path("erlang.model.yaml"), replications: 10) {
    case .success(let report): return report
    case .failure(let failure): throw Failed(description: "\(failure)")
    }
  }

  struct Failed: Error, CustomStringConvertible { var description: String }

  /// Erlang C: the probability that a call waits, for offered load `a` Erlangs and `c` agents.
  static func erlangC(agents c: Int, load a: Double) -> Double {
    var term = 1.0, sum = 0.0
    for k in 0..<c {
      sum += term
      term *= a / Double(k + 1)
    }
    let waiting = term * Double(c) / (Double(c) - a)
    return waiting / (sum + waiting)
  }

  /// At three loads: the probability of waiting (a service level within 0 seconds is the
  /// share of calls that did not wait), the mean answer time C / (cμ − λ), and the service
  /// level within 20 seconds, 1 − C·e^(−(cμ − λ)·20).
  @Test(arguments: [(30.0, "0s"), (45.0, "20s"), (51.0, "0s")])
  func erlangC(perHour: Double, serviceLevel: String) throws {
    let c = 5, handle = 5.0  // minutes: μ = 12 an hour for each agent
    let report = try replicate(perHour: perHour, agents: c, handleMinutes: Int(handle), serviceLevel: serviceLevel)
    let lambda = perHour / 3600, mu = 1 / (handle * 60)
    let C = Self.erlangC(agents: c, load: lambda / mu)
    let rate = Double(c) * mu - lambda
    let answer = try #require(report.estimate(queue: 0, .avgQueueAnswerTime))
    #expect(answer.contains(C / rate), "mean answer time \(C / rate) s, simulated \(answer.mean) ± \(answer.halfWidth)")
    let level = try #require(report.estimate(queue: 0, .serviceLevel))
    let threshold = serviceLevel == "0s" ? 0.0 : 20.0
    let expected = 100 * (1 - C * exp(-rate * threshold))
    #expect(level.contains(expected), "service level \(expected)%, simulated \(level.mean) ± \(level.halfWidth)")
    // Nobody abandons without patience, and every call was answered or still waits.
    #expect(report.estimate(queue: 0, .contactsAbandoned)?.mean == 0)
  }

  /// Erlang A (M/M/c+M): callers hang up after an exponential patience of mean 1/θ. The
  /// number of callers in the system is a birth-death chain, born at λ, dying at
  /// min(n, c)·μ + max(n − c, 0)·θ; the share who abandon is θ·E[waiting] / λ.
  @Test func erlangAAbandonment() throws {
    let c = 5, perHour = 60.0, handle = 5.0, patience = 2.0  // an offered load of 5 Erlangs on 5 agents
    let report = try replicate(perHour: perHour, agents: c, handleMinutes: Int(handle), serviceLevel: "20s", patience: "\(Int(patience))m")
    let lambda = perHour / 3600, mu = 1 / (handle * 60), theta = 1 / (patience * 60)
    var p = [1.0]
    for n in 1..<2_000 { p.append(p[n - 1] * lambda / (Double(min(n, c)) * mu + Double(max(n - c, 0)) * theta)) }
    let total = p.reduce(0, +)
    let waiting = p.indices.reduce(0.0) { $0 + Double(max($1 - c, 0)) * p[$1] } / total
    let abandon = theta * waiting / lambda
    let share = try #require(
      report.estimate { run in
        let t = run.queues[0].totals
        return t.queued == 0 ? nil : Double(t.abandoned) / Double(t.queued)
      })
    #expect(share.contains(abandon), "abandonment \(abandon), simulated \(share.mean) ± \(share.halfWidth)")
  }
}
