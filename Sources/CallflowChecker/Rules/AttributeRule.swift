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
    // The writes of each block, and the attributes read that can be unset: one bit each.
    var bits: [String: Int] = [:]
    var reads: [(block: Int, path: Located<AttributePath>, key: String)] = []
    var writes = [[String]](repeating: [], count: flow.blocks.count)
    for b in flow.blocks.indices where context.graph.isReachable(b) {
      guard let spec = context.specs[b] else { continue }
      if !spec.writes.isEmpty {
        writes[b] = written(by: b, spec)
        for path in writes[b] where path.hasPrefix("$.Attributes.") || path.hasPrefix("$.Customer.") {
          summary.writtenAttributes.insert(path)
        }
      }
      guard spec.mayReadAttributes, !flow.blocks[b].arguments.isEmpty else { continue }
      let first = reads.count
      for read in context.attributeReads(b) where AttributeCatalog.provenance(of: read.value) != .platform {
        let key = read.value.description
        guard !reads[first...].contains(where: { $0.key == key }) else { continue }
        if bits[key] == nil { bits[key] = bits.count }
        reads.append((b, read, key))
      }
    }
    guard !reads.isEmpty else { return }
    // Each block's writes as the bits they set.
    let keys = bits.sorted { $0.value < $1.value }.map(\.key)
    let gens: [[Int]] = writes.map { patterns in
      guard !patterns.isEmpty else { return [] }
      return keys.indices.filter { k in patterns.contains { AttributeCatalog.pattern($0, covers: keys[k]) } }
    }
    let acts = gens.map { !$0.isEmpty }
    let solved = Dataflow(graph: context.graph, bits: keys.count, meet: .must, acts: acts, entry: { _ in }) { b, e, facts in
      guard !gens[b].isEmpty, context.isNext(b, e) else { return }
      for k in gens[b] { facts.set(k) }
    }
    for read in reads {
      guard let bit = bits[read.key], !solved.holds(bit, at: read.block) else { continue }
      let diagnostic = report(read.block, read.path, bit: bit, gens: gens)
      if AttributeCatalog.provenance(of: read.path.value) == .contact {
        summary.entryDependent.append(EntryDependentDiagnostic(unless: .attributeWrittenElsewhere(read.key), diagnostic: diagnostic))
      } else {
        bag.append(diagnostic)
      }
    }
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

  private func report(_ b: Int, _ read: Located<AttributePath>, bit: Int, gens: [[Int]]) -> Diagnostic {
    let block = context.flow.blocks[b]
    let user = read.value.segments.first == "Attributes"
    var notes: [Note] = []
    let writers = context.flow.blocks.indices.filter { gens[$0].contains(bit) }
    if let path = context.graph.path(to: b, avoiding: { from, e in gens[from].contains(bit) && context.isNext(from, e) }) {
      notes.append(Note("on this path nothing sets it: \(context.describe(path, to: b))"))
    }
    if let writer = writers.first {
      let how = context.kind(writer) == .customerProfileLookup ? " when exactly one profile matches" : ""
      notes.append(Note("\(context.name(writer)) sets it\(how), but not on every path here", at: context.flow.blocks[writer].id.span))
    } else {
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
