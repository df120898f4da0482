import CallflowDiagnostics

/// `voicemail-unhandled`: an outbound flow whose voicemail branches are unconnected.
public struct VoicemailUnhandledRule: Rule {
  public var id: String { "voicemail-unhandled" }
  public var severity: Severity { .warning }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "an outbound flow whose voicemail branches are unconnected"
  }
  public var page: [UInt8] { PackageResources.voicemail_unhandled_md }

  public init() {}
}

extension Rule where Self == VoicemailUnhandledRule {
  /// `voicemail-unhandled`.
  public static var voicemailUnhandled: Self { Self() }
}
