#ifndef MOTCUA_ZLIB_SHIM_H
#define MOTCUA_ZLIB_SHIM_H
#include <zlib.h>
#endif
