/// A set of facts, one bit each, numbered from `base`: the first 64 inline, the rest in words
/// after them (absent when there are none, so that small sets copy without reference
/// counting). Bits outside the set's range read as clear and are not stored.
struct Bits: Equatable {
  private var low: UInt64 = 0
  private var high: [UInt64]?
  private let base: Int
  private let count: Int

  /// No bit set, room for `count` bits numbered from `base`.
  init(count: Int, base: Int = 0) {
    self.base = base
    self.count = count
    if count > 64 { high = [UInt64](repeating: 0, count: (count - 1) / 64) }
  }

  /// The bits set, in order.
  var members: [Int] {
    var result: [Int] = []
    var word = low
    while word != 0 {
      result.append(base + word.trailingZeroBitCount)
      word &= word - 1
    }
    for (i, w) in (high ?? []).enumerated() {
      var word = w
      while word != 0 {
        result.append(base + 64 * (i + 1) + word.trailingZeroBitCount)
        word &= word - 1
      }
    }
    return result
  }

  subscript(global: Int) -> Bool {
    get {
      let bit = global - base
      guard bit >= 0 && bit < count else { return false }
      if bit < 64 { return low & (1 << UInt64(bit)) != 0 }
      guard let high else { return false }
      return high[(bit - 64) / 64] & (1 << UInt64(bit % 64)) != 0
    }
    set {
      let bit = global - base
      guard bit >= 0 && bit < count else { return }
      if bit < 64 {
        if newValue { low |= 1 << UInt64(bit) } else { low &= ~(1 << UInt64(bit)) }
        return
      }
      guard var words = high else { return }
      high = nil
      let i = (bit - 64) / 64
      if newValue { words[i] |= 1 << UInt64(bit % 64) } else { words[i] &= ~(1 << UInt64(bit % 64)) }
      high = words
    }
  }

  /// Sets bit `bit` (to `on`).
  mutating func set(_ bit: Int, _ on: Bool = true) { self[bit] = on }

  static func == (a: Bits, b: Bits) -> Bool {
    guard a.low == b.low else { return false }
    switch (a.high, b.high) {
    case (nil, nil): return true
    case (let x?, let y?): return x == y
    default: return false
    }
  }

  /// Clears every bit.
  mutating func clear() {
    low = 0
    if let words = high { high = [UInt64](repeating: 0, count: words.count) }
  }

  mutating func formIntersection(_ other: Bits) {
    low &= other.low
    combine(other) { $0 & $1 }
  }

  mutating func formUnion(_ other: Bits) {
    low |= other.low
    combine(other) { $0 | $1 }
  }

  private mutating func combine(_ other: Bits, _ op: (UInt64, UInt64) -> UInt64) {
    guard var words = high, let others = other.high else { return }
    high = nil
    for i in words.indices where i < others.count { words[i] = op(words[i], others[i]) }
    high = words
  }
}

/// A forward dataflow analysis over a flow's block graph, on facts that are ``Bits``.
///
/// Facts hold on entry to each block. Along each edge a transfer function turns the facts of
/// the edge's source into the facts the edge carries; where edges meet, the facts are
/// intersected (`must`: the fact holds on every path, as in definite assignment and
/// dominance) or joined (`may`: it holds on some path, as in typestate). The solver visits
/// blocks in reverse postorder with a worklist, so acyclic flows settle in one pass, and a
/// block's facts only shrink (must) or grow (may), so it ends.
struct Dataflow {
  enum Meet {
    /// The fact holds on every path from `start`.
    case must
    /// The fact holds on some path from `start`.
    case may
  }

  /// The facts on entry to each block; blocks `start` does not reach keep empty facts.
  private(set) var facts: [Bits]

  /// Solves the analysis. `transfer(block, edge, &bits)` rewrites the source block's entry
  /// facts into those carried along `edge` (an index into the block's edges); it is only
  /// called for the blocks `acts` holds (by default all): the edges of the others carry
  /// their facts unchanged.
  init(
    graph: FlowGraph, bits count: Int, from base: Int = 0, meet: Meet, acts: [Bool]? = nil, entry: (inout Bits) -> Void,
    transfer: (_ block: Int, _ edge: Int, _ bits: inout Bits) -> Void
  ) {
    let empty = Bits(count: count, base: base)
    facts = [Bits](repeating: empty, count: graph.count)
    guard let start = graph.start else { return }
    var seeded = [Bool](repeating: false, count: graph.count)
    var entryBits = empty
    entry(&entryBits)
    facts[start] = entryBits
    seeded[start] = true

    // A worklist in reverse postorder: the first round visits every reachable block, each
    // later round the blocks whose facts changed, in the order that lets an acyclic flow
    // settle in the first round.
    var queued = [Bool](repeating: true, count: graph.count)
    var pending = graph.order
    while !pending.isEmpty {
      var next: [Int] = []
      for b in pending {
        queued[b] = false
        let first = graph.firstEdge[b]
        let active = acts?[b] ?? true
        for e in graph.edges(of: b) {
          let t = Int(graph.targets[e])
          guard t >= 0 else { continue }
          var carried = facts[b]
          if active { transfer(b, e - first, &carried) }
          var merged = carried
          if seeded[t] {
            merged = facts[t]
            if meet == .must { merged.formIntersection(carried) } else { merged.formUnion(carried) }
            guard merged != facts[t] else { continue }
          } else {
            seeded[t] = true
          }
          facts[t] = merged
          if !queued[t] {
            queued[t] = true
            next.append(t)
          }
        }
      }
      pending = next.sorted { graph.position[$0] < graph.position[$1] }
    }
  }

  /// Whether fact `bit` holds on entry to `block`.
  func holds(_ bit: Int, at block: Int) -> Bool { facts[block][bit] }

  /// The most facts one solution tracks: wider analyses are solved in passes of this many,
  /// so that memory stays at blocks × 16 words whatever the flow.
  static let bitsPerPass = 1024

  /// Whether each `(bit, block)` query holds, solving `count` facts in passes of at most
  /// ``bitsPerPass``. Only for analyses whose transfer of a fact reads no other fact.
  static func answer(
    _ queries: [(bit: Int, block: Int)], graph: FlowGraph, bits count: Int, meet: Meet, acts: [Bool]? = nil,
    transfer: (_ block: Int, _ edge: Int, _ bits: inout Bits) -> Void
  ) -> [Bool] {
    var answers = [Bool](repeating: false, count: queries.count)
    var base = 0
    while base < count {
      let width = min(bitsPerPass, count - base)
      let solved = Dataflow(graph: graph, bits: width, from: base, meet: meet, acts: acts, entry: { _ in }, transfer: transfer)
      for (i, query) in queries.enumerated() where query.bit >= base && query.bit < base + width {
        answers[i] = solved.holds(query.bit, at: query.block)
      }
      base += width
    }
    return answers
  }
}
