import CallflowDiagnostics

/// `callback-retries-range`: max-retries below 0 or not a whole number.
public struct CallbackRetriesRangeRule: Rule {
  public let id = "callback-retries-range"
  public let severity = Severity.error
  public let section = RuleSection.callbacks
  public let summary =
    "max-retries below 0 or not a whole number"
  public let otherSeverity: String? = "warning above 5"
  public var page: [UInt8] { PackageResources.callback_retries_range_md }

  public init() {}
}

extension Rule where Self == CallbackRetriesRangeRule {
  /// `callback-retries-range`.
  public static var callbackRetriesRange: Self { Self() }
}
