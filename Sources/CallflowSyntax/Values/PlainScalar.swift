/// Which texts can stand as a bare (unquoted) value in both source forms: a YAML plain
/// scalar in block context that libyaml reads back as exactly that text and not as null,
/// and, in the DSL, a bare token or a backtick literal.
public enum PlainScalar {
  /// Whether `text` can be written as a YAML plain scalar that reads back as `text`.
  public static func isValid(_ text: String) -> Bool {
    if text == "~" || text == "null" || text == "Null" || text == "NULL" { return false }
    if text.hasPrefix("---") || text.hasPrefix("...") { return false }
    // ASCII text (most names and values) is judged off its bytes, without a list of scalars.
    var copy = text
    if let ascii = copy.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } ? isValid(units: bytes.lazy.map(UInt32.init)) : nil }) {
      return ascii
    }
    return isValid(units: text.unicodeScalars.map(\.value))
  }

  /// ``isValid(_:)`` on the text's scalar values.
  private static func isValid<Units: RandomAccessCollection>(units: Units) -> Bool where Units.Element == UInt32, Units.Index == Int {
    guard let first = units.first, let last = units.last else { return false }
    if isBlank(first) || isBlank(last) { return false }
    let second = units.count > 1 ? units[units.startIndex + 1] : nil
    if "-?:".unicodeScalars.contains(where: { $0.value == first }) {
      guard let second, !isBlank(second) else { return false }
    } else if ",[]{}#&*!|>'\"%@`".unicodeScalars.contains(where: { $0.value == first }) {
      return false
    }
    var previous: UInt32?
    var k = units.startIndex
    while k < units.endIndex {
      let unit = units[k]
      if !isPrintable(value: unit) || isLineBreak(value: unit) { return false }
      if unit == 0x3A /* : */ && (k + 1 == units.endIndex || isBlank(units[k + 1])) { return false }
      if unit == 0x23 /* # */, let previous, isBlank(previous) { return false }
      previous = unit
      k += 1
    }
    return true
  }

  private static func isBlank(_ value: UInt32) -> Bool { value == 0x20 || value == 0x09 }


  /// The printable characters libyaml also reads as line breaks: NEL, LINE SEPARATOR and
  /// PARAGRAPH SEPARATOR. Written raw they would split a scalar or a comment.
  public static func isLineBreak(_ s: Unicode.Scalar) -> Bool { isLineBreak(value: s.value) }

  private static func isLineBreak(value: UInt32) -> Bool { value == 0x85 || value == 0x2028 || value == 0x2029 }

  /// Whether YAML allows the character unescaped (tab and line breaks aside, the printable
  /// characters); the DSL allows the same in its source.
  public static func isPrintable(_ s: Unicode.Scalar) -> Bool { isPrintable(value: s.value) }

  private static func isPrintable(value: UInt32) -> Bool {
    switch value {
    case 0x09, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
      return value != 0xFEFF
    default:
      return false
    }
  }
}
