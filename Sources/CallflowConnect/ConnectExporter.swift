import CallflowDiagnostics
import CallflowRules
import CallflowSyntax

/// Writes a flow as Amazon Connect flow language: every block an action (through its kind's
/// ``ConnectForm``, or as kept for a `connect-action`), the original identifiers and
/// designer positions where the flow came from Connect, a readable layout where it did not.
public enum ConnectExporter {
  /// The flow language of `flow`; `resource` gives the Connect value (an ARN, a JSONPath or a
  /// `${…}` placeholder) of each resource name. Fails with the blocks that cannot be written.
  public static func export(_ flow: FlowSyntax, resource: (ResourceKind, String) -> String) -> Result<ConnectJSON, ExportFailure> {
    let connect = flow.connect
    if connect.flatMap({ field($0, "legacy") })?.scalarText == "true" {
      return .failure(ExportFailure(diagnostics: [
        Diagnostic(
          .connectSyntax, "flow `\(flow.name?.value ?? "?")` was read from a legacy export, which Callflow does not write back",
          at: flow.name?.span ?? flow.span,
          notes: [Note("open it in the Amazon Connect designer and save it, then export it again in flow language")])
      ]))
    }
    var identifiers: [String: String] = [:]
    if case .record(let fields)? = connect.flatMap({ field($0, "identifiers") })?.kind {
      for f in fields { if let text = f.value.scalarText { identifiers[f.name.value] = text } }
    }
    let identifier = { (id: String) in identifiers[id] ?? id }
    var problems: [Diagnostic] = []
    var actions: [ConnectJSON] = []
    // A transfer to a named queue is two actions in Connect: the queue is set, then the
    // contact transferred. The second's identifier is recorded, so that import joins them.
    var expanded: [String: String] = [:]
    let used = Set(flow.blocks.map { identifier($0.id.value) })
    var blocks: [BlockSyntax] = []
    for block in flow.blocks {
      guard block.kind.value == BlockKind.transferToQueue.rawValue, case .record(let fields) = block.body.kind,
        fields.count == 1, let queue = fields.first, queue.name.value == ParameterKey.queue.name
      else {
        if block.kind.value == BlockKind.transferToQueue.rawValue, case .scalar = block.body.kind {
          // `transfer-to-queue: Support` is the same transfer.
          var normalized = block
          normalized.body = SyntaxValue(.record([SyntaxField(name: Located(ParameterKey.queue.name, at: block.body.span), value: block.body)]), at: block.body.span)
          blocks += split(normalized, used: used, into: &expanded, identifier: identifier)
          continue
        }
        blocks.append(block)
        continue
      }
      blocks += split(block, used: used, into: &expanded, identifier: identifier)
    }
    let flowType = flow.type.flatMap { FlowType(rawValue: $0.value) }
    for var block in blocks {
      // Connect has no flow-wide error branch: `on-error` is written into each block that
      // can fail and does not say where its errors go.
      if let onError = flow.onError, let kind = BlockKind.named(block.kind.value), kind.spec.hasErrorBranch,
        !block.branches.contains(where: { $0.name.value == Branch.error.rawValue })
      {
        block.branches.append(BranchSyntax(name: Located(Branch.error.rawValue, at: onError.span), target: onError))
      }
      switch ActionCodec.action(block, identifier: identifier, resource: resource) {
      case .success(let action):
        actions.append(action)
        if let type = flowType, case .object(let members) = action, case .string(let actionType)? = members.first(where: { $0.0 == "Type" })?.1,
          let problem = ConnectPlacement.problem(type: actionType, hook: ConnectPlacement.hook(members.first { $0.0 == "Parameters" }?.1), in: type)
        {
          problems.append(Diagnostic(.blockNotAllowed, "block `\(block.id.value)`: \(problem.message)", at: block.kind.span, notes: [Note(problem.note)]))
        }
      case .failure(let problem):
        problems.append(
          Diagnostic(
            .connectSyntax, "block `\(block.id.value)` cannot be written as an Amazon Connect action: \(problem.message)", at: problem.span,
            notes: problem.notes))
      }
      if let problem = ConnectLowering.identifierProblem(identifier(block.id.value)) {
        problems.append(Diagnostic(.connectLimits, "the identifier of block `\(block.id.value)` \(problem)", at: block.id.span))
      }
    }
    if blocks.count > ConnectLowering.maxActions {
      problems.append(
        Diagnostic(
          .connectLimits, "flow `\(flow.name?.value ?? "?")` is \(blocks.count) actions in Amazon Connect, which allows \(ConnectLowering.maxActions)",
          at: flow.name?.span ?? flow.span, notes: [Note("move a part of it into a flow module (`invoke-module`) or another flow")]))
    }
    guard problems.isEmpty else { return .failure(ExportFailure(diagnostics: problems)) }

    // Positions: kept from Connect, else laid out.
    var laidOut = flow
    laidOut.blocks = blocks
    let layout = ConnectLayout.positions(laidOut)
    var kept: [String: SyntaxValue] = [:]
    if case .record(let fields)? = connect.flatMap({ field($0, "positions") })?.kind {
      for f in fields { kept[f.name.value] = f.value }
    }
    var actionMetadata: [(String, ConnectJSON)] = []
    for (b, block) in blocks.enumerated() {
      let position: ConnectJSON
      if let value = kept[block.id.value] {
        position = ActionCodec.json(value)
      } else {
        let (x, y) = layout[b]
        position = .object([("x", .number(String(x))), ("y", .number(String(y)))])
      }
      actionMetadata.append((identifier(block.id.value), .object([("position", position)])))
    }
    let type = flowType
    var metadata: [(String, ConnectJSON)] = [("entryPointPosition", connect.flatMap { field($0, "entry") }.map(ActionCodec.json) ?? defaultEntry)]
    var callflow: [(String, ConnectJSON)] = []
    if let onError = flow.onError { callflow.append(("onError", .string(identifier(onError.value)))) }
    if !expanded.isEmpty {
      callflow.append(("queueTransfers", .object(expanded.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
    }
    if !callflow.isEmpty { metadata.append(("callflow", .object(callflow))) }
    metadata.append(("ActionMetadata", .object(actionMetadata)))
    if let name = connect.flatMap({ field($0, "name") })?.scalarText ?? flow.name?.value { metadata.append(("name", .string(name))) }
    if let description = flow.description?.value { metadata.append(("description", .string(description))) }
    if let type, let names = ConnectFlowType.connect(type) { metadata.append(("type", .string(names.metadata))) }
    var root: [(String, ConnectJSON)] = [("Version", .string(ConnectLowering.version))]
    if let start = flow.start { root.append(("StartAction", .string(identifier(start.value)))) }
    root.append(("Metadata", .object(metadata)))
    root.append(("Actions", .array(actions)))
    if let settings = connect.flatMap({ field($0, "settings") }) { root.append(("Settings", ActionCodec.json(settings))) }
    let length = ConnectJSON.object(root).compact().unicodeScalars.count
    if length > ConnectLowering.maxContentLength {
      return .failure(
        ExportFailure(diagnostics: [
          Diagnostic(
            .connectLimits,
            "flow `\(flow.name?.value ?? "?")` is \(length) characters of flow language; Amazon Connect allows \(ConnectLowering.maxContentLength)",
            at: flow.name?.span ?? flow.span)
        ]))
    }
    return .success(.object(root))
  }

  /// A `transfer-to-queue` with a `queue` as the two blocks Connect has for it: a
  /// `set-working-queue` (the block's id) going on to a `transfer-to-queue` of the working
  /// queue (`<id>-transfer`), each with the branches that are its own.
  static func split(_ block: BlockSyntax, used: Set<String>, into expanded: inout [String: String], identifier: (String) -> String)
    -> [BlockSyntax]
  {
    var second = block.id.value + "-transfer"
    var n = 2
    while used.contains(identifier(second)) {
      second = block.id.value + "-transfer-\(n)"
      n += 1
    }
    expanded[identifier(block.id.value)] = second
    let error = block.branches.filter { $0.name.value == Branch.error.rawValue }
    let set = BlockSyntax(
      id: block.id, kind: Located(BlockKind.setWorkingQueue.rawValue, at: block.kind.span), body: block.body,
      next: Located(second, at: block.id.span), branches: error, span: block.span)
    let transfer = BlockSyntax(
      id: Located(second, at: block.id.span), kind: block.kind, body: SyntaxValue(.record([]), at: block.body.span), next: nil,
      branches: block.branches, span: block.span)
    return [set, transfer]
  }

  /// Where the designer's entry point is drawn when the flow never was in Connect.
  public static let defaultEntry = ConnectJSON.object([("x", .number("40")), ("y", .number("40"))])

  /// Field `name` of a record value.
  static func field(_ value: SyntaxValue, _ name: String) -> SyntaxValue? {
    guard case .record(let fields) = value.kind else { return nil }
    return fields.first { $0.name.value == name }?.value
  }
}

/// Why a flow cannot be written as flow language: the blocks that cannot, located.
public struct ExportFailure: Error, Sendable {
  public var diagnostics: [Diagnostic]
}

/// Where blocks go in the Connect designer when the flow never was there: columns by the
/// number of steps from `start`, rows in the order they are reached.
public enum ConnectLayout {
  static let left = 40
  static let top = 40
  static let columnWidth = 300
  static let rowHeight = 220

  /// Each block's position, in the order of the flow's blocks.
  public static func positions(_ flow: FlowSyntax) -> [(x: Int, y: Int)] {
    var index = ByteKeyedTable<Int>(capacity: flow.blocks.count)
    for (i, block) in flow.blocks.enumerated() { index.add(block.id.value, i) }
    var column = Array(repeating: -1, count: flow.blocks.count)
    var order: [Int] = []
    order.reserveCapacity(flow.blocks.count)
    if let start = flow.start.flatMap({ index[$0.value] }) {
      column[start] = 0
      var queue = [start]
      var head = 0
      while head < queue.count {
        let b = queue[head]
        head += 1
        order.append(b)
        forEachTarget(of: flow.blocks[b]) { target in
          guard let t = index[target], column[t] < 0 else { return }
          column[t] = column[b] + 1
          queue.append(t)
        }
      }
    }
    let last = (column.max() ?? -1) + 1
    for i in flow.blocks.indices where column[i] < 0 {
      column[i] = last
      order.append(i)
    }
    var rows = Array(repeating: 0, count: last + 1)
    var result = Array(repeating: (x: 0, y: 0), count: flow.blocks.count)
    for b in order {
      let row = rows[column[b]]
      rows[column[b]] = row + 1
      result[b] = (left + columnWidth * column[b], top + rowHeight * row)
    }
    return result
  }

  /// Calls `body` with each block a block goes to: its `next`, its branches' targets, its
  /// conditions' `goto`s.
  static func forEachTarget(of block: BlockSyntax, _ body: (String) -> Void) {
    if let next = block.next { body(next.value) }
    for branch in block.branches { body(branch.target.value) }
    guard case .record(let fields) = block.body.kind,
      case .list(let items)? = fields.first(where: { $0.name.value == "conditions" })?.value.kind
    else { return }
    for item in items {
      if case .record(let parts) = item.kind, let goto = parts.first(where: { $0.name.value == "goto" })?.value.scalarText { body(goto) }
    }
  }
}
