import CallflowDriver
import CallflowSemantics
import CallflowSimulator
import CallflowTestSupport
import CallflowVM
import Foundation
import Testing

@testable import CallflowSimulator

@Suite struct EngineTests {
  @Test func eventsComeOutByTimeThenInTheOrderTheyWereScheduled() {
    var queue = EventQueue<String>()
    var random = SeededRandom(seed: 3)
    var expected: [(Int, Int, String)] = []
    for n in 0..<500 {
      let time = Int(random.next() % 50)
      queue.schedule("e\(n)", at: time)
      expected.append((time, n, "e\(n)"))
    }
    expected.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    var seen: [String] = []
    while let (_, event) = queue.next() { seen.append(event) }
    #expect(seen == expected.map(\.2))
  }

  /// Pushes and pops interleaved, as the agenda takes them: each pop is the earliest of
  /// what is pending, by time then by the order scheduled.
  @Test func interleavedEventsComeOutInOrder() {
    let scheduled = checkAgenda(seed: 11, start: 0, perRound: 4, takesIn: { $0 % 3 != 0 }) { now, random in
      now + Int(random.next() % 30)
    }
    #expect(scheduled > 2_000)
  }

  /// Events hours and days beyond the wheel's span, and events scheduled before the last one
  /// taken, come out in order too; the time announced is the time of the event taken.
  @Test func farAndEarlierEventsComeOutInOrder() {
    let scheduled = checkAgenda(seed: 5, start: 1_767_625_200, perRound: 3, takesIn: { $0 % 2 == 0 }) { now, random in
      // Within minutes; at one of the seconds a thousand apart that many events share, from
      // the next few (first past the wheel's span, later inside it); days ahead; or before
      // the last event taken.
      let kind = random.next() % 10
      let anchor = (now / 1_000 + 1 + Int(random.next() % 8)) * 1_000
      return kind < 4 ? now + Int(random.next() % 600) : kind < 8 ? anchor : kind < 9 ? now + Int(random.next() % 300_000) : now - Int(random.next() % 100)
    }
    #expect(scheduled > 2_000)
  }

  /// Runs an agenda for 3,000 rounds: each schedules fewer than `perRound` events at times
  /// `time(now, random)` draws, and the rounds `takesIn` allows take one; then the rest are
  /// taken. Each event taken is expected to be the earliest pending (by time, then by the order
  /// scheduled), at the time announced before it was taken. The number of events scheduled.
  func checkAgenda(seed: UInt64, start: Int, perRound: UInt64, takesIn: (Int) -> Bool, time: (Int, inout SeededRandom) -> Int) -> Int {
    var queue = EventQueue<Int>()
    var random = SeededRandom(seed: seed)
    var pending: [(time: Int, n: Int)] = []
    var now = start
    func takeEarliest() -> Bool {
      let announced = queue.nextTime()
      guard let (at, event) = queue.next() else { return false }
      let earliest = pending.indices.min { (pending[$0].time, pending[$0].n) < (pending[$1].time, pending[$1].n) }
      #expect(earliest.map { pending[$0].n } == event && earliest.map { pending[$0].time } == at && announced == at)
      if let earliest { pending.remove(at: earliest) }
      now = at
      return true
    }
    var n = 0
    for round in 0..<3_000 {
      for _ in 0..<Int(random.next() % perRound) {
        let at = time(now, &random)
        queue.schedule(n, at: at)
        pending.append((at, n))
        n += 1
      }
      if takesIn(round) { _ = takeEarliest() }
    }
    while takeEarliest() {}
    #expect(pending.isEmpty && queue.nextTime() == nil)
    return n
  }

  @Test func isoTimesAreUTCWithCivilDates() {
    #expect(Clock.iso(0) == "1970-01-01T00:00:00Z")
    #expect(Clock.iso(1_767_625_200) == "2026-01-05T15:00:00Z")
    // A leap day and a date before 1970.
    #expect(Clock.iso(951_782_400) == "2000-02-29T00:00:00Z")
    #expect(Clock.iso(-1) == "1969-12-31T23:59:59Z")
    #expect(Clock.parse("2026-01-05T10:00:00-05:00") == 1_767_625_200)
    #expect(Clock.timeOfDay(1_767_625_200 + 90) == "15:01:30")
  }

  @Test func zoneOffsetsFollowDaylightSavingTime() throws {
    var offsets = ZoneOffsets(try #require(TimeZone(identifier: "America/New_York")))
    // 2026-03-08 06:59:59Z is 01:59:59 EST; a second later it is 03:00:00 EDT.
    let before = try #require(Clock.parse("2026-03-08T06:59:59Z"))
    #expect(offsets.local(before) - before == -5 * 3600)
    #expect(offsets.local(before + 1) - (before + 1) == -4 * 3600)
    // Asked again in turns, from the hour asked last and from the hours kept: the same.
    for t in [before, before - 60, before + 1, before + 1_800, before, before + 3_601] {
      let expected = try #require(TimeZone(identifier: "America/New_York")).secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t)))
      #expect(offsets.local(t) - t == expected, "\(t)")
    }
  }

  /// Hours keep the answer for the local minute asked last: asked in turns, forwards and
  /// back, on each side of opening and closing and of a change to daylight saving time, they
  /// answer as the hours themselves.
  @Test func openHoursAnswerAsTheHoursDoMinuteByMinute() throws {
    let files = [
      "center.yaml": testCenter() + "hours:\n  office: {timezone: America/New_York, mon-fri: \"08:30-17:45\"}\n",
      "main.flow.yaml": "flow: main\ntype: inbound\nstart: hours\nblocks:\n  hours:\n    check-hours: office\n    next: bye\n    on: {out-of-hours: bye, error: bye}\n  bye:\n    disconnect: {}\n",
    ]
    let project = try TemporaryProject(files)
    defer { project.remove() }
    let module = try Program(bytes: try #require(try BuildRun.run(path: project.root).bytes)).module
    let office = try #require(HostChecks.hours("office", in: module))
    var hours = OpenHours(hours: office, offsets: ZoneOffsets(try #require(TimeZone(identifier: "America/New_York"))))
    // Monday 2026-03-09 08:30 EDT opens, the day after the clocks went forward; 17:45 closes.
    let opens = try #require(Clock.parse("2026-03-09T12:30:00Z"))
    let closes = opens + 9 * 3600 + 15 * 60
    let change = try #require(Clock.parse("2026-03-08T06:59:59Z"))
    var answers: [Bool] = []
    for t in [opens - 1, opens, opens + 59, opens - 61, opens - 1, opens + 60, closes - 1, closes, closes - 1, closes + 3600, change, change + 1] {
      let open = hours.isOpen(at: t)
      #expect(open == HostChecks.isOpen(office, in: module, at: t), "\(Clock.iso(t))")
      answers.append(open)
    }
    #expect(answers == [false, true, true, false, false, true, true, false, true, false, false, false])
  }

  @Test func seededDrawsRepeatAndFollowTheirWeights() {
    var a = SeededRandom(seed: 42)
    var b = SeededRandom(seed: 42)
    #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
    var r = SeededRandom(seed: 7)
    var counts = [0, 0, 0]
    for _ in 0..<30_000 { counts[r.pick([1, 0, 3])] += 1 }
    #expect(counts[1] == 0)
    #expect(abs(Double(counts[2]) / Double(counts[0]) - 3) < 0.15)
    let mean = (0..<20_000).reduce(0) { sum, _ in sum + r.exponential(mean: 300) }
    #expect(abs(Double(mean) / 20_000 - 300) < 10)
  }

  @Test func dialAnswersMapToBranchesAndDetectionStatuses() {
    #expect(DialAnswer.noAnswer.progress == "unanswered")
    #expect(DialAnswer.voicemailNoBeep.progress == "voicemail-no-beep")
    #expect(DialAnswer.allCases.filter(\.connects) == [.human, .voicemailBeep, .voicemailNoBeep])
    #expect(DialAnswer.allCases.map(\.detectionStatus) == [
      "HUMAN_ANSWERED", "VOICEMAIL_BEEP", "VOICEMAIL_NO_BEEP", "AMD_UNANSWERED", "SIT_TONE_BUSY", "SIT_TONE_INVALID_NUMBER",
      "FAX_MACHINE_DETECTED",
    ])
  }
}

