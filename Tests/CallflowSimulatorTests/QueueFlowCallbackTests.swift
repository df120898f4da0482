import CallflowDriver
import CallflowTestSupport
import Foundation
import Testing

/// `start-callback` / `register-callback` / `decline-callback` inside a customer-queue flow:
/// the caller leaves the queue while deciding, and a declined caller is back in their place.
@Suite struct QueueFlowCallbackTests {
  static let files: [String: String] = [
    "center.yaml": """
      center: t
      queues:
        Support: {capacity: 10, caller-id: {name: Acme, number: "+18005550199"}}
        Callbacks: {capacity: 10, caller-id: {name: Acme, number: "+18005550199"}}
      routing-profiles:
        Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 1}]}
      phone-numbers:
        "+18005550199": main
      """,
    "main.flow.yaml": """
      flow: main
      type: inbound
      start: set-flow
      on-error: bye
      blocks:
        set-flow:
          set-customer-queue-flow: holding
          next: queue
        queue:
          transfer-to-queue: Support
          on: {at-capacity: bye, error: bye}
        bye:
          disconnect: {}
      """,
    "holding.flow.yaml": """
      flow: holding
      type: customer-queue
      start: pause
      on-error: done
      blocks:
        pause:
          wait: 1m
          next: begin
        begin:
          start-callback: {}
          next: ask
        ask:
          get-input: {prompt: "Press 1 for a callback, 2 to keep your place.", timeout: 5s, options: ["1", "2"]}
          on: {"1": register, "2": decline, timeout: decline, no-match: decline, error: decline}
        register:
          register-callback: {number: $.CustomerEndpoint.Address, queue: Callbacks, ani: "+18005550199"}
          next: hang-up
          on: {error: decline}
        hang-up:
          disconnect: {}
        decline:
          decline-callback: {}
          next: done
        done:
          end-flow: {}
      """,
    "queue-flow.test.yaml": """
      scenario: start, register and decline in a queue flow
      start: 2026-01-05T15:00:00Z
      agents:
        - {name: ana, routing-profile: Tier1, available: "15:10-23:00", handle-time: 5m}
      contacts:
        - {id: first, at: "15:00", from: "+14255550301", to: "+18005550199", input: ["2"]}
        - {id: second, at: "15:01", from: "+14255550302", to: "+18005550199", input: ["1"]}
        - {id: third, at: "15:02", from: "+14255550303", to: "+18005550199", input: ["2"], hangs-up-after: 10m}
      expect:
        # First declines and is back in his 15:00 place; second's callback keeps her 15:01.
        - {contact: first, path: [set-flow, queue, pause, begin, ask, decline, done], abandoned: false}
        - {contact: second, path: [set-flow, queue, pause, begin, ask, register, hang-up], abandoned: false}
        - {contact: second, created: [INBOUND, CALLBACK]}
        - {order: [first, second]}
        - {contacts-in-queue: 2, queue: Support, at: "15:01:30"}
        # At 15:02 third arrives and second leaves for her callback.
        - {contacts-in-queue: 2, queue: Support, at: "15:02:00"}
        - {callbacks-waiting: 1, queue: Callbacks, at: "15:02:00"}
        - {contacts-in-queue: 2, queue: Support, at: "15:03:00"}
        # Third declined too, then waited his 10 minutes while Ana talked to first: an abandon.
        - {contact: third, abandoned: true, disconnect-reason: CUSTOMER_DISCONNECT}
        - {metric: CONTACTS_ABANDONED, queue: Support, equals: 1}
      """,
  ]

  @Test func aDeclinedCallerIsBackInTheirPlaceAndARegisteredOneLeavesWithoutAbandoning() throws {
    let root = NSTemporaryDirectory() + "callflow-queue-flow-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for (name, text) in Self.files { try text.write(toFile: root + "/" + name, atomically: true, encoding: .utf8) }
    let result = try ScenarioRun.run(paths: [root])
    let outcome = try #require(result.outcomes.first)
    #expect(outcome.diagnostics.isEmpty)
    #expect(outcome.issues.isEmpty)
    #expect(outcome.status == .passed, "\(outcome.failures.map { "\($0.what): expected \($0.expected), actual \($0.actual)" })")
  }
}

/// A customer-queue flow that puts its caller straight back in a queue starts again there,
/// from the agenda: one that does nothing else is stopped after a hundred rounds at one
/// moment, with an issue, instead of recursing until the stack runs out (a finding of the
/// module fuzz target).
@Suite struct QueueFlowRequeueTests {
  @Test func aQueueFlowThatRequeuesAtOnceIsStopped() throws {
    let root = NSTemporaryDirectory() + "callflow-requeue-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    var files = requeueLoopProject
    // The checker reports the loop (`flow-transfer-loop`); switched off here, so that the
    // simulator's own guard is what stops it.
    files["callflow.yaml"] = "rules:\n  flow-transfer-loop: off\n"
    for (name, text) in files { try text.write(toFile: root + "/" + name, atomically: true, encoding: .utf8) }
    let result = try ScenarioRun.run(paths: [root])
    let outcome = try #require(result.outcomes.first)
    #expect(outcome.diagnostics.isEmpty)
    #expect(outcome.failures.isEmpty, "\(outcome.failures.map { "\($0.what): expected \($0.expected), actual \($0.actual)" })")
    #expect(
      outcome.issues == [
        "2026-01-05T15:00:00Z ann (c-1): customer-queue flow `bounce` put the contact back in a queue 100 times with no time passing: it was stopped (a `wait` in the flow lets the clock move)"
      ])
  }
}
