// libxlsxwriter 1.1.4 compresses every part of a workbook at zlib's default
// level (6) and has no option for it: it calls minizip's
// zipOpenNewFileInZip4_64 with Z_DEFAULT_COMPRESSION. This definition, in the
// executable, comes first in the dynamic linker's search, so libxlsxwriter's
// calls land here; it forwards them to minizip (the next definition,
// RTLD_NEXT) with level 4 instead.
//
// Why level 4 (BENCHMARKS.md, "The workbooks' deflate level"): the overdue
// companion of a 1,000,000-row quarter holds 7.4 MB of sheet XML; zlib took
// 0.122 s for it at level 6 (1,057,477 bytes), 0.075 s at 5 (+2.0 %), 0.052 s
// at 4 (+6.2 %) and 0.051 s at 3 (+16.7 %, zlib's fast strategy from there
// down). That companion is the last file a report writes, alone on one core,
// so its time is the report's; a few per cent more bytes do not matter to a
// file sent by mail.
//
// If libxlsxwriter is ever built with minizip inside it, its calls no longer
// come here and the workbooks are simply written at level 6 as before.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include "motcua_zip_level.h"

#define Z_DEFAULT_COMPRESSION (-1)

// minizip's zip.h types, spelled out so that no minizip headers are needed:
// zipFile is a pointer, uInt and uLong are unsigned int and unsigned long.
typedef int (*zip_open_entry)(void *file, const char *filename, const void *zipfi, const void *extrafield_local,
                              unsigned int size_extrafield_local, const void *extrafield_global,
                              unsigned int size_extrafield_global, const char *comment, int method, int level,
                              int raw, int windowBits, int memLevel, int strategy, const char *password,
                              unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
                              int zip64);

static _Atomic int last_level = -1;

int motcua_last_zip_entry_level(void) { return atomic_load(&last_level); }

int zipOpenNewFileInZip4_64(void *file, const char *filename, const void *zipfi, const void *extrafield_local,
                            unsigned int size_extrafield_local, const void *extrafield_global,
                            unsigned int size_extrafield_global, const char *comment, int method, int level,
                            int raw, int windowBits, int memLevel, int strategy, const char *password,
                            unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
                            int zip64) {
    static _Atomic(zip_open_entry) next = NULL;
    zip_open_entry open_entry = atomic_load(&next);
    if (open_entry == NULL) {
        open_entry = (zip_open_entry)dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
        if (open_entry == NULL) return -104;  // ZIP_INTERNALERROR: libxlsxwriter reports it as a write failure
        atomic_store(&next, open_entry);
    }
    if (level == Z_DEFAULT_COMPRESSION) level = MOTCUA_WORKBOOK_DEFLATE_LEVEL;
    atomic_store(&last_level, level);
    return open_entry(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
                      size_extrafield_global, comment, method, level, raw, windowBits, memLevel, strategy, password,
                      crcForCrypting, versionMadeBy, flagBase, zip64);
}
