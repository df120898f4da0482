import CallflowConnect
import CallflowDiagnostics
import CallflowDriver
import CallflowSyntax
import CallflowTestSupport
import CallflowYAML
import Foundation
import Testing

/// `callflow import connect`, `export connect` and Connect exports checked in place.
@Suite(.serialized) struct ConnectCommandTests {
  static let samples = packageRoot + "/Samples/connect"

  @Test func exportsInPlaceAreCheckedAndNameTheirActions() throws {
    let project = try TemporaryProject([
      "flows/menu.json": """
        {"Version":"2019-10-30","StartAction":"greet","Metadata":{"type":"contactFlow"},"Actions":[
        {"Identifier":"greet","Type":"MessageParticipant","Parameters":{"Text":"Hello."},"Transitions":{"NextAction":"route"}},
        {"Identifier":"route","Type":"Compare","Parameters":{"ComparisonValue":"$.Attributes.tier"},
         "Transitions":{"NextAction":"bye","Conditions":[{"NextAction":"nowhere","Condition":{"Operator":"Equals","Operands":["gold"]}}],
         "Errors":[{"NextAction":"bye","ErrorType":"NoMatchingCondition"}]}},
        {"Identifier":"bye","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}

        """
    ])
    defer { project.remove() }
    let out = try CLI.run(["check", project.root])
    #expect(out.status == 1)
    #expect(out.stderr == "1 error in 1 file (1 flow)\n")
    let text = out.stdout.replacingOccurrences(of: project.root + "/", with: "")
    #expect(
      text == """
        flows/menu.json:4:64: error: branch `equals gold` goes to `nowhere`, which is not a block of this flow [undefined-target]
          |
        4 |  "Transitions":{"NextAction":"bye","Conditions":[{"NextAction":"nowhere","Condition":{"Operator":"Equals","Operands":["gold"]}}],
          |                                                                ^~~~~~~~~
          = note: in Amazon Connect action `route` (Check contact attributes, `Compare`)


        """)
  }

  @Test func theSamplesExportDeterministicallyAndComeBack() throws {
    let out = NSTemporaryDirectory() + "callflow-export-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: out) }
    let first = try ConnectExport.run(project: Self.samples, cloudformation: true)
    let second = try ConnectExport.run(project: Self.samples, cloudformation: true)
    #expect(first.diagnostics.isEmpty)
    #expect(first.files.map(\.path) == ["agent-whisper.json", "in-queue-callback.json", "main-menu.json"])
    #expect(first.files.map(\.text) == second.files.map(\.text))
    #expect(first.template == second.template)
    // What was read from the exports is what is written: the round trip, file by file.
    for (path, text) in first.files {
      let source = try String(contentsOfFile: Self.samples + "/flows/" + (path == "agent-whisper.json" ? "agent-whisper" : path), encoding: .utf8)
      let original = try ConnectReader.read(Array(source.utf8), file: FileID(0)).get()
      let written = try ConnectReader.read(Array(text.utf8), file: FileID(0)).get()
      #expect(ConnectRoundTrip.essence(ConnectJSON(written.content), positionsOf: ConnectJSON(original.content)) == ConnectRoundTrip.essence(ConnectJSON(original.content)), "\(path)")
    }
    // The template deploys the flows together: references between them are the stack's own.
    let template = try #require(first.template)
    #expect(template.contains("${InQueueCallbackFlow.ContactFlowArn}"))
    #expect(template.contains("\"Type\": \"CUSTOMER_QUEUE\""))
    if let lint = CfnLint.run(template) { #expect(lint.status == 0, "cfn-lint: \(lint.output)") }
  }

  /// A flow Callflow accepts but Connect does not: Connect's own lists decide what is
  /// exported, at the block that Connect would refuse.
  @Test func exportRefusesAnActionConnectDoesNotAllowInTheFlowsType() throws {
    func project(_ type: String) throws -> TemporaryProject {
      try TemporaryProject([
        "flows/hold.flow": """
          flow hold-music : \(type) {
            start tune
            on-error done
            tune: play-prompt("Please hold.") -> done
            done: end-flow
          }

          """
      ])
    }
    let hold = try project("agent-hold")
    defer { hold.remove() }
    #expect(try CheckRun.run(paths: [hold.root]).summary.errors == 0)
    let refused = try ConnectExport.run(project: hold.root, cloudformation: false)
    #expect(refused.files.isEmpty)
    #expect(refused.diagnostics.map(\.rule) == ["block-not-allowed"])
    #expect(refused.diagnostics.first?.message == "block `tune`: Amazon Connect does not allow `MessageParticipant` (Play prompt) in an `agent-hold` flow (`agentHold`)")
    #expect(refused.diagnostics.first?.span.start == SourceLocation(line: 4, column: 9))
    // The same flow as a customer whisper is one Connect takes.
    let whisper = try project("customer-whisper")
    defer { whisper.remove() }
    let exported = try ConnectExport.run(project: whisper.root, cloudformation: false)
    #expect(exported.diagnostics.isEmpty)
    #expect(exported.files.map(\.path) == ["hold-music.json"])
  }

  @Test func importWritesAProjectThatChecksAndRefusesToOverwrite() throws {
    let out = NSTemporaryDirectory() + "callflow-import-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: out) }
    let run = try CLI.run(["import", "connect", Self.samples + "/flows", "-o", out])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "imported 3 flows into \(out): 19 of 19 actions as Callflow blocks (100%)\n")
    let files = try FileManager.default.subpathsOfDirectory(atPath: out).sorted()
    #expect(files == ["center.yaml", "flows", "flows/agent-whisper.flow.yaml", "flows/in-queue-callback.flow.yaml", "flows/main-menu.flow.yaml"])
    let center = try String(contentsOfFile: out + "/center.yaml", encoding: .utf8)
    // The exports give no display names: queues and hours are named after their ids.
    #expect(center.contains("  queue-2a3b4c5d: {arn: \"arn:aws:connect:us-east-1:111122223333:instance/6f2b0d4e-1c3a-4e5f-9a7b-0c1d2e3f4a5b/queue/2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d\"}\n"))
    let flow = try String(contentsOfFile: out + "/flows/in-queue-callback.flow.yaml", encoding: .utf8)
    #expect(flow.contains("""
        transfer-to-queue:
          transfer-to-queue:
            queue: "queue-2a3b4c5d"
            callback:
              initial-delay: 30s
              max-retries: 2
              retry-interval: 10m
      """))
    // The imported project checks: its findings are what the exports do not say of the
    // callback queue, its caller ID and the routing profile that serves it.
    let check = try CLI.run(["check", out])
    #expect(check.stdout.contains("error: callback queue `queue-2a3b4c5d` has no outbound caller ID name or number [callback-queue-caller-id]"))
    #expect(check.stdout.contains("error: callback queue `queue-2a3b4c5d` is in no routing profile: no agent will receive its callbacks [callback-queue-unrouted]"))
    #expect(check.stderr == "2 errors in 4 files (3 flows)\n")
    // An existing folder is kept.
    let again = try CLI.run(["import", "connect", Self.samples + "/flows", "-o", out])
    #expect(again.status == 2)
    #expect(again.stderr == "callflow: error: \(out) exists already; pass --force to replace it\n")
    #expect(try CLI.run(["import", "connect", Self.samples + "/flows", "-o", out, "--force"]).status == 0)
  }

  @Test func aFileThatCannotBeImportedWritesNothing() throws {
    let project = try TemporaryProject([
      "good.json": #"{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#,
      "bad": "{\"ContactFlow\": {\"Name\": \"x\", \"Content\": \"{\\\"Actions\\\": [}\"}}\n",
    ])
    defer { project.remove() }
    let out = project.path("out")
    let run = try CLI.run(["import", "connect", project.root, "-o", out])
    #expect(run.status == 1)
    #expect(run.stderr.contains("bad:1:58: error: in `Content`: expected a value (an object, array, string, number, true, false or null), found `}` [connect-syntax]"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// Callflow → Connect → Callflow: every sample flow whose blocks Connect has comes back as
  /// the same syntax tree; the others are refused with the block Connect lacks.
  @Test func sampleFlowsComeBackFromConnect() throws {
    let check = try CheckRun.run(paths: [packageRoot + "/Samples"])
    var back: [String] = []
    var refused: [String] = []
    var reasons: [String] = []
    for flow in check.flows.map(\.syntax).sorted(by: { ($0.name?.value ?? "") < ($1.name?.value ?? "") }) {
      switch ConnectExporter.export(flow, resource: { _, name in name }) {
      case .failure(let failure):
        refused.append(flow.name?.value ?? "?")
        reasons += failure.diagnostics.map { "\(flow.name?.value ?? "?"): \($0.message)\($0.notes.map { " (\($0.message))" }.joined())" }
      case .success(let json):
        let text = json.printed()
        let document = try ConnectReader.read(Array(text.utf8), file: FileID(9)).get()
        var lowering = ConnectLowering(document, file: FileID(9))
        let (lowered, problems) = lowering.lower(fallbackName: "x")
        #expect(problems.isEmpty)
        let again = try #require(lowered)
        #expect(Normalized(again) == Normalized(flow), "\(flow.name?.value ?? "?")")
        back.append(flow.name?.value ?? "?")
      }
    }
    #expect(back == ["callback-agent-whisper", "callback-outbound-whisper", "support-line"])
    // What the flow language cannot say: Genesys-style callbacks, call progress, SMS, phone
    // input with a digit limit, a callback's dial mode and expiry (Docs/CONNECT.md).
    #expect(reasons.map { $0.replacingOccurrences(of: " cannot be written as an Amazon Connect action: ", with: ": ") } == [
      "callback-creation: block `customer-whisper`: Amazon Connect has a form of `set-whisper-flow` for `role: agent`, not for `role: outbound`",
      "callback-dial: block `detect`: Amazon Connect has no action for `check-call-progress` (Connect's Check call progress block belongs to outbound campaigns, and the flow-language reference does not describe its action)",
      "callback-dial: block `try-again-later`: Amazon Connect has no action for `create-callback` (a Connect flow queues a callback with `transfer-to-queue` and `callback` (CreateCallbackContact); the callback number is the one `set-callback-number` set)",
      "callback-only-line: block `begin`: Amazon Connect has no action for `start-callback` (a Connect flow queues a callback with `transfer-to-queue` and `callback` (CreateCallbackContact); the callback number is the one `set-callback-number` set)",
      "callback-only-line: block `check-own`: Amazon Connect has no action for `validate-phone` (Connect validates a callback number as `set-callback-number` sets it (its `invalid-number` and `not-dialable` branches))",
      "callback-only-line: block `register-own`: Amazon Connect has no action for `register-callback` (a Connect flow queues a callback with `transfer-to-queue` and `callback` (CreateCallbackContact); the callback number is the one `set-callback-number` set)",
      "callback-only-line: block `check-entered`: Amazon Connect has no action for `validate-phone` (Connect validates a callback number as `set-callback-number` sets it (its `invalid-number` and `not-dialable` branches))",
      "callback-only-line: block `register-entered`: Amazon Connect has no action for `register-callback` (a Connect flow queues a callback with `transfer-to-queue` and `callback` (CreateCallbackContact); the callback number is the one `set-callback-number` set)",
      "callback-only-line: block `decline`: Amazon Connect has no action for `decline-callback` (a Connect flow queues a callback with `transfer-to-queue` and `callback` (CreateCallbackContact); the callback number is the one `set-callback-number` set)",
      "callback-queue: block `text-customer`: Amazon Connect has no action for `send-message` (a Connect flow sends a text message from an `invoke-lambda` function (the flow-language reference describes no SMS action))",
      "customer-first-callback: block `ask-number`: Amazon Connect's flow language has no parameter for `max-digits` of `store-input`",
      "customer-first-callback: block `queue-callback`: Amazon Connect's flow language has no parameter for `callback.dial-mode`, `callback.outbound-flow`, and `callback.expiry` of `transfer-to-queue`",
      "in-queue-callback: block `check-own-number`: Amazon Connect has no action for `validate-phone` (Connect validates a callback number as `set-callback-number` sets it (its `invalid-number` and `not-dialable` branches))",
      "in-queue-callback: block `callback-own-number`: Amazon Connect has no action for `create-callback` (a Connect flow queues a callback with `transfer-to-queue` and `callback` (CreateCallbackContact); the callback number is the one `set-callback-number` set)",
      "in-queue-callback: block `ask-number`: Amazon Connect's flow language has no parameter for `max-digits` of `store-input`",
      "in-queue-callback: block `callback-entered-number`: Amazon Connect has no action for `create-callback` (a Connect flow queues a callback with `transfer-to-queue` and `callback` (CreateCallbackContact); the callback number is the one `set-callback-number` set)",
      "queued-callback-inbound: block `ask-number`: Amazon Connect's flow language has no parameter for `max-digits` of `store-input`",
      "queued-callback-inbound: block `to-callback-queue`: Amazon Connect's flow language has no parameter for `callback.dial-mode` and `callback.expiry` of `transfer-to-queue`",
    ])
    #expect(refused == [
      "callback-creation", "callback-dial", "callback-only-line", "callback-queue", "customer-first-callback", "in-queue-callback",
      "queued-callback-inbound",
    ])
  }

  /// The round trip as a property over generated flows of every kind Connect has.
  @Test func generatedFlowsComeBackFromConnect() throws {
    var random = SplitMix(seed: 20_261_130)
    for n in 0..<200 {
      let yaml = FlowGenerator.flow(named: "generated-\(n)", random: &random)
      let (parsed, problems) = YAMLFrontend(substitutions: nil).parseFlow(SourceFile(path: "g.flow.yaml", text: yaml), file: FileID(0))
      #expect(problems.isEmpty, "\(yaml)")
      let flow = try #require(parsed)
      let json = try ConnectExporter.export(flow, resource: { _, name in name }).get()
      let document = try ConnectReader.read(Array(json.printed().utf8), file: FileID(1)).get()
      var lowering = ConnectLowering(document, file: FileID(1))
      let (lowered, lowerProblems) = lowering.lower(fallbackName: "x")
      #expect(lowerProblems.isEmpty)
      #expect(lowering.opaqueCount == 0, "\(yaml)")
      let again = try #require(lowered)
      #expect(Normalized(again) == Normalized(flow), "\(yaml)\n---\n\(YAMLPrinter.print(again))")
    }
  }
}

/// A flow as the round trip must keep it: its header, and each block's id, kind, body (as
/// JSON, whether a main parameter was written alone or not), `next` and branches (in any
/// order: the order of `on:` means nothing).
struct Normalized: Equatable {
  var header: [String?]
  var blocks: [[String]]

  init(_ flow: FlowSyntax) {
    header = [flow.name?.value, flow.type?.value, flow.description?.value, flow.start?.value, flow.onError?.value]
    blocks = flow.blocks.map { block in
      let kind = BlockKind.named(block.kind.value)
      var body = block.body
      if let kind, let main = kind.spec.mainParameter, case .scalar = body.kind {
        body = SyntaxValue(.record([SyntaxField(name: Located(main.name, at: body.span), value: body)]), at: body.span)
      }
      return [block.id.value, block.kind.value, Self.text(body), block.next?.value ?? "-"] + block.branches.map { "\($0.name.value)=\($0.target.value)" }.sorted()
    }
  }

  static func text(_ value: SyntaxValue) -> String {
    switch value.kind {
    case .null: return "{}"
    case .scalar(let s, _): return "\"\(s)\""
    case .list(let items): return "[" + items.map(text).joined(separator: ",") + "]"
    case .record(let fields): return "{" + fields.map { "\($0.name.value):\(text($0.value))" }.sorted().joined(separator: ",") + "}"
    }
  }
}

/// Runs `cfn-lint` on a template, when it is installed (CI installs it).
enum CfnLint {
  static func run(_ template: String) -> (status: Int32, output: String)? {
    let path = NSTemporaryDirectory() + "callflow-" + UUID().uuidString + ".template.json"
    defer { try? FileManager.default.removeItem(atPath: path) }
    guard (try? template.write(toFile: path, atomically: true, encoding: .utf8)) != nil else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["cfn-lint", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    guard (try? process.run()) != nil else { return nil }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // 127: env found no cfn-lint.
    return process.terminationStatus == 127 ? nil : (process.terminationStatus, output)
  }
}

@Suite struct LambdaSimulationTests {
  /// A Lambda function answers from the scenario: what it returns routes the caller, a
  /// failure takes `error`, its latency holds the flow.
  @Test func lambdaAnswersComeFromTheScenario() throws {
    let project = try TemporaryProject([
      "center.yaml": """
        center: lambda-test
        queues:
          Support: {capacity: 10}
        routing-profiles:
          Tier1:
            queues:
              - {queue: Support, priority: 1}
        phone-numbers:
          "+18005550100": main
          "+18005550101": bot
        agents:
          - {name: ana, routing-profile: Tier1}

        """,
      "flows/main.flow.yaml": """
        flow: main
        type: inbound
        start: lookup
        blocks:
          lookup:
            invoke-lambda: {function: "arn:aws:lambda:us-east-1:111122223333:function:lookup", timeout: 8s}
            next: route
            on: {error: sorry}
          route:
            check-attribute:
              attribute: $.External.tier
              conditions:
                - {equals: gold, goto: vip}
            on: {no-match: queue}
          vip:
            play-prompt: "Welcome back."
            next: queue
          sorry:
            play-prompt: "Sorry."
            next: queue
          queue:
            transfer-to-queue: Support
            on: {at-capacity: bye, error: bye}
          bye:
            disconnect: {}

        """,
      "tests/lambda.test.yaml": """
        scenario: the lookup's answer routes the caller
        start: 2026-01-05T15:00:00Z
        contacts:
          - {id: gold, at: "15:00", from: "+14255550100", to: "+18005550100"}
        lambdas:
          "arn:aws:lambda:us-east-1:111122223333:function:lookup": {returns: {tier: gold}, latency: 2s}
        expect:
          - {contact: gold, path: [lookup, route, vip, queue]}
          - {contact: gold, connected-at: "15:00:02"}

        """,
      "tests/failing.test.yaml": """
        scenario: a failing lookup takes error
        start: 2026-01-05T15:00:00Z
        contacts:
          - {id: caller, at: "15:00", from: "+14255550100", to: "+18005550100"}
        lambdas:
          "arn:aws:lambda:us-east-1:111122223333:function:lookup": {fails: true}
        expect:
          - {contact: caller, path: [lookup, sorry, queue]}
          - {contact: caller, connected-at: "15:00"}

        """,
      "flows/bot.flow.yaml": """
        flow: bot
        type: inbound
        start: ask
        blocks:
          ask:
            lex-bot: {bot: "arn:aws:lex:us-east-1:111122223333:bot-alias/B/A", text: "How can I help?", intents: [Billing, Sales]}
            on: {Billing: queue, Sales: bye, no-match: bye, error: bye}
          queue:
            transfer-to-queue: Support
            on: {at-capacity: bye, error: bye}
          bye:
            disconnect: {}

        """,
      "tests/bot.test.yaml": """
        scenario: the bot recognizes what the caller says
        start: 2026-01-05T15:00:00Z
        contacts:
          - {id: billing, at: "15:00", from: "+14255550100", to: "+18005550101", input: [Billing]}
          - {id: mumble, at: "15:00", from: "+14255550102", to: "+18005550101", input: [weather]}
        expect:
          - {contact: billing, path: [ask, queue]}
          - {contact: mumble, path: [ask, bye]}

        """,
    ])
    defer { project.remove() }
    let out = try CLI.run(["test", project.root])
    #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
    #expect(out.stdout.contains("test result: ok. 3 passed; 0 failed"))
  }
}
