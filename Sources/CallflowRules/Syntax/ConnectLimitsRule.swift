import CallflowDiagnostics

/// `connect-limits`: a flow Amazon Connect refuses for its size or its identifiers.
public struct ConnectLimitsRule: Rule {
  public var id: String { "connect-limits" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "a flow Amazon Connect refuses: more than 250 actions, flow language longer than 256,000 characters, an identifier longer than 50 characters or with a character Connect does not allow"
  }
  public var page: [UInt8] { PackageResources.connect_limits_md }

  public init() {}
}

extension Rule where Self == ConnectLimitsRule {
  /// `connect-limits`.
  public static var connectLimits: Self { Self() }
}
