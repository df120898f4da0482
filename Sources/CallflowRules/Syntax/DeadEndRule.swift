import CallflowDiagnostics

/// `dead-end`: a non-terminal block whose success path leads nowhere (the contact falls off the flow).
public struct DeadEndRule: Rule {
  public var id: String { "dead-end" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "a non-terminal block whose success path leads nowhere (the contact falls off the flow)"
  }
  public var page: [UInt8] { PackageResources.dead_end_md }

  public init() {}
}

extension Rule where Self == DeadEndRule {
  /// `dead-end`.
  public static var deadEnd: Self { Self() }
}
