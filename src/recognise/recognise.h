/*
 * recognise.h - what every recogniser sees and produces.
 *
 * The document driver (engine.c) cuts text into sentences, tokenizes each
 * one and tags its words from the lexicon, then calls the recognisers in
 * turn.  Each recogniser reads the sentence's tokens and pushes candidate
 * mentions; dk_resolve() then keeps the best non-overlapping set (longer
 * spans first, then higher priority), entities aside since they may nest.
 * Recognisers never allocate: candidates live in the engine's array.
 */
#ifndef DK_RECOGNISE_H
#define DK_RECOGNISE_H

#include <stddef.h>
#include <stdint.h>
#include "dostyk.h"
#include "../text/token.h"
#include "lexicon.h"

/* What is known about the document while reading it. */
typedef struct dk_docctx {
    int year, month, day;      /* publication date; 0 = unknown */
} dk_docctx;

struct dk_numcache;

/* One sentence, tokenized. */
typedef struct dk_sent {
    const char *text;          /* the sentence's bytes */
    size_t len;
    uint64_t base;             /* document offset of text[0] */
    dk_token *tok;
    int ntok;
    const dk_docctx *doc;
    struct dk_numcache *nums;  /* dk_number_at's answers for this sentence
                                  (number.h), or NULL for none */
    const struct dk_pack_words *words;  /* the sentence's words as the
                                  pack's matchers read them (pack.h), or
                                  NULL: they then read the text */
} dk_sent;

/* Priorities for equal-length overlaps: higher wins. */
enum {
    DK_PRIO_NUMBER = 10,
    DK_PRIO_ORDINAL = 20,
    DK_PRIO_DURATION = 30,
    DK_PRIO_FIGURE = 40,       /* money, percent, quantity */
    DK_PRIO_DATE = 50
};

typedef struct dk_cand {
    int t0, t1;                /* tokens [t0, t1) */
    int prio;
    int dropped;               /* set by dk_resolve */
    int ent;                   /* kind entity: the index of the pack's
                                  entity with this id, -1 for none */
    dk_mention m;              /* start/end are document offsets */
} dk_cand;

typedef struct dk_cands {
    dk_cand *v;
    int n, cap;
    int no_alias;   /* set by dk_recognise_entities: 1 when the pack's
                       aliases were looked for in the sentence and gave no
                       entity (none found, or only the words of a currency:
                       "US$", "U.S. dollars"; attribution need not look
                       again), else 0 */
} dk_cands;

/* Clear m: the head zero, the attribution, entity and event groups
 * empty (empty strings, zero counts and flags; other bytes of those
 * groups are left as they were).  mention.c. */
void dk_mention_clear(dk_mention *m);

/* Copy src to dst: the head, and each group src uses; the others are
 * cleared as dk_mention_clear does.  mention.c. */
void dk_mention_copy(dk_mention *dst, const dk_mention *src);

/* Pack m into out (room for DK_MENTION_PACKED bytes) with its text and
 * explain pointers replaced by the given values; returns the bytes
 * written.  dk_mention_unpack reads such a record back into m (groups
 * not packed cleared) and returns its length.  mention.c. */
#define DK_MENTION_PACKED (sizeof(dk_mention) + 8)
size_t dk_mention_pack(unsigned char *out, const dk_mention *m,
                       const char *text, const char *explain);
size_t dk_mention_unpack(dk_mention *m, const unsigned char *in);

/* Append a candidate covering tokens [t0, t1) of kind k, with start/end
 * set from the tokens and the rest of its mention cleared
 * (dk_mention_clear).  Returns NULL when out
 * of memory (the candidate is then simply not reported). */
dk_cand *dk_cand_push(dk_cands *c, const dk_sent *s, int t0, int t1,
                      dk_kind k, int prio);

/* Mark dropped every candidate that overlaps a better one. */
void dk_resolve(dk_cands *c);

void dk_cands_free(dk_cands *c);

/* The recognisers, each in its own file. */
void dk_recognise_figures(const dk_sent *s, dk_cands *out);  /* figure.c */
void dk_recognise_dates(const dk_sent *s, dk_cands *out);    /* date.c */
struct dk_pack;

/* The abbreviations a document defined by writing them in brackets after
 * a name of the pack ("the Caspian Pipeline Consortium (CPC)"): from
 * there to the end of the document the same letters name that entity,
 * whatever entity the pack gives them.  Zeroed when a document opens;
 * dk_recognise_entities adds to it. */
#define DK_MAX_ABBREVS 16
typedef struct dk_abbrevs {
    int n;
    struct {
        char abbr[16];   /* as written, NUL-terminated */
        int ent;         /* index in the pack's entities */
    } v[DK_MAX_ABBREVS];
} dk_abbrevs;

void dk_recognise_entities(const struct dk_pack *p, const dk_sent *s,
                           dk_abbrevs *ab, dk_cands *out);   /* entity.c */

/* What a recogniser tells of a lexeme once, for dk_token.ahead
 * (lexicon.h, DK_AHEAD_OWN): the lexicon asks each lexeme when it first
 * tags a sentence.  dk_figure_hint: DK_AHEAD_FIGURE when a token of it
 * needs a look by dk_recognise_figures even when spaced from the next
 * token and not at a line start, DK_AHEAD_PHONE when it is a telephone
 * cue ("tel."; figure.c).  dk_date_hint:
 * DK_AHEAD_DATE when a date may start at a token of it, DK_AHEAD_DATE_ASK
 * when that depends on the tokens around it (date.c). */
uint32_t dk_figure_hint(const struct dk_lexeme *x);
uint32_t dk_date_hint(const struct dk_lexeme *x);

/* Look for a dateline ("Published: 11:43, May 22, 2024", a date line
 * under the title) in the first bytes of a document.  Sets ctx and
 * returns 1 when found.  (date.c) */
int dk_find_dateline(const char *text, size_t n, dk_docctx *ctx);

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (and a longer ISO timestamp,
 * whose time is ignored).  Returns 1 on success. (date.c) */
int dk_parse_iso_date(const char *s, dk_docctx *ctx);

#endif
