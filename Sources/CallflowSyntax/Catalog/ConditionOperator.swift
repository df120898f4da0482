/// The operator of a `check-attribute` condition: how the attribute is compared with the
/// operand. One table, read by the checker (the operand's type), the compiler (the operator's
/// code in modules), the VM (what holds) and the docs.
public enum ConditionOperator: String, CaseIterable, Hashable, Sendable {
  case equals
  case contains
  case startsWith = "starts-with"
  case endsWith = "ends-with"
  case lessThan = "less-than"
  case lessOrEqual = "less-or-equal"
  case greaterThan = "greater-than"
  case greaterOrEqual = "greater-or-equal"

  /// Every operator's name, in documentation order.
  public static let names = allCases.map(\.rawValue)

  /// The operator's number in modules: stable, whatever the order of the cases.
  public var code: Int {
    switch self {
    case .equals: 0
    case .contains: 1
    case .startsWith: 2
    case .endsWith: 3
    case .lessThan: 4
    case .lessOrEqual: 5
    case .greaterThan: 6
    case .greaterOrEqual: 7
    }
  }

  /// The operator whose number is `code`, if there is one.
  public static func decode(_ code: Int) -> ConditionOperator? { byCode[code] }

  private static let byCode: [Int: ConditionOperator] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.code, $0) })

  /// Whether the operator compares whole numbers (its operand must be one).
  public var isNumeric: Bool {
    switch self {
    case .lessThan, .lessOrEqual, .greaterThan, .greaterOrEqual: true
    case .equals, .contains, .startsWith, .endsWith: false
    }
  }

  /// Whether `left op right` holds. A numeric comparison of values that are not whole numbers
  /// does not hold.
  public func holds(_ left: String, _ right: String) -> Bool {
    switch self {
    case .equals: return left == right
    case .contains: return left.contains(right)
    case .startsWith: return left.hasPrefix(right)
    case .endsWith: return left.hasSuffix(right)
    case .lessThan, .lessOrEqual, .greaterThan, .greaterOrEqual:
      guard let l = Int(left), let r = Int(right) else { return false }
      switch self {
      case .lessThan: return l < r
      case .lessOrEqual: return l <= r
      case .greaterThan: return l > r
      case .greaterOrEqual: return l >= r
      case .equals, .contains, .startsWith, .endsWith: return false
      }
    }
  }
}
