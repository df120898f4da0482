import CallflowDiagnostics

/// `duplicate-flow-name`: two flows with one name in a project.
public struct DuplicateFlowNameRule: Rule {
  public var id: String { "duplicate-flow-name" }
  public var severity: Severity { .error }
  public var section: RuleSection { .references }
  public var summary: String {
    "two flows with one name in a project"
  }
  public var compilerDependency: String? { "a module holds one flow of each name" }
  public var page: [UInt8] { PackageResources.duplicate_flow_name_md }

  public init() {}
}

extension Rule where Self == DuplicateFlowNameRule {
  /// `duplicate-flow-name`.
  public static var duplicateFlowName: Self { Self() }
}
