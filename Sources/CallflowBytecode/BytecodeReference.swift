import CallflowSyntax

/// The parts of `Docs/BYTECODE.md` generated from the tables in the code: the instruction set,
/// the constant kinds, and the numbering of flow types and block kinds. A test keeps the
/// document equal to them.
public enum BytecodeReference {
  public static func markdown() -> String {
    var out = "### Instructions\n\n| byte | name | operands | control | what it does |\n|---|---|---|---|---|\n"
    for opcode in Opcode.allCases {
      let spec = opcode.spec
      let operands = spec.operands.isEmpty ? "none" : spec.operands.map(\.syntax).joined(separator: ", ")
      out += "| `0x\(hex(opcode.rawValue))` | `\(spec.name)` | \(operands) | \(spec.control.rawValue) | \(spec.summary) |\n"
    }
    out += "\n### Constant kinds\n\n| tag | kind | payload |\n|---|---|---|\n"
    for kind in ConstantKind.allCases { out += "| \(kind.tag) | `\(kind.rawValue)` | \(kind.payload) |\n" }
    out += "\n### Flow types\n\n| byte | type |\n|---|---|\n"
    for type in FlowType.encoding { out += "| \(type.code) | `\(type.rawValue)` |\n" }
    out += "\n### Block kinds and their outcomes\n\n"
    out += "A `call`'s branch table has one target per outcome, in this order (`get-input` puts one per option after `next`).\n\n"
    out += "| number | block kind | outcomes |\n|---|---|---|\n"
    for kind in BlockKind.allCases {
      let spec = kind.spec
      var outcomes = ["`next`"]
      if let perValue = spec.branchPerValueOf { outcomes.append("one per `\(perValue)`") }
      outcomes += spec.branches.map { "`\($0)`" }
      out += "| \(kind.code) | `\(kind.rawValue)` | \(outcomes.joined(separator: ", ")) |\n"
    }
    return String(out.dropLast())
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }
}
