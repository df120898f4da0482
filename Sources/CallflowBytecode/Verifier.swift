import CallflowSyntax

/// Verifies one flow's code against the module: see ``ModuleReader``.
struct Verifier {
  let module: Module
  let flow: Module.Flow
  /// Where the code section starts in the file, for error offsets.
  let base: Int
  /// The names each kind of reference may take: the module's flows, and the resources'
  /// queues, prompts and hours (when the module carries a center).
  let names: References

  func run() throws(ModuleError) {
    var instructions: [Instruction] = []
    var starts: Set<Int> = []
    var offset = 0
    while offset < flow.code.count {
      let instruction: Instruction
      do { instruction = try Instruction.decode(module.code, flow: flow.code, at: offset) } catch {
        // Decoding counts in the code section; errors count in the file.
        let name = module.text(flow.name) ?? "?"
        switch error {
        case .truncated(let at): throw ModuleError.malformed(at: base + at, "an instruction of flow `\(name)` runs past the flow's end")
        case .malformed(let at, let what): throw ModuleError.malformed(at: base + at, "in flow `\(name)`: \(what)")
        }
      }
      instructions.append(instruction)
      starts.insert(offset)
      offset += instruction.length
    }
    for instruction in instructions {
      try operands(instruction)
      for target in instruction.targets where !starts.contains(target) {
        throw error(instruction, "goes to offset \(target), which is not an instruction of this flow")
      }
      let next = instruction.offset + instruction.length
      switch instruction.opcode.spec.control {
      case .fallsThrough, .branches:
        guard next < flow.code.count else { throw error(instruction, "runs off the end of the flow: every path must end in a terminal") }
      case .jumps, .table, .ends:
        break
      }
    }
    for line in flow.lines where !starts.contains(line.offset) {
      throw ModuleError.malformed(at: base + flow.code.lowerBound + line.offset, "a line table entry that is not on an instruction")
    }
  }

  private func operands(_ instruction: Instruction) throws(ModuleError) {
    for (kind, operand) in zip(instruction.opcode.spec.operands, instruction.operands) {
      if case .constant(let allowed) = kind, case .constant(let index) = operand {
        try constant(index, allowed, instruction)
      }
    }
    guard instruction.opcode == .call, instruction.operands.count == 3, case .blockKind(let kind) = instruction.operands[0],
      case .arguments(let arguments) = instruction.operands[1], case .table(let table) = instruction.operands[2]
    else { return }
    let spec = kind.spec
    var options: [String] = []
    for argument in arguments {
      try constant(argument.name, [.name], instruction)
      guard let name = module.text(argument.name), let type = Self.parameterType(spec, name) else {
        throw error(instruction, "`\(kind.rawValue)` takes no parameter `\(module.text(argument.name) ?? "?")`")
      }
      let allowed = ConstantKind.allowed(for: type)
      guard !allowed.isEmpty else { throw error(instruction, "gives `\(name)` of `\(kind.rawValue)` a value, but it is a mapping") }
      try constant(argument.value, allowed, instruction)
      try names.check(argument.value, in: module) { what throws(ModuleError) in throw error(instruction, what) }
      if name == spec.branchPerValueOf?.name, case .list(let items) = module.constants[argument.value] {
        options = items.map { module.text($0) ?? "" }
      }
    }
    guard case .host = spec.execution else { throw error(instruction, "calls the host for `\(kind.rawValue)`, which the VM runs itself") }
    // The table has one entry for each outcome of the block, and no other.
    let outcomes = spec.outcomes(options: options)
    var seen: Set<Int> = []
    for entry in table {
      guard Outcome.decode(entry.outcome, options: options).map(outcomes.contains) == true else {
        throw error(instruction, "gives a target to outcome \(entry.outcome), which `\(kind.rawValue)` does not have")
      }
      guard seen.insert(entry.outcome).inserted else { throw error(instruction, "gives outcome \(entry.outcome) two targets") }
    }
    guard table.count == outcomes.count else {
      throw error(instruction, "`\(kind.rawValue)` has \(outcomes.count) outcomes, but its branch table has \(table.count) targets")
    }
  }

  /// The type of parameter `name` of a block (`callback.max-retries` for a field of a record).
  static func parameterType(_ spec: BlockSpec, _ name: String) -> ValueType? {
    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
    guard let top = spec.parameter(named: parts[0]) else { return nil }
    if parts.count == 1 { return top.type }
    guard case .record(let fields) = top.type else { return nil }
    return fields.first { $0.name == parts[1] }?.type
  }

  private func constant(_ index: Int, _ allowed: [ConstantKind], _ instruction: Instruction) throws(ModuleError) {
    guard module.constants.indices.contains(index) else { throw error(instruction, "refers to constant \(index), which does not exist") }
    let kind = module.constants[index].kind
    guard allowed.isEmpty || allowed.contains(kind) else {
      throw error(instruction, "takes a \(allowed.map(\.rawValue).joined(separator: " or ")) constant, but constant \(index) is a \(kind.rawValue)")
    }
  }

  private func error(_ instruction: Instruction, _ what: String) -> ModuleError {
    let name = module.text(flow.name) ?? "?"
    return .malformed(at: base + flow.code.lowerBound + instruction.offset, "`\(instruction.opcode.spec.name)` at offset \(instruction.offset) of flow `\(name)` \(what)")
  }
}

extension ConstantKind {
  /// The constants that can hold a value of `type`.
  public static func allowed(for type: ValueType) -> [ConstantKind] {
    switch type {
    case .text, .dtmf, .any: [.text]
    case .integer: [.integer]
    case .duration: [.duration]
    case .phoneNumber: [.phone]
    case .attribute: [.attribute]
    case .phoneOrAttribute: [.phone, .attribute]
    case .valueOrAttribute: [.text, .attribute]
    case .word, .country: [.word]
    // A resource may be named by an attribute the contact holds (`$.Attributes.queueArn`).
    case .reference(.queue): [.queue, .attribute]
    case .reference(.flow): [.flow, .attribute]
    case .reference(.prompt): [.prompt, .attribute]
    case .reference(.hours): [.hours, .attribute]
    case .reference(.routingProfile): [.name]
    case .list: [.list]
    case .record, .conditions: []
    }
  }
}
