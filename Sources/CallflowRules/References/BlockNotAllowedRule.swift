import CallflowDiagnostics

/// `block-not-allowed`: a block kind the flow's type does not allow.
public struct BlockNotAllowedRule: Rule {
  public let id = "block-not-allowed"
  public let severity = Severity.error
  public let section = RuleSection.references
  public let summary =
    "a block kind the flow's type does not allow"
  public var page: [UInt8] { PackageResources.block_not_allowed_md }

  public init() {}
}

extension Rule where Self == BlockNotAllowedRule {
  /// `block-not-allowed`.
  public static var blockNotAllowed: Self { Self() }
}
