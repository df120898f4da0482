import CallflowDiagnostics
import CallflowSyntax

/// The rules on a flow's block graph: `dead-end`, `unconnected-branch`, `unreachable-block`
/// and `loop-without-wait`. Each runs in time linear in blocks and edges.
struct GraphRules {
  let flow: CheckedFlow
  /// Each block's catalog row (`nil` for a kind not in the catalog).
  let specs: [BlockSpec?]
  let graph: FlowGraph
  var bag: DiagnosticBag

  mutating func run() {
    // The written blocks fetched once: each read through the flow copied the block.
    let written = flow.syntax.blocks
    for i in flow.blocks.indices { exits(i, written) }
    reachability()
    cycles()
  }

  // MARK: dead-end, unconnected-branch

  private mutating func exits(_ i: Int, _ written: [BlockSyntax]) {
    // The block's parts are read one by one: a block read whole is copied (and each of its
    // parts retained) again for every use, and for the closure that looked at its edges.
    guard let kind = flow.blocks[i].kind, let spec = specs[i] else { return }
    let id = flow.blocks[i].id
    let edges = flow.blocks[i].edges
    let arguments = flow.blocks[i].arguments
    var what: String { "`\(kind.rawValue)` block `\(id.value)`" }
    // A `next` written among the branches is reported as such (`unknown-branch`), not again
    // as a missing `next`.
    let nextAmongBranches = written[i].branches.contains { $0.name.value == Outcome.next.description }
    if spec.success != .open, !edges.contains(where: { $0.source == .next }), !nextAmongBranches, takesNext(spec, written[i]) {
      var notes = [Note("the contact is disconnected when a flow runs out of blocks")]
      if case .next(let meaning?) = spec.success { notes.append(Note("`next` is taken when \(meaning)")) }
      bag.report(
        .deadEnd, "\(what) has no `next`: the contact falls off the flow after it", at: id.span,
        label: "add `\(flow.syntax.notation.next("<block id>"))`", notes: notes)
    } else if spec.success == .branchesOnly, edges.allSatisfy({ $0.source == .onError }) {
      bag.report(
        .deadEnd, "\(what) has no branches: whatever happens, the contact falls off the flow", at: id.span,
        label: "add its branches: `\(flow.syntax.notation.branches(FlowChecker.branchNames(spec, arguments).prefix(2).map { ($0, "<block id>") }))`")
      return
    }
    let possible = FlowChecker.branchNames(spec, arguments)
    func connected(_ name: String) -> Bool {
      edges.contains { ($0.source == .branch || $0.source == .onError) && $0.label == name }
    }
    var missing: [String]
    if possible.count * edges.count <= 256 {
      guard !possible.allSatisfy(connected) else { return }
      missing = possible.filter { !connected($0) }
    } else {
      let labels = Set(edges.lazy.filter { $0.source == .branch || $0.source == .onError }.map(\.label))
      missing = possible.filter { !labels.contains($0) }
    }
    // Amazon Connect publishes flows whose error, timeout and capacity branches go nowhere
    // (the contact is then disconnected, as Connect documents), and its actions lack some of
    // the branches their Callflow blocks have: on a flow from Connect only an unconnected
    // `no-match` (Connect's "No match", which its designer always shows) is reported.
    if flow.syntax.isFromConnect { missing.removeAll { $0 != Branch.noMatch.rawValue } }
    guard !missing.isEmpty else { return }
    // Branches a rule of their own watches are reported by it.
    for branchRule in spec.branchRules {
      let watched = branchRule.branches.map(\.rawValue)
      let unconnected = missing.filter(watched.contains)
      guard !unconnected.isEmpty else { continue }
      let rule = branchRule.rule
      missing.removeAll(where: watched.contains)
      let subject = unconnected.count == 1 ? "branch \(Suggestions.list(unconnected)) of \(what) goes" : "branches \(Suggestions.list(unconnected)) of \(what) go"
      bag.report(
        rule, "\(subject) nowhere: \(branchRule.consequence)", at: id.span, notes: [Note(branchRule.reason)])
    }
    guard !missing.isEmpty else { return }
    let subject = missing.count == 1 ? "branch \(Suggestions.list(missing)) of \(what) goes" : "branches \(Suggestions.list(missing)) of \(what) go"
    var notes = [Note("a contact that takes a branch going nowhere is disconnected")]
    if missing.contains("error"), flow.syntax.onError == nil {
      notes.append(Note("`\(flow.syntax.notation.onError("<block id>"))` at the top of the flow connects every `error` branch at once"))
    }
    bag.report(.unconnectedBranch, "\(subject) nowhere", at: id.span, notes: notes)
  }

  // MARK: unreachable-block

  private mutating func reachability() {
    guard flow.start != nil else { return }
    // A branch to a block that does not exist (`undefined-target`) was meant to lead somewhere:
    // the blocks behind it would only be reported for that one mistake.
    guard !flow.blocks.contains(where: { $0.edges.contains { $0.targetIndex == nil } }) else { return }
    for (i, block) in flow.blocks.enumerated() where !graph.isReachable(i) {
      bag.report(
        .unreachableBlock, "block `\(block.id.value)` is never reached", at: block.id.span,
        notes: [Note("no path from `start` leads here; connect it from a branch or remove it")])
    }
  }

  // MARK: loop-without-wait

  /// Finds the strongly connected components of the graph without the blocks that pause a
  /// cycle (iterative Tarjan), and reports each that still holds a cycle.
  private mutating func cycles() {
    let n = flow.blocks.count
    // In a flow from Amazon Connect a prompt plays for as long as its audio lasts: the loops of
    // queue and hold flows that replay a prompt are not spinning.
    let fromConnect = flow.syntax.isFromConnect
    let pauses = flow.blocks.map { $0.kind.map { $0.pausesCycles || (fromConnect && $0 == .playPrompt) } ?? true }
    // The graph without the pausing blocks, in compressed rows.
    var firstSuccessor = [Int](repeating: 0, count: n + 1)
    var successorList: [Int] = []
    successorList.reserveCapacity(graph.targets.count)
    for i in 0..<n {
      firstSuccessor[i] = successorList.count
      guard !pauses[i] else { continue }
      for e in graph.edges(of: i) {
        let t = Int(graph.targets[e])
        if t >= 0 && !pauses[t] { successorList.append(t) }
      }
    }
    firstSuccessor[n] = successorList.count
    let successors = Successors(first: firstSuccessor, list: successorList)
    let components = CallflowChecker.cycles(
      count: n, root: { !pauses[$0] }, degree: { successors[$0].count },
      successor: { v, i in successors.list[successors.first[v] + i] })
    for component in components { reportCycle(component, successors) }
  }

  private mutating func reportCycle(_ component: [Int], _ successors: Successors) {
    guard let head = component.first else { return }
    let members = Set(component)
    // The shortest way round from `head` back to itself, for the notes.
    var previous: [Int: Int] = [:]
    var queue = [head]
    var cursor = 0
    var closing: Int?
    search: while cursor < queue.count {
      let v = queue[cursor]
      cursor += 1
      for w in successors[v] where members.contains(w) {
        if w == head { closing = v; break search }
        if previous[w] == nil { previous[w] = v; queue.append(w) }
      }
    }
    var path: [Int] = []
    var v = closing
    while let node = v, node != head { path.append(node); v = previous[node] }
    path = [head] + path.reversed()
    var notes: [Note] = []
    for (k, from) in path.enumerated() {
      let to = k + 1 < path.count ? path[k + 1] : head
      guard let edge = flow.blocks[from].edges.first(where: { $0.targetIndex == to }) else { continue }
      let verb = to == head ? "back to" : "to"
      notes.append(Note("`\(flow.blocks[from].id.value)` goes \(verb) `\(flow.blocks[to].id.value)` on `\(edge.label)`", at: edge.target.span))
    }
    if let (from, _) = zip(path, path.dropFirst() + [head]).first(where: { from, to in
      flow.blocks[from].edges.first { $0.targetIndex == to }?.source == .onError
    }) {
      notes.append(
        Note("the flow's `on-error` sends the `error` of `\(flow.blocks[from].id.value)` into the cycle; give that block an `error` branch of its own"))
    } else {
      notes.append(Note("put a `wait` in the cycle, or bound it with a `loop` block"))
    }
    let names = path.map { flow.blocks[$0].id.value }
    let subject = names.count == 1 ? "block `\(names[0])` goes back to itself" : "blocks \(Suggestions.list(names)) form a cycle"
    bag.report(
      .loopWithoutWait, "\(subject) with no `wait`, input or bounded `loop`: it can spin forever",
      at: flow.blocks[head].id.span, notes: notes)
  }
}

/// Each block's successors in the graph the cycle search walks, in compressed rows.
private struct Successors {
  let first: [Int]
  let list: [Int]

  subscript(v: Int) -> ArraySlice<Int> { list[first[v]..<first[v + 1]] }
}
