import CallflowDiagnostics

/// `missing-start`: no `start`, or `start` names no block.
public struct MissingStartRule: Rule {
  public let id = "missing-start"
  public let severity = Severity.error
  public let section = RuleSection.syntax
  public let summary =
    "no `start`, or `start` names no block"
  public let compilerDependency: String? = "the flow would have no first block"
  public var page: [UInt8] { PackageResources.missing_start_md }

  public init() {}
}

extension Rule where Self == MissingStartRule {
  /// `missing-start`.
  public static var missingStart: Self { Self() }
}
