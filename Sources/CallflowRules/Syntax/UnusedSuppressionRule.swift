import CallflowDiagnostics

/// `unused-suppression`: a `callflow-ignore` comment that suppresses nothing, or names no rule.
public struct UnusedSuppressionRule: Rule {
  public var id: String { "unused-suppression" }
  public var severity: Severity { .warning }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "a `callflow-ignore` comment that suppresses nothing, or names no rule"
  }
  public var page: [UInt8] { PackageResources.unused_suppression_md }

  public init() {}
}

extension Rule where Self == UnusedSuppressionRule {
  /// `unused-suppression`.
  public static var unusedSuppression: Self { Self() }
}
