import CallflowDiagnostics
import CallflowSyntax

/// `working-queue-unset`: a `transfer-to-queue` that names no queue (and, for a callback, no
/// `working-queue`), or a `create-callback` with no `queue`, on a path where no
/// `set-working-queue` ran. Also gathers, for the project rules, the queues callbacks go to
/// and the queues plain transfers fill, with the working queues that may reach each block.
struct WorkingQueueRule {
  let context: FlowContext

  static func setsQueue(_ kind: BlockKind?) -> Bool { kind == .setWorkingQueue || kind == .connectAction }

  func run(_ bag: inout DiagnosticBag, _ summary: inout CheckedFlow.Summary) {
    let flow = context.flow
    // (At most one pass of facts: past that many setters, the queues they set are not followed.)
    // An Amazon Connect action kept as it is may set the queue too (a legacy `SetQueue`, an
    // agent's queue): it counts as a setter of a queue Callflow does not know.
    let setters = Array(
      flow.blocks.indices.lazy.filter { Self.setsQueue(context.kind($0)) && context.graph.isReachable($0) }.prefix(Dataflow.bitsPerPass))
    let sinks = flow.blocks.indices.filter { b in
      guard context.graph.isReachable(b) else { return false }
      switch context.kind(b) {
      case .transferToQueue, .createCallback, .registerCallback: return true
      default: return false
      }
    }
    guard !sinks.isEmpty else { return }
    // Which working queues may be set on entry to each block (one bit per setter), and
    // whether one surely is.
    let setterBit = Dictionary(uniqueKeysWithValues: setters.enumerated().map { ($0.element, $0.offset) })
    let acts = context.blocks(of: [.setWorkingQueue, .connectAction])
    let reaching: Dataflow? =
      setters.isEmpty
      ? nil
      : Dataflow(graph: context.graph, bits: setters.count, meet: .may, acts: acts, entry: { _ in }) { b, e, facts in
        guard let bit = setterBit[b], context.isNext(b, e) else { return }
        facts.clear()
        facts.set(bit)
      }
    var sure: Dataflow?
    func surelySet(at b: Int) -> Bool {
      guard !setters.isEmpty else { return false }
      if sure == nil {
        sure = Dataflow(graph: context.graph, bits: 1, meet: .must, acts: acts, entry: { _ in }) { b, e, facts in
          if Self.setsQueue(context.kind(b)), context.isNext(b, e) { facts.set(0) }
        }
      }
      return sure?.holds(0, at: b) ?? false
    }
    func working(at b: Int) -> [Located<String>] {
      guard let reaching else { return [] }
      return setters.indices.filter { reaching.holds($0, at: b) }.compactMap { context.queue(setters[$0]) }
    }

    let firstCallbackUse = summary.callbackQueues.count
    defer { offeredBeforeQueueing(from: firstCallbackUse, &summary) }
    var paths = 0
    for b in sinks {
      let block = flow.blocks[b]
      let callback = context.callback(b)
      let named = context.queue(b)
      switch context.kind(b) {
      case .transferToQueue where callback == nil && flow.syntax.isFromConnect:
        // Amazon Connect keeps the queue an earlier flow set: a plain transfer in a flow
        // from Connect relies on it (and takes its error branch without one).
        continue
      case .transferToQueue:
        if let callback {
          let original = (named.map { [$0] } ?? working(at: b)).map(\.value)
          let target = callback.workingQueue ?? named
          if let target {
            summary.callbackQueues.append(.init(queue: target, originalQueues: original.filter { $0 != target.value }))
          } else {
            for queue in working(at: b) { summary.callbackQueues.append(.init(queue: queue, originalQueues: [])) }
          }
          if target != nil { continue }
        } else {
          if let named { summary.inboundQueues.append(named); continue }
          summary.inboundQueues += working(at: b)
        }
      case .createCallback, .registerCallback:
        if let named {
          summary.callbackQueues.append(.init(queue: named, originalQueues: working(at: b).map(\.value).filter { $0 != named.value }))
          continue
        }
        // In a customer-queue flow the callback takes the queue the caller waits in.
        guard flow.type != .customerQueue else {
          summary.callbacksToWaitingQueue.append(block.kindSpan)
          continue
        }
        summary.callbackQueues += working(at: b).map { .init(queue: $0, originalQueues: []) }
      default:
        continue
      }
      // No queue named: one must have been set on every path, unless an earlier flow set it.
      // Flows other than inbound ones run in a queue, or after a flow that set one (C2 and C3
      // inherit it). A queue given as an unresolved `${NAME}` is named, just unknown.
      guard flow.type == .inbound, !context.gives(b, .queue), !context.gives(b, .workingQueue, inside: .callback),
        !surelySet(at: b)
      else { continue }
      var notes: [Note] = []
      paths += 1
      if paths <= FlowContext.pathNotes,
        let path = context.graph.path(to: b, avoiding: { from, e in context.kind(from) == .setWorkingQueue && context.isNext(from, e) })
      {
        notes.append(Note("no `set-working-queue` on this path: \(context.describe(path, to: b))"))
      }
      let what: String
      switch context.kind(b) {
      case .transferToQueue where callback != nil:
        what = "the callback queued by `\(block.id.value)` has no queue"
        notes.append(Note("add `working-queue: <queue>` to `callback`, or a `set-working-queue` block before it"))
      case .transferToQueue:
        what = "`\(block.id.value)` transfers to no queue"
        notes.append(Note("write `\(context.flow.syntax.notation.block(BlockKind.transferToQueue.rawValue, main: "<queue>"))`, or put a `set-working-queue` block before it"))
      default:
        what = "the callback created by `\(block.id.value)` has no queue"
        notes.append(Note("add `queue: <queue>`, or put a `set-working-queue` block before it"))
      }
      let when = setters.isEmpty ? ": no `set-working-queue` comes before it" : " on some paths: no working queue is set"
      let diagnostic = Diagnostic(.workingQueueUnset, what + when, at: block.kindSpan, notes: notes)
      summary.entryDependent.append(EntryDependentDiagnostic(unless: .enteredFromAnotherFlow, diagnostic: diagnostic))
    }
  }

  /// An inbound flow offers the callback before the caller is queued (a plain transfer ends
  /// it): the caller's queue, for a callback with no working queue before it, is the one the
  /// flow transfers them to when they do not take it (its plain transfers), as
  /// `callback-loses-position` compares them.
  private func offeredBeforeQueueing(from first: Int, _ summary: inout CheckedFlow.Summary) {
    guard context.flow.type == .inbound else { return }
    let transfers = Set(summary.inboundQueues.map(\.value)).sorted()
    for k in first..<summary.callbackQueues.count {
      summary.callbackQueues[k].callerQueued = false
      guard summary.callbackQueues[k].originalQueues.isEmpty else { continue }
      let queue = summary.callbackQueues[k].queue.value
      summary.callbackQueues[k].originalQueues = transfers.filter { $0 != queue }
    }
  }
}
