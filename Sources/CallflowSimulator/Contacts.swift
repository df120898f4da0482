/// How a contact began, as contact records name it.
public enum InitiationMethod: String, Codable, Sendable, CaseIterable {
  case inbound = "INBOUND"
  /// An agent-first callback (also `create-callback` and `register-callback`).
  case callback = "CALLBACK"
  /// C2 of a customer-first callback: waits in the working queue.
  case customerFirstQueued = "CALLBACK_CUSTOMER_FIRST_QUEUED"
  /// C3 of a customer-first callback: the customer is dialled and the outbound flow runs.
  case customerFirstDialed = "CALLBACK_CUSTOMER_FIRST_DIALED"
  case outbound = "OUTBOUND"
  case transfer = "TRANSFER"

  /// Whether the contact is a callback waiting to be worked (C2, or an agent-first callback).
  var isQueuedCallback: Bool { self == .callback || self == .customerFirstQueued }
  /// Whether the customer is on the line while the contact waits in a queue.
  var customerOnLine: Bool { !isQueuedCallback }
}

/// How the customer's phone answers an outbound dial.
public enum DialAnswer: String, Codable, Sendable, CaseIterable {
  case human
  case voicemailBeep = "voicemail-beep"
  case voicemailNoBeep = "voicemail-no-beep"
  case noAnswer = "no-answer"
  case busy
  case invalidNumber = "invalid-number"
  case fax

  /// The `check-call-progress` branch it takes.
  public var progress: String {
    switch self {
    case .noAnswer: "unanswered"
    default: rawValue
    }
  }

  /// The record's `AnsweringMachineDetectionStatus`.
  public var detectionStatus: String {
    switch self {
    case .human: "HUMAN_ANSWERED"
    case .voicemailBeep: "VOICEMAIL_BEEP"
    case .voicemailNoBeep: "VOICEMAIL_NO_BEEP"
    case .noAnswer: "AMD_UNANSWERED"
    case .busy: "SIT_TONE_BUSY"
    case .invalidNumber: "SIT_TONE_INVALID_NUMBER"
    case .fax: "FAX_MACHINE_DETECTED"
    }
  }

  /// Whether the call connected: a person or a voicemail picked up.
  public var connects: Bool { self == .human || self == .voicemailBeep || self == .voicemailNoBeep }

  /// Seconds from dialling until the answer is known (Docs/SIMULATOR.md).
  public var seconds: Int {
    switch self {
    case .human, .voicemailBeep, .voicemailNoBeep: 10
    case .noAnswer: 30
    case .busy, .invalidNumber, .fax: 5
    }
  }
}

/// Why a contact ended, as its record says.
public enum DisconnectReason: String, Codable, Sendable {
  case customerDisconnect = "CUSTOMER_DISCONNECT"
  case agentDisconnect = "AGENT_DISCONNECT"
  case flowDisconnect = "CONTACT_FLOW_DISCONNECT"
  /// A callback no agent worked before its expiry.
  case expired = "EXPIRED"
  /// An agent-first callback that rang unanswered on its last attempt.
  case callbackNotAnswered = "CALLBACK_NOT_ANSWERED"
  /// An agent-first dial that reached a busy line, an invalid number or a fax (no retry).
  case callbackFailed = "CALLBACK_FAILED"
  /// A customer-first C2 whose customer was dialled (C3 goes on).
  case callbackDialed = "CALLBACK_DIALED"
  /// A queue was at capacity: the caller got a fast busy.
  case queueAtCapacity = "QUEUE_AT_CAPACITY"
  /// The flow took a branch that goes nowhere, or stopped with a runtime error.
  case flowError = "FLOW_ERROR"
}

/// A callback's settings, from its `transfer-to-queue` block or defaults.
struct CallbackSettings: Hashable, Sendable {
  var initialDelay = 0
  var maxRetries = 0
  var retryInterval = 0
  var customerFirst = false
  var creationFlow: String?
  var outboundFlow: String?
  var expiry = 7 * 86_400
}

/// Which of its flows a contact is running.
enum FlowRole: Sendable {
  /// Its own flow: the inbound flow, a callback's creation flow, C3's outbound flow.
  case main
  /// A customer-queue flow while it waits in a queue.
  case queue
  /// A whisper flow, run to its end when an agent connects.
  case whisper
}

/// One contact as the simulator keeps it. Records are made from it on demand, so it stays
/// for the whole run: its numbers are stored in 32 bits where they are indices and counts,
/// without an optional's extra word, and what only a contact in a flow or a queue needs
/// (``ContactExtras``) is in a row of the simulator's ``ExtrasTable``, given back when it ends
/// (Docs/PERFORMANCE.md).
struct Contact {
  var method: InitiationMethod
  var reason: DisconnectReason?
  var answer: DialAnswer?
  var inQueue = false
  var abandonScheduled = false
  var handled = false
  var abandoned = false
  var waitingRetry = false
  /// A callback was created or registered for it: leaving the queue is not abandoning.
  var leftWithCallback = false
  /// `start-callback` took it out of its queue, which `decline-callback` undoes.
  var parked = false
  /// The scenario contact (or generated caller) it descends from.
  @StoredCount var label: Int
  @StoredCount var initial: Int
  @StoredIndex var previous: Int?
  @StoredIndex var next: Int?
  /// The queue it was (or will be) in, for its record and the metrics.
  @StoredIndex var queue: Int?
  @StoredIndex var agent: Int?
  /// Its callback settings, an index into ``Simulator/settings``.
  @StoredIndex var callback: Int?
  /// The queue whose capacity it holds while not yet (or not now) in it.
  @StoredIndex var holding: Int?
  /// The queue that turned it away.
  @StoredIndex var rejectedBy: Int?
  /// The agent held for it while a customer-first callback's customer is dialled.
  @StoredIndex var reservedAgent: Int?
  /// Routing priority within a queue (`set-routing-priority`); 1 first, 5 by default.
  @StoredCount var priority = 5
  /// Bumped whenever an agent takes the contact or it ends: its flows and waits are over.
  @StoredCount var token = 0
  /// Bumped whenever it enters or leaves a queue, to tell stale queue entries.
  @StoredCount var queueToken = 0
  /// Seconds agents spent ringing the customer.
  @StoredCount var connecting = 0
  @StoredCount var attempts = 0
  /// Seconds spent in queues by the contacts before it (C2 for C3).
  @StoredCount var earlierQueueTime = 0
  var initiated: Int
  /// The time routing orders it by: the original call's start, which callbacks keep.
  var routingTime: Int
  @StoredTime var disconnected: Int?
  @StoredTime var enqueued: Int?
  @StoredTime var dequeued: Int?
  /// When an agent first took it from a queue.
  @StoredTime var received: Int?
  @StoredTime var connected: Int?
  @StoredTime var customerAnswered: Int?
  var customer: String
  var system: String
  /// Its row of ``Simulator/extras``; `nil` when it has none (or has ended).
  @StoredIndex var extras: Int?

  init(method: InitiationMethod, label: Int, initial: Int, previous: Int? = nil, customer: String, system: String, initiated: Int, routingTime: Int) {
    self.method = method
    self.label = label
    self.initial = initial
    self.previous = previous
    self.customer = customer
    self.system = system
    self.initiated = initiated
    self.routingTime = routingTime
  }

  var isFinished: Bool { disconnected != nil }
}

/// An index (of a contact, queue, agent) or none, in 32 bits.
@propertyWrapper struct StoredIndex {
  private var raw: Int32
  init(wrappedValue: Int?) { raw = wrappedValue.map { Int32(truncatingIfNeeded: $0) } ?? -1 }
  var wrappedValue: Int? {
    get { raw < 0 ? nil : Int(raw) }
    set { raw = newValue.map { Int32(truncatingIfNeeded: $0) } ?? -1 }
  }
}

/// A count, a small number or seconds of a duration, in 32 bits.
@propertyWrapper struct StoredCount {
  private var raw: Int32
  init(wrappedValue: Int) { raw = Int32(truncatingIfNeeded: wrappedValue) }
  var wrappedValue: Int {
    get { Int(raw) }
    set { raw = Int32(truncatingIfNeeded: newValue) }
  }
}

/// A moment or none, without an optional's extra word.
@propertyWrapper struct StoredTime {
  private var raw: Int
  init(wrappedValue: Int?) { raw = wrappedValue ?? .min }
  var wrappedValue: Int? {
    get { raw == .min ? nil : raw }
    set { raw = newValue ?? .min }
  }
}

/// A block a contact passed through.
public struct PathStep: Equatable, Sendable {
  public var flow: String
  public var block: String
  public var line: Int
  public var time: Int
}
