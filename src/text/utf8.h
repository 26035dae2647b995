/*
 * utf8.h - UTF-8 validation that works across chunk boundaries, and
 * decoding of one code point.  The validator also flags NUL bytes, which
 * mark binary input.
 */
#ifndef DK_UTF8_H
#define DK_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Zero-initialise before the first call. */
typedef struct dk_utf8_state {
    uint32_t need;   /* continuation bytes still expected */
    uint32_t lo, hi; /* range the next continuation byte must be in */
} dk_utf8_state;

enum { DK_UTF8_OK = 0, DK_UTF8_BAD = 1, DK_UTF8_NUL = 2 };

/* Check n more bytes.  Returns DK_UTF8_OK, or DK_UTF8_BAD / DK_UTF8_NUL
 * with *at set to the offset in p of the first offending byte: the first
 * byte that cannot continue a well-formed sequence (Unicode table 3-7),
 * so an overlong or a surrogate is caught at its second byte.  An
 * unfinished sequence at the end is carried in st to the next call. */
int dk_utf8_check(dk_utf8_state *st, const unsigned char *p, size_t n,
                  size_t *at);

/* True when the input ended in the middle of a sequence. */
int dk_utf8_incomplete(const dk_utf8_state *st);

/* Decode the code point at p (n bytes available).  Returns its length in
 * bytes (1 for an invalid byte, which decodes to U+FFFD). */
int dk_utf8_decode(const unsigned char *p, size_t n, uint32_t *cp);

#endif
