import CallflowBytecode
import CallflowVM
import Foundation

/// Answers every block in turn with each of its outcomes, so fuzzed flows are run down
/// many of their branches.
struct RoundRobin: FlowHost {
  var turn = 0
  mutating func perform(_ call: HostCall, state: ContactState) -> HostResult {
    turn += 1
    return HostResult(call.outcomes[turn % call.outcomes.count], writes: ["$.StoredCustomerInput": "+14255550100"])
  }
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
