import CallflowDiagnostics

/// `callback-number-unvalidated`: a path to `set-callback-number`, `create-callback` or `register-callback` that passes no phone validation.
public struct CallbackNumberUnvalidatedRule: Rule {
  public let id = "callback-number-unvalidated"
  public let severity = Severity.error
  public let section = RuleSection.callbacks
  public let summary =
    "a path to `set-callback-number`, `create-callback` or `register-callback` that passes no phone validation"
  public let otherSeverity: String? = "warning when the number is the caller's own `$.CustomerEndpoint.Address`"
  public var page: [UInt8] { PackageResources.callback_number_unvalidated_md }

  public init() {}
}

extension Rule where Self == CallbackNumberUnvalidatedRule {
  /// `callback-number-unvalidated`.
  public static var callbackNumberUnvalidated: Self { Self() }
}
