import CallflowDiagnostics

/// `undefined-target`: a branch points at a block id that does not exist.
public struct UndefinedTargetRule: Rule {
  public let id = "undefined-target"
  public let severity = Severity.error
  public let section = RuleSection.syntax
  public let summary =
    "a branch points at a block id that does not exist"
  public let compilerDependency: String? = "the branch would have no block to go to"
  public var page: [UInt8] { PackageResources.undefined_target_md }

  public init() {}
}

extension Rule where Self == UndefinedTargetRule {
  /// `undefined-target`.
  public static var undefinedTarget: Self { Self() }
}
