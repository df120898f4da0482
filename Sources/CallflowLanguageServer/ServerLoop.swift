import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `callflow lsp`'s loop: reads framed messages from a file descriptor (standard input),
/// hands them to a ``LanguageServer`` and writes its answers, framed, to another (standard
/// output). Diagnostics are computed once the client has been quiet for ``quiet``
/// milliseconds: typing does not queue a check per keystroke.
public enum ServerLoop {
  /// How long the client must be quiet before stale diagnostics are computed.
  public static let quiet: Int32 = 30

  /// Serves until `exit` or the end of input; returns the process's exit status (0 after
  /// `shutdown` then `exit`, 1 otherwise).
  public static func run(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) -> Int32 {
    signal(SIGPIPE, SIG_IGN)
    var server = LanguageServer()
    var reader = MessageReader()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      if server.hasStaleDiagnostics, !waitForInput(input, milliseconds: quiet) {
        server.idle()
        guard send(server.takeOutbox(), to: output) else { return 1 }
        continue
      }
      let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        // The client went away without `exit`.
        if case .exited(let status) = server.lifecycle { return status }
        return 1
      }
      reader.append(chunk[0..<count])
      // The messages that arrived together are handled together, so that a cancellation
      // among them spares the work of the request it cancels.
      var batch: [[UInt8]] = []
      func flush() -> Int32? {
        server.receive(batch: batch)
        batch = []
        guard send(server.takeOutbox(), to: output) else { return 1 }
        if case .exited(let status) = server.lifecycle { return status }
        return nil
      }
      while let item = reader.next() {
        switch item {
        case .message(let content): batch.append(content)
        case .malformed(let reason):
          if let status = flush() { return status }
          server.receiveMalformed(reason)
          guard send(server.takeOutbox(), to: output) else { return 1 }
        }
      }
      if let status = flush() { return status }
    }
  }

  /// Whether input arrives within `milliseconds`.
  private static func waitForInput(_ fd: Int32, milliseconds: Int32) -> Bool {
    var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, milliseconds) != 0
  }

  /// Writes each message framed; `false` when the client can no longer be written to.
  private static func send(_ messages: [LSPAny], to fd: Int32) -> Bool {
    for message in messages {
      let bytes = MessageReader.frame(message.json)
      var offset = 0
      while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return false }
        offset += written
      }
    }
    return true
  }
}
