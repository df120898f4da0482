import CallflowDiagnostics

/// `missing-parameter`: a required parameter or key is absent.
public struct MissingParameterRule: Rule {
  public var id: String { "missing-parameter" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "a required parameter or key is absent"
  }
  public var compilerDependency: String? { "the block would run without a value it needs" }
  public var page: [UInt8] { PackageResources.missing_parameter_md }

  public init() {}
}

extension Rule where Self == MissingParameterRule {
  /// `missing-parameter`.
  public static var missingParameter: Self { Self() }
}
