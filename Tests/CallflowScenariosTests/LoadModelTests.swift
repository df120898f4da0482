import CallflowDiagnostics
import CallflowDriver
import CallflowScenarios
import CallflowSimulator
import CallflowSyntax
import CallflowTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct LoadModelTests {
  static let model = """
    model: a morning
    start: 2026-01-05T13:00:00Z
    days: 1
    seed: 11
    timezone: America/New_York
    service-level: 30s
    arrivals:
      - {to: "+18005550199", days: mon-fri, per-hour: {"08:00-11:00": 600}}
    callers:
      choices: {offer-callback: {"1": 30, "2": 70}}
      answers: {human: 90, no-answer: 10}
      patience: 4m
    agents:
      - {name: tier1, routing-profile: Tier1, count: 40, days: mon-fri, shift: "08:00-12:00", handle-time: 4m}

    """

  func simulate(_ text: String) throws -> Result<SimulationReport, SimulateRun.Failure> {
    let copy = try SamplesCopy(adding: ["morning.model.yaml": text])
    defer { copy.remove() }
    return SimulateRun.run(path: copy.root, modelPath: copy.path("morning.model.yaml"))
  }

  @Test func theSameModelAndSeedGiveTheSameReportAndAnotherSeedAnother() throws {
    guard case .success(let a) = try simulate(Self.model), case .success(let b) = try simulate(Self.model),
      case .success(let c) = try simulate(Self.model.replacingOccurrences(of: "seed: 11", with: "seed: 12"))
    else {
      Issue.record("the model does not simulate")
      return
    }
    #expect(a.json().printed() == b.json().printed())
    #expect(QueueChart.svg(a) == QueueChart.svg(b))
    #expect(a.json().printed() != c.json().printed())
  }

  /// A callback no agent works expires within the run when its expiry falls within it; one
  /// whose expiry falls after the run's end is left waiting (and no event is kept for it).
  @Test func callbacksExpireWithinTheRunAndWaitPastItsEnd() throws {
    func run(expiry: String) throws -> SimulationReport.QueueLine? {
      let flow = try String(contentsOfFile: packageRoot + "/Samples/flows/queued-callback-inbound.flow.yaml", encoding: .utf8)
      #expect(flow.contains("expiry: 7d"))
      // Agents work the first half hour only: later callbacks are worked by no one.
      let copy = try SamplesCopy(adding: [
        "morning.model.yaml": Self.model.replacingOccurrences(of: "shift: \"08:00-12:00\"", with: "shift: \"08:00-08:30\""),
        "flows/queued-callback-inbound.flow.yaml": flow.replacingOccurrences(of: "expiry: 7d", with: "expiry: \(expiry)"),
      ])
      defer { copy.remove() }
      guard case .success(let report) = SimulateRun.run(path: copy.root, modelPath: copy.path("morning.model.yaml")) else { return nil }
      return report.queues.first { $0.name == "Callbacks" }
    }
    // The model runs from 08:00 to 08:00 the next day; calls come from 08:00 to 11:00.
    let hour = try #require(try run(expiry: "1h"))
    #expect(hour.totals.callbacksExpired > 100)
    #expect(hour.callbacksAtEnd == 0)
    #expect(hour.totals.callbacksExpired + hour.totals.callbacksHandled + hour.totals.callbacksNotAnswered + hour.totals.callbacksDropped == hour.totals.callbacksCreated)
    let days = try #require(try run(expiry: "2d"))
    #expect(days.totals.callbacksExpired == 0)
    // Still waiting at the end: as many as the queue holds (its capacity, 200), the rest
    // turned away at capacity.
    #expect(days.callbacksAtEnd == 200)
    #expect(days.totals.rejected > hour.totals.rejected)
  }

  @Test func theReportAddsUpAndFollowsTheModel() throws {
    guard case .success(let report) = try simulate(Self.model) else {
      Issue.record("the model does not simulate")
      return
    }
    // Three hours at 600 calls an hour: a Poisson count near 1,800.
    #expect(abs(report.calls - 1800) < 150)
    let support = try #require(report.queues.first { $0.name == "Support" }).totals
    let callbacks = try #require(report.queues.first { $0.name == "Callbacks" }).totals
    // 30% of callers press 1 for a callback (every call in the window reaches the menu).
    let share = Double(callbacks.callbacksCreated) / Double(report.calls)
    #expect(abs(share - 0.3) < 0.04)
    // Every caller who stayed was queued in Support, then answered or gave up (or is still there).
    #expect(support.queued + callbacks.callbacksCreated + support.rejected == report.calls)
    #expect(support.handled + support.abandoned <= support.queued)
    #expect(callbacks.callbacksHandled + callbacks.callbacksNotAnswered <= callbacks.callbacksCreated)
    // The intervals add up to the totals.
    let q = try #require(report.queues.firstIndex { $0.name == "Support" })
    var sum = MetricTotals()
    for t in report.intervals[q] { sum += t }
    #expect(sum == support)
    #expect(report.intervals[q].count == 24)
    // Forty agents for four hours each.
    #expect(report.agents.map(\.online) == [40 * 4 * 3600])
    #expect(report.agents[0].handled == support.handled + callbacks.callbacksHandled)
    // Each callback's time from creation to its customer's agent (the staffing search's
    // callback target): one for each callback handled, none within the 99 s initial delay,
    // all of them within the period.
    #expect(report.callbacks == callbacks.callbacksCreated)
    #expect(report.callbackAnswerTimes.count == callbacks.callbacksHandled)
    #expect(report.callbackAnswerTimes == report.callbackAnswerTimes.sorted() && (report.callbackAnswerTimes.first ?? 0) >= 99)
    #expect(report.callbacksHandled(within: 98) == 0)
    #expect(report.callbacksHandled(within: 86_400) == Double(callbacks.callbacksHandled) / Double(callbacks.callbacksCreated))
    let median = report.callbackAnswerTimes[report.callbackAnswerTimes.count / 2]
    let upToMedian = report.callbackAnswerTimes.count { $0 <= median }
    #expect(report.callbacksHandled(within: median) == Double(upToMedian) / Double(callbacks.callbacksCreated))
  }

  @Test func theChartIsWellFormedSVGWithItsLegendAndAxes() throws {
    guard case .success(let report) = try simulate(Self.model) else {
      Issue.record("the model does not simulate")
      return
    }
    let svg = QueueChart.svg(report)
    let parser = XMLParser(data: Data(svg.utf8))
    #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
    #expect(svg.contains("<text x=\"94.0\" y=\"428.0\">Support: contacts in queue</text>"))
    #expect(svg.contains(">Callbacks: callbacks waiting</text>"))
    #expect(svg.contains("Contacts waiting in each queue: a morning"))
    #expect(svg.contains("times of day in America/New_York"))
    // Ticks every three hours of New York time: 08:00 (13:00 UTC) comes first.
    #expect(svg.contains(">09:00</text>") && !svg.contains(">13:00</text>"))
  }

  /// Docs/SIMULATOR.md shows the chart of the sample model; it must be what `callflow
  /// simulate` draws today (`CALLFLOW_UPDATE_DOCS=1 swift test` redraws it).
  @Test func theDocumentedChartIsTheSampleModelsChart() throws {
    guard case .success(let report) = SimulateRun.run(path: packageRoot + "/Samples", modelPath: packageRoot + "/Samples/models/busy-monday.model.yaml")
    else {
      Issue.record("the sample model does not simulate")
      return
    }
    let path = packageRoot + "/Docs/simulator-busy-monday.svg"
    let svg = QueueChart.svg(report)
    if ProcessInfo.processInfo.environment["CALLFLOW_UPDATE_DOCS"] == "1" { try svg.write(toFile: path, atomically: true, encoding: .utf8) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == svg, "Docs/simulator-busy-monday.svg is stale: run CALLFLOW_UPDATE_DOCS=1 swift test")
  }

  @Test func allMistakesOfAModelAreReportedAtTheirPlaceInOneRun() throws {
    let text = """
      model: wrong
      start: 2026-01-05T13:00:00Z
      timezone: America/New_Yrok
      arrivals:
        - {to: "+18005550199", days: mon-fry, per-hour: {"8-11": 600}}
        - {to: "+18005550999", per-hour: {"08:00-11:00": 10}}
      callers:
        answers: {human: 9, voicemail: 1}
      agents:
        - {routing-profile: Tier2, count: 0}

      """
    guard case .failure(.model(let diagnostics, _)) = try simulate(text) else {
      Issue.record("the model was accepted")
      return
    }
    // The file's own mistakes and its references to the project, in one run, in the order
    // of the file.
    #expect(
      diagnostics.map { "\($0.span.start.line):\($0.span.start.column) \($0.message)" } == [
        "3:11 `America/New_Yrok` is not an IANA time zone such as America/New_York",
        "5:32 `days` are days such as `mon-fri`, `sat` or `mon-sun`, not `mon-fry`",
        "5:52 `8-11` is not a window of the day such as 08:00-12:00",
        "6:10 no flow answers +18005550999: it is not among the phone numbers of center.yaml",
        "8:23 `voicemail` is not a way to answer a dial",
        "10:23 no routing profile `Tier2` in center.yaml",
        "10:37 `count` is a whole number, 1 to 100000, not `0`",
      ])
  }
}
