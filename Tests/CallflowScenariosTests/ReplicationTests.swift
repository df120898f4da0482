import CallflowDriver
import CallflowScenarios
import CallflowSimulator
import Foundation
import Testing

@Suite struct StatisticsTests {
  /// The 97.5th percentiles of Student's t, as printed in every table of it.
  @Test(arguments: [(1, 12.7062), (2, 4.3027), (5, 2.5706), (9, 2.2622), (29, 2.0452), (120, 1.9799), (1000, 1.9623)])
  func studentsTQuantilesAreTheTables(_ df: Int, _ t: Double) {
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: df) - t) < 5e-4)
  }

  @Test func theDistributionFunctionIsSymmetricAndHalfAtZero() {
    #expect(abs(StudentT.cdf(0, degreesOfFreedom: 7) - 0.5) < 1e-12)
    #expect(abs(StudentT.cdf(-2.3646, degreesOfFreedom: 7) - 0.025) < 1e-4)
    #expect(abs(StudentT.cdf(2.3646, degreesOfFreedom: 7) - 0.975) < 1e-4)
  }

  @Test func anEstimateIsTheMeanWithItsInterval() throws {
    // 1 ... 5: mean 3, standard deviation √2.5, standard error √0.5; t(0.975, 4) = 2.7764.
    let e = try #require(Estimate([1, 2, 3, 4, 5]))
    #expect(e.mean == 3 && e.count == 5)
    #expect(abs(e.halfWidth - 2.7764 * 0.5.squareRoot()) < 1e-3)
    #expect(e.contains(4.9) && !e.contains(5.0))
    #expect(Estimate([7])?.halfWidth == 0)
    #expect(Estimate([]) == nil)
  }
}

@Suite struct ReplicationTests {
  /// The load-model tests' morning: three hours at 600 calls an hour.
  static let model = LoadModelTests.model

  func replicate(_ n: Int, cores: Int? = nil) throws -> ReplicatedReport {
    let copy = try SamplesCopy(adding: ["morning.model.yaml": Self.model])
    defer { copy.remove() }
    guard case .success(let report) = SimulateRun.replicate(path: copy.root, modelPath: copy.path("morning.model.yaml"), replications: n, cores: cores)
    else { throw CancellationError() }
    return report
  }

  /// Each replication has its own seed, the first the model's: so the first run is the one
  /// `simulate` makes, and the others differ from it.
  @Test func theFirstReplicationIsTheSingleRunAndEachHasItsOwnSeed() throws {
    let copy = try SamplesCopy(adding: ["morning.model.yaml": Self.model])
    defer { copy.remove() }
    guard case .success(let single) = SimulateRun.run(path: copy.root, modelPath: copy.path("morning.model.yaml")) else {
      Issue.record("the model does not simulate")
      return
    }
    let replicated = try replicate(4)
    #expect(replicated.runs.map(\.seed).first == 11)
    #expect(Set(replicated.runs.map(\.seed)).count == 4)
    #expect(replicated.runs[0].json().printed() == single.json().printed())
    #expect(Set(replicated.runs.map { $0.json().printed() }).count == 4)
  }

  /// The report depends on the model and the number of replications, not on how many run at
  /// once.
  @Test func theReportIsTheSameOnAnyNumberOfCores() throws {
    let one = try replicate(5, cores: 1)
    let three = try replicate(5, cores: 3)
    #expect(one.json().printed() == three.json().printed())
    #expect(one.text(elapsed: nil) == three.text(elapsed: nil))
    #expect(QueueChart.svg(one) == QueueChart.svg(three))
  }

  /// Each figure is the mean of the runs' figures, with the interval Student's t gives them.
  @Test func eachFigureIsTheMeanOfTheRunsWithItsInterval() throws {
    let report = try replicate(6)
    let calls = report.runs.map { Double($0.calls) }
    let e = try #require(report.estimate { Double($0.calls) })
    #expect(abs(e.mean - calls.reduce(0, +) / 6) < 1e-9)
    let sd = (calls.map { ($0 - e.mean) * ($0 - e.mean) }.reduce(0, +) / 5).squareRoot()
    #expect(abs(e.halfWidth - StudentT.quantile(0.975, degreesOfFreedom: 5) * sd / 6.0.squareRoot()) < 1e-9)
    // Three hours at 600 calls an hour: the interval holds the Poisson mean of 1,800.
    #expect(e.contains(1800))

    let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().printed().utf8)) as? [String: Any])
    #expect(object["replications"] as? Int == 6)
    #expect((object["seeds"] as? [Int])?.count == 6)
    let callsObject = try #require(object["calls"] as? [String: Any])
    #expect(callsObject["replications"] as? Int == 6)
    #expect(abs((callsObject["low"] as? Double ?? 0) - e.low) <= 0.005)  // printed to two decimals
    let queues = try #require(object["queues"] as? [[String: Any]])
    let level = try #require((queues[0]["metrics"] as? [String: Any])?["SERVICE_LEVEL"] as? [String: Any])
    #expect(Set(level.keys) == ["mean", "low", "high", "replications"])
    let realtime = try #require((object["realtime"] as? [String: Any])?["queues"] as? [[String: Any]])
    let band = try #require(realtime[0]["contacts"] as? [String: Any])
    #expect((band["mean"] as? [Any])?.count == report.runs[0].series[0].contacts.count)

    let text = report.text(elapsed: nil)
    #expect(text.hasPrefix("Simulated 1 day from 2026-01-05T13:00:00Z: a morning (6 replications from seed 11)\n"))
    #expect(text.contains("  each figure: the mean of the 6 replications ± half its 95% confidence interval\n"))
    let svg = QueueChart.svg(report)
    #expect(svg.contains("<polygon fill=\"#1f77b4\" fill-opacity=\"0.18\""))
    #expect(svg.contains("The mean of 6 replications"))
  }
}
