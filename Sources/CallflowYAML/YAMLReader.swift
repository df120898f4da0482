import CYAML
import CallflowDiagnostics
import CallflowSyntax

/// Reads one YAML document into a located ``YAMLNode`` tree with libyaml's event API.
///
/// The reader never crashes or runs away on hostile input: libyaml's own errors (invalid
/// UTF-8 included) become `yaml-syntax` at the position libyaml gives, nesting is limited,
/// and aliases are expanded under a budget so an alias bomb fails in milliseconds.
/// Duplicate keys are reported (`duplicate-key`) and the later pair is dropped.
public struct YAMLReader: Sendable {
  /// Bounds on what one document may hold.
  public struct Limits: Sendable {
    /// The deepest nesting of mappings and sequences.
    public var maxDepth: Int
    /// The most nodes that aliases may add to a document in all.
    public var maxAliasExpansion: Int

    public init(maxDepth: Int = 200, maxAliasExpansion: Int = 100_000) {
      self.maxDepth = maxDepth
      self.maxAliasExpansion = maxAliasExpansion
    }
  }

  public var limits: Limits

  public init(limits: Limits = Limits()) { self.limits = limits }

  /// The document's root (`nil` for an empty stream or on a syntax error) and the problems found.
  public func read(_ source: SourceFile, file: FileID) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
    read(source, file: file, building: YAMLNodeBuilder())
  }

  /// The document as the front end's ``SyntaxValue`` tree: plain scalars bare, quoted, block
  /// and `!!str` scalars quoted, plain nulls as nothing.
  public func readValue(_ source: SourceFile, file: FileID) -> (root: SyntaxValue?, diagnostics: [Diagnostic]) {
    read(source, file: file, building: SyntaxValueBuilder())
  }

  /// The document built by `builder` from the reader's events, and the problems found.
  func read<Builder: YAMLTreeBuilder>(_ source: SourceFile, file: FileID, building builder: Builder)
    -> (root: Builder.Node?, diagnostics: [Diagnostic])
  {
    var run = Run(source: source, file: file, limits: limits, builder: builder)
    let root = run.parse()
    return (root, run.bag.diagnostics)
  }
}

private struct Frame {
  var isMapping: Bool
  /// Where the collection's items start on the run's ``NodeStack``.
  var base: Int
  var sizes: Int = 0
  var start: SourceLocation
  var tag: String?
  var anchor: String?
}

private struct Run<Builder: YAMLTreeBuilder> {
  typealias Node = Builder.Node
  let source: SourceFile
  let file: FileID
  let limits: Limits
  let builder: Builder
  var bag = DiagnosticBag()
  var stack: [Frame] = []
  /// The items of the open collections.
  let items = NodeStack<Node>()
  /// The keys of the large mapping being closed and the index of each, its memory kept for
  /// the next.
  var firstKeys: [KeyText: Int] = [:]
  var anchors: [String: (node: Node, size: Int)] = [:]
  /// The short scalar texts read so far.
  let texts = ScalarTexts()
  var expanded = 0
  var root: Node?
  var documents = 0

  typealias Limits = YAMLReader.Limits

  init(source: SourceFile, file: FileID, limits: Limits, builder: Builder) {
    self.source = source
    self.file = file
    self.limits = limits
    self.builder = builder
  }

  mutating func parse() -> Node? {
    // libyaml keeps a pointer to the parser inside the parser (its read handler's data), so
    // the parser lives at one fixed address for the whole parse: heap memory, not a Swift
    // variable whose address is only valid during each single call.
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    parser.initialize(to: yaml_parser_t())
    defer {
      parser.deinitialize(count: 1)
      parser.deallocate()
    }
    guard yaml_parser_initialize(parser) == 1 else {
      bag.report(.yamlSyntax, "out of memory while starting the YAML parser", at: span(SourceLocation(line: 1, column: 1)))
      return nil
    }
    defer { yaml_parser_delete(parser) }
    let ok: Bool = source.bytes.withUnsafeBufferPointer { buffer in
      var empty: UInt8 = 0
      return withUnsafePointer(to: &empty) { emptyPointer in
        yaml_parser_set_input_string(parser, buffer.baseAddress ?? emptyPointer, buffer.count)
        return loop(parser)
      }
    }
    return ok ? root : nil
  }

  private mutating func loop(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> Bool {
    let eventPointer = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    eventPointer.initialize(to: yaml_event_t())
    defer {
      eventPointer.deinitialize(count: 1)
      eventPointer.deallocate()
    }
    while true {
      guard yaml_parser_parse(parser, eventPointer) == 1 else {
        reportParserError(parser.pointee)
        return false
      }
      let event = eventPointer.pointee
      defer { yaml_event_delete(eventPointer) }
      let keepGoing: Bool
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return true
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          bag.report(
            .yamlSyntax, "a second YAML document starts here; a flow file holds exactly one",
            at: span(location(event.start_mark), location(event.end_mark)),
            notes: [Note("remove the `---` and everything after it, or move it to a file of its own")])
          return false
        }
        keepGoing = true
      case YAML_SCALAR_EVENT:
        keepGoing = scalar(event)
      case YAML_SEQUENCE_START_EVENT:
        let data = event.data.sequence_start
        keepGoing = open(isMapping: false, event, tag: string(data.tag), anchor: string(data.anchor))
      case YAML_MAPPING_START_EVENT:
        let data = event.data.mapping_start
        keepGoing = open(isMapping: true, event, tag: string(data.tag), anchor: string(data.anchor))
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        close(event)
        keepGoing = true
      case YAML_ALIAS_EVENT:
        keepGoing = alias(event)
      default:
        keepGoing = true
      }
      if !keepGoing { return false }
    }
  }

  // MARK: Events

  private mutating func scalar(_ event: yaml_event_t) -> Bool {
    let data = event.data.scalar
    let bytes = UnsafeRawBufferPointer(start: data.value, count: data.value == nil ? 0 : data.length)
    let style: YAMLScalarStyle
    switch data.style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: style = .literal
    case YAML_FOLDED_SCALAR_STYLE: style = .folded
    default: style = .plain
    }
    let node = builder.scalar(
      bytes, style: style, tag: string(data.tag), span: span(location(event.start_mark), location(event.end_mark)), texts: texts)
    return add(node, size: 1, anchor: string(data.anchor))
  }

  private mutating func open(isMapping: Bool, _ event: yaml_event_t, tag: String?, anchor: String?) -> Bool {
    guard stack.count < limits.maxDepth else {
      bag.report(
        .yamlSyntax, "nesting deeper than \(limits.maxDepth) levels",
        at: span(location(event.start_mark), location(event.end_mark)),
        notes: [Note("flows never need this depth; is the file generated by mistake?")])
      return false
    }
    stack.append(Frame(isMapping: isMapping, base: items.count, start: location(event.start_mark), tag: tag, anchor: anchor))
    return true
  }

  private mutating func close(_ event: yaml_event_t) {
    guard let frame = stack.popLast() else { return }
    // A block collection ends where the next token starts (often a later line): end it at its
    // last item instead. A flow collection's end mark is just after its closing bracket.
    var end = location(event.end_mark)
    if items.count > frame.base {
      let last = items.withItem(at: items.count - 1) { builder.span($0) }
      if end.line != last.end.line { end = last.end }
    }
    let nodeSpan = span(frame.start, max(end, frame.start))
    // The items are moved into their collection, never copied.
    let taken = items.popItems(from: frame.base)
    let node: Node
    if frame.isMapping {
      let kept = uniqueKeys(taken)
      node = builder.mapping(UnsafeMutableBufferPointer(rebasing: taken[0..<kept]), tag: frame.tag, span: nodeSpan, &bag)
    } else {
      node = builder.sequence(taken, tag: frame.tag, span: nodeSpan)
    }
    _ = add(node, size: frame.sizes + 1, anchor: frame.anchor)
  }

  private mutating func alias(_ event: yaml_event_t) -> Bool {
    let name = string(event.data.alias.anchor) ?? ""
    let at = span(location(event.start_mark), location(event.end_mark))
    guard let anchored = anchors[name] else {
      bag.report(.yamlSyntax, "alias `*\(name)` refers to no anchor `&\(name)` defined before it", at: at)
      return false
    }
    expanded += anchored.size
    guard expanded <= limits.maxAliasExpansion else {
      bag.report(
        .yamlSyntax,
        "aliases expand to more than \(limits.maxAliasExpansion) nodes; this looks like an alias bomb",
        at: at, notes: [Note("anchor `&\(name)` is defined here", at: builder.span(anchored.node))])
      return false
    }
    return add(anchored.node, size: anchored.size, anchor: nil)
  }

  private mutating func add(_ node: consuming Node, size: Int, anchor: String?) -> Bool {
    if let anchor { anchors[anchor] = (copy node, size) }
    if stack.isEmpty {
      root = node
    } else {
      items.push(node)
      stack[stack.count - 1].sizes += size
    }
    return true
  }

  /// Drops from a mapping's keys and values, alternating, the pairs whose key was seen before
  /// in the mapping (each reported as `duplicate-key`), and an odd item left at the end; the
  /// pairs kept are moved to the front. Returns how many items are kept.
  private mutating func uniqueKeys(_ items: UnsafeMutableBufferPointer<Node>) -> Int {
    // Small mappings (nearly all of them) are searched linearly; large ones (a flow's blocks)
    // through a dictionary kept from one to the next. Both compare keys by their code points,
    // as YAML does (`é` written as one code point and as `e` with an accent are two keys).
    // One pair (a block's parameters are often one): no key to repeat.
    if items.count == 2 { return 2 }
    let small = items.count <= 32
    if !small {
      firstKeys.removeAll(keepingCapacity: true)
      firstKeys.reserveCapacity(items.count / 2)
    }
    var kept = 0
    var i = 0
    while i + 1 < items.count {
      defer { i += 2 }
      if let text = builder.keyText(at: items.baseAddress.unsafelyUnwrapped + i) {
        let earlier = small ? earlierKey(text, in: items, kept: kept) : firstKey(text, kept: kept)
        if let first = earlier {
          let firstSpan = builder.span(items[first])
          bag.report(
            .duplicateKey, "`\(text)` appears twice in this mapping", at: builder.span(items[i]),
            label: "second definition ignored",
            notes: [Note("`\(text)` is first defined here", at: firstSpan)])
          (items.baseAddress.unsafelyUnwrapped + i).deinitialize(count: 2)
          continue
        }
      }
      if kept != i {
        (items.baseAddress.unsafelyUnwrapped + kept).moveInitialize(from: items.baseAddress.unsafelyUnwrapped + i, count: 2)
      }
      kept += 2
    }
    if i < items.count { (items.baseAddress.unsafelyUnwrapped + i).deinitialize(count: 1) }
    return kept
  }

  /// The index of the first key with this text in the large mapping being closed, or `nil`
  /// after recording this one's, at `kept`: one lookup, through the dictionary's in-place
  /// access, which adds the key at `kept` when it is absent (an earlier key's index is below).
  private mutating func firstKey(_ text: String, kept: Int) -> Int? {
    func read(_ index: inout Int) -> Int { index }
    let first = read(&firstKeys[KeyText(text), default: kept])
    return first == kept ? nil : first
  }

  /// A key's text, the same as another when their code points are (`String`'s own `==` and
  /// hash take canonically equivalent texts as one).
  struct KeyText: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: Self, b: Self) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    func hash(into hasher: inout Hasher) {
      var text = text
      text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }

  /// The index of the first key among the `kept` items of `items` (keys at even indexes) with
  /// this text.
  private func earlierKey(_ text: String, in items: UnsafeMutableBufferPointer<Node>, kept: Int) -> Int? {
    let length = text.utf8.count
    var j = 0
    while j < kept {
      if let key = builder.keyText(at: items.baseAddress.unsafelyUnwrapped + j), key.utf8.count == length, key == text { return j }
      j += 2
    }
    return nil
  }

  // MARK: Errors

  private mutating func reportParserError(_ parser: yaml_parser_t) {
    let problem = string(parser.problem) ?? "unknown problem"
    switch parser.error {
    case YAML_MEMORY_ERROR:
      bag.report(.yamlSyntax, "out of memory while parsing YAML", at: span(SourceLocation(line: 1, column: 1)))
    case YAML_READER_ERROR:
      let at = source.location(ofByteOffset: parser.problem_offset)
      var message = "the file is not valid UTF-8: \(problem)"
      if parser.problem_value >= 0 {
        message += " (byte 0x\(String(parser.problem_value, radix: 16, uppercase: true)))"
      }
      if !problem.contains("UTF") { message = "unreadable character: \(problem)" }
      bag.report(.yamlSyntax, message, at: span(at))
    default:
      let at = location(parser.problem_mark)
      let bytes = source.bytes
      func byte(_ mark: yaml_mark_t) -> UInt8? {
        let offset = Int(mark.index)
        return offset >= 0 && offset < bytes.count ? bytes[offset] : nil
      }
      // The two slips libyaml words least plainly: a tab where indentation goes, and a value
      // that starts with `*` (an alias to YAML).
      if byte(parser.problem_mark) == 0x09 {
        bag.report(
          .yamlSyntax, "a tab: YAML indents, and separates items, with spaces only", at: span(at, SourceLocation(line: at.line, column: at.column + 1)),
          notes: [Note("replace the tab with spaces (two for each level, as the rest of the file)")])
        return
      }
      if string(parser.context) == "while scanning an alias", byte(parser.context_mark) == UInt8(ascii: "*") {
        let star = location(parser.context_mark)
        bag.report(
          .yamlSyntax, "`*` starts an alias in YAML: a value that begins with `*` must be quoted", at: span(star, SourceLocation(line: star.line, column: star.column + 1)),
          notes: [Note("write it in quotes, such as \"*\"")])
        return
      }
      var notes: [Note] = []
      if let context = string(parser.context) {
        let contextAt = location(parser.context_mark)
        notes.append(Note("\(context), which starts here", at: contextAt == at ? nil : span(contextAt)))
      }
      bag.report(.yamlSyntax, problem, at: span(at, SourceLocation(line: at.line, column: at.column + 1)), notes: notes)
    }
  }

  // MARK: Helpers

  private func location(_ mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(line: mark.line + 1, column: mark.column + 1)
  }

  private func span(_ start: SourceLocation, _ end: SourceLocation? = nil) -> SourceSpan {
    SourceSpan(file: file, start: start, end: end ?? start)
  }

  private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  private func string(_ pointer: UnsafePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }
}
