import CallflowDiagnostics
import CallflowSimulator
import CallflowSyntax
import Foundation

extension StaffingReport {
  /// The targets as a planner writes them: `service level ≥ 80% within 20s`.
  public var targetsText: String {
    var parts: [String] = []
    if let t = targets.serviceLevel { parts.append("service level ≥ \(Self.percent(t.share)) within \(DurationSyntax.format(t.within ?? serviceLevelSeconds))") }
    if let t = targets.abandoned { parts.append("abandoned ≤ \(Self.percent(t))") }
    if let t = targets.callbacks { parts.append("callbacks handled within \(DurationSyntax.format(t.within)) ≥ \(Self.percent(t.share))") }
    return parts.joined(separator: "; ")
  }

  /// Text for a planner: each level tried, then the answer with its figures.
  public func text() -> String {
    let days = (end - start) / 86_400
    var out = heading(":", days == 1 ? "1 day" : "\(days) days")
    let rows = steps.map { step in
      [SimulationReport.count(step.agents), SimulationReport.count(step.replications)] + figureCells(step) + [step.verdict.rawValue]
    }
    out += SimulationReport.table(["agents", "replications"] + figureHeaders + ["verdict"], rows)
    out += "\n"
    guard let answer, let chosen = steps.first(where: { $0.agents == answer }) else {
      out += "no count of \(Escaping.visible(group)) up to \(SimulationReport.count(maxAgents)) meets the targets\n"
      return out
    }
    out += "answer: \(SimulationReport.count(answer)) agent\(answer == 1 ? "" : "s") in \(Escaping.visible(group)) (the model has \(SimulationReport.count(modelAgents)))"
    out += "; over \(chosen.replications) replications: \(figures(chosen))\n"
    if let below = steps.first(where: { $0.agents == answer - 1 }) {
      out += "  with \(SimulationReport.count(below.agents)): \(figures(below)) (\(below.verdict == .misses ? "misses" : "not sure to meet"))\n"
    }
    return out
  }

  /// A plan day by day (``StaffingSearch/perDay(_:group:targets:queues:replications:maxReplications:maxAgents:reader:program:center:blocks:cores:progress:)``):
  /// a line per day with its answer and the figures at that count.
  public static func dailyText(_ reports: [StaffingReport]) -> String {
    guard let first = reports.first else { return "the agent group works on no day of the model: there is nothing to staff\n" }
    var out = first.heading(", day by day:", reports.count == 1 ? "1 day" : "\(reports.count) days")
    let rows = reports.map { report -> [String] in
      let chosen = report.answer.flatMap { answer in report.steps.first { $0.agents == answer } }
      return [
        Clock.iso(report.start), report.answer.map(SimulationReport.count) ?? "none ≤ \(SimulationReport.count(report.maxAgents))",
        chosen.map { SimulationReport.count($0.replications) } ?? "-",
      ] + report.figureCells(chosen) + [report.steps.map { String($0.agents) }.joined(separator: ", ")]
    }
    out += SimulationReport.table(["day from", "agents", "replications"] + first.figureHeaders + ["counts tried"], rows)
    out += "\neach day is simulated alone, from an empty center: callbacks still waiting at a day's end are not carried into the next\n"
    return out
  }

  /// A plan day by day as JSON: `{"days": [...]}`, each day's search as ``json()`` gives it.
  public static func dailyJSON(_ reports: [StaffingReport]) -> JSONValue {
    .object([("days", .array(reports.map { $0.json() }))])
  }

  /// The report's first lines: the group, the model, the period and the targets.
  private func heading(_ joint: String, _ period: String) -> String {
    "Staffing \(Escaping.visible(group)) (\(Escaping.visible(routingProfile))) for \(Escaping.visible(model))\(joint) "
      + "\(period) from \(Clock.iso(start))\n"
      + "  targets: \(targetsText), each met by the whole of its 95% confidence interval\n\n"
  }

  /// The columns of a count's figures: each target's, the answer time, the occupancy.
  private var figureHeaders: [String] {
    var header: [String] = []
    if targets.serviceLevel != nil { header.append("service level (\(DurationSyntax.format(targets.serviceLevel?.within ?? serviceLevelSeconds)))") }
    if targets.abandoned != nil { header.append("abandoned") }
    if let t = targets.callbacks { header.append("callbacks within \(DurationSyntax.format(t.within))") }
    return header + ["avg answer", "occupancy"]
  }

  /// A count's figures under ``figureHeaders``; dashes for none.
  private func figureCells(_ step: StaffingStep?) -> [String] {
    var row: [String] = []
    if targets.serviceLevel != nil { row.append(Self.share(step?.serviceLevel)) }
    if targets.abandoned != nil { row.append(Self.share(step?.abandoned)) }
    if targets.callbacks != nil { row.append(Self.share(step?.callbacks)) }
    row.append(step?.answerTime.map { SimulationReport.duration($0.mean) + " ± " + SimulationReport.duration($0.halfWidth) } ?? "-")
    row.append(Self.share(step?.occupancy))
    return row
  }

  private func figures(_ step: StaffingStep) -> String {
    var parts: [String] = []
    if targets.serviceLevel != nil { parts.append("service level \(Self.share(step.serviceLevel))") }
    if targets.abandoned != nil { parts.append("abandoned \(Self.share(step.abandoned))") }
    if targets.callbacks != nil { parts.append("callbacks within \(DurationSyntax.format(targets.callbacks?.within ?? 0)) \(Self.share(step.callbacks))") }
    parts.append("occupancy \(Self.share(step.occupancy))")
    return parts.joined(separator: ", ")
  }

  /// The search as JSON: the targets, every level tried, and the answer (`null`: none).
  public func json() -> JSONValue {
    func value(_ e: Estimate?) -> JSONValue {
      guard let e else { return .null }
      return .object([("mean", .decimal(e.mean)), ("low", .decimal(e.low)), ("high", .decimal(e.high)), ("replications", .number(e.count))])
    }
    var goals: [(String, JSONValue)] = []
    if let t = targets.serviceLevel {
      goals.append(("serviceLevel", .object([("atLeast", .decimal(t.share)), ("withinSeconds", .number(t.within ?? serviceLevelSeconds))])))
    }
    if let t = targets.abandoned { goals.append(("abandoned", .object([("atMost", .decimal(t))]))) }
    if let t = targets.callbacks { goals.append(("callbacks", .object([("atLeast", .decimal(t.share)), ("withinSeconds", .number(t.within))]))) }
    return .object([
      ("model", .string(model)), ("start", .string(Clock.iso(start))), ("end", .string(Clock.iso(end))),
      ("group", .string(group)), ("routingProfile", .string(routingProfile)), ("modelAgents", .number(modelAgents)),
      ("targets", .object(goals)), ("confidence", .decimal(Estimate.confidence)),
      ("steps", .array(steps.map { s in
        .object([
          ("agents", .number(s.agents)), ("replications", .number(s.replications)), ("serviceLevel", value(s.serviceLevel)),
          ("abandoned", value(s.abandoned)), ("callbacks", value(s.callbacks)), ("avgAnswerSeconds", value(s.answerTime)),
          ("occupancy", value(s.occupancy)), ("verdict", .string(s.verdict.rawValue)),
        ])
      })),
      ("answer", answer.map(JSONValue.number) ?? .null), ("maxAgents", .number(maxAgents)),
    ])
  }

  static func percent(_ share: Double) -> String {
    let p = share * 100
    return p == p.rounded() ? "\(Int(p))%" : String(format: "%.1f%%", p)
  }

  static func share(_ e: Estimate?) -> String { e?.percentText(scale: 100) ?? "-" }
}
