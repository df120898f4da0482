import CallflowDiagnostics

/// `duplicate-callback-unchecked`: a creation flow that queues without any `check-attribute` (duplicates are not filtered).
public struct DuplicateCallbackUncheckedRule: Rule {
  public var id: String { "duplicate-callback-unchecked" }
  public var severity: Severity { .info }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "a creation flow that queues without any `check-attribute` (duplicates are not filtered)"
  }
  public var page: [UInt8] { PackageResources.duplicate_callback_unchecked_md }

  public init() {}
}

extension Rule where Self == DuplicateCallbackUncheckedRule {
  /// `duplicate-callback-unchecked`.
  public static var duplicateCallbackUnchecked: Self { Self() }
}
