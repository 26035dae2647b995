/*
 * jsonw.c - the JSON Lines writer (see jsonw.h).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "jsonw.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Append c, writing in place when the buffer has room. */
static dk_status put_c(dk_buf *b, char c)
{
    if (b->cap - b->len < 2)
        return dk_buf_putc(b, c);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return DK_OK;
}

/* Append p[0, n), writing in place when the buffer has room. */
static dk_status put_s(dk_buf *b, const char *p, size_t n)
{
    if (b->cap - b->len <= n)
        return dk_buf_append(b, p, n);
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return DK_OK;
}

/* Bytes a JSON string must escape: controls, '"', '\\' and DEL. */
static const unsigned char escape_tab[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static int needs_escape(unsigned char c)
{
    return escape_tab[c];
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Does one of the eight bytes at p need escaping?  (SWAR: a byte below
 * 0x20, or equal to '"', '\\' or 0x7F.) */
static int needs_escape8(const char *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
    uint64_t q = x ^ ('"' * ONES), b = x ^ ('\\' * ONES), d = x ^ (0x7F * ONES);
    uint64_t hit = ((x - 0x20 * ONES) & ~x) | ((q - ONES) & ~q) |
                   ((b - ONES) & ~b) | ((d - ONES) & ~d);
    return (hit & HIGHS) != 0;
}

/* Length of the prefix of s[0, n) that needs no escaping. */
static size_t clean_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n && !needs_escape8(s + i))
        i += 8;
    while (i < n && !needs_escape((unsigned char)s[i]))
        i++;
    return i;
}

dk_status dk_json_escape(dk_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    dk_status st = dk_buf_reserve(b, n + 3);
    if (st)
        return st;
    /* the usual case, nothing to escape: one copy */
    size_t run = clean_prefix(s, n);
    if (run == n) {
        char *o = b->data + b->len;
        o[0] = '"';
        memcpy(o + 1, s, n);
        o[n + 1] = '"';
        o[n + 2] = '\0';
        b->len += n + 2;
        return DK_OK;
    }
    b->data[b->len++] = '"';
    run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!needs_escape(c))
            continue;
        if ((st = dk_buf_append(b, s + run, i - run)))
            return st;
        char esc[7] = {'\\', 0};
        size_t len = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        default:
            esc[1] = 'u'; esc[2] = '0'; esc[3] = '0';
            esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
            len = 6;
        }
        if ((st = dk_buf_append(b, esc, len)))
            return st;
        run = i + 1;
    }
    if ((st = dk_buf_append(b, s + run, n - run)))
        return st;
    return dk_buf_putc(b, '"');
}

/* Write the decimal digits of v into out (size cap).  Returns the length
 * snprintf would, or -1 if it does not fit.  Two digits a step. */
static int fmt_ll(char *out, size_t cap, long long v)
{
    static const char pairs[] =
        "00010203040506070809101112131415161718192021222324"
        "25262728293031323334353637383940414243444546474849"
        "50515253545556575859606162636465666768697071727374"
        "75767778798081828384858687888990919293949596979899";
    char tmp[24];
    int n = (int)sizeof tmp;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v
                                 : (unsigned long long)v;
    while (u >= 100) {
        unsigned d = (unsigned)(u % 100) * 2;
        u /= 100;
        tmp[--n] = pairs[d + 1];
        tmp[--n] = pairs[d];
    }
    if (u >= 10) {
        tmp[--n] = pairs[u * 2 + 1];
        tmp[--n] = pairs[u * 2];
    } else {
        tmp[--n] = (char)('0' + u);
    }
    if (v < 0)
        tmp[--n] = '-';
    size_t len = sizeof tmp - (size_t)n;
    if (len >= cap)
        return snprintf(out, cap, "%lld", v);
    memcpy(out, tmp + n, len);
    out[len] = '\0';
    return (int)len;
}

int dk_json_fmt_num(char *out, size_t cap, double v)
{
    if (!isfinite(v))
        return snprintf(out, cap, "null");
    if (v == floor(v) && fabs(v) < 1e15)
        return v == 0 ? snprintf(out, cap, "%.0f", v)   /* keeps "-0" */
                      : fmt_ll(out, cap, (long long)v);
    /* 15 digits can round the largest doubles up past DBL_MAX, which
     * JSON readers take as infinity: those get all 17 */
    if (fabs(v) > 1.7976931348623e308)
        return snprintf(out, cap, "%.17g", v);
    return snprintf(out, cap, "%.15g", v);
}

static void key(dk_jsonw *w, const char *k)
{
    if (w->err)
        return;
    int comma = !w->first;
    w->first = 0;
    if (k) {
        /* the usual key, a short plain name: ,"name": in one go */
        size_t n = 0;
        while (!needs_escape((unsigned char)k[n]))   /* stops at the NUL */
            n++;
        if (!k[n]) {
            if ((w->err = dk_buf_reserve(w->b, n + 5)))
                return;
            char *o = w->b->data + w->b->len;
            if (comma)
                *o++ = ',';
            *o++ = '"';
            memcpy(o, k, n);
            o[n] = '"';
            o[n + 1] = ':';
            o[n + 2] = '\0';
            w->b->len = (size_t)(o + n + 2 - w->b->data);
            return;
        }
    }
    if (comma)
        w->err = put_c(w->b, ',');
    if (!w->err && k) {
        w->err = dk_json_escape(w->b, k, strlen(k));
        if (!w->err)
            w->err = put_c(w->b, ':');
    }
}

void dk_jw_begin(dk_jsonw *w, dk_buf *b)
{
    w->b = b;
    w->first = 1;
    w->err = put_c(b, '{');
}

void dk_jw_obj(dk_jsonw *w, const char *k)
{
    key(w, k);
    if (!w->err)
        w->err = dk_buf_putc(w->b, '{');
    w->first = 1;
}

void dk_jw_arr(dk_jsonw *w, const char *k)
{
    key(w, k);
    if (!w->err)
        w->err = dk_buf_putc(w->b, '[');
    w->first = 1;
}

void dk_jw_arr_end(dk_jsonw *w)
{
    if (!w->err)
        w->err = dk_buf_putc(w->b, ']');
    w->first = 0;
}

void dk_jw_null(dk_jsonw *w, const char *k)
{
    key(w, k);
    if (!w->err)
        w->err = dk_buf_append(w->b, "null", 4);
}

void dk_jw_end(dk_jsonw *w)
{
    if (!w->err)
        w->err = put_c(w->b, '}');
    w->first = 0;
}

void dk_jw_str(dk_jsonw *w, const char *k, const char *v, size_t n)
{
    key(w, k);
    if (!w->err)
        w->err = dk_json_escape(w->b, v, n);
}

void dk_jw_cstr(dk_jsonw *w, const char *k, const char *v)
{
    dk_jw_str(w, k, v, strlen(v));
}

void dk_jw_int(dk_jsonw *w, const char *k, long long v)
{
    char tmp[32];
    int n = fmt_ll(tmp, sizeof tmp, v);
    key(w, k);
    if (!w->err)
        w->err = put_s(w->b, tmp, (size_t)n);
}

void dk_jw_num(dk_jsonw *w, const char *k, double v)
{
    char tmp[40];
    int n = dk_json_fmt_num(tmp, sizeof tmp, v);
    key(w, k);
    if (!w->err)
        w->err = put_s(w->b, tmp, (size_t)n);
}

void dk_jw_bool(dk_jsonw *w, const char *k, int v)
{
    key(w, k);
    if (!w->err)
        w->err = dk_buf_append(w->b, v ? "true" : "false", v ? 4 : 5);
}

void dk_jw_ids(dk_jsonw *w, const char *k, const char (*ids)[DK_ID_MAX],
               int n)
{
    key(w, k);
    if (!w->err)
        w->err = dk_buf_putc(w->b, '[');
    for (int i = 0; i < n && !w->err; i++) {
        if (i)
            w->err = dk_buf_putc(w->b, ',');
        if (!w->err)
            w->err = dk_json_escape(w->b, ids[i], strnlen(ids[i], DK_ID_MAX));
    }
    if (!w->err)
        w->err = dk_buf_putc(w->b, ']');
}

/* ---- one mention, written straight into the buffer ----
 *
 * The mention writers reserve, once, room for the longest line the
 * mention can give (every string escaped six bytes a byte, every number
 * 40 bytes, plus 1024 bytes of slack), then write through a plain
 * pointer: no size check, call or escape scan of the constant keys per
 * member.  Strings are copied sixteen or eight bytes at a time; a copy
 * may write up to sixteen bytes past the end of what it keeps, which the
 * slack covers and later writes overwrite.  The members, their order and the number
 * and string formats are those of the dk_jw_* calls (the output is the
 * same byte for byte). */

/* Copy the string literal lit, without its NUL. */
#define LIT(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) + sizeof(lit) - 1)

/* Bit 7 set in each byte of x that must be escaped (see needs_escape8);
 * the lowest set byte is exact, bytes above it may be false hits. */
static uint64_t escape_bits8(uint64_t x)
{
    uint64_t q = x ^ ('"' * ONES), b = x ^ ('\\' * ONES), d = x ^ (0x7F * ONES);
    return (((x - 0x20 * ONES) & ~x) | ((q - ONES) & ~q) |
            ((b - ONES) & ~b) | ((d - ONES) & ~d)) & HIGHS;
}

/* Bit k set when byte k of p[0, 16) must be escaped (NUL too: it is a
 * control byte). */
static inline unsigned escape_mask16(const char *p)
{
#if defined(__SSE2__)
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    /* x <= 0x1F: saturated x - 0x1F is zero */
    __m128i ctl = _mm_cmpeq_epi8(_mm_subs_epu8(x, _mm_set1_epi8(0x1F)),
                                 _mm_setzero_si128());
    __m128i hit = _mm_or_si128(
        _mm_or_si128(ctl, _mm_cmpeq_epi8(x, _mm_set1_epi8('"'))),
        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\\')),
                     _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F))));
    return (unsigned)_mm_movemask_epi8(hit);
#else
    unsigned m = 0;
    for (int k = 0; k < 16; k++)
        m |= (unsigned)needs_escape((unsigned char)p[k]) << k;
    return m;
#endif
}

/* The escape of the byte c (one needs_escape says yes to) at o. */
static char *w_esc(char *o, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    *o++ = '\\';
    switch (c) {
    case '"': *o++ = '"'; break;
    case '\\': *o++ = '\\'; break;
    case '\n': *o++ = 'n'; break;
    case '\r': *o++ = 'r'; break;
    case '\t': *o++ = 't'; break;
    case '\b': *o++ = 'b'; break;
    case '\f': *o++ = 'f'; break;
    default:
        *o++ = 'u'; *o++ = '0'; *o++ = '0';
        *o++ = hex[c >> 4]; *o++ = hex[c & 15];
    }
    return o;
}

/* Copy the chunk of step (16 or 8) bytes at s to o, whole; returns how
 * many of them come before the first byte to escape (step: none). */
static inline size_t copy_clean(char *o, const char *s, size_t step)
{
    if (step == 16) {
        unsigned hit = escape_mask16(s);
        memcpy(o, s, 16);
        return hit ? (size_t)__builtin_ctz(hit) : 16;
    }
    uint64_t x;
    memcpy(&x, s, 8);
    memcpy(o, &x, 8);
    uint64_t hit = escape_bits8(x);
    return hit ? (size_t)__builtin_ctzll(hit) >> 3 : 8;
}

/* The last r (1 to 7) bytes of s[0, n), n >= 8, copied to o as eight
 * bytes (the slack takes the rest); returns how many of them come before
 * the first byte to escape (r: none).  The eight bytes read end at n, so
 * nothing past the string is read. */
static inline size_t copy_tail(char *o, const char *s, size_t n, size_t r)
{
    uint64_t x;
    memcpy(&x, s + n - 8, 8);
    x >>= 8 * (8 - r);   /* the r bytes first; the zeros above count as
                            escapes, after them */
    memcpy(o, &x, 8);
    size_t k = (size_t)__builtin_ctzll(escape_bits8(x)) >> 3;
    return k < r ? k : r;
}

/* s[0, n) as a JSON string with its quotes at o; returns the end. */
static char *w_str(char *o, const char *s, size_t n)
{
    size_t i = 0;
    *o++ = '"';
    if (n < 8) {   /* a short text ("China", "2019"): a byte at a time */
        for (; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (needs_escape(c))
                o = w_esc(o, c);
            else
                *o++ = (char)c;
        }
        *o++ = '"';
        return o;
    }
    while (i < n) {
        size_t step = n - i >= 16 ? 16 : n - i >= 8 ? 8 : 0;
        if (step) {
            size_t k = copy_clean(o, s + i, step);
            o += k;
            i += k;
            if (k == step)
                continue;
        } else {
            size_t k = copy_tail(o, s, n, n - i);
            o += k;
            i += k;
            if (i == n)
                break;
        }
        o = w_esc(o, (unsigned char)s[i++]);   /* s[i] needs it */
    }
    *o++ = '"';
    return o;
}

/* The string in the char array s[0, cap), cap a multiple of 8, up to its
 * NUL (or all cap bytes, as strnlen): the array is read sixteen or eight
 * bytes at a time, never past its end. */
static char *w_field(char *o, const char *s, size_t cap)
{
    size_t i = 0;
    *o++ = '"';
    while (i < cap) {
        size_t step = cap - i >= 16 ? 16 : 8;
        size_t k = copy_clean(o, s + i, step);   /* a NUL stops it too */
        o += k;
        i += k;
        if (k == step)
            continue;
        /* a NUL ends it; after an escape (rare) go on a byte at a time */
        for (; i < cap && s[i]; i++) {
            unsigned char c = (unsigned char)s[i];
            if (needs_escape(c))
                o = w_esc(o, c);
            else
                *o++ = (char)c;
        }
        break;
    }
    *o++ = '"';
    return o;
}

#define W_FIELD(o, arr) w_field((o), (arr), sizeof(arr))

/* A kind or qualifier name as a JSON string.  Those names are plain
 * lower-case words (names.c): nothing to escape, as test_jsonw checks
 * for each against dk_jw_cstr. */
static char *w_name(char *o, const char *s)
{
    size_t n = strlen(s);
    *o++ = '"';
    memcpy(o, s, n);
    o[n] = '"';
    return o + n + 1;
}

/* The decimal digits of u at o (as fmt_ll, without the NUL). */
static char *w_uint(char *o, uint64_t u)
{
    static const char pairs[] =
        "00010203040506070809101112131415161718192021222324"
        "25262728293031323334353637383940414243444546474849"
        "50515253545556575859606162636465666768697071727374"
        "75767778798081828384858687888990919293949596979899";
    static const uint64_t pow10[20] = {
        1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
        10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
        100000000000ull, 1000000000000ull, 10000000000000ull,
        100000000000000ull, 1000000000000000ull, 10000000000000000ull,
        100000000000000000ull, 1000000000000000000ull,
        10000000000000000000ull,
    };
    if (u < 100000000) {
        /* the usual offset: its eight digits at once, zero-padded (the
         * first byte the most significant); the zero bytes below the
         * first nonzero one are the leading zeros (all but one of 0's).
         * Eight bytes stored, the digits kept (the slack covers the
         * rest). */
        uint64_t x = (u / 10000) | ((u % 10000) << 32);
        uint64_t q = ((x * 10486) >> 20) & 0x0000007F0000007Full;  /* /100 */
        x = q | ((x - q * 100) << 16);
        q = ((x * 103) >> 10) & 0x000F000F000F000Full;             /* /10 */
        x = q | ((x - q * 10) << 8);
        int lz = x ? __builtin_ctzll(x) >> 3 : 7;
        x = (x + 0x3030303030303030ull) >> (8 * lz);
        memcpy(o, &x, 8);
        return o + 8 - lz;
    }
    /* digits: log10 from the bit length, then one comparison */
    int bits = 64 - __builtin_clzll(u);
    int n = (bits * 1233) >> 12;
    n += u >= pow10[n];
    char *p = o + n;
    while (u > UINT32_MAX) {   /* 64-bit steps only for large values */
        unsigned d = (unsigned)(u % 100) * 2;
        u /= 100;
        p -= 2;
        memcpy(p, pairs + d, 2);
    }
    uint32_t v = (uint32_t)u;
    while (v >= 100) {
        unsigned d = (v % 100) * 2;
        v /= 100;
        p -= 2;
        memcpy(p, pairs + d, 2);
    }
    if (v >= 10) {
        memcpy(p - 2, pairs + v * 2, 2);
    } else {
        *--p = (char)('0' + v);
    }
    return o + n;
}

/* An offset, written as dk_jw_int writes it (as a long long). */
static char *w_int(char *o, long long v)
{
    if (v < 0) {
        *o++ = '-';
        return w_uint(o, 0ull - (unsigned long long)v);
    }
    return w_uint(o, (uint64_t)v);
}

/* A number as dk_json_fmt_num writes it. */
static char *w_num(char *o, double v)
{
    /* the usual value, a nonzero integer below 1e15: the digits */
    if (v != 0 && fabs(v) < 1e15 && (double)(long long)v == v) {
        if (v < 0) {
            *o++ = '-';
            return w_uint(o, (uint64_t)-(long long)v);
        }
        return w_uint(o, (uint64_t)(long long)v);
    }
    return o + dk_json_fmt_num(o, 40, v);
}

static char *w_ids(char *o, const char (*ids)[DK_ID_MAX], int n)
{
    *o++ = '[';
    for (int i = 0; i < n; i++) {
        if (i)
            *o++ = ',';
        o = w_field(o, ids[i], DK_ID_MAX);
    }
    *o++ = ']';
    return o;
}

/* Room for the line of m after a head of headn bytes, or 0 when that
 * does not fit in a size_t.  Strings escape to at most 6 bytes a byte;
 * the mention's own char arrays hold at most sizeof *m bytes of text
 * together; keys, quotes, slack and at most 8 numbers of 40 bytes fit
 * in 1024. */
static size_t line_room(size_t headn, const dk_mention *m, size_t textn,
                        size_t exn)
{
    size_t most = textn + exn + sizeof *m;
    if (most < textn || most > ((size_t)-1 - 1024 - headn) / 6)
        return 0;
    return headn + 6 * most + 1024;
}

/* Everything after "start": of m's line, up to and with its "}". */
static char *w_mention_rest(char *o, const dk_mention *m, size_t textn,
                            size_t exn)
{
    o = w_int(o, (long long)m->start);
    o = LIT(o, ",\"end\":");
    o = w_int(o, (long long)m->end);
    o = LIT(o, ",\"text\":");
    o = w_str(o, m->text, textn);
    o = LIT(o, ",\"kind\":");
    o = w_name(o, dk_kind_name(m->kind));
    if (m->has_value && m->kind != DK_EVENT) {
        o = LIT(o, ",\"value\":");
        o = w_num(o, m->value);
        if (m->unit[0]) {
            o = LIT(o, ",\"unit\":");
            o = W_FIELD(o, m->unit);
        }
        o = LIT(o, ",\"qualifier\":");
        o = w_name(o, dk_qualifier_name(m->qualifier));
        if (m->qualifier == DK_Q_RANGE) {
            o = LIT(o, ",\"low\":");
            o = w_num(o, m->low);
            o = LIT(o, ",\"high\":");
            o = w_num(o, m->high);
        }
    }
    if (m->kind == DK_DATE && m->date[0]) {
        o = LIT(o, ",\"date\":");
        o = W_FIELD(o, m->date);
    }
    if (m->metric[0]) {
        int ns = m->nsubjects < DK_MAX_SUBJECTS ? m->nsubjects
                                                : DK_MAX_SUBJECTS;
        o = LIT(o, ",\"metric\":");
        o = W_FIELD(o, m->metric);
        if (m->period[0]) {
            o = LIT(o, ",\"period\":");
            o = W_FIELD(o, m->period);
        }
        o = LIT(o, ",\"subjects\":");
        o = w_ids(o, m->subjects, ns);
    }
    if (m->has_change) {
        o = LIT(o, ",\"change\":{\"value\":");
        o = w_num(o, m->change_value);
        o = LIT(o, ",\"unit\":");
        o = W_FIELD(o, m->change_unit);
        *o++ = '}';
    }
    if (m->kind == DK_ENTITY) {
        o = LIT(o, ",\"type\":");
        o = W_FIELD(o, m->type);
        o = LIT(o, ",\"id\":");
        o = W_FIELD(o, m->id);
    }
    if (m->kind == DK_EVENT) {
        o = LIT(o, ",\"event\":");
        o = W_FIELD(o, m->event);
        o = LIT(o, ",\"cameo\":");
        o = W_FIELD(o, m->cameo);
        if (m->nactors) {
            int na = m->nactors < DK_MAX_ACTORS ? m->nactors : DK_MAX_ACTORS;
            o = LIT(o, ",\"actors\":");
            o = w_ids(o, m->actors, na);
        }
        if (m->place[0]) {
            o = LIT(o, ",\"place\":");
            o = W_FIELD(o, m->place);
        }
        if (m->date[0]) {
            o = LIT(o, ",\"date\":");
            o = W_FIELD(o, m->date);
        }
        if (m->has_count) {
            o = LIT(o, ",\"count\":");
            o = w_num(o, m->count);
        }
        if (m->has_value) {
            o = LIT(o, ",\"value\":");
            o = w_num(o, m->value);
            o = LIT(o, ",\"unit\":");
            o = W_FIELD(o, m->unit);
        }
    }
    if (m->explain) {
        o = LIT(o, ",\"explain\":");
        o = w_str(o, m->explain, exn);
    }
    *o++ = '}';
    return o;
}

dk_status dk_json_mention(dk_buf *b, const char *doc, const dk_mention *m)
{
    size_t docn = strlen(doc), textn = (size_t)(m->end - m->start);
    size_t exn = m->explain ? strlen(m->explain) : 0;
    size_t room = line_room(0, m, textn, exn);
    if (!room || docn > ((size_t)-1 - room) / 6)
        return DK_ERR_NOMEM;
    dk_status st = dk_buf_reserve(b, room + 6 * docn);
    if (st)
        return st;
    char *o = b->data + b->len;
    o = LIT(o, "{\"doc\":");
    o = w_str(o, doc, docn);
    o = LIT(o, ",\"start\":");
    o = w_mention_rest(o, m, textn, exn);
    *o = '\0';
    b->len = (size_t)(o - b->data);
    return DK_OK;
}

dk_status dk_json_mention_head(dk_buf *head, const char *doc)
{
    size_t docn = strlen(doc);
    if (docn > ((size_t)-1 - 1024) / 6)
        return DK_ERR_NOMEM;
    head->len = 0;
    dk_status st = dk_buf_reserve(head, 6 * docn + 1024);
    if (st)
        return st;
    char *o = head->data;
    o = LIT(o, "{\"doc\":");
    o = w_str(o, doc, docn);
    o = LIT(o, ",\"start\":");
    *o = '\0';
    head->len = (size_t)(o - head->data);
    return DK_OK;
}

dk_status dk_json_mention_line(dk_buf *b, const dk_buf *head,
                               const dk_mention *m)
{
    size_t textn = (size_t)(m->end - m->start);
    size_t exn = m->explain ? strlen(m->explain) : 0;
    size_t room = line_room(head->len, m, textn, exn);
    if (!room)
        return DK_ERR_NOMEM;
    if (b->cap - b->len < room) {   /* (mostly there is room: no call) */
        dk_status st = dk_buf_reserve(b, room);
        if (st)
            return st;
    }
    char *o = b->data + b->len;
    memcpy(o, head->data, head->len);
    o = w_mention_rest(o + head->len, m, textn, exn);
    *o++ = '\n';
    *o = '\0';
    b->len = (size_t)(o - b->data);
    return DK_OK;
}
