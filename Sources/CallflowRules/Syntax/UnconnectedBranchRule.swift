import CallflowDiagnostics

/// `unconnected-branch`: a branch the block can take goes nowhere.
public struct UnconnectedBranchRule: Rule {
  public let id = "unconnected-branch"
  public let severity = Severity.warning
  public let section = RuleSection.syntax
  public let summary =
    "a branch the block can take goes nowhere"
  public var page: [UInt8] { PackageResources.unconnected_branch_md }

  public init() {}
}

extension Rule where Self == UnconnectedBranchRule {
  /// `unconnected-branch`.
  public static var unconnectedBranch: Self { Self() }
}
