import CallflowDiagnostics
import CallflowSyntax

/// `attribute-unset`: definite assignment of attributes over the flow graph. An attribute a
/// block reads must be written on every path from `start` to it, by a block that goes on at
/// `next` (a `customer-profile-lookup` writes `$.Customer.*` only when one profile matched).
/// What the platform provides is always set; what stays with the contact (`$.Attributes.*`,
/// `$.Customer.*`) may come from an earlier flow, so those findings are settled project-wide.
struct AttributeRule {
  let context: FlowContext

  func run(_ bag: inout DiagnosticBag, _ summary: inout CheckedFlow.Summary) {
    let flow = context.flow
    var reads: [(block: Int, path: Located<AttributePath>, key: String)] = []
    var writes = [[String]](repeating: [], count: flow.blocks.count)
    var written = Interner<String>()
    for b in flow.blocks.indices where context.graph.isReachable(b) {
      guard let spec = context.specs[b] else { continue }
      if !spec.writes.isEmpty {
        writes[b] = self.written(by: b, spec)
        for path in writes[b] { written.intern(path) }
      }
      guard spec.mayReadAttributes, !flow.blocks[b].arguments.isEmpty else { continue }
      let first = reads.count
      for read in context.attributeReads(b) where AttributeCatalog.provenance(of: read.value) != .platform {
        let key = read.value.description
        guard !reads[first...].contains(where: { $0.key == key }) else { continue }
        reads.append((b, read, key))
      }
    }
    for path in written.keys where path.hasPrefix("$.Attributes.") || path.hasPrefix("$.Customer.") {
      summary.writtenAttributes.insert(path)
    }
    guard !reads.isEmpty else { return }

    // One bit per attribute read that some block of the flow writes; the others are unset
    // wherever they are read.
    var bits = Interner<String>()
    var roots = Interner<String>()
    var byRoot: [[Int]] = []
    for read in reads where bits.index(of: read.key) == nil {
      let root = Self.root(of: read.key)
      guard written.index(of: read.key) != nil || written.index(of: root + "*") != nil else { continue }
      let bit = bits.intern(read.key)
      let r = roots.intern(root)
      if r == byRoot.count { byRoot.append([]) }
      byRoot[r].append(bit)
    }
    let gens: [[Int]] = writes.map { patterns in
      patterns.flatMap { pattern -> [Int] in
        if pattern.hasSuffix(".*") { return roots.index(of: String(pattern.dropLast())).map { byRoot[$0] } ?? [] }
        return bits.index(of: pattern).map { [$0] } ?? []
      }
    }
    let queries = reads.map { (bit: bits.index(of: $0.key) ?? -1, block: $0.block) }
    let set = Dataflow.answer(
      queries, graph: context.graph, bits: bits.count, meet: .must, acts: gens.map { !$0.isEmpty }
    ) { b, e, facts in
      guard context.isNext(b, e) else { return }
      for k in gens[b] { facts.set(k) }
    }
    var paths = 0
    // A contact from Amazon Connect carries the attributes its API call and earlier flows set:
    // on a flow from Connect, a user attribute read before this flow sets it is not reported.
    let fromConnect = context.flow.syntax.isFromConnect
    for (i, read) in reads.enumerated() where !set[i] {
      if fromConnect && AttributeCatalog.provenance(of: read.path.value) == .contact && read.path.value.segments.first == "Attributes" { continue }
      paths += 1
      let diagnostic = report(read.block, read.path, bit: queries[i].bit, gens: gens, showPath: paths <= FlowContext.pathNotes)
      if AttributeCatalog.provenance(of: read.path.value) == .contact {
        summary.entryDependent.append(EntryDependentDiagnostic(unless: .attributeWrittenElsewhere(read.key), diagnostic: diagnostic))
      } else {
        bag.append(diagnostic)
      }
    }
  }

  /// `$.Customer.` of `$.Customer.tier`: what a `.*` write of the root covers.
  private static func root(of path: String) -> String {
    guard let dot = path.dropFirst(2).firstIndex(of: ".") else { return path + "." }
    return String(path[...dot])
  }

  /// The attribute paths (or `.*` roots) block `b` writes when it goes on at `next`.
  private func written(by b: Int, _ spec: BlockSpec) -> [String] {
    if spec.openParameters != nil {
      // `set-attributes`: the names it is given, under the root it writes.
      let roots = spec.writes.map { $0.dropLast(1) }
      return context.flow.blocks[b].arguments.flatMap { argument in roots.map { "\($0)\(argument.name.value)" } }
    }
    return spec.writes
  }

  private func report(_ b: Int, _ read: Located<AttributePath>, bit: Int, gens: [[Int]], showPath: Bool) -> Diagnostic {
    let block = context.flow.blocks[b]
    let user = read.value.segments.first == "Attributes"
    var notes: [Note] = []
    // Notes that search the flow are given to the first findings only, so that a flow with
    // thousands of findings is still checked in linear time.
    let writer = bit < 0 || !showPath ? nil : context.flow.blocks.indices.first { gens[$0].contains(bit) }
    if showPath, let path = context.graph.path(to: b, avoiding: { from, e in bit >= 0 && context.isNext(from, e) && gens[from].contains(bit) }) {
      notes.append(Note("on this path nothing sets it: \(context.describe(path, to: b))"))
    }
    if let writer {
      let how = context.kind(writer) == .customerProfileLookup ? " when exactly one profile matches" : ""
      notes.append(Note("\(context.name(writer)) sets it\(how), but not on every path here", at: context.flow.blocks[writer].id.span))
    } else if bit < 0 {
      let kinds = BlockKind.allCases.filter { kind in kind.spec.writes.contains { AttributeCatalog.pattern($0, covers: read.value.description) } }
      if let kind = kinds.first {
        notes.append(Note("no block of this flow sets `\(read.value)`; a `\(kind.rawValue)` block does"))
      }
    }
    return Diagnostic(
      .attributeUnset, "`\(read.value)` may be unset when `\(block.id.value)` reads it", at: read.span,
      notes: notes, severity: user ? .warning : .error)
  }
}
