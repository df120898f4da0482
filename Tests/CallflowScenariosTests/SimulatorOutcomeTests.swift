import CallflowScenarios
import CallflowSimulator
import CallflowTestSupport
import Foundation
import Testing

@testable import CallflowDriver
@testable import CallflowSimulator

/// What the simulator makes of the benchmark's model (two weekdays of it, at a tenth of its
/// callers and agents), for three seeds: the full JSON report and every contact record,
/// reduced to a 64-bit FNV-1a digest of their bytes. The digests were taken before the
/// simulator was made faster (Docs/PERFORMANCE.md): a change of speed must not change a byte.
@Suite struct SimulatorOutcomeTests {
  static let model = """
    model: two weekdays of a 50-agent center
    start: 2026-01-05T05:00:00Z
    days: 2
    seed: 1
    timezone: America/New_York
    arrivals:
      - {to: "+18005550199", days: mon-fri, per-hour: {"08:00-18:00": 540}}
    callers:
      choices:
        offer-callback: {"1": 30, "2": 70}
      answers: {human: 80, voicemail-beep: 8, no-answer: 10, busy: 2}
      patience: 10m
    agents:
      - {name: weekday, routing-profile: Tier1, count: 50, days: mon-fri, shift: "08:00-18:00", handle-time: 5m}

    """

  static func digest(_ text: String, into hash: inout UInt64) {
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x100_0000_01B3
    }
  }

  @Test(arguments: [(UInt64(1), "a75147e0dc385e85"), (UInt64(2), "6952cdcc044cb76e"), (UInt64(99), "4c2b025558db6d39")])
  func theReportAndEveryRecordAreAsBefore(seed: UInt64, expected: String) throws {
    let copy = try SamplesCopy(adding: ["week.model.yaml": Self.model])
    defer { copy.remove() }
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    var records = 0
    let result = SimulateRun.run(path: copy.root, modelPath: copy.path("week.model.yaml"), seed: seed) { simulator in
      for record in simulator.records() {
        Self.digest(record.json(scenario: "", label: "\(record.label)").printed() + "\n", into: &hash)
        records += 1
      }
    }
    guard case .success(let report) = result else {
      Issue.record("the model does not simulate: \(result)")
      return
    }
    Self.digest(report.json().printed(), into: &hash)
    #expect(records > 10_000)
    #expect(String(hash, radix: 16) == expected, "\(records) records")
  }

  /// Rows of extras are as many as contacts in flows and queues at once: the contacts that end
  /// give theirs back, and none that ended keeps one (the run keeps no attributes or paths).
  @Test func endedContactsGiveTheirRowsOfExtrasBack() throws {
    let copy = try SamplesCopy(adding: ["week.model.yaml": Self.model])
    defer { copy.remove() }
    var rows = 0
    var contacts = 0
    var endedWithRows = 0
    var open = 0
    _ = SimulateRun.run(path: copy.root, modelPath: copy.path("week.model.yaml"), seed: 1) { simulator in
      rows = simulator.extras.count
      contacts = simulator.contactCount
      endedWithRows = simulator.contacts.filter { $0.isFinished && $0.extras != nil }.count
      open = simulator.contacts.filter { !$0.isFinished }.count
    }
    #expect(contacts > 10_000 && endedWithRows == 0)
    // Each contact open at the end holds one at most; the rest are free for the next ones.
    #expect(rows >= open && rows < contacts / 10, "\(rows) rows, \(open) contacts open, \(contacts) in all")
  }
}
