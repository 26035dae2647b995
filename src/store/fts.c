/*
 * fts.c - the "dostyk" FTS5 tokenizer and the query rewriter.
 *
 * The tokenizer cuts words (ASCII letters and digits, and any non-ASCII
 * letter; general punctuation, quotes and no-break spaces separate) and
 * folds ASCII, Latin-1 and Cyrillic capitals to lower case.  A number
 * keeps its inner '.' and ',' ("12.5", "1,200").  Each number also gets a
 * colocated token "#<value>", its value with the scale applied, whether
 * the scale is a suffix ("12bn", "$5m") or the next word ("12 billion"):
 * so "$12bn" in a query meets "12 billion dollars" in a sentence, and
 * "1,000" meets "1000".  Queries are tokenized the same way, where the
 * colocated token acts as a synonym.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store.h"
#include "../base/buf.h"

#define TOK_MAX 128

typedef int (*token_cb)(void *ctx, int tflags, const char *tok, int n,
                        int start, int end);

static fts5_api *fts5_api_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

/* Decode one UTF-8 code point at s[i] (n bytes left); sets *len. Invalid
 * bytes count as one-byte code points U+FFFD. */
static unsigned decode(const unsigned char *s, int n, int *len)
{
    unsigned c = s[0];
    int need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (c < 0x80 || need == 0 || need >= n) {
        *len = 1;
        return c < 0x80 ? c : 0xFFFD;
    }
    unsigned cp = c & (0x3F >> need);
    for (int k = 1; k <= need; k++) {
        if ((s[k] & 0xC0) != 0x80) {
            *len = 1;
            return 0xFFFD;
        }
        cp = cp << 6 | (s[k] & 0x3F);
    }
    *len = need + 1;
    return cp;
}

static int is_word_cp(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
               (cp >= 'A' && cp <= 'Z');
    if (cp < 0xC0 && cp != 0xAA && cp != 0xB5 && cp != 0xBA)
        return 0;                        /* Latin-1 punctuation, NBSP */
    if (cp == 0xD7 || cp == 0xF7)
        return 0;
    if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0x20A0 && cp <= 0x20CF) || cp == 0xFEFF || cp == 0xFFFD)
        return 0;                        /* punctuation, currency signs */
    return 1;
}

static unsigned fold(unsigned cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 80;
    return cp;
}

static int encode(unsigned cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The scale a word names (1 when none). */
static double scale_of(const char *w, int n)
{
    static const struct { const char *w; int n; double s; } scales[] = {
        {"k", 1, 1e3}, {"thousand", 8, 1e3}, {"thousands", 9, 1e3},
        {"m", 1, 1e6}, {"mn", 2, 1e6}, {"mln", 3, 1e6}, {"million", 7, 1e6},
        {"millions", 8, 1e6},
        {"b", 1, 1e9}, {"bn", 2, 1e9}, {"bln", 3, 1e9}, {"billion", 7, 1e9},
        {"billions", 8, 1e9},
        {"tn", 2, 1e12}, {"trln", 4, 1e12}, {"trillion", 8, 1e12},
    };
    /* most words after a number are no scale: out at the first letter */
    if (n < 1 || n > 9 || (w[0] != 'k' && w[0] != 'm' && w[0] != 'b' &&
                           w[0] != 't'))
        return 1;
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++)
        if (scales[i].n == n && memcmp(scales[i].w, w, (size_t)n) == 0)
            return scales[i].s;
    return 1;
}

/* Value of the digits, '.' and ',' in s[0, n). */
static double number_value(const char *s, int n)
{
    char tmp[64];
    int len = 0, dots = 0, last_comma = -1;
    for (int i = 0; i < n; i++) {
        if (s[i] == '.') dots++;
        if (s[i] == ',') last_comma = i;
    }
    /* "12,5" with no dot and not three digits after the comma: decimal */
    int comma_decimal = dots == 0 && last_comma >= 0 && n - last_comma - 1 != 3;
    for (int i = 0; i < n && len < (int)sizeof tmp - 1; i++) {
        char c = s[i];
        if (c == ',') {
            if (comma_decimal && i == last_comma)
                tmp[len++] = '.';
            continue;
        }
        if (c == '.' && dots > 1)
            continue;                  /* "1.000.000" */
        tmp[len++] = c;
    }
    tmp[len] = 0;
    /* digits alone, up to 15 of them: an integer strtod would give
     * exactly, computed without it */
    if (len <= 15) {
        double v = 0;
        int i = 0;
        while (i < len && tmp[i] >= '0' && tmp[i] <= '9')
            v = v * 10 + (tmp[i++] - '0');
        if (i == len)
            return v;
    }
    return strtod(tmp, NULL);
}

typedef struct tokstate {
    int query;       /* tokenizing a query: a scaled number is its value */
    void *ctx;
    token_cb cb;
    /* a number waiting to see whether the next word is a scale */
    int pending;
    char ptok[TOK_MAX];
    int plen, pstart, pend;
    double pvalue;
} tokstate;

/* The value token "#<v>", beside the number token just emitted
 * (colocated) or standing for it. */
static int emit_value(tokstate *t, double v, int start, int end, int colocated)
{
    int flags = colocated ? FTS5_TOKEN_COLOCATED : 0;
    char buf[48];
    buf[0] = '#';
    int n;
    if (v == floor(v) && fabs(v) < 1e18) {
        /* the common case, written by hand: printf's "%.0f" is slow */
        unsigned long long u = (unsigned long long)fabs(v);
        char digits[24];
        int k = 0;
        do {
            digits[k++] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        n = 0;
        if (v < 0)
            buf[1 + n++] = '-';
        while (k)
            buf[1 + n++] = digits[--k];
    } else {
        n = snprintf(buf + 1, sizeof buf - 1, "%.12g", v);
    }
    return t->cb(t->ctx, flags, buf, n + 1, start, end);
}

/* Emit the pending number; a scale word ending at scale_end widens the
 * value token's span over it (so a snippet marks "41 billion"). */
static int flush_pending(tokstate *t, double scale, int scale_end)
{
    if (!t->pending)
        return SQLITE_OK;
    t->pending = 0;
    int rc = t->cb(t->ctx, 0, t->ptok, t->plen, t->pstart, t->pend);
    if (rc == SQLITE_OK)
        rc = emit_value(t, t->pvalue * scale, t->pstart,
                        scale != 1 ? scale_end : t->pend, 1);
    return rc;
}

/* ASCII bytes, the common case, without decode() and is_word_cp():
 * 1 a letter, 2 a digit, 0 anything else. */
static const unsigned char ascii_class[128] = {
    ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2,
    ['6'] = 2, ['7'] = 2, ['8'] = 2, ['9'] = 2,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
    ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
    ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

static inline unsigned next_cp(const unsigned char *s, int n, int *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    return decode(s, n, len);
}

static inline int word_cp(unsigned cp)
{
    return cp < 0x80 ? ascii_class[cp] != 0 : is_word_cp(cp);
}

static int tokenize(tokstate *t, const char *text, int n)
{
    const unsigned char *s = (const unsigned char *)text;
    int i = 0, rc = SQLITE_OK;
    while (i < n && rc == SQLITE_OK) {
        int len;
        if (s[i] < 0x80 && !ascii_class[s[i]]) {
            i++;
            continue;
        }
        unsigned cp = next_cp(s + i, n - i, &len);
        if (!word_cp(cp)) {
            i += len;
            continue;
        }
        int start = i, numlen = 0, isnum = cp >= '0' && cp <= '9';
        char tok[TOK_MAX];
        int tl = 0;
        while (i < n) {
            unsigned char b = s[i];
            if (b < 0x80 && ascii_class[b] && tl <= TOK_MAX - 4) {
                /* an ASCII letter or digit: fold() and encode() in one */
                tok[tl++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
                if (isnum && numlen == tl - 1 && ascii_class[b] == 2)
                    numlen = tl;
                i++;
                continue;
            }
            cp = next_cp(s + i, n - i, &len);
            if (!word_cp(cp)) {
                /* a number keeps its inner '.' and ',' */
                if (isnum && numlen == tl && (cp == '.' || cp == ',') &&
                    i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
                    if (tl < TOK_MAX - 1)
                        tok[tl++] = (char)cp;
                    numlen = tl;
                    i++;
                    continue;
                }
                break;
            }
            if (tl <= TOK_MAX - 4)
                tl += encode(fold(cp), tok + tl);
            if (isnum && numlen == tl - 1 && cp >= '0' && cp <= '9')
                numlen = tl;
            i += len;
        }
        if (!isnum) {
            /* a scale word right after a number applies to it */
            double sc = t->pending ? scale_of(tok, tl) : 1;
            if (t->query && sc != 1) {
                /* "3.5 million" asks for the value alone: the text may
                 * say "$3.5mn" */
                t->pending = 0;
                rc = emit_value(t, t->pvalue * sc, t->pstart, i, 0);
                continue;
            }
            rc = flush_pending(t, sc, i);
            if (rc == SQLITE_OK)
                rc = t->cb(t->ctx, 0, tok, tl, start, i);
            continue;
        }
        rc = flush_pending(t, 1, 0);
        if (rc != SQLITE_OK)
            break;
        double v = number_value(tok, numlen);
        if (numlen < tl) {
            /* "12bn", "5m", "100km": a suffix scale or a unit */
            double sc = scale_of(tok + numlen, tl - numlen);
            rc = t->cb(t->ctx, 0, tok, tl, start, i);
            if (rc == SQLITE_OK)
                rc = emit_value(t, v * sc, start, i, 1);
            continue;
        }
        t->pending = 1;
        memcpy(t->ptok, tok, (size_t)tl);
        t->plen = tl;
        t->pstart = start;
        t->pend = i;
        t->pvalue = v;
    }
    if (rc == SQLITE_OK)
        rc = flush_pending(t, 1, 0);
    return rc;
}

static int tok_create(void *ud, const char **args, int nargs,
                      Fts5Tokenizer **out)
{
    (void)ud; (void)args; (void)nargs;
    static int dummy;
    *out = (Fts5Tokenizer *)&dummy;
    return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *t) { (void)t; }

/* ------------------------------------------------------------ record, replay
 *
 * The ingest tokenizes each sentence on its reading thread, where there
 * is time to spare, and the writing thread's FTS5 insert replays those
 * tokens instead of tokenizing again.  A recorded token is its flags,
 * length (one byte each), start and end (four bytes each), then its
 * bytes. */
enum { REC_HEAD = 10 };

static int record_token(void *ctx, int tflags, const char *tok, int n,
                        int start, int end)
{
    dk_buf *b = ctx;
    if (n < 0 || n > 255)
        return SQLITE_TOOBIG;      /* cannot happen: tokens are short */
    size_t need = REC_HEAD + (size_t)n;
    if (b->cap - b->len < need && dk_buf_reserve(b, need))
        return SQLITE_NOMEM;
    unsigned char *p = (unsigned char *)b->data + b->len;
    p[0] = (unsigned char)tflags;
    p[1] = (unsigned char)n;
    int32_t se[2] = {start, end};
    memcpy(p + 2, se, sizeof se);
    memcpy(p + REC_HEAD, tok, (size_t)n);
    b->len += need;
    return SQLITE_OK;
}

int dk_fts_record(dk_buf *b, const char *text, size_t n)
{
    if (n > 0x7fffffff)
        return -1;
    tokstate t;
    memset(&t, 0, sizeof t);
    t.ctx = b;
    t.cb = record_token;
    return tokenize(&t, text, (int)n) == SQLITE_OK ? 0 : -1;
}

/* The text whose tokens were recorded, for the next tokenizing of a
 * document on this thread. */
static _Thread_local struct {
    const char *text;
    size_t n;
    const char *rec;
    size_t len;
} replay;

void dk_fts_replay(const char *text, size_t n, const char *rec, size_t len)
{
    replay.text = text;
    replay.n = n;
    replay.rec = rec;
    replay.len = len;
}

static int play(void *ctx, token_cb cb, const char *rec, size_t len)
{
    size_t at = 0;
    int rc = SQLITE_OK;
    while (at + REC_HEAD <= len && rc == SQLITE_OK) {
        const unsigned char *h = (const unsigned char *)rec + at;
        int32_t se[2];
        memcpy(se, h + 2, sizeof se);
        rc = cb(ctx, h[0], rec + at + REC_HEAD, h[1], se[0], se[1]);
        at += REC_HEAD + h[1];
    }
    return rc;
}

static int tok_tokenize(Fts5Tokenizer *tk, void *ctx, int flags,
                        const char *text, int n, token_cb cb)
{
    (void)tk;
    tokstate t;
    memset(&t, 0, sizeof t);
    t.query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    /* the same bytes as recorded give the same tokens (FTS5 hands over
     * the bound text itself, but may hand over a copy: then the bytes
     * are compared) */
    if (!t.query && replay.rec && n >= 0 && (size_t)n == replay.n &&
        (text == replay.text || memcmp(text, replay.text, replay.n) == 0)) {
        const char *rec = replay.rec;
        replay.rec = NULL;
        return play(ctx, cb, rec, replay.len);
    }
    t.ctx = ctx;
    t.cb = cb;
    return tokenize(&t, text, n);
}

/* ------------------------------------------------------------ ranking */

/* dk_rank(fts): Okapi BM25 with b = 0 (k1 = 1.2), lower is better like
 * FTS5's bm25().  Sentences are short and alike in length, and length
 * normalisation costs FTS5 a b-tree lookup per matching row: without it
 * ranking a common word over a million sentences is several times
 * faster.  The IDF of each phrase is computed once per query, from its
 * number of matching rows; counting stops after IDF_SAMPLE matches and
 * extrapolates from how far into the rowids it got, so a common word
 * costs no more than a rare one (rowids grow with ingest order, and
 * words spread evenly enough over them for a weight). */
#define IDF_SAMPLE 256

typedef struct rankdata {
    int nphrase, ngroup;
    int *group;                 /* group of each phrase */
    double idf[];               /* of each group */
} rankdata;

typedef struct hitcount {
    sqlite3_int64 hits, last;   /* rows seen; rowid where counting stopped */
} hitcount;

/* The first IDF_SAMPLE rowids of a phrase (FTS5 gives them in order). */
typedef struct rowids {
    sqlite3_int64 v[IDF_SAMPLE];
    int n;
} rowids;

static int collect_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *p)
{
    rowids *r = p;
    r->v[r->n++] = api->xRowid(fts);
    return r->n < IDF_SAMPLE ? SQLITE_OK : SQLITE_DONE;
}

static int cmp_rowid(const void *a, const void *b)
{
    sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;
    return x < y ? -1 : x > y;
}

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *p)
{
    hitcount *c = p;
    if (++c->hits < IDF_SAMPLE)
        return SQLITE_OK;
    c->last = api->xRowid(fts);
    return SQLITE_DONE;
}

/* Rows matching phrase i, counted or estimated. */
static double phrase_rows(const Fts5ExtensionApi *api, Fts5Context *fts,
                          int i, sqlite3_int64 nrow)
{
    hitcount c = {0, 0};
    if (api->xQueryPhrase(fts, i, &c, count_row) != SQLITE_OK)
        return 0;
    if (c.last <= 0)
        return (double)c.hits;
    double est = (double)c.hits * (double)nrow / (double)c.last;
    return est < c.hits ? c.hits : est > nrow ? nrow : est;
}

/* Rows matching any phrase of group g (phrases first .. the group's
 * last), counted or estimated exactly as phrase_rows() does for one
 * phrase: the union of the phrases' first IDF_SAMPLE rows holds the
 * union's first IDF_SAMPLE rows.  -1 when out of memory. */
static double group_rows(const Fts5ExtensionApi *api, Fts5Context *fts,
                         const rankdata *r, int g, sqlite3_int64 nrow)
{
    int members = 0, first = -1;
    for (int i = 0; i < r->nphrase; i++)
        if (r->group[i] == g) {
            members++;
            if (first < 0)
                first = i;
        }
    if (members == 1)
        return phrase_rows(api, fts, first, nrow);
    sqlite3_int64 *all = malloc((size_t)members * IDF_SAMPLE * sizeof *all);
    rowids *one = malloc(sizeof *one);
    if (!all || !one) {
        free(all);
        free(one);
        return -1;
    }
    size_t n = 0;
    for (int i = first; i < r->nphrase; i++) {
        if (r->group[i] != g)
            continue;
        one->n = 0;
        if (api->xQueryPhrase(fts, i, one, collect_row) != SQLITE_OK)
            one->n = 0;
        memcpy(all + n, one->v, (size_t)one->n * sizeof *all);
        n += (size_t)one->n;
    }
    qsort(all, n, sizeof *all, cmp_rowid);
    size_t u = 0;                 /* distinct rowids, in order */
    for (size_t i = 0; i < n; i++)
        if (!u || all[u - 1] != all[i])
            all[u++] = all[i];
    hitcount c = {(sqlite3_int64)(u < IDF_SAMPLE ? u : IDF_SAMPLE),
                  u >= IDF_SAMPLE ? all[IDF_SAMPLE - 1] : 0};
    free(all);
    free(one);
    if (c.last <= 0)
        return (double)c.hits;
    double est = (double)c.hits * (double)nrow / (double)c.last;
    return est < c.hits ? c.hits : est > nrow ? nrow : est;
}

static void free_rankdata(void *p)
{
    rankdata *r = p;
    if (r)
        sqlite3_free(r->group);
    sqlite3_free(r);
}

/* Phrase groups from dk_rank's second argument, "0,1,1,2": the group of
 * each phrase (search.c makes one group of the words a prefix stands
 * for).  Without it, or when it does not fit, each phrase is its own. */
static void read_groups(rankdata *r, int nval, sqlite3_value **val)
{
    const char *g = nval > 0 ? (const char *)sqlite3_value_text(val[0]) : NULL;
    int n = 0, last = -1, ok = g != NULL;
    while (ok && *g && n < r->nphrase) {
        char *end;
        long v = strtol(g, &end, 10);
        /* groups are numbered in order, each one after the last */
        ok = end != g && (v == last || v == last + 1);
        r->group[n++] = (int)v;
        last = (int)v;
        g = *end == ',' ? end + 1 : end;
    }
    if (!ok || n != r->nphrase || (g && *g)) {
        for (int i = 0; i < r->nphrase; i++)
            r->group[i] = i;
        last = r->nphrase - 1;
    }
    r->ngroup = last + 1;
}

static void dk_rank(const Fts5ExtensionApi *api, Fts5Context *fts,
                    sqlite3_context *ctx, int nval, sqlite3_value **val)
{
    rankdata *r = api->xGetAuxdata(fts, 0);
    if (!r) {
        int np = api->xPhraseCount(fts);
        sqlite3_int64 nrow = 0;
        r = sqlite3_malloc64(sizeof *r + (size_t)np * sizeof(double));
        if (r) {
            r->nphrase = np;
            r->group = sqlite3_malloc64((size_t)(np ? np : 1) * sizeof(int));
        }
        if (!r || !r->group || api->xRowCount(fts, &nrow) != SQLITE_OK) {
            free_rankdata(r);
            sqlite3_result_error_nomem(ctx);
            return;
        }
        read_groups(r, nval, val);
        for (int g = 0; g < r->ngroup; g++) {
            double hits = group_rows(api, fts, r, g, nrow);
            if (hits < 0) {
                free_rankdata(r);
                sqlite3_result_error_nomem(ctx);
                return;
            }
            double idf = log((nrow - hits + 0.5) / (hits + 0.5));
            r->idf[g] = idf > 1e-6 ? idf : 1e-6;
        }
        if (api->xSetAuxdata(fts, r, free_rankdata) != SQLITE_OK) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
    }
    int tf[64] = {0}, ninst = 0;
    if (api->xInstCount(fts, &ninst) != SQLITE_OK) {
        sqlite3_result_error(ctx, "dk_rank: cannot read the matches", -1);
        return;
    }
    for (int i = 0; i < ninst; i++) {
        int ph, col, off;
        if (api->xInst(fts, i, &ph, &col, &off) == SQLITE_OK &&
            ph < r->nphrase && r->group[ph] < 64)
            tf[r->group[ph]]++;
    }
    double score = 0, k1 = 1.2;
    for (int i = 0; i < r->ngroup && i < 64; i++)
        score += r->idf[i] * tf[i] * (k1 + 1) / (tf[i] + k1);
    sqlite3_result_double(ctx, -score);
}

dk_status dk_fts_register(sqlite3 *db)
{
    fts5_api *api = fts5_api_of(db);
    if (!api)
        return DK_ERR_DB;
    static fts5_tokenizer tok = {tok_create, tok_delete, tok_tokenize};
    if (api->xCreateTokenizer(api, "dostyk", NULL, &tok, NULL) != SQLITE_OK ||
        api->xCreateFunction(api, "dk_rank", NULL, dk_rank, NULL) != SQLITE_OK)
        return DK_ERR_DB;
    return DK_OK;
}

/* ------------------------------------------------------------ queries */

static int append(char **out, size_t *len, size_t *cap, const char *s,
                  size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t c = (*cap + n + 1) * 2;
        char *p = realloc(*out, c);
        if (!p)
            return -1;
        *out = p;
        *cap = c;
    }
    memcpy(*out + *len, s, n);
    *len += n;
    (*out)[*len] = 0;
    return 0;
}

/* Append s[0, n) as an FTS5 string, doubling inner quotes. */
static int append_quoted(char **out, size_t *len, size_t *cap, const char *s,
                         size_t n)
{
    if (append(out, len, cap, "\"", 1))
        return -1;
    for (size_t i = 0; i < n; i++)
        if (append(out, len, cap, s[i] == '"' ? "\"\"" : s + i,
                   s[i] == '"' ? 2 : 1))
            return -1;
    return append(out, len, cap, "\" ", 2);
}

static int has_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'))
            return 1;
    }
    return 0;
}

char *dk_fts_query(const char *q)
{
    char *out = NULL;
    size_t len = 0, cap = 0;
    if (append(&out, &len, &cap, "", 0))
        return NULL;
    const char *p = q;
    int depth = 0, last_op = 0;
    size_t last_op_at = 0;
    while (*p) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            p++;
            continue;
        }
        if (*p == '(' || *p == ')') {
            if (*p == ')' && depth == 0) { p++; continue; }
            if (*p == ')' && last_op)
                len = last_op_at, out[len] = 0;
            if (*p == ')' && len >= 2 && out[len - 2] == '(') {
                len -= 2;   /* an empty group */
                out[len] = 0;
                depth--;
                p++;
                continue;
            }
            last_op = 0;
            depth += *p == '(' ? 1 : -1;
            if (append(&out, &len, &cap, *p == '(' ? "( " : ") ", 2))
                goto nomem;
            p++;
            continue;
        }
        if (*p == '"') {
            const char *e = strchr(p + 1, '"');
            size_t n = e ? (size_t)(e - p - 1) : strlen(p + 1);
            if (has_word(p + 1, n)) {
                last_op = 0;
                if (append_quoted(&out, &len, &cap, p + 1, n))
                    goto nomem;
            }
            p = e ? e + 1 : p + 1 + n;
            if (*p == '*') {
                if (len && has_word(p - n - 1, n))
                    out[len - 1] = '*', append(&out, &len, &cap, " ", 1);
                p++;
            }
            continue;
        }
        const char *e = p;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r' &&
               *e != '(' && *e != ')' && *e != '"')
            e++;
        /* a number and the scale word after it stay one phrase */
        if (e > p && (p[0] == '$' || (p[0] >= '0' && p[0] <= '9')) &&
            (e[-1] >= '0' && e[-1] <= '9')) {
            const char *w = e;
            while (*w == ' ' || *w == '\t')
                w++;
            const char *we = w;
            while ((*we >= 'a' && *we <= 'z') || (*we >= 'A' && *we <= 'Z'))
                we++;
            char low[16];
            size_t wl = (size_t)(we - w);
            for (size_t k = 0; k < wl && k < sizeof low; k++)
                low[k] = (char)(w[k] | 0x20);
            if (wl && wl < sizeof low && scale_of(low, (int)wl) != 1 &&
                (*we == 0 || *we == ' ' || *we == '\t'))
                e = we;
        }
        size_t n = (size_t)(e - p);
        int prefix = n > 1 && p[n - 1] == '*';
        int op = (n == 3 && (!memcmp(p, "AND", 3) || !memcmp(p, "NOT", 3))) ||
                 (n == 2 && !memcmp(p, "OR", 2));
        if (op) {
            /* FTS5 wants "a NOT b": an operator replaces one just before
             * it, and none may open the query or a group */
            if (last_op)
                len = last_op_at;
            if (len && out[len - 2] != '(') {
                last_op_at = len;
                if (append(&out, &len, &cap, p, n) ||
                    append(&out, &len, &cap, " ", 1))
                    goto nomem;
                last_op = 1;
            }
            p = e;
            continue;
        } else if (has_word(p, n - (size_t)prefix)) {
            last_op = 0;
            if (append_quoted(&out, &len, &cap, p, n - (size_t)prefix))
                goto nomem;
            if (prefix) {
                out[len - 1] = '*';
                if (append(&out, &len, &cap, " ", 1))
                    goto nomem;
            }
        }
        p = e;
    }
    if (last_op) {
        len = last_op_at;
        out[len] = 0;
    }
    while (depth-- > 0)
        if (append(&out, &len, &cap, ") ", 2))
            goto nomem;
    return out;
nomem:
    free(out);
    return NULL;
}

/* ------------------------------------------------------------ snippets */

#define SNIP_TERMS 32

typedef struct qterm {
    char t[TOK_MAX];
    int len, prefix;
} qterm;

typedef struct qterms {
    qterm v[SNIP_TERMS];
    int n, prefix;                /* prefix: of the phrase being read */
} qterms;

static int add_qterm(void *ctx, int tflags, const char *tok, int n,
                     int start, int end)
{
    (void)tflags; (void)start; (void)end;
    qterms *q = ctx;
    if (q->n < SNIP_TERMS && n > 0 && n < TOK_MAX) {
        memcpy(q->v[q->n].t, tok, (size_t)n);
        q->v[q->n].len = n;
        q->v[q->n].prefix = q->prefix;
        q->n++;
    }
    return SQLITE_OK;
}

/* The words of a rewritten query: its quoted strings, tokenized the way
 * a query is ("$12bn" gives "12bn" and "#12000000000"); a string with
 * '*' after it is a prefix. */
static void query_terms(const char *fts, qterms *q)
{
    memset(q, 0, sizeof *q);
    tokstate t;
    for (const char *p = fts; *p; p++) {
        if (*p != '"')
            continue;
        /* the string, inner quotes doubled */
        char s[512];
        size_t n = 0;
        for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
            if (*p == '"')
                p++;
            if (n < sizeof s)
                s[n++] = *p;
        }
        if (!*p)
            break;
        q->prefix = p[1] == '*';
        memset(&t, 0, sizeof t);
        t.query = 1;
        t.ctx = q;
        t.cb = add_qterm;
        tokenize(&t, s, (int)n);
    }
}

typedef struct stok {
    int start, end;               /* bytes */
    int pos;                      /* word position (colocated share it) */
    int hit;
} stok;

typedef struct stoks {
    stok *v;
    int n, cap, pos;
    const qterms *q;
    int oom;
} stoks;

static int term_hits(const qterms *q, const char *tok, int n)
{
    for (int i = 0; i < q->n; i++) {
        const qterm *t = &q->v[i];
        if (t->prefix ? n >= t->len && memcmp(tok, t->t, (size_t)t->len) == 0
                      : n == t->len && memcmp(tok, t->t, (size_t)n) == 0)
            return 1;
    }
    return 0;
}

static int add_stok(void *ctx, int tflags, const char *tok, int n, int start,
                    int end)
{
    stoks *s = ctx;
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 64;
        stok *v = realloc(s->v, (size_t)cap * sizeof *v);
        if (!v) {
            s->oom = 1;
            return SQLITE_NOMEM;
        }
        s->v = v;
        s->cap = cap;
    }
    if (!(tflags & FTS5_TOKEN_COLOCATED) && s->n)
        s->pos++;
    s->v[s->n++] = (stok){start, end, s->pos, term_hits(s->q, tok, n)};
    return SQLITE_OK;
}

dk_status dk_fts_snippet(dk_buf *b, const char *fts, const char *text,
                         size_t n, int words)
{
    qterms q;
    query_terms(fts, &q);
    stoks s = {.q = &q};
    tokstate t;
    memset(&t, 0, sizeof t);
    t.ctx = &s;
    t.cb = add_stok;
    tokenize(&t, text, (int)n);
    if (s.oom) {
        free(s.v);
        return DK_ERR_NOMEM;
    }
    /* the window of `words` positions with the most hits */
    int npos = s.n ? s.v[s.n - 1].pos + 1 : 0, from = 0;
    if (npos > words) {
        int best = -1;
        for (int w = 0, i = 0; w + words <= npos; w++) {
            while (i < s.n && s.v[i].pos < w)
                i++;
            int hits = 0;
            for (int k = i; k < s.n && s.v[k].pos < w + words; k++)
                hits += s.v[k].hit;
            if (hits > best) {
                best = hits;
                from = w;
            }
        }
    }
    int to = from + words;            /* positions [from, to) */
    size_t lo = 0, hi = n;
    for (int i = 0; i < s.n; i++)
        if (s.v[i].pos == from && from > 0) {
            lo = (size_t)s.v[i].start;
            break;
        }
    if (to < npos) {
        hi = 0;
        for (int i = 0; i < s.n; i++)
            if (s.v[i].pos == to - 1 && (size_t)s.v[i].end > hi)
                hi = (size_t)s.v[i].end;
    }
    dk_status st = DK_OK;
    if (lo > 0)
        st |= dk_buf_append(b, "...", 3);
    /* marks: hit spans merged when they overlap or only spaces part them */
    size_t at = lo;
    int i = 0;
    while (i < s.n && !st) {
        if (!s.v[i].hit || (size_t)s.v[i].start < lo ||
            (size_t)s.v[i].end > hi) {
            i++;
            continue;
        }
        size_t a = (size_t)s.v[i].start, e = (size_t)s.v[i].end;
        int k = i + 1;
        for (; k < s.n; k++) {
            size_t ks = (size_t)s.v[k].start, ke = (size_t)s.v[k].end;
            if (ke > hi)
                break;
            if (ks <= e && ke > e && s.v[k].hit) {
                e = ke;            /* overlapping hit ("41" and "#41e9") */
                continue;
            }
            if (ks < e)
                continue;          /* inside the span */
            size_t g = e;
            while (g < ks && text[g] == ' ')
                g++;
            if (g == ks && s.v[k].hit && g > e) {
                e = ke;
                continue;
            }
            break;
        }
        if (a < at) {
            i = k;
            continue;
        }
        st |= dk_buf_append(b, text + at, a - at);
        st |= dk_buf_putc(b, '[');
        st |= dk_buf_append(b, text + a, e - a);
        st |= dk_buf_putc(b, ']');
        at = e;
        i = k;
    }
    if (!st && at < hi)
        st |= dk_buf_append(b, text + at, hi - at);
    if (!st && hi < n)
        st |= dk_buf_append(b, "...", 3);
    if (!st)
        st = dk_buf_putc(b, '\0');
    free(s.v);
    return st ? DK_ERR_NOMEM : DK_OK;
}
