import CallflowChecker
import CallflowSyntax

/// What a block's node says: its id, its kind, and its main setting; a transfer that queues
/// a callback summarizes the callback's settings.
enum BlockLabel {
  /// The category a block is drawn as: a transfer that queues a callback is a callback block.
  static func category(_ block: CheckedBlock) -> BlockCategory {
    guard let kind = block.kind else { return .data }
    if kind == .transferToQueue, block.argument(.callback) != nil { return .callback }
    return kind.spec.category
  }

  static func text(_ block: CheckedBlock) -> String {
    guard let kind = block.kind else { return block.id.value + "\n(unknown kind)" }
    // A block named for its kind (`check-hours: check-hours`) says it once.
    var lines = block.id.value == kind.rawValue ? [block.id.value] : [block.id.value, kind.rawValue]
    if kind == .transferToQueue, let callback = block.argument(.callback), case .record(let settings) = callback.value.value {
      lines += callbackSummary(queue: block.argument(.queue), settings)
    } else if let detail = detail(block, kind) {
      lines.append(detail)
    }
    return lines.joined(separator: "\n")
  }

  /// The main parameter's value, or the first argument's.
  static func detail(_ block: CheckedBlock, _ kind: BlockKind) -> String? {
    let spec = kind.spec
    let argument = spec.mainParameter.flatMap { block.argument($0) } ?? block.arguments.first
    guard let argument else { return nil }
    let value = text(argument.value.value)
    return argument.name.value == spec.mainParameter?.name ? DOT.short(value) : DOT.short("\(argument.name.value): \(value)")
  }

  /// The callback of a transfer in two lines: where it waits, then delay, retries, interval,
  /// dial mode (and the flows it runs, which the diagram draws as edges).
  static func callbackSummary(queue: Argument?, _ settings: [Argument]) -> [String] {
    func setting(_ key: ParameterKey) -> TypedValue? { settings.first { $0.name.value == key.name }?.value.value }
    let target = (setting(.workingQueue) ?? queue?.value.value).map(text) ?? "the working queue"
    var parts: [String] = []
    if let delay = setting(.initialDelay) { parts.append("delay \(text(delay))") }
    let customerFirst = setting(.dialMode).map(text) == "customer-first"
    if let retries = setting(.maxRetries) {
      parts.append("retries \(text(retries))" + (setting(.retryInterval).map { " every \(text($0))" } ?? ""))
    } else if let interval = setting(.retryInterval) {
      parts.append("retry every \(text(interval))")
    }
    parts.append(customerFirst ? "customer first" : "agent first")
    if let expiry = setting(.expiry) { parts.append("expires \(text(expiry))") }
    return ["callback → \(target)", parts.joined(separator: " · ")]
  }

  /// A typed value as the diagram shows it.
  static func text(_ value: TypedValue) -> String {
    switch value {
    case .text(let s): "\"\(s)\""
    case .integer(let n): String(n)
    case .duration(let s): DurationSyntax.format(s)
    case .phoneNumber(let n): n
    case .attribute(let path): path.description
    case .word(let w): w
    case .reference(_, let name): name
    case .list(let items): items.map { text($0.value) }.joined(separator: ", ")
    case .record(let fields): fields.map { "\($0.name.value): \(text($0.value.value))" }.joined(separator: ", ")
    case .conditions(let conditions):
      conditions.compactMap { c in c.op.map { op in "\(op.value.rawValue) \(c.operand.map { text($0.value) } ?? "…")" } }.joined(separator: "; ")
    }
  }
}
