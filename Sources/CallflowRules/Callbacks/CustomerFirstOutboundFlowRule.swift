import CallflowDiagnostics

/// `customer-first-outbound-flow`: customer-first without an outbound flow, or an outbound flow without `check-call-progress`, or whose `human` branch reaches no `transfer-to-queue`.
public struct CustomerFirstOutboundFlowRule: Rule {
  public let id = "customer-first-outbound-flow"
  public let severity = Severity.error
  public let section = RuleSection.callbacks
  public let summary =
    "customer-first without an outbound flow, or an outbound flow without `check-call-progress`, or whose `human` branch reaches no `transfer-to-queue`"
  public var page: [UInt8] { PackageResources.customer_first_outbound_flow_md }

  public init() {}
}

extension Rule where Self == CustomerFirstOutboundFlowRule {
  /// `customer-first-outbound-flow`.
  public static var customerFirstOutboundFlow: Self { Self() }
}
