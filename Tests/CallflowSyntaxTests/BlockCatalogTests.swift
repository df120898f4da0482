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
      "decline-callback", "transfer-to-flow", "disconnect", "end-flow",
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
    #expect(!spec.branches.contains("next"))
    if spec.success == .terminal { #expect(spec.branches.isEmpty && spec.category == .terminal) }
  }

  @Test func pinnedBranchesAreThere() {
    #expect(BlockKind.getInput.spec.branches == ["timeout", "no-match", "error"])
    #expect(BlockKind.transferToQueue.spec.branches == ["at-capacity", "error"])
    #expect(BlockKind.setCallbackNumber.spec.branches == ["invalid-number", "not-dialable"])
    #expect(
      BlockKind.checkCallProgress.spec.branches == [
        "human", "voicemail-beep", "voicemail-no-beep", "unanswered", "busy", "invalid-number", "fax", "error",
      ])
    #expect(BlockKind.customerProfileLookup.spec.branches == ["multiple", "not-found", "error"])
    #expect(BlockKind.loop.spec.branches == ["looping"])
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
    #expect(BlockKind.createCallback.spec.allowedIn == [.inbound, .customerQueue, .outbound])
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
    #expect(BlockKind.transferToQueue.spec.branches == ["at-capacity", "error"])
    #expect(BlockKind.disconnect.spec.category == .terminal)
    #expect(BlockKind.getInput.spec.branchPerValueOf == "options")
  }
}
