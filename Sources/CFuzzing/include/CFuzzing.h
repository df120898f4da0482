#ifndef CALLFLOW_CFUZZING_H
#define CALLFLOW_CFUZZING_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for targets whose `main` is not libFuzzer's own (as with SwiftPM's
/// executables). Present only when linked with `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
