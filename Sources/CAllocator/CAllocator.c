// The `callflow` executable's memory allocator (Docs/PERFORMANCE.md, fourteenth pass).
//
// On Linux the executable links jemalloc, whose `malloc` and `free` then serve the whole
// process: libyaml's, the Swift runtime's and Foundation's allocations alike. A check builds and
// drops many small trees on every core, which glibc's allocator serves at about twice
// jemalloc's cost. The test suite links it with the executable's module; `callflow-bench`
// (whose libyaml baseline stays the yardstick it always was) and the fuzz targets, under
// AddressSanitizer's allocator, keep the C library's.
#include "CAllocator.h"

#if defined(__linux__)
// Blocks of 256 KiB and more (the simulator's tables, a diagram's text) come from an arena
// that gives their pages back as soon as they are freed, as glibc does with the blocks it maps
// on their own: a table that grows then keeps no pages of its old copies, and the simulated
// week's peak memory stays what it is with glibc.
const char *malloc_conf = "oversize_threshold:262144";
#endif
