import Testing

@testable import CallflowLanguageServer

@Suite struct MessageReaderTests {
  func items(_ chunks: [String]) -> [MessageReader.Item] {
    var reader = MessageReader()
    var found: [MessageReader.Item] = []
    for chunk in chunks {
      reader.append(Array(chunk.utf8))
      while let item = reader.next() { found.append(item) }
    }
    return found
  }

  @Test func messagesAreCutAtTheirLengthWhateverTheChunks() {
    let stream = "Content-Length: 2\r\n\r\n{}Content-Length: 7\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[1,2,3]"
    let whole = items([stream])
    #expect(whole == [.message(Array("{}".utf8)), .message(Array("[1,2,3]".utf8))])
    // One byte at a time gives the same messages.
    #expect(items(stream.map { String($0) }) == whole)
  }

  @Test func malformedHeadersAreReportedAndSkipped() {
    #expect(
      items(["Content-Length: x\r\n\r\nContent-Length: 2\r\n\r\n{}"]) == [
        .malformed("Content-Length is not a number: `x`"), .message(Array("{}".utf8)),
      ])
    #expect(items(["Content-Type: json\r\n\r\n"]) == [.malformed("a header with no Content-Length")])
    #expect(items(["garbage\r\n\r\n"]) == [.malformed("a header line with no `:`")])
    #expect(items(["Content-Length: 999999999999\r\n\r\n"]) == [.malformed("a Content-Length of 999999999999 bytes, more than 67108864")])
    // A header part with no end within the bound is dropped.
    #expect(items([String(repeating: "x", count: MessageReader.maxHeader + 10)]) == [.malformed("a header part longer than 8192 bytes")])
  }

  @Test func aMessageWaitsForAllItsBytes() {
    var reader = MessageReader()
    reader.append(Array("Content-Length: 10\r\n\r\n{\"a\":".utf8))
    #expect(reader.next() == nil)
    #expect(reader.hasPartialMessage)
    reader.append(Array("true}".utf8))
    #expect(reader.next() == .message(Array("{\"a\":true}".utf8)))
    #expect(!reader.hasPartialMessage)
  }
}
