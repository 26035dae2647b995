/*
 * attribute.c - metric choice and stated changes (attribute.h); the
 * document state and the sentence scratch (cues, clauses) that period.c
 * and subjects.c read.
 *
 * A figure takes the metric of the nearest cue phrase in its clause whose
 * metric attaches to the figure's kind and unit (or one of the metric's
 * "alt" metrics that does).  Counts take the counted noun right after the
 * number; ranks need a rank word next to the ordinal; percentages need a
 * share ("of", "accounts for") and must not be a change.  A clause with a
 * target word or a future date gives no metric (except metrics whose
 * order column says "plans").  Order column options are parsed here.  A percentage or a "-fold"/"times" number
 * next to a word of increase or decrease is a change, put on the nearest
 * attributed figure of its clause.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "attr_int.h"
#include "../text/chars.h"

static const char *const special_names[SP_COUNT_] = {
    "", "_up", "_down", "_target", "_base", "_cumul", "_during", "_event",
    "_pair", "_home", "_route", "_share", "_rank", "_worth", "_since",
    "_now", "_numof", "_anaphor", "_it", "_level",
};

static const char *const rule_names[] = {
    "pair", "to", "from", "whole", "one", "transit", "route", "host",
};
static const size_t rule_len[] = {4, 2, 4, 5, 3, 7, 5, 4};

/* ---- token helpers ---- */

static int tok_punct(const dk_sent *s, int i, char ch)
{
    return i >= 0 && i < s->ntok && s->tok[i].type == DK_TOK_PUNCT &&
           s->text[s->tok[i].start] == ch;
}

/* Number of bounds at or before token t (binary search). */
int at_clause(const dk_attr_doc *a, int t)
{
    int lo = 0, hi = a->nbound;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (a->bound[mid] <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int at_group(const dk_attr_doc *a, int t)
{
    int k = at_clause(a, t);
    return k ? a->hardsum[k - 1] : 0;
}

int at_special(const dk_attr_doc *a, const at_cue *k)
{
    return a->met[k->m].special;
}

int at_cue_before(const dk_attr_doc *a, int t, int sp, int before)
{
    int best = -1;
    for (int k = 0; k < a->ncue; k++) {
        const at_cue *q = &a->cue[k];
        if (a->met[q->m].special != sp || q->t1 > t || t - q->t1 > before)
            continue;
        if (best < 0 || q->t1 > a->cue[best].t1)
            best = k;
    }
    return best;
}

/* ---- the document state ---- */

static int metric_index(const dk_pack_metric *pm, int npm, const char *id,
                        size_t n)
{
    for (int i = 0; i < npm; i++)
        if (strlen(pm[i].id) == n && memcmp(pm[i].id, id, n) == 0)
            return i;
    return -1;
}

/* The figure kinds named in kinds ("money|quantity"): each name counts
 * where it is a whole run of letters. */
static unsigned kind_bits(const char *kinds)
{
    static const struct { const char *name; size_t n; dk_kind k; } names[] = {
        {"number", 6, DK_NUMBER}, {"ordinal", 7, DK_ORDINAL},
        {"percent", 7, DK_PERCENT}, {"money", 5, DK_MONEY},
        {"quantity", 8, DK_QUANTITY}, {"duration", 8, DK_DURATION},
    };
    unsigned bits = 0;
    const char *p = kinds;
    while (*p) {
        if (!dk_cp_is_letter((unsigned char)*p)) {
            p++;
            continue;
        }
        const char *w = p;
        while (*p && dk_cp_is_letter((unsigned char)*p))
            p++;
        size_t n = (size_t)(p - w);
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (names[i].n == n && memcmp(names[i].name, w, n) == 0)
                bits |= 1u << names[i].k;
    }
    return bits;
}

/* Parse "rule[;alt=a,b][;plans][;whole=ID]" of metric i into met[i]. */
static void parse_order(at_metric *met, const dk_pack_metric *pm, int npm,
                        int i)
{
    at_metric *m = &met[i];
    const char *p = pm[i].order;
    while (*p) {
        const char *e = strchr(p, ';');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n > 4 && memcmp(p, "alt=", 4) == 0) {
            const char *q = p + 4, *end = p + n;
            while (q < end && m->nalt < AT_MAX_ALT) {
                const char *c = memchr(q, ',', (size_t)(end - q));
                size_t len = c ? (size_t)(c - q) : (size_t)(end - q);
                int j = metric_index(pm, npm, q, len);
                if (j >= 0)
                    m->alt[m->nalt++] = j;
                q += len + (c != NULL);
            }
        } else if (n == 5 && memcmp(p, "plans", 5) == 0) {
            m->plans = 1;
        } else if (n == 6 && memcmp(p, "events", 6) == 0) {
            m->events = 1;
        } else if (n == 4 && memcmp(p, "flow", 4) == 0) {
            m->flow = 1;
        } else if (n > 6 && memcmp(p, "whole=", 6) == 0 &&
                   n - 6 < sizeof m->whole) {
            memcpy(m->whole, p + 6, n - 6);
            m->whole[n - 6] = '\0';
        } else {
            for (size_t r = 0; r < sizeof rule_names / sizeof rule_names[0];
                 r++)
                if (rule_len[r] == n && memcmp(rule_names[r], p, n) == 0)
                    m->rule = (int)r;
        }
        p += n + (e != NULL);
    }
}

/* The pack's metric rows as attribution reads them (the function rows'
 * kinds, the figure kinds, the order options): parsed once, shared by the
 * documents of an engine. */
struct dk_attr_pack {
    at_metric *met;         /* npm entries, NULL when none; owned */
    int npm;
};

static dk_attr_pack *attr_pack_new(const dk_pack *pack)
{
    dk_attr_pack *ap = calloc(1, sizeof *ap);
    if (!ap)
        return NULL;
    const dk_pack_metric *pm = dk_pack_metrics(pack, &ap->npm);
    if (ap->npm > 0) {
        ap->met = calloc((size_t)ap->npm, sizeof *ap->met);
        if (!ap->met) {
            free(ap);
            return NULL;
        }
    }
    for (int i = 0; i < ap->npm; i++) {
        at_metric *m = &ap->met[i];
        if (pm[i].id[0] == '_')  /* every special name starts so */
            for (int sp = 1; sp < SP_COUNT_; sp++)
                if (special_names[sp][1] == pm[i].id[1] &&
                    strcmp(pm[i].id, special_names[sp]) == 0) {
                    m->special = sp;
                    break;  /* the names differ */
                }
        m->kinds = kind_bits(pm[i].kinds);
    }
    for (int i = 0; i < ap->npm; i++)
        parse_order(ap->met, pm, ap->npm, i);
    return ap;
}

void dk_attr_pack_free(dk_attr_pack *ap)
{
    if (!ap)
        return;
    free(ap->met);
    free(ap);
}

dk_attr_doc *dk_attr_doc_new(const dk_pack *pack, dk_attr_pack **tables)
{
    /* one per document: the per-sentence arrays (read only below their
     * counts) are not worth clearing, the rest starts at zero */
    dk_attr_doc *a = malloc(sizeof *a);
    if (!a)
        return NULL;
    memset(a, 0, offsetof(dk_attr_doc, cue));
    a->ncue = a->nbound = a->nref = a->nchg = a->refs_done = 0;
    a->dpair_stale = 1;
    memset(&a->sign, 0, sizeof a->sign);
    a->p = pack;
    if (!pack)
        return a;
    if (!*tables && !(*tables = attr_pack_new(pack))) {
        free(a);
        return NULL;
    }
    a->pm = dk_pack_metrics(pack, &a->npm);
    a->pe = dk_pack_entities(pack, &a->npe);
    a->met = (*tables)->met;
    for (int w = 0; w < 2; w++)
        at_copy(a->pair[w], DK_ID_MAX, dk_pack_pair(pack, w));
    return a;
}

void dk_attr_doc_free(dk_attr_doc *a)
{
    if (!a)
        return;
    dk_buf_free(&a->ex);
    dk_buf_free(&a->sign);
    free(a);
}

/* ---- the sentence scratch ---- */

/* Clauses end at ';' and at ',' before a word that opens a new clause;
 * ';', ", and" and ", but" open an independent one (a hard bound). */
static void find_clauses(dk_attr_doc *a)
{
    static const struct { const char *w; size_t n; } openers[] = {
        {"and", 3}, {"but", 3}, {"while", 5}, {"whereas", 7}, {"which", 5},
        {"including", 9}, {"where", 5}, {"with", 4}, {"although", 8},
        {"though", 6}, {"whilst", 6},
    };
    const dk_sent *s = a->s;
    const dk_token *tok = s->tok;   /* (locals: the stores below could */
    int ntok = s->ntok, nb = 0;     /* be to s for all the compiler knows) */
    for (int i = 0; i + 1 < ntok && nb < AT_MAX_BOUNDS; i++) {
        if (tok[i].type != DK_TOK_PUNCT)
            continue;
        char ch = s->text[tok[i].start];
        int cut = ch == ';' ? 2 : 0;
        if (ch == ',') {
            size_t n = tok[i + 1].end - tok[i + 1].start;
            for (size_t k = 0; k < sizeof openers / sizeof openers[0]; k++)
                if (openers[k].n == n &&
                    at_tok_is_n(s, i + 1, openers[k].w, n))
                    cut = k < 2 ? 2 : 1;
            /* ", noting that ...", ", adding that ...": reported speech */
            const char *w = s->text + tok[i + 1].start;
            if (!cut && n > 4 && memcmp(w + n - 3, "ing", 3) == 0 &&
                at_tok_is(s, i + 2, "that"))
                cut = 1;
        }
        if (cut) {
            int prev = nb ? a->hardsum[nb - 1] : 0;
            a->hardsum[nb] = prev + (cut == 2);
            a->bound[nb++] = i + 1;
        }
    }
    a->nbound = nb;
}

/* First token starting at or after byte b. */
static int tok_at(const dk_sent *s, uint32_t b)
{
    int lo = 0, hi = s->ntok;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (s->tok[mid].start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* tok_at for a byte at or after token k starts, near it (a cue's end
 * after its start): walks on from k. */
static int tok_on(const dk_sent *s, int k, uint32_t b)
{
    while (k < s->ntok && s->tok[k].start < b)
        k++;
    return k;
}

/* Is cue k a word of a longer name the text gives, "Export" of the
 * "Export-Import Bank of China", "Investment" of the "Asian
 * Infrastructure Investment Bank"?  A name states no indicator. */
static int inside_name(const dk_attr_doc *a, const at_cue *k)
{
    if (a->met[k->m].special)
        return 0;
    for (int i = 0; i < a->c->n; i++) {
        const dk_cand *x = &a->c->v[i];
        if (x->m.kind == DK_ENTITY && !x->dropped && x->t0 <= k->t0 &&
            x->t1 >= k->t1 && x->t1 - x->t0 > k->t1 - k->t0)
            return 1;
    }
    return 0;
}

static void find_cues(dk_attr_doc *a)
{
    const dk_sent *s = a->s;
    int n = dk_pack_find_cues_in(a->p, s->words, s->text, 0, s->len, a->mt,
                                 AT_MAX_CUES);
    a->ncue = 0;
    for (int i = 0; i < n && i < AT_MAX_CUES; i++) {
        if (a->mt[i].index < 0 || a->mt[i].index >= a->npm)
            continue;
        at_cue *k = &a->cue[a->ncue];
        k->t0 = tok_at(s, a->mt[i].start);
        k->t1 = tok_on(s, k->t0, a->mt[i].end);
        k->m = a->mt[i].index;
        if (k->t1 > k->t0 && !inside_name(a, k))
            a->ncue++;
    }
}

/* ---- metric choice ---- */

static int is_figure(dk_kind k)
{
    return k == DK_NUMBER || k == DK_ORDINAL || k == DK_PERCENT ||
           k == DK_MONEY || k == DK_QUANTITY || k == DK_DURATION;
}

static int fits(const dk_attr_doc *a, int mi, const dk_mention *m)
{
    const at_metric *x = &a->met[mi];
    if (x->special || !(x->kinds & (1u << m->kind)))
        return 0;
    if (m->kind == DK_QUANTITY) {
        const char *u = a->pm[mi].unit;
        if (strcmp(u, m->unit) == 0)
            return 1;
        return strcmp(u, "TEU") == 0 && strcmp(m->unit, "container") == 0;
    }
    return 1;
}

/* Tokens between a and b (exclusive) are words or hyphens only. */
static int only_words(const dk_sent *s, int a, int b)
{
    for (int i = a; i < b; i++)
        if (s->tok[i].type == DK_TOK_NUM ||
            (s->tok[i].type == DK_TOK_PUNCT && !tok_punct(s, i, '-')))
            return 0;
    return 1;
}

static int has_special_in_clause(const dk_attr_doc *a, int sp, int clause)
{
    for (int k = 0; k < a->ncue; k++)
        if (a->met[a->cue[k].m].special == sp &&
            at_clause(a, a->cue[k].t0) == clause)
            return 1;
    return 0;
}

/* A rank word within 3 tokens of the ordinal. */
static int near_rank(const dk_attr_doc *a, const dk_cand *f)
{
    for (int k = 0; k < a->ncue; k++) {
        const at_cue *q = &a->cue[k];
        if (a->met[q->m].special != SP_RANK)
            continue;
        if ((q->t1 <= f->t0 && f->t0 - q->t1 <= 3) ||
            (q->t0 >= f->t1 && q->t0 - f->t1 <= 3))
            return 1;
    }
    return 0;
}

/* The metric for figure f, or -1; *cue gets the deciding cue. */
static int choose_metric(dk_attr_doc *a, const dk_cand *f, int *cue)
{
    const dk_sent *s = a->s;
    int fc = at_clause(a, f->t0), best = -1, bestm = -1;
    long bestscore = 0;
    if (f->m.kind == DK_ORDINAL && !near_rank(a, f))
        return -1;
    int share = f->m.kind != DK_PERCENT || at_tok_is(s, f->t1, "of") ||
                has_special_in_clause(a, SP_SHARE, fc);
    for (int k = 0; k < a->ncue; k++) {
        const at_cue *q = &a->cue[k];
        if (a->met[q->m].special)
            continue;
        int mi = -1;
        if (fits(a, q->m, &f->m))
            mi = q->m;
        for (int j = 0; mi < 0 && j < a->met[q->m].nalt; j++)
            if (fits(a, a->met[q->m].alt[j], &f->m))
                mi = a->met[q->m].alt[j];
        if (mi < 0)
            continue;
        if (!share && strcmp(a->pm[q->m].unit, "%") != 0)
            continue;
        int qc = at_clause(a, q->t0);
        long dist;
        if (q->t1 <= f->t0)
            dist = f->t0 - q->t1;
        else if (q->t0 >= f->t1)
            dist = q->t0 - f->t1;
        else
            dist = 0;  /* the cue is inside the figure ("containers") */
        if (f->m.kind == DK_NUMBER) {
            /* the counted noun: right after the number, or after "the
             * number of" earlier in the clause */
            int after = q->t0 >= f->t1 && dist <= 4 &&
                        only_words(s, f->t1, q->t0);
            int numof = q->t1 <= f->t0 && qc == fc &&
                        at_cue_before(a, q->t0, SP_NUMOF, 2) >= 0;
            if (!after && !numof)
                continue;
        } else if (f->m.kind == DK_MONEY &&
                   strcmp(a->pm[mi].unit, "count") == 0) {
            /* "N agreements worth $X": the worth word right before */
            int w = at_cue_before(a, f->t0, SP_WORTH, 2);
            if (w < 0 || q->t1 > a->cue[w].t0 || qc != fc)
                continue;
        } else if (qc != fc &&
                   ((f->m.kind != DK_MONEY && f->m.kind != DK_QUANTITY) ||
                    at_group(a, q->t0) != at_group(a, f->t0))) {
            continue;
        }
        long score = (qc == fc ? 0 : 1000) + dist;
        if (best < 0 || score < bestscore) {
            best = k;
            bestm = mi;
            bestscore = score;
        }
    }
    *cue = best;
    return bestm;
}

int at_joined_after(const dk_attr_doc *a, const dk_cand *f, int t)
{
    /* "and" before a verb of its own: "and agreed", "and will",
     * "and is", not "$40 billion and more" or "oil and gas" */
    static const char *const verbs[] = {"agreed", "agree", "will", "would",
                                        "is", "are", "was", "were", "has",
                                        "have", "had", "plan", "plans",
                                        "planned", "aim", "aims", "pledged",
                                        "also", "then", NULL};
    const dk_sent *s = a->s;
    for (int k = f->t1; k < t; k++) {
        if (!at_tok_is(s, k, "and"))
            continue;
        for (int i = 0; verbs[i]; i++)
            if (at_tok_is(s, k + 1, verbs[i]))
                return 1;
    }
    return 0;
}

/* Is figure f a target or plan (a target word in its clause, not in a
 * predicate joined after it)? */
static int is_target(const dk_attr_doc *a, const dk_cand *f)
{
    int clause = at_clause(a, f->t0);
    for (int k = 0; k < a->ncue; k++)
        if (a->met[a->cue[k].m].special == SP_TARGET &&
            at_clause(a, a->cue[k].t0) == clause &&
            !at_joined_after(a, f, a->cue[k].t0))
            return 1;
    return 0;
}

/* ---- figures named by reference ---- */

/* The reference cue (_anaphor) before figure f in its clause ("its total
 * for 2023 to $41.1 billion", "give a lower number: $29.6 billion"), or
 * -1.  A cue that a word goes on from heads a noun phrase of its own
 * ("the total cost"), which is no reference. */
static int anaphor_of(const dk_attr_doc *a, const dk_cand *f)
{
    const dk_sent *s = a->s;
    int fc = at_clause(a, f->t0);
    for (int k = 0; k < a->ncue; k++) {
        const at_cue *q = &a->cue[k];
        if (a->met[q->m].special != SP_ANAPHOR || q->t1 > f->t0 ||
            at_clause(a, q->t0) != fc)
            continue;
        if (q->t1 < s->ntok && s->tok[q->t1].type == DK_TOK_WORD)
            continue;
        return k;
    }
    return -1;
}

/* Does a verb of change or level (_up, _down, _level) start at token t? */
static int verb_at(const dk_attr_doc *a, int t)
{
    for (int k = 0; k < a->ncue; k++) {
        int sp = a->met[a->cue[k].m].special;
        if (a->cue[k].t0 == t &&
            (sp == SP_UP || sp == SP_DOWN || sp == SP_LEVEL))
            return 1;
    }
    return 0;
}

/* The pronoun cue (_it) before money or quantity f in its sentence, with
 * a verb of change or level right after it and no other figure between
 * ("it rose 33.4 percent year on year to 17.1 billion dollars": the
 * percentage is a change), or -1. */
static int pronoun_of(const dk_attr_doc *a, const dk_cand *f)
{
    int best = -1;
    for (int k = 0; k < a->ncue; k++) {
        const at_cue *q = &a->cue[k];
        if (a->met[q->m].special == SP_IT && q->t1 <= f->t0 &&
            verb_at(a, q->t1) && (best < 0 || q->t0 > a->cue[best].t0))
            best = k;
    }
    if (best < 0)
        return -1;
    for (int i = 0; i < a->c->n; i++) {
        const dk_cand *x = &a->c->v[i];
        if (x != f && !x->dropped && is_figure(x->m.kind) &&
            x->t0 >= a->cue[best].t1 && x->t1 <= f->t0 &&
            !a->sign.data[i])
            return -1;
    }
    return best;
}

/* The metric a pronoun refers to: the one attributed last, in this
 * sentence or the one before, when it fits f; else NULL. */
static const at_lead *recent_for(const dk_attr_doc *a, const dk_cand *f)
{
    if (!a->recent_sent || a->recent_sent < a->nsent - 1 ||
        !fits(a, a->recent.m, &f->m))
        return NULL;
    return &a->recent;
}

/* What figure f refers back to: the first metric the document gave a
 * figure that fits f (news leads with its main figure, and "its total"
 * or "a lower number" later in the text mean that indicator), as an
 * index of a->lead, or -1. */
static int lead_for(const dk_attr_doc *a, const dk_cand *f)
{
    for (int i = 0; i < a->nlead; i++)
        if (fits(a, a->lead[i].m, &f->m))
            return i;
    return -1;
}

/* "Russia's share slipped to 18.9 percent", after a share of some
 * whole: a share word before percentage f in its clause, with a country
 * (the holder, set in *holder) named before it, and no "of" or "in"
 * after it (which would name another whole).  Returns the share cue, or
 * -1. */
static int share_ref(const dk_attr_doc *a, const dk_cand *f,
                     const char **holder)
{
    const dk_sent *s = a->s;
    int fc = at_clause(a, f->t0);
    for (int k = 0; k < a->ncue; k++) {
        const at_cue *q = &a->cue[k];
        if (a->met[q->m].special != SP_SHARE || q->t1 > f->t0 ||
            at_clause(a, q->t0) != fc || at_tok_is(s, q->t1, "of") ||
            at_tok_is(s, q->t1, "in"))
            continue;
        const char *h = NULL;
        for (int i = 0; i < a->nref; i++)
            if (a->ref[i].t < q->t0 && at_clause(a, a->ref[i].t) == fc)
                h = a->ref[i].id;
        if (h) {
            *holder = h;
            return k;
        }
    }
    return -1;
}

/* The subjects of a share by reference: the holder, then the whole of
 * the lead figure (its last subject).  0 when they are the same. */
static int share_subjects(const dk_attr_doc *a, int ref, const char *holder,
                          dk_mention *m)
{
    const at_lead *l = &a->lead[ref];
    if (l->nsubjects < 2 || at_same(l->subjects[l->nsubjects - 1], holder))
        return 0;
    at_copy(m->subjects[0], DK_ID_MAX, holder);
    at_copy(m->subjects[1], DK_ID_MAX, l->subjects[l->nsubjects - 1]);
    m->nsubjects = 2;
    return 1;
}

/* Note that the document gave a figure m metric mi. */
static void note_lead(dk_attr_doc *a, int mi, const dk_mention *m)
{
    a->recent.m = mi;
    a->recent.nsubjects = m->nsubjects;
    memcpy(a->recent.subjects, m->subjects, sizeof a->recent.subjects);
    a->recent_sent = a->nsent;
    for (int i = 0; i < a->nlead; i++)
        if (a->lead[i].m == mi)
            return;
    if (a->nlead == AT_MAX_LEAD)
        return;
    at_lead *l = &a->lead[a->nlead++];
    l->m = mi;
    l->nsubjects = m->nsubjects;
    memcpy(l->subjects, m->subjects, sizeof l->subjects);
}

/* ---- changes ---- */

/* Is number f a multiplier: "1.7-fold", "2 times" (the recogniser puts
 * the word in the figure's span), or "2" before "times"? */
static int multiplier(const dk_sent *s, const dk_cand *f)
{
    int last = f->t1 - 1;
    return at_tok_is(s, last, "times") || at_tok_is(s, last, "fold") ||
           at_tok_is(s, f->t1, "times") || at_tok_is(s, f->t1, "fold") ||
           (tok_punct(s, f->t1, '-') && at_tok_is(s, f->t1 + 1, "fold"));
}

/* Does a year-on-year mark start at token k: "y/y", "yoy", "year on
 * year", "year-on-year"? */
static int yoy_at(const dk_sent *s, int k)
{
    if (at_tok_is(s, k, "yoy"))
        return 1;
    if (at_tok_is(s, k, "y") && tok_punct(s, k + 1, '/') &&
        at_tok_is(s, k + 2, "y"))
        return 1;
    int on = k + 1, y2 = k + 2;
    if (tok_punct(s, on, '-')) {
        on++;
        y2 += 2;
    }
    return at_tok_is(s, k, "year") && at_tok_is(s, on, "on") &&
           at_tok_is(s, y2, "year");
}

/* A bulletin's change after a figure: "(+8.4% y/y)", "(-6.3%)",
 * "-2.1% yoy": +1 / -1 from the sign or the mark, else 0. */
static int signed_change(const dk_sent *s, const dk_cand *f)
{
    int b = f->t0 - 1, sign = 0;
    int glued = !(s->tok[f->t0].flags & DK_TF_SPACE);
    if (f->m.value < 0) {
        sign = -1;   /* "-2.1% yoy": the recogniser took the sign */
    } else if (tok_punct(s, b, '+') && glued) {
        sign = 1;
        b--;
    } else if ((tok_punct(s, b, '-') || at_tok_is(s, b, "\xE2\x88\x92")) &&
               glued) {
        sign = -1;
        b--;
    }
    int mark = yoy_at(s, f->t1);
    if (sign && (mark || tok_punct(s, b, '(')))
        return sign;
    return mark && tok_punct(s, b, '(') ? 1 : 0;
}

/* +1 / -1 when f states a change (next to an increase/decrease word),
 * else 0.  *unit gets "%" or "times". */
int at_change_sign(const dk_attr_doc *a, const dk_cand *f, const char **unit)
{
    const dk_sent *s = a->s;
    if (f->m.kind == DK_PERCENT) {
        *unit = "%";
        int sg = signed_change(s, f);
        if (sg)
            return sg;
    } else if (f->m.kind == DK_NUMBER && f->m.qualifier != DK_Q_RANGE &&
               multiplier(s, f)) {
        *unit = "times";
        /* "1.5 times more than a year earlier" */
        int k = f->t1;
        if (at_tok_is(s, k, "more") || at_tok_is(s, k, "higher") ||
            at_tok_is(s, k, "larger") || at_tok_is(s, k, "greater"))
            return 1;
        if (at_tok_is(s, k, "less") || at_tok_is(s, k, "lower") ||
            at_tok_is(s, k, "fewer") || at_tok_is(s, k, "smaller"))
            return -1;
    } else {
        return 0;
    }
    /* "up from 20.5 percent", "rose to 22.6 percent": where it started
     * or ended, not by how much */
    if (at_cue_before(a, f->t0, SP_BASE, 1) >= 0 ||
        at_tok_is(s, f->t0 - 1, "to"))
        return 0;
    for (int k = 0; k < a->ncue; k++) {
        const at_cue *q = &a->cue[k];
        int sp = a->met[q->m].special;
        if (sp != SP_UP && sp != SP_DOWN)
            continue;
        int before = q->t1 <= f->t0 && f->t0 - q->t1 <= 3 &&
                     only_words(s, q->t1, f->t0);
        int after = q->t0 >= f->t1 && q->t0 - f->t1 <= 2;
        if (before || after)
            return sp == SP_UP ? 1 : -1;
    }
    return 0;
}

/* Work out once per sentence which candidates state a change. */
static dk_status find_changes(dk_attr_doc *a)
{
    const dk_cands *c = a->c;
    a->sign.len = 0;
    a->nchg = 0;
    if (dk_buf_reserve(&a->sign, (size_t)c->n))
        return DK_ERR_NOMEM;
    for (int i = 0; i < c->n; i++) {
        const dk_cand *f = &c->v[i];
        const char *unit;
        int sg = !f->dropped && is_figure(f->m.kind)
                     ? at_change_sign(a, f, &unit) : 0;
        a->sign.data[i] = (char)sg;
        if (sg && a->nchg < AT_MAX_CHG)
            a->chg_end[a->nchg++] = f->t1;
    }
    a->sign.len = (size_t)c->n;
    return DK_OK;
}

/* Does clause c open with "which" (a relative clause: ", which is 2%
 * more than in 2023" tells of the figure before it)? */
static int relative_clause(const dk_attr_doc *a, int c)
{
    int t = 0;
    while (t < a->s->ntok && at_clause(a, t) != c)
        t++;
    if (t < a->s->ntok && a->s->tok[t].type == DK_TOK_PUNCT)
        t++;
    return at_tok_is(a->s, t, "which");
}

/* The attributed figure of change x's clause nearest to it, or -1; when
 * there is none and x's clause is a relative one, the last attributed
 * figure of the clause before. */
static int changed_figure(const dk_attr_doc *a, const dk_cand *x)
{
    int xc = at_clause(a, x->t0), best = -1, last = -1;
    long bestscore = 0;
    for (int i = 0; i < a->c->n; i++) {
        const dk_cand *f = &a->c->v[i];
        if (f == x || f->dropped || !f->m.metric[0] || f->m.has_change)
            continue;
        int fc = at_clause(a, f->t0);
        if (fc == xc - 1 && (last < 0 || f->t0 > a->c->v[last].t0))
            last = i;
        if (fc != xc)
            continue;
        long score = f->t0 > x->t0 ? f->t0 - x->t1 : x->t0 - f->t1;
        if (best < 0 || score < bestscore) {
            best = i;
            bestscore = score;
        }
    }
    if (best < 0 && last >= 0 && relative_clause(a, xc))
        best = last;
    return best;
}

/* ---- explanations ---- */

/* Offsets into a->ex of each candidate's explanation (-1 = none) are kept
 * in m.explain as (offset + 1) until the end of the sentence. */
static void explain_set(dk_attr_doc *a, dk_cand *f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void explain_set(dk_attr_doc *a, dk_cand *f, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof tmp)
        n = sizeof tmp - 1;
    size_t off = a->ex.len;
    if (dk_buf_append(&a->ex, tmp, (size_t)n + 1))
        return;
    f->m.explain = (const char *)(uintptr_t)(off + 1);
}

static void cue_text(const dk_attr_doc *a, int k, char *out, size_t cap)
{
    const dk_sent *s = a->s;
    const at_cue *q = &a->cue[k];
    size_t b = s->tok[q->t0].start, e = s->tok[q->t1 - 1].end;
    size_t n = e - b < cap - 1 ? e - b : cap - 1;
    memcpy(out, s->text + b, n);
    out[n] = '\0';
}

/* The sentence's country references, "CN KZ(in) KZ(our)", into out. */
static void refs_text(const dk_attr_doc *a, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; i < a->nref && n + 1 < cap; i++) {
        const at_ref *r = &a->ref[i];
        static const char marks[] = "itfhoawb";
        static const char *const words[] = {"in", "to", "from", "through",
                                            "of", "after", "with", "between"};
        const char *w = NULL;
        const char *m = r->mark ? strchr(marks, r->mark) : NULL;
        if (m)
            w = words[m - marks];
        else if (r->how == 'h')
            w = "home";
        else if (r->how == 'p')
            w = "pair";
        else if (r->how == 'c')
            w = "place";
        int k = snprintf(out + n, cap - n, w ? "%s%s(%s)" : "%s%s%s",
                         n ? " " : "", r->id, w ? w : "");
        if (k < 0 || (size_t)k >= cap - n)
            break;
        n += (size_t)k;
    }
    if (!n)
        snprintf(out, cap, "no country named (document context)");
}

/* ---- the sentence ---- */

/* "55 projects ..., of which 15 had been completed", "17 of them": the
 * candidate of the count figure f is a part of, the nearest attributed
 * count before it in the sentence; or -1. */
static int part_of(const dk_attr_doc *a, int fi)
{
    const dk_sent *s = a->s;
    const dk_cand *f = &a->c->v[fi];
    if (f->m.kind != DK_NUMBER)
        return -1;
    int before = at_tok_is(s, f->t0 - 2, "of") &&
                 at_tok_is(s, f->t0 - 1, "which");
    int after = at_tok_is(s, f->t1, "of") &&
                (at_tok_is(s, f->t1 + 1, "them") ||
                 at_tok_is(s, f->t1 + 1, "these") ||
                 at_tok_is(s, f->t1 + 1, "which"));
    if (!before && !after)
        return -1;
    /* "15 of which were signed in 2023": a part of another time */
    int clause = at_clause(a, f->t0);
    for (int j = 0; j < a->c->n; j++)
        if (!a->c->v[j].dropped && a->c->v[j].m.kind == DK_DATE &&
            a->c->v[j].t0 > f->t1 && at_clause(a, a->c->v[j].t0) == clause)
            return -1;
    for (int j = fi - 1; j >= 0; j--) {
        const dk_cand *x = &a->c->v[j];
        if (!x->dropped && x->m.kind == DK_NUMBER && x->t1 <= f->t0)
            return x->m.metric[0] ? j : -1;
    }
    return -1;
}

static int wants_work(const dk_cands *c)
{
    for (int i = 0; i < c->n; i++)
        if (!c->v[i].dropped && (is_figure(c->v[i].m.kind) ||
                                 (c->v[i].m.kind == DK_DATE &&
                                  c->v[i].m.date[4] == '-')))
            return 1;
    return 0;
}

dk_status dk_attribute(dk_attr_doc *a, const dk_sent *s, dk_cands *c,
                       int explain)
{
    if (!a || !a->p || s->ntok == 0)
        return DK_OK;
    a->s = s;
    a->c = c;
    a->year = s->doc ? s->doc->year : 0;
    a->ex.len = 0;
    a->explain = explain;
    a->ncue = a->nbound = a->nref = a->refs_done = 0;
    a->nsent++;
    /* a period carries over to the next sentence only */
    memcpy(a->dated_before, a->dated, sizeof a->dated);
    a->dated[0] = '\0';
    if (a->met && wants_work(c)) {   /* (a pack without metrics: none) */
        at_doc_pair(a);
        find_clauses(a);
        find_cues(a);
        at_collect_refs(a);
        at_note_event(a);
        if (find_changes(a))
            return DK_ERR_NOMEM;
        for (int i = 0; i < c->n; i++) {
            dk_cand *f = &c->v[i];
            if (f->dropped || !is_figure(f->m.kind) || a->sign.data[i])
                continue;
            if (at_cue_before(a, f->t0, SP_BASE, 1) >= 0)
                continue;  /* "compared with 35 days by sea" */
            int k = -1, mi = choose_metric(a, f, &k), ref = -1;
            const char *holder = NULL;
            const at_lead *refl = NULL;   /* what f refers back to */
            if (mi < 0 &&
                (f->m.kind == DK_MONEY || f->m.kind == DK_QUANTITY) &&
                (k = anaphor_of(a, f)) >= 0 && (ref = lead_for(a, f)) >= 0) {
                mi = a->lead[ref].m;
                refl = &a->lead[ref];
            } else if (mi < 0 &&
                       (f->m.kind == DK_MONEY || f->m.kind == DK_QUANTITY) &&
                       (k = pronoun_of(a, f)) >= 0 &&
                       (refl = recent_for(a, f)) != NULL) {
                mi = refl->m;
            } else if (mi < 0 && f->m.kind == DK_PERCENT &&
                     (k = share_ref(a, f, &holder)) >= 0 &&
                     (ref = lead_for(a, f)) >= 0)
                mi = a->lead[ref].m;
            int whole;
            if (mi < 0 && (whole = part_of(a, i)) >= 0) {
                const dk_mention *w = &c->v[whole].m;
                at_copy(f->m.metric, sizeof f->m.metric, w->metric);
                at_copy(f->m.period, sizeof f->m.period, w->period);
                f->m.nsubjects = w->nsubjects;
                memcpy(f->m.subjects, w->subjects, sizeof f->m.subjects);
                if (explain)
                    explain_set(a, f, "metric %s, period and subjects from "
                                "the count it is part of (\"%.*s\")",
                                f->m.metric, (int)(w->end - w->start),
                                s->text + (w->start - s->base));
                continue;
            }
            if (mi < 0)
                continue;
            char cue[96] = "";
            if (explain)
                cue_text(a, k, cue, sizeof cue);
            if (is_target(a, f) && !a->met[mi].plans) {
                if (explain)
                    explain_set(a, f, "no metric: cue \"%s\" (%s) in a "
                                "clause with a target word", cue,
                                a->pm[mi].id);
                continue;
            }
            char why[160];
            char period[DK_DATE_MAX];
            why[0] = '\0';  /* at_period writes it only with --explain */
            if (!at_period(a, f, mi, ref >= 0 || refl, period, why,
                           sizeof why) && !a->met[mi].plans) {
                if (explain)
                    explain_set(a, f, "no metric: cue \"%s\" (%s); %s", cue,
                                a->pm[mi].id, why);
                continue;
            }
            int named_here = holder ? share_subjects(a, ref, holder, &f->m)
                                    : at_subjects(a, f, mi, &f->m);
            if ((!named_here || f->m.nsubjects == 0) && refl && !holder) {
                /* a reference holds its holders from where it was made */
                f->m.nsubjects = refl->nsubjects;
                memcpy(f->m.subjects, refl->subjects, sizeof f->m.subjects);
                named_here = 1;
            }
            if (!named_here) {
                f->m.nsubjects = 0;
                if (explain)
                    explain_set(a, f, "no metric: cue \"%s\" (%s) but no "
                                "holder named in the clause", cue,
                                a->pm[mi].id);
                continue;
            }
            at_copy(f->m.metric, sizeof f->m.metric, a->pm[mi].id);
            at_copy(f->m.period, sizeof f->m.period, period);
            note_lead(a, mi, &f->m);
            if (explain && refl)
                strncat(cue, refl == &a->recent
                                 ? " (refers to the figure just given)"
                                 : " (refers to the first figure of this metric)",
                        sizeof cue - strlen(cue) - 1);
            if (explain) {
                char subj[4 * DK_ID_MAX + 8] = "", named[160] = "";
                for (int j = 0; j < f->m.nsubjects; j++) {
                    strcat(subj, j ? "," : "");
                    strcat(subj, f->m.subjects[j]);
                }
                refs_text(a, named, sizeof named);
                explain_set(a, f, "metric %s from cue \"%s\"; period %s %s; "
                            "subjects [%s] by rule %s from %s", f->m.metric,
                            cue, period, why, subj,
                            rule_names[a->met[mi].rule], named);
            }
        }
        for (int i = 0; i < c->n; i++) {
            dk_cand *x = &c->v[i];
            const char *unit;
            int sign;
            if (!(sign = a->sign.data[i]))
                continue;
            at_change_sign(a, x, &unit);
            int j = changed_figure(a, x);
            if (j < 0)
                continue;
            dk_cand *f = &c->v[j];
            f->m.has_change = 1;
            f->m.change_value = sign * fabs(x->m.value);
            at_copy(f->m.change_unit, sizeof f->m.change_unit, unit);
            if (explain && f->m.explain) {
                size_t off = (uintptr_t)f->m.explain - 1;
                char tmp[600];
                snprintf(tmp, sizeof tmp, "%s; change %g %s from \"%.*s\"",
                         a->ex.data + off, f->m.change_value, unit,
                         (int)(x->m.end - x->m.start),
                         s->text + (x->m.start - s->base));
                f->m.explain = NULL;
                explain_set(a, f, "%s", tmp);
            }
        }
    }
    at_note_countries(a);
    /* offsets become pointers now that the buffer stops moving */
    for (int i = 0; i < c->n; i++)
        if (c->v[i].m.explain)
            c->v[i].m.explain =
                a->ex.data + ((uintptr_t)c->v[i].m.explain - 1);
    return DK_OK;
}
