/// The kinds of operand an instruction carries, each encoded as unsigned LEB128 unless said.
public enum OperandKind: Hashable, Sendable {
  /// An index into the constant pool, whose entry must be of one of these kinds (any kind
  /// when empty).
  case constant([ConstantKind])
  /// A code offset, counted from the start of the instruction's flow; it must fall on an
  /// instruction of that flow.
  case target
  /// A branch table: a count, then that many pairs of an outcome (0 for `next`, a branch's
  /// code, or 64 plus an option's place) and its target.
  case table
  /// A block kind, by its code in the catalog.
  case blockKind
  /// A condition operator, by its code (``ConditionOperator``).
  case conditionOperator
  /// Arguments of a host call: a count, then that many pairs of constants (the parameter's
  /// name, a `name` constant; its value, any constant).
  case arguments
  /// A small number: a loop's counter slot.
  case slot

  /// How the operand is written in the reference.
  public var syntax: String {
    switch self {
    case .constant(let kinds): kinds.isEmpty ? "constant" : "constant (" + kinds.map(\.rawValue).joined(separator: " | ") + ")"
    case .target: "target"
    case .table: "table"
    case .blockKind: "block kind"
    case .conditionOperator: "operator"
    case .arguments: "arguments"
    case .slot: "slot"
    }
  }
}

/// How an instruction passes control on.
public enum ControlEffect: String, Sendable {
  /// To the next instruction.
  case fallsThrough = "falls through"
  /// To its target, always.
  case jumps
  /// To its target when a condition holds, else to the next instruction.
  case branches
  /// To the target of its table that the host's result picks.
  case table = "branch table"
  /// Nowhere: the contact leaves the flow.
  case ends
}

/// The instruction set: one row per opcode, read by the encoder, the decoder, the verifier,
/// the disassembler and `Docs/BYTECODE.md`. A block's effect on the world is one `call` of
/// the host, with the block's kind and arguments: adding a block kind to the catalog needs
/// no new opcode.
public enum Opcode: UInt8, CaseIterable, Sendable {
  case trap = 0x00
  case jump = 0x01
  case disconnect = 0x02
  case endFlow = 0x03
  case handOff = 0x04
  case call = 0x10
  case setAttribute = 0x20
  case compare = 0x21
  case loop = 0x22

  /// The opcode's row of the table.
  public var spec: OpcodeSpec {
    switch self {
    case .trap:
      OpcodeSpec("trap", [], .ends, "The contact took a branch that goes nowhere: the flow fails and the contact is disconnected.")
    case .jump:
      OpcodeSpec("jump", [.target], .jumps, "Goes on at the target.")
    case .disconnect:
      OpcodeSpec("disconnect", [], .ends, "Hangs up (`disconnect`).")
    case .endFlow:
      OpcodeSpec("end-flow", [], .ends, "Returns to whatever ran this flow (`end-flow`).")
    case .handOff:
      OpcodeSpec(
        "hand-off", [], .ends,
        "Where a `call` goes when the host takes the contact over (a plain `transfer-to-queue`; for `transfer-to-flow` the VM goes on in the other flow): this flow ends.")
    case .call:
      OpcodeSpec(
        "call", [.blockKind, .arguments, .table], .table,
        "Asks the host to carry out a block of that kind with these arguments; its result is an outcome of the block, and the table's entry for that outcome picks the target.")
    case .setAttribute:
      OpcodeSpec(
        "set-attribute", [.constant([.name]), .constant([])], .fallsThrough,
        "Sets the user attribute `$.Attributes.<name>` to the value (an attribute's value when it is one).")
    case .compare:
      OpcodeSpec(
        "compare", [.constant([.attribute]), .conditionOperator, .constant([]), .target], .branches,
        "Compares an attribute with the operand by the operator (`equals`, `less-than`, …); goes to the target when it holds.")
    case .loop:
      OpcodeSpec(
        "loop", [.slot, .constant([.integer]), .target], .branches,
        "Counts a `loop` block's turns in its slot: below the count, adds one and goes to the target (`looping`); at the count, resets the slot and falls through (`next`).")
    }
  }

  private static let byByte: [UInt8: Opcode] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

  /// The opcode encoded as `byte`, if there is one.
  public static func decode(_ byte: UInt8) -> Opcode? { byByte[byte] }
}

/// One row of the instruction set.
public struct OpcodeSpec: Sendable {
  public let name: String
  public let operands: [OperandKind]
  public let control: ControlEffect
  public let summary: String

  init(_ name: String, _ operands: [OperandKind], _ control: ControlEffect, _ summary: String) {
    self.name = name
    self.operands = operands
    self.control = control
    self.summary = summary
  }
}
