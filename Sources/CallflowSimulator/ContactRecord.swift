import CallflowSyntax

/// A contact record, with the fields of the contact model (Docs/SIMULATOR.md): what a contact
/// center's reporting would keep of one contact. Times are seconds; ``json`` writes them as
/// ISO 8601 UTC.
public struct ContactRecord: Equatable, Sendable {
  public struct QueueInfo: Equatable, Sendable {
    public var name: String
    public var enqueued: Int?
    public var dequeued: Int?
    /// Seconds in the queue.
    public var duration: Int?
    /// For C3, its time in queue and C2's.
    public var callbackTotalQueueDuration: Int?
  }

  public var contactId: String
  public var initialContactId: String
  public var previousContactId: String?
  public var nextContactId: String?
  public var channel = "VOICE"
  public var initiationMethod: InitiationMethod
  public var initiated: Int
  public var connectedToSystem: Int?
  public var disconnected: Int?
  public var disconnectReason: DisconnectReason?
  public var customerEndpoint: String
  public var systemEndpoint: String
  public var queueInfo: QueueInfo?
  public var agent: String?
  public var connectedToAgent: Int?
  public var agentConnectionAttempts: Int
  public var answeringMachineDetectionStatus: String?
  /// Every value the flows set or read for the contact, by reference (`$.Attributes.tier`,
  /// `$.StoredCustomerInput`); the JSON record's `Attributes` has the `$.Attributes.*` ones.
  public var attributes: [String: String]
  /// Whether it left a queue unanswered, as the metrics count it.
  public var abandoned: Bool
  /// The scenario contact or generated caller it descends from.
  public var label: Int

  /// The id of the `i`th contact created in a run: deterministic, by creation order.
  public static func id(_ i: Int) -> String { "c-\(i + 1)" }

  /// The record as a JSON object, with the contact model's field names, `Scenario` and `Label`.
  public func json(scenario: String, label: String) -> JSONValue {
    func time(_ t: Int?) -> JSONValue { t.map { .string(Clock.iso($0)) } ?? .null }
    func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    let queue: JSONValue = queueInfo.map { q in
      .object([
        ("Name", .string(q.name)), ("EnqueueTimestamp", time(q.enqueued)), ("DequeueTimestamp", time(q.dequeued)),
        ("Duration", q.duration.map(JSONValue.number) ?? .null),
        ("CallbackTotalQueueDuration", q.callbackTotalQueueDuration.map(JSONValue.number) ?? .null),
      ])
    } ?? .null
    let agentInfo: JSONValue = agent.map { .object([("Name", .string($0)), ("ConnectedToAgentTimestamp", time(connectedToAgent))]) } ?? .null
    // A record's attributes are the contact attributes flows set: `$.Attributes.tier` is `tier`.
    let prefix = "$.Attributes."
    let attributeFields: [(String, JSONValue)] = attributes.keys.filter { $0.hasPrefix(prefix) }.sorted().compactMap { key in
      attributes[key].map { (String(key.dropFirst(prefix.count)), .string($0)) }
    }
    return .object([
      ("Scenario", .string(scenario)), ("Label", .string(label)),
      ("ContactId", .string(contactId)), ("InitialContactId", .string(initialContactId)),
      ("PreviousContactId", text(previousContactId)), ("NextContactId", text(nextContactId)),
      ("Channel", .string(channel)), ("InitiationMethod", .string(initiationMethod.rawValue)),
      ("InitiationTimestamp", time(initiated)), ("ConnectedToSystemTimestamp", time(connectedToSystem)),
      ("DisconnectTimestamp", time(disconnected)), ("DisconnectReason", text(disconnectReason?.rawValue)),
      ("CustomerEndpoint", .object([("Type", "TELEPHONE_NUMBER"), ("Address", .string(customerEndpoint))])),
      ("SystemEndpoint", .object([("Type", "TELEPHONE_NUMBER"), ("Address", .string(systemEndpoint))])),
      ("QueueInfo", queue), ("Agent", agentInfo), ("AgentConnectionAttempts", .number(agentConnectionAttempts)),
      ("AnsweringMachineDetectionStatus", text(answeringMachineDetectionStatus)),
      ("SegmentAttributes", initiationMethod == .customerFirstQueued || initiationMethod == .customerFirstDialed
        ? .object([("connect:TrafficType", "CUSTOMER_FIRST_CALLBACK")]) : .null),
      ("Attributes", .object(attributeFields)),
    ])
  }
}

extension Simulator {
  /// The number of contacts so far.
  public var contactCount: Int { contacts.count }

  /// Contact `i`'s record.
  public func record(_ i: Int) -> ContactRecord {
    let c = contacts[i]
    let queueInfo = c.queue.map { q -> ContactRecord.QueueInfo in
      let duration: Int? = c.enqueued.map { (c.dequeued ?? c.disconnected ?? now) - $0 }
      return ContactRecord.QueueInfo(
        name: center.queues[q].name, enqueued: c.enqueued, dequeued: c.dequeued, duration: duration,
        callbackTotalQueueDuration: c.method == .customerFirstDialed ? (duration ?? 0) + c.earlierQueueTime : nil)
    }
    // A callback waiting for its delay or a retry was never in the queue yet: no queue times.
    return ContactRecord(
      contactId: ContactRecord.id(i), initialContactId: ContactRecord.id(c.initial), previousContactId: c.previous.map(ContactRecord.id),
      nextContactId: c.next.map(ContactRecord.id), initiationMethod: c.method, initiated: c.initiated,
      connectedToSystem: c.method == .customerFirstDialed ? c.customerAnswered : c.method == .inbound ? c.initiated : nil,
      disconnected: c.disconnected, disconnectReason: c.reason, customerEndpoint: c.customer, systemEndpoint: c.system,
      queueInfo: c.enqueued == nil && c.method == .inbound ? nil : queueInfo, agent: c.agent.map { agents[$0].name },
      connectedToAgent: c.connected, agentConnectionAttempts: c.attempts,
      answeringMachineDetectionStatus: c.answer?.detectionStatus ?? (c.method == .inbound ? "AMD_NOT_APPLICABLE" : nil),
      attributes: attributes(of: i).dictionary, abandoned: c.abandoned, label: c.label)
  }

  /// Every contact's record, in creation order.
  public func records() -> [ContactRecord] { contacts.indices.map(record) }

  /// The contacts descending from caller `label`, in creation order.
  public func contacts(of label: Int) -> [Int] { contacts.indices.filter { contacts[$0].label == label } }

  /// The real-time counts of queue `q` over the run: one sample per change.
  public func samples(of q: Int) -> [QueueSample] { queues[q].samples }

  /// The most contacts and callbacks queue `q` held at once.
  public func peaks(of q: Int) -> (contacts: Int, callbacks: Int) { (queues[q].peakSize, queues[q].peakCallbacks) }

  /// Each agent's name, seconds online, seconds busy (with a contact) and contacts handled.
  public func agentTimes() -> [(name: String, online: Int, busy: Int, handled: Int)] {
    agents.map { ($0.name, $0.onlineTime, $0.busyTime, $0.handled) }
  }

  /// Each callback's (C2's) seconds from its creation to an agent talking to its customer
  /// (for a customer-first callback, to the agent taking the dialled C3); `nil` for a
  /// callback no agent talked to.
  public func callbackAnswerTimes() -> [Int?] {
    // By index, each field read in place: a contact bound whole is copied, its references
    // counted and released, for every contact of the run.
    contacts.indices.compactMap { i in
      let method = contacts[i].method
      guard method.isQueuedCallback else { return nil }
      let talked =
        method == .customerFirstQueued
        ? contacts[i].next.flatMap { contacts[$0].handled ? contacts[$0].connected : nil } : contacts[i].handled ? contacts[i].connected : nil
      return .some(talked.map { $0 - contacts[i].initiated })
    }
  }

  /// The order agents received contacts in: each contact an agent took, by the time one first
  /// took it.
  public func connections() -> [(contact: Int, time: Int)] {
    contacts.indices.compactMap { i in contacts[i].received.map { (i, $0) } }.sorted { ($0.time, $0.contact) < ($1.time, $1.contact) }
  }
}
