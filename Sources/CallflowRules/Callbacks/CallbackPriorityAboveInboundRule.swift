import CallflowDiagnostics

/// `callback-priority-above-inbound`: a callback queue with higher priority than an inbound queue in the same routing profile.
public struct CallbackPriorityAboveInboundRule: Rule {
  public let id = "callback-priority-above-inbound"
  public let severity = Severity.warning
  public let section = RuleSection.callbacks
  public let summary =
    "a callback queue with higher priority than an inbound queue in the same routing profile"
  public var page: [UInt8] { PackageResources.callback_priority_above_inbound_md }

  public init() {}
}

extension Rule where Self == CallbackPriorityAboveInboundRule {
  /// `callback-priority-above-inbound`.
  public static var callbackPriorityAboveInbound: Self { Self() }
}
