/// DOT text built as UTF-8 bytes: quoted IDs and strings, and attribute lists in the order
/// given. Big diagrams are mostly strings, so they are written straight into one buffer.
struct DOTBuffer {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// DOT syntax, as is.
  mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

  mutating func append(_ other: DOTBuffer) { bytes.append(contentsOf: other.bytes) }

  /// `text` as a DOT quoted string: quotes and backslashes escaped, line breaks as `\n`,
  /// other control characters as spaces. Graphviz's own escapes (`\N`, `\G`, `\l` ...) cannot
  /// appear, as every backslash is doubled.
  mutating func quoted(_ text: String) {
    bytes.append(0x22)
    // Most texts need no escape: appended whole.
    let plain = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
      guard !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return false }
      bytes.append(contentsOf: utf8)
      return true
    }
    if plain == true {
      bytes.append(0x22)
      return
    }
    var utf8 = text.utf8.makeIterator()
    while let byte = utf8.next() {
      switch byte {
      case 0x22: bytes += [0x5C, 0x22]
      case 0x5C: bytes += [0x5C, 0x5C]
      case 0x0A, 0x0D: bytes += [0x5C, 0x6E]
      case 0x00..<0x20, 0x7F: bytes.append(0x20)
      case 0xC2:
        // NEL (U+0085) is a line break; other characters of this lead byte are kept.
        guard let next = utf8.next() else { break }
        if next == 0x85 { bytes += [0x5C, 0x6E] } else { bytes += [byte, next] }
      case 0xE2:
        // LS and PS (U+2028, U+2029) are line breaks.
        guard let second = utf8.next() else { break }
        guard second == 0x80, let third = utf8.next() else {
          bytes += [byte, second]
          break
        }
        if third == 0xA8 || third == 0xA9 { bytes += [0x5C, 0x6E] } else { bytes += [byte, second, third] }
      default: bytes.append(byte)
      }
    }
    bytes.append(0x22)
  }

  /// An attribute list: `[name="value", ...]`.
  mutating func attributes(_ pairs: [(String, String)]) {
    bytes.append(0x5B)
    for (i, (name, value)) in pairs.enumerated() {
      if i > 0 { bytes += [0x2C, 0x20] }
      raw(name)
      bytes.append(0x3D)
      quoted(value)
    }
    bytes.append(0x5D)
  }

  /// One attribute, `name="value"`, after a `[` or a `, ` the caller wrote.
  mutating func attribute(_ name: String, _ value: String) {
    raw(name)
    bytes.append(0x3D)
    quoted(value)
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }
}

enum DOT {
  /// `text` as a DOT quoted string (``DOTBuffer/quoted(_:)``).
  static func quoted(_ text: String) -> String {
    var buffer = DOTBuffer()
    buffer.quoted(text)
    return buffer.text
  }

  /// `text` cut to `limit` characters, with an ellipsis when cut.
  static func short(_ text: String, _ limit: Int = 40) -> String {
    let flat = text.contains(where: \.isNewline) ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
    // Characters are counted only when the bytes could be too many.
    guard flat.utf8.count > limit, flat.count > limit else { return flat }
    return String(flat.prefix(limit - 1)) + "…"
  }
}
