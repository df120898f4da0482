import CallflowDiagnostics

/// `dsl-syntax`: malformed DSL, with what was expected at that point.
public struct DSLSyntaxRule: Rule {
  public let id = "dsl-syntax"
  public let severity = Severity.error
  public let section = RuleSection.syntax
  public let summary =
    "malformed DSL, with what was expected at that point"
  public let compilerDependency: String? = "a file that does not parse has no flow to compile"
  public var page: [UInt8] { PackageResources.dsl_syntax_md }

  public init() {}
}

extension Rule where Self == DSLSyntaxRule {
  /// `dsl-syntax`.
  public static var dslSyntax: Self { Self() }
}
