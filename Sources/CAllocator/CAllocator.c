// The `callflow` executable's memory allocator (Docs/PERFORMANCE.md, fifteenth pass).
//
// On Linux the executable links mimalloc, whose `malloc` and `free` then serve the whole
// process: libyaml's, the Swift runtime's and Foundation's allocations alike. A check builds and
// drops many small trees on every core; mimalloc serves them in fewer instructions than
// jemalloc (the allocator of the fourteenth pass) and about half glibc's. The test suite links
// it with the executable's module; `callflow-bench` (whose libyaml baseline stays the yardstick
// it always was) and the fuzz targets, under AddressSanitizer's allocator, keep the C library's.
//
// The link does it all (Package.swift's `linkedLibrary`): mimalloc's `malloc` and `free`
// come before the C library's in the executable's list of libraries, so every library of the
// process binds to them (AllocatorTests asks the dynamic linker). There is nothing to call.
#include "CAllocator.h"
