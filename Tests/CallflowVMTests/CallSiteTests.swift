import CallflowSyntax
import CallflowVM
import Testing

/// A host that answers as ``Script`` does and records, for each call, its block, its
/// instruction and whether its arguments are constants, and the calls themselves.
struct Recorder: FlowHost {
  var script: Script
  var calls: [(block: String, instruction: Int?, constant: Bool)] = []
  var made: [HostCall] = []

  mutating func perform(_ call: HostCall, state: ContactState) -> HostResult {
    calls.append((call.block, call.instruction, call.hasConstantArguments))
    made.append(call)
    return script.perform(call, state: state)
  }
}

/// What a host may rely on to keep work per block: a VM started by a flow's index is the VM
/// started by its name, and every call of a block names the same instruction.
@Suite struct CallSiteTests {
  static let caller = Script(
    answers: ["offer-callback": ["1"]], writes: ["ask-number": ["$.StoredCustomerInput": "+14255550123"]])

  /// How a run ends (or the error that stops it), the blocks it passes and the state it leaves.
  func outcome(_ vm: VM) -> (Result<Ending, RuntimeError>, [String], ContactState) {
    var vm = vm
    vm.tracing = true
    var host = Self.caller
    let ending = Result { () throws(RuntimeError) in try vm.run(&host) }
    return (ending, vm.trace.map(\.block), vm.state)
  }

  /// Every sample flow run from its index ends, passes the blocks and leaves the state as it
  /// does run from its name; an index that is not the flow's (another flow's, or none) falls
  /// back to the name.
  @Test func aFlowStartedByItsIndexRunsAsByItsName() throws {
    let program = try #require(samples)
    #expect(program.flowNames.count > 5)
    var ended = 0
    for (index, name) in program.flowNames.enumerated() {
      let byName = outcome(try VM(program: program, state: ContactState(flow: name)))
      if case .success = byName.0 { ended += 1 }
      for given in [index, (index + 1) % program.flowNames.count, -1, program.flowNames.count] {
        let byIndex = outcome(try VM(program: program, flow: given, state: ContactState(flow: name)))
        #expect(byIndex.0 == byName.0, "\(name) from \(given)")
        #expect(byIndex.1 == byName.1, "\(name) from \(given)")
        #expect(byIndex.2 == byName.2, "\(name) from \(given)")
      }
    }
    // Most flows end under the script; the others stop at the same block both ways.
    #expect(ended > program.flowNames.count / 2)
    #expect(throws: RuntimeError.self) { try VM(program: program, flow: 0, state: ContactState(flow: "no-such-flow")) }
  }

  /// A contact already part-way through a flow is not restarted by its index.
  @Test func aStateWithAnOffsetIsResumedWhereItIs() throws {
    let program = try #require(samples)
    var first = try VM(program: program, state: ContactState(flow: "queued-callback-inbound"))
    guard case .call(let call) = try first.advance() else {
      Issue.record("the flow did not call its host")
      return
    }
    var host = Self.caller
    try first.resume(host.perform(call, state: first.state))
    let waiting = first.state
    #expect(waiting.offset > 0)
    let index = try #require(program.flowNames.firstIndex(of: "queued-callback-inbound"))
    let resumed = outcome(try VM(program: program, flow: index, state: waiting))
    let expected = outcome(try VM(program: program, state: waiting))
    #expect(resumed.1 == expected.1 && resumed.0 == expected.0)
    #expect(resumed.1.first != "welcome")
  }

  /// Each block's calls name one instruction, blocks name different ones, and a block whose
  /// arguments read an attribute is told apart from one whose arguments are all written out.
  @Test func everyCallOfABlockNamesItsInstruction() throws {
    let program = try #require(samples)
    var seen: [String: Int] = [:]
    for _ in 0..<2 {
      var vm = try VM(program: program, state: ContactState(flow: "queued-callback-inbound"))
      var host = Recorder(script: Self.caller)
      _ = try vm.run(&host)
      #expect(host.calls.map(\.block) == ["welcome", "check-hours", "offer-callback", "ask-number", "set-number", "confirm", "to-callback-queue"])
      for call in host.calls {
        let instruction = try #require(call.instruction)
        #expect(seen[call.block, default: instruction] == instruction, "\(call.block)")
        seen[call.block] = instruction
      }
      let constant = Dictionary(host.calls.map { ($0.block, $0.constant) }, uniquingKeysWith: { a, _ in a })
      #expect(constant["set-number"] == false)
      #expect(constant["welcome"] == true && constant["to-callback-queue"] == true)
    }
    #expect(Set(seen.values).count == seen.count)
    let byHand = try #require(HostCall(kind: .playPrompt, arguments: [.text: .text("Hi")], outcomes: [.next], flow: "f", block: "b", line: 1))
    #expect(byHand.instruction == nil && !byHand.hasConstantArguments)
  }

  /// A call reads its arguments the same way whether they are its block's constants, shared
  /// by every call of the block, or its own (an attribute's value, or set by the host).
  @Test func aCallsArgumentsAreItsBlocksOrItsOwn() throws {
    let program = try #require(samples)
    var vm = try VM(program: program, state: ContactState(flow: "queued-callback-inbound"))
    var host = Recorder(script: Self.caller)
    _ = try vm.run(&host)
    let queue = try #require(host.made.first { $0.block == "to-callback-queue" })
    let retries = ParameterKey.callback.field(.maxRetries)
    #expect(queue.hasConstantArguments)
    #expect(queue.argument(retries) == .integer(2) && queue.arguments[retries] == .integer(2))
    #expect(queue.text(ParameterKey.callback.field(.workingQueue)) == "Callbacks")
    #expect(queue.gives(.callback) && !queue.gives(.queue) && queue.argument(.queue) == nil)
    // The number the caller gave, read from the contact's attributes for this call only.
    let number = try #require(host.made.first { $0.block == "set-number" })
    #expect(!number.hasConstantArguments && number.argument(.value) == .text("+14255550123"))
    #expect(number.text(.value) == "+14255550123" && number.gives(.value))
    // Arguments set by the host are the call's own from then on; the block's stay as they were.
    var changed = queue
    changed.arguments = [.queue: .text("Support")]
    #expect(!changed.hasConstantArguments && changed.argument(.queue) == .text("Support") && changed.argument(retries) == nil)
    #expect(changed.gives(.queue) && !changed.gives(.callback))
    #expect(queue.argument(retries) == .integer(2))
  }
}
