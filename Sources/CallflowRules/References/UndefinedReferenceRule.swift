import CallflowDiagnostics

/// `undefined-reference`: a queue, flow, prompt, hours or routing profile that the project does not define.
public struct UndefinedReferenceRule: Rule {
  public var id: String { "undefined-reference" }
  public var severity: Severity { .error }
  public var section: RuleSection { .references }
  public var summary: String {
    "a queue, flow, prompt, hours or routing profile that the project does not define"
  }
  public var compilerDependency: String? { "the module would name something it does not carry, and no host could load it" }
  public var page: [UInt8] { PackageResources.undefined_reference_md }

  public init() {}
}

extension Rule where Self == UndefinedReferenceRule {
  /// `undefined-reference`.
  public static var undefinedReference: Self { Self() }
}
