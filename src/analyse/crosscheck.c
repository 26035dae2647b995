/*
 * crosscheck.c - grouping facts into timelines and conflicts (see
 * crosscheck.h for the rules).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "crosscheck.h"
#include "../text/jsonw.h"

#define REVISION_MAX 0.15

static int cmp_subjects(const dk_fact *a, const dk_fact *b)
{
    int n = a->nsubjects < b->nsubjects ? a->nsubjects : b->nsubjects;
    for (int i = 0; i < n; i++) {
        int c = strcmp(a->subjects[i], b->subjects[i]);
        if (c)
            return c;
    }
    return a->nsubjects - b->nsubjects;
}

static int cmp_fact(const void *x, const void *y)
{
    const dk_fact *a = x, *b = y;
    int c = strcmp(a->metric, b->metric);
    if (c)
        return c;
    if ((c = cmp_subjects(a, b)))
        return c;
    if (a->span.lo != b->span.lo)
        return a->span.lo < b->span.lo ? -1 : 1;
    if (a->span.hi != b->span.hi)
        return a->span.hi < b->span.hi ? -1 : 1;
    if ((c = strcmp(a->period, b->period)))
        return c;
    if (a->implied != b->implied)
        return a->implied - b->implied;
    if ((c = strcmp(a->date, b->date)))
        return c;
    return strcmp(a->doc, b->doc);
}

static int same_group(const dk_fact *a, const dk_fact *b)
{
    return dk_fact_same_subject(a, b) && strcmp(a->unit, b->unit) == 0 &&
           a->has_span == b->has_span &&
           (a->has_span ? dk_period_equal(a->span, b->span)
                        : strcmp(a->period, b->period) == 0);
}

/* Do all the facts of g allow one common value? */
static int all_agree(const dk_facts *fs, const dk_group *g)
{
    double lo = -INFINITY, hi = INFINITY;
    for (int i = g->first; i < g->first + g->n; i++) {
        double a, b;
        dk_fig_interval(&fs->v[i].fig, &a, &b);
        if (a > lo) lo = a;
        if (b < hi) hi = b;
    }
    return lo <= hi * (1 + 1e-12) + 1e-9;
}

static int all_rounding(const dk_facts *fs, const dk_group *g)
{
    for (int i = g->first; i < g->first + g->n; i++)
        for (int j = i + 1; j < g->first + g->n; j++)
            if (!dk_fig_agree(&fs->v[i].fig, &fs->v[j].fig) &&
                !dk_fig_rounding(&fs->v[i].fig, &fs->v[j].fig))
                return 0;
    return 1;
}

static int is_revision(const dk_facts *fs, const dk_group *g)
{
    /* facts are sorted by document date within the group */
    const char *latest = NULL;
    for (int i = g->first; i < g->first + g->n; i++)
        if (!fs->v[i].implied && (!latest || strcmp(fs->v[i].date, latest) > 0))
            latest = fs->v[i].date;
    if (!latest || !*latest)
        return 0;
    int nlatest = 0, nearlier = 0;
    for (int i = g->first; i < g->first + g->n; i++) {
        const dk_fact *a = &fs->v[i];
        if (a->implied)
            continue;
        if (strcmp(a->date, latest) == 0) {
            nlatest++;
            continue;
        }
        nearlier++;
        for (int j = g->first; j < g->first + g->n; j++) {
            const dk_fact *b = &fs->v[j];
            if (b->implied || strcmp(b->date, latest) != 0)
                continue;
            double d = fabs(a->fig.value - b->fig.value) /
                       fmax(fabs(b->fig.value), 1e-12);
            if (d > REVISION_MAX)
                return 0;
        }
    }
    if (!nlatest || !nearlier)
        return 0;
    /* the latest agree among themselves */
    for (int i = g->first; i < g->first + g->n; i++)
        for (int j = i + 1; j < g->first + g->n; j++) {
            const dk_fact *a = &fs->v[i], *b = &fs->v[j];
            if (!a->implied && !b->implied && strcmp(a->date, latest) == 0 &&
                strcmp(b->date, latest) == 0 && !dk_fig_agree(&a->fig, &b->fig))
                return 0;
        }
    return 1;
}

/* The most precise stated exact figure, else the first stated one. */
static int consensus_of(const dk_facts *fs, const dk_group *g)
{
    int best = -1;
    for (int i = g->first; i < g->first + g->n; i++) {
        const dk_fact *f = &fs->v[i];
        if (f->implied)
            continue;
        if (best < 0)
            best = i;
        const dk_fact *b = &fs->v[best];
        int fe = f->fig.qualifier == DK_Q_EXACT, be = b->fig.qualifier == DK_Q_EXACT;
        if ((fe && !be) || (fe == be && f->fig.step < b->fig.step))
            best = i;
    }
    return best;
}

dk_status dk_group_facts(dk_facts *fs, dk_groups *out)
{
    memset(out, 0, sizeof *out);
    if (fs->n == 0)
        return DK_OK;
    qsort(fs->v, (size_t)fs->n, sizeof *fs->v, cmp_fact);
    out->v = malloc((size_t)fs->n * sizeof *out->v);
    if (!out->v)
        return DK_ERR_NOMEM;
    for (int i = 0; i < fs->n;) {
        int j = i + 1;
        while (j < fs->n && same_group(&fs->v[i], &fs->v[j]))
            j++;
        dk_group *g = &out->v[out->n++];
        g->first = i;
        g->n = j - i;
        if (all_agree(fs, g)) {
            g->cls = "agree";
            g->consensus = consensus_of(fs, g);
        } else {
            g->consensus = -1;
            g->cls = all_rounding(fs, g) ? "rounding"
                   : is_revision(fs, g) ? "revision" : "conflict";
        }
        i = j;
    }
    return DK_OK;
}

void dk_groups_free(dk_groups *g)
{
    free(g->v);
    memset(g, 0, sizeof *g);
}

void dk_fact_json(dk_jsonw *w, const char *key, const dk_fact *f)
{
    dk_jw_obj(w, key);
    dk_jw_num(w, "value", f->fig.value);
    if (f->unit[0])
        dk_jw_cstr(w, "unit", f->unit);
    dk_jw_cstr(w, "qualifier", dk_qualifier_name(f->fig.qualifier));
    if (f->fig.qualifier == DK_Q_RANGE) {
        dk_jw_num(w, "low", f->fig.low);
        dk_jw_num(w, "high", f->fig.high);
    }
    dk_jw_cstr(w, "period", f->period);
    if (f->implied)
        dk_jw_bool(w, "implied", 1);
    dk_jw_cstr(w, "doc", f->doc);
    dk_jw_cstr(w, "date", f->date);
    dk_jw_cstr(w, "sentence", f->sentence);
    dk_jw_cstr(w, "text", f->text);
    dk_jw_end(w);
}

static void group_head(dk_jsonw *w, const dk_fact *f)
{
    dk_jw_cstr(w, "metric", f->metric);
    dk_jw_ids(w, "subjects", f->subjects, f->nsubjects);
    dk_jw_cstr(w, "period", f->period);
}

static void group_values(dk_jsonw *w, const dk_facts *fs, const dk_group *g)
{
    dk_jw_arr(w, "values");
    for (int i = g->first; i < g->first + g->n; i++)
        dk_fact_json(w, NULL, &fs->v[i]);
    dk_jw_arr_end(w);
}

dk_status dk_timeline_json(dk_buf *b, const dk_facts *fs, const dk_group *g)
{
    dk_jsonw w;
    dk_jw_begin(&w, b);
    group_head(&w, &fs->v[g->first]);
    group_values(&w, fs, g);
    if (g->consensus >= 0)
        dk_jw_num(&w, "consensus", fs->v[g->consensus].fig.value);
    else
        dk_jw_null(&w, "consensus");
    dk_jw_cstr(&w, "class", g->cls);
    dk_jw_end(&w);
    return w.err;
}

dk_status dk_conflict_json(dk_buf *b, const dk_facts *fs, const dk_group *g)
{
    dk_jsonw w;
    dk_jw_begin(&w, b);
    group_head(&w, &fs->v[g->first]);
    dk_jw_cstr(&w, "class", g->cls);
    group_values(&w, fs, g);
    dk_jw_end(&w);
    return w.err;
}
