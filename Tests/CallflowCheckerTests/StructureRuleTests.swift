import CallflowDiagnostics
import Testing

@testable import CallflowChecker

/// The "Syntax and structure" rules, each on a flow that breaks it and one that does not.
@Suite struct StructureRuleTests {
  let ok = Fixture.inbound(
    """
      hello:
        play-prompt: "Hello."
        next: bye
        on: {error: bye}
      bye:
        disconnect: {}
    """)

  @Test func correctFlowIsSilent() {
    #expect(Fixture(ok).diagnostics() == [])
  }

  @Test func unknownBlockKindSuggestsTheNearest() throws {
    let results = Fixture(ok.replacingOccurrences(of: "play-prompt:", with: "play-promt:")).results()
    #expect(results.map(Fixture.describe) == ["1:6:5 unknown-block-kind unknown block kind `play-promt`"])
    #expect(results.first?.fixes.map(\.replacement) == ["play-prompt"])
  }

  @Test func unknownParameter() {
    let flow = ok.replacingOccurrences(of: "play-prompt: \"Hello.\"", with: "play-prompt: {text: Hello., voice: Joanna}")
    #expect(Fixture(flow).diagnostics() == ["1:6:33 unknown-parameter `play-prompt` has no parameter `voice`"])
    let fixed = ok.replacingOccurrences(of: "play-prompt: \"Hello.\"", with: "play-prompt: {text: Hello.}")
    #expect(Fixture(fixed).diagnostics() == [])
  }

  @Test func unknownKeysInFlowsAndBlocks() {
    let flow = ok.replacingOccurrences(of: "start: hello", with: "start: hello\nstrat: x")
      .replacingOccurrences(of: "next: bye", with: "nxt: bye")
    #expect(
      Fixture(flow).diagnostics() == [
        "1:4:1 unknown-parameter unknown key `strat` in a flow file",
        "1:6:3 dead-end `play-prompt` block `hello` has no `next`: the contact falls off the flow after it",
        "1:8:5 unknown-parameter unknown key `nxt` in block `hello`",
      ])
  }

  @Test func missingParameter() {
    let flow = Fixture.inbound(
      """
        hello:
          get-input: {prompt: "Press 1."}
          on: {error: bye, timeout: bye, no-match: bye}
        bye:
          disconnect: {}
      """)
    #expect(Fixture(flow).diagnostics() == ["1:6:5 missing-parameter `get-input` block `hello` needs `options`"])
    #expect(Fixture(flow.replacingOccurrences(of: "\"Press 1.\"}", with: "\"Press 1.\", options: [\"1\"]}")
      .replacingOccurrences(of: "{error: bye,", with: "{\"1\": bye, error: bye,")).diagnostics() == [])
  }

  @Test func oneOfAGroupOfParametersIsRequired() {
    let flow = Fixture.inbound(
      """
        hello:
          play-prompt: {}
          next: bye
          on: {error: bye}
        bye:
          disconnect: {}
      """)
    #expect(Fixture(flow).diagnostics() == ["1:6:5 missing-parameter `play-prompt` block `hello` needs `text`, `ssml`, or `prompt`"])
    // Any one of the group, the main parameter written alone included.
    #expect(Fixture(flow.replacingOccurrences(of: "play-prompt: {}", with: "play-prompt: {ssml: \"<speak>Hi</speak>\"}")).diagnostics() == [])
    #expect(Fixture(flow.replacingOccurrences(of: "play-prompt: {}", with: "play-prompt: \"Hi\"")).diagnostics() == [])
  }

  @Test func requiredWhenAnotherParameterHasAValue() throws {
    let flow = Fixture.inbound(
      """
        hello:
          store-input: {prompt: "Your number?", kind: phone-number, format: local}
          next: bye
          on: {error: bye}
        bye:
          disconnect: {}
      """)
    let results = Fixture(flow).results()
    #expect(results.map(Fixture.describe) == ["1:6:5 missing-parameter `store-input` block `hello` has `format: local` but no `country`"])
    #expect(try #require(results.first).notes.map(\.message) == ["local numbers are read in the country's format, e.g. `country: US`"])
    #expect(Fixture(flow.replacingOccurrences(of: "format: local}", with: "format: local, country: US}")).diagnostics() == [])
    #expect(Fixture(flow.replacingOccurrences(of: "format: local}", with: "format: e164}")).diagnostics() == [])
  }

  @Test func missingFlowKeys() {
    #expect(
      Fixture("description: nothing else\n", center: nil).diagnostics() == [
        "1:1:1 missing-parameter this flow file has no `flow` name",
        "1:1:1 missing-parameter this flow has no `blocks`",
        "1:1:1 missing-parameter this flow has no `type`",
      ])
  }

  @Test func invalidValues() {
    let flow = Fixture.inbound(
      """
        hello:
          transfer-to-queue:
            queue: Support
            callback: {initial-delay: 99, max-retries: "2", retry-interval: 10x, dial-mode: agent-frist}
          next: bye
          on: {error: bye, at-capacity: bye}
        bye:
          disconnect: {}
      """)
    let results = Fixture(flow).results()
    // A value that is not one of its type (a duration without its unit, a quoted number) is
    // `invalid-value`, as RULES.md has it; only a well-formed value out of its range is the
    // callback rule's.
    #expect(
      results.map(Fixture.describe) == [
        "1:8:7 callback-number-unset the callback queued by `hello` may have no callback number set",
        "1:8:33 invalid-value `initial-delay`: `99` has no unit; write `99s` for seconds or `99m` for minutes",
        "1:8:50 invalid-value `max-retries`: expected a whole number, found the quoted text \"2\" (remove the quotes)",
        "1:8:71 invalid-value `retry-interval`: `10x` is not a duration: `x` is not a duration unit (use `d`, `h`, `m` or `s`)",
        "1:8:87 invalid-value `agent-frist` is not a valid `dial-mode`",
      ])
    #expect(results.last?.fixes.map(\.replacement) == ["agent-first"])
    let outOfRange = flow.replacingOccurrences(
      of: "{initial-delay: 99, max-retries: \"2\", retry-interval: 10x, dial-mode: agent-frist}",
      with: "{initial-delay: 5d, max-retries: 20, retry-interval: 10s}")
    #expect(
      Fixture(outOfRange).results().map(Fixture.describe).filter { !$0.contains("callback-number-unset") } == [
        "1:8:33 callback-interval-range `initial-delay` of 5d is above the maximum of 3d",
        "1:8:50 callback-retries-range `max-retries` of 20 means up to 21 calls to the customer",
        "1:8:70 callback-interval-range retry-interval of 10s is under the 1 minute minimum",
      ])
  }

  @Test func invalidFlowTypeAndBlockID() {
    let flow = Fixture.inbound(
      """
        Hello_There:
          disconnect: {}
      """, type: "inboud", start: "Hello_There")
    let results = Fixture(flow).results()
    #expect(
      results.map(Fixture.describe) == [
        "1:2:7 invalid-value `inboud` is not a flow type",
        "1:5:3 invalid-value block id `Hello_There` must use lowercase letters, digits and `-` only",
      ])
    #expect(results.flatMap(\.fixes).map(\.replacement) == ["inbound", "hello-there"])
  }

  /// The id suggested for one with letters an id cannot hold keeps its meaning: accents are
  /// dropped, not the letters that carry them; letters with no ASCII form are spelled out; a
  /// run of other characters is one `-`. An id with nothing Latin gets an example instead.
  @Test func anIdWithOtherLettersGetsAValidOneNotATruncation() {
    let cases = [
      ("héllo", "hello"), ("Über Größe", "uber-grosse"), ("Ask_Number", "ask-number"), ("A--B", "a-b"), ("rappel-ç", "rappel-c"),
      ("naïve  café!", "naive-cafe"), ("--x--", "x"),
    ]
    for (given, suggested) in cases { #expect(FlowChecker.suggestedID(given) == suggested, "\(given)") }
    let flow = "flow: main\ntype: inbound\nstart: x\nblocks:\n  \"问候\":\n    disconnect: {}\n  x:\n    disconnect: {}\n"
    let found = Fixture(flow).results().filter { $0.rule == "invalid-value" }
    #expect(found.map(Fixture.describe) == ["1:5:3 invalid-value block id `问候` must use lowercase letters, digits and `-` only"])
    #expect(found.first?.fixes.isEmpty == true)
    #expect(found.first?.notes.map(\.message) == ["an id is lowercase Latin letters, digits and `-`, such as `greeting` or `ask-number`"])
  }

  @Test func unknownBranch() {
    let flow = ok.replacingOccurrences(of: "on: {error: bye}", with: "on: {eror: bye, next: bye}")
    let results = Fixture(flow).results()
    #expect(
      results.map(Fixture.describe) == [
        "1:5:3 unconnected-branch branch `error` of `play-prompt` block `hello` goes nowhere",
        "1:8:10 unknown-branch `play-prompt` has no branch `eror`",
        "1:8:21 unknown-branch `play-prompt` has no branch `next`",
      ])
    #expect(results[1].fixes.map(\.replacement) == ["error"])
    #expect(results[2].notes.map(\.message) == ["`next` is written beside `on`, not inside it"])
  }

  @Test func plainTransferTakesNoNext() {
    let flow = Fixture.inbound(
      """
        hello:
          transfer-to-queue: Support
          next: bye
          on: {at-capacity: bye, error: bye}
        bye:
          disconnect: {}
      """)
    let results = Fixture(flow).results()
    #expect(results.map(Fixture.describe) == ["1:7:11 unknown-branch `transfer-to-queue` takes no `next`"])
    #expect(
      results.first?.notes.map(\.message) == [
        "a plain `transfer-to-queue` hands the contact over and this flow ends; add `callback` to continue at `next`"
      ])
    #expect(Fixture(flow.replacingOccurrences(of: "    next: bye\n", with: "")).diagnostics() == [])
  }

  @Test func undefinedTarget() {
    let flow = ok.replacingOccurrences(of: "next: bye", with: "next: by")
    let results = Fixture(flow).results()
    #expect(results.map(Fixture.describe) == ["1:7:11 undefined-target branch `next` goes to `by`, which is not a block of this flow"])
    #expect(results.first?.fixes.map(\.replacement) == ["bye"])
  }

  @Test func missingStart() {
    #expect(
      Fixture(ok.replacingOccurrences(of: "start: hello\n", with: "")).diagnostics() == [
        "1:1:7 missing-start flow `main` has no `start`"
      ])
    let wrong = Fixture(ok.replacingOccurrences(of: "start: hello", with: "start: helo")).results()
    #expect(wrong.map(Fixture.describe) == ["1:3:8 missing-start `start` names `helo`, which is not a block of this flow"])
    #expect(wrong.first?.fixes.map(\.replacement) == ["hello"])
  }

  @Test func deadEnd() {
    let flow = ok.replacingOccurrences(of: "    next: bye\n", with: "")
    #expect(
      Fixture(flow).diagnostics() == [
        "1:5:3 dead-end `play-prompt` block `hello` has no `next`: the contact falls off the flow after it"
      ])
    let branchesOnly = Fixture.inbound(
      """
        hello:
          check-attribute: {attribute: $.CustomerEndpoint.Address, conditions: []}
      """)
    #expect(
      Fixture(branchesOnly).diagnostics() == [
        "1:5:3 dead-end `check-attribute` block `hello` has no branches: whatever happens, the contact falls off the flow"
      ])
  }

  @Test func unconnectedBranchAndOnError() {
    let flow = Fixture.inbound(
      """
        hello:
          get-input: {prompt: "Press 1 or 2.", options: ["1", "2"]}
          on: {"1": bye}
        bye:
          disconnect: {}
      """)
    #expect(
      Fixture(flow).diagnostics() == [
        "1:5:3 unconnected-branch branches `2`, `timeout`, `no-match`, and `error` of `get-input` block `hello` go nowhere"
      ])
    let withOnError = Fixture.inbound(
      """
        hello:
          get-input: {prompt: "Press 1 or 2.", options: ["1", "2"]}
          on: {"1": bye, 2: bye, timeout: bye, no-match: bye}
        bye:
          disconnect: {}
      """, header: "on-error: bye\n")
    #expect(Fixture(withOnError).diagnostics() == [])
  }

  @Test func unreachableBlock() {
    let flow = ok + "  orphan:\n    disconnect: {}\n"
    #expect(Fixture(flow).diagnostics() == ["1:11:3 unreachable-block block `orphan` is never reached"])
  }

  /// The checker's findings go through the project's configuration and suppressions, as
  /// `callflow check` applies them.
  @Test func configurationAndSuppressionsApply() {
    let flow = ok + "  orphan:\n    disconnect: {}\n"
    var raised = Fixture(flow)
    raised.config = "rules: {unreachable-block: error}\n"
    #expect(raised.results().map(\.severity) == [.error])
    var off = Fixture(flow)
    off.config = "rules: {unreachable-block: off}\n"
    #expect(off.diagnostics() == [])
    let suppressed = ok + "  # callflow-ignore: unreachable-block -- kept for the next release\n  orphan:\n    disconnect: {}\n"
    #expect(Fixture(suppressed).diagnostics() == [])
    let misspelt = ok + "  # callflow-ignore: unreachable-blok\n  orphan:\n    disconnect: {}\n"
    #expect(
      Fixture(misspelt).diagnostics() == [
        "1:11:22 unused-suppression `unreachable-blok` is not a rule", "1:12:3 unreachable-block block `orphan` is never reached",
      ])
  }

  @Test func loopWithoutWait() throws {
    let flow = Fixture.inbound(
      """
        hello:
          play-prompt: "Please hold."
          next: again
          on: {error: bye}
        again:
          check-staffing: Support
          next: bye
          on: {false: hello, error: bye}
        bye:
          disconnect: {}
      """)
    let results = Fixture(flow).results()
    #expect(
      results.map(Fixture.describe) == [
        "1:5:3 loop-without-wait blocks `hello` and `again` form a cycle with no `wait`, input or bounded `loop`: it can spin forever"
      ])
    #expect(
      try #require(results.first).notes.map(\.message) == [
        "`hello` goes to `again` on `next`", "`again` goes back to `hello` on `false`",
        "put a `wait` in the cycle, or bound it with a `loop` block",
      ])
    let waited = flow.replacingOccurrences(of: "on: {false: hello, error: bye}", with: "on: {false: pause, error: bye}")
      + "  pause:\n    wait: 30s\n    next: hello\n    on: {error: bye}\n"
    #expect(Fixture(waited).diagnostics() == [])
  }

  @Test func boundedLoopIsNotARunaway() {
    let flow = Fixture.inbound(
      """
        hello:
          loop: 3
          next: bye
          on: {looping: say}
        say:
          play-prompt: "Still there?"
          next: hello
          on: {error: bye}
        bye:
          disconnect: {}
      """)
    #expect(Fixture(flow).diagnostics() == [])
  }

  @Test func malformedBlocksKeepTheirIDSoNothingCascades() {
    let flow = Fixture.inbound(
      """
        hello:
          play-prompt: "Hello."
          next: bye
          on: {error: bye}
        bye: disconnect
        other:
          next: bye
      """)
    #expect(
      Fixture(flow).diagnostics() == [
        "1:9:8 invalid-value block `bye` must be a mapping with one block kind, such as `play-prompt: \"…\"`; found `disconnect`",
        "1:10:3 missing-parameter block `other` has no block kind",
        "1:10:3 unreachable-block block `other` is never reached",
      ])
  }

  @Test func duplicateKeyAndYAMLSyntaxComeThroughTheFrontEnd() {
    #expect(Fixture(ok + "  hello:\n    disconnect: {}\n").diagnostics() == ["1:11:3 duplicate-key `hello` appears twice in this mapping"])
    #expect(Fixture("flow: [\n", center: nil).diagnostics() == ["1:2:1 yaml-syntax did not find expected node content"])
    #expect(Fixture("", center: nil).diagnostics() == ["1:1:1 yaml-syntax the file is empty"])
    #expect(Fixture("- a\n- b\n", center: nil).diagnostics() == ["1:1:1 invalid-value a flow file is a mapping with `flow`, `type`, `start` and `blocks`, not a list"])
  }
}
