import CallflowSyntax

/// The parts of `Docs/BYTECODE.md` generated from the tables in the code: the instruction set,
/// the constant kinds, and the numbering of flow types, block kinds, outcomes and condition
/// operators. A test keeps the
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
    out += "\n### Block kinds\n\n"
    out += "A kind's number is fixed in its catalog row, whatever the order of the catalog. The VM runs some blocks "
    out += "itself, with the instructions above; a `call` names only the kinds its host carries out, and its "
    out += "branch table gives one target for each of the kind's outcomes and for no other.\n\n"
    out += "| number | block kind | run by | outcomes |\n|---|---|---|---|\n"
    for kind in BlockKind.allCases.sorted(by: { $0.code < $1.code }) {
      let spec = kind.spec
      var outcomes = ["`next`"]
      if let perValue = spec.branchPerValueOf { outcomes.append("one per `\(perValue)`") }
      outcomes += spec.branches.map { "`\($0)`" }
      let runner: String
      switch spec.execution {
      case .host: runner = "host (`call`)"
      case .vm: runner = "VM"
      }
      out += "| \(kind.code) | `\(kind.rawValue)` | \(runner) | \(outcomes.joined(separator: ", ")) |\n"
    }
    out += "\n### Outcomes\n\n"
    out += "Each entry of a branch table is a uleb outcome number, then its target: 0 is `next`, \(Outcome.optionBase) plus n "
    out += "is the option at place n of the block's `options` (from 0), and a branch has its own number:\n\n"
    out += "| number | outcome |\n|---|---|\n| 0 | `next` |\n"
    for branch in Branch.allCases.sorted(by: { $0.code < $1.code }) { out += "| \(branch.code) | `\(branch)` |\n" }
    out += "| \(Outcome.optionBase) + n | option n |\n"
    out += "\n### Condition operators\n\n| number | operator |\n|---|---|\n"
    for op in ConditionOperator.allCases.sorted(by: { $0.code < $1.code }) { out += "| \(op.code) | `\(op.rawValue)` |\n" }
    return String(out.dropLast())
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }
}
