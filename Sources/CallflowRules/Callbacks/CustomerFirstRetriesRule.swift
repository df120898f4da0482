import CallflowDiagnostics

/// `customer-first-retries`: retries or retry-interval given with dial-mode customer-first (they belong in the outbound flow).
public struct CustomerFirstRetriesRule: Rule {
  public var id: String { "customer-first-retries" }
  public var severity: Severity { .error }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "retries or retry-interval given with dial-mode customer-first (they belong in the outbound flow)"
  }
  public var page: [UInt8] { PackageResources.customer_first_retries_md }

  public init() {}
}

extension Rule where Self == CustomerFirstRetriesRule {
  /// `customer-first-retries`.
  public static var customerFirstRetries: Self { Self() }
}
