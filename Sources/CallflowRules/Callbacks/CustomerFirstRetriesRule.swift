import CallflowDiagnostics

/// `customer-first-retries`: retries or retry-interval given with dial-mode customer-first (they belong in the outbound flow).
public struct CustomerFirstRetriesRule: Rule {
  public let id = "customer-first-retries"
  public let severity = Severity.error
  public let section = RuleSection.callbacks
  public let summary =
    "retries or retry-interval given with dial-mode customer-first (they belong in the outbound flow)"
  public var page: [UInt8] { PackageResources.customer_first_retries_md }

  public init() {}
}

extension Rule where Self == CustomerFirstRetriesRule {
  /// `customer-first-retries`.
  public static var customerFirstRetries: Self { Self() }
}
