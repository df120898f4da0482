import CallflowBytecode
import CallflowSemantics
import CallflowSyntax
import CallflowVM
import Foundation

/// How the simulator answers a block.
enum HostAnswer {
  case answer(HostResult)
  /// The flow waits for the clock: a `resume` event is scheduled.
  case suspend
}

extension Simulator {
  /// Carries out a block of contact `i`'s flow: the simulator is the VM's host.
  /// The flow's state is read from `slot` only where a block needs it.
  mutating func perform(_ call: HostCall, contact i: Int, slot: VMSlot) -> HostAnswer {
    let role = slot.role
    // No writes is `Attributes()`, the empty array's shared storage, not the literal `[:]`:
    // a literal goes through `init(dictionaryLiteral:)` for each answer (188,449 a day).
    func answer(_ outcome: Outcome, writes: Attributes = Attributes()) -> HostAnswer { .answer(HostResult(outcome, writes: writes)) }
    let label = contacts[i].label
    switch call.action {
    case .getInput:
      let key = world.input(label: label, call: call)
      let outcome: Outcome
      if let key {
        outcome = call.list(.options, contains: key) ? .option(key) : .branch(.noMatch)
      } else {
        outcome = .branch(.timeout)
      }
      return after(ivr(call, .prompt, answered: key != nil), i, role: role, HostResult(outcome))
    case .storeInput:
      let text = world.input(label: label, call: call)
      let seconds = ivr(call, .prompt, answered: text != nil)
      guard let text, HostChecks.acceptsInput(text, call: call) else { return after(seconds, i, role: role, HostResult(.branch(.error))) }
      return after(seconds, i, role: role, HostResult(.next, writes: storedInput.filled { _ in text }))
    case .validatePhone:
      return answer(HostChecks.isValidPhone(call.text(.value) ?? "", call: call) ? .next : .branch(.invalid))
    case .setCallbackNumber:
      return answer(HostChecks.isE164(call.text(.value) ?? "") ? .next : .branch(.invalidNumber))
    case .checkHours:
      switch hoursOfCall(call) {
      // Without `hours` the queue's hours are meant; the simulator's queues are always open.
      case .unnamed: return answer(.next)
      case .missing: return answer(.branch(.error))
      case .index(let k): return answer(hours[k].isOpen(at: now) ? .next : .branch(.outOfHours))
      }
    case .wait:
      guard role != .whisper, case .duration(let seconds)? = call.argument(.duration) else { return answer(.next) }
      events.schedule(.resume(contact: i, token: contacts[i].token), at: now + seconds)
      return .suspend
    case .getQueueMetrics:
      let name = call.text(.queue) ?? slot.vm.state.queue ?? contacts[i].queue.map { center.queues[$0].name }
      guard let q = queueIndex(name) else { return answer(.branch(.error)) }
      return answer(.next, writes: metrics(of: q, for: i))
    case .customerProfileLookup:
      return .answer(profileAnswer(key: call.text(.key) ?? "", value: call.text(.value) ?? ""))
    case .checkCallProgress:
      return answer(contacts[i].answer.flatMap { call.outcome(named: $0.progress) } ?? .branch(.human))
    case .checkStaffing:
      let name = call.text(.queue) ?? slot.vm.state.queue
      guard let q = queueIndex(name) else { return answer(.branch(.error)) }
      let (available, online) = staffing(of: q)
      let yes = call.text(.status) == "available" ? available > 0 : online > 0
      return answer(yes ? .next : .branch(.false))
    case .setRoutingPriority:
      if case .integer(let priority)? = call.argument(.priority) { setPriority(i, priority) }
      return answer(.next)
    case .setCustomerQueueFlow:
      let row = extrasRow(of: i)
      extras[row].queueFlow = call.text(.flow)
      return answer(.next)
    case .setWhisperFlow:
      let row = extrasRow(of: i)
      if call.text(.role) == "outbound" { extras[row].outboundWhisper = call.text(.flow) } else { extras[row].agentWhisper = call.text(.flow) }
      return answer(.next)
    case .transferToQueue:
      if givesCallback(call) { return answer(requestCallback(i, call, slot: slot)) }
      let q: Int
      switch queueOfCall(call) {
      case .unnamed:
        guard let working = queueIndex(slot.vm.state.workingQueue) else { return answer(.branch(.error)) }
        q = working
      case .missing: return answer(.branch(.error))
      case .index(let named): q = named
      }
      guard !isFull(q, for: i) else {
        contacts[i].rejectedBy = q
        return answer(.branch(.atCapacity))
      }
      return answer(.next)
    case .createCallback:
      return answer(createCallbackBlock(i, call, slot: slot))
    case .startCallback:
      if contacts[i].inQueue {
        removeFromQueue(i)
        contacts[i].parked = true
      }
      return answer(.next)
    case .registerCallback:
      guard let q = queueIndex(call.text(.queue) ?? slot.vm.state.queue), let number = call.text(.number), !isFull(q, for: i) else {
        return answer(.branch(.error))
      }
      contacts[i].parked = false
      createCallback(from: i, slot: slot, settings: index(of: CallbackSettings()), number: number, queue: q, method: .callback, system: call.text(.ani))
      return answer(.next)
    case .declineCallback:
      if contacts[i].parked, let q = contacts[i].queue {
        contacts[i].parked = false
        enqueue(i, q)
      }
      return answer(.next)
    case .invokeLambda:
      let reply = world.lambda(call.text(.function) ?? "")
      let result = reply.fails
        ? HostResult(.branch(.error))
        : HostResult(.next, writes: Attributes(Dictionary(uniqueKeysWithValues: reply.results.map { ("$.External.\($0.key)", $0.value) })))
      return after(reply.latency, i, role: role, result)
    case .lexBot:
      // The caller's next input is what the bot recognizes: an intent the flow goes on with,
      // or anything else (or nothing) it does not match.
      let said = world.input(label: label, call: call)
      let seconds = ivr(call, .text, answered: said != nil)
      guard let said, case .list(let intents)? = call.argument(.intents), intents.contains(said) else {
        return after(seconds, i, role: role, HostResult(.branch(.noMatch)))
      }
      return after(seconds, i, role: role, HostResult(.option(said)))
    case .invokeModule:
      // The VM runs the module and comes back.
      return answer(.next)
    case .showView:
      // The agent takes the view's first action.
      guard case .list(let actions)? = call.argument(.actions), let first = actions.first else { return answer(.branch(.noMatch)) }
      return answer(.option(first))
    case .loopPrompts:
      // The messages play until the contact leaves the queue; with `interrupt`, the flow goes
      // on at `next` that often.
      guard role != .whisper else { return answer(.next) }
      if case .duration(let seconds)? = call.argument(.interrupt) {
        events.schedule(.resume(contact: i, token: contacts[i].token), at: now + seconds)
      }
      return .suspend
    case .playPrompt:
      return after(ivr(call, .text, answered: nil), i, role: role, HostResult(.next))
    case .setWorkingQueue, .sendMessage, .transferToFlow, .connectAction, .setContactOption:
      // No effect on the simulated world beyond what the VM keeps (the working queue, the
      // next flow): they succeed. An Amazon Connect action with no block of its own goes on
      // at its first way on. (``quietActions``: the VM goes on without asking.)
      return answer(.next)
    }
  }

  /// `create-callback`: a callback in the given queue (or the contact's), keeping the caller's
  /// place, skills and priority. Inside a customer-first outbound flow it recreates the
  /// customer-first callback.
  mutating func createCallbackBlock(_ i: Int, _ call: HostCall, slot: VMSlot) -> Outcome {
    let name = call.text(.queue) ?? contacts[i].queue.map { center.queues[$0].name } ?? slot.vm.state.workingQueue
    guard let q = queueIndex(name), !isFull(q, for: i) else { return .branch(.error) }
    let number = call.text(.number) ?? slot.vm.state.callbackNumber ?? contacts[i].customer
    if contacts[i].method == .customerFirstDialed, let settings = callbackSettings(i) {
      createCallback(from: i, slot: slot, settings: index(of: settings), number: number, queue: q, method: .customerFirstQueued, system: center.queues[q].callerNumber)
    } else {
      createCallback(from: i, slot: slot, settings: index(of: CallbackSettings()), number: number, queue: q, method: .callback, system: center.queues[q].callerNumber)
    }
    return .next
  }

  /// `set-routing-priority`: a contact in a queue moves to its new place at once.
  mutating func setPriority(_ i: Int, _ priority: Int) {
    contacts[i].priority = priority
    guard contacts[i].inQueue, let q = contacts[i].queue else { return }
    contacts[i].queueToken += 1
    queues[q].version &+= 1
    let c = contacts[i]
    queues[q].heap.push(QueueState.Entry(priority: c.priority, routingTime: c.routingTime, contact: i, token: c.queueToken, enqueued: c.enqueued ?? now))
  }

  /// The `$.Metrics.*` a `get-queue-metrics` of queue `q` writes for contact `i`.
  mutating func metrics(of q: Int, for i: Int) -> Attributes {
    // The contact's own place, when it waits in this queue: those before it, and itself.
    let mine = contacts[i].inQueue && contacts[i].queue == q
      ? QueueState.Entry(priority: contacts[i].priority, routingTime: contacts[i].routingTime, contact: i, token: 0, enqueued: 0) : nil
    let (position, oldest) = place(mine, of: i, in: q)
    assert((position, oldest) == count(mine, of: i, in: q), "queue \(q)'s kept metrics differ from its entries'")
    let (available, online) = staffing(of: q)
    // In the order of ``AttributeCatalog/metricFields``.
    let values = [position, queues[q].size, now - min(oldest ?? now, now), available, online]
    guard metricWrites.count == values.count else {
      metricWrites = metricAttributes.filled { decimalText(values[$0]) }
      return metricWrites
    }
    for k in values.indices { metricWrites.setValue(decimalText(values[k]), atPosition: k) }
    return metricWrites
  }

  /// Contact `i`'s position in queue `q` (0 when `mine` is `nil`: it is not in it), and when
  /// the queue's oldest current entry joined it: from the queue's snapshot while its entries
  /// stay the same, else counted.
  mutating func place(_ mine: QueueState.Entry?, of i: Int, in q: Int) -> (position: Int, oldest: Int?) {
    let version = queues[q].version
    guard let snapshot = queues[q].snapshot, snapshot.version == version else {
      let counted = count(mine, of: i, in: q)
      queues[q].snapshot = MetricsSnapshot(version: version, oldest: counted.oldest)
      return counted
    }
    guard let mine else { return (0, snapshot.oldest) }
    let sorted: [QueueState.Entry]
    if let kept = snapshot.sorted {
      sorted = kept
    } else {
      let allCurrent = holdsNoStaleEntry(q)
      sorted = queues[q].heap.elements.filter { allCurrent || isCurrent($0) }.sorted()
      queues[q].snapshot?.sorted = sorted
    }
    // Those before it (the order is total: one current entry a contact), then itself, which
    // sorts where `mine` would; anything else is counted.
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < mine { low = middle + 1 } else { high = middle }
    }
    guard low < sorted.count, sorted[low].contact == i else { return count(mine, of: i, in: q) }
    return (low + 1, snapshot.oldest)
  }

  /// Contact `i`'s position in queue `q` and the oldest entry's time, counted over its entries.
  func count(_ mine: QueueState.Entry?, of i: Int, in q: Int) -> (position: Int, oldest: Int?) {
    var position = 0
    var oldest: Int?
    let allCurrent = holdsNoStaleEntry(q)
    for entry in queues[q].heap.elements where allCurrent || isCurrent(entry) {
      oldest = min(oldest ?? entry.enqueued, entry.enqueued)
      if let mine, entry.contact == i || entry < mine { position += 1 }
    }
    return (position, oldest)
  }

  /// Agents free and agents online among those whose routing profile serves queue `q`.
  func staffing(of q: Int) -> (available: Int, online: Int) {
    var available = 0
    var online = 0
    for p in center.profilesOfQueue[q] {
      available += profileStaffing[p].available
      online += profileStaffing[p].online
    }
    assert(
      (available, online) == agents.reduce((0, 0)) { sum, agent in
        agent.online && center.profilesOfQueue[q].contains(agent.profile) ? (sum.0 + (agent.contact == nil ? 1 : 0), sum.1 + 1) : sum
      }, "the staffing counts differ from the agents'")
    return (available, online)
  }

  /// The seconds the caller spends at IVR block `call`, as the world times it: the words of
  /// its `key` parameter spoken (for `text`, else its SSML without tags, else the text of the
  /// center's prompt it names), then their answer or its timeout (`answered`: `nil` for a
  /// prompt alone).
  mutating func ivr(_ call: HostCall, _ key: ParameterKey, answered: Bool?) -> Int {
    guard world.timesIVR else { return 0 }
    var spoken = call.text(key)
    if spoken == nil, let ssml = call.text(.ssml) { spoken = ssml.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression) }
    if spoken == nil, call.action == .playPrompt, let name = call.text(.prompt) {
      spoken = program.module.resources.prompts.first { program.module.text($0.name) == name }.flatMap { program.module.text($0.text) }
    }
    let words = spoken.map { $0.split(whereSeparator: { $0.isWhitespace }).count } ?? 0
    let input: IVRInput? = answered.map { answered in
      guard !answered else { return .answered }
      if case .duration(let seconds)? = call.argument(.timeout) { return .unanswered(timeout: seconds) }
      return .unanswered(timeout: 5)
    }
    return world.ivrSeconds(words: words, input: input)
  }

  /// `result`, given `seconds` later when they are more than none (not in a whisper, which
  /// the agent's handle time covers): a Lambda function's latency, the time of an IVR block.
  mutating func after(_ seconds: Int, _ i: Int, role: FlowRole, _ result: HostResult) -> HostAnswer {
    guard seconds > 0, role != .whisper else { return .answer(result) }
    let row = extrasRow(of: i)
    extras[row].pendingResult = result
    events.schedule(.resume(contact: i, token: contacts[i].token), at: now + seconds)
    return .suspend
  }

  /// Whether hours `name` are open at `time`; `nil` when the module has no such hours.
  mutating func isOpen(_ name: String, at time: Int) -> Bool? {
    guard let k = hoursIndex(name) else { return nil }
    return hours[k].isOpen(at: time)
  }

  /// The index in ``hours`` of the module's hours named `name`, met for the first time or not;
  /// `nil` when the module has none of that name.
  mutating func hoursIndex(_ name: String) -> Int? {
    let found: Int?
    if let kept = hoursNamed.kept(name) {
      found = kept
    } else {
      found = HostChecks.hours(name, in: program.module).map { h in
        let zone = h.timezone.flatMap { program.module.text($0) }.flatMap(TimeZone.init(identifier:)) ?? .gmt
        hours.append(OpenHours(hours: h, offsets: ZoneOffsets(zone)))
        return hours.count - 1
      }
      hoursNamed.keep(name, found)
    }
    return found
  }

  /// Whether `call` is given a callback. A block's parameters are the same at every call
  /// (their values may not be), so it is worked out once for each instruction.
  mutating func givesCallback(_ call: HostCall) -> Bool {
    guard let pc = call.instruction else { return call.gives(.callback) }
    if let known = callbackGiven[pc] { return known }
    let gives = call.gives(.callback)
    callbackGiven[pc] = gives
    return gives
  }

  // `hoursOfCall` and `queueOfCall` are written out each: one helper given the table by key
  // path and the lookup by closure cost the simulated day 64 M instructions (6%).

  /// The hours `call` names (an index in ``hours``): worked out once for a block whose
  /// arguments are constants.
  mutating func hoursOfCall(_ call: HostCall) -> NamedResource {
    let constant = call.hasConstantArguments ? call.instruction : nil
    if let pc = constant, let known = hoursOfSite[pc] { return known }
    let k = call.text(.hours).map { hoursIndex($0).map(NamedResource.index) ?? .missing } ?? .unnamed
    if let pc = constant { hoursOfSite[pc] = k }
    return k
  }

  /// The queue `call` names: worked out once for a block whose arguments are constants.
  mutating func queueOfCall(_ call: HostCall) -> NamedResource {
    let constant = call.hasConstantArguments ? call.instruction : nil
    if let pc = constant, let known = queueOfSite[pc] { return known }
    let q = call.text(.queue).map { queueIndex($0).map(NamedResource.index) ?? .missing } ?? .unnamed
    if let pc = constant { queueOfSite[pc] = q }
    return q
  }

  /// The place in ``profileIndexes`` of the profiles indexed by `key`, indexed the first time.
  mutating func profileIndex(_ key: String) -> Int {
    if let k = profileIndexNamed.kept(key) { return k }
    // Past the cache, by the key itself: each key is indexed once however many are used.
    let k = profileIndexes.firstIndex { $0.key == key } ?? profileIndexes.count
    if k == profileIndexes.count { profileIndexes.append((key, ProfileIndex(key: key, in: program.module))) }
    profileIndexNamed.keep(key, k)
    return k
  }

  /// What a `customer-profile-lookup` of `value` by `key` answers, read from the index in
  /// place (a copy of the index counted a reference to its answers at each lookup).
  mutating func profileAnswer(key: String, value: String) -> HostResult {
    let k = profileIndex(key)
    return profileIndexes[k].index.answer(for: value)
  }

  /// The index of the queue named `name`, if the center has one.
  mutating func queueIndex(_ name: String?) -> Int? {
    guard let name else { return nil }
    return queuesNamed.value(of: name, in: center) { center, name in center.queue(named: name) }
  }

  /// The index of the flow named `name` in the program (-1 when it has none: the VM then
  /// reports it).
  mutating func flowIndex(_ name: String) -> Int {
    flowsNamed.value(of: name, in: program) { program, name in program.flow(named: name) } ?? -1
  }

  /// The flow that answers phone number `number`, if one does: its index in the program, or
  /// -1 when the program has no flow of the name center.yaml gives.
  mutating func flowIndex(answering number: String) -> Int? {
    flowsOfNumber.value(of: number, in: (center, program)) { context, number in
      context.0.flowOfNumber[number].map { context.1.flow(named: $0) ?? -1 }
    }
  }
}
