import CallflowDiagnostics
import CallflowSimulator
import CallflowSyntax
import Foundation

/// What `callflow simulate --replications N` reports: the runs of one model with N seeds, and
/// each figure of their reports as the mean over the runs with its 95% confidence interval.
public struct ReplicatedReport: Sendable {
  /// The runs, in the order of their seeds (``ModelRun/seed(_:replication:)``).
  public var runs: [SimulationReport]

  public init(runs: [SimulationReport]) {
    precondition(!runs.isEmpty)
    self.runs = runs
  }

  /// The first run, for what all runs share: the model, its period, its queues and agents.
  var first: SimulationReport { runs[0] }

  /// The estimate of a figure from each run's value of it; `nil` when no run has one.
  public func estimate(_ value: (SimulationReport) -> Double?) -> Estimate? { Estimate(runs.compactMap(value)) }

  /// A queue's metric over the whole period.
  public func estimate(queue q: Int, _ metric: Metric) -> Estimate? { estimate { $0.queues[q].totals.value(metric) } }

  /// An agent group's occupancy.
  public func occupancy(group g: Int) -> Estimate? { estimate { $0.agents[g].occupancy } }

  /// Text for a person: the runs, then the tables of a single run's report, each cell the
  /// mean ± the half-width of its interval.
  public func text(elapsed: Double?) -> String {
    let r = first
    let days = (r.end - r.start) / 86_400
    var out = "Simulated \(days == 1 ? "1 day" : "\(days) days") from \(Clock.iso(r.start)): \(Escaping.visible(r.model))"
    out += " (\(runs.count) replications from seed \(r.seed))\n"
    out += "  each figure: the mean of the \(runs.count) replications ± half its 95% confidence interval\n"
    out += "  \(count(estimate { Double($0.calls) })) calls, \(count(estimate { Double($0.contacts) })) contacts; "
    out += "\(SimulationReport.count(runs.reduce(0) { $0 + $1.events })) events in all"
    if let elapsed { out += String(format: " in %.2f s", elapsed) }
    out += "\n\n"
    let queueRows = r.queues.indices.map { q -> [String] in
      [
        r.queues[q].name, count(estimate(queue: q, .contactsQueued)), count(estimate(queue: q, .contactsHandled)),
        count(estimate(queue: q, .contactsAbandoned)), count(estimate(queue: q, .contactsRejected)),
        percent(estimate(queue: q, .serviceLevel)), duration(estimate(queue: q, .avgQueueAnswerTime)),
        duration(estimate(queue: q, .avgAbandonTime)), count(estimate { Double($0.queues[q].peakContacts) }),
      ]
    }
    out += SimulationReport.table(
      [
        "queue", "queued", "handled", "abandoned", "rejected", "service level (\(DurationSyntax.format(r.serviceLevel)))", "avg answer",
        "avg abandon", "peak in queue",
      ], queueRows)
    let callbackQueues = r.queues.indices.filter { q in runs.contains { $0.queues[q].totals.callbacksCreated > 0 } }
    if !callbackQueues.isEmpty {
      out += "\n"
      out += SimulationReport.table(
        ["callbacks", "created", "handled", "expired", "not answered", "dropped", "peak waiting", "waiting at end"],
        callbackQueues.map { q in
          [
            r.queues[q].name, count(estimate(queue: q, .callbacksCreated)), count(estimate(queue: q, .callbacksHandled)),
            count(estimate(queue: q, .callbacksExpired)), count(estimate(queue: q, .callbacksNotAnswered)),
            count(estimate(queue: q, .callbacksDropped)), count(estimate { Double($0.queues[q].peakCallbacks) }),
            count(estimate { Double($0.queues[q].callbacksAtEnd) }),
          ]
        })
    }
    out += "\n"
    out += SimulationReport.table(
      ["agents", "routing profile", "count", "online", "busy", "occupancy", "handled"],
      r.agents.indices.map { g in
        let a = r.agents[g]
        return [
          a.name, a.routingProfile, SimulationReport.count(a.count), hours(estimate { Double($0.agents[g].online) }),
          hours(estimate { Double($0.agents[g].busy) }), occupancy(group: g)?.percentText(scale: 100) ?? "-",
          count(estimate { Double($0.agents[g].handled) }),
        ]
      })
    let issues = runs.reduce(0) { $0 + $1.issueCount }
    if issues > 0 {
      out += "\n\(SimulationReport.count(issues)) flow problem\(issues == 1 ? "" : "s") in all (a branch that goes nowhere, a runaway); the first:\n"
      for issue in firstIssues { out += "  \(Escaping.visible(issue))\n" }
    }
    return out
  }

  /// The first few flow problems, each with the replication it happened in.
  var firstIssues: [String] {
    Array(runs.enumerated().flatMap { k, run in run.issues.map { "replication \(k + 1): \($0)" } }.prefix(5))
  }

  /// The report as JSON: a single run's shape, each figure an estimate
  /// (`{"mean", "low", "high", "replications"}`, `null` when no run has it), the seeds, and
  /// the real-time series as the mean and interval of each step.
  public func json() -> JSONValue {
    let r = first
    func value(_ e: Estimate?) -> JSONValue {
      guard let e else { return .null }
      return .object([("mean", .decimal(e.mean)), ("low", .decimal(e.low)), ("high", .decimal(e.high)), ("replications", .number(e.count))])
    }
    func metrics(_ totals: (SimulationReport) -> MetricTotals) -> JSONValue {
      .object(Metric.allCases.map { m in (m.rawValue, value(estimate { totals($0).value(m) })) })
    }
    func band(_ values: [[Int]]) -> JSONValue {
      let estimates = (values.first ?? []).indices.map { k in Estimate(values.map { Double($0[k]) }) }
      return .object([
        ("mean", .array(estimates.map { $0.map { .decimal($0.mean) } ?? .null })),
        ("low", .array(estimates.map { $0.map { .decimal($0.low) } ?? .null })),
        ("high", .array(estimates.map { $0.map { .decimal($0.high) } ?? .null })),
      ])
    }
    return .object([
      ("model", .string(r.model)), ("start", .string(Clock.iso(r.start))), ("end", .string(Clock.iso(r.end))),
      ("replications", .number(runs.count)), ("confidence", .decimal(Estimate.confidence)),
      ("seeds", .array(runs.map { .number(Int(truncatingIfNeeded: $0.seed)) })), ("serviceLevelSeconds", .number(r.serviceLevel)),
      ("calls", value(estimate { Double($0.calls) })), ("contacts", value(estimate { Double($0.contacts) })),
      ("events", .number(runs.reduce(0) { $0 + $1.events })),
      ("queues", .array(r.queues.indices.map { q in
        .object([
          ("name", .string(r.queues[q].name)), ("metrics", metrics { $0.queues[q].totals }),
          ("peakContacts", value(estimate { Double($0.queues[q].peakContacts) })),
          ("peakCallbacks", value(estimate { Double($0.queues[q].peakCallbacks) })),
          ("callbacksAtEnd", value(estimate { Double($0.queues[q].callbacksAtEnd) })),
          ("intervals", .array(r.intervals[q].indices.map { k in
            .object([("start", .string(Clock.iso(r.start + k * r.interval))), ("metrics", metrics { $0.intervals[q][k] })])
          })),
        ])
      })),
      ("agents", .array(r.agents.indices.map { g in
        .object([
          ("name", .string(r.agents[g].name)), ("routingProfile", .string(r.agents[g].routingProfile)), ("count", .number(r.agents[g].count)),
          ("onlineSeconds", value(estimate { Double($0.agents[g].online) })), ("busySeconds", value(estimate { Double($0.agents[g].busy) })),
          ("occupancy", value(occupancy(group: g))), ("handled", value(estimate { Double($0.agents[g].handled) })),
        ])
      })),
      ("realtime", .object([
        ("stepSeconds", .number(r.step)),
        ("queues", .array(r.series.indices.map { q in
          .object([
            ("name", .string(r.series[q].queue)), ("contacts", band(runs.map { $0.series[q].contacts })),
            ("callbacks", band(runs.map { $0.series[q].callbacks })),
          ])
        })),
      ])),
      ("issues", .number(runs.reduce(0) { $0 + $1.issueCount })),
    ])
  }

  private func count(_ e: Estimate?) -> String {
    guard let e else { return "-" }
    return SimulationReport.count(Int(e.mean.rounded())) + " ± " + SimulationReport.count(Int(e.halfWidth.rounded()))
  }

  private func percent(_ e: Estimate?) -> String { e?.percentText(scale: 1) ?? "-" }

  private func duration(_ e: Estimate?) -> String {
    guard let e else { return "-" }
    return SimulationReport.duration(e.mean) + " ± " + SimulationReport.duration(e.halfWidth)
  }

  private func hours(_ e: Estimate?) -> String {
    guard let e else { return "-" }
    return SimulationReport.count(Int((e.mean / 3600).rounded())) + " h ± " + SimulationReport.count(Int((e.halfWidth / 3600).rounded()))
  }
}
