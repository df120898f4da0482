import CallflowBytecode
import CallflowSyntax

/// How a run of the VM ended.
public enum Ending: Equatable, Sendable {
  /// `disconnect`: the contact hung up or was hung up on.
  case disconnected
  /// `end-flow`: back to whatever ran the flow (a queue, a whisper).
  case endedFlow
  /// The host took the contact over: a plain `transfer-to-queue` to this queue (or the
  /// working queue when `nil`).
  case queued(String?)
  /// The contact took a branch that goes nowhere, at this block.
  case fellOff(flow: String, block: String, line: Int)
}

/// Why the VM stopped before the flow ended.
public struct RuntimeError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public var flow: String
  public var block: String?
  public var line: Int?

  public var description: String {
    let place = block.map { " at block `\($0)`" + (line.map { ", line \($0)" } ?? "") } ?? ""
    return "flow `\(flow)`\(place): \(message)"
  }
}

/// One block a contact passed through.
public struct TraceStep: Equatable, Sendable {
  public var flow: String
  public var block: String
  public var line: Int
  /// The branch the block took, as flows write it, once it is known: the host's answer
  /// (`next`, a key, `timeout`), the condition that held or `no-match`, `looping`. `nil` for
  /// a block that only goes on (`set-attributes`) or has not finished.
  public var branch: String? = nil
}

/// Runs one contact through a program's flows. Every effect goes to the ``FlowHost``; the VM
/// keeps the contact's place, attributes and loop counters in a ``ContactState`` that can be
/// saved and restored between runs.
public struct VM {
  public let program: Program
  public private(set) var state: ContactState
  /// The most instructions a run may take before it is stopped as a runaway.
  public var stepBudget = 100_000
  /// The blocks passed, when `tracing` is set.
  public var tracing = false
  public private(set) var trace: [TraceStep] = []
  /// Blocks of these actions go on at `next` without the host being asked, as if it had
  /// answered `next` and written nothing: for a host that does nothing for them.
  public var answeredWithoutHost = HostActionSet([])

  private var flow: Int
  private var pc: Int
  /// The instruction that ran before the current one: where a contact that reaches a `trap`
  /// came from.
  private var previous = 0

  /// A VM for a contact in `state` (a new contact: `ContactState(flow: name)`).
  public init(program: Program, state: ContactState) throws(RuntimeError) {
    self.init(program: program, state: state, at: try Self.place(of: state, in: program))
  }

  /// A VM for a contact in `state` starting flow `flow` (its index in
  /// ``Program/flowNames``, which a host may look up once): the same VM as
  /// ``init(program:state:)`` gives, without looking the flow up by name.
  public init(program: Program, flow: Int, state: ContactState) throws(RuntimeError) {
    self.init(program: program, state: state, at: try Self.place(of: state, startingAt: flow, in: program))
  }

  private init(program: Program, state: ContactState, at place: (flow: Int, pc: Int)) {
    self.program = program
    self.state = state
    flow = place.flow
    pc = place.pc
    previous = pc
    if self.state.loops.count < program.slots[flow] {
      self.state.loops += [Int](repeating: 0, count: program.slots[flow] - self.state.loops.count)
    }
  }

  /// Starts a contact in `state` afresh at flow `flow` (its index in ``Program/flowNames``):
  /// the VM is then the one ``init(program:flow:state:)`` makes with this VM's program, but
  /// for its step budget, tracing and ``answeredWithoutHost``, which stay as they were. The
  /// storage of its loop counters and trace is kept for the new flow's: a host that runs many
  /// flows one after another need not make a VM, and its arrays, for each.
  public mutating func restart(flow: Int, state: consuming ContactState) throws(RuntimeError) {
    let place = try Self.place(of: state, startingAt: flow, in: program)
    var loops: [Int] = []
    swap(&loops, &self.state.loops)
    self.state = consume state
    self.flow = place.flow
    pc = place.pc
    previous = pc
    if !trace.isEmpty { trace.removeAll(keepingCapacity: true) }
    let slots = program.slots[self.flow]
    guard self.state.loops.count < slots else { return }
    if self.state.loops.isEmpty {
      // The loop counters of the flow before, zeroed in their own storage.
      loops.removeAll(keepingCapacity: true)
      loops.append(contentsOf: repeatElement(0, count: slots))
      self.state.loops = loops
    } else {
      self.state.loops += [Int](repeating: 0, count: slots - self.state.loops.count)
    }
  }

  /// The flow and instruction where a contact in `state` is, found without looking the flow
  /// up by name when the state is at the start of flow `flow` (its index in the program).
  private static func place(of state: ContactState, startingAt flow: Int, in program: Program) throws(RuntimeError) -> (flow: Int, pc: Int) {
    let starts =
      program.flowNames.indices.contains(flow) && state.offset == 0 && program.flowStart[flow] < program.flowEnd[flow]
      && program.flowNames[flow] == state.flow
    return starts ? (flow, program.flowStart[flow]) : try place(of: state, in: program)
  }

  /// The flow and instruction where a contact in `state` is.
  private static func place(of state: ContactState, in program: Program) throws(RuntimeError) -> (flow: Int, pc: Int) {
    guard let flow = program.flow(named: state.flow) else {
      throw RuntimeError(message: "no flow of this name in the module", flow: state.flow)
    }
    let range = program.flowStart[flow]..<program.flowEnd[flow]
    guard let pc = range.first(where: { Int(program.offsets[$0]) == state.offset }) else {
      throw RuntimeError(message: "offset \(state.offset) is not an instruction of this flow", flow: state.flow)
    }
    return (flow, pc)
  }

  /// What the VM needs next.
  public enum Event: Sendable {
    /// The host must carry out this block, then answer with ``resume(_:)``.
    case call(HostCall)
    /// The contact left the flow.
    case ended(Ending)
  }

  /// Runs until the flow ends, the host takes the contact over, or the step budget is spent,
  /// handing each block with an effect to `host`.
  public mutating func run<H: FlowHost>(_ host: inout H) throws(RuntimeError) -> Ending {
    while true {
      switch try advance() {
      case .ended(let ending): return ending
      case .call(let call): try resume(host.perform(call, state: state))
      }
    }
  }

  /// Runs until the next block with an effect (its call is pending, and the state can be
  /// saved while it is) or until the contact leaves the flow.
  public mutating func advance() throws(RuntimeError) -> Event {
    // The program and its instructions are read through `self` at each use, not held in
    // locals: a local was retained and released at every call (355,806 a simulated day).
    if state.waiting, let call = Self.call(at: pc, in: program, attributes: state.attributes) { return .call(call) }
    while true {
      state.steps += 1
      guard state.steps <= stepBudget else {
        let block = program.block(pc)
        throw RuntimeError(
          message: "ran \(stepBudget) instructions without ending: a cycle that never waits for the caller or the clock",
          flow: program.flowNames[flow], block: block?.id, line: block?.line)
      }
      if tracing, program.startsBlock[pc], let block = program.block(pc) {
        trace.append(TraceStep(flow: program.flowNames[flow], block: block.id, line: block.line))
      }
      let op = program.code[pc]
      switch op.opcode {
      case .jump:
        previous = pc
        pc = Int(op.target)
      case .disconnect:
        return .ended(finish(.disconnected))
      case .endFlow:
        // The end of a flow module returns to the flow that invoked it.
        if let point = state.returns.popLast() {
          guard let caller = program.flow(named: point.flow),
            let target = (program.flowStart[caller]..<program.flowEnd[caller]).first(where: { Int(program.offsets[$0]) == point.offset })
          else {
            throw failure("the flow a module returns to is not in the module")
          }
          state.flow = point.flow
          flow = caller
          previous = pc
          pc = target
          state.loops = point.loops
          state.offset = point.offset
          continue
        }
        return .ended(finish(.endedFlow))
      case .handOff:
        return .ended(finish(.queued(state.queue)))
      case .trap:
        // The trap is shared by a flow's unconnected branches: the block is the one left.
        let block = program.block(previous)
        return .ended(finish(.fellOff(flow: program.flowNames[flow], block: block?.id ?? "?", line: block?.line ?? 0)))
      case .setAttribute:
        let value = Self.value(op.b, in: program, attributes: state.attributes)
        state.attributes[program.userAttributeKeys[Int(op.a)]] = value
        previous = pc
        pc += 1
      case .compare:
        previous = pc
        let holds = Self.compare(op, in: program, attributes: state.attributes)
        // The last condition tried names the branch: the one that held, or `no-match` once
        // none has.
        if tracing { traceBranch(holds ? "\(op.condition.rawValue) \(program.texts[Int(op.b)])" : Branch.noMatch.rawValue) }
        pc = holds ? Int(op.target) : pc + 1
      case .loop:
        previous = pc
        let slot = Int(op.a)
        let count = Int(program.texts[Int(op.b)]) ?? 0
        if state.loops[slot] < count {
          state.loops[slot] += 1
          pc = Int(op.target)
          if tracing { traceBranch(Branch.looping.rawValue) }
        } else {
          state.loops[slot] = 0
          pc += 1
          if tracing { traceBranch(Outcome.next.description) }
        }
      case .call:
        state.offset = Int(program.offsets[pc])
        state.waiting = true
        if answeredWithoutHost.bits & program.actionBits[pc] != 0 {
          try resume(HostResult(.next))
          continue
        }
        if let call = Self.call(at: pc, in: program, attributes: state.attributes) { return .call(call) }
        return .ended(finish(.fellOff(flow: program.flowNames[flow], block: "?", line: 0)))
      }
    }
  }

  /// Records the branch the block traced last is taking.
  private mutating func traceBranch(_ branch: String) {
    guard !trace.isEmpty else { return }
    trace[trace.count - 1].branch = branch
  }

  private mutating func finish(_ ending: Ending) -> Ending {
    state.offset = Int(program.offsets[pc])
    return ending
  }

  // `value`, `compare` and `call(at:in:attributes:)` are static and given what they read:
  // called from the VM's mutating functions, instance methods made the compiler copy the
  // whole VM (192 bytes, its program's reference counted) for each call.

  /// The value of constant `k`: an attribute's value, or the constant itself.
  private static func value(_ k: Int32, in program: Program, attributes: borrowing Attributes) -> String {
    let i = Int(k)
    return program.isAttribute[i] ? attributes[program.texts[i]] ?? "" : program.texts[i]
  }

  private static func compare(_ op: Program.Op, in program: Program, attributes: borrowing Attributes) -> Bool {
    guard let left = attributes[program.texts[Int(op.a)]] else { return false }
    return op.condition.holds(left, value(op.b, in: program, attributes: attributes))
  }

  /// The call of instruction `pc` for a contact with `attributes`, if it is a `call`.
  private static func call(at pc: Int, in program: Program, attributes: borrowing Attributes) -> HostCall? {
    let op = program.code[pc]
    guard op.opcode == .call, let site = program.callSites[pc] else { return nil }
    // A block whose arguments are all constants is called with its site's.
    guard site.arguments == nil else { return HostCall(site: site, arguments: nil) }
    var arguments = HostArguments(capacity: Int(op.argumentCount))
    for i in Int(op.argumentStart)..<Int(op.argumentStart + op.argumentCount) {
      let (name, value) = program.arguments[i]
      arguments[program.keys[Int(name)]] = argument(Int(value), in: program, attributes: attributes)
    }
    return HostCall(site: site, arguments: arguments)
  }

  /// The text of the pending call's argument given by constant `k` (-1: not given), read
  /// without building the call.
  private func argumentText(_ k: Int32) -> String? {
    guard k >= 0 else { return nil }
    let i = Int(k)
    return program.isAttribute[i] ? state.attributes[program.texts[i]] : program.argumentTexts[i]
  }

  /// Answers the pending call: its outcome picks where the flow goes on. On `next` the
  /// block's declared effects on the contact's state apply, and the attributes it writes.
  public mutating func resume(_ result: HostResult) throws(RuntimeError) {
    let op = program.code[pc]
    guard state.waiting, op.opcode == .call, let kind = op.kind else {
      throw RuntimeError(message: "an answer from the host, but no block waits for one", flow: program.flowNames[flow])
    }
    // The table has an entry for each outcome of the block; `next` of a block that goes on
    // only through its branches is there too (to the trap), but the host cannot answer it.
    let code: Int?
    switch result.outcome {
    case .next: code = 0
    case .branch(let branch): code = branch.code
    case .option(let value): code = program.optionCode(value, at: pc)
    }
    var found: Int?
    if let code, code != 0 || !program.skipsNext[pc] {
      for t in Int(op.tableStart)..<Int(op.tableStart + op.tableCount) where program.tables[t].outcome == code {
        found = t
        break
      }
    }
    guard let code, let found else {
      let outcomes = (program.callSites[pc]?.outcomes ?? []).map(\.description).joined(separator: ", ")
      throw failure("the host answered `\(result.outcome)`, which `\(kind.rawValue)` cannot (it can answer \(outcomes))")
    }
    state.waiting = false
    if tracing { traceBranch(result.outcome.description) }
    if code == 0 {
      // Most answers write nothing: their empty writes are not iterated.
      if !result.writes.isEmpty {
        try write(result.writes, kind)
      }
      for e in Int(program.effectStart[pc])..<Int(program.effectStart[pc + 1]) {
        let given = program.effects[e].argument
        switch program.effects[e].kind {
        case .setsWorkingQueue: state.workingQueue = argumentText(given)
        case .setsCallbackNumber: state.callbackNumber = argumentText(given)
        case .entersQueue: state.queue = argumentText(given) ?? state.workingQueue
        case .startsCallbackRequest: state.callbackPending = true
        case .endsCallbackRequest: state.callbackPending = false
        case .changesFlow:
          guard let target = argumentText(given), let next = program.flow(named: target) else {
            throw failure("no flow to hand the contact to")
          }
          state.previousFlows.append(program.flowNames[flow])
          state.flow = target
          flow = next
          pc = program.flowStart[next]
          state.loops = [Int](repeating: 0, count: program.slots[next])
          state.offset = 0
          return
        case .callsModule:
          guard let target = argumentText(given), let module = program.flow(named: target) else {
            throw failure("no flow module to invoke")
          }
          guard state.returns.count < Self.maxModuleDepth else { throw failure("flow modules invoke each other more than \(Self.maxModuleDepth) deep") }
          state.returns.append(ReturnPoint(flow: program.flowNames[flow], offset: Int(program.offsets[Int(program.tables[found].target)]), loops: state.loops))
          state.flow = target
          flow = module
          previous = pc
          pc = program.flowStart[module]
          state.loops = [Int](repeating: 0, count: program.slots[module])
          state.offset = 0
          return
        }
      }
    }
    previous = pc
    pc = Int(program.tables[found].target)
    // The state says where the contact goes on, so that it can be saved right away.
    state.offset = Int(program.offsets[pc])
  }

  /// Writes the attributes the host's answer to the pending call of a `kind` block writes.
  /// All or none: an answer that writes one attribute the block does not write writes none.
  private mutating func write(_ writes: Attributes, _ kind: BlockKind) throws(RuntimeError) {
    if let refused = writes.firstName(where: { !program.writes[pc].allow($0) }) {
      throw failure("the host wrote `\(refused)`, which `\(kind.rawValue)` does not write")
    }
    state.attributes.merge(writes)
  }

  /// What a contact keeps from a flow that ended, moved out of the VM rather than copied: its
  /// attributes, working queue and callback number. The VM's state is left without them.
  public mutating func takeKept() -> (attributes: Attributes, workingQueue: String?, callbackNumber: String?) {
    var attributes = Attributes()
    var workingQueue: String?
    var callbackNumber: String?
    swap(&attributes, &state.attributes)
    swap(&workingQueue, &state.workingQueue)
    swap(&callbackNumber, &state.callbackNumber)
    return (attributes, workingQueue, callbackNumber)
  }

  /// The deepest nesting of flow modules.
  public static let maxModuleDepth = 32

  /// A runtime error at the current block.
  private func failure(_ message: String) -> RuntimeError {
    let block = program.block(pc)
    return RuntimeError(message: message, flow: program.flowNames[flow], block: block?.id, line: block?.line)
  }

  private static func argument(_ k: Int, in program: Program, attributes: borrowing Attributes) -> ArgumentValue {
    if let constant = program.argumentValues[k] { return constant }
    let path = program.texts[k]
    return attributes[path].map(ArgumentValue.text) ?? .unset(path)
  }
}
