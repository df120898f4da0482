import Testing

@testable import CallflowSimulator

/// The simulator's cache of names met again: what it keeps is what was resolved, a name
/// resolved to nothing is kept as such, and once full the oldest name gives way.
@Suite struct NameCacheTests {
  @Test func keepsAnswersAndLetsTheOldestGo() {
    var cache = NameCache<Int?>()
    #expect(cache.kept("Support") == nil)
    cache.keep("Support", 0)
    cache.keep("Nowhere", nil)
    #expect(cache.kept("Support") == .some(0))
    #expect(cache.kept("Nowhere") == .some(nil))
    #expect(cache.kept(String("Supporx".dropLast()) + "t") == .some(0))
    #expect(cache.kept("Suppor") == nil)
    // As long as a name kept, but another.
    #expect(cache.kept("Supporz") == nil)
    for k in 1..<NameCache<Int?>.capacity { cache.keep("queue-\(k)", k) }
    // Full: "Support" was kept first, so it goes first; every later name stays.
    #expect(cache.kept("Support") == nil)
    #expect(cache.kept("Nowhere") == .some(nil))
    for k in 1..<NameCache<Int?>.capacity { #expect(cache.kept("queue-\(k)") == .some(k)) }
    cache.keep("Support", 9)
    #expect(cache.kept("Nowhere") == nil && cache.kept("Support") == .some(9))
  }

  /// A name is resolved once, then answered from the cache, nothing included.
  @Test func resolvesEachNameOnce() {
    var cache = NameCache<Int?>()
    let queues = ["Support": 0, "Callbacks": 1]
    var asked: [String] = []
    for name in ["Support", "Nowhere", "Support", "Callbacks", "Nowhere", "Callbacks"] {
      let found = cache.value(of: name, in: queues) { queues, name in
        asked.append(name)
        return queues[name]
      }
      #expect(found == queues[name])
    }
    #expect(asked == ["Support", "Nowhere", "Callbacks"])
  }
}
