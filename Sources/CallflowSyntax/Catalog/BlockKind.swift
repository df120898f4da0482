import CallflowRules

/// Every block kind of the language. ``spec`` is the catalog: one row per kind, read by the
/// front ends, the checker, the docs and every later stage. Adding a block is adding a case
/// and its row here.
public enum BlockKind: String, CaseIterable, Hashable, Sendable {
  case playPrompt = "play-prompt"
  case getInput = "get-input"
  case storeInput = "store-input"
  case validatePhone = "validate-phone"
  case setCallbackNumber = "set-callback-number"
  case setWorkingQueue = "set-working-queue"
  case setAttributes = "set-attributes"
  case checkAttribute = "check-attribute"
  case setCustomerQueueFlow = "set-customer-queue-flow"
  case setWhisperFlow = "set-whisper-flow"
  case setRoutingPriority = "set-routing-priority"
  case transferToQueue = "transfer-to-queue"
  case getQueueMetrics = "get-queue-metrics"
  case wait
  case loop
  case checkCallProgress = "check-call-progress"
  case checkHours = "check-hours"
  case checkStaffing = "check-staffing"
  case sendMessage = "send-message"
  case customerProfileLookup = "customer-profile-lookup"
  case createCallback = "create-callback"
  case startCallback = "start-callback"
  case registerCallback = "register-callback"
  case declineCallback = "decline-callback"
  case transferToFlow = "transfer-to-flow"
  case disconnect
  case endFlow = "end-flow"
  case connectAction = "connect-action"
  case invokeLambda = "invoke-lambda"
  case showView = "show-view"
  case loopPrompts = "loop-prompts"
  case setLogging = "set-logging"
  case setRecording = "set-recording"
  case setMediaStreaming = "set-media-streaming"
  case setVoice = "set-voice"
  case setContactData = "set-contact-data"
  case setEventFlow = "set-event-flow"
  case invokeModule = "invoke-module"
  case endModule = "end-module"
  case lexBot = "lex-bot"

  /// The kinds that make a cycle wait for the caller or the clock, or bound it.
  public var pausesCycles: Bool {
    switch self {
    // An Amazon Connect action kept as it is may wait for the caller (a Lex bot, a view, a
    // menu): a cycle through one is not reported as spinning.
    case .wait, .getInput, .storeInput, .loop, .connectAction, .showView, .loopPrompts, .lexBot: true
    default: false
    }
  }

  /// The kind named `name`, if the catalog has it.
  public static func named(_ name: String) -> BlockKind? { byName[name] }

  private static let byName: [String: BlockKind] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

  /// The kind's number in modules, from its row: stable whatever the order of the cases.
  public var code: Int { spec.code }

  /// The kind numbered `code` in modules, if there is one.
  public static func decode(_ code: Int) -> BlockKind? { byCode[code] }

  private static let byCode: [Int: BlockKind] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.code, $0) })

  /// The kind's row of the catalog.
  public var spec: BlockSpec { Self.table[ordinal] }

  /// The rows in declaration order, found by the case's number: a lookup that hashes
  /// nothing, on every block of every stage.
  private static let table: [BlockSpec] = allCases.map(\.row)

  /// The case's number in declaration order (the order of `allCases`): a case without a
  /// payload is stored as that number.
  var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

  // The catalog.
  private var row: BlockSpec {
    let all = FlowType.all
    let contact = FlowType.contact
    let timeout = ParameterSpec(.timeout, .duration(1...180), "how long to wait for the caller's first key (default 5s)")
    switch self {
    case .playPrompt:
      return BlockSpec(
        code: 0, .prompt, "Plays a message to the contact.",
        parameters: [
          ParameterSpec(.text, .text, "the text to speak"),
          ParameterSpec(.ssml, .text, "the text to speak, as SSML (`<speak>…</speak>`)"),
          ParameterSpec(.prompt, .reference(.prompt), "a prompt of center.yaml to play instead"),
        ],
        main: .text, requiresOneOf: [[.text, .ssml, .prompt]], branches: [.error],
        success: .next(meaning: nil), execution: .host(.playPrompt), allowedIn: all)
    case .getInput:
      return BlockSpec(
        code: 1, .input, "Plays a prompt and collects one DTMF choice from a menu of options.",
        parameters: [
          ParameterSpec(.prompt, .text, required: true, "the menu to speak"),
          timeout,
          ParameterSpec(.options, .list(.dtmf), required: true, "the keys the caller may press; each is a branch"),
        ],
        branches: [.timeout, .noMatch, .error], branchPerValueOf: .options,
        success: .branchesOnly, execution: .host(.getInput), allowedIn: contact)
    case .storeInput:
      return BlockSpec(
        code: 2, .input, "Collects a number (digits or a phone number) and stores it in `$.StoredCustomerInput`.",
        parameters: [
          ParameterSpec(.prompt, .text, required: true, "what to ask for"),
          ParameterSpec(.kind, .word(["digits", "phone-number"]), required: true, "what is collected"),
          ParameterSpec(.format, .word(["local", "e164"]), "phone numbers: local (needs `country`) or E.164"),
          ParameterSpec(.country, .country, "the country of local phone numbers"),
          ParameterSpec(.maxDigits, .integer(1...20), "the most digits accepted"),
          timeout,
          ParameterSpec(.dtmf, .any, "how keys are read, as Amazon Connect's `DTMFConfiguration`"),
        ],
        requiresWhen: [
          ConditionalRequirement(
            parameter: .format, value: "local", requires: .country,
            reason: "local numbers are read in the country's format, e.g. `country: US`")
        ],
        branches: [.error], success: .next(meaning: nil), execution: .host(.storeInput), allowedIn: contact,
        writes: ["$.StoredCustomerInput"])
    case .validatePhone:
      return BlockSpec(
        code: 3, .check, "Checks that a value is a dialable phone number; `next` is the valid case.",
        parameters: [
          ParameterSpec(.value, .attribute, required: true, "the attribute holding the number"),
          ParameterSpec(.format, .word(["local", "e164"]), "the expected format"),
          ParameterSpec(.country, .country, "the country of local numbers"),
        ],
        main: .value, branches: [.invalid], success: .next(meaning: "the number is valid"),
        execution: .host(.validatePhone), allowedIn: contact)
    case .setCallbackNumber:
      return BlockSpec(
        code: 4, .callback, "Sets the number a callback will dial.",
        parameters: [ParameterSpec(.value, .attribute, required: true, "the attribute holding the number")],
        main: .value, branches: [.invalidNumber, .notDialable], success: .next(meaning: nil),
        execution: .host(.setCallbackNumber), effects: [.setsCallbackNumber(.value)], allowedIn: [.inbound, .customerQueue, .transferToQueue])
    case .setWorkingQueue:
      return BlockSpec(
        code: 5, .queue, "Sets the queue later transfers and callbacks use.",
        parameters: [
          ParameterSpec(.queue, .reference(.queue), "the queue"),
          ParameterSpec(.agent, .valueOrAttribute, "an agent, whose own queue is meant (an ARN or an attribute)"),
        ],
        main: .queue, requiresOneOf: [[.queue, .agent]], branches: [.error], success: .next(meaning: nil), execution: .host(.setWorkingQueue),
        effects: [.setsWorkingQueue(.queue)], allowedIn: contact)
    case .setAttributes:
      return BlockSpec(
        code: 6, .data, "Sets user attributes `$.Attributes.<name>`: a mapping of names to values.",
        open: .valueOrAttribute, branches: [.error], success: .next(meaning: nil), execution: .vm(.setAttributes), allowedIn: all,
        writes: ["$.Attributes.*"])
    case .checkAttribute:
      return BlockSpec(
        code: 7, .check, "Compares an attribute against conditions, tried in order; the first that holds picks the branch.",
        parameters: [
          ParameterSpec(.attribute, .attribute, required: true, "the attribute to test"),
          ParameterSpec(.conditions, .conditions, required: true, "`{<operator>: value, goto: block}` items"),
        ],
        branches: [.noMatch], success: .branchesOnly, execution: .vm(.compareConditions), allowedIn: all)
    case .setCustomerQueueFlow:
      return BlockSpec(
        code: 8, .flowControl, "Sets the flow that runs while the contact waits in queue.",
        parameters: [
          ParameterSpec(.flow, .reference(.flow(.exactly(.customerQueue))), required: true, "a `customer-queue` flow")
        ],
        main: .flow, branches: [.error], success: .next(meaning: nil),
        execution: .host(.setCustomerQueueFlow), allowedIn: [.inbound, .outbound, .transferToQueue])
    case .setWhisperFlow:
      return BlockSpec(
        code: 9, .flowControl, "Sets the whisper played to the agent or to the customer when they are joined.",
        parameters: [
          ParameterSpec(.role, .word(["agent", "outbound"]), required: true, "who hears the whisper"),
          ParameterSpec(
            .flow,
            .reference(.flow(.byParameter(.role, ["agent": .agentWhisper, "outbound": .outboundWhisper]))),
            required: true, "an `agent-whisper` or `outbound-whisper` flow, matching `role`"),
        ],
        branches: [.error], success: .next(meaning: nil), execution: .host(.setWhisperFlow), allowedIn: contact)
    case .setRoutingPriority:
      return BlockSpec(
        code: 10, .queue, "Changes the contact's priority in queue (1 is highest) or adjusts its age.",
        parameters: [
          ParameterSpec(.priority, .integer(1...99), "the new priority, 1 highest"),
          ParameterSpec(.ageAdjustment, .duration(0...604_800), "time added to the contact's age in queue"),
        ],
        main: .priority, requiresOneOf: [[.priority, .ageAdjustment]], branches: [.error],
        success: .next(meaning: nil), execution: .host(.setRoutingPriority), allowedIn: contact)
    case .transferToQueue:
      return BlockSpec(
        code: 11, .queue,
        "Puts the contact in a queue, or with `callback` queues a callback and continues at `next`.",
        parameters: [
          ParameterSpec(.queue, .reference(.queue), "the queue (default: the working queue)"),
          ParameterSpec(
            .callback,
            .record([
              ParameterSpec(
                .initialDelay, .duration(1...259_200), rule: CallbackIntervalRangeRule(),
                "from the request to queueing the callback (1s to 3d)"),
              ParameterSpec(
                .maxRetries, .integer(0...Int.max), rule: CallbackRetriesRangeRule(),
                "redials after no answer (2 means at most three calls)"),
              ParameterSpec(
                .retryInterval, .duration(1...259_200), rule: CallbackIntervalRangeRule(),
                "the minimum time between attempts (1s to 3d)"),
              ParameterSpec(.workingQueue, .reference(.queue), "the queue the callback waits in"),
              ParameterSpec(.creationFlow, .reference(.flow(.exactly(.inbound))), "an `inbound` flow run when the callback is created"),
              ParameterSpec(.dialMode, .word(["agent-first", "customer-first"]), "who is called first (default agent-first)"),
              ParameterSpec(.outboundFlow, .reference(.flow(.exactly(.outbound))), "the `outbound` flow of a customer-first callback"),
              ParameterSpec(
                .expiry, .duration(1...604_800), rule: CallbackIntervalRangeRule(),
                "when an unworked callback is deleted (at most 7d, the default)"),
            ]),
            "queue a callback instead of the caller"),
        ],
        main: .queue, branches: [.atCapacity, .error], success: .handsOff(unlessGiven: .callback),
        execution: .host(.transferToQueue), effects: [.entersQueue(.queue)], allowedIn: contact)
    case .getQueueMetrics:
      return BlockSpec(
        code: 12, .queue, "Reads the metrics of a queue into `$.Metrics.*`.",
        parameters: [ParameterSpec(.queue, .reference(.queue), "the queue (default: the current one)")],
        main: .queue, branches: [.error], success: .next(meaning: nil), execution: .host(.getQueueMetrics), allowedIn: all,
        // Every metric, Amazon Connect's paths too (`$.Metrics.Agents.Online.Count`).
        writes: ["$.Metrics.*"])
    case .wait:
      return BlockSpec(
        code: 13, .flowControl, "Waits (the caller hears the queue's music).",
        parameters: [ParameterSpec(.duration, .duration(1...604_800), required: true, "how long")],
        main: .duration, branches: [.error], success: .next(meaning: nil),
        execution: .host(.wait), allowedIn: [.inbound, .customerQueue, .outbound])
    case .loop:
      return BlockSpec(
        code: 14, .flowControl, "Takes `looping` a number of times, then `next`.",
        parameters: [ParameterSpec(.count, .integer(1...1_000), required: true, "how many times to loop")],
        main: .count, branches: [.looping], success: .next(meaning: "the loop is done"), execution: .vm(.countLoop), allowedIn: all)
    case .checkCallProgress:
      return BlockSpec(
        code: 15, .check, "Tells who answered an outbound call: a person, a voicemail, or nobody.",
        branches: [.human, .voicemailBeep, .voicemailNoBeep, .unanswered, .busy, .invalidNumber, .fax, .error],
        success: .branchesOnly, execution: .host(.checkCallProgress), allowedIn: [.outbound],
        branchRules: [
          BranchRule(
            branches: [.voicemailBeep, .voicemailNoBeep], rule: VoicemailUnhandledRule(),
            consequence: "a callback answered by a voicemail is dropped",
            reason: "a voicemail counts as connected and is never retried: recreate the callback (`create-callback`) or leave a message")
        ])
    case .checkHours:
      return BlockSpec(
        code: 16, .check, "Checks the hours of operation; `next` is the in-hours case.",
        parameters: [ParameterSpec(.hours, .reference(.hours), "hours of center.yaml (default: the working queue's hours)")],
        main: .hours, branches: [.outOfHours, .error], success: .next(meaning: "within the hours"),
        execution: .host(.checkHours), allowedIn: all)
    case .checkStaffing:
      return BlockSpec(
        code: 17, .check, "Checks whether agents are available, staffed or online; `next` is the true case.",
        parameters: [
          ParameterSpec(.queue, .reference(.queue), "the queue (default: the working queue)"),
          ParameterSpec(.status, .word(["available", "staffed", "online"]), "what to check (default available)"),
        ],
        main: .queue, branches: [.`false`, .error], success: .next(meaning: "agents are there"), execution: .host(.checkStaffing), allowedIn: all)
    case .sendMessage:
      return BlockSpec(
        code: 18, .prompt, "Sends an SMS or an email.",
        parameters: [
          ParameterSpec(.channel, .word(["sms", "email"]), required: true, "how to send"),
          ParameterSpec(.to, .valueOrAttribute, required: true, "the recipient: a number, an address or an attribute"),
          ParameterSpec(.text, .text, required: true, "the message"),
        ],
        branches: [.error], success: .next(meaning: nil), execution: .host(.sendMessage), allowedIn: all)
    case .customerProfileLookup:
      return BlockSpec(
        code: 19, .data, "Finds the customer's profile and writes its fields to `$.Customer.*`; `next` is one match.",
        parameters: [
          ParameterSpec(.key, .word(["phone", "name", "email", "account-id", "custom"]), required: true, "what to search by"),
          ParameterSpec(.value, .valueOrAttribute, required: true, "the value to search for"),
          ParameterSpec(.fields, .any, "the profile fields to read (Amazon Connect's `ProfileResponseData`)"),
        ],
        branches: [.multiple, .notFound, .error], success: .next(meaning: "exactly one profile matched"),
        execution: .host(.customerProfileLookup), allowedIn: all, writes: ["$.Customer.*"],
        branchRules: [
          BranchRule(
            branches: [.multiple], rule: ProfileMultipleUnhandledRule(),
            consequence: "a caller who matches several profiles is disconnected",
            reason: "several profiles can match one number (a family, a shared phone): ask for an account id, or go on without `$.Customer.*`")
        ])
    case .createCallback:
      return BlockSpec(
        code: 20, .callback, "Creates a callback that takes the caller's place in the queue (Genesys style).",
        parameters: [
          ParameterSpec(.number, .phoneOrAttribute, required: true, "the number to call back"),
          ParameterSpec(.queue, .reference(.queue), "the queue (default: the current one)"),
          ParameterSpec(.name, .text, "the caller's name for the agent"),
        ],
        branches: [.error], success: .next(meaning: nil), execution: .host(.createCallback), allowedIn: [.inbound, .customerQueue, .outbound],
        placementRule: CallbackBlockPlacementRule())
    case .startCallback:
      return BlockSpec(
        code: 21, .callback, "Takes the caller out of the queue and starts a callback request.",
        branches: [.error], success: .next(meaning: nil), execution: .host(.startCallback), effects: [.startsCallbackRequest], allowedIn: [.inbound, .customerQueue])
    case .registerCallback:
      return BlockSpec(
        code: 22, .callback, "Registers the started callback request.",
        parameters: [
          ParameterSpec(.number, .phoneOrAttribute, required: true, "the number to dial"),
          ParameterSpec(.queue, .reference(.queue), required: true, "the queue to call from"),
          ParameterSpec(.ani, .phoneNumber, "the caller ID shown to the customer"),
          ParameterSpec(.agentMedia, .text, "what the agent hears first"),
        ],
        branches: [.error], success: .next(meaning: nil), execution: .host(.registerCallback), effects: [.endsCallbackRequest], allowedIn: [.inbound, .customerQueue])
    case .declineCallback:
      return BlockSpec(
        code: 23, .callback, "Cancels the started callback request; the caller goes back into the queue.",
        branches: [.error], success: .next(meaning: nil), execution: .host(.declineCallback), effects: [.endsCallbackRequest], allowedIn: [.inbound, .customerQueue])
    case .transferToFlow:
      return BlockSpec(
        code: 24, .queue, "Hands the contact to another `inbound` flow; this flow ends.",
        parameters: [ParameterSpec(.flow, .reference(.flow(.exactly(.inbound))), required: true, "the flow")],
        main: .flow, branches: [.error], success: .handsOff(unlessGiven: nil),
        execution: .host(.transferToFlow), effects: [.changesFlow(.flow)], allowedIn: [.inbound, .outbound, .transferToQueue])
    case .disconnect:
      return BlockSpec(
        code: 25, .terminal, "Hangs up.", branches: [], success: .terminal,
        execution: .vm(.disconnect), allowedIn: contact.union([.disconnect]))
    case .endFlow:
      return BlockSpec(
        code: 26, .terminal, "Ends this flow and returns to whatever ran it (a queue or a whisper).",
        branches: [], success: .terminal,
        execution: .vm(.endFlow), allowedIn: FlowType.returning)
    case .connectAction:
      return BlockSpec(
        code: 27, .flowControl,
        "An Amazon Connect action with no block of its own, kept as it is: its `type`, its `parameters`, its `conditions`, and its error branches by their Connect names.",
        parameters: [
          ParameterSpec(.type, .text, required: true, "the action's Connect `Type`, e.g. `ShowView`"),
          ParameterSpec(.parameters, .any, "the action's `Parameters`, as in flow language"),
          ParameterSpec(.conditions, .conditions, "the action's `Conditions`: `{<operator>: operand, goto: block}` items"),
        ],
        branches: [], openBranches: true, success: .open, execution: .host(.connectAction), allowedIn: all,
        // What Connect's actions write: Lambda results, Lex, views, metrics, profiles, input.
        writes: [
          "$.External.*", "$.Lex.*", "$.Views.*", "$.FlowAttributes.*", "$.Metrics.*", "$.Customer.*", "$.Case.*",
          AttributeCatalog.storedInput,
        ])
    case .invokeLambda:
      return BlockSpec(
        code: 28, .data, "Calls an AWS Lambda function with the contact's data; what it returns is in `$.External.*`.",
        parameters: [
          ParameterSpec(.function, .valueOrAttribute, required: true, "the function's ARN, or an attribute holding it"),
          ParameterSpec(.timeout, .duration(1...8), "how long to wait for the answer (at most 8s; default 3s)"),
          ParameterSpec(.arguments, .any, "named values sent to the function, as `{name: value}`"),
          ParameterSpec(.response, .word(["string-map", "json"]), "how the answer is read: a flat map of texts, or JSON"),
        ],
        main: .function, branches: [.error], success: .next(meaning: nil), execution: .host(.invokeLambda), allowedIn: all,
        writes: ["$.External.*"])
    case .showView:
      return BlockSpec(
        code: 29, .input, "Shows a view to the agent (a step-by-step guide) and goes on with the action they take.",
        parameters: [
          ParameterSpec(.view, .text, required: true, "the view's id (`form`, `detail`, or a custom view's ARN)"),
          ParameterSpec(.version, .text, "the view's version (default `Latest`)"),
          ParameterSpec(.timeout, .duration(1...604_800), "how long to wait for the agent"),
          ParameterSpec(.data, .any, "what the view shows, as Amazon Connect's `ViewData`"),
          ParameterSpec(.actions, .list(.text), "the agent's actions (`Back`, `Next`, ...); each is a branch"),
        ],
        branches: [.noMatch, .timeout, .error], branchPerValueOf: .actions, success: .branchesOnly, execution: .host(.showView),
        allowedIn: contact, writes: ["$.Views.*"])
    case .loopPrompts:
      return BlockSpec(
        code: 30, .prompt, "Plays messages in a loop while the contact waits in queue or on hold; with `interrupt`, goes on at `next` every so often.",
        parameters: [
          ParameterSpec(.messages, .any, required: true, "the messages, as `[{Text: …}, {PromptId: …}]`"),
          ParameterSpec(.interrupt, .duration(1...86_400), "go on at `next` after this long"),
        ],
        branches: [.error], success: .open, execution: .host(.loopPrompts),
        allowedIn: [.customerQueue, .customerHold, .agentHold, .customerWhisper, .agentWhisper, .outboundWhisper, .module])
    case .setLogging:
      return BlockSpec(
        code: 31, .data, "Turns flow logging on or off for the rest of the contact.",
        parameters: [ParameterSpec(.logging, .word(["enabled", "disabled"]), required: true, "`enabled` or `disabled`")],
        main: .logging, branches: [], success: .next(meaning: nil), execution: .host(.setContactOption), allowedIn: all)
    case .setRecording:
      return BlockSpec(
        code: 32, .data, "Sets who is recorded and what contact analytics run.",
        parameters: [
          ParameterSpec(.participants, .any, required: true, "who is recorded, as Amazon Connect's `RecordedParticipants`"),
          ParameterSpec(.analytics, .any, "contact analytics, as Amazon Connect's `AnalyticsBehavior`"),
        ],
        branches: [], success: .next(meaning: nil), execution: .host(.setContactOption), allowedIn: all)
    case .setMediaStreaming:
      return BlockSpec(
        code: 33, .data, "Starts or stops streaming the contact's audio.",
        parameters: [
          ParameterSpec(.state, .word(["enabled", "disabled"]), required: true, "`enabled` or `disabled`"),
          ParameterSpec(.participants, .any, "whose audio, in which directions, as Amazon Connect's `Participants`"),
          ParameterSpec(.stream, .text, "the stream's type (`Audio`)"),
        ],
        branches: [.error], success: .next(meaning: nil), execution: .host(.setContactOption), allowedIn: all)
    case .setVoice:
      return BlockSpec(
        code: 34, .prompt, "Sets the text-to-speech voice of the prompts that follow.",
        parameters: [
          ParameterSpec(.voice, .text, required: true, "the voice (`Joanna`, `Matthew`, ...)"),
          ParameterSpec(.engine, .text, "the speech engine (`standard`, `neural`, `generative`)"),
          ParameterSpec(.style, .text, "the speaking style"),
        ],
        main: .voice, branches: [], success: .next(meaning: nil), execution: .host(.setContactOption), allowedIn: all)
    case .setContactData:
      return BlockSpec(
        code: 35, .data, "Sets properties of the contact (its customer id, language, Voice ID settings), by Amazon Connect's names.",
        open: .any, branches: [.error], success: .next(meaning: nil), execution: .host(.setContactOption), allowedIn: all)
    case .setEventFlow:
      return BlockSpec(
        code: 36, .flowControl, "Sets the flow that runs on an event of the contact: on hold, before the agent is joined, after a disconnect.",
        parameters: [
          ParameterSpec(.event, .word(["customer-hold", "agent-hold", "customer-whisper", "customer-remaining"]), required: true, "the event"),
          ParameterSpec(
            .flow,
            .reference(.flow(.byParameter(.event, [
              "customer-hold": .customerHold, "agent-hold": .agentHold, "customer-whisper": .customerWhisper, "customer-remaining": .disconnect,
            ]))), required: true, "a flow of the event's type"),
        ],
        branches: [.error], success: .next(meaning: nil), execution: .host(.setContactOption), allowedIn: all)
    case .invokeModule:
      return BlockSpec(
        code: 37, .flowControl, "Runs a flow module, then goes on at `next` when the module ends.",
        parameters: [ParameterSpec(.module, .reference(.flow(.exactly(.module))), required: true, "a `module` flow")],
        main: .module, branches: [.error], success: .next(meaning: nil), execution: .host(.invokeModule),
        effects: [.callsModule(.module)], allowedIn: all)
    case .endModule:
      return BlockSpec(
        code: 38, .terminal, "Ends a flow module: the contact goes back to the flow that invoked it.",
        branches: [], success: .terminal, execution: .vm(.endFlow), allowedIn: [.module])
    case .lexBot:
      return BlockSpec(
        code: 39, .input, "Talks with the caller through an Amazon Lex bot and goes on with the intent it recognized.",
        parameters: [
          ParameterSpec(.bot, .valueOrAttribute, required: true, "the bot alias's ARN, or an attribute holding it"),
          ParameterSpec(.text, .text, "what to say first"),
          ParameterSpec(.ssml, .text, "what to say first, as SSML"),
          ParameterSpec(.session, .any, "session attributes for the bot, as `{name: value}`"),
          ParameterSpec(.intents, .list(.text), "the intents the flow goes on with; each is a branch"),
        ],
        branches: [.noMatch, .error], branchPerValueOf: .intents, success: .branchesOnly, execution: .host(.lexBot),
        allowedIn: contact, writes: ["$.Lex.*"])
    }
  }
}
