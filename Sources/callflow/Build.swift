import ArgumentParser
import CallflowDiagnostics
import CallflowDriver
import Foundation

struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Check a project and compile its flows into one bytecode module.",
    discussion: """
      Only a project without errors compiles: otherwise the diagnostics are printed, nothing \
      is written, and the exit status is 1. The module is written atomically; the same \
      sources give the same bytes. Its format is in Docs/BYTECODE.md.
      """
  )

  @Argument(help: "A project folder (or a flow file, compiled with its project).")
  var path: String

  @Option(name: .shortAndLong, help: "The module file to write (e.g. acme.cfbc).")
  var output: String

  @Flag(name: .long, help: "Write over an existing file of another kind (a flow, a center.yaml).")
  var force = false

  @OptionGroup var checking: CheckingOptions

  func run() throws {
    let result: BuildResult
    do {
      try OutputFile.check(output, for: .module, force: force)
      result = try BuildRun.run(path: path, options: checking.checkOptions())
    } catch {
      Terminal.error("\(error)")
      throw ExitCode(2)
    }
    let check = result.check
    if !check.diagnostics.isEmpty {
      Terminal.standardError(
        TextRenderer(colors: checking.wantsColor(fd: STDERR_FILENO)).render(check.diagnostics, sources: check.sources))
    }
    guard let bytes = result.bytes else {
      Terminal.standardError(check.summary.sentence + "; nothing written\n")
      throw ExitCode(1)
    }
    do { try Conversion.writeAtomically(bytes, to: output) } catch {
      Terminal.error("\(error)")
      throw ExitCode(2)
    }
    Terminal.standardError("wrote \(output): \(check.summary.flows) flows, \(bytes.count) bytes\n")
  }
}
