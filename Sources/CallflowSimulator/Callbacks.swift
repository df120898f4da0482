import CallflowSyntax
import CallflowVM

extension Simulator {
  /// The callback settings of contact `i`, if it is a callback.
  func callbackSettings(_ i: Int) -> CallbackSettings? { contacts[i].callback.map { settings[$0] } }

  /// The index of `settings` in ``settings``, added the first time: callbacks of one block
  /// share theirs.
  mutating func index(of settings: CallbackSettings) -> Int {
    if let known = settingsIndex[settings] { return known }
    self.settings.append(settings)
    settingsIndex[settings] = self.settings.count - 1
    return self.settings.count - 1
  }

  /// The index of the settings of call `call`'s callback: worked out once for a block whose
  /// arguments are all constants.
  mutating func settingsIndex(of call: HostCall) -> Int {
    guard call.hasConstantArguments, let instruction = call.instruction else { return index(of: Self.settings(of: call)) }
    if let known = settingsOfBlock[instruction] { return known }
    let k = index(of: Self.settings(of: call))
    settingsOfBlock[instruction] = k
    return k
  }

  /// The settings of a `transfer-to-queue` block's callback.
  static func settings(of call: HostCall) -> CallbackSettings {
    var settings = CallbackSettings()
    func seconds(_ key: ParameterKey) -> Int? {
      switch call.argument(key) {
      case .duration(let s)?, .integer(let s)?: s
      default: nil
      }
    }
    settings.initialDelay = seconds(CallbackKeys.initialDelay) ?? 0
    settings.maxRetries = seconds(CallbackKeys.maxRetries) ?? 0
    settings.retryInterval = seconds(CallbackKeys.retryInterval) ?? 0
    settings.expiry = min(seconds(CallbackKeys.expiry) ?? 7 * 86_400, 7 * 86_400)
    settings.customerFirst = call.text(CallbackKeys.dialMode) == "customer-first"
    settings.creationFlow = call.text(CallbackKeys.creationFlow)
    settings.outboundFlow = call.text(CallbackKeys.outboundFlow)
    return settings
  }

  /// A `transfer-to-queue` with a callback: the callback contact (C2) is created and the
  /// caller's flow goes on.
  mutating func requestCallback(_ i: Int, _ call: HostCall, slot: VMSlot) -> Outcome {
    let name = call.text(CallbackKeys.workingQueue) ?? call.text(.queue) ?? slot.vm.state.workingQueue ?? slot.vm.state.queue
    guard let q = queueIndex(name) else { return .branch(.error) }
    guard !isFull(q, for: i) else {
      contacts[i].rejectedBy = q
      return .branch(.atCapacity)
    }
    let k = settingsIndex(of: call)
    createCallback(
      from: i, slot: slot, settings: k, number: slot.vm.state.callbackNumber ?? contacts[i].customer, queue: q,
      method: settings[k].customerFirst ? .customerFirstQueued : .callback, system: center.queues[q].callerNumber)
    return .next
  }

  /// A callback for contact `i`'s customer in queue `q`: it keeps `i`'s place in line and
  /// routing priority, holds a place in `q` from now, is due after its initial delay and
  /// expires after its expiry.
  mutating func createCallback(
    from i: Int, slot: VMSlot, settings k: Int, number: String, queue q: Int, method: InitiationMethod, system: String?
  ) {
    let settings = self.settings[k]
    let j = contacts.count
    // The parent's fields read in place: the contact copied whole counted a reference to each
    // of its parts.
    var callback = Contact(
      method: method, label: contacts[i].label, initial: contacts[i].initial, previous: i, customer: number,
      system: system ?? contacts[i].system, initiated: now, routingTime: contacts[i].routingTime)
    callback.priority = contacts[i].priority
    callback.queue = q
    callback.callback = k
    callback.holding = q
    queues[q].holding += 1
    contacts.append(callback)
    let row = extrasRow(of: j)
    extras[row].attributes.replaceAll(with: slot.vm.state.attributes)
    extras[row].attributes[AttributeCatalog.callerAddress] = number
    extras[row].workingQueue = slot.vm.state.workingQueue
    extras[row].callbackNumber = number
    extras[row].agentWhisper = agentWhisper(of: i)
    extras[row].outboundWhisper = outboundWhisper(of: i)
    contacts[i].leftWithCallback = true
    if contacts[i].next == nil { contacts[i].next = j }
    // An expiry after the run's end cannot happen in it: the agenda need not carry it.
    if options.until.map({ now + settings.expiry <= $0 }) ?? true { events.schedule(.expire(contact: j), at: now + settings.expiry) }
    events.schedule(.callbackDue(contact: j), at: now + settings.initialDelay)
  }

  /// The initial delay is over: the creation flow runs (the callback is queued only if it
  /// transfers to a queue), or the callback joins its queue.
  mutating func callbackDue(_ j: Int) {
    guard !contacts[j].isFinished, let q = contacts[j].queue else { return }
    // The flow's name read from the settings in place: the settings copied out whole counted
    // a reference to each of their names.
    if let k = contacts[j].callback, let flow = settings[k].creationFlow {
      startFlow(j, flow, role: .main)
    } else {
      release(j)
      enqueue(j, q)
    }
  }

  /// Agent `a` accepted agent-first callback `i`: the customer is dialled.
  mutating func dialForAgent(_ a: Int, _ i: Int) {
    contacts[i].agent = a
    contacts[i].connected = now
    whisper(agentWhisper(of: i), for: i)
    let answer = world.dial(label: contacts[i].label)
    contacts[i].answer = answer
    contacts[i].attempts += 1
    contacts[i].connecting += answer.seconds
    events.schedule(.agentDialEnded(agent: a, contact: i), at: now + answer.seconds)
  }

  /// The dial of an agent-first callback was answered, or not. Voicemail counts as connected;
  /// only a ring with no answer is retried, at most `max-retries` times, `retry-interval` apart.
  mutating func agentDialEnded(_ a: Int, _ i: Int) {
    guard !contacts[i].isFinished, let answer = contacts[i].answer else {
      agentFree(a)
      return
    }
    switch answer {
    case .human:
      contacts[i].handled = true
      agents[a].handled += 1
      whisper(outboundWhisper(of: i), for: i)
      events.schedule(.agentDone(agent: a, contact: i), at: now + world.handleTime(agent: a, label: contacts[i].label))
    case .voicemailBeep, .voicemailNoBeep:
      contacts[i].handled = true
      agents[a].handled += 1
      events.schedule(.agentDone(agent: a, contact: i), at: now + options.voicemailSeconds)
    case .noAnswer:
      let settings = callbackSettings(i) ?? CallbackSettings()
      if contacts[i].attempts <= settings.maxRetries, let q = contacts[i].queue {
        contacts[i].waitingRetry = true
        contacts[i].holding = q
        queues[q].holding += 1
        events.schedule(.retry(contact: i), at: now + settings.retryInterval)
      } else {
        finish(i, .callbackNotAnswered)
      }
      agentFree(a)
    case .busy, .invalidNumber, .fax:
      finish(i, .callbackFailed)
      agentFree(a)
    }
  }

  /// The time between attempts is over: the callback is back in its queue, in its place.
  mutating func retry(_ i: Int) {
    guard !contacts[i].isFinished, contacts[i].waitingRetry, let q = contacts[i].queue else { return }
    contacts[i].waitingRetry = false
    release(i)
    enqueue(i, q)
  }

  /// A callback no agent worked is deleted at its expiry (at most 7 days after creation).
  mutating func expire(_ i: Int) {
    guard !contacts[i].isFinished, !contacts[i].handled else { return }
    if let a = contacts[i].agent, agents[a].contact == i { return }  // being dialled now
    finish(i, .expired)
  }

  /// A customer-first callback (C2) reached an agent: C2 ends, and C3 dials the customer while
  /// the agent is held for them.
  mutating func dialCustomerFirst(_ a: Int, _ i: Int) {
    let j = contacts.count
    let c2 = contacts[i]
    var c3 = Contact(
      method: .customerFirstDialed, label: c2.label, initial: c2.initial, previous: i, customer: c2.customer,
      system: c2.queue.flatMap { center.queues[$0].callerNumber } ?? c2.system, initiated: now, routingTime: c2.routingTime)
    c3.priority = c2.priority
    c3.queue = c2.queue
    c3.callback = c2.callback
    c3.earlierQueueTime = c2.enqueued.map { now - $0 } ?? 0
    c3.reservedAgent = a
    let answer = world.dial(label: c2.label)
    c3.answer = answer
    c3.attempts = 1
    c3.connecting = answer.seconds
    contacts.append(c3)
    if let from = c2.extras {
      let row = extrasRow(of: j)
      extras[row].attributes = extras[from].attributes
      extras[row].workingQueue = extras[from].workingQueue
      extras[row].callbackNumber = extras[from].callbackNumber
      extras[row].agentWhisper = extras[from].agentWhisper
      extras[row].outboundWhisper = extras[from].outboundWhisper
    }
    contacts[i].next = j
    finish(i, .callbackDialed)
    setContact(a, j)
    events.schedule(.customerDialEnded(contact: j), at: now + answer.seconds)
  }

  /// C3's dial was answered or not: the outbound flow runs (its `check-call-progress` says
  /// which). If it ends without putting the customer through to a queue, the held agent is
  /// free (``finish(_:_:)``).
  mutating func customerDialEnded(_ j: Int) {
    guard !contacts[j].isFinished else { return }
    if contacts[j].answer?.connects == true { contacts[j].customerAnswered = now }
    if let flow = callbackSettings(j)?.outboundFlow {
      startFlow(j, flow, role: .main)
    } else if contacts[j].answer == .human, let q = contacts[j].queue {
      enqueue(j, q)
    } else {
      finish(j, .flowDisconnect)
    }
  }
}

/// The keys of a callback's settings (`callback.max-retries`), made once.
private enum CallbackKeys {
  static let initialDelay = ParameterKey.callback.field(.initialDelay)
  static let maxRetries = ParameterKey.callback.field(.maxRetries)
  static let retryInterval = ParameterKey.callback.field(.retryInterval)
  static let expiry = ParameterKey.callback.field(.expiry)
  static let dialMode = ParameterKey.callback.field(.dialMode)
  static let creationFlow = ParameterKey.callback.field(.creationFlow)
  static let outboundFlow = ParameterKey.callback.field(.outboundFlow)
  static let workingQueue = ParameterKey.callback.field(.workingQueue)
}
