import CallflowDiagnostics

/// `unresolved-substitution`: a `${NAME}` that neither the chosen environment nor `--define` provides.
public struct UnresolvedSubstitutionRule: Rule {
  public var id: String { "unresolved-substitution" }
  public var severity: Severity { .error }
  public var section: RuleSection { .references }
  public var summary: String {
    "a `${NAME}` that neither the chosen environment nor `--define` provides"
  }
  public var compilerDependency: String? { "the value would be compiled with the `${NAME}` still in it" }
  public var page: [UInt8] { PackageResources.unresolved_substitution_md }

  public init() {}
}

extension Rule where Self == UnresolvedSubstitutionRule {
  /// `unresolved-substitution`.
  public static var unresolvedSubstitution: Self { Self() }
}
