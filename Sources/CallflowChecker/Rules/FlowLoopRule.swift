import CallflowDiagnostics
import CallflowSyntax

/// `flow-transfer-loop`: flows that hand the contact to each other with `transfer-to-flow`,
/// round a cycle on which no block waits for the clock or the caller. `loop-without-wait`
/// across flows: the contact spins from flow to flow (queueing a callback each time round, if
/// one is on the way). The flows form a graph, an edge for each hand-off `start` reaches
/// without a pause; each strongly connected component with a cycle is reported once.
struct FlowLoopRule {
  let flows: [CheckedFlow]

  func run(_ bag: inout DiagnosticBag) {
    var index: [String: Int] = [:]
    for (i, flow) in flows.enumerated() { if let name = flow.name, index[name] == nil { index[name] = i } }
    // Edges: (target flow, the reference) per flow.
    let edges: [[(to: Int, at: Located<String>)]] = flows.map { flow in
      flow.summary.handsOffWithoutPause.compactMap { reference in index[reference.value].map { ($0, reference) } }
    }
    guard edges.contains(where: { !$0.isEmpty }) else { return }
    for component in stronglyConnected(edges) {
      guard let head = component.min() else { continue }
      let members = Set(component)
      guard component.count > 1 || edges[head].contains(where: { $0.to == head }) else { continue }
      // The way round from `head`, one hand-off per flow, for the notes.
      var path: [(from: Int, at: Located<String>)] = []
      var current = head
      var seen: Set<Int> = []
      while seen.insert(current).inserted, let edge = edges[current].first(where: { members.contains($0.to) }) {
        path.append((current, edge.at))
        current = edge.to
        if current == head { break }
      }
      guard let first = path.first else { continue }
      let names = component.sorted().compactMap { flows[$0].name }
      let subject = names.count == 1 ? "flow `\(names[0])` hands the contact back to itself" : "flows \(Suggestions.list(names)) hand the contact to each other"
      var notes = path.dropFirst().map { step in
        Note("`\(flows[step.from].name ?? "")` hands the contact to `\(step.at.value)` here", at: step.at.span)
      }
      notes.append(Note("a `wait` or an input on the way breaks the cycle (a `loop` does not: its count starts again in each flow)"))
      bag.report(
        .flowTransferLoop, "\(subject) with no wait or input: the contact can go round forever", at: first.at.span,
        notes: notes)
    }
  }

  /// Tarjan's algorithm, iterative.
  private func stronglyConnected(_ edges: [[(to: Int, at: Located<String>)]]) -> [[Int]] {
    let n = edges.count
    var indexOf = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var onStack = [Bool](repeating: false, count: n)
    var stack: [Int] = []
    var counter = 0
    var components: [[Int]] = []
    for root in 0..<n where indexOf[root] < 0 && !edges[root].isEmpty {
      var frames: [(node: Int, next: Int)] = [(root, 0)]
      indexOf[root] = counter; low[root] = counter; counter += 1
      stack.append(root); onStack[root] = true
      while var frame = frames.popLast() {
        let v = frame.node
        if frame.next < edges[v].count {
          let w = edges[v][frame.next].to
          frame.next += 1
          frames.append(frame)
          if indexOf[w] < 0 {
            indexOf[w] = counter; low[w] = counter; counter += 1
            stack.append(w); onStack[w] = true
            frames.append((w, 0))
          } else if onStack[w] {
            low[v] = min(low[v], indexOf[w])
          }
          continue
        }
        if let parent = frames.last { low[parent.node] = min(low[parent.node], low[v]) }
        if low[v] == indexOf[v] {
          var component: [Int] = []
          while let w = stack.popLast() {
            onStack[w] = false
            component.append(w)
            if w == v { break }
          }
          components.append(component)
        }
      }
    }
    return components
  }
}
