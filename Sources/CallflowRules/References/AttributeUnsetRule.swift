import CallflowDiagnostics

/// `attribute-unset`: an attribute read on a path where nothing set it (definite assignment over the flow graph).
public struct AttributeUnsetRule: Rule {
  public let id = "attribute-unset"
  public let severity = Severity.error
  public let section = RuleSection.references
  public let summary =
    "an attribute read on a path where nothing set it (definite assignment over the flow graph)"
  public let otherSeverity: String? = "warning for user attributes `$.Attributes.*`"
  public var page: [UInt8] { PackageResources.attribute_unset_md }

  public init() {}
}

extension Rule where Self == AttributeUnsetRule {
  /// `attribute-unset`.
  public static var attributeUnset: Self { Self() }
}
