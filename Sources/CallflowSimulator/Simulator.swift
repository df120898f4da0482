import CallflowBytecode
import CallflowSyntax
import CallflowVM

/// What a simulation keeps and how far it runs.
public struct SimulationOptions: Sendable {
  /// Stop at this time (seconds); `nil`: when nothing is left to happen.
  public var until: Int?
  /// Record the blocks each contact passes through (for `path` expectations).
  public var tracePaths = false
  /// Keep each contact's attributes after it ends (for contact records).
  public var keepAttributes = false
  /// Seconds an agent spends leaving a message on a voicemail.
  public var voicemailSeconds = 60
  /// The most instructions a flow runs between two waits.
  public var stepBudget = 100_000
  /// The most events a run handles: a bound for flows that wait in a loop for ever.
  public var maxEvents = 20_000_000
  /// About how many contacts the run will create, so their storage is made once.
  public var expectedContacts = 0
  /// Whether agents take contacts from a queue only while its hours are open (a queue
  /// without hours is always open). Needs ``until``: the hours are followed up to it.
  public var routingFollowsQueueHours = false
  public init() {}
}

/// A problem a flow met at run time: the contact ends with `FLOW_ERROR`.
public struct SimulationIssue: Equatable, Sendable {
  public var time: Int
  public var label: Int
  public var contact: Int
  public var message: String
}

/// Something that happens at a moment of the simulation. Plain numbers only, so that the
/// agenda moves them cheaply.
/// How many times in a row a queue flow may put its contact back in a queue at one moment.
let maxRequeues = 100
/// How many slots of ended flows the simulator keeps for flows that start.
let maxSpareSlots = 64

enum SimulationEvent {
  /// The next caller (``Simulator/pendingArrival``) arrives.
  case arrival
  case resume(contact: Int, token: Int)
  case callbackDue(contact: Int)
  case routeCheck(queue: Int)
  /// A queue's hours open or close (``SimulationOptions/routingFollowsQueueHours``).
  case queueHours(queue: Int, open: Bool)
  case abandon(contact: Int)
  case expire(contact: Int)
  case agentOn(agent: Int)
  case agentOff(agent: Int)
  case agentDone(agent: Int, contact: Int)
  /// The agent's after-contact work ends.
  case afterContactWorkDone(agent: Int)
  case agentDialEnded(agent: Int, contact: Int)
  case customerDialEnded(contact: Int)
  case retry(contact: Int)
  /// The contact's queue flow starts (again), in the queue it was put back in by that flow.
  case startQueueFlow(contact: Int, token: Int)
}

/// A discrete-event simulation of the contact center running the module's flows for every
/// contact: a virtual clock, an agenda of events ordered by time and then by the order they
/// were scheduled, and the VM as each contact's flow. The same world and options give the same
/// run.
public struct Simulator {
  public let program: Program
  public let center: CenterModel
  /// The world outside the center. Held as any world rather than a generic parameter: the
  /// simulator's code is compiled once, not left generic for each world a client module uses
  /// (unspecialized, every access to its state went through run-time type metadata).
  public internal(set) var world: any World
  public let options: SimulationOptions
  /// The virtual clock.
  public internal(set) var now: Int
  /// Events handled so far.
  public internal(set) var eventsHandled = 0
  public internal(set) var issues: [SimulationIssue] = []

  var events = EventQueue<SimulationEvent>()
  /// The caller the agenda's `arrival` event brings.
  var pendingArrival: Arrival?
  /// The contact whose block is being carried out, if any: its flow is out of ``running``
  /// meanwhile, and must not be started again.
  var performing: Int?
  var contacts: [Contact] = []
  /// The flow each contact runs now, if any: only contacts in a flow have one.
  var running = RunningFlows()
  /// The settings of every callback created, which callbacks refer to by index.
  var settings: [CallbackSettings] = []
  var settingsIndex: [CallbackSettings: Int] = [:]
  /// The settings of each block whose callback's arguments are all constants, by instruction.
  var settingsOfBlock: [Int: Int] = [:]
  /// Whether each `transfer-to-queue` instruction met so far is given a callback.
  var callbackGiven = InstructionTable<Bool>()
  /// The hours each `check-hours` and the queue each `transfer-to-queue` with constant
  /// arguments names (``Simulator/hoursOfCall(_:)``, ``Simulator/queueOfCall(_:)``).
  var hoursOfSite = InstructionTable<NamedResource>()
  var queueOfSite = InstructionTable<NamedResource>()
  var queues: [QueueState]
  var agents: [AgentState] = []
  /// Idle agents of each routing profile, longest idle first (with stale entries skipped).
  var idle: [[(agent: Int, token: Int)]]
  var idleHead: [Int]
  /// Agents online, and online with no contact, in each routing profile.
  var profileStaffing: [(online: Int, available: Int)]
  /// The delays of each queue's routing profile entries that are above zero.
  let queueDelays: [[Int]]
  /// The module's hours as the simulator has met them, each with its zone's offsets, and
  /// their indexes by name (`nil`: the module has no hours of that name).
  var hours: [OpenHours] = []
  var hoursNamed = NameCache<Int?>()
  /// Queues and flows by name, as flows name them.
  var queuesNamed = NameCache<Int?>()
  /// The flow of each phone number as its index in the program (-1: a flow it does not have).
  var flowsOfNumber = NameCache<Int?>()
  var flowsNamed = NameCache<Int?>()
  /// Whether each queue's hours are open now, for routing.
  var queueOpen: [Bool]
  /// What contacts in flows and queues need, a row each (``Contact/extras``).
  var extras = ExtrasTable()
  /// Slots of flows that ended, whose VMs start the next flows (``startFlow(_:_:role:)``).
  var spareSlots: [VMSlot] = []
  /// The actions the simulator answers `next` to with no effect on its world: the VM goes on
  /// through them without asking (``VM/answeredWithoutHost``). A prompt takes no time unless
  /// the world times IVR blocks.
  let quietActions: HostActionSet
  /// The attributes every caller starts with: its number and the number it dialled.
  let endpoints = AttributeTemplate([AttributeCatalog.callerAddress, AttributeCatalog.dialledAddress])
  /// The attribute `store-input` writes.
  let storedInput = AttributeTemplate([AttributeCatalog.storedInput])
  /// The attributes `get-queue-metrics` writes.
  let metricAttributes = AttributeTemplate(AttributeCatalog.metricFields.map { "$.Metrics." + $0 })
  /// The last metrics written, whose values the next are written over: the VM has merged them
  /// by then, so their storage is this one's alone and no pair is made again.
  var metricWrites = Attributes()
  /// Whether each flow (by index) ends through ``quietActions`` alone, within the step
  /// budget (``Program/endsWithoutHost(flow:answering:within:)``): run as a whisper, it would
  /// change nothing, so it is not run unless paths are traced.
  let endsQuietly: [Bool]
  /// The profile lookups by each key flows have used, and their indexes by key.
  var profileIndexes: [(key: String, index: ProfileIndex)] = []
  var profileIndexNamed = NameCache<Int>()

  /// A simulation starting at `start` with `agents` on their schedules.
  public init(program: Program, center: CenterModel, world: some World, agents schedules: [AgentSchedule], start: Int, options: SimulationOptions = SimulationOptions()) {
    self.program = program
    self.center = center
    self.world = world
    self.options = options
    quietActions = HostActionSet(
      [.setWorkingQueue, .sendMessage, .transferToFlow, .connectAction, .setContactOption, .invokeModule] + (world.timesIVR ? [] : [.playPrompt]))
    endsQuietly = program.flowNames.indices.map { [quietActions] in program.endsWithoutHost(flow: $0, answering: quietActions, within: options.stepBudget) }
    now = start
    contacts.reserveCapacity(options.expectedContacts)
    running.reserveCapacity(options.expectedContacts)
    queues = Array(repeating: QueueState(), count: center.queues.count)
    queueOpen = Array(repeating: true, count: center.queues.count)
    idle = Array(repeating: [], count: center.routingProfiles.count)
    idleHead = Array(repeating: 0, count: center.routingProfiles.count)
    profileStaffing = Array(repeating: (0, 0), count: center.routingProfiles.count)
    var delays = Array(repeating: [Int](), count: center.queues.count)
    for profile in center.routingProfiles {
      for entry in profile.entries where entry.delay > 0 && !delays[entry.queue].contains(entry.delay) { delays[entry.queue].append(entry.delay) }
    }
    queueDelays = delays
    for (i, schedule) in schedules.enumerated() {
      agents.append(AgentState(name: schedule.name, profile: schedule.profile))
      for shift in schedule.shifts where !shift.isEmpty {
        events.schedule(.agentOn(agent: i), at: shift.lowerBound)
        events.schedule(.agentOff(agent: i), at: shift.upperBound)
      }
    }
    if options.routingFollowsQueueHours, let until = options.until { scheduleQueueHours(until: until) }
    if let first = self.world.nextArrival() {
      pendingArrival = first
      events.schedule(.arrival, at: first.time)
    }
  }

  /// Each queue's hours from now to `until`: whether they are open now, and an event at each
  /// minute they open or close (hours are written in minutes).
  mutating func scheduleQueueHours(until: Int) {
    for (q, queue) in center.queues.enumerated() {
      guard let name = queue.hours, var open = isOpen(name, at: now) else { continue }
      queueOpen[q] = open
      var t = (now / 60 + 1) * 60
      while t <= until {
        if let openNow = isOpen(name, at: t), openNow != open {
          open = openNow
          events.schedule(.queueHours(queue: q, open: open), at: t)
        }
        t += 60
      }
    }
  }

  /// Runs until nothing is left to happen or the clock reaches ``SimulationOptions/until``.
  /// `progress` is told the clock now and then.
  public mutating func run(progress: ((Int) -> Void)? = nil) {
    while let time = events.nextTime() {
      if let until = options.until, time > until { break }
      guard eventsHandled < options.maxEvents else {
        issues.append(SimulationIssue(time: now, label: -1, contact: -1, message: "stopped after \(options.maxEvents) events: flows that wait in a loop for ever?"))
        break
      }
      guard let (at, event) = events.next() else { break }
      now = at
      eventsHandled += 1
      if eventsHandled & 0xFFFF == 0 { progress?(now) }
      handle(event)
    }
    if let until = options.until, now < until { now = until }
    for a in agents.indices where agents[a].online { agents[a].onlineTime += now - agents[a].onlineSince }
    for a in agents.indices where agents[a].contact != nil { agents[a].busyTime += now - agents[a].busySince }
  }

  mutating func handle(_ event: SimulationEvent) {
    switch event {
    case .arrival:
      guard let arrival = pendingArrival else { return }
      pendingArrival = world.nextArrival()
      if let next = pendingArrival { events.schedule(.arrival, at: max(next.time, now)) }
      arrive(arrival)
    case .resume(let i, let token):
      guard contacts[i].token == token, running[i] != nil else { return }
      resumeWaiting(i)
    case .callbackDue(let i): callbackDue(i)
    case .routeCheck(let q): dispatch(q)
    case .startQueueFlow(let i, let token):
      guard contacts[i].token == token, contacts[i].inQueue, running[i] == nil, let flow = queueFlow(of: i) else { return }
      startFlow(i, flow, role: .queue)
    case .abandon(let i): abandon(i)
    case .expire(let i): expire(i)
    case .agentOn(let a): agentOn(a)
    case .agentOff(let a): agentOff(a)
    case .agentDone(let a, let i):
      if !contacts[i].isFinished { finish(i, .agentDisconnect) }
      // The agent stays busy with the contact through their after-contact work.
      let work = world.afterContactWork(agent: a)
      if work > 0 {
        events.schedule(.afterContactWorkDone(agent: a), at: now + work)
      } else {
        agentFree(a)
      }
    case .afterContactWorkDone(let a): agentFree(a)
    case .queueHours(let q, let open):
      queueOpen[q] = open
      if open { dispatch(q) }
    case .agentDialEnded(let a, let i): agentDialEnded(a, i)
    case .customerDialEnded(let i): customerDialEnded(i)
    case .retry(let i): retry(i)
    }
  }

  // MARK: Contacts and their flows

  /// A caller dials a number of the center.
  mutating func arrive(_ arrival: Arrival) {
    let i = contacts.count
    // Made in place: a copy of the contact left in this frame would make its flows copy its
    // extras at their first change.
    contacts.append(
      Contact(method: .inbound, label: arrival.label, initial: i, customer: arrival.from, system: arrival.to, initiated: now, routingTime: now))
    let row = extrasRow(of: i)
    extras[row].attributes.replaceAll(distinctNames: endpoints.names) { $0 == 0 ? arrival.from : arrival.to }
    guard let index = flowIndex(answering: arrival.to) else {
      issue(i, "no flow answers \(arrival.to): it is not among the phone numbers of center.yaml")
      finish(i, .flowError)
      return
    }
    // By index: the flow's name is looked up and hashed once per number, not once per call.
    if index >= 0 {
      startFlow(i, index, named: program.flowNames[index], role: .main)
    } else {
      startFlow(i, center.flowOfNumber[arrival.to] ?? "", role: .main)
    }
  }

  /// Starts `flow` for contact `i` and runs it until it waits or ends.
  mutating func startFlow(_ i: Int, _ flow: String, role: FlowRole) {
    startFlow(i, flowIndex(flow), named: flow, role: role)
  }

  /// Starts the flow at `index` in the program (-1: none), named `flow`, for contact `i`.
  mutating func startFlow(_ i: Int, _ index: Int, named flow: String, role: FlowRole) {
    do {
      // A spare slot's VM starts the flow in place, keeping its program and the storage of
      // its arrays; a spare another copy of the simulator also holds is not this one's.
      if var spare = spareSlots.popLast(), isKnownUniquelyReferenced(&spare) {
        try spare.vm.restart(flow: index, state: state(starting: flow, for: i))
        spare.role = role
        spare.traced = 0
        running[i] = spare
      } else {
        // The state and the VM are moved, not copied: a copy counts a reference to each part.
        var vm = try VM(program: program, flow: index, state: state(starting: flow, for: i))
        vm.stepBudget = options.stepBudget
        vm.answeredWithoutHost = quietActions
        vm.tracing = options.tracePaths
        running[i] = VMSlot(vm: consume vm, role: role)
      }
    } catch {
      issue(i, error.description)
      if role == .main { finish(i, .flowError) }
      return
    }
    drive(i)
  }

  /// Keeps the slot of a flow that ended for the next flow to start, when nothing else holds
  /// it: 140,000 flows start in two simulated days, and each made and freed a slot.
  mutating func recycle(_ slot: consuming VMSlot) {
    guard spareSlots.count < maxSpareSlots, isKnownUniquelyReferenced(&slot) else { return }
    spareSlots.append(consume slot)
  }

  /// A `wait` is over: the contact's flow goes on.
  mutating func resumeWaiting(_ i: Int) {
    guard let slot = running[i] else { return }
    do {
      try slot.vm.resume(pendingResult(of: i) ?? HostResult(.next))
      if let row = contacts[i].extras { extras[row].pendingResult = nil }
    } catch {
      running[i] = nil
      stopped(i, slot, error)
      return
    }
    drive(i)
  }

  /// Runs contact `i`'s flow until it waits for the clock or ends.
  mutating func drive(_ i: Int) {
    guard let slot = running.removeValue(forKey: i) else { return }
    let token = contacts[i].token
    while true {
      let event: VM.Event
      do {
        event = try slot.vm.advance()
      } catch {
        stopped(i, slot, error)
        recycle(consume slot)
        return
      }
      // Consumed: a copy of the event's call would count a reference to each of its parts.
      switch consume event {
      case .call(let call):
        let outer = performing
        performing = i
        let answer = perform(call, contact: i, slot: slot)
        performing = outer
        // The host's effect may have ended this flow: an agent took the contact, or it ended.
        guard contacts[i].token == token, !contacts[i].isFinished else {
          keepTrace(i, slot)
          recycle(consume slot)
          return
        }
        // Consumed, like the event: bound from a copy, the answer's writes were retained for
        // `resume` and the original released after it (280,147 answers a simulated day).
        switch consume answer {
        case .suspend:
          keepTrace(i, slot)
          running[i] = slot
          return
        case .answer(let result):
          do {
            try slot.vm.resume(result)
          } catch {
            stopped(i, slot, error)
            recycle(consume slot)
            return
          }
        }
      case .ended(let ending):
        keepTrace(i, slot)
        flowEnded(i, ending, slot: slot)
        recycle(consume slot)
        return
      }
    }
  }

  /// Contact `i`'s flow stopped with a runtime error: a contact waiting in a queue waits on
  /// there without its queue flow; any other ends.
  mutating func stopped(_ i: Int, _ slot: VMSlot, _ error: RuntimeError) {
    keepTrace(i, slot)
    issue(i, error.description)
    if slot.role == .main || !contacts[i].inQueue { finish(i, .flowError) }
  }

  /// Moves the blocks the VM traced since last time to the contact's path.
  mutating func keepTrace(_ i: Int, _ slot: VMSlot) {
    guard options.tracePaths else { return }
    let trace = slot.vm.trace
    let row = extrasRow(of: i)
    for step in trace[slot.traced...] {
      extras[row].path.append(PathStep(flow: step.flow, block: step.block, line: step.line, time: now))
    }
    slot.traced = trace.count
  }

  /// A flow of contact `i` ended.
  mutating func flowEnded(_ i: Int, _ ending: Ending, slot: VMSlot) {
    let role = slot.role
    // Moved to the contact, not copied: the flow is over, and a copy would count a reference
    // to each of the three only for the VM to release them.
    let kept = slot.vm.takeKept()
    let queued: Int?
    if case .queued(let name) = ending { queued = queueIndex(name ?? kept.workingQueue) } else { queued = nil }
    keep(i, attributes: kept.attributes, workingQueue: kept.workingQueue, callbackNumber: kept.callbackNumber)
    switch (role, ending) {
    case (_, .queued):
      guard let q = queued else {
        issue(i, "a transfer to a queue with no queue named and no working queue set")
        finish(i, .flowError)
        return
      }
      if role == .queue {
        // A queue flow that puts the contact back in a queue at once starts again there: one
        // that does nothing else would go round for ever without the clock moving.
        let row = extrasRow(of: i)
        extras[row].requeues = extras[row].requeuedAt == now ? extras[row].requeues + 1 : 1
        extras[row].requeuedAt = now
        guard extras[row].requeues <= maxRequeues else {
          issue(
            i,
            "customer-queue flow `\(slot.vm.state.flow)` put the contact back in a queue \(maxRequeues) times with no time passing: it was stopped (a `wait` in the flow lets the clock move)")
          finish(i, .flowError)
          return
        }
        if contacts[i].inQueue { removeFromQueue(i) }
      }
      release(i)
      // The queue flow starts again from the agenda, not from inside itself.
      enqueue(i, q, queueFlowLater: role == .queue)
    case (.main, .disconnected), (.main, .endedFlow):
      finish(i, .flowDisconnect)
    case (.main, .fellOff(let flow, let block, let line)):
      if contacts[i].rejectedBy != nil {
        // At capacity with nowhere to go: the caller hears a fast busy.
        finish(i, .queueAtCapacity)
      } else {
        issue(i, "flow `\(flow)` took a branch that goes nowhere after block `\(block)` (line \(line))")
        finish(i, .flowError)
      }
    case (.queue, .endedFlow):
      break  // the contact waits on in the queue, with music.
    case (.queue, .disconnected):
      // Leaving the queue without a callback to take its place is abandoning it.
      if !contacts[i].leftWithCallback { contacts[i].abandoned = true }
      finish(i, .flowDisconnect)
    case (.queue, .fellOff(let flow, let block, let line)):
      issue(i, "flow `\(flow)` took a branch that goes nowhere after block `\(block)` (line \(line))")
      finish(i, .flowError)
    case (.whisper, _):
      break
    }
  }

  /// Contact `i` ends now.
  mutating func finish(_ i: Int, _ reason: DisconnectReason) {
    guard !contacts[i].isFinished else { return }
    if contacts[i].inQueue { removeFromQueue(i) }
    release(i)
    contacts[i].waitingRetry = false
    contacts[i].parked = false
    contacts[i].disconnected = now
    contacts[i].reason = reason
    contacts[i].token += 1
    if let slot = running.removeValue(forKey: i) {
      keepTrace(i, slot)
      recycle(consume slot)
    }
    dropExtras(of: i)
    // A customer-first callback that ended before an agent took it frees the agent held for it.
    if let a = contacts[i].reservedAgent, agents[a].contact == i, contacts[i].agent == nil {
      contacts[i].reservedAgent = nil
      agentFree(a)
    }
  }

  /// Gives back the queue capacity contact `i` holds while outside the queue.
  mutating func release(_ i: Int) {
    if let q = contacts[i].holding {
      queues[q].holding -= 1
      contacts[i].holding = nil
    }
  }

  mutating func issue(_ i: Int, _ message: String) {
    issues.append(SimulationIssue(time: now, label: contacts[i].label, contact: i, message: message))
  }

  /// Runs a whisper flow to its end at once: what the agent or the customer hears.
  mutating func whisper(_ flow: String?, for i: Int) {
    guard let flow else { return }
    let index = flowIndex(flow)
    // A whisper that only plays prompts the world does not time has nothing to show but its path.
    if !options.tracePaths, endsQuietly.indices.contains(index), endsQuietly[index] { return }
    do {
      var vm = try VM(program: program, flow: index, state: ContactState(flow: flow, attributes: attributes(of: i)))
      vm.stepBudget = options.stepBudget
      vm.answeredWithoutHost = quietActions
      vm.tracing = options.tracePaths
      let slot = VMSlot(vm: consume vm, role: .whisper)
      while case .call(let call) = try slot.vm.advance() {
        guard case .answer(let result) = perform(call, contact: i, slot: slot) else { break }
        try slot.vm.resume(result)
      }
      keepTrace(i, slot)
    } catch {
      issue(i, error.description)
    }
  }
}

/// Each contact's running flow, by the contact's index: contacts are numbered from 0 as they
/// come, so an array does, with no hashing of the index.
struct RunningFlows {
  private var slots: [VMSlot?] = []

  /// Contact `i`'s running flow; setting one for a contact beyond the end makes room.
  subscript(i: Int) -> VMSlot? {
    get { i < slots.count ? slots[i] : nil }
    set {
      if i >= slots.count {
        guard newValue != nil else { return }
        slots.append(contentsOf: repeatElement(nil, count: i - slots.count + 1))
      }
      slots[i] = newValue
    }
  }

  /// Contact `i`'s running flow, which it no longer has.
  mutating func removeValue(forKey i: Int) -> VMSlot? {
    guard i < slots.count else { return nil }
    var slot: VMSlot?
    swap(&slot, &slots[i])
    return slot
  }

  /// Makes room for `count` contacts at once.
  mutating func reserveCapacity(_ count: Int) { slots.reserveCapacity(count) }
}

/// A contact's running flow, kept by reference: running it, and handing it from the agenda to
/// the host and back, moves no copy of the VM.
final class VMSlot {
  // Only the simulator's one thread touches a slot, never two accesses at once: the run-time
  // exclusivity check would cost more than running most blocks.
  @exclusivity(unchecked) var vm: VM
  var role: FlowRole
  /// How many of the VM's trace steps are already on the contact's path.
  var traced = 0

  init(vm: VM, role: FlowRole) {
    self.vm = vm
    self.role = role
  }
}
