/*
 * sentidx.c - the record's sentences indexed by their words (sentidx.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "sentidx.h"

#define WORD_MAX 64

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int ends(const char *w, int len, const char *suf, int sl)
{
    return len >= sl && memcmp(w + len - sl, suf, (size_t)sl) == 0;
}

/* A light stemming of a lower-cased word, in place; returns its length.
 * It only has to map the forms of one word to one key, not find roots. */
static int stem(char *w, int len)
{
    if (len > 4 && ends(w, len, "re", 2) && !is_vowel(w[len - 3])) {
        w[len - 2] = 'e';            /* centre -> center, metre -> meter */
        w[len - 1] = 'r';
    }
    if (len > 4 && ends(w, len, "ies", 3)) {
        len -= 2;                    /* countries -> country */
        w[len - 1] = 'y';
    } else if (len > 5 && ends(w, len, "ing", 3)) {
        len -= 3;
    } else if (len > 4 && ends(w, len, "ed", 2)) {
        len -= 2;
    } else if (len > 3 && w[len - 1] == 's' && w[len - 2] != 's' &&
               w[len - 2] != 'u' && w[len - 2] != 'i') {
        len -= 1;
    }
    if (len > 4 && w[len - 1] == 'e')
        len -= 1;                    /* propose / proposed -> propos */
    return len;
}

static uint32_t hash_word(const char *w, int len)
{
    uint32_t h = 2166136261u;
    for (int i = 0; i < len; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h ? h : 1;                /* 0 marks an empty slot */
}

int dk_text_words(const char *text, size_t n, uint32_t *out, int max)
{
    int nout = 0;
    size_t i = 0;
    while (i < n && nout < max) {
        unsigned char c = (unsigned char)text[i];
        int alnum = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        if (!alnum && !(c >= '0' && c <= '9') && c < 0x80) {
            i++;
            continue;
        }
        char w[WORD_MAX];
        int len = 0, letters = 0;
        while (i < n) {
            c = (unsigned char)text[i];
            int letter = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
            if (!letter && !(c >= '0' && c <= '9'))
                break;
            letters |= letter;
            if (len < WORD_MAX)
                w[len++] = (char)(c < 0x80 && letter ? (c | 0x20) : c);
            i++;
        }
        if (!letters || len < 2 || len >= WORD_MAX)
            continue;
        len = stem(w, len);
        uint32_t h = hash_word(w, len);
        int seen = 0;
        for (int k = 0; k < nout && !seen; k++)
            seen = out[k] == h;
        if (!seen)
            out[nout++] = h;
    }
    return nout;
}

static int slot(const dk_sentidx *x, uint32_t w)
{
    unsigned m = (unsigned)x->vcap - 1, i = w & m;
    while (x->vkey[i] && x->vkey[i] != w)
        i = (i + 1) & m;
    return (int)i;
}

static dk_status vocab_grow(dk_sentidx *x)
{
    int cap = x->vcap ? x->vcap * 2 : 4096;
    uint32_t *key = calloc((size_t)cap, sizeof *key);
    int *df = calloc((size_t)cap, sizeof *df);
    if (!key || !df) {
        free(key);
        free(df);
        return DK_ERR_NOMEM;
    }
    dk_sentidx old = *x;
    x->vkey = key;
    x->vdf = df;
    x->vcap = cap;
    for (int i = 0; i < old.vcap; i++) {
        if (!old.vkey[i])
            continue;
        int s = slot(x, old.vkey[i]);
        x->vkey[s] = old.vkey[i];
        x->vdf[s] = old.vdf[i];
    }
    free(old.vkey);
    free(old.vdf);
    return DK_OK;
}

static char *dup_or_empty(const unsigned char *s)
{
    return strdup(s ? (const char *)s : "");
}

/* Room for one more sentence. */
static dk_status sentence_room(dk_sentidx *x, int *cap)
{
    if (x->n == *cap) {
        *cap = *cap ? *cap * 2 : 1024;
        dk_sentrec *v = realloc(x->v, (size_t)*cap * sizeof *v);
        if (!v)
            return DK_ERR_NOMEM;
        x->v = v;
    }
    return DK_OK;
}

/* Room for the words of one more sentence. */
static dk_status words_room(dk_sentidx *x, int nwords, int *wcap)
{
    if (nwords + DK_CLAIM_WORDS * 8 > *wcap) {
        *wcap = *wcap ? *wcap * 2 : 65536;
        uint32_t *w = realloc(x->words, (size_t)*wcap * sizeof *w);
        if (!w)
            return DK_ERR_NOMEM;
        x->words = w;
    }
    return DK_OK;
}

/* The sentences and their documents, in id order (texts come later). */
static dk_status load_sentences(sqlite3 *db, dk_sentidx *x)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT id, doc FROM sentences ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK)
        return DK_ERR_DB;
    int cap = 0, rc;
    dk_status s = DK_OK;
    while (!s && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if ((s = sentence_room(x, &cap)))
            break;
        dk_sentrec *r = &x->v[x->n];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        r->docid = sqlite3_column_int64(st, 1);
        r->doc = r->date = "";
        r->prev = x->n && x->v[x->n - 1].docid == r->docid ? x->n - 1 : -1;
        x->n++;
    }
    if (!s && rc != SQLITE_DONE)
        s = DK_ERR_DB;
    sqlite3_finalize(st);
    return s;
}

/* The texts (one scan of the full-text table) and their words. */
static dk_status load_texts(sqlite3 *db, dk_sentidx *x, int *nwords)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT rowid, text FROM sentences_fts",
                           -1, &st, NULL) != SQLITE_OK)
        return DK_ERR_DB;
    int rc, wcap = 0, at = 0, nvocab = 0;
    dk_status s = DK_OK;
    while (!s && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        if (at >= x->n || x->v[at].id != id)
            at = dk_sentidx_find(x, id);
        if (at < 0) {
            at = 0;
            continue;
        }
        dk_sentrec *r = &x->v[at++];
        if (r->text)
            continue;
        if ((s = words_room(x, *nwords, &wcap)))
            break;
        r->text = dup_or_empty(sqlite3_column_text(st, 1));
        if (!r->text) {
            s = DK_ERR_NOMEM;
            break;
        }
        r->word0 = *nwords;
        r->nwords = dk_text_words(r->text, strlen(r->text),
                                  x->words + *nwords, DK_CLAIM_WORDS * 8);
        *nwords += r->nwords;
        for (int k = 0; k < r->nwords && !s; k++) {
            if ((nvocab + 1) * 2 > x->vcap && (s = vocab_grow(x)))
                break;
            int i = slot(x, x->words[r->word0 + k]);
            if (!x->vkey[i]) {
                x->vkey[i] = x->words[r->word0 + k];
                nvocab++;
            }
            x->vdf[i]++;
        }
    }
    if (!s && rc != SQLITE_DONE)
        s = DK_ERR_DB;
    sqlite3_finalize(st);
    for (int i = 0; !s && i < x->n; i++)
        if (!x->v[i].text && !(x->v[i].text = strdup("")))
            s = DK_ERR_NOMEM;
    if (!s && !x->vcap)
        s = vocab_grow(x);
    return s;
}

static int cmp_date(const void *a, const void *b)
{
    const dk_sentdate *x = a, *y = b;
    if (x->sid != y->sid)
        return x->sid < y->sid ? -1 : 1;
    return (x->start > y->start) - (x->start < y->start);
}

void dk_sentidx_set_dates(dk_sentidx *x, dk_sentdate *d, int n)
{
    free(x->dates);
    x->dates = d;
    qsort(d, (size_t)n, sizeof *d, cmp_date);
    int cur = -1;
    for (int i = 0; i < n; i++) {
        if (cur < 0 || x->v[cur].id != d[i].sid)
            cur = dk_sentidx_find(x, d[i].sid);
        if (cur < 0)
            continue;
        if (!x->v[cur].ndates)
            x->v[cur].date0 = i;
        x->v[cur].ndates++;
    }
}

dk_status dk_sentidx_load(sqlite3 *db, dk_sentidx *x)
{
    memset(x, 0, sizeof *x);
    int nwords = 0;
    dk_status s = load_sentences(db, x);
    if (!s)
        s = load_texts(db, x, &nwords);
    if (!s) {
        /* postings: the start of each word's list, then the lists */
        x->vpost = malloc((size_t)x->vcap * sizeof *x->vpost);
        x->post = malloc(((size_t)nwords + 1) * sizeof *x->post);
        x->mask = calloc((size_t)x->n + 1, sizeof *x->mask);
        x->pmask = calloc((size_t)x->n + 1, sizeof *x->pmask);
        x->ownw = calloc((size_t)x->n + 1, sizeof *x->ownw);
        x->touched = malloc(((size_t)x->n + 1) * sizeof *x->touched);
        if (!x->vpost || !x->post || !x->mask || !x->pmask || !x->ownw ||
            !x->touched)
            s = DK_ERR_NOMEM;
    }
    if (!s) {
        int at = 0;
        for (int i = 0; i < x->vcap; i++) {
            x->vpost[i] = at;
            at += x->vdf[i];
            x->vdf[i] = 0;           /* counted again while filling */
        }
        for (int j = 0; j < x->n; j++)
            for (int k = 0; k < x->v[j].nwords; k++) {
                int i = slot(x, x->words[x->v[j].word0 + k]);
                x->post[x->vpost[i] + x->vdf[i]++] = j;
            }
    }
    if (s)
        dk_sentidx_free(x);
    return s;
}

void dk_sentidx_free(dk_sentidx *x)
{
    for (int i = 0; i < x->n; i++)
        free(x->v[i].text);
    free(x->v);
    free(x->words);
    free(x->dates);
    free(x->vkey);
    free(x->vdf);
    free(x->vpost);
    free(x->post);
    free(x->mask);
    free(x->pmask);
    free(x->ownw);
    free(x->touched);
    memset(x, 0, sizeof *x);
}

/* Document frequency of w, or -1 when too common to count. */
static int word_df(const dk_sentidx *x, uint32_t w)
{
    if (!x->vcap)
        return 0;
    int df = x->vdf[slot(x, w)];
    return df > 1 && df * 4 > x->n ? -1 : df;
}

double dk_sentidx_weight(const dk_sentidx *x, uint32_t w)
{
    int df = word_df(x, w);
    if (df < 0)
        return 0;
    return log((x->n + 1.0) / (df ? df : 1));
}

int dk_sentidx_find(const dk_sentidx *x, int64_t id)
{
    int a = 0, b = x->n;
    while (a < b) {
        int m = a + (b - a) / 2;
        if (x->v[m].id < id)
            a = m + 1;
        else
            b = m;
    }
    return a < x->n && x->v[a].id == id ? a : -1;
}

static double mask_weight(const double *wt, int nw, uint32_t mask)
{
    double s = 0;
    for (int k = 0; k < nw; k++)
        if (mask & (1u << k))
            s += wt[k];
    return s;
}

/* Is a better than b in the order asked for? */
static int better(const dk_sentmatch *a, const dk_sentmatch *b, int by_own)
{
    double a1 = by_own ? a->own : a->cover, b1 = by_own ? b->own : b->cover;
    double a2 = by_own ? a->cover : a->own, b2 = by_own ? b->cover : b->own;
    return a1 > b1 || (a1 == b1 && a2 > b2);
}

int dk_sentidx_match(dk_sentidx *x, const uint32_t *w, int nw,
                     double min_own, int by_own, dk_sentmatch *out, int max)
{
    double wt[DK_CLAIM_WORDS], total = 0;
    if (nw > DK_CLAIM_WORDS)
        nw = DK_CLAIM_WORDS;
    x->ntouched = 0;
    for (int k = 0; k < nw; k++) {
        wt[k] = dk_sentidx_weight(x, w[k]);
        total += wt[k];
        if (wt[k] <= 0 || !x->vcap)
            continue;
        int i = slot(x, w[k]);
        for (int p = x->vpost[i]; p < x->vpost[i] + x->vdf[i]; p++) {
            int s = x->post[p];
            if (!x->mask[s] && !x->pmask[s])
                x->touched[x->ntouched++] = s;
            x->mask[s] |= 1u << k;
            x->ownw[s] += (float)wt[k];
            for (int nx = s + 1; nx <= s + DK_CONTEXT_SENTENCES &&
                                 nx < x->n && x->v[nx].prev == nx - 1; nx++) {
                if (!x->mask[nx] && !x->pmask[nx])
                    x->touched[x->ntouched++] = nx;
                x->pmask[nx] |= 1u << k;
            }
        }
    }
    int nout = 0;
    for (int t = 0; t < x->ntouched; t++) {
        int s = x->touched[t];
        uint32_t m = x->mask[s], pm = x->pmask[s];
        double own = x->ownw[s] / total;
        x->mask[s] = x->pmask[s] = 0;
        x->ownw[s] = 0;
        if (total <= 0 || !m || own < min_own - 1e-6)
            continue;
        dk_sentmatch sm = {s, mask_weight(wt, nw, m) / total,
                           mask_weight(wt, nw, m | pm) / total, m};
        /* keep the best max */
        int at = nout < max ? nout : max;
        while (at > 0 && better(&sm, &out[at - 1], by_own))
            at--;
        if (at >= max)
            continue;
        int last = nout < max ? nout : max - 1;
        memmove(out + at + 1, out + at, (size_t)(last - at) * sizeof *out);
        out[at] = sm;
        if (nout < max)
            nout++;
    }
    return nout;
}
