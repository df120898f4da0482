import CallflowDiagnostics

/// `customer-first-outbound-flow`: customer-first without an outbound flow, or an outbound flow without `check-call-progress`, or whose `human` branch reaches no `transfer-to-queue`.
public struct CustomerFirstOutboundFlowRule: Rule {
  public var id: String { "customer-first-outbound-flow" }
  public var severity: Severity { .error }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "customer-first without an outbound flow, or an outbound flow without `check-call-progress`, or whose `human` branch reaches no `transfer-to-queue`"
  }
  public var page: [UInt8] { PackageResources.customer_first_outbound_flow_md }

  public init() {}
}

extension Rule where Self == CustomerFirstOutboundFlowRule {
  /// `customer-first-outbound-flow`.
  public static var customerFirstOutboundFlow: Self { Self() }
}
