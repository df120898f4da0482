import CallflowSyntax
import CallflowVM
import Foundation
import Testing

/// Every sample flow run down each of its paths: at every block the contact waits at, the
/// run forks once per outcome (the saved state is restored for each), until every reachable
/// block has been passed. Each path must end as flows should: disconnected, back from
/// `end-flow`, or in a queue, never off the end of a branch or in a runaway.
@Suite struct SamplePathTests {
  @Test(arguments: [
    "callback-agent-whisper", "callback-creation", "callback-dial", "callback-only-line", "callback-outbound-whisper",
    "callback-queue", "customer-first-callback", "in-queue-callback", "queued-callback-inbound", "support-line",
  ])
  func everyPathEndsProperly(_ flow: String) throws {
    let program = try #require(samples)
    var pending = [ContactState(flow: flow, attributes: ["$.CustomerEndpoint.Address": "+14255550100"])]
    var passed: Set<String> = []
    var paths = 0
    var decisions: [String: Int] = [:]
    while let state = pending.popLast(), paths < 5_000 {
      var vm = try VM(program: program, state: state)
      vm.tracing = true
      vm.stepBudget = 10_000
      let event = try vm.advance()
      passed.formUnion(vm.trace.map(\.block))
      switch event {
      case .ended(let ending):
        paths += 1
        if case .fellOff(_, let block, _) = ending { Issue.record("\(flow) fell off after \(block)") }
      case .call(let call):
        // Each outcome of each block, but a block is forked on only a few times: past that,
        // the contact is left to the host (an agent takes a caller waiting in a queue flow).
        decisions[call.block, default: 0] += 1
        guard decisions[call.block, default: 0] <= 4 else {
          paths += 1
          continue
        }
        // A block that writes attributes answers with two sets of values, so that the
        // conditions after it go both ways.
        let variants: [[String: String]] =
          call.kind.spec.writes.isEmpty
          ? [[:]]
          : [
            ["$.StoredCustomerInput": "+14255550123", "$.Customer.tier": "gold", "$.Metrics.PositionInQueue": "1"],
            ["$.StoredCustomerInput": "7", "$.Customer.tier": "silver", "$.Metrics.PositionInQueue": "5"],
          ]
        for outcome in call.outcomes {
          for writes in variants {
            var fork = vm
            let declared = writes.filter { write in call.kind.spec.writes.contains { AttributeCatalog.pattern($0, covers: write.key) } }
            try fork.resume(HostResult(outcome, writes: Attributes(declared)))
            pending.append(fork.state)
          }
        }
      }
    }
    #expect(paths > 0)
    // Every block the flow can reach was passed on some path.
    let module = program.module
    let index = try #require(program.flow(named: flow))
    let blocks = Set(module.flows[index].lines.compactMap { module.text($0.block) })
    #expect(passed == blocks, "\(flow): never passed \(blocks.subtracting(passed).sorted())")
  }
}
