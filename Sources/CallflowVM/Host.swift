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
  /// What the host is asked to do: the catalog row's action for ``kind``. Hosts switch over
  /// it, with no `default:`.
  public var action: HostAction
  /// The block's arguments by parameter (`callback.max-retries` for a callback's).
  public var arguments: HostArguments
  /// What the block may answer: `next` (unless the block goes on only through its
  /// branches), then its options (`get-input`'s keys), then its branches.
  public var outcomes: [Outcome]
  /// Where it is: flow, block id and source line.
  public var flow: String
  public var block: String
  public var line: Int

  /// The call of a block of `kind`; `nil` for a kind the VM runs itself (it has no action).
  public init?(
    kind: BlockKind, arguments: HostArguments, outcomes: [Outcome], flow: String, block: String, line: Int
  ) {
    guard let action = kind.spec.hostAction else { return nil }
    self.init(kind: kind, action: action, arguments: arguments, outcomes: outcomes, flow: flow, block: block, line: line)
  }

  /// The VM's call, with the action its program looked up once for the instruction.
  init(
    kind: BlockKind, action: HostAction, arguments: HostArguments, outcomes: [Outcome], flow: String, block: String,
    line: Int
  ) {
    self.kind = kind
    self.action = action
    self.arguments = arguments
    self.outcomes = outcomes
    self.flow = flow
    self.block = block
    self.line = line
  }

  /// The argument `key` as text.
  public func text(_ key: ParameterKey) -> String? { arguments[key]?.text }

  /// Whether the block is given `key`, or a field of it when it is a record (`callback`).
  public func gives(_ key: ParameterKey) -> Bool {
    arguments.keys.contains { given in
      given == key || (given.name.hasPrefix(key.name) && given.name.utf8.dropFirst(key.name.utf8.count).first == UInt8(ascii: "."))
    }
  }

  /// The outcome of this call written `name` (`human`, `no-match`, a key), if it has one.
  public func outcome(named name: String) -> Outcome? { outcomes.first { $0.description == name } }
}

/// What the host answers: the outcome (one of ``HostCall/outcomes``), and the attributes the
/// block writes when it goes on at `next` (`$.StoredCustomerInput`, `$.Metrics.…`,
/// `$.Customer.…`: only those its catalog row declares).
public struct HostResult: Sendable {
  public var outcome: Outcome
  public var writes: [String: String]

  public init(_ outcome: Outcome, writes: [String: String] = [:]) {
    self.outcome = outcome
    self.writes = writes
  }
}

/// The world a contact's flow acts on: the simulator, `callflow run`'s terminal, or any
/// application that embeds the VM. Every effect of a flow goes through it.
public protocol FlowHost {
  mutating func perform(_ call: HostCall, state: ContactState) -> HostResult
}
