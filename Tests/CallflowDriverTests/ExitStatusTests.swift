import CallflowTestSupport
import Foundation
import Testing

/// Every command exits 0 when all is well, 1 on findings, and 2 when it could not do what it
/// was asked: a file of the wrong kind or an unknown environment is the last.
@Suite(.serialized) struct ExitStatusTests {
  /// `run` and `disasm` given a file that is not a module: exit 2, and how to make a module.
  @Test func aFileThatIsNotAModuleCannotBeRunOrDisassembled() throws {
    let flow = "Samples/flows/callback-dial.flow.yaml"
    for arguments in [["run", flow, "--flow", "callback-dial"], ["disasm", flow]] {
      let out = try CLI.run(arguments)
      #expect(out.status == 2, "\(arguments)")
      #expect(
        out.stderr == """
          callflow: error: \(flow): not a Callflow module (the file does not start with CFBC) (at byte 0)
          hint: \(flow) is a source file; compile its project into a module with `callflow build PROJECT -o FILE.cfbc`

          """, "\(arguments)")
    }
    let project = try TemporaryProject(["damaged.cfbc": "CFBC\u{2}\0\0\0 not a module"])
    defer { project.remove() }
    let damaged = try CLI.run(["disasm", project.path("damaged.cfbc")])
    #expect(damaged.status == 2)
    #expect(damaged.stderr.hasSuffix("\nhint: modules are written by `callflow build PROJECT -o FILE.cfbc`\n"))
  }

  /// `fmt` formats the DSL: a YAML flow is refused as such (exit 2), not read as broken DSL.
  @Test func fmtRefusesAYAMLFlow() throws {
    let out = try CLI.run(["fmt", "Samples/flows/callback-dial.flow.yaml"])
    #expect(out.status == 2)
    #expect(out.stdout == "")
    #expect(
      out.stderr
        == "callflow: error: Samples/flows/callback-dial.flow.yaml is a YAML flow: `callflow fmt` formats DSL flow files (*.flow); `callflow convert Samples/flows/callback-dial.flow.yaml --to dsl` writes it as one\n")
    let piped = try CLI.run(["fmt", "-"], stdin: mainFlow)
    #expect(piped.status == 2 && piped.stderr.hasPrefix("callflow: error: - is a YAML flow"))
  }

  /// `test --env` with an environment the project does not have exits 2, as `check` does.
  @Test func anUnknownEnvironmentStopsTestAsItStopsCheck() throws {
    let check = try CLI.run(["check", "Samples", "--env", "nope"])
    let test = try CLI.run(["test", "Samples", "--env", "nope"])
    #expect(check.status == 2 && test.status == 2)
    #expect(test.stderr.hasPrefix("callflow: error: --env nope needs a callflow.yaml with environments in Samples"))
    #expect(test.stdout == "")
  }
}

/// A project whose customer-queue flow puts the caller straight back in the queue: `check`
/// reports the loop, and `test` never crashes on it, whether the rule is on (the project is
/// not simulated) or off (the simulator stops the contact with an issue).
@Suite(.serialized) struct RequeueLoopTests {
  @Test func theLoopIsReportedAndNeverCrashesTest() throws {
    let project = try TemporaryProject(requeueLoopProject)
    defer { project.remove() }
    let check = try CLI.run(["check", project.root])
    #expect(check.status == 1)
    #expect(
      check.stdout.hasPrefix(
        "\(project.path("bounce.flow.yaml")):7:5: error: customer-queue flow `bounce` puts the contact back in a queue with no wait or input: the queue starts the flow again, forever [flow-transfer-loop]"
      ))
    let test = try CLI.run(["test", project.root])
    #expect(test.status == 1)
    #expect(test.stdout.contains("has 1 error(s), so it was not simulated") && test.stdout.contains("[flow-transfer-loop]"))

    try "rules:\n  flow-transfer-loop: off\n".write(toFile: project.path("callflow.yaml"), atomically: true, encoding: .utf8)
    let simulated = try CLI.run(["test", project.root])
    #expect(simulated.status == 1)
    #expect(
      simulated.stdout.contains(
        "flow problem: 2026-01-05T15:00:00Z ann (c-1): customer-queue flow `bounce` put the contact back in a queue 100 times with no time passing: it was stopped"
      ))
  }
}
