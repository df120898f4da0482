import CallflowDiagnostics

/// `callback-queue-caller-id`: a queue callbacks go to without an outbound caller ID name and number.
public struct CallbackQueueCallerIDRule: Rule {
  public var id: String { "callback-queue-caller-id" }
  public var severity: Severity { .error }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "a queue callbacks go to without an outbound caller ID name and number"
  }
  public var page: [UInt8] { PackageResources.callback_queue_caller_id_md }

  public init() {}
}

extension Rule where Self == CallbackQueueCallerIDRule {
  /// `callback-queue-caller-id`.
  public static var callbackQueueCallerID: Self { Self() }
}
