import CallflowDiagnostics

/// `callback-interval-range`: initial-delay or retry-interval outside 1 second to 3 days, or expiry over 7 days.
public struct CallbackIntervalRangeRule: Rule {
  public var id: String { "callback-interval-range" }
  public var severity: Severity { .error }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "initial-delay or retry-interval outside 1 second to 3 days, or expiry over 7 days"
  }
  public var otherSeverity: String? { "warning for a retry-interval under 1 minute" }
  public var page: [UInt8] { PackageResources.callback_interval_range_md }

  public init() {}
}

extension Rule where Self == CallbackIntervalRangeRule {
  /// `callback-interval-range`.
  public static var callbackIntervalRange: Self { Self() }
}
