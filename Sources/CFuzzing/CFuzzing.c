// Declarations only; see include/CFuzzing.h.
#include "CFuzzing.h"
