import CallflowBytecode
import CallflowSimulator
import CallflowSyntax
import CallflowVM
import Foundation

/// Answers every block in turn with each of its outcomes, so fuzzed flows are run down
/// many of their branches.
struct RoundRobin: FlowHost {
  var turn = 0
  mutating func perform(_ call: HostCall, state: ContactState) -> HostResult {
    turn += 1
    let writes: Attributes = call.action == .storeInput ? ["$.StoredCustomerInput": "+14255550100"] : [:]
    return HostResult(call.outcomes[turn % call.outcomes.count], writes: writes)
  }
}

/// A small world for fuzzed modules: a few callers to every number of the module, who press
/// the keys of each menu in turn and answer dials every way in turn.
struct FuzzWorld: World {
  var arrivals: [Arrival]
  var turn = 0
  mutating func nextArrival() -> Arrival? { arrivals.isEmpty ? nil : arrivals.removeFirst() }
  mutating func input(label: Int, call: HostCall) -> String? {
    turn += 1
    if case .list(let options)? = call.argument(.options), !options.isEmpty { return options[turn % options.count] }
    return turn % 3 == 0 ? nil : "+14255550100"
  }
  mutating func dial(label: Int) -> DialAnswer {
    turn += 1
    return DialAnswer.allCases[turn % DialAnswer.allCases.count]
  }
  mutating func patience(label: Int) -> Int? { label % 2 == 0 ? 600 : nil }
  mutating func handleTime(agent: Int, label: Int) -> Int { 120 }
}

/// What verifies must also simulate: callers to each phone number, an agent per queue.
func simulate(_ program: Program) {
  let module = program.module
  var arrivals: [Arrival] = []
  for (k, number) in module.resources.phoneNumbers.prefix(8).enumerated() {
    guard let to = module.text(number.number) else { continue }
    for n in 0..<3 { arrivals.append(Arrival(time: 1_767_625_200 + 60 * (3 * k + n), from: "+1425555010\(n)", to: to, label: 3 * k + n)) }
  }
  var center = CenterModel(module: module, center: nil)
  let entries = center.queues.indices.map { CenterModel.Entry(queue: $0, priority: 1 + $0 % 2, delay: $0 % 3 == 0 ? 0 : 60) }
  center = CenterModel(module: module, routingProfiles: [CenterModel.RoutingProfile(name: "all", entries: entries)])
  var options = SimulationOptions()
  options.until = 1_767_625_200 + 2 * 86_400
  options.maxEvents = 20_000
  options.stepBudget = 2_000
  options.tracePaths = true
  options.keepAttributes = true
  var simulator = Simulator(
    program: program, center: center, world: FuzzWorld(arrivals: arrivals),
    agents: [AgentSchedule(name: "a", profile: 0, shifts: [1_767_625_200 + 300..<1_767_625_200 + 86_400])], start: 1_767_625_200,
    options: options)
  simulator.run()
  _ = simulator.records().map { $0.json(scenario: "fuzz", label: String($0.label)) }
  _ = simulator.totals(start: 1_767_625_200, interval: 3600, intervals: 48)
}

// The bytecode loader's fuzz target (Docs/FUZZING.md): any byte string is either a module
// that verifies, disassembles and writes back to the same bytes, or an error. The input is
// signed first, so that mutations reach the verifier instead of stopping at the checksum.
func exercise(_ input: [UInt8]) {
  var bytes = input
  ModuleWriter.sign(&bytes)
  guard let module = try? ModuleReader.read(bytes) else { return }
  _ = Disassembler.text(of: module)
  // What verifies must also run: every flow, with a small step budget.
  if let program = try? Program(module) {
    for name in program.flowNames {
      guard var vm = try? VM(program: program, state: ContactState(flow: name)) else { continue }
      vm.stepBudget = 2_000
      var host = RoundRobin()
      _ = try? vm.run(&host)
    }
  }
  if let program = try? Program(module) { simulate(program) }
  if ModuleWriter.bytes(of: module) != bytes, (try? ModuleReader.read(ModuleWriter.bytes(of: module))) != module {
    fatalError("a verified module does not survive being written and read back")
  }
}

#if FUZZING
  import CFuzzing

  /// The program's entry point in a fuzzing build: hands over to libFuzzer's driver.
  @_cdecl("callflow_fuzz_module_main")
  public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
      guard let data else { return 0 }
      exercise(Array(UnsafeBufferPointer(start: data, count: size)))
      return 0
    }
  }
#else
  import CallflowFuzzSupport

  /// Without `-DFUZZING`: replays the files named on the command line.
  @main
  struct Replay {
    static func main() { Exercise.replay(exercise) }
  }
#endif
