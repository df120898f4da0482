import CallflowDiagnostics

/// `unreachable-block`: a block no path from `start` reaches.
public struct UnreachableBlockRule: Rule {
  public let id = "unreachable-block"
  public let severity = Severity.warning
  public let section = RuleSection.syntax
  public let summary =
    "a block no path from `start` reaches"
  public var page: [UInt8] { PackageResources.unreachable_block_md }

  public init() {}
}

extension Rule where Self == UnreachableBlockRule {
  /// `unreachable-block`.
  public static var unreachableBlock: Self { Self() }
}
