import CallflowDiagnostics

/// A JSON text that is not well formed, at the place the reader stopped.
public struct JSONSyntaxError: Error, Sendable {
  public var message: String
  public var span: SourceSpan
}

/// Reads JSON (RFC 8259) into ``JSONNode``s with the line and column of every value. Bounded:
/// nesting deeper than ``maxDepth`` is refused, and every byte is looked at a fixed number of
/// times. The text may itself be the content of a JSON string of an outer file (the flow
/// language inside a `Content` member): positions are then those of the outer file.
public struct JSONReader {
  /// The deepest nesting of arrays and objects accepted.
  public static let maxDepth = 200

  private let bytes: [UInt8]
  private var i = 0
  /// The values read so far.
  private var tape = JSONTape.Builder()
  private var depth = 0
  private var locator: Locator
  private let file: FileID

  /// A reader of `bytes`, the whole of file `file`.
  public init(_ bytes: [UInt8], file: FileID) {
    self.bytes = bytes
    self.file = file
    locator = Locator(outer: bytes, map: nil)
  }

  /// A reader of text decoded from a string of `outer`: byte `k` of `bytes` came from byte
  /// `map[k]` of `outer` (a last entry maps the end).
  init(_ bytes: [UInt8], mappedTo map: [Int32], in outer: [UInt8], file: FileID) {
    self.bytes = bytes
    self.file = file
    locator = Locator(outer: outer, map: map)
  }

  /// Reads the single JSON value the text holds (a byte order mark before it is skipped).
  public mutating func read() throws(JSONSyntaxError) -> JSONNode {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    skipSpace()
    guard i < bytes.count else { throw error(bytes.isEmpty ? "the file is empty" : "the file holds only white space") }
    // A value takes a dozen bytes or more of a flow's text.
    tape = JSONTape.Builder(capacity: bytes.count / 12)
    try value()
    skipSpace()
    guard i >= bytes.count else { throw error("unexpected \(describe(i)) after the end of the JSON value") }
    let read = JSONTape(bytes: bytes, texts: tape.texts, store: tape.entries)
    tape = JSONTape.Builder()
    return JSONNode(tape: read, index: 0)
  }

  // MARK: Values

  /// Reads the value at the current byte onto the tape.
  private mutating func value() throws(JSONSyntaxError) {
    guard i < bytes.count else { throw error("the text ends where a value was expected") }
    let startOffset = i
    let start = locator.location(i)
    switch bytes[i] {
    case UInt8(ascii: "{"): try object(startOffset, at: start)
    case UInt8(ascii: "["): try array(startOffset, at: start)
    case UInt8(ascii: "\""): try string(startOffset, at: start)
    case UInt8(ascii: "t"):
      try literal("true")
      tape.scalar(.true, offset: startOffset, start: 0, end: 0, span: span(startOffset, at: start, plain: true))
    case UInt8(ascii: "f"):
      try literal("false")
      tape.scalar(.false, offset: startOffset, start: 0, end: 0, span: span(startOffset, at: start, plain: true))
    case UInt8(ascii: "n"):
      try literal("null")
      tape.scalar(.null, offset: startOffset, start: 0, end: 0, span: span(startOffset, at: start, plain: true))
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      try number()
      tape.scalar(.number, offset: startOffset, start: startOffset, end: i, span: span(startOffset, at: start, plain: true))
    default: throw error("expected a value (an object, array, string, number, true, false or null), found \(describe(i))")
    }
  }

  /// The span of the token from `startOffset` (at `start`) to the current byte.
  private mutating func span(_ startOffset: Int, at start: SourceLocation, plain: Bool) -> SourceSpan {
    SourceSpan(file: file, start: start, end: end(of: startOffset, at: start, plain: plain))
  }

  /// Where the token from `startOffset` (at `start`) to the current byte ends. A token of
  /// ASCII on one line (a number, a literal, a string without escapes) ends as many columns
  /// on as it has bytes, and the locator is moved there without looking at them again.
  private mutating func end(of startOffset: Int, at start: SourceLocation, plain: Bool) -> SourceLocation {
    guard plain, locator.map == nil else { return locator.location(i) }
    let end = SourceLocation(line: start.line, column: start.column + (i - startOffset))
    locator.skip(to: i, at: end)
    return end
  }

  private mutating func object(_ startOffset: Int, at start: SourceLocation) throws(JSONSyntaxError) {
    try enter()
    let container = tape.open(.object, offset: startOffset, span: SourceSpan(file: file, at: start))
    pass()
    var count = 0
    // The names of a large object, to find one given twice (made at its 17th name).
    var names: ByteKeyedTable<Void>?
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
      pass()
      depth -= 1
      tape.close(container, count: 0, span: span(startOffset, at: start, plain: false), end: i)
      return
    }
    while true {
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
        throw error("expected a member name in double quotes, found \(describe(i))")
      }
      let keyStart = locator.location(i)
      let keyOffset = i
      let key = tape.entries.count
      try string(keyOffset, at: keyStart)
      // One name twice: which value counts is not said by JSON, and one would be lost. A
      // small object's names are compared with each other; a large one's (a flow's action
      // metadata) go into a table.
      var twice = false
      if count < 16 {
        var k = container + 1
        while k < key, !twice {
          twice = tape.sameText(k, key, bytes: bytes)
          k += 1 + Int(tape.entries[k + 1].size)
        }
      } else {
        if names == nil {
          var table = ByteKeyedTable<Void>(capacity: 64)
          var k = container + 1
          while k < key {
            _ = tape.withText(k, bytes: bytes) { table.add(bytes: $0, ()) }
            k += 1 + Int(tape.entries[k + 1].size)
          }
          names = table
        }
        twice = tape.withText(key, bytes: bytes) { names?.add(bytes: $0, ()).added } == false
      }
      if twice {
        i = keyOffset
        throw error("`\(tape.text(key, bytes: bytes))` appears twice in this object")
      }
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected `:` after the member name, found \(describe(i))") }
      pass()
      skipSpace()
      try value()
      count += 1
      skipSpace()
      guard i < bytes.count else { throw error("the text ends inside an object: a `}` is missing") }
      if bytes[i] == UInt8(ascii: ",") {
        pass()
        continue
      }
      guard bytes[i] == UInt8(ascii: "}") else { throw error("expected `,` or `}` in an object, found \(describe(i))") }
      pass()
      depth -= 1
      tape.close(container, count: count, span: span(startOffset, at: start, plain: false), end: i)
      return
    }
  }

  private mutating func array(_ startOffset: Int, at start: SourceLocation) throws(JSONSyntaxError) {
    try enter()
    let container = tape.open(.array, offset: startOffset, span: SourceSpan(file: file, at: start))
    pass()
    var count = 0
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      pass()
      depth -= 1
      tape.close(container, count: 0, span: span(startOffset, at: start, plain: false), end: i)
      return
    }
    while true {
      skipSpace()
      try value()
      count += 1
      skipSpace()
      guard i < bytes.count else { throw error("the text ends inside an array: a `]` is missing") }
      if bytes[i] == UInt8(ascii: ",") {
        pass()
        continue
      }
      guard bytes[i] == UInt8(ascii: "]") else { throw error("expected `,` or `]` in an array, found \(describe(i))") }
      pass()
      depth -= 1
      tape.close(container, count: count, span: span(startOffset, at: start, plain: false), end: i)
      return
    }
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    guard depth <= Self.maxDepth else { throw error("arrays and objects are nested more than \(Self.maxDepth) deep") }
  }

  private mutating func literal(_ word: String) throws(JSONSyntaxError) {
    let expected = Array(word.utf8)
    guard i + expected.count <= bytes.count, bytes[i..<(i + expected.count)].elementsEqual(expected) else {
      throw error("expected a value, found \(describe(i))")
    }
    i += expected.count
  }

  private mutating func number() throws(JSONSyntaxError) {
    if bytes[i] == UInt8(ascii: "-") { i += 1 }
    guard i < bytes.count, isDigit(bytes[i]) else { throw error("a number needs a digit after `-`") }
    if bytes[i] == UInt8(ascii: "0") {
      i += 1
      if i < bytes.count, isDigit(bytes[i]) { throw error("a number does not start with `0` followed by digits") }
    } else {
      while i < bytes.count, isDigit(bytes[i]) { i += 1 }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      guard i < bytes.count, isDigit(bytes[i]) else { throw error("a number needs a digit after `.`") }
      while i < bytes.count, isDigit(bytes[i]) { i += 1 }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard i < bytes.count, isDigit(bytes[i]) else { throw error("a number needs a digit in its exponent") }
      while i < bytes.count, isDigit(bytes[i]) { i += 1 }
    }
  }

  private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

  // MARK: Strings

  /// Reads the string starting at the current `"` (at `start`) onto the tape: most strings
  /// have no escape, and their text is the bytes between the quotes; others are decoded.
  private mutating func string(_ startOffset: Int, at start: SourceLocation) throws(JSONSyntaxError) {
    let (end, ascii) = bytes.withUnsafeBufferPointer { buffer in
      var end = i + 1
      var high: UInt8 = 0
      // Eight bytes at a time while they are ASCII with no quote, backslash or control
      // character; the rest byte by byte.
      if let base = UnsafeRawPointer(buffer.baseAddress) {
        while end + 8 <= buffer.count {
          let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: end, as: UInt64.self))
          guard !Bytes.stopsString(word) else { break }
          end += 8
        }
      }
      while end < buffer.count {
        let b = buffer[end]
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
        high |= b
        end += 1
      }
      return (end, high < 0x80)
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      let first = i + 1
      guard ascii || bytes.withUnsafeBufferPointer({ Self.text(UnsafeBufferPointer(rebasing: $0[first..<end]), ascii: false) != nil }) else {
        throw error("the string holds bytes that are not UTF-8")
      }
      i = end + 1
      tape.scalar(.string, offset: startOffset, start: first, end: end, span: span(startOffset, at: start, plain: ascii))
      return
    }
    var decoded: [UInt8] = []
    var unused: [Int32] = []
    try decodeString(into: &decoded, offsets: &unused, record: false)
    guard decoded.withUnsafeBufferPointer({ Self.text($0, ascii: false) }) != nil else {
      throw error("the string holds bytes that are not UTF-8")
    }
    tape.scalar(.string, offset: startOffset, text: decoded, span: span(startOffset, at: start, plain: false))
  }

  /// The text of UTF-8 `bytes`, or nil when they are not UTF-8. ASCII needs no check;
  /// otherwise the decoded text must give back the same bytes (a malformed sequence decodes
  /// to U+FFFD, which does not).
  static func text(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
    let text = String(decoding: bytes, as: UTF8.self)
    if ascii || text.utf8.elementsEqual(bytes) { return text }
    return nil
  }

  /// Decodes the string at the current `"` into `out`; with `offsets`, records where in the
  /// read bytes each decoded byte came from.
  private mutating func decodeString(into out: inout [UInt8], offsets: inout [Int32], record: Bool) throws(JSONSyntaxError) {
    let open = i
    i += 1
    while true {
      guard i < bytes.count else {
        i = open
        throw error("this string is not closed: a `\"` is missing")
      }
      let b = bytes[i]
      switch b {
      case UInt8(ascii: "\""):
        if record { offsets.append(Int32(truncatingIfNeeded: i)) }
        i += 1
        return
      case UInt8(ascii: "\\"):
        let escapeStart = i
        guard i + 1 < bytes.count else { throw error("the text ends inside an escape") }
        let e = bytes[i + 1]
        var scalarBytes: [UInt8] = []
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalarBytes = [e]
        case UInt8(ascii: "b"): scalarBytes = [0x08]
        case UInt8(ascii: "f"): scalarBytes = [0x0C]
        case UInt8(ascii: "n"): scalarBytes = [0x0A]
        case UInt8(ascii: "r"): scalarBytes = [0x0D]
        case UInt8(ascii: "t"): scalarBytes = [0x09]
        case UInt8(ascii: "u"):
          i += 2
          var code = try hex4()
          if (0xD800...0xDBFF).contains(code) {
            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
              i = escapeStart
              throw error("`\\u` escape of a lone high surrogate (a low surrogate `\\uDC00`-`\\uDFFF` must follow)")
            }
            i += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else {
              i = escapeStart
              throw error("`\\u` escape of a high surrogate followed by one that is not a low surrogate")
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00...0xDFFF).contains(code) {
            i = escapeStart
            throw error("`\\u` escape of a lone low surrogate")
          }
          guard let scalar = Unicode.Scalar(code) else {
            i = escapeStart
            throw error("`\\u` escape of an invalid code point")
          }
          scalarBytes = Array(String(Character(scalar)).utf8)
          for byte in scalarBytes {
            out.append(byte)
            if record { offsets.append(Int32(truncatingIfNeeded: escapeStart)) }
          }
          continue
        default:
          i = escapeStart
          throw error("invalid escape `\\\(describeByte(e))` in a string: JSON has `\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`")
        }
        out.append(scalarBytes[0])
        if record { offsets.append(Int32(truncatingIfNeeded: escapeStart)) }
        i += 2
      case 0x00..<0x20:
        throw error("a control character (U+\(hex(b))) inside a string must be escaped")
      default:
        out.append(b)
        if record { offsets.append(Int32(truncatingIfNeeded: i)) }
        i += 1
      }
    }
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard i + 4 <= bytes.count else { throw error("a `\\u` escape needs four hexadecimal digits") }
    var code: UInt32 = 0
    for k in 0..<4 {
      let c = bytes[i + k]
      let digit: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
      default: throw error("a `\\u` escape needs four hexadecimal digits")
      }
      code = code << 4 | digit
    }
    i += 4
    return code
  }

  /// The decoded bytes of the string `node` (read from these bytes) and, for each, the
  /// offset of the outer byte it came from, then one for the closing quote.
  func decodedWithOffsets(_ node: JSONNode) throws(JSONSyntaxError) -> (bytes: [UInt8], offsets: [Int32]) {
    var copy = self
    copy.i = node.offset
    copy.locator = Locator(outer: bytes, map: nil)
    var out: [UInt8] = []
    var offsets: [Int32] = []
    out.reserveCapacity(node.offset < bytes.count ? bytes.count - node.offset : 0)
    try copy.decodeString(into: &out, offsets: &offsets, record: true)
    return (out, offsets)
  }

  /// A reader of the JSON text held, escaped, in the string `node` of these bytes: the flow
  /// language inside a `Content` member, located in this file.
  public func reader(forTextOf node: JSONNode) throws(JSONSyntaxError) -> JSONReader {
    let (decoded, offsets) = try decodedWithOffsets(node)
    guard locator.map == nil else { return JSONReader(decoded, mappedTo: offsets.map { locator.mapped($0) }, in: locator.outer, file: file) }
    return JSONReader(decoded, mappedTo: offsets, in: bytes, file: file)
  }

  // MARK: Pieces

  /// Moves past a one-byte token (`{`, `}`, `[`, `]`, `,`, `:`), and the locator with it when
  /// it was there.
  private mutating func pass() {
    locator.follow(from: i, to: i + 1, lines: 0, column: 0)
    i += 1
  }

  /// Moves past white space, and the locator with it when it was where the white space starts
  /// (lines and columns counted on the way, but where a CR makes them a question of what
  /// follows it: then the locator counts them when asked).
  @inline(__always)
  private mutating func skipSpace() {
    guard i < bytes.count, bytes[i] <= 0x20 else { return }
    // One space (after the `:` of a member, in indented JSON) is passed here.
    if bytes[i] == 0x20, i + 1 < bytes.count, bytes[i + 1] > 0x20 { return pass() }
    skipSpaceRun()
  }

  /// ``skipSpace()`` from a byte of white space (or a control character, which it stops at).
  private mutating func skipSpaceRun() {
    let start = i
    var lines = 0
    var lineStart = -1
    var plain = true
    i = bytes.withUnsafeBufferPointer { buffer in
      var k = i
      while k < buffer.count {
        let b = buffer[k]
        if b == 0x0A {
          lines += 1
          k += 1
          lineStart = k
          // The indentation after a line break, eight spaces at a time, then the spaces left
          // counted off the word they start (the first byte that is not a space ends them).
          if let base = UnsafeRawPointer(buffer.baseAddress) {
            while k + 8 <= buffer.count {
              let other = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: k, as: UInt64.self)) ^ 0x2020_2020_2020_2020
              if other != 0 {
                k += other.trailingZeroBitCount >> 3
                break
              }
              k += 8
            }
          }
          continue
        } else if b == 0x0D {
          plain = false
        } else if b != 0x20 && b != 0x09 {
          break
        }
        k += 1
      }
      return k
    }
    if plain { locator.follow(from: start, to: i, lines: lines, column: lines == 0 ? 0 : 1 + i - lineStart) }
  }

  private func describe(_ at: Int) -> String {
    guard at < bytes.count else { return "the end of the text" }
    return "`\(describeByte(bytes[at]))`"
  }

  private func describeByte(_ b: UInt8) -> String {
    if b >= 0x20 && b < 0x7F { return String(UnicodeScalar(b)) }
    return "\\u{\(hex(b))}"
  }

  private func hex(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
  }

  private mutating func error(_ message: String) -> JSONSyntaxError {
    let at = locator.location(min(i, bytes.count))
    return JSONSyntaxError(message: message, span: SourceSpan(file: file, at: at))
  }
}

/// Turns offsets into lines and columns, moving forward through the text (the reader asks in
/// increasing order, so each byte is counted once). Offsets may go through a map into the
/// bytes of an outer file.
struct Locator {
  let outer: [UInt8]
  let map: [Int32]?
  private var offset = 0
  private var line = 1
  private var column = 1

  init(outer: [UInt8], map: [Int32]?) {
    self.outer = outer
    self.map = map
  }

  /// Moves to offset `at`, known to be at `location` (the bytes before it were read as one
  /// line of ASCII).
  mutating func skip(to at: Int, at location: SourceLocation) {
    offset = at
    line = location.line
    column = location.column
  }

  /// Moves from `from` to `to` over bytes of one column each, or of `lines` lines the last
  /// ending at column `column`, when the locator is at `from` of a file read directly.
  mutating func follow(from: Int, to: Int, lines: Int, column: Int) {
    guard map == nil, offset == from else { return }
    offset = to
    if lines == 0 {
      self.column += to - from
    } else {
      line += lines
      self.column = column
    }
  }

  /// The outer offset of inner offset `at`.
  func mapped(_ at: Int32) -> Int32 {
    guard let map, !map.isEmpty else { return at }
    return map[min(max(Int(at), 0), map.count - 1)]
  }

  mutating func location(_ at: Int) -> SourceLocation {
    var target = at
    if let map {
      target = map.isEmpty ? 0 : Int(map[min(max(at, 0), map.count - 1)])
    }
    target = min(max(target, 0), outer.count)
    if target < offset {
      offset = 0
      line = 1
      column = 1
    }
    guard offset < target else { return SourceLocation(line: line, column: column) }
    // Columns count characters: every byte but UTF-8 continuation bytes and the CR of a CRLF.
    (offset, line, column) = outer.withUnsafeBufferPointer { bytes in
      var (o, l, c) = (offset, line, column)
      while o < target {
        let b = bytes[o]
        if b >= 0x20 {
          if b & 0xC0 != 0x80 { c += 1 }
        } else if b == 0x0A {
          l += 1
          c = 1
        } else if b == 0x0D {
          if !(o + 1 < bytes.count && bytes[o + 1] == 0x0A) {
            l += 1
            c = 1
          }
        } else {
          c += 1
        }
        o += 1
      }
      return (o, l, c)
    }
    return SourceLocation(line: line, column: column)
  }
}

/// Tests on eight bytes at once (a word read little-endian: byte `k` in bits `8k..<8k+8`).
enum Bytes {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Whether a byte of `word` is below `n` (for `n` up to 128), given that none is 128 or more.
  @inline(__always)
  static func hasByte(below n: UInt8, _ word: UInt64) -> Bool {
    (word &- ones &* UInt64(n)) & ~word & highs != 0
  }

  /// Whether a byte of `word` is `b`.
  @inline(__always)
  static func hasByte(_ b: UInt8, _ word: UInt64) -> Bool {
    let x = word ^ (ones &* UInt64(b))
    return (x &- ones) & ~x & highs != 0
  }

  /// Whether a string's body stops in `word`, or may: a byte that is not ASCII, a quote, a
  /// backslash or a control character (checked again byte by byte).
  @inline(__always)
  static func stopsString(_ word: UInt64) -> Bool {
    word & highs != 0 || hasByte(below: 0x20, word) || hasByte(UInt8(ascii: "\""), word) || hasByte(UInt8(ascii: "\\"), word)
  }
}
