import CallflowDiagnostics

/// `unknown-branch`: a branch name the block kind cannot take.
public struct UnknownBranchRule: Rule {
  public let id = "unknown-branch"
  public let severity = Severity.error
  public let section = RuleSection.syntax
  public let summary =
    "a branch name the block kind cannot take"
  public let compilerDependency: String? = "the compiler would leave the branch out"
  public var page: [UInt8] { PackageResources.unknown_branch_md }

  public init() {}
}

extension Rule where Self == UnknownBranchRule {
  /// `unknown-branch`.
  public static var unknownBranch: Self { Self() }
}
