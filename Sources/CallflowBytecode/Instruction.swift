import CallflowSyntax

/// An operand's value.
public enum Operand: Equatable, Sendable {
  case constant(Int)
  case target(Int)
  case table([TableEntry])
  case blockKind(BlockKind)
  case conditionOperator(ConditionOperator)
  case arguments([Argument])
  case slot(Int)

  /// One entry of a branch table: an outcome's code (``Outcome/code(options:)``) and where the
  /// flow goes on when the host answers it.
  public struct TableEntry: Equatable, Sendable {
    public var outcome: Int
    public var target: Int
    public init(outcome: Int, target: Int) {
      self.outcome = outcome
      self.target = target
    }
  }

  /// A host call's argument: a `name` constant and a value constant.
  public struct Argument: Equatable, Sendable {
    public var name: Int
    public var value: Int
    public init(name: Int, value: Int) {
      self.name = name
      self.value = value
    }
  }
}

/// One decoded instruction.
public struct Instruction: Equatable, Sendable {
  public var opcode: Opcode
  public var operands: [Operand]
  /// Where it starts, from its flow's start, and its length in bytes.
  public var offset: Int
  public var length: Int

  public init(_ opcode: Opcode, _ operands: [Operand], offset: Int = 0, length: Int = 0) {
    self.opcode = opcode
    self.operands = operands
    self.offset = offset
    self.length = length
  }

  /// The targets it may go to besides the next instruction.
  public var targets: [Int] {
    operands.flatMap { operand -> [Int] in
      switch operand {
      case .target(let t): [t]
      case .table(let entries): entries.map(\.target)
      default: []
      }
    }
  }

  /// Decodes an instruction of a module that ``ModuleReader`` verified.
  public static func decodeVerified(_ code: [UInt8], flow range: Range<Int>, at offset: Int) throws(ModuleError) -> Instruction {
    try decode(code, flow: range, at: offset)
  }

  /// Decodes the instruction at `offset` of `code[range]`, checking only its shape (the
  /// verifier checks what its operands refer to).
  static func decode(_ code: [UInt8], flow range: Range<Int>, at offset: Int) throws(ModuleError) -> Instruction {
    var r = ByteReader(code, from: range.lowerBound + offset, to: range.upperBound)
    let start = r.position
    let byte = try r.byte()
    guard let opcode = Opcode.decode(byte) else {
      throw ModuleError.malformed(at: start, "unknown opcode 0x\(String(byte, radix: 16))")
    }
    var operands: [Operand] = []
    for kind in opcode.spec.operands {
      switch kind {
      case .constant: operands.append(.constant(try r.uleb()))
      case .target: operands.append(.target(try r.uleb()))
      case .slot: operands.append(.slot(try r.uleb()))
      case .table:
        let count = try r.uleb()
        // Each entry takes at least two bytes: a count past the flow's end is a lie.
        guard count <= (range.upperBound - r.position) / 2 else { throw ModuleError.truncated(at: r.position) }
        var entries: [Operand.TableEntry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count { entries.append(Operand.TableEntry(outcome: try r.uleb(), target: try r.uleb())) }
        operands.append(.table(entries))
      case .blockKind:
        let at = r.position
        let code = try r.uleb()
        guard let kind = BlockKind.decode(code) else { throw ModuleError.malformed(at: at, "unknown block kind \(code)") }
        operands.append(.blockKind(kind))
      case .conditionOperator:
        let at = r.position
        let code = try r.uleb()
        guard let op = ConditionOperator.decode(code) else { throw ModuleError.malformed(at: at, "unknown condition operator \(code)") }
        operands.append(.conditionOperator(op))
      case .arguments:
        let count = try r.uleb()
        guard count <= (range.upperBound - r.position) / 2 else { throw ModuleError.truncated(at: r.position) }
        var arguments: [Operand.Argument] = []
        for _ in 0..<count { arguments.append(Operand.Argument(name: try r.uleb(), value: try r.uleb())) }
        operands.append(.arguments(arguments))
      }
    }
    return Instruction(opcode, operands, offset: offset, length: r.position - start)
  }
}
