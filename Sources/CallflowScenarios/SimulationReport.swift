import CallflowDiagnostics
import CallflowSimulator
import CallflowSyntax
import Foundation

/// What `callflow simulate` reports: per queue, per routing profile's agents, and over time.
public struct SimulationReport: Sendable {
  public struct QueueLine: Sendable {
    public var name: String
    public var totals: MetricTotals
    public var peakContacts: Int
    public var peakCallbacks: Int
    /// Callbacks still waiting in the queue when the period ended.
    public var callbacksAtEnd: Int
  }

  public struct AgentLine: Sendable {
    public var name: String
    public var routingProfile: String
    public var count: Int
    public var online: Int
    public var busy: Int
    public var handled: Int
    public var occupancy: Double? { online == 0 ? nil : Double(busy) / Double(online) }
  }

  /// A queue's real-time counts over the run, one point per step: the most contacts and
  /// callbacks it held during that step.
  public struct Series: Sendable {
    public var queue: String
    public var contacts: [Int]
    public var callbacks: [Int]
  }

  public var model: String
  public var start: Int
  public var end: Int
  public var seed: UInt64
  /// The model's time zone and its offset from UTC at the start, for times of day.
  public var timezone: String
  public var utcOffset: Int
  public var serviceLevel: Int
  public var calls: Int
  public var contacts: Int
  public var events: Int
  public var queues: [QueueLine]
  public var agents: [AgentLine]
  /// Each queue's totals per interval.
  public var interval: Int
  public var intervals: [[MetricTotals]]
  public var step: Int
  public var series: [Series]
  public var issues: [String]
  public var issueCount: Int
  /// Each callback's seconds from creation to an agent talking to its customer, for the
  /// callbacks an agent talked to, in ascending order; and how many callbacks there were.
  public var callbackAnswerTimes: [Int] = []
  public var callbacks = 0

  /// The share of callbacks an agent talked to within `seconds` of their creation; `nil`
  /// without callbacks.
  public func callbacksHandled(within seconds: Int) -> Double? {
    guard callbacks > 0 else { return nil }
    // The answer times are sorted: count those up to `seconds`.
    var low = 0, high = callbackAnswerTimes.count
    while low < high {
      let middle = (low + high) / 2
      if callbackAnswerTimes[middle] <= seconds { low = middle + 1 } else { high = middle }
    }
    return Double(low) / Double(callbacks)
  }

  /// Text for a person: the run, then a table per queue, callbacks, and agents.
  public func text(elapsed: Double?) -> String {
    let days = (end - start) / 86_400
    var out = "Simulated \(days == 1 ? "1 day" : "\(days) days") from \(Clock.iso(start)): \(Escaping.visible(model)) (seed \(seed))\n"
    out += "  \(Self.count(calls)) calls, \(Self.count(contacts)) contacts, \(Self.count(events)) events"
    if let elapsed { out += String(format: " in %.2f s", elapsed) }
    out += "\n\n"
    let queueRows = queues.map { q -> [String] in
      let t = q.totals
      return [
        q.name, Self.count(t.queued), Self.count(t.handled), Self.count(t.abandoned), Self.count(t.rejected),
        t.value(.serviceLevel).map { String(format: "%.1f%%", $0) } ?? "-", Self.duration(t.value(.avgQueueAnswerTime)),
        Self.duration(t.value(.avgAbandonTime)), Self.count(q.peakContacts),
      ]
    }
    out += Self.table(
      ["queue", "queued", "handled", "abandoned", "rejected", "service level (\(DurationSyntax.format(serviceLevel)))", "avg answer", "avg abandon", "peak in queue"],
      queueRows)
    let callbackQueues = queues.filter { $0.totals.callbacksCreated > 0 }
    if !callbackQueues.isEmpty {
      out += "\n"
      out += Self.table(
        ["callbacks", "created", "handled", "expired", "not answered", "dropped", "peak waiting", "waiting at end"],
        callbackQueues.map { q in
          let t = q.totals
          return [
            q.name, Self.count(t.callbacksCreated), Self.count(t.callbacksHandled), Self.count(t.callbacksExpired), Self.count(t.callbacksNotAnswered),
            Self.count(t.callbacksDropped), Self.count(q.peakCallbacks), Self.count(q.callbacksAtEnd),
          ]
        })
    }
    out += "\n"
    out += Self.table(
      ["agents", "routing profile", "count", "online", "busy", "occupancy", "handled"],
      agents.map { a in
        [a.name, a.routingProfile, Self.count(a.count), Self.hours(a.online), Self.hours(a.busy), a.occupancy.map { String(format: "%.1f%%", $0 * 100) } ?? "-", Self.count(a.handled)]
      })
    if issueCount > 0 {
      out += "\n\(Self.count(issueCount)) flow problem\(issueCount == 1 ? "" : "s") (a branch that goes nowhere, a runaway); the first:\n"
      for issue in issues { out += "  \(Escaping.visible(issue))\n" }
    }
    return out
  }

  /// The report as JSON: the totals, per queue and per interval, and the real-time series.
  public func json() -> JSONValue {
    func totals(_ t: MetricTotals) -> JSONValue {
      .object(Metric.allCases.map { m in (m.rawValue, t.value(m).map(JSONValue.decimal) ?? .null) })
    }
    return .object([
      ("model", .string(model)), ("start", .string(Clock.iso(start))), ("end", .string(Clock.iso(end))),
      ("seed", .number(Int(truncatingIfNeeded: seed))), ("serviceLevelSeconds", .number(serviceLevel)),
      ("calls", .number(calls)), ("contacts", .number(contacts)), ("events", .number(events)),
      ("queues", .array(queues.enumerated().map { (q, line) in
        .object([
          ("name", .string(line.name)), ("metrics", totals(line.totals)),
          ("peakContacts", .number(line.peakContacts)), ("peakCallbacks", .number(line.peakCallbacks)),
          ("callbacksAtEnd", .number(line.callbacksAtEnd)),
          ("intervals", .array(intervals[q].enumerated().map { (k, t) in
            .object([("start", .string(Clock.iso(start + k * interval))), ("metrics", totals(t))])
          })),
        ])
      })),
      ("agents", .array(agents.map { a in
        .object([
          ("name", .string(a.name)), ("routingProfile", .string(a.routingProfile)), ("count", .number(a.count)),
          ("onlineSeconds", .number(a.online)), ("busySeconds", .number(a.busy)), ("occupancy", a.occupancy.map(JSONValue.decimal) ?? .null),
          ("handled", .number(a.handled)),
        ])
      })),
      ("realtime", .object([
        ("stepSeconds", .number(step)),
        ("queues", .array(series.map { s in
          .object([("name", .string(s.queue)), ("contacts", .array(s.contacts.map(JSONValue.number))), ("callbacks", .array(s.callbacks.map(JSONValue.number)))])
        })),
      ])),
      ("issues", .number(issueCount)),
    ])
  }

  public static func count(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out += "," }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }

  public static func duration(_ seconds: Double?) -> String {
    guard let seconds else { return "-" }
    let s = Int(seconds.rounded())
    return s >= 60 ? "\(s / 60)m \(String(format: "%02d", s % 60))s" : "\(s)s"
  }

  public static func hours(_ seconds: Int) -> String { count(Int((Double(seconds) / 3600).rounded())) + " h" }

  /// A table with its first column left-aligned and the rest right-aligned.
  public static func table(_ header: [String], _ rows: [[String]]) -> String {
    // Names from the project are shown with their control characters escaped.
    let all = ([header] + rows).map { $0.map { Escaping.visible($0) } }
    let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
    return all.map { row in
      row.enumerated().map { c, cell in
        let pad = String(repeating: " ", count: widths[c] - cell.count)
        return c == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ").replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
    }.joined(separator: "\n") + "\n"
  }
}
