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

/// What a `call` instruction always asks, whatever the contact: its block's kind, action,
/// outcomes and place, and its arguments when they are all constants. Made once per
/// instruction when a module is prepared, and shared by every call of it.
final class CallSite: Sendable {
  let kind: BlockKind
  let action: HostAction
  let outcomes: [Outcome]
  let flow: String
  let block: String
  let line: Int
  /// The instruction's index in its program, or -1 for a call made outside a program.
  let instruction: Int
  /// The arguments of every call of the block when all are constants (none an attribute);
  /// `nil` otherwise, each call then given its own.
  let arguments: HostArguments?

  init(
    kind: BlockKind, action: HostAction, outcomes: [Outcome], flow: String, block: String, line: Int, instruction: Int = -1,
    arguments: HostArguments? = nil
  ) {
    self.kind = kind
    self.action = action
    self.outcomes = outcomes
    self.flow = flow
    self.block = block
    self.line = line
    self.instruction = instruction
    self.arguments = arguments
  }
}

/// One block the VM asks its host to carry out.
public struct HostCall: Sendable {
  /// What every call of this block shares, its arguments too when they are constants.
  let site: CallSite
  /// This call's own arguments: those of a block given an attribute, or set by the host.
  /// `nil` when the site's are the call's, so that a call of such a block counts one
  /// reference, not two.
  private var given: HostArguments?

  /// The block's arguments by parameter (`callback.max-retries` for a callback's).
  public var arguments: HostArguments {
    get { given ?? site.arguments ?? HostArguments(capacity: 0) }
    set { given = newValue }
  }

  public var kind: BlockKind { site.kind }
  /// What the host is asked to do: the catalog row's action for ``kind``. Hosts switch over
  /// it, with no `default:`.
  public var action: HostAction { site.action }
  /// What the block may answer: `next` (unless the block goes on only through its
  /// branches), then its options (`get-input`'s keys), then its branches.
  public var outcomes: [Outcome] { site.outcomes }
  /// Where it is: flow, block id and source line.
  public var flow: String { site.flow }
  public var block: String { site.block }
  public var line: Int { site.line }
  /// The block's instruction in its program: the same for every call of the block, for hosts
  /// that keep what they work out from a block's arguments. `nil` for a call made by hand.
  public var instruction: Int? { site.instruction >= 0 ? site.instruction : nil }
  /// Whether every call of this block is given the same ``arguments`` (none is an attribute).
  public var hasConstantArguments: Bool { given == nil && site.arguments != nil }

  /// The call of a block of `kind`; `nil` for a kind the VM runs itself (it has no action).
  public init?(
    kind: BlockKind, arguments: HostArguments, outcomes: [Outcome], flow: String, block: String, line: Int
  ) {
    guard let action = kind.spec.hostAction else { return nil }
    self.init(site: CallSite(kind: kind, action: action, outcomes: outcomes, flow: flow, block: block, line: line), arguments: arguments)
  }

  /// The VM's call of the instruction at `site`, with `arguments` of its own when the site
  /// has none (`nil` when it has).
  init(site: CallSite, arguments: HostArguments?) {
    self.site = site
    self.given = arguments
  }

  // `argument`, `text` and `gives` each choose between the call's own arguments and its
  // site's through optional chaining, which reads them in place. A shared helper taking a
  // closure cost the simulated day 10 M instructions (28 M through `Optional.map`).

  /// The argument `key`, read in place (``arguments`` hands back a copy of them all).
  public func argument(_ key: ParameterKey) -> ArgumentValue? {
    if given != nil { return given?[key] }
    return site.arguments?[key]
  }

  /// The argument `key` as text.
  public func text(_ key: ParameterKey) -> String? {
    // Read in place where the arguments are: ``arguments`` would hand back a copy.
    if given != nil { return given?.text(key) }
    return site.arguments?.text(key)
  }

  /// Whether argument `key` is a list holding `item` (`get-input`'s options), read in place.
  public func list(_ key: ParameterKey, contains item: String) -> Bool {
    if given != nil { return given?.list(key, contains: item) ?? false }
    return site.arguments?.list(key, contains: item) ?? false
  }

  /// Whether the block is given `key`, or a field of it when it is a record (`callback`).
  public func gives(_ key: ParameterKey) -> Bool {
    let length = key.name.utf8.count
    let predicate: (ParameterKey) -> Bool = { given in
      let count = given.name.utf8.count
      return count == length
        ? given == key
        : count > length && given.name.utf8.dropFirst(length).first == UInt8(ascii: ".") && given.name.hasPrefix(key.name)
    }
    if given != nil { return given?.containsKey(where: predicate) ?? false }
    return site.arguments?.containsKey(where: predicate) ?? false
  }

  /// The outcome of this call written `name` (`human`, `no-match`, a key), if it has one.
  public func outcome(named name: String) -> Outcome? { outcomes.first { $0.description == name } }
}

/// What the host answers: the outcome (one of ``HostCall/outcomes``), and the attributes the
/// block writes when it goes on at `next` (`$.StoredCustomerInput`, `$.Metrics.…`,
/// `$.Customer.…`: only those its catalog row declares).
public struct HostResult: Sendable {
  public var outcome: Outcome
  public var writes: Attributes

  public init(_ outcome: Outcome, writes: Attributes = Attributes()) {
    self.outcome = outcome
    self.writes = writes
  }
}

/// The world a contact's flow acts on: the simulator, `callflow run`'s terminal, or any
/// application that embeds the VM. Every effect of a flow goes through it.
public protocol FlowHost {
  mutating func perform(_ call: HostCall, state: ContactState) -> HostResult
}
