/// Quoted strings in the formats the toolchain writes (JSON, YAML, the DSL). They share the
/// escapes `\\`, `\n`, `\r`, `\t` and a backslash before the quote mark; they differ in which
/// other characters must be escaped and how, which each format says with `spell`.
public enum Escaping {
  /// `text` between `mark`s. A scalar for which `spell` returns text is written as that text;
  /// `spell` is asked only about scalars outside printable ASCII (U+0020 to U+007E), which
  /// every format writes as they are.
  public static func quoted(_ text: String, mark: Unicode.Scalar, spell: (Unicode.Scalar) -> String?) -> String {
    // Most text is printable ASCII with neither backslash nor quote mark: written as it is.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && UInt32($0) != mark.value }) {
      var out = String(mark)
      out += text
      out.unicodeScalars.append(mark)
      return out
    }
    var out = String(mark)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case mark: out += "\\" + String(mark)
      default:
        if (0x20..<0x7F).contains(scalar.value) {
          out.unicodeScalars.append(scalar)
        } else if let spelled = spell(scalar) {
          out += spelled
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.unicodeScalars.append(mark)
    return out
  }

  /// `text` safe to print to a terminal or a log: each control character (C0 but tab, DEL,
  /// C1) and each character that reorders text (bidirectional overrides and isolates) is
  /// written as `\u{1B}`, so that no input can move the cursor, recolour the screen or hide
  /// text. Tabs are kept when `keepTabs` (a source line keeps its layout).
  public static func visible(_ text: String, keepTabs: Bool = false) -> String {
    // Most text is printable ASCII: returned as it is.
    if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || (keepTabs && $0 == 0x09) }) { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) && !(keepTabs && scalar == "\t") {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether ``visible(_:keepTabs:)`` escapes `scalar`.
  public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x20, 0x7F..<0xA0: true
    // Left-to-right and right-to-left marks, embeddings, overrides and isolates.
    case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// The hexadecimal digits of `value`, left-padded with zeros to `width`.
  public static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
