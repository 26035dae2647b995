/*
 * utf8.c - streaming UTF-8 validation (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF), checked byte by byte against the
 * well-formed ranges of Unicode table 3-7 (ASCII sixteen or eight bytes
 * at a time), and single code point decoding.
 */
#include "utf8.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

int dk_utf8_check(dk_utf8_state *st, const unsigned char *p, size_t n,
                  size_t *at)
{
    size_t i = 0;
    while (i < n) {
        if (st->need == 0) {
            /* Fast path: skip plain ASCII sixteen bytes at a time (SSE2),
             * then eight. */
#ifdef __SSE2__
            while (i + 16 <= n) {
                __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
                __m128i z = _mm_cmpeq_epi8(v, _mm_setzero_si128());
                if (_mm_movemask_epi8(_mm_or_si128(v, z)))
                    break;   /* a byte >= 0x80, or a zero byte */
                i += 16;
            }
#endif
            while (i + 8 <= n) {
                uint64_t w;
                __builtin_memcpy(&w, p + i, 8);
                /* any byte >= 0x80, or any zero byte */
                if ((w & 0x8080808080808080ull) ||
                    ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull))
                    break;
                i += 8;
            }
            if (i >= n)
                break;
            unsigned c = p[i];
            if (c < 0x80) {
                if (c == 0) {
                    *at = i;
                    return DK_UTF8_NUL;
                }
                i++;
                continue;
            }
            st->lo = 0x80;
            st->hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                st->need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                st->need = 2;
                if (c == 0xE0)
                    st->lo = 0xA0;      /* no overlongs */
                else if (c == 0xED)
                    st->hi = 0x9F;      /* no surrogates */
            } else if (c >= 0xF0 && c <= 0xF4) {
                st->need = 3;
                if (c == 0xF0)
                    st->lo = 0x90;      /* no overlongs */
                else if (c == 0xF4)
                    st->hi = 0x8F;      /* nothing above U+10FFFF */
            } else {
                *at = i;                /* 80-C1, F5-FF never lead */
                return DK_UTF8_BAD;
            }
            i++;
            continue;
        }
        unsigned c = p[i];
        if (c < st->lo || c > st->hi) {
            *at = i;
            return DK_UTF8_BAD;
        }
        st->need--;
        st->lo = 0x80;
        st->hi = 0xBF;
        i++;
    }
    return DK_UTF8_OK;
}

int dk_utf8_incomplete(const dk_utf8_state *st)
{
    return st->need != 0;
}

int dk_utf8_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    /* C0, C1 and F5-FF never start a sequence */
    int len = c > 0xF4 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || (size_t)len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    uint32_t v = c & (0x7F >> len);
    for (int k = 1; k < len; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (p[k] & 0x3F);
    }
    *cp = v;
    return len;
}
