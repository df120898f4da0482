/// A forward dataflow analysis over a flow's block graph, on facts that are bit sets.
///
/// Facts hold on entry to each block. Along each edge a transfer function turns the facts of
/// the edge's source into the facts the edge carries; where edges meet, the facts are
/// intersected (`must`: the fact holds on every path, as in definite assignment and
/// dominance) or joined (`may`: it holds on some path, as in typestate). The solver visits
/// blocks in reverse postorder with a worklist, so acyclic flows settle in one pass.
struct Dataflow {
  enum Meet {
    /// The fact holds on every path from `start`.
    case must
    /// The fact holds on some path from `start`.
    case may
  }

  /// The facts on entry to each block: `width` words per block. Blocks `start` does not
  /// reach keep no meaningful facts.
  private(set) var facts: [UInt64]
  let width: Int

  /// Solves the analysis. `transfer(block, edge, &bits)` rewrites the source block's entry
  /// facts into those carried along `edge` (an index into the block's edges).
  init(
    graph: FlowGraph, bits: Int, meet: Meet, entry: (inout ArraySlice<UInt64>) -> Void,
    transfer: (_ block: Int, _ edge: Int, _ bits: inout ArraySlice<UInt64>) -> Void
  ) {
    let width = max(1, (bits + 63) / 64)
    self.width = width
    let top: UInt64 = meet == .must ? ~0 : 0
    facts = [UInt64](repeating: top, count: graph.count * width)
    guard let start = graph.start else { return }
    var seeded = [Bool](repeating: false, count: graph.count)
    var entryBits = ArraySlice([UInt64](repeating: 0, count: width))
    entry(&entryBits)
    facts.replaceSubrange(start * width..<(start + 1) * width, with: entryBits)
    seeded[start] = true

    var queued = [Bool](repeating: false, count: graph.count)
    // A worklist ordered by reverse postorder position: a min-heap would be exact, but a
    // round-robin over the order settles as fast on the shapes flows have.
    var pending = graph.order
    for b in pending { queued[b] = true }
    var carried = ArraySlice([UInt64](repeating: 0, count: width))
    while !pending.isEmpty {
      var next: [Int] = []
      for b in pending {
        queued[b] = false
        for e in graph.edges(of: b) {
          let target = graph.targets[e]
          guard target >= 0 else { continue }
          carried.replaceSubrange(carried.startIndex..<carried.endIndex, with: facts[b * width..<(b + 1) * width])
          transfer(b, e - graph.firstEdge[b], &carried)
          let t = Int(target)
          var changed = false
          for k in 0..<width {
            let old = facts[t * width + k]
            let incoming = carried[carried.startIndex + k]
            let new: UInt64
            if seeded[t] {
              new = meet == .must ? old & incoming : old | incoming
            } else {
              new = incoming
            }
            if new != old { changed = true; facts[t * width + k] = new }
          }
          if !seeded[t] { seeded[t] = true; changed = true }
          if changed && !queued[t] { queued[t] = true; next.append(t) }
        }
      }
      pending = next.sorted { graph.position[$0] < graph.position[$1] }
    }
  }

  /// Whether fact `bit` holds on entry to `block`.
  func holds(_ bit: Int, at block: Int) -> Bool {
    facts[block * width + bit / 64] & (1 << UInt64(bit % 64)) != 0
  }
}

extension ArraySlice where Element == UInt64 {
  /// Sets or clears bit `bit`.
  mutating func set(_ bit: Int, _ on: Bool = true) {
    let i = startIndex + bit / 64
    let mask: UInt64 = 1 << UInt64(bit % 64)
    if on { self[i] |= mask } else { self[i] &= ~mask }
  }

  /// Whether bit `bit` is set.
  func has(_ bit: Int) -> Bool { self[startIndex + bit / 64] & (1 << UInt64(bit % 64)) != 0 }
}
