import CallflowTestSupport
import CallflowDiagnostics
import CallflowSyntax

/// A deterministic generator of random flows, for the conversion property tests: names and
/// values with spaces, quotes, backslashes, Unicode, `#`, `//` and `->`; nested lists and
/// records; branches; comments in every place they can be attached.
struct FlowGenerator {
  var random: SplitMix

  init(seed: UInt64) { random = SplitMix(seed: seed) }

  private static let span = SourceSpan(file: FileID(0), at: SourceLocation(line: 1, column: 1))
  private static let words = [
    "play-prompt", "transfer-to-queue", "Support", "Callbacks", "99s", "1m30s", "2", "-3", "+14255550100",
    "$.StoredCustomerInput", "$.Attributes.tier", "agent-first", "e164", "x", "a_b", "café", "null-ish", "on", "next",
    "flow", "start", "on-error", "*9", "#", "1", "true", "~", "null", "-", "a: b", "a #b", "a//b", "a->b", " x", "x ",
    "\"q\"", "back\\slash", "line\nbreak", "tab\there", "{x}", "[y]", "(z)", "a,b", "`tick`", "é ü 中", "?x", ":y", "%z",
  ]

  mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
  mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

  mutating func text() -> String {
    chance(70) ? pick(Self.words) : pick(Self.words) + pick([" ", "-", "", "."]) + pick(Self.words)
  }

  /// Text that can be a bare value in both forms.
  mutating func bareText() -> String {
    while true {
      let t = text()
      if PlainScalar.isValid(t) { return t }
    }
  }

  mutating func located(_ text: String) -> Located<String> { Located(text, at: Self.span) }

  mutating func comments(_ max: Int) -> [Comment] {
    (0..<Int(random.next() % UInt64(max + 1))).map { _ in
      Comment(pick([" a note", "", " callflow-ignore: dead-end", "#", " é // -> \"x\"", "  indented"]), at: Self.span)
    }
  }

  mutating func value(depth: Int) -> SyntaxValue {
    switch random.next() % (depth > 2 ? 3 : 6) {
    case 0: return SyntaxValue(.scalar(bareText(), .bare), at: Self.span)
    case 1: return SyntaxValue(.scalar(text(), .quoted), at: Self.span)
    case 2: return SyntaxValue(.null, at: Self.span)
    case 3: return SyntaxValue(.list((0..<Int(random.next() % 4)).map { _ in value(depth: depth + 1) }), at: Self.span)
    default: return record(depth: depth)
    }
  }

  mutating func record(depth: Int) -> SyntaxValue {
    var seen: Set<String> = []
    var fields: [SyntaxField] = []
    for _ in 0..<Int(random.next() % 4) {
      let key = text()
      guard seen.insert(key).inserted else { continue }
      fields.append(SyntaxField(name: located(key), value: value(depth: depth + 1)))
    }
    return SyntaxValue(.record(fields), at: Self.span)
  }

  mutating func flow() -> FlowSyntax {
    var flow = FlowSyntax(file: FileID(0), hasBlocks: true, span: Self.span)
    if chance(90) { flow.name = located(text()) }
    if chance(90) { flow.type = located(text()) }
    if chance(50) { flow.description = located(text()) }
    if chance(90) { flow.start = located(text()) }
    if chance(40) { flow.onError = located(text()) }
    flow.comments = comments(2)
    var ids: Set<String> = []
    for _ in 0..<Int(random.next() % 6) {
      let id = text()
      guard ids.insert(id).inserted, id != "next", id != "on" else { continue }
      var kind = text()
      while kind == "next" || kind == "on" { kind = text() }
      let body: SyntaxValue
      switch random.next() % 4 {
      case 0: body = SyntaxValue(.null, at: Self.span)
      case 1: body = record(depth: 1)
      default: body = value(depth: 1)
      }
      var branchNames: Set<String> = []
      var branches: [BranchSyntax] = []
      for _ in 0..<Int(random.next() % 4) {
        let name = text()
        guard branchNames.insert(name).inserted else { continue }
        branches.append(BranchSyntax(name: located(name), target: located(text())))
      }
      flow.blocks.append(
        BlockSyntax(
          id: located(id), kind: located(kind), body: body, next: chance(60) ? located(text()) : nil,
          branches: branches, span: Self.span, comments: comments(2)))
    }
    if !flow.blocks.isEmpty { flow.trailingComments = comments(2) }
    return flow
  }
}
