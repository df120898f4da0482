import CallflowDiagnostics

/// `queue-poll-too-fast`: a customer-queue loop that reads queue metrics with less than 1 minute of wait per iteration.
public struct QueuePollTooFastRule: Rule {
  public let id = "queue-poll-too-fast"
  public let severity = Severity.warning
  public let section = RuleSection.callbacks
  public let summary =
    "a customer-queue loop that reads queue metrics with less than 1 minute of wait per iteration"
  public var page: [UInt8] { PackageResources.queue_poll_too_fast_md }

  public init() {}
}

extension Rule where Self == QueuePollTooFastRule {
  /// `queue-poll-too-fast`.
  public static var queuePollTooFast: Self { Self() }
}
