import CallflowDiagnostics
import CallflowDriver
import CallflowScenarios
import CallflowSimulator
import CallflowSyntax
import CallflowTestSupport
import Foundation
import Testing

@Suite struct ScenarioTests {
  @Test func everySampleScenarioPasses() throws {
    let result = try ScenarioRun.run(paths: [packageRoot + "/Samples/tests"])
    #expect(result.outcomes.count >= 10)
    for outcome in result.outcomes {
      #expect(outcome.status == .passed, "\(outcome.path): \(outcome.failures.map { "\($0.what): expected \($0.expected), actual \($0.actual)" }) \(outcome.issues)")
      #expect(outcome.expectations > 0)
    }
    #expect(result.allPassed)
  }

  /// The whole timeline of the sample where a callback keeps its caller's place, contact by
  /// contact: worked out by hand from the flows, the scenario and Docs/SIMULATOR.md's times.
  @Test func theKeepsPlaceTimelineIsExact() throws {
    let result = try ScenarioRun.run(paths: [packageRoot + "/Samples/tests/callback-keeps-place.test.yaml"])
    let records = try #require(result.outcomes.first).records
    let lines = records.map(Self.timeline)
    #expect(
      lines == [
        // Alice's call: the flow asks for her number, queues the callback and hangs up.
        "c-1 alice INBOUND 15:00:00 queue - - - end 15:00:00 CONTACT_FLOW_DISCONNECT agent - attempts 0",
        // Her callback: 99 s of initial delay, then the creation flow queues it at 15:01:39.
        // Ana takes it at 15:07 (no answer), then again after the 10-minute retry interval.
        "c-2 alice CALLBACK 15:00:00 queue Callbacks 15:01:39 15:17:30 end 15:21:40 AGENT_DISCONNECT agent ana attempts 2",
        // Bob waits in Support from 15:03 until Ana is free of the first dial (30 s of ringing).
        "c-3 bob INBOUND 15:03:00 queue Support 15:03:00 15:07:30 end 15:11:30 AGENT_DISCONNECT agent ana attempts 0",
      ])
  }

  static func timeline(_ record: JSONValue) -> String {
    guard case .object(let fields) = record else { return "?" }
    func field(_ name: String, in fields: [(String, JSONValue)]) -> JSONValue? { fields.first { $0.0 == name }?.1 }
    func text(_ value: JSONValue?) -> String {
      switch value {
      case .string(let s)?: s.count == 20 && s.hasSuffix("Z") ? String(s.dropFirst(11).dropLast()) : s
      case .number(let n)?: String(n)
      default: "-"
      }
    }
    var queue = ["-", "-", "-"]
    if case .object(let q)? = field("QueueInfo", in: fields) {
      queue = [text(field("Name", in: q)), text(field("EnqueueTimestamp", in: q)), text(field("DequeueTimestamp", in: q))]
    }
    var agent = "-"
    if case .object(let a)? = field("Agent", in: fields) { agent = text(field("Name", in: a)) }
    return [
      text(field("ContactId", in: fields)), text(field("Label", in: fields)), text(field("InitiationMethod", in: fields)),
      text(field("InitiationTimestamp", in: fields)), "queue", queue.joined(separator: " "), "end", text(field("DisconnectTimestamp", in: fields)),
      text(field("DisconnectReason", in: fields)), "agent", agent, "attempts", text(field("AgentConnectionAttempts", in: fields)),
    ].joined(separator: " ")
  }

  @Test func failedExpectationsSayWhereWhatWasExpectedAndWhatHappened() throws {
    let scenario = """
      scenario: wrong on purpose
      start: 2026-01-05T15:00:00Z
      agents:
        - {name: ana, routing-profile: Tier1, available: "15:07-23:00", handle-time: 4m}
      contacts:
        - {id: alice, at: "15:00", from: "+14255550100", to: "+18005550199", input: ["1", "+14255550123"], dials: [no-answer, human]}
        - {id: bob, at: "15:03", from: "+14255550101", to: "+18005550199", input: ["2"]}
      expect:
        - {contact: alice, path: [welcome, check-hours, offer-callback, stay-in-queue]}
        - {contact: alice, handled-by: ben, dial-attempts: 1}
        - {order: [bob, alice]}
        - {contact: alice, initiation: CALLBACK_CUSTOMER_FIRST_QUEUED, queue: Callbacks}
        - {contact: bob, connected-at: "15:07", abandoned: true, disconnect-reason: EXPIRED}
        - {metric: CONTACTS_HANDLED, queue: Support, at-least: 2}
        - {metric: AVG_ABANDON_TIME, queue: Support, equals: 0}
        - {callbacks-waiting: 0, queue: Callbacks, at: "15:05"}
        - {contact: alice, initiation: CALLBACK, attribute: {notified: "no", $.Customer.tier: gold}}

      """
    let copy = try SamplesCopy(adding: ["tests/wrong.test.yaml": scenario])
    defer { copy.remove() }
    let result = try ScenarioRun.run(paths: [copy.path("tests")])
    let report = ScenarioRunner.report(result, colors: false, elapsed: nil).replacingOccurrences(of: copy.root + "/", with: "")
    #expect(
      report == """
        running 1 scenario
        tests/wrong.test.yaml: wrong on purpose ... FAILED

        failures:

        ---- tests/wrong.test.yaml: wrong on purpose
        tests/wrong.test.yaml:9:5: expectation failed: alice: path (differs at step 4)
            expected: [welcome, check-hours, offer-callback, stay-in-queue]
            actual:   [welcome, check-hours, offer-callback, ask-number, set-number, confirm, to-callback-queue, goodbye]
        tests/wrong.test.yaml:10:5: expectation failed: alice: handled by
            expected: ben
            actual:   ana
        tests/wrong.test.yaml:10:5: expectation failed: alice: dial attempts
            expected: 1
            actual:   2
        tests/wrong.test.yaml:11:5: expectation failed: the order agents received bob, alice in
            expected: [bob, alice]
            actual:   [alice, bob]
        tests/wrong.test.yaml:12:5: expectation failed: alice (CALLBACK_CUSTOMER_FIRST_QUEUED): queue
            expected: such a contact
            actual:   alice has no such contact (it has INBOUND, CALLBACK)
        tests/wrong.test.yaml:13:5: expectation failed: bob: connected to an agent at
            expected: 15:07
            actual:   15:07:30
        tests/wrong.test.yaml:13:5: expectation failed: bob: abandoned
            expected: true
            actual:   false
        tests/wrong.test.yaml:13:5: expectation failed: bob: disconnect reason
            expected: EXPIRED
            actual:   AGENT_DISCONNECT
        tests/wrong.test.yaml:14:5: expectation failed: CONTACTS_HANDLED of Support
            expected: at least 2
            actual:   1
        tests/wrong.test.yaml:15:5: expectation failed: AVG_ABANDON_TIME of Support
            expected: 0
            actual:   none (an average of no contacts)
        tests/wrong.test.yaml:16:5: expectation failed: callbacks waiting in Callbacks at 15:05
            expected: 0
            actual:   1
        tests/wrong.test.yaml:17:5: expectation failed: alice (CALLBACK): attribute $.Attributes.notified
            expected: no
            actual:   yes
        tests/wrong.test.yaml:17:5: expectation failed: alice (CALLBACK): attribute $.Customer.tier
            expected: gold
            actual:   unset

        test result: FAILED. 0 passed; 1 failed; 12 events simulated
        
        """)
  }

  @Test func allMistakesOfAScenarioFileAreReportedAtTheirPlaceInOneRun() throws {
    let scenario = """
      scenario: mistakes
      start: 2026-01-05T15:00:00Z
      agents:
        - {name: ana, routing-profile: Tier9}
      contacts:
        - {id: alice, at: "25:00", to: "+18005550199", dials: [voicemail]}
        - {id: bob, at: "15:03", to: "+18005550198", hang-up-after: 5m}
      expect:
        - {contact: alise, handled-by: ana}
        - {metric: CONTACTS_HANDLD, equals: 1}

      """
    let copy = try SamplesCopy(adding: ["tests/bad.test.yaml": scenario])
    defer { copy.remove() }
    let result = try ScenarioRun.run(paths: [copy.path("tests")])
    let outcome = try #require(result.outcomes.first)
    #expect(outcome.status == .error)
    let text = TextRenderer(colors: false).render(outcome.diagnostics, sources: result.sources).replacingOccurrences(of: copy.root + "/", with: "")
    // The file's own mistakes and its references to the project, in the order of the file.
    #expect(
      text == """
        tests/bad.test.yaml:4:34: error: no routing profile `Tier9` in center.yaml [invalid-value]
          |
        4 |   - {name: ana, routing-profile: Tier9}
          |                                  ^~~~~
          = note: the routing profiles are Tier1, Overflow

        tests/bad.test.yaml:6:21: error: `at` is a time: `HH:MM` on the start's day, a duration after the start such as `90s`, or an ISO 8601 time; not `25:00` [invalid-value]
          |
        6 |   - {id: alice, at: "25:00", to: "+18005550199", dials: [voicemail]}
          |                     ^~~~~~~

        tests/bad.test.yaml:6:58: error: `voicemail` is not a way to answer a dial [invalid-value]
          |
        6 |   - {id: alice, at: "25:00", to: "+18005550199", dials: [voicemail]}
          |                                                          ^~~~~~~~~
          = note: one of human, voicemail-beep, voicemail-no-beep, no-answer, busy, invalid-number, fax

        tests/bad.test.yaml:7:32: error: no flow answers +18005550198: it is not among the phone numbers of center.yaml [invalid-value]
          |
        7 |   - {id: bob, at: "15:03", to: "+18005550198", hang-up-after: 5m}
          |                                ^~~~~~~~~~~~~~
          = note: did you mean +18005550199?

        tests/bad.test.yaml:7:48: error: unknown key `hang-up-after` in a contact [invalid-value]
          |
        7 |   - {id: bob, at: "15:03", to: "+18005550198", hang-up-after: 5m}
          |                                                ^~~~~~~~~~~~~
          = note: did you mean `hangs-up-after`?

        tests/bad.test.yaml:9:15: error: no contact `alise` in this scenario [invalid-value]
          |
        9 |   - {contact: alise, handled-by: ana}
          |               ^~~~~
          = note: did you mean `alice`?

        tests/bad.test.yaml:10:14: error: `CONTACTS_HANDLD` is not a metric [invalid-value]
           |
        10 |   - {metric: CONTACTS_HANDLD, equals: 1}
           |              ^~~~~~~~~~~~~~~
           = note: did you mean `CONTACTS_HANDLED`?


        """)
  }

  @Test func referencesToWhatTheProjectLacksAreReportedBeforeAnythingRuns() throws {
    let scenario = """
      scenario: dangling references
      start: 2026-01-05T15:00:00Z
      agents:
        - {name: ana, routing-profile: Tier9}
      contacts:
        - {id: alice, at: "15:00", to: "+18005550198"}
      expect:
        - {contact: alise, handled-by: ana}
        - {metric: CONTACTS_HANDLED, queue: Sales, equals: 1}

      """
    let copy = try SamplesCopy(adding: ["tests/refs.test.yaml": scenario])
    defer { copy.remove() }
    let result = try ScenarioRun.run(paths: [copy.path("tests/refs.test.yaml")])
    let outcome = try #require(result.outcomes.first)
    #expect(outcome.status == .error)
    #expect(outcome.events == 0)
    let messages = outcome.diagnostics.map { "\($0.span.start.line):\($0.span.start.column) \($0.message) | \($0.notes.map(\.message).joined(separator: "; "))" }
    #expect(
      messages == [
        "4:34 no routing profile `Tier9` in center.yaml | the routing profiles are Tier1, Overflow",
        "6:34 no flow answers +18005550198: it is not among the phone numbers of center.yaml | did you mean +18005550199?",
        "8:15 no contact `alise` in this scenario | did you mean `alice`?",
        "9:5 no queue `Sales` in center.yaml | the queues are Support, Callbacks",
      ])
  }
}
