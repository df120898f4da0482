import CallflowDiagnostics

/// `flow-type-mismatch`: a referenced flow of the wrong type.
public struct FlowTypeMismatchRule: Rule {
  public let id = "flow-type-mismatch"
  public let severity = Severity.error
  public let section = RuleSection.references
  public let summary =
    "a referenced flow of the wrong type"
  public var page: [UInt8] { PackageResources.flow_type_mismatch_md }

  public init() {}
}

extension Rule where Self == FlowTypeMismatchRule {
  /// `flow-type-mismatch`.
  public static var flowTypeMismatch: Self { Self() }
}
