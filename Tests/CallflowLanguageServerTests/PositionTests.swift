import CallflowDiagnostics
import Testing

@testable import CallflowLanguageServer

@Suite struct PositionTests {
  @Test func columnsConvertToEachEncodingAndBack() {
    // `é` is one scalar, two UTF-8 bytes, one UTF-16 unit; `𝄞` one scalar, four bytes, two units.
    let text = TextPositions(Array("a: é𝄞x\r\nb\n".utf8))
    let x = SourceLocation(line: 1, column: 6)
    #expect(text.position(x, .utf32) == (0, 5))
    #expect(text.position(x, .utf16) == (0, 6))
    #expect(text.position(x, .utf8) == (0, 9))
    for encoding in [PositionEncoding.utf8, .utf16, .utf32] {
      let p = text.position(x, encoding)
      #expect(text.location(line: p.line, character: p.character, encoding) == x)
    }
    // CR LF ends a line; positions past the end are clamped.
    #expect(text.position(SourceLocation(line: 2, column: 1), .utf16) == (1, 0))
    #expect(text.location(line: 40, character: 40, .utf16) == SourceLocation(line: 3, column: 1))
  }

  @Test func fileURIsAndPathsRoundTrip() {
    #expect(DocumentURI.path("file:///tmp/a%20b/c.flow") == "/tmp/a b/c.flow")
    #expect(DocumentURI.path("file://localhost/tmp/x") == "/tmp/x")
    #expect(DocumentURI.path("untitled:Untitled-1") == nil)
    #expect(DocumentURI.uri("/tmp/a b/c#1.flow") == "file:///tmp/a%20b/c%231.flow")
  }
}
