import ArgumentParser
import CallflowDiagnostics
import CallflowDriver
import CallflowRules
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
    commandName: "check",
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

  @Flag(name: .long, help: "Fail (exit 1) on warnings too.")
  var werror = false

  @Option(
    name: .customLong("stdin-filename"),
    help: ArgumentHelp("Check standard input (-) as the text of this file, inside its project (for editors).", valueName: "PATH"))
  var stdinFilename: String?

  @OptionGroup var checking: CheckingOptions

  func run() throws {
    let result: CheckResult
    do {
      // A folder's own projects below it are checked too.
      var options = checking.checkOptions(keepCheckedBlocks: false)
      options.nestedProjects = true
      options.standardInputName = stdinFilename
      result = try CheckRun.run(paths: paths, options: options)
    } catch {
      Terminal.error("\(error)")
      throw ExitCode(2)
    }
    switch format {
    case .text:
      let colors = checking.wantsColor(fd: STDOUT_FILENO)
      Terminal.standardOutput(TextRenderer(colors: colors).render(result.diagnostics, sources: result.sources))
      Terminal.standardError(result.summary.sentence + "\n")
      if !result.hiddenFromCompiler.isEmpty {
        let rules = Set(result.hiddenFromCompiler).sorted().map { "`\($0)`" }.joined(separator: ", ")
        let count = result.hiddenFromCompiler.count
        Terminal.standardError(
          "note: \(count) \(count == 1 ? "error" : "errors") of \(rules) switched off here would still stop `callflow build`: the compiler depends on \(count == 1 ? "it" : "them")\n")
      }
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
