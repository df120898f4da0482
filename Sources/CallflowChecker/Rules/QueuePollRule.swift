import CallflowDiagnostics
import CallflowSyntax

/// `queue-poll-too-fast`: in a customer-queue flow, a loop that reads queue metrics again
/// with less than a minute of `wait` in between. For each `get-queue-metrics` block, the way
/// back to it with the least waiting is found with Dijkstra's algorithm, a `wait` weighing its
/// duration when it goes on at `next`.
struct QueuePollRule {
  let context: FlowContext
  /// The least wait between two readings the manual recommends.
  static let shortestPoll = 60

  func run(_ bag: inout DiagnosticBag) {
    guard context.flow.type == .customerQueue else { return }
    // Each search is linear; past 256 readings in one flow the rest are not searched.
    for metrics in context.reachable(.getQueueMetrics).prefix(256) {
      guard let (waited, cycle) = shortestCycle(through: metrics), waited < Self.shortestPoll else { continue }
      let block = context.flow.blocks[metrics]
      let how = waited == 0 ? "with no `wait` in between" : "after only \(DurationSyntax.format(waited)) of `wait`"
      bag.report(
        .queuePollTooFast, "`\(block.id.value)` reads the queue metrics again \(how)", at: block.kindSpan,
        notes: [
          Note("the loop: \(context.describe(cycle, to: metrics))"),
          Note("check the position at most once a minute: put a `wait` of 1m or more in the loop"),
        ])
    }
  }

  /// The least total wait on a way from `source` back to itself, and that way.
  private func shortestCycle(through source: Int) -> (Int, [(block: Int, edge: Int)])? {
    let graph = context.graph
    var distance = [Int](repeating: Int.max, count: graph.count)
    var parent = [(block: Int, edge: Int)?](repeating: nil, count: graph.count)
    var heap = MinHeap()
    var best: (Int, (block: Int, edge: Int))?
    // Leaving `source` costs nothing; reaching it again closes the cycle.
    func relax(_ b: Int, from d: Int) {
      for e in graph.edges(of: b) {
        let t = Int(graph.targets[e])
        guard t >= 0 else { continue }
        let local = e - graph.firstEdge[b]
        var cost = 0
        if context.kind(b) == .wait, context.isNext(b, local), case .duration(let s)? = context.flow.blocks[b].argument("duration")?.value.value {
          cost = s
        }
        let (nd, overflow) = d.addingReportingOverflow(cost)
        guard !overflow else { continue }
        if t == source {
          if best.map({ nd < $0.0 }) ?? true { best = (nd, (b, local)) }
        } else if nd < distance[t] {
          distance[t] = nd
          parent[t] = (b, local)
          heap.push(nd, t)
        }
      }
    }
    relax(source, from: 0)
    while let (d, b) = heap.pop() {
      guard d == distance[b] else { continue }
      if let best, d >= best.0 { break }
      relax(b, from: d)
    }
    guard let (total, closing) = best else { return nil }
    var steps = [closing]
    var v = closing.block
    while v != source, let p = parent[v] { steps.append(p); v = p.block }
    return (total, steps.reversed())
  }
}

/// A binary min-heap of (key, value) pairs.
struct MinHeap {
  private var items: [(key: Int, value: Int)] = []

  mutating func push(_ key: Int, _ value: Int) {
    items.append((key, value))
    var i = items.count - 1
    while i > 0 {
      let p = (i - 1) / 2
      guard items[i].key < items[p].key else { break }
      items.swapAt(i, p)
      i = p
    }
  }

  mutating func pop() -> (Int, Int)? {
    guard let top = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var i = 0
      while true {
        let l = 2 * i + 1, r = l + 1
        var m = i
        if l < items.count && items[l].key < items[m].key { m = l }
        if r < items.count && items[r].key < items[m].key { m = r }
        if m == i { break }
        items.swapAt(i, m)
        i = m
      }
    }
    return (top.key, top.value)
  }
}
