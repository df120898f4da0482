import CallflowDiagnostics

/// `missing-parameter`: a required parameter or key is absent.
public struct MissingParameterRule: Rule {
  public let id = "missing-parameter"
  public let severity = Severity.error
  public let section = RuleSection.syntax
  public let summary =
    "a required parameter or key is absent"
  public let compilerDependency: String? = "the block would run without a value it needs"
  public var page: [UInt8] { PackageResources.missing_parameter_md }

  public init() {}
}

extension Rule where Self == MissingParameterRule {
  /// `missing-parameter`.
  public static var missingParameter: Self { Self() }
}
