import CallflowSyntax

/// A set of host actions, tested by the VM at every block: a bit for each action.
public struct HostActionSet: Equatable, Sendable {
  let bits: UInt64

  /// The set of `actions`.
  public init(_ actions: [HostAction]) { bits = actions.reduce(0) { $0 | Self.bit(of: $1) } }

  public func contains(_ action: HostAction) -> Bool { bits & Self.bit(of: action) != 0 }

  /// Each action's bit, by its place among all actions (an action past the 64th has none,
  /// and is never in a set: a block of it is always handed to the host).
  private static let bits: [HostAction: UInt64] = Dictionary(
    uniqueKeysWithValues: HostAction.allCases.enumerated().map { ($1, $0 < 64 ? 1 << UInt64($0) : 0) })

  static func bit(of action: HostAction) -> UInt64 { bits[action] ?? 0 }
}
