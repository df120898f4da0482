import ArgumentParser
import CallflowDiagnostics
import CallflowDriver
import Foundation

/// The output formats of `callflow check`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
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

  @Option(name: .long, help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Option(name: .long, help: "Colour text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
  var color: ColorMode = .auto

  @Flag(name: .long, help: "Fail (exit 1) on warnings too.")
  var werror = false

  @Option(name: .long, help: "The environment of callflow.yaml whose values fill ${NAME}.")
  var env: String?

  @Option(name: .customLong("define"), help: ArgumentHelp("Give ${NAME} a value (wins over --env).", valueName: "NAME=VALUE"))
  var defines: [String] = []

  func validate() throws {
    for define in defines where !define.contains("=") || define.hasPrefix("=") {
      throw ValidationError("--define takes NAME=VALUE, not '\(define)'")
    }
  }

  func run() throws {
    var values: [String: String] = [:]
    for define in defines {
      let parts = define.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
    }
    let result: CheckResult
    do {
      result = try CheckRun.run(paths: paths, options: CheckOptions(environment: env, defines: values, keepCheckedBlocks: false))
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
    }
    let failed = result.summary.errors > 0 || (werror && result.summary.warnings > 0)
    // Exit while `result` is still alive: freeing a large project's trees one by one would
    // only delay the exit (compilers skip it the same way).
    withExtendedLifetime(result) { Foundation.exit(failed ? 1 : 0) }
  }
}
