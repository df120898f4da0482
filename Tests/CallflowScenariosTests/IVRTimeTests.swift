import CallflowDiagnostics
import CallflowDriver
import CallflowScenarios
import CallflowSimulator
import CallflowTestSupport
import CallflowVM
import Foundation
import Testing

/// The time callers spend in the IVR before the queue, to the second: prompts by their words
/// at a speaking rate, inputs by the caller's answer time or the block's timeout.
@Suite struct IVRTimeTests {
  /// Two callers at 10:00 and 10:01: one presses 1 after 3 seconds, the other nothing. Each
  /// word takes half a second (120 words a minute).
  struct TimedWorld: World {
    var arrivals: [Arrival]
    var asked: [(words: Int, input: IVRInput?)] = []
    var timesIVR: Bool { true }

    mutating func nextArrival() -> Arrival? { arrivals.isEmpty ? nil : arrivals.removeFirst() }
    mutating func input(label: Int, call: HostCall) -> String? { label == 0 ? "1" : nil }
    mutating func dial(label: Int) -> DialAnswer { .human }
    mutating func patience(label: Int) -> Int? { nil }
    mutating func handleTime(agent: Int, label: Int) -> Int { 300 }
    mutating func ivrSeconds(words: Int, input: IVRInput?) -> Int {
      asked.append((words, input))
      switch input {
      case .answered?: return words / 2 + 3
      case .unanswered(let timeout)?: return words / 2 + timeout
      case nil: return words / 2
      }
    }
  }

  @Test func callersReachTheQueueAfterThePromptsAndTheirAnswers() throws {
    let flow = """
      flow: main
      type: inbound
      start: hello
      blocks:
        hello:
          play-prompt: {prompt: welcome}
          next: menu
        menu:
          get-input: {prompt: "Press 1 for sales and 2 for support, or stay on the line.", timeout: 8s, options: ["1", "2"]}
          on: {"1": queue, "2": queue, timeout: queue, no-match: queue, error: queue}
        queue:
          transfer-to-queue: Support
          on: {at-capacity: bye, error: bye}
        bye:
          disconnect: {}

      """
    // The prompt `welcome` has 12 words: 6 seconds; the menu 13 words: 6 seconds (this world rounds down).
    let center = testCenter(capacity: 10) + "prompts:\n  welcome: \"Thank you for calling Acme, where every call matters to us today.\"\n"
    let project = try TemporaryProject(["center.yaml": center, "main.flow.yaml": flow])
    defer { project.remove() }
    let build = try BuildRun.run(path: project.root)
    let program = try Program(bytes: try #require(build.bytes))
    let start = 1_767_607_200  // 2026-01-05T10:00:00Z
    let world = TimedWorld(arrivals: [
      Arrival(time: start, from: "+14255550100", to: "+18005550199", label: 0),
      Arrival(time: start + 60, from: "+14255550101", to: "+18005550199", label: 1),
    ])
    var simulator = Simulator(
      program: program, center: CenterModel(module: program.module, center: build.check.centers.first), world: world, agents: [], start: start)
    simulator.run()
    let records = simulator.records()
    // 6 s of welcome, 6 s of menu, then 3 s to press 1; or the 8 s timeout.
    #expect(records.map { $0.queueInfo?.enqueued } == [start + 15, start + 60 + 20])
    let asked = (simulator.world as? TimedWorld)?.asked ?? []
    #expect(asked.map(\.words) == [12, 13, 12, 13])
    #expect(asked.map(\.input) == [nil, .answered, nil, .unanswered(timeout: 8)])
  }

  func model(_ callers: String) -> (model: LoadModel?, diagnostics: [Diagnostic]) {
    let text = """
      model: m
      start: 2026-01-05T00:00:00Z
      arrivals: [{to: "+18005550199", per-hour: {"08:00-09:00": 10}}]
      callers: \(callers)
      agents: [{routing-profile: Tier1}]

      """
    var sources = SourceMap()
    let loaded = DocumentReader.load(Array(text.utf8), path: "m.model.yaml", into: &sources)
    var reader = loaded.reader
    guard let root = loaded.root else { return (nil, reader.diagnostics) }
    return (LoadModel.read(root, reader: &reader), reader.diagnostics)
  }

  /// A load model times the IVR only when it says how: prompts at `words-per-minute`,
  /// answers after a mean `answer-time`, timeouts in full.
  @Test func aLoadModelTimesTheIVROnlyWhenItSaysHow() throws {
    var untimed = ModelWorld(model: try #require(model("{patience: 1m}").model), agentHandleTimes: [])
    #expect(untimed.ivrSeconds(words: 150, input: .unanswered(timeout: 5)) == 0)
    var timed = ModelWorld(model: try #require(model("{words-per-minute: 150}").model), agentHandleTimes: [])
    #expect(timed.ivrSeconds(words: 150, input: nil) == 60)
    #expect(timed.ivrSeconds(words: 25, input: .answered) == 10)
    #expect(timed.ivrSeconds(words: 25, input: .unanswered(timeout: 8)) == 18)
    var answering = ModelWorld(model: try #require(model("{words-per-minute: 150, answer-time: 4s}").model), agentHandleTimes: [])
    let answers = (0..<2000).map { _ in answering.ivrSeconds(words: 0, input: .answered) }
    #expect(answers.allSatisfy { $0 >= 1 })
    #expect(abs(Double(answers.reduce(0, +)) / 2000 - 4) < 0.4)
    let refused = model("{words-per-minute: 1000}")
    #expect(refused.diagnostics.map(\.message) == ["`words-per-minute` is from 30 to 600, not 1000"])
  }
}
