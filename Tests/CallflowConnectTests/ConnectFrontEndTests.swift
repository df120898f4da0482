import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import Foundation
import Testing

@Suite struct ConnectFrontEndTests {
  /// A flow in the shape the designer exports: UUID and free-text identifiers, a menu, a
  /// compare, an unwired error branch, SSML, a dynamic queue, an action with no block.
  static let flow = """
    {"Version":"2019-10-30","StartAction":"Set logging","Metadata":{"entryPointPosition":{"x":15,"y":20},"type":"contactFlow","ActionMetadata":{"Set logging":{"position":{"x":120,"y":40}},"6f1c2c55-3b0c-4a57-9c2e-7d9a50b6a0a1":{"position":{"x":380.5,"y":40}}}},"Actions":[
    {"Identifier":"Set logging","Type":"UpdateFlowLoggingBehavior","Parameters":{"FlowLoggingBehavior":"Enabled"},"Transitions":{"NextAction":"6f1c2c55-3b0c-4a57-9c2e-7d9a50b6a0a1"}},
    {"Identifier":"6f1c2c55-3b0c-4a57-9c2e-7d9a50b6a0a1","Type":"GetParticipantInput","Parameters":{"StoreInput":"False","InputTimeLimitSeconds":"5","Text":"Press 1 for sales, 2 for support."},"Transitions":{"NextAction":"bye","Conditions":[{"NextAction":"sales","Condition":{"Operator":"Equals","Operands":["1"]}},{"NextAction":"route","Condition":{"Operator":"Equals","Operands":["2"]}}],"Errors":[{"NextAction":"bye","ErrorType":"NoMatchingCondition"},{"NextAction":"bye","ErrorType":"InputTimeLimitExceeded"}]}},
    {"Identifier":"sales","Type":"MessageParticipant","Parameters":{"SSML":"<speak>Sales is closed.</speak>"},"Transitions":{"NextAction":"bye"}},
    {"Identifier":"route","Type":"Compare","Parameters":{"ComparisonValue":"$.Attributes.tier"},"Transitions":{"NextAction":"queue","Conditions":[{"NextAction":"vip","Condition":{"Operator":"Equals","Operands":["gold"]}}],"Errors":[{"NextAction":"queue","ErrorType":"NoMatchingCondition"}]}},
    {"Identifier":"vip","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"$.Attributes.vipQueueArn"},"Transitions":{"NextAction":"transfer","Errors":[{"NextAction":"bye","ErrorType":"NoMatchingError"}]}},
    {"Identifier":"queue","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"arn:aws:connect:us-east-1:111122223333:instance/abc/queue/def"},"Transitions":{"NextAction":"transfer"}},
    {"Identifier":"transfer","Type":"TransferContactToQueue","Parameters":{},"Transitions":{"NextAction":"bye","Errors":[{"NextAction":"bye","ErrorType":"QueueAtCapacity"},{"NextAction":"bye","ErrorType":"NoMatchingError"}]}},
    {"Identifier":"bye","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}
    """

  @Test func lowersActionsToBlocksWithSpansIntoTheJSON() throws {
    let document = try ConnectReader.read(Array(Self.flow.utf8), file: FileID(0)).get()
    #expect(document.shape == .flowLanguage)
    var lowering = ConnectLowering(document, file: FileID(0))
    let (lowered, diagnostics) = lowering.lower(fallbackName: "menu")
    #expect(diagnostics.isEmpty)
    let flow = try #require(lowered)
    #expect(flow.type?.value == "inbound")
    #expect(flow.blocks.map(\.id.value) == ["set-logging", "get-input", "sales", "route", "vip", "queue", "transfer", "bye"])
    #expect(flow.blocks.map(\.kind.value) == [
      "set-logging", "get-input", "play-prompt", "check-attribute", "set-working-queue", "set-working-queue", "transfer-to-queue", "disconnect",
    ])
    #expect(lowering.nativeCount == 8 && lowering.opaqueCount == 0)
    // The menu's kind is at its `"Type"` value: line 3, column 61.
    #expect(flow.blocks[1].kind.span.start == SourceLocation(line: 3, column: 61))
    #expect(flow.start?.value == "set-logging")
  }

  @Test func invalidEscapeInsideContentIsLocatedInTheOuterFile() {
    let text = "{\n  \"ContactFlow\": {\n    \"Name\": \"x\",\n    \"Content\": \"{\\\"Version\\\":\\\"2019-10-30\\\",\\\"Actions\\\":[{\\\"Identifier\\\":\\\"it\\\\'s\\\"}]}\"\n  }\n}\n"
    guard case .failure(let error) = ConnectReader.read(Array(text.utf8), file: FileID(0)) else {
      Issue.record("an invalid escape was read")
      return
    }
    #expect(error.message.hasPrefix("in `Content`: invalid escape `\\'`"))
    // The outer `\\` that became the inner escape's backslash.
    #expect(error.span.start == SourceLocation(line: 4, column: 78))
  }

  @Test(arguments: [
    ("[", "the text ends where a value was expected"),
    ("{\"a\": tru}", "expected a value, found `t`"),
    ("{\"Content\": 5}", "`Content` must be the flow language as a JSON string, not a number"),
    ("{\"Actions\": [], \"Version\": \"2020-01-01\"}", "flow language version `2020-01-01` is not one Callflow reads"),
    ("{\"a\": \"\\ud800\"}", "`\\u` escape of a lone high surrogate (a low surrogate `\\uDC00`-`\\uDFFF` must follow)"),
  ])
  func badInputIsALocatedDiagnostic(_ input: String, _ message: String) {
    switch ConnectReader.read(Array(input.utf8), file: FileID(0)) {
    case .failure(let error): #expect(error.message == message)
    case .success(let document):
      var lowering = ConnectLowering(document, file: FileID(0))
      let (_, diagnostics) = lowering.lower(fallbackName: "x")
      #expect(diagnostics.map(\.message) == [message])
    }
  }

  @Test(arguments: [[0xFF], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80]] as [[UInt8]])
  func bytesThatAreNotUTF8AreALocatedError(_ bad: [UInt8]) {
    // In a string without escapes and in one with, after valid non-ASCII text.
    for (prefix, suffix) in [("{\"Text\": \"caf\u{E9} ", "\"}"), ("{\"Text\": \"a\\n", "\"}")] {
      let bytes = Array(prefix.utf8) + bad + Array(suffix.utf8)
      guard case .failure(let error) = ConnectReader.read(bytes, file: FileID(0)) else {
        Issue.record("\(bad) was read as UTF-8")
        continue
      }
      #expect(error.message == "the string holds bytes that are not UTF-8")
      #expect(error.span.start.line == 1)
    }
    // Valid text of every length comes back as it was.
    let text = "é ✓ 😀"
    let read = try? ConnectReader.read(Array("{\"Actions\": [], \"Text\": \"\(text)\"}".utf8), file: FileID(0)).get()
    #expect(read?.content["Text"]?.string == text)
  }

  @Test func crlfTabsAndLoneCRsCountAsTheEditorCountsThem() throws {
    // Line 3 starts with a tab; a lone CR also ends a line; `é` is one column.
    let text = "{\r\n\"Version\":\"2019-10-30\",\"StartAction\":\"é\",\r\n\t\"Actions\":[\r{\"Identifier\":\"é\",\t\"Type\": \"DisconnectParticipant\",\"Parameters\":{},\"Transitions\":{}}]}\r\n"
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let flow = try #require(lowering.lower(fallbackName: "x").flow)
    #expect(flow.blocks.first?.kind.span.start == SourceLocation(line: 4, column: 28))
    #expect(flow.blocks.first?.kind.span.end == SourceLocation(line: 4, column: 51))
    #expect(flow.start?.span.start == SourceLocation(line: 2, column: 38))
  }

  @Test func deepNestingIsRefused() {
    let deep = String(repeating: "[", count: 100_000)
    guard case .failure(let error) = ConnectReader.read(Array(deep.utf8), file: FileID(0)) else {
      Issue.record("100,000 nested arrays were read")
      return
    }
    #expect(error.message == "arrays and objects are nested more than 200 deep")
  }

  @Test func duplicateIdentifiersAreReportedAtTheSecond() throws {
    let text = """
      {"Version":"2019-10-30","StartAction":"a","Actions":[
      {"Identifier":"a","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}},
      {"Identifier":"a","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}
      """
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let (_, diagnostics) = lowering.lower(fallbackName: "x")
    #expect(diagnostics.map(\.message) == ["two actions have the identifier `a`"])
    #expect(diagnostics.first?.span.start == SourceLocation(line: 3, column: 15))
  }

  /// An error type given twice in one action (found by fuzzing: kept as it was, its two
  /// branches of one name made YAML that did not read back): reported at the second, the
  /// action not read.
  @Test func anErrorTypeTwiceInOneActionIsReportedAtTheSecond() throws {
    let text = """
      {"Version":"2019-10-30","StartAction":"t","Actions":[
      {"Identifier":"t","Type":"TransferContactToQueue","Parameters":{},"Transitions":{"NextAction":"d","Errors":[
      {"NextAction":"d","ErrorType":"QueueAtCapacity"},
      {"NextAction":"d","ErrorType":"QueueAtCapacity"}]}},
      {"Identifier":"d","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}
      """
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let (flow, diagnostics) = lowering.lower(fallbackName: "x")
    #expect(diagnostics.map(\.message) == ["action `t` has two transitions for the error `QueueAtCapacity`"])
    #expect(diagnostics.first?.rule == "connect-syntax")
    #expect(diagnostics.first?.span.start == SourceLocation(line: 4, column: 31))
    #expect(diagnostics.first?.notes.first?.span?.start == SourceLocation(line: 3, column: 31))
    #expect(flow?.isPartial == true)
    // Import refuses it, so the round trip does not run on it.
    #expect(ConnectRoundTrip.run(Array(text.utf8)) == nil)
  }

  @Test func importThenExportGivesTheSameFlow() throws {
    let outcome = try #require(ConnectRoundTrip.run(Array(Self.flow.utf8)))
    #expect(outcome.problem == nil)
    #expect(outcome.isIdentical)
  }

  @Test func everyShapeIsRead() throws {
    let content = ConnectJSON.string(Self.flow).compact()
    let describe = "{\"ContactFlow\": {\"Arn\": \"arn:aws:connect:us-east-1:1:instance/i/contact-flow/f\", \"Id\": \"f\", \"Name\": \"Main Menu\", \"Type\": \"CONTACT_FLOW\", \"Content\": \(content)}}"
    let create = "{\"Name\": \"Main Menu\", \"Type\": \"CONTACT_FLOW\", \"Content\": \(content)}"
    let legacy = """
      {"modules":[{"id":"m1","type":"PlayPrompt","branches":[{"condition":"Success","transition":"m2"}],"parameters":[{"name":"Text","value":"Hi"}]},{"id":"m2","type":"Disconnect","branches":[],"parameters":[]}],"version":"1","type":"contactFlow","start":"m1","metadata":{"name":"Old"}}
      """
    for (text, shape, name) in [(describe, ConnectShape.describe, "Main Menu"), (create, .createRequest, "Main Menu"), (legacy, .legacy, "Old")] {
      let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
      #expect(document.shape == shape)
      #expect(document.name?.value == name)
      var lowering = ConnectLowering(document, file: FileID(0))
      let (flow, diagnostics) = lowering.lower(fallbackName: "x")
      #expect(diagnostics.isEmpty)
      #expect(flow?.name?.value == ConnectLowering.slug(name, fallback: ""))
    }
  }

  /// Over a folder of real exports (kept outside the repository), when one is given:
  /// `CALLFLOW_CONNECT_CORPUS=/path swift test --filter realExports`.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["CALLFLOW_CONNECT_CORPUS"] != nil, "needs a folder of real exports"))
  func realExportsRoundTrip() throws {
    let folder = try #require(ProcessInfo.processInfo.environment["CALLFLOW_CONNECT_CORPUS"])
    var files = 0
    var same = 0
    var native = 0
    var actions = 0
    var legacy = 0
    var legacySame = 0
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let path = enumerator?.nextObject() as? String {
      let full = folder + "/" + path
      guard let data = FileManager.default.contents(atPath: full) else { continue }
      if let outcome = ConnectRoundTrip.runLegacy(Array(data)) {
        legacy += 1
        if outcome.isIdentical { legacySame += 1 } else { print("legacy round trip differs: \(path): \(outcome.problem ?? "")") }
      }
      guard let outcome = ConnectRoundTrip.run(Array(data)) else { continue }
      files += 1
      native += outcome.native
      actions += outcome.native + outcome.opaque
      if outcome.isIdentical {
        same += 1
      } else {
        print("round trip differs: \(path): \(outcome.problem ?? "")")
        if ProcessInfo.processInfo.environment["CALLFLOW_CONNECT_SHOW"] != nil, let exported = outcome.exported {
          print(ConnectRoundTrip.essence(exported, positionsOf: outcome.original).printed())
          print(ConnectRoundTrip.essence(outcome.original).printed())
        }
      }
    }
    print("real exports: \(files) flow-language files, \(same) round-trip identical, \(native) of \(actions) actions native")
    print("legacy exports translated and exported: \(legacy), of which \(legacySame) come back from import and export")
    #expect(files > 0, "no flow-language file in \(folder)")
    #expect(same == files)
    #expect(legacySame == legacy)
  }
}

@Suite struct ConnectBoundsTests {
  /// Ten thousand actions: read, lowered and reported, in time linear in the file.
  @Test func tenThousandActionsAreALocatedLimit() throws {
    var text = #"{"Version":"2019-10-30","StartAction":"a0","Metadata":{"type":"contactFlow"},"Actions":["#
    for i in 0..<10_000 {
      text += #"{"Identifier":"a\#(i)","Type":"MessageParticipant","Parameters":{"Text":"Step \#(i)"},"Transitions":{"NextAction":"a\#(i + 1)"}},"#
    }
    text += #"{"Identifier":"a10000","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let (flow, diagnostics) = lowering.lower(fallbackName: "big")
    #expect(flow?.blocks.count == 10_001)
    #expect(lowering.nativeCount == 10_001)
    #expect(diagnostics.map(\.message) == [
      "the flow has 10001 actions; Amazon Connect allows 250", "the flow language is \(text.unicodeScalars.count) characters long; Amazon Connect allows 256000",
    ])
    #expect(diagnostics.first?.span.start == SourceLocation(line: 1, column: 88))
  }

  /// A hundred megabytes is refused before it is parsed.
  @Test func aHundredMegabytesIsRefusedUnread() {
    var bytes = Array(#"{"Version":"2019-10-30","Actions":[{"Identifier":"a","Type":"MessageParticipant","Parameters":{"Text":""#.utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 100_000_000)
    bytes += Array(#""}}]}"#.utf8)
    guard case .failure(let error) = ConnectReader.read(bytes, file: FileID(0)) else {
      Issue.record("100 MB were read")
      return
    }
    #expect(error.message == "the file is 95 MiB; an Amazon Connect flow is at most 256,000 characters of flow language")
    #expect(error.span.start == SourceLocation(line: 1, column: 1))
  }

  @Test func aNextActionToNowhereIsTheCheckersUndefinedTarget() throws {
    let text = #"{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"MessageParticipant","Parameters":{"Text":"x"},"Transitions":{"NextAction":"b"}}]}"#
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let flow = try #require(lowering.lower(fallbackName: "x").flow)
    // The target keeps the identifier, located at the `NextAction` value.
    #expect(flow.blocks[0].next?.value == "b")
    #expect(flow.blocks[0].next?.span.start == SourceLocation(line: 1, column: 154))
  }
}

/// What the Connect fuzz target found, as tests of their own (Docs/FUZZING.md).
@Suite struct ConnectFuzzFindingTests {
  /// A misspelt member would be dropped on the way back: it is refused instead.
  @Test func aMemberFlowLanguageDoesNotHaveIsRefused() throws {
    let text = #"{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"ShowView","Parameters":{},"Transitions":{"NextActipn":"a"}}]}"#
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let (flow, diagnostics) = lowering.lower(fallbackName: "x")
    #expect(diagnostics.map(\.message) == ["`NextActipn` is not a member of `Transitions`; did you mean `NextAction`?"])
    #expect(diagnostics.first?.span.start == SourceLocation(line: 1, column: 121))
    #expect(flow?.isPartial == true)
    #expect(ConnectRoundTrip.run(Array(text.utf8)) == nil, "a flow with an error has no round trip to keep")
  }

  /// A designer position is kept as it is written, whatever it holds.
  @Test func aPositionComesBackAsWritten() throws {
    let text = #"{"Version":"2019-10-30","StartAction":"a","Metadata":{"ActionMetadata":{"a":{"position":{" x":224,"y":56.5}}}},"Actions":[{"Identifier":"a","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#
    let outcome = try #require(ConnectRoundTrip.run(Array(text.utf8)))
    #expect(outcome.isIdentical)
  }
}

extension ConnectFuzzFindingTests {
  /// A name twice in one object: one of the values would be lost on the way back.
  @Test func aNameTwiceInAnObjectIsRefused() {
    let text = #"{"Version":"2019-10-30","Actions":[{"Identifier":"a","Type":"X","Transitions":{"Errors":[{"NextAction":"a","ErrorType":"A","ErrorType":"B"}]}}]}"#
    guard case .failure(let error) = ConnectReader.read(Array(text.utf8), file: FileID(0)) else {
      Issue.record("a duplicate name was read")
      return
    }
    #expect(error.message == "`ErrorType` appears twice in this object")
    #expect(error.span.start == SourceLocation(line: 1, column: 124))
  }
}

extension ConnectFuzzFindingTests {
  /// A transition to an identifier no action has keeps it as its target; a readable id made
  /// from another identifier must not be that text, or the target would change on the way back.
  @Test func aTargetToNowhereIsNoReadableID() throws {
    let text = #"{"Version":"2019-10-30","StartAction":"x","Actions":[{"Identifier":"x","Type":"MessageParticipant","Parameters":{"Text":"Hi"},"Transitions":{"NextAction":"go-on"}},{"Identifier":"go<on","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let flow = try #require(lowering.lower(fallbackName: "t").flow)
    #expect(flow.blocks.map(\.id.value) == ["x", "go-on-2"])
    #expect(flow.blocks[0].next?.value == "go-on")
    let outcome = try #require(ConnectRoundTrip.run(Array(text.utf8)))
    #expect(outcome.isIdentical)
  }
}

extension ConnectFuzzFindingTests {
  /// A key longer than YAML's 1,024-character simple keys is printed as an explicit key, and
  /// read back (the fuzz target found a parameter name YAML could not read back).
  @Test func aLongParameterNameComesBack() throws {
    let name = String(repeating: "k", count: 1_500)
    let text = #"{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"CustomThing","Parameters":{"\#(name)":"v"},"Transitions":{}}]}"#
    let outcome = try #require(ConnectRoundTrip.run(Array(text.utf8)))
    #expect(outcome.problem == nil)
    #expect(outcome.isIdentical)
  }
}

@Suite struct JSONTapeTests {
  /// Values are read onto a tape; escaped text is decoded once, and a member's name is found
  /// whatever escapes spell it.
  @Test func escapedNamesAndTextsAreReadDecoded() throws {
    let text = #"{"k\u0065y": "caf\u00e9 \"1\"", "n": -2.50e1, "list": [true, false, null, {}], "plain": "x"}"#
    var reader = JSONReader(Array(text.utf8), file: FileID(0))
    let root = try reader.read()
    #expect(root.isObject && root.count == 4)
    #expect(root["key"]?.string == "café \"1\"")
    #expect(root["n"]?.number == "-2.50e1")
    #expect(root["list"]?.items?.map(\.kindDescription) == ["a boolean", "a boolean", "null", "an object"])
    #expect(root["plain"]?.isString("x") == true)
    #expect(root["missing"] == nil)
    #expect(root.members?.map(\.key.value) == ["key", "n", "list", "plain"])
    // The name's span is that of the name as written, escapes and all.
    #expect(root.members?.first?.key.span.start == SourceLocation(line: 1, column: 2))
    #expect(root.members?.first?.key.span.end == SourceLocation(line: 1, column: 12))
  }

  /// A name given twice is refused in a large object too (its names are kept in a table).
  @Test func aNameTwiceInALargeObjectIsRefused() {
    let members = (0..<20).map { #""b\#($0)":{"position":{"x":1,"y":2}}"# } + [#""b3":{}"#]
    let text = "{" + members.joined(separator: ",") + "}"
    var reader = JSONReader(Array(text.utf8), file: FileID(0))
    do {
      _ = try reader.read()
      Issue.record("a name given twice was read")
    } catch {
      #expect(error.message == "`b3` appears twice in this object")
      #expect(error.span.start == SourceLocation(line: 1, column: text.utf8.count - 7))
    }
    var distinct = JSONReader(Array(("{" + members.dropLast().joined(separator: ",") + "}").utf8), file: FileID(0))
    #expect((try? distinct.read())?.count == 20)
    // A name escaped is the name it decodes to: `\u0062\u0031\u0039` is `b19`, given before.
    var escaped = JSONReader(Array(("{" + members.dropLast().joined(separator: ",") + #","\u0062\u0031\u0039":{}}"#).utf8), file: FileID(0))
    do {
      _ = try escaped.read()
      Issue.record("a name given twice, once escaped, was read")
    } catch {
      #expect(error.message == "`b19` appears twice in this object")
    }
  }

  /// A value made in code may hold values read from a file: their texts and spans come with them.
  @Test func aValueMadeInCodeKeepsTheValuesReadInsideIt() throws {
    let text = "{\n  \"a\": [1, \"x\\u0041\"],\n  \"b\": {\"c\": null}\n}"
    var reader = JSONReader(Array(text.utf8), file: FileID(3))
    let read = try reader.read()
    let a = try #require(read["a"])
    let b = try #require(read["b"])
    let made = JSONNode(
      .object([
        JSONNode.Member(key: Located("first", at: a.span), value: a),
        JSONNode.Member(key: Located("second", at: b.span), value: b),
        JSONNode.Member(key: Located("third", at: b.span), value: JSONNode(.string("made"), at: b.span)),
      ]), at: read.span)
    #expect(made.members?.map(\.key.value) == ["first", "second", "third"])
    let items = try #require(made["first"]?.items)
    #expect(items.map(\.kindDescription) == ["a number", "a string"])
    #expect(items[0].number == "1")
    #expect(items[1].string == "xA")
    #expect(items[1].span == a.items?[1].span)
    #expect(items[1].span.file == FileID(3))
    #expect(made["second"]?["c"]?.isNull == true)
    #expect(made["third"]?.string == "made")
    #expect(ConnectJSON(made) == ConnectJSON.object([
      ("first", .array([.number("1"), .string("xA")])), ("second", .object([("c", .null)])), ("third", .string("made")),
    ]))
  }

  /// Actions alike but for their targets are decided once; which targets are the same decides
  /// too: a Check hours of operation goes on where its error goes, or it is no `check-hours`.
  @Test func actionsAlikeAreDecidedAlikeAndOnlyThey() throws {
    func hours(_ id: String, next: String, open: String, closed: String, error: String) -> String {
      #"{"Identifier":"\#(id)","Type":"CheckHoursOfOperation","Parameters":{},"Transitions":{"NextAction":"\#(next)","Conditions":[{"NextAction":"\#(open)","Condition":{"Operator":"Equals","Operands":["True"]}},{"NextAction":"\#(closed)","Condition":{"Operator":"Equals","Operands":["False"]}}],"Errors":[{"NextAction":"\#(error)","ErrorType":"NoMatchingError"}]}}"#
    }
    let bye = ["d", "d1", "d2"].map { #"{"Identifier":"\#($0)","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}"# }
    let actions = [
      hours("h1", next: "d", open: "d1", closed: "d2", error: "d"),
      hours("h2", next: "d1", open: "d1", closed: "d2", error: "d"),
      hours("h3", next: "d2", open: "d", closed: "d1", error: "d2"),
    ] + bye
    let text = #"{"Version":"2019-10-30","StartAction":"h1","Metadata":{"type":"contactFlow"},"Actions":[\#(actions.joined(separator: ","))]}"#
    let document = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
    var lowering = ConnectLowering(document, file: FileID(0))
    let flow = try #require(lowering.lower(fallbackName: "hours").flow)
    #expect(flow.blocks.prefix(3).map(\.kind.value) == ["check-hours", "connect-action", "check-hours"])
    #expect(flow.blocks[2].next?.value == "d")
    #expect(flow.blocks[2].branches.map { "\($0.name.value)>\($0.target.value)" } == ["error>d2", "out-of-hours>d1"])
    let outcome = try #require(ConnectRoundTrip.run(Array(text.utf8)))
    #expect(outcome.isIdentical)
  }
}
