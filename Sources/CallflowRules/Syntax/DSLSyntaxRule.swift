import CallflowDiagnostics

/// `dsl-syntax`: malformed DSL, with what was expected at that point.
public struct DSLSyntaxRule: Rule {
  public var id: String { "dsl-syntax" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "malformed DSL, with what was expected at that point"
  }
  public var compilerDependency: String? { "a file that does not parse has no flow to compile" }
  public var page: [UInt8] { PackageResources.dsl_syntax_md }

  public init() {}
}

extension Rule where Self == DSLSyntaxRule {
  /// `dsl-syntax`.
  public static var dslSyntax: Self { Self() }
}
