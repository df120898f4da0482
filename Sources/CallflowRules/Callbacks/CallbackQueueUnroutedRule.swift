import CallflowDiagnostics

/// `callback-queue-unrouted`: a queue callbacks go to that no routing profile contains: no agent will ever receive them.
public struct CallbackQueueUnroutedRule: Rule {
  public let id = "callback-queue-unrouted"
  public let severity = Severity.error
  public let section = RuleSection.callbacks
  public let summary =
    "a queue callbacks go to that no routing profile contains: no agent will ever receive them"
  public var page: [UInt8] { PackageResources.callback_queue_unrouted_md }

  public init() {}
}

extension Rule where Self == CallbackQueueUnroutedRule {
  /// `callback-queue-unrouted`.
  public static var callbackQueueUnrouted: Self { Self() }
}
