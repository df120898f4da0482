import CallflowDiagnostics
import Testing

@testable import CallflowLanguageServer

/// The protocol's rules for a server, in process: errors per the protocol, never a crash.
@Suite struct LifecycleTests {
  func send(_ server: inout LanguageServer, _ message: LSPAny) -> [LSPAny] {
    server.receive(message.json)
    return server.takeOutbox()
  }

  func initialized() -> LanguageServer {
    var server = LanguageServer(ruleDocs: nil)
    _ = send(&server, ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
    _ = send(&server, ["jsonrpc": "2.0", "method": "initialized", "params": [:]])
    return server
  }

  @Test func requestsBeforeInitializeAreRefusedAndNotificationsDropped() {
    var server = LanguageServer(ruleDocs: nil)
    let early = send(&server, ["jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": [:]])
    #expect(early == [["jsonrpc": "2.0", "id": 7, "error": ["code": -32002, "message": "the server is not initialized: send `initialize` first"]]])
    #expect(send(&server, ["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": [:]]) == [])
    #expect(server.lifecycle == .starting)
  }

  @Test func initializeNegotiatesThePositionEncoding() {
    var server = LanguageServer(ruleDocs: nil)
    let reply = send(
      &server, ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": ["general": ["positionEncodings": ["utf-8", "utf-32"]]]]])
    #expect(reply.first?["result"]["capabilities"]["positionEncoding"] == "utf-32")
    var plain = LanguageServer(ruleDocs: nil)
    let utf16 = send(&plain, ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
    #expect(utf16.first?["result"]["capabilities"]["positionEncoding"] == "utf-16")
    #expect(send(&plain, ["jsonrpc": "2.0", "id": 2, "method": "initialize", "params": [:]]).first?["error"]["code"] == -32600)
  }

  @Test func malformedMessagesGetErrorsAndTheServerGoesOn() {
    var server = initialized()
    server.receive(Array("{not json".utf8))
    #expect(server.takeOutbox() == [["jsonrpc": "2.0", "id": nil, "error": ["code": -32700, "message": "the message is not JSON"]]])
    #expect(send(&server, ["id": 3, "method": "shutdown"]).first?["error"]["code"] == -32600)
    #expect(send(&server, ["jsonrpc": "2.0", "id": [1], "method": "shutdown"]).first?["error"]["code"] == -32600)
    #expect(send(&server, ["jsonrpc": "2.0", "id": 4, "method": "no/such"]) == [["jsonrpc": "2.0", "id": 4, "error": ["code": -32601, "message": "no method `no/such`"]]])
    #expect(send(&server, ["jsonrpc": "2.0", "method": "no/such/notification"]) == [])
    // A request about a document that is not open, or with no document, is refused.
    #expect(send(&server, ["jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": [:]]).first?["error"]["code"] == -32602)
    #expect(server.lifecycle == .running)
  }

  @Test func shutdownThenExitEndsWithZeroAndExitAloneWithOne() {
    var server = initialized()
    #expect(send(&server, ["jsonrpc": "2.0", "id": 9, "method": "shutdown"]) == [["jsonrpc": "2.0", "id": 9, "result": nil]])
    #expect(send(&server, ["jsonrpc": "2.0", "id": 10, "method": "textDocument/hover", "params": [:]]).first?["error"]["code"] == -32600)
    _ = send(&server, ["jsonrpc": "2.0", "method": "exit"])
    #expect(server.lifecycle == .exited(0))
    var abrupt = initialized()
    _ = send(&abrupt, ["jsonrpc": "2.0", "method": "exit"])
    #expect(abrupt.lifecycle == .exited(1))
  }

  @Test func outOfRangePositionsAndBinaryDocumentsAnswerWithoutCrashing() {
    var server = initialized()
    let uri = "file:///nowhere/x.flow"
    let binary = String(decoding: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) }, as: UTF8.self)
    _ = send(&server, ["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": ["uri": .string(uri), "languageId": "callflow", "version": 1, "text": .string(binary)]]])
    for position: LSPAny in [["line": 99999, "character": 99999], ["line": -4, "character": -1], ["line": "x"]] {
      for method in ["textDocument/hover", "textDocument/definition"] {
        let reply = send(&server, ["jsonrpc": "2.0", "id": 11, "method": .string(method), "params": ["textDocument": ["uri": .string(uri)], "position": position]])
        #expect(reply.first?["result"] == .null)
      }
    }
    #expect(send(&server, ["jsonrpc": "2.0", "id": 12, "method": "textDocument/documentSymbol", "params": ["textDocument": ["uri": .string(uri)]]]).count == 1)
    server.idle()
    let published = server.takeOutbox()
    #expect(published.first?["method"] == "textDocument/publishDiagnostics")
    #expect(published.first?["params"]["uri"] == .string(uri))
    #expect((published.first?["params"]["diagnostics"].array?.count ?? 0) > 0)
  }
}

@Suite struct DocumentLifecycleTests {
  @Test func aDocumentClosedBeforeItsCheckIsClearedAndLeavesNothingBehind() {
    var server = LanguageServer(ruleDocs: nil)
    server.receive((["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]] as LSPAny).json)
    let uri = "untitled:Untitled-1"
    let open: LSPAny = [
      "jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": ["textDocument": ["uri": .string(uri), "languageId": "yaml", "version": 1, "text": "flow: x\ntype: inbound\nstart: a\nblocks:\n  a:\n    wait: 9\n"]],
    ]
    server.receive(open.json)
    server.receive((["jsonrpc": "2.0", "method": "textDocument/didClose", "params": ["textDocument": ["uri": .string(uri)]]] as LSPAny).json)
    _ = server.takeOutbox()
    // Closed before the client went quiet: the check finds nothing to check, and what was
    // published is cleared.
    server.idle()
    #expect(server.takeOutbox() == [])
    #expect(!server.hasStaleDiagnostics)
    // Opened again and checked, then closed: its findings are cleared.
    server.receive(open.json)
    server.idle()
    #expect((server.takeOutbox().first?["params"]["diagnostics"].array?.count ?? 0) > 0)
    server.receive((["jsonrpc": "2.0", "method": "textDocument/didClose", "params": ["textDocument": ["uri": .string(uri)]]] as LSPAny).json)
    server.idle()
    let cleared = server.takeOutbox()
    #expect(cleared.contains { $0["params"]["uri"] == .string(uri) && $0["params"]["diagnostics"] == [] })
  }
}

@Suite struct CancellationTests {
  @Test func aRequestCancelledInTheSameBatchIsNotWorkedOn() {
    var server = LanguageServer(ruleDocs: nil)
    server.receive((["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]] as LSPAny).json)
    _ = server.takeOutbox()
    let uri = "untitled:x"
    let batch: [LSPAny] = [
      ["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": ["uri": .string(uri), "languageId": "yaml", "version": 1, "text": "flow: x\n"]]],
      ["jsonrpc": "2.0", "id": 2, "method": "textDocument/documentSymbol", "params": ["textDocument": ["uri": .string(uri)]]],
      ["jsonrpc": "2.0", "id": "three", "method": "textDocument/documentSymbol", "params": ["textDocument": ["uri": .string(uri)]]],
      ["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": "three"]],
    ]
    server.receive(batch: batch.map(\.json))
    let answers = server.takeOutbox()
    #expect(answers.count == 2)
    #expect(answers[0]["id"] == 2 && answers[0]["result"] != .null)
    #expect(answers[1] == ["jsonrpc": "2.0", "id": "three", "error": ["code": -32800, "message": "the request was cancelled"]])
  }
}

@Suite struct LargeDocumentTests {
  @Test func aHugeDocumentIsCheckedAndAnsweredWithoutCrashing() {
    var server = LanguageServer(ruleDocs: nil)
    server.receive((["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]] as LSPAny).json)
    _ = server.takeOutbox()
    // 8 MiB of blocks: a flow of 100,000 prompts, each to the next.
    var text = "flow: huge\ntype: inbound\nstart: b0\nblocks:\n"
    for i in 0..<100_000 { text += "  b\(i):\n    play-prompt: \"Hello number \(i), this is a long prompt.\"\n    next: b\(i + 1)\n" }
    text += "  b100000:\n    disconnect: {}\n"
    let uri = "untitled:huge"
    server.receive((["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": ["uri": .string(uri), "languageId": "yaml", "version": 1, "text": .string(text)]]] as LSPAny).json)
    server.idle()
    let published = server.takeOutbox()
    #expect(published.first?["params"]["uri"] == .string(uri))
    server.receive((["jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": ["textDocument": ["uri": .string(uri)], "position": ["line": 300_001, "character": 3]]] as LSPAny).json)
    let hover = server.takeOutbox()
    #expect(hover.first?["result"]["contents"]["value"].string?.contains("block `b99999`: `play-prompt` (line 300002)") == true)
  }
}
