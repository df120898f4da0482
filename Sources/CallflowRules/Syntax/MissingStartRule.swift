import CallflowDiagnostics

/// `missing-start`: no `start`, or `start` names no block.
public struct MissingStartRule: Rule {
  public var id: String { "missing-start" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "no `start`, or `start` names no block"
  }
  public var compilerDependency: String? { "the flow would have no first block" }
  public var page: [UInt8] { PackageResources.missing_start_md }

  public init() {}
}

extension Rule where Self == MissingStartRule {
  /// `missing-start`.
  public static var missingStart: Self { Self() }
}
