import CallflowDiagnostics

/// `callback-retries-outlast-expiry`: initial-delay plus every retry-interval runs past the callback's expiry: the last attempts can never happen.
public struct CallbackRetriesOutlastExpiryRule: Rule {
  public var id: String { "callback-retries-outlast-expiry" }
  public var severity: Severity { .warning }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "initial-delay plus every retry-interval runs past the callback's expiry: the last attempts can never happen"
  }
  public var page: [UInt8] { PackageResources.callback_retries_outlast_expiry_md }

  public init() {}
}

extension Rule where Self == CallbackRetriesOutlastExpiryRule {
  /// `callback-retries-outlast-expiry`.
  public static var callbackRetriesOutlastExpiry: Self { Self() }
}
