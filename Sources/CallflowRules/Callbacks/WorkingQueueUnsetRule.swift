import CallflowDiagnostics

/// `working-queue-unset`: a transfer or callback on a path where no queue has been set.
public struct WorkingQueueUnsetRule: Rule {
  public let id = "working-queue-unset"
  public let severity = Severity.error
  public let section = RuleSection.callbacks
  public let summary =
    "a transfer or callback on a path where no queue has been set"
  public var page: [UInt8] { PackageResources.working_queue_unset_md }

  public init() {}
}

extension Rule where Self == WorkingQueueUnsetRule {
  /// `working-queue-unset`.
  public static var workingQueueUnset: Self { Self() }
}
