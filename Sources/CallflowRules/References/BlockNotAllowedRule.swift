import CallflowDiagnostics

/// `block-not-allowed`: a block kind the flow's type does not allow.
public struct BlockNotAllowedRule: Rule {
  public var id: String { "block-not-allowed" }
  public var severity: Severity { .error }
  public var section: RuleSection { .references }
  public var summary: String {
    "a block kind the flow's type does not allow"
  }
  public var page: [UInt8] { PackageResources.block_not_allowed_md }

  public init() {}
}

extension Rule where Self == BlockNotAllowedRule {
  /// `block-not-allowed`.
  public static var blockNotAllowed: Self { Self() }
}
