import CallflowDiagnostics

/// `callback-number-unvalidated`: a path to `set-callback-number`, `create-callback` or `register-callback` that passes no phone validation.
public struct CallbackNumberUnvalidatedRule: Rule {
  public var id: String { "callback-number-unvalidated" }
  public var severity: Severity { .error }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "a path to `set-callback-number`, `create-callback` or `register-callback` that passes no phone validation"
  }
  public var otherSeverity: String? { "warning when the number is the caller's own `$.CustomerEndpoint.Address`" }
  public var page: [UInt8] { PackageResources.callback_number_unvalidated_md }

  public init() {}
}

extension Rule where Self == CallbackNumberUnvalidatedRule {
  /// `callback-number-unvalidated`.
  public static var callbackNumberUnvalidated: Self { Self() }
}
