import CallflowDiagnostics
import CallflowSimulator
import CallflowSyntax
import CallflowVM
import Foundation

/// What `callflow test` produced.
public struct ScenarioRunResult: Sendable {
  public var outcomes: [ScenarioOutcome]
  public var sources: SourceMap

  public init(outcomes: [ScenarioOutcome], sources: SourceMap) {
    self.outcomes = outcomes
    self.sources = sources
  }

  public var passed: Int { outcomes.filter { $0.status == .passed }.count }
  public var allPassed: Bool { !outcomes.isEmpty && outcomes.allSatisfy { $0.status == .passed } }
}

/// Runs a scenario in the simulator and reports scenarios as a test runner does.
public enum ScenarioRunner {
  /// Runs `scenario` against a compiled project (its program and center), checking its
  /// references to the project first and then its expectations. `reader` holds the
  /// mistakes found in the file so far: the scenario runs only when there are none, and
  /// all of them are reported together.
  public static func run(_ scenario: Scenario, program: Program, center: CenterModel, reader: DocumentReader = DocumentReader(), outcome: ScenarioOutcome) -> ScenarioOutcome {
    var outcome = outcome
    var reader = reader
    // References to the project, checked before anything runs.
    for contact in scenario.contacts { reader.checkNumber(contact.to, in: center) }
    var schedules: [AgentSchedule] = []
    var handleTimes: [Int] = []
    if let agents = scenario.agents {
      for agent in agents {
        let profileName = agent.routingProfile?.value ?? center.agents.first { $0.name == agent.name.value }.map { center.routingProfiles[$0.profile].name }
        guard let profileName else {
          reader.error(
            "agent `\(agent.name.value)` needs a `routing-profile` (center.yaml does not list them)", at: agent.name.span,
            notes: [Note("the routing profiles are " + center.routingProfiles.map(\.name).joined(separator: ", "))])
          continue
        }
        guard let profile = reader.routingProfile(Located(profileName, at: agent.routingProfile?.span ?? agent.name.span), in: center) else { continue }
        schedules.append(AgentSchedule(name: agent.name.value, profile: profile, shifts: agent.available))
        handleTimes.append(agent.handleTime)
      }
    } else {
      for agent in center.agents {
        schedules.append(AgentSchedule(name: agent.name, profile: agent.profile, shifts: [scenario.start..<Int.max / 2]))
        handleTimes.append(300)
      }
    }
    let labels = Dictionary(scenario.contacts.enumerated().map { ($0.element.id.value, $0.offset) }, uniquingKeysWith: { a, _ in a })
    for expectation in scenario.expectations {
      var named = expectation.contact.map { [$0] } ?? []
      for (_, check) in expectation.checks {
        if case .order(let ids) = check { named += ids }
        if case .metric(_, let queue?, _, _) = check { reader.checkQueue(queue, at: expectation.span, in: center) }
        if case .realtime(_, let queue, _, _) = check { reader.checkQueue(queue, at: expectation.span, in: center) }
      }
      for id in named where labels[id.value] == nil {
        reader.error(
          "no contact `\(id.value)` in this scenario", at: id.span,
          notes: [Note(Suggestions.nearest(to: id.value, in: labels.keys.sorted()).map { "did you mean `\($0)`?" } ?? "the contacts are " + scenario.contacts.map(\.id.value).joined(separator: ", "))])
      }
    }
    guard reader.diagnostics.isEmpty else {
      outcome.diagnostics = reader.sortedDiagnostics
      return outcome
    }
    var options = SimulationOptions()
    options.tracePaths = true
    options.keepAttributes = true
    // By default the run ends 8 days after the last arrival: past any callback's expiry, and
    // a bound for flows that would wait for ever.
    options.until = scenario.until ?? (scenario.contacts.map(\.at).max() ?? scenario.start) + Scenario.defaultHorizon
    var simulator = Simulator(
      program: program, center: center, world: ScenarioWorld(scenario, agentHandleTimes: handleTimes), agents: schedules,
      start: scenario.start, options: options)
    simulator.run()
    outcome.events = simulator.eventsHandled
    outcome.contacts = simulator.contactCount
    outcome.expectations = scenario.expectations.reduce(0) { $0 + $1.checks.count }
    outcome.issues = simulator.issues.map { issue in
      issue.contact < 0
        ? "\(Clock.iso(issue.time)): \(issue.message)"
        : "\(Clock.iso(issue.time)) \(scenario.contacts[issue.label].id.value) (\(ContactRecord.id(issue.contact))): \(issue.message)"
    }
    let evaluator = ScenarioEvaluator(simulator: simulator, scenario: scenario, labels: labels)
    for expectation in scenario.expectations { outcome.failures += evaluator.evaluate(expectation) }
    outcome.records = simulator.records().map { $0.json(scenario: scenario.name, label: scenario.contacts[$0.label].id.value) }
    outcome.status = outcome.failures.isEmpty && outcome.issues.isEmpty ? .passed : .failed
    return outcome
  }

  /// The report a person reads: one line per scenario, then each failure with the
  /// expectation's place, what was expected and what happened, then the totals.
  public static func report(_ result: ScenarioRunResult, colors: Bool, elapsed: Double?) -> String {
    func paint(_ text: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    let count = result.outcomes.count
    var out = "running \(count) scenario\(count == 1 ? "" : "s")\n"
    for outcome in result.outcomes {
      let status: String
      switch outcome.status {
      case .passed: status = paint("ok", "32")
      case .failed: status = paint("FAILED", "31")
      case .error: status = paint("ERROR", "31")
      }
      out += "\(Escaping.visible(outcome.path)): \(Escaping.visible(outcome.name)) ... \(status)\n"
    }
    let bad = result.outcomes.filter { $0.status != .passed }
    if !bad.isEmpty {
      out += "\nfailures:\n"
      for outcome in bad {
        out += "\n---- \(Escaping.visible(outcome.path)): \(Escaping.visible(outcome.name))\n"
        if !outcome.diagnostics.isEmpty { out += TextRenderer(colors: colors).render(outcome.diagnostics, sources: result.sources) }
        if let errors = outcome.projectErrors {
          out += outcome.issues.map { Escaping.visible($0) }.joined(separator: "\n") + "\n\n" + errors
        } else {
          for issue in outcome.issues { out += "flow problem: \(Escaping.visible(issue))\n" }
        }
        for failure in outcome.failures {
          let location = result.sources.path(failure.span.file) + ":\(failure.span.start.line):\(failure.span.start.column)"
          out += "\(Escaping.visible(location)): expectation failed: \(Escaping.visible(failure.what))\n"
          out += "    expected: \(Escaping.visible(failure.expected))\n"
          out += "    actual:   \(Escaping.visible(failure.actual))\n"
        }
      }
    }
    let failed = count - result.passed
    let events = result.outcomes.reduce(0) { $0 + $1.events }
    let time = elapsed.map { String(format: "; finished in %.2fs", $0) } ?? ""
    out += "\ntest result: \(failed == 0 ? paint("ok", "32") : paint("FAILED", "31")). \(result.passed) passed; \(failed) failed; \(events) events simulated\(time)\n"
    return out
  }
}
