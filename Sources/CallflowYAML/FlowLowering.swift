import CallflowDiagnostics
import CallflowSyntax

/// Turns the YAML form of a flow file into a ``FlowSyntax``: the flow's keys, its blocks, each
/// block's kind key, body, `next` and `on`. Typing against the catalog is the checker's work.
struct FlowLowering {
  var bag: DiagnosticBag
  let file: FileID

  static let flowKeys = ["flow", "type", "description", "start", "on-error", "blocks", "connect"]
  static let blockKeys = ["next", "on"]

  /// The flow, its parts moved out of `root` (the document), not copied.
  mutating func lower(_ root: consuming SyntaxValue) -> FlowSyntax? {
    guard var fields = root.takeFields() else {
      bag.report(
        .invalidValue, "a flow file is a mapping with `flow`, `type`, `start` and `blocks`, not \(root.kindDescription)",
        at: root.span)
      return nil
    }
    var flow = FlowSyntax(file: file, span: root.span)
    for i in fields.indices {
      let field = fields.take(i)
      switch field.name.value {
      case "flow": flow.name = bag.scalarName(field, what: "the flow's name")
      case "type": flow.type = bag.scalarName(field, what: "the flow type")
      case "description": flow.description = bag.scalarName(field, what: "the description")
      case "start": flow.start = bag.scalarName(field, what: "the id of the first block")
      case "on-error": flow.onError = bag.scalarName(field, what: "the id of the block errors go to")
      case "blocks":
        flow.hasBlocks = true
        flow.blocks = blocks(field)
      case "connect":
        guard case .record = field.value.kind else {
          bag.report(
            .invalidValue, "`connect` holds what Amazon Connect knows of the flow, a mapping, not \(field.value.kindDescription)",
            at: field.value.span)
          continue
        }
        flow.connect = field.value
      default:
        bag.reportUnknownKey(field.name, expected: Self.flowKeys, in: "a flow file")
      }
    }
    return flow
  }

  private mutating func blocks(_ field: consuming SyntaxField) -> [BlockSyntax] {
    if var fields = field.value.takeFields() {
      var blocks: [BlockSyntax] = []
      blocks.reserveCapacity(fields.count)
      for i in fields.indices {
        let field = fields.take(i)
        if let last = blocks.indices.last, misindented(field, under: &blocks[last]) { continue }
        blocks.append(block(field))
      }
      return blocks
    }
    // Not a record (`takeFields` left it as it was).
    if case .null = field.value.kind { return [] }
    bag.report(
      .invalidValue, "`blocks` maps block ids to blocks, but this is \(field.value.kindDescription)", at: field.value.span)
    return []
  }

  /// Whether `field`, among the block ids, is the `next` (a block id) or `on` (branches) of
  /// the block above it written one level too far left: then it is reported as such and
  /// taken as that block's, so that the block has its `next` and no block `next` appears.
  private mutating func misindented(_ field: SyntaxField, under block: inout BlockSyntax) -> Bool {
    let name = field.name.value
    // Most fields here are block ids: told apart by their length before their kind is read.
    guard name.utf8.count == 4 || name.utf8.count == 2 else { return false }
    let fits: Bool
    switch (name, field.value.kind) {
    case ("next", .scalar): fits = block.next == nil
    case ("on", .record(let branches)): fits = block.branches.isEmpty && branches.allSatisfy { $0.value.scalarText != nil }
    default: fits = false
    }
    guard fits, field.name.span.start.column <= block.id.span.start.column else { return false }
    let start = SourceSpan(file: field.name.span.file, at: field.name.span.start)
    bag.report(
      .invalidValue,
      "`\(name)` is indented as a block id: it belongs to block `\(block.id.value)` above it, one level further in",
      at: field.name.span,
      notes: [Note("`\(block.id.value)` is here", at: block.id.span)],
      fixes: name == "next" ? [FixIt("indent `next` under `\(block.id.value)`", replacing: start, with: "  ")] : [])
    if name == "next" {
      block.next = bag.scalarName(field, what: "the id of the next block")
    } else {
      block.branches = branches(field.value)
    }
    return true
  }

  private mutating func block(_ field: consuming SyntaxField) -> BlockSyntax {
    let id = field.name
    let blockSpan = id.span.union(field.value.span)
    guard var keys = field.value.takeFields() else {
      bag.report(
        .invalidValue,
        "block `\(id.value)` must be a mapping with one block kind, such as `play-prompt: \"…\"`; found \(field.value.kindDescription)",
        at: field.value.span.start == field.value.span.end ? id.span : field.value.span)
      return placeholder(id, span: blockSpan)
    }
    var kind: SyntaxField?
    var next: Located<String>?
    var branches: [BranchSyntax] = []
    var extra: [SyntaxField] = []
    for i in keys.indices {
      let key = keys.take(i)
      switch key.name.value {
      case "next": next = bag.scalarName(key, what: "the id of the next block")
      case "on": branches = self.branches(key.value)
      default:
        if kind == nil { kind = key } else { extra.append(key) }
      }
    }
    // Prefer a key the catalog knows as the kind when several are given.
    if !extra.isEmpty, let chosen = kind, BlockKind.named(chosen.name.value) == nil,
      let known = extra.firstIndex(where: { BlockKind.named($0.name.value) != nil })
    {
      kind = extra[known]
      extra[known] = chosen
    }
    guard let kind = kind.take() else {
      bag.report(
        .missingParameter, "block `\(id.value)` has no block kind", at: id.span,
        notes: [Note("a block holds exactly one kind key, such as `play-prompt:` or `transfer-to-queue:`")])
      var block = placeholder(id, span: blockSpan)
      block.next = next
      block.branches = branches
      return block
    }
    for key in extra {
      if BlockKind.named(key.name.value) != nil {
        bag.report(
          .invalidValue,
          "block `\(id.value)` has a second kind, `\(key.name.value)`, after `\(kind.name.value)`", at: key.name.span,
          notes: [Note("a block is one step; put `\(key.name.value)` in a block of its own and link it with `next`")])
      } else {
        bag.reportUnknownKey(key.name, expected: Self.blockKeys, in: "block `\(id.value)`", extraNote: "a block holds its kind, `next` and `on`")
      }
    }
    return BlockSyntax(id: id, kind: kind.name, body: kind.value, next: next, branches: branches, span: blockSpan)
  }

  /// A block whose kind could not be read (already reported): it keeps its id, so branches
  /// to it are not reported again.
  private func placeholder(_ id: Located<String>, span: SourceSpan) -> BlockSyntax {
    BlockSyntax(
      id: id, kind: Located("", at: id.span), body: SyntaxValue(.null, at: id.span), next: nil, branches: [], span: span)
  }

  private mutating func branches(_ value: SyntaxValue) -> [BranchSyntax] {
    switch value.kind {
    case .record(let fields):
      var branches: [BranchSyntax] = []
      for field in fields {
        if let target = bag.scalarName(field, what: "the id of the block this branch goes to") {
          branches.append(BranchSyntax(name: field.name, target: target))
        }
      }
      return branches
    case .null: return []
    default:
      bag.report(.invalidValue, "`on` maps branch names to block ids, but this is \(value.kindDescription)", at: value.span)
      return []
    }
  }
}
