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

  @Test func aBrokenModelExitsTwoWithItsPlace() throws {
    let project = try TemporaryProject(["bad.model.yaml": "model: x\nstart: yesterday\narrivals: []\nagents: []\n"])
    defer { project.remove() }
    let out = try CLI.run(["simulate", "Samples", "--model", project.path("bad.model.yaml"), "--color", "never"])
    #expect(out.status == 2)
    #expect(out.stderr.contains("bad.model.yaml:2:8: error: `start` is an ISO 8601 time such as 2026-01-05T00:00:00Z, not `yesterday` [invalid-value]"))
  }
}
