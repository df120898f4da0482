/// Which texts can stand as a bare (unquoted) value in both source forms: a YAML plain
/// scalar in block context that libyaml reads back as exactly that text and not as null,
/// and, in the DSL, a bare token or a backtick literal.
public enum PlainScalar {
  /// Whether `text` can be written as a YAML plain scalar that reads back as `text`.
  public static func isValid(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.first, let last = scalars.last else { return false }
    if text == "~" || text == "null" || text == "Null" || text == "NULL" { return false }
    if isBlank(first) || isBlank(last) { return false }
    let second = scalars.count > 1 ? scalars[1] : nil
    if "-?:".unicodeScalars.contains(first) {
      guard let second, !isBlank(second) else { return false }
    } else if ",[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
      return false
    }
    if text.hasPrefix("---") || text.hasPrefix("...") { return false }
    for (i, scalar) in scalars.enumerated() {
      if !isPrintable(scalar) || isLineBreak(scalar) { return false }
      if scalar == ":" && (i + 1 == scalars.count || isBlank(scalars[i + 1])) { return false }
      if scalar == "#" && i > 0 && isBlank(scalars[i - 1]) { return false }
    }
    return true
  }

  private static func isBlank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" }

  /// The printable characters libyaml also reads as line breaks: NEL, LINE SEPARATOR and
  /// PARAGRAPH SEPARATOR. Written raw they would split a scalar or a comment.
  public static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
    s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029
  }

  /// Whether YAML allows the character unescaped (tab and line breaks aside, the printable
  /// characters); the DSL allows the same in its source.
  public static func isPrintable(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
      return s.value != 0xFEFF
    default:
      return false
    }
  }
}
