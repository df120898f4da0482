import CallflowDiagnostics

/// `callback-priority-above-inbound`: a callback queue with higher priority than an inbound queue in the same routing profile.
public struct CallbackPriorityAboveInboundRule: Rule {
  public var id: String { "callback-priority-above-inbound" }
  public var severity: Severity { .warning }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "a callback queue with higher priority than an inbound queue in the same routing profile"
  }
  public var page: [UInt8] { PackageResources.callback_priority_above_inbound_md }

  public init() {}
}

extension Rule where Self == CallbackPriorityAboveInboundRule {
  /// `callback-priority-above-inbound`.
  public static var callbackPriorityAboveInbound: Self { Self() }
}
