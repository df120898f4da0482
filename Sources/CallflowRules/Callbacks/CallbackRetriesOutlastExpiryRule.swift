import CallflowDiagnostics

/// `callback-retries-outlast-expiry`: initial-delay plus every retry-interval runs past the callback's expiry: the last attempts can never happen.
public struct CallbackRetriesOutlastExpiryRule: Rule {
  public let id = "callback-retries-outlast-expiry"
  public let severity = Severity.warning
  public let section = RuleSection.callbacks
  public let summary =
    "initial-delay plus every retry-interval runs past the callback's expiry: the last attempts can never happen"
  public var page: [UInt8] { PackageResources.callback_retries_outlast_expiry_md }

  public init() {}
}

extension Rule where Self == CallbackRetriesOutlastExpiryRule {
  /// `callback-retries-outlast-expiry`.
  public static var callbackRetriesOutlastExpiry: Self { Self() }
}
