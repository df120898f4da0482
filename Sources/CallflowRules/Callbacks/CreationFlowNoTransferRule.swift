import CallflowDiagnostics

/// `creation-flow-no-transfer`: a creation flow with no path to a `transfer-to-queue` (the callback would never be queued).
public struct CreationFlowNoTransferRule: Rule {
  public let id = "creation-flow-no-transfer"
  public let severity = Severity.error
  public let section = RuleSection.callbacks
  public let summary =
    "a creation flow with no path to a `transfer-to-queue` (the callback would never be queued)"
  public let otherSeverity: String? = "warning where only some paths miss it"
  public var page: [UInt8] { PackageResources.creation_flow_no_transfer_md }

  public init() {}
}

extension Rule where Self == CreationFlowNoTransferRule {
  /// `creation-flow-no-transfer`.
  public static var creationFlowNoTransfer: Self { Self() }
}
