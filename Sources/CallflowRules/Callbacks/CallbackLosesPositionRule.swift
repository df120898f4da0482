import CallflowDiagnostics

/// `callback-loses-position`: a callback queue whose priority differs from the original queue's in a routing profile holding both: callbacks do not keep their place in line.
public struct CallbackLosesPositionRule: Rule {
  public var id: String { "callback-loses-position" }
  public var severity: Severity { .info }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "a callback queue whose priority differs from the original queue's in a routing profile holding both: callbacks do not keep their place in line"
  }
  public var page: [UInt8] { PackageResources.callback_loses_position_md }

  public init() {}
}

extension Rule where Self == CallbackLosesPositionRule {
  /// `callback-loses-position`.
  public static var callbackLosesPosition: Self { Self() }
}
