import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import CallflowTestSupport
import Testing

/// Where Amazon Connect allows each action: its own lists decide on flows read from Connect
/// and on flows exported to it.
@Suite struct ConnectPlacementTests {
  static func lower(_ text: String) throws -> (FlowSyntax?, [Diagnostic], [String]) {
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let (flow, diagnostics) = lowering.lower(fallbackName: "flow")
    return (flow, diagnostics, lowering.notes)
  }

  @Test func aWorkingQueueInACustomerQueueFlowIsRefusedAtItsType() throws {
    let text = #"""
      {"Version":"2019-10-30","StartAction":"q","Metadata":{"type":"customerQueue"},"Actions":[
      {"Identifier":"q","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"$.Attributes.q"},"Transitions":{"NextAction":"end"}},
      {"Identifier":"end","Type":"EndFlowExecution","Parameters":{},"Transitions":{}}]}
      """#
    let (_, diagnostics, _) = try Self.lower(text)
    #expect(diagnostics.map(\.rule) == ["block-not-allowed"])
    #expect(diagnostics.first?.message == "Amazon Connect does not allow `UpdateContactTargetQueue` (Set working queue) in a `customer-queue` flow (`customerQueue`)")
    #expect(diagnostics.first?.notes.map(\.message) == [
      "Connect allows it in `inbound`, `outbound`, `transfer-to-queue`, `agent-transfer`, `disconnect`, and `module` flows"
    ])
    // At the `"Type"` value of the action: line 2, column 26.
    #expect(diagnostics.first?.span.start == SourceLocation(line: 2, column: 26))
  }

  @Test func theSameActionInAnInboundFlowIsAllowed() throws {
    let text = #"""
      {"Version":"2019-10-30","StartAction":"q","Metadata":{"type":"contactFlow"},"Actions":[
      {"Identifier":"q","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"$.Attributes.q"},"Transitions":{"NextAction":"t"}},
      {"Identifier":"t","Type":"TransferContactToQueue","Parameters":{},"Transitions":{"NextAction":"end","Errors":[{"NextAction":"end","ErrorType":"QueueAtCapacity"}]}},
      {"Identifier":"end","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}
      """#
    let (_, diagnostics, _) = try Self.lower(text)
    #expect(diagnostics.isEmpty)
  }

  @Test func anEventHookIsPlacedByTheFlowItSets() throws {
    // A customer queue flow may set a hold flow, not another customer queue flow.
    func flow(_ hook: String) -> String {
      #"{"Version":"2019-10-30","StartAction":"h","Metadata":{"type":"customerQueue"},"Actions":[{"Identifier":"h","Type":"UpdateContactEventHooks","Parameters":{"EventHooks":{"\#(hook)":"arn:aws:connect:us-east-1:111122223333:instance/i/contact-flow/f"}},"Transitions":{"NextAction":"end"}},{"Identifier":"end","Type":"EndFlowExecution","Parameters":{},"Transitions":{}}]}"#
    }
    #expect(try Self.lower(flow("CustomerHold")).1.isEmpty)
    #expect(try Self.lower(flow("CustomerQueue")).1.map(\.message) == [
      "Amazon Connect does not allow `UpdateContactEventHooks` (Set event hook) of `CustomerQueue` in a `customer-queue` flow (`customerQueue`)"
    ])
  }

  @Test func aModuleHoldsWhatAContactFlowHoldsButNoModule() throws {
    let text = #"""
      {"Version":"2019-10-30","StartAction":"m","Settings":{"InputParameters":[],"OutputParameters":[],"Transitions":[]},"Actions":[
      {"Identifier":"m","Type":"InvokeFlowModule","Parameters":{"FlowModuleId":"0b3f1d9a-2c4e-4f6a-8b1c-3d5e7f9a1b2c"},"Transitions":{"NextAction":"p"}},
      {"Identifier":"p","Type":"MessageParticipant","Parameters":{"Text":"hello"},"Transitions":{"NextAction":"r"}},
      {"Identifier":"r","Type":"EndFlowModuleExecution","Parameters":{},"Transitions":{}}]}
      """#
    let (_, diagnostics, _) = try Self.lower(text)
    #expect(diagnostics.map(\.message) == ["Amazon Connect does not allow `InvokeFlowModule` (Invoke module) in a `module` flow (`module`)"])
  }

  @Test func anInferredTypeIsOneWhereEveryActionIsAllowed() throws {
    // No type written; ending without a queue makes it a whisper flow, and recording is
    // allowed only in the outbound whisper flow of the three.
    let text = #"""
      {"Version":"2019-10-30","StartAction":"r","Actions":[
      {"Identifier":"r","Type":"UpdateContactRecordingBehavior","Parameters":{"RecordingBehavior":{"RecordedParticipants":["Agent","Customer"]}},"Transitions":{"NextAction":"end"}},
      {"Identifier":"end","Type":"EndFlowExecution","Parameters":{},"Transitions":{}}]}
      """#
    let (flow, diagnostics, notes) = try Self.lower(text)
    #expect(diagnostics.isEmpty)
    #expect(flow?.type?.value == "outbound-whisper")
    #expect(notes == ["the file does not say its flow type; `outbound-whisper` is inferred from its actions"])
  }

  @Test func anActionCallflowKnowsNoListForIsAllowedAnywhere() {
    #expect(ConnectPlacement.allowed(type: "CreateTask", hook: nil) == nil)
    #expect(ConnectPlacement.problem(type: "CreateTask", hook: nil, in: .agentHold) == nil)
  }

  @Test func publishedFlowsWidenTheReferenceLists() {
    // The reference's Play prompt page leaves out outbound whisper flows; published ones use it.
    #expect(ConnectPlacement.problem(type: "MessageParticipant", hook: nil, in: .outboundWhisper) == nil)
    #expect(ConnectPlacement.problem(type: "MessageParticipant", hook: nil, in: .agentHold) != nil)
  }
}

@Suite struct ConnectPlacementDocsTests {
  @Test func theTableInConnectMDIsTheCodes() throws {
    try checkGeneratedRegion(file: "Docs/CONNECT.md", name: "placement", content: ConnectPlacement.markdown())
  }
}

@Suite struct ReadableNameTests {
  @Test(arguments: [
    ("CheckHoursOfOperation", "check-hours-of-operation"), ("Main Menu", "main-menu"), ("  Play prompt #2 ", "play-prompt-2"),
    ("VIP2Queue", "vip2-queue"), ("café Menu", "caf-menu"), ("éA", "a"), ("ÄÖÜ", "fallback"), ("a--b__c", "a-b-c"), ("", "fallback"),
    ("getHTTPResponse", "get-httpresponse"),
    // Texts that are slugs already come back as they are; near misses are made one.
    ("b12", "b12"), ("play-prompt-2", "play-prompt-2"), ("-b1", "b1"), ("b1-", "b1"), ("b--1", "b-1"), ("-", "fallback"), ("B1", "b1"),
  ])
  func slugsAreLowercaseWordsJoinedByDashes(_ text: String, _ slug: String) {
    #expect(ConnectLowering.slug(text, fallback: "fallback") == slug)
  }
}
