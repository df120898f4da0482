import CallflowSyntax
import CallflowVM
import Testing

/// A VM started afresh at a flow (``VM/restart(flow:state:)``) runs it as a new VM does,
/// whatever it ran before: its loop counters zeroed and its trace emptied in their storage.
@Suite struct VMRestartTests {
  static let flows = [
    "callback-agent-whisper", "callback-creation", "callback-dial", "callback-only-line", "callback-outbound-whisper",
    "callback-queue", "customer-first-callback", "in-queue-callback", "queued-callback-inbound", "support-line",
  ]

  /// What a run shows: each call's block and the outcome given, then how it ended.
  struct Run: Equatable {
    var steps: [String] = []
    var trace: [TraceStep] = []
    var state: ContactState?
  }

  /// Runs `vm` for up to `calls` calls, answering each with an outcome drawn from `seed`, so
  /// that loops go round and branches both ways.
  static func run(_ vm: inout VM, calls: Int, seed: Int) throws -> Run {
    var run = Run()
    var draw = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
    for _ in 0..<calls {
      switch try vm.advance() {
      case .ended(let ending):
        run.steps.append("ended \(ending)")
        run.trace = vm.trace
        run.state = vm.state
        return run
      case .call(let call):
        draw = draw &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let outcome = call.outcomes[Int((draw >> 33) % UInt64(call.outcomes.count))]
        run.steps.append("\(call.block) \(outcome)")
        try vm.resume(HostResult(outcome))
      }
    }
    run.trace = vm.trace
    run.state = vm.state
    return run
  }

  static func vm(_ program: Program, _ flow: String) throws -> VM {
    var vm = try VM(program: program, state: ContactState(flow: flow, attributes: ["$.CustomerEndpoint.Address": "+14255550100"]))
    vm.tracing = true
    vm.stepBudget = 10_000
    return vm
  }

  /// A VM that ran part of `flow`, its loop counters gone round when some answers make them.
  static func used(_ program: Program, _ flow: String) throws -> VM {
    var vm = try vm(program, flow)
    for seed in 0..<64 {
      vm = try Self.vm(program, flow)
      _ = try run(&vm, calls: 12, seed: seed)
      if vm.state.loops.contains(where: { $0 > 0 }) { break }
    }
    return vm
  }

  @Test(arguments: flows)
  func aRestartedVMRunsTheFlowAsANewOne(_ flow: String) throws {
    let program = try #require(samples)
    let index = try #require(program.flowNames.firstIndex(of: flow))
    let state = ContactState(flow: flow, attributes: ["$.CustomerEndpoint.Address": "+14255550100"])
    for seed in 0..<4 {
      var new = try Self.vm(program, flow)
      let expected = try Self.run(&new, calls: 40, seed: seed)
      #expect(expected.steps.count > 1)
      for before in Self.flows {
        // The VM ran another flow (or this one) part way first: its loops went round where
        // that flow has any, its trace grew, its attributes changed.
        var used = try Self.used(program, before)
        try used.restart(flow: index, state: state)
        #expect(used.trace.isEmpty && used.tracing && used.stepBudget == 10_000)
        #expect(try Self.run(&used, calls: 40, seed: seed) == expected, "after \(before), answers drawn from seed \(seed)")
      }
    }
  }

  /// The sample with a loop goes round it before a restart: the test above restarts VMs
  /// whose counters are not zero.
  @Test func theUsedVMsLoopCountersAreNotAllZero() throws {
    let program = try #require(samples)
    #expect(try Self.used(program, "callback-only-line").state.loops.contains { $0 > 0 })
  }

  /// A state that is not at a flow's start is placed as ``VM/init(program:state:)`` places it,
  /// and a flow the program does not have is an error, as when a VM is made.
  @Test func aRestartIsPlacedByTheStateAndFailsAsAnInitDoes() throws {
    let program = try #require(samples)
    var first = try Self.vm(program, "support-line")
    _ = try first.advance()
    let midway = first.state
    var new = try VM(program: program, state: midway)
    new.tracing = true
    new.stepBudget = 10_000
    var used = try Self.vm(program, "callback-queue")
    _ = try Self.run(&used, calls: 5, seed: 0)
    let support = try #require(program.flowNames.firstIndex(of: "support-line"))
    try used.restart(flow: support, state: midway)
    #expect(try Self.run(&used, calls: 40, seed: 0) == Self.run(&new, calls: 40, seed: 0))
    #expect(throws: RuntimeError.self) { try used.restart(flow: support, state: ContactState(flow: "no-such-flow")) }
  }
}
