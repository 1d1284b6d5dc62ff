#ifndef MOTCUA_UTF8_H
#define MOTCUA_UTF8_H
#include <stddef.h>
#include <stdint.h>

/// 1 when the `n` bytes at `p` are UTF-8 (RFC 3629), 0 when they are not,
/// -1 when this processor has no vector check (the caller checks them itself).
int motcua_utf8_valid(const uint8_t *p, size_t n);

#endif
