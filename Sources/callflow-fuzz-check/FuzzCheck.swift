import CallflowDiagnostics
import CallflowDriver
import Foundation

// The two-pass check's fuzz target (Docs/FUZZING.md): every input is a flow file of a small
// project, beside a flow that refers to flows by name, checked as the commands check (the
// project indexed from its flows' headers, each flow read, checked and freed) and as the
// library checks (every tree held). The two must give the same diagnostics, to the byte.

/// A project around the input: a center with two numbers, and a flow that transfers to
/// `main` and to `queue-music`, which the input may or may not declare.
let center = """
  center: fuzz
  queues:
    Support: {caller-id: "+18005550100"}
  routing-profiles:
    Tier1:
      queues: [{queue: Support, priority: 1}]
  phone-numbers:
    "+18005550199": main
    "+18005550100": caller

  """
let caller = """
  flow: caller
  type: inbound
  start: go
  blocks:
    go:
      set-customer-queue-flow: queue-music
      next: to-main
    to-main:
      transfer-to-flow: main
      on: {error: bye}
    bye:
      disconnect: {}

  """

func exercise(_ bytes: [UInt8]) {
  // The input's first byte picks its form; the rest is the file.
  let dsl = bytes.first.map { $0 & 1 == 1 } ?? false
  let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
  let files = ["center.yaml": center, "flows/caller.flow.yaml": caller, dsl ? "flows/fuzz.flow" : "flows/fuzz.flow.yaml": text]
  var options = CheckOptions(keepCheckedBlocks: false)
  options.keepsSyntaxTrees = false
  let streamed = render(files, options)
  options.keepsSyntaxTrees = true
  let usual = render(files, options)
  if streamed != usual {
    fatalError("the two-pass check differs from the one-pass check:\n--- two passes\n\(streamed)\n--- one pass\n\(usual)")
  }
}

/// The check's diagnostics and summary as `callflow check` prints them.
func render(_ files: [String: String], _ options: CheckOptions) -> String {
  do {
    let result = try CheckRun.run([Project(files: files)], options: options)
    return TextRenderer(colors: false).render(result.diagnostics, sources: result.sources) + "\(result.summary.files) files, \(result.summary.flows) flows, \(result.summary.errors) errors, \(result.summary.warnings) warnings"
  } catch {
    return "error: \(error)"
  }
}

#if FUZZING
  import CFuzzing

  /// The program's entry point in a fuzzing build: hands over to libFuzzer's driver.
  @_cdecl("callflow_fuzz_check_main")
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
