/// The historical metrics of a queue (Docs/SIMULATOR.md defines each).
public enum Metric: String, CaseIterable, Sendable {
  case contactsCreated = "CONTACTS_CREATED"
  case contactsQueued = "CONTACTS_QUEUED"
  case contactsHandled = "CONTACTS_HANDLED"
  case contactsAbandoned = "CONTACTS_ABANDONED"
  case contactsRejected = "CONTACTS_REJECTED"
  case callbacksCreated = "CALLBACKS_CREATED"
  case callbacksHandled = "CALLBACKS_HANDLED"
  case callbacksExpired = "CALLBACKS_EXPIRED"
  case callbacksDropped = "CALLBACKS_DROPPED"
  case callbacksNotAnswered = "CALLBACKS_NOT_ANSWERED"
  case avgQueueAnswerTime = "AVG_QUEUE_ANSWER_TIME"
  case avgQueueAnswerTimeCustomerFirstCallback = "AVG_QUEUE_ANSWER_TIME_CUSTOMER_FIRST_CALLBACK"
  case avgAbandonTime = "AVG_ABANDON_TIME"
  case avgWaitTimeAfterCustomerConnection = "AVG_WAIT_TIME_AFTER_CUSTOMER_CONNECTION"
  case sumConnectingTimeAgent = "SUM_CONNECTING_TIME_AGENT"
  case serviceLevel = "SERVICE_LEVEL"
}

/// The counts and sums a queue's metrics are made of, over one interval.
public struct MetricTotals: Equatable, Sendable {
  public var created = 0, queued = 0, handled = 0, abandoned = 0, rejected = 0
  public var callbacksCreated = 0, callbacksHandled = 0, callbacksExpired = 0, callbacksDropped = 0, callbacksNotAnswered = 0
  public var answerTime = 0, answered = 0
  public var customerFirstAnswerTime = 0, customerFirstAnswered = 0
  public var abandonTime = 0
  public var waitAfterConnection = 0, connectedCustomers = 0
  public var connectingTime = 0
  /// Customers on the line answered within the service-level threshold, and those answered
  /// or abandoned.
  public var withinServiceLevel = 0, serviceLevelBase = 0

  public init() {}

  /// The value of `metric`; `nil` for an average of nothing.
  public func value(_ metric: Metric) -> Double? {
    func average(_ sum: Int, _ count: Int) -> Double? { count == 0 ? nil : Double(sum) / Double(count) }
    switch metric {
    case .contactsCreated: return Double(created)
    case .contactsQueued: return Double(queued)
    case .contactsHandled: return Double(handled)
    case .contactsAbandoned: return Double(abandoned)
    case .contactsRejected: return Double(rejected)
    case .callbacksCreated: return Double(callbacksCreated)
    case .callbacksHandled: return Double(callbacksHandled)
    case .callbacksExpired: return Double(callbacksExpired)
    case .callbacksDropped: return Double(callbacksDropped)
    case .callbacksNotAnswered: return Double(callbacksNotAnswered)
    case .avgQueueAnswerTime: return average(answerTime, answered)
    case .avgQueueAnswerTimeCustomerFirstCallback: return average(customerFirstAnswerTime, customerFirstAnswered)
    case .avgAbandonTime: return average(abandonTime, abandoned)
    case .avgWaitTimeAfterCustomerConnection: return average(waitAfterConnection, connectedCustomers)
    case .sumConnectingTimeAgent: return Double(connectingTime)
    case .serviceLevel: return serviceLevelBase == 0 ? nil : 100 * Double(withinServiceLevel) / Double(serviceLevelBase)
    }
  }

  public static func += (a: inout MetricTotals, b: MetricTotals) {
    a.created += b.created; a.queued += b.queued; a.handled += b.handled; a.abandoned += b.abandoned; a.rejected += b.rejected
    a.callbacksCreated += b.callbacksCreated; a.callbacksHandled += b.callbacksHandled; a.callbacksExpired += b.callbacksExpired
    a.callbacksDropped += b.callbacksDropped; a.callbacksNotAnswered += b.callbacksNotAnswered
    a.answerTime += b.answerTime; a.answered += b.answered
    a.customerFirstAnswerTime += b.customerFirstAnswerTime; a.customerFirstAnswered += b.customerFirstAnswered
    a.abandonTime += b.abandonTime; a.waitAfterConnection += b.waitAfterConnection; a.connectedCustomers += b.connectedCustomers
    a.connectingTime += b.connectingTime; a.withinServiceLevel += b.withinServiceLevel; a.serviceLevelBase += b.serviceLevelBase
  }
}

extension Simulator {
  /// Each queue's metric totals in intervals of `interval` seconds from `start` (one interval
  /// for the whole run when `nil`). Each count falls in the interval of its own moment: a
  /// contact handled at 10:20 that was created at 10:10 is created in one interval and handled
  /// in the next. Contacts before `start` or after the last interval are left out.
  public func totals(start: Int, interval: Int?, intervals: Int = 1, serviceLevel threshold: Int = 20) -> [[MetricTotals]] {
    let width = max(intervals, 1)
    // One flat table, written through one buffer: a nested array checked both its levels for
    // a unique reference at every count (600,000 checks a simulated day).
    var flat = [MetricTotals](repeating: MetricTotals(), count: width * center.queues.count)
    flat.withUnsafeMutableBufferPointer { table in
      count(into: table, width: width, start: start, interval: interval, intervals: intervals, threshold: threshold)
    }
    return (0..<center.queues.count).map { q in Array(flat[q * width..<(q + 1) * width]) }
  }

  /// Adds each contact's counts to `table`, queue `q`'s interval `b` at `q * width + b`.
  private func count(
    into table: UnsafeMutableBufferPointer<MetricTotals>, width: Int, start: Int, interval: Int?, intervals: Int, threshold: Int
  ) {
    // The entry of queue `q`'s table a moment `t` counts in; `nil` for a moment before `start`
    // or after the last interval. Each of a contact's moments is placed once, not at each
    // count it makes (a handled contact makes up to seven at its connection).
    func entry(_ q: Int, _ t: Int?) -> Int? {
      guard let t, t >= start else { return nil }
      guard let interval else { return q * width }
      let b = (t - start) / interval
      return b < intervals ? q * width + b : nil
    }
    // By index, each field read in place into a local: a contact bound whole is copied, its
    // references counted and released, for every contact of the run.
    for i in contacts.indices {
      let initiated = contacts[i].initiated
      let disconnected = contacts[i].disconnected
      if let q = contacts[i].rejectedBy, let e = entry(q, disconnected ?? initiated) { table[e].rejected += 1 }
      guard let q = contacts[i].queue else { continue }
      let method = contacts[i].method
      let enqueued = contacts[i].enqueued
      let connected = contacts[i].connected
      let callback = method.isQueuedCallback
      if let e = entry(q, initiated) {
        if enqueued != nil || callback { table[e].created += 1 }
        if callback { table[e].callbacksCreated += 1 }
      }
      if let e = entry(q, enqueued) { table[e].queued += 1 }
      if contacts[i].handled, let e = entry(q, connected) {
        table[e].handled += 1
        if callback || method == .customerFirstDialed { table[e].callbacksHandled += 1 }
        if let enqueued, let dequeued = contacts[i].dequeued {
          table[e].answerTime += dequeued - enqueued
          table[e].answered += 1
          if method.customerOnLine {
            table[e].serviceLevelBase += 1
            if dequeued - enqueued <= threshold { table[e].withinServiceLevel += 1 }
          }
        }
        if method == .customerFirstDialed, let connected {
          table[e].customerFirstAnswerTime += connected - initiated + contacts[i].earlierQueueTime
          table[e].customerFirstAnswered += 1
          if let answered = contacts[i].customerAnswered {
            table[e].waitAfterConnection += connected - answered
            table[e].connectedCustomers += 1
          }
        }
      }
      if contacts[i].abandoned, let d = disconnected, let e = entry(q, d) {
        table[e].abandoned += 1
        table[e].abandonTime += d - (enqueued ?? d)
        table[e].serviceLevelBase += 1
      }
      if let e = entry(q, disconnected) {
        switch contacts[i].reason {
        case .expired?: table[e].callbacksExpired += 1
        case .callbackNotAnswered?, .callbackFailed?: table[e].callbacksNotAnswered += 1
        case .flowDisconnect? where callback && enqueued == nil: table[e].callbacksDropped += 1
        default: break
        }
      }
      let connecting = contacts[i].connecting
      if connecting > 0, let e = entry(q, connected ?? initiated) { table[e].connectingTime += connecting }
    }
  }
}
