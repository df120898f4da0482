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
