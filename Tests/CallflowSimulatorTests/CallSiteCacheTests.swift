import CallflowDriver
import CallflowSyntax
import CallflowTestSupport
import CallflowVM
import Testing

@testable import CallflowSimulator

/// What the simulator works out once for each block answers as the call itself would, at the
/// first call of the block and at every later one.
@Suite struct CallSiteCacheTests {
  /// A host that answers `next`, or an option given for a block, and keeps every call.
  struct Caller: FlowHost {
    var options: [String: String]
    var calls: [HostCall] = []
    mutating func perform(_ call: HostCall, state: ContactState) -> HostResult {
      calls.append(call)
      return HostResult(options[call.block].map { .option($0) } ?? .next)
    }
  }

  @Test func aBlockIsGivenACallbackAtEveryCallOrAtNone() throws {
    let program = try Program(bytes: try #require(try BuildRun.run(path: packageRoot + "/Samples").bytes))
    var simulator = Simulator(
      program: program, center: CenterModel(module: program.module, center: nil), world: QuietActionsTests.Quiet(timesIVR: false), agents: [],
      start: 0)
    var calls: [HostCall] = []
    for choice in ["1", "2", "1", "2"] {
      var vm = try VM(program: program, state: ContactState(flow: "queued-callback-inbound"))
      var host = Caller(options: ["offer-callback": choice])
      _ = try vm.run(&host)
      calls += host.calls
    }
    let transfers = calls.filter { $0.action == .transferToQueue }
    #expect(transfers.map(\.block) == ["to-callback-queue", "stay-in-queue", "to-callback-queue", "stay-in-queue"])
    #expect(transfers.map { simulator.givesCallback($0) } == [true, false, true, false])
    for call in calls { #expect(simulator.givesCallback(call) == call.gives(.callback), "\(call.block)") }
    // A call made by hand has no instruction: it is asked itself.
    let byHand = try #require(
      HostCall(
        kind: .transferToQueue, arguments: [ParameterKey.callback.field(.maxRetries): .integer(1)], outcomes: [.next], flow: "f", block: "b", line: 1))
    let last = try #require(transfers.last)
    #expect(simulator.givesCallback(byHand) && !simulator.givesCallback(last))
  }

  /// The hours a `check-hours` names and the queue a `transfer-to-queue` names, kept for a
  /// block whose arguments are constants, are those its call names at every call; a block
  /// naming none, or one the center lacks, says so.
  @Test func theHoursAndQueueABlockNamesAreKeptForIt() throws {
    let program = try Program(bytes: try #require(try BuildRun.run(path: packageRoot + "/Samples").bytes))
    let center = CenterModel(module: program.module, center: nil)
    var simulator = Simulator(program: program, center: center, world: QuietActionsTests.Quiet(timesIVR: false), agents: [], start: 0)
    var calls: [HostCall] = []
    for choice in ["1", "2", "2"] {
      var vm = try VM(program: program, state: ContactState(flow: "queued-callback-inbound"))
      var host = Caller(options: ["offer-callback": choice])
      _ = try vm.run(&host)
      calls += host.calls
    }
    let found = simulator.hoursIndex("office")
    let office = try #require(found)
    let support = try #require(center.queue(named: "Support"))
    for call in calls where call.action == .checkHours {
      let k = simulator.hoursOfCall(call)
      #expect(call.hasConstantArguments && k == .index(office))
    }
    let transfers = calls.filter { $0.action == .transferToQueue }
    for _ in 0..<2 {
      let named = transfers.map { simulator.queueOfCall($0) }
      #expect(named == [.unnamed, .index(support), .index(support)])
    }
    // Made by hand (no instruction, nothing kept): hours and queues the module lacks, or none.
    func byHand(_ kind: BlockKind, _ arguments: HostArguments) throws -> HostCall {
      try #require(HostCall(kind: kind, arguments: arguments, outcomes: [.next], flow: "f", block: "b", line: 1))
    }
    let hours = [
      simulator.hoursOfCall(try byHand(.checkHours, [.hours: .text("weekends")])), simulator.hoursOfCall(try byHand(.checkHours, [:])),
      simulator.hoursOfCall(try byHand(.checkHours, [.hours: .text("office")])),
    ]
    #expect(hours == [.missing, .unnamed, .index(office)])
    let queues = [
      simulator.queueOfCall(try byHand(.transferToQueue, [.queue: .text("Billing")])),
      simulator.queueOfCall(try byHand(.transferToQueue, [.queue: .text("Support")])),
    ]
    #expect(queues == [.missing, .index(support)])
  }
}
