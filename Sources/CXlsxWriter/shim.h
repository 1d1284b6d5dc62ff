#ifndef MOTCUA_CXLSXWRITER_SHIM_H
#define MOTCUA_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
