/*
 * jsonl.c - JSON Lines document records (see jsonl.h).
 *
 * Two readers, one result.  Almost every record is one flat object of
 * strings (and the odd number, true, false or null): the fast reader
 * decodes exactly that shape itself, in one pass over the line, into one
 * allocation.  Anything else - nested values, escapes in keys, numbers
 * with exponents or many digits, surrogate trouble, any syntax error or
 * field of the wrong type - makes it give up without a word, and jansson
 * (the project's JSON library) reads the line from the start: every error
 * message comes from jansson, so the fast reader only ever has to get the
 * well-formed case right, and only accepts what jansson accepts with the
 * same values.  tests/fuzz/fuzz_jsonl.c checks that differentially.
 *
 * Why not only jansson: json_loadb reads through a per-byte stream layer
 * (a call and a memcpy per byte); on the bench corpus it was about half
 * of `extract --input jsonl`.  The fast reader is a SWAR scan for '"',
 * '\\' and control bytes plus one memcpy per run of plain bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "jsonl.h"
#include "../text/utf8.h"

/* ---- the jansson reader ---- */

static const char *opt_string(json_t *o, const char *key, int *bad)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v) ||
        strlen(json_string_value(v)) != json_string_length(v)) {
        *bad = 1;   /* not a string, or one with a NUL inside */
        return NULL;
    }
    return json_string_value(v);
}

/* Make the reason err one line of UTF-8: jansson quotes the input near
 * the error byte for byte, so it may hold a newline, a tab, or half a
 * character it cut off.  Controls become spaces, broken sequences '?'. */
static void tidy_reason(char *err)
{
    size_t n = strlen(err);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)err[i];
        if (c < 0x20 || c == 0x7F) {
            err[i++] = ' ';
            continue;
        }
        uint32_t cp;
        int len = dk_utf8_decode((const unsigned char *)err + i, n - i, &cp);
        dk_utf8_state st = {0};
        size_t at;
        if (c >= 0x80 && (len == 1 ||
                          dk_utf8_check(&st, (const unsigned char *)err + i,
                                        (size_t)len, &at) != DK_UTF8_OK)) {
            err[i++] = '?';
            continue;
        }
        i += (size_t)len;
    }
}

dk_status dk_record_parse_jansson(const char *line, size_t n, dk_record *r,
                                  char *err, size_t cap)
{
    json_error_t je;
    memset(r, 0, sizeof *r);
    /* NUL is let through: the engine then reports binary text */
    json_t *o = json_loadb(line, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL,
                           &je);
    if (!o) {
        snprintf(err, cap, "malformed JSON at column %d: %s", je.column,
                 je.text);
        tidy_reason(err);
        return DK_ERR_JSON;
    }
    if (!json_is_object(o)) {
        json_decref(o);
        snprintf(err, cap, "malformed JSON: a record must be an object");
        return DK_ERR_JSON;
    }
    json_t *t = json_object_get(o, "text");
    if (!t || !json_is_string(t)) {
        json_decref(o);
        snprintf(err, cap, "malformed record: no string field \"text\"");
        return DK_ERR_JSON;
    }
    int bad = 0;
    json_t *id = json_object_get(o, "id");
    if (id && json_is_string(id) &&
        strlen(json_string_value(id)) == json_string_length(id))
        r->id = json_string_value(id);
    else if (id && !json_is_null(id) && !json_is_integer(id))
        bad = 1;  /* a number id is left NULL: the caller names it */
    r->date = opt_string(o, "date", &bad);
    r->title = opt_string(o, "title", &bad);
    r->source = opt_string(o, "source", &bad);
    r->url = opt_string(o, "url", &bad);
    r->author = opt_string(o, "author", &bad);
    if (bad) {
        json_decref(o);
        snprintf(err, cap, "malformed record: id, date, title, source, url "
                           "and author must be strings");
        return DK_ERR_JSON;
    }
    r->json = o;
    r->text = json_string_value(t);
    r->text_len = json_string_length(t);
    return DK_OK;
}

/* ---- the fast reader ---- */

#define FAST_MAXKEYS 32   /* more members: jansson */

/* What a member's value was. */
enum { V_STRING, V_NUL_STRING, V_INT, V_OTHER, V_NULL };

typedef struct fast_val {
    int kind;             /* V_* */
    const char *s;        /* V_STRING / V_NUL_STRING: decoded, in buf */
    size_t len;
} fast_val;

static int is_ws(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const unsigned char *skip_ws(const unsigned char *p,
                                    const unsigned char *end)
{
    while (p < end && is_ws(*p))
        p++;
    return p;
}

static int hex4(const unsigned char *p, const unsigned char *end,
                unsigned *v)
{
    if (end - p < 4)
        return 0;
    unsigned x = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            d = (c | 0x20) - 'a' + 10;
        else
            return 0;
        x = x << 4 | d;
    }
    *v = x;
    return 1;
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Does one of the eight bytes at p end a plain run: '"', '\\' or a
 * byte below 0x20? */
static int special8(const unsigned char *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
    uint64_t q = x ^ ('"' * ONES), b = x ^ ('\\' * ONES);
    uint64_t hit = ((x - 0x20 * ONES) & ~x) | ((q - ONES) & ~q) |
                   ((b - ONES) & ~b);
    return (hit & HIGHS) != 0;
}

/* Decode the string whose opening quote is at p[-1] into *o (NUL
 * added).  Returns the byte after the closing quote, or NULL to give up.
 * *nul is set when the string holds a NUL (from \u0000). */
static const unsigned char *fast_string(const unsigned char *p,
                                        const unsigned char *end, char **o,
                                        int *nul)
{
    char *w = *o;
    *nul = 0;
    for (;;) {
        const unsigned char *q = p;
        while (end - q >= 8 && !special8(q))
            q += 8;
        while (q < end && *q != '"' && *q != '\\' && *q >= 0x20)
            q++;
        memcpy(w, p, (size_t)(q - p));
        w += q - p;
        if (q == end || *q < 0x20)
            return NULL;        /* unterminated, or a raw control byte */
        if (*q == '"') {
            *w++ = '\0';
            *o = w;
            return q + 1;
        }
        /* an escape */
        if (end - q < 2)
            return NULL;
        unsigned c = q[1], v;
        p = q + 2;
        switch (c) {
        case '"': *w++ = '"'; continue;
        case '\\': *w++ = '\\'; continue;
        case '/': *w++ = '/'; continue;
        case 'b': *w++ = '\b'; continue;
        case 'f': *w++ = '\f'; continue;
        case 'n': *w++ = '\n'; continue;
        case 'r': *w++ = '\r'; continue;
        case 't': *w++ = '\t'; continue;
        case 'u': break;
        default: return NULL;
        }
        if (!hex4(p, end, &v))
            return NULL;
        p += 4;
        if (v >= 0xDC00 && v <= 0xDFFF)
            return NULL;        /* a lone low surrogate */
        if (v >= 0xD800 && v <= 0xDBFF) {
            unsigned lo;
            if (end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
                !hex4(p + 2, end, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                return NULL;
            p += 6;
            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (v == 0)
            *nul = 1;
        if (v < 0x80) {
            *w++ = (char)v;
        } else if (v < 0x800) {
            *w++ = (char)(0xC0 | v >> 6);
            *w++ = (char)(0x80 | (v & 0x3F));
        } else if (v < 0x10000) {
            *w++ = (char)(0xE0 | v >> 12);
            *w++ = (char)(0x80 | (v >> 6 & 0x3F));
            *w++ = (char)(0x80 | (v & 0x3F));
        } else {
            *w++ = (char)(0xF0 | v >> 18);
            *w++ = (char)(0x80 | (v >> 12 & 0x3F));
            *w++ = (char)(0x80 | (v >> 6 & 0x3F));
            *w++ = (char)(0x80 | (v & 0x3F));
        }
    }
}

static int is_digit(unsigned c)
{
    return c >= '0' && c <= '9';
}

/* A JSON number at p that surely fits: an integer of at most 18 digits,
 * or a fraction without exponent of at most 24 bytes (no overflow).
 * Returns the byte after it, or NULL to give up; *real when it has a
 * fraction. */
static const unsigned char *fast_number(const unsigned char *p,
                                        const unsigned char *end, int *real)
{
    const unsigned char *s = p;
    *real = 0;
    if (p < end && *p == '-')
        p++;
    if (p < end && *p == '0') {
        p++;
        if (p < end && is_digit(*p))
            return NULL;
    } else if (p < end && is_digit(*p)) {
        while (p < end && is_digit(*p))
            p++;
    } else {
        return NULL;
    }
    if (p < end && *p == '.') {
        p++;
        if (p == end || !is_digit(*p))
            return NULL;
        while (p < end && is_digit(*p))
            p++;
        *real = 1;
    }
    if (p < end && (*p == 'e' || *p == 'E'))
        return NULL;
    if (p - s > (*real ? 24 : 18))
        return NULL;
    return p;
}

/* The literal word (true, false, null) at p, not followed by a letter. */
static const unsigned char *fast_word(const unsigned char *p,
                                      const unsigned char *end,
                                      const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) < n || memcmp(p, word, n) != 0)
        return NULL;
    p += n;
    if (p < end && (((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
        return NULL;
    return p;
}

/* The record's fields, by key. */
static const char *const field_names[] = {
    "text", "id", "date", "title", "source", "url", "author"};
enum { F_TEXT, F_ID, F_DATE, F_TITLE, F_SOURCE, F_URL, F_AUTHOR, F_COUNT };

static int field_of(const unsigned char *k, size_t n)
{
    for (int f = 0; f < F_COUNT; f++)
        if (strlen(field_names[f]) == n && memcmp(field_names[f], k, n) == 0)
            return f;
    return -1;
}

/* A field of the record from its value: 0 when jansson's reader would
 * call the record bad (then jansson says so). */
static int opt_field(const fast_val *v, const char **out)
{
    if (v->kind == V_NULL) {
        *out = NULL;
        return 1;
    }
    if (v->kind != V_STRING)
        return 0;
    *out = v->s;
    return 1;
}

int dk_record_parse_fast(const char *line, size_t n, dk_record *r)
{
    const unsigned char *p = (const unsigned char *)line, *end = p + n;
    memset(r, 0, sizeof *r);
    dk_utf8_state u8 = {0};
    size_t at;
    if (dk_utf8_check(&u8, p, n, &at) || dk_utf8_incomplete(&u8))
        return 0;   /* bad UTF-8 or a NUL byte: jansson says which */
    p = skip_ws(p, end);
    if (p == end || *p != '{')
        return 0;
    char *buf = malloc(n + 1);  /* decoded strings: never longer than the
                                   line, quotes included */
    if (!buf)
        return 0;
    char *w = buf;
    const unsigned char *key[FAST_MAXKEYS];
    size_t keylen[FAST_MAXKEYS];
    int nkeys = 0;
    fast_val f[F_COUNT];
    int seen[F_COUNT] = {0};
    p++;
    for (;;) {
        p = skip_ws(p, end);
        if (p == end || *p != '"' || nkeys == FAST_MAXKEYS)
            goto give_up;  /* also "{}": no text, jansson says so */
        const unsigned char *k = ++p;
        while (p < end && *p != '"' && *p != '\\' && *p >= 0x20)
            p++;
        if (p == end || *p != '"')
            goto give_up;  /* escapes in keys are left to jansson */
        size_t kn = (size_t)(p - k);
        for (int i = 0; i < nkeys; i++)
            if (keylen[i] == kn && memcmp(key[i], k, kn) == 0)
                goto give_up;  /* a duplicate key */
        key[nkeys] = k;
        keylen[nkeys++] = kn;
        p = skip_ws(p + 1, end);
        if (p == end || *p != ':')
            goto give_up;
        p = skip_ws(p + 1, end);
        if (p == end)
            goto give_up;
        fast_val v = {V_OTHER, NULL, 0};
        if (*p == '"') {
            char *s = w;
            int nul;
            p = fast_string(p + 1, end, &w, &nul);
            if (!p)
                goto give_up;
            v.kind = nul ? V_NUL_STRING : V_STRING;
            v.s = s;
            v.len = (size_t)(w - s) - 1;
        } else if (*p == '-' || is_digit(*p)) {
            int real;
            p = fast_number(p, end, &real);
            v.kind = real ? V_OTHER : V_INT;
        } else if (*p == 't') {
            p = fast_word(p, end, "true");
        } else if (*p == 'f') {
            p = fast_word(p, end, "false");
        } else if (*p == 'n') {
            p = fast_word(p, end, "null");
            v.kind = V_NULL;
        } else {
            goto give_up;  /* objects, arrays, anything else */
        }
        if (!p)
            goto give_up;
        int fi = field_of(k, kn);
        if (fi >= 0) {
            f[fi] = v;
            seen[fi] = 1;
        }
        p = skip_ws(p, end);
        if (p < end && *p == ',') {
            p++;
            continue;
        }
        if (p < end && *p == '}')
            break;
        goto give_up;
    }
    if (skip_ws(p + 1, end) != end)
        goto give_up;  /* trailing bytes */
    /* the checks of dk_record_parse_jansson; a failing one gives up so
     * that the reason is jansson's reader's */
    if (!seen[F_TEXT] ||
        (f[F_TEXT].kind != V_STRING && f[F_TEXT].kind != V_NUL_STRING))
        goto give_up;
    r->text = f[F_TEXT].s;
    r->text_len = f[F_TEXT].len;
    if (seen[F_ID]) {
        if (f[F_ID].kind == V_STRING)
            r->id = f[F_ID].s;
        else if (f[F_ID].kind != V_NULL && f[F_ID].kind != V_INT)
            goto give_up;
    }
    const char **opt[F_COUNT] = {NULL, NULL, &r->date, &r->title, &r->source,
                                 &r->url, &r->author};
    for (int i = F_DATE; i < F_COUNT; i++)
        if (seen[i] && !opt_field(&f[i], opt[i]))
            goto give_up;
    r->own = buf;
    return 1;
give_up:
    free(buf);
    memset(r, 0, sizeof *r);
    return 0;
}

dk_status dk_record_parse(const char *line, size_t n, dk_record *r,
                          char *err, size_t cap)
{
    if (dk_record_parse_fast(line, n, r))
        return DK_OK;
    return dk_record_parse_jansson(line, n, r, err, cap);
}

void dk_record_free(dk_record *r)
{
    if (r->json)
        json_decref((json_t *)r->json);
    free(r->own);
    memset(r, 0, sizeof *r);
}
