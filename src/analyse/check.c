/*
 * check.c - claim checking against the record (see check.h).
 *
 * A claim is read with the record's engine and pack, then answered along
 * these paths, the worst verdict of those that find something winning
 * (contradicted, then conflicting_sources, then supported):
 *   figures   each figure of the claim against the record's figures of
 *             its indicator (metric, subjects, period); a figure the pack
 *             attributes to no indicator is matched by wording to the
 *             record sentence that says the same and compared with that
 *             sentence's figures; a claimed percentage change with a
 *             stated change;
 *   change    a claim of a rise or fall without a figure ("trade fell in
 *             2023") against the direction the record states;
 *   comparison  "A report a lower figure for 2024 than B": the figures of
 *             the period in the sentences holding each side's wording;
 *   events    the claim's event mentions against the record's (evcheck.h);
 * and, only when none of them finds anything,
 *   wording   a record sentence holding most of the claim's wording, with
 *             a date that allows the claim's, supports it, or contradicts
 *             it when one of the two is negated and the other is not.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "crosscheck.h"
#include "evcheck.h"
#include "sentidx.h"
#include "../pack/pack.h"
#include "../store/store.h"
#include "../recognise/recognise.h"
#include "../text/utf8.h"
#include "../text/jsonw.h"

#define MAX_CLAIM_FIGS 8
#define MAX_CLAIM_DATES 8
#define MAX_CLAIM_EVENTS 4
#define MAX_CLAIM_NAMES 16
#define MAX_EVIDENCE 12
#define MAX_MATCHES 48
#define MAX_CUES 48

/* How much of a claim's wording (the share of its word weight, see
 * sentidx.h) a record sentence must hold:
 *   FIG_COVER   for a figure of that sentence to answer a claim figure the
 *               pack attributes to no indicator (the figure's own unit
 *               and value are further evidence);
 *   TEXT_COVER  to answer a claim with no figure by the sentence alone
 *               (with its context), when a date of it allows the claim's;
 *   TEXT_OWN    ... when the claim has no date: nothing but the words
 *               then says it is the same statement, so the sentence
 *               itself must hold nearly all of them, and some of what the
 *               claim says of the named (not only the names);
 *   OWN_SHARE   in the sentence itself, not in the one before it. */
#define FIG_COVER 0.4
#define TEXT_COVER 0.6
#define TEXT_OWN 0.8
#define OWN_SHARE 0.25

/* The documents' names and dates by id. */
typedef struct doc_names {
    int64_t *id;
    char **name, **date;
    int n;
} doc_names;

struct dk_checker {
    dk_engine *engine;
    doc_names docs;          /* the strings the facts borrow */
    dk_pack *pack;           /* cues: changes, "since", negation */
    dk_facts facts;          /* attributed figures, sorted by metric */
    dk_facts loose;          /* figures of no metric */
    dk_sentidx sents;
    int *sfirst, *sfacts;    /* figures of sentence s: sfacts[sfirst[s] ..
                                sfirst[s + 1]), facts.n + i for loose i */
    dk_evfacts events;
    char date[16];           /* the claims' date, "" for none */
};

/* One figure of a claim, as read by the engine. */
typedef struct claim_fig {
    dk_fact f;             /* fig, unit, metric, subjects, period, kind */
    uint64_t start, end;   /* bytes of the claim */
    int dated;             /* compared with facts of its period */
    int since;             /* "since 2005": facts of a span from then */
    int guessed;           /* metric from the wording, not a cue */
    int change;            /* compared with a stated change */
    int by_wording;        /* compared with the figures of the sentence
                              that says the same (no metric) */
    int ordered;           /* the metric's subjects are in order */
    int at_events;         /* the metric counts happenings at dated events */
    char text[128];
} claim_fig;

typedef struct claim_date {
    uint64_t start, end;
    char date[DK_DATE_MAX];
    dk_period span;
} claim_date;

typedef struct claim_t {
    const char *text;
    size_t len;
    claim_fig figs[MAX_CLAIM_FIGS];
    int nfigs, nall;       /* figures kept, figures stated */
    claim_date dates[MAX_CLAIM_DATES];
    int ndates;
    dk_evfact events[MAX_CLAIM_EVENTS];
    int nevents;
    char countries[DK_MAX_SUBJECTS][DK_ID_MAX];   /* in the claim's order */
    int ncountries;
    uint32_t words[DK_CLAIM_WORDS];   /* wording without figures and dates */
    int nwords;
    uint32_t said;         /* of words, those outside names (what is said
                              of the named) */
    /* a comparison: "A report a lower figure ... than B" */
    int compare;           /* +1 higher, -1 lower, 0 none */
    uint32_t awords[DK_CLAIM_WORDS], bwords[DK_CLAIM_WORDS];
    int nawords, nbwords;
    int sign;              /* +1 a rise, -1 a fall, 0 neither */
    int negated;
    /* the record sentences holding its wording, made on first use:
     * [0] best by own share, [1] best with context */
    dk_sentmatch match[2][MAX_MATCHES];
    int nmatch[2];         /* -1: not made yet */
} claim_t;

/* The sentences holding the claim's wording, best by own share (by_own)
 * or with their context. */
static int claim_matches(dk_checker *c, claim_t *cl, int by_own,
                         const dk_sentmatch **out)
{
    int k = by_own ? 0 : 1;
    if (cl->nmatch[k] < 0)
        cl->nmatch[k] = dk_sentidx_match(&c->sents, cl->words, cl->nwords,
                                         OWN_SHARE, by_own, cl->match[k],
                                         MAX_MATCHES);
    *out = cl->match[k];
    return cl->nmatch[k];
}

/* One piece of evidence: a figure of the record, or a sentence. */
typedef struct evidence {
    const dk_fact *f;      /* NULL: a sentence or an event */
    const char *doc, *date, *sentence, *period;
    int agree;
} evidence;

typedef struct verdict_ctx {
    evidence e[MAX_EVIDENCE];
    int n, nagree, ndisagree;
} verdict_ctx;

static void add_evidence(verdict_ctx *v, const dk_fact *f, const char *doc,
                         const char *date, const char *sentence,
                         const char *period, int agree)
{
    if (agree)
        v->nagree++;
    else
        v->ndisagree++;
    int at = v->n < MAX_EVIDENCE ? v->n++ : -1;
    if (at < 0 && (agree ? v->nagree : v->ndisagree) == 1) {
        /* full: the first of its side takes the last place of the other,
         * so that the answer shows both sides */
        at = MAX_EVIDENCE - 1;
    }
    if (at >= 0) {
        evidence *e = &v->e[at];
        e->f = f;
        e->doc = f ? f->doc : doc;
        e->date = f ? f->date : date;
        e->sentence = f ? f->sentence : sentence;
        e->period = f ? f->period : period;
        e->agree = agree;
    }
}

static void consider(verdict_ctx *v, const dk_fact *f, const dk_fact *claim)
{
    add_evidence(v, f, NULL, NULL, NULL, NULL,
                 dk_fig_agree(&claim->fig, &f->fig));
}

/* Keep the evidence i of v with keep[i] set, recounting its sides (v
 * holds all of its evidence: not more than MAX_EVIDENCE). */
static void keep_evidence(verdict_ctx *v, const char *keep)
{
    int k = 0;
    v->nagree = v->ndisagree = 0;
    for (int i = 0; i < v->n; i++) {
        if (!keep[i])
            continue;
        v->e[k] = v->e[i];
        if (v->e[k++].agree)
            v->nagree++;
        else
            v->ndisagree++;
    }
    v->n = k;
}

/* Does v hold evidence on both sides, all of it kept (so a filter below
 * may drop some)? */
static int both_sides(const verdict_ctx *v)
{
    return v->nagree && v->ndisagree && v->n == v->nagree + v->ndisagree;
}

static int same_period(const evidence *a, const evidence *b)
{
    return a->period && b->period && strcmp(a->period, b->period) == 0;
}

static int same_sentence_of(const evidence *a, const evidence *b)
{
    return a->f && b->f && a->f->sid && a->f->sid == b->f->sid;
}

static int is_span(const evidence *e)
{
    return e->period && strchr(e->period, '/') != NULL;
}

/* Does an agreeing piece of v share what same() compares with e? */
static int agreeing_like(const verdict_ctx *v, const evidence *e,
                         int (*same)(const evidence *, const evidence *))
{
    for (int j = 0; j < v->n; j++)
        if (v->e[j].agree && same(e, &v->e[j]))
            return 1;
    return 0;
}

/* When evidence both agrees and disagrees, keep the agreeing and those
 * that are (like = 1) or are not (like = 0) like an agreeing one by
 * same; drop the rest. */
static void keep_by_likeness(verdict_ctx *v,
                             int (*same)(const evidence *, const evidence *),
                             int like)
{
    if (!both_sides(v))
        return;
    char keep[MAX_EVIDENCE];
    for (int i = 0; i < v->n; i++)
        keep[i] = (char)(v->e[i].agree ||
                         agreeing_like(v, &v->e[i], same) == like);
    keep_evidence(v, keep);
}

/* Counts of happenings (agreements signed at a visit, at a forum) of
 * other days than the agreeing ones tell of other happenings, not of
 * this one: "30 documents signed during the visit" is not contradicted
 * by the 18 signed at a business council that year.  Drops them. */
static void separate_happenings(verdict_ctx *v)
{
    keep_by_likeness(v, same_period, 1);
}

/* A claim of no date against cumulative figures of other spans: "$12
 * billion over 2013-2023" does not gainsay "more than $24 billion" when
 * the record states that for 2005-2024.  Drops disagreeing figures of a
 * span (an interval) no agreeing one has, when an agreeing one has a
 * span. */
static void separate_spans(verdict_ctx *v)
{
    int spans = 0;
    for (int i = 0; i < v->n; i++)
        spans |= v->e[i].agree && is_span(&v->e[i]);
    if (!both_sides(v) || !spans)
        return;
    char keep[MAX_EVIDENCE];
    for (int i = 0; i < v->n; i++) {
        const evidence *e = &v->e[i];
        keep[i] = (char)(e->agree || !is_span(e) ||
                         agreeing_like(v, e, same_period));
    }
    keep_evidence(v, keep);
}

/* Is evidence e a bound that agrees with the claim's figure only by not
 * ruling it out ("more than $40 billion" allows $50 billion), not by
 * implying it ("more than $24 billion" implies "more than $20 billion";
 * "up to 30 days" implies "up to 30 days")? */
static int loose_bound(const evidence *e, const dk_fig *claim)
{
    if (!e->f || !e->agree)
        return 0;
    double r = e->f->fig.value, c = claim->value;
    double eps = 1e-9 * (fabs(r) + fabs(c));
    switch (e->f->fig.qualifier) {
    case DK_Q_OVER:
        return !(claim->qualifier == DK_Q_OVER && r >= c - eps);
    case DK_Q_UNDER:
        return !(claim->qualifier == DK_Q_UNDER && r <= c + eps);
    default:
        return 0;
    }
}

/* Record figures stated as values outweigh bounds: "$50 billion in 2023"
 * against "$41 billion" and "more than $40 billion" is contradicted, not
 * conflicting, since the bound only fails to rule $50 billion out.  When
 * every agreeing piece is such a bound and a disagreeing one is a value,
 * the bounds are dropped. */
static void bounds_yield(verdict_ctx *v, const dk_fig *claim)
{
    if (!both_sides(v))
        return;
    int values = 0;
    for (int i = 0; i < v->n; i++) {
        const evidence *e = &v->e[i];
        if (e->agree && !loose_bound(e, claim))
            return;   /* a real agreement: sources do conflict */
        if (!e->agree && e->f && e->f->fig.qualifier != DK_Q_OVER &&
            e->f->fig.qualifier != DK_Q_UNDER)
            values = 1;
    }
    if (!values)
        return;
    char keep[MAX_EVIDENCE];
    for (int i = 0; i < v->n; i++)
        keep[i] = (char)!v->e[i].agree;
    keep_evidence(v, keep);
}

/* The order of the facts, as integers: metric, period, document date
 * and name, position. */
typedef struct fact_key {
    int metric, doc;
    long lo, hi, start;
    int implied, idx;
} fact_key;

static int cmp_key(const void *x, const void *y)
{
    const fact_key *a = x, *b = y;
    if (a->metric != b->metric)
        return a->metric < b->metric ? -1 : 1;
    if (a->lo != b->lo)
        return a->lo < b->lo ? -1 : 1;
    if (a->hi != b->hi)
        return a->hi < b->hi ? -1 : 1;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->implied - b->implied;
}

static int cmp_str_ptr(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Documents ranked by date, then name (ties of date keep id order). */
static int cmp_doc_rank(const void *x, const void *y)
{
    const char *const *a = x, *const *b = y;
    int c = strcmp(a[0], b[0]);
    return c ? c : strcmp(a[1], b[1]);
}

/* Sort the facts by metric (then period, document date and name,
 * position): integer keys are sorted, the facts moved once. */
static dk_status sort_facts(dk_facts *fs)
{
    int n = fs->n;
    fact_key *k = malloc(((size_t)n + 1) * sizeof *k);
    const char **names = malloc(((size_t)n + 1) * sizeof *names);
    const char **docs = malloc(((size_t)n + 1) * 2 * sizeof *docs);
    dk_fact *v = malloc(((size_t)n + 1) * sizeof *v);
    if (!k || !names || !docs || !v) {
        free(k);
        free(names);
        free(docs);
        free(v);
        return DK_ERR_NOMEM;
    }
    /* metric ranks: the distinct names, sorted (facts of one metric
     * mostly follow each other, so few strcmp) */
    int nn = 0;
    for (int i = 0; i < n; i++)
        if (!nn || strcmp(names[nn - 1], fs->v[i].metric) != 0)
            names[nn++] = fs->v[i].metric;
    qsort(names, (size_t)nn, sizeof *names, cmp_str_ptr);
    int u = 0;
    for (int i = 0; i < nn; i++)
        if (!u || strcmp(names[u - 1], names[i]) != 0)
            names[u++] = names[i];
    /* document ranks: (date, name) pairs sorted, distinct */
    int nd = 0;
    for (int i = 0; i < n; i++)
        if (!nd || docs[2 * (nd - 1) + 1] != fs->v[i].doc) {
            docs[2 * nd] = fs->v[i].date;
            docs[2 * nd + 1] = fs->v[i].doc;
            nd++;
        }
    qsort(docs, (size_t)nd, 2 * sizeof *docs, cmp_doc_rank);
    for (int i = 0; i < n; i++) {
        const dk_fact *f = &fs->v[i];
        const char *key = f->metric, *pair[2] = {f->date, f->doc};
        const char **m = bsearch(&key, names, (size_t)u, sizeof *names,
                                 cmp_str_ptr);
        const char **d = bsearch(pair, docs, (size_t)nd, 2 * sizeof *docs,
                                 cmp_doc_rank);
        k[i].metric = m ? (int)(m - names) : 0;
        k[i].doc = d ? (int)((d - docs) / 2) : 0;
        k[i].lo = f->has_span ? f->span.lo : -1000000000L;
        k[i].hi = f->has_span ? f->span.hi : -1000000000L;
        k[i].start = f->start;
        k[i].implied = f->implied;
        k[i].idx = i;
    }
    qsort(k, (size_t)n, sizeof *k, cmp_key);
    for (int i = 0; i < n; i++)
        v[i] = fs->v[k[i].idx];
    free(k);
    free(names);
    free(docs);
    free(fs->v);
    fs->v = v;
    fs->cap = n + 1;
    return DK_OK;
}

/* Events by type, then text (copies together), then sentence. */
static int cmp_event(const void *x, const void *y)
{
    const dk_evfact *a = x, *b = y;
    int c = strcmp(a->event, b->event);
    if (!c)
        c = (a->rep > b->rep) - (a->rep < b->rep);
    return c ? c : (a->sid > b->sid) - (a->sid < b->sid);
}

/* The figures of each sentence: a CSR list over the sentence index. */
static dk_status index_sentence_facts(dk_checker *c)
{
    int ns = c->sents.n, nf = c->facts.n, nl = c->loose.n;
    c->sfirst = calloc((size_t)ns + 2, sizeof *c->sfirst);
    c->sfacts = malloc(((size_t)nf + (size_t)nl + 1) * sizeof *c->sfacts);
    int *at = malloc(((size_t)nf + (size_t)nl + 1) * sizeof *at);
    if (!c->sfirst || !c->sfacts || !at) {
        free(at);
        return DK_ERR_NOMEM;
    }
    for (int i = 0; i < nf + nl; i++) {
        const dk_fact *f = i < nf ? &c->facts.v[i] : &c->loose.v[i - nf];
        at[i] = f->implied ? -1 : dk_sentidx_find(&c->sents, f->sid);
        if (at[i] >= 0)
            c->sfirst[at[i] + 1]++;
    }
    for (int s = 0; s < ns; s++)
        c->sfirst[s + 1] += c->sfirst[s];
    c->sfirst[ns + 1] = c->sfirst[ns];
    for (int i = 0; i < nf + nl; i++)
        if (at[i] >= 0)
            c->sfacts[c->sfirst[at[i]]++] = i;
    /* sfirst[s] moved to the end of s, the start of s + 1: shift back */
    for (int s = ns; s > 0; s--)
        c->sfirst[s] = c->sfirst[s - 1];
    c->sfirst[0] = 0;
    free(at);
    return DK_OK;
}

static void doc_names_free(doc_names *d)
{
    for (int i = 0; i < d->n; i++) {
        free(d->name[i]);
        free(d->date[i]);
    }
    free(d->id);
    free(d->name);
    free(d->date);
}

static dk_status doc_names_load(sqlite3 *db, doc_names *d)
{
    memset(d, 0, sizeof *d);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT id, name, date FROM docs ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK)
        return DK_ERR_DB;
    int cap = 0, rc;
    dk_status s = DK_OK;
    while (!s && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (d->n == cap) {
            cap = cap ? cap * 2 : 256;
            int64_t *id = realloc(d->id, (size_t)cap * sizeof *id);
            if (id)
                d->id = id;
            char **nm = realloc(d->name, (size_t)cap * sizeof *nm);
            if (nm)
                d->name = nm;
            char **dt = realloc(d->date, (size_t)cap * sizeof *dt);
            if (dt)
                d->date = dt;
            if (!id || !nm || !dt) {
                s = DK_ERR_NOMEM;
                break;
            }
        }
        const char *nm = (const char *)sqlite3_column_text(st, 1);
        const char *dt = (const char *)sqlite3_column_text(st, 2);
        d->id[d->n] = sqlite3_column_int64(st, 0);
        d->name[d->n] = strdup(nm ? nm : "");
        d->date[d->n] = strdup(dt ? dt : "");
        d->n++;
        if (!d->name[d->n - 1] || !d->date[d->n - 1])
            s = DK_ERR_NOMEM;
    }
    if (!s && rc != SQLITE_DONE)
        s = DK_ERR_DB;
    sqlite3_finalize(st);
    if (s)
        doc_names_free(d);
    return s;
}

static int doc_index(const doc_names *d, int64_t id)
{
    int a = 0, b = d->n;
    while (a < b) {
        int m = a + (b - a) / 2;
        if (d->id[m] < id)
            a = m + 1;
        else
            b = m;
    }
    return a < d->n && d->id[a] == id ? a : -1;
}

/* After the dates are known: an attributed fact is current when no date
 * of its sentence states its period; a figure of no metric takes the
 * date of its sentence nearest to it as its period (none: current). */
static void date_facts(dk_checker *c)
{
    const dk_sentidx *x = &c->sents;
    for (int i = 0; i < c->facts.n; i++) {
        dk_fact *f = &c->facts.v[i];
        int s = dk_sentidx_find(x, f->sid);
        f->current = 1;
        for (int k = 0; s >= 0 && k < x->v[s].ndates; k++)
            if (f->has_span &&
                dk_period_equal(x->dates[x->v[s].date0 + k].span, f->span))
                f->current = 0;
    }
    for (int i = 0; i < c->loose.n; i++) {
        dk_fact *f = &c->loose.v[i];
        int s = dk_sentidx_find(x, f->sid), best = -1;
        long bd = 0;
        for (int k = 0; s >= 0 && k < x->v[s].ndates; k++) {
            long d = x->dates[x->v[s].date0 + k].start - f->start;
            d = d < 0 ? -d : d;
            if (best < 0 || d < bd) {
                best = x->v[s].date0 + k;
                bd = d;
            }
        }
        if (best >= 0) {
            memcpy(f->period, x->dates[best].date, sizeof f->period);
            f->span = x->dates[best].span;
            f->has_span = 1;
        }
        f->current = !f->has_span;
    }
}

/* One pass over the record's mentions: dates (to the sentences),
 * figures (attributed, or of no metric), events. */
static dk_status load_record(sqlite3 *db, dk_checker *c)
{
    doc_names *dn = &c->docs;
    dk_status s = doc_names_load(db, dn);
    if (s)
        return s;
    c->facts.borrows = c->loose.borrows = 1;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
            "SELECT " DK_MENTION_COLS ", m.doc, m.sentence FROM mentions m "
            "WHERE m.kind <> 'entity' AND "
            "(m.kind IN ('date', 'event') OR m.value IS NOT NULL)",
            -1, &st, NULL) != SQLITE_OK)
        return DK_ERR_DB;
    for (int i = 0; i < c->sents.n; i++) {
        dk_sentrec *r = &c->sents.v[i];
        int di = r->prev >= 0 ? -1 : doc_index(dn, r->docid);
        if (r->prev >= 0) {
            r->doc = c->sents.v[r->prev].doc;
            r->date = c->sents.v[r->prev].date;
        } else if (di >= 0) {
            r->doc = dn->name[di];
            r->date = dn->date[di];
        }
    }
    dk_sentdate *dates = NULL;
    int nd = 0, dcap = 0, rc;
    while (!s && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t sid = sqlite3_column_int64(st, DK_MENTION_NCOLS + 1);
        const char *kind = (const char *)sqlite3_column_text(st, 3);
        if (kind && strcmp(kind, "date") == 0) {
            /* a date: only where and when (the full read costs more) */
            const char *dt = (const char *)sqlite3_column_text(st, 9);
            if (!dt)
                continue;
            if (nd == dcap) {
                dcap = dcap ? dcap * 2 : 1024;
                dk_sentdate *d = realloc(dates, (size_t)dcap * sizeof *d);
                if (!d) {
                    s = DK_ERR_NOMEM;
                    break;
                }
                dates = d;
            }
            dk_sentdate *d = &dates[nd];
            d->sid = sid;
            d->start = (long)sqlite3_column_int64(st, 0);
            snprintf(d->date, sizeof d->date, "%s", dt);
            if (dk_period_parse(d->date, &d->span))
                nd++;
            continue;
        }
        dk_mention m;
        dk_store_read_mention(st, 0, &m);
        int di = doc_index(dn, sqlite3_column_int64(st, DK_MENTION_NCOLS));
        int si = dk_sentidx_find(&c->sents, sid);
        const char *doc = di >= 0 ? dn->name[di] : "";
        const char *date = di >= 0 ? dn->date[di] : "";
        const char *sentence = si >= 0 ? c->sents.v[si].text : "";
        if (m.kind == DK_EVENT) {
            if (!m.event[0])
                continue;
            dk_evfact e;
            dk_evfact_from_mention(&m, &e);
            e.doc = (char *)doc;
            e.date = (char *)date;
            e.sentence = (char *)sentence;
            e.sid = sid;
            e.rep = si >= 0 ? c->sents.v[si].rep : -1;
            s = dk_evfacts_push(&c->events, &e);
        } else {
            dk_fact f;
            dk_fact_from_mention(&m, &f);
            char text[256];
            size_t tl = (size_t)(m.end - m.start);
            if (tl >= sizeof text)
                tl = sizeof text - 1;
            memcpy(text, m.text, tl);
            text[tl] = '\0';
            f.text = text;
            f.doc = (char *)doc;
            f.date = (char *)date;
            f.sentence = (char *)sentence;
            f.sid = sid;
            s = dk_facts_push(f.metric[0] ? &c->facts : &c->loose, &f);
        }
    }
    if (!s && rc != SQLITE_DONE)
        s = DK_ERR_DB;
    sqlite3_finalize(st);
    dk_sentidx_set_dates(&c->sents, dates, s ? 0 : nd);
    if (!s)
        date_facts(c);
    return s;
}

dk_status dk_checker_open(sqlite3 *db, const char *pack_dir,
                          dk_checker **out, char *err, size_t cap)
{
    *out = NULL;
    dk_checker *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, cap, "out of memory");
        return DK_ERR_NOMEM;
    }
    dk_options eo;
    memset(&eo, 0, sizeof eo);
    eo.pack_dir = pack_dir;
    dk_status s;
    c->engine = dk_engine_new(&eo, &s);
    if (!c->engine) {
        snprintf(err, cap, "cannot start the engine: %s", dk_strerror(s));
        free(c);
        return s;
    }
    if (pack_dir && !(c->pack = dk_pack_load(pack_dir, err, cap))) {
        dk_checker_close(c);
        return DK_ERR_PACK;
    }
    /* the record is read whole, once: mapped, not copied page by page
     * (an optimisation only: ignored where mmap is not available) */
    sqlite3_exec(db, "PRAGMA mmap_size = 1073741824", NULL, NULL, NULL);
    s = dk_sentidx_load(db, &c->sents);
    if (!s)
        s = load_record(db, c);
    if (!s)
        s = dk_facts_add_implied(&c->facts);
    if (!s)
        s = sort_facts(&c->facts);
    if (!s && c->events.n)
        qsort(c->events.v, (size_t)c->events.n, sizeof *c->events.v, cmp_event);
    if (!s)
        s = index_sentence_facts(c);
    if (s) {
        snprintf(err, cap, "cannot read the record: %s",
                 s == DK_ERR_DB ? sqlite3_errmsg(db) : dk_strerror(s));
        dk_checker_close(c);
        return s;
    }
    *out = c;
    return DK_OK;
}

void dk_checker_close(dk_checker *c)
{
    if (!c)
        return;
    dk_engine_free(c->engine);
    dk_pack_free(c->pack);
    dk_facts_free(&c->facts);
    dk_facts_free(&c->loose);
    dk_evfacts_free(&c->events);
    dk_sentidx_free(&c->sents);
    doc_names_free(&c->docs);
    free(c->sfirst);
    free(c->sfacts);
    free(c);
}

/* ---- reading the claim ---- */

/* The pack's function row a cue match belongs to ("_up"), or "". */
static const char *cue_id(const dk_checker *c, const dk_pack_match *m)
{
    int nm = 0;
    const dk_pack_metric *met = dk_pack_metrics(c->pack, &nm);
    return m->index >= 0 && m->index < nm ? met[m->index].id : "";
}

static int find_cues(const dk_checker *c, const char *text, size_t n,
                     dk_pack_match *mt)
{
    if (!c->pack)
        return 0;
    int k = dk_pack_find_cues(c->pack, text, n, mt, MAX_CUES);
    return k < MAX_CUES ? k : MAX_CUES;
}

/* The pack's row of a metric, or NULL. */
static const dk_pack_metric *pack_metric(const dk_checker *c, const char *id)
{
    int nm = 0;
    const dk_pack_metric *met = c->pack ? dk_pack_metrics(c->pack, &nm) : NULL;
    for (int i = 0; i < nm; i++)
        if (strcmp(met[i].id, id) == 0)
            return &met[i];
    return NULL;
}

/* What the claim's metric says about matching: whether its subjects are
 * in order (exports from the first to the second, unlike trade between
 * a pair), whether it counts what happens at dated events (agreements
 * signed during a visit: a year holds the day's figures). */
static void metric_traits(const dk_checker *c, claim_fig *cf)
{
    const dk_pack_metric *m = pack_metric(c, cf->f.metric);
    cf->ordered = m && strncmp(m->order, "pair", 4) != 0;
    cf->at_events = m && strstr(m->order, ";events") != NULL;
}

/* "a third", "one quarter" in a claim of a change: the share as a
 * percentage, allowing what is nearer to it than to the next fractions
 * (a third: 29.2 to 41.7 percent). */
static void fraction_percent(claim_fig *cf, double denom)
{
    double v = 100 / denom;
    cf->f.fig.value = v;
    cf->f.fig.low = (v + 100 / (denom + 1)) / 2;
    cf->f.fig.high = denom > 1 ? (v + 100 / (denom - 1)) / 2 : v;
    cf->f.fig.qualifier = DK_Q_RANGE;
    cf->f.fig.step = 0;
    cf->f.unit[0] = '\0';
    cf->f.kind = DK_PERCENT;
}

/* Is the word right before byte start of the claim w (lower case)? */
static int word_before(const claim_t *cl, uint64_t start, const char *w)
{
    size_t n = strlen(w);
    if (start < n + 1 || start > cl->len || cl->text[start - 1] != ' ')
        return 0;
    size_t a = (size_t)start - 1 - n;
    if (a > 0 && cl->text[a - 1] != ' ')
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((cl->text[a + i] | 0x20) != w[i])
            return 0;
    return 1;
}

/* An ordinal right after the article "a" ("grew by a third"). */
static int after_article(const claim_t *cl, uint64_t start)
{
    return word_before(cl, start, "a");
}


static void add_fig(claim_t *cl, const dk_mention *m)
{
    cl->nall++;
    if (cl->nfigs == MAX_CLAIM_FIGS)
        return;
    claim_fig *cf = &cl->figs[cl->nfigs++];
    memset(cf, 0, sizeof *cf);
    cf->start = m->start;
    cf->end = m->end;
    cf->f.kind = m->kind;
    size_t tl = (size_t)(m->end - m->start);
    if (tl >= sizeof cf->text)
        tl = sizeof cf->text - 1;
    memcpy(cf->text, m->text, tl);
    cf->f.fig.value = m->value;
    cf->f.fig.low = m->low;
    cf->f.fig.high = m->high;
    cf->f.fig.qualifier = m->qualifier;
    cf->f.fig.step = dk_fig_step_of(m->kind, m->text, tl, m->value);
    if (word_before(cl, m->start, "exactly") ||
        word_before(cl, m->start, "precisely"))
        cf->f.fig.step = 0;     /* no rounding: "exactly $41 bn" */
    memcpy(cf->f.unit, m->unit, sizeof cf->f.unit);
    memcpy(cf->f.metric, m->metric, sizeof cf->f.metric);
    memcpy(cf->f.period, m->period, sizeof cf->f.period);
    cf->f.nsubjects = m->nsubjects;
    memcpy(cf->f.subjects, m->subjects, sizeof cf->f.subjects);
}

/* The claim date nearest to a figure, or -1. */
static int nearest_date(const claim_t *cl, const claim_fig *cf)
{
    int best = -1;
    uint64_t bd = UINT64_MAX;
    for (int i = 0; i < cl->ndates; i++) {
        const claim_date *d = &cl->dates[i];
        uint64_t dist = d->start >= cf->end ? d->start - cf->end
                                            : cf->start - d->end;
        if (dist < bd) {
            bd = dist;
            best = i;
        }
    }
    return best;
}

/* Is date d announced by a "since" cue right before it? */
static int since_before(const dk_checker *c, const claim_t *cl,
                        const dk_pack_match *mt, int nm, const claim_date *d)
{
    for (int i = 0; i < nm; i++) {
        if (strcmp(cue_id(c, &mt[i]), "_since") != 0 || mt[i].end > d->start)
            continue;
        uint64_t k = mt[i].end;
        while (k < d->start && cl->text[k] == ' ')
            k++;
        if (k == d->start)
            return 1;
    }
    return 0;
}

/* Read the claim: figures, dates, events, countries, wording, cues. */
static int read_claim(dk_checker *c, const char *text, claim_t *cl)
{
    memset(cl, 0, sizeof *cl);
    cl->text = text;
    cl->len = strlen(text);
    dk_doc *d = dk_doc_open(c->engine, "claim", c->date[0] ? c->date : NULL);
    if (!d)
        return -1;
    char *blank = malloc(2 * (cl->len + 1));
    if (!blank) {
        dk_doc_close(d);
        return -1;
    }
    char *unnamed = blank + cl->len + 1;   /* names blanked too */
    size_t names[MAX_CLAIM_NAMES][2];
    int nnames = 0;
    memcpy(blank, text, cl->len + 1);
    const dk_mention *m;
    if (dk_doc_feed(d, text, cl->len) == DK_OK)
        dk_doc_finish(d);
    while ((m = dk_doc_next(d)) != NULL) {
        if (m->kind == DK_DATE && cl->ndates < MAX_CLAIM_DATES) {
            claim_date *cd = &cl->dates[cl->ndates];
            cd->start = m->start;
            cd->end = m->end;
            memcpy(cd->date, m->date, sizeof cd->date);
            if (dk_period_parse(cd->date, &cd->span))
                cl->ndates++;
        } else if (m->kind == DK_EVENT && m->event[0] &&
                   cl->nevents < MAX_CLAIM_EVENTS) {
            dk_evfact_from_mention(m, &cl->events[cl->nevents++]);
        }
        if (m->kind == DK_ENTITY && nnames < MAX_CLAIM_NAMES &&
            m->end <= cl->len) {
            names[nnames][0] = (size_t)m->start;
            names[nnames++][1] = (size_t)m->end;
        }
        if (m->kind == DK_ENTITY && strcmp(m->type, "country") == 0 &&
                   cl->ncountries < DK_MAX_SUBJECTS) {
            int seen = 0;
            for (int i = 0; i < cl->ncountries; i++)
                seen |= strcmp(cl->countries[i], m->id) == 0;
            if (!seen)
                memcpy(cl->countries[cl->ncountries++], m->id, DK_ID_MAX);
        }
        if ((m->has_value && m->kind != DK_ENTITY && m->kind != DK_EVENT) ||
            m->kind == DK_DATE) {
            if (m->kind != DK_DATE)
                add_fig(cl, m);
            if (m->end <= cl->len)
                memset(blank + m->start, ' ', (size_t)(m->end - m->start));
        }
    }
    dk_doc_close(d);
    memcpy(unnamed, blank, cl->len + 1);
    for (int i = 0; i < nnames; i++)
        memset(unnamed + names[i][0], ' ', names[i][1] - names[i][0]);
    cl->nwords = dk_text_words(blank, cl->len, cl->words, DK_CLAIM_WORDS);
    uint32_t said[DK_CLAIM_WORDS];
    int nsaid = dk_text_words(unnamed, cl->len, said, DK_CLAIM_WORDS);
    for (int k = 0; k < cl->nwords; k++)
        for (int j = 0; j < nsaid; j++)
            if (cl->words[k] == said[j])
                cl->said |= 1u << k;
    cl->nmatch[0] = cl->nmatch[1] = -1;

    dk_pack_match mt[MAX_CUES];
    int nm = find_cues(c, text, cl->len, mt);
    size_t sign_at = 0;
    for (int i = 0; i < nm; i++) {
        const char *id = cue_id(c, &mt[i]);
        if (!cl->sign && strcmp(id, "_up") == 0) {
            cl->sign = 1;
            sign_at = mt[i].start;
        } else if (!cl->sign && strcmp(id, "_down") == 0) {
            cl->sign = -1;
            sign_at = mt[i].start;
        } else if (strcmp(id, "_not") == 0) {
            cl->negated = 1;
        }
    }
    /* a comparison: a direction word, then "than": the wording before
     * the direction names one side, the wording after "than" the other */
    const char *than = strstr(text, " than ");
    if (cl->sign && than && (size_t)(than - text) > sign_at) {
        size_t b0 = (size_t)(than - text) + 6;
        cl->compare = cl->sign;
        cl->nawords = dk_text_words(blank, sign_at, cl->awords, DK_CLAIM_WORDS);
        cl->nbwords = dk_text_words(blank + b0, cl->len - b0, cl->bwords,
                                    DK_CLAIM_WORDS);
    }
    free(blank);
    for (int i = 0; i < cl->nfigs; i++) {
        claim_fig *cf = &cl->figs[i];
        if (cl->sign && cf->f.kind == DK_ORDINAL && cf->f.fig.value >= 2 &&
            after_article(cl, cf->start))
            fraction_percent(cf, cf->f.fig.value);
        else if (cl->sign && cf->f.kind == DK_NUMBER && cf->f.fig.value > 0 &&
                 cf->f.fig.value < 1 &&
                 fabs(1 / cf->f.fig.value - round(1 / cf->f.fig.value)) < 1e-6)
            fraction_percent(cf, round(1 / cf->f.fig.value));
        int nd = nearest_date(cl, cf);
        if (!cf->f.metric[0] && nd >= 0)   /* the engine gave no period */
            memcpy(cf->f.period, cl->dates[nd].date, sizeof cf->f.period);
        cf->f.has_span = cf->f.period[0] &&
                         dk_period_parse(cf->f.period, &cf->f.span);
        cf->dated = cf->f.has_span && cl->ndates > 0;
        for (int k = 0; k < cl->ndates && cf->dated; k++)
            if (strcmp(cl->dates[k].date, cf->f.period) == 0 &&
                since_before(c, cl, mt, nm, &cl->dates[k]))
                cf->since = 1;
        metric_traits(c, cf);
    }
    return 0;
}

/* ---- the record's figures ---- */

/* The facts of one metric: [*lo, *hi) of the sorted facts. */
static void metric_range(const dk_facts *fs, const char *metric, int *lo,
                         int *hi)
{
    int a = 0, b = fs->n;
    while (a < b) {
        int m = a + (b - a) / 2;
        if (strcmp(fs->v[m].metric, metric) < 0)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    b = fs->n;
    while (a < b) {
        int m = a + (b - a) / 2;
        if (strcmp(fs->v[m].metric, metric) <= 0)
            a = m + 1;
        else
            b = m;
    }
    *hi = a;
}

/* Subjects match.  Strict: the same ids, in the same order when the
 * metric's order carries meaning, else in any order.  Loose (tried only
 * when nothing matches strictly): every claimed id among the fact's.  A
 * claim naming no subject matches any. */
static int subjects_match(const dk_fact *claim, const dk_fact *f, int loose,
                          int ordered)
{
    if (claim->nsubjects == 0)
        return 1;
    if (!loose && claim->nsubjects != f->nsubjects)
        return 0;
    if (!loose && ordered) {
        for (int i = 0; i < claim->nsubjects; i++)
            if (strcmp(claim->subjects[i], f->subjects[i]) != 0)
                return 0;
        return 1;
    }
    for (int i = 0; i < claim->nsubjects; i++) {
        int found = 0;
        for (int j = 0; j < f->nsubjects; j++)
            found |= strcmp(claim->subjects[i], f->subjects[j]) == 0;
        if (!found)
            return 0;
    }
    return 1;
}

/* A fact of the claim figure's metric range (metric_range) fits it: the
 * same unit and subjects. */
static int fact_fits(const claim_fig *cf, const dk_fact *f, int loose)
{
    return cf->f.unit[0] == f->unit[0] && strcmp(cf->f.unit, f->unit) == 0 &&
           subjects_match(&cf->f, f, loose, cf->ordered);
}

/* The fact's period is the claim figure's: the same span; for "since
 * 2005" a span from then; with wide, a span inside the claim's for
 * counts and for what happens at dated events ("ten agreements signed on
 * Sept. 11-12" are agreements of 2019; trade in January-October is not
 * trade in 2023). */
static int period_fits(const claim_fig *cf, const dk_fact *f, int wide)
{
    if (!f->has_span)
        return 0;
    if (cf->since)
        return f->span.lo == cf->f.span.lo && strchr(f->period, '/') != NULL;
    if (dk_period_equal(f->span, cf->f.span))
        return 1;
    /* counts add up over a span; a rate or rank of a part of it says
     * nothing of the whole */
    return wide && ((!f->unit[0] && f->kind == DK_NUMBER) || cf->at_events) &&
           dk_period_contains(cf->f.span, f->span);
}

/* Is fact f's period a span of two years or more up to the year it was
 * written in ("$24 billion since 2005" in a text of 2024: 2005/2024), so
 * as current as a figure stated with no date?  Only for a stock (stock:
 * the metric is no flow; a two-year total of trade is no current figure). */
static int to_writing(const dk_fact *f, int stock)
{
    const char *sl = strchr(f->period, '/');
    return stock && sl && f->date && strlen(sl + 1) == 4 &&
           strlen(f->date) >= 4 && memcmp(sl + 1, f->date, 4) == 0 &&
           atoi(f->period) <= atoi(sl + 1) - 2;
}

/* Is metric a stock, not a flow (";flow" in the pack's metrics.tsv)? */
static int is_stock(const dk_checker *c, const char *metric)
{
    const dk_pack_metric *m = pack_metric(c, metric);
    return m && strstr(m->order, "flow") == NULL;
}

/* Two figures of one sentence ("55 joint projects ..., of which 15 had
 * been completed"): the one that does not agree is a part or a
 * breakdown of the one that does, no other source. */
static void same_sentence(verdict_ctx *v)
{
    keep_by_likeness(v, same_sentence_of, 0);
}

static void select_facts_pass(const dk_checker *c, const claim_fig *cf,
                              verdict_ctx *v, int loose)
{
    const dk_facts *fs = &c->facts;
    int lo, hi;
    metric_range(fs, cf->f.metric, &lo, &hi);
    memset(v, 0, sizeof *v);
    if (cf->dated) {
        for (int wide = 0; wide < 2 && !v->n; wide++)
            for (int i = lo; i < hi; i++)
                if (period_fits(cf, &fs->v[i], wide) &&
                    (!wide || !period_fits(cf, &fs->v[i], 0)) &&
                    fact_fits(cf, &fs->v[i], loose))
                    consider(v, &fs->v[i], &cf->f);
        return;
    }
    /* no date: facts stated as current, else the latest period */
    int stock = is_stock(c, cf->f.metric);
    for (int i = lo; i < hi; i++)
        if ((fs->v[i].current || to_writing(&fs->v[i], stock)) &&
            !fs->v[i].implied && fact_fits(cf, &fs->v[i], loose))
            consider(v, &fs->v[i], &cf->f);
    if (v->n)
        return;
    long latest = -1000000000L;
    for (int i = lo; i < hi; i++)
        if (fact_fits(cf, &fs->v[i], loose) && fs->v[i].has_span &&
            fs->v[i].span.hi > latest)
            latest = fs->v[i].span.hi;
    for (int i = lo; i < hi; i++)
        if (fact_fits(cf, &fs->v[i], loose) && fs->v[i].has_span &&
            fs->v[i].span.hi == latest)
            consider(v, &fs->v[i], &cf->f);
}

/* Which facts the claim figure is compared with: those whose subjects
 * are the claim's, else (nothing found) those that include them. */
static void select_facts(const dk_checker *c, const claim_fig *cf,
                         verdict_ctx *v)
{
    select_facts_pass(c, cf, v, 0);
    if (!v->n)
        select_facts_pass(c, cf, v, 1);
}

static const dk_fact *fact_at(const dk_checker *c, int i)
{
    return i < c->facts.n ? &c->facts.v[i] : &c->loose.v[i - c->facts.n];
}

/* A record figure that can answer the claim figure: of its kind and
 * unit, not implied. */
static int same_kind(const claim_fig *cf, const dk_fact *f)
{
    return !f->implied && f->kind == cf->f.kind &&
           strcmp(f->unit, cf->f.unit) == 0;
}

/* The period of a figure of no metric (record sentence s) fits the
 * claim's: its nearest date does, or, when it is the sentence's only
 * figure of its kind, any date of the sentence does ("In 2019 ...
 * against plans to move 55 factories, and in 2016 ..."). */
static int loose_period_fits(const dk_checker *c, const claim_fig *cf,
                             const dk_fact *f, int s)
{
    if (!cf->dated || period_fits(cf, f, 1))
        return 1;
    int same = 0;
    for (int j = c->sfirst[s]; j < c->sfirst[s + 1]; j++)
        same += same_kind(cf, fact_at(c, c->sfacts[j]));
    if (same != 1)
        return 0;
    const dk_sentrec *r = &c->sents.v[s];
    for (int i = 0; i < r->ndates; i++) {
        dk_fact g = *f;
        g.span = c->sents.dates[r->date0 + i].span;
        g.has_span = 1;
        g.period[0] = '\0';
        if (period_fits(cf, &g, 1))
            return 1;
    }
    return 0;
}

/* Is record sentence text about other countries than the claim's: it
 * names a country the claim does not and misses one the claim names
 * ("Uzbekistan and China" for a claim of Kazakhstan and China)? */
static int other_countries(const dk_checker *c, const claim_t *cl,
                           const char *text)
{
    if (!cl->ncountries || !c->pack)
        return 0;
    dk_pack_match mt[32];
    int n = dk_pack_find_entities(c->pack, text, strlen(text), mt, 32), ne;
    const dk_pack_entity *pe = dk_pack_entities(c->pack, &ne);
    int outside = 0;
    unsigned named = 0;     /* bit i: the claim's country i */
    for (int k = 0; k < n; k++) {
        if (mt[k].index < 0 || mt[k].index >= ne ||
            strcmp(pe[mt[k].index].type, "country") != 0)
            continue;
        int in = 0;
        for (int i = 0; i < cl->ncountries; i++)
            if (strcmp(cl->countries[i], pe[mt[k].index].id) == 0) {
                named |= 1u << i;
                in = 1;
            }
        outside |= !in;
    }
    return outside && named != (1u << cl->ncountries) - 1;
}

/* A claim figure the pack did not attribute, matched by wording (sentences
 * ranked by the share of the claim's wording they hold themselves):
 *   an attributed figure of the claim's kind, unit and period in the best
 *   such sentence (FIG_COVER of the wording, or any share when the claim
 *   is dated: the period then matched too) gives the claim its metric and
 *   subjects (guessed; returns 1), unless the best sentences disagree on
 *   the metric;
 *   else figures of no metric in the best sentences holding FIG_COVER are
 *   compared with it (returns 2, v filled), a sentence agreeing when one
 *   of its figures allows the claim's.
 * only_loose: figures of no metric only.  Returns 0 when nothing fits. */
static int by_wording(dk_checker *c, claim_t *cl, claim_fig *cf,
                      int only_loose, verdict_ctx *v)
{
    const dk_sentmatch *sm;
    int ns = claim_matches(c, cl, 1, &sm);
    memset(v, 0, sizeof *v);
    /* the best attributed figure */
    const dk_fact *att = NULL;
    double att_own = -1;
    int ambiguous = 0;
    for (int k = 0; k < ns && !only_loose; k++) {
        if (att && sm[k].own < att_own - 1e-9)
            break;
        if (sm[k].own < FIG_COVER && !cf->dated)
            break;
        int s = sm[k].sent;
        for (int j = c->sfirst[s]; j < c->sfirst[s + 1]; j++) {
            const dk_fact *f = fact_at(c, c->sfacts[j]);
            if (c->sfacts[j] >= c->facts.n || !same_kind(cf, f) ||
                (cf->dated && !period_fits(cf, f, 1)))
                continue;
            if (!att) {
                att = f;
                att_own = sm[k].own;
            } else if (!dk_fact_same_subject(att, f)) {
                ambiguous = 1;
            }
        }
    }
    /* the figures of no metric */
    double best = -1;
    for (int k = 0; k < ns && sm[k].own >= FIG_COVER; k++) {
        if (best >= 0 && sm[k].own < best - 1e-9)
            break;
        const dk_fact *agree = NULL, *first = NULL;
        int s = sm[k].sent;
        if (other_countries(c, cl, c->sents.v[s].text))
            continue;
        for (int j = c->sfirst[s]; j < c->sfirst[s + 1]; j++) {
            const dk_fact *f = fact_at(c, c->sfacts[j]);
            if (c->sfacts[j] < c->facts.n || !same_kind(cf, f) ||
                !loose_period_fits(c, cf, f, s))
                continue;
            if (!first)
                first = f;
            if (!agree && dk_fig_agree(&cf->f.fig, &f->fig))
                agree = f;
        }
        if (first) {
            best = sm[k].own;
            consider(v, agree ? agree : first, &cf->f);
        }
    }
    if (att && !ambiguous && att_own >= best) {
        memset(v, 0, sizeof *v);
        memcpy(cf->f.metric, att->metric, sizeof cf->f.metric);
        cf->f.nsubjects = att->nsubjects;
        memcpy(cf->f.subjects, att->subjects, sizeof cf->f.subjects);
        cf->guessed = 1;
        metric_traits(c, cf);
        return 1;
    }
    if (!v->n)
        return 0;
    cf->by_wording = 1;
    return 2;
}

/* The direction of the change a fact's sentence states: its stated
 * change, else the nearest _up/_down cue before the figure (after it
 * when none is before).  0 when it states none. */
static int fact_sign(const dk_checker *c, const dk_fact *f)
{
    if (f->has_change) {
        double neutral = strcmp(f->change_unit, "times") == 0 ? 1 : 0;
        return f->change_value > neutral ? 1 : f->change_value < neutral ? -1 : 0;
    }
    const char *at = f->text[0] ? strstr(f->sentence, f->text) : NULL;
    if (!at)
        return 0;
    size_t pos = (size_t)(at - f->sentence);
    dk_pack_match mt[MAX_CUES];
    int nm = find_cues(c, f->sentence, strlen(f->sentence), mt), before = 0,
        after = 0;
    for (int i = 0; i < nm; i++) {
        const char *id = cue_id(c, &mt[i]);
        int sg = strcmp(id, "_up") == 0 ? 1 : strcmp(id, "_down") == 0 ? -1 : 0;
        if (!sg)
            continue;
        if (mt[i].end <= pos)
            before = sg;               /* the last one before */
        else if (!after && mt[i].start >= pos + strlen(f->text))
            after = sg;
    }
    return before ? before : after;
}

/* A claim that a figure rose or fell by a percentage ("rail freight rose
 * by 22% in 2023"): the stated change of the sentence that holds most of
 * the claim's wording, of the claim's period.  Returns the fact, or NULL. */
static const dk_fact *change_fact(dk_checker *c, claim_t *cl,
                                  claim_fig *cf)
{
    if (cf->f.kind != DK_PERCENT || !cl->sign)
        return NULL;
    const dk_sentmatch *sm;
    int ns = claim_matches(c, cl, 1, &sm);
    for (int k = 0; k < ns && sm[k].own >= FIG_COVER; k++) {
        int s = sm[k].sent;
        for (int j = c->sfirst[s]; j < c->sfirst[s + 1]; j++) {
            if (c->sfacts[j] >= c->facts.n)
                continue;
            const dk_fact *f = &c->facts.v[c->sfacts[j]];
            if (!f->has_change || strcmp(f->change_unit, "%") != 0)
                continue;
            if (cf->dated && !(f->has_span && dk_period_equal(f->span, cf->f.span)))
                continue;
            cf->change = 1;
            if (cf->f.fig.qualifier == DK_Q_RANGE) {
                double lo = cf->f.fig.low, hi = cf->f.fig.high;
                cf->f.fig.low = cl->sign > 0 ? lo : -hi;
                cf->f.fig.high = cl->sign > 0 ? hi : -lo;
            }
            cf->f.fig.value *= cl->sign;
            memcpy(cf->f.metric, f->metric, sizeof cf->f.metric);
            cf->f.nsubjects = f->nsubjects;
            memcpy(cf->f.subjects, f->subjects, sizeof cf->f.subjects);
            return f;
        }
    }
    return NULL;
}

/* ---- the verdict ---- */

static const char *verdict_of(const verdict_ctx *v)
{
    if (v->nagree && v->ndisagree)
        return "conflicting_sources";
    if (v->nagree)
        return "supported";
    if (v->ndisagree)
        return "contradicted";
    return "not_found";
}

static int rank(const char *verdict)
{
    if (strcmp(verdict, "contradicted") == 0) return 3;
    if (strcmp(verdict, "conflicting_sources") == 0) return 2;
    if (strcmp(verdict, "supported") == 0) return 1;
    return 0;
}

static void fmt_value(char *out, size_t cap, const dk_fact *f)
{
    double v = f->fig.value;
    const char *u = f->unit;
    const char *scale = "";
    double a = fabs(v);
    if (a >= 1e12) { v /= 1e12; scale = " trillion"; }
    else if (a >= 1e9) { v /= 1e9; scale = " billion"; }
    else if (a >= 1e6) { v /= 1e6; scale = " million"; }
    char num[40];
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(num, sizeof num, "%.0f", v);
    else
        snprintf(num, sizeof num, "%.4g", v);
    if (strcmp(u, "USD") == 0)
        snprintf(out, cap, "$%s%s", num, scale);
    else if (strcmp(u, "%") == 0)
        snprintf(out, cap, "%s%%", num);
    else
        snprintf(out, cap, "%s%s%s%s", num, scale, u[0] ? " " : "", u);
}

/* "$41 billion for 2023 (s01); $41.1 billion for 2023 (s10)" */
static void say_record(char *out, size_t cap, const verdict_ctx *v, int agree)
{
    size_t len = 0;
    int said = 0;
    out[0] = '\0';
    for (int k = 0; k < v->n && said < 3; k++) {
        const evidence *e = &v->e[k];
        if (e->agree != agree)
            continue;
        char val[96] = "";
        if (e->f)
            fmt_value(val, sizeof val, e->f);
        len += (size_t)snprintf(out + len, len < cap ? cap - len : 0,
                                "%s%s%sfor %s (%s%s)", said ? "; " : "", val,
                                val[0] ? " " : "",
                                e->period && e->period[0] ? e->period : "no period",
                                e->doc, e->f && e->f->implied ? ", implied" : "");
        said++;
    }
}

/* A fact of another period that agrees with the claim, or NULL. */
static const dk_fact *agreeing_elsewhere(const dk_checker *c,
                                         const claim_fig *cf)
{
    const dk_facts *fs = &c->facts;
    int lo, hi;
    metric_range(fs, cf->f.metric, &lo, &hi);
    for (int i = lo; i < hi; i++)
        if (fact_fits(cf, &fs->v[i], 1) &&
            dk_fig_agree(&cf->f.fig, &fs->v[i].fig) &&
            !(cf->dated && fs->v[i].has_span &&
              dk_period_equal(fs->v[i].span, cf->f.span)))
            return &fs->v[i];
    return NULL;
}

static void explain_fig(char *out, size_t cap, const dk_checker *c,
                        const claim_fig *cf, const verdict_ctx *v,
                        const char *verdict)
{
    char claimed[96], rec[600];
    fmt_value(claimed, sizeof claimed, &cf->f);
    const char *when = cf->dated ? cf->f.period : "now";
    const char *what = cf->by_wording ? "the figure of the sentences that "
                                        "say the same" : cf->f.metric;
    if (cf->change && v->n) {
        const dk_fact *f = v->e[0].f;
        char val[96];
        fmt_value(val, sizeof val, f);
        snprintf(out, cap, "the record says %s %s by %+g%% to %s for %s (%s); "
                 "the claim says %+g%%", f->metric,
                 f->change_value >= 0 ? "rose" : "fell", f->change_value, val,
                 f->period, f->doc, cf->f.fig.value);
        return;
    }
    if (strcmp(verdict, "supported") == 0) {
        say_record(rec, sizeof rec, v, 1);
        snprintf(out, cap, "the record agrees with %s %s for %s: %s",
                 what, claimed, when, rec);
    } else if (strcmp(verdict, "conflicting_sources") == 0) {
        char other[600];
        say_record(rec, sizeof rec, v, 1);
        say_record(other, sizeof other, v, 0);
        snprintf(out, cap, "sources disagree on %s for %s: %s agree with "
                 "the claim's %s, but %s do not", what, when, rec,
                 claimed, other);
    } else if (strcmp(verdict, "contradicted") == 0) {
        say_record(rec, sizeof rec, v, 0);
        const dk_fact *e = cf->by_wording ? NULL : agreeing_elsewhere(c, cf);
        if (e)
            snprintf(out, cap, "the record says %s; the claim says %s, which "
                     "the record gives for %s", rec, claimed,
                     e->period[0] ? e->period : "another period");
        else
            snprintf(out, cap, "the record says %s; the claim says %s",
                     rec, claimed);
    } else {
        snprintf(out, cap, "the record has no %s figure for %s", cf->f.metric,
                 when);
    }
}

/* Nearest figures for a claim the record cannot answer. */
static int nearest(const dk_checker *c, const claim_fig *cf,
                   const dk_fact **out, int max)
{
    const dk_facts *fs = &c->facts;
    int n = 0, lo, hi;
    metric_range(fs, cf->f.metric, &lo, &hi);
    for (int i = hi - 1; i >= lo && n < max; i--)
        if (fact_fits(cf, &fs->v[i], 1) && !fs->v[i].implied)
            out[n++] = &fs->v[i];
    return n;
}

/* ---- claims without figures ---- */

/* The first indicator the claim's wording names, or NULL. */
static const char *claim_metric(const dk_checker *c, const claim_t *cl)
{
    dk_pack_match mt[MAX_CUES];
    int nm = find_cues(c, cl->text, cl->len, mt);
    for (int i = 0; i < nm; i++) {
        const char *id = cue_id(c, &mt[i]);
        if (id[0] && id[0] != '_')
            return id;
    }
    return NULL;
}

/* The fact's subjects allow the countries the claim names (in order for
 * a metric whose order carries meaning). */
static int countries_fit(const claim_t *cl, const dk_fact *f, int ordered)
{
    if (ordered && cl->ncountries >= 2 && f->nsubjects >= 2)
        return strcmp(cl->countries[0], f->subjects[0]) == 0 &&
               strcmp(cl->countries[1], f->subjects[1]) == 0;
    for (int i = 0; i < cl->ncountries; i++) {
        int found = 0;
        for (int j = 0; j < f->nsubjects; j++)
            found |= strcmp(cl->countries[i], f->subjects[j]) == 0;
        if (!found)
            return 0;
    }
    return 1;
}

/* "Trade fell in 2023": the direction the record states for the claim's
 * indicator, countries and period.  A comparison ("lower than ...") is
 * not a change.  Fills v; returns the metric or NULL. */
static const char *change_claim(const dk_checker *c, const claim_t *cl,
                                verdict_ctx *v, claim_fig *cf)
{
    memset(v, 0, sizeof *v);
    if (!cl->sign || cl->nall || !cl->ndates || strstr(cl->text, " than "))
        return NULL;
    const char *metric = claim_metric(c, cl);
    if (!metric)
        return NULL;
    memset(cf, 0, sizeof *cf);
    snprintf(cf->f.metric, sizeof cf->f.metric, "%s", metric);
    memcpy(cf->f.period, cl->dates[0].date, sizeof cf->f.period);
    cf->f.span = cl->dates[0].span;
    cf->f.has_span = cf->dated = 1;
    metric_traits(c, cf);
    int lo, hi;
    metric_range(&c->facts, metric, &lo, &hi);
    for (int i = lo; i < hi; i++) {
        const dk_fact *f = &c->facts.v[i];
        if (f->implied || !f->has_span || !dk_period_equal(f->span, cf->f.span) ||
            !countries_fit(cl, f, cf->ordered))
            continue;
        int sg = fact_sign(c, f);
        if (sg)
            add_evidence(v, f, NULL, NULL, NULL, NULL, sg == cl->sign);
    }
    return metric;
}

/* The record's events of one type: [*lo, *hi) of the sorted events. */
static void event_range(const dk_evfacts *es, const char *type, int *lo,
                        int *hi)
{
    int a = 0, b = es->n;
    while (a < b) {
        int m = a + (b - a) / 2;
        if (strcmp(es->v[m].event, type) < 0)
            a = m + 1;
        else
            b = m;
    }
    *lo = *hi = a;
    while (*hi < es->n && strcmp(es->v[*hi].event, type) == 0)
        (*hi)++;
}

/* The record figure of the claim's period a side of a comparison names:
 * the first figure (of the period or inside it) of the sentence holding
 * most of that side's wording (half of it at least).  NULL if none. */
static const dk_fact *side_fact(dk_checker *c, const claim_t *cl,
                                const uint32_t *w, int nw, const dk_fact *not,
                                const char *unit)
{
    dk_sentmatch sm[MAX_MATCHES];
    int ns = dk_sentidx_match(&c->sents, w, nw, 0.5, 1, sm, MAX_MATCHES);
    for (int k = 0; k < ns; k++) {
        int s = sm[k].sent;
        for (int j = c->sfirst[s]; j < c->sfirst[s + 1]; j++) {
            const dk_fact *f = fact_at(c, c->sfacts[j]);
            if (f == not || f->implied || !f->has_span || !f->unit[0] ||
                (unit && strcmp(f->unit, unit) != 0) ||
                !dk_period_contains(cl->dates[0].span, f->span))
                continue;
            return f;
        }
    }
    return NULL;
}

/* "A report a lower figure for 2024 than B": the figures the two sides
 * give for the period, compared.  Fills v (both figures as evidence,
 * agreeing when the claimed order holds); 0 when a side has none or the
 * two allow a common value. */
static int compare_claim(dk_checker *c, const claim_t *cl, verdict_ctx *v)
{
    memset(v, 0, sizeof *v);
    if (!cl->compare || cl->nall || !cl->ndates || !cl->nawords ||
        !cl->nbwords)
        return 0;
    const dk_fact *a = side_fact(c, cl, cl->awords, cl->nawords, NULL, NULL);
    const dk_fact *b = a ? side_fact(c, cl, cl->bwords, cl->nbwords, a,
                                     a->unit) : NULL;
    if (!a || !b || dk_fig_agree(&a->fig, &b->fig))
        return 0;
    int a_higher = a->fig.value > b->fig.value;
    int holds = (cl->compare > 0) == a_higher;
    add_evidence(v, a, NULL, NULL, NULL, NULL, holds);
    add_evidence(v, b, NULL, NULL, NULL, NULL, holds);
    return 1;
}

/* The claim's events against the record's (evcheck.h).  The structure
 * does not say what was agreed or launched: the record event's sentence
 * must also hold OWN_SHARE of the claim's wording. */
static void event_claim(const dk_checker *c, const claim_t *cl, verdict_ctx *v,
                        const char **why)
{
    memset(v, 0, sizeof *v);
    *why = NULL;
    int last_rep = -2;
    double share = 0;
    for (int k = 0; k < cl->nevents; k++) {
        const dk_evfact *ce = &cl->events[k];
        int lo, hi;
        event_range(&c->events, ce->event, &lo, &hi);
        for (int i = lo; i < hi; i++) {
            const dk_evfact *r = &c->events.v[i];
            /* a year or more away: another happening (quick) */
            if (ce->has_span && r->has_span &&
                (r->span.hi < ce->span.lo - 366 || r->span.lo > ce->span.hi + 366))
                continue;
            const char *w = NULL;
            int j = dk_event_judge(ce, r, c->pack, &w);
            if (!j)
                continue;
            if (r->rep != last_rep || r->rep < 0) {   /* copies share it */
                last_rep = r->rep;
                share = dk_sentidx_share(&c->sents, r->rep, cl->words,
                                         cl->nwords);
            }
            if (share < OWN_SHARE)
                continue;
            if (w && !*why)
                *why = w;
            add_evidence(v, NULL, r->doc, r->date, r->sentence, r->period,
                         j > 0);
        }
    }
}

/* A count of happenings claimed for a happening the claim names ("30
 * documents signed during Xi's 2024 state visit"): when the record has
 * that happening, only the facts of its days answer.  Returns 1 when it
 * did (v keeps those facts), 0 when the claim names none the record
 * has. */
static int during_happening(const dk_checker *c, const claim_t *cl,
                            verdict_ctx *v)
{
    if (!cl->nevents || v->n != v->nagree + v->ndisagree)
        return 0;
    verdict_ctx ev;
    const char *why;
    event_claim(c, cl, &ev, &why);
    dk_period when[MAX_EVIDENCE];
    int nw = 0;
    for (int i = 0; i < ev.n; i++)
        if (ev.e[i].agree && ev.e[i].period &&
            dk_period_parse(ev.e[i].period, &when[nw]))
            nw++;
    if (!nw)
        return 0;
    char keep[MAX_EVIDENCE];
    for (int i = 0; i < v->n; i++) {
        const dk_fact *f = v->e[i].f;
        keep[i] = 0;
        for (int j = 0; j < nw && !keep[i] && f && f->has_span; j++)
            keep[i] = f->span.lo <= when[j].hi && when[j].lo <= f->span.hi;
    }
    keep_evidence(v, keep);
    return 1;
}

/* Is a negation cue of sentence text between the first and the last of
 * the claim's words it holds? */
static int negated_between(const dk_checker *c, const char *text,
                           const uint32_t *w, int nw, uint32_t mask)
{
    dk_pack_match mt[MAX_CUES];
    size_t n = strlen(text), first = n, last = 0;
    int nm = find_cues(c, text, n, mt), any = 0;
    for (int i = 0; i < nm; i++)
        any |= strcmp(cue_id(c, &mt[i]), "_not") == 0;
    if (!any)
        return 0;
    /* where the claim's words are: word by word */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && ((unsigned char)text[j] >= 0x80 ||
                         ((text[j] | 0x20) >= 'a' && (text[j] | 0x20) <= 'z') ||
                         (text[j] >= '0' && text[j] <= '9')))
            j++;
        if (j > i) {
            uint32_t h;
            if (dk_text_words(text + i, j - i, &h, 1) == 1)
                for (int k = 0; k < nw; k++)
                    if ((mask & (1u << k)) && w[k] == h) {
                        if (i < first)
                            first = i;
                        last = j;
                    }
            i = j;
        } else {
            i++;
        }
    }
    for (int i = 0; i < nm; i++)
        if (strcmp(cue_id(c, &mt[i]), "_not") == 0 && mt[i].start >= first &&
            mt[i].end <= last)
            return 1;
    return 0;
}

/* A date of sentence s allows the claim's first date (one holds the
 * other); a claim without a date allows any.  Writes the date. */
static int dates_fit(const dk_checker *c, const claim_t *cl, int s,
                     dk_period *which)
{
    const dk_sentrec *r = &c->sents.v[s];
    if (!cl->ndates)
        return 1;
    for (int i = 0; i < r->ndates; i++) {
        dk_period p = c->sents.dates[r->date0 + i].span;
        if (dk_period_contains(cl->dates[0].span, p) ||
            dk_period_contains(p, cl->dates[0].span)) {
            *which = p;
            return 1;
        }
    }
    return 0;
}

/* The sentences that say what the claim says (TEXT_COVER of its wording
 * and a date that allows the claim's, or TEXT_OWN in the sentence itself
 * for a claim without a date): each supports it, or contradicts it
 * when one of the two is negated.  period_text receives the fitting
 * dates (kept in v's evidence). */
static void wording_claim(dk_checker *c, claim_t *cl, verdict_ctx *v,
                          char (*periods)[DK_DATE_MAX])
{
    memset(v, 0, sizeof *v);
    const dk_sentmatch *sm;
    int ns = claim_matches(c, cl, 0, &sm);
    for (int k = 0; k < ns && sm[k].cover >= TEXT_COVER; k++) {
        dk_period p = {0, 0};
        if (!dates_fit(c, cl, sm[k].sent, &p) ||
            (!cl->ndates && (sm[k].own < TEXT_OWN ||
                             (cl->said && !(sm[k].mask & cl->said)))))
            continue;
        const dk_sentrec *r = &c->sents.v[sm[k].sent];
        if (other_countries(c, cl, r->text))
            continue;
        char *pt = periods[v->n < MAX_EVIDENCE ? v->n : MAX_EVIDENCE - 1];
        pt[0] = '\0';
        if (cl->ndates)
            dk_period_format(p, pt, DK_DATE_MAX);
        int neg = negated_between(c, r->text, cl->words, cl->nwords,
                                  sm[k].mask);
        add_evidence(v, NULL, r->doc, r->date, r->text, pt, neg == cl->negated);
    }
}

/* ---- the answer ---- */

static void evidence_item(dk_jsonw *w, const evidence *e, int agree)
{
    dk_jw_obj(w, NULL);
    dk_jw_cstr(w, "doc", e->doc ? e->doc : "");
    dk_jw_cstr(w, "date", e->date ? e->date : "");
    dk_jw_cstr(w, "sentence", e->sentence ? e->sentence : "");
    if (e->f) {
        dk_jw_num(w, "value", e->f->fig.value);
        if (e->f->unit[0])
            dk_jw_cstr(w, "unit", e->f->unit);
        dk_jw_cstr(w, "qualifier", dk_qualifier_name(e->f->fig.qualifier));
    }
    dk_jw_cstr(w, "period", e->period ? e->period : "");
    if (agree >= 0)
        dk_jw_bool(w, "agrees", agree);
    if (e->f && e->f->implied)
        dk_jw_bool(w, "implied", 1);
    dk_jw_end(w);
}

int dk_checker_set_date(dk_checker *c, const char *date)
{
    if (!date || !date[0]) {
        c->date[0] = '\0';
        return 0;
    }
    dk_docctx probe;
    if (strlen(date) >= sizeof c->date || !dk_parse_iso_date(date, &probe))
        return -1;
    strcpy(c->date, date);
    return 0;
}

dk_status dk_check_claim(dk_checker *c, const char *text, const char *id,
                         dk_buf *b, const char **verdict_out)
{
    dk_utf8_state u8 = {0};
    size_t at;
    size_t len = strlen(text);
    if (dk_utf8_check(&u8, (const unsigned char *)text, len, &at) ||
        dk_utf8_incomplete(&u8))
        return DK_ERR_UTF8;   /* answered nothing: b is untouched */
    claim_t *cl = malloc(sizeof *cl);
    if (!cl)
        return DK_ERR_NOMEM;
    if (read_claim(c, text, cl) < 0) {
        free(cl);
        return DK_ERR_NOMEM;
    }
    /* the figure that decides: the worst verdict among the claim's figures */
    int best = -1, best_rank = -1;
    verdict_ctx v, bv;
    memset(&bv, 0, sizeof bv);
    const char *verdict = "not_found", *basis = "figure";
    for (int i = 0; i < cl->nfigs; i++) {
        claim_fig *cf = &cl->figs[i];
        const dk_fact *chg = cf->f.metric[0] ? NULL : change_fact(c, cl, cf);
        if (chg) {
            /* the claimed change against the fact's stated change */
            char tmp[32];
            int tl = snprintf(tmp, sizeof tmp, "%g", chg->change_value);
            dk_fig stated = {chg->change_value, 0, 0, DK_Q_EXACT,
                             dk_fig_step(tmp, (size_t)tl, chg->change_value)};
            memset(&v, 0, sizeof v);
            add_evidence(&v, chg, NULL, NULL, NULL, NULL,
                         dk_fig_agree(&cf->f.fig, &stated));
        } else if (cf->f.metric[0]) {
            select_facts(c, cf, &v);
            if (cf->at_events && !during_happening(c, cl, &v))
                separate_happenings(&v);
            if (!cf->dated)
                separate_spans(&v);
            same_sentence(&v);
            bounds_yield(&v, &cf->f.fig);
            if (!v.n) {
                /* the indicator has no such figure: a figure of no
                 * indicator in a sentence that says the same may */
                claim_fig alt = *cf;
                verdict_ctx av;
                if (by_wording(c, cl, &alt, 1, &av) == 2) {
                    *cf = alt;
                    v = av;
                }
            }
        } else {
            int how = by_wording(c, cl, cf, 0, &v);
            if (!how)
                continue;
            if (how == 1)
                select_facts(c, cf, &v);
        }
        const char *vd = verdict_of(&v);
        if (rank(vd) > best_rank) {
            best_rank = rank(vd);
            best = i;
            bv = v;
            verdict = vd;
        }
    }
    char expl[1600];
    if (best >= 0)
        explain_fig(expl, sizeof expl, c, &cl->figs[best], &bv, verdict);
    else
        snprintf(expl, sizeof expl, cl->nall ? "the claim's figures state no "
                 "indicator the pack knows" : "the claim states no figure");

    /* a change without a figure */
    claim_fig chf;
    const char *metric = change_claim(c, cl, &v, &chf);
    if (metric && rank(verdict_of(&v)) > rank(verdict)) {
        best = -1;
        bv = v;
        verdict = verdict_of(&v);
        basis = "change";
        /* agreeing sources state the claim's direction, the others the
         * opposite one */
        char same[600], opposite[600];
        say_record(same, sizeof same, &v, 1);
        say_record(opposite, sizeof opposite, &v, 0);
        const char *dir = cl->sign > 0 ? "rose" : "fell";
        const char *other = cl->sign > 0 ? "fell" : "rose";
        snprintf(expl, sizeof expl, "the claim says %s %s for %s; the record "
                 "says it %s%s%s%s%s%s%s", metric, dir, chf.f.period,
                 v.nagree ? dir : "", v.nagree ? ": " : "", v.nagree ? same : "",
                 v.nagree && v.ndisagree ? "; it " : "",
                 v.ndisagree ? other : "", v.ndisagree ? ": " : "",
                 v.ndisagree ? opposite : "");
    }
    /* a comparison of two sources */
    if (rank(verdict) == 0 && compare_claim(c, cl, &v)) {
        best = -1;
        bv = v;
        verdict = verdict_of(&v);
        basis = "comparison";
        char va[96], vb[96];
        fmt_value(va, sizeof va, v.e[0].f);
        fmt_value(vb, sizeof vb, v.e[1].f);
        snprintf(expl, sizeof expl, "the claim says the first gives a %s "
                 "figure than the second; the record has %s for %s (%s) and "
                 "%s for %s (%s)", cl->compare > 0 ? "higher" : "lower", va,
                 v.e[0].f->period, v.e[0].f->doc, vb, v.e[1].f->period,
                 v.e[1].f->doc);
    }
    /* happenings */
    const char *why = NULL;
    event_claim(c, cl, &v, &why);
    if (v.n && rank(verdict_of(&v)) > rank(verdict)) {
        best = -1;
        bv = v;
        verdict = verdict_of(&v);
        basis = "event";
        char yes[600], no[600];
        say_record(yes, sizeof yes, &bv, 1);
        say_record(no, sizeof no, &bv, 0);
        snprintf(expl, sizeof expl, "the record has the claim's %s event: "
                 "agreeing %s; differing%s%s %s", cl->events[0].event,
                 yes[0] ? yes : "none", why ? " in " : "", why ? why : "",
                 no[0] ? no : "none");
    }
    /* nothing found: the wording */
    char periods[MAX_EVIDENCE][DK_DATE_MAX];
    if (rank(verdict) == 0 && cl->nall == 0 &&
        !strstr(cl->text, " than ")) {
        wording_claim(c, cl, &v, periods);
        if (v.n) {
            best = -1;
            bv = v;
            verdict = verdict_of(&v);
            basis = "wording";
            char rec[600];
            say_record(rec, sizeof rec, &bv, bv.nagree ? 1 : 0);
            snprintf(expl, sizeof expl, "record sentences say %s: %s",
                     bv.nagree && bv.ndisagree ? "it and its negation"
                     : bv.nagree ? "the same" : "the opposite", rec);
        }
    }

    dk_jsonw w;
    dk_jw_begin(&w, b);
    if (id)
        dk_jw_cstr(&w, "id", id);
    dk_jw_cstr(&w, "verdict", verdict);
    dk_jw_cstr(&w, "explanation", expl);
    dk_jw_obj(&w, "claim");
    dk_jw_cstr(&w, "text", text);
    if (strcmp(verdict, "not_found") != 0 || best >= 0)
        dk_jw_cstr(&w, "basis", basis);
    if (best >= 0) {
        const claim_fig *cf = &cl->figs[best];
        const dk_fact *f = &cf->f;
        dk_jw_cstr(&w, "figure", cf->text);
        dk_jw_num(&w, "value", f->fig.value);
        if (f->unit[0])
            dk_jw_cstr(&w, "unit", f->unit);
        dk_jw_cstr(&w, "qualifier", dk_qualifier_name(f->fig.qualifier));
        dk_jw_cstr(&w, "metric", f->metric);
        if (cf->guessed)
            dk_jw_bool(&w, "metric_guessed", 1);
        if (cf->change)
            dk_jw_bool(&w, "change", 1);
        dk_jw_ids(&w, "subjects", f->subjects, f->nsubjects);
        if (cf->dated)
            dk_jw_cstr(&w, "period", f->period);
    }
    dk_jw_end(&w);
    dk_jw_arr(&w, "evidence");
    for (int k = 0; k < bv.n; k++)   /* agreeing first */
        if (bv.e[k].agree)
            evidence_item(&w, &bv.e[k], 1);
    for (int k = 0; k < bv.n; k++)
        if (!bv.e[k].agree)
            evidence_item(&w, &bv.e[k], 0);
    dk_jw_arr_end(&w);
    if (best >= 0 && strcmp(verdict, "not_found") == 0) {
        const dk_fact *near[5];
        int k = nearest(c, &cl->figs[best], near, 5);
        dk_jw_arr(&w, "nearest");
        for (int j = 0; j < k; j++) {
            evidence e = {near[j], near[j]->doc, near[j]->date,
                          near[j]->sentence, near[j]->period, 0};
            evidence_item(&w, &e, -1);
        }
        dk_jw_arr_end(&w);
    }
    dk_jw_end(&w);
    if (verdict_out)
        *verdict_out = verdict;
    free(cl);
    return w.err;
}
