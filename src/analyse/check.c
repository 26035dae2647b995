/*
 * check.c - claim checking against the record (see check.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "crosscheck.h"
#include "../pack/pack.h"
#include "../text/utf8.h"
#include "../text/jsonw.h"

#define MAX_CLAIM_FIGS 8
#define MAX_EVIDENCE 12

#define FACT_WORDS 48

struct dk_checker {
    dk_engine *engine;
    dk_facts facts;        /* sorted by metric, subjects, period */
    dk_groups groups;
    unsigned (*words)[FACT_WORDS];  /* per fact: its sentence's words, */
    unsigned char *nwords;          /* made on the first guess */
    dk_pack *pack;         /* the pack's "_up"/"_down" cues name changes */
};

/* One figure of a claim, as read by the engine. */
typedef struct claim_fig {
    dk_fact f;             /* fig, unit, metric, subjects, period, text */
    int dated;             /* the claim gives a date for it */
    int guessed;           /* metric from the nearest fact, not a cue */
    int change;            /* a claim about a change: compared with the
                              facts' stated changes */
    dk_kind kind;
    char text[128];
} claim_fig;

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
    s = dk_facts_load(db, NULL, NULL, &c->facts);
    if (!s)
        s = dk_group_facts(&c->facts, &c->groups);
    if (s) {
        snprintf(err, cap, "cannot read the facts: %s",
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
    free(c->words);
    free(c->nwords);
    dk_pack_free(c->pack);
    dk_groups_free(&c->groups);
    dk_facts_free(&c->facts);
    free(c);
}

static void copy_claim_date(const char *from, char *to, size_t cap)
{
    size_t n = strnlen(from, cap - 1);
    memcpy(to, from, n);
    to[n] = '\0';
}

/* Read the claim: its figures with a metric, whether it names a date. */
static int read_claim(dk_checker *c, const char *claim, claim_fig *figs,
                      int max, int *nall)
{
    dk_doc *d = dk_doc_open(c->engine, "claim", NULL);
    if (!d)
        return -1;
    int n = 0, dated = 0;
    char claim_date[DK_DATE_MAX] = "";
    *nall = 0;
    const dk_mention *m;
    if (dk_doc_feed(d, claim, strlen(claim)) == DK_OK)
        dk_doc_finish(d);
    while ((m = dk_doc_next(d)) != NULL) {
        if (m->kind == DK_DATE) {
            if (!dated)
                memcpy(claim_date, m->date, sizeof claim_date);
            dated = 1;
        }
        if (!m->has_value || m->kind == DK_DATE || m->kind == DK_ENTITY ||
            m->kind == DK_EVENT)
            continue;
        (*nall)++;
        if (n == max)
            continue;
        claim_fig *cf = &figs[n++];
        memset(cf, 0, sizeof *cf);
        cf->kind = m->kind;
        size_t tl = (size_t)(m->end - m->start);
        if (tl >= sizeof cf->text)
            tl = sizeof cf->text - 1;
        memcpy(cf->text, m->text, tl);
        cf->f.fig.value = m->value;
        cf->f.fig.low = m->low;
        cf->f.fig.high = m->high;
        cf->f.fig.qualifier = m->qualifier;
        cf->f.fig.step = dk_fig_step(m->text, tl, m->value);
        memcpy(cf->f.unit, m->unit, sizeof cf->f.unit);
        memcpy(cf->f.metric, m->metric, sizeof cf->f.metric);
        memcpy(cf->f.period, m->period, sizeof cf->f.period);
        cf->f.nsubjects = m->nsubjects;
        memcpy(cf->f.subjects, m->subjects, sizeof cf->f.subjects);
    }
    dk_doc_close(d);
    for (int i = 0; i < n; i++) {
        if (!figs[i].f.metric[0]) {
            /* the claim's own date, when the engine gave no period */
            figs[i].dated = dated;
            if (dated && !figs[i].f.period[0])
                copy_claim_date(claim_date, figs[i].f.period,
                                sizeof figs[i].f.period);
        }
        figs[i].dated = dated && figs[i].f.period[0];
        figs[i].f.has_span = figs[i].dated &&
                             dk_period_parse(figs[i].f.period, &figs[i].f.span);
        if (!figs[i].f.has_span)
            figs[i].dated = 0;
    }
    return n;
}

/* Words of s, lower-cased, 4+ letters, into a small set (hashes). */
static int word_hashes(const char *s, unsigned *out, int max)
{
    int n = 0;
    while (*s && n < max) {
        while (*s && !((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z'))
            s++;
        unsigned h = 2166136261u;
        int len = 0;
        while (((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z')) {
            h = (h ^ (unsigned)(*s | 0x20)) * 16777619u;
            s++;
            len++;
        }
        if (len >= 4)
            out[n++] = h;
    }
    return n;
}

static int overlap(const dk_checker *c, const unsigned *cw, int nc, int i)
{
    int score = 0;
    for (int a = 0; a < nc; a++)
        for (int b = 0; b < c->nwords[i]; b++)
            if (cw[a] == c->words[i][b]) {
                score++;
                break;
            }
    return score;
}

/* Make the word sets of the facts' sentences (once).  0 when out of
 * memory or when there are no facts. */
static int fact_words_ready(dk_checker *c)
{
    const dk_facts *fs = &c->facts;
    if (c->words || !fs->n)
        return c->words != NULL;
    c->words = malloc((size_t)fs->n * sizeof *c->words);
    c->nwords = malloc((size_t)fs->n);
    if (!c->words || !c->nwords) {
        free(c->words);
        free(c->nwords);
        c->words = NULL;
        c->nwords = NULL;
        return 0;
    }
    for (int i = 0; i < fs->n; i++)
        c->nwords[i] = (unsigned char)word_hashes(fs->v[i].sentence,
                                                  c->words[i], FACT_WORDS);
    return 1;
}

/* A claim figure the pack's cues did not attribute: take the metric and
 * subjects of the fact with the same unit (and period, when dated) whose
 * sentence shares the most words with the claim: at least two words for
 * an amount with a unit, three for a bare count.  Returns 1 when found. */
static int guess_metric(dk_checker *c, const char *claim,
                        claim_fig *cf)
{
    unsigned cw[64];
    int nc = word_hashes(claim, cw, 64), best = -1;
    int best_score = cf->f.unit[0] ? 1 : 2;   /* must be beaten */
    const dk_facts *fs = &c->facts;
    if (!fact_words_ready(c))
        return 0;
    for (int i = 0; i < fs->n; i++) {
        const dk_fact *f = &fs->v[i];
        if (f->implied || strcmp(f->unit, cf->f.unit) != 0)
            continue;
        if (cf->dated && !(f->has_span && dk_period_equal(f->span, cf->f.span)))
            continue;
        int score = overlap(c, cw, nc, i);
        if (score > best_score) {
            best_score = score;
            best = i;
        }
    }
    if (best < 0)
        return 0;
    memcpy(cf->f.metric, fs->v[best].metric, sizeof cf->f.metric);
    cf->f.nsubjects = fs->v[best].nsubjects;
    memcpy(cf->f.subjects, fs->v[best].subjects, sizeof cf->f.subjects);
    cf->guessed = 1;
    return 1;
}

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

/* +1 when the claim speaks of an increase, -1 of a decrease, 0 neither:
 * the pack's "_up" and "_down" cue rows say which words do. */
static int claim_change_sign(const dk_checker *c, const char *claim)
{
    if (!c->pack)
        return 0;
    dk_pack_match mt[32];
    int nm = 0, n = dk_pack_find_cues(c->pack, claim, strlen(claim), mt, 32);
    const dk_pack_metric *met = dk_pack_metrics(c->pack, &nm);
    for (int i = 0; i < n && i < 32; i++) {
        if (mt[i].index < 0 || mt[i].index >= nm)
            continue;
        if (strcmp(met[mt[i].index].id, "_up") == 0)
            return 1;
        if (strcmp(met[mt[i].index].id, "_down") == 0)
            return -1;
    }
    return 0;
}

static int fact_words_ready(dk_checker *c);

/* A claim that a figure rose or fell by a percentage ("rail freight rose
 * by 22% in 2023"): find the fact with a stated change of the claim's
 * period whose sentence shares the most words (two at least), and
 * compare the changes.  Returns the fact's index, or -1. */
static int change_fact(dk_checker *c, const char *claim, claim_fig *cf)
{
    if (cf->kind != DK_PERCENT || !fact_words_ready(c))
        return -1;
    int sign = claim_change_sign(c, claim);
    if (!sign)
        return -1;
    unsigned cw[64];
    int nc = word_hashes(claim, cw, 64), best = -1, best_score = 1;
    const dk_facts *fs = &c->facts;
    for (int i = 0; i < fs->n; i++) {
        const dk_fact *f = &fs->v[i];
        if (f->implied || !f->has_change || strcmp(f->change_unit, "%") != 0)
            continue;
        if (cf->dated && !(f->has_span && dk_period_equal(f->span, cf->f.span)))
            continue;
        int score = overlap(c, cw, nc, i);
        if (score > best_score) {
            best_score = score;
            best = i;
        }
    }
    if (best < 0)
        return -1;
    cf->change = 1;
    cf->f.fig.value *= sign;
    memcpy(cf->f.metric, fs->v[best].metric, sizeof cf->f.metric);
    cf->f.nsubjects = fs->v[best].nsubjects;
    memcpy(cf->f.subjects, fs->v[best].subjects, sizeof cf->f.subjects);
    return best;
}

/* Subjects match: same ids in the same order, or (when the claim names
 * fewer) every claimed id among the fact's. */
static int subjects_match(const dk_fact *claim, const dk_fact *f)
{
    if (claim->nsubjects == 0)
        return 1;
    if (claim->nsubjects == f->nsubjects) {
        int same = 1;
        for (int i = 0; i < f->nsubjects; i++)
            same &= strcmp(claim->subjects[i], f->subjects[i]) == 0;
        if (same)
            return 1;
    }
    for (int i = 0; i < claim->nsubjects; i++) {
        int found = 0;
        for (int j = 0; j < f->nsubjects; j++)
            found |= strcmp(claim->subjects[i], f->subjects[j]) == 0;
        if (!found)
            return 0;
    }
    return claim->nsubjects < f->nsubjects ||
           claim->nsubjects == f->nsubjects;
}

static int fact_fits(const dk_fact *claim, const dk_fact *f)
{
    return strcmp(claim->metric, f->metric) == 0 &&
           strcmp(claim->unit, f->unit) == 0 && subjects_match(claim, f);
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
    snprintf(num, sizeof num, "%.4g", v);
    if (strcmp(u, "USD") == 0)
        snprintf(out, cap, "$%s%s", num, scale);
    else if (strcmp(u, "%") == 0)
        snprintf(out, cap, "%s%%", num);
    else
        snprintf(out, cap, "%s%s%s%s", num, scale, u[0] ? " " : "", u);
}

typedef struct verdict_ctx {
    int idx[MAX_EVIDENCE];
    int agree[MAX_EVIDENCE];
    int n, nagree, ndisagree;
} verdict_ctx;

static void consider(verdict_ctx *v, const dk_facts *fs, int i,
                     const dk_fact *claim)
{
    int ok = dk_fig_agree(&claim->fig, &fs->v[i].fig);
    if (ok)
        v->nagree++;
    else
        v->ndisagree++;
    if (v->n < MAX_EVIDENCE) {
        v->idx[v->n] = i;
        v->agree[v->n++] = ok;
    }
}

/* Which facts the claim figure is compared with. */
static void select_facts(const dk_checker *c, const claim_fig *cf,
                         verdict_ctx *v)
{
    const dk_facts *fs = &c->facts;
    int lo, hi;
    metric_range(fs, cf->f.metric, &lo, &hi);
    memset(v, 0, sizeof *v);
    if (cf->dated) {
        for (int i = lo; i < hi; i++)
            if (fact_fits(&cf->f, &fs->v[i]) && fs->v[i].has_span &&
                dk_period_equal(fs->v[i].span, cf->f.span))
                consider(v, fs, i, &cf->f);
        if (v->n)
            return;
        /* a count of things done at one time ("ten agreements signed on
         * Sept. 11-12") is also a count for the year that holds it; an
         * amount over a period ("trade in January-October") is not */
        for (int i = lo; i < hi; i++)
            if (fact_fits(&cf->f, &fs->v[i]) && !fs->v[i].unit[0] &&
                fs->v[i].has_span &&
                dk_period_contains(cf->f.span, fs->v[i].span))
                consider(v, fs, i, &cf->f);
        return;
    }
    /* no date: facts stated as current, else the latest period */
    for (int i = lo; i < hi; i++)
        if (fact_fits(&cf->f, &fs->v[i]) && fs->v[i].current &&
            !fs->v[i].implied)
            consider(v, fs, i, &cf->f);
    if (v->n)
        return;
    long latest = -1000000000L;
    for (int i = lo; i < hi; i++)
        if (fact_fits(&cf->f, &fs->v[i]) && fs->v[i].has_span &&
            fs->v[i].span.hi > latest)
            latest = fs->v[i].span.hi;
    for (int i = lo; i < hi; i++)
        if (fact_fits(&cf->f, &fs->v[i]) && fs->v[i].has_span &&
            fs->v[i].span.hi == latest)
            consider(v, fs, i, &cf->f);
}

/* A fact of another period that agrees with the claim, or -1. */
static int agreeing_elsewhere(const dk_checker *c, const claim_fig *cf)
{
    const dk_facts *fs = &c->facts;
    int lo, hi;
    metric_range(fs, cf->f.metric, &lo, &hi);
    for (int i = lo; i < hi; i++)
        if (fact_fits(&cf->f, &fs->v[i]) &&
            dk_fig_agree(&cf->f.fig, &fs->v[i].fig) &&
            !(cf->dated && fs->v[i].has_span &&
              dk_period_equal(fs->v[i].span, cf->f.span)))
            return i;
    return -1;
}

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

/* "the record says $41 billion for 2023 (2 sources)" */
static void say_record(char *out, size_t cap, const dk_facts *fs,
                       const verdict_ctx *v, int agree)
{
    size_t len = 0;
    int said = 0;
    out[0] = '\0';
    for (int k = 0; k < v->n && said < 3; k++) {
        if (v->agree[k] != agree)
            continue;
        const dk_fact *f = &fs->v[v->idx[k]];
        char val[96];
        fmt_value(val, sizeof val, f);
        len += (size_t)snprintf(out + len, len < cap ? cap - len : 0,
                                "%s%s for %s (%s%s)", said ? "; " : "", val,
                                f->period[0] ? f->period : "no period",
                                f->doc, f->implied ? ", implied" : "");
        said++;
    }
}

static void explain(char *out, size_t cap, const dk_checker *c,
                    const claim_fig *cf, const verdict_ctx *v,
                    const char *verdict)
{
    const dk_facts *fs = &c->facts;
    char claimed[96], rec[600];
    fmt_value(claimed, sizeof claimed, &cf->f);
    const char *when = cf->dated ? cf->f.period : "now";
    if (cf->change && v->n) {
        const dk_fact *f = &fs->v[v->idx[0]];
        char val[96];
        fmt_value(val, sizeof val, f);
        snprintf(out, cap, "the record says %s %s by %+g%% to %s for %s (%s); "
                 "the claim says %+g%%", f->metric,
                 f->change_value >= 0 ? "rose" : "fell", f->change_value, val,
                 f->period, f->doc, cf->f.fig.value);
        return;
    }
    if (strcmp(verdict, "supported") == 0) {
        say_record(rec, sizeof rec, fs, v, 1);
        snprintf(out, cap, "the record agrees with %s %s for %s: %s",
                 cf->f.metric, claimed, when, rec);
    } else if (strcmp(verdict, "conflicting_sources") == 0) {
        char other[600];
        say_record(rec, sizeof rec, fs, v, 1);
        say_record(other, sizeof other, fs, v, 0);
        snprintf(out, cap, "sources disagree on %s for %s: %s agree with "
                 "the claim's %s, but %s do not", cf->f.metric, when, rec,
                 claimed, other);
    } else if (strcmp(verdict, "contradicted") == 0) {
        say_record(rec, sizeof rec, fs, v, 0);
        int e = agreeing_elsewhere(c, cf);
        if (e >= 0) {
            snprintf(out, cap, "the record says %s; the claim says %s, which "
                     "the record gives for %s", rec, claimed,
                     fs->v[e].period[0] ? fs->v[e].period : "another period");
        } else {
            snprintf(out, cap, "the record says %s; the claim says %s",
                     rec, claimed);
        }
    } else {
        snprintf(out, cap, "the record has no %s figure for %s", cf->f.metric,
                 when);
    }
}

/* Nearest figures for a claim the record cannot answer. */
static int nearest(const dk_checker *c, const claim_fig *cf, int *idx,
                   int max)
{
    const dk_facts *fs = &c->facts;
    int n = 0, lo, hi;
    metric_range(fs, cf->f.metric, &lo, &hi);
    /* same metric, other periods, latest first */
    for (int i = hi - 1; i >= lo && n < max; i--)
        if (fact_fits(&cf->f, &fs->v[i]) && !fs->v[i].implied)
            idx[n++] = i;
    return n;
}

static void evidence_item(dk_jsonw *w, const dk_fact *f, int agree)
{
    dk_jw_obj(w, NULL);
    dk_jw_cstr(w, "doc", f->doc);
    dk_jw_cstr(w, "date", f->date);
    dk_jw_cstr(w, "sentence", f->sentence);
    dk_jw_num(w, "value", f->fig.value);
    if (f->unit[0])
        dk_jw_cstr(w, "unit", f->unit);
    dk_jw_cstr(w, "qualifier", dk_qualifier_name(f->fig.qualifier));
    dk_jw_cstr(w, "period", f->period);
    if (agree >= 0)
        dk_jw_bool(w, "agrees", agree);
    if (f->implied)
        dk_jw_bool(w, "implied", 1);
    dk_jw_end(w);
}

static int rank(const char *verdict)
{
    if (strcmp(verdict, "contradicted") == 0) return 3;
    if (strcmp(verdict, "conflicting_sources") == 0) return 2;
    if (strcmp(verdict, "supported") == 0) return 1;
    return 0;
}

dk_status dk_check_claim(dk_checker *c, const char *claim, const char *id,
                         dk_buf *b, const char **verdict_out)
{
    claim_fig figs[MAX_CLAIM_FIGS];
    int nall = 0;
    dk_utf8_state u8 = {0};
    size_t at;
    size_t len = strlen(claim);
    if (dk_utf8_check(&u8, (const unsigned char *)claim, len, &at) ||
        dk_utf8_incomplete(&u8))
        return DK_ERR_UTF8;   /* answered nothing: b is untouched */
    int n = read_claim(c, claim, figs, MAX_CLAIM_FIGS, &nall);
    if (n < 0)
        return DK_ERR_NOMEM;
    /* the figure that decides: the worst verdict among the claim's figures */
    int best = -1, best_rank = -1;
    verdict_ctx v, bv;
    memset(&bv, 0, sizeof bv);
    const char *verdict = "not_found";
    for (int i = 0; i < n; i++) {
        int cfi = figs[i].f.metric[0] ? -1 : change_fact(c, claim, &figs[i]);
        if (cfi >= 0) {
            /* the claimed change against the fact's stated change */
            dk_fig stated = {c->facts.v[cfi].change_value, 0, 0, DK_Q_EXACT, 0};
            char tmp[32];
            int tl = snprintf(tmp, sizeof tmp, "%g", stated.value);
            stated.step = dk_fig_step(tmp, (size_t)tl, stated.value);
            memset(&v, 0, sizeof v);
            v.idx[0] = cfi;
            v.n = 1;
            v.agree[0] = dk_fig_agree(&figs[i].f.fig, &stated);
            v.nagree = v.agree[0];
            v.ndisagree = !v.agree[0];
        } else {
            if (!figs[i].f.metric[0] && !guess_metric(c, claim, &figs[i]))
                continue;
            select_facts(c, &figs[i], &v);
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
    if (best < 0)
        snprintf(expl, sizeof expl, nall ? "the claim's figures state no "
                 "indicator the pack knows" : "the claim states no figure");
    else
        explain(expl, sizeof expl, c, &figs[best], &bv, verdict);

    dk_jsonw w;
    dk_jw_begin(&w, b);
    if (id)
        dk_jw_cstr(&w, "id", id);
    dk_jw_cstr(&w, "verdict", verdict);
    dk_jw_cstr(&w, "explanation", expl);
    dk_jw_obj(&w, "claim");
    dk_jw_cstr(&w, "text", claim);
    if (best >= 0) {
        const dk_fact *f = &figs[best].f;
        dk_jw_cstr(&w, "figure", figs[best].text);
        dk_jw_num(&w, "value", f->fig.value);
        if (f->unit[0])
            dk_jw_cstr(&w, "unit", f->unit);
        dk_jw_cstr(&w, "qualifier", dk_qualifier_name(f->fig.qualifier));
        dk_jw_cstr(&w, "metric", f->metric);
        if (figs[best].guessed)
            dk_jw_bool(&w, "metric_guessed", 1);
        if (figs[best].change)
            dk_jw_bool(&w, "change", 1);
        dk_jw_ids(&w, "subjects", f->subjects, f->nsubjects);
        if (figs[best].dated)
            dk_jw_cstr(&w, "period", f->period);
    }
    dk_jw_end(&w);
    dk_jw_arr(&w, "evidence");
    if (best >= 0)
        for (int k = 0; k < bv.n; k++)   /* agreeing first */
            if (bv.agree[k])
                evidence_item(&w, &c->facts.v[bv.idx[k]], 1);
    if (best >= 0)
        for (int k = 0; k < bv.n; k++)
            if (!bv.agree[k])
                evidence_item(&w, &c->facts.v[bv.idx[k]], 0);
    dk_jw_arr_end(&w);
    if (best >= 0 && strcmp(verdict, "not_found") == 0) {
        int idx[5];
        int k = nearest(c, &figs[best], idx, 5);
        dk_jw_arr(&w, "nearest");
        for (int j = 0; j < k; j++)
            evidence_item(&w, &c->facts.v[idx[j]], -1);
        dk_jw_arr_end(&w);
    }
    dk_jw_end(&w);
    if (verdict_out)
        *verdict_out = verdict;
    return w.err;
}
