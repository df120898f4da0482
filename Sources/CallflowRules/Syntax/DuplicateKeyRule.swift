import CallflowDiagnostics

/// `duplicate-key`: the same key twice in one YAML mapping (including two blocks with one id).
public struct DuplicateKeyRule: Rule {
  public var id: String { "duplicate-key" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "the same key twice in one YAML mapping (including two blocks with one id)"
  }
  public var compilerDependency: String? { "the compiler would keep one of the two and drop the other" }
  public var page: [UInt8] { PackageResources.duplicate_key_md }

  public init() {}
}

extension Rule where Self == DuplicateKeyRule {
  /// `duplicate-key`.
  public static var duplicateKey: Self { Self() }
}
