import Foundation

/// The base protocol's framing: each message is a header part (`Content-Length: N`, other
/// fields ignored, lines ended by CR LF) and an empty line, then N bytes of JSON.
public struct MessageReader: Sendable {
  /// What the reader found next in the bytes given it.
  public enum Item: Sendable, Equatable {
    /// A message's content: its N bytes.
    case message([UInt8])
    /// A header the protocol does not allow; the reader skipped it and goes on with the
    /// bytes after its empty line.
    case malformed(String)
  }

  /// The longest header part accepted, and the largest content: bounds on the memory a
  /// client can make the server hold.
  public static let maxHeader = 8 << 10
  public static let maxContent = 64 << 20

  private var buffer: [UInt8] = []
  private var start = 0

  public init() {}

  /// Adds bytes read from the client.
  public mutating func append(_ bytes: some Sequence<UInt8>) {
    if start > 0 && start >= buffer.count / 2 {
      buffer.removeFirst(start)
      start = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// Whether bytes are held that do not make a whole message yet.
  public var hasPartialMessage: Bool { start < buffer.count }

  /// The next whole message, a malformed header, or `nil` when more bytes are needed.
  public mutating func next() -> Item? {
    guard let end = headerEnd() else {
      if buffer.count - start > Self.maxHeader {
        // No empty line within the bound: drop what was read and start afresh.
        start = buffer.count
        return .malformed("a header part longer than \(Self.maxHeader) bytes")
      }
      return nil
    }
    let header = buffer[start..<end]
    let contentStart = end + 4
    var length: Int?
    for line in header.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      let text = String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
      guard let colon = text.firstIndex(of: ":") else {
        start = contentStart
        return .malformed("a header line with no `:`")
      }
      let name = text[..<colon].lowercased()
      let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if name == "content-length" {
        guard let n = Int(value), n >= 0 else {
          start = contentStart
          return .malformed("Content-Length is not a number: `\(value.prefix(40))`")
        }
        length = n
      }
    }
    guard let length else {
      start = contentStart
      return .malformed("a header with no Content-Length")
    }
    guard length <= Self.maxContent else {
      // The content cannot be skipped without reading it all: the stream is lost.
      start = buffer.count
      return .malformed("a Content-Length of \(length) bytes, more than \(Self.maxContent)")
    }
    guard buffer.count - contentStart >= length else { return nil }
    let content = Array(buffer[contentStart..<(contentStart + length)])
    start = contentStart + length
    return .message(content)
  }

  /// The index of the CR LF CR LF ending the header part that starts at `start`.
  private func headerEnd() -> Int? {
    var i = start
    let limit = min(buffer.count, start + Self.maxHeader + 4)
    while i + 3 < limit {
      if buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 { return i }
      i += 1
    }
    return nil
  }

  /// `content` framed as a message.
  public static func frame(_ content: [UInt8]) -> [UInt8] {
    Array("Content-Length: \(content.count)\r\n\r\n".utf8) + content
  }
}
