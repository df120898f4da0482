import CallflowDiagnostics

/// `callback-queue-unrouted`: a queue callbacks go to that no routing profile contains: no agent will ever receive them.
public struct CallbackQueueUnroutedRule: Rule {
  public var id: String { "callback-queue-unrouted" }
  public var severity: Severity { .error }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "a queue callbacks go to that no routing profile contains: no agent will ever receive them"
  }
  public var page: [UInt8] { PackageResources.callback_queue_unrouted_md }

  public init() {}
}

extension Rule where Self == CallbackQueueUnroutedRule {
  /// `callback-queue-unrouted`.
  public static var callbackQueueUnrouted: Self { Self() }
}
