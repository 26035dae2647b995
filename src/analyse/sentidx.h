/*
 * sentidx.h - the record's sentences, indexed by their words, for claim
 * checking: a claim's wording finds the sentences that say the same
 * thing.  Words are normalised (case-folded letters and digits, a light
 * stemming: "signed"/"signs" -> "sign", "centre" -> "center") and weighted
 * by rarity (inverse document frequency over sentences); words found in
 * more than a quarter of the sentences tell nothing apart and are left
 * out.  Copies (sentences of the same text) are indexed and matched once
 * and answer with their first DK_SAME_WORDING sentences.  A sentence's match is the share of the claim's word weight it
 * holds, alone and together with the DK_CONTEXT_SENTENCES sentences
 * before it (which "The centre opened in April 2012" needs to know which
 * centre: the one the paragraph named a sentence or two earlier).
 *
 * Ownership: dk_sentidx owns every string and array it holds; free it
 * with dk_sentidx_free.  Matching uses scratch space inside the index, so
 * one index serves one thread at a time.
 */
#ifndef DK_SENTIDX_H
#define DK_SENTIDX_H

#include <stdint.h>
#include <sqlite3.h>
#include "dostyk.h"
#include "period.h"

#define DK_CLAIM_WORDS 32   /* words of a claim that count */
#define DK_CONTEXT_SENTENCES 2
#define DK_SAME_WORDING 3   /* copies of one sentence a match keeps */

typedef struct dk_sentrec {
    int64_t id;              /* sentences.id */
    int64_t docid;           /* docs.id */
    const char *doc, *date;  /* document name and date: "" until the
                                caller points them at its own strings */
    char *text;              /* owned unless a copy's */
    int prev;                /* the sentence before in its document, or -1 */
    int word0, nwords;       /* its distinct words: words[word0 .. +nwords) */
    int rep;                 /* the first sentence with its text (itself
                                unless a copy: copies have no words) */
    int next_copy;           /* the next sentence with its text, or -1 */
    int owns_text;
    uint64_t bloom[2];       /* a bit per word: a quick "not there" */
    int date0, ndates;       /* the dates it states: dates[date0 .. +ndates) */
} dk_sentrec;

/* A date a sentence states. */
typedef struct dk_sentdate {
    int64_t sid;             /* sentences.id */
    long start;              /* byte offset of the mention in its document */
    dk_period span;
    char date[DK_DATE_MAX];
} dk_sentdate;

typedef struct dk_sentidx {
    dk_sentrec *v;
    int n;
    int ntexts;              /* distinct texts */
    uint32_t *words;         /* per sentence, distinct normalised words */
    dk_sentdate *dates;      /* by sentence, then position */
    /* vocabulary: open addressing on the word hash */
    uint32_t *vkey;
    int *vdf, *vpost, *vnpost, vcap;   /* sentences holding the word,
                                         its postings: start, count */
    int *post;               /* sentence indices, per word */
    /* scratch for matching */
    uint32_t *mask;
    float *ownw;
    int *touched, ntouched;
} dk_sentidx;

/* One sentence as matched to a claim's words. */
typedef struct dk_sentmatch {
    int sent;                /* index into v */
    double own;              /* share of the claim's weight in it alone */
    double cover;            /* ... in it and the sentences before */
    uint32_t mask;           /* which claim words it holds */
} dk_sentmatch;

/* Load the sentences of db and index their words (no dates yet).
 * Returns DK_OK, DK_ERR_DB (message on the connection) or DK_ERR_NOMEM. */
dk_status dk_sentidx_load(sqlite3 *db, dk_sentidx *x);

/* Give the index the dates of its sentences (any order; dates of unknown
 * sentences are dropped).  Takes ownership of d (malloc'ed), also on
 * failure. */
void dk_sentidx_set_dates(dk_sentidx *x, dk_sentdate *d, int n);
void dk_sentidx_free(dk_sentidx *x);

/* The normalised words of text[0, n), distinct, at most max: letters and
 * digits with at least one letter, two characters or more. */
int dk_text_words(const char *text, size_t n, uint32_t *out, int max);

/* Rarity weight of a word in the index: log((n + 1) / df); 0 for words
 * too common to count; the weight of an unseen word for df 0. */
double dk_sentidx_weight(const dk_sentidx *x, uint32_t w);

/* The sentences holding the claim's words w[0, nw) (nw at most
 * DK_CLAIM_WORDS), best first, at most max; only sentences whose own
 * share is at least min_own.  by_own: best by own share, and cover is
 * not reckoned (it equals own); else best by cover (then own share).
 * Copies (the same text) give DK_SAME_WORDING sentences at most.
 * Returns how many were written. */
int dk_sentidx_match(dk_sentidx *x, const uint32_t *w, int nw,
                     double min_own, int by_own, dk_sentmatch *out, int max);

/* The share of the claim's words w[0, nw) that sentence s holds (as
 * `own` of dk_sentmatch). */
double dk_sentidx_share(const dk_sentidx *x, int s, const uint32_t *w, int nw);

/* Index of the sentence with this id, or -1. */
int dk_sentidx_find(const dk_sentidx *x, int64_t id);

#endif
