/// How serious a diagnostic is. Ordered from least to most severe.
public enum Severity: String, Comparable, CaseIterable, Sendable {
  case info
  case warning
  case error

  private var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A level a rule can be set to: a severity, or `off`.
public enum RuleLevel: String, CaseIterable, Sendable {
  case off, info, warning, error

  /// The severity of this level, or `nil` for `off`.
  public var severity: Severity? {
    switch self {
    case .off: nil
    case .info: .info
    case .warning: .warning
    case .error: .error
    }
  }
}

extension Array where Element == Diagnostic {
  /// The diagnostics with each rule's level from `levels` (by rule id): a rule set `off` is
  /// left out, another takes its level's severity.
  public func applying(_ levels: [String: RuleLevel]) -> [Diagnostic] {
    guard !levels.isEmpty else { return self }
    return compactMap { diagnostic in
      guard let level = levels[diagnostic.rule] else { return diagnostic }
      guard let severity = level.severity else { return nil }
      var changed = diagnostic
      changed.severity = severity
      return changed
    }
  }
}
