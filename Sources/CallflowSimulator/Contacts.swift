import CallflowVM
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
struct CallbackSettings: Sendable {
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

/// One contact as the simulator keeps it while it runs. Records are made from it on demand.
struct Contact {
  var method: InitiationMethod
  /// The scenario contact (or generated caller) it descends from.
  var label: Int
  var initial: Int
  var previous: Int?
  var next: Int?
  var customer: String
  var system: String
  var initiated: Int
  var disconnected: Int?
  var reason: DisconnectReason?
  /// The queue it was (or will be) in, for its record and the metrics.
  var queue: Int?
  var enqueued: Int?
  var dequeued: Int?
  /// The time routing orders it by: the original call's start, which callbacks keep.
  var routingTime: Int
  /// Routing priority within a queue (`set-routing-priority`); 1 first, 5 by default.
  var priority = 5
  var inQueue = false
  /// Bumped whenever an agent takes the contact or it ends: its flows and waits are over.
  var token = 0
  /// What the host answers when the contact's flow resumes (a Lambda function's late answer).
  var pendingResult: HostResult?
  /// Bumped whenever it enters or leaves a queue, to tell stale queue entries.
  var queueToken = 0
  var abandonScheduled = false
  var agent: Int?
  /// When an agent first took it from a queue.
  var received: Int?
  var connected: Int?
  var handled = false
  var abandoned = false
  /// Seconds agents spent ringing the customer.
  var connecting = 0
  var attempts = 0
  var answer: DialAnswer?
  var customerAnswered: Int?
  /// Seconds spent in queues by the contacts before it (C2 for C3).
  var earlierQueueTime = 0
  var queueFlow: String?
  var agentWhisper: String?
  var outboundWhisper: String?
  /// Its callback settings, an index into ``Simulator/settings``.
  var callback: Int?
  var callbackNumber: String?
  var workingQueue: String?
  /// The queue whose capacity it holds while not yet (or not now) in it.
  var holding: Int?
  var waitingRetry = false
  /// A callback was created or registered for it: leaving the queue is not abandoning.
  var leftWithCallback = false
  /// `start-callback` took it out of its queue, which `decline-callback` undoes.
  var parked = false
  /// The queue that turned it away.
  var rejectedBy: Int?
  /// How many times in a row its queue flow put it back in a queue with no time passing,
  /// and when the last time was: a queue flow that does so for ever is stopped.
  var requeues = 0
  var requeuedAt = -1
  var attributes: [String: String] = [:]
  var path: [PathStep] = []
  /// The agent held for it while a customer-first callback's customer is dialled.
  var reservedAgent: Int?

  var isFinished: Bool { disconnected != nil }
}

/// A block a contact passed through.
public struct PathStep: Equatable, Sendable {
  public var flow: String
  public var block: String
  public var line: Int
  public var time: Int
}
