import CallflowDiagnostics

/// `unconnected-branch`: a branch the block can take goes nowhere.
public struct UnconnectedBranchRule: Rule {
  public var id: String { "unconnected-branch" }
  public var severity: Severity { .warning }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "a branch the block can take goes nowhere"
  }
  public var page: [UInt8] { PackageResources.unconnected_branch_md }

  public init() {}
}

extension Rule where Self == UnconnectedBranchRule {
  /// `unconnected-branch`.
  public static var unconnectedBranch: Self { Self() }
}
