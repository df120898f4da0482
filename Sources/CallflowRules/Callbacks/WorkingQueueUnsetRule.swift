import CallflowDiagnostics

/// `working-queue-unset`: a transfer or callback on a path where no queue has been set.
public struct WorkingQueueUnsetRule: Rule {
  public var id: String { "working-queue-unset" }
  public var severity: Severity { .error }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "a transfer or callback on a path where no queue has been set"
  }
  public var page: [UInt8] { PackageResources.working_queue_unset_md }

  public init() {}
}

extension Rule where Self == WorkingQueueUnsetRule {
  /// `working-queue-unset`.
  public static var workingQueueUnset: Self { Self() }
}
