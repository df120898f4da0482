import CallflowDiagnostics
import CallflowSyntax

/// A checked flow with what the flow-graph rules share: its graph, each block's catalog row,
/// the project, and helpers to read blocks and describe paths.
struct FlowContext {
  let flow: CheckedFlow
  let specs: [BlockSpec?]
  let graph: FlowGraph
  let index: ProjectIndex

  /// The callback settings of each `transfer-to-queue` that queues a callback, by block.
  let callbacks: [Int: CallbackSettings]

  init(flow: CheckedFlow, specs: [BlockSpec?], index: ProjectIndex) {
    self.flow = flow
    self.specs = specs
    self.index = index
    graph = FlowGraph(flow)
    var callbacks: [Int: CallbackSettings] = [:]
    for b in flow.blocks.indices where graph.kinds[b] == .transferToQueue {
      guard let argument = flow.blocks[b].argument("callback"), case .record(let fields) = argument.value.value else { continue }
      callbacks[b] = CallbackSettings(fields, span: argument.value.span, name: argument.name.span)
    }
    self.callbacks = callbacks
  }

  func kind(_ b: Int) -> BlockKind? { graph.kinds[b] }

  func edge(_ b: Int, _ e: Int) -> Edge { flow.blocks[b].edges[e] }

  /// Whether edge `e` of block `b` is its success edge, `next`.
  func isNext(_ b: Int, _ e: Int) -> Bool { graph.isNext[graph.firstEdge[b] + e] }

  /// The most findings of one rule per flow whose notes show a path: each costs a search of
  /// the graph, and a flow with thousands of findings must still be checked in linear time.
  static let pathNotes = 32

  /// "`check-call-progress` block `detect`".
  func name(_ b: Int) -> String {
    let block = flow.blocks[b]
    return block.kind.map { "`\($0.rawValue)` block `\(block.id.value)`" } ?? "block `\(block.id.value)`"
  }

  /// For each block, whether it is of one of `kinds` (the blocks a transfer function acts on).
  func blocks(of kinds: [BlockKind]) -> [Bool] {
    graph.kinds.map { kind in kind.map { k in kinds.contains { $0 == k } } ?? false }
  }

  /// The reachable blocks of `kind`, in source order.
  func reachable(_ kind: BlockKind) -> [Int] {
    graph.kinds.indices.filter { graph.kinds[$0] == kind && graph.isReachable($0) }
  }

  /// Whether the flow stops at block `b` when it succeeds: a terminal, or a hand-off to a
  /// queue or another flow.
  func ends(_ b: Int) -> Bool {
    guard let spec = specs[b] else { return false }
    switch spec.success {
    case .terminal: return true
    case .open: return flow.blocks[b].edges.isEmpty
    case .next, .branchesOnly: return false
    case .handsOff: return !takesNext(spec, flow.syntax.blocks[b])
    }
  }

  /// A path as the blocks it passes, with the branch taken where it is not `next`:
  /// "`offer` (`1`) → `set-number`". Long paths keep their ends.
  func describe(_ path: [(block: Int, edge: Int)], to goal: Int) -> String {
    var steps = path.map { step -> String in
      let id = "`\(flow.blocks[step.block].id.value)`"
      let edge = self.edge(step.block, step.edge)
      return edge.source == .next ? id : "\(id) (`\(edge.label)`)"
    }
    steps.append("`\(flow.blocks[goal].id.value)`")
    if steps.count > 8 { steps = Array(steps.prefix(3)) + ["…"] + Array(steps.suffix(4)) }
    return steps.joined(separator: " → ")
  }

  /// The callback settings of block `b`, when it is a `transfer-to-queue` that queues a callback.
  func callback(_ b: Int) -> CallbackSettings? { callbacks[b] }

  /// The attribute references block `b` reads, with where.
  func attributeReads(_ b: Int) -> [Located<AttributePath>] {
    var reads: [Located<AttributePath>] = []
    func visit(_ value: Located<TypedValue>) {
      switch value.value {
      case .attribute(let path): reads.append(Located(path, at: value.span))
      case .list(let items): items.forEach(visit)
      case .record(let fields): fields.forEach { visit($0.value) }
      case .conditions(let conditions): conditions.forEach { if let operand = $0.operand { visit(operand) } }
      default: break
      }
    }
    flow.blocks[b].arguments.forEach { visit($0.value) }
    return reads
  }

  /// Whether block `b` is given `parameter` in its source, typed or not (a value left with an
  /// unresolved `${NAME}` is given, just unknown). `inside` looks in a nested mapping.
  func gives(_ b: Int, _ parameter: ParameterKey, inside: ParameterKey? = nil) -> Bool {
    let syntax = flow.syntax.blocks[b]
    var body = syntax.body
    if let inside {
      guard case .record(let fields) = body.kind, let nested = fields.first(where: { $0.name.value == inside.name }) else { return false }
      body = nested.value
    } else if case .scalar = body.kind {
      return specs[b]?.mainParameter == parameter
    }
    guard case .record(let fields) = body.kind else { return false }
    return fields.contains { $0.name.value == parameter.name }
  }

  /// The queue named by `parameter` of block `b`.
  func queue(_ b: Int, _ parameter: ParameterKey = .queue) -> Located<String>? {
    guard case .reference(.queue, let name)? = flow.blocks[b].argument(parameter)?.value.value else { return nil }
    return flow.blocks[b].argument(parameter).map { Located(name, at: $0.value.span) }
  }
}

/// The settings of a callback queued by `transfer-to-queue`, as written.
struct CallbackSettings {
  var initialDelay: Located<Int>?
  var maxRetries: Located<Int>?
  var retryInterval: Located<Int>?
  var expiry: Located<Int>?
  var workingQueue: Located<String>?
  var creationFlow: Located<String>?
  var outboundFlow: Located<String>?
  var dialMode: Located<String>?
  /// The names of the settings as written, with where.
  var names: [Located<String>] = []
  /// The `callback` mapping, and its key.
  var span: SourceSpan
  var name: SourceSpan

  /// Where the setting `name` is written.
  func nameSpan(_ name: String) -> SourceSpan? { names.first { $0.value == name }?.span }

  /// Whether the customer is dialled first.
  var customerFirst: Bool { dialMode?.value == "customer-first" }

  init(_ fields: [Argument], span: SourceSpan, name: SourceSpan) {
    self.span = span
    self.name = name
    for field in fields {
      names.append(field.name)
      let at = field.value.span
      switch (field.name.value, field.value.value) {
      case ("initial-delay", .duration(let s)): initialDelay = Located(s, at: at)
      case ("max-retries", .integer(let n)): maxRetries = Located(n, at: at)
      case ("retry-interval", .duration(let s)): retryInterval = Located(s, at: at)
      case ("expiry", .duration(let s)): expiry = Located(s, at: at)
      case ("working-queue", .reference(_, let q)): workingQueue = Located(q, at: at)
      case ("creation-flow", .reference(_, let f)): creationFlow = Located(f, at: at)
      case ("outbound-flow", .reference(_, let f)): outboundFlow = Located(f, at: at)
      case ("dial-mode", .word(let w)): dialMode = Located(w, at: at)
      default: break
      }
    }
  }
}
