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

/* The texts (one scan of the sentences) and their words. */
/* Copies: texts by a hash of their bytes, open addressing over the
 * sentence indices of the first of each text. */
typedef struct text_map {
    uint32_t *key;
    int *rep, cap, n;
} text_map;

static uint32_t hash_text(const char *t)
{
    uint32_t h = 2166136261u;
    for (; *t; t++)
        h = (h ^ (unsigned char)*t) * 16777619u;
    return h;
}

/* The first sentence with this text, or -1 after noting s as its first. */
static int text_rep(text_map *m, const dk_sentidx *x, const char *t, int s)
{
    if ((m->n + 1) * 2 > m->cap) {
        int cap = m->cap ? m->cap * 2 : 4096;
        uint32_t *key = malloc((size_t)cap * sizeof *key);
        int *rep = malloc((size_t)cap * sizeof *rep);
        if (!key || !rep) {
            free(key);
            free(rep);
            return -2;
        }
        for (int i = 0; i < cap; i++)
            rep[i] = -1;
        for (int i = 0; i < m->cap; i++) {
            if (m->rep[i] < 0)
                continue;
            unsigned j = m->key[i] & (unsigned)(cap - 1);
            while (rep[j] >= 0)
                j = (j + 1) & (unsigned)(cap - 1);
            key[j] = m->key[i];
            rep[j] = m->rep[i];
        }
        free(m->key);
        free(m->rep);
        m->key = key;
        m->rep = rep;
        m->cap = cap;
    }
    uint32_t h = hash_text(t);
    unsigned j = h & (unsigned)(m->cap - 1);
    while (m->rep[j] >= 0) {
        if (m->key[j] == h && strcmp(x->v[m->rep[j]].text, t) == 0)
            return m->rep[j];
        j = (j + 1) & (unsigned)(m->cap - 1);
    }
    m->key[j] = h;
    m->rep[j] = s;
    m->n++;
    return -1;
}

/* The texts (one scan of the sentences, which hold them since schema 4:
 * no FTS5 layer in between) and the words of each
 * distinct text; a copy shares its first's text and words. */
static dk_status load_texts(sqlite3 *db, dk_sentidx *x, int *nwords)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT id, text FROM sentences ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK)
        return DK_ERR_DB;
    int rc, wcap = 0, at = 0, nvocab = 0;
    text_map tm = {0};
    dk_status s = DK_OK;
    /* the last copy of each first text, so that a copy is linked on in
     * one step (a text repeated in thousands of documents, furniture or
     * a wire story, would make walking the chain quadratic) */
    int *tail = malloc((size_t)(x->n > 0 ? x->n : 1) * sizeof *tail);
    if (!tail) {
        sqlite3_finalize(st);
        return DK_ERR_NOMEM;
    }
    for (int i = 0; i < x->n; i++) {
        x->v[i].rep = i;
        x->v[i].next_copy = -1;
        tail[i] = i;
    }
    while (!s && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        if (at >= x->n || x->v[at].id != id)
            at = dk_sentidx_find(x, id);
        if (at < 0) {
            at = 0;
            continue;
        }
        int si = at++;
        dk_sentrec *r = &x->v[si];
        if (r->text)
            continue;
        const char *t = (const char *)sqlite3_column_text(st, 1);
        int rep = text_rep(&tm, x, t ? t : "", si);
        if (rep == -2) {
            s = DK_ERR_NOMEM;
            break;
        }
        if (rep >= 0) {
            /* a copy: linked after the last copy of its first */
            x->v[tail[rep]].next_copy = si;
            tail[rep] = si;
            r->rep = rep;
            r->text = x->v[rep].text;
            /* rarity counts every sentence, copies too */
            for (int k = 0; k < x->v[rep].nwords; k++)
                x->vdf[slot(x, x->words[x->v[rep].word0 + k])]++;
            continue;
        }
        if ((s = words_room(x, *nwords, &wcap)))
            break;
        r->text = dup_or_empty((const unsigned char *)t);
        if (!r->text) {
            s = DK_ERR_NOMEM;
            break;
        }
        /* the new text is keyed by its first sentence's text */
        r->owns_text = 1;
        r->word0 = *nwords;
        r->nwords = dk_text_words(r->text, strlen(r->text),
                                  x->words + *nwords, DK_CLAIM_WORDS * 8);
        r->bloom[0] = r->bloom[1] = 0;
        for (int k = 0; k < r->nwords; k++) {
            uint32_t h = x->words[r->word0 + k];
            r->bloom[(h >> 6) & 1] |= 1ull << (h & 63);
        }
        *nwords += r->nwords;
        x->ntexts++;
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
    free(tm.key);
    free(tm.rep);
    free(tail);
    for (int i = 0; !s && i < x->n; i++)
        if (!x->v[i].text) {
            if (!(x->v[i].text = strdup("")))
                s = DK_ERR_NOMEM;
            x->v[i].owns_text = 1;
        }
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
    if (n > 1)
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
        x->vnpost = malloc((size_t)x->vcap * sizeof *x->vnpost);
        x->post = malloc(((size_t)nwords + 1) * sizeof *x->post);
        x->mask = calloc((size_t)x->n + 1, sizeof *x->mask);
        x->ownw = calloc((size_t)x->n + 1, sizeof *x->ownw);
        x->touched = malloc(((size_t)x->n + 1) * sizeof *x->touched);
        if (!x->vpost || !x->vnpost || !x->post || !x->mask || !x->ownw ||
            !x->touched)
            s = DK_ERR_NOMEM;
    }
    if (!s) {
        /* postings of the distinct texts: the first sentence of each
         * (copies have no words); vdf keeps the count over sentences */
        int at = 0, *fill = calloc((size_t)x->vcap, sizeof *fill);
        if (!fill)
            s = DK_ERR_NOMEM;
        for (int j = 0; !s && j < x->n; j++)
            for (int k = 0; k < x->v[j].nwords; k++)
                fill[slot(x, x->words[x->v[j].word0 + k])]++;
        for (int i = 0; !s && i < x->vcap; i++) {
            x->vpost[i] = at;
            x->vnpost[i] = 0;
            at += fill[i];
        }
        for (int j = 0; !s && j < x->n; j++)
            for (int k = 0; k < x->v[j].nwords; k++) {
                int i = slot(x, x->words[x->v[j].word0 + k]);
                x->post[x->vpost[i] + x->vnpost[i]++] = j;
            }
        free(fill);
    }
    if (s)
        dk_sentidx_free(x);
    return s;
}

void dk_sentidx_free(dk_sentidx *x)
{
    for (int i = 0; i < x->n; i++)
        if (x->v[i].owns_text)
            free(x->v[i].text);
    free(x->v);
    free(x->words);
    free(x->dates);
    free(x->vkey);
    free(x->vdf);
    free(x->vpost);
    free(x->vnpost);
    free(x->post);
    free(x->mask);
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

/* Does sentence s hold word w? */
static int holds(const dk_sentidx *x, int s, uint32_t w)
{
    s = x->v[s].rep;                 /* a copy has its first's words */
    if (!(x->v[s].bloom[(w >> 6) & 1] & (1ull << (w & 63))))
        return 0;                    /* surely not: no bit of it */
    const uint32_t *v = x->words + x->v[s].word0;
    for (int i = 0; i < x->v[s].nwords; i++)
        if (v[i] == w)
            return 1;
    return 0;
}

/* Which of the claim's words (those of mask todo) sentence s holds. */
static uint32_t held(const dk_sentidx *x, int s, const uint32_t *w,
                     uint32_t todo)
{
    uint32_t m = 0;
    while (todo) {
        int k = __builtin_ctz(todo);
        todo &= todo - 1;
        if (holds(x, s, w[k]))
            m |= 1u << k;
    }
    return m;
}

int dk_sentidx_match(dk_sentidx *x, const uint32_t *w, int nw,
                     double min_own, int by_own, dk_sentmatch *out, int max)
{
    double wt[DK_CLAIM_WORDS], total = 0;
    if (nw > DK_CLAIM_WORDS)
        nw = DK_CLAIM_WORDS;
    for (int k = 0; k < nw; k++) {
        wt[k] = dk_sentidx_weight(x, w[k]);
        total += wt[k];
    }
    if (total <= 0 || !x->vcap)
        return 0;
    /* The commonest words, together under min_own of the weight, cannot
     * make a sentence reach min_own alone: only the others' sentences are
     * gathered from the postings (the long lists are the common words'),
     * and the common words are then looked up in those sentences. */
    uint32_t common = 0, all = 0;
    double common_w = 0;
    for (int k = 0; k < nw; k++)
        if (wt[k] > 0)
            all |= 1u << k;
    for (;;) {
        int pick = -1;
        for (int k = 0; k < nw; k++)
            if ((all & ~common & (1u << k)) && (pick < 0 || wt[k] < wt[pick]))
                pick = k;
        if (pick < 0 || (common_w + wt[pick]) / total >= min_own - 1e-9)
            break;
        common |= 1u << pick;
        common_w += wt[pick];
    }
    x->ntouched = 0;
    for (int k = 0; k < nw; k++) {
        if (!(all & ~common & (1u << k)))
            continue;
        int i = slot(x, w[k]);
        for (int p = x->vpost[i]; p < x->vpost[i] + x->vnpost[i]; p++) {
            int s = x->post[p];
            if (!x->mask[s])
                x->touched[x->ntouched++] = s;
            x->mask[s] |= 1u << k;
            x->ownw[s] += (float)wt[k];
        }
    }
    int nout = 0;
    for (int t = 0; t < x->ntouched; t++) {
        int s = x->touched[t];
        uint32_t m = x->mask[s];
        double rare = x->ownw[s];
        x->mask[s] = 0;
        x->ownw[s] = 0;
        if ((rare + common_w) / total < min_own - 1e-6)
            continue;
        m |= held(x, s, w, common);
        double own = mask_weight(wt, nw, m) / total;
        if (own < min_own - 1e-6)
            continue;
        /* the text and its copies, DK_SAME_WORDING of them at most */
        for (int c = s, copies = 0; c >= 0 && copies < DK_SAME_WORDING;
             c = x->v[c].next_copy, copies++) {
            uint32_t ctx = m;
            for (int p = x->v[c].prev, d = 0; !by_own && p >= 0 &&
                                              d < DK_CONTEXT_SENTENCES;
                 p = x->v[p].prev, d++)
                ctx |= held(x, p, w, all & ~ctx);
            dk_sentmatch sm = {c, own, mask_weight(wt, nw, ctx) / total, m};
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
    }
    return nout;
}

double dk_sentidx_share(const dk_sentidx *x, int s, const uint32_t *w, int nw)
{
    double total = 0, held_w = 0;
    if (nw > DK_CLAIM_WORDS)
        nw = DK_CLAIM_WORDS;
    for (int k = 0; k < nw; k++) {
        double wt = dk_sentidx_weight(x, w[k]);
        total += wt;
        if (wt > 0 && s >= 0 && s < x->n && holds(x, s, w[k]))
            held_w += wt;
    }
    return total > 0 ? held_w / total : 0;
}
