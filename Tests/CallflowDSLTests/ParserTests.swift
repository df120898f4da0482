import CallflowDSL
import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML
import Testing

func dslProblems(_ text: String) -> [String] {
  parseDSL(text).1.map { "\($0.span.start) \($0.rule) \($0.message)" }
}

@Suite struct ParserTests {
  @Test func readsTheLanguageExample() throws {
    let text = """
      flow queued-callback-inbound : inbound {
        "Offers a callback to callers waiting for Support."
        start offer-callback

        offer-callback: get-input(prompt: "Press 1 ...", timeout: 5s, options: ["1", "2"]) {
          "1" -> ask-number
          "2", timeout, no-match, error -> stay-in-queue
        }
        to-callback-queue: transfer-to-queue(callback: (initial-delay: 99s, max-retries: 2,
                           retry-interval: 10m, working-queue: Callbacks)) -> goodbye {
          at-capacity, error -> sorry
        }
        goodbye: disconnect
      }
      """
    let (parsed, problems) = parseDSL(text)
    #expect(problems.isEmpty)
    let flow = try #require(parsed)
    #expect(flow.name?.value == "queued-callback-inbound")
    #expect(flow.type?.value == "inbound")
    #expect(flow.description?.value == "Offers a callback to callers waiting for Support.")
    #expect(flow.blocks.map(\.id.value) == ["offer-callback", "to-callback-queue", "goodbye"])
    #expect(flow.blocks[0].branches.map { "\($0.name.value)->\($0.target.value)" } == [
      "1->ask-number", "2->stay-in-queue", "timeout->stay-in-queue", "no-match->stay-in-queue", "error->stay-in-queue",
    ])
    #expect(flow.blocks[1].next?.value == "goodbye")
    #expect(flow.blocks[2].body.kindDescription == "nothing")
    // Exact spans: the block id, the string, the duration.
    #expect(flow.blocks[0].id.span.start == SourceLocation(line: 5, column: 3))
    #expect(flow.blocks[0].id.span.end == SourceLocation(line: 5, column: 17))
    guard case .record(let fields) = flow.blocks[0].body.kind else {
      Issue.record("get-input's body is not a record")
      return
    }
    #expect(fields.map(\.name.value) == ["prompt", "timeout", "options"])
    #expect(fields[1].value.span.start == SourceLocation(line: 5, column: 61))
    #expect(fields[1].value.span.end == SourceLocation(line: 5, column: 63))
    guard case .scalar("Press 1 ...", .quoted) = fields[0].value.kind else {
      Issue.record("the prompt is not a quoted string")
      return
    }
  }

  @Test func stringsEscapesAndBacktickLiterals() throws {
    let (parsed, problems) = parseDSL(
      #"flow f : inbound { a: play-prompt(text: "say \"hi\"\n\t\\ \u{e9}", other: `two words`) }"#)
    #expect(problems.isEmpty)
    guard case .record(let fields) = try #require(parsed).blocks[0].body.kind else { return }
    guard case .scalar(let text, .quoted) = fields[0].value.kind else { return }
    #expect(text == "say \"hi\"\n\t\\ é")
    guard case .scalar("two words", .bare) = fields[1].value.kind else {
      Issue.record("a backtick literal is bare")
      return
    }
  }

  @Test func reportsEveryErrorAndResumesAtTheNextBlock() {
    let text = """
      flow f : inbound {
        start a
        a: play-prompt(text "hello") -> b
        b: wait(5m -> c
        c: disconnect
        d: play-prompt("x") { error c }
        e: disconnect
      }
      """
    #expect(
      dslProblems(text) == [
        "3:23 dsl-syntax expected `:` after `text`, found the string \"hello\"",
        "4:14 dsl-syntax expected `)` after the block's value, found `->`",
        "6:31 dsl-syntax expected `->` and the block the branch goes to, found `c`",
      ])
    let (flow, _) = parseDSL(text)
    // Blocks abandoned after their id keep the id, with no kind, so references to them resolve.
    #expect(flow?.blocks.map(\.id.value) == ["a", "b", "c", "d", "e"])
    #expect(flow?.blocks.map(\.kind.value) == ["", "", "disconnect", "", "disconnect"])
    #expect(flow?.isPartial == true)
  }

  @Test func lexicalErrors() {
    // The unclosed `(` is given up at the `}`, which still closes the flow.
    #expect(
      dslProblems("flow f : inbound {\n  a: play-prompt(\"open\n}\n") == [
        "2:18 dsl-syntax unterminated string", "3:1 dsl-syntax expected `)` after the block's value, found `}`",
      ])
    #expect(dslProblems("flow f { a: b(x: \"\\q\") }").first == "1:19 dsl-syntax unknown escape `\\q`")
    #expect(dslProblems("flow f { a: b(x: *9) }") == ["1:18 dsl-syntax `*9` cannot be a bare value"])
    #expect(dslProblems("flow f { a: b(x: ` x`) }") == ["1:18 dsl-syntax ` x` cannot be a bare value"])
  }

  @Test func structureErrors() {
    #expect(dslProblems("") == ["1:1 dsl-syntax expected `flow`, the start of a flow, found the end of the file"])
    #expect(dslProblems("flow f { }\nflow g { }") == ["2:1 dsl-syntax expected the end of the file after the flow, found `flow`"])
    #expect(dslProblems("flow f { \"a\" \"b\" }") == ["1:14 dsl-syntax a flow has one description; this is a second"])
    #expect(dslProblems("flow f {\n  a: b\n") == ["3:1 dsl-syntax expected `}` to close flow, found the end of the file"])
  }

  @Test func deepNestingAndInvalidUTF8AreDiagnosedNotFatal() {
    let deep = "flow f { a: b(" + String(repeating: "[", count: 100_000) + ") }"
    #expect(dslProblems(deep) == ["1:115 dsl-syntax nesting deeper than 100 levels"])
    let (flow, problems) = DSLFrontend().parseFlow(
      SourceFile(path: "t.flow", bytes: Array("flow f {\n  a: b(\"".utf8) + [0xC3, 0x28] + Array("\") }".utf8)), file: FileID(0))
    #expect(flow == nil)
    #expect(problems.map { "\($0.span.start) \($0.message)" } == ["2:9 the file is not valid UTF-8 (byte 0xC3)"])
  }

  @Test func namesGivenTwiceAreReportedAndTheSecondLeftOutAsInYAML() throws {
    let text = """
      flow f : inbound {
        start a
        start b
        a: get-input(prompt: "x", prompt: "y", options: ["1"]) {
          "1" -> a
          "1", timeout -> b
        }
        a: disconnect
      }
      """
    #expect(
      dslProblems(text) == [
        "3:3 duplicate-key `start` appears twice in this flow",
        "4:29 duplicate-key `prompt` appears twice in these parameters",
        "6:5 duplicate-key `1` appears twice in the branches of `a`",
        "8:3 duplicate-key `a` appears twice in this flow's blocks",
      ])
    let flow = try #require(parseDSL(text).0)
    #expect(flow.start?.value == "a")
    #expect(flow.blocks.count == 1)
    #expect(flow.blocks[0].branches.map { "\($0.name.value)->\($0.target.value)" } == ["1->a", "timeout->b"])
  }

  @Test func controlCharactersAreRefusedAsInYAML() throws {
    #expect(dslProblems("// a\u{8}b\nflow f { }") == ["1:5 dsl-syntax the character U+8 is not allowed in a flow file"])
    #expect(dslProblems("\u{FEFF}flow f { }") == [])
    #expect(dslProblems("// a\rb\nflow f { }") == ["1:5 dsl-syntax the character U+D is not allowed in a flow file"])
    #expect(dslProblems("// a\r\nflow f {\r\n}\r\n") == [])
    // Characters YAML reads as line breaks are refused too; in strings they are escapes.
    #expect(dslProblems("// a\u{2028}b\nflow f { }") == ["1:5 dsl-syntax the character U+2028 is not allowed in a flow file"])
    let (flow, problems) = parseDSL("flow f { a: b(x: \"one\\u{2028}two\\u{85}\") }")
    #expect(problems.isEmpty)
    let yaml = YAMLPrinter.print(try #require(flow))
    #expect(yaml.contains("x: \"one\\U00002028two\\U00000085\""))
    #expect(try #require(parseYAML(yaml).0).structuralDump == flow?.structuralDump)
    #expect(dslProblems("flow f { a: b(\"tab\tok\") }") == [])
  }

  @Test func commentsAttachToWhatTheyPrecede() throws {
    let text = """
      // header
      flow f : inbound {
        start a // still the header
        // before a
        a: play-prompt("x") -> b // inside a
        b: disconnect
        // at the end
      }
      """
    let flow = try #require(parseDSL(text).0)
    #expect(flow.comments.map(\.text) == [" header", " still the header"])
    #expect(flow.blocks[0].comments.map(\.text) == [" before a", " inside a"])
    #expect(flow.blocks[1].comments.isEmpty)
    #expect(flow.trailingComments.map(\.text) == [" at the end"])
  }
}
