import CallflowSyntax

/// A value handed to the host: a block's argument, with attributes already read.
public enum ArgumentValue: Equatable, Sendable {
  case text(String)
  case integer(Int)
  /// Seconds.
  case duration(Int)
  case list([String])
  /// An attribute that nothing has set.
  case unset(String)

  /// The value as text, as a prompt would say it (`nil` for an unset attribute).
  public var text: String? {
    switch self {
    case .text(let t): t
    case .integer(let n): String(n)
    case .duration(let s): String(s)
    case .list(let items): items.joined(separator: ", ")
    case .unset: nil
    }
  }
}

/// One block the VM asks its host to carry out.
public struct HostCall: Sendable {
  public var kind: BlockKind
  /// The block's arguments by parameter name (`callback.max-retries` for a callback's).
  public var arguments: [String: ArgumentValue]
  /// What the block may answer: `next` (unless the block goes on only through its
  /// branches), then its branches (options first for `get-input`).
  public var outcomes: [String]
  /// Where it is: flow, block id and source line.
  public var flow: String
  public var block: String
  public var line: Int

  /// The argument `name` as text.
  public func text(_ name: String) -> String? { arguments[name]?.text }
}

/// What the host answers: the outcome (one of ``HostCall/outcomes``), and the attributes the
/// block writes when it goes on at `next` (`$.StoredCustomerInput`, `$.Metrics.…`,
/// `$.Customer.…`).
public struct HostResult: Sendable {
  public var outcome: String
  public var writes: [String: String]

  public init(_ outcome: String, writes: [String: String] = [:]) {
    self.outcome = outcome
    self.writes = writes
  }
}

/// The world a contact's flow acts on: the simulator, `callflow run`'s terminal, or any
/// application that embeds the VM. Every effect of a flow goes through it.
public protocol FlowHost {
  mutating func perform(_ call: HostCall, state: ContactState) -> HostResult
}
