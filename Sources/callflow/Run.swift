import ArgumentParser
import CallflowBytecode
import CallflowDiagnostics
import CallflowDriver
import CallflowVM
import Foundation

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a flow of a module at the terminal, you being the caller.",
    discussion: """
      Prompts are printed; each input (a menu key, a number, who answered an outbound call) \
      is a line read from standard input, so a run can be scripted; an empty line is a \
      timeout. A `wait` block reads a line too: any line holds on. The end of input is the \
      caller hanging up, so a flow that waits in a loop ends. An answer to a dial that is \
      not one of the block's answers is refused and asked again. Hours are checked against \
      a virtual clock (--at) that `wait` blocks move on; profiles are looked up in the \
      module; every other effect is printed and succeeds. Each block passed is printed with \
      its source line, each input read, and each branch taken other than `next`. The exit \
      status is 0 when the flow ends or the caller hangs up, 1 when it takes a branch that \
      goes nowhere or runs away.
      """
  )

  @Argument(help: "A module written by `callflow build`.")
  var file: String

  @Option(name: .long, help: "The flow to run.")
  var flow: String

  @Option(name: .long, help: "The virtual clock's start, in ISO 8601 (e.g. 2026-01-05T10:00:00Z); now by default.")
  var at: String?

  @Option(name: .long, help: "The caller's number ($.CustomerEndpoint.Address).")
  var from: String?

  func run() throws {
    let program: Program
    do {
      program = try Program(bytes: try Conversion.read(file))
    } catch let error as InputError {
      Terminal.error("\(error)")
      throw ExitCode(2)
    } catch {
      Terminal.error("\(file): \(error)", hint: Terminal.moduleHint(for: file))
      throw ExitCode(2)
    }
    guard program.flow(named: flow) != nil else {
      let hint = Suggestions.nearest(to: flow, in: program.flowNames).map { "; did you mean '\($0)'?" } ?? ""
      Terminal.error("the module has no flow '\(flow)'\(hint) (it has \(program.flowNames.joined(separator: ", ")))")
      throw ExitCode(2)
    }
    var clock = Date()
    if let at {
      guard let date = try? Date(at, strategy: .iso8601) else {
        Terminal.error("--at takes an ISO 8601 time such as 2026-01-05T10:00:00Z, not '\(at)'")
        throw ExitCode(2)
      }
      clock = date
    }
    let result = TerminalRun.run(program, flow: flow, at: clock, from: from, readLine: { Swift.readLine() }, write: Terminal.standardOutput)
    throw ExitCode(result ? 0 : 1)
  }
}
