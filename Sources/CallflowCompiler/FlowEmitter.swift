import CallflowBytecode
import CallflowChecker
import CallflowDiagnostics
import CallflowSyntax

/// Emits one flow's code: the start block first, then the other blocks `start` reaches in
/// source order, then the shared terminals (`trap` for branches that go nowhere, `hand-off`
/// for blocks that hand the contact over). Targets are written as 4-byte padded LEB128, so
/// that they can be filled in once every block's offset is known.
struct FlowEmitter {
  let flow: CheckedFlow
  var pool: ConstantPool
  private var out = ByteWriter()
  private var code: [UInt8] { out.bytes }
  private var lines: [Module.Line] = []
  /// Where each block starts.
  private var offsets: [Int: Int] = [:]
  /// Targets to fill in: (where the 4 bytes are, the label they go to).
  private var fixups: [(at: Int, label: Label)] = []
  private var loopSlots: [Int: Int] = [:]

  enum Label: Hashable {
    case block(Int)
    case trap
    case handOff
  }

  /// An operand as the emitter knows it: targets are labels until the layout is done.
  enum Operand {
    case constant(Constant)
    case slot(Int)
    case blockKind(BlockKind)
    case arguments([(name: String, value: Constant)])
    case target(Label)
    case table([(code: Int, label: Label)])
    case conditionOperator(ConditionOperator)
  }

  /// Appends an instruction, its operands written as its row of the opcode table says.
  private mutating func emit(_ opcode: Opcode, _ operands: [Operand]) {
    assert(operands.count == opcode.spec.operands.count, "\(opcode.spec.name) takes \(opcode.spec.operands.count) operands")
    out.bytes.append(opcode.rawValue)
    for (kind, operand) in zip(opcode.spec.operands, operands) {
      switch (kind, operand) {
      case (.constant, .constant(let c)): uleb(pool.index(of: c))
      case (.slot, .slot(let s)): uleb(s)
      case (.blockKind, .blockKind(let k)): uleb(k.code)
      case (.arguments, .arguments(let list)):
        uleb(list.count)
        for argument in list {
          uleb(pool.index(of: .text(.name, argument.name)))
          uleb(pool.index(of: argument.value))
        }
      case (.target, .target(let label)): target(label)
      case (.table, .table(let entries)):
        uleb(entries.count)
        for entry in entries {
          uleb(entry.code)
          target(entry.label)
        }
      case (.conditionOperator, .conditionOperator(let op)): uleb(op.code)
      default:
        assertionFailure("operand \(operand) does not fit \(kind.syntax) of \(opcode.spec.name)")
      }
    }
  }

  init(flow: CheckedFlow, pool: ConstantPool) {
    self.flow = flow
    self.pool = pool
  }

  mutating func emit(from start: Int) -> ([UInt8], [Module.Line]) {
    var order = [start]
    var seen: Set<Int> = [start]
    var work = [start]
    while let b = work.popLast() {
      for edge in flow.blocks[b].edges {
        guard let t = edge.targetIndex, seen.insert(t).inserted else { continue }
        work.append(t)
      }
    }
    order += flow.blocks.indices.filter { $0 != start && seen.contains($0) }
    for b in order {
      offsets[b] = code.count
      let id = pool.index(of: .text(.name, flow.blocks[b].id.value))
      lines.append(Module.Line(offset: code.count, block: id, line: Int(flow.blocks[b].span.start.line)))
      block(b)
    }
    let trap = code.count
    emit(.trap, [])
    let handOff = code.count
    emit(.handOff, [])
    for fixup in fixups {
      let target: Int
      switch fixup.label {
      case .block(let b): target = offsets[b] ?? trap
      case .trap: target = trap
      case .handOff: target = handOff
      }
      out.patch(target, at: fixup.at)
    }
    return (code, lines)
  }

  // MARK: Blocks

  private mutating func block(_ b: Int) {
    let block = flow.blocks[b]
    guard let kind = block.kind else {
      emit(.trap, [])
      return
    }
    let spec = kind.spec
    switch spec.execution {
    case .host: call(b, kind, spec)
    case .vm(.disconnect): emit(.disconnect, [])
    case .vm(.endFlow): emit(.endFlow, [])
    case .vm(.setAttributes):
      for argument in block.arguments {
        emit(.setAttribute, [.constant(.text(.name, argument.name.value)), .constant(constant(argument.value.value))])
      }
      emit(.jump, [.target(label(b, .next))])
    case .vm(.compareConditions):
      let attribute = block.argument(.attribute).map { constant($0.value.value) } ?? .text(.attribute, "")
      // The checker made one `condition` edge per condition, in order, from the same typed list:
      // each condition goes to its own target.
      let targets = block.edges.lazy.filter { $0.source == .condition }.map(\.targetIndex)
      for (condition, target) in zip(block.conditions, targets) {
        guard let op = condition.op, let operand = condition.operand else { continue }
        emit(
          .compare,
          [.constant(attribute), .conditionOperator(op.value), .constant(constant(operand.value)), .target(target.map(Label.block) ?? .trap)])
      }
      emit(.jump, [.target(label(b, .branch(.noMatch)))])
    case .vm(.countLoop):
      let slot = loopSlots[b] ?? loopSlots.count
      loopSlots[b] = slot
      let count = block.argument(.count).map { constant($0.value.value) } ?? .integer(1)
      emit(.loop, [.slot(slot), .constant(count), .target(label(b, .branch(.looping)))])
      emit(.jump, [.target(label(b, .next))])
    }
  }

  /// A host call: the block's arguments, then a target per outcome, each with its code.
  private mutating func call(_ b: Int, _ kind: BlockKind, _ spec: BlockSpec) {
    let block = flow.blocks[b]
    var arguments: [(name: String, value: Constant)] = []
    var options: [String] = []
    for argument in block.arguments {
      if case .record(let fields) = argument.value.value {
        for field in fields { arguments.append(("\(argument.name.value).\(field.name.value)", constant(field.value.value))) }
      } else {
        arguments.append((argument.name.value, constant(argument.value.value)))
        if argument.name.value == spec.branchPerValueOf?.name, case .list(let items) = argument.value.value {
          options = items.compactMap { if case .text(let t) = $0.value { t } else { nil } }
        }
      }
    }
    let handsOff: Bool
    switch spec.success {
    case .handsOff(let unless): handsOff = unless.map { block.argument($0) == nil } ?? true
    case .next, .branchesOnly, .terminal, .open: handsOff = false
    }
    let table = spec.outcomes(options: options).map { outcome in
      (code: outcome.code(options: options) ?? 0, label: outcome == .next && handsOff ? Label.handOff : label(b, outcome))
    }.map { entry in
      // A block with open ways on (`connect-action`) goes on at its first: `next`, else its
      // first condition, else its first branch.
      let edges = block.edges
      guard spec.success == .open, entry.code == 0,
        let first = (edges.first { $0.source == .next } ?? edges.first { $0.source == .condition } ?? edges.first)?.targetIndex
      else { return entry }
      return (code: entry.code, label: Label.block(first))
    }
    emit(.call, [.blockKind(kind), .arguments(arguments), .table(table)])
  }

  // MARK: Pieces

  /// Where outcome `outcome` of block `b` goes (`trap` when it goes nowhere).
  private func label(_ b: Int, _ outcome: Outcome) -> Label {
    let edges = flow.blocks[b].edges
    let name = outcome.description
    let edge = outcome == .next ? edges.first { $0.source == .next } : edges.first { $0.source != .next && $0.source != .condition && $0.label == name }
    return edge?.targetIndex.map(Label.block) ?? .trap
  }

  private mutating func target(_ label: Label) {
    fixups.append((out.placeholder(), label))
  }

  private mutating func uleb(_ value: Int) { out.uleb(value) }

  /// The constant that holds a typed value.
  private mutating func constant(_ value: TypedValue) -> Constant {
    switch value {
    case .text(let t): .text(.text, t)
    case .integer(let n): .integer(n)
    case .duration(let s): .duration(s)
    case .phoneNumber(let p): .text(.phone, p)
    case .attribute(let path): .text(.attribute, path.description)
    case .word(let w): .text(.word, w)
    case .reference(let kind, let name):
      switch kind {
      case .queue: .text(.queue, name)
      case .flow: .text(.flow, name)
      case .prompt: .text(.prompt, name)
      case .hours: .text(.hours, name)
      case .routingProfile: .text(.name, name)
      }
    case .list(let items): .list(items.map { pool.index(of: constant($0.value)) })
    case .record, .conditions: .list([])
    }
  }
}
