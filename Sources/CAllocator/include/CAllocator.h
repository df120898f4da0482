#ifndef CALLFLOW_ALLOCATOR_H
#define CALLFLOW_ALLOCATOR_H

// Linking this target links the executable's allocator (CAllocator.c says which and why); it
// declares nothing to call.

#endif
