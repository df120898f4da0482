import CallflowDiagnostics
import CallflowSyntax

/// Prints a flow as YAML in block style, comments before what they were attached to. Bare
/// values print as plain scalars, quoted ones double-quoted, so the YAML front end reads back
/// the same syntax tree.
public enum YAMLPrinter {
  public static func print(_ flow: FlowSyntax) -> String {
    var out = ""
    for comment in flow.comments { out += "#\(comment.text)\n" }
    if let name = flow.name { out += "flow: " + key(name.value) + "\n" }
    if let type = flow.type { out += "type: " + key(type.value) + "\n" }
    if let description = flow.description { out += "description: " + quoted(description.value) + "\n" }
    if let start = flow.start { out += "start: " + key(start.value) + "\n" }
    if let onError = flow.onError { out += "on-error: " + key(onError.value) + "\n" }
    out += flow.blocks.isEmpty ? "blocks: {}\n" : "blocks:\n"
    for (i, block) in flow.blocks.enumerated() {
      if i > 0 { out += "\n" }
      for comment in block.comments { out += "  #\(comment.text)\n" }
      out += mappingKey(block.id.value, indent: 2) + "\n"
      out += "    " + key(block.kind.value) + ":"
      out += nested(block.body, indent: 6)
      if let next = block.next { out += "    next: " + key(next.value) + "\n" }
      if !block.branches.isEmpty {
        out += "    on:\n"
        for branch in block.branches { out += mappingKey(branch.name.value, indent: 6) + " " + key(branch.target.value) + "\n" }
      }
    }
    if let connect = flow.connect {
      out += "\nconnect:" + nested(connect, indent: 2)
    }
    for comment in flow.trailingComments { out += "#\(comment.text)\n" }
    return out
  }

  /// A value after `key:`: on the same line when it is a scalar or empty, else on the lines
  /// below, indented by `indent`. Ends with a line break.
  static func nested(_ value: SyntaxValue, indent: Int) -> String {
    switch value.kind {
    case .null: return "\n"
    case .scalar: return " " + scalar(value) + "\n"
    case .list(let items) where items.isEmpty: return " []\n"
    case .record(let fields) where fields.isEmpty: return " {}\n"
    case .list, .record: return "\n" + lines(value, indent: indent)
    }
  }

  /// A list or record as block-style lines at `indent`.
  private static func lines(_ value: SyntaxValue, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    switch value.kind {
    case .list(let items):
      return items.map { item -> String in
        switch item.kind {
        case .list(let inner) where !inner.isEmpty:
          return pad + "-\n" + lines(item, indent: indent + 2)
        case .record(let fields) where !fields.isEmpty:
          // `- first: …` then the other fields aligned under it.
          let body = lines(item, indent: indent + 2)
          return pad + "- " + body.dropFirst(indent + 2)
        default:
          return pad + "-" + nested(item, indent: indent + 2)
        }
      }.joined()
    case .record(let fields):
      return fields.map { mappingKey($0.name.value, indent: indent) + nested($0.value, indent: indent + 2) }.joined()
    default:
      return pad + scalar(value) + "\n"
    }
  }

  static func scalar(_ value: SyntaxValue) -> String {
    switch value.kind {
    case .scalar(let text, .bare) where PlainScalar.isValid(text): return text
    case .scalar(let text, _): return quoted(text)
    default: return ""
    }
  }

  /// A key or name: plain when YAML reads it back unchanged, else double-quoted.
  public static func key(_ text: String) -> String { PlainScalar.isValid(text) ? text : quoted(text) }

  /// The longest key YAML reads in the usual `key: value` form (a "simple key" is at most
  /// 1,024 characters, its quotes included); a longer one is written as an explicit key.
  static let longestSimpleKey = 1_000

  /// `key:` at `indent`, up to the colon: `? "…"` on a line of its own, then `:`, when the
  /// key is too long to be a simple key.
  static func mappingKey(_ text: String, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    let written = key(text)
    guard written.unicodeScalars.count > longestSimpleKey else { return pad + written + ":" }
    return pad + "? " + quoted(text) + "\n" + pad + ":"
  }

  /// A double-quoted YAML scalar; what YAML does not allow unescaped is written `\UXXXXXXXX`.
  public static func quoted(_ text: String) -> String {
    Escaping.quoted(text, mark: "\"") { scalar in
      PlainScalar.isPrintable(scalar) && !PlainScalar.isLineBreak(scalar) ? nil : "\\U" + Escaping.hex(scalar.value, width: 8)
    }
  }
}
