import CallflowDiagnostics

/// `unresolved-substitution`: a `${NAME}` that neither the chosen environment nor `--define` provides.
public struct UnresolvedSubstitutionRule: Rule {
  public let id = "unresolved-substitution"
  public let severity = Severity.error
  public let section = RuleSection.references
  public let summary =
    "a `${NAME}` that neither the chosen environment nor `--define` provides"
  public let compilerDependency: String? = "the value would be compiled with the `${NAME}` still in it"
  public var page: [UInt8] { PackageResources.unresolved_substitution_md }

  public init() {}
}

extension Rule where Self == UnresolvedSubstitutionRule {
  /// `unresolved-substitution`.
  public static var unresolvedSubstitution: Self { Self() }
}
