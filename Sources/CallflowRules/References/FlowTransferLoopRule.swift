import CallflowDiagnostics

/// `flow-transfer-loop`: flows that hand the contact to each other with `transfer-to-flow` in a cycle with no wait or input: it can loop forever.
public struct FlowTransferLoopRule: Rule {
  public var id: String { "flow-transfer-loop" }
  public var severity: Severity { .error }
  public var section: RuleSection { .references }
  public var summary: String {
    "flows that hand the contact to each other with `transfer-to-flow` in a cycle with no wait or input: it can loop forever"
  }
  public var page: [UInt8] { PackageResources.flow_transfer_loop_md }

  public init() {}
}

extension Rule where Self == FlowTransferLoopRule {
  /// `flow-transfer-loop`.
  public static var flowTransferLoop: Self { Self() }
}
