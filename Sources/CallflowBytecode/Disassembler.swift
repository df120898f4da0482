import CallflowSyntax

/// Prints a module as stable text for people and for review: the constants, then each flow's
/// instructions with their offsets, operands spelt out, and the source line they came from.
public enum Disassembler {
  public static func text(of module: Module) -> String {
    var out = "module: \(module.flows.count) flows, \(module.constants.count) constants, \(module.code.count) bytes of code\n"
    out += "\nconstants:\n"
    let width = String(max(module.constants.count - 1, 0)).count
    for (i, constant) in module.constants.enumerated() {
      out += "  " + pad(String(i), width) + "  " + constant.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + "  "
        + show(constant) + "\n"
    }
    out += resources(module)
    for flow in module.flows {
      let file = module.files.indices.contains(flow.file) ? module.files[flow.file] : "?"
      out += "\nflow \(module.text(flow.name) ?? "?") (\(flow.type.rawValue)) from \(file)\n"
      var offset = 0
      var entry = 0
      while offset < flow.code.count {
        guard let instruction = try? Instruction.decode(module.code, flow: flow.code, at: offset) else {
          out += "  \(hex(offset))  (undecodable)\n"
          break
        }
        var line = "  \(hex(offset))  \(instruction.opcode.spec.name)"
        let operands = describe(instruction, module)
        if !operands.isEmpty { line += " " + operands }
        // Line entries are in offset order, as instructions are: one pass over both.
        while entry < flow.lines.count && flow.lines[entry].offset < offset { entry += 1 }
        if entry < flow.lines.count, flow.lines[entry].offset == offset {
          let block = flow.lines[entry]
          line += "    ; \(module.text(block.block) ?? "?"), line \(block.line)"
        }
        out += line + "\n"
        offset += instruction.length
      }
    }
    return out
  }

  private static func resources(_ module: Module) -> String {
    let r = module.resources
    func c(_ i: Int?) -> String { i.map { constant($0, module) } ?? "-" }
    var out = ""
    if !r.prompts.isEmpty { out += "\nprompts:\n" + r.prompts.map { "  \(c($0.name)) = \(c($0.text))\n" }.joined() }
    if !r.queues.isEmpty {
      out += "\nqueues:\n"
      for q in r.queues {
        out += "  \(c(q.name)) capacity \(q.capacity.map(String.init) ?? "-"), caller ID \(c(q.callerName)) \(c(q.callerNumber)), hours \(c(q.hours))\n"
      }
    }
    if !r.hours.isEmpty {
      out += "\nhours:\n"
      let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
      for h in r.hours {
        let rules = h.rules.map { rule in
          days.indices.filter { rule.days & (1 << UInt8($0)) != 0 }.map { days[$0] }.joined(separator: ",") + " "
            + rule.intervals.map { "\(clock($0.lowerBound))-\(clock($0.upperBound))" }.joined(separator: ",")
        }
        out += "  \(c(h.name)) \(c(h.timezone)): \(rules.joined(separator: "; "))\n"
      }
    }
    if !r.phoneNumbers.isEmpty { out += "\nphone numbers:\n" + r.phoneNumbers.map { "  \(c($0.number)) -> \(c($0.flow))\n" }.joined() }
    if !r.profiles.isEmpty {
      out += "\nprofiles:\n"
      for profile in r.profiles { out += "  " + profile.map { "\(module.text($0.name) ?? "?")=\(c($0.value))" }.joined(separator: ", ") + "\n" }
    }
    return out
  }

  private static func clock(_ minutes: Int) -> String {
    let h = String(minutes / 60), m = String(minutes % 60)
    return (h.count < 2 ? "0" + h : h) + ":" + (m.count < 2 ? "0" + m : m)
  }

  private static func describe(_ instruction: Instruction, _ module: Module) -> String {
    var kind: BlockKind?
    var options: [String] = []
    var parts: [String] = []
    for operand in instruction.operands {
      switch operand {
      case .constant(let k): parts.append(constant(k, module))
      case .target(let t): parts.append("-> \(hex(t))")
      case .slot(let s): parts.append("slot \(s)")
      case .blockKind(let k): kind = k; parts.append(k.rawValue)
      case .conditionOperator(let op): parts.append(op.rawValue)
      case .arguments(let arguments):
        parts.append(
          "(" + arguments.map { a in
            if let k = kind, module.text(a.name) == k.spec.branchPerValueOf?.name, case .list(let items)? = module.constants[safe: a.value] {
              options = items.compactMap { module.text($0) }
            }
            return "\(module.text(a.name) ?? "#\(a.name)"): \(constant(a.value, module))"
          }.joined(separator: ", ") + ")")
      case .table(let entries):
        parts.append(
          "[" + entries.map { entry in
            let name = Outcome.decode(entry.outcome, options: options)?.description ?? "#\(entry.outcome)"
            return "\(name) -> \(hex(entry.target))"
          }.joined(separator: ", ") + "]")
      }
    }
    return parts.joined(separator: " ")
  }

  private static func constant(_ index: Int, _ module: Module) -> String {
    guard let c = module.constants[safe: index] else { return "#\(index)?" }
    return "#\(index) " + show(c)
  }

  private static func show(_ constant: Constant) -> String {
    switch constant {
    case .text(.text, let s): "\"" + s.unicodeScalars.map { $0.escaped(asASCII: false) }.joined() + "\""
    case .text(_, let s): s
    case .integer(let n): String(n)
    case .duration(let s): DurationSyntax.format(s)
    case .list(let items): "[" + items.map { "#\($0)" }.joined(separator: ", ") + "]"
    }
  }

  private static func hex(_ offset: Int) -> String {
    let digits = String(offset, radix: 16)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
