import CallflowLanguageServer
import Foundation

// The language server's fuzz target (Docs/FUZZING.md): every input is a stream of bytes from
// a client, after an `initialize` of its own. The framing cuts it into messages, the server
// answers each, and checks what it was given; every answer must be one JSON object. It must
// never crash, hang or hold more than a bounded amount of the input.
let initialize = MessageReader.frame(
  Array(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-16"]}}}}"#.utf8))

func exercise(_ bytes: [UInt8]) {
  var server = LanguageServer(ruleDocs: nil)
  var reader = MessageReader()
  reader.append(initialize)
  // The input comes in two chunks, so a message may be cut anywhere.
  let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
  for chunk in [bytes[..<cut], bytes[cut...]] {
    reader.append(chunk)
    while let item = reader.next() {
      switch item {
      case .message(let content): server.receive(content)
      case .malformed(let reason): server.receiveMalformed(reason)
      }
      check(server.takeOutbox())
      if case .exited = server.lifecycle { return }
    }
  }
  server.idle()
  check(server.takeOutbox())
}

/// Every answer prints as JSON that reads back as an object.
func check(_ messages: [LSPAny]) {
  for message in messages {
    guard case .object = message, LSPAny.parse(message.json)?.json == message.json else {
      fatalError("the server wrote a message that is not a JSON object: \(String(decoding: message.json.prefix(200), as: UTF8.self))")
    }
  }
}

#if FUZZING
  import CFuzzing

  /// The program's entry point in a fuzzing build: hands over to libFuzzer's driver.
  @_cdecl("callflow_fuzz_lsp_main")
  public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
      guard let data else { return 0 }
      exercise(Array(UnsafeBufferPointer(start: data, count: size)))
      return 0
    }
  }
#else
  import CallflowFuzzSupport

  /// Without `-DFUZZING`: replays the files named on the command line.
  @main
  struct Replay {
    static func main() { Exercise.replay(exercise) }
  }
#endif
