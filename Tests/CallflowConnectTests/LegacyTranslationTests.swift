import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import Testing

/// Legacy exports are translated into flow language as the designer translates them when it
/// saves the flow, so that they check as flows of today and export in the current format.
@Suite struct LegacyTranslationTests {
  /// A legacy export in the shape the old designer wrote: modules with listed parameters,
  /// namespaced values, `Evaluate` branches and designer positions.
  static let legacy = #"""
    {"modules":[
    {"id":"0a1b2c3d-0000-4000-8000-000000000001","type":"SetAttributes","branches":[{"condition":"Success","transition":"0a1b2c3d-0000-4000-8000-000000000002"},{"condition":"Error","transition":"0a1b2c3d-0000-4000-8000-000000000007"}],"parameters":[{"name":"Attribute","value":"Customer Number","key":"caller","namespace":"System"},{"name":"Attribute","value":"gold","key":"tier","namespace":null}],"metadata":{"position":{"x":120,"y":40}}},
    {"id":"0a1b2c3d-0000-4000-8000-000000000002","type":"PlayPrompt","branches":[{"condition":"Success","transition":"menu"}],"parameters":[{"name":"Text","value":"greeting","namespace":"External"},{"name":"TextToSpeechType","value":"text"}],"metadata":{"position":{"x":380,"y":40}}},
    {"id":"menu","type":"GetUserInput","branches":[{"condition":"Evaluate","conditionType":"Equals","conditionValue":"1","transition":"route"},{"condition":"Timeout","transition":"0a1b2c3d-0000-4000-8000-000000000007"},{"condition":"NoMatch","transition":"0a1b2c3d-0000-4000-8000-000000000007"},{"condition":"Error","transition":"0a1b2c3d-0000-4000-8000-000000000007"}],"parameters":[{"name":"Text","value":"Press 1 for support.","namespace":null},{"name":"TextToSpeechType","value":"text"},{"name":"Timeout","value":"5"},{"name":"MaxDigits","value":"1"}],"target":"Digits"},
    {"id":"route","type":"CheckAttribute","branches":[{"condition":"Evaluate","conditionType":"GreaterThan","conditionValue":"3","transition":"queue"},{"condition":"NoMatch","transition":"queue"}],"parameters":[{"name":"Attribute","value":"visits"},{"name":"Namespace","value":"User Defined"}]},
    {"id":"queue","type":"SetQueue","branches":[{"condition":"Success","transition":"transfer"},{"condition":"Error","transition":"0a1b2c3d-0000-4000-8000-000000000007"}],"parameters":[{"name":"Queue","value":"arn:aws:connect:us-east-1:111122223333:instance/i/queue/q","namespace":null,"resourceName":"Support"}]},
    {"id":"transfer","type":"Transfer","branches":[{"condition":"AtCapacity","transition":"0a1b2c3d-0000-4000-8000-000000000007"},{"condition":"Error","transition":"0a1b2c3d-0000-4000-8000-000000000007"}],"parameters":[],"target":"Queue"},
    {"id":"0a1b2c3d-0000-4000-8000-000000000007","type":"Disconnect","branches":[],"parameters":[]}],
    "version":"1","type":"contactFlow","start":"0a1b2c3d-0000-4000-8000-000000000001","metadata":{"entryPointPosition":{"x":20,"y":20},"name":"Old Menu"}}
    """#

  @Test func modulesBecomeTheBlocksOfTheirActions() throws {
    let document = try ConnectReader.read(Array(Self.legacy.utf8), file: FileID(0)).get()
    #expect(document.shape == .legacy)
    var lowering = ConnectLowering(document, file: FileID(0))
    let (lowered, diagnostics) = lowering.lower(fallbackName: "x")
    #expect(diagnostics.isEmpty)
    #expect(lowering.notes == ["a legacy export, translated to flow language: 7 modules, each the action the designer makes of it"])
    let flow = try #require(lowered)
    #expect(flow.blocks.map(\.kind.value) == [
      "set-attributes", "play-prompt", "get-input", "check-attribute", "set-working-queue", "transfer-to-queue", "disconnect",
    ])
    #expect(lowering.nativeCount == 7)
    // Namespaced values are the attributes' paths.
    #expect(flow.blocks[0].body.field("caller")?.scalarText == "$.CustomerEndpoint.Address")
    #expect(flow.blocks[1].body.field("text")?.scalarText == "$.External.greeting")
    #expect(flow.blocks[3].body.field("attribute")?.scalarText == "$.Attributes.visits")
    // The menu's kind is located at the module's `"type"` value: line 4, column 21.
    #expect(flow.blocks[2].kind.span.start == SourceLocation(line: 4, column: 21))
  }

  @Test func aTranslatedFlowExportsInTheCurrentFormat() throws {
    let document = try ConnectReader.read(Array(Self.legacy.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let flow = try #require(lowering.lower(fallbackName: "x").flow)
    let json = try ConnectExporter.export(flow, resource: { _, name in name }).get()
    let text = json.printed()
    let written = try ConnectReader.read(Array(text.utf8), file: FileID(1)).get()
    #expect(written.shape == .flowLanguage)
    let actions = written.content["Actions"]?.items ?? []
    #expect(actions.compactMap { $0["Type"]?.string } == [
      "UpdateContactAttributes", "MessageParticipant", "GetParticipantInput", "Compare", "UpdateContactTargetQueue", "TransferContactToQueue",
      "DisconnectParticipant",
    ])
    // The identifiers and the designer positions of the modules are kept.
    #expect(actions.first?["Identifier"]?.string == "0a1b2c3d-0000-4000-8000-000000000001")
    #expect(written.content["StartAction"]?.string == "0a1b2c3d-0000-4000-8000-000000000001")
    let position = written.content["Metadata"]?["ActionMetadata"]?["0a1b2c3d-0000-4000-8000-000000000002"]?["position"]
    #expect(position.map(ConnectJSON.init) == .object([("x", .number("380")), ("y", .number("40"))]))
    #expect(actions[3]["Transitions"]?["Conditions"]?.items?.first?["Condition"]?["Operator"]?.string == "NumberGreaterThan")
  }

  @Test func theFlowLanguageOfATranslationComesBack() throws {
    let outcome = try #require(ConnectRoundTrip.runLegacy(Array(Self.legacy.utf8)))
    #expect(outcome.problem == nil)
    #expect(outcome.isIdentical)
    #expect(outcome.native == 7)
  }

  @Test func aModuleWithoutATranslationKeepsTheFlowAsItWasRead() throws {
    let text = Self.legacy.replacingOccurrences(of: #""parameters":[],"target":"Queue""#, with: #""parameters":[{"name":"PhoneNumber","value":"+18005550100"}],"target":"PhoneNumber""#)
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let flow = try #require(lowering.lower(fallbackName: "x").flow)
    #expect(flow.blocks.allSatisfy { $0.kind.value == "connect-action" })
    #expect(lowering.notes == [
      "a legacy export: its 7 modules are kept as `connect-action` blocks, since legacy module `Transfer` to `PhoneNumber` has no translation Callflow knows (line 7, column 25)"
    ])
    guard case .failure(let failure) = ConnectExporter.export(flow, resource: { _, name in name }) else {
      Issue.record("a legacy flow was exported")
      return
    }
    #expect(failure.diagnostics.map(\.message) == ["flow `old-menu` was read from a legacy export, which Callflow does not write back"])
  }

  @Test(arguments: [
    ("Customer Number", "System", "$.CustomerEndpoint.Address"), ("Stored customer input", "System", "$.StoredCustomerInput"),
    ("Queue.Name", "System", "$.Queue.Name"), ("Channel", "System", "$.Channel"), ("x", "External", "$.External.x"),
    ("tier", "User Defined", "$.Attributes.tier"),
  ])
  func namespacedNamesArePaths(_ name: String, _ namespace: String, _ path: String) throws {
    let module = #"{"id":"a","type":"SetAttributes","branches":[],"parameters":[{"name":"Attribute","value":"\#(name)","key":"k","namespace":"\#(namespace)"}]}"#
    let text = #"{"modules":[\#(module)],"version":"1","type":"contactFlow","start":"a","metadata":{"name":"n"}}"#
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let flow = try #require(lowering.lower(fallbackName: "x").flow)
    #expect(flow.blocks.first?.body.field("k")?.scalarText == path)
  }

  @Test func aBranchTheActionDoesNotHaveKeepsTheFlowAsRead() throws {
    // Set voice has only `Success`: an `Error` branch would be lost in translation.
    let module = #"{"id":"a","type":"SetVoice","branches":[{"condition":"Success","transition":"a"},{"condition":"Error","transition":"a"}],"parameters":[{"name":"GlobalVoice","value":"Joanna"}]}"#
    let text = #"{"modules":[\#(module)],"version":"1","type":"contactFlow","start":"a","metadata":{"name":"n"}}"#
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let flow = try #require(lowering.lower(fallbackName: "x").flow)
    #expect(flow.blocks.first?.kind.value == "connect-action")
    #expect(lowering.notes == [
      "a legacy export: its module is kept as a `connect-action` block, since legacy module `SetVoice` has a branch its action does not have (line 1, column 30)"
    ])
  }

  /// Stopping media streaming is the streaming action disabled; a queue's metrics are read
  /// by Get queue metrics; a voice's engine and speaking style are set beside the voice.
  @Test func streamingMetricsAndVoiceEnginesAreTranslated() throws {
    let modules = [
      #"{"id":"stop","type":"StopMediaStreaming","branches":[{"condition":"Success","transition":"metrics"},{"condition":"Error","transition":"end"}],"parameters":[{"name":"Track","value":"FromCustomer"},{"name":"Track","value":"ToCustomer"},{"name":"MediaStreamTypes","value":"Audio"}]}"#,
      #"{"id":"metrics","type":"GetMetricData","branches":[{"condition":"Success","transition":"voice"},{"condition":"Error","transition":"end"}],"parameters":[{"name":"Queue","value":"arn:aws:connect:us-east-1:111122223333:instance/i/queue/q","namespace":null,"resourceName":"Support"}]}"#,
      #"{"id":"voice","type":"SetVoice","branches":[{"condition":"Success","transition":"end"}],"parameters":[{"name":"GlobalVoice","value":"Joanna"},{"name":"GlobalEngine","value":"Neural"},{"name":"SpeakingStyle","value":"None"}]}"#,
      #"{"id":"end","type":"Disconnect","branches":[],"parameters":[]}"#,
    ]
    let text = #"{"modules":[\#(modules.joined(separator: ","))],"version":"1","type":"contactFlow","start":"stop","metadata":{"name":"n"}}"#
    // What `export connect` writes of the translated flow, and reads back the same.
    let outcome = try #require(ConnectRoundTrip.runLegacy(Array(text.utf8)))
    #expect(outcome.problem == nil)
    #expect(outcome.isIdentical)
    guard case .array(let actions)? = outcome.original["Actions"] else {
      Issue.record("no actions written")
      return
    }
    #expect(actions.count == 4)
    #expect(actions[0] == .object([
      ("Identifier", .string("stop")), ("Type", .string("UpdateContactMediaStreamingBehavior")),
      ("Parameters", .object([
        ("MediaStreamingState", .string("Disabled")), ("MediaStreamType", .string("Audio")),
        ("Participants", .array([.object([("ParticipantType", .string("Customer")), ("MediaDirections", .array([.string("From"), .string("To")]))])])),
      ])),
      ("Transitions", .object([("NextAction", .string("metrics")), ("Errors", .array([.object([("NextAction", .string("end")), ("ErrorType", .string("NoMatchingError"))])]))])),
    ]))
    #expect(actions[1]["Type"] == .string("GetMetricData"))
    #expect(actions[1]["Parameters"] == .object([("QueueId", .string("arn:aws:connect:us-east-1:111122223333:instance/i/queue/q"))]))
    #expect(actions[1]["Transitions"]?["Errors"] == .array([.object([("NextAction", .string("end")), ("ErrorType", .string("NoMatchingError"))])]))
    #expect(actions[2]["Type"] == .string("UpdateContactTextToSpeechVoice"))
    #expect(actions[2]["Parameters"] == .object([
      ("TextToSpeechEngine", .string("Neural")), ("TextToSpeechStyle", .string("None")), ("TextToSpeechVoice", .string("Joanna")),
    ]))
  }

  @Test func aSystemLabelCallflowDoesNotKnowIsNotGuessed() throws {
    let module = #"{"id":"a","type":"SetAttributes","branches":[],"parameters":[{"name":"Attribute","value":"Some label","key":"k","namespace":"System"}]}"#
    let text = #"{"modules":[\#(module)],"version":"1","type":"contactFlow","start":"a","metadata":{"name":"n"}}"#
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let flow = try #require(lowering.lower(fallbackName: "x").flow)
    #expect(flow.blocks.first?.kind.value == "connect-action")
  }
}

extension SyntaxValue {
  /// The value of field `name` of a record.
  fileprivate func field(_ name: String) -> SyntaxValue? {
    guard case .record(let fields) = kind else { return nil }
    return fields.first { $0.name.value == name }?.value
  }
}
