import CallflowDiagnostics
import CallflowSyntax

/// `flow-transfer-loop`: flows that hand the contact to each other with `transfer-to-flow`,
/// round a cycle on which no block waits for the clock or the caller. `loop-without-wait`
/// across flows: the contact spins from flow to flow (queueing a callback each time round, if
/// one is on the way). A customer-queue flow that puts the contact back in a queue hands it
/// to itself: the queue starts the flow again. The flows form a graph, an edge for each
/// hand-off `start` reaches without a pause; each strongly connected component with a cycle
/// is reported once.
struct FlowLoopRule {
  let flows: [CheckedFlow]

  func run(_ bag: inout DiagnosticBag) {
    var index: [String: Int] = [:]
    for (i, flow) in flows.enumerated() { if let name = flow.name, index[name] == nil { index[name] = i } }
    // Edges: (target flow, the reference) per flow; a queue flow's requeue is an edge to
    // itself, at the `transfer-to-queue`.
    let edges: [[(to: Int, at: Located<String>)]] = flows.enumerated().map { i, flow in
      flow.summary.handsOffWithoutPause.compactMap { reference in index[reference.value].map { ($0, reference) } }
        + flow.summary.requeuesWithoutPause.map { (i, Located(flow.name ?? "", at: $0)) }
    }
    guard edges.contains(where: { !$0.isEmpty }) else { return }
    let components = cycles(
      count: edges.count, root: { !edges[$0].isEmpty }, degree: { edges[$0].count }, successor: { edges[$0][$1].to })
    for component in components {
      guard let head = component.first else { continue }
      let members = Set(component)
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
      if names.count == 1, flows[head].summary.requeuesWithoutPause.contains(first.at.span) {
        bag.report(
          .flowTransferLoop,
          "customer-queue flow `\(names[0])` puts the contact back in a queue with no wait or input: the queue starts the flow again, forever",
          at: first.at.span,
          notes: [Note("a `wait` (or an input) before the transfer lets the clock move; or end the flow (`end-flow`) to leave the caller waiting in the queue")])
        continue
      }
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
}
