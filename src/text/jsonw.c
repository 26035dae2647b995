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
 * snprintf would, or -1 if it does not fit. */
static int fmt_ll(char *out, size_t cap, long long v)
{
    char tmp[24];
    int n = 0;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v
                                 : (unsigned long long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[n++] = '-';
    if ((size_t)n >= cap)
        return snprintf(out, cap, "%lld", v);
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
    return n;
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

dk_status dk_json_mention(dk_buf *b, const char *doc, const dk_mention *m)
{
    dk_jsonw w;
    dk_jw_begin(&w, b);
    dk_jw_cstr(&w, "doc", doc);
    dk_jw_int(&w, "start", (long long)m->start);
    dk_jw_int(&w, "end", (long long)m->end);
    dk_jw_str(&w, "text", m->text, (size_t)(m->end - m->start));
    dk_jw_cstr(&w, "kind", dk_kind_name(m->kind));
    if (m->has_value && m->kind != DK_EVENT) {
        dk_jw_num(&w, "value", m->value);
        if (m->unit[0])
            dk_jw_cstr(&w, "unit", m->unit);
        dk_jw_cstr(&w, "qualifier", dk_qualifier_name(m->qualifier));
        if (m->qualifier == DK_Q_RANGE) {
            dk_jw_num(&w, "low", m->low);
            dk_jw_num(&w, "high", m->high);
        }
    }
    if (m->kind == DK_DATE && m->date[0])
        dk_jw_cstr(&w, "date", m->date);
    if (m->metric[0]) {
        dk_jw_cstr(&w, "metric", m->metric);
        if (m->period[0])
            dk_jw_cstr(&w, "period", m->period);
        dk_jw_ids(&w, "subjects", m->subjects, m->nsubjects);
    }
    if (m->has_change) {
        dk_jw_obj(&w, "change");
        dk_jw_num(&w, "value", m->change_value);
        dk_jw_cstr(&w, "unit", m->change_unit);
        dk_jw_end(&w);
    }
    if (m->kind == DK_ENTITY) {
        dk_jw_cstr(&w, "type", m->type);
        dk_jw_cstr(&w, "id", m->id);
    }
    if (m->kind == DK_EVENT) {
        dk_jw_cstr(&w, "event", m->event);
        dk_jw_cstr(&w, "cameo", m->cameo);
        if (m->nactors)
            dk_jw_ids(&w, "actors", m->actors, m->nactors);
        if (m->place[0])
            dk_jw_cstr(&w, "place", m->place);
        if (m->date[0])
            dk_jw_cstr(&w, "date", m->date);
        if (m->has_count)
            dk_jw_num(&w, "count", m->count);
        if (m->has_value) {
            dk_jw_num(&w, "value", m->value);
            dk_jw_cstr(&w, "unit", m->unit);
        }
    }
    if (m->explain)
        dk_jw_cstr(&w, "explain", m->explain);
    dk_jw_end(&w);
    return w.err;
}
