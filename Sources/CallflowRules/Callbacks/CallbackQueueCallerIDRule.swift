import CallflowDiagnostics

/// `callback-queue-caller-id`: a queue callbacks go to without an outbound caller ID name and number.
public struct CallbackQueueCallerIDRule: Rule {
  public let id = "callback-queue-caller-id"
  public let severity = Severity.error
  public let section = RuleSection.callbacks
  public let summary =
    "a queue callbacks go to without an outbound caller ID name and number"
  public var page: [UInt8] { PackageResources.callback_queue_caller_id_md }

  public init() {}
}

extension Rule where Self == CallbackQueueCallerIDRule {
  /// `callback-queue-caller-id`.
  public static var callbackQueueCallerID: Self { Self() }
}
