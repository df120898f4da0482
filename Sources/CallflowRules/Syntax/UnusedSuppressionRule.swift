import CallflowDiagnostics

/// `unused-suppression`: a `callflow-ignore` comment that suppresses nothing, or names no rule.
public struct UnusedSuppressionRule: Rule {
  public let id = "unused-suppression"
  public let severity = Severity.warning
  public let section = RuleSection.syntax
  public let summary =
    "a `callflow-ignore` comment that suppresses nothing, or names no rule"
  public var page: [UInt8] { PackageResources.unused_suppression_md }

  public init() {}
}

extension Rule where Self == UnusedSuppressionRule {
  /// `unused-suppression`.
  public static var unusedSuppression: Self { Self() }
}
