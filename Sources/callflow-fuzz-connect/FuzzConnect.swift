import CallflowFuzzSupport

// The Amazon Connect front end's and exporter's fuzz target (Docs/FUZZING.md).
#if FUZZING
  import CFuzzing

  /// The program's entry point in a fuzzing build: hands over to libFuzzer's driver.
  @_cdecl("callflow_fuzz_connect_main")
  public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
      guard let data else { return 0 }
      Exercise.connect(Array(UnsafeBufferPointer(start: data, count: size)))
      return 0
    }
  }
#else
  /// Without `-DFUZZING`: replays the files named on the command line.
  @main
  struct Replay {
    static func main() { Exercise.replay(Exercise.connect) }
  }
#endif
