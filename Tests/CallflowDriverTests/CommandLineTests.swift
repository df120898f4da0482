import CallflowDiagnostics
import CallflowRules
import CallflowTestSupport
import Foundation
import Testing

/// Runs the built `callflow` executable, as CI and users do.
struct CLI {
  static let executable = callflowExecutable

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs the executable with `arguments` in folder `directory` (the package's by default).
  static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:], in directory: String? = nil) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? packageRoot)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let (input, output, error) = (Pipe(), Pipe(), Pipe())
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Standard error is read while standard output is: read one after the other, a child
    // that fills the error pipe (64 KiB) before it closes its output would wait for ever.
    let errorRead = PipeRead(error.fileHandleForReading)
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errorRead.wait()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
  }

  /// A pipe read to its end on a thread of its own.
  final class PipeRead: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
      Thread.detachNewThread { [self] in
        data = handle.readDataToEndOfFile()
        done.signal()
      }
    }

    /// What was read, once the pipe is closed.
    func wait() -> Data {
      done.wait()
      return data
    }
  }
}

@Suite(.serialized) struct CommandLineTests {
  @Test func checkingTheSamplesSucceedsQuietly() throws {
    let out = try CLI.run(["check", "Samples"])
    #expect(out.status == 0)
    #expect(out.stdout == "")
    // Samples/connect, a project of its own, is checked with them.
    #expect(out.stderr == "no problems in 15 files (13 flows)\n")
  }

  @Test func errorsExitOneWithTheCompilerStyleLine() throws {
    let flow = "flow: x\ntype: inbound\nstart: a\nblocks:\n  a:\n    wait: 10q\n    next: b\n  b:\n    disconnect: {}\n"
    let out = try CLI.run(["check", "-"], stdin: flow)
    #expect(out.status == 1)
    #expect(
      out.stdout == """
        <stdin>:5:3: warning: branch `error` of `wait` block `a` goes nowhere [unconnected-branch]
          |
        5 |   a:
          |   ^
          = note: a contact that takes a branch going nowhere is disconnected
          = note: `on-error: <block id>` at the top of the flow connects every `error` branch at once

        <stdin>:6:11: error: `duration`: `10q` is not a duration: `q` is not a duration unit (use `d`, `h`, `m` or `s`) [invalid-value]
          |
        6 |     wait: 10q
          |           ^~~


        """)
    #expect(out.stderr == "1 error, 1 warning in 1 file (1 flow)\n")
  }

  @Test func warningsPassUnlessWerror() throws {
    let flow = "flow: x\ntype: inbound\nstart: a\nblocks:\n  a:\n    wait: 10s\n    next: b\n  b:\n    disconnect: {}\n"
    #expect(try CLI.run(["check", "-"], stdin: flow).status == 0)
    #expect(try CLI.run(["check", "--werror", "-"], stdin: flow).status == 1)
  }

  /// Standard input longer than the first read takes (64 KiB) is read whole: the flow comes
  /// after 100 KiB of comments, so a lost chunk would lose it or cut it.
  @Test func longStandardInputIsReadWhole() throws {
    let comments = String(repeating: "# " + String(repeating: "x", count: 98) + "\n", count: 1_000)
    let flow = comments + "flow: x\ntype: inbound\nstart: a\nblocks:\n  a:\n    wait: 10q\n    next: b\n  b:\n    disconnect: {}\n"
    let out = try CLI.run(["check", "-"], stdin: flow)
    #expect(out.status == 1)
    #expect(out.stdout.contains("<stdin>:1006:11: error: `duration`: `10q` is not a duration"), "\(out.stdout.prefix(400))")
    #expect(out.stderr == "1 error, 1 warning in 1 file (1 flow)\n")
  }

  @Test func jsonIsOneDocument() throws {
    let out = try CLI.run(["check", "--format", "json", "Samples"])
    #expect(out.status == 0)
    #expect(out.stdout == "{\"diagnostics\": [], \"summary\": {\"files\": 15, \"flows\": 13, \"errors\": 0, \"warnings\": 0, \"infos\": 0}}\n")
  }

  @Test func anUnreadablePathExitsTwoNamingIt() throws {
    let out = try CLI.run(["check", "no/such/place"])
    #expect(out.status == 2)
    #expect(out.stderr == "callflow: error: cannot read 'no/such/place': No such file or directory\n")
  }

  @Test func badArgumentsExitTwo() throws {
    let out = try CLI.run(["check", "--format", "xml", "Samples"])
    #expect(out.status == 2)
    #expect(out.stderr.contains("--format"))
    #expect(try CLI.run(["check", "--define", "NOEQUALS", "Samples"]).status == 2)
  }

  @Test func colourOnlyWhenForcedOffATerminal() throws {
    let flow = "flow: x\ntype: inboud\nstart: a\nblocks:\n  a:\n    disconnect: {}\n"
    #expect(!(try CLI.run(["check", "-"], stdin: flow).stdout.contains("\u{1B}[")))
    #expect(try CLI.run(["check", "--color", "always", "-"], stdin: flow).stdout.contains("\u{1B}[31m"))
  }
}

@Suite(.serialized) struct CIFormatTests {
  static let flow = "flow: x\ntype: inbound\nstart: a\nblocks:\n  a:\n    wait: 10s\n    next: b\n  b:\n    disconnect: {}\n"

  @Test func githubAnnotations() throws {
    let out = try CLI.run(["check", "--format", "github", "-"], stdin: Self.flow)
    #expect(out.status == 0)
    #expect(
      out.stdout
        == "::warning file=<stdin>,line=5,col=3,endLine=5,endColumn=4,title=unconnected-branch::branch `error` of `wait` block `a` goes nowhere"
        + "%0Anote: a contact that takes a branch going nowhere is disconnected%0Anote: `on-error: <block id>` at the top of the flow connects every `error` branch at once\n"
    )
  }

  /// A queue callers are sent to that no profile lists, and a queue name with a terminal
  /// escape and a right-to-left override in it.
  static let annotatedProject: [String: String] = [
    "center.yaml": """
      center: t
      queues:
        Support: {capacity: 5, caller-id: {name: Acme, number: "+18005550199"}}
        Sales: {capacity: 5}
      routing-profiles:
        Tier1: {queues: [{queue: Support, priority: 1}]}
      phone-numbers:
        "+18005550199": main

      """,
    "main.flow.yaml": """
      flow: main
      type: inbound
      start: menu
      blocks:
        menu:
          get-input: {prompt: "Press 1 for sales.", timeout: 5s, options: ["1"]}
          on: {"1": sales, timeout: support, no-match: support, error: support}
        sales:
          transfer-to-queue: Sales
          on: {at-capacity: support, error: support}
        support:
          transfer-to-queue: "Sup\u{202E}port\\e[2J"
          on: {at-capacity: bye, error: bye}
        bye:
          disconnect: {}

      """,
  ]

  @Test func githubAnnotationsCarryNotesAndHelpAndAFindingInCenterYamlIsAlsoAtTheFlowLine() throws {
    let project = try TemporaryProject(Self.annotatedProject)
    defer { project.remove() }
    let out = try CLI.run(["check", "--format", "github", "."], in: project.root)
    #expect(out.status == 1)
    #expect(
      out.stdout == """
        ::error file=center.yaml,line=4,col=3,endLine=4,endColumn=8,title=queue-unrouted::queue `Sales` is in no routing profile: no agent will take the calls transferred to it%0Anote: main.flow.yaml:9:24: callers are transferred to `Sales` here%0Anote: list it in a routing profile (`Tier1`) whose agents should take its calls
        ::error file=main.flow.yaml,line=9,col=24,endLine=9,endColumn=29,title=queue-unrouted::queue `Sales` is in no routing profile: no agent will take the calls transferred to it%0Anote: callers are transferred to `Sales` here%0Areported at center.yaml:4:3
        ::error file=main.flow.yaml,line=12,col=24,endLine=12,endColumn=39,title=undefined-reference::no queue named `Sup\\u{202E}port\\u{1B}[2J`%0Anote: center.yaml defines `Sales` and `Support`

        """)
  }

  @Test func controlCharactersFromSourcesAreEscapedAndTheCaretFollows() throws {
    let project = try TemporaryProject(Self.annotatedProject)
    defer { project.remove() }
    let out = try CLI.run(["check", "--color", "never", "main.flow.yaml"], in: project.root)
    #expect(out.status == 1)
    #expect(!out.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    #expect(
      out.stdout.contains("""
        main.flow.yaml:12:24: error: no queue named `Sup\\u{202E}port\\u{1B}[2J` [undefined-reference]
           |
        12 |     transfer-to-queue: "Sup\\u{202E}port\\e[2J"
           |                        ^~~~~~~~~~~~~~~~~~~~~~

        """))
  }

  /// A center whose Tier1 serves Support at priority 1 and Callbacks at `callbacks`.
  static func twoQueueCenter(callbacks: Int) -> String {
    """
    center: t
    queues:
      Support: {capacity: 5, caller-id: {name: Acme, number: "+18005550199"}}
      Callbacks: {capacity: 5, caller-id: {name: Acme, number: "+18005550199"}}
    routing-profiles:
      Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: \(callbacks)}]}
    phone-numbers:
      "+18005550199": main

    """
  }

  @Test func aCallbackOfferedBeforeQueueingIsComparedWithTheQueueDeclinersGoTo() throws {
    let project = try TemporaryProject([
      "center.yaml": Self.twoQueueCenter(callbacks: 2),
      "main.flow.yaml": """
        flow: main
        type: inbound
        start: offer
        on-error: bye
        blocks:
          offer:
            get-input: {prompt: "1: call me back; 2: hold", timeout: 5s, options: ["1", "2"]}
            on: {"1": later, "2": hold, timeout: hold, no-match: hold}
          later:
            transfer-to-queue: {callback: {working-queue: Callbacks}}
            next: bye
            on: {at-capacity: bye}
          hold:
            transfer-to-queue: Support
            on: {at-capacity: bye}
          bye:
            disconnect: {}

        """,
    ])
    defer { project.remove() }
    let out = try CLI.run(["check", ".", "--color", "never"], in: project.root)
    #expect(out.status == 0)
    // (A `callback-number-unset` warning follows: no number is asked for.)
    #expect(
      out.stdout.hasPrefix("""
        center.yaml:6:80: info: callbacks do not keep their place in line: `Callbacks` has priority 2 in `Tier1`, below `Support`'s 1 [callback-loses-position]
           |
         6 |   Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 2}]}
           |                                                                                ^
           = note: a callback keeps the original call's start time only among queues of the same priority
        center.yaml:6:47: note: callers who do not take the callback wait in `Support`, at priority 1 here
           |
         6 |   Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 2}]}
           |                                               ^
        main.flow.yaml:10:51: note: callbacks go to `Callbacks` here
           |
        10 |     transfer-to-queue: {callback: {working-queue: Callbacks}}
           |                                                   ^~~~~~~~~

        main.flow.yaml:10:25: warning: the callback queued by `later` may have no callback number set [callback-number-unset]

        """))
    // At the same priority the callback keeps the place the caller would have had.
    try Self.twoQueueCenter(callbacks: 1).write(toFile: project.path("center.yaml"), atomically: true, encoding: .utf8)
    let same = try CLI.run(["check", ".", "--color", "never"], in: project.root)
    #expect(same.status == 0)
    #expect(!same.stdout.contains("callback-loses-position"))
    #expect(same.stdout.contains("[callback-number-unset]"))
  }

  @Test func pathsAndArgumentsInErrorsAreEscaped() throws {
    let missing = try CLI.run(["check", "no\u{1B}[2Jsuch.flow.yaml"])
    #expect(missing.status == 2)
    #expect(missing.stderr == "callflow: error: cannot read 'no\\u{1B}[2Jsuch.flow.yaml': No such file or directory\n")
    let module = try CLI.run(["run", "Samples/center.yaml", "--flow", "x\u{7}"])
    #expect(module.status == 2)
    #expect(!module.stderr.contains("\u{7}"))
  }

  @Test func sarifIsOneJSONDocument() throws {
    let out = try CLI.run(["check", "--format", "sarif", "Samples"])
    #expect(out.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
    #expect(json?["version"] as? String == "2.1.0")
    #expect(((json?["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.isEmpty == true)
  }

  @Test func ruleLevelsFromTheCommandLine() throws {
    #expect(try CLI.run(["check", "--werror", "-"], stdin: Self.flow).status == 1)
    #expect(try CLI.run(["check", "--werror", "--rule", "unconnected-branch=off", "-"], stdin: Self.flow).status == 0)
    let raised = try CLI.run(["check", "--rule", "unconnected-branch=error", "-"], stdin: Self.flow)
    #expect(raised.status == 1 && raised.stdout.contains(": error: branch `error`"))
    let unknown = try CLI.run(["check", "--rule", "unconected-branch=off", "-"], stdin: Self.flow)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("there is no rule 'unconected-branch'; did you mean 'unconnected-branch'?"))
    #expect(try CLI.run(["check", "--rule", "dead-end=loud", "-"], stdin: Self.flow).status == 2)
  }
}

@Suite(.serialized) struct ExplainTests {
  @Test func printsTheRulePage() throws {
    let out = try CLI.run(["explain", "callback-interval-range"])
    #expect(out.status == 0)
    let page = try String(contentsOfFile: packageRoot + "/Docs/rules/callback-interval-range.md", encoding: .utf8)
    #expect(out.stdout == page)
  }

  @Test func unknownRuleSuggestsTheNearest() throws {
    let out = try CLI.run(["explain", "callback-interval-rnage"])
    #expect(out.status == 2)
    #expect(out.stderr.contains("there is no rule 'callback-interval-rnage'; did you mean 'callback-interval-range'?"))
    #expect(out.stdout.isEmpty)
  }

  @Test func withoutARuleListsThemAll() throws {
    let out = try CLI.run(["explain"])
    #expect(out.status == 0)
    let lines = out.stdout.split(separator: "\n")
    #expect(lines.count == RuleCatalog.all.count + RuleSection.allCases.count)
    #expect(lines.contains { $0.hasPrefix("  callback-typestate ") && $0.hasSuffix(CallbackTypestateRule().summary) })
  }
}

@Suite(.serialized) struct BuildCommandTests {
  @Test func buildWritesAModuleThatDisassembles() throws {
    let output = NSTemporaryDirectory() + "callflow-\(UUID().uuidString).cfbc"
    defer { try? FileManager.default.removeItem(atPath: output) }
    let build = try CLI.run(["build", "Samples", "-o", output])
    #expect(build.status == 0)
    #expect(build.stderr.hasPrefix("wrote \(output): 10 flows, "))
    let disasm = try CLI.run(["disasm", output])
    #expect(disasm.status == 0)
    #expect(disasm.stdout.hasPrefix("module: 10 flows, "))
    #expect(disasm.stdout.contains("\nflow queued-callback-inbound (inbound) from flows/queued-callback-inbound.flow.yaml\n"))
  }

  @Test func aProjectWithErrorsWritesNothing() throws {
    let project = try TemporaryProject(["f.flow.yaml": "flow: f\ntype: inbound\nstart: a\nblocks:\n  a:\n    wait: 10q\n"])
    defer { project.remove() }
    let output = project.path("out.cfbc")
    let build = try CLI.run(["build", project.root, "-o", output])
    #expect(build.status == 1)
    #expect(build.stderr.contains("[invalid-value]"))
    #expect(build.stderr.hasSuffix("; nothing written\n"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func aDamagedModuleIsRefusedWithWhatIsWrong() throws {
    let output = NSTemporaryDirectory() + "callflow-\(UUID().uuidString).cfbc"
    defer { try? FileManager.default.removeItem(atPath: output) }
    #expect(try CLI.run(["build", "Samples", "-o", output]).status == 0)
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output)))
    bytes[bytes.count / 2] ^= 0x55
    try Data(bytes).write(to: URL(fileURLWithPath: output))
    let disasm = try CLI.run(["disasm", output])
    // A module that does not read cannot be disassembled: the command could not run (2).
    #expect(disasm.status == 2)
    #expect(
      disasm.stderr
        == "callflow: error: \(output): the checksum does not match: the file is damaged (at byte 8)\nhint: modules are written by `callflow build PROJECT -o FILE.cfbc`\n")
    #expect(try CLI.run(["disasm", "no/such.cfbc"]).status == 2)
  }
}

@Suite(.serialized) struct RunCommandTests {
  @Test func aCallAfterHoursIsToldTheOfficeIsClosed() throws {
    let module = try Self.sampleModule()
    defer { try? FileManager.default.removeItem(atPath: module) }
    // 03:00 UTC on a Monday is 22:00 on Sunday in New York: closed.
    let out = try CLI.run(["run", module, "--flow", "queued-callback-inbound", "--at", "2026-01-05T03:00:00Z"])
    #expect(out.status == 0)
    #expect(
      out.stdout == """
        -> queued-callback-inbound / welcome  (flows/queued-callback-inbound.flow.yaml:10)
          says: Thanks for calling Acme.
        -> queued-callback-inbound / check-hours  (flows/queued-callback-inbound.flow.yaml:14)
          hours `office` at 2026-01-05T03:00:00Z: closed
          takes `out-of-hours`
        -> queued-callback-inbound / closed  (flows/queued-callback-inbound.flow.yaml:64)
          says: Our office is closed. We are open Monday to Friday, 8 to 6, and Saturday morning.
        -> queued-callback-inbound / goodbye  (flows/queued-callback-inbound.flow.yaml:73)
        disconnected

        """)
  }

  @Test func scriptedInputTakesTheCallback() throws {
    let module = try Self.sampleModule()
    defer { try? FileManager.default.removeItem(atPath: module) }
    let out = try CLI.run(
      ["run", module, "--flow", "queued-callback-inbound", "--at", "2026-01-05T15:00:00Z"], stdin: "1\n+14255550123\n")
    #expect(out.status == 0)
    let blocks = out.stdout.split(separator: "\n").filter { $0.hasPrefix("-> ") }.map { $0.split(separator: " ")[3] }
    #expect(blocks == ["welcome", "check-hours", "offer-callback", "ask-number", "set-number", "confirm", "to-callback-queue", "goodbye"])
    #expect(out.stdout.contains("  callback number: +14255550123\n"))
    #expect(try CLI.run(["run", module, "--flow", "nope"]).status == 2)
    #expect(try CLI.run(["run", module, "--flow", "support-line", "--at", "yesterday"]).status == 2)
  }

  static func sampleModule() throws -> String {
    let module = NSTemporaryDirectory() + "callflow-\(UUID().uuidString).cfbc"
    #expect(try CLI.run(["build", "Samples", "-o", module]).status == 0)
    return module
  }

  @Test func theEndOfInputHangsUpSoAQueueFlowThatWaitsInALoopEnds() throws {
    let module = try Self.sampleModule()
    defer { try? FileManager.default.removeItem(atPath: module) }
    // in-queue-callback holds, offers a callback, thanks the caller and holds again, for ever
    // while the caller stays: two empty lines hold on and time out once, then input ends.
    let out = try CLI.run(["run", module, "--flow", "in-queue-callback"], stdin: "\n\n\n")
    #expect(out.status == 0)
    #expect(
      out.stdout == """
        -> in-queue-callback / hold  (flows/in-queue-callback.flow.yaml:13)
          waits 2m: a line holds on, the end of input hangs up
          reads: (an empty line)
        -> in-queue-callback / offer  (flows/in-queue-callback.flow.yaml:17)
          asks: Press 1 to be called back at the number you are calling from. Press 2 to give another number. Or stay on the line. [1, 2]
          reads: (an empty line)
          takes `timeout`
        -> in-queue-callback / keep-waiting  (flows/in-queue-callback.flow.yaml:57)
          says: Thank you for holding. An agent will be with you shortly.
        -> in-queue-callback / hold  (flows/in-queue-callback.flow.yaml:13)
          waits 2m: a line holds on, the end of input hangs up
          reads: (an empty line)
        -> in-queue-callback / offer  (flows/in-queue-callback.flow.yaml:17)
          asks: Press 1 to be called back at the number you are calling from. Press 2 to give another number. Or stay on the line. [1, 2]
        the caller hung up: the input ended

        """)
    // No input at all: the caller hangs up at the first wait.
    let silent = try CLI.run(["run", module, "--flow", "in-queue-callback"], stdin: "")
    #expect(silent.status == 0)
    #expect(silent.stdout.hasSuffix("waits 2m: a line holds on, the end of input hangs up\nthe caller hung up: the input ended\n"))
  }

  @Test func anAnswerToADialThatTheBlockDoesNotTakeIsRefused() throws {
    let module = try Self.sampleModule()
    defer { try? FileManager.default.removeItem(atPath: module) }
    let out = try CLI.run(["run", module, "--flow", "callback-dial"], stdin: "robot\n\nhumn\nvoicemail-beep\n")
    #expect(out.status == 0)
    let answers = "(human, voicemail-beep, voicemail-no-beep, unanswered, busy, invalid-number, fax, error)"
    #expect(
      out.stdout.hasPrefix("""
        -> callback-dial / detect  (flows/callback-dial.flow.yaml:12)
          who answered? \(answers)
          reads: robot
          `robot` is not one of the answers \(answers)
          reads: (an empty line)
          an empty line is not one of the answers \(answers)
          reads: humn
          `humn` is not one of the answers; did you mean `human`? \(answers)
          reads: voicemail-beep
          takes `voicemail-beep`

        """))
    // Refused answers and then no more input: the call ends, nobody is taken as `human`.
    let refused = try CLI.run(["run", module, "--flow", "callback-dial"], stdin: "robot\n")
    #expect(refused.status == 0)
    #expect(!refused.stdout.contains("takes `human`"))
    #expect(refused.stdout.hasSuffix("`robot` is not one of the answers \(answers)\nthe caller hung up: the input ended\n"))
  }

  @Test func theTraceShowsEachInputReadAndEachBranchTakenEscaped() throws {
    let module = try Self.sampleModule()
    defer { try? FileManager.default.removeItem(atPath: module) }
    // A condition that held is named as written.
    let queue = try CLI.run(["run", module, "--flow", "callback-queue"], stdin: "")
    #expect(queue.stdout.contains("-> callback-queue / check-position  (flows/callback-queue.flow:10)\n  takes `less-than 2`\n-> callback-queue / text-customer"))
    // A key with a terminal escape in it is shown escaped, and takes `no-match`.
    let out = try CLI.run(["run", module, "--flow", "queued-callback-inbound", "--at", "2026-01-05T15:00:00Z"], stdin: "\u{1B}[2J1\n")
    #expect(out.status == 0)
    #expect(!out.stdout.contains("\u{1B}"))
    #expect(
      out.stdout == """
        -> queued-callback-inbound / welcome  (flows/queued-callback-inbound.flow.yaml:10)
          says: Thanks for calling Acme.
        -> queued-callback-inbound / check-hours  (flows/queued-callback-inbound.flow.yaml:14)
          hours `office` at 2026-01-05T15:00:00Z: open
        -> queued-callback-inbound / offer-callback  (flows/queued-callback-inbound.flow.yaml:19)
          asks: Press 1 to receive a callback. Press 2 to stay in queue. [1, 2]
          reads: \\u{1B}[2J1
          takes `no-match`
        -> queued-callback-inbound / stay-in-queue  (flows/queued-callback-inbound.flow.yaml:60)
          transfers to queue Support
        in queue Support: the contact waits for an agent

        """)
  }
}
