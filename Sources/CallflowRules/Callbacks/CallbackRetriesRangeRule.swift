import CallflowDiagnostics

/// `callback-retries-range`: max-retries below 0 or not a whole number.
public struct CallbackRetriesRangeRule: Rule {
  public var id: String { "callback-retries-range" }
  public var severity: Severity { .error }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "max-retries below 0 or not a whole number"
  }
  public var otherSeverity: String? { "warning above 5" }
  public var page: [UInt8] { PackageResources.callback_retries_range_md }

  public init() {}
}

extension Rule where Self == CallbackRetriesRangeRule {
  /// `callback-retries-range`.
  public static var callbackRetriesRange: Self { Self() }
}
