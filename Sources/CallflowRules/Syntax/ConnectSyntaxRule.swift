import CallflowDiagnostics

/// `connect-syntax`: an Amazon Connect flow file that cannot be read.
public struct ConnectSyntaxRule: Rule {
  public var id: String { "connect-syntax" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "an Amazon Connect flow that cannot be read: malformed JSON, an invalid escape inside `Content`, a `Content` that is not a string, duplicate identifiers or error transitions, an unknown version"
  }
  public var compilerDependency: String? { "a file that does not parse has no flow to compile" }
  public var page: [UInt8] { PackageResources.connect_syntax_md }

  public init() {}
}

extension Rule where Self == ConnectSyntaxRule {
  /// `connect-syntax`.
  public static var connectSyntax: Self { Self() }
}
