import CallflowDiagnostics

/// `duplicate-callback-unchecked`: a creation flow that queues without any `check-attribute` (duplicates are not filtered).
public struct DuplicateCallbackUncheckedRule: Rule {
  public let id = "duplicate-callback-unchecked"
  public let severity = Severity.info
  public let section = RuleSection.callbacks
  public let summary =
    "a creation flow that queues without any `check-attribute` (duplicates are not filtered)"
  public var page: [UInt8] { PackageResources.duplicate_callback_unchecked_md }

  public init() {}
}

extension Rule where Self == DuplicateCallbackUncheckedRule {
  /// `duplicate-callback-unchecked`.
  public static var duplicateCallbackUnchecked: Self { Self() }
}
