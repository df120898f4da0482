import CallflowDiagnostics

/// `unknown-block-kind`: a block kind not in the catalog.
public struct UnknownBlockKindRule: Rule {
  public var id: String { "unknown-block-kind" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "a block kind not in the catalog"
  }
  public var compilerDependency: String? { "the compiler has no code for a kind the catalog does not know" }
  public var page: [UInt8] { PackageResources.unknown_block_kind_md }

  public init() {}
}

extension Rule where Self == UnknownBlockKindRule {
  /// `unknown-block-kind`.
  public static var unknownBlockKind: Self { Self() }
}
