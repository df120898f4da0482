import CallflowDiagnostics

/// `unknown-block-kind`: a block kind not in the catalog.
public struct UnknownBlockKindRule: Rule {
  public let id = "unknown-block-kind"
  public let severity = Severity.error
  public let section = RuleSection.syntax
  public let summary =
    "a block kind not in the catalog"
  public let compilerDependency: String? = "the compiler has no code for a kind the catalog does not know"
  public var page: [UInt8] { PackageResources.unknown_block_kind_md }

  public init() {}
}

extension Rule where Self == UnknownBlockKindRule {
  /// `unknown-block-kind`.
  public static var unknownBlockKind: Self { Self() }
}
