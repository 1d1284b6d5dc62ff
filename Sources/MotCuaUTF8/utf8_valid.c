// UTF-8 validation sixteen bytes at a time, after Keiser and Lemire,
// "Validating UTF-8 in less than one instruction per byte" (Software: Practice
// and Experience, 2021), the "lookup" algorithm of simdjson and simdutf.
//
// Why hand-written: motcua checks every export once before reading it, and the
// scalar check (UTF8Check.swift, eight ASCII bytes at a time) took 0.19 s on
// a 400 MB Vietnamese export, about 7 % of each reading thread; this takes
// 0.08 s (BENCHMARKS.md, "The UTF-8 check sixteen bytes at a time"). No
// Debian 12 package offers it to C (simdutf is C++ and not packaged there),
// and Swift's SIMD types have no byte shuffle: written with them, the same
// check ran 25 times slower than the scalar one.
//
// Each byte is classified by three table lookups (the high nibble of the
// byte before it, its low nibble, and the high nibble of the byte itself);
// a byte that is wrong where it stands (too short, too long, overlong,
// surrogate, above U+10FFFF) keeps a bit set in all three. Third and fourth
// bytes of a sequence are told by the lead two and three places back.
#include "motcua_utf8.h"
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>

enum {
    TOO_SHORT = 1 << 0,       // 11______ 0_______ or 11______ 11______
    TOO_LONG = 1 << 1,        // 0_______ 10______
    OVERLONG_3 = 1 << 2,      // 11100000 100_____
    TOO_LARGE = 1 << 3,       // 11110100 1001____ and above
    SURROGATE = 1 << 4,       // 11101101 101_____
    OVERLONG_2 = 1 << 5,      // 1100000_ 10______
    TOO_LARGE_1000 = 1 << 6,  // 11110101 1000____ and above
    OVERLONG_4 = 1 << 6,      // 11110000 1000____
    TWO_CONTS = 1 << 7,       // 10______ 10______
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

#define B(x) ((char)(x))

__attribute__((target("ssse3")))
static int valid_ssse3(const uint8_t *p, size_t n) {
    const __m128i byte1High = _mm_setr_epi8(
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,  // 0___ ASCII
        B(TWO_CONTS), B(TWO_CONTS), B(TWO_CONTS), B(TWO_CONTS),                         // 10__ continuation
        TOO_SHORT | OVERLONG_2,                                                         // 1100 two-byte lead
        TOO_SHORT,                                                                      // 1101 two-byte lead
        TOO_SHORT | OVERLONG_3 | SURROGATE,                                             // 1110 three-byte lead
        TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);                           // 1111 four-byte lead
    const __m128i byte1Low = _mm_setr_epi8(
        B(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4), B(CARRY | OVERLONG_2), B(CARRY), B(CARRY),
        B(CARRY | TOO_LARGE), B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000),
        B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000),
        B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000),
        B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000),
        B(CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE), B(CARRY | TOO_LARGE | TOO_LARGE_1000),
        B(CARRY | TOO_LARGE | TOO_LARGE_1000));
    const __m128i byte2High = _mm_setr_epi8(
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,  // 0___
        B(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4),         // 1000
        B(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE),                           // 1001
        B(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),                            // 1010
        B(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),                            // 1011
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);                                             // 11__
    const __m128i nibble = _mm_set1_epi8(0x0F);
    // A lead in the last three places of a block needs bytes from the next one.
    const __m128i lastLeads = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                            B(0xF0 - 1), B(0xE0 - 1), B(0xC0 - 1));
    __m128i previous = _mm_setzero_si128(), error = _mm_setzero_si128(), unfinished = _mm_setzero_si128();
    uint8_t tail[16];
    for (size_t i = 0; i < n; i += 16) {
        __m128i input;
        if (i + 16 <= n) {
            input = _mm_loadu_si128((const __m128i *)(p + i));
        } else {  // the last bytes, padded with ASCII zeros
            memset(tail, 0, sizeof tail);
            memcpy(tail, p + i, n - i);
            input = _mm_loadu_si128((const __m128i *)tail);
        }
        if (_mm_movemask_epi8(input) == 0) {
            // ASCII: wrong only if the block before ended inside a sequence.
            error = _mm_or_si128(error, unfinished);
            unfinished = _mm_setzero_si128();
        } else {
            __m128i prev1 = _mm_alignr_epi8(input, previous, 15);
            __m128i special = _mm_and_si128(
                _mm_and_si128(_mm_shuffle_epi8(byte1High, _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble)),
                              _mm_shuffle_epi8(byte1Low, _mm_and_si128(prev1, nibble))),
                _mm_shuffle_epi8(byte2High, _mm_and_si128(_mm_srli_epi16(input, 4), nibble)));
            // Where a third or fourth byte must be: 111_____ two back, 1111____ three back.
            __m128i third = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 14), _mm_set1_epi8(B(0xE0 - 0x80)));
            __m128i fourth = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 13), _mm_set1_epi8(B(0xF0 - 0x80)));
            __m128i must23 = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(B(0x80)));
            error = _mm_or_si128(error, _mm_xor_si128(must23, special));
            unfinished = _mm_subs_epu8(input, lastLeads);
        }
        previous = input;
        // Stop early on bad text: the caller finds the byte with the scalar check.
        if ((i & 0xFFFF) == 0 && _mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) != 0xFFFF) return 0;
    }
    error = _mm_or_si128(error, unfinished);
    return _mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) == 0xFFFF;
}
#endif

int motcua_utf8_valid(const uint8_t *p, size_t n) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("ssse3")) return valid_ssse3(p, n);
#endif
    (void)p; (void)n;
    return -1;
}
