import CallflowDiagnostics

/// `creation-flow-no-transfer`: a creation flow with no path to a `transfer-to-queue` (the callback would never be queued).
public struct CreationFlowNoTransferRule: Rule {
  public var id: String { "creation-flow-no-transfer" }
  public var severity: Severity { .error }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "a creation flow with no path to a `transfer-to-queue` (the callback would never be queued)"
  }
  public var otherSeverity: String? { "warning where only some paths miss it" }
  public var page: [UInt8] { PackageResources.creation_flow_no_transfer_md }

  public init() {}
}

extension Rule where Self == CreationFlowNoTransferRule {
  /// `creation-flow-no-transfer`.
  public static var creationFlowNoTransfer: Self { Self() }
}
