import CallflowDiagnostics
import CallflowSyntax

/// A recursive-descent parser for the DSL, following `Grammar/callflow.ebnf` production by
/// production. It never stops at the first error: a problem inside a block is reported as
/// `dsl-syntax` ("expected …, found …") and parsing resumes at the next block.
struct Parser {
  private let tokens: [Token]
  private let file: FileID
  private var position = 0
  private var depth = 0
  /// Set when the file is given up (nesting too deep): nothing more is reported.
  private var stopped = false
  /// Where each block id was first defined, to report ids given twice in linear time.
  private var blockIDs: [String: SourceSpan] = [:]
  /// The id of the block being read, kept when the rest of it is abandoned.
  private var pendingBlockID: Located<String>?
  var bag: DiagnosticBag
  /// The last line of the flow's own items (`{`, description, `start`, `on-error`) before its
  /// first block: comments up to it belong to the flow, later ones to the blocks.
  private(set) var headerEnd = 0

  /// The deepest nesting of lists and records.
  static let maxDepth = 100

  /// Thrown to abandon the current block; the flow body then resynchronizes.
  private struct Abandon: Error {}

  init(tokens: [Token], file: FileID, bag: DiagnosticBag) {
    self.tokens = tokens
    self.file = file
    self.bag = bag
  }

  // file = flow , end ;
  mutating func parseFile() -> FlowSyntax? {
    guard case .bare("flow") = current.kind else {
      expected("`flow`, the start of a flow")
      return nil
    }
    let flow = try? parseFlow()
    if flow != nil, current.kind != .end {
      bag.report(
        .dslSyntax, "expected the end of the file after the flow, found \(current.described)", at: current.span,
        notes: [Note("a file holds one flow")])
    }
    return flow
  }

  // flow = "flow" , [ name ] , [ ":" , name ] , "{" , { item } , "}" ;
  private mutating func parseFlow() throws(Abandon) -> FlowSyntax {
    let start = current.span
    advance()
    var flow = FlowSyntax(file: file, hasBlocks: true, span: start)
    flow.notation = .dsl
    if current.kind != .colon && current.kind != .leftBrace { flow.name = try name("the flow's name") }
    if current.kind == .colon {
      advance()
      flow.type = try name("the flow type after `:`")
    }
    headerEnd = current.span.start.line
    try expect(.leftBrace, "`{` to open the flow")
    while current.kind != .rightBrace && current.kind != .end {
      let itemStart = position
      do throws(Abandon) {
        try item(&flow)
      } catch {
        flow.isPartial = true
        // A block whose id was read stays, as an id only, so that references to it resolve.
        if let id = pendingBlockID, blockIDs[id.value] == nil {
          blockIDs[id.value] = id.span
          flow.blocks.append(
            BlockSyntax(id: id, kind: Located("", at: id.span), body: SyntaxValue(.null, at: id.span), next: nil, branches: [], span: id.span))
        }
        recover(from: itemStart)
      }
      pendingBlockID = nil
    }
    let close = current.span
    if current.kind == .end && !stopped {
      bag.report(.dslSyntax, "expected `}` to close flow, found the end of the file", at: close,
        notes: [Note("the flow opens here", at: start)])
    } else {
      advance()
    }
    flow.span = start.union(close)
    return flow
  }

  // item = string | "start" , name | "on-error" , name | block ;
  private mutating func item(_ flow: inout FlowSyntax) throws(Abandon) {
    switch current.kind {
    case .string(let text) where peekKind(1) != .colon:
      if flow.description != nil {
        bag.report(.dslSyntax, "a flow has one description; this is a second", at: current.span)
      }
      flow.description = Located(text, at: current.span)
      if flow.blocks.isEmpty { headerEnd = current.span.end.line }
      advance()
    case .bare("start") where peekKind(1) != .colon:
      try headerName(into: &flow.start, blocksSoFar: flow.blocks.count, what: "the id of the first block after `start`")
    case .bare("on-error") where peekKind(1) != .colon:
      try headerName(into: &flow.onError, blocksSoFar: flow.blocks.count, what: "the id of a block after `on-error`")
    default:
      let block = try self.block()
      if let first = blockIDs[block.id.value] {
        duplicate(block.id, first: first, in: "this flow's blocks")
      } else {
        blockIDs[block.id.value] = block.id.span
        flow.blocks.append(block)
      }
    }
  }

  /// `start NAME` or `on-error NAME`: the keyword at `current`, then the block id, kept in
  /// `slot` unless the flow has one already.
  private mutating func headerName(into slot: inout Located<String>?, blocksSoFar: Int, what: String) throws(Abandon) {
    guard case .bare(let word) = current.kind else { return }
    let keyword = Located(word, at: current.span)
    advance()
    let value = try name(what)
    if let first = slot { duplicate(keyword, first: first.span, in: "this flow") } else { slot = value }
    if blocksSoFar == 0 { headerEnd = value.span.end.line }
  }

  /// Reports a name given twice where names must be unique; the second is left out, as the
  /// YAML front end leaves out a mapping's second key.
  private mutating func duplicate(_ name: Located<String>, first: SourceSpan, in place: String) {
    bag.report(
      .duplicateKey, "`\(name.value)` appears twice in \(place)", at: name.span, label: "second definition ignored",
      notes: [Note("`\(name.value)` is first defined here", at: first)])
  }

  // block = name , ":" , name , [ "(" , [ arguments ] , ")" ] , [ "->" , name ] , [ "{" , { branch } , "}" ] ;
  private mutating func block() throws(Abandon) -> BlockSyntax {
    let id = try name("a block id, `start`, `on-error` or `}`")
    try expect(.colon, "`:` after block id `\(id.value)`")
    pendingBlockID = id
    let kind = try name("the block kind after `\(id.value):`")
    var body = SyntaxValue(.null, at: kind.span)
    var end = kind.span
    if current.kind == .leftParen {
      (body, end) = try arguments()
    }
    var next: Located<String>?
    if current.kind == .arrow {
      advance()
      let target = try name("the id of the next block after `->`")
      next = target
      end = target.span
    }
    var branches: [BranchSyntax] = []
    var branchNames: [String: SourceSpan] = [:]
    if current.kind == .leftBrace {
      advance()
      while current.kind != .rightBrace {
        if current.kind == .end { try fail("`}` to close the branches of `\(id.value)`") }
        for branch in try branch() {
          if let first = branchNames[branch.name.value] {
            duplicate(branch.name, first: first, in: "the branches of `\(id.value)`")
          } else {
            branchNames[branch.name.value] = branch.name.span
            branches.append(branch)
          }
        }
      }
      end = current.span
      advance()
    }
    return BlockSyntax(id: id, kind: kind, body: body, next: next, branches: branches, span: id.span.union(end))
  }

  // arguments = value , [ "," ] | field , { "," , field } , [ "," ] ;
  private mutating func arguments() throws(Abandon) -> (SyntaxValue, SourceSpan) {
    let open = current.span
    if peekKind(1) == .rightParen {
      advance()
      let close = current.span
      advance()
      return (SyntaxValue(.record([]), at: open.union(close)), close)
    }
    if current.kind != .leftParen { try fail("`(`") }
    // `(name: …` is a parameter list; so is `(name "…"`, a parameter missing its `:`.
    let isRecord = peekIsName(1) && (peekKind(2) == .colon || peekIsName(2))
    if isRecord {
      let (fields, close) = try fieldList(closing: .rightParen)
      return (SyntaxValue(.record(fields), at: open.union(close)), close)
    }
    advance()
    let value = try self.value()
    if current.kind == .comma { advance() }
    let close = current.span
    try expect(.rightParen, "`)` after the block's value")
    return (value, close)
  }

  // branch = name , { "," , name } , "->" , name ;
  private mutating func branch() throws(Abandon) -> [BranchSyntax] {
    var names = [try name("a branch name or `}`")]
    while current.kind == .comma {
      advance()
      names.append(try name("a branch name after `,`"))
    }
    try expect(.arrow, "`->` and the block the branch goes to")
    let target = try name("the id of the block the branch goes to")
    return names.map { BranchSyntax(name: $0, target: target) }
  }

  // value = string | bare | raw | list | record ;
  // list = "[" , [ value , { "," , value } , [ "," ] ] , "]" ;
  private mutating func value() throws(Abandon) -> SyntaxValue {
    let token = current
    switch token.kind {
    case .string(let text):
      advance()
      return SyntaxValue(.scalar(text, .quoted), at: token.span)
    case .bare("null"):
      advance()
      return SyntaxValue(.null, at: token.span)
    case .bare(let text), .raw(let text):
      advance()
      return SyntaxValue(.scalar(text, .bare), at: token.span)
    case .leftBracket:
      try enter(token)
      defer { depth -= 1 }
      advance()
      var items: [SyntaxValue] = []
      while current.kind != .rightBracket {
        items.append(try value())
        if current.kind == .comma { advance() } else { break }
      }
      let close = current.span
      try expect(.rightBracket, "`,` or `]` in the list")
      return SyntaxValue(.list(items), at: token.span.union(close))
    case .leftParen:
      try enter(token)
      defer { depth -= 1 }
      let (fields, close) = try fieldList(closing: .rightParen)
      return SyntaxValue(.record(fields), at: token.span.union(close))
    default:
      try fail("a value")
    }
  }

  // record = "(" , [ field , { "," , field } , [ "," ] ] , ")" ;
  // field = name , ":" , value ;
  private mutating func fieldList(closing: Token.Kind) throws(Abandon) -> ([SyntaxField], SourceSpan) {
    advance()
    var fields: [SyntaxField] = []
    var names: [String: SourceSpan] = [:]
    while current.kind != closing {
      let key = try name("a parameter name or `)`")
      try expect(.colon, "`:` after `\(key.value)`")
      let field = SyntaxField(name: key, value: try value())
      if let first = names[key.value] {
        duplicate(key, first: first, in: "these parameters")
      } else {
        names[key.value] = key.span
        fields.append(field)
      }
      if current.kind == .comma { advance() } else { break }
    }
    let close = current.span
    try expect(closing, "`,` or `)` after a parameter")
    return (fields, close)
  }

  // name = bare | string | raw ;
  private mutating func name(_ what: String) throws(Abandon) -> Located<String> {
    guard let text = current.name else { try fail(what) }
    let located = Located(text, at: current.span)
    advance()
    return located
  }

  // MARK: Helpers

  private var current: Token { tokens[min(position, tokens.count - 1)] }

  private func peekKind(_ offset: Int) -> Token.Kind { tokens[min(position + offset, tokens.count - 1)].kind }

  private func peekIsName(_ offset: Int) -> Bool { tokens[min(position + offset, tokens.count - 1)].name != nil }

  private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

  private mutating func expect(_ kind: Token.Kind, _ what: String) throws(Abandon) {
    guard current.kind == kind else { try fail(what) }
    advance()
  }

  private mutating func enter(_ token: Token) throws(Abandon) {
    depth += 1
    if depth > Self.maxDepth {
      bag.report(.dslSyntax, "nesting deeper than \(Self.maxDepth) levels", at: token.span)
      stopped = true
      position = tokens.count - 1
      throw Abandon()
    }
  }

  private mutating func expected(_ what: String) {
    bag.report(.dslSyntax, "expected \(what), found \(current.described)", at: current.span)
  }

  private mutating func fail(_ what: String) throws(Abandon) -> Never {
    expected(what)
    throw Abandon()
  }

  /// Skips to the start of the next block (`name :` outside any brackets opened since
  /// `itemStart`), or to the `}` that closes the flow. A `}` closes the innermost `{`; brackets
  /// left open inside it are given up, and a `}` with no `{` open is the flow's.
  private mutating func recover(from itemStart: Int) {
    var open: [Token.Kind] = []
    func track(_ kind: Token.Kind) -> Bool {
      switch kind {
      case .leftParen, .leftBracket, .leftBrace: open.append(kind)
      case .rightParen: if open.last == .leftParen { open.removeLast() }
      case .rightBracket: if open.last == .leftBracket { open.removeLast() }
      case .rightBrace:
        guard let brace = open.lastIndex(of: .leftBrace) else { return false }
        open.removeSubrange(brace...)
      default: break
      }
      return true
    }
    for token in tokens[itemStart..<position] { _ = track(token.kind) }
    depth = 0
    let blockColumn = tokens[itemStart].span.start.column
    if position == itemStart { advance() }
    while current.kind != .end {
      // A `name :` starting a line no deeper than the failed block starts the next block,
      // even if the failed one left brackets open.
      let startsLine = position > 0 && tokens[position - 1].span.end.line < current.span.start.line
      if current.name != nil, peekKind(1) == .colon, open.isEmpty || (startsLine && current.span.start.column <= blockColumn) {
        return
      }
      if open.isEmpty, case .bare(let word) = current.kind, word == "start" || word == "on-error", peekIsName(1) { return }
      if !open.contains(.leftBrace), current.kind == .rightBrace { return }
      guard track(current.kind) else { return }
      advance()
    }
  }
}
