import Testing

@testable import CallflowDiagnostics

@Suite struct SuggestionsTests {
  @Test func findsTyposByEditDistance() {
    #expect(Suggestions.nearest(to: "Callbaks", in: ["Support", "Callbacks"]) == "Callbacks")
    #expect(Suggestions.nearest(to: "get-inptu", in: ["get-input", "get-queue-metrics"]) == "get-input")
    #expect(Suggestions.nearest(to: "tiemout", in: ["timeout", "no-match", "error"]) == "timeout")
  }

  @Test func staysSilentWhenNothingIsClose() {
    #expect(Suggestions.nearest(to: "banana", in: ["Support", "Callbacks"]) == nil)
    #expect(Suggestions.nearest(to: "x", in: ["x"]) == nil)
    #expect(Suggestions.nearest(to: "", in: ["a"]) == nil)
  }

  @Test func breaksTiesAlphabetically() {
    #expect(Suggestions.nearest(to: "cat", in: ["cut", "bat"]) == "bat")
  }

  @Test func listsNamesInProse() {
    #expect(Suggestions.list(["a"]) == "`a`")
    #expect(Suggestions.list(["a", "b"], conjunction: "or") == "`a` or `b`")
    #expect(Suggestions.list(["a", "b", "c"]) == "`a`, `b`, and `c`")
  }
}

@Suite struct SourceFileTests {
  @Test func locatesByteOffsetsInCharacters() {
    let file = SourceFile(path: "f", text: "ab\nçd\r\ne")
    #expect(file.location(ofByteOffset: 0) == SourceLocation(line: 1, column: 1))
    #expect(file.location(ofByteOffset: 5) == SourceLocation(line: 2, column: 2))
    #expect(file.location(ofByteOffset: 8) == SourceLocation(line: 3, column: 1))
    #expect(file.lineText(2) == "çd")
    #expect(file.lineText(3) == "e")
    #expect(file.lineText(4) == nil)
  }
}
