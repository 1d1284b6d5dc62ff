#ifndef MOTCUA_INFLATE_SHIM_H
#define MOTCUA_INFLATE_SHIM_H
// Intel ISA-L's inflate (igzip) and CRC-32, for the .xlsx reader's ZIP entries.
#include <isa-l/igzip_lib.h>
#include <isa-l/crc.h>
#endif
