#ifndef MOTCUA_ZIP_LEVEL_H
#define MOTCUA_ZIP_LEVEL_H

/// The deflate level the workbooks' ZIP entries are written with (see zip_level.c).
#define MOTCUA_WORKBOOK_DEFLATE_LEVEL 4

/// The level of the last entry libxlsxwriter opened through this file's
/// `zipOpenNewFileInZip4_64`, or -1 before any: tests check that the
/// interposition takes effect where the product runs.
int motcua_last_zip_entry_level(void);

#endif
