import CallflowRules
import Testing

@testable import CallflowDiagnostics

@Suite struct JSONRendererTests {
  @Test func rendersThePinnedShapeWithKeysInOrder() {
    var map = SourceMap()
    map.add(SourceFile(path: "a \"q\".flow.yaml", text: "x\n"))
    let at = SourceSpan(file: FileID(0), start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 2))
    let d = Diagnostic(
      .undefinedReference, "no queue named `Callbaks`", at: at, notes: [Note("center.yaml defines `Callbacks`"), Note("here", at: at)],
      fixes: [FixIt("did you mean `Callbacks`?", replacing: at, with: "Callbacks")])
    let json = JSONRenderer.render([d], summary: DiagnosticSummary(files: 2, flows: 1, diagnostics: [d]), sources: map)
    #expect(
      json == """
        {"diagnostics": [
          {"file": "a \\"q\\".flow.yaml", "line": 1, "column": 1, "endLine": 1, "endColumn": 2, "severity": "error", \
        "rule": "undefined-reference", "message": "no queue named `Callbaks`", "notes": [{"message": "center.yaml defines `Callbacks`"}, \
        {"message": "here", "file": "a \\"q\\".flow.yaml", "line": 1, "column": 1, "endLine": 1, "endColumn": 2}], \
        "fixes": [{"message": "did you mean `Callbacks`?", "replacement": "Callbacks", "file": "a \\"q\\".flow.yaml", "line": 1, \
        "column": 1, "endLine": 1, "endColumn": 2}]}
        ], "summary": {"files": 2, "flows": 1, "errors": 1, "warnings": 0, "infos": 0}}

        """)
  }

  @Test func emptyRunIsStillOneDocument() {
    let json = JSONRenderer.render([], summary: DiagnosticSummary(files: 0, flows: 0, diagnostics: []), sources: SourceMap())
    #expect(json == "{\"diagnostics\": [], \"summary\": {\"files\": 0, \"flows\": 0, \"errors\": 0, \"warnings\": 0, \"infos\": 0}}\n")
  }

  @Test func escapesControlCharactersAndKeepsUnicode() {
    var w = JSONWriter()
    w.string("a\u{1}b\tc\n\"é\\")
    #expect(w.output == "\"a\\u0001b\\tc\\n\\\"é\\\\\"")
  }
}
