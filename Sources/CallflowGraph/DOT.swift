/// Writing DOT: quoted IDs and strings, and attribute lists in a fixed order.
enum DOT {
  /// `text` as a DOT quoted string: quotes and backslashes escaped, line breaks as `\n`,
  /// other control characters dropped. Graphviz's own escapes (`\N`, `\G`, `\l` ...) cannot
  /// appear, as every backslash is doubled.
  static func quoted(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r", "\u{85}", "\u{2028}", "\u{2029}": out += "\\n"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += " "
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// An attribute list: `[name="value", ...]`, in the order given.
  static func attributes(_ pairs: [(String, String)]) -> String {
    "[" + pairs.map { "\($0.0)=\(quoted($0.1))" }.joined(separator: ", ") + "]"
  }

  /// `text` cut to `limit` characters, with an ellipsis when cut.
  static func short(_ text: String, _ limit: Int = 40) -> String {
    let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
  }
}
