import CallflowDiagnostics
import CallflowRules
import CallflowSyntax
import Testing

/// The callback rules and the definite-assignment rule, on the cases their pages do not show:
/// where the analyses must stay silent, and the severities, spans and notes they report with.
@Suite struct CallbackRuleTests {
  /// An inbound flow `main` with `on-error: bye` and a `bye: disconnect` appended.
  static func main(_ blocks: String, name: String = "main", type: String = "inbound", start: String = "hello") -> String {
    Fixture.inbound(blocks + "\n  bye:\n    disconnect: {}", name: name, type: type, start: start, header: "on-error: bye\n")
  }

  static let collect = """
      ask:
        store-input: {prompt: "Number?", kind: phone-number, format: e164}
        next: set-number
    """

  // MARK: attribute-unset

  @Test func attributesAreWrittenOnlyWhenTheBlockGoesOn() throws {
    let flow = Self.main(
      """
        hello:
          store-input: {prompt: "Account?", kind: digits}
          next: use
          on: {error: use}
        use:
          customer-profile-lookup: {key: account-id, value: $.StoredCustomerInput}
          next: bye
          on: {multiple: bye, not-found: bye}
      """)
    let results = Fixture(flow).results()
    #expect(results.map(Fixture.describe) == ["1:11:55 attribute-unset `$.StoredCustomerInput` may be unset when `use` reads it"])
    let finding = try #require(results.first)
    #expect(finding.severity == .error)
    #expect(finding.notes.map(\.message) == [
      "on this path nothing sets it: `hello` (`error`) → `use`",
      "`store-input` block `hello` sets it, but not on every path here",
    ])
    #expect(Fixture(flow.replacingOccurrences(of: "on: {error: use}", with: "")).diagnostics() == [])
  }

  @Test func userAttributesAreWarningsAndNamedOneByOne() throws {
    let flow = Self.main(
      """
        hello:
          set-attributes: {tier: gold}
          next: check
        check:
          check-attribute:
            attribute: $.Attributes.segment
            conditions: [{equals: $.Attributes.tier, goto: bye}]
          on: {no-match: bye}
      """)
    let results = Fixture(flow).results()
    #expect(results.map(Fixture.describe) == ["1:11:18 attribute-unset `$.Attributes.segment` may be unset when `check` reads it"])
    #expect(results.first?.severity == .warning)
    #expect(results.first?.notes.last?.message == "no block of this flow sets `$.Attributes.segment`; a `set-attributes` block does")
  }

  @Test func contactAttributesMayComeFromAnEarlierFlow() {
    // `main` queues a callback whose creation flow reads what `main` set: silent. The same
    // read in `main` itself, which callers enter first, is reported even though `on-create`
    // writes it too.
    let main = Self.main(
      """
        hello:
          check-attribute:
            attribute: $.Attributes.origin
            conditions: [{equals: web, goto: bye}]
          on: {no-match: note}
        note:
          set-attributes: {origin: phone, reason: refund}
          next: \(Self.collect.split(separator: "\n")[0].trimmingCharacters(in: .whitespaces).dropLast())
      \(Self.collect)
        set-number:
          set-callback-number: $.StoredCustomerInput
          next: queue
          on: {invalid-number: bye, not-dialable: bye}
        queue:
          transfer-to-queue: {callback: {working-queue: Callbacks, creation-flow: on-create}}
          next: bye
          on: {at-capacity: bye}
      """)
    let creation = Self.main(
      """
        hello:
          check-attribute:
            attribute: $.Attributes.reason
            conditions: [{equals: refund, goto: again}]
          on: {no-match: queue}
        again:
          set-attributes: {origin: callback}
          next: queue
        queue:
          transfer-to-queue: Callbacks
          on: {at-capacity: bye}
      """, name: "on-create")
    #expect(
      Fixture(main, creation).diagnostics() == [
        "1:8:18 attribute-unset `$.Attributes.origin` may be unset when `hello` reads it"
      ])
    // On its own, nothing before the creation flow writes `reason`. (Without a center, its
    // queue is reported too; that is not what this test is about.)
    var lone = Fixture(creation, center: nil)
    let attributes = { (fixture: Fixture) in fixture.diagnostics().filter { !$0.contains("the project has no center.yaml") } }
    #expect(attributes(lone) == ["1:8:18 attribute-unset `$.Attributes.reason` may be unset when `hello` reads it"])
    // A lone file outside any project cannot know: contact attributes are not reported.
    lone.knowsAllFlows = false
    #expect(attributes(lone) == [])
  }

  // MARK: callback-number-unvalidated

  @Test func aLaterStoreInputUndoesTheValidation() {
    let flow = Self.main(
      """
        hello:
          store-input: {prompt: "Number?", kind: phone-number, format: e164}
          next: extension
        extension:
          store-input: {prompt: "Extension?", kind: digits}
          next: set-number
        set-number:
          set-callback-number: $.StoredCustomerInput
          next: bye
          on: {invalid-number: bye, not-dialable: bye}
      """)
    #expect(
      Fixture(flow).diagnostics() == [
        "1:13:26 callback-number-unvalidated `set-callback-number` block `set-number` uses `$.StoredCustomerInput` as the callback number without validating it"
      ])
  }

  @Test func aCopyOfAValidatedNumberStaysValidated() {
    let flow = Self.main(
      """
        hello:
          store-input: {prompt: "Number?", kind: phone-number, format: e164}
          next: keep
        keep:
          set-attributes: {phone: $.StoredCustomerInput, raw: $.SystemEndpoint.Address}
          next: set-number
        set-number:
          set-callback-number: $.Attributes.phone
          next: also
          on: {invalid-number: bye, not-dialable: bye}
        also:
          set-callback-number: $.Attributes.raw
          next: bye
          on: {invalid-number: bye, not-dialable: bye}
      """)
    #expect(
      Fixture(flow).diagnostics() == [
        "1:17:26 callback-number-unvalidated `set-callback-number` block `also` uses `$.Attributes.raw` as the callback number without validating it"
      ])
  }

  @Test func theInvalidSideOfValidatePhoneIsNotValidated() throws {
    let flow = Self.main(
      """
        hello:
          validate-phone: $.CustomerEndpoint.Address
          next: set-number
          on: {invalid: set-number}
        set-number:
          set-callback-number: $.CustomerEndpoint.Address
          next: bye
          on: {invalid-number: bye, not-dialable: bye}
      """)
    let results = Fixture(flow).results()
    #expect(
      results.map(Fixture.describe) == [
        "1:11:26 callback-number-unvalidated `set-callback-number` block `set-number` uses `$.CustomerEndpoint.Address` as the callback number without validating it"
      ])
    // The caller's own number is a warning; the path shown takes the `invalid` branch.
    let finding = try #require(results.first)
    #expect(finding.severity == .warning)
    #expect(finding.notes.first?.message == "this path passes no validation: `hello` (`invalid`) → `set-number`")
    #expect(finding.notes.dropFirst().first?.message == "`validate-phone` block `hello` validates it, but not on every path here")
    #expect(finding.notes.dropFirst().first?.span?.start == SourceLocation(line: 6, column: 3))
  }

  // MARK: callback-number-unset, working-queue-unset

  @Test func flowsEnteredFromAnotherFlowInheritTheNumberAndQueue() {
    let callback = """
        hello:
          transfer-to-queue: {callback: {max-retries: 2}}
          next: bye
          on: {at-capacity: bye}
      """
    let entry = Self.main(
      """
        hello:
          transfer-to-flow: second
      """)
    let second = Self.main(callback, name: "second")
    // Entered from `main`: silent.
    #expect(Fixture(entry, second).diagnostics() == [])
    // Entered by callers: both findings, and only those.
    #expect(
      Fixture(Self.main(callback)).diagnostics() == [
        "1:7:5 working-queue-unset the callback queued by `hello` has no queue: no `set-working-queue` comes before it",
        "1:7:25 callback-number-unset the callback queued by `hello` may have no callback number set",
      ])
    // A customer-queue flow runs in a queue: a callback there has one.
    #expect(Fixture(Self.main(callback, name: "waiting", type: "customer-queue"), center: nil).diagnostics() == [])
  }

  @Test func aPlainTransferNeedsAQueueToo() throws {
    let flow = Self.main(
      """
        hello:
          get-input: {prompt: "1 for sales", options: ["1"]}
          on: {"1": sales, timeout: queue, no-match: queue}
        sales:
          set-working-queue: Support
          next: queue
        queue:
          transfer-to-queue: {}
          on: {at-capacity: bye}
      """)
    let results = Fixture(flow).results()
    #expect(results.map(Fixture.describe) == ["1:13:5 working-queue-unset `queue` transfers to no queue on some paths: no working queue is set"])
    #expect(try #require(results.first).notes.map(\.message) == [
      "no `set-working-queue` on this path: `hello` (`timeout`) → `queue`",
      "write `transfer-to-queue: <queue>`, or put a `set-working-queue` block before it",
    ])
  }

  // MARK: callback-typestate

  @Test func typestateFindsEachMisuse() {
    let flow = Self.main(
      """
        hello:
          start-callback: {}
          next: again
          on: {error: register}
        again:
          start-callback: {}
          next: register
        register:
          register-callback: {number: "+14255550100", queue: Callbacks}
          next: bye
          on: {error: bye}
      """, name: "waiting", type: "customer-queue")
    let center = """
      center: t
      queues:
        Callbacks: {capacity: 5, caller-id: {name: Acme, number: "+18005550199"}}
      routing-profiles:
        Tier1: {queues: [{queue: Callbacks, priority: 1}]}
      """
    #expect(
      Fixture(flow, center: center).diagnostics() == [
        "1:7:5 callback-typestate the callback started by `hello` is neither registered nor declined on a path that ends at `bye`",
        "1:11:5 callback-typestate `start-callback` block `again` may run while the callback started by `hello` is still pending",
        "1:11:5 callback-typestate the callback started by `again` is neither registered nor declined on a path that ends at `bye`",
        "1:14:5 callback-typestate `register-callback` block `register` may run with no callback started",
      ])
  }

  @Test func aFailedDeclineEndsTheRequest() {
    let flow = Self.main(
      """
        hello:
          start-callback: {}
          next: no-thanks
        no-thanks:
          decline-callback: {}
          next: bye
      """, name: "waiting", type: "customer-queue")
    // `no-thanks` fails to `bye` through `on-error`: nothing more could be done, nothing reported.
    #expect(Fixture(flow, center: nil).diagnostics() == [])
  }

  // MARK: queue-poll-too-fast

  @Test func pollingWithNoWaitAndOutsideQueueFlows() {
    let loop = """
        hello:
          get-queue-metrics: {}
          next: count
        count:
          loop: 3
          next: bye
          on: {looping: hello}
      """
    #expect(
      Fixture(Self.main(loop, name: "waiting", type: "customer-queue"), center: nil).diagnostics() == [
        "1:7:5 queue-poll-too-fast `hello` reads the queue metrics again with no `wait` in between"
      ])
    // The rule is about customer-queue flows; an inbound flow polling a queue is not waiting in it.
    #expect(Fixture(Self.main(loop)).diagnostics() == [])
  }

  // MARK: Creation and outbound flows

  @Test func creationFlowsWarnOnAccidentalPathsOnly() throws {
    let main = Self.main(
      """
        hello:
          transfer-to-queue: {callback: {working-queue: Callbacks, creation-flow: on-create}}
          next: bye
          on: {at-capacity: bye}
      """)
    let creation = Fixture.inbound(
      """
        hello:
          customer-profile-lookup: {key: phone, value: $.CustomerEndpoint.Address}
          next: check
          on: {multiple: queue, not-found: bye}
        check:
          check-attribute:
            attribute: $.Customer.open-case
            conditions: [{equals: pending, goto: bye}]
          on: {no-match: queue}
        queue:
          transfer-to-queue: Callbacks
          on: {at-capacity: bye, error: bye}
        bye:
          disconnect: {}
      """, name: "on-create", header: "on-error: queue\n")
    let results = Fixture(main, creation).results().filter { $0.rule != "callback-number-unset" }
    #expect(
      results.map(Fixture.describe) == [
        "1:7:77 creation-flow-no-transfer creation flow `on-create` can end at `bye` without transferring to a queue: those callbacks are dropped"
      ])
    #expect(results.first?.severity == .warning)
    #expect(results.first?.notes.first?.message == "this path queues nothing: `hello` (`not-found`) → `bye`")
    // Sending not-found to the queue leaves only the deliberate drop of the condition.
    let fixed = creation.replacingOccurrences(of: "not-found: bye", with: "not-found: queue")
    #expect(Fixture(main, fixed).diagnostics().filter { !$0.contains("callback-number-unset") } == [])
  }

  @Test func outboundFlowsMustCheckWhoAnswered() {
    let main = Self.main(
      """
        hello:
          transfer-to-queue: {callback: {working-queue: Callbacks, dial-mode: customer-first, outbound-flow: dial}}
          next: bye
          on: {at-capacity: bye}
      """)
    let dial = Self.main(
      """
        hello:
          transfer-to-queue: Callbacks
          on: {at-capacity: bye}
      """, name: "dial", type: "outbound")
    #expect(
      Fixture(main, dial).diagnostics().filter { !$0.contains("callback-number-unset") } == [
        "1:7:104 customer-first-outbound-flow outbound flow `dial` never checks who answered"
      ])
  }

  // MARK: center.yaml

  @Test func onlyCallbackQueuesNeedRoutingAndCallerIDs() throws {
    let center = """
      center: t
      queues:
        Support: {capacity: 5}
        Callbacks: {capacity: 5, caller-id: {name: Acme}}
      routing-profiles:
        Tier1: {queues: [{queue: Callbacks, priority: 1}]}
      phone-numbers:
        "+18005550199": main
      """
    let flow = Self.main(
      """
        hello:
          get-input: {prompt: "1 for a callback", options: ["1"]}
          on: {"1": ask, timeout: hold, no-match: hold}
        hold:
          transfer-to-queue: Support
          on: {at-capacity: bye}
      \(Self.collect)
        set-number:
          set-callback-number: $.StoredCustomerInput
          next: first
          on: {invalid-number: bye, not-dialable: bye}
        first:
          transfer-to-queue: {callback: {working-queue: Callbacks}}
          next: second
          on: {at-capacity: bye}
        second:
          transfer-to-queue: {callback: {working-queue: Support}}
          next: bye
          on: {at-capacity: bye}
      """)
    // Support takes plain transfers (no rule on those) and one callback (both rules). Each
    // queue is reported once, in center.yaml, with the callbacks that go to it as notes.
    let results = Fixture(flow, center: center).results()
    #expect(
      results.map(Fixture.describe) == [
        "0:3:3 callback-queue-caller-id callback queue `Support` has no outbound caller ID name or number",
        "0:3:3 callback-queue-unrouted callback queue `Support` is in no routing profile: no agent will receive its callbacks",
        "0:4:39 callback-queue-caller-id callback queue `Callbacks` has no outbound caller ID number",
      ])
    let unrouted = try #require(results.first { $0.rule == "callback-queue-unrouted" })
    #expect(unrouted.notes.compactMap { $0.span.map { "\($0.file.rawValue):\($0.start)" } } == ["1:24:51"])
    #expect(unrouted.notes.last?.message == "list it in a routing profile (`Tier1`) with the same priority as the callers' queue")
  }

  @Test func queueFlowCallbacksGoToTheQueueTheCallerWaitsIn() throws {
    let center = """
      center: t
      queues:
        Support: {capacity: 5}
        Callbacks: {capacity: 5, caller-id: {name: Acme, number: "+18005550199"}}
      routing-profiles:
        Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 2}]}
      phone-numbers:
        "+18005550199": main
      """
    let main = Self.main(
      """
        hello:
          set-customer-queue-flow: waiting
          next: queue
        queue:
          transfer-to-queue: Support
          on: {at-capacity: bye}
      """)
    let waiting = Self.main(
      """
        hello:
          get-input: {prompt: "1: call me back here; 2: call me back later", options: ["1", "2"]}
          on: {"1": here, "2": later, timeout: bye, no-match: bye}
        here:
          create-callback: {number: "+14255550100"}
          next: bye
        later:
          transfer-to-queue: {callback: {working-queue: Callbacks}}
          next: bye
          on: {at-capacity: bye}
      """, name: "waiting", type: "customer-queue")
    let results = Fixture(main, waiting, center: center).results()
    // `here` queues its callback in Support, where the caller waits: Support needs a caller ID.
    // `later` sends it to Callbacks, behind Support in Tier1: it loses the caller's place.
    #expect(
      results.map(Fixture.describe) == [
        "0:3:3 callback-queue-caller-id callback queue `Support` has no outbound caller ID name or number",
        "0:6:80 callback-loses-position callbacks do not keep their place in line: `Callbacks` has priority 2 in `Tier1`, below `Support`'s 1",
      ])
    let callerID = try #require(results.first)
    #expect(callerID.notes.first?.span?.start == SourceLocation(line: 10, column: 5))
    // Reported at the profile, where the policy is written, with the flow's place in a note.
    let position = try #require(results.last)
    #expect(position.notes.compactMap { $0.span.map { "\($0.file.rawValue):\($0.start.line):\($0.start.column)" } } == ["0:6:47", "2:13:51"])
    #expect(position.notes.map(\.message).first == "the callers waited in `Support`, at priority 1 here")
  }

  @Test func aCallbackQueueAboveTheCallersQueueIsReportedOnce() {
    let center = """
      center: t
      queues:
        Support: {capacity: 5, caller-id: {name: Acme, number: "+18005550199"}}
        Callbacks: {capacity: 5, caller-id: {name: Acme, number: "+18005550199"}}
      routing-profiles:
        Tier1: {queues: [{queue: Support, priority: 2}, {queue: Callbacks, priority: 1}]}
      phone-numbers:
        "+18005550199": main
      """
    let callback = """
        hello:
          set-working-queue: Support
          next: ask
      \(Self.collect)
        set-number:
          set-callback-number: $.StoredCustomerInput
          next: later
          on: {invalid-number: bye, not-dialable: bye}
        later:
          transfer-to-queue: {callback: {working-queue: Callbacks}}
          next: bye
          on: {at-capacity: bye}
      """
    // Support takes no caller here: the callback only jumps ahead of it (information).
    #expect(
      Fixture(Self.main(callback), center: center).diagnostics() == [
        "0:6:80 callback-loses-position callbacks do not keep their place in line: `Callbacks` has priority 1 in `Tier1`, above `Support`'s 2"
      ])
    // Where Support also takes callers, the warning says it, and the information is not repeated.
    let both = callback.replacingOccurrences(of: "next: bye\n    on: {at-capacity: bye}", with: "next: hold\n    on: {at-capacity: bye}")
      + "\n  hold:\n    transfer-to-queue: Support\n    on: {at-capacity: bye}"
    #expect(
      Fixture(Self.main(both), center: center).diagnostics() == [
        "0:6:80 callback-priority-above-inbound callback queue `Callbacks` has a higher priority (1) than inbound queue `Support` (2) in `Tier1`"
      ])
  }

  @Test func callbackSettingsOverflowSafely() {
    let flow = Self.main(
      """
        hello:
          transfer-to-queue: {callback: {working-queue: Callbacks, max-retries: 9223372036854775807, retry-interval: 3d}}
          next: bye
          on: {at-capacity: bye}
      """)
    #expect(
      Fixture(flow).diagnostics().filter { !$0.contains("callback-number-unset") } == [
        "1:7:75 callback-retries-outlast-expiry 9223372036854775807 retries 3d apart run past the callback's expiry of 7d",
        "1:7:75 callback-retries-range `max-retries` of 9223372036854775807 means up to 9223372036854775808 calls to the customer",
      ])
  }

  @Test func catalogRowsNameRealRules() {
    for kind in BlockKind.allCases {
      let spec = kind.spec
      if let rule = spec.placementRule { #expect(RuleCatalog.named(rule.id) != nil, "\(kind.rawValue): \(rule.id)") }
      for branchRule in spec.branchRules {
        #expect(RuleCatalog.named(branchRule.rule.id) != nil, "\(kind.rawValue): \(branchRule.rule.id)")
        #expect(branchRule.branches.allSatisfy(spec.branches.contains))
      }
      func visit(_ parameters: [ParameterSpec]) {
        for parameter in parameters {
          if let rule = parameter.rule { #expect(RuleCatalog.named(rule.id) != nil, "\(kind.rawValue).\(parameter.name): \(rule.id)") }
          if case .record(let nested) = parameter.type { visit(nested) }
        }
      }
      visit(spec.parameters)
    }
  }

  /// `callback-priority-above-inbound` is a property of a routing profile: a callback queue
  /// above a queue that takes inbound calls in the same profile is reported even when no flow
  /// links the two (one flow queues callers, another only offers callbacks).
  @Test func aCallbackQueueAboveAnInboundOneIsReportedWithoutAFlowLinkingThem() {
    let line = Fixture.inbound("  hello:\n    transfer-to-queue: Support\n    on: {at-capacity: bye}\n  bye:\n    disconnect: {}", header: "on-error: bye\n")
    let offer = Fixture.inbound(
      """
        hello:
          store-input: {prompt: "Your number, please.", kind: phone-number, format: e164}
          next: number
        number:
          set-callback-number: $.StoredCustomerInput
          next: callback
          on: {invalid-number: bye, not-dialable: bye}
        callback:
          transfer-to-queue:
            callback: {working-queue: Callbacks}
          next: bye
          on: {at-capacity: bye}
        bye:
          disconnect: {}
      """, name: "offer", header: "on-error: bye\n")
    let center = Fixture.center.replacingOccurrences(
      of: "{queue: Support, priority: 1}, {queue: Callbacks, priority: 1}", with: "{queue: Support, priority: 2}, {queue: Callbacks, priority: 1}"
    ).replacingOccurrences(of: "\"+18005550199\": main", with: "\"+18005550199\": main\n  \"+18005550198\": offer")
    #expect(center.contains("priority: 2") && center.contains("offer"))
    #expect(Fixture(line, offer, center: center).diagnostics().filter { $0.contains("callback-priority-above-inbound") } == [
      "0:6:80 callback-priority-above-inbound callback queue `Callbacks` has a higher priority (1) than inbound queue `Support` (2) in `Tier1`"
    ])
    #expect(Fixture(line, offer).diagnostics().filter { $0.contains("callback-priority-above-inbound") } == [])
  }
}
