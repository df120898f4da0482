/// A contact's place in its flows: which flow, which instruction, its attributes, its loop
/// counters and whether a callback it started is pending. Codable, so that a contact waiting
/// for days survives a restart of its host.
public struct ContactState: Codable, Equatable, Sendable {
  /// The flow the contact is in, by name.
  public var flow: String
  /// The byte offset of the next instruction in that flow.
  public var offset: Int
  /// The flows it went through before this one (`transfer-to-flow`), oldest first.
  public var previousFlows: [String]
  /// Every attribute set so far, by reference (`$.Attributes.tier`, `$.StoredCustomerInput`).
  public var attributes: Attributes
  /// The counters of the current flow's `loop` blocks, by slot.
  public var loops: [Int]
  /// Whether a `start-callback` is waiting for its `register-callback` or `decline-callback`.
  public var callbackPending: Bool
  /// Instructions run so far.
  public var steps: Int
  /// Whether the contact waits for the host's answer to the block at ``offset``.
  public var waiting: Bool
  /// The queue of the last `transfer-to-queue` the host took the contact into.
  public var queue: String?
  /// The working queue `set-working-queue` set, which later transfers and callbacks use.
  public var workingQueue: String?
  /// The number `set-callback-number` set, which a callback dials.
  public var callbackNumber: String?
  /// Where each flow module the contact is in returns to (`invoke-module`), innermost last.
  public var returns: [ReturnPoint]
}

extension ContactState {
  // Decoded with defaults for what states saved before modules did not hold.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    flow = try c.decode(String.self, forKey: .flow)
    offset = try c.decode(Int.self, forKey: .offset)
    previousFlows = try c.decodeIfPresent([String].self, forKey: .previousFlows) ?? []
    attributes = try c.decodeIfPresent(Attributes.self, forKey: .attributes) ?? Attributes()
    loops = try c.decodeIfPresent([Int].self, forKey: .loops) ?? []
    callbackPending = try c.decodeIfPresent(Bool.self, forKey: .callbackPending) ?? false
    steps = try c.decodeIfPresent(Int.self, forKey: .steps) ?? 0
    waiting = try c.decodeIfPresent(Bool.self, forKey: .waiting) ?? false
    queue = try c.decodeIfPresent(String.self, forKey: .queue)
    workingQueue = try c.decodeIfPresent(String.self, forKey: .workingQueue)
    callbackNumber = try c.decodeIfPresent(String.self, forKey: .callbackNumber)
    returns = try c.decodeIfPresent([ReturnPoint].self, forKey: .returns) ?? []
  }

  /// A contact entering `flow` with `attributes`.
  public init(flow: String, attributes: Attributes = Attributes()) {
    self.init(flow: flow, attributes: attributes, queue: nil, workingQueue: nil, callbackNumber: nil)
  }

  /// A contact entering `flow` with what it already has: its attributes, the queue it is in,
  /// its working queue and its callback number.
  public init(flow: String, attributes: Attributes, queue: String?, workingQueue: String?, callbackNumber: String?) {
    // Through the memberwise initializer (these initializers are in an extension so that it
    // is made): assigning each property of `self` in turn made a copy of the whole state,
    // counting a reference to each of its parts, and freed the original.
    self.init(
      flow: flow, offset: 0, previousFlows: [], attributes: attributes, loops: [], callbackPending: false, steps: 0, waiting: false,
      queue: queue, workingQueue: workingQueue, callbackNumber: callbackNumber, returns: [])
  }
}

/// Where a flow module returns to: the invoking flow, at the block after the invocation.
public struct ReturnPoint: Codable, Equatable, Sendable {
  public var flow: String
  public var offset: Int
  /// The invoking flow's loop counters, kept while the module runs.
  public var loops: [Int]
}
