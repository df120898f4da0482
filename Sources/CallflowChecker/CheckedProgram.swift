import CallflowDiagnostics
import CallflowSyntax

/// A parameter value typed against the catalog.
public enum TypedValue: Sendable {
  case text(String)
  case integer(Int)
  /// Seconds.
  case duration(Int)
  case phoneNumber(String)
  case attribute(AttributePath)
  case word(String)
  case reference(ResourceKind, String)
  case list([Located<TypedValue>])
  case record([Argument])
  case conditions([Condition])
}

/// A named, typed parameter of a block.
public struct Argument: Sendable {
  public var name: Located<String>
  public var value: Located<TypedValue>
}

/// One condition of `check-attribute`, read once from the source: its operator, its operand
/// and the block it goes to. The checker's edges, the compiler's `compare` instructions and the
/// diagram all come from this one list, so a condition and its target cannot part. The
/// operator or operand is `nil` when what was written is not one (and was reported).
public struct Condition: Sendable {
  public var op: Located<ConditionOperator>?
  public var operand: Located<TypedValue>?
  public var target: Located<String>
  /// The label of the condition's edge: the operator and operand as written.
  public var label: String
}

/// A control-flow edge: the branch taken and the block it leads to.
public struct Edge: Sendable {
  public enum Source: Sendable {
    /// `next`.
    case next
    /// A branch of `on`.
    case branch
    /// A `goto` of a `check-attribute` condition.
    case condition
    /// An `error` branch not written in the block, sent to the flow's `on-error`.
    case onError
  }

  public var label: String
  public var source: Source
  /// The target as written (for `on-error` edges, the flow's `on-error` value).
  public var target: Located<String>
  /// The index of the target block, when it exists.
  public var targetIndex: Int?
}

/// A block after checking.
public struct CheckedBlock: Sendable {
  public var id: Located<String>
  /// The block's kind, or `nil` when the kind is not in the catalog.
  public var kind: BlockKind?
  public var kindSpan: SourceSpan
  public var arguments: [Argument]
  public var edges: [Edge]
  public var span: SourceSpan

  /// The argument named `name`, if given and well-typed.
  public func argument(_ name: String) -> Argument? { arguments.first { $0.name.value == name } }

  /// The argument `key`, if given and well-typed.
  public func argument(_ key: ParameterKey) -> Argument? { argument(key.name) }

  /// The block's conditions (`check-attribute`), in order: each with its operator, operand and
  /// target, as the edges of source `condition` list them.
  public var conditions: [Condition] { Self.conditions(in: arguments) }

  /// The conditions among a block's `arguments`.
  static func conditions(in arguments: [Argument]) -> [Condition] {
    for argument in arguments {
      if case .conditions(let conditions) = argument.value.value { return conditions }
    }
    return []
  }
}

/// A flow after checking: its blocks with typed arguments and resolved edges. Its parts are
/// kept behind one reference, so that the project's rules, which go over every flow many
/// times, copy a flow for one retain (a change writes a copy of its own).
public struct CheckedFlow: Sendable {
  // Internal, not `private`, as `FlowSyntax`'s storage (see there).
  final class Storage: @unchecked Sendable {
    // Changed only through a unique reference (copy on write), never by two accesses at once:
    // the run-time exclusivity check of each access is left out.
    @exclusivity(unchecked) var syntax: FlowSyntax
    @exclusivity(unchecked) var name: String?
    @exclusivity(unchecked) var type: FlowType?
    @exclusivity(unchecked) var blocks: [CheckedBlock]
    @exclusivity(unchecked) var start: Int?
    @exclusivity(unchecked) var onError: Int?
    @exclusivity(unchecked) var flowReferences: [Located<String>]
    @exclusivity(unchecked) var summary: Summary

    init(
      syntax: FlowSyntax, name: String?, type: FlowType?, blocks: [CheckedBlock], start: Int?, onError: Int?,
      flowReferences: [Located<String>], summary: Summary
    ) {
      self.syntax = syntax
      self.name = name
      self.type = type
      self.blocks = blocks
      self.start = start
      self.onError = onError
      self.flowReferences = flowReferences
      self.summary = summary
    }

    func copy() -> Storage {
      Storage(
        syntax: syntax, name: name, type: type, blocks: blocks, start: start, onError: onError, flowReferences: flowReferences,
        summary: summary)
    }
  }

  private var storage: Storage

  public init(
    syntax: FlowSyntax, name: String?, type: FlowType?, blocks: [CheckedBlock], start: Int?, onError: Int?,
    flowReferences: [Located<String>], summary: Summary = Summary()
  ) {
    storage = Storage(
      syntax: syntax, name: name, type: type, blocks: blocks, start: start, onError: onError, flowReferences: flowReferences,
      summary: summary)
  }

  /// The storage, copied first when another flow shares it.
  private var unique: Storage {
    mutating get {
      if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
      return storage
    }
  }

  /// Drops the syntax tree's blocks and comments, and the checked blocks unless
  /// `keepingBlocks`, keeping what the project's rules read (the summary, the name, the
  /// type): a check that needs no trees frees each flow's as soon as it is checked.
  public mutating func dropBody(keepingBlocks: Bool = false) {
    let box = unique
    if !keepingBlocks { box.blocks = [] }
    box.syntax = box.syntax.withoutBody
  }

  public var syntax: FlowSyntax {
    _read { yield storage.syntax }
    set { unique.syntax = newValue }
  }
  public var name: String? {
    _read { yield storage.name }
    set { unique.name = newValue }
  }
  public var type: FlowType? {
    get { storage.type }
    set { unique.type = newValue }
  }
  public var blocks: [CheckedBlock] {
    _read { yield storage.blocks }
    set { unique.blocks = newValue }
    _modify {
      let box = unique
      yield &box.blocks
    }
  }
  /// The index of the first block.
  public var start: Int? {
    get { storage.start }
    set { unique.start = newValue }
  }
  /// The index of the `on-error` block.
  public var onError: Int? {
    get { storage.onError }
    set { unique.onError = newValue }
  }
  /// The flows this flow refers to, with where.
  public var flowReferences: [Located<String>] {
    _read { yield storage.flowReferences }
    set { unique.flowReferences = newValue }
  }
  /// What the project-wide rules need to know of the flow.
  public var summary: Summary {
    _read { yield storage.summary }
    set { unique.summary = newValue }
    _modify {
      let box = unique
      yield &box.summary
    }
  }
}

extension CheckedFlow {
  /// What the project-wide rules need to know of a flow; kept when its blocks are dropped.
  public struct Summary: Equatable, Sendable {
    /// Each queue a callback from this flow goes to, where it is named, and the queues the
    /// contact may be in at that point (for priorities).
    public var callbackQueues: [CallbackQueueUse] = []
    /// The queues plain transfers put contacts in: this flow's inbound queues.
    public var inboundQueues: [Located<String>] = []
    /// The `transfer-to-flow` references `start` reaches without passing a block that waits
    /// for the clock or the caller.
    public var handsOffWithoutPause: [Located<String>] = []
    /// In a customer-queue flow that sets no other, the `transfer-to-queue` blocks `start`
    /// reaches without a pause, by their kind: each puts the contact back in a queue, where
    /// this flow starts again.
    public var requeuesWithoutPause: [SourceSpan] = []
    /// The customer-queue flows this flow sets for the queue it transfers to.
    public var queueFlows: [String] = []
    /// In a customer-queue flow, the callbacks that go to the queue the caller waits in
    /// (a `create-callback` with no `queue`), by where they are created.
    public var callbacksToWaitingQueue: [SourceSpan] = []
    /// Whether the paths from `start` reach a `transfer-to-queue` (for creation flows).
    public var queueing: Queueing = .never
    /// Whether a `check-attribute` is reachable (duplicate filtering in creation flows).
    public var checksAttributes = false
    /// How the flow handles call progress (for outbound flows).
    public var callProgress: CallProgress = .unchecked
    /// The contact attributes this flow writes: exact paths, or roots ending in `.*`.
    public var writtenAttributes: Set<String> = []
    /// Findings that stand only if nothing that runs before this flow provides what they miss.
    public var entryDependent: [EntryDependentDiagnostic] = []
    /// Where the flow's references to creation and outbound flows are.
    public var creationFlows: [Located<String>] = []
    public var outboundFlows: [Located<String>] = []

    public init() {}

    /// The summary of a flow that could not be read whole: nothing is reported against it.
    mutating func assumeWellFormed() {
      queueing = .always
      checksAttributes = true
      callProgress = .handled
    }
  }

  /// A queue a callback goes to.
  public struct CallbackQueueUse: Equatable, Sendable {
    public var queue: Located<String>
    /// The queues the contact may be in when it asks for the callback (in a customer-queue
    /// flow, empty: the queue it waits in, known project-wide).
    public var originalQueues: [String]
    /// Whether the caller waits in `originalQueues` when offered the callback; `false` when
    /// the flow offers it before queueing them, and they would wait there had they declined.
    public var callerQueued = true
  }

  /// Whether a flow's paths reach a `transfer-to-queue`.
  public enum Queueing: Equatable, Sendable {
    /// Every path from `start` passes one.
    case always
    /// Some path ends without one: the block it ends at and the path, for the note.
    case sometimes(end: Located<String>, path: String)
    /// No path reaches one.
    case never
  }

  /// How an outbound flow tells a person from a voicemail.
  public enum CallProgress: Equatable, Sendable {
    /// No reachable `check-call-progress`.
    case unchecked
    /// A `check-call-progress` whose `human` branch reaches no `transfer-to-queue`.
    case humanNotQueued(SourceSpan)
    /// Checked, and a person is put through to a queue.
    case handled
  }
}

/// A diagnostic that holds unless an earlier flow of the contact provides what it misses.
public struct EntryDependentDiagnostic: Equatable, Sendable {
  public enum Condition: Sendable, Hashable {
    /// Dropped when another flow hands the contact to this one.
    case enteredFromAnotherFlow
    /// Dropped when another flow hands the contact to this one and some other flow writes
    /// this attribute path.
    case attributeWrittenElsewhere(String)
  }

  public var unless: Condition
  public var diagnostic: Diagnostic
}
