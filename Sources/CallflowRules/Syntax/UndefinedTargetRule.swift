import CallflowDiagnostics

/// `undefined-target`: a branch points at a block id that does not exist.
public struct UndefinedTargetRule: Rule {
  public var id: String { "undefined-target" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "a branch points at a block id that does not exist"
  }
  public var compilerDependency: String? { "the branch would have no block to go to" }
  public var page: [UInt8] { PackageResources.undefined_target_md }

  public init() {}
}

extension Rule where Self == UndefinedTargetRule {
  /// `undefined-target`.
  public static var undefinedTarget: Self { Self() }
}
