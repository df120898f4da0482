import Foundation
import Testing

/// The `callflow` executable runs on mimalloc on Linux (`Sources/CAllocator`, Docs/PERFORMANCE.md,
/// fifteenth pass): its `malloc` and `free` serve libyaml and the Swift runtime, not the C
/// library's.
@Suite struct AllocatorTests {
  #if os(Linux)
    @Test func libyamlAndTheSwiftRuntimeAllocateThroughMimalloc() throws {
      // The dynamic linker reports each symbol it binds, and to which library.
      let out = try CLI.run(["check", "Samples"], environment: ["LD_DEBUG": "bindings"])
      #expect(out.status == 0)
      let bindings = out.stderr.split(separator: "\n").filter { $0.contains("binding file ") }
      for library in ["/libyaml-0.so.2 ", "/libswiftCore.so "] {
        for symbol in ["malloc", "free"] {
          let bound = bindings.filter { $0.contains(library) && $0.hasSuffix("normal symbol `\(symbol)' [GLIBC_2.2.5]") }
          #expect(!bound.isEmpty, "\(library) binds no `\(symbol)`")
          for line in bound {
            #expect(line.contains("/libmimalloc.so.2 "), "\(line)")
          }
        }
      }
    }
  #endif
}
