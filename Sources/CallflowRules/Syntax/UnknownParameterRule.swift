import CallflowDiagnostics

/// `unknown-parameter`: a parameter or key the block kind or file does not take.
public struct UnknownParameterRule: Rule {
  public var id: String { "unknown-parameter" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "a parameter or key the block kind or file does not take"
  }
  public var compilerDependency: String? { "the compiler would leave the parameter out" }
  public var page: [UInt8] { PackageResources.unknown_parameter_md }

  public init() {}
}

extension Rule where Self == UnknownParameterRule {
  /// `unknown-parameter`.
  public static var unknownParameter: Self { Self() }
}
