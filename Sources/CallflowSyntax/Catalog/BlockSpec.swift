import CallflowRules

/// The kinds of named resources a parameter can refer to.
public enum ResourceKind: Hashable, Sendable {
  case queue
  case flow(FlowRequirement)
  case prompt
  case hours
  case routingProfile

  /// The word used in messages and docs.
  public var noun: String {
    switch self {
    case .queue: "queue"
    case .flow: "flow"
    case .prompt: "prompt"
    case .hours: "hours"
    case .routingProfile: "routing profile"
    }
  }
}

/// Which type a referenced flow must have.
public enum FlowRequirement: Hashable, Sendable {
  case any
  case exactly(FlowType)
  /// Decided by another parameter of the same block: `set-whisper-flow`'s `role`.
  case byParameter(ParameterKey, [String: FlowType])
}

/// The type of a parameter value.
public indirect enum ValueType: Sendable {
  /// Any scalar, as text.
  case text
  /// A whole number in a range.
  case integer(ClosedRange<Int>)
  /// A duration in a range of seconds.
  case duration(ClosedRange<Int>)
  /// An E.164 phone number literal.
  case phoneNumber
  /// An attribute reference `$.…`.
  case attribute
  /// An attribute reference or an E.164 literal.
  case phoneOrAttribute
  /// An attribute reference or any scalar literal.
  case valueOrAttribute
  /// A DTMF key sequence: digits, `*` and `#`.
  case dtmf
  /// One of these words.
  case word([String])
  /// An ISO 3166-1 alpha-2 country code.
  case country
  /// The name of a resource of the project.
  case reference(ResourceKind)
  /// A list of values of one type.
  case list(ValueType)
  /// A mapping with these fields.
  case record([ParameterSpec])
  /// The conditions of `check-attribute`: a list of `{<operator>: value, goto: block}`.
  case conditions
  /// Any value, kept as written (the parameters of an Amazon Connect action with no block of
  /// its own).
  case any

  /// Whether a value of this type may be an attribute reference.
  public var mayHoldAttribute: Bool {
    switch self {
    case .attribute, .phoneOrAttribute, .valueOrAttribute, .conditions: true
    case .list(let element): element.mayHoldAttribute
    case .record(let fields): fields.contains { $0.type.mayHoldAttribute }
    case .text, .integer, .duration, .phoneNumber, .dtmf, .word, .country, .reference, .any: false
    }
  }

  /// Whether a value of this type names a flow.
  public var namesFlow: Bool {
    switch self {
    case .reference(.flow): true
    case .list(let element): element.namesFlow
    case .record(let fields): fields.contains { $0.type.namesFlow }
    default: false
    }
  }

  /// How the type is written in the docs and in messages.
  public var syntax: String {
    switch self {
    case .text: "text"
    case .integer(let r): r.upperBound == Int.max ? "integer ≥ \(r.lowerBound)" : "integer \(r.lowerBound)…\(r.upperBound)"
    case .duration(let r): "duration \(DurationSyntax.format(r.lowerBound))…\(DurationSyntax.format(r.upperBound))"
    case .phoneNumber: "E.164 number"
    case .attribute: "attribute `$.…`"
    case .phoneOrAttribute: "attribute or E.164 number"
    case .valueOrAttribute: "attribute or literal"
    case .dtmf: "DTMF keys"
    case .word(let words): words.map { "`\($0)`" }.joined(separator: " \\| ")
    case .country: "country code (ISO 3166 alpha-2)"
    case .reference(let kind): "\(kind.noun) name"
    case .list(let element): "list of \(element.syntax)"
    case .record: "mapping"
    case .conditions: "list of conditions"
    case .any: "any value"
    }
  }
}

/// One parameter a block kind takes. Immutable, and a class so that walking a row's
/// parameters costs a reference per parameter, not a copy of every field.
public final class ParameterSpec: Sendable {
  public let key: ParameterKey
  public let type: ValueType
  public let required: Bool
  public let summary: String
  /// The rule that reports a value of the wrong type or out of range, when not
  /// `invalid-value` (a callback's `max-retries` is `callback-retries-range`'s).
  public let rule: (any Rule)?

  /// The name as written.
  public var name: String { key.name }

  public init(_ key: ParameterKey, _ type: ValueType, required: Bool = false, rule: (any Rule)? = nil, _ summary: String) {
    self.key = key
    self.type = type
    self.required = required
    self.rule = rule
    self.summary = summary
  }
}

/// A parameter that becomes required when another has a given value: store-input's
/// `country` when `format` is `local`.
public struct ConditionalRequirement: Sendable {
  public let parameter: ParameterKey
  public let value: String
  public let requires: ParameterKey
  /// Why, for the note of the diagnostic.
  public let reason: String
}

/// Branches whose being unconnected a rule of its own reports, instead of
/// `unconnected-branch`: `check-call-progress`'s voicemail branches (`voicemail-unhandled`).
public struct BranchRule: Sendable {
  public let branches: [Branch]
  public let rule: any Rule
  /// What befalls a contact on those branches, for the diagnostic.
  public let consequence: String
  /// Why it matters, for the note.
  public let reason: String
}

/// What happens when a block succeeds.
public enum SuccessBehavior: Hashable, Sendable {
  /// The contact goes on to `next`, which must be given. `meaning` names the success case
  /// ("the number is valid") for kinds where `next` is one of several outcomes.
  case next(meaning: String?)
  /// The block routes only through its branches (and conditions); it takes no `next`.
  case branchesOnly
  /// The block hands the contact over (to a queue or another flow) and this flow ends;
  /// with these parameters given it continues at `next` instead.
  case handsOff(unlessGiven: ParameterKey?)
  /// The flow ends here.
  case terminal
  /// The block goes on at `next`, a condition or a branch, whichever it has; with none the
  /// flow ends (`connect-action`, whose ways on are the Amazon Connect action's).
  case open
}

/// What kind of thing a block does, for docs and diagrams.
public enum BlockCategory: String, CaseIterable, Sendable {
  case prompt
  case input
  /// Queues and transfers: what moves the contact on (`transfer-to-queue`, `transfer-to-flow`).
  case queue
  case callback
  case check
  case data
  case flowControl = "flow-control"
  case terminal
}

/// Everything the toolchain knows about one block kind: one row of the catalog. Immutable,
/// and a class so that handing a row around costs a reference, not a copy of every field.
public final class BlockSpec: Sendable {
  /// The kind's number in modules: explicit, so it stays whatever the order of the rows.
  public let code: Int
  public let category: BlockCategory
  public let summary: String
  public let parameters: [ParameterSpec]
  /// The parameter a scalar body stands for (`wait: 5m` is `wait: {duration: 5m}`).
  public let mainParameter: ParameterKey?
  /// Parameter groups of which at least one must be given.
  public let requiresOneOf: [[ParameterKey]]
  /// The same groups, by name as written.
  public let requiresOneOfNames: [[String]]
  /// Parameters required only when another parameter has a given value.
  public let requiresWhen: [ConditionalRequirement]
  /// When set, the body is a mapping of any names to values of this type (`set-attributes`).
  public let openParameters: ValueType?
  /// The branches besides `next`, in the order modules and docs list them.
  public let branches: [Branch]
  /// The branches' names.
  public let branchNames: [String]
  /// A parameter whose values are branch names too (`get-input`'s `options`).
  public let branchPerValueOf: ParameterKey?
  /// Whether the block takes branches of any name (`connect-action`: the action's error types).
  public let openBranches: Bool
  public let success: SuccessBehavior
  /// Who carries the block out: the VM, or its host with which action.
  public let execution: BlockExecution
  /// The host's action, when the host carries the block out.
  public let hostAction: HostAction?
  /// What the block does to the contact's state when it goes on at `next`.
  public let effects: [ContactEffect]
  /// The flow types that may use the block.
  public let allowedIn: Set<FlowType>
  /// The rule reporting the block outside `allowedIn`, when not `block-not-allowed`.
  public let placementRule: (any Rule)?
  /// The attributes the block writes: exact paths, or roots ending in `.*`.
  public let writes: [String]
  /// Branches a rule of their own requires to be connected.
  public let branchRules: [BranchRule]
  /// Whether `error` is among ``branches`` (so a flow's `on-error` applies).
  public let hasErrorBranch: Bool
  /// Whether the block takes `check-attribute`'s conditions.
  public let takesConditions: Bool
  /// Whether some parameter may hold an attribute reference (a block that reads attributes).
  public let mayReadAttributes: Bool
  /// Whether a parameter, nested ones included, names a flow (for the diagram's edges
  /// between flows).
  public let refersToFlows: Bool

  init(
    code: Int, _ category: BlockCategory, _ summary: String, parameters: [ParameterSpec] = [],
    main: ParameterKey? = nil, requiresOneOf: [[ParameterKey]] = [], requiresWhen: [ConditionalRequirement] = [],
    open: ValueType? = nil,
    branches: [Branch], branchPerValueOf: ParameterKey? = nil, openBranches: Bool = false, success: SuccessBehavior,
    execution: BlockExecution, effects: [ContactEffect] = [],
    allowedIn: Set<FlowType>, placementRule: (any Rule)? = nil, writes: [String] = [], branchRules: [BranchRule] = []
  ) {
    self.code = code
    self.category = category
    self.summary = summary
    self.parameters = parameters
    self.mainParameter = main
    self.requiresOneOf = requiresOneOf
    self.requiresOneOfNames = requiresOneOf.map { $0.map(\.name) }
    self.requiresWhen = requiresWhen
    self.openParameters = open
    self.branches = branches
    self.branchNames = branches.map(\.rawValue)
    self.branchPerValueOf = branchPerValueOf
    self.openBranches = openBranches
    self.success = success
    self.execution = execution
    if case .host(let action) = execution { hostAction = action } else { hostAction = nil }
    self.effects = effects
    // A module runs inside the flow that invokes it: what an inbound flow may do, it may.
    self.allowedIn = allowedIn.contains(.inbound) ? allowedIn.union([.module]) : allowedIn
    self.placementRule = placementRule
    self.writes = writes
    self.branchRules = branchRules
    self.hasErrorBranch = branches.contains(.error)
    self.takesConditions = parameters.contains {
      if case .conditions = $0.type { return true }
      return false
    }
    self.mayReadAttributes = open?.mayHoldAttribute ?? parameters.contains { $0.type.mayHoldAttribute }
    self.refersToFlows = parameters.contains { $0.type.namesFlow }
  }

  /// Everything a block of this kind may come to: `next`, then one per value of
  /// ``branchPerValueOf`` (`get-input`'s `options`), then ``branches``.
  public func outcomes(options: [String]) -> [Outcome] { [.next] + options.map(Outcome.option) + branches.map(Outcome.branch) }

  /// The names of ``outcomes(options:)``.
  public func outcomeNames(options: [String]) -> [String] { ["next"] + options + branchNames }

  /// The parameter `key`, if the kind takes it.
  public func parameter(_ key: ParameterKey) -> ParameterSpec? { parameters.first { $0.key == key } }

  /// The parameter named `name` as written, if the kind takes it.
  public func parameter(named name: String) -> ParameterSpec? { parameters.first { $0.name == name } }

  /// Whether the block kind takes a `next` at all (given `body` for hand-off kinds).
  public var takesNext: Bool {
    switch success {
    case .next, .handsOff(unlessGiven: .some), .open: true
    case .branchesOnly, .terminal, .handsOff(unlessGiven: nil): false
    }
  }
}
