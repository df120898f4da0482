import CallflowDiagnostics

/// `queue-unrouted`: a queue flows transfer callers to that no routing profile contains: no
/// agent will ever take its contacts.
public struct QueueUnroutedRule: Rule {
  public var id: String { "queue-unrouted" }
  public var severity: Severity { .error }
  public var section: RuleSection { .references }
  public var summary: String {
    "a queue flows transfer callers to that no routing profile contains: no agent will ever take its contacts"
  }
  public var page: [UInt8] { PackageResources.queue_unrouted_md }

  public init() {}
}

extension Rule where Self == QueueUnroutedRule {
  /// `queue-unrouted`.
  public static var queueUnrouted: Self { Self() }
}
