import CallflowDiagnostics

/// `attribute-unset`: an attribute read on a path where nothing set it (definite assignment over the flow graph).
public struct AttributeUnsetRule: Rule {
  public var id: String { "attribute-unset" }
  public var severity: Severity { .error }
  public var section: RuleSection { .references }
  public var summary: String {
    "an attribute read on a path where nothing set it (definite assignment over the flow graph)"
  }
  public var otherSeverity: String? { "warning for user attributes `$.Attributes.*`" }
  public var page: [UInt8] { PackageResources.attribute_unset_md }

  public init() {}
}

extension Rule where Self == AttributeUnsetRule {
  /// `attribute-unset`.
  public static var attributeUnset: Self { Self() }
}
