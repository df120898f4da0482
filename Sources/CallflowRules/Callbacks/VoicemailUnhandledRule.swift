import CallflowDiagnostics

/// `voicemail-unhandled`: an outbound flow whose voicemail branches are unconnected.
public struct VoicemailUnhandledRule: Rule {
  public let id = "voicemail-unhandled"
  public let severity = Severity.warning
  public let section = RuleSection.callbacks
  public let summary =
    "an outbound flow whose voicemail branches are unconnected"
  public var page: [UInt8] { PackageResources.voicemail_unhandled_md }

  public init() {}
}

extension Rule where Self == VoicemailUnhandledRule {
  /// `voicemail-unhandled`.
  public static var voicemailUnhandled: Self { Self() }
}
