import CallflowDiagnostics
import CallflowSyntax

/// The facts of a flow the project rules judge once they know how flows refer to each other:
/// whether its paths queue the contact (creation flows), whether it checks attributes
/// (duplicate filtering), and how it handles call progress (outbound flows).
struct FlowFacts {
  let context: FlowContext

  func run(_ summary: inout CheckedFlow.Summary) {
    summary.queueing = queueing()
    summary.checksAttributes = !context.reachable(.checkAttribute).isEmpty
    // A customer-queue flow that puts the contact back in a queue runs again there (unless it
    // set another flow for the queue first).
    let requeues = context.flow.type == .customerQueue && context.reachable(.setCustomerQueueFlow).isEmpty
      ? context.reachable(.transferToQueue) : []
    if let start = context.graph.start, !context.reachable(.transferToFlow).isEmpty || !requeues.isEmpty {
      // A `loop` bounds a cycle within a flow, not across flows: its count starts again each time.
      let unpaused = context.graph.reach(from: [start]) { b in
        switch context.kind(b) {
        case .wait, .getInput, .storeInput, nil: true
        default: false
        }
      }
      summary.handsOffWithoutPause = context.reachable(.transferToFlow).filter { unpaused[$0] }.compactMap { b in
        guard let argument = context.flow.blocks[b].argument("flow"), case .reference(_, let name) = argument.value.value else { return nil }
        return Located(name, at: argument.value.span)
      }
      // (A transfer with `callback` settings queues a callback, not the caller.)
      summary.requeuesWithoutPause = requeues.filter { unpaused[$0] && context.flow.blocks[$0].argument("callback") == nil }
        .map { context.flow.blocks[$0].kindSpan }
    }
    summary.queueFlows = context.reachable(.setCustomerQueueFlow).compactMap { b in
      if case .reference(_, let name)? = context.flow.blocks[b].argument("flow")?.value.value { return name }
      return nil
    }
    if context.flow.type == .outbound { summary.callProgress = callProgress() }
  }

  /// Blocks after which the contact may be queued: transfers to a queue, and hand-offs to
  /// another flow (which may queue it).
  private func queues(_ b: Int) -> Bool {
    context.kind(b) == .transferToQueue || context.kind(b) == .transferToFlow
  }

  private func queueing() -> CheckedFlow.Queueing {
    let graph = context.graph
    guard let start = graph.start, graph.order.contains(where: queues) else { return .never }
    // A `check-attribute` condition that leads away from the queue is a decision to drop the
    // callback (a duplicate, a solved issue): those paths are deliberate.
    let decided = { (b: Int, e: Int) in context.edge(b, e).source == .condition }
    let before = graph.reach(from: [start], stop: queues, avoiding: decided)
    for b in graph.order where before[b] && !queues(b) && context.ends(b) {
      let path = graph.path(to: b) { from, e in
        let t = Int(graph.targets[graph.firstEdge[from] + e])
        return decided(from, e) || (t >= 0 && queues(t))
      }
      let block = context.flow.blocks[b]
      return .sometimes(end: block.id, path: path.map { context.describe($0, to: b) } ?? "`\(block.id.value)`")
    }
    return .always
  }

  private func callProgress() -> CheckedFlow.CallProgress {
    let checks = context.reachable(.checkCallProgress)
    guard !checks.isEmpty else { return .unchecked }
    // The blocks from which a transfer to a queue can be reached, found once backwards.
    let graph = context.graph
    var predecessors = [[Int]](repeating: [], count: graph.count)
    for b in 0..<graph.count {
      for e in graph.edges(of: b) where graph.targets[e] >= 0 { predecessors[Int(graph.targets[e])].append(b) }
    }
    var queues = [Bool](repeating: false, count: graph.count)
    var work = graph.kinds.indices.filter { graph.kinds[$0] == .transferToQueue }
    for b in work { queues[b] = true }
    while let b = work.popLast() {
      for p in predecessors[b] where !queues[p] {
        queues[p] = true
        work.append(p)
      }
    }
    for b in checks {
      let block = context.flow.blocks[b]
      guard let human = block.edges.first(where: { $0.label == "human" }), let target = human.targetIndex else {
        return .humanNotQueued(block.kindSpan)
      }
      if !queues[target] { return .humanNotQueued(human.target.span) }
    }
    return .handled
  }
}
