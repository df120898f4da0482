/// A text dump of a syntax tree without its spans: two trees are the same flow, whatever the
/// form they were written in, exactly when their dumps are equal. Used to prove conversions
/// lossless.
extension FlowSyntax {
  public var structuralDump: String {
    var out = ""
    func line(_ depth: Int, _ text: String) { out += String(repeating: "  ", count: depth) + text + "\n" }
    func value(_ v: SyntaxValue, _ depth: Int) {
      switch v.kind {
      case .null: line(depth, "null")
      case .scalar(let text, let form): line(depth, "\(form == .bare ? "bare" : "quoted") \(text.debugDescription)")
      case .list(let items):
        line(depth, "list")
        for item in items { value(item, depth + 1) }
      case .record(let fields):
        line(depth, "record")
        for field in fields {
          line(depth + 1, "field \(field.name.value.debugDescription)")
          value(field.value, depth + 2)
        }
      }
    }
    for comment in comments { line(0, "comment \(comment.text.debugDescription)") }
    line(0, "flow \(name?.value.debugDescription ?? "-") type \(type?.value.debugDescription ?? "-")")
    line(0, "description \(description?.value.debugDescription ?? "-")")
    line(0, "start \(start?.value.debugDescription ?? "-") on-error \(onError?.value.debugDescription ?? "-")")
    for block in blocks {
      for comment in block.comments { line(1, "comment \(comment.text.debugDescription)") }
      line(1, "block \(block.id.value.debugDescription) kind \(block.kind.value.debugDescription)")
      value(block.body, 2)
      line(2, "next \(block.next?.value.debugDescription ?? "-")")
      for branch in block.branches { line(2, "on \(branch.name.value.debugDescription) -> \(branch.target.value.debugDescription)") }
    }
    for comment in trailingComments { line(0, "trailing \(comment.text.debugDescription)") }
    return out
  }
}
