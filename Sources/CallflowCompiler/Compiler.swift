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
  public static func compile(_ flows: [CheckedFlow], sources: SourceMap, path: (FileID) -> String) -> Module {
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
    module.constants = pool.constants
    module.files = files
    return module
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
