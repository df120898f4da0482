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
      mappingKey(block.id.value, indent: 2, into: &out)
      out += "\n    "
      out += key(block.kind.value)
      out += ":"
      nested(block.body, indent: 6, into: &out)
      if let next = block.next { out += "    next: " + key(next.value) + "\n" }
      if !block.branches.isEmpty {
        out += "    on:\n"
        for branch in block.branches {
          mappingKey(branch.name.value, indent: 6, into: &out)
          out += " "
          out += key(branch.target.value)
          out += "\n"
        }
      }
    }
    if let connect = flow.connect {
      out += "\nconnect:"
      nested(connect, indent: 2, into: &out)
    }
    for comment in flow.trailingComments { out += "#\(comment.text)\n" }
    return out
  }

  /// A value after `key:`, written at the end of `out`: on the same line when it is a scalar
  /// or empty, else on the lines below, indented by `indent`. Ends with a line break.
  static func nested(_ value: SyntaxValue, indent: Int, into out: inout String) {
    switch value.kind {
    case .null: out += "\n"
    case .scalar:
      out += " "
      out += scalar(value)
      out += "\n"
    case .list(let items) where items.isEmpty: out += " []\n"
    case .record(let fields) where fields.isEmpty: out += " {}\n"
    case .list, .record:
      out += "\n"
      lines(value, indent: indent, into: &out)
    }
  }

  /// A list or record as block-style lines at `indent`, written at the end of `out`; with
  /// `padFirst` false, the first line without its indentation (it follows a `- `).
  private static func lines(_ value: SyntaxValue, indent: Int, padFirst: Bool = true, into out: inout String) {
    func pad(_ first: Bool) { if padFirst || !first { out += String(repeating: " ", count: indent) } }
    switch value.kind {
    case .list(let items):
      for (k, item) in items.enumerated() {
        pad(k == 0)
        switch item.kind {
        case .list(let inner) where !inner.isEmpty:
          out += "-\n"
          lines(item, indent: indent + 2, into: &out)
        case .record(let fields) where !fields.isEmpty:
          // `- first: …` then the other fields aligned under it.
          out += "- "
          lines(item, indent: indent + 2, padFirst: false, into: &out)
        default:
          out += "-"
          nested(item, indent: indent + 2, into: &out)
        }
      }
    case .record(let fields):
      for (k, field) in fields.enumerated() {
        mappingKey(field.name.value, indent: indent, padFirst: padFirst || k > 0, into: &out)
        nested(field.value, indent: indent + 2, into: &out)
      }
    default:
      pad(true)
      out += scalar(value)
      out += "\n"
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

  /// `key:` at `indent`, up to the colon, written at the end of `out`: `? "…"` on a line of
  /// its own, then `:`, when the key is too long to be a simple key. With `padFirst` false,
  /// its first line has no indentation (it follows a `- `).
  static func mappingKey(_ text: String, indent: Int, padFirst: Bool = true, into out: inout String) {
    if padFirst { out += String(repeating: " ", count: indent) }
    let written = key(text)
    // No more bytes than the longest simple key has characters: no need to count them.
    guard written.utf8.count > longestSimpleKey, written.unicodeScalars.count > longestSimpleKey else {
      out += written
      out += ":"
      return
    }
    out += "? " + quoted(text) + "\n" + String(repeating: " ", count: indent) + ":"
  }

  /// A double-quoted YAML scalar; what YAML does not allow unescaped is written `\UXXXXXXXX`.
  public static func quoted(_ text: String) -> String {
    Escaping.quoted(text, mark: "\"") { scalar in
      PlainScalar.isPrintable(scalar) && !PlainScalar.isLineBreak(scalar) ? nil : "\\U" + Escaping.hex(scalar.value, width: 8)
    }
  }
}
