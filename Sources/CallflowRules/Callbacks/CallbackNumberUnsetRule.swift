import CallflowDiagnostics

/// `callback-number-unset`: a callback transfer on a path with no `set-callback-number` (the platform dials the caller's address).
public struct CallbackNumberUnsetRule: Rule {
  public var id: String { "callback-number-unset" }
  public var severity: Severity { .warning }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "a callback transfer on a path with no `set-callback-number` (the platform dials the caller's address)"
  }
  public var page: [UInt8] { PackageResources.callback_number_unset_md }

  public init() {}
}

extension Rule where Self == CallbackNumberUnsetRule {
  /// `callback-number-unset`.
  public static var callbackNumberUnset: Self { Self() }
}
