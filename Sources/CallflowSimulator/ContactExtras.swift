import CallflowVM

/// What only a contact in a flow or a queue needs, kept apart from ``Contact`` so that an
/// ended contact does not carry it: a row of the simulator's ``ExtrasTable``.
struct ContactExtras {
  /// What the host answers when the contact's flow resumes (a Lambda function's late answer).
  var pendingResult: HostResult?
  var queueFlow: String?
  var agentWhisper: String?
  var outboundWhisper: String?
  var callbackNumber: String?
  var workingQueue: String?
  /// How many times in a row its queue flow put it back in a queue with no time passing,
  /// and when the last time was: a queue flow that does so for ever is stopped.
  var requeues = 0
  var requeuedAt = -1
  var attributes = Attributes()
  var path: [PathStep] = []

  /// Drops what only a running contact needs, and its attributes and path unless asked to
  /// keep them; the storage of both stays for the row's next contact.
  mutating func empty(keepAttributes: Bool = false, keepPath: Bool = false) {
    pendingResult = nil
    queueFlow = nil
    agentWhisper = nil
    outboundWhisper = nil
    callbackNumber = nil
    workingQueue = nil
    requeues = 0
    requeuedAt = -1
    if !keepAttributes { attributes.removeAll(keepingCapacity: true) }
    if !keepPath, !path.isEmpty { path.removeAll(keepingCapacity: true) }
  }
}

/// The extras of the simulator's contacts, a row for each contact that has some. A contact
/// that ends gives its row back, emptied with its storage kept, for the next contact to need
/// one; so rows are as many as contacts in flows and queues at once, not contacts in the run.
///
/// Rows are values in one array: a contact's extras change in place, with no reference to
/// count (as a class of their own, each change retained and released them: 1.46 M times in two
/// simulated days), and a copy of the simulator has its own (Docs/PERFORMANCE.md, thirteenth
/// pass).
struct ExtrasTable {
  private var rows: [ContactExtras] = []
  /// Rows given back, emptied.
  private var free: [Int32] = []

  /// Rows in use or free.
  var count: Int { rows.count }

  /// A row for a contact: one given back, or a new one.
  mutating func make() -> Int {
    if let row = free.popLast() { return Int(row) }
    rows.append(ContactExtras())
    return rows.count - 1
  }

  /// Gives `row` back, emptied.
  mutating func giveBack(_ row: Int) {
    rows[row].empty()
    free.append(Int32(truncatingIfNeeded: row))
  }

  subscript(row: Int) -> ContactExtras {
    _read { yield rows[row] }
    _modify { yield &rows[row] }
  }
}

extension Simulator {
  /// Contact `i`'s row of extras, made when it has none.
  mutating func extrasRow(of i: Int) -> Int {
    if let row = contacts[i].extras { return row }
    let row = extras.make()
    contacts[i].extras = row
    return row
  }

  /// Contact `i` ended: its extras are dropped, but for the attributes and path its record
  /// is asked to keep.
  mutating func dropExtras(of i: Int) {
    guard let row = contacts[i].extras else { return }
    if options.keepAttributes || options.tracePaths {
      extras[row].empty(keepAttributes: options.keepAttributes, keepPath: options.tracePaths)
    } else {
      extras.giveBack(row)
      contacts[i].extras = nil
    }
  }

  /// Contact `i`'s attributes (none when it has no extras).
  func attributes(of i: Int) -> Attributes { contacts[i].extras.map { extras[$0].attributes } ?? Attributes() }
  /// The blocks contact `i` passed through, in order.
  public func path(_ i: Int) -> [PathStep] { contacts[i].extras.map { extras[$0].path } ?? [] }
  func queueFlow(of i: Int) -> String? { contacts[i].extras.flatMap { extras[$0].queueFlow } }
  func agentWhisper(of i: Int) -> String? { contacts[i].extras.flatMap { extras[$0].agentWhisper } }
  func outboundWhisper(of i: Int) -> String? { contacts[i].extras.flatMap { extras[$0].outboundWhisper } }
  func pendingResult(of i: Int) -> HostResult? { contacts[i].extras.flatMap { extras[$0].pendingResult } }

  /// The state contact `i` starts `flow` in, in `queue`, with what it keeps.
  func state(starting flow: String, for i: Int) -> ContactState {
    let queue = contacts[i].queue.map { center.queues[$0].name }
    guard let row = contacts[i].extras else {
      return ContactState(flow: flow, attributes: Attributes(), queue: queue, workingQueue: nil, callbackNumber: nil)
    }
    return ContactState(
      flow: flow, attributes: extras[row].attributes, queue: queue, workingQueue: extras[row].workingQueue, callbackNumber: extras[row].callbackNumber)
  }

  /// Keeps what a flow of contact `i` that ended leaves to its next flows: its attributes,
  /// working queue and callback number.
  mutating func keep(_ i: Int, attributes: consuming Attributes, workingQueue: consuming String?, callbackNumber: consuming String?) {
    let row = extrasRow(of: i)
    Self.keep(&extras[row], attributes: attributes, workingQueue: workingQueue, callbackNumber: callbackNumber)
  }

  private static func keep(
    _ extras: inout ContactExtras, attributes: consuming Attributes, workingQueue: consuming String?, callbackNumber: consuming String?
  ) {
    extras.attributes = attributes
    extras.workingQueue = workingQueue
    extras.callbackNumber = callbackNumber
  }
}
