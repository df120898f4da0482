import ArgumentParser
import Foundation

/// The `callflow` command: lint, build and run contact-center flows written as text.
struct Callflow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "callflow",
    abstract: "Check, convert, compile and run contact-center call flows written as YAML or in the Callflow DSL.",
    version: "0.1.0",
    subcommands: [Check.self, Build.self, Disasm.self, Run.self, Test.self, Simulate.self, Staff.self, Graph.self, Convert.self, Format.self, Import.self, Export.self, Schema.self, Explain.self, LSP.self]
  )
}

/// Runs a command line with CLI.md's exit statuses: 0 success, 1 findings, 2 the command
/// itself could not run (bad arguments included).
@main
enum Main {
  static func main() {
    do {
      var command = try Callflow.parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      let code = Callflow.exitCode(for: error)
      if code == .success {
        Callflow.exit(withError: error)
      }
      let message = Callflow.fullMessage(for: error)
      FileHandle.standardError.write(Data((message + "\n").utf8))
      Foundation.exit(2)
    }
  }
}
