import CallflowDiagnostics

/// `callback-setting-ignored`: a callback setting the dial mode makes the platform ignore: an `outbound-flow` on an agent-first callback.
public struct CallbackSettingIgnoredRule: Rule {
  public let id = "callback-setting-ignored"
  public let severity = Severity.warning
  public let section = RuleSection.callbacks
  public let summary =
    "a callback setting the dial mode makes the platform ignore: an `outbound-flow` on an agent-first callback"
  public var page: [UInt8] { PackageResources.callback_setting_ignored_md }

  public init() {}
}

extension Rule where Self == CallbackSettingIgnoredRule {
  /// `callback-setting-ignored`.
  public static var callbackSettingIgnored: Self { Self() }
}
