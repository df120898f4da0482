import CallflowDiagnostics

/// `duplicate-flow-name`: two flows with one name in a project.
public struct DuplicateFlowNameRule: Rule {
  public let id = "duplicate-flow-name"
  public let severity = Severity.error
  public let section = RuleSection.references
  public let summary =
    "two flows with one name in a project"
  public let compilerDependency: String? = "a module holds one flow of each name"
  public var page: [UInt8] { PackageResources.duplicate_flow_name_md }

  public init() {}
}

extension Rule where Self == DuplicateFlowNameRule {
  /// `duplicate-flow-name`.
  public static var duplicateFlowName: Self { Self() }
}
