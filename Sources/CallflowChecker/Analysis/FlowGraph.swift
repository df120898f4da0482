import CallflowSyntax

/// A flow's control-flow graph: blocks as nodes, their edges (`next`, branches, conditions and
/// `on-error`) in compressed rows, with the blocks `start` reaches in reverse postorder.
struct FlowGraph {
  let count: Int
  let start: Int?
  /// Block `b`'s edges are `firstEdge[b]..<firstEdge[b + 1]`, in the order of the block's
  /// ``CheckedBlock/edges``.
  let firstEdge: [Int]
  /// Each edge's target block, or -1 where the target does not exist.
  let targets: [Int32]
  /// Whether each edge is its block's success edge, `next`.
  let isNext: [Bool]
  /// Each block's kind (`nil` when not in the catalog).
  let kinds: [BlockKind?]
  /// The blocks `start` reaches, in reverse postorder.
  let order: [Int]
  /// Each block's place in ``order``, or `Int.max` when unreachable.
  let position: [Int]

  init(_ flow: CheckedFlow) {
    count = flow.blocks.count
    start = flow.start
    var firstEdge = [Int]()
    firstEdge.reserveCapacity(count + 1)
    var targets = [Int32]()
    var isNext = [Bool]()
    var kinds = [BlockKind?]()
    kinds.reserveCapacity(count)
    for block in flow.blocks {
      firstEdge.append(targets.count)
      kinds.append(block.kind)
      for edge in block.edges {
        targets.append(Int32(edge.targetIndex ?? -1))
        isNext.append(edge.source == .next)
      }
    }
    firstEdge.append(targets.count)
    self.firstEdge = firstEdge
    self.targets = targets
    self.isNext = isNext
    self.kinds = kinds

    // Iterative depth-first search for the postorder.
    var position = [Int](repeating: Int.max, count: count)
    var post: [Int] = []
    if let start {
      var visited = [Bool](repeating: false, count: count)
      var frames: [(block: Int, edge: Int)] = [(start, firstEdge[start])]
      visited[start] = true
      while var frame = frames.popLast() {
        if frame.edge < firstEdge[frame.block + 1] {
          let t = Int(targets[frame.edge])
          frame.edge += 1
          frames.append(frame)
          if t >= 0 && !visited[t] {
            visited[t] = true
            frames.append((t, firstEdge[t]))
          }
        } else {
          post.append(frame.block)
        }
      }
    }
    order = post.reversed()
    for (i, b) in order.enumerated() { position[b] = i }
    self.position = position
  }

  /// The indexes of block `b`'s edges into ``targets``.
  func edges(of b: Int) -> Range<Int> { firstEdge[b]..<firstEdge[b + 1] }

  /// Whether `start` reaches block `b`.
  func isReachable(_ b: Int) -> Bool { position[b] != Int.max }

  /// The shortest path from `source` (by default `start`) to `goal` that takes no edge
  /// `avoid(block, edge)` refuses (edge counted within the block), as the blocks passed with
  /// the edge taken out of each; `nil` when there is none.
  func path(from source: Int? = nil, to goal: Int, avoiding avoid: (Int, Int) -> Bool = { _, _ in false }) -> [(block: Int, edge: Int)]? {
    guard let start = source ?? start else { return nil }
    if start == goal { return [] }
    var parent = [Int32](repeating: -1, count: count)
    var parentEdge = [Int32](repeating: -1, count: count)
    var seen = [Bool](repeating: false, count: count)
    seen[start] = true
    var queue = [start]
    var cursor = 0
    while cursor < queue.count {
      let b = queue[cursor]
      cursor += 1
      for e in edges(of: b) {
        let t = Int(targets[e])
        guard t >= 0, !seen[t], !avoid(b, e - firstEdge[b]) else { continue }
        seen[t] = true
        parent[t] = Int32(b)
        parentEdge[t] = Int32(e - firstEdge[b])
        if t == goal {
          var steps: [(block: Int, edge: Int)] = []
          var v = t
          while v != start {
            let p = Int(parent[v])
            steps.append((p, Int(parentEdge[v])))
            v = p
          }
          return steps.reversed()
        }
        queue.append(t)
      }
    }
    return nil
  }

  /// The blocks reachable from `from` (these included), not going on from blocks `stop`
  /// holds (they are reached, but not left) nor along edges `avoid(block, edge)` refuses.
  func reach(from: [Int], stop: (Int) -> Bool = { _ in false }, avoiding avoid: (Int, Int) -> Bool = { _, _ in false }) -> [Bool] {
    var seen = [Bool](repeating: false, count: count)
    var work: [Int] = []
    for b in from where !seen[b] { seen[b] = true; work.append(b) }
    while let b = work.popLast() {
      if stop(b) { continue }
      for e in edges(of: b) {
        let t = Int(targets[e])
        guard t >= 0, !seen[t], !avoid(b, e - firstEdge[b]) else { continue }
        seen[t] = true
        work.append(t)
      }
    }
    return seen
  }
}
