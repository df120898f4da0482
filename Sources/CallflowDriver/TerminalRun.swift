import CallflowBytecode
import CallflowDiagnostics
import CallflowSyntax
import CallflowVM
import Foundation

/// `callflow run`: one contact through one flow at the terminal.
public enum TerminalRun {
  /// Runs `flow`, printing each block passed, what the host does, each input read and each
  /// branch taken. Returns whether the call ended as calls should: the flow ended, or the
  /// caller hung up at the end of input (not a branch that goes nowhere, nor a runaway).
  public static func run(
    _ program: Program, flow: String, at clock: Date, from caller: String?, readLine: @escaping () -> String?,
    write rawWrite: @escaping (String) -> Void
  ) -> Bool {
    // Text from the module and from input is shown with its control characters escaped.
    let write: (String) -> Void = { text in
      rawWrite(text.split(separator: "\n", omittingEmptySubsequences: false).map { Escaping.visible(String($0), keepTabs: true) }.joined(separator: "\n"))
    }
    let module = program.module
    var attributes = Attributes()
    if let caller { attributes[AttributeCatalog.callerAddress] = caller }
    if let number = module.resources.phoneNumbers.first(where: { module.text($0.flow) == flow }) {
      attributes[AttributeCatalog.dialledAddress] = module.text(number.number)
    }
    var host = TerminalHost(program: program, at: clock, readLine: readLine, write: write)
    // Steps whose `->` line is printed, and steps whose branch is printed (or known to have none).
    var headed = 0
    var finished = 0
    do {
      var vm = try VM(program: program, state: ContactState(flow: flow, attributes: attributes))
      vm.tracing = true
      /// Prints the steps not printed yet and the branches of the steps that are over: all
      /// of them when `all`, else every one but the last, whose block may still be running.
      func printTrace(all: Bool) {
        while finished < vm.trace.count {
          let step = vm.trace[finished]
          if headed == finished {
            let file = module.flows.first { module.text($0.name) == step.flow }.map { module.files[$0.file] } ?? "?"
            write("-> \(step.flow) / \(step.block)  (\(file):\(step.line))\n")
            headed += 1
          }
          guard all || finished < vm.trace.count - 1 || step.branch != nil else { return }
          // `next` goes on to the block printed next; any other branch is named.
          if let branch = step.branch, branch != Outcome.next.description { write("  takes `\(branch)`\n") }
          finished += 1
        }
      }
      while true {
        let event = try vm.advance()
        printTrace(all: false)
        switch event {
        case .call(let call):
          let answer = host.perform(call, state: vm.state)
          if host.hungUp {
            write("the caller hung up: the input ended\n")
            return true
          }
          try vm.resume(answer)
          printTrace(all: false)
        case .ended(let ending):
          printTrace(all: true)
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
