import CallflowTestSupport
import Foundation
import Testing

@Suite(.serialized) struct SimulatorCommandTests {
  @Test func testRunsTheSampleScenariosAndExitsZero() throws {
    let out = try CLI.run(["test", "Samples/tests", "--color", "never"])
    #expect(out.status == 0, "\(out.stdout)")
    let lines = out.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "running 11 scenarios")
    #expect(lines.contains("Samples/tests/callback-keeps-place.test.yaml: a callback keeps the caller's place in line ... ok"))
    #expect(lines.last?.hasPrefix("test result: ok. 11 passed; 0 failed; ") == true)
  }

  @Test func recordsAreWrittenAsAJSONArrayWithTheContactModelsFields() throws {
    let file = NSTemporaryDirectory() + "callflow-records-\(UUID().uuidString).json"
    defer { try? FileManager.default.removeItem(atPath: file) }
    let out = try CLI.run(["test", "Samples/tests/customer-first.test.yaml", "--records", file])
    #expect(out.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file)))
    let records = try #require(json as? [[String: Any]])
    #expect(records.map { $0["InitiationMethod"] as? String } == [
      "INBOUND", "CALLBACK_CUSTOMER_FIRST_QUEUED", "CALLBACK_CUSTOMER_FIRST_DIALED", "CALLBACK_CUSTOMER_FIRST_QUEUED", "CALLBACK_CUSTOMER_FIRST_DIALED",
    ])
    #expect(records.map { $0["PreviousContactId"] as? String } == [nil, "c-1", "c-2", "c-3", "c-4"])
    #expect(records.map { $0["NextContactId"] as? String } == ["c-2", "c-3", "c-4", "c-5", nil])
    #expect(records.allSatisfy { $0["InitialContactId"] as? String == "c-1" && $0["Label"] as? String == "carla" })
    let c3 = records[4]
    #expect(c3["AnsweringMachineDetectionStatus"] as? String == "HUMAN_ANSWERED")
    #expect((c3["SystemEndpoint"] as? [String: Any])?["Address"] as? String == "+18005550199")
    #expect((c3["SegmentAttributes"] as? [String: Any])?["connect:TrafficType"] as? String == "CUSTOMER_FIRST_CALLBACK")
    let queue = try #require(c3["QueueInfo"] as? [String: Any])
    #expect(queue["Name"] as? String == "Callbacks")
    // C3 was in the queue for no time; C2 of the second try waited from 15:10:40 to 15:10:40.
    #expect(queue["CallbackTotalQueueDuration"] as? Int == 0)
    #expect((records[2]["AnsweringMachineDetectionStatus"] as? String) == "VOICEMAIL_BEEP")
    #expect(records[1]["DisconnectTimestamp"] as? String == "2026-01-05T15:10:00Z")
  }

  @Test func aFailingScenarioExitsOneAndNoScenariosExitsTwo() throws {
    let project = try TemporaryProject([
      "center.yaml": testCenter(capacity: 1),
      "main.flow.yaml": """
        flow: main
        type: inbound
        start: menu
        blocks:
          menu:
            get-input: {prompt: "Press 1.", timeout: 5s, options: ["1"]}
            on: {"1": queue, error: bye, no-match: bye}
          queue:
            transfer-to-queue: Support
            on: {error: bye}
          bye:
            disconnect: {}
        """,
      "full.test.yaml": """
        scenario: a full queue without an at-capacity branch, and a menu timeout that goes nowhere
        start: 2026-01-05T15:00:00Z
        agents: []
        contacts:
          - {id: first, at: "15:00", to: "+18005550199", input: ["1"]}
          - {id: second, at: "15:01", to: "+18005550199", input: ["1"]}
          - {id: silent, at: "15:02", to: "+18005550199"}
        expect:
          - {contact: second, disconnect-reason: QUEUE_AT_CAPACITY}
          - {metric: CONTACTS_REJECTED, queue: Support, equals: 1}
        """,
    ])
    defer { project.remove() }
    let out = try CLI.run(["test", project.root, "--color", "never"])
    #expect(out.status == 1)
    // The expectations hold; the flow problem fails the scenario.
    #expect(out.stdout.contains("full.test.yaml: a full queue without an at-capacity branch, and a menu timeout that goes nowhere ... FAILED"))
    #expect(
      out.stdout.contains(
        "flow problem: 2026-01-05T15:02:00Z silent (c-3): flow `main` took a branch that goes nowhere after block `menu` (line 5)\n"))
    #expect(!out.stdout.contains("expectation failed"))
    let none = try CLI.run(["test", project.root + "/main.flow.yaml"])
    #expect(none.status == 1)
    let empty = try CLI.run(["test", "Grammar"])
    #expect(empty.status == 2)
    #expect(empty.stderr == "callflow: error: no scenario files (*.test.yaml) in Grammar\n")
  }

  @Test func simulateReportsAsTextAndJSONAndDrawsTheChart() throws {
    let chart = NSTemporaryDirectory() + "callflow-chart-\(UUID().uuidString).svg"
    defer { try? FileManager.default.removeItem(atPath: chart) }
    let text = try CLI.run(["simulate", "Samples", "--model", "Samples/models/busy-monday.model.yaml", "--chart", chart])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.hasPrefix("Simulated 1 day from 2026-01-05T05:00:00Z: a busy Monday at Acme (seed 7)\n"))
    #expect(text.stdout.contains("\nqueue "))
    #expect(text.stdout.contains("\ncallbacks "))
    #expect(text.stderr == "")
    #expect(try String(contentsOfFile: chart, encoding: .utf8).hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    let json = try CLI.run(["simulate", "Samples", "--model", "Samples/models/busy-monday.model.yaml", "--format", "json"])
    #expect(json.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["model"] as? String == "a busy Monday at Acme")
    #expect((object["queues"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Support", "Callbacks"])
    let again = try CLI.run(["simulate", "Samples", "--model", "Samples/models/busy-monday.model.yaml", "--format", "json"])
    #expect(again.stdout == json.stdout)
  }

  @Test func replicationsReportMeansWithIntervalsAndTheirBands() throws {
    let chart = NSTemporaryDirectory() + "callflow-chart-\(UUID().uuidString).svg"
    defer { try? FileManager.default.removeItem(atPath: chart) }
    let model = "Samples/models/busy-monday.model.yaml"
    let text = try CLI.run(["simulate", "Samples", "--model", model, "--replications", "3", "--chart", chart])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.hasPrefix("Simulated 1 day from 2026-01-05T05:00:00Z: a busy Monday at Acme (3 replications from seed 7)\n"))
    #expect(text.stdout.contains(" ± "))
    #expect(try String(contentsOfFile: chart, encoding: .utf8).contains("<polygon "))
    let json = try CLI.run(["simulate", "Samples", "--model", model, "--replications", "3", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["replications"] as? Int == 3)
    #expect((object["seeds"] as? [Int])?.first == 7)
    for bad in ["0", "1001"] {
      let out = try CLI.run(["simulate", "Samples", "--model", model, "--replications", bad])
      #expect(out.status == 2)
      #expect(out.stderr.contains("--replications must be from 1 to 1000, not \(bad)"))
    }
  }

  @Test func staffReportsTheLevelsTriedAndTheAnswer() throws {
    let project = try TemporaryProject(singleQueueProject(perHour: 60, agents: 5, handleMinutes: 5))
    defer { project.remove() }
    let model = project.path("erlang.model.yaml")
    let out = try CLI.run(["staff", project.root, "--model", model, "--group", "agents", "--service-level", "80%/20s", "--abandoned", "5%"])
    #expect(out.status == 0, "\(out.stderr)")
    let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "Staffing agents (Tier1) for one queue at 60.0 calls an hour: 3 days from 2026-01-05T00:00:00Z")
    #expect(lines[1] == "  targets: service level ≥ 80% within 20s; abandoned ≤ 5%, each met by the whole of its 95% confidence interval")
    #expect(lines[3].split(separator: " ").joined(separator: " ") == "agents replications service level (20s) abandoned avg answer occupancy verdict")
    #expect(lines.contains { $0.hasPrefix("answer: 8 agents in agents (the model has 5); over 10 replications: service level ") })
    let json = try CLI.run(["staff", project.root, "--model", model, "--group", "agents", "--service-level", "80%/20s", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["answer"] as? Int == 8)
    #expect((object["steps"] as? [[String: Any]])?.compactMap { $0["verdict"] as? String } == ["misses", "misses", "meets", "meets"])
    // Day by day: a search per day of the model, each a one-day model.
    let daily = try CLI.run(["staff", project.root, "--model", model, "--group", "agents", "--service-level", "80%/20s", "--per-day", "--format", "json"])
    #expect(daily.status == 0, "\(daily.stderr)")
    let days = try #require((try JSONSerialization.jsonObject(with: Data(daily.stdout.utf8)) as? [String: Any])?["days"] as? [[String: Any]])
    #expect(days.compactMap { $0["start"] as? String } == ["2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z", "2026-01-07T00:00:00Z"])
    #expect(days.compactMap { $0["end"] as? String } == ["2026-01-06T00:00:00Z", "2026-01-07T00:00:00Z", "2026-01-08T00:00:00Z"])
    #expect(days.allSatisfy { ($0["answer"] as? Int).map { (7...9).contains($0) } ?? false }, "\(days.map { $0["answer"] ?? "-" })")

    for (arguments, message) in [
      ([String](), "name a target: --service-level, --abandoned or --callbacks"),
      (["--service-level", "80"], "--service-level is a share from 0% to 100% such as 80%/20s, not '80'"),
      (["--callbacks", "90%"], "--callbacks needs a time after the share, such as 90%/2h, not '90%'"),
      (["--abandoned", "5%/1m"], "--abandoned is a share such as 5%, not '5%/1m'"),
      (["--service-level", "80%", "--replications", "1"], "--replications must be from 2 to 1000, not 1"),
    ] {
      let refused = try CLI.run(["staff", project.root, "--model", model, "--group", "agents"] + arguments)
      #expect(refused.status == 2)
      #expect(refused.stderr.contains(message), "\(refused.stderr)")
    }
    let unknown = try CLI.run(["staff", project.root, "--model", model, "--group", "night", "--service-level", "80%"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr == "callflow: error: \(model) has no agent group 'night' (it has agents)\n")
    let queue = try CLI.run(["staff", project.root, "--model", model, "--group", "agents", "--service-level", "80%", "--queue", "Sales"])
    #expect(queue.stderr == "callflow: error: center.yaml has no queue 'Sales' (it has Support)\n")
  }

  @Test func aBrokenModelExitsTwoWithItsPlace() throws {
    let project = try TemporaryProject(["bad.model.yaml": "model: x\nstart: yesterday\narrivals: []\nagents: []\n"])
    defer { project.remove() }
    let out = try CLI.run(["simulate", "Samples", "--model", project.path("bad.model.yaml"), "--color", "never"])
    #expect(out.status == 2)
    #expect(out.stderr.contains("bad.model.yaml:2:8: error: `start` is an ISO 8601 time such as 2026-01-05T00:00:00Z, not `yesterday` [invalid-value]"))
  }

  /// A flow with a bot and a menu behind it, for what a model's `choices` may name.
  static let botProject: [String: String] = [
    "center.yaml": testCenter(capacity: 500),
    "main.flow.yaml": """
      flow: main
      type: inbound
      start: bot
      blocks:
        bot:
          lex-bot: {bot: "arn:aws:lex:us-east-1:123456789012:bot-alias/ABCDEFGHIJ/TSTALIASID", text: "How can I help?", intents: [Billing]}
          on: {Billing: menu, no-match: bye, error: bye}
        menu:
          get-input: {prompt: "Press 1 for billing, 2 for sales.", timeout: 5s, options: ["1", "2"]}
          on: {"1": queue, "2": queue, timeout: bye, no-match: bye, error: bye}
        queue:
          transfer-to-queue: Support
          on: {at-capacity: bye, error: bye}
        bye:
          disconnect: {}
      """,
  ]

  static func botModel(choices: String) -> String {
    """
    model: billing calls
    start: 2026-01-05T08:00:00Z
    arrivals:
      - {to: "+18005550199", per-hour: {"08:00-09:00": 60}}
    callers:
      choices:
    \(choices)
    agents:
      - {name: a, routing-profile: Tier1, count: 5, shift: "08:00-12:00", handle-time: 2m}

    """
  }

  @Test func aModelsChoicesNameBlocksCallersAnswerAtAndKeysTheyOffer() throws {
    var files = Self.botProject
    files["bad.model.yaml"] = Self.botModel(choices: """
        bot: {Billing: 1, Sales: 1}
        manu: {"1": 1, none: 1}
        queue: {"1": 1}
      answers: {human: 1, voicemail: 1}
    """)
    let project = try TemporaryProject(files)
    defer { project.remove() }
    let bad = try CLI.run(["simulate", project.root, "--model", project.path("bad.model.yaml"), "--color", "never"])
    #expect(bad.status == 2)
    #expect(bad.stdout == "")
    #expect(
      bad.stderr.replacingOccurrences(of: project.root + "/", with: "") == """
        bad.model.yaml:7:23: error: `Sales` is not among the intents of `bot` in flow `main` [invalid-value]
          |
        7 |     bot: {Billing: 1, Sales: 1}
          |                       ^~~~~
          = note: its intents are "Billing"; `none` answers nothing

        bad.model.yaml:8:5: error: no block `manu` in the project's flows [invalid-value]
          |
        8 |     manu: {"1": 1, none: 1}
          |     ^~~~
          = note: did you mean `menu`?

        bad.model.yaml:9:5: error: `queue` is a `transfer-to-queue` block: `choices` decide what callers answer at get-input and lex-bot blocks [invalid-value]
          |
        9 |     queue: {"1": 1}
          |     ^~~~~
          = note: in flow `main`

        bad.model.yaml:10:23: error: `voicemail` is not a way to answer a dial [invalid-value]
           |
        10 |   answers: {human: 1, voicemail: 1}
           |                       ^~~~~~~~~
           = note: one of human, voicemail-beep, voicemail-no-beep, no-answer, busy, invalid-number, fax


        """)
  }

  @Test func aModelsChoicesDecideWhatTheBotRecognizesAndWhatCallersPress() throws {
    var files = Self.botProject
    // Every caller asks for billing, then presses 1 or 2: all of them reach the queue.
    files["all.model.yaml"] = Self.botModel(choices: """
        bot: {Billing: 1}
        menu: {"1": 1, "2": 1}
    """)
    // Nobody says anything the bot recognizes: nobody reaches the menu.
    files["none.model.yaml"] = Self.botModel(choices: """
        bot: {none: 1}
        menu: {"1": 1}
    """)
    let project = try TemporaryProject(files)
    defer { project.remove() }
    func queued(_ model: String) throws -> (calls: Int?, queued: Int?) {
      let out = try CLI.run(["simulate", project.root, "--model", project.path(model), "--format", "json"])
      #expect(out.status == 0, "\(out.stderr)")
      let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
      let support = (report["queues"] as? [[String: Any]])?.first
      return (report["calls"] as? Int, (support?["metrics"] as? [String: Any])?["CONTACTS_QUEUED"] as? Int)
    }
    let all = try queued("all.model.yaml")
    #expect(all.calls ?? 0 > 30)
    #expect(all.queued == all.calls)
    #expect(try queued("none.model.yaml").queued == 0)
  }

  @Test func allMistakesOfAScenarioAreReportedInOneRunThroughTest() throws {
    var files = Self.botProject
    files["bad.test.yaml"] = """
      scenario: early and withheld
      start: 2026-01-05T15:00:00Z
      contacts:
        - {id: early, at: "14:59", from: "+14255550100", to: "+18005550199"}
        - {id: spaced, at: "15:00", from: "+1 425 555 0101", to: "+18005550199"}
        - {id: named, at: "15:00", from: alice, to: "+18005550198"}
      expect:
        - {contact: early, handled-by: none}
        - {contact: nobody, handled-by: none}

      """
    files["good.test.yaml"] = """
      scenario: a caller whose number is withheld
      start: 2026-01-05T15:00:00Z
      contacts:
        - {id: withheld, at: "15:00", to: "+18005550199", input: [Billing, "1"]}
      expect:
        - {contact: withheld, path: [bot, menu, queue]}

      """
    let project = try TemporaryProject(files)
    defer { project.remove() }
    let bad = try CLI.run(["test", project.path("bad.test.yaml"), "--color", "never"])
    #expect(bad.status == 1)
    let located = bad.stdout.split(separator: "\n").filter { $0.hasPrefix(project.root) && $0.contains(": error: ") }.map {
      String($0.dropFirst(project.root.count + 1))
    }
    #expect(located == [
      "bad.test.yaml:4:21: error: `14:59` is before the scenario starts, at 2026-01-05T15:00:00Z [invalid-value]",
      "bad.test.yaml:5:37: error: `from` is the caller's number in E.164, such as \"+14255550100\", not `+1 425 555 0101` [invalid-value]",
      "bad.test.yaml:6:36: error: `from` is the caller's number in E.164, such as \"+14255550100\", not `alice` [invalid-value]",
      "bad.test.yaml:6:47: error: no flow answers +18005550198: it is not among the phone numbers of center.yaml [invalid-value]",
      "bad.test.yaml:9:15: error: no contact `nobody` in this scenario [invalid-value]",
    ])
    #expect(bad.stdout.contains("  = note: an E.164 number has only digits after the `+`, no spaces or dashes\n"))
    #expect(bad.stdout.contains("  = note: leave `from` out for a caller whose number is withheld\n"))
    #expect(bad.stdout.hasSuffix("0 passed; 1 failed; 0 events simulated\n") || bad.stdout.contains("0 passed; 1 failed; 0 events simulated;"))
    let good = try CLI.run(["test", project.path("good.test.yaml"), "--color", "never"])
    #expect(good.status == 0, "\(good.stdout)")
  }

  @Test func namesWithControlCharactersAreEscapedInTestAndSimulateReports() throws {
    var files = Self.botProject
    files["named.test.yaml"] = """
      scenario: "clears\\e[2Jthe screen"
      start: 2026-01-05T15:00:00Z
      contacts:
        - {id: a, at: "15:00", to: "+18005550199"}
      expect:
        - {contact: a, path: [bot, nowhere]}

      """
    files["named.model.yaml"] = Self.botModel(choices: "    bot: {Billing: 1}").replacingOccurrences(of: "model: billing calls", with: "model: \"rings\\a the bell\"")
    let project = try TemporaryProject(files)
    defer { project.remove() }
    let test = try CLI.run(["test", project.path("named.test.yaml"), "--color", "never"])
    #expect(test.status == 1)
    #expect(!test.stdout.contains("\u{1B}"))
    #expect(test.stdout.contains("named.test.yaml: clears\\u{1B}[2Jthe screen ... FAILED\n"))
    let simulate = try CLI.run(["simulate", project.root, "--model", project.path("named.model.yaml")])
    #expect(simulate.status == 0, "\(simulate.stderr)")
    #expect(simulate.stdout.hasPrefix("Simulated 1 day from 2026-01-05T08:00:00Z: rings\\u{7} the bell (seed 1)\n"))
  }
}
