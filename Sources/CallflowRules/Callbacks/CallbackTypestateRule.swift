import CallflowDiagnostics

/// `callback-typestate`: `start-callback` not followed on every path by `register-callback` or `decline-callback`; either with no pending start; two starts in a row.
public struct CallbackTypestateRule: Rule {
  public var id: String { "callback-typestate" }
  public var severity: Severity { .error }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "`start-callback` not followed on every path by `register-callback` or `decline-callback`; either with no pending start; two starts in a row"
  }
  public var page: [UInt8] { PackageResources.callback_typestate_md }

  public init() {}
}

extension Rule where Self == CallbackTypestateRule {
  /// `callback-typestate`.
  public static var callbackTypestate: Self { Self() }
}
