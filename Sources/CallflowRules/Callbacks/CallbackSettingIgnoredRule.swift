import CallflowDiagnostics

/// `callback-setting-ignored`: a callback setting the dial mode makes the platform ignore: an `outbound-flow` on an agent-first callback.
public struct CallbackSettingIgnoredRule: Rule {
  public var id: String { "callback-setting-ignored" }
  public var severity: Severity { .warning }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "a callback setting the dial mode makes the platform ignore: an `outbound-flow` on an agent-first callback"
  }
  public var page: [UInt8] { PackageResources.callback_setting_ignored_md }

  public init() {}
}

extension Rule where Self == CallbackSettingIgnoredRule {
  /// `callback-setting-ignored`.
  public static var callbackSettingIgnored: Self { Self() }
}
