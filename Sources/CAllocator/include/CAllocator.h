#ifndef CALLFLOW_ALLOCATOR_H
#define CALLFLOW_ALLOCATOR_H

/// jemalloc's options for the executables that link this target (CAllocator.c says which and
/// why); jemalloc reads them when it starts.
extern const char *malloc_conf;

#endif
