import CallflowBytecode
import CallflowCompiler
import CallflowDiagnostics
import CallflowRules
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
    var options = options
    options.keepCheckedBlocks = true
    let check = try CheckRun.run(paths: [path], options: options)
    guard check.summary.errors == 0 else { return BuildResult(check: check, bytes: nil) }
    return BuildResult(check: check, bytes: try compile(check, path: path))
  }

  /// Compiles and encodes the flows of a check run (made with checked blocks kept) of `path`.
  public static func compile(_ check: CheckResult, path: String) throws(InputError) -> [UInt8] {
    // Paths are recorded relative to the project's folder, so the module does not depend on
    // where the project was built.
    let layout = try ProjectLayout.discover([path])
    let base = absolute(layout.groups.first?.root ?? path)
    let module = Compiler.compile(check.flows, center: check.centers.first, sources: check.sources) { file in
      let full = absolute(check.sources.path(file))
      return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : (full as NSString).lastPathComponent
    }
    return ModuleWriter.bytes(of: module)
  }

  private static func absolute(_ path: String) -> String {
    let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return (full as NSString).standardizingPath
  }
}
