#ifndef CALLFLOW_ALLOCATOR_H
#define CALLFLOW_ALLOCATOR_H

/// The version of the allocator the executables that link this target run on (mimalloc's, as
/// `mi_version` gives it, on Linux; 0 elsewhere, where the system's serves them). CAllocator.c
/// says which executables and why.
int callflow_allocator_version(void);

#endif
