import CallflowDriver
import CallflowTestSupport
import CallflowVM
import Testing

@testable import CallflowSimulator

/// A queue's metrics kept while its entries stay the same answer as the entries counted: at
/// the first read of a version, at the later ones (by halving), and after contacts join,
/// leave and change priority.
@Suite struct MetricsSnapshotTests {
  /// A simulator of the samples with no agents, starting at `start`, and its `Callbacks` queue.
  static func simulator(start: Int) throws -> (Simulator, Int) {
    let program = try Program(bytes: try #require(try BuildRun.run(path: packageRoot + "/Samples").bytes))
    var simulator = Simulator(
      program: program, center: CenterModel(module: program.module, center: nil), world: QuietActionsTests.Quiet(timesIVR: false), agents: [],
      start: start)
    let callbacks = simulator.queueIndex("Callbacks")
    return (simulator, try #require(callbacks))
  }

  /// A callback with `routingTime` joins queue `q` now; the clock then moves on by `step`.
  static func add(_ simulator: inout Simulator, to q: Int, routingTime: Int, step: Int) -> Int {
    let i = simulator.contacts.count
    simulator.contacts.append(
      Contact(method: .callback, label: i, initial: i, customer: "+12065550100", system: "+18005550199", initiated: simulator.now, routingTime: routingTime))
    simulator.enqueue(i, q)
    simulator.now += step
    return i
  }

  @Test func keptMetricsAnswerAsTheEntriesCounted() throws {
    var (simulator, q) = try Self.simulator(start: 1_000)
    func add(routingTime: Int) -> Int { Self.add(&simulator, to: q, routingTime: routingTime, step: 7) }
    /// Each contact's position and the oldest entry, read twice (counted, then kept).
    func read() -> [Int: Int] {
      var positions: [Int: Int] = [:]
      for _ in 0..<2 {
        for i in simulator.contacts.indices {
          let mine =
            simulator.contacts[i].inQueue
            ? QueueState.Entry(priority: simulator.contacts[i].priority, routingTime: simulator.contacts[i].routingTime, contact: i, token: 0, enqueued: 0)
            : nil
          let kept = simulator.place(mine, of: i, in: q)
          let counted = simulator.count(mine, of: i, in: q)
          #expect(kept.position == counted.position && kept.oldest == counted.oldest, "contact \(i)")
          positions[i] = kept.position
        }
      }
      return positions
    }
    let routingTimes = [500, 200, 900, 100, 700, 300]
    let added = routingTimes.map { add(routingTime: $0) }
    #expect(read() == [added[3]: 1, added[1]: 2, added[5]: 3, added[0]: 4, added[4]: 5, added[2]: 6])
    let outside = simulator.place(nil, of: added[0], in: q)
    #expect(outside.position == 0 && outside.oldest == 1_000)
    simulator.setPriority(added[2], 1)
    #expect(read() == [added[2]: 1, added[3]: 2, added[1]: 3, added[5]: 4, added[0]: 5, added[4]: 6])
    simulator.removeFromQueue(added[3])
    #expect(read() == [added[3]: 0, added[2]: 1, added[1]: 2, added[5]: 3, added[0]: 4, added[4]: 5])
    let late = add(routingTime: 50)
    let positions = read()
    #expect(positions[late] == 2 && positions[added[2]] == 1 && positions[added[4]] == 6)
    let oldest = simulator.place(nil, of: late, in: q).oldest
    #expect(oldest == 1_000)
  }

  /// What `get-queue-metrics` writes, read by each contact in turn: each read's own values,
  /// and a read kept by its caller stays as it was while later ones are written.
  @Test func eachReadWritesItsOwnMetrics() throws {
    var (simulator, q) = try Self.simulator(start: 5_000)
    for routingTime in [300, 100, 200] { _ = Self.add(&simulator, to: q, routingTime: routingTime, step: 60) }
    func expected(position: Int) -> Attributes {
      [
        "$.Metrics.PositionInQueue": "\(position)", "$.Metrics.ContactsInQueue": "3", "$.Metrics.OldestContactAge": "\(simulator.now - 5_000)",
        "$.Metrics.AgentsAvailable": "0", "$.Metrics.AgentsOnline": "0",
      ]
    }
    let first = simulator.metrics(of: q, for: 0)
    #expect(first == expected(position: 3))
    for (contact, position) in [(1, 1), (2, 2), (0, 3), (1, 1)] {
      let read = simulator.metrics(of: q, for: contact)
      #expect(read == expected(position: position), "contact \(contact)")
    }
    #expect(first == expected(position: 3))
    simulator.now += 600
    let later = simulator.metrics(of: q, for: 2)
    #expect(later == expected(position: 2) && later["$.Metrics.OldestContactAge"] == "780")
  }
}
