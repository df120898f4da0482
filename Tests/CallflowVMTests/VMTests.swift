import CallflowDriver
import CallflowTestSupport
import CallflowSyntax
import CallflowVM
import Foundation
import Testing

/// The samples, compiled once.
let samples: Program? = {
  guard let bytes = try? BuildRun.run(path: packageRoot + "/Samples").bytes else { return nil }
  return try? Program(bytes: bytes)
}()

/// A host that answers from a script: per block id, the outcomes to give in turn (`next`
/// once the list is used up), and what each answer writes.
struct Script: FlowHost {
  var answers: [String: [String]] = [:]
  var writes: [String: Attributes] = [:]
  var calls: [String] = []

  mutating func perform(_ call: HostCall, state: ContactState) -> HostResult {
    calls.append(call.block)
    var outcome = "next"
    if var queue = answers[call.block], !queue.isEmpty {
      outcome = queue.removeFirst()
      answers[call.block] = queue
    }
    return HostResult(Outcome.named(outcome), writes: writes[call.block] ?? [:])
  }
}

@Suite struct VMTests {
  func run(_ flow: String, _ script: Script, attributes: Attributes = [:]) throws -> (Ending, [String], VM) {
    var vm = try VM(program: try #require(samples), state: ContactState(flow: flow, attributes: attributes))
    vm.tracing = true
    var host = script
    let ending = try vm.run(&host)
    return (ending, vm.trace.map(\.block), vm)
  }

  @Test func aCallerAsksForACallback() throws {
    let script = Script(
      answers: ["offer-callback": ["1"]], writes: ["ask-number": ["$.StoredCustomerInput": "+14255550123"]])
    let (ending, path, vm) = try run("queued-callback-inbound", script)
    #expect(ending == .disconnected)
    #expect(path == ["welcome", "check-hours", "offer-callback", "ask-number", "set-number", "confirm", "to-callback-queue", "goodbye"])
    #expect(vm.state.attributes == ["$.StoredCustomerInput": "+14255550123"])
    #expect(vm.state.callbackNumber == "+14255550123")
  }

  @Test func whatAContactKeepsIsMovedOutOfTheVM() throws {
    let script = Script(
      answers: ["offer-callback": ["1"]], writes: ["ask-number": ["$.StoredCustomerInput": "+14255550123"]])
    let (_, _, ended) = try run("queued-callback-inbound", script, attributes: ["$.Attributes.tier": "gold"])
    var vm = ended
    let kept = vm.takeKept()
    #expect(kept.attributes == ["$.Attributes.tier": "gold", "$.StoredCustomerInput": "+14255550123"])
    #expect(kept.workingQueue == nil)
    #expect(kept.callbackNumber == "+14255550123")
    // The rest of the state stays: where the contact ended, in which flow.
    #expect(vm.state.attributes.isEmpty && vm.state.workingQueue == nil && vm.state.callbackNumber == nil)
    #expect(vm.state.flow == "queued-callback-inbound" && vm.state.offset == ended.state.offset)
  }

  @Test func aCallerStaysInQueueOrCallsAfterHours() throws {
    let (stay, stayPath, _) = try run("queued-callback-inbound", Script(answers: ["offer-callback": ["2"]]))
    #expect(stay == .queued("Support"))
    #expect(stayPath == ["welcome", "check-hours", "offer-callback", "stay-in-queue"])
    let (closed, closedPath, _) = try run("queued-callback-inbound", Script(answers: ["check-hours": ["out-of-hours"]]))
    #expect(closed == .disconnected)
    #expect(closedPath == ["welcome", "check-hours", "closed", "goodbye"])
  }

  @Test func theCreationFlowDropsADuplicate() throws {
    let found = Script(writes: ["find-customer": ["$.Customer.open-case": "callback-pending"]])
    let (dropped, droppedPath, _) = try run("callback-creation", found)
    #expect(dropped == .disconnected)
    #expect(droppedPath == ["find-customer", "check-duplicate", "drop-duplicate"])
    let (queued, queuedPath, _) = try run("callback-creation", Script(answers: ["find-customer": ["not-found"]]))
    #expect(queued == .queued("Callbacks"))
    #expect(queuedPath == ["find-customer", "prepare", "agent-whisper", "customer-whisper", "queue-callback"])
  }

  /// Three invalid numbers, counted by the `loop` block, then back into the queue.
  @Test func threeTriesThenBackInLine() throws {
    let script = Script(answers: ["confirm": ["2"], "check-entered": ["invalid", "invalid", "invalid"]])
    let (ending, path, vm) = try run("callback-only-line", script)
    #expect(ending == .queued("Support"))
    let tries = ["tries", "ask", "check-entered"]
    #expect(path == ["welcome", "hours", "begin", "confirm"] + tries + tries + tries + ["tries", "decline", "back-in-line"])
    #expect(vm.state.callbackPending == false)
  }

  /// A contact waiting for the host's answer is saved, restored in another VM, and goes on
  /// as if nothing happened.
  @Test func aWaitingContactSurvivesARestart() throws {
    let program = try #require(samples)
    var first = try VM(program: program, state: ContactState(flow: "queued-callback-inbound"))
    var host = Script(answers: ["offer-callback": ["1"]], writes: ["ask-number": ["$.StoredCustomerInput": "+14255550123"]])
    var waiting: ContactState?
    while case .call(let call) = try first.advance() {
      if call.block == "ask-number" {
        waiting = first.state
        break
      }
      try first.resume(host.perform(call, state: first.state))
    }
    let saved = try JSONEncoder().encode(try #require(waiting))
    let restored = try JSONDecoder().decode(ContactState.self, from: saved)
    #expect(restored.waiting && restored.flow == "queued-callback-inbound")
    var second = try VM(program: program, state: restored)
    #expect(try second.run(&host) == .disconnected)
    #expect(second.state.attributes["$.StoredCustomerInput"] == "+14255550123")
  }

  @Test func aRunawayFlowIsStoppedNamingWhere() throws {
    // A host that never lets time pass: the in-queue offer goes round for ever.
    let program = try #require(samples)
    var vm = try VM(program: program, state: ContactState(flow: "in-queue-callback"))
    vm.stepBudget = 1_000
    var host = Script(answers: ["offer": [String](repeating: "timeout", count: 10_000)])
    do {
      _ = try vm.run(&host)
      Issue.record("the runaway flow was not stopped")
    } catch {
      #expect(error.flow == "in-queue-callback")
      #expect(error.message.hasPrefix("ran 1000 instructions without ending"))
    }
  }

  /// A host may write only the attributes the block's catalog row declares.
  @Test func aWriteTheBlockDoesNotDeclareIsAnError() throws {
    var vm = try VM(program: try #require(samples), state: ContactState(flow: "queued-callback-inbound"))
    var host = Script(writes: ["welcome": ["$.Attributes.vip": "yes"]])
    do {
      _ = try vm.run(&host)
      Issue.record("accepted")
    } catch {
      #expect(error.description == "flow `queued-callback-inbound` at block `welcome`, line 10: the host wrote `$.Attributes.vip`, which `play-prompt` does not write")
    }
  }

  /// A block with exact paths writes those and nothing else: not a longer name that starts
  /// with one, nor an attribute of another root.
  @Test func aBlockWritesOnlyItsExactPaths() throws {
    for wrong in ["$.StoredCustomerInputs", "$.StoredCustomer", "$.Attributes.vip"] {
      var vm = try VM(program: try #require(samples), state: ContactState(flow: "queued-callback-inbound"))
      var host = Script(answers: ["offer-callback": ["1"]], writes: ["ask-number": ["$.StoredCustomerInput": "+14255550123", wrong: "x"]])
      do {
        _ = try vm.run(&host)
        Issue.record("accepted \(wrong)")
      } catch {
        #expect(error.message == "the host wrote `\(wrong)`, which `store-input` does not write")
      }
    }
  }

  /// An answer with one attribute its block does not write writes none of them; a block
  /// that writes under a root writes any name whose bytes begin with the root's, and nothing
  /// else.
  @Test func anAnswerWritesAllItsAttributesOrNone() throws {
    let allowed: [(String, Bool)] = [
      ("$.Metrics.PositionInQueue", true), ("$.Metrics.Anything", true), ("$.Metrics.caf\u{E9}", true),
      ("$.Metrics.\u{301}", true), ("$.Metrics", false), ("$.MetricsPositionInQueue", false), ("$.Attributes.Metrics.x", false),
    ]
    for (name, isAllowed) in allowed {
      var vm = try VM(program: try #require(samples), state: ContactState(flow: "callback-queue"))
      var host = Script(answers: ["check-position": ["no-match"]], writes: ["read-metrics": ["$.Metrics.AgentsOnline": "3", name: "1"]])
      guard case .call(let first) = try vm.advance() else {
        Issue.record("callback-queue did not ask its host")
        continue
      }
      #expect(first.block == "read-metrics")
      do {
        try vm.resume(host.perform(first, state: vm.state))
        #expect(isAllowed, "\(name) was written")
        #expect(vm.state.attributes[name] == "1" && vm.state.attributes["$.Metrics.AgentsOnline"] == "3")
      } catch {
        #expect(!isAllowed, "\(name): \(error.message)")
        #expect(error.message == "the host wrote `\(name)`, which `get-queue-metrics` does not write")
        #expect(vm.state.attributes.isEmpty, "\(vm.state.attributes)")
      }
    }
  }

  @Test func anAnswerTheBlockCannotGiveIsAnError() throws {
    var vm = try VM(program: try #require(samples), state: ContactState(flow: "queued-callback-inbound"))
    var host = Script(answers: ["welcome": ["timeout"]])
    do {
      _ = try vm.run(&host)
      Issue.record("accepted")
    } catch {
      #expect(error.description == "flow `queued-callback-inbound` at block `welcome`, line 10: the host answered `timeout`, which `play-prompt` cannot (it can answer next, error)")
    }
  }
}

/// The effects a block has on the contact's state take their parameter's value, a constant or
/// an attribute the flow set: the working queue, a flow module and its return, the flow a
/// contact is handed to, and the queue a transfer enters without a queue of its own.
@Suite struct ContactEffectTests {
  static let files = [
    "center.yaml": testCenter(),
    "flows/main.flow.yaml": """
      flow: main
      type: inbound
      start: remember
      blocks:
        remember:
          set-attributes: {q: Support}
          next: working
        working:
          set-working-queue: $.Attributes.q
          next: helper
        helper:
          invoke-module: greet
          next: onward
        onward:
          transfer-to-flow: second

      """,
    "flows/greet.flow.yaml": """
      flow: greet
      type: module
      start: hello
      blocks:
        hello:
          play-prompt: "Hello."
          next: done
        done:
          end-module: {}

      """,
    "flows/second.flow.yaml": """
      flow: second
      type: inbound
      start: queue
      blocks:
        queue:
          transfer-to-queue: $.Attributes.q

      """,
  ]

  @Test func effectsTakeTheirArgumentsValue() throws {
    let project = try TemporaryProject(Self.files)
    defer { project.remove() }
    let program = try Program(bytes: try #require(try BuildRun.run(path: project.root).bytes))
    var vm = try VM(program: program, state: ContactState(flow: "main"))
    vm.tracing = true
    var host = Script()
    let ending = try vm.run(&host)
    #expect(ending == .queued("Support"))
    #expect(vm.trace.map { $0.block } == ["remember", "working", "helper", "hello", "done", "onward", "queue"])
    #expect(host.calls == ["working", "helper", "hello", "onward", "queue"])
    #expect(vm.state.workingQueue == "Support" && vm.state.queue == "Support")
    #expect(vm.state.flow == "second" && vm.state.previousFlows == ["main"] && vm.state.returns.isEmpty)
    // The working queue is what a contact keeps for its next flows: moved out with the rest.
    let kept = vm.takeKept()
    #expect(kept.workingQueue == "Support" && vm.state.workingQueue == nil && vm.state.queue == "Support")
  }
}

/// Blocks whose actions the host says it answers `next` to without effect are not handed to
/// it: the flow takes the same path, with the same state and trace.
@Suite struct AnsweredWithoutHostTests {
  @Test func quietActionsGoOnAtNext() throws {
    let program = try #require(samples)
    let script = Script(answers: ["offer-callback": ["1"]], writes: ["ask-number": ["$.StoredCustomerInput": "+14255550123"]])
    func run(_ quiet: HostActionSet) throws -> (Ending, VM, [String]) {
      var vm = try VM(program: program, state: ContactState(flow: "queued-callback-inbound"))
      vm.tracing = true
      vm.answeredWithoutHost = quiet
      var host = script
      return (try vm.run(&host), vm, host.calls)
    }
    let (asked, askedVM, askedCalls) = try run(HostActionSet([]))
    let (quiet, quietVM, quietCalls) = try run(HostActionSet([.playPrompt]))
    #expect(asked == quiet && askedVM.state == quietVM.state && askedVM.trace == quietVM.trace)
    #expect(askedCalls == ["welcome", "check-hours", "offer-callback", "ask-number", "set-number", "confirm", "to-callback-queue"])
    #expect(quietCalls == ["check-hours", "offer-callback", "ask-number", "set-number", "to-callback-queue"])
  }

  /// Every action has its own bit: a set holds exactly what it was made of.
  @Test func everyActionHasItsBit() {
    #expect(HostAction.allCases.count <= 64)
    for action in HostAction.allCases {
      let set = HostActionSet([action])
      #expect(HostAction.allCases.filter(set.contains) == [action])
    }
    #expect(!HostActionSet([]).contains(.playPrompt))
  }
}
