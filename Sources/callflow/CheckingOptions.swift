import ArgumentParser
import CallflowDiagnostics
import CallflowDriver
import CallflowRules

/// The options of every command that checks a project (`check`, `build`, `graph`, `test`,
/// `simulate`), parsed once: rule levels, the values that fill `${NAME}`, and colour.
struct CheckingOptions: ParsableArguments {
  @Option(name: .customLong("rule"), help: ArgumentHelp("Set a rule's level: off, info, warning or error (repeatable).", valueName: "NAME=LEVEL"))
  var rules: [String] = []

  @Option(name: .long, help: "The environment of callflow.yaml whose values fill ${NAME}.")
  var env: String?

  @Option(name: .customLong("define"), help: ArgumentHelp("Give ${NAME} a value (wins over --env).", valueName: "NAME=VALUE"))
  var defines: [String] = []

  @Option(name: .long, help: "Colour text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
  var color: ColorMode = .auto

  @Flag(name: .long, help: "Leave out the files named on the command line that callflow.yaml's `exclude` matches (they are checked by default).")
  var forceExclude = false

  func validate() throws {
    for define in defines where !define.contains("=") || define.hasPrefix("=") {
      throw ValidationError("--define takes NAME=VALUE, not '\(define)'")
    }
    _ = try ruleLevels()
  }

  /// The `--rule` settings, checked: the rule must exist and the level be one of the four.
  func ruleLevels() throws -> [String: RuleLevel] {
    var levels: [String: RuleLevel] = [:]
    for setting in rules {
      let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, let level = RuleLevel(rawValue: parts[1]) else {
        throw ValidationError("--rule takes NAME=LEVEL with LEVEL off, info, warning or error, not '\(setting)'")
      }
      guard RuleCatalog.named(parts[0]) != nil else {
        let hint = Suggestions.nearest(to: parts[0], in: RuleCatalog.ids).map { "; did you mean '\($0)'?" } ?? ""
        throw ValidationError("--rule: there is no rule '\(parts[0])'\(hint)")
      }
      levels[parts[0]] = level
    }
    return levels
  }

  /// The `--define` values by name (a bare `NAME` sets it empty).
  var values: [String: String] {
    var values: [String: String] = [:]
    for define in defines {
      let parts = define.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
    }
    return values
  }

  /// The options of a check run. `validate()` has checked the rule settings.
  func checkOptions(keepCheckedBlocks: Bool = true) -> CheckOptions {
    var options = CheckOptions(environment: env, defines: values, keepCheckedBlocks: keepCheckedBlocks, ruleLevels: (try? ruleLevels()) ?? [:])
    // No command that takes these options writes flow language, nor needs the syntax trees
    // once the flows are checked.
    options.keepsConnectLayout = false
    options.keepsSyntaxTrees = false
    options.forceExclude = forceExclude
    return options
  }

  /// Whether text written to `fd` is coloured.
  func wantsColor(fd: Int32) -> Bool { Terminal.wantsColor(color, fd: fd) }
}
