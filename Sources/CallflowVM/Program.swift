import CallflowBytecode
import CallflowSyntax

/// A verified module made ready to run: every flow's instructions decoded once into flat
/// arrays, targets turned into instruction indexes, so that running allocates nothing per
/// instruction.
public final class Program: Sendable {
  public let module: Module
  /// Every instruction of every flow, flow after flow.
  let code: [Op]
  /// Branch table entries (an outcome's code and its target) and host-call arguments, which
  /// instructions point into.
  let tables: [(outcome: Int32, target: Int32)]
  let arguments: [(name: Int32, value: Int32)]
  /// Each flow's first instruction, and one past its last.
  let flowStart: [Int]
  let flowEnd: [Int]
  /// Each instruction's byte offset in its flow.
  let offsets: [Int32]
  /// The name of each flow, and the flows by name.
  public let flowNames: [String]
  let flowsByName: [String: Int]
  /// Each constant as the text the VM compares and hands to hosts.
  let texts: [String]
  /// Each constant as a parameter key, for host-call arguments.
  let keys: [ParameterKey]
  /// For each constant, whether it is an attribute reference the VM reads.
  let isAttribute: [Bool]
  /// Each constant as a host-call argument (``constantArgument(_:texts:)``), and as that
  /// argument's text; `nil` for an attribute, whose value is the contact's.
  let argumentValues: [ArgumentValue?]
  let argumentTexts: [String?]
  /// For each `name` constant, the attribute `set-attribute` writes: `$.Attributes.<name>`.
  let userAttributeKeys: [String]
  /// The number of loop slots each flow uses.
  let slots: [Int]
  /// The block each instruction belongs to: a `name` constant with its id, and its line
  /// (-1 for an instruction before any block).
  let blockOf: [(id: Int32, line: Int32)]
  /// Whether each instruction is its block's first.
  let startsBlock: [Bool]
  /// For each `call`, whether its `next` is not an answer, the values of its options, its
  /// catalog row's effects and the attributes it may write (its outcomes and action are in
  /// its ``CallSite``): worked out once here, so that a call costs no catalog lookups.
  let skipsNext: [Bool]
  let options: [[String]]
  /// The effects of every `call`, instruction after instruction, each with the constant
  /// that gives its parameter's value; instruction `pc`'s are `effects[effectStart[pc] ..<
  /// effectStart[pc + 1]]`. Plain numbers: applying them counts no references.
  let effects: [PreparedEffect]
  let effectStart: [Int32]
  let writes: [Writes]
  /// Each `call`'s action as its bit in a ``HostActionSet`` (0 for other instructions).
  let actionBits: [UInt64]
  /// What each `call` asks of its host whatever the contact (``CallSite``), with its
  /// arguments made once when none of them is an attribute.
  let callSites: [CallSite?]

  /// The attributes a block may write: exact paths, and roots (`$.Customer.`) under which any
  /// name may be written.
  struct Writes: Sendable {
    /// A block declares one or two: compared in turn, which costs less than hashing the path.
    var exact: [String] = []
    /// The roots' UTF-8 bytes: a path is under a root when its bytes begin with the root's,
    /// as attributes tell names apart by their bytes (``Attributes``).
    var roots: [[UInt8]] = []

    init(_ patterns: [String]) {
      for pattern in patterns {
        if pattern.hasSuffix(".*") { roots.append(Array(pattern.utf8.dropLast())) } else if !exact.contains(pattern) { exact.append(pattern) }
      }
    }

    func allow(_ path: String) -> Bool {
      if exact.contains(path) { return true }
      guard !roots.isEmpty else { return false }
      // A host writes hundreds of thousands of metrics a simulated week: the bytes are
      // compared in place, not as text, which `hasPrefix` does grapheme by grapheme.
      let inPlace = path.utf8.withContiguousStorageIfAvailable { bytes in
        roots.contains { root in
          guard bytes.count >= root.count else { return false }
          for k in root.indices where bytes[k] != root[k] { return false }
          return true
        }
      }
      return inPlace ?? roots.contains { path.utf8.starts(with: $0) }
    }
  }

  /// One decoded instruction. `a`, `b`, `c` are its constant operands (or slot) in order;
  /// `target` its jump target; `table`/`arguments` ranges into the shared arrays.
  struct Op: Sendable {
    var opcode: Opcode
    var kind: BlockKind?
    var condition: ConditionOperator = .equals
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var target: Int32 = 0
    var tableStart: Int32 = 0
    var tableCount: Int32 = 0
    var argumentStart: Int32 = 0
    var argumentCount: Int32 = 0
  }

  /// Prepares a module that ``ModuleReader`` verified.
  public init(_ module: Module) throws(ModuleError) {
    self.module = module
    var code: [Op] = []
    var tables: [(outcome: Int32, target: Int32)] = []
    var arguments: [(name: Int32, value: Int32)] = []
    var flowStart: [Int] = []
    var flowEnd: [Int] = []
    var offsets: [Int32] = []
    var slots: [Int] = []
    for flow in module.flows {
      flowStart.append(code.count)
      var decoded: [Instruction] = []
      var offset = 0
      while offset < flow.code.count {
        let instruction = try Instruction.decodeVerified(module.code, flow: flow.code, at: offset)
        decoded.append(instruction)
        offset += instruction.length
      }
      var index: [Int: Int32] = [:]
      for (i, instruction) in decoded.enumerated() { index[instruction.offset] = Int32(code.count + i) }
      var maxSlot = -1
      for instruction in decoded {
        var op = Op(opcode: instruction.opcode)
        var constants: [Int32] = []
        for operand in instruction.operands {
          switch operand {
          case .constant(let k): constants.append(Int32(k))
          case .slot(let s):
            constants.append(Int32(s))
            maxSlot = max(maxSlot, s)
          case .target(let t): op.target = index[t] ?? 0
          case .blockKind(let kind): op.kind = kind
          case .conditionOperator(let condition): op.condition = condition
          case .table(let entries):
            op.tableStart = Int32(tables.count)
            op.tableCount = Int32(entries.count)
            tables += entries.map { (Int32($0.outcome), index[$0.target] ?? 0) }
          case .arguments(let list):
            op.argumentStart = Int32(arguments.count)
            op.argumentCount = Int32(list.count)
            arguments += list.map { (Int32($0.name), Int32($0.value)) }
          }
        }
        if constants.count > 0 { op.a = constants[0] }
        if constants.count > 1 { op.b = constants[1] }
        if constants.count > 2 { op.c = constants[2] }
        code.append(op)
        offsets.append(Int32(instruction.offset))
      }
      flowEnd.append(code.count)
      slots.append(maxSlot + 1)
    }
    self.code = code
    self.tables = tables
    self.arguments = arguments
    self.flowStart = flowStart
    self.flowEnd = flowEnd
    self.offsets = offsets
    self.slots = slots
    // Instructions and line entries are both in offset order: one pass over each flow.
    var blockOf = [(id: Int32, line: Int32)](repeating: (-1, -1), count: code.count)
    var startsBlock = [Bool](repeating: false, count: code.count)
    for (f, flow) in module.flows.enumerated() {
      var entry = 0
      var current: (id: Int32, line: Int32) = (-1, -1)
      for pc in flowStart[f]..<flowEnd[f] {
        while entry < flow.lines.count && flow.lines[entry].offset <= Int(offsets[pc]) {
          startsBlock[pc] = flow.lines[entry].offset == Int(offsets[pc])
          current = (Int32(flow.lines[entry].block), Int32(flow.lines[entry].line))
          entry += 1
        }
        blockOf[pc] = current
      }
    }
    self.blockOf = blockOf
    self.startsBlock = startsBlock
    var outcomes = [[Outcome]](repeating: [], count: code.count)
    var skipsNext = [Bool](repeating: false, count: code.count)
    var actions = [HostAction?](repeating: nil, count: code.count)
    var options = [[String]](repeating: [], count: code.count)
    var effects = [[ContactEffect]](repeating: [], count: code.count)
    var writes = [Writes](repeating: Writes([]), count: code.count)
    for (pc, op) in code.enumerated() where op.opcode == .call {
      guard let kind = op.kind else { continue }
      let spec = kind.spec
      for i in Int(op.argumentStart)..<Int(op.argumentStart + op.argumentCount) {
        let (name, value) = arguments[i]
        guard case .text(_, let parameter) = module.constants[Int(name)], parameter == spec.branchPerValueOf?.name,
          case .list(let items) = module.constants[Int(value)]
        else { continue }
        options[pc] = items.compactMap { module.text($0) }
      }
      let all = spec.outcomes(options: options[pc])
      // A block that goes on only through its branches has a `next` its host cannot answer.
      skipsNext[pc] = spec.success == .branchesOnly
      outcomes[pc] = skipsNext[pc] ? Array(all.dropFirst()) : all
      effects[pc] = spec.effects
      actions[pc] = spec.hostAction
      writes[pc] = Writes(spec.writes)
    }
    self.skipsNext = skipsNext
    actionBits = actions.map { $0.map(HostActionSet.bit(of:)) ?? 0 }
    self.options = options
    // Each constant as a parameter key (`""` for one that is not text), for the effects below
    // and for the VM.
    let keys = module.constants.map { constant in
      if case .text(_, let name) = constant { return ParameterKey(name) }
      return ParameterKey("")
    }
    var prepared: [PreparedEffect] = []
    var effectStart: [Int32] = []
    effectStart.reserveCapacity(code.count + 1)
    for pc in code.indices {
      effectStart.append(Int32(prepared.count))
      for effect in effects[pc] {
        let op = code[pc]
        // The constant the block gives the effect's parameter, or -1.
        func given(_ key: ParameterKey) -> Int32 {
          for i in Int(op.argumentStart)..<Int(op.argumentStart + op.argumentCount) where keys[Int(arguments[i].name)] == key {
            return arguments[i].value
          }
          return -1
        }
        let (kind, key): (PreparedEffect.Kind, ParameterKey?) =
          switch effect {
          case .setsWorkingQueue(let key): (.setsWorkingQueue, key)
          case .setsCallbackNumber(let key): (.setsCallbackNumber, key)
          case .entersQueue(let key): (.entersQueue, key)
          case .startsCallbackRequest: (.startsCallbackRequest, nil)
          case .endsCallbackRequest: (.endsCallbackRequest, nil)
          case .changesFlow(let key): (.changesFlow, key)
          case .callsModule(let key): (.callsModule, key)
          }
        prepared.append(PreparedEffect(kind: kind, argument: key.map(given) ?? -1))
      }
    }
    effectStart.append(Int32(prepared.count))
    self.effects = prepared
    self.effectStart = effectStart
    self.writes = writes
    flowNames = module.flows.map { module.text($0.name) ?? "" }
    var byName: [String: Int] = [:]
    for (i, name) in flowNames.enumerated() { byName[name] = i }
    flowsByName = byName
    isAttribute = module.constants.map { $0.kind == .attribute }
    self.keys = keys
    userAttributeKeys = module.constants.map { constant in
      if case .text(.name, let name) = constant { return "$.Attributes." + name }
      return ""
    }
    texts = module.constants.map { constant in
      switch constant {
      case .text(_, let t): t
      case .integer(let n): String(n)
      case .duration(let s): String(s)
      case .list: ""
      }
    }
    let texts = self.texts
    let argumentValues = module.constants.map { Self.constantArgument($0, texts: texts) }
    self.argumentValues = argumentValues
    argumentTexts = argumentValues.map { $0?.text }
    // A call whose arguments are all constants gets the same arguments every time.
    var constantArguments = [HostArguments?](repeating: nil, count: code.count)
    for (pc, op) in code.enumerated() where op.opcode == .call {
      var built = HostArguments(capacity: Int(op.argumentCount))
      var constant = true
      for i in Int(op.argumentStart)..<Int(op.argumentStart + op.argumentCount) {
        let (name, value) = arguments[i]
        guard let argument = argumentValues[Int(value)] else {
          constant = false
          break
        }
        built[keys[Int(name)]] = argument
      }
      if constant { constantArguments[pc] = built }
    }
    var callSites = [CallSite?](repeating: nil, count: code.count)
    for f in flowStart.indices {
      for pc in flowStart[f]..<flowEnd[f] where code[pc].opcode == .call {
        guard let kind = code[pc].kind, let action = actions[pc] else { continue }
        let entry = blockOf[pc]
        let block = entry.id >= 0 ? texts[Int(entry.id)] : "?"
        let line = entry.id >= 0 ? Int(entry.line) : 0
        callSites[pc] = CallSite(
          kind: kind, action: action, outcomes: outcomes[pc], flow: flowNames[f], block: block, line: line, instruction: pc,
          arguments: constantArguments[pc])
      }
    }
    self.callSites = callSites
  }

  /// A constant as a host-call argument; `nil` for an attribute, whose value is the contact's.
  static func constantArgument(_ constant: Constant, texts: [String]) -> ArgumentValue? {
    switch constant {
    case .text(.attribute, _): nil
    case .text(_, let t): .text(t)
    case .integer(let n): .integer(n)
    case .duration(let s): .duration(s)
    case .list(let items): .list(items.map { texts[$0] })
    }
  }

  /// Reads and verifies `bytes`, then prepares them.
  public convenience init(bytes: [UInt8]) throws(ModuleError) {
    try self.init(try ModuleReader.read(bytes))
  }

  /// The index of the flow named `name`.
  public func flow(named name: String) -> Int? { flowsByName[name] }

  /// Whether flow `flow`, started afresh, reaches its end within `budget` instructions
  /// through blocks of `quiet` actions alone (answered `next` without its host,
  /// ``VM/answeredWithoutHost``), with no cycle, no hand-off to another flow or module, and no
  /// block that could fail: run with those actions answered, it asks its host nothing and
  /// changes nothing but the state it started with. A whisper flow that only plays prompts is
  /// such a flow.
  public func endsWithoutHost(flow: Int, answering quiet: HostActionSet, within budget: Int) -> Bool {
    guard flowStart.indices.contains(flow), flowStart[flow] < flowEnd[flow] else { return false }
    let range = flowStart[flow]..<flowEnd[flow]
    // Depth-first over the instructions the flow can reach, with a stack of its own (a flow
    // may be long): 1 on the path, 2 done.
    var mark = [UInt8](repeating: 0, count: range.count)
    var path: [(pc: Int, next: [Int])] = []
    func enter(_ pc: Int) -> Bool {
      guard range.contains(pc) else { return false }
      switch mark[pc - range.lowerBound] {
      case 2: return true
      case 1: return false  // a cycle: the step budget could stop it
      default: break
      }
      let op = code[pc]
      let next: [Int]
      switch op.opcode {
      case .disconnect, .endFlow, .handOff, .trap: next = []
      case .jump: next = [Int(op.target)]
      case .setAttribute: next = [pc + 1]
      case .compare, .loop: next = [Int(op.target), pc + 1]
      case .call:
        guard quiet.bits & actionBits[pc] != 0, !skipsNext[pc],
          !effects[Int(effectStart[pc])..<Int(effectStart[pc + 1])].contains(where: { $0.kind == .changesFlow || $0.kind == .callsModule }),
          let entry = (Int(op.tableStart)..<Int(op.tableStart + op.tableCount)).first(where: { tables[$0].outcome == 0 })
        else { return false }
        next = [Int(tables[entry].target)]
      }
      mark[pc - range.lowerBound] = 1
      path.append((pc, next))
      return true
    }
    guard enter(range.lowerBound) else { return false }
    // With no cycle, no run is longer than the instructions reachable.
    var reachable = 0
    while let top = path.last {
      if let pc = top.next.last {
        path[path.count - 1].next.removeLast()
        guard enter(pc) else { return false }
      } else {
        mark[top.pc - range.lowerBound] = 2
        reachable += 1
        path.removeLast()
      }
    }
    return reachable <= budget
  }

  /// The block (id and line) instruction `pc` belongs to.
  func block(_ pc: Int) -> (id: String, line: Int)? {
    let entry = blockOf[pc]
    guard entry.id >= 0 else { return nil }
    return (texts[Int(entry.id)], Int(entry.line))
  }

  /// The branch-table code of option `value` of the instruction at `pc` (``Outcome/code(options:)``),
  /// read in place: the options passed on whole were retained and released at each answer.
  func optionCode(_ value: String, at pc: Int) -> Int? {
    for k in 0..<options[pc].count where options[pc][k] == value { return Outcome.optionBase + k }
    return nil
  }
}

/// A `call`'s effect on the contact's state (``ContactEffect``) made ready to apply: what it
/// changes, and the constant that gives its value (-1: the block does not give it).
struct PreparedEffect: Sendable {
  enum Kind: UInt8, Sendable {
    case setsWorkingQueue, setsCallbackNumber, entersQueue, startsCallbackRequest, endsCallbackRequest, changesFlow, callsModule
  }

  var kind: Kind
  var argument: Int32
}
