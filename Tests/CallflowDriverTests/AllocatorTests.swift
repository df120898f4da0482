import Foundation
import Testing

/// The `callflow` executable runs on jemalloc on Linux, with the options `Sources/CAllocator`
/// sets (Docs/PERFORMANCE.md, fourteenth pass): without them the simulated week's peak memory
/// goes past its budget.
@Suite struct AllocatorTests {
  #if os(Linux)
    @Test func theExecutableRunsOnJemallocWithItsOptions() throws {
      // jemalloc prints its statistics when the process ends, here only the general part with
      // its options (the letters leave out the arenas, bins, extents and mutexes); the C
      // library's allocator ignores the variable.
      let out = try CLI.run(["check", "Samples"], environment: ["MALLOC_CONF": "stats_print:true,stats_print_opts:mdablxeh"])
      #expect(out.status == 0)
      let options = out.stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      #expect(options.contains("opt.oversize_threshold: 262144"))
      #expect(options.contains("opt.stats_print: true"))
    }
  #endif
}
