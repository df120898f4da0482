/// What a renderer needs to know of a rule: its id, default severity, summary and page of
/// documentation. The rules themselves live in `CallflowRules`.
public struct RuleInfo: Hashable, Sendable {
  public var id: String
  public var severity: Severity
  public var summary: String
  /// The rule's page, as Markdown (empty when it has none).
  public var documentation: String

  public init(id: String, severity: Severity, summary: String, documentation: String) {
    self.id = id
    self.severity = severity
    self.summary = summary
    self.documentation = documentation
  }
}
