import CallflowConcurrency
import Synchronization
import Testing

/// Counts the instances alive, so a test can tell that results are released.
final class Tracked: Sendable {
  static let alive = Atomic<Int>(0)
  let value: Int
  init(_ value: Int) {
    self.value = value
    Self.alive.add(1, ordering: .relaxed)
  }
  deinit { Self.alive.subtract(1, ordering: .relaxed) }
}

@Suite(.serialized) struct ParallelMapTests {
  @Test func resultsComeInIndexOrder() {
    #expect(parallelMap(0) { $0 } == [])
    #expect(parallelMap(1) { $0 * 2 } == [0])
    #expect(parallelMap(1_000) { $0 * $0 } == (0..<1_000).map { $0 * $0 })
  }

  /// Every result is released once the caller lets go of the array: a copy that deallocates
  /// its buffer without deinitializing it leaks every result (what the graph's own copy did).
  @Test func resultsAreReleased() {
    let before = Tracked.alive.load(ordering: .relaxed)
    do {
      let results = parallelMap(500) { Tracked($0) }
      #expect(results.map(\.value) == Array(0..<500))
      #expect(Tracked.alive.load(ordering: .relaxed) == before + 500)
    }
    #expect(Tracked.alive.load(ordering: .relaxed) == before)
  }
}
