import CallflowDiagnostics
import CallflowSyntax

/// Prints a flow as canonical DSL: the form `callflow fmt` writes and `callflow convert --to
/// dsl` produces. Printing what it parsed gives the same text again (idempotent).
public enum DSLPrinter {
  /// Lines longer than this put each parameter of a block on its own line.
  public static let width = 100

  public static func print(_ flow: FlowSyntax) -> String {
    var out = ""
    for comment in flow.comments { out += "//\(comment.text)\n" }
    out += "flow"
    if let flowName = flow.name { out += " " + name(flowName.value) }
    if let type = flow.type { out += " : " + name(type.value) }
    out += " {\n"
    if let description = flow.description { out += "  " + string(description.value) + "\n" }
    if let start = flow.start { out += "  start " + name(start.value) + "\n" }
    if let onError = flow.onError { out += "  on-error " + name(onError.value) + "\n" }
    for block in flow.blocks {
      out += "\n"
      for comment in block.comments { out += "  //\(comment.text)\n" }
      out += "  " + header(block)
      if !block.branches.isEmpty {
        out += " {\n"
        for group in groups(block.branches) {
          out += "    " + group.names.map(branchName).joined(separator: ", ") + " -> " + name(group.target) + "\n"
        }
        out += "  }"
      }
      out += "\n"
    }
    if !flow.trailingComments.isEmpty { out += "\n" }
    for comment in flow.trailingComments { out += "  //\(comment.text)\n" }
    out += "}\n"
    return out
  }

  private static func header(_ block: BlockSyntax) -> String {
    let lead = name(block.id.value) + ": " + name(block.kind.value)
    let next = block.next.map { " -> " + name($0.value) } ?? ""
    switch block.body.kind {
    case .null:
      return lead + next
    case .record(let fields):
      return lead + laidOut(fields.map { (name($0.name.value) + ": ", $0.value) }, open: "(", close: ")", column: 2 + lead.count, indent: 2) + next
    case .scalar, .list:
      return lead + laidOut([("", block.body)], open: "(", close: ")", column: 2 + lead.count, indent: 2) + next
    }
  }

  /// Elements between `open` and `close`: on one line when that fits in ``width`` from
  /// `column`, else one element per line at `indent + 2`, each laid out the same way.
  private static func laidOut(_ elements: [(prefix: String, value: SyntaxValue)], open: String, close: String, column: Int, indent: Int) -> String {
    let inline = open + elements.map { $0.prefix + value($0.value) }.joined(separator: ", ") + close
    if column + inline.count <= width || elements.isEmpty { return inline }
    let pad = String(repeating: " ", count: indent + 2)
    var out = open + "\n"
    for element in elements {
      out += pad + element.prefix + laidOut(element.value, column: indent + 2 + element.prefix.count, indent: indent + 2) + ",\n"
    }
    return out + String(repeating: " ", count: indent) + close
  }

  private static func laidOut(_ v: SyntaxValue, column: Int, indent: Int) -> String {
    switch v.kind {
    case .record(let fields) where !fields.isEmpty:
      return laidOut(fields.map { (name($0.name.value) + ": ", $0.value) }, open: "(", close: ")", column: column, indent: indent)
    case .list(let items) where !items.isEmpty:
      return laidOut(items.map { ("", $0) }, open: "[", close: "]", column: column, indent: indent)
    default:
      return value(v)
    }
  }

  /// Consecutive branches to one block share a line: `timeout, no-match -> sorry`.
  private static func groups(_ branches: [BranchSyntax]) -> [(names: [String], target: String)] {
    var result: [(names: [String], target: String)] = []
    for branch in branches {
      if let last = result.last, last.target == branch.target.value {
        result[result.count - 1].names.append(branch.name.value)
      } else {
        result.append(([branch.name.value], branch.target.value))
      }
    }
    return result
  }

  private static func field(_ field: SyntaxField) -> String { name(field.name.value) + ": " + value(field.value) }

  /// A value: `null`, a bare word, a backtick literal, a string, `[…]` or `(…)`.
  public static func value(_ value: SyntaxValue) -> String {
    switch value.kind {
    case .null: return "null"
    case .scalar(let text, .quoted): return string(text)
    case .scalar(let text, .bare): return isBareWord(text) ? text : quote(text, with: "`")
    case .list(let items): return "[" + items.map(Self.value).joined(separator: ", ") + "]"
    case .record(let fields): return "(" + fields.map(field).joined(separator: ", ") + ")"
    }
  }

  /// A name (block id, kind, flow, branch target): bare when it can be, else a string.
  static func name(_ text: String) -> String {
    isBareWord(text) && !["flow", "start", "on-error", "null"].contains(text) ? text : string(text)
  }

  /// Branch names print bare only when they read as words (`timeout`), quoted otherwise (`"1"`).
  static func branchName(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, first.properties.isAlphabetic else { return string(text) }
    return name(text)
  }

  /// Whether `text` lexes as a single bare word with that text.
  static func isBareWord(_ text: String) -> Bool {
    guard PlainScalar.isValid(text), text != "null" else { return false }
    let bytes = Array(text.utf8)
    for (i, byte) in bytes.enumerated() {
      if Lexer.isDelimiter(byte) { return false }
      if byte == UInt8(ascii: "-"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") { return false }
      if byte == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/") { return false }
    }
    return true
  }

  static func string(_ text: String) -> String { quote(text, with: "\"") }

  private static func quote(_ text: String, with mark: Unicode.Scalar) -> String {
    Escaping.quoted(text, mark: mark) { scalar in
      scalar.value < 0x20 || scalar.value == 0x7F ? "\\u{" + String(scalar.value, radix: 16) + "}" : nil
    }
  }
}
