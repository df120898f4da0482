import CallflowDiagnostics

/// `yaml-syntax`: malformed YAML; aliases/anchors used as a bomb; a file that is not UTF-8.
public struct YAMLSyntaxRule: Rule {
  public var id: String { "yaml-syntax" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "malformed YAML; aliases/anchors used as a bomb; a file that is not UTF-8"
  }
  public var compilerDependency: String? { "a file that does not parse has no flow to compile" }
  public var page: [UInt8] { PackageResources.yaml_syntax_md }

  public init() {}
}

extension Rule where Self == YAMLSyntaxRule {
  /// `yaml-syntax`.
  public static var yamlSyntax: Self { Self() }
}
