import CallflowDiagnostics

/// `unknown-parameter`: a parameter or key the block kind or file does not take.
public struct UnknownParameterRule: Rule {
  public let id = "unknown-parameter"
  public let severity = Severity.error
  public let section = RuleSection.syntax
  public let summary =
    "a parameter or key the block kind or file does not take"
  public let compilerDependency: String? = "the compiler would leave the parameter out"
  public var page: [UInt8] { PackageResources.unknown_parameter_md }

  public init() {}
}

extension Rule where Self == UnknownParameterRule {
  /// `unknown-parameter`.
  public static var unknownParameter: Self { Self() }
}
