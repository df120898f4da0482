import CallflowSyntax

/// How one Callflow block kind is written as an Amazon Connect action: its `Type`, where each
/// parameter goes in `Parameters`, which error types are which branches, and what its
/// conditions mean. The importer reads an action with a form and keeps the block only when
/// the form writes the action back exactly; the exporter writes blocks with it.
struct ConnectForm: Sendable {
  /// One parameter: where it is in `Parameters` and in the block's body.
  struct Parameter: Sendable {
    var connect: [String]
    var callflow: [String]
    var conversion: Conversion
  }

  /// How a value is written in each language. Connect writes numbers as strings.
  enum Conversion: Sendable {
    /// The same text (a prompt's words).
    case text
    /// One attribute path (`$.Attributes.tier`), the same in both.
    case attribute
    /// A whole number of seconds in Connect, a duration (`90s`) in Callflow.
    case seconds
    /// A whole number, Connect's being Callflow's plus `offset` (attempts are retries + 1).
    case integer(offset: Int)
    /// A resource: an ARN (or a JSONPath) in Connect, a name of `center.yaml` in an imported project.
    case reference(ResourceKind)
    /// One of a few words, Connect's to Callflow's.
    case words([String: String])
    /// Any JSON value, kept as it is (a view's data, a Lambda function's arguments).
    case json
  }

  /// What `Transitions.NextAction` is.
  enum NextAction: Sendable {
    /// The block's `next`.
    case next
    /// The target of the first of these branches the block has (Connect's designer writes
    /// the error target there for blocks that go on only through conditions and errors).
    case sameAs([String])
    /// None.
    case none
  }

  /// What `Transitions.Conditions` are.
  enum Conditions: Sendable {
    case none
    /// `check-attribute`'s conditions, operator for operator.
    case attribute
    /// Each `Equals` operand a value of the list parameter `parameter`, its target the
    /// branch of that name: `get-input`'s keys (`dtmf`: digits, `*` and `#` only), `show-view`'s actions.
    case options(parameter: String, dtmf: Bool)
    /// Fixed conditions, each one outcome of the block (`next` or a branch name).
    case outcomes([(op: String, operand: String, outcome: String)])
  }

  /// The body's parameter its conditions are written in (`conditions`, `get-input`'s
  /// `options`, `show-view`'s `actions`), if they are in one.
  var conditionParameter: String? {
    switch conditions {
    case .attribute: "conditions"
    case .options(let parameter, _): parameter
    case .none, .outcomes: nil
    }
  }

  /// The Connect action's `Type`.
  var type: String { box.type }
  /// Connect parameters with a fixed value for this form (`StoreInput: "False"`).
  var fixed: [([String], String)] { box.fixed }
  /// Callflow parameters this form implies (`kind: phone-number`).
  var implied: [(String, String)] { box.implied }
  /// Callflow parameters a block must have to be written in this form (`callback`).
  var requires: [String] { box.requires }
  var parameters: [Parameter] { box.parameters }
  /// Connect error types and the branches they are, in Connect's order.
  var errors: [(type: String, branch: String)] { box.errors }
  var conditions: Conditions { box.conditions }
  var nextAction: NextAction { box.nextAction }
  /// Whether the whole of `Parameters` is the block's body, member for member (`set-contact-data`).
  var wholeParameters: Bool { box.wholeParameters }

  /// The paths of the body this form writes (its parameters' and implied ones), and those
  /// that hold records it writes parts of (`callback`).
  var written: Set<[String]> { box.written }
  var inner: Set<[String]> { box.inner }
  /// The top-level names of `written` and of `inner`, for looking up without a path.
  var writtenTop: [String] { box.writtenTop }
  var innerTop: [String] { box.innerTop }
  /// The members of `Parameters` this form reads (the first key of each path).
  var connectKeys: Set<String> { box.connectKeys }

  /// The form's parts behind one reference: a form is handed to every action read, and a
  /// copy then counts one reference instead of one for each list.
  private let box: Box

  init(
    type: String, fixed: [([String], String)] = [], implied: [(String, String)] = [], requires: [String] = [], parameters: [Parameter] = [],
    errors: [(type: String, branch: String)] = [], conditions: Conditions = .none, nextAction: NextAction = .next, wholeParameters: Bool = false
  ) {
    box = Box(
      type: type, fixed: fixed, implied: implied, requires: requires, parameters: parameters, errors: errors, conditions: conditions,
      nextAction: nextAction, wholeParameters: wholeParameters)
  }

  private final class Box: Sendable {
    let type: String
    let fixed: [([String], String)]
    let implied: [(String, String)]
    let requires: [String]
    let parameters: [Parameter]
    let errors: [(type: String, branch: String)]
    let conditions: Conditions
    let nextAction: NextAction
    let wholeParameters: Bool
    let written: Set<[String]>
    let inner: Set<[String]>
    let writtenTop: [String]
    let innerTop: [String]
    let connectKeys: Set<String>

    init(
      type: String, fixed: [([String], String)], implied: [(String, String)], requires: [String], parameters: [Parameter],
      errors: [(type: String, branch: String)], conditions: Conditions, nextAction: NextAction, wholeParameters: Bool
    ) {
      (self.type, self.fixed, self.implied, self.requires, self.parameters) = (type, fixed, implied, requires, parameters)
      (self.errors, self.conditions, self.nextAction, self.wholeParameters) = (errors, conditions, nextAction, wholeParameters)
      var written = Set(parameters.map(\.callflow))
      for (key, _) in implied { written.insert([key]) }
      var connectKeys: Set<String> = []
      for p in parameters { if let first = p.connect.first { connectKeys.insert(first) } }
      for (path, _) in fixed { if let first = path.first { connectKeys.insert(first) } }
      var inner: Set<[String]> = []
      for p in parameters where p.callflow.count > 1 {
        for n in 1..<p.callflow.count { inner.insert(Array(p.callflow.prefix(n))) }
      }
      (self.written, self.inner, self.connectKeys) = (written, inner, connectKeys)
      writtenTop = written.filter { $0.count == 1 }.map { $0[0] }.sorted()
      innerTop = inner.filter { $0.count == 1 }.map { $0[0] }.sorted()
    }
  }
}

/// The Connect operators of conditions and Callflow's.
enum ConnectOperator {
  static let pairs: [(connect: String, callflow: ConditionOperator)] = [
    ("Equals", .equals), ("TextContains", .contains), ("TextStartsWith", .startsWith), ("TextEndsWith", .endsWith),
    ("NumberLessThan", .lessThan), ("NumberLessOrEqualTo", .lessOrEqual), ("NumberGreaterThan", .greaterThan),
    ("NumberGreaterOrEqualTo", .greaterOrEqual),
  ]

  static func callflow(_ connect: String) -> ConditionOperator? { pairs.first { $0.connect == connect }?.callflow }
  static func connect(_ op: ConditionOperator) -> String {
    pairs.first { $0.callflow == op }?.connect ?? "Equals"
  }
}

extension BlockKind {
  /// ``formTable``'s forms of this kind, made once.
  var forms: [ConnectForm] { Self.formTable[self] ?? [] }

  private static let formTable = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.connectForms) })

  /// The ways this kind is written in Amazon Connect's flow language, tried in order; none
  /// when Connect has no action that does what it does (the exporter says so). Read through
  /// ``forms``, which makes them once.
  fileprivate var connectForms: [ConnectForm] {
    typealias P = ConnectForm.Parameter
    let error = [(type: "NoMatchingError", branch: "error")]
    switch self {
    case .playPrompt:
      return [
        ConnectForm(type: "MessageParticipant", parameters: [P(connect: ["Text"], callflow: ["text"], conversion: .text)], errors: error),
        ConnectForm(type: "MessageParticipant", parameters: [P(connect: ["SSML"], callflow: ["ssml"], conversion: .text)], errors: error),
        ConnectForm(
          type: "MessageParticipant", parameters: [P(connect: ["PromptId"], callflow: ["prompt"], conversion: .reference(.prompt))],
          errors: error),
      ]
    case .getInput:
      return [
        ConnectForm(
          type: "GetParticipantInput", fixed: [(["StoreInput"], "False")],
          parameters: [
            P(connect: ["Text"], callflow: ["prompt"], conversion: .text),
            P(connect: ["InputTimeLimitSeconds"], callflow: ["timeout"], conversion: .seconds),
          ],
          errors: [("InputTimeLimitExceeded", "timeout"), ("NoMatchingCondition", "no-match"), ("NoMatchingError", "error")],
          conditions: .options(parameter: "options", dtmf: true), nextAction: .sameAs(["no-match", "error", "timeout"]))
      ]
    case .storeInput:
      return [
        ConnectForm(
          type: "GetParticipantInput", fixed: [(["StoreInput"], "True")], implied: [("kind", "phone-number")],
          parameters: [
            P(connect: ["Text"], callflow: ["prompt"], conversion: .text),
            P(connect: ["InputTimeLimitSeconds"], callflow: ["timeout"], conversion: .seconds),
            P(
              connect: ["InputValidation", "PhoneNumberValidation", "NumberFormat"], callflow: ["format"],
              conversion: .words(["Local": "local", "E164": "e164"])),
            P(connect: ["InputValidation", "PhoneNumberValidation", "CountryCode"], callflow: ["country"], conversion: .text),
            P(connect: ["DTMFConfiguration"], callflow: ["dtmf"], conversion: .json),
          ],
          errors: [("NoMatchingError", "error")]),
        ConnectForm(
          type: "GetParticipantInput", fixed: [(["StoreInput"], "True")], implied: [("kind", "digits")],
          parameters: [
            P(connect: ["Text"], callflow: ["prompt"], conversion: .text),
            P(connect: ["InputTimeLimitSeconds"], callflow: ["timeout"], conversion: .seconds),
            P(connect: ["InputValidation", "CustomValidation", "MaximumLength"], callflow: ["max-digits"], conversion: .integer(offset: 0)),
            P(connect: ["DTMFConfiguration"], callflow: ["dtmf"], conversion: .json),
          ],
          errors: [("NoMatchingError", "error")]),
      ]
    case .setCallbackNumber:
      return [
        ConnectForm(
          type: "UpdateContactCallbackNumber", parameters: [P(connect: ["CallbackNumber"], callflow: ["value"], conversion: .attribute)],
          errors: [("InvalidCallbackNumber", "invalid-number"), ("CallbackNumberNotDialable", "not-dialable")])
      ]
    case .setWorkingQueue:
      return [
        ConnectForm(
          type: "UpdateContactTargetQueue", parameters: [P(connect: ["QueueId"], callflow: ["queue"], conversion: .reference(.queue))],
          errors: error),
        ConnectForm(
          type: "UpdateContactTargetQueue", parameters: [P(connect: ["AgentId"], callflow: ["agent"], conversion: .text)], errors: error),
      ]
    case .setAttributes:
      // Written by the exporter and the importer themselves: the body is `Attributes`.
      return [ConnectForm(type: "UpdateContactAttributes", errors: error)]
    case .checkAttribute:
      return [
        ConnectForm(
          type: "Compare", parameters: [P(connect: ["ComparisonValue"], callflow: ["attribute"], conversion: .attribute)],
          errors: [("NoMatchingCondition", "no-match")], conditions: .attribute, nextAction: .sameAs(["no-match"]))
      ]
    case .setCustomerQueueFlow:
      return [
        ConnectForm(
          type: "UpdateContactEventHooks",
          parameters: [P(connect: ["EventHooks", "CustomerQueue"], callflow: ["flow"], conversion: .reference(.flow(.any)))],
          errors: error)
      ]
    case .setWhisperFlow:
      return [
        ConnectForm(
          type: "UpdateContactEventHooks", implied: [("role", "agent")],
          parameters: [P(connect: ["EventHooks", "AgentWhisper"], callflow: ["flow"], conversion: .reference(.flow(.any)))],
          errors: error),
      ]
    case .setRoutingPriority:
      return [
        ConnectForm(
          type: "UpdateContactRoutingBehavior", parameters: [P(connect: ["QueuePriority"], callflow: ["priority"], conversion: .integer(offset: 0))]),
        ConnectForm(
          type: "UpdateContactRoutingBehavior", parameters: [P(connect: ["QueueTimeAdjustmentSeconds"], callflow: ["age-adjustment"], conversion: .seconds)]),
      ]
    case .transferToQueue:
      return [
        ConnectForm(
          type: "CreateCallbackContact", requires: ["callback"],
          parameters: [
            P(connect: ["QueueId"], callflow: ["queue"], conversion: .reference(.queue)),
            P(connect: ["InitialCallDelaySeconds"], callflow: ["callback", "initial-delay"], conversion: .seconds),
            P(connect: ["MaximumConnectionAttempts"], callflow: ["callback", "max-retries"], conversion: .integer(offset: 1)),
            P(connect: ["RetryDelaySeconds"], callflow: ["callback", "retry-interval"], conversion: .seconds),
            P(connect: ["ContactFlowId"], callflow: ["callback", "creation-flow"], conversion: .reference(.flow(.exactly(.inbound)))),
          ],
          errors: error),
        // The callback's own queue: Connect's `QueueId` when the block names no queue of its own.
        ConnectForm(
          type: "CreateCallbackContact", requires: ["callback"],
          parameters: [
            P(connect: ["QueueId"], callflow: ["callback", "working-queue"], conversion: .reference(.queue)),
            P(connect: ["InitialCallDelaySeconds"], callflow: ["callback", "initial-delay"], conversion: .seconds),
            P(connect: ["MaximumConnectionAttempts"], callflow: ["callback", "max-retries"], conversion: .integer(offset: 1)),
            P(connect: ["RetryDelaySeconds"], callflow: ["callback", "retry-interval"], conversion: .seconds),
            P(connect: ["ContactFlowId"], callflow: ["callback", "creation-flow"], conversion: .reference(.flow(.exactly(.inbound)))),
          ],
          errors: error),
        ConnectForm(
          type: "TransferContactToQueue", errors: [("QueueAtCapacity", "at-capacity"), ("NoMatchingError", "error")],
          nextAction: .sameAs(["error", "at-capacity"])),
      ]
    case .wait:
      return [
        ConnectForm(
          type: "Wait", parameters: [P(connect: ["TimeLimitSeconds"], callflow: ["duration"], conversion: .seconds)], errors: error,
          conditions: .outcomes([("Equals", "WaitCompleted", "next")]), nextAction: .sameAs(["error"]))
      ]
    case .loop:
      return [
        ConnectForm(
          type: "Loop", parameters: [P(connect: ["LoopCount"], callflow: ["count"], conversion: .integer(offset: 0))],
          conditions: .outcomes([("Equals", "ContinueLooping", "looping"), ("Equals", "DoneLooping", "next")]))
      ]
    case .checkHours:
      return [
        ConnectForm(
          type: "CheckHoursOfOperation",
          parameters: [P(connect: ["HoursOfOperationId"], callflow: ["hours"], conversion: .reference(.hours))], errors: error,
          conditions: .outcomes([("Equals", "True", "next"), ("Equals", "False", "out-of-hours")]), nextAction: .sameAs(["error"]))
      ]
    case .transferToFlow:
      return [
        ConnectForm(
          type: "TransferToFlow", parameters: [P(connect: ["ContactFlowId"], callflow: ["flow"], conversion: .reference(.flow(.any)))],
          errors: error, nextAction: .sameAs(["error"]))
      ]
    case .disconnect:
      return [ConnectForm(type: "DisconnectParticipant", nextAction: .none)]
    case .endFlow:
      return [ConnectForm(type: "EndFlowExecution", nextAction: .none)]
    case .checkStaffing:
      return [
        ConnectForm(
          type: "CheckMetricData",
          parameters: [
            P(
              connect: ["MetricType"], callflow: ["status"],
              conversion: .words(["NumberOfAgentsAvailable": "available", "NumberOfAgentsStaffed": "staffed", "NumberOfAgentsOnline": "online"])),
            P(connect: ["QueueId"], callflow: ["queue"], conversion: .reference(.queue)),
          ],
          errors: [("NoMatchingCondition", "false"), ("NoMatchingError", "error")],
          conditions: .outcomes([("NumberGreaterThan", "0", "next")]), nextAction: .sameAs(["error", "false"]))
      ]
    case .customerProfileLookup:
      return [("PhoneNumber", "phone"), ("EmailAddress", "email"), ("AccountNumber", "account-id"), ("FullName", "name")].map { key, word in
        ConnectForm(
          type: "GetCustomerProfile", implied: [("key", word)],
          parameters: [
            P(connect: ["ProfileRequestData", key], callflow: ["value"], conversion: .text),
            P(connect: ["ProfileResponseData"], callflow: ["fields"], conversion: .json),
          ],
          errors: [("MultipleFoundError", "multiple"), ("NoneFoundError", "not-found"), ("NoMatchingError", "error")])
      }
    case .invokeLambda:
      return [
        ConnectForm(
          type: "InvokeLambdaFunction",
          parameters: [
            P(connect: ["LambdaFunctionARN"], callflow: ["function"], conversion: .text),
            P(connect: ["InvocationTimeLimitSeconds"], callflow: ["timeout"], conversion: .seconds),
            P(connect: ["LambdaInvocationAttributes"], callflow: ["arguments"], conversion: .json),
            P(connect: ["ResponseValidation", "ResponseType"], callflow: ["response"], conversion: .words(["STRING_MAP": "string-map", "JSON": "json"])),
          ],
          errors: error)
      ]
    case .showView:
      return [
        ConnectForm(
          type: "ShowView",
          parameters: [
            P(connect: ["ViewResource", "Id"], callflow: ["view"], conversion: .text),
            P(connect: ["ViewResource", "Version"], callflow: ["version"], conversion: .text),
            P(connect: ["InvocationTimeLimitSeconds"], callflow: ["timeout"], conversion: .seconds),
            P(connect: ["ViewData"], callflow: ["data"], conversion: .json),
          ],
          errors: [("NoMatchingCondition", "no-match"), ("TimeLimitExceeded", "timeout"), ("NoMatchingError", "error")],
          conditions: .options(parameter: "actions", dtmf: false), nextAction: .sameAs(["no-match", "error", "timeout"]))
      ]
    case .loopPrompts:
      return [
        ConnectForm(
          type: "MessageParticipantIteratively",
          parameters: [
            P(connect: ["Messages"], callflow: ["messages"], conversion: .json),
            P(connect: ["InterruptFrequencySeconds"], callflow: ["interrupt"], conversion: .seconds),
          ],
          errors: error)
      ]
    case .setLogging:
      return [
        ConnectForm(
          type: "UpdateFlowLoggingBehavior",
          parameters: [P(connect: ["FlowLoggingBehavior"], callflow: ["logging"], conversion: .words(["Enabled": "enabled", "Disabled": "disabled"]))])
      ]
    case .setRecording:
      return [
        ConnectForm(
          type: "UpdateContactRecordingBehavior",
          parameters: [
            P(connect: ["RecordingBehavior", "RecordedParticipants"], callflow: ["participants"], conversion: .json),
            P(connect: ["AnalyticsBehavior"], callflow: ["analytics"], conversion: .json),
          ])
      ]
    case .setMediaStreaming:
      return [
        ConnectForm(
          type: "UpdateContactMediaStreamingBehavior",
          parameters: [
            P(connect: ["MediaStreamingState"], callflow: ["state"], conversion: .words(["Enabled": "enabled", "Disabled": "disabled"])),
            P(connect: ["Participants"], callflow: ["participants"], conversion: .json),
            P(connect: ["MediaStreamType"], callflow: ["stream"], conversion: .text),
          ],
          errors: error)
      ]
    case .setVoice:
      return [
        ConnectForm(
          type: "UpdateContactTextToSpeechVoice",
          parameters: [
            P(connect: ["TextToSpeechVoice"], callflow: ["voice"], conversion: .text),
            P(connect: ["TextToSpeechEngine"], callflow: ["engine"], conversion: .text),
            P(connect: ["TextToSpeechStyle"], callflow: ["style"], conversion: .text),
          ])
      ]
    case .setContactData:
      return [ConnectForm(type: "UpdateContactData", errors: error, wholeParameters: true)]
    case .setEventFlow:
      return [("CustomerHold", "customer-hold"), ("AgentHold", "agent-hold"), ("CustomerWhisper", "customer-whisper"), ("CustomerRemaining", "customer-remaining")].map {
        hook, event in
        ConnectForm(
          type: "UpdateContactEventHooks", implied: [("event", event)],
          parameters: [P(connect: ["EventHooks", hook], callflow: ["flow"], conversion: .reference(.flow(.any)))], errors: error)
      }
    case .getQueueMetrics:
      return [
        ConnectForm(
          type: "GetMetricData", parameters: [P(connect: ["QueueId"], callflow: ["queue"], conversion: .reference(.queue))], errors: error)
      ]
    case .invokeModule:
      return [
        ConnectForm(
          type: "InvokeFlowModule", parameters: [P(connect: ["FlowModuleId"], callflow: ["module"], conversion: .reference(.flow(.exactly(.module))))],
          errors: error)
      ]
    case .endModule:
      return [ConnectForm(type: "EndFlowModuleExecution", nextAction: .none)]
    case .lexBot:
      return [
        ConnectForm(
          type: "ConnectParticipantWithLexBot",
          parameters: [
            P(connect: ["LexV2Bot", "AliasArn"], callflow: ["bot"], conversion: .text),
            P(connect: ["Text"], callflow: ["text"], conversion: .text),
            P(connect: ["SSML"], callflow: ["ssml"], conversion: .text),
            P(connect: ["LexSessionAttributes"], callflow: ["session"], conversion: .json),
          ],
          errors: [("NoMatchingCondition", "no-match"), ("NoMatchingError", "error")],
          conditions: .options(parameter: "intents", dtmf: false), nextAction: .sameAs(["no-match", "error"]))
      ]
    case .validatePhone, .checkCallProgress, .sendMessage, .createCallback, .startCallback, .registerCallback,
      .declineCallback:
      // No action of the flow-language reference does what these do (`connectAbsence`
      // says what Connect has instead): the exporter reports a block of these kinds.
      return []
    case .connectAction:
      // Written as it was read.
      return []
    }
  }
}

extension BlockKind {
  /// For a kind Connect has no action for, what a Connect flow does instead (the note of
  /// the exporter's refusal); nil for the kinds Connect writes.
  var connectAbsence: String? {
    switch self {
    case .validatePhone:
      "Connect validates a callback number as `set-callback-number` sets it (its `invalid-number` and `not-dialable` branches)"
    case .createCallback, .startCallback, .registerCallback, .declineCallback:
      "a Connect flow queues a callback with `transfer-to-queue` and `callback` (CreateCallbackContact); the callback number is the one `set-callback-number` set"
    case .checkCallProgress:
      "Connect's Check call progress block belongs to outbound campaigns, and the flow-language reference does not describe its action"
    case .sendMessage:
      "a Connect flow sends a text message from an `invoke-lambda` function (the flow-language reference describes no SMS action)"
    case .playPrompt, .getInput, .storeInput, .setCallbackNumber, .setWorkingQueue, .setAttributes, .checkAttribute,
      .setCustomerQueueFlow, .setWhisperFlow, .setRoutingPriority, .transferToQueue, .getQueueMetrics, .wait, .loop, .checkHours,
      .checkStaffing, .customerProfileLookup, .transferToFlow, .disconnect, .endFlow, .connectAction, .invokeLambda, .showView,
      .loopPrompts, .setLogging, .setRecording, .setMediaStreaming, .setVoice, .setContactData, .setEventFlow, .invokeModule,
      .endModule, .lexBot:
      nil
    }
  }
}
