import CallflowDiagnostics

/// `unknown-branch`: a branch name the block kind cannot take.
public struct UnknownBranchRule: Rule {
  public var id: String { "unknown-branch" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "a branch name the block kind cannot take"
  }
  public var compilerDependency: String? { "the compiler would leave the branch out" }
  public var page: [UInt8] { PackageResources.unknown_branch_md }

  public init() {}
}

extension Rule where Self == UnknownBranchRule {
  /// `unknown-branch`.
  public static var unknownBranch: Self { Self() }
}
