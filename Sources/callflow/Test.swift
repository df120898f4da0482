import ArgumentParser
import CallflowDriver
import CallflowScenarios
import CallflowSyntax
import Foundation

struct Test: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run scenario files (*.test.yaml) in the simulator and check their expectations.",
    discussion: """
      Each scenario runs against the project of its folder (the nearest folder upward with a \
      center.yaml), compiled as `callflow build` compiles it, on a virtual clock: its contacts \
      arrive, press keys, wait, hang up and answer callbacks as the file says, and its agents \
      work the queues. Every expectation must hold. Each scenario is reported ok or FAILED, \
      with each failed expectation's place, what was expected and what happened. A file's own \
      mistakes and its references to what the project lacks are all reported, at their places, \
      before it runs (the scenario is an ERROR). The exit \
      status is 0 when all pass, 1 when one fails, 2 when the command cannot run. \
      Docs/SIMULATOR.md describes the format and the model.
      """
  )

  @Argument(help: "Scenario files, or folders to search for *.test.yaml.")
  var paths: [String] = ["."]

  @Option(name: .long, help: "Also write every contact record the scenarios produced to this file, as a JSON array.")
  var records: String?

  @OptionGroup var checking: CheckingOptions

  func run() throws {
    let started = Date()
    let result: ScenarioRunResult
    do {
      result = try ScenarioRun.run(paths: paths, options: checking.checkOptions())
    } catch {
      Terminal.error("\(error)")
      throw ExitCode(2)
    }
    let colors = checking.wantsColor(fd: STDOUT_FILENO)
    Terminal.standardOutput(ScenarioRunner.report(result, colors: colors, elapsed: Date().timeIntervalSince(started)))
    if let records {
      let all = JSONValue.array(result.outcomes.flatMap(\.records))
      do {
        try Conversion.writeAtomically(all.printed() + "\n", to: records)
      } catch {
        Terminal.error("\(error)")
        throw ExitCode(2)
      }
    }
    throw ExitCode(result.allPassed ? 0 : 1)
  }
}
