import CallflowBytecode
import CallflowChecker
import CallflowDiagnostics
import CallflowSyntax

/// Compiles checked flows into one module. Flows are laid out in name order and constants
/// numbered in order of first use, so the same sources give the same bytes whatever order the
/// files were read in; file paths are kept relative to the project's folder.
public enum Compiler {
  /// Compiles `flows` (checked with their blocks kept, and free of errors). `path(file)` gives
  /// each source file's path as it should be recorded.
  public static func compile(_ flows: [CheckedFlow], center: Center?, sources: SourceMap, path: (FileID) -> String) -> Module {
    var pool = ConstantPool()
    var files: [String] = []
    var module = Module()
    for flow in flows.sorted(by: { ($0.name ?? "") < ($1.name ?? "") }) {
      guard let name = flow.name, let type = flow.type, let start = flow.start else { continue }
      let file = path(flow.syntax.file)
      if !files.contains(file) { files.append(file) }
      var emitter = FlowEmitter(flow: flow, pool: pool)
      let (code, lines) = emitter.emit(from: start)
      pool = emitter.pool
      let begin = module.code.count
      module.code += code
      module.flows.append(
        Module.Flow(
          name: pool.index(of: .text(.flow, name)), type: type, file: files.firstIndex(of: file) ?? 0,
          code: begin..<module.code.count, lines: lines))
    }
    if let center { module.resources = resources(center, &pool) }
    module.constants = pool.constants
    module.files = files
    return module
  }

  /// The center's resources, each kind in the order of `center.yaml`.
  private static func resources(_ center: Center, _ pool: inout ConstantPool) -> Resources {
    var r = Resources()
    for prompt in center.prompts {
      r.prompts.append((pool.index(of: .text(.prompt, prompt.name.value)), pool.index(of: .text(.text, prompt.text.value))))
    }
    for queue in center.queues {
      r.queues.append(
        Resources.Queue(
          name: pool.index(of: .text(.queue, queue.name.value)), capacity: queue.capacity?.value,
          callerName: queue.callerID?.name.map { pool.index(of: .text(.text, $0.value)) },
          callerNumber: queue.callerID?.number.map { pool.index(of: .text(.phone, $0.value)) },
          hours: queue.hours.map { pool.index(of: .text(.hours, $0.value)) }))
    }
    for hours in center.hours {
      let rules = hours.rules.map { rule in
        Resources.Hours.Rule(
          days: rule.days.reduce(0) { $0 | (1 << UInt8($1)) },
          intervals: rule.intervals.map { $0.lowerBound..<($0.upperBound + 1) })
      }
      r.hours.append(
        Resources.Hours(
          name: pool.index(of: .text(.hours, hours.name.value)),
          timezone: hours.timezone.map { pool.index(of: .text(.text, $0.value)) }, rules: rules))
    }
    for entry in center.phoneNumbers {
      r.phoneNumbers.append((pool.index(of: .text(.phone, entry.number.value)), pool.index(of: .text(.flow, entry.flow.value))))
    }
    for profile in center.profiles {
      r.profiles.append(profile.fields.map { (pool.index(of: .text(.name, $0.name)), pool.index(of: .text(.text, $0.value.value))) })
    }
    return r
  }
}

/// The constants in order of first use.
struct ConstantPool {
  private(set) var constants: [Constant] = []
  private var indexes: [Constant: Int] = [:]

  mutating func index(of constant: Constant) -> Int {
    if let i = indexes[constant] { return i }
    constants.append(constant)
    indexes[constant] = constants.count - 1
    return constants.count - 1
  }
}
