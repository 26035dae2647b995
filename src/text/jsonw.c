/*
 * jsonw.c - the JSON Lines writer (see jsonw.h).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "jsonw.h"

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
 * dk_json_mention reserves, once, room for the longest line the mention
 * can give (every string escaped six bytes a byte, every number 40
 * bytes), then writes through a plain pointer: no size check, call or
 * escape scan of the constant keys per member.  The members, their order
 * and the number and string formats are those of the dk_jw_* calls it
 * replaces (the output is the same byte for byte). */

/* Copy the string literal lit, without its NUL. */
#define LIT(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) + sizeof(lit) - 1)

/* s[0, n) as a JSON string with its quotes at o; returns the end. */
static char *w_str(char *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run;
    *o++ = '"';
    if (n <= 16) {
        /* most strings are short ids and words: copy while checking */
        for (run = 0; run < n; run++) {
            unsigned char c = (unsigned char)s[run];
            if (needs_escape(c))
                break;
            o[run] = (char)c;
        }
    } else {
        run = clean_prefix(s, n);
        memcpy(o, s, run);
    }
    o += run;
    for (size_t i = run; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!needs_escape(c)) {
            *o++ = (char)c;
            continue;
        }
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
    }
    *o++ = '"';
    return o;
}

static char *w_cstr(char *o, const char *s)
{
    return w_str(o, s, strlen(s));
}

/* An offset (document offsets are below 2^63, written as dk_jw_int). */
static char *w_int(char *o, long long v)
{
    return o + fmt_ll(o, 32, v);
}

static char *w_num(char *o, double v)
{
    return o + dk_json_fmt_num(o, 40, v);
}

static char *w_ids(char *o, const char (*ids)[DK_ID_MAX], int n)
{
    *o++ = '[';
    for (int i = 0; i < n; i++) {
        if (i)
            *o++ = ',';
        o = w_str(o, ids[i], strnlen(ids[i], DK_ID_MAX));
    }
    *o++ = ']';
    return o;
}

dk_status dk_json_mention(dk_buf *b, const char *doc, const dk_mention *m)
{
    size_t docn = strlen(doc), textn = (size_t)(m->end - m->start);
    size_t exn = m->explain ? strlen(m->explain) : 0;
    /* strings escape to at most 6 bytes a byte; the mention's own char
     * arrays hold at most sizeof *m bytes of text together; keys, quotes
     * and at most 8 numbers of 40 bytes fit in 1024 */
    size_t most = docn + textn + exn + sizeof *m;
    if (most > ((size_t)-1 - 1024) / 6)
        return DK_ERR_NOMEM;
    dk_status st = dk_buf_reserve(b, 6 * most + 1024);
    if (st)
        return st;
    char *o = b->data + b->len;
    o = LIT(o, "{\"doc\":");
    o = w_str(o, doc, docn);
    o = LIT(o, ",\"start\":");
    o = w_int(o, (long long)m->start);
    o = LIT(o, ",\"end\":");
    o = w_int(o, (long long)m->end);
    o = LIT(o, ",\"text\":");
    o = w_str(o, m->text, textn);
    o = LIT(o, ",\"kind\":");
    o = w_cstr(o, dk_kind_name(m->kind));
    if (m->has_value && m->kind != DK_EVENT) {
        o = LIT(o, ",\"value\":");
        o = w_num(o, m->value);
        if (m->unit[0]) {
            o = LIT(o, ",\"unit\":");
            o = w_cstr(o, m->unit);
        }
        o = LIT(o, ",\"qualifier\":");
        o = w_cstr(o, dk_qualifier_name(m->qualifier));
        if (m->qualifier == DK_Q_RANGE) {
            o = LIT(o, ",\"low\":");
            o = w_num(o, m->low);
            o = LIT(o, ",\"high\":");
            o = w_num(o, m->high);
        }
    }
    if (m->kind == DK_DATE && m->date[0]) {
        o = LIT(o, ",\"date\":");
        o = w_cstr(o, m->date);
    }
    if (m->metric[0]) {
        int ns = m->nsubjects < DK_MAX_SUBJECTS ? m->nsubjects
                                                : DK_MAX_SUBJECTS;
        o = LIT(o, ",\"metric\":");
        o = w_cstr(o, m->metric);
        if (m->period[0]) {
            o = LIT(o, ",\"period\":");
            o = w_cstr(o, m->period);
        }
        o = LIT(o, ",\"subjects\":");
        o = w_ids(o, m->subjects, ns);
    }
    if (m->has_change) {
        o = LIT(o, ",\"change\":{\"value\":");
        o = w_num(o, m->change_value);
        o = LIT(o, ",\"unit\":");
        o = w_cstr(o, m->change_unit);
        *o++ = '}';
    }
    if (m->kind == DK_ENTITY) {
        o = LIT(o, ",\"type\":");
        o = w_cstr(o, m->type);
        o = LIT(o, ",\"id\":");
        o = w_cstr(o, m->id);
    }
    if (m->kind == DK_EVENT) {
        o = LIT(o, ",\"event\":");
        o = w_cstr(o, m->event);
        o = LIT(o, ",\"cameo\":");
        o = w_cstr(o, m->cameo);
        if (m->nactors) {
            int na = m->nactors < DK_MAX_ACTORS ? m->nactors : DK_MAX_ACTORS;
            o = LIT(o, ",\"actors\":");
            o = w_ids(o, m->actors, na);
        }
        if (m->place[0]) {
            o = LIT(o, ",\"place\":");
            o = w_cstr(o, m->place);
        }
        if (m->date[0]) {
            o = LIT(o, ",\"date\":");
            o = w_cstr(o, m->date);
        }
        if (m->has_count) {
            o = LIT(o, ",\"count\":");
            o = w_num(o, m->count);
        }
        if (m->has_value) {
            o = LIT(o, ",\"value\":");
            o = w_num(o, m->value);
            o = LIT(o, ",\"unit\":");
            o = w_cstr(o, m->unit);
        }
    }
    if (m->explain) {
        o = LIT(o, ",\"explain\":");
        o = w_str(o, m->explain, exn);
    }
    *o++ = '}';
    *o = '\0';
    b->len = (size_t)(o - b->data);
    return DK_OK;
}
