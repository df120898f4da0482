import CallflowBytecode
import CallflowVM
import Foundation

/// `callflow run`: one contact through one flow at the terminal.
public enum TerminalRun {
  /// Runs `flow`, printing the blocks passed and what the host does. Returns whether the
  /// flow ended as flows should (not by a branch that goes nowhere, nor a runaway).
  public static func run(
    _ program: Program, flow: String, at clock: Date, from caller: String?, readLine: @escaping () -> String?,
    write: @escaping (String) -> Void
  ) -> Bool {
    let module = program.module
    var attributes: [String: String] = [:]
    if let caller { attributes["$.CustomerEndpoint.Address"] = caller }
    if let number = module.resources.phoneNumbers.first(where: { module.text($0.flow) == flow }) {
      attributes["$.SystemEndpoint.Address"] = module.text(number.number)
    }
    var host = TerminalHost(program: program, at: clock, readLine: readLine, write: write)
    var printed = 0
    do {
      var vm = try VM(program: program, state: ContactState(flow: flow, attributes: attributes))
      vm.tracing = true
      func printTrace() {
        for step in vm.trace[printed...] {
          let file = module.flows.first { module.text($0.name) == step.flow }.map { module.files[$0.file] } ?? "?"
          write("-> \(step.flow) / \(step.block)  (\(file):\(step.line))\n")
        }
        printed = vm.trace.count
      }
      while true {
        let event = try vm.advance()
        printTrace()
        switch event {
        case .call(let call):
          try vm.resume(host.perform(call, state: vm.state))
        case .ended(let ending):
          switch ending {
          case .disconnected: write("disconnected\n")
          case .endedFlow: write("the flow ended (end-flow)\n")
          case .queued(let queue): write("in queue \(queue ?? "(the working queue)"): the contact waits for an agent\n")
          case .fellOff(let flow, let block, let line):
            write("fell off flow `\(flow)` after block `\(block)` (line \(line)): a branch that goes nowhere\n")
            return false
          }
          return true
        }
      }
    } catch {
      write("error: \(error)\n")
      return false
    }
  }
}
