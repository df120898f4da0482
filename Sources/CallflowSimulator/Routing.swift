/// A queue while the simulation runs.
struct QueueState {
  struct Entry: Comparable {
    var priority: Int
    var routingTime: Int
    var contact: Int
    var token: Int
    var enqueued: Int
    static func < (a: Entry, b: Entry) -> Bool {
      if a.priority != b.priority { return a.priority < b.priority }
      if a.routingTime != b.routingTime { return a.routingTime < b.routingTime }
      return a.contact < b.contact
    }
    static func == (a: Entry, b: Entry) -> Bool { a.contact == b.contact && a.token == b.token }
  }

  var heap = Heap<Entry>()
  /// Contacts in the queue, callbacks included.
  var size = 0
  /// Capacity held by callbacks waiting for their initial delay or a retry.
  var holding = 0
  /// Callbacks in the queue.
  var callbacks = 0
  var peakSize = 0
  var peakCallbacks = 0
  /// Every change of the real-time counts.
  var samples: [QueueSample] = []
  /// Bumped whenever its current entries change: a contact joins it, leaves it or moves in
  /// it. What is worked out of them at one version holds until the next.
  var version = 0
  /// Its metrics as worked out last (``Simulator/metrics(of:for:)``).
  var snapshot: MetricsSnapshot?
}

/// What `get-queue-metrics` works out of a queue's current entries, kept while they stay the
/// same: through the night a queue of waiting callbacks does not change between the reads of
/// their queue flows, 91,792 reads a simulated week of a queue of a few hundred.
struct MetricsSnapshot {
  /// The queue's ``QueueState/version`` it was worked out at.
  var version: Int
  /// When the oldest current entry joined the queue; `nil` when it has none.
  var oldest: Int?
  /// The current entries in routing order: sorted at the second read of one version, so
  /// that a position is found by halving rather than by counting.
  var sorted: [QueueState.Entry]?
}

/// The real-time counts of a queue from `time` on.
public struct QueueSample: Equatable, Sendable {
  public var time: Int
  /// Contacts in the queue, callbacks included.
  public var contacts: Int
  /// Callbacks waiting in the queue.
  public var callbacks: Int
}

/// An agent while the simulation runs.
struct AgentState {
  var name: String
  var profile: Int
  var online = false
  /// Their shift ended while they were busy: they leave after this contact.
  var leaving = false
  var contact: Int?
  var idleToken = 0
  var onlineSince = 0
  var busySince = 0
  var onlineTime = 0
  var busyTime = 0
  var handled = 0
}

extension Simulator {
  /// Whether queue `q` is full for contact `i` (whose own held place does not count).
  func isFull(_ q: Int, for i: Int) -> Bool {
    guard let capacity = center.queues[q].capacity else { return false }
    let own = contacts[i].holding == q ? 1 : 0
    return queues[q].size + queues[q].holding - own >= capacity
  }

  /// Contact `i` joins queue `q`, keeping its place (routing time) from before.
  /// `queueFlowLater`: the contact's queue flow is started from the agenda at this moment,
  /// not at once (the flow that put it here is that queue flow).
  mutating func enqueue(_ i: Int, _ q: Int, queueFlowLater: Bool = false) {
    contacts[i].queue = q
    if contacts[i].enqueued == nil { contacts[i].enqueued = now }
    contacts[i].inQueue = true
    contacts[i].queueToken += 1
    queues[q].version &+= 1
    // What it reads of the contact, read now: a copy of the contact kept while its flows run
    // would make them copy its extras.
    let method = contacts[i].method
    queues[q].heap.push(QueueState.Entry(priority: contacts[i].priority, routingTime: contacts[i].routingTime, contact: i, token: contacts[i].queueToken, enqueued: now))
    queues[q].size += 1
    if method.isQueuedCallback { queues[q].callbacks += 1 }
    queues[q].peakSize = max(queues[q].peakSize, queues[q].size)
    queues[q].peakCallbacks = max(queues[q].peakCallbacks, queues[q].callbacks)
    sample(q)
    if let a = contacts[i].reservedAgent, agents[a].contact == i {
      // A customer-first callback's customer answered: the agent held for them takes the call.
      contacts[i].reservedAgent = nil
      connect(a, i)
      return
    }
    for k in 0..<queueDelays[q].count { events.schedule(.routeCheck(queue: q), at: now + queueDelays[q][k]) }
    dispatch(q)
    guard contacts[i].inQueue else { return }
    if method.customerOnLine, !contacts[i].abandonScheduled {
      contacts[i].abandonScheduled = true
      if let patience = world.patience(label: contacts[i].label) { events.schedule(.abandon(contact: i), at: now + patience) }
    }
    // A contact back in its queue from its own queue flow (`decline-callback`) goes on in it.
    if let flow = queueFlow(of: i), running[i] == nil, performing != i {
      if queueFlowLater {
        events.schedule(.startQueueFlow(contact: i, token: contacts[i].token), at: now)
      } else {
        startFlow(i, flow, role: .queue)
      }
    }
  }

  /// Contact `i` leaves its queue (to an agent, or for good).
  mutating func removeFromQueue(_ i: Int) {
    guard contacts[i].inQueue, let q = contacts[i].queue else { return }
    contacts[i].inQueue = false
    contacts[i].queueToken += 1
    queues[q].version &+= 1
    queues[q].size -= 1
    if contacts[i].method.isQueuedCallback { queues[q].callbacks -= 1 }
    sample(q)
  }

  mutating func sample(_ q: Int) {
    let entry = QueueSample(time: now, contacts: queues[q].size, callbacks: queues[q].callbacks)
    if let last = queues[q].samples.last, last.time == now {
      queues[q].samples[queues[q].samples.count - 1] = entry
    } else {
      queues[q].samples.append(entry)
    }
  }

  func isCurrent(_ entry: QueueState.Entry) -> Bool {
    contacts[entry.contact].inQueue && contacts[entry.contact].queueToken == entry.token
  }

  /// Whether every entry of queue `q`'s heap is current, known without looking up their
  /// contacts: each contact in a queue has one current entry, so a heap with as many entries
  /// as the queue has contacts holds no stale one. A scan of the heap can then skip
  /// ``isCurrent(_:)``.
  func holdsNoStaleEntry(_ q: Int) -> Bool {
    let none = queues[q].heap.elements.count == queues[q].size
    assert(!none || queues[q].heap.elements.allSatisfy(isCurrent), "queue \(q)'s heap holds a stale entry but as many entries as contacts")
    return none
  }

  /// The contact queue `q` routes next to an agent whose profile gives it `delay`.
  mutating func head(of q: Int, delay: Int) -> QueueState.Entry? {
    while let top = queues[q].heap.min, !isCurrent(top) { queues[q].heap.pop() }
    guard delay > 0 else { return queues[q].heap.min }
    var best: QueueState.Entry?
    let allCurrent = holdsNoStaleEntry(q)
    for entry in queues[q].heap.elements where entry.enqueued + delay <= now && (allCurrent || isCurrent(entry)) {
      if best == nil || entry < best! { best = entry }
    }
    return best
  }

  /// What agent `a` takes next: the routing profile's queues by priority; among queues of
  /// equal priority, the contact with the higher routing priority, then the oldest routing
  /// time (a callback keeps its caller's).
  mutating func nextWork(for a: Int) -> Int? {
    // The profile's entries read in place at each use: held in a local across the mutating
    // `head(of:delay:)`, the array was retained and released for each agent routed.
    let p = agents[a].profile
    let count = center.routingProfiles[p].entries.count
    var k = 0
    while k < count {
      let priority = center.routingProfiles[p].entries[k].priority
      var best: QueueState.Entry?
      while k < count, center.routingProfiles[p].entries[k].priority == priority {
        let (queue, delay) = (center.routingProfiles[p].entries[k].queue, center.routingProfiles[p].entries[k].delay)
        // A queue whose hours are closed is not routed (``SimulationOptions/routingFollowsQueueHours``).
        if queueOpen[queue], let entry = head(of: queue, delay: delay), best.map({ entry < $0 }) ?? true {
          best = entry
        }
        k += 1
      }
      if let best { return best.contact }
    }
    return nil
  }

  /// Offers queue `q`'s contacts to the idle agents who serve it, longest idle first.
  mutating func dispatch(_ q: Int) {
    guard queueOpen[q] else { return }
    var tried: [Int] = []
    while queues[q].size > 0 {
      var pick: (profile: Int, agent: Int)?
      // By index: the loop over the array itself retained and released it at each dispatch.
      for k in 0..<center.profilesOfQueue[q].count {
        let p = center.profilesOfQueue[q][k]
        guard !tried.contains(p), let a = frontIdle(p) else { continue }
        if pick.map({ agents[a].onlineSince < agents[$0.agent].onlineSince }) ?? true { pick = (p, a) }
      }
      guard let (p, a) = pick else { return }
      guard let i = nextWork(for: a) else {
        tried.append(p)
        continue
      }
      idleHead[p] += 1
      agents[a].idleToken += 1
      take(a, i)
    }
  }

  /// The longest idle agent of profile `p`.
  mutating func frontIdle(_ p: Int) -> Int? {
    while idleHead[p] < idle[p].count {
      let (a, token) = idle[p][idleHead[p]]
      if agents[a].idleToken == token, agents[a].online, agents[a].contact == nil { return a }
      idleHead[p] += 1
    }
    if idleHead[p] > 0 {
      idle[p].removeAll(keepingCapacity: true)
      idleHead[p] = 0
    }
    return nil
  }

  /// Agent `a` is free: they take the next contact, or wait for one.
  mutating func agentFree(_ a: Int) {
    if agents[a].contact != nil {
      agents[a].busyTime += now - agents[a].busySince
      setContact(a, nil)
    }
    guard agents[a].online else { return }
    if agents[a].leaving {
      goOffline(a)
      return
    }
    if let i = nextWork(for: a) {
      take(a, i)
      return
    }
    agents[a].idleToken += 1
    // `onlineSince` doubles as the time the agent became idle, for longest-idle routing.
    agents[a].onlineTime += now - agents[a].onlineSince
    agents[a].onlineSince = now
    idle[agents[a].profile].append((a, agents[a].idleToken))
    if idleHead[agents[a].profile] > 4096, idleHead[agents[a].profile] * 2 > idle[agents[a].profile].count {
      idle[agents[a].profile].removeFirst(idleHead[agents[a].profile])
      idleHead[agents[a].profile] = 0
    }
  }

  mutating func agentOn(_ a: Int) {
    guard !agents[a].online else {
      agents[a].leaving = false
      return
    }
    setOnline(a, true)
    agents[a].leaving = false
    agents[a].onlineSince = now
    agentFree(a)
  }

  mutating func agentOff(_ a: Int) {
    guard agents[a].online else { return }
    if agents[a].contact != nil {
      agents[a].leaving = true
    } else {
      goOffline(a)
    }
  }

  mutating func goOffline(_ a: Int) {
    agents[a].onlineTime += now - agents[a].onlineSince
    setOnline(a, false)
    agents[a].leaving = false
    agents[a].idleToken += 1
  }

  /// Agent `a` takes contact `i` from its queue.
  mutating func take(_ a: Int, _ i: Int) {
    removeFromQueue(i)
    contacts[i].dequeued = now
    if contacts[i].received == nil { contacts[i].received = now }
    // The customer-queue flow stops: the contact is with an agent now.
    contacts[i].token += 1
    if let slot = running.removeValue(forKey: i) {
      keepTrace(i, slot)
      recycle(consume slot)
    }
    setContact(a, i)
    agents[a].busySince = now
    switch contacts[i].method {
    case .callback: dialForAgent(a, i)
    case .customerFirstQueued: dialCustomerFirst(a, i)
    default: connect(a, i)
    }
  }

  /// Agent `a` talks to the customer of contact `i`, who is on the line.
  mutating func connect(_ a: Int, _ i: Int) {
    if contacts[i].inQueue {
      removeFromQueue(i)
      contacts[i].dequeued = now
    }
    if contacts[i].received == nil { contacts[i].received = now }
    setContact(a, i)
    contacts[i].agent = a
    contacts[i].connected = now
    contacts[i].handled = true
    agents[a].handled += 1
    whisper(agentWhisper(of: i), for: i)
    events.schedule(.agentDone(agent: a, contact: i), at: now + world.handleTime(agent: a, label: contacts[i].label))
  }

  /// Agent `a` is with contact `i` now, or with none: the counts of their profile follow.
  mutating func setContact(_ a: Int, _ i: Int?) {
    let wasAvailable = agents[a].online && agents[a].contact == nil
    agents[a].contact = i
    countStaffing(a, wasOnline: agents[a].online, wasAvailable: wasAvailable)
  }

  /// Agent `a` goes online or offline: the counts of their profile follow.
  mutating func setOnline(_ a: Int, _ online: Bool) {
    let was = (online: agents[a].online, available: agents[a].online && agents[a].contact == nil)
    agents[a].online = online
    countStaffing(a, wasOnline: was.online, wasAvailable: was.available)
  }

  private mutating func countStaffing(_ a: Int, wasOnline: Bool, wasAvailable: Bool) {
    let p = agents[a].profile
    let available = agents[a].online && agents[a].contact == nil
    if agents[a].online != wasOnline { profileStaffing[p].online += agents[a].online ? 1 : -1 }
    if available != wasAvailable { profileStaffing[p].available += available ? 1 : -1 }
  }

  /// A caller who waited as long as they would hangs up.
  mutating func abandon(_ i: Int) {
    guard !contacts[i].isFinished, contacts[i].agent == nil, contacts[i].inQueue || contacts[i].parked else { return }
    contacts[i].abandoned = true
    finish(i, .customerDisconnect)
  }
}
