import CallflowDiagnostics
import CallflowDriver
import Foundation

/// Writing to the terminal, and whether to colour it.
enum Terminal {
  static func standardOutput(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

  static func standardError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

  /// Prints `callflow: error: MESSAGE` (and a hint line) to standard error, with control
  /// characters escaped: a message may quote a path or an argument.
  static func error(_ message: String, hint: String = "") {
    let hintLines = hint.split(separator: "\n", omittingEmptySubsequences: false).map { Escaping.visible(String($0)) }
    standardError("callflow: error: " + Escaping.visible(message) + "\n" + hintLines.joined(separator: "\n"))
  }

  /// What to do when `path`, given where a module was expected, is not one: a line for
  /// standard error.
  static func moduleHint(for path: String) -> String {
    let name = (path as NSString).lastPathComponent
    if name == ProjectLayout.centerName || SourceForm(path: name) != nil {
      return "hint: \(path) is a source file; compile its project into a module with `callflow build PROJECT -o FILE.cfbc`\n"
    }
    return "hint: modules are written by `callflow build PROJECT -o FILE.cfbc`\n"
  }

  /// Colour on a terminal unless `NO_COLOR` is set to anything non-empty, or as forced.
  static func wantsColor(_ mode: ColorMode, fd: Int32) -> Bool {
    switch mode {
    case .always: return true
    case .never: return false
    case .auto:
      if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
      return isatty(fd) == 1
    }
  }
}

extension DiagnosticSummary {
  /// "2 errors, 1 warning in 3 files (2 flows)" or "no problems in 7 files (6 flows)".
  var sentence: String {
    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    var parts: [String] = []
    if errors > 0 { parts.append(count(errors, "error")) }
    if warnings > 0 { parts.append(count(warnings, "warning")) }
    if infos > 0 { parts.append(count(infos, "info")) }
    let found = parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
    return "\(found) in \(count(files, "file")) (\(count(flows, "flow")))"
  }
}
