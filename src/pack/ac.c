/*
 * ac.c - the Aho-Corasick matcher of ac.h.
 *
 * Building: patterns go into a trie kept as first-child / next-sibling
 * lists.  dk_ac_build() gives every byte that occurs in a pattern its own
 * class (class 0 = any other byte), then fills a dense transition table
 * delta[state * ncls + class] breadth first (16-bit entries when the
 * states fit, see dk_ac_build), so that following a failure
 * link never happens while scanning.  dict[s] is the nearest proper
 * suffix state of s that ends a pattern, for reporting shorter patterns
 * when the longest one ending at a byte is not a whole word.
 * dk_ac_build_lean builds no table when the word scan below applies (the
 * pack's matchers: only the tests ask for the scan).
 *
 * When every pattern starts with a word byte (the usual pack), a match
 * can only start after a byte that is not an ASCII letter or digit, so
 * the automaton follows only the suffixes that start there: a failure
 * inside a word goes to a sink state instead of a suffix state in the
 * middle of the word, and the scan skips the rest of the word.  On news
 * text that is a fifth fewer table look-ups, and fewer distinct rows.
 * Letters and digits no pattern uses get a class of their own for it.
 *
 * White space needs no test while scanning: a run of it is one symbol
 * because every state reached by a space stays put on more space (the
 * root too).  A match's start is found at the match, by stepping back
 * over its symbols in the text (start_of), not kept for every byte.
 *
 * Anchored automata whose patterns start with a letter, a digit or a
 * UTF-8 lead byte (all of the usual pack's) are not scanned with the
 * table at all (read_runs, find_words_in): a match starts at a word
 * whose leading run of letters and digits is the pattern's own, so words
 * are read 64 bytes at a time as bits with SSE2, else eight at a time
 * (once a sentence for all the pack's matchers: dk_ac_words_read), a
 * 4 KiB filter of the patterns' leading runs drops most of them (the
 * pack's matchers' filters joined in one table, dk_ac_joint, so that
 * each run is tested once for all and each matcher walks only its list
 * of runs, find_listed_in: a run that a space and a run follow is left
 * out of a matcher's list when the joint pair filter says that none of
 * its patterns goes on with that run and the run's node ends none, as
 * walk_run would stop there; else tested for a block of runs at a time
 * without a branch on its answer, see find_words_in), a hash table of
 * those runs
 * (16-byte slots holding a run's first 8 bytes, so a short run is
 * matched in its slot) leads the others to their
 * node of a compact copy of the trie (8 bytes a node; a chain of single
 * children is contiguous), which is walked on from there; a small list
 * puts the matches in the order the automaton reports them.  The
 * table scan costs a load per byte from a table of up to some MB (1.6 MB
 * for the kz-cn entities) that the rest of the pipeline pushes out of
 * the caches; the words' walks touch few, mostly shallow, nodes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "ac.h"
#include "../text/chars.h"
#include "../text/utf8.h"

#define SPECIAL 255         /* bcls: a lead byte of a multi-byte symbol */
#define WF_LOG 15           /* the word filter: 2^15 bits, 4 KiB */
#define WF_BITS (1u << WF_LOG)
#define WN_LIST 2           /* more children: a row of wrow */
#define PAIR_MAXLOG 17      /* the pair filter: at most 2^17 bits */

typedef struct pat {
    int id;
    int next;               /* next pattern on the same state, -1 */
    uint16_t len;           /* normalised length */
    uint8_t exact;
    uint8_t word0, word1;   /* first / last byte is a word character */
    uint32_t text;          /* exact: unfolded normalised text in pool */
    uint32_t run;           /* folded leading letters and digits, pool */
} pat;

struct dk_ac {
    int nnodes, capnodes;
    int32_t *child, *sibling, *first;  /* trie; first = first pattern */
    uint8_t *label;
    pat *pats;
    int npats, cappats;
    char *pool;
    size_t poollen, poolcap;
    size_t runbytes;        /* the leading runs' bytes */
    int built;
    int ncls;
    uint8_t cls[256];
    int32_t *delta;         /* states * ncls, mapped; NULL when narrow */
    size_t delta_bytes;
    uint16_t *narrow;       /* the same table in 16 bits, when it fits */
    size_t narrow_bytes;
    int32_t *dict;
    uint8_t *emit;          /* state ends a pattern or has dict */
    uint8_t bcls[256];      /* class of a text byte: white space and
                               dashes the space's, SPECIAL for 0xC2
                               and 0xE2 (norm_sym decides) */
    uint8_t alnum[256];     /* ASCII letters and digits */
    int anchored;           /* every pattern starts with a word byte */
    int32_t sink;           /* the sink's table entry, -1 if none */
    /* The word scan (find_words_in), when it applies: the trie again, 8
     * bytes a node instead of a table row (a node's children numbered
     * together when it is reached depth first, so a chain of single
     * children is a run of numbers), and a filter of first words. */
    int words;              /* anchored, and no pattern starts with a
                               UTF-8 continuation byte */
    struct wnode {
        int32_t kids;       /* the first child, the others after it; or
                               (nkids > WN_LIST) the row in wrow */
        uint16_t nkids;
        uint8_t label;      /* the byte that leads to the node */
        uint8_t pats;       /* patterns end at the node */
    } *wnode;
    int32_t *wfirst;        /* first pattern of the node */
    int32_t *wrow;          /* children by class, of nodes with many */
    int32_t wroot[256];     /* the root's child on a byte, 0 for none */
    uint8_t wsym[256];      /* a byte as a symbol: folded, white space
                               and dashes ' ' (0xC2, 0xE2: norm_sym) */
    struct wrun {           /* a leading run: where it leads (16 bytes,
                               four to a cache line) */
        uint64_t head;      /* its first 8 bytes (folded, zero-padded):
                               most runs are whole here, and the pool
                               need not be read (run_node) */
        int32_t node;
        uint32_t at;        /* the run in wrunpool (folded): offset << 8
                               | length (<= DK_AC_MAXPAT) */
    } *wrun;                /* open addressing, wrunmask + 1 slots, at
                               most half of them used */
    size_t wrunmask;
    char *wrunpool;
    size_t maxrun;          /* longest leading run of letters, digits */
    int leads;              /* some pattern starts with a byte >= 0xC0 */
    uint8_t firstrun[WF_BITS / 8];  /* hashes of those runs */
    uint8_t *pairs;         /* (node, run): a pattern goes on from the
                               node with a space and that run (pair_bit);
                               2^pairlog bits */
    unsigned pairlog;
    size_t npairs;          /* while building: the pairs counted */
};

/* One normalised symbol at s[i]: ' ' for white space and dashes, '\''
 * for curly apostrophes, else the byte.  *len = bytes consumed. */
static inline unsigned norm_sym(const unsigned char *s, size_t n, size_t i,
                                int *len)
{
    unsigned c = s[i];
    *len = 1;
    if (c < 0x80) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
            c == '\v' || c == '-')
            return ' ';
        return c;
    }
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
        *len = 2;
        return ' ';
    }
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
        unsigned d = s[i + 2];
        if (d == 0x98 || d == 0x99) {
            *len = 3;
            return '\'';
        }
        if ((d >= 0x80 && d <= 0x95) || d == 0xAF) {  /* spaces, dashes */
            *len = 3;
            return ' ';
        }
    }
    return c;
}

static inline unsigned fold(unsigned c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_word_byte(unsigned c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
                                                   (c | 0x20) <= 'z');
}

static int cp_is_word(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || dk_cp_is_letter(cp);
}

/* Is there a letter or digit just before text[pos], reading no further
 * back than text[lo]? */
static int word_before_from(const unsigned char *t, size_t lo, size_t pos)
{
    if (pos <= lo)
        return 0;
    if (t[pos - 1] < 0x80)
        return cp_is_word(t[pos - 1]);
    size_t i = pos - 1;
    while (i > lo && pos - i < 4 && (t[i] & 0xC0) == 0x80)
        i--;
    uint32_t cp;
    dk_utf8_decode(t + i, pos - i, &cp);
    return cp_is_word(cp);
}

/* Is there a letter or digit just before text[pos]? */
static int word_before(const unsigned char *t, size_t pos)
{
    return word_before_from(t, 0, pos);
}

/* Is there a letter or digit at text[pos]? */
static int word_at(const unsigned char *t, size_t n, size_t pos)
{
    if (pos >= n)
        return 0;
    if (t[pos] < 0x80)
        return cp_is_word(t[pos]);
    uint32_t cp;
    dk_utf8_decode(t + pos, n - pos, &cp);
    return cp_is_word(cp);
}

/* ASCII letters and digits: the bytes after which a word-anchored match
 * cannot start. */
#define AN1(c) (((c) >= '0' && (c) <= '9') || \
                (((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z'))
#define AN4(c) AN1(c), AN1((c) + 1), AN1((c) + 2), AN1((c) + 3)
#define AN16(c) AN4(c), AN4((c) + 4), AN4((c) + 8), AN4((c) + 12)
#define AN64(c) AN16(c), AN16((c) + 16), AN16((c) + 32), AN16((c) + 48)
static const uint8_t ascii_alnum_tab[256] = {AN64(0), AN64(64), AN64(128),
                                             AN64(192)};

static inline int ascii_alnum(unsigned c)
{
    return ascii_alnum_tab[c & 0xFF];
}

static int is_space_byte(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v' || c == '-';
}

/* The word filter hashes a run of letters and digits in eight-byte
 * chunks (little endian; c | 0x20 folds a letter and keeps a digit; the
 * last chunk padded with zeros) and takes WF_LOG bits of the result. */
#define WF_K 0x9E3779B97F4A7C15ull
#define HI8 0x8080808080808080ull
#ifndef WF_SWAR            /* eight bytes a test (-DWF_SWAR=0: none) */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WF_SWAR 1
#else
#define WF_SWAR 0
#endif
#endif

static inline uint64_t wf_mix(uint64_t h, uint64_t chunk)
{
    return (h + chunk) * WF_K;
}

static inline uint64_t wf_key(uint64_t h, size_t len)
{
    return (h ^ len) * WF_K;
}

static inline uint32_t wf_bit(uint64_t h, size_t len)
{
    return (uint32_t)(wf_key(h, len) >> (64 - WF_LOG));
}

/* The slot of a run's key in wrun. */
static inline size_t wf_slot(uint64_t g, size_t mask)
{
    return (size_t)(g >> 24) & mask;
}

/* The run of letters and digits from t[j] on (j - its start a multiple
 * of 8), byte by byte, into *h; returns where it ends. */
static size_t wf_run_bytes(const unsigned char *t, size_t n, size_t j,
                           const uint8_t *al, uint64_t *h)
{
    uint64_t chunk = 0;
    unsigned k = 0;
    for (; j < n && al[t[j]]; j++) {
        chunk |= (uint64_t)(t[j] | 0x20) << (8 * k);
        if (++k == 8) {
            *h = wf_mix(*h, chunk);
            chunk = 0;
            k = 0;
        }
    }
    if (k)
        *h = wf_mix(*h, chunk);
    return j;
}

/* read_runs by the bits of 16 bytes at a time (SSE2), else by eight
 * (WF_SWAR) or one. */
#if WF_SWAR && defined(__SSE2__)
#define RUNS_SSE2 1
#else
#define RUNS_SSE2 0
#endif

#if WF_SWAR
static inline uint64_t load8(const unsigned char *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
    return x;
}
#endif

#if WF_SWAR && !RUNS_SSE2
/* 0x80 in each byte of x that is an ASCII letter or digit (exact: no
 * carries cross bytes). */
static inline uint64_t alnum8(uint64_t x)
{
    uint64_t lo = x & ~HI8, l = lo | 0x2020202020202020ull;
    uint64_t letter = (l + 0x1F1F1F1F1F1F1F1Full) & ~(l + 0x0505050505050505ull);
    uint64_t digit = (lo + 0x5050505050505050ull) &
                     ~(lo + 0x4646464646464646ull);
    return (letter | digit) & ~x & HI8;
}
#endif

#if !RUNS_SSE2
/* The end of the run of letters and digits that starts at t[i], and its
 * hash (before wf_key) in *hp: eight bytes a step where they can be
 * read at once. */
static inline __attribute__((always_inline)) size_t
read_run(const unsigned char *t, size_t n, size_t i,
         uint64_t *hp)
{
    uint64_t h = 0;
#if WF_SWAR
    while (i + 8 <= n) {
        uint64_t x = load8(t + i), nm = ~alnum8(x) & HI8;
        if (nm) {
            unsigned k = (unsigned)__builtin_ctzll(nm) >> 3;
            if (k)
                h = wf_mix(h, (x | 0x2020202020202020ull) &
                                  ((1ull << (8 * k)) - 1));
            *hp = h;
            return i + k;
        }
        h = wf_mix(h, x | 0x2020202020202020ull);
        i += 8;
    }
#endif
    i = wf_run_bytes(t, n, i, ascii_alnum_tab, &h);
    *hp = h;
    return i;
}
#endif

int dk_ac_normalise(const char *s, size_t n, int fold_case, char *out,
                    size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t k = 0;
    int space = 1;  /* drops leading white space */
    for (size_t i = 0; i < n;) {
        int len;
        unsigned c = norm_sym(u, n, i, &len);
        i += (size_t)len;
        if (c == ' ') {
            if (space)
                continue;
            space = 1;
        } else {
            space = 0;
        }
        if (k + 1 >= cap)
            return -1;
        out[k++] = (char)(fold_case ? fold(c) : c);
    }
    if (k && out[k - 1] == ' ')
        k--;
    if (cap)
        out[k] = '\0';
    return (int)k;
}

dk_ac *dk_ac_new(void)
{
    dk_ac *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->capnodes = 256;
    a->child = malloc((size_t)a->capnodes * sizeof *a->child);
    a->sibling = malloc((size_t)a->capnodes * sizeof *a->sibling);
    a->first = malloc((size_t)a->capnodes * sizeof *a->first);
    a->label = malloc((size_t)a->capnodes);
    if (!a->child || !a->sibling || !a->first || !a->label) {
        dk_ac_free(a);
        return NULL;
    }
    for (unsigned c = 0; c < 128; c++)
        a->alnum[c] = (uint8_t)cp_is_word(c);
    a->nnodes = 1;
    a->child[0] = a->sibling[0] = a->first[0] = -1;
    a->label[0] = 0;
    return a;
}

void dk_ac_free(dk_ac *a)
{
    if (!a)
        return;
    free(a->child);
    free(a->sibling);
    free(a->first);
    free(a->label);
    free(a->pats);
    free(a->pool);
    if (a->delta)
        munmap(a->delta, a->delta_bytes);
    if (a->narrow)
        munmap(a->narrow, a->narrow_bytes);
    free(a->dict);
    free(a->emit);
    free(a->wnode);
    free(a->wfirst);
    free(a->wrow);
    free(a->wrun);
    free(a->wrunpool);
    free(a->pairs);
    free(a);
}

static int grow_nodes(dk_ac *a)
{
    int cap = a->capnodes * 2;
    int32_t *c = realloc(a->child, (size_t)cap * sizeof *c);
    if (!c)
        return DK_AC_NOMEM;
    a->child = c;
    int32_t *s = realloc(a->sibling, (size_t)cap * sizeof *s);
    if (!s)
        return DK_AC_NOMEM;
    a->sibling = s;
    int32_t *f = realloc(a->first, (size_t)cap * sizeof *f);
    if (!f)
        return DK_AC_NOMEM;
    a->first = f;
    uint8_t *l = realloc(a->label, (size_t)cap);
    if (!l)
        return DK_AC_NOMEM;
    a->label = l;
    a->capnodes = cap;
    return DK_AC_OK;
}

/* The child of node u along byte c, created if missing; -1 = no memory. */
static int32_t step_or_add(dk_ac *a, int32_t u, unsigned c)
{
    for (int32_t v = a->child[u]; v >= 0; v = a->sibling[v])
        if (a->label[v] == c)
            return v;
    if (a->nnodes == a->capnodes && grow_nodes(a))
        return -1;
    int32_t v = a->nnodes++;
    a->label[v] = (uint8_t)c;
    a->child[v] = -1;
    a->first[v] = -1;
    a->sibling[v] = a->child[u];
    a->child[u] = v;
    return v;
}

static int pool_add(dk_ac *a, const char *s, size_t n, uint32_t *off)
{
    if (a->poollen + n + 1 > a->poolcap) {
        size_t cap = a->poolcap ? a->poolcap * 2 : 1024;
        while (cap < a->poollen + n + 1)
            cap *= 2;
        char *p = realloc(a->pool, cap);
        if (!p)
            return DK_AC_NOMEM;
        a->pool = p;
        a->poolcap = cap;
    }
    memcpy(a->pool + a->poollen, s, n);
    a->pool[a->poollen + n] = '\0';
    *off = (uint32_t)a->poollen;
    a->poollen += n + 1;
    return DK_AC_OK;
}

int dk_ac_add(dk_ac *a, const char *s, size_t n, int id, int exact, int *dup)
{
    char norm[DK_AC_MAXPAT + 2], folded[DK_AC_MAXPAT + 2];
    if (a->built)
        return DK_AC_BUILT;
    int len = dk_ac_normalise(s, n, 0, norm, sizeof norm);
    if (len < 0 || len > DK_AC_MAXPAT)
        return DK_AC_LONG;
    if (len == 0)
        return DK_AC_EMPTY;
    dk_ac_normalise(s, n, 1, folded, sizeof folded);
    int32_t u = 0;
    for (int i = 0; i < len; i++) {
        u = step_or_add(a, u, (unsigned char)folded[i]);
        if (u < 0)
            return DK_AC_NOMEM;
    }
    for (int p = a->first[u]; p >= 0; p = a->pats[p].next)
        if (a->pats[p].exact == (exact != 0) &&
            (!exact || strcmp(a->pool + a->pats[p].text, norm) == 0)) {
            if (dup)
                *dup = a->pats[p].id;
            return DK_AC_DUP;
        }
    if (a->npats == a->cappats) {
        int cap = a->cappats ? a->cappats * 2 : 256;
        pat *v = realloc(a->pats, (size_t)cap * sizeof *v);
        if (!v)
            return DK_AC_NOMEM;
        a->pats = v;
        a->cappats = cap;
    }
    pat *p = &a->pats[a->npats];
    memset(p, 0, sizeof *p);
    p->id = id;
    p->len = (uint16_t)len;
    p->exact = exact != 0;
    p->word0 = (uint8_t)is_word_byte((unsigned char)norm[0]);
    p->word1 = (uint8_t)is_word_byte((unsigned char)norm[len - 1]);
    if (exact && pool_add(a, norm, (size_t)len, &p->text))
        return DK_AC_NOMEM;
    /* the word filter: the pattern's leading run of letters and digits */
    uint64_t h = 0;
    size_t run = wf_run_bytes((const unsigned char *)folded, (size_t)len, 0,
                              a->alnum, &h);
    if (pool_add(a, folded, run, &p->run))
        return DK_AC_NOMEM;
    a->runbytes += run;
    if (run) {
        uint32_t b = wf_bit(h, run);
        a->firstrun[b >> 3] |= (uint8_t)(1u << (b & 7));
        if (run > a->maxrun)
            a->maxrun = run;
    }
    /* exact patterns first: they are the more specific reading */
    int k = a->npats++;
    if (exact || a->first[u] < 0) {
        p->next = a->first[u];
        a->first[u] = k;
    } else {
        int q = a->first[u];
        while (a->pats[q].next >= 0)
            q = a->pats[q].next;
        p->next = -1;
        a->pats[q].next = k;
    }
    return DK_AC_OK;
}

/* Entry i of the table being built (raw state numbers). */
static int32_t tget(const dk_ac *a, size_t i)
{
    return a->narrow ? a->narrow[i] : a->delta[i];
}

static void tset(dk_ac *a, size_t i, int32_t v)
{
    if (a->narrow)
        a->narrow[i] = (uint16_t)v;
    else
        a->delta[i] = v;
}

/* The child of node m on byte c in the compact trie, 0 if none. */
static int32_t wchild(const dk_ac *a, int32_t m, unsigned c)
{
    const struct wnode *x = &a->wnode[m];
    if (x->nkids > WN_LIST) {
        int32_t v = a->wrow[(size_t)x->kids * (size_t)a->ncls + a->cls[c]];
        return v && a->wnode[v].label == c ? v : 0;
    }
    for (int32_t v = x->kids; v < x->kids + x->nkids; v++)
        if (a->wnode[v].label == c)
            return v;
    return 0;
}

/* Put the run r[0, len) leading to node m into wrun (once). */
static void add_run(dk_ac *a, const char *r, size_t len, int32_t m,
                    size_t *poollen)
{
    uint64_t h = 0;
    wf_run_bytes((const unsigned char *)r, len, 0, a->alnum, &h);
    uint64_t g = wf_key(h, len);
    size_t k = wf_slot(g, a->wrunmask);
    while (a->wrun[k].node) {
        if (a->wrun[k].node == m)
            return;
        k = (k + 1) & a->wrunmask;
    }
    memcpy(a->wrunpool + *poollen, r, len);
    unsigned char b[8] = {0};
    memcpy(b, r, len < 8 ? len : 8);
    memcpy(&a->wrun[k].head, b, 8);
    a->wrun[k].at = (uint32_t)(*poollen << 8 | len);
    a->wrun[k].node = m;
    *poollen += len;
}

/* The key of the run t[s, e) of letters and digits. */
static uint64_t run_key(const unsigned char *t, size_t s, size_t e)
{
    uint64_t h = 0;
    wf_run_bytes(t, e, s, ascii_alnum_tab, &h);
    return wf_key(h, e - s);
}

/* The bit of the pair filter for a run with key g after node m and a
 * space. */
static inline uint32_t pair_bit(const dk_ac *a, int32_t m, uint64_t g)
{
    return (uint32_t)(((g ^ ((uint64_t)(uint32_t)m * 0xD6E8FEB86659FD93ull)) *
                       WF_K) >> (64 - a->pairlog));
}

/* The entry of the joint pair filter (dk_ac_joint.pairs) for a run with
 * key g after a run with key lead and a space: the keys' top bits are
 * well mixed (wf_key), so two fields of them are enough. */
static inline uint32_t joint_pair(uint64_t lead, uint64_t g)
{
    return (uint32_t)(((lead >> (64 - WF_LOG)) ^ (g >> (48 - WF_LOG))) &
                      (WF_BITS - 1));
}

/* Where pair_runs puts the pairs it finds: the matcher's own filter
 * (joint NULL: counted first, then set, for the leading run's node m),
 * else bit of joint's entry for the leading run's key lead. */
typedef struct pair_sink {
    dk_ac *own;             /* the matcher's own filter, or NULL */
    int32_t m;
    uint64_t lead;
    uint8_t *joint;
    uint8_t bit;
} pair_sink;

/* Set the pair bits of the runs that start under node sp (reached by a
 * space after a leading run's node): run[0, len) has been read. */
static void pair_runs(const dk_ac *a, const pair_sink *to, int32_t sp,
                      unsigned char *run, size_t len)
{
    const struct wnode *x = &a->wnode[sp];
    int ends = len > 0 && x->pats;  /* a pattern ends with the run */
    size_t nc = (size_t)a->ncls;
    for (unsigned k = 0; k < (x->nkids > WN_LIST ? nc : x->nkids); k++) {
        int32_t v = x->nkids > WN_LIST ? a->wrow[(size_t)x->kids * nc + k]
                                       : x->kids + (int32_t)k;
        if (v <= 0)
            continue;
        unsigned c = a->wnode[v].label;
        if (c < 0x80 && ascii_alnum(c) && len < DK_AC_MAXPAT) {
            run[len] = (unsigned char)c;
            pair_runs(a, to, v, run, len + 1);
        } else {
            ends = 1;               /* the run ends before c */
        }
    }
    if (!ends || len == 0)
        return;
    if (!to->own) {
        to->joint[joint_pair(to->lead, run_key(run, 0, len))] |= to->bit;
    } else if (!to->own->pairs) {
        to->own->npairs++;    /* counting */
    } else {
        uint32_t b = pair_bit(to->own, to->m, run_key(run, 0, len));
        to->own->pairs[b >> 3] |= (uint8_t)(1u << (b & 7));
    }
}

/* The pair filter: for every leading run's node m with a space after
 * it, the runs that may follow the space. */
static int build_pairs(dk_ac *a)
{
    unsigned char run[DK_AC_MAXPAT + 1];
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k <= a->wrunmask; k++) {
            if (!a->wrun[k].node)
                continue;
            int32_t sp = wchild(a, a->wrun[k].node, ' ');
            pair_sink to = {a, a->wrun[k].node, 0, NULL, 0};
            if (sp)
                pair_runs(a, &to, sp, run, 0);
        }
        if (pass == 0) {
            /* 16 bits a pair or more: few false positives, and a small
             * pack's filter stays small in the cache */
            a->pairlog = 6;
            while (a->pairlog < PAIR_MAXLOG &&
                   ((size_t)1 << a->pairlog) < 16 * a->npairs)
                a->pairlog++;
            a->pairs = calloc((size_t)1 << (a->pairlog - 3), 1);
            if (!a->pairs)
                return DK_AC_NOMEM;
        }
    }
    return DK_AC_OK;
}

/* The patterns' leading runs of letters and digits, the nodes they lead
 * to (wrun), from the patterns' folded texts. */
/* The node pattern q's leading run leads to, 0 if it has none. */
static int32_t run_of(const dk_ac *a, int q, size_t *len)
{
    const char *r = a->pool + a->pats[q].run;
    *len = strlen(r);
    if (!*len)
        return 0;
    int32_t m = a->wroot[(unsigned char)r[0]];
    for (size_t i = 1; i < *len && m; i++)
        m = wchild(a, m, (unsigned char)r[i]);
    return m;
}

static int build_runs(dk_ac *a)
{
    /* the table sized by the distinct runs (many patterns share one):
     * the smaller it is, the more of it stays in the cache */
    uint8_t *seen = calloc((size_t)a->nnodes, 1);
    if (!seen)
        return DK_AC_NOMEM;
    size_t nruns = 0, len;
    for (int q = 0; q < a->npats; q++) {
        int32_t m = run_of(a, q, &len);
        if (m && !seen[m]) {
            seen[m] = 1;
            nruns++;
        }
    }
    free(seen);
    if (a->runbytes >= (1u << 24))
        a->words = 0;   /* no room in wrun.at: the table scan */
    size_t cap = 16;
    while (cap < 2 * nruns + 2)
        cap *= 2;
    a->wrunmask = cap - 1;
    a->wrun = calloc(cap, sizeof *a->wrun);
    a->wrunpool = calloc(a->runbytes + 8, 1);   /* read 8 bytes at a time */
    if (!a->wrun || !a->wrunpool)
        return DK_AC_NOMEM;
    size_t poollen = 0;
    for (int q = 0; q < a->npats && a->runbytes < (1u << 24); q++) {
        int32_t m = run_of(a, q, &len);
        if (m)
            add_run(a, a->pool + a->pats[q].run, len, m, &poollen);
    }
    return build_pairs(a);
}

/* The trie for find_words_in (wnode, wfirst, wrow, wroot) from child,
 * sibling, label and first; needs the classes (cls, ncls). */
static int build_walk(dk_ac *a)
{
    size_t nn = (size_t)a->nnodes;
    int32_t *pid = malloc(nn * sizeof *pid);    /* trie node -> number */
    int32_t *stack = malloc(nn * sizeof *stack);
    a->wnode = malloc(nn * sizeof *a->wnode);
    a->wfirst = malloc(nn * sizeof *a->wfirst);
    if (!pid || !stack || !a->wnode || !a->wfirst) {
        free(pid);
        free(stack);
        return DK_AC_NOMEM;
    }
    int32_t next = 1;
    size_t top = 0;
    pid[0] = 0;
    stack[top++] = 0;
    while (top > 0) {
        int32_t u = stack[--top], m = pid[u];
        a->wnode[m].label = a->label[u];
        a->wfirst[m] = a->first[u];
        a->wnode[m].kids = next;
        a->wnode[m].pats = a->first[u] >= 0;
        uint32_t k = 0;
        for (int32_t v = a->child[u]; v >= 0; v = a->sibling[v])
            pid[v] = next + (int32_t)k++;
        next += (int32_t)k;
        a->wnode[m].nkids = (uint16_t)k;   /* <= 256 */
        /* the children on the stack last first: the first is visited
         * next, and numbers its children right after these */
        size_t b = top;
        for (int32_t v = a->child[u]; v >= 0; v = a->sibling[v])
            stack[top++] = v;
        for (size_t i = b, j = top; i + 1 < j; i++, j--) {
            int32_t x = stack[i];
            stack[i] = stack[j - 1];
            stack[j - 1] = x;
        }
    }
    /* the nodes with many children get a row: child by class */
    size_t nrows = 0, nc = (size_t)a->ncls;
    for (size_t m = 0; m < nn; m++)
        nrows += a->wnode[m].nkids > WN_LIST;
    a->wrow = calloc(nrows ? nrows * nc : 1, sizeof *a->wrow);
    if (!a->wrow) {
        free(pid);
        free(stack);
        return DK_AC_NOMEM;
    }
    int32_t r = 0;
    for (size_t m = 0; m < nn; m++) {
        struct wnode *x = &a->wnode[m];
        if (x->nkids <= WN_LIST)
            continue;
        for (int32_t v = x->kids; v < x->kids + x->nkids; v++)
            a->wrow[(size_t)r * nc + a->cls[a->wnode[v].label]] = v;
        x->kids = r++;
    }
    memset(a->wroot, 0, sizeof a->wroot);
    a->words = a->anchored;
    for (int32_t v = a->child[0]; v >= 0; v = a->sibling[v]) {
        a->wroot[a->label[v]] = pid[v];
        a->leads |= a->label[v] >= 0xC0;
        if (a->label[v] >= 0x80 && a->label[v] < 0xC0)
            a->words = 0;  /* a continuation byte: not a symbol start */
    }
    for (unsigned c = 0; c < 256; c++)
        a->wsym[c] = is_space_byte(c) ? ' ' : (uint8_t)fold(c);
    free(pid);
    free(stack);
    return build_runs(a);
}

/* What dk_ac_build and dk_ac_build_lean do: with_table 0 leaves the
 * table out when the word scan applies. */
static int build(dk_ac *a, int with_table)
{
    if (a->built)
        return DK_AC_OK;
    a->anchored = 1;
    for (int q = 0; q < a->npats; q++)
        a->anchored &= a->pats[q].word0;
    memset(a->cls, 0, sizeof a->cls);
    a->ncls = 1;
    for (int v = 1; v < a->nnodes; v++)
        if (!a->cls[a->label[v]])
            a->cls[a->label[v]] = (uint8_t)a->ncls++;
    /* upper-case letters read as their lower-case class */
    for (unsigned c = 'A'; c <= 'Z'; c++)
        a->cls[c] = a->cls[c + 32];
    /* anchored: letters and digits no pattern uses get a class of their
     * own, so that every class is all word bytes or none */
    int other_alnum = 0;
    for (unsigned c = 0; c < 128 && a->anchored; c++)
        if (ascii_alnum(c) && !a->cls[c]) {
            if (!other_alnum)
                other_alnum = a->ncls++;
            a->cls[c] = (uint8_t)other_alnum;
        }
    if (build_walk(a))
        return DK_AC_NOMEM;
    if (!with_table && a->words) {
        /* the walk has what it needs: the trie goes, no table comes */
        free(a->child);
        free(a->sibling);
        free(a->label);
        free(a->first);
        a->child = a->sibling = a->first = NULL;
        a->label = NULL;
        a->sink = -1;
        for (unsigned c = 0; c < 256; c++)
            a->alnum[c] = c < 0x80 && cp_is_word(c);
        a->built = 1;
        return DK_AC_OK;
    }
    uint8_t cls_alnum[256] = {0};
    for (unsigned c = 0; c < 128; c++)
        if (ascii_alnum(c))
            cls_alnum[a->cls[c]] = 1;
    /* the sink: a word that no pattern can start in (anchored only) */
    size_t nc = (size_t)a->ncls, ntrie = (size_t)a->nnodes;
    size_t ns = ntrie + (size_t)a->anchored;
    int32_t sink = a->anchored ? (int32_t)ntrie : -1;
    if (ns * nc * 2 > INT32_MAX)
        return DK_AC_NOMEM;  /* too many patterns for one automaton */
    int32_t *fail = malloc(ns * sizeof *fail);
    int32_t *queue = malloc(ns * sizeof *queue);
    int32_t *nid = malloc(ns * sizeof *nid);
    int32_t *first = malloc(ns * sizeof *first);
    /* One mapping with its pages faulted in at once: much cheaper than
     * a page fault per 4 KiB while filling the table.  Entries are 16
     * bits when the states fit (half the table: the scan is bound by the
     * latency of its table loads, and more of a small table stays in
     * the cache), else 32. */
    void *table;
    size_t bytes;
    if (ns <= 32767)
        bytes = a->narrow_bytes = ns * nc * sizeof *a->narrow;
    else
        bytes = a->delta_bytes = ns * nc * sizeof *a->delta;
    table = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (table == MAP_FAILED)
        table = NULL;
    else if (ns <= 32767)
        a->narrow = table;
    else
        a->delta = table;
    a->dict = malloc(ns * sizeof *a->dict);
    a->emit = malloc(ns);
    if (!fail || !queue || !nid || !first || !table || !a->dict ||
        !a->emit) {
        free(fail);
        free(queue);
        free(nid);
        free(first);
        return DK_AC_NOMEM;
    }
    /* States are renumbered breadth first, so the rows of the shallow
     * states, where scanning spends most of its time, sit together. */
    int qt = 0;
    nid[0] = 0;
    for (int32_t v = a->child[0]; v >= 0; v = a->sibling[v])
        queue[qt++] = v;
    for (int qh = 0; qh < qt; qh++) {
        nid[queue[qh]] = qh + 1;
        for (int32_t v = a->child[queue[qh]]; v >= 0; v = a->sibling[v])
            queue[qt++] = v;
    }
    first[0] = a->first[0];
    for (int i = 0; i < qt; i++)
        first[i + 1] = a->first[queue[i]];
    fail[0] = 0;
    a->dict[0] = 0;
    a->emit[0] = 0;
    /* The root reads a byte no pattern starts with as the root again,
     * except (anchored) a letter or digit: then the sink, which stays
     * on letters and digits and goes back to the root on anything
     * else.  A failure that ends on a letter or digit goes to the sink
     * too: in an anchored matcher, a match starts only after a byte
     * that is not an ASCII letter or digit, so the suffixes that start
     * inside a word are never followed. */
    for (size_t k = 0; k < nc; k++)
        tset(a, k, a->anchored && cls_alnum[k] ? sink : 0);
    if (a->anchored) {
        for (size_t k = 0; k < nc; k++)
            tset(a, (size_t)sink * nc + k, cls_alnum[k] ? sink : 0);
        first[sink] = -1;
        a->dict[sink] = 0;
        a->emit[sink] = 0;
    }
    for (int32_t v = a->child[0]; v >= 0; v = a->sibling[v]) {
        unsigned c = a->cls[a->label[v]];
        tset(a, c, nid[v]);
        fail[nid[v]] = a->anchored && cls_alnum[c] ? sink : 0;
    }
    for (int qh = 0; qh < qt; qh++) {
        int32_t u = queue[qh], un = qh + 1;
        int32_t f = fail[un];
        a->dict[un] = first[f] >= 0 ? f : a->dict[f];
        a->emit[un] = first[un] >= 0 || a->dict[un] > 0;
        size_t row = (size_t)un * nc, frow = (size_t)f * nc;
        if (a->narrow)
            memcpy(a->narrow + row, a->narrow + frow, nc * sizeof *a->narrow);
        else
            memcpy(a->delta + row, a->delta + frow, nc * sizeof *a->delta);
        for (int32_t v = a->child[u]; v >= 0; v = a->sibling[v]) {
            unsigned c = a->cls[a->label[v]];
            fail[nid[v]] = tget(a, frow + c);
            tset(a, row + c, nid[v]);
        }
        /* more white space after a space is the same symbol (patterns
         * hold single spaces, so no state reached by a space has a space
         * child, and the state it fails to was reached by a space too) */
        if (a->label[u] == ' ')
            tset(a, row + a->cls[' '], un);
    }
    free(fail);
    free(queue);
    free(nid);
    /* the trie is not needed any more: patterns are on the new states */
    free(a->first);
    a->first = first;
    free(a->child);
    free(a->sibling);
    free(a->label);
    a->child = a->sibling = NULL;
    a->label = NULL;
    /* Entries become target << 1 | flag (16 bits), or (target * ncls)
     * << 1 | flag (32 bits: no multiply per byte); the flag says the
     * target ends a pattern, or is the sink. */
    if (a->anchored)
        a->emit[sink] = 1;
    if (a->narrow) {
        for (size_t i = 0; i < ns * nc; i++)
            a->narrow[i] = (uint16_t)(a->narrow[i] << 1 |
                                      a->emit[a->narrow[i]]);
        a->sink = a->anchored ? (int32_t)((uint32_t)sink << 1 | 1u) : -1;
    } else {
        for (size_t i = 0; i < ns * nc; i++) {
            int32_t v = a->delta[i];
            a->delta[i] = (int32_t)(((uint32_t)v * (uint32_t)nc) << 1) |
                          a->emit[v];
        }
        a->sink = a->anchored
                      ? (int32_t)((((uint32_t)sink * (uint32_t)nc) << 1) | 1u)
                      : -1;
    }
    for (unsigned c = 0; c < 256; c++) {
        int sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                 c == '\f' || c == '\v' || c == '-';
        a->bcls[c] = sp ? a->cls[' '] : c == 0xC2 || c == 0xE2
                                          ? SPECIAL : a->cls[c];
        a->alnum[c] = c < 0x80 && cp_is_word(c);
    }
    a->built = 1;
    return DK_AC_OK;
}

int dk_ac_build(dk_ac *a)
{
    return build(a, 1);
}

int dk_ac_build_lean(dk_ac *a)
{
    return build(a, 0);
}

int dk_ac_states(const dk_ac *a)
{
    return a->nnodes;
}

/* Does the exact pattern p spell text[start, end) case for case? */
static int exact_ok(const dk_ac *a, const pat *p, const char *t, size_t start,
                    size_t end)
{
    char buf[DK_AC_MAXPAT + 2];
    int len = dk_ac_normalise(t + start, end - start, 0, buf, sizeof buf);
    return len == p->len && memcmp(buf, a->pool + p->text, (size_t)len) == 0;
}

/* Keep hit h unless a kept hit it overlaps is at least as long; drop the
 * kept hits it overlaps when it is longer than all of them. */
static int keep(dk_ac_hit *out, int nout, int max, const dk_ac_hit *h)
{
    uint32_t len = h->end - h->start;
    int k = nout;
    while (k > 0 && out[k - 1].end > h->start) {
        if (out[k - 1].end - out[k - 1].start >= len)
            return nout;
        k--;
    }
    if (k >= max)
        return nout;
    out[k] = *h;
    return k + 1;
}

/* The start of the normalised symbol that ends at t[pos - 1] (pos > 0),
 * as norm_sym reads it going forward (0xC2 and 0xE2 are never the 2nd or
 * 3rd byte of a symbol, so the reading is the same); *space when it is
 * white space. */
static size_t sym_back(const unsigned char *t, size_t pos, int *space)
{
    unsigned c = t[pos - 1];
    *space = 0;
    if (c < 0x80) {
        *space = is_space_byte(c);
        return pos - 1;
    }
    if (pos >= 2 && c == 0xA0 && t[pos - 2] == 0xC2) {
        *space = 1;
        return pos - 2;
    }
    if (pos >= 3 && t[pos - 3] == 0xE2 && t[pos - 2] == 0x80) {
        if (c == 0x98 || c == 0x99)
            return pos - 3;
        if ((c >= 0x80 && c <= 0x95) || c == 0xAF) {
            *space = 1;
            return pos - 3;
        }
    }
    return pos - 1;
}

/* Where the len symbols that end at text[end] start (a run of white
 * space is one symbol); SIZE_MAX when the text has fewer. */
static size_t start_of(const unsigned char *t, size_t end, unsigned len)
{
    size_t pos = end;
    for (unsigned k = 0; k < len; k++) {
        int space;
        if (pos == 0)
            return SIZE_MAX;
        pos = sym_back(t, pos, &space);
        while (space && pos > 0) {
            size_t p2 = sym_back(t, pos, &space);
            if (space)
                pos = p2;
        }
    }
    return pos;
}

/* Report the first whole-word pattern that ends at state u, text[end]. */
static int report(const dk_ac *a, int32_t u, const unsigned char *t,
                  size_t n, size_t end, dk_ac_hit *out, int nout, int max)
{
    int word_after = word_at(t, n, end);  /* the same for every pattern */
    for (; u > 0; u = a->dict[u]) {
        for (int q = a->first[u]; q >= 0; q = a->pats[q].next) {
            const pat *p = &a->pats[q];
            if (p->word1 && word_after)
                continue;
            size_t start = start_of(t, end, p->len);
            if (start == SIZE_MAX || (p->word0 && word_before(t, start)))
                continue;
            if (p->exact && !exact_ok(a, p, (const char *)t, start, end))
                continue;
            dk_ac_hit h = {(uint32_t)start, (uint32_t)end, p->id};
            return keep(out, nout, max, &h);
        }
    }
    return nout;
}

/* The scan, for the 16-bit table (narrow) or the 32-bit one; inlined
 * twice so that each loop has its table's arithmetic only.  Per byte:
 * its class, one table load, one test of the flag. */
static inline __attribute__((always_inline)) int
scan(const dk_ac *a, const unsigned char *t, size_t n, dk_ac_hit *out,
     int max, const int narrow)
{
    const uint16_t *d16 = a->narrow;
    const int32_t *d32 = a->delta;
    const uint8_t *bcls = a->bcls, *al = a->alnum;
    const int32_t sink = a->sink;
    const uint32_t nc = (uint32_t)a->ncls;
    int32_t v = 0;          /* narrow: state << 1 | flag, else
                               (state * ncls) << 1 | flag */
    int nout = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned k = bcls[t[i]];
        if (k == SPECIAL) {
            int len;
            unsigned sym = norm_sym(t, n, i, &len);
            i += (size_t)len - 1;
            k = a->cls[sym];
        }
        if (narrow)
            v = d16[((uint32_t)v >> 1) * nc + k];
        else
            v = d32[((uint32_t)v >> 1) + k];
        if (!(v & 1))
            continue;
        if (v == sink) {
            /* inside a word no match can start in: skip the rest of it
             * (the sink stays the sink on letters and digits) */
            while (i + 1 < n && al[t[i + 1]])
                i++;
            continue;
        }
        int32_t u = narrow ? (int32_t)((uint32_t)v >> 1)
                           : (int32_t)(((uint32_t)v >> 1) / nc);
        nout = report(a, u, t, n, i + 1, out, nout, max);
    }
    return nout;
}

/* Matches found by find_words_in that wait until no later start can end
 * where they end: in the order of their ends, one per end (the longest).
 * They all end within DK_AC_MAXPAT symbols after the latest start, so
 * DK_AC_MAXPAT entries are enough. */
typedef struct pending {
    dk_ac_hit v[DK_AC_MAXPAT + 1];
    int head, n;
} pending;

/* Hand the waiting matches that end at or before pos to keep(), in
 * order. */
static int flush(pending *w, size_t pos, dk_ac_hit *out, int nout, int max)
{
    while (w->head < w->n && w->v[w->head].end <= pos)
        nout = keep(out, nout, max, &w->v[w->head++]);
    if (w->head == w->n)
        w->head = w->n = 0;
    return nout;
}

/* Add a match that starts after (or where) all the waiting ones do,
 * unless one of them ends at the same byte: that one is the longer.
 * Returns -1 when there is no room (see pending: never). */
static int wait_for(pending *w, const dk_ac_hit *h)
{
    int cap = (int)(sizeof w->v / sizeof w->v[0]);
    int k = w->n;
    while (k > w->head && w->v[k - 1].end > h->end)
        k--;
    if (k > w->head && w->v[k - 1].end == h->end)
        return 0;
    if (w->n == cap) {
        if (w->head == 0)
            return -1;
        memmove(w->v, w->v + w->head, (size_t)(w->n - w->head) * sizeof *w->v);
        k -= w->head;
        w->n -= w->head;
        w->head = 0;
    }
    if (k < w->n)   /* (most matches come last: no call) */
        memmove(w->v + k + 1, w->v + k, (size_t)(w->n - k) * sizeof *w->v);
    w->v[k] = *h;
    w->n++;
    return 0;
}

/* Add the first whole-word pattern of node cur, text[s, j), to w.
 * Returns -1 when w is full. */
static inline __attribute__((always_inline)) int
node_hits(const dk_ac *a, const unsigned char *t, size_t n,
                     size_t s, size_t j, int32_t cur, pending *w)
{
    int after = -1;     /* a letter or digit at j; -1 not known */
    for (int q = a->wfirst[cur]; q >= 0; q = a->pats[q].next) {
        const pat *p = &a->pats[q];
        if (p->word1) {
            if (after < 0)
                after = word_at(t, n, j);
            if (after)
                continue;
        }
        if (p->exact && !exact_ok(a, p, (const char *)t, s, j))
            continue;
        dk_ac_hit h = {(uint32_t)s, (uint32_t)j, p->id};
        return wait_for(w, &h);
    }
    return 0;
}

/* Does the text run t[s, s + len) (t readable up to lim) spell the
 * folded run p (zero-padded to a multiple of 8 bytes)?  Eight bytes a
 * step where the text can be read so, else byte by byte: the loop ends
 * after one or two steps, which the branch predictor learns. */
static inline int same_run(const unsigned char *t, size_t s, size_t len,
                           size_t lim, const char *p)
{
    size_t i = 0;
#if WF_SWAR
    if (s + ((len + 7) & ~(size_t)7) <= lim) {
        uint64_t diff = 0;
        for (; i + 8 <= len; i += 8)
            diff |= (load8(t + s + i) | 0x2020202020202020ull) ^
                    load8((const unsigned char *)p + i);
        if (i < len) {
            uint64_t mask = (1ull << (8 * (len - i))) - 1;
            diff |= ((load8(t + s + i) | 0x2020202020202020ull) ^
                     load8((const unsigned char *)p + i)) & mask;
        }
        return diff == 0;
    }
#else
    (void)lim;
#endif
    while (i < len && (t[s + i] | 0x20) == (unsigned char)p[i])
        i++;
    return i == len;
}

/* The first 8 bytes of the run t[s, s + len) (len > 0) as wrun.head
 * holds them (t readable up to lim). */
static inline uint64_t run_head(const unsigned char *t, size_t s,
                                size_t len, size_t lim)
{
    size_t k = len < 8 ? len : 8;
#if WF_SWAR
    if (s + 8 <= lim)
        return (load8(t + s) | 0x2020202020202020ull) &
               (~0ull >> (8 * (8 - k)));
#else
    (void)lim;
#endif
    unsigned char b[8] = {0};
    for (size_t i = 0; i < k; i++)
        b[i] = (unsigned char)(t[s + i] | 0x20);
    uint64_t x;
    memcpy(&x, b, 8);
    return x;
}

/* The node a run of letters and digits t[s, e) with key g leads to, 0 if
 * no pattern starts with that run (t readable up to lim).  A run of up
 * to 8 bytes is compared in the slot alone. */
static inline __attribute__((always_inline)) int32_t
run_node(const dk_ac *a, const unsigned char *t, size_t s,
                        size_t e, uint64_t g, size_t lim)
{
    size_t len = e - s;
    uint64_t head = run_head(t, s, len, lim);
    for (size_t k = wf_slot(g, a->wrunmask); a->wrun[k].node;
         k = (k + 1) & a->wrunmask) {
        const struct wrun *r = &a->wrun[k];
        if (r->head == head && (r->at & 0xFF) == len &&
            (len <= 8 || same_run(t, s + 8, len - 8, lim,
                                  a->wrunpool + (r->at >> 8) + 8)))
            return r->node;
    }
    return 0;
}

/* From a start s with no letter or digit before it, follow the trie along
 * the text's symbols and add the first whole-word pattern of every node
 * on the way to w.  A run of white space is one symbol (a node reached
 * by a space stays on more).  Returns -1 when w is full. */
static inline __attribute__((always_inline)) int
walk(const dk_ac *a, const unsigned char *t, size_t n, size_t s,
                size_t j, int32_t cur, pending *w)
{
    const struct wnode *node = a->wnode;
    const size_t nc = (size_t)a->ncls;
    if (cur && node[cur].pats && node_hits(a, t, n, s, j, cur, w))
        return -1;
    while (j < n) {
        unsigned c = t[j], sym = a->wsym[c];
        int len = 1;
        if (c == 0xC2 || c == 0xE2)
            sym = norm_sym(t, n, j, &len);
        j += (size_t)len;
        if (cur == 0) {
            cur = a->wroot[sym];
            if (!cur)
                return 0;
        } else {
            if (sym == ' ' && node[cur].label == ' ')
                continue;   /* more white space */
            int32_t v = node[cur].kids;
            unsigned nk = node[cur].nkids;
            if (nk > WN_LIST) {
                v = a->wrow[(size_t)v * nc + a->cls[sym]];
                if (!v)
                    return 0;
            } else if (nk == 0 || (node[v].label != sym &&
                                   (nk == 1 || node[++v].label != sym))) {
                return 0;
            }
            cur = v;
        }
        if (node[cur].pats && node_hits(a, t, n, s, j, cur, w))
            return -1;
    }
    return 0;
}

/* Room for the runs of a text of n bytes (at most one a byte), and for
 * as many in each list. */
static int reserve_runs(dk_pack_words *w, size_t n)
{
    if ((size_t)w->cap > n)
        return 0;
    size_t cap = n + 1 > 64 ? n + 1 : 64;
    if (cap > INT32_MAX / DK_PACK_WORD_LISTS)
        return -1;
    free(w->run);
    free(w->list[0]);
    w->run = malloc(cap * sizeof *w->run);
    w->list[0] = malloc(cap * DK_PACK_WORD_LISTS * sizeof *w->list[0]);
    if (!w->run || !w->list[0]) {
        dk_ac_words_free(w);
        return -1;
    }
    for (int k = 1; k < DK_PACK_WORD_LISTS; k++)
        w->list[k] = w->list[0] + (size_t)k * cap;
    w->cap = (int)cap;
    return 0;
}

#if RUNS_SSE2
/* Bits of the 16 bytes at p: *an letters and digits, *lead >= 0xC0. */
static inline void class16(const unsigned char *p, unsigned *an,
                           unsigned *lead)
{
    __m128i x = _mm_loadu_si128((const __m128i *)p);
    /* an unsigned range test as a signed one: c - lo + 128 < n - 128 */
    __m128i l = _mm_add_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)),
                             _mm_set1_epi8((char)(128 - 'a')));
    __m128i d = _mm_add_epi8(x, _mm_set1_epi8((char)(128 - '0')));
    __m128i is = _mm_or_si128(
        _mm_cmplt_epi8(l, _mm_set1_epi8((char)(-128 + 26))),
        _mm_cmplt_epi8(d, _mm_set1_epi8((char)(-128 + 10))));
    __m128i c0 = _mm_set1_epi8((char)0xC0);
    *an = (unsigned)_mm_movemask_epi8(is);
    *lead = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(x, c0), c0));
}

/* The bits of t[at, at + 64) (t of n bytes): *an its ASCII letters and
 * digits, *lead its bytes >= 0xC0; the bits past the end clear. */
static inline void block_bits(const unsigned char *t, size_t n, size_t at,
                              uint64_t *an, uint64_t *lead)
{
    uint64_t a = 0, l = 0;
    if (n >= 16) {
        /* 16 bytes a step; a step past the end reads the last 16 bytes
         * of the text instead and shifts them in place */
        for (unsigned k = 0; k < 4 && at + 16 * k < n; k++) {
            size_t p = at + 16 * k, q = p + 16 <= n ? p : n - 16;
            unsigned x, y;
            class16(t + q, &x, &y);
            a |= (uint64_t)(x >> (p - q)) << (16 * k);
            l |= (uint64_t)(y >> (p - q)) << (16 * k);
        }
    } else {
        for (size_t i = at; i < n; i++) {
            a |= (uint64_t)ascii_alnum(t[i]) << (i - at);
            l |= (uint64_t)(t[i] >= 0xC0) << (i - at);
        }
    }
    *an = a;
    *lead = l;
}

/* The key of the run t[s, e) (t of n bytes), eight bytes a load. */
static inline uint64_t run_key_n(const unsigned char *t, size_t n, size_t s,
                                 size_t e)
{
    uint64_t h = 0;
    size_t i = s;
    for (; i + 8 <= e; i += 8)
        h = wf_mix(h, load8(t + i) | 0x2020202020202020ull);
    if (i < e) {
        uint64_t x;
        if (i + 8 <= n)
            x = load8(t + i);
        else if (n >= 8)    /* the last 8 bytes, shifted in place */
            x = load8(t + n - 8) >> (8 * (i + 8 - n));
        else
            return run_key(t, s, e);
        h = wf_mix(h, (x | 0x2020202020202020ull) &
                          ((1ull << (8 * (e - i))) - 1));
    }
    return wf_key(h, e - s);
}

/* read_runs by the bits of 64 bytes at a time: the starts and ends of
 * runs and the lead bytes are bits, taken in order by a count of
 * zeros. */
static int read_runs(const unsigned char *t, size_t n, dk_pack_run *v)
{
    int nrun = 0;
    size_t open = 0;        /* the start of the run not yet ended */
    uint64_t in = 0;        /* 1: a run goes on from the last block */
    for (size_t at = 0; at < n; at += 64) {
        uint64_t an, lead;
        block_bits(t, n, at, &an, &lead);
        uint64_t before = an << 1 | in;    /* the byte before is one */
        uint64_t starts = an & ~before, ends = ~an & before;
        if (!lead) {    /* the usual block: starts and ends alternate */
            for (uint64_t inside = in;; inside = 1) {
                if (inside) {
                    if (!ends)
                        break;
                    size_t i = at + (size_t)__builtin_ctzll(ends);
                    ends &= ends - 1;
                    v[nrun++] = (dk_pack_run){(uint32_t)open, (uint32_t)i,
                                              run_key_n(t, n, open, i)};
                }
                if (!starts)
                    break;
                open = at + (size_t)__builtin_ctzll(starts);
                starts &= starts - 1;
            }
            in = an >> 63;
            continue;
        }
        uint64_t ev = starts | ends | lead;
        while (ev) {
            unsigned p = (unsigned)__builtin_ctzll(ev);
            uint64_t bit = 1ull << p;
            ev &= ev - 1;
            size_t i = at + p;
            if (ends & bit)     /* (a lead byte may end a run too) */
                v[nrun++] = (dk_pack_run){(uint32_t)open, (uint32_t)i,
                                          run_key_n(t, n, open, i)};
            if (starts & bit)
                open = i;
            else if (lead & bit)
                v[nrun++] = (dk_pack_run){(uint32_t)i, (uint32_t)i, 0};
        }
        in = an >> 63;
    }
    if (in)     /* a run to the end (n a multiple of 64) */
        v[nrun++] = (dk_pack_run){(uint32_t)open, (uint32_t)n,
                                  run_key_n(t, n, open, n)};
    return nrun;
}
#else
/* The runs of ASCII letters and digits of t[0, n) and its bytes >= 0xC0:
 * where a word-anchored match may start, whatever the automaton.  v has
 * room for n + 1 entries (at most one a byte); returns how many. */
static int read_runs(const unsigned char *t, size_t n, dk_pack_run *v)
{
    int nrun = 0;
    size_t i = 0;
    while (i < n) {
        unsigned c = t[i];
        if (!ascii_alnum(c)) {
            if (c >= 0xC0) {
                v[nrun++] = (dk_pack_run){(uint32_t)i, (uint32_t)i, 0};
                i++;
                continue;
            }
            if (i + 1 < n && ascii_alnum(t[i + 1])) {
                i++;
                continue;
            }
#if WF_SWAR
            if (i + 8 <= n) {
                /* on to the next letter, digit or byte >= 0xC0 (not t[i]) */
                uint64_t x = load8(t + i);
                uint64_t m = alnum8(x) | (x & (x << 1) & HI8);
                if (!m) {
                    i += 8;
                    continue;
                }
                i += (size_t)__builtin_ctzll(m) >> 3;
                continue;
            }
#endif
            i++;
            continue;
        }
        size_t s = i;
        uint64_t h;
        i = read_run(t, n, i, &h);
        v[nrun++] = (dk_pack_run){(uint32_t)s, (uint32_t)i, wf_key(h, i - s)};
    }
    return nrun;
}
#endif

/* The word filters of several matchers in one table: bit k of
 * filter[b] is bit b of matcher k's firstrun, bit k + JOINT_ENDS of it
 * says that some leading run of matcher k with that bit ends a pattern
 * there (its node has patterns), bit k of lead[c] whether its root has a
 * child on the UTF-8 lead byte c.  Bit k of pairs[joint_pair(g, g2)]:
 * a pattern of matcher k may go on from a leading run with key g with a
 * space and a run with key g2 (as its own pair filter says).  space[c]:
 * c is white space or a dash (wsym ' '). */
#define JOINT_ENDS 3
_Static_assert(DK_PACK_WORD_LISTS <= JOINT_ENDS, "the ends bits fit a byte");

struct dk_ac_joint {
    const dk_ac *ac[DK_PACK_WORD_LISTS];
    int n;
    uint8_t lead[256];
    uint8_t space[256];
    uint8_t filter[WF_BITS];
    uint8_t pairs[WF_BITS];
};

/* The leading runs of matcher a in the joint j as its bit k. */
static void joint_add(dk_ac_joint *j, const dk_ac *a, int k)
{
    for (uint32_t b = 0; b < WF_BITS; b++)
        j->filter[b] |= (uint8_t)(((a->firstrun[b >> 3] >> (b & 7)) & 1u)
                                  << k);
    for (unsigned c = 0xC0; c < 256; c++)
        j->lead[c] |= (uint8_t)((a->wroot[c] != 0) << k);
    unsigned char run[DK_AC_MAXPAT + 1];
    for (size_t i = 0; i <= a->wrunmask; i++) {
        const struct wrun *r = &a->wrun[i];
        if (!r->node)
            continue;
        uint64_t g = run_key((const unsigned char *)a->wrunpool + (r->at >> 8),
                             0, r->at & 0xFF);
        if (a->wnode[r->node].pats)
            j->filter[g >> (64 - WF_LOG)] |= (uint8_t)(1u << (k + JOINT_ENDS));
        int32_t sp = wchild(a, r->node, ' ');
        pair_sink to = {NULL, r->node, g, j->pairs, (uint8_t)(1u << k)};
        if (sp)
            pair_runs(a, &to, sp, run, 0);
    }
}

dk_ac_joint *dk_ac_joint_new(const dk_ac *const *v, int n)
{
    if (n < 0 || n > DK_PACK_WORD_LISTS)
        return NULL;
    dk_ac_joint *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->n = n;
    for (unsigned c = 0; c < 256; c++)
        j->space[c] = (uint8_t)is_space_byte(c);
    for (int k = 0; k < n; k++) {
        const dk_ac *a = v[k];
        j->ac[k] = a;
        if (a && a->built && a->words)
            joint_add(j, a, k);   /* else never asked for its list */
    }
    return j;
}

void dk_ac_joint_free(dk_ac_joint *j)
{
    free(j);
}

/* Would walk_run drop run r[0] of a text of n bytes at once, as a
 * matcher with that run's node and pair filter would?  Returns the
 * matchers (bits) of m, the run's filter byte, that may not: all
 * unless a space and a run follow (r[1] is readable: the runs end with
 * a sentinel), else those whose leading run ends a pattern or goes on
 * with that run. */
static inline unsigned may_go_on(const dk_ac_joint *j, const dk_pack_run *r,
                                 const unsigned char *t, size_t n,
                                 unsigned m)
{
    size_t e = r[0].end;   /* > 0: r[0] is no UTF-8 lead byte */
    /* tested without a branch on the answers (t[e - 1] when e == n: any
     * byte will do, next is 0 then) */
    unsigned next = ((uint64_t)e + 1 == r[1].start) &
                    (r[1].end > r[1].start) & j->space[t[e - (e >= n)]];
    unsigned keep = (m >> JOINT_ENDS) |
                    j->pairs[joint_pair(r[0].key, r[1].key)];
    return keep | (next - 1u);
}

/* For each matcher of j, the runs of w its filter lets through, less
 * those it would drop at once (may_go_on).  (A run longer than the
 * matcher's patterns' may be listed: walk_run drops it.) */
static void list_runs(dk_pack_words *w, const unsigned char *t,
                      const dk_ac_joint *j)
{
    int32_t *l0 = w->list[0], *l1 = w->list[1], *l2 = w->list[2];
    int n0 = 0, n1 = 0, n2 = 0;
    const dk_pack_run *r = w->run;
    const uint8_t *filter = j->filter;
    const int nrun = w->nrun;
    const size_t n = w->len;
    for (int i = 0; i < nrun; i++) {
        unsigned m;
        if (__builtin_expect(r[i].end == r[i].start, 0)) {
            m = j->lead[t[r[i].start]];   /* a UTF-8 lead byte: rare */
        } else {
            m = filter[r[i].key >> (64 - WF_LOG)];
            m &= may_go_on(j, r + i, t, n, m);
        }
        l0[n0] = i;
        n0 += (int)(m & 1u);
        l1[n1] = i;
        n1 += (int)((m >> 1) & 1u);
        l2[n2] = i;
        n2 += (int)((m >> 2) & 1u);
    }
    w->nlist[0] = n0;
    w->nlist[1] = n1;
    w->nlist[2] = n2;
}

int dk_ac_words_read(dk_pack_words *w, const char *text, size_t n,
                     const dk_ac_joint *j)
{
    w->text = NULL;
    w->len = 0;
    w->nrun = 0;
    w->filter = NULL;
    if (n > UINT32_MAX || reserve_runs(w, n))
        return -1;
    w->nrun = read_runs((const unsigned char *)text, n, w->run);
    /* a sentinel for may_go_on (reserve_runs leaves room): no run */
    w->run[w->nrun] = (dk_pack_run){UINT32_MAX, UINT32_MAX, 0};
    w->text = text;
    w->len = n;
    if (j) {
        list_runs(w, (const unsigned char *)text, j);
        w->filter = j;
    }
    return 0;
}

void dk_ac_words_free(dk_pack_words *w)
{
    free(w->run);
    free(w->list[0]);
    memset(w, 0, sizeof *w);
}

/* The runs find_words_in tests in one pass before walking from any. */
#define WS_BLOCK 256

/* The tests and the walk of find_words_in from run r of w (which may be
 * cut by from or to).  Returns -1 if the pending list is full. */
static inline __attribute__((always_inline)) int
walk_run(const dk_ac *a, const dk_pack_words *w,
                    const dk_pack_run *r, const unsigned char *t,
                    size_t from, size_t to, pending *pw, dk_ac_hit *out,
                    int *nout, int max, const int listed)
{
    const dk_pack_run *end = w->run + w->nrun;
    size_t s = r->start, e = r->end;
    int32_t cur = 0;
    if (e == s) {
        if ((!listed && s < from) || !a->wroot[t[s]])
            return 0;
    } else if (listed) {    /* inside [from, to), through the filter */
        if (e - s > a->maxrun || !(cur = run_node(a, t, s, e, r->key,
                                                  w->len)))
            return 0;
    } else {
        uint64_t g = r->key;
        if (s < from || e > to) {   /* cut: the part inside */
            s = s < from ? from : s;
            e = e > to ? to : e;
            g = run_key(t, s, e);
        }
        if (e - s > a->maxrun)
            return 0;
        uint32_t b = (uint32_t)(g >> (64 - WF_LOG));
        if (!(a->firstrun[b >> 3] & (1u << (b & 7))) ||
            !(cur = run_node(a, t, s, e, g, w->len)))
            return 0;
    }
    /* a space and a run: a pattern goes on only with that run (tested
     * first: most runs that lead somewhere end here, with no pattern) */
    int stop = cur && e + 1 < to && a->wsym[t[e]] == ' ' && r + 1 < end &&
               r[1].start == e + 1 && r[1].end > r[1].start &&
               r[1].end <= to;
    if (stop) {
        uint32_t b = pair_bit(a, cur, r[1].key);
        stop = !(a->pairs[b >> 3] & (1u << (b & 7)));
        if (stop && !a->wnode[cur].pats)
            return 0;   /* (what waits is flushed at the next start) */
    }
    if (s > from && (t[s - 1] >= 0x80 || t[s] >= 0x80) &&
        word_before_from(t, from, s))
        return 0;
    *nout = flush(pw, s, out, *nout, max);
    if (stop)
        return node_hits(a, t, to, s, e, cur, pw) ? -1 : 0;
    return walk(a, t, to, s, cur ? e : s, cur, pw);
}

/* The first run of w that ends after from (a UTF-8 lead byte: that is at
 * or after from). */
static int first_run(const dk_pack_words *w, size_t from)
{
    const dk_pack_run *r = w->run;
    int lo = 0, hi = w->nrun;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (r[mid].end > from || (r[mid].end == r[mid].start &&
                                  r[mid].start >= from))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* The word scan of t[from, to) over the runs read before (w->text == t):
 * the same starts, keys and walks, without reading the bytes again.
 * Runs cut by from or to are keyed anew.  Returns -1 if the pending list
 * is full. */
static int find_words_in(const dk_ac *a, const dk_pack_words *w,
                         const unsigned char *t, size_t from, size_t to,
                         dk_ac_hit *out, int max)
{
    const uint8_t *filter = a->firstrun;
    const size_t maxrun = a->maxrun;
    const dk_pack_run *r = w->run;
    pending pw;
    pw.head = pw.n = 0;
    int nout = 0;
    int lo = first_run(w, from);
    /* (room for a run cut by from ahead of a block's list) */
    uint16_t cand[WS_BLOCK + 1];
    const int nrun = w->nrun;
    for (int i = lo; i < nrun && r[i].start < to;) {
        /* the runs of the next block that may start a match by the cheap
         * tests of walk_run (the filter first), listed without a branch
         * on their answer, which no predictor guesses (a run in five
         * passes) */
        int j = i, jend = nrun - i > WS_BLOCK ? i + WS_BLOCK : nrun;
        int nc = 1;     /* cand[0]: the run cut by from, if any */
        for (; j < jend && r[j].start < to; j++) {
            uint32_t qs = r[j].start, qe = r[j].end;
            uint32_t b = (uint32_t)(r[j].key >> (64 - WF_LOG));
            unsigned in = ((unsigned)(filter[b >> 3] >> (b & 7)) & 1u) &
                          (unsigned)(qe - qs <= maxrun);
            if (qe == qs)   /* a UTF-8 lead byte: rare, predictable */
                in = a->wroot[t[qs]] != 0;
            cand[nc] = (uint16_t)(j - i);
            nc += (int)in;
        }
        /* the runs cut by from (only the first one can be, and no UTF-8
         * lead byte: the search above skips those before from) or by to
         * (the last) are left to walk_run, whatever the tests said */
        int c = 1;
        if (i == lo && r[i].start < from) {
            c = 0;
            cand[0] = 0;
            if (nc > 1 && cand[1] == 0)
                c = 1;
        }
        int listed = nc > c ? cand[nc - 1] : -1;  /* the last listed */
        if (j > i && r[j - 1].end > to && listed != j - 1 - i)
            cand[nc++] = (uint16_t)(j - 1 - i);
        for (; c < nc; c++)
            if (walk_run(a, w, r + i + cand[c], t, from, to, &pw, out, &nout,
                         max, 0))
                return -1;
        i = j;
    }
    return flush(&pw, SIZE_MAX, out, nout, max);
}

/* find_words_in over the runs listed for the matcher (list[0, nl)) when
 * the words were read: only those, and the runs cut by from or to,
 * which are keyed anew whatever the filter said.  Returns -1 if the
 * pending list is full. */
static int find_listed_in(const dk_ac *a, const dk_pack_words *w,
                          const int32_t *list, int nl,
                          const unsigned char *t, size_t from, size_t to,
                          dk_ac_hit *out, int max)
{
    const dk_pack_run *r = w->run;
    pending pw;
    pw.head = pw.n = 0;
    int nout = 0;
    int lo = from ? first_run(w, from) : 0;
    /* the last run that starts before to, when to cuts it; the run
     * before the first that ends after to, when a space and that run
     * follow it: list_runs may have left it out (may_go_on), but walk_run
     * walks it (its pattern may end at to) */
    int cut = -1, last = -1;
    if (to < w->len) {
        int hi = first_run(w, to);   /* ends after to, or starts there */
        if (hi < w->nrun && r[hi].start < to && r[hi].end > to)
            cut = hi;
        int p = hi - 1;
        if (p >= lo && hi < w->nrun && r[p].end > r[p].start &&
            r[p].start >= from && r[hi].end > r[hi].start &&
            (uint64_t)r[p].end + 1 == r[hi].start &&
            is_space_byte(t[r[p].end]))
            last = p;
    }
    int k = 0;
    if (lo > 0) {   /* the first listed run at or after lo */
        int b = nl;
        while (k < b) {
            int mid = (k + b) / 2;
            if (list[mid] >= lo)
                b = mid;
            else
                k = mid + 1;
        }
    }
    if (lo < w->nrun && r[lo].start < from) {
        if (walk_run(a, w, r + lo, t, from, to, &pw, out, &nout, max, 0))
            return -1;
        if (k < nl && list[k] == lo)
            k++;
        if (cut == lo)
            cut = -1;
    }
    for (; k < nl && r[list[k]].start < to && list[k] != cut; k++) {
        if (list[k] == last)
            last = -1;   /* listed: walked here */
        if (walk_run(a, w, r + list[k], t, from, to, &pw, out, &nout, max,
                     1))
            return -1;
    }
    if (last >= 0 && walk_run(a, w, r + last, t, from, to, &pw, out, &nout,
                              max, 0))
        return -1;
    if (cut >= 0 && walk_run(a, w, r + cut, t, from, to, &pw, out, &nout,
                             max, 0))
        return -1;
    return flush(&pw, SIZE_MAX, out, nout, max);
}

/* The list of matcher a in w, NULL when w has none for it. */
static const int32_t *list_of(const dk_ac *a, const dk_pack_words *w,
                              int *nl)
{
    const dk_ac_joint *j = w->filter;
    if (!j)
        return NULL;
    for (int k = 0; k < j->n; k++)
        if (j->ac[k] == a) {
            *nl = w->nlist[k];
            return w->list[k];
        }
    return NULL;
}

int dk_ac_find_in(const dk_ac *a, const dk_pack_words *w, const char *text,
                  size_t from, size_t to, dk_ac_hit *out, int max)
{
    if (!a->built || max <= 0 || from >= to)
        return 0;
    if (a->words && w && w->text == text && to <= w->len) {
        const unsigned char *t = (const unsigned char *)text;
        int nl = 0;
        const int32_t *list = list_of(a, w, &nl);
        int r = list ? find_listed_in(a, w, list, nl, t, from, to, out, max)
                     : find_words_in(a, w, t, from, to, out, max);
        if (r >= 0)
            return r;
    }
    int k = dk_ac_find(a, text + from, to - from, out, max);
    for (int i = 0; i < k; i++) {
        out[i].start += (uint32_t)from;
        out[i].end += (uint32_t)from;
    }
    return k;
}

int dk_ac_find_scan(const dk_ac *a, const char *text, size_t n,
                    dk_ac_hit *out, int max)
{
    if (!a->built || max <= 0 || (!a->narrow && !a->delta))
        return 0;   /* (built lean: no table) */
    const unsigned char *t = (const unsigned char *)text;
    return a->narrow ? scan(a, t, n, out, max, 1) : scan(a, t, n, out, max, 0);
}

int dk_ac_find(const dk_ac *a, const char *text, size_t n, dk_ac_hit *out,
               int max)
{
    if (!a->built || max <= 0)
        return 0;
    if (a->words && n <= UINT32_MAX) {
        /* the words of a short text (a claim, a word) on the stack */
        dk_pack_run small[513];
        dk_pack_words w = {.text = text, .len = n, .run = small,
                           .cap = (int)(sizeof small / sizeof *small)};
        if (n >= sizeof small / sizeof *small)
            w.run = malloc((n + 1) * sizeof *w.run);
        if (w.run) {
            w.nrun = read_runs((const unsigned char *)text, n, w.run);
            int r = find_words_in(a, &w, (const unsigned char *)text, 0, n,
                                  out, max);
            if (w.run != small)
                free(w.run);
            if (r >= 0)
                return r;
        }
    }
    return dk_ac_find_scan(a, text, n, out, max);
}
