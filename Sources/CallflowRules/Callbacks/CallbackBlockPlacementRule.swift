import CallflowDiagnostics

/// `callback-block-placement`: `create-callback` outside inbound, customer-queue and outbound flows.
public struct CallbackBlockPlacementRule: Rule {
  public let id = "callback-block-placement"
  public let severity = Severity.error
  public let section = RuleSection.callbacks
  public let summary =
    "`create-callback` outside inbound, customer-queue and outbound flows"
  public var page: [UInt8] { PackageResources.callback_block_placement_md }

  public init() {}
}

extension Rule where Self == CallbackBlockPlacementRule {
  /// `callback-block-placement`.
  public static var callbackBlockPlacement: Self { Self() }
}
