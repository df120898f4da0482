import CallflowDiagnostics
import CallflowSyntax
import Testing

/// The "Types and references" rules, each on a project that breaks it and one that does not.
@Suite struct ReferenceRuleTests {
  static let whisper = Fixture.inbound(
    """
      say:
        play-prompt: "A callback customer."
        next: done
        on: {error: done}
      done:
        end-flow: {}
    """, name: "agent-brief", type: "agent-whisper", start: "say")

  static func main(_ blocks: String) -> String {
    Fixture.inbound(blocks + "\n  bye:\n    disconnect: {}", header: "on-error: bye\n")
  }

  @Test func blockNotAllowed() throws {
    let results = Fixture(
      Self.main(
        """
          hello:
            check-call-progress: {}
            on: {human: bye, voicemail-beep: bye, voicemail-no-beep: bye, unanswered: bye, busy: bye, invalid-number: bye, fax: bye}
        """)
    ).results()
    #expect(results.map(Fixture.describe) == ["1:7:5 block-not-allowed `check-call-progress` is not allowed in an `inbound` flow"])
    #expect(try #require(results.first).notes.map(\.message) == ["`check-call-progress` belongs to `outbound` flows"])
    let whisper = Self.whisper.replacingOccurrences(of: "end-flow: {}", with: "disconnect: {}")
    #expect(
      Fixture(whisper, center: nil).diagnostics() == [
        "1:10:5 block-not-allowed `disconnect` is not allowed in an `agent-whisper` flow"
      ])
    #expect(Fixture(Self.whisper, center: nil).diagnostics() == [])
  }

  @Test func callbackBlockPlacement() {
    let flow = Self.whisper.replacingOccurrences(
      of: "play-prompt: \"A callback customer.\"", with: "create-callback: {number: $.CustomerEndpoint.Address}")
    #expect(
      Fixture(flow, center: nil).diagnostics() == [
        "1:6:5 callback-block-placement `create-callback` is not allowed in an `agent-whisper` flow",
        "1:6:31 callback-number-unvalidated `create-callback` block `say` uses `$.CustomerEndpoint.Address` as the callback number without validating it",
      ])
  }

  @Test func undefinedReferences() throws {
    let flow = Self.main(
      """
        hello:
          play-prompt: {prompt: welcom}
          next: hours
        hours:
          check-hours: ofice
          next: queue
          on: {out-of-hours: bye}
        queue:
          transfer-to-queue: Suport
          on: {at-capacity: bye}
      """)
    let results = Fixture(flow).results()
    #expect(
      results.map(Fixture.describe) == [
        "1:7:27 undefined-reference no prompt named `welcom`",
        "1:10:18 undefined-reference no hours named `ofice`",
        "1:14:24 undefined-reference no queue named `Suport`",
      ])
    #expect(results.flatMap(\.fixes).map(\.replacement) == ["welcome", "office", "Support"])
    let fixed = flow.replacingOccurrences(of: "welcom}", with: "welcome}").replacingOccurrences(of: "ofice", with: "office")
      .replacingOccurrences(of: "Suport", with: "Support")
    #expect(Fixture(fixed).diagnostics() == [])
  }

  @Test func undefinedReferenceWithoutAnyCloseName() throws {
    let flow = Self.main(
      """
        hello:
          transfer-to-queue: Billing
          on: {at-capacity: bye}
      """)
    let results = Fixture(flow).results()
    #expect(results.map(Fixture.describe) == ["1:7:24 undefined-reference no queue named `Billing`"])
    #expect(try #require(results.first).notes.map(\.message) == ["center.yaml defines `Callbacks` and `Support`"])
  }

  /// A flow with no center.yaml in its project (a lone file included) names a queue that
  /// cannot exist: an error that says so (not a quiet pass, not a "did you mean"); a flow it
  /// names is not checked while the project's other flows are unknown.
  @Test func resourcesNamedWithoutACenterAreErrorsFlowsWithoutTheProjectAreNot() {
    let flow = Self.main(
      """
        hello:
          transfer-to-queue: {queue: Billing, callback: {creation-flow: elsewhere}}
          next: bye
          on: {at-capacity: bye}
      """)
    var lone = Fixture(flow, center: nil)
    lone.knowsAllFlows = false
    let results = lone.results()
    #expect(results.map(Fixture.describe) == ["1:7:32 undefined-reference no queue named `Billing`: the project has no center.yaml"])
    #expect(results.first?.severity == .error)
    #expect(results.first?.notes.map(\.message) == [
      "center.yaml was looked for in `.` and every folder above it",
      "a project's queues, prompts, hours and routing profiles are defined in its center.yaml",
    ])
    // In a project the same flow's references are checked.
    #expect(
      Fixture(flow).diagnostics() == [
        "1:7:32 undefined-reference no queue named `Billing`",
        "1:7:41 callback-number-unset the callback queued by `hello` may have no callback number set",
        "1:7:67 undefined-reference no flow named `elsewhere`",
      ])
  }

  @Test func centerReferences() {
    let center = Fixture.center.replacingOccurrences(of: "{queue: Callbacks, priority: 1}", with: "{queue: Callbak, priority: 1}")
      + "\nagents:\n  - {name: ana, routing-profile: Tier2}\n"
    let flow = Self.main("  hello:\n    play-prompt: Hi.\n    next: bye")
    #expect(
      Fixture(flow, center: center).diagnostics() == [
        "0:6:59 undefined-reference no queue named `Callbak`",
        "0:14:34 undefined-reference no routing profile named `Tier2`",
      ])
  }

  @Test func flowTypeMismatch() throws {
    let main = Self.main(
      """
        hello:
          transfer-to-queue:
            callback: {working-queue: Callbacks, creation-flow: agent-brief}
          next: whisper
          on: {at-capacity: bye}
        whisper:
          set-whisper-flow: {role: outbound, flow: agent-brief}
          next: bye
      """)
    let results = Fixture(main, Self.whisper).results()
    #expect(
      results.map(Fixture.describe) == [
        "1:8:7 callback-number-unset the callback queued by `hello` may have no callback number set",
        "1:8:59 flow-type-mismatch `creation-flow` must name a flow of type `inbound`, but `agent-brief` is of type `agent-whisper`",
        "1:12:46 flow-type-mismatch `flow` must name a flow of type `outbound-whisper`, but `agent-brief` is of type `agent-whisper`",
      ])
    let note = try #require(results.first { $0.rule == "flow-type-mismatch" }?.notes.first)
    #expect(note.message == "`agent-brief` is declared `agent-whisper` here")
    #expect(note.span?.file == FileID(2))
    #expect(note.span?.start == SourceLocation(line: 2, column: 7))
    let fixed = main.replacingOccurrences(of: ", creation-flow: agent-brief", with: "")
      .replacingOccurrences(of: "role: outbound", with: "role: agent")
    #expect(Fixture(fixed, Self.whisper).diagnostics() == ["1:8:7 callback-number-unset the callback queued by `hello` may have no callback number set"])
  }

  @Test func phoneNumberToANonInboundFlow() {
    let center = Fixture.center.replacingOccurrences(of: "\"+18005550199\": main", with: "\"+18005550199\": agent-brief")
    #expect(
      Fixture(Self.whisper, center: center).diagnostics() == [
        "0:8:19 flow-type-mismatch phone number `+18005550199` starts `agent-brief`, a `agent-whisper` flow; callers can only enter `inbound` flows"
      ])
  }

  @Test func duplicateFlowName() throws {
    let flow = Self.main("  hello:\n    play-prompt: Hi.\n    next: bye")
    let results = Fixture(flow, flow).results()
    #expect(results.map(Fixture.describe) == ["2:1:7 duplicate-flow-name a flow named `main` already exists"])
    #expect(try #require(results.first).notes.first?.span?.file == FileID(1))
  }

  @Test func phoneNumberUnassigned() {
    let other = Self.main("  hello:\n    play-prompt: Hi.\n    next: bye").replacingOccurrences(of: "flow: main", with: "flow: lost")
    let main = Self.main("  hello:\n    play-prompt: Hi.\n    next: bye")
    #expect(
      Fixture(main, other).diagnostics() == [
        "2:1:7 phone-number-unassigned inbound flow `lost` is not reached by any phone number or flow"
      ])
    let referenced = Self.main("  hello:\n    transfer-to-flow: lost\n    next: bye")
      .replacingOccurrences(of: "    next: bye", with: "")
    #expect(Fixture(referenced, other).diagnostics() == [])
  }

  @Test func unresolvedSubstitution() throws {
    let flow = Self.main(
      """
        hello:
          transfer-to-queue: "${SUPPORT_QUEUE}"
          on: {at-capacity: bye}
      """)
    var missing = Fixture(flow)
    missing.substitutions = Substitutions(values: ["SUPPORT_QUEU": "x"], environment: "prod")
    let results = missing.results()
    #expect(results.map(Fixture.describe) == ["1:7:25 unresolved-substitution `${SUPPORT_QUEUE}` has no value in environment `prod`"])
    #expect(try #require(results.first).span.end == SourceLocation(line: 7, column: 41))
    #expect(results.first?.notes.first?.message == "did you mean `${SUPPORT_QUEU}`?")
    var given = Fixture(flow)
    given.substitutions = Substitutions(values: ["SUPPORT_QUEUE": "Support"], environment: "prod")
    #expect(given.diagnostics() == [])
    var wrong = Fixture(flow)
    wrong.substitutions = Substitutions(values: ["SUPPORT_QUEUE": "Nowhere"])
    #expect(wrong.diagnostics() == ["1:7:24 undefined-reference no queue named `Nowhere`"])
  }
}

@Suite struct CenterTests {
  @Test func validatesTheResources() {
    let center = """
      center: test
      queues:
        Support: {capacity: "50", caller-id: {name: Acme, number: "18005550199"}, hour: office}
      routing-profiles:
        Tier1: {queues: [{queue: Support}]}
      phone-numbers:
        "+1-800": main
      hours:
        office: {timezone: Mars/Olympus, mon-fry: "08:00-18:00", sat: "9-13"}
      profiles:
        - {last-name: Doe}
      agents:
        - {routing-profile: Tier1}
      """
    #expect(
      Fixture(center: center).diagnostics() == [
        "0:3:23 invalid-value capacity: expected a whole number, found the quoted text \"50\" (remove the quotes)",
        "0:3:61 invalid-value `18005550199` is not an E.164 number: an E.164 number starts with `+` and the country code",
        "0:3:77 unknown-parameter unknown key `hour` in queue `Support`",
        "0:5:20 missing-parameter queue `Support` in routing profile `Tier1` has no `priority`",
        "0:7:3 invalid-value `+1-800` is not an E.164 number: an E.164 number has only digits after the `+`, no spaces or dashes",
        "0:9:22 invalid-value `Mars/Olympus` is not a known IANA time zone",
        "0:9:36 unknown-parameter unknown key `mon-fry` in hours",
        "0:9:65 invalid-value `9-13` is not a list of opening times",
        "0:11:5 missing-parameter this profile has no `first-name`, the one field a profile requires",
        "0:13:5 missing-parameter this agent has no `name`",
      ])
  }

  @Test func aCenterAloneStillResolvesItsPhoneNumbers() {
    #expect(Fixture(center: Fixture.center).diagnostics() == ["0:8:19 undefined-reference no flow named `main`"])
  }
}

extension Fixture {
  init(center: String) {
    self.init()
    self.center = center
  }

  init() {
    self.flows = []
  }

  @Test func flowTransferLoopsAcrossThreeFlowsAndWhatBreaksThem() throws {
    func flow(_ name: String, to next: String, via pause: String = "") -> String {
      Fixture.inbound(
        pause.isEmpty
          ? "  hello:\n    transfer-to-flow: \(next)"
          : "  hello:\n    \(pause)\n    next: go\n  go:\n    transfer-to-flow: \(next)",
        name: name)
    }
    let results = Fixture(flow("a", to: "b"), flow("b", to: "c", via: "loop: 3"), flow("c", to: "a"), center: nil).results()
      .filter { $0.rule == "flow-transfer-loop" }
    // A `loop` does not bound a cycle across flows: its count starts again in each flow.
    #expect(results.map(Fixture.describe) == [
      "1:6:23 flow-transfer-loop flows `a`, `b`, and `c` hand the contact to each other with no wait or input: the contact can go round forever"
    ])
    let spans = try #require(results.first).notes.compactMap { $0.span.map { "\($0.file.rawValue):\($0.start)" } }
    #expect(spans == ["2:9:23", "3:6:23"])
    // A wait on the way breaks it.
    #expect(Fixture(flow("a", to: "b"), flow("b", to: "c", via: "wait: 1m"), flow("c", to: "a"), center: nil).diagnostics().filter {
      $0.contains("flow-transfer-loop")
    } == [])
  }

  /// A customer-queue flow that puts the caller back in a queue with nothing on the way that
  /// waits runs again at once in that queue, for ever (the simulator's stack overflow, found
  /// by fuzzing a module). A wait, a callback transfer (which queues a callback, not the
  /// caller) or another queue flow set first are not that.
  @Test func aQueueFlowThatRequeuesWithoutAPauseLoops() throws {
    func queueFlow(_ blocks: String) -> String {
      Fixture.inbound(blocks + "\n  done:\n    end-flow: {}", name: "waiting", type: "customer-queue", start: "again", header: "on-error: done\n")
    }
    let requeue = "  again:\n    transfer-to-queue: Support\n    on: {at-capacity: done}"
    let results = Fixture(queueFlow(requeue)).results().filter { $0.rule == "flow-transfer-loop" }
    #expect(results.map(Fixture.describe) == [
      "1:7:5 flow-transfer-loop customer-queue flow `waiting` puts the contact back in a queue with no wait or input: the queue starts the flow again, forever"
    ])
    #expect(results.first?.severity == .error)
    let quiet = [
      "  again:\n    wait: 1m\n    next: back\n  back:\n    transfer-to-queue: Support\n    on: {at-capacity: done}",
      "  again:\n    transfer-to-queue: {callback: {max-retries: 2}}\n    next: done\n    on: {at-capacity: done}",
      "  again:\n    set-customer-queue-flow: other\n    next: back\n  back:\n    transfer-to-queue: Support\n    on: {at-capacity: done}",
    ]
    for blocks in quiet {
      #expect(Fixture(queueFlow(blocks)).diagnostics().filter { $0.contains("flow-transfer-loop") } == [], "\(blocks)")
    }
  }

  /// A queue callers are transferred to and no routing profile lists is `queue-unrouted`,
  /// once, at its definition; a queue only callbacks go to is `callback-queue-unrouted`'s, not
  /// reported twice.
  @Test func aQueueInNoRoutingProfileIsReportedOnceByTheRightRule() {
    let center = Fixture.center.replacingOccurrences(
      of: "Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 1}]}", with: "Tier1: {queues: []}")
    #expect(center != Fixture.center)
    let flow = Fixture.inbound(
      """
        hello:
          transfer-to-queue: Support
          on: {at-capacity: back}
        back:
          transfer-to-queue: {callback: {working-queue: Callbacks}}
          next: bye
          on: {at-capacity: bye}
        bye:
          disconnect: {}
      """)
    let found = Fixture(flow, center: center).diagnostics().filter { $0.contains("unrouted") }
    #expect(found == [
      "0:3:3 queue-unrouted queue `Support` is in no routing profile: no agent will take the calls transferred to it",
      "0:4:3 callback-queue-unrouted callback queue `Callbacks` is in no routing profile: no agent will receive its callbacks",
    ])
    // A queue callers wait in and callbacks go to is reported once, as a callback queue.
    let both = flow.replacingOccurrences(of: "working-queue: Callbacks", with: "working-queue: Support")
    #expect(Fixture(both, center: center).diagnostics().filter { $0.contains("unrouted") } == [
      "0:3:3 callback-queue-unrouted callback queue `Support` is in no routing profile: no agent will receive its callbacks"
    ])
  }
}
