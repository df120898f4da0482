import CallflowRules
import Testing

@testable import CallflowDiagnostics

@Suite struct TextRendererTests {
  let sources: SourceMap = {
    var map = SourceMap()
    map.add(SourceFile(path: "flows/in.flow.yaml", text: "flow: x\nblocks:\n\tcb:\n    retry-interval: 10s\n"))
    return map
  }()
  let file = FileID(0)

  func span(_ line: Int, _ column: Int, _ endColumn: Int) -> SourceSpan {
    SourceSpan(file: file, start: SourceLocation(line: line, column: column), end: SourceLocation(line: line, column: endColumn))
  }

  @Test func rendersHeaderSnippetCaretAndTildes() {
    let d = Diagnostic(.invalidValue, "retry-interval of 10s is too short", at: span(4, 21, 24), label: "here")
    let text = TextRenderer(colors: false).render([d], sources: sources)
    #expect(
      text == """
        flows/in.flow.yaml:4:21: error: retry-interval of 10s is too short [invalid-value]
          |
        4 |     retry-interval: 10s
          |                     ^~~ here

        """ + "\n")
  }

  @Test func keepsTabsSoTheCaretLinesUp() {
    let d = Diagnostic(.unreachableBlock, "block `cb` is never reached", at: span(3, 2, 4))
    let text = TextRenderer(colors: false).render([d], sources: sources)
    #expect(text.contains("3 | \tcb:\n  | \t^~\n"))
    #expect(text.hasPrefix("flows/in.flow.yaml:3:2: warning: block `cb` is never reached [unreachable-block]\n"))
  }

  @Test func rendersFixesSpanlessNotesThenNotesWithSnippets() {
    let d = Diagnostic(
      .duplicateKey, "`cb` appears twice", at: span(3, 2, 4),
      notes: [Note("first defined here", at: span(1, 1, 5)), Note("keys are unique")],
      fixes: [FixIt("did you mean `cc`?", replacing: span(3, 2, 4), with: "cc")])
    let text = TextRenderer(colors: false).render([d], sources: sources)
    #expect(
      text == """
        flows/in.flow.yaml:3:2: error: `cb` appears twice [duplicate-key]
          |
        3 | \tcb:
          | \t^~
          = help: did you mean `cc`?
          = note: keys are unique
        flows/in.flow.yaml:1:1: note: first defined here
          |
        1 | flow: x
          | ^~~~

        """ + "\n")
  }

  @Test func multiLineSpansUnderlineToTheEndOfTheFirstLine() {
    let d = Diagnostic(
      .invalidValue, "bad", at: SourceSpan(file: file, start: SourceLocation(line: 1, column: 7), end: SourceLocation(line: 3, column: 1)))
    let text = TextRenderer(colors: false).render([d], sources: sources)
    #expect(text.contains("1 | flow: x\n  |       ^\n"))
  }

  @Test func colorsOnlyWhenAsked() {
    let d = Diagnostic(.invalidValue, "bad", at: span(1, 1, 5))
    #expect(!TextRenderer(colors: false).render([d], sources: sources).contains("\u{1B}["))
    let colored = TextRenderer(colors: true).render([d], sources: sources)
    #expect(colored.contains("\u{1B}[1m\u{1B}[31merror:\u{1B}[0m"))
  }

  @Test func gutterIsAsWideAsTheLargestLineNumber() {
    var map = SourceMap()
    map.add(SourceFile(path: "f", text: String(repeating: "x\n", count: 11)))
    let d = Diagnostic(
      .invalidValue, "bad", at: SourceSpan(file: file, start: SourceLocation(line: 2, column: 1), end: SourceLocation(line: 2, column: 2)),
      notes: [Note("see", at: SourceSpan(file: file, start: SourceLocation(line: 11, column: 1), end: SourceLocation(line: 11, column: 2)))])
    let text = TextRenderer(colors: false).render([d], sources: map)
    #expect(text.contains("\n 2 | x\n"))
    #expect(text.contains("\n11 | x\n"))
  }
}
