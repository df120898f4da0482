import CallflowDiagnostics

/// `queue-poll-too-fast`: a customer-queue loop that reads queue metrics with less than 1 minute of wait per iteration.
public struct QueuePollTooFastRule: Rule {
  public var id: String { "queue-poll-too-fast" }
  public var severity: Severity { .warning }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "a customer-queue loop that reads queue metrics with less than 1 minute of wait per iteration"
  }
  public var page: [UInt8] { PackageResources.queue_poll_too_fast_md }

  public init() {}
}

extension Rule where Self == QueuePollTooFastRule {
  /// `queue-poll-too-fast`.
  public static var queuePollTooFast: Self { Self() }
}
