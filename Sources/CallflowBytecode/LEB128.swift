/// Appends LEB128 and fixed-width little-endian numbers to a byte buffer.
public struct ByteWriter: Sendable {
  public var bytes: [UInt8] = []

  public init() {}

  public mutating func uleb(_ value: UInt64) {
    var v = value
    repeat {
      var byte = UInt8(v & 0x7F)
      v >>= 7
      if v != 0 { byte |= 0x80 }
      bytes.append(byte)
    } while v != 0
  }

  public mutating func uleb(_ value: Int) { uleb(UInt64(max(0, value))) }

  /// A number in exactly 4 bytes of padded LEB128 (below 2^28), to be filled in later with
  /// ``patch(_:at:)``.
  public mutating func placeholder() -> Int {
    bytes += [0x80, 0x80, 0x80, 0x00]
    return bytes.count - 4
  }

  /// Writes `value` into the 4-byte placeholder at `offset`.
  public mutating func patch(_ value: Int, at offset: Int) {
    for i in 0..<4 { bytes[offset + i] = UInt8((value >> (7 * i)) & 0x7F) | (i < 3 ? 0x80 : 0) }
  }

  mutating func sleb(_ value: Int) {
    var v = Int64(value)
    while true {
      let byte = UInt8(truncatingIfNeeded: v & 0x7F)
      v >>= 7
      let done = (v == 0 && byte & 0x40 == 0) || (v == -1 && byte & 0x40 != 0)
      bytes.append(done ? byte : byte | 0x80)
      if done { return }
    }
  }

  mutating func u16(_ value: UInt16) {
    bytes.append(UInt8(value & 0xFF))
    bytes.append(UInt8(value >> 8))
  }

  mutating func u32(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
  }

  mutating func string(_ text: String) {
    uleb(text.utf8.count)
    bytes.append(contentsOf: text.utf8)
  }
}

/// Reads LEB128 and fixed-width numbers from bytes, never past their end: every read
/// either succeeds or throws where it stopped.
struct ByteReader {
  let bytes: [UInt8]
  var position: Int
  let end: Int

  init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
    self.bytes = bytes
    position = start
    self.end = min(end ?? bytes.count, bytes.count)
  }

  var atEnd: Bool { position >= end }

  mutating func byte() throws(ModuleError) -> UInt8 {
    guard position < end else { throw ModuleError.truncated(at: position) }
    defer { position += 1 }
    return bytes[position]
  }

  /// An unsigned LEB128 number of at most 10 bytes that fits 63 bits.
  mutating func uleb() throws(ModuleError) -> Int {
    let start = position
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try byte()
      guard shift < 63 else { throw ModuleError.malformed(at: start, "a number longer than 63 bits") }
      let bits = UInt64(b & 0x7F)
      guard shift < 56 || bits >> (63 - shift) == 0 else { throw ModuleError.malformed(at: start, "a number longer than 63 bits") }
      result |= bits << shift
      if b & 0x80 == 0 { break }
      shift += 7
    }
    return Int(result)
  }

  mutating func sleb() throws(ModuleError) -> Int {
    let start = position
    var result: Int64 = 0
    var shift: Int64 = 0
    var b: UInt8
    repeat {
      b = try byte()
      guard shift < 63 else { throw ModuleError.malformed(at: start, "a number longer than 64 bits") }
      result |= Int64(b & 0x7F) << shift
      shift += 7
    } while b & 0x80 != 0
    if shift < 64 && b & 0x40 != 0 { result |= -1 << shift }
    return Int(result)
  }

  mutating func u16() throws(ModuleError) -> UInt16 {
    let low = try byte()
    let high = try byte()
    return UInt16(low) | UInt16(high) << 8
  }

  mutating func u32() throws(ModuleError) -> UInt32 {
    var value: UInt32 = 0
    for shift in stride(from: 0, to: 32, by: 8) { value |= UInt32(try byte()) << UInt32(shift) }
    return value
  }

  /// A UTF-8 string with its byte count before it.
  mutating func string() throws(ModuleError) -> String {
    let start = position
    let count = try uleb()
    guard count <= end - position else { throw ModuleError.truncated(at: start) }
    let slice = bytes[position..<position + count]
    position += count
    guard let text = String(validating: slice, as: UTF8.self) else { throw ModuleError.malformed(at: start, "text that is not UTF-8") }
    return text
  }
}
