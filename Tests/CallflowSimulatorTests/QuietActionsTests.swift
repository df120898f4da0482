import CallflowDriver
import CallflowSyntax
import CallflowTestSupport
import CallflowVM
import Testing

@testable import CallflowSimulator

/// The actions the simulator lets the VM go through without asking it are those its host
/// answers `next` to, writing nothing: a host change that gives one of them an answer or a
/// write must take it out of ``Simulator/quietActions`` too.
@Suite struct QuietActionsTests {
  /// A world with no callers, which times IVR blocks or not.
  struct Quiet: World {
    var timesIVR: Bool
    mutating func nextArrival() -> Arrival? { nil }
    mutating func input(label: Int, call: HostCall) -> String? { nil }
    mutating func dial(label: Int) -> DialAnswer { .human }
    mutating func patience(label: Int) -> Int? { nil }
    mutating func handleTime(agent: Int, label: Int) -> Int { 60 }
    mutating func ivrSeconds(words: Int, input: IVRInput?) -> Int { timesIVR ? 5 : 0 }
  }

  @Test(arguments: [false, true])
  func quietActionsAreAnsweredNextWithNothingWritten(timesIVR: Bool) throws {
    let bytes = try #require(try BuildRun.run(path: packageRoot + "/Samples").bytes)
    let program = try Program(bytes: bytes)
    var simulator = Simulator(
      program: program, center: CenterModel(module: program.module, center: nil), world: Quiet(timesIVR: timesIVR), agents: [], start: 0)
    simulator.contacts.append(
      Contact(method: .inbound, label: 0, initial: 0, customer: "+14255550100", system: "+18005550199", initiated: 0, routingTime: 0))
    let quiet = HostAction.allCases.filter(simulator.quietActions.contains)
    #expect(quiet.contains(.sendMessage) && quiet.contains(.playPrompt) == !timesIVR)
    for action in quiet {
      let kind = try #require(BlockKind.allCases.first { $0.spec.hostAction == action })
      let call = try #require(HostCall(kind: kind, arguments: [:], outcomes: [.next], flow: "queued-callback-inbound", block: "b", line: 1))
      let slot = VMSlot(vm: try VM(program: program, state: ContactState(flow: "queued-callback-inbound")), role: .main)
      guard case .answer(let result) = simulator.perform(call, contact: 0, slot: slot) else {
        Issue.record("`\(kind.rawValue)` waits for the clock")
        continue
      }
      #expect(result.outcome == .next && result.writes.isEmpty, "`\(kind.rawValue)`")
    }
    #expect(simulator.issues.isEmpty)
  }

  /// A whisper flow of quiet blocks alone could change nothing, so it is not run unless paths
  /// are traced; prompts the world times make it a flow like any other.
  @Test(arguments: [false, true])
  func whispersOfQuietBlocksRunOnlyForTheirPath(timesIVR: Bool) throws {
    let bytes = try #require(try BuildRun.run(path: packageRoot + "/Samples").bytes)
    let program = try Program(bytes: bytes)
    func simulator(tracing: Bool) -> Simulator {
      var options = SimulationOptions()
      options.tracePaths = tracing
      var simulator = Simulator(
        program: program, center: CenterModel(module: program.module, center: nil), world: Quiet(timesIVR: timesIVR), agents: [], start: 0,
        options: options)
      simulator.contacts.append(
        Contact(method: .callback, label: 0, initial: 0, customer: "+14255550100", system: "+18005550199", initiated: 0, routingTime: 0))
      return simulator
    }
    var quiet = simulator(tracing: false)
    let skipped = Set(program.flowNames.indices.filter { quiet.endsQuietly[$0] }.map { program.flowNames[$0] })
    #expect(skipped == (timesIVR ? [] : ["callback-agent-whisper", "callback-outbound-whisper"]))
    quiet.whisper("callback-agent-whisper", for: 0)
    #expect(quiet.path(0).isEmpty && quiet.issues.isEmpty)
    var traced = simulator(tracing: true)
    traced.whisper("callback-agent-whisper", for: 0)
    #expect(traced.path(0).map(\.block) == ["brief-agent", "done"] && traced.issues.isEmpty)
    // A flow that is not there is still an issue.
    quiet.whisper("no-such-whisper", for: 0)
    #expect(quiet.issues.map(\.message) == ["flow `no-such-whisper`: no flow of this name in the module"])
  }
}
