#ifndef CALLFLOW_CYAML_SHIM_H
#define CALLFLOW_CYAML_SHIM_H
#include <yaml.h>
#endif
