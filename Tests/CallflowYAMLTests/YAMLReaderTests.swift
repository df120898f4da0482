import CallflowTestSupport
import CallflowDiagnostics
import Testing

@testable import CallflowYAML

/// Reads `text` and returns the root and the diagnostics as `line:col rule message`.
func readYAML(_ text: String, limits: YAMLReader.Limits = .init()) -> (YAMLNode?, [String]) {
  readYAML(Array(text.utf8), limits: limits)
}

func readYAML(_ bytes: [UInt8], limits: YAMLReader.Limits = .init()) -> (YAMLNode?, [String]) {
  let (root, diagnostics) = YAMLReader(limits: limits).read(SourceFile(path: "t.yaml", bytes: bytes), file: FileID(0))
  return (root, diagnostics.map { "\($0.span.start) \($0.rule) \($0.message)" })
}

extension YAMLNode {
  var pairs: [YAMLPair] {
    if case .mapping(let p) = content { return p }
    return []
  }
  var scalar: YAMLScalar? {
    if case .scalar(let s) = content { return s }
    return nil
  }
  var items: [YAMLNode] {
    if case .sequence(let i) = content { return i }
    return []
  }
}

@Suite struct YAMLReaderTests {
  @Test func locatesEveryNodeInCharacters() throws {
    let (root, problems) = readYAML("flow: café\nblocks:\n  é-x: {wait: 5s}\n")
    #expect(problems.isEmpty)
    let pairs = try #require(root).pairs
    #expect(pairs.map { $0.key.scalar?.text } == ["flow", "blocks"])
    #expect(pairs[0].value.span.start == SourceLocation(line: 1, column: 7))
    #expect(pairs[0].value.span.end == SourceLocation(line: 1, column: 11))
    let block = pairs[1].value.pairs[0]
    #expect(block.key.span.start == SourceLocation(line: 3, column: 3))
    #expect(block.value.span.start == SourceLocation(line: 3, column: 8))
    #expect(block.value.span.end == SourceLocation(line: 3, column: 18))
    #expect(block.value.pairs[0].value.span.start == SourceLocation(line: 3, column: 15))
  }

  @Test func keepsScalarStylesAndTags() throws {
    let (root, _) = readYAML("a: 1\nb: \"1\"\nc: '1'\nd: |\n  x\ne: !!str 1\n")
    let values = try #require(root).pairs.map(\.value)
    #expect(values.map { $0.scalar?.style } == [.plain, .doubleQuoted, .singleQuoted, .literal, .plain])
    #expect(values[3].scalar?.text == "x\n")
    #expect(values[4].tag == "tag:yaml.org,2002:str")
  }

  @Test func reportsDuplicateKeysWithTheFirstAndKeepsIt() throws {
    let source = SourceFile(path: "t.yaml", text: "a: 1\nb: 2\na: 3\n")
    let (root, diagnostics) = YAMLReader().read(source, file: FileID(0))
    #expect(diagnostics.count == 1)
    let d = try #require(diagnostics.first)
    #expect(d.rule == "duplicate-key")
    #expect(d.message == "`a` appears twice in this mapping")
    #expect(d.span.start == SourceLocation(line: 3, column: 1))
    #expect(d.notes.first?.span?.start == SourceLocation(line: 1, column: 1))
    #expect(try #require(root).pairs.map { $0.value.scalar?.text } == ["1", "2"])
  }

  /// A key given again is reported against its first definition, however large the mapping
  /// (past 16 keys they are found through a table of fingerprints), and however many times
  /// it comes back; the pairs kept stay in order.
  @Test(arguments: [3, 16, 17, 40, 300])
  func reportsEveryRepeatedKeyInMappingsOfAnySize(keys: Int) throws {
    var lines = (0..<keys).map { "k\($0): \($0)" }
    lines.append("k0: again")
    lines.append("k\(keys - 1): again")
    lines.append("k0: thrice")
    lines.append("z: last")
    let text = lines.joined(separator: "\n") + "\n"
    for front in ["nodes", "values"] {
      let source = SourceFile(path: "t.yaml", text: text)
      let diagnostics: [Diagnostic]
      let kept: [String]
      if front == "nodes" {
        let read = YAMLReader().read(source, file: FileID(0))
        diagnostics = read.diagnostics
        kept = try #require(read.root).pairs.map { "\($0.key.scalar?.text ?? "")=\($0.value.scalar?.text ?? "")" }
      } else {
        let read = YAMLReader().readValue(source, file: FileID(0))
        diagnostics = read.diagnostics
        guard case .record(let fields) = try #require(read.root).kind else {
          Issue.record("the root is not a mapping")
          return
        }
        kept = fields.map { "\($0.name.value)=\($0.value.scalarText ?? "")" }
      }
      #expect(diagnostics.map { "\($0.span.start) \($0.message) first at \($0.notes.first?.span?.start.description ?? "-")" } == [
        "\(keys + 1):1 `k0` appears twice in this mapping first at 1:1",
        "\(keys + 2):1 `k\(keys - 1)` appears twice in this mapping first at \(keys):1",
        "\(keys + 3):1 `k0` appears twice in this mapping first at 1:1",
      ], "\(front), \(keys) keys")
      #expect(kept == (0..<keys).map { "k\($0)=\($0)" } + ["z=last"], "\(front), \(keys) keys")
    }
  }

  /// Keys are the same when their code points are, as YAML has it, whatever the mapping's
  /// size: `é` written as one code point and as `e` with an accent are two keys, `é` twice
  /// is one.
  @Test(arguments: [1, 30])
  func keysAreTheSameWhenTheirCodePointsAre(others: Int) throws {
    let lines = ["\u{E9}: composed"] + (0..<others).map { "k\($0): \($0)" } + ["e\u{301}: decomposed", "\u{E9}: again"]
    let source = SourceFile(path: "t.yaml", text: lines.joined(separator: "\n") + "\n")
    let (root, diagnostics) = YAMLReader().read(source, file: FileID(0))
    #expect(diagnostics.map { "\($0.span.start) \($0.rule) first at \($0.notes.first?.span?.start.description ?? "-")" } == [
      "\(others + 3):1 duplicate-key first at 1:1"
    ])
    let values = try #require(root).pairs.map { $0.value.scalar?.text ?? "" }
    #expect(values.first == "composed")
    #expect(values.last == "decomposed")
  }

  /// The front end's tree keeps a mapping's fields in order, with null keys as empty names,
  /// and reports each key that is a list or a mapping, in order, leaving its pair out.
  @Test func nothingIsTheCoreSchemasNullsWrittenPlain() throws {
    // Plain `~`, `null`, `Null`, `NULL` and nothing are null; quoted, tagged `!!str`, or
    // spelled otherwise (`nULL`, `nul`, `~~`, `nulls`), they are text.
    let text = """
      a: ~
      b: null
      c: Null
      d: NULL
      e:
      f: "null"
      g: '~'
      h: !!str NULL
      i: nULL
      j: nul
      k: ~~
      l: nulls
      m: |
        null
      """
    let (root, diagnostics) = YAMLReader().readValue(SourceFile(path: "t.yaml", text: text), file: FileID(0))
    #expect(diagnostics.isEmpty)
    guard case .record(let fields) = try #require(root).kind else {
      Issue.record("the root is not a mapping")
      return
    }
    let read = fields.map { field -> String in
      switch field.value.kind {
      case .null: "\(field.name.value) nothing"
      case .scalar(let text, .bare): "\(field.name.value) bare \(text)"
      case .scalar(let text, .quoted): "\(field.name.value) quoted \(text)"
      case .list, .record: "\(field.name.value) \(field.value.kindDescription)"
      }
    }
    #expect(read == [
      "a nothing", "b nothing", "c nothing", "d nothing", "e nothing", "f quoted null", "g quoted ~", "h quoted NULL",
      "i bare nULL", "j bare nul", "k bare ~~", "l bare nulls", "m quoted null",
    ])
    // The located tree keeps them as scalars, and says which are null.
    let nulls = try #require(readYAML(text).0).pairs.map { $0.value.scalar?.isNull ?? false }
    #expect(nulls == [true, true, true, true, true, false, false, true, false, false, false, false, false])
  }

  @Test func syntaxValuesKeepFieldsInOrderAndReportKeysThatAreNotNames() throws {
    let text = "a: 1\n? [x]\n: 2\nb: [3, 4]\n? {y: 1}\n: 5\n~: 6\nc: {d: 7}\n"
    let (root, diagnostics) = YAMLReader().readValue(SourceFile(path: "t.yaml", text: text), file: FileID(0))
    #expect(diagnostics.map { "\($0.span.start) \($0.rule) \($0.message)" } == [
      "2:3 invalid-value a key must be a plain name, not a list or a mapping",
      "5:3 invalid-value a key must be a plain name, not a list or a mapping",
    ])
    guard case .record(let fields) = try #require(root).kind else {
      Issue.record("the root is not a mapping")
      return
    }
    #expect(fields.map(\.name.value) == ["a", "b", "", "c"])
    #expect(fields.map { $0.value.scalarText ?? $0.value.kindDescription } == ["1", "a list", "6", "a mapping"])
    #expect(fields.map(\.name.span.start.line) == [1, 4, 7, 8])
  }

  @Test func expandsAliases() throws {
    let (root, problems) = readYAML("base: &cb {max-retries: 2}\nother: *cb\n")
    #expect(problems.isEmpty)
    let other = try #require(root).pairs[1].value
    #expect(other.pairs.first?.value.scalar?.text == "2")
  }

  /// a0 to a3 expand 12,330 nodes; each `*a3` adds 11,111 more, so the 8th on line 5 crosses 100,000.
  @Test func stopsAnAliasBombAtTheBudget() {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for i in 1...9 {
      let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
      text += "a\(i): &a\(i) [\(refs)]\n"
    }
    let (root, problems) = readYAML(text)
    #expect(root == nil)
    #expect(problems == ["5:45 yaml-syntax aliases expand to more than 100000 nodes; this looks like an alias bomb"])
  }

  @Test func reportsUndefinedAliases() {
    let (_, problems) = readYAML("a: *nowhere\n")
    #expect(problems == ["1:4 yaml-syntax alias `*nowhere` refers to no anchor `&nowhere` defined before it"])
  }

  @Test func limitsNesting() {
    let deep = String(repeating: "[", count: 100_000)
    let (root, problems) = readYAML(deep)
    #expect(root == nil)
    #expect(problems == ["1:201 yaml-syntax nesting deeper than 200 levels"])
  }

  @Test func reportsInvalidUTF8WhereItIs() {
    let (root, problems) = readYAML(Array("a: b\nc: d".utf8) + [0xFF, 0x0A])
    #expect(root == nil)
    #expect(problems == ["2:5 yaml-syntax the file is not valid UTF-8: invalid leading UTF-8 octet (byte 0xFF)"])
  }

  @Test func reportsLibyamlErrorsAtItsPosition() {
    let (_, problems) = readYAML("a: b\n  c: d\n")
    #expect(problems == ["2:4 yaml-syntax mapping values are not allowed in this context"])
    let (_, unterminated) = readYAML("a: \"open\n")
    #expect(unterminated == ["2:1 yaml-syntax found unexpected end of stream"])
  }

  /// The slips libyaml words least plainly are said plainly: a tab where YAML wants spaces,
  /// and an unquoted value starting with `*` (an alias to YAML), at the `*`.
  @Test func aTabAndAnUnquotedStarAreNamed() {
    let (_, tab) = readYAML("blocks:\n  hello:\n\tplay-prompt: Hi.\n")
    #expect(tab == ["3:1 yaml-syntax a tab: YAML indents, and separates items, with spaces only"])
    let (_, star) = readYAML("options: [1, *]\n")
    #expect(star == ["1:14 yaml-syntax `*` starts an alias in YAML: a value that begins with `*` must be quoted"])
    // Quoted, it is text.
    #expect(readYAML("options: [1, \"*\"]\n").1 == [])
  }

  @Test func rejectsASecondDocument() {
    let (root, problems) = readYAML("a: 1\n---\nb: 2\n")
    #expect(root == nil)
    #expect(problems == ["2:1 yaml-syntax a second YAML document starts here; a flow file holds exactly one"])
  }

  @Test func emptyStreamHasNoRoot() {
    let (root, problems) = readYAML("")
    #expect(root == nil && problems.isEmpty)
    let (comment, none) = readYAML("# only a comment\n")
    #expect(comment == nil && none.isEmpty)
  }

  @Test func binaryGarbageIsASyntaxError() {
    var generator = SplitMix(seed: 42)
    let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    let (_, problems) = readYAML(bytes)
    #expect(problems.count == 1)
    #expect(problems.first?.contains("yaml-syntax") == true)
  }
  /// Short texts are kept by the reader and looked up by their bytes (`ScalarTexts`): every
  /// one still reads as written, however little it differs from one read before it (one byte
  /// anywhere, of any length up to past the 15 bytes kept, in one byte or in several).
  @Test func everyTextReadsAsWrittenHoweverCloseToAnEarlierOne() throws {
    var expected: [String] = []
    for length in 1...17 {
      let base = Array("abcdefghijklmnopq".prefix(length))
      for position in 0..<length {
        for replacement: Character in ["x", "y", "é"] {
          var text = base
          text[position] = replacement
          expected.append(String(text))
        }
      }
      expected.append(String(base))
    }
    // Each text twice: once as a key, then as the value of another key, so that the second
    // reading of each is a lookup.
    let yaml = expected.enumerated().map { "\"\($0.element)\": k\($0.offset)\nv\($0.offset): \"\($0.element)\"" }.joined(separator: "\n")
    let (root, diagnostics) = YAMLReader().readValue(SourceFile(path: "t.yaml", text: yaml), file: FileID(0))
    #expect(diagnostics.isEmpty)
    guard case .record(let fields) = try #require(root).kind else {
      Issue.record("the root is not a mapping")
      return
    }
    #expect(fields.count == expected.count * 2)
    for (i, text) in expected.enumerated() where 2 * i + 1 < fields.count {
      #expect(fields[2 * i].name.value == text)
      #expect(fields[2 * i + 1].value.scalarText == text)
    }
  }
}

@Suite struct CommentScannerTests {
  /// The lines holding a `#`, by number, as the bytes of each without its line break: at the
  /// first byte, after blank lines, on the last line without a break, two on one line.
  @Test func findsTheLinesThatHoldAHash() {
    func lines(_ text: String) -> [String] {
      let bytes = Array(text.utf8)
      return CommentScanner.linesWithHash(bytes).sorted { $0.key < $1.key }.map {
        "\($0.key): \(String(decoding: bytes[$0.value], as: UTF8.self))"
      }
    }
    #expect(lines("# top\na: 1\n\n\nb: 2 # two # hashes\nc: 3\r\n#crlf\r\nd: 4\n  #last") == [
      "1: # top", "5: b: 2 # two # hashes", "7: #crlf\r", "9:   #last",
    ])
    #expect(lines("a: 1\nb: 2\n").isEmpty)
    #expect(lines("").isEmpty)
    #expect(lines("#") == ["1: #"])
    #expect(lines("\n\n#\n") == ["3: #"])
  }

  /// libyaml ends a line at a lone carriage return, NEL, LS and PS as at LF: what follows one
  /// is YAML, not comment.
  @Test func commentsEndWhereLibyamlEndsTheLine() throws {
    for separator in ["\r", "\u{85}", "\u{2028}", "\u{2029}"] {
      let text = "flow: f\ntype: inbound  # the type\(separator)start: a\nblocks:\n  a:\n    disconnect: {}\n"
      let parsed = YAMLFrontend(substitutions: nil).parseFlow(SourceFile(path: "f.flow.yaml", text: text), file: FileID(0))
      let flow = try #require(parsed.flow)
      #expect(flow.start?.value == "a", "libyaml reads `start` after the separator")
      #expect(flow.allComments.map(\.text) == [" the type"])
      #expect(flow.allComments.first?.span.end.column == 26)
    }
  }
}
