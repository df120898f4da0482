import CallflowDiagnostics

/// `invalid-value`: a value of the wrong type or out of range: bad duration, bad E.164 literal, unknown enum word.
public struct InvalidValueRule: Rule {
  public let id = "invalid-value"
  public let severity = Severity.error
  public let section = RuleSection.syntax
  public let summary =
    "a value of the wrong type or out of range: bad duration, bad E.164 literal, unknown enum word"
  public let compilerDependency: String? = "the compiler would leave the value out"
  public var page: [UInt8] { PackageResources.invalid_value_md }

  public init() {}
}

extension Rule where Self == InvalidValueRule {
  /// `invalid-value`.
  public static var invalidValue: Self { Self() }
}
