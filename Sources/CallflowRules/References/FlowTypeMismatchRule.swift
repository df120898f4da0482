import CallflowDiagnostics

/// `flow-type-mismatch`: a referenced flow of the wrong type.
public struct FlowTypeMismatchRule: Rule {
  public var id: String { "flow-type-mismatch" }
  public var severity: Severity { .error }
  public var section: RuleSection { .references }
  public var summary: String {
    "a referenced flow of the wrong type"
  }
  public var page: [UInt8] { PackageResources.flow_type_mismatch_md }

  public init() {}
}

extension Rule where Self == FlowTypeMismatchRule {
  /// `flow-type-mismatch`.
  public static var flowTypeMismatch: Self { Self() }
}
