import CallflowDiagnostics
import CallflowRules
import Testing

@testable import CallflowSyntax

/// The catalog's rows agree with themselves and with LANGUAGE.md's pinned surface.
@Suite struct BlockCatalogTests {
  @Test func listsEveryPinnedBlockKind() {
    let pinned = [
      "play-prompt", "get-input", "store-input", "validate-phone", "set-callback-number", "set-working-queue",
      "set-attributes", "check-attribute", "set-customer-queue-flow", "set-whisper-flow", "set-routing-priority",
      "transfer-to-queue", "get-queue-metrics", "wait", "loop", "check-call-progress", "check-hours", "check-staffing",
      "send-message", "customer-profile-lookup", "create-callback", "start-callback", "register-callback",
      "decline-callback", "transfer-to-flow", "disconnect", "end-flow", "connect-action", "invoke-lambda", "show-view",
      "loop-prompts", "set-logging", "set-recording", "set-media-streaming", "set-voice", "set-contact-data", "set-event-flow",
      "invoke-module", "end-module", "lex-bot",
    ]
    #expect(BlockKind.allCases.map(\.rawValue) == pinned)
  }

  @Test(arguments: BlockKind.allCases)
  func rowIsConsistent(_ kind: BlockKind) {
    let spec = kind.spec
    if let main = spec.mainParameter { #expect(spec.parameter(main) != nil, "main parameter \(main) of \(kind)") }
    if let perValue = spec.branchPerValueOf { #expect(spec.parameter(perValue) != nil) }
    for group in spec.requiresOneOf { #expect(group.allSatisfy { spec.parameter($0) != nil }) }
    if let rule = spec.placementRule { #expect(RuleCatalog.named(rule.id) != nil) }
    #expect(!spec.allowedIn.isEmpty)
    #expect(Set(spec.parameters.map(\.name)).count == spec.parameters.count)
    #expect(Set(spec.branches).count == spec.branches.count)
    #expect(!spec.branchNames.contains("next"))
    if spec.success == .terminal { #expect(spec.branches.isEmpty && spec.category == .terminal) }
  }

  @Test func pinnedBranchesAreThere() {
    #expect(BlockKind.getInput.spec.branchNames == ["timeout", "no-match", "error"])
    #expect(BlockKind.transferToQueue.spec.branchNames == ["at-capacity", "error"])
    #expect(BlockKind.setCallbackNumber.spec.branchNames == ["invalid-number", "not-dialable"])
    #expect(
      BlockKind.checkCallProgress.spec.branchNames == [
        "human", "voicemail-beep", "voicemail-no-beep", "unanswered", "busy", "invalid-number", "fax", "error",
      ])
    #expect(BlockKind.customerProfileLookup.spec.branchNames == ["multiple", "not-found", "error"])
    #expect(BlockKind.loop.spec.branchNames == ["looping"])
  }

  /// Modules store block kinds, branches and condition operators by number: the numbers are
  /// part of the module format and must never change (a new kind or branch takes a new one).
  @Test func moduleCodesNeverChange() {
    let kinds = [
      "play-prompt": 0, "get-input": 1, "store-input": 2, "validate-phone": 3, "set-callback-number": 4, "set-working-queue": 5,
      "set-attributes": 6, "check-attribute": 7, "set-customer-queue-flow": 8, "set-whisper-flow": 9, "set-routing-priority": 10,
      "transfer-to-queue": 11, "get-queue-metrics": 12, "wait": 13, "loop": 14, "check-call-progress": 15, "check-hours": 16,
      "check-staffing": 17, "send-message": 18, "customer-profile-lookup": 19, "create-callback": 20, "start-callback": 21,
      "register-callback": 22, "decline-callback": 23, "transfer-to-flow": 24, "disconnect": 25, "end-flow": 26,
      "connect-action": 27, "invoke-lambda": 28, "show-view": 29, "loop-prompts": 30, "set-logging": 31, "set-recording": 32,
      "set-media-streaming": 33, "set-voice": 34, "set-contact-data": 35, "set-event-flow": 36,
      "invoke-module": 37, "end-module": 38, "lex-bot": 39,
    ]
    #expect(Dictionary(uniqueKeysWithValues: BlockKind.allCases.map { ($0.rawValue, $0.code) }) == kinds)
    let branches = [
      "error": 1, "timeout": 2, "no-match": 3, "invalid": 4, "invalid-number": 5, "not-dialable": 6, "at-capacity": 7,
      "looping": 8, "human": 9, "voicemail-beep": 10, "voicemail-no-beep": 11, "unanswered": 12, "busy": 13, "fax": 14,
      "out-of-hours": 15, "false": 16, "multiple": 17, "not-found": 18,
    ]
    #expect(Dictionary(uniqueKeysWithValues: Branch.allCases.map { ($0.rawValue, $0.code) }) == branches)
    let operators = [
      "equals": 0, "contains": 1, "starts-with": 2, "ends-with": 3, "less-than": 4, "less-or-equal": 5, "greater-than": 6,
      "greater-or-equal": 7,
    ]
    #expect(Dictionary(uniqueKeysWithValues: ConditionOperator.allCases.map { ($0.rawValue, $0.code) }) == operators)
    // Every number decodes back to its own value, and branch numbers stay below the options'.
    for kind in BlockKind.allCases { #expect(BlockKind.decode(kind.code) == kind) }
    for op in ConditionOperator.allCases { #expect(ConditionOperator.decode(op.code) == op) }
    for branch in Branch.allCases {
      #expect((1..<Outcome.optionBase).contains(branch.code))
      #expect(Outcome.decode(branch.code, options: []) == .branch(branch))
    }
    #expect(Outcome.decode(Outcome.optionBase + 1, options: ["1", "2"]) == .option("2"))
    #expect(Outcome.decode(Outcome.optionBase + 2, options: ["1", "2"]) == nil)
  }

  /// Each row says who runs the block, and a host-run block's effects name its own parameters.
  @Test(arguments: BlockKind.allCases)
  func executionAndEffectsFitTheRow(_ kind: BlockKind) {
    let spec = kind.spec
    for effect in spec.effects {
      switch effect {
      case .setsWorkingQueue(let key), .setsCallbackNumber(let key), .entersQueue(let key), .changesFlow(let key), .callsModule(let key):
        #expect(spec.parameter(key) != nil, "\(kind.rawValue): an effect reads `\(key)`, which it does not take")
      case .startsCallbackRequest, .endsCallbackRequest: break
      }
      if case .vm = spec.execution { Issue.record("\(kind.rawValue): the VM runs it, so it has no host effects") }
    }
    if case .vm = spec.execution { #expect(spec.writes.isEmpty || kind == .setAttributes) }
  }

  @Test func everyFlowTypeCanEnd() {
    for type in FlowType.allCases {
      #expect(BlockKind.allCases.contains { $0.spec.success == .terminal && $0.spec.allowedIn.contains(type) }, "\(type)")
    }
  }

  @Test func placementFollowsTheLanguage() {
    #expect(!BlockKind.getInput.spec.allowedIn.contains(.agentWhisper))
    #expect(BlockKind.checkCallProgress.spec.allowedIn == [.outbound])
    #expect(!BlockKind.disconnect.spec.allowedIn.contains(.outboundWhisper))
    #expect(BlockKind.endFlow.spec.allowedIn.contains(.customerQueue))
    // A module may do what an inbound flow may: it runs inside the flow that invokes it.
    #expect(BlockKind.createCallback.spec.allowedIn == [.inbound, .customerQueue, .outbound, .module])
    #expect(BlockKind.loopPrompts.spec.allowedIn.contains(.customerHold))
    #expect(!BlockKind.loopPrompts.spec.allowedIn.contains(.inbound))
  }
}

@Suite struct CatalogLookupTests {
  /// `BlockKind.spec` finds a row by the case's stored number: it must be its place in
  /// `allCases`, and each kind must find its own row.
  @Test func eachKindFindsItsOwnRowByItsNumber() {
    #expect(MemoryLayout<BlockKind>.size == 1)
    for (i, kind) in BlockKind.allCases.enumerated() {
      #expect(unsafeBitCast(kind, to: UInt8.self) == UInt8(i))
    }
    #expect(BlockKind.transferToQueue.spec.branchNames == ["at-capacity", "error"])
    #expect(BlockKind.disconnect.spec.category == .terminal)
    #expect(BlockKind.getInput.spec.branchPerValueOf == .options)
  }

  /// `BlockKind.named` finds every kind by its name, and nothing for names that only share a
  /// kind's length and first and last bytes, differ in case, or are empty.
  @Test func eachKindIsFoundByItsNameAndNothingElseIs() {
    for kind in BlockKind.allCases {
      #expect(BlockKind.named(kind.rawValue) == kind)
      var near = Array(kind.rawValue.utf8)
      if near.count > 2 { near[1] = near[1] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x") }
      #expect(BlockKind.named(String(decoding: near, as: UTF8.self)) == nil, "a name like `\(kind.rawValue)`")
      #expect(BlockKind.named(kind.rawValue.uppercased()) == nil)
      #expect(BlockKind.named(kind.rawValue + " ") == nil)
    }
    #expect(BlockKind.named("") == nil)
    #expect(BlockKind.named("p") == nil)
  }
}
