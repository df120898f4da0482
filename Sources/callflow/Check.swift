import ArgumentParser
import CallflowDiagnostics
import CallflowRules
import CallflowDriver
import Foundation

/// The output formats of `callflow check`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, sarif, github
}

/// When to colour text output.
enum ColorMode: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Parse and check flows; print diagnostics.",
    discussion: """
      PATH is a flow file (*.flow.yaml or *.flow), a project folder (its center.yaml and every flow \
      file below it), or - for standard input. Exit status: 0 no errors, 1 errors found \
      (or warnings, with --werror), 2 the command could not run.
      """
  )

  @Argument(help: "Flow files (YAML or DSL), project folders, or - for standard input.")
  var paths: [String] = ["."]

  @Option(name: .long, help: "Output format: text, json, sarif (SARIF 2.1.0) or github (workflow annotations).")
  var format: OutputFormat = .text

  @Option(name: .long, help: "Colour text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
  var color: ColorMode = .auto

  @Flag(name: .long, help: "Fail (exit 1) on warnings too.")
  var werror = false

  @Option(name: .customLong("rule"), help: ArgumentHelp("Set a rule's level: off, info, warning or error (repeatable).", valueName: "NAME=LEVEL"))
  var rules: [String] = []

  @OptionGroup var substitutions: Substitutions

  func validate() throws {
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

  func run() throws {
    let result: CheckResult
    do {
      result = try CheckRun.run(
        paths: paths,
        options: CheckOptions(environment: substitutions.env, defines: substitutions.values, keepCheckedBlocks: false, ruleLevels: try ruleLevels()))
    } catch {
      Terminal.standardError("callflow: error: \(error)\n")
      throw ExitCode(2)
    }
    switch format {
    case .text:
      let colors = Terminal.wantsColor(color, fd: STDOUT_FILENO)
      Terminal.standardOutput(TextRenderer(colors: colors).render(result.diagnostics, sources: result.sources))
      Terminal.standardError(result.summary.sentence + "\n")
    case .json:
      Terminal.standardOutput(JSONRenderer.render(result.diagnostics, summary: result.summary, sources: result.sources))
    case .sarif:
      Terminal.standardOutput(
        SARIFRenderer.render(result.diagnostics, sources: result.sources, rules: RuleCatalog.infos, version: Callflow.configuration.version))
    case .github:
      Terminal.standardOutput(GitHubRenderer.render(result.diagnostics, sources: result.sources))
    }
    let failed = result.summary.errors > 0 || (werror && result.summary.warnings > 0)
    // Exit while `result` is still alive: freeing a large project's trees one by one would
    // only delay the exit (compilers skip it the same way).
    withExtendedLifetime(result) { Foundation.exit(failed ? 1 : 0) }
  }
}
