import CallflowDiagnostics
import CallflowSyntax

/// `callback-typestate`: a custom callback is a small protocol. `start-callback` takes the
/// caller out of the queue; `register-callback` or `decline-callback` must follow on every path
/// before the flow ends, each only with a start pending, and never two starts in a row. A
/// `start-callback` or `register-callback` that fails (takes any branch but `next`) leaves
/// the state as it was, so a failed registration must still be declined. A failed
/// `decline-callback` ends the request all the same: nothing more can be done with it.
///
/// The state on entry to each block is a may-analysis over one bit for "nothing started" and
/// one bit per `start-callback` block, so a finding can name the start it is about.
struct TypestateRule {
  let context: FlowContext

  func run(_ bag: inout DiagnosticBag) {
    let flow = context.flow
    let starts = flow.blocks.indices.filter { context.kind($0) == .startCallback && context.graph.isReachable($0) }
    let finishers = flow.blocks.indices.filter { b in
      (context.kind(b) == .registerCallback || context.kind(b) == .declineCallback) && context.graph.isReachable(b)
    }
    guard !starts.isEmpty || !finishers.isEmpty else { return }
    // One bit per start; past one pass of facts the last bit stands for the remaining starts,
    // and a finding names the first of them.
    let idle = min(starts.count, Dataflow.bitsPerPass - 1)
    let bitOf = Dictionary(uniqueKeysWithValues: starts.enumerated().map { ($0.element, min($0.offset, idle - 1)) })
    let acts = context.blocks(of: [.startCallback, .registerCallback, .declineCallback])
    let state = Dataflow(graph: context.graph, bits: idle + 1, meet: .may, acts: acts, entry: { $0.set(idle) }) { b, e, facts in
      guard context.isNext(b, e) || context.kind(b) == .declineCallback else { return }
      switch context.kind(b) {
      case .startCallback:
        facts.clear()
        if let bit = bitOf[b] { facts.set(bit) }
      case .registerCallback, .declineCallback:
        facts.clear()
        facts.set(idle)
      default:
        return
      }
    }
    let pending = { (b: Int) in state.facts[b].members.filter { $0 != idle } }

    // One finding per misplaced block, naming one pending start.
    for b in starts {
      if let earlier = pending(b).first {
        bag.report(
          .callbackTypestate, "\(context.name(b)) may run while the callback started by `\(flow.blocks[starts[earlier]].id.value)` is still pending",
          at: flow.blocks[b].kindSpan,
          notes: [
            Note("`\(flow.blocks[starts[earlier]].id.value)` started it here", at: flow.blocks[starts[earlier]].id.span),
            Note("register or decline the first callback before starting another"),
          ])
      }
    }
    for (n, b) in finishers.filter({ state.holds(idle, at: $0) }).enumerated() {
      var notes: [Note] = []
      if n < FlowContext.pathNotes,
        let path = context.graph.path(to: b, avoiding: { from, e in context.kind(from) == .startCallback && context.isNext(from, e) })
      {
        notes.append(Note("no `start-callback` on this path: \(context.describe(path, to: b))"))
      }
      notes.append(Note("`\(context.kind(b)?.rawValue ?? "")` completes a callback request that `start-callback` began"))
      bag.report(
        .callbackTypestate, "\(context.name(b)) may run with no callback started", at: flow.blocks[b].kindSpan, notes: notes)
    }
    // Ends reached with a start pending: one finding per start, at the first such end in
    // reverse postorder.
    var reported = Set<Int>()
    for b in context.graph.order where context.ends(b) {
      for k in pending(b) where !reported.contains(k) {
        reported.insert(k)
        let start = starts[k]
        let block = flow.blocks[b]
        // A way from the start's `next` to this end that neither registers nor declines.
        let settles = { (from: Int, e: Int) in
          (context.kind(from) == .registerCallback && context.isNext(from, e)) || context.kind(from) == .declineCallback
            || (from == start && !context.isNext(from, e))
        }
        let path = reported.count <= FlowContext.pathNotes ? context.graph.path(from: start, to: b, avoiding: settles) : nil
        bag.report(
          .callbackTypestate,
          "the callback started by `\(flow.blocks[start].id.value)` is neither registered nor declined on a path that ends at `\(block.id.value)`",
          at: flow.blocks[start].kindSpan,
          notes: [
            Note(
              "the flow ends here with the request still open\(path.map { ": \(context.describe($0, to: b))" } ?? "")",
              at: block.id.span),
            Note("follow `start-callback` with `register-callback` (queue the request) or `decline-callback` (back to the queue) on every path"),
          ])
      }
    }
  }
}
