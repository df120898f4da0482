import CallflowDiagnostics

/// `unreachable-block`: a block no path from `start` reaches.
public struct UnreachableBlockRule: Rule {
  public var id: String { "unreachable-block" }
  public var severity: Severity { .warning }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "a block no path from `start` reaches"
  }
  public var page: [UInt8] { PackageResources.unreachable_block_md }

  public init() {}
}

extension Rule where Self == UnreachableBlockRule {
  /// `unreachable-block`.
  public static var unreachableBlock: Self { Self() }
}
