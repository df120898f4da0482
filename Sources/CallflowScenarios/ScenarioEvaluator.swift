import CallflowSimulator
import CallflowSyntax

/// Checks a scenario's expectations against its run.
public struct ScenarioEvaluator {
  public let simulator: Simulator
  public let scenario: Scenario
  public let labels: [String: Int]
  public let records: [ContactRecord]

  public init(simulator: Simulator, scenario: Scenario, labels: [String: Int]) {
    self.simulator = simulator
    self.scenario = scenario
    self.labels = labels
    records = simulator.records()
  }

  public func evaluate(_ expectation: Expectation) -> [ScenarioOutcome.Failure] {
    var failures: [ScenarioOutcome.Failure] = []
    func fail(_ what: String, _ expected: String, _ actual: String) {
      failures.append(ScenarioOutcome.Failure(span: expectation.span, what: what, expected: expected, actual: actual))
    }
    var subject: (label: Int, contact: Int?, name: String)?
    if let id = expectation.contact, let label = labels[id.value] {
      let all = simulator.contacts(of: label)
      let matching = expectation.initiation.map { method in all.filter { records[$0].initiationMethod == method } } ?? all
      let contact = matching.count >= expectation.index ? matching[expectation.index - 1] : nil
      var name = id.value
      if let method = expectation.initiation { name += " (\(method.rawValue)\(expectation.index > 1 ? " #\(expectation.index)" : ""))" }
      subject = (label, contact, name)
    }
    for (key, check) in expectation.checks {
      switch check {
      case .order(let ids):
        let expected = ids.map(\.value)
        let actual = order(among: Set(ids.compactMap { labels[$0.value] }))
        if actual != expected { fail("the order agents received \(expected.joined(separator: ", ")) in", list(expected), list(actual)) }
      case .metric(let metric, let queue, let interval, let comparison):
        let value = metricValue(metric, queue: queue, interval: interval)
        if !comparison.holds(value) {
          var what = metric.rawValue + (queue.map { " of \($0)" } ?? " of all queues")
          if let interval { what += " from \(Clock.timeOfDay(interval.lowerBound)) to \(Clock.timeOfDay(interval.upperBound))" }
          fail(what, comparison.text, value.map(Expectation.number) ?? "none (an average of no contacts)")
        }
      case .realtime(let callbacks, let queue, let at, let comparison):
        let value = realtime(callbacks: callbacks, queue: queue, at: at)
        if !comparison.holds(Double(value)) {
          fail("\(callbacks ? "callbacks waiting" : "contacts") in \(queue) at \(Clock.timeOfDay(at))", comparison.text, String(value))
        }
      default:
        guard let subject else { continue }
        guard let contact = subject.contact else {
          fail("\(subject.name): \(key)", "such a contact", "\(subject.name.split(separator: " ").first ?? "") has no such contact (it has \(createdMethods(subject.label).joined(separator: ", ")))")
          continue
        }
        let record = records[contact]
        switch check {
        case .path(let expected, let flow):
          let steps = simulator.path(contact).filter { flow == nil || $0.flow == flow }
          let actual = steps.map(\.block)
          if actual != expected {
            let at = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, actual.count)
            fail("\(subject.name): path\(flow.map { " in \($0)" } ?? "") (differs at step \(at + 1))", list(expected), list(actual))
          }
        case .created(let expected):
          let actual = createdMethods(subject.label)
          if actual != expected.map(\.rawValue) { fail("\(subject.name): contacts created", list(expected.map(\.rawValue)), list(actual)) }
        case .handledBy(let expected):
          // The agent who talked to the customer: of the last contact connected and handled.
          let handled = simulator.contacts(of: subject.label).last { records[$0].agent != nil && handledContact($0) }
          let actual = expectation.initiation == nil ? handled.flatMap { records[$0].agent } : (handledContact(contact) ? record.agent : nil)
          if actual != expected { fail("\(subject.name): handled by", expected ?? "none", actual ?? "none") }
        case .dialAttempts(let expected):
          let actual = expectation.initiation == nil
            ? simulator.contacts(of: subject.label).reduce(0) { $0 + records[$1].agentConnectionAttempts } : record.agentConnectionAttempts
          if actual != expected { fail("\(subject.name): dial attempts", String(expected), String(actual)) }
        case .disconnectReason(let expected):
          let actual = record.disconnectReason?.rawValue ?? "none (still connected when the run ended)"
          if actual != expected { fail("\(subject.name): disconnect reason", expected, actual) }
        case .connectedAt(let expected):
          let actual = record.connectedToAgent
          if actual != expected { fail("\(subject.name): connected to an agent at", Clock.timeOfDay(expected), actual.map(Clock.timeOfDay) ?? "never") }
        case .abandoned(let expected):
          if record.abandoned != expected { fail("\(subject.name): abandoned", String(expected), String(record.abandoned)) }
        case .queue(let expected):
          let actual = record.queueInfo?.name
          if actual != expected { fail("\(subject.name): queue", expected, actual ?? "none") }
        case .attribute(let key, let expected):
          let actual = record.attributes[key]
          if actual != expected { fail("\(subject.name): attribute \(key)", expected, actual ?? "unset") }
        default: break
        }
      }
    }
    return failures
  }

  /// Whether an agent talked to contact `i`'s customer (a callback that rang unanswered was
  /// accepted by an agent but not handled).
  private func handledContact(_ i: Int) -> Bool {
    let r = records[i]
    switch r.initiationMethod {
    case .callback: return r.answeringMachineDetectionStatus.map { ["HUMAN_ANSWERED", "VOICEMAIL_BEEP", "VOICEMAIL_NO_BEEP"].contains($0) } ?? false
    case .customerFirstQueued: return false
    default: return r.connectedToAgent != nil
    }
  }

  private func createdMethods(_ label: Int) -> [String] {
    simulator.contacts(of: label).map { records[$0].initiationMethod.rawValue }
  }

  /// The scenario contacts among `labels` in the order an agent first took one of their contacts.
  private func order(among labels: Set<Int>) -> [String] {
    var seen: Set<Int> = []
    var order: [String] = []
    for (contact, _) in simulator.connections() {
      let label = records[contact].label
      guard labels.contains(label), seen.insert(label).inserted else { continue }
      order.append(scenario.contacts[label].id.value)
    }
    return order
  }

  private func metricValue(_ metric: Metric, queue: String?, interval: Range<Int>?) -> Double? {
    let start = interval?.lowerBound ?? Int.min / 2
    let length = interval.map { $0.upperBound - $0.lowerBound }
    let table = simulator.totals(start: start, interval: length ?? nil, intervals: 1)
    var totals = MetricTotals()
    for (q, row) in table.enumerated() where queue == nil || simulator.center.queues[q].name == queue { totals += row[0] }
    return totals.value(metric)
  }

  private func realtime(callbacks: Bool, queue: String, at: Int) -> Int {
    guard let q = simulator.center.queue(named: queue) else { return 0 }
    let sample = simulator.samples(of: q).last { $0.time <= at }
    return (callbacks ? sample?.callbacks : sample?.contacts) ?? 0
  }

  private func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
