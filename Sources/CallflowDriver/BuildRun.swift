import CallflowBytecode
import CallflowCompiler
import CallflowDiagnostics
import Foundation

/// What `callflow build` produced: the check's diagnostics, and the module's bytes when the
/// project has no errors.
public struct BuildResult: Sendable {
  public var check: CheckResult
  public var bytes: [UInt8]?
}

/// Checks a project and, when it has no errors, compiles it into a module.
public enum BuildRun {
  public static func run(path: String, options: CheckOptions = CheckOptions()) throws(InputError) -> BuildResult {
    let check = try CheckRun.run(paths: [path], options: compiling(options))
    guard check.compilable else { return BuildResult(check: check, bytes: nil) }
    return BuildResult(check: check, bytes: try compile(check, path: path))
  }

  /// Checks a project held in memory and, when it has no errors, compiles it; file paths are
  /// recorded as the project gives them.
  public static func run(_ project: Project, options: CheckOptions = CheckOptions()) throws(InputError) -> BuildResult {
    let check = try CheckRun.run([project], options: compiling(options))
    guard check.compilable else { return BuildResult(check: check, bytes: nil) }
    return BuildResult(check: check, bytes: try compile(check) { $0 })
  }

  /// `options` for a check whose flows are to be compiled: blocks kept, compiler rules enforced.
  public static func compiling(_ options: CheckOptions) -> CheckOptions {
    var options = options
    options.keepCheckedBlocks = true
    options.compiling = true
    return options
  }

  /// Compiles and encodes the flows of a check run of `path` made with ``compiling(_:)``
  /// options. A run made otherwise, or with errors, is refused: its flows may miss what the
  /// compiler needs.
  public static func compile(_ check: CheckResult, path: String) throws(InputError) -> [UInt8] {
    // Paths are recorded relative to the project's folder, so the module does not depend on
    // where the project was built.
    let layout = try ProjectLayout.discover([path])
    let base = absolute(layout.groups.first?.root ?? path)
    return try compile(check) { path in
      let full = absolute(path)
      return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : (full as NSString).lastPathComponent
    }
  }

  /// Compiles a compilable check run, recording each source file's path as `record` says.
  static func compile(_ check: CheckResult, record: (String) -> String) throws(InputError) -> [UInt8] {
    guard check.compilable else { throw InputError("the project was not checked for compiling, or has errors: nothing to compile") }
    let module = Compiler.compile(check.flows, center: check.centers.first, sources: check.sources) { file in
      record(check.sources.path(file))
    }
    return ModuleWriter.bytes(of: module)
  }

  private static func absolute(_ path: String) -> String {
    let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return (full as NSString).standardizingPath
  }
}
