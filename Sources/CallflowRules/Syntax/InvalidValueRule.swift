import CallflowDiagnostics

/// `invalid-value`: a value of the wrong type or out of range: bad duration, bad E.164 literal, unknown enum word.
public struct InvalidValueRule: Rule {
  public var id: String { "invalid-value" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "a value of the wrong type or out of range: bad duration, bad E.164 literal, unknown enum word"
  }
  public var compilerDependency: String? { "the compiler would leave the value out" }
  public var page: [UInt8] { PackageResources.invalid_value_md }

  public init() {}
}

extension Rule where Self == InvalidValueRule {
  /// `invalid-value`.
  public static var invalidValue: Self { Self() }
}
