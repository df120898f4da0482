import CallflowDiagnostics

/// `callback-block-placement`: `create-callback` outside inbound, customer-queue and outbound flows.
public struct CallbackBlockPlacementRule: Rule {
  public var id: String { "callback-block-placement" }
  public var severity: Severity { .error }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "`create-callback` outside inbound, customer-queue and outbound flows"
  }
  public var page: [UInt8] { PackageResources.callback_block_placement_md }

  public init() {}
}

extension Rule where Self == CallbackBlockPlacementRule {
  /// `callback-block-placement`.
  public static var callbackBlockPlacement: Self { Self() }
}
