/// A contact's place in its flows: which flow, which instruction, its attributes, its loop
/// counters and whether a callback it started is pending. Codable, so that a contact waiting
/// for days survives a restart of its host.
public struct ContactState: Codable, Equatable, Sendable {
  /// The flow the contact is in, by name.
  public var flow: String
  /// The byte offset of the next instruction in that flow.
  public var offset: Int
  /// The flows it went through before this one (`transfer-to-flow`), oldest first.
  public var previousFlows: [String] = []
  /// Every attribute set so far, by reference (`$.Attributes.tier`, `$.StoredCustomerInput`).
  public var attributes: [String: String] = [:]
  /// The counters of the current flow's `loop` blocks, by slot.
  public var loops: [Int] = []
  /// Whether a `start-callback` is waiting for its `register-callback` or `decline-callback`.
  public var callbackPending = false
  /// Instructions run so far.
  public var steps = 0
  /// Whether the contact waits for the host's answer to the block at ``offset``.
  public var waiting = false
  /// The queue of the last `transfer-to-queue` the host took the contact into.
  public var queue: String?
  /// The working queue `set-working-queue` set, which later transfers and callbacks use.
  public var workingQueue: String?
  /// The number `set-callback-number` set, which a callback dials.
  public var callbackNumber: String?

  public init(flow: String, attributes: [String: String] = [:]) {
    self.flow = flow
    offset = 0
    self.attributes = attributes
  }
}
