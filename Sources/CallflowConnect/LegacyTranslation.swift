import CallflowDiagnostics

/// Translates a legacy export (the designer's format before flow language) into flow
/// language, as the designer does when such a flow is opened and saved: each module becomes
/// the action that does what it did, located at the module, with the module's designer
/// position. A flow is translated whole or not at all; ``Untranslatable`` names the first
/// module Callflow has no translation for.
enum LegacyTranslation {
  /// Why a legacy flow stays as it was read.
  struct Untranslatable: Error {
    var message: String
    var span: SourceSpan
  }

  /// The flow-language root of the legacy export `root`.
  static func flowLanguage(_ root: JSONNode) -> Result<JSONNode, Untranslatable> {
    let span = root.span
    var actions: [JSONNode] = []
    var positions: [JSONNode.Member] = []
    for module in root["modules"]?.items ?? [] {
      switch action(module) {
      case .success(let action):
        actions.append(action)
        if let id = module["id"], let name = id.string, let position = module["metadata"]?["position"] {
          positions.append(JSONNode.Member(key: Located(name, at: id.span), value: object([("position", position)], at: position.span)))
        }
      case .failure(let failure): return .failure(failure)
      }
    }
    var members: [(String, JSONNode)] = [("Version", string(ConnectLowering.version, at: span))]
    if let start = root["start"] { members.append(("StartAction", start)) }
    var metadata: [(String, JSONNode)] = []
    if let entry = root["metadata"]?["entryPointPosition"] { metadata.append(("entryPointPosition", entry)) }
    metadata.append(("ActionMetadata", JSONNode(.object(positions), at: span)))
    members.append(("Metadata", object(metadata, at: span)))
    members.append(("Actions", JSONNode(.array(actions), at: root["modules"]?.span ?? span)))
    return .success(object(members, at: span))
  }

  // MARK: Modules

  /// The flow-language action of one module.
  static func action(_ module: JSONNode) -> Result<JSONNode, Untranslatable> {
    let at = module.span
    guard let idNode = module["id"], idNode.string != nil, let typeNode = module["type"], let type = typeNode.string else {
      return .failure(Untranslatable(message: "a legacy module has an `id` and a `type`", span: at))
    }
    let reader = ModuleReader(module: module)
    func fail(_ why: String) -> Result<JSONNode, Untranslatable> {
      .failure(Untranslatable(message: "legacy module `\(type)` \(why)", span: typeNode.span))
    }
    var parameters: [(String, JSONNode)] = []
    var transitions = Transitions()
    let actionType: String
    switch type {
    case "PlayPrompt":
      actionType = "MessageParticipant"
      if let audio = reader.parameter("AudioPrompt") {
        guard let value = reader.value(audio) else { return fail("plays a prompt Callflow cannot name") }
        parameters = [("PromptId", value)]
      } else {
        guard let text = reader.parameter("Text"), let value = reader.value(text) else { return fail("has no text Callflow can read") }
        parameters = [(reader.text("TextToSpeechType") == "ssml" ? "SSML" : "Text", value)]
      }
      guard let plain = reader.plain(error: false) else { return fail("has a branch its action does not have") }
      transitions = plain
    case "SetAttributes":
      actionType = "UpdateContactAttributes"
      var attributes: [(String, JSONNode)] = []
      for item in reader.parameters("Attribute") {
        guard let key = item["key"]?.string, let value = reader.value(item) else { return fail("sets an attribute Callflow cannot read") }
        attributes.append((key, value))
      }
      parameters = [("Attributes", object(attributes, at: at))]
      guard let plain = reader.plain(error: true) else { return fail("has a branch its action does not have") }
      transitions = plain
    case "Disconnect":
      actionType = "DisconnectParticipant"
    case "Resume":
      actionType = "EndFlowExecution"
    case "Transfer":
      switch module["target"]?.string {
      case "Queue":
        actionType = "TransferContactToQueue"
        guard reader.conditions(within: ["AtCapacity", "Error"]) else { return fail("to a queue has a branch Transfer to queue does not have") }
        transitions.next = reader.target("Error") ?? reader.target("AtCapacity")
        transitions.error("QueueAtCapacity", reader.target("AtCapacity"))
        transitions.error("NoMatchingError", reader.target("Error"))
      case "Flow":
        actionType = "TransferToFlow"
        guard let flow = reader.parameter("ContactFlowId"), let value = reader.value(flow) else { return fail("names no flow") }
        parameters = [("ContactFlowId", value)]
        guard reader.conditions(within: ["Error"]) else { return fail("to a flow has a branch Transfer to flow does not have") }
        transitions.next = reader.target("Error")
        transitions.error("NoMatchingError", reader.target("Error"))
      default:
        return fail("to \(module["target"]?.string.map { "`\($0)`" } ?? "an unnamed target") has no translation Callflow knows")
      }
    case "InvokeExternalResource":
      guard module["target"]?.string == "Lambda" else { return fail("calls something other than a Lambda function") }
      actionType = "InvokeLambdaFunction"
      guard let function = reader.parameter("FunctionArn"), let arn = reader.value(function) else { return fail("names no function") }
      parameters = [("LambdaFunctionARN", arn)]
      if let limit = reader.parameter("TimeLimit"), let seconds = reader.value(limit) { parameters.append(("InvocationTimeLimitSeconds", seconds)) }
      var arguments: [(String, JSONNode)] = []
      for item in reader.parameters("Parameter") {
        guard let key = item["key"]?.string, let value = reader.value(item) else { return fail("passes a parameter Callflow cannot read") }
        arguments.append((key, value))
      }
      if !arguments.isEmpty { parameters.append(("LambdaInvocationAttributes", object(arguments, at: at))) }
      guard let plain = reader.plain(error: true) else { return fail("has a branch its action does not have") }
      transitions = plain
    case "SetQueue":
      actionType = "UpdateContactTargetQueue"
      if let queue = reader.parameter("Queue"), let value = reader.value(queue) {
        parameters = [("QueueId", value)]
      } else if let agent = reader.parameter("Agent"), let value = reader.value(agent) {
        parameters = [("AgentId", value)]
      } else {
        return fail("names no queue")
      }
      guard let plain = reader.plain(error: true) else { return fail("has a branch its action does not have") }
      transitions = plain
    case "CheckAttribute":
      actionType = "Compare"
      guard let name = reader.text("Attribute"), let namespace = reader.text("Namespace"),
        let path = attributePath(name, namespace: namespace)
      else { return fail("checks an attribute Callflow cannot name") }
      parameters = [("ComparisonValue", string(path, at: reader.parameter("Attribute")?.span ?? at))]
      guard reader.conditions(within: ["Evaluate", "NoMatch"]), let conditions = reader.evaluations() else {
        return fail("has a condition Callflow cannot translate")
      }
      transitions.conditions = conditions
      transitions.next = reader.target("NoMatch")
      transitions.error("NoMatchingCondition", reader.target("NoMatch"))
    case "SetLoggingBehavior":
      actionType = "UpdateFlowLoggingBehavior"
      guard let word = ["Enable": "Enabled", "Disable": "Disabled"][reader.text("LoggingBehavior") ?? ""] else {
        return fail("sets logging to a value Callflow does not know")
      }
      parameters = [("FlowLoggingBehavior", string(word, at: reader.parameter("LoggingBehavior")?.span ?? at))]
      guard let plain = reader.plain(error: false) else { return fail("has a branch its action does not have") }
      transitions = plain
    case "SetVoice":
      actionType = "UpdateContactTextToSpeechVoice"
      // The voice, and the engine and speaking style the designer writes beside it.
      let names = ["GlobalVoice": "TextToSpeechVoice", "GlobalEngine": "TextToSpeechEngine", "SpeakingStyle": "TextToSpeechStyle"]
      guard reader.parameterNames.allSatisfy({ names[$0] != nil }), Set(reader.parameterNames).count == reader.parameterNames.count,
        reader.parameter("GlobalVoice") != nil
      else {
        return fail("sets a voice engine or style Callflow has no translation for")
      }
      for name in ["GlobalEngine", "SpeakingStyle", "GlobalVoice"] {
        guard let parameter = reader.parameter(name), let flowName = names[name] else { continue }
        guard let value = reader.value(parameter) else { return fail("sets a voice engine or style Callflow has no translation for") }
        parameters.append((flowName, value))
      }
      guard let plain = reader.plain(error: false) else { return fail("has a branch its action does not have") }
      transitions = plain
    case "Loop":
      actionType = "Loop"
      guard let count = reader.parameter("LoopCount"), let value = reader.value(count) else { return fail("has no count") }
      parameters = [("LoopCount", value)]
      transitions.next = reader.target("Complete")
      if let looping = reader.target("Looping") { transitions.conditions.append(condition("Equals", "ContinueLooping", looping, at: at)) }
      if let complete = reader.target("Complete") { transitions.conditions.append(condition("Equals", "DoneLooping", complete, at: at)) }
    case "GetUserInput":
      guard module["target"]?.string == "Digits", reader.text("MaxDigits") == "1" else {
        return fail("that is not a keypad menu (a Lex bot, or more than one digit) has no translation Callflow knows")
      }
      actionType = "GetParticipantInput"
      guard let text = reader.parameter("Text"), let value = reader.value(text) else { return fail("has no text Callflow can read") }
      parameters = [(reader.text("TextToSpeechType") == "ssml" ? "SSML" : "Text", value), ("StoreInput", string("False", at: at))]
      if let timeout = reader.parameter("Timeout"), let seconds = reader.value(timeout) { parameters.append(("InputTimeLimitSeconds", seconds)) }
      guard reader.conditions(within: ["Evaluate", "Timeout", "NoMatch", "Error"]), let conditions = reader.evaluations() else {
        return fail("has a condition Callflow cannot translate")
      }
      transitions.conditions = conditions
      transitions.next = reader.target("NoMatch") ?? reader.target("Error") ?? reader.target("Timeout")
      transitions.error("InputTimeLimitExceeded", reader.target("Timeout"))
      transitions.error("NoMatchingCondition", reader.target("NoMatch"))
      transitions.error("NoMatchingError", reader.target("Error"))
    case "StoreUserInput":
      guard reader.text("CustomerInputType") == "Custom", reader.text("EncryptEntry") != "true", reader.text("DisableCancel") != "true",
        let text = reader.parameter("Text"), let value = reader.value(text), let digits = reader.parameter("MaxDigits"),
        let maximum = reader.value(digits)
      else { return fail("that is not plain digits (a phone number, encrypted, or without its cancel key) has no translation Callflow knows") }
      actionType = "GetParticipantInput"
      parameters = [(reader.text("TextToSpeechType") == "ssml" ? "SSML" : "Text", value), ("StoreInput", string("True", at: at))]
      if let timeout = reader.parameter("Timeout"), let seconds = reader.value(timeout) { parameters.append(("InputTimeLimitSeconds", seconds)) }
      parameters.append(("InputValidation", object([("CustomValidation", object([("MaximumLength", maximum)], at: at))], at: at)))
      guard let plain = reader.plain(error: true) else { return fail("has a branch its action does not have") }
      transitions = plain
    case "SetEventHook":
      guard let hook = reader.text("Type"), let flow = reader.parameter("ContactFlowId"), let value = reader.value(flow), value.string?.isEmpty == false else {
        return fail("names no flow by its ARN")
      }
      actionType = "UpdateContactEventHooks"
      parameters = [("EventHooks", object([(hook, value)], at: at))]
      guard let plain = reader.plain(error: true) else { return fail("has a branch its action does not have") }
      transitions = plain
    case "CheckHoursOfOperation":
      actionType = "CheckHoursOfOperation"
      if let hours = reader.parameter("Hours") {
        guard let value = reader.value(hours) else { return fail("names hours Callflow cannot read") }
        parameters = [("HoursOfOperationId", value)]
      }
      guard reader.conditions(within: ["True", "False", "Error"]) else { return fail("has a branch Check hours of operation does not have") }
      if let open = reader.target("True") { transitions.conditions.append(condition("Equals", "True", open, at: at)) }
      if let closed = reader.target("False") { transitions.conditions.append(condition("Equals", "False", closed, at: at)) }
      transitions.next = reader.target("Error")
      transitions.error("NoMatchingError", reader.target("Error"))
    case "CheckStaffing":
      guard reader.parameterNames == ["Status"], let status = reader.text("Status"), ["Available", "Staffed", "Online"].contains(status) else {
        return fail("of an agent, or of a status Callflow does not know, has no translation Callflow knows")
      }
      actionType = "CheckMetricData"
      parameters = [("MetricType", string("NumberOfAgents" + status, at: reader.parameter("Status")?.span ?? at))]
      guard reader.conditions(within: ["True", "False", "Error"]) else { return fail("has a branch Check staffing does not have") }
      if let staffed = reader.target("True") { transitions.conditions.append(condition("NumberGreaterThan", "0", staffed, at: at)) }
      transitions.next = reader.target("Error") ?? reader.target("False")
      transitions.error("NoMatchingCondition", reader.target("False"))
      transitions.error("NoMatchingError", reader.target("Error"))
    case "Wait":
      guard reader.parameterNames == ["TimeoutSeconds"], let limit = reader.parameter("TimeoutSeconds"), let seconds = reader.value(limit) else {
        return fail("for an event has no translation Callflow knows")
      }
      actionType = "Wait"
      parameters = [("TimeLimitSeconds", seconds)]
      guard reader.conditions(within: ["Timeout", "Error"]) else { return fail("has a branch Wait does not have") }
      if let done = reader.target("Timeout") { transitions.conditions.append(condition("Equals", "WaitCompleted", done, at: at)) }
      transitions.next = reader.target("Error")
      transitions.error("NoMatchingError", reader.target("Error"))
    case "SetRecordingBehavior":
      let who = ["Both": ["Agent", "Customer"], "Agent": ["Agent"], "Customer": ["Customer"]]
      guard Set(reader.parameterNames) == ["RecordingBehaviorOption", "RecordingParticipantOption"],
        let participants = reader.text("RecordingBehaviorOption") == "Disable" ? [] : who[reader.text("RecordingParticipantOption") ?? ""],
        ["Enable", "Disable"].contains(reader.text("RecordingBehaviorOption") ?? "")
      else { return fail("with analytics, or of participants Callflow does not know, has no translation Callflow knows") }
      actionType = "UpdateContactRecordingBehavior"
      let list = JSONNode(.array(participants.map { string($0, at: at) }), at: at)
      parameters = [("RecordingBehavior", object([("RecordedParticipants", list)], at: at))]
      guard let plain = reader.plain(error: false) else { return fail("has a branch its action does not have") }
      transitions = plain
    case "StartMediaStreaming", "StopMediaStreaming":
      // Both are the one action, its state enabled or disabled.
      let directions = ["FromCustomer": "From", "ToCustomer": "To"]
      let tracks = reader.parameters("Track").compactMap { reader.literal($0["value"]).flatMap { directions[$0] } }
      guard !tracks.isEmpty, tracks.count == reader.parameters("Track").count, reader.text("MediaStreamTypes") == "Audio" else {
        return fail("of tracks Callflow does not know has no translation Callflow knows")
      }
      actionType = "UpdateContactMediaStreamingBehavior"
      let participant = object(
        [("ParticipantType", string("Customer", at: at)), ("MediaDirections", JSONNode(.array(tracks.map { string($0, at: at) }), at: at))], at: at)
      parameters = [
        ("MediaStreamingState", string(type == "StartMediaStreaming" ? "Enabled" : "Disabled", at: at)), ("MediaStreamType", string("Audio", at: at)),
        ("Participants", JSONNode(.array([participant]), at: at)),
      ]
      guard let plain = reader.plain(error: true) else { return fail("has a branch its action does not have") }
      transitions = plain
    case "GetMetricData":
      // The metrics of a queue named, or of the contact's queue.
      actionType = "GetMetricData"
      guard reader.parameterNames.allSatisfy({ $0 == "Queue" }) else { return fail("reads metrics of something other than a queue") }
      if let queue = reader.parameter("Queue") {
        guard let value = reader.value(queue) else { return fail("names no queue Callflow can read") }
        parameters = [("QueueId", value)]
      }
      guard let plain = reader.plain(error: true) else { return fail("has a branch its action does not have") }
      transitions = plain
    case "LoopPrompts":
      actionType = "MessageParticipantIteratively"
      var messages: [JSONNode] = []
      for item in module["parameters"]?.items ?? [] {
        switch item["name"]?.string {
        case "Text":
          guard let value = reader.value(item) else { return fail("plays text Callflow cannot read") }
          messages.append(object([("Text", value)], at: item.span))
        case "AudioPrompt":
          guard let value = reader.value(item) else { return fail("plays a prompt Callflow cannot name") }
          messages.append(object([("PromptId", value)], at: item.span))
        case "InterruptSeconds":
          guard let value = reader.value(item) else { return fail("has an interval Callflow cannot read") }
          parameters.append(("InterruptFrequencySeconds", value))
        default:
          return fail("has a parameter Callflow has no translation for")
        }
      }
      parameters.insert(("Messages", JSONNode(.array(messages), at: at)), at: 0)
      guard reader.conditions(within: ["Timeout", "Error"]) else { return fail("has a branch Loop prompts does not have") }
      if let interrupted = reader.target("Timeout") { transitions.conditions.append(condition("Equals", "MessagesInterrupted", interrupted, at: at)) }
      transitions.error("NoMatchingError", reader.target("Error"))
    default:
      return fail("has no translation to flow language Callflow knows")
    }
    return .success(
      object(
        [
          ("Identifier", idNode), ("Type", string(actionType, at: typeNode.span)), ("Parameters", object(parameters, at: at)),
          ("Transitions", transitions.node(at: at)),
        ], at: at))
  }

  // MARK: Attributes

  /// The JSONPath of the attribute a legacy export names by namespace and name, if Callflow
  /// knows it: `External` and `User Defined` attributes by name, system attributes by the
  /// designer's label or their own path (`Queue.Name`).
  static func attributePath(_ name: String, namespace: String) -> String? {
    switch namespace {
    case "External": return "$.External." + name
    case "User Defined": return "$.Attributes." + name
    case "System":
      if let path = systemLabels[name.lowercased()] { return path }
      let isPath = !name.isEmpty && name.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 46 }
      return isPath ? "$." + name : nil
    default: return nil
    }
  }

  /// The system attributes the legacy designer names by a label of words.
  /// (The labels of Connect's list of contact attributes, lowercased.)
  static let systemLabels = [
    "customer number": "$.CustomerEndpoint.Address", "customer id": "$.CustomerId", "dialed number": "$.SystemEndpoint.Address",
    "stored customer input": "$.StoredCustomerInput", "queue name": "$.Queue.Name", "queue arn": "$.Queue.ARN",
    "text to speech voice": "$.TextToSpeechVoiceId", "contact id": "$.ContactId", "initial contact id": "$.InitialContactId",
    "previous contact id": "$.PreviousContactId", "channel": "$.Channel", "instance arn": "$.InstanceARN",
    "initiation method": "$.InitiationMethod", "language": "$.LanguageCode", "system endpoint type": "$.SystemEndpoint.Type",
    "customer endpoint type": "$.CustomerEndpoint.Type", "queue outbound caller id number": "$.Queue.OutboundCallerId.Address",
    "queue outbound caller id number type": "$.Queue.OutboundCallerId.Type", "agent user name": "$.Agent.UserName",
    "agent first name": "$.Agent.FirstName", "agent last name": "$.Agent.LastName", "agent arn": "$.Agent.ARN",
  ]

  // MARK: Building

  static func string(_ text: String, at span: SourceSpan) -> JSONNode { JSONNode(.string(text), at: span) }

  static func object(_ members: [(String, JSONNode)], at span: SourceSpan) -> JSONNode {
    JSONNode(.object(members.map { JSONNode.Member(key: Located($0.0, at: $0.1.span), value: $0.1) }), at: span)
  }

  static func condition(_ op: String, _ operand: String, _ target: JSONNode, at span: SourceSpan) -> JSONNode {
    object(
      [
        ("NextAction", target),
        ("Condition", object([("Operator", string(op, at: span)), ("Operands", JSONNode(.array([string(operand, at: span)]), at: span))], at: span)),
      ], at: span)
  }

  /// An action's `Transitions`, as they are gathered.
  struct Transitions {
    var next: JSONNode?
    var errors: [(String, JSONNode)] = []
    var conditions: [JSONNode] = []

    mutating func error(_ type: String, _ target: JSONNode?) {
      if let target { errors.append((type, target)) }
    }

    func node(at span: SourceSpan) -> JSONNode {
      var members: [(String, JSONNode)] = []
      if let next { members.append(("NextAction", next)) }
      if !conditions.isEmpty { members.append(("Conditions", JSONNode(.array(conditions), at: span))) }
      if !errors.isEmpty {
        let items = errors.map { LegacyTranslation.object([("NextAction", $0.1), ("ErrorType", LegacyTranslation.string($0.0, at: $0.1.span))], at: $0.1.span) }
        members.append(("Errors", JSONNode(.array(items), at: span)))
      }
      return LegacyTranslation.object(members, at: span)
    }
  }

  /// A module's parameters and branches, as the legacy designer writes them.
  struct ModuleReader {
    let module: JSONNode

    var parameterNames: [String] { (module["parameters"]?.items ?? []).compactMap { $0["name"]?.string } }

    func parameters(_ name: String) -> [JSONNode] { (module["parameters"]?.items ?? []).filter { $0["name"]?.string == name } }
    func parameter(_ name: String) -> JSONNode? { parameters(name).first }

    /// The text of a parameter's value (numbers as written).
    func text(_ name: String) -> String? { parameter(name).flatMap { literal($0["value"]) } }

    func literal(_ node: JSONNode?) -> String? {
      switch node?.kind {
      case .string(let s)?: s
      case .number(let n)?: n
      case .bool(let b)?: b ? "true" : "false"
      default: nil
      }
    }

    /// The flow-language value of a parameter: its text, or the JSONPath of the attribute
    /// it names when it has a namespace.
    func value(_ parameter: JSONNode) -> JSONNode? {
      guard let valueNode = parameter["value"], let text = literal(valueNode) else { return nil }
      switch parameter["namespace"]?.kind {
      case nil, .null?: return LegacyTranslation.string(text, at: valueNode.span)
      case .string(let namespace)?:
        return LegacyTranslation.attributePath(text, namespace: namespace).map { LegacyTranslation.string($0, at: valueNode.span) }
      default: return nil
      }
    }

    /// The target of the first branch of `condition`.
    func target(_ condition: String) -> JSONNode? {
      (module["branches"]?.items ?? []).first { $0["condition"]?.string == condition }?["transition"]
    }

    /// The transitions of a module that goes on through `Success` and, with `error`, fails
    /// through `Error` (`NoMatchingError`); nil when it has another branch.
    func plain(error: Bool) -> Transitions? {
      guard conditions(within: error ? ["Success", "Error"] : ["Success"]) else { return nil }
      var transitions = Transitions(next: target("Success"))
      if error { transitions.error("NoMatchingError", target("Error")) }
      return transitions
    }

    /// Whether every branch is one of `conditions`.
    func conditions(within conditions: Set<String>) -> Bool {
      (module["branches"]?.items ?? []).allSatisfy { $0["condition"]?.string.map(conditions.contains) ?? false }
    }

    /// The `Evaluate` branches as flow-language conditions, if each has an operator Callflow knows.
    func evaluations() -> [JSONNode]? {
      var result: [JSONNode] = []
      for branch in module["branches"]?.items ?? [] where branch["condition"]?.string == "Evaluate" {
        guard let type = branch["conditionType"]?.string, let op = Self.operators[type], let operand = literal(branch["conditionValue"]),
          let target = branch["transition"]
        else { return nil }
        result.append(LegacyTranslation.condition(op, operand, target, at: branch.span))
      }
      return result
    }

    /// The legacy designer's comparison operators and flow language's.
    /// (Those public exports use; another keeps its flow legacy.)
    static let operators = ["Equals": "Equals", "GreaterThan": "NumberGreaterThan", "LessThan": "NumberLessThan"]
  }
}
