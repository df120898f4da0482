import CallflowDriver
import CallflowVM
import Foundation

/// The VM on its own instructions: a flow whose bounded `loop` goes round a `set-attributes`
/// and a `check-attribute` of two conditions, so that every instruction is one the VM runs
/// itself (loop, set-attribute, jump, compare). Reports instructions per second.
enum VMBenchmark {
  static let flow = """
    flow: spin
    type: customer-queue
    start: count
    blocks:
      count:
        loop: 1000
        next: done
        on: {looping: tag}
      tag:
        set-attributes: {x: "1"}
        next: test
      test:
        check-attribute:
          attribute: $.Attributes.x
          conditions: [{equals: "2", goto: done}, {equals: "1", goto: count}]
        on: {no-match: done}
      done:
        end-flow: {}

    """

  struct NoHost: FlowHost {
    mutating func perform(_ call: HostCall, state: ContactState) -> HostResult { HostResult(.next) }
  }

  /// (instructions per run, best seconds per run)
  static func measure(runs: Int) throws -> (Int, Double) {
    let root = NSTemporaryDirectory() + "callflow-bench-vm-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    try flow.write(toFile: root + "/spin.flow.yaml", atomically: true, encoding: .utf8)
    guard let bytes = try BuildRun.run(path: root).bytes else { fatalError("the VM benchmark's flow does not build") }
    let program = try Program(bytes: bytes)
    var steps = 0
    let repeats = 100
    let seconds = Benchmark.measure(runs) {
      var host = NoHost()
      for _ in 0..<repeats {
        var vm = try? VM(program: program, state: ContactState(flow: "spin"))
        vm?.stepBudget = Int.max
        _ = try? vm?.run(&host)
        steps = vm?.state.steps ?? 0
      }
      return steps
    }
    return (steps * repeats, seconds)
  }
}
