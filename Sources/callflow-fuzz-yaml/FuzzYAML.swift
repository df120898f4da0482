import CallflowChecker
import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML
import Foundation

/// Runs one input through everything the YAML front end feeds: the reader, the flow and
/// center lowering, the checker, and both renderers (so hostile spans reach them too).
/// Whatever the bytes, this must return without crashing, hanging or reading out of bounds.
func exercise(_ bytes: [UInt8]) {
  var sources = SourceMap()
  let source = SourceFile(path: "fuzz.flow.yaml", bytes: bytes)
  let file = sources.add(source)
  let frontend = YAMLFrontend(substitutions: Substitutions(values: ["QUEUE": "Support"], environment: "fuzz"))
  let (flow, flowProblems) = frontend.parseFlow(source, file: file)
  let (center, centerProblems) = frontend.parseCenter(source, file: file)
  var diagnostics = flowProblems + centerProblems
  if let flow {
    let index = ProjectIndex(flows: [flow], center: center, knowsAllFlows: true)
    let (checked, problems) = Checker.check(flow, index: index)
    diagnostics += problems
    diagnostics += Checker.checkProject([checked], index: index)
  }
  diagnostics.sort(by: Diagnostic.printOrder(in: sources))
  _ = TextRenderer(colors: true).render(diagnostics, sources: sources)
  _ = JSONRenderer.render(diagnostics, summary: DiagnosticSummary(files: 1, flows: 1, diagnostics: diagnostics), sources: sources)
}

#if FUZZING
  import CFuzzing

  /// The program's entry point in a fuzzing build: hands over to libFuzzer's driver.
  @_cdecl("callflow_fuzz_yaml_main")
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
  /// Without `-DFUZZING`: replays the files named on the command line (a crash reproducer or
  /// a corpus), so a finding can be debugged in a normal build.
  @main
  struct Replay {
    static func main() {
      let paths = CommandLine.arguments.dropFirst()
      if paths.isEmpty {
        FileHandle.standardError.write(Data("usage: callflow-fuzz-yaml FILE...  (see Docs/FUZZING.md)\n".utf8))
        exit(2)
      }
      for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
          exit(2)
        }
        exercise(Array(data))
        print("ok \(path)")
      }
    }
  }
#endif
