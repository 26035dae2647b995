/*
 * attr_int.h - what the attribution files (attribute.c, period.c,
 * subjects.c) share: the per-document state with its per-sentence scratch
 * space, and small token and field helpers (which the event reader,
 * event.c, uses too).  Not part of any public interface.
 */
#ifndef DK_ATTR_INT_H
#define DK_ATTR_INT_H

#include <string.h>
#include "attribute.h"
#include "../base/buf.h"

/* Function rows of metrics.tsv: ids starting with '_'. */
enum at_special {
    SP_NONE = 0,
    SP_UP,      /* increase words: "increased by", "grew" */
    SP_DOWN,    /* decrease words: "fell by", "decline of" */
    SP_TARGET,  /* targets, plans, forecasts: "to bring", "aims to" */
    SP_BASE,    /* comparison baseline before a date: "compared to" */
    SP_CUMUL,   /* cumulative span before a duration: "over the past" */
    SP_DURING,  /* refers to the last dated event: "during the visit" */
    SP_EVENT,   /* a dated happening: "visit", "summit" */
    SP_PAIR,    /* the document's two countries: "bilateral" */
    SP_HOME,    /* the document's first country: "our country" */
    SP_ROUTE,   /* a route through a transit country: "route" */
    SP_SHARE,   /* a share: "share", "accounts for" */
    SP_RANK,    /* a rank: "ranks", "place" */
    SP_WORTH,   /* value of counted things: "worth", "valued at" */
    SP_SINCE,   /* a start date: "since 2005" -> 2005/Y */
    SP_NOW,     /* stated as current: "now", "currently" */
    SP_NUMOF,   /* "the number of": a count named before its figure */
    SP_ANAPHOR, /* a figure named by what it refers back to: "its total
                   for 2023", "a lower number:" (the lead indicator) */
    SP_IT,      /* a pronoun before a verb of change or level: "it rose",
                 * "it reached": the figure just given goes on */
    SP_LEVEL,   /* a verb of level: "reached", "amounted to" */
    SP_COUNT_
};

/* Subject order rules (metrics.tsv column "order"). */
enum at_rule {
    R_PAIR = 0, /* non-directional bilateral: the pack's pair order */
    R_TO,       /* source, then the country marked by in/into/to */
    R_FROM,     /* the receiver, then the country marked by from */
    R_WHOLE,    /* holder, then the whole (marked by of/in, or fixed) */
    R_ONE,      /* a single country: the one nearest before the figure */
    R_TRANSIT,  /* transit country, origin, destination */
    R_ROUTE,    /* transit order on a route, else the countries in order */
    R_HOST      /* the host country, then the target market */
};

#define AT_MAX_ALT 3

typedef struct at_metric {
    int special;            /* SP_* */
    unsigned kinds;         /* bit (1u << dk_kind) per kind it attaches to */
    int rule;               /* R_* */
    int alt[AT_MAX_ALT];    /* metrics to try when the unit does not fit */
    int nalt;
    int plans;              /* plans and targets count ("jobs") */
    int events;             /* happens at a dated event ("agreements"):
                               day dates and the last event date count */
    int flow;               /* an amount over a stretch of time ("trade"):
                               goes on with the period the sentence
                               before dated its figures by */
    char whole[DK_ID_MAX];  /* fixed whole for R_WHOLE ("WORLD") */
} at_metric;

typedef struct at_cue {
    int t0, t1;             /* tokens [t0, t1) of the sentence */
    int m;                  /* index into the pack's metrics */
} at_cue;

/* A country the sentence names (or implies). */
typedef struct at_ref {
    char id[DK_ID_MAX];
    int t;                  /* token where it is named */
    char mark;              /* preposition before it: i(n) t(o) f(rom)
                               h (through/via) o(f) a(fter), or 0 */
    char how;               /* e: entity, c: entity's country, h: home, p: pair */
} at_ref;

#define AT_MAX_CUES 256
#define AT_MAX_BOUNDS 128
#define AT_MAX_REFS 64
#define AT_MAX_COUNTED 16
#define AT_MAX_CHG 256
#define AT_MAX_LEAD 8

/* A metric the document attributed a figure to, in the order first
 * seen, with that figure's subjects: what "its total" refers back to. */
typedef struct at_lead {
    int m;
    char subjects[DK_MAX_SUBJECTS][DK_ID_MAX];
    int nsubjects;
} at_lead;

struct dk_attr_doc {
    const dk_pack *p;
    const dk_pack_metric *pm;
    int npm;
    const dk_pack_entity *pe;
    int npe;
    const at_metric *met;   /* npm entries, shared (dk_attr_pack) */
    char pair[2][DK_ID_MAX];
    char dpair[2][DK_ID_MAX]; /* the pair this document is about */
    int dpair_stale;          /* the counts changed since dpair was set */
    char last[2][DK_ID_MAX];  /* countries named last, [0] most recent */
    char count_id[AT_MAX_COUNTED][DK_ID_MAX]; /* countries named so far */
    int count[AT_MAX_COUNTED];
    int ncount;
    char event_date[DK_DATE_MAX];
    char dated[DK_DATE_MAX];      /* a period this sentence took from a date */
    char dated_before[DK_DATE_MAX];   /* ... the sentence before */
    long nsent, event_sent;   /* sentences seen; when event_date was set */
    at_lead lead[AT_MAX_LEAD];    /* the metrics attributed so far */
    int nlead;
    at_lead recent;         /* the metric attributed last, and the */
    long recent_sent;       /* sentence it was given in (0: none yet) */
    dk_buf ex;              /* explain texts of the current sentence */
    int explain;            /* write them (else the reasons are skipped) */

    /* scratch for the current sentence */
    const dk_sent *s;
    dk_cands *c;
    int year;
    at_cue cue[AT_MAX_CUES];
    int ncue;
    int bound[AT_MAX_BOUNDS]; /* first token of each clause after the first */
    int hardsum[AT_MAX_BOUNDS]; /* bounds [0, k] that start an independent
                                   clause (", and", ";"): dates and cues do
                                   not cross those */
    int nbound;
    at_ref ref[AT_MAX_REFS];
    int nref;
    int refs_done;          /* at_collect_refs ran for this sentence */
    dk_buf sign;              /* per candidate: change sign (-1, 0, +1) */
    int chg_end[AT_MAX_CHG];  /* end tokens of the change figures */
    int nchg;
    dk_pack_match mt[AT_MAX_CUES];
};

/* snprintf(dst, cap, "%s", src) without the format machinery: at most
 * cap - 1 bytes and a NUL (ids are copied a dozen times a sentence).  A
 * byte loop: the ids are short (country codes), shorter than what a
 * strnlen and a memcpy call cost. */
static inline void at_copy(char *dst, size_t cap, const char *src)
{
    size_t n = 0;
    for (; n + 1 < cap && src[n]; n++)
        dst[n] = src[n];
    dst[n] = '\0';
}

/* strcmp(a, b) == 0, with the first bytes compared inline: most ids
 * (country codes, entity ids) and role words differ there, and the
 * strcmp call is then saved. */
static inline int at_same(const char *a, const char *b)
{
    return a[0] == b[0] && strcmp(a, b) == 0;
}

/* +1 / -1 when figure f states a change, else 0; *unit gets "%" or
 * "times" (attribute.c). */
int at_change_sign(const dk_attr_doc *a, const dk_cand *f, const char **unit);

/* Is the char array f (an entity type: 16 bytes) the word lit?  A
 * compare of sizeof lit bytes, the NUL included, which the compiler does
 * inline (strcmp is a call). */
#define AT_FIELD_IS(f, lit) (memcmp((f), "" lit, sizeof(lit)) == 0)

/* Token helpers.  at_tok_is_n: is token i the lower-case word of len
 * bytes (ASCII case folded)?  at_tok_is: the same for a word whose
 * length is not at hand; inline, so that strlen of the literal it is
 * mostly called with is folded away. */
static inline int at_tok_is_n(const dk_sent *s, int i, const char *word,
                              size_t len)
{
    if (i < 0 || i >= s->ntok)
        return 0;
    const dk_token *t = &s->tok[i];
    size_t n = t->end - t->start, k;
    if (len != n)
        return 0;
    for (k = 0; k < n; k++) {
        unsigned char ch = (unsigned char)s->text[t->start + k];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch - 'A' + 'a');
        if (ch != (unsigned char)word[k])
            return 0;
    }
    return 1;
}

static inline int at_tok_is(const dk_sent *s, int i, const char *word)
{
    return at_tok_is_n(s, i, word, strlen(word));
}

/* (attribute.c) */
int at_clause(const dk_attr_doc *a, int t);
/* The group of independent clauses token t is in (hard bounds only). */
int at_group(const dk_attr_doc *a, int t);
int at_special(const dk_attr_doc *a, const at_cue *k);
/* The nearest cue of special kind sp ending at most `before` tokens before
 * token t (and not after it); -1 if none. */
int at_cue_before(const dk_attr_doc *a, int t, int sp, int before);
/* Does token t lie in a predicate joined by "and" after figure f ("signed
 * 27 documents and agreed to lift trade to $20 billion by 2027": the
 * target word and the date are not of the 27)?  The "and" must be
 * followed by a verb ("agreed", "will", "is", ...). */
int at_joined_after(const dk_attr_doc *a, const dk_cand *f, int t);

/* period.c: write the period of figure f into out (cap DK_DATE_MAX);
 * returns 0 when the figure is a target (a future date in its clause).
 * why gets a short reason.  by_ref: f is named by reference ("its
 * total", "Russia's share"), and goes on with the period of the sentence
 * before as a flow does. */
int at_period(dk_attr_doc *a, const dk_cand *f, int metric, int by_ref,
              char *out, char *why, size_t whycap);
/* Remember the sentence's dated event, if any (period.c). */
void at_note_event(dk_attr_doc *a);

/* subjects.c */
void at_collect_refs(dk_attr_doc *a);
/* Fill m's subjects; 0 when the metric needs a subject the sentence does
 * not give (a share with no holder): then the figure states no metric. */
int at_subjects(dk_attr_doc *a, const dk_cand *f, int metric,
                dk_mention *m);
void at_note_countries(dk_attr_doc *a);
/* Set a->dpair: the pack's pair, or the two countries most named so far
 * when the document is plainly about another pair. */
void at_doc_pair(dk_attr_doc *a);

#endif
