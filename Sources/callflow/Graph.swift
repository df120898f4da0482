import ArgumentParser
import CallflowDiagnostics
import CallflowDriver
import Foundation

struct Graph: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "graph",
    abstract: "Draw a project's flows, and the references between them, as a Graphviz diagram.",
    discussion: """
      A cluster per flow, its blocks shaped and coloured by category, branches as labelled \
      edges (error and at-capacity drawn apart), callback settings on the transfers that \
      queue callbacks, edges between flows for creation, customer-queue, whisper, outbound \
      flows and transfers, the phone numbers of center.yaml as entry points, unreachable \
      blocks greyed, and blocks with diagnostics outlined by severity, the messages as \
      tooltips. DOT by default; --format svg runs Graphviz's `dot` (package `graphviz`). \
      Docs/GRAPH.md shows the samples drawn.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case dot, svg
  }

  @Argument(help: "A project folder or flow files.")
  var paths: [String] = ["."]

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  @Option(name: .long, help: "dot (Graphviz's language) or svg (rendered by Graphviz's dot).")
  var format: Format = .dot

  @Flag(name: .long, help: "Write over an existing file of another kind (a flow, a center.yaml).")
  var force = false

  @Option(name: .long, help: "Draw only this flow, with the numbers that start it and the flows it refers to.")
  var flow: String?

  @OptionGroup var checking: CheckingOptions

  func run() throws {
    do {
      if let output { try OutputFile.check(output, for: format == .svg ? .svg : .dot, force: force) }
      let options = checking.checkOptions()
      // DOT is written in the parts it is drawn in, never joined (Docs/PERFORMANCE.md).
      let result = try GraphRun.dotParts(paths: paths, flow: flow, options: options)
      let parts = format == .svg ? [try GraphRun.svg(parts: result.dot)] : result.dot
      if let output {
        try Conversion.writeAtomically(parts: parts, to: output)
      } else {
        for part in parts { _ = Conversion.writeAll(STDOUT_FILENO, part) }
      }
      // The errors drawn (a file that does not parse, a reference to nothing) are printed
      // too, and make the exit status 1, as `check`'s do.
      let errors = result.check.diagnostics.filter { $0.severity == .error }
      if !errors.isEmpty {
        Terminal.standardError(TextRenderer(colors: checking.wantsColor(fd: STDERR_FILENO)).render(errors, sources: result.check.sources))
      }
      // Exit while the checked project is alive: freeing it block by block only delays the
      // exit (as `check` does).
      withExtendedLifetime(result) { Foundation.exit(errors.isEmpty ? 0 : 1) }
    } catch let error {
      Terminal.error("\(error)")
      throw ExitCode(2)
    }
  }
}
