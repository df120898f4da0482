
import CallflowScenarios
import Foundation

// The simulator's file readers' fuzz target (Docs/FUZZING.md): every input is read as a
// scenario and as a load model; each must come back with diagnostics or none, never crash,
// hang or grow without bound.
func exercise(_ bytes: [UInt8]) {
  _ = SimulationFiles.diagnoseScenario(bytes)
  _ = SimulationFiles.diagnoseModel(bytes)
}

#if FUZZING
  import CFuzzing

  /// The program's entry point in a fuzzing build: hands over to libFuzzer's driver.
  @_cdecl("callflow_fuzz_scenario_main")
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
