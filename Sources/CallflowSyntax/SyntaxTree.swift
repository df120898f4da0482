import CallflowDiagnostics

/// How a scalar was written: bare (a plain YAML scalar, a DSL literal) or quoted.
/// A quoted `"1"` is text; a bare `1` is a number.
public enum ScalarForm: Hashable, Sendable {
  case bare
  case quoted
}

/// A parameter value as written, before it is typed against the catalog.
public struct SyntaxValue: Sendable {
  public enum Kind: Sendable {
    /// Nothing written (`key:` in YAML), or an explicit null.
    case null
    case scalar(String, ScalarForm)
    case list([SyntaxValue])
    case record([SyntaxField])
  }

  public var kind: Kind
  public var span: SourceSpan

  public init(_ kind: Kind, at span: SourceSpan) {
    self.kind = kind
    self.span = span
  }

  /// The scalar's text, if this is a scalar.
  public var scalarText: String? {
    if case .scalar(let text, _) = kind { return text }
    return nil
  }

  /// A word for the kind of value, for messages: "text", "a list", "a mapping", "nothing".
  public var kindDescription: String {
    switch kind {
    case .null: "nothing"
    case .scalar(let text, .quoted): "the quoted text \"\(text)\""
    case .scalar(let text, .bare): "`\(text)`"
    case .list: "a list"
    case .record: "a mapping"
    }
  }
}

/// One `name: value` pair of a record.
public struct SyntaxField: Sendable {
  public var name: Located<String>
  public var value: SyntaxValue

  public init(name: Located<String>, value: SyntaxValue) {
    self.name = name
    self.value = value
  }
}

/// A source comment: its text after the marker (`#` in YAML, `//` in the DSL), kept so that
/// conversion between the two forms keeps it, and so that suppressions can be read from it.
public struct Comment: Hashable, Sendable {
  public var text: String
  public var span: SourceSpan

  public init(_ text: String, at span: SourceSpan) {
    self.text = text
    self.span = span
  }
}

/// A named branch and the block it leads to.
public struct BranchSyntax: Sendable {
  public var name: Located<String>
  public var target: Located<String>

  public init(name: Located<String>, target: Located<String>) {
    self.name = name
    self.target = target
  }
}

/// One block of a flow, as written.
public struct BlockSyntax: Sendable {
  /// The block's id, unique in its flow.
  public var id: Located<String>
  /// The block kind as written; the checker looks it up in the catalog. Empty when the front
  /// end could not read a kind (and reported why).
  public var kind: Located<String>
  /// The block's parameters: `.null` (none), `.scalar` (the main parameter) or `.record`.
  public var body: SyntaxValue
  /// The success branch. (Spelled out, not `Located<String>?`: an optional `var` so spelled
  /// starts as `nil`, and its initializer then replaces it, a release the optimizer keeps and
  /// with it a copy of the whole block for every block made.)
  public var next: Optional<Located<String>>
  /// The named branches, in source order.
  public var branches: [BranchSyntax]
  /// The whole block, id to last line.
  public var span: SourceSpan
  /// The comments written before the block and inside it, in source order.
  public var comments: [Comment]

  public init(
    id: Located<String>, kind: Located<String>, body: SyntaxValue, next: Located<String>?,
    branches: [BranchSyntax], span: SourceSpan, comments: [Comment] = []
  ) {
    self.id = id
    self.kind = kind
    self.body = body
    self.next = next
    self.branches = branches
    self.span = span
    self.comments = comments
  }
}

/// One flow file's flow, as written. Both front ends produce this tree. Its parts are kept
/// behind one reference, so that a flow is copied (into a project's index, a cache, a checked
/// flow) for one retain; a change writes a copy of its own.
public struct FlowSyntax: Sendable {
  struct Fields {
    var name: Located<String>? = nil
    var type: Located<String>? = nil
    var description: Located<String>? = nil
    var start: Located<String>? = nil
    var onError: Located<String>? = nil
    var hasBlocks: Bool = false
    var blocks: [BlockSyntax] = []
    var span: SourceSpan
    var comments: [Comment] = []
    var trailingComments: [Comment] = []
    var connect: SyntaxValue? = nil
    var readFromConnect: Bool = false
    var notation: FlowNotation = FlowNotation.yaml
    var isPartial: Bool = false
  }

  // Not `private`: with Swift 6.3, a private storage class made generic code in other
  // modules (swift-testing's `#require(parsed.flow)`) copy a `(FlowSyntax?, [Diagnostic])`
  // with the wrong layout and read a bad pointer; internal, it is read right.
  final class Storage: @unchecked Sendable {
    // Changed only through a unique reference (copy on write), never by two accesses at once:
    // the run-time exclusivity check of each access is left out.
    @exclusivity(unchecked) var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var storage: Storage

  /// The storage, copied first when another flow shares it.
  private mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
  }

  public var file: FileID
  public var name: Located<String>? {
    _read { yield storage.fields.name }
    _modify {
      makeUnique()
      yield &storage.fields.name
    }
  }
  public var type: Located<String>? {
    _read { yield storage.fields.type }
    _modify {
      makeUnique()
      yield &storage.fields.type
    }
  }
  public var description: Located<String>? {
    _read { yield storage.fields.description }
    _modify {
      makeUnique()
      yield &storage.fields.description
    }
  }
  public var start: Located<String>? {
    _read { yield storage.fields.start }
    _modify {
      makeUnique()
      yield &storage.fields.start
    }
  }
  public var onError: Located<String>? {
    _read { yield storage.fields.onError }
    _modify {
      makeUnique()
      yield &storage.fields.onError
    }
  }
  /// Whether the file has a `blocks` entry at all.
  public var hasBlocks: Bool {
    get { storage.fields.hasBlocks }
    _modify {
      makeUnique()
      yield &storage.fields.hasBlocks
    }
  }
  public var blocks: [BlockSyntax] {
    _read { yield storage.fields.blocks }
    _modify {
      makeUnique()
      yield &storage.fields.blocks
    }
  }
  /// The whole flow.
  public var span: SourceSpan {
    get { storage.fields.span }
    _modify {
      makeUnique()
      yield &storage.fields.span
    }
  }
  /// The comments before the first block (the file's header).
  public var comments: [Comment] {
    _read { yield storage.fields.comments }
    _modify {
      makeUnique()
      yield &storage.fields.comments
    }
  }
  /// The comments after the last block.
  public var trailingComments: [Comment] {
    _read { yield storage.fields.trailingComments }
    _modify {
      makeUnique()
      yield &storage.fields.trailingComments
    }
  }
  /// What Amazon Connect knows of the flow that Callflow does not (`connect:`): the actions'
  /// original identifiers and positions in the designer, a module's settings, the flow's ARN.
  /// A record, read and written as it is; `nil` for flows that never were in Connect.
  public var connect: SyntaxValue? {
    _read { yield storage.fields.connect }
    _modify {
      makeUnique()
      yield &storage.fields.connect
    }
  }
  /// Whether the flow was read from an Amazon Connect export (not printed).
  public var readFromConnect: Bool {
    get { storage.fields.readFromConnect }
    _modify {
      makeUnique()
      yield &storage.fields.readFromConnect
    }
  }

  /// Whether the flow comes from Amazon Connect: read from an export, or imported from one.
  /// Connect's own rules then decide some of what is wrong (Docs/CONNECT.md).
  public var isFromConnect: Bool { readFromConnect || connect != nil }
  /// How the file is written, for suggestions spelled as it spells them.
  public var notation: FlowNotation {
    get { storage.fields.notation }
    _modify {
      makeUnique()
      yield &storage.fields.notation
    }
  }
  /// Whether the front end skipped part of the flow after a syntax error. The blocks it could
  /// not read are kept with their ids only (an empty kind), so references to them resolve;
  /// the checker then runs no graph analyses, whose findings would be follow-on errors.
  public var isPartial: Bool {
    get { storage.fields.isPartial }
    _modify {
      makeUnique()
      yield &storage.fields.isPartial
    }
  }

  public init(
    file: FileID, name: Located<String>? = nil, type: Located<String>? = nil,
    description: Located<String>? = nil, start: Located<String>? = nil,
    onError: Located<String>? = nil, hasBlocks: Bool = false, blocks: [BlockSyntax] = [],
    span: SourceSpan
  ) {
    self.file = file
    storage = Storage(
      Fields(
        name: name, type: type, description: description, start: start, onError: onError, hasBlocks: hasBlocks,
        blocks: blocks, span: span))
  }
}

extension FlowSyntax {
  /// The flow without its blocks and comments: what is read of a flow once it is checked and
  /// only the project's rules are left to run (its name, type, Connect ids, form).
  public var withoutBody: FlowSyntax {
    var fields = storage.fields
    fields.blocks = []
    fields.comments = []
    fields.trailingComments = []
    var flow = self
    flow.storage = Storage(fields)
    return flow
  }

  /// Attaches `comments` (in source order): those up to line `headerEnd` (the end of the
  /// flow's own keys) to the flow, those before or inside a block to that block, those after
  /// the last block to the end.
  public mutating func attach(_ comments: [Comment], headerEnd: Int) {
    var blockIndex = 0
    for comment in comments {
      let line = comment.span.start.line
      while blockIndex < blocks.count && blocks[blockIndex].span.end.line < line { blockIndex += 1 }
      if blocks.isEmpty || (blockIndex == 0 && line <= headerEnd && line < blocks[0].span.start.line) {
        self.comments.append(comment)
      } else if blockIndex < blocks.count {
        blocks[blockIndex].comments.append(comment)
      } else {
        trailingComments.append(comment)
      }
    }
  }
}
