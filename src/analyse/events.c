/*
 * events.c - linking event reports into happenings, and writing the
 * chronology as JSON and CSV (see events.h for the rule and why it runs
 * at query time).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../recognise/calendar.h"
#include "events.h"
#include "../text/csvw.h"
#include "../text/jsonw.h"

/* ------------------------------------------------------------ reports */

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

static long span_days(dk_period p)
{
    return p.hi - p.lo + 1;
}

dk_status dk_evset_push(dk_evset *s, const dk_evrep *r)
{
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 64;
        dk_evrep *v = realloc(s->v, (size_t)cap * sizeof *v);
        if (!v)
            return DK_ERR_NOMEM;
        s->v = v;
        s->cap = cap;
    }
    dk_evrep *g = &s->v[s->n];
    *g = *r;
    g->doc = dup_or_empty(r->doc);
    g->docdate = dup_or_empty(r->docdate);
    g->sentence = dup_or_empty(r->sentence);
    g->text = dup_or_empty(r->text);
    if (!g->doc || !g->docdate || !g->sentence || !g->text) {
        free(g->doc);
        free(g->docdate);
        free(g->sentence);
        free(g->text);
        return DK_ERR_NOMEM;
    }
    g->has_span = dk_period_parse(g->date, &g->span);
    g->has_docspan = dk_period_parse(g->docdate, &g->docspan);
    s->n++;
    return DK_OK;
}

void dk_evset_free(dk_evset *s)
{
    for (int i = 0; i < s->n; i++) {
        free(s->v[i].doc);
        free(s->v[i].docdate);
        free(s->v[i].sentence);
        free(s->v[i].text);
    }
    free(s->v);
    memset(s, 0, sizeof *s);
}

int dk_actor_is_country(const char *id)
{
    return id[0] >= 'A' && id[0] <= 'Z' && id[1] >= 'A' && id[1] <= 'Z' &&
           id[2] == '\0';
}

/* How a report is dated: 0 precisely, 1 coarsely, 2 not at all. */
static int precision(const dk_evrep *r)
{
    if (!r->has_span)
        return 2;
    return span_days(r->span) <= DK_EV_PRECISE_DAYS ? 0 : 1;
}

/* The week before the document's date, for a report with no date of its
 * own; 0 when the document's date is unknown or not a day. */
static int undated_window(const dk_evrep *r, dk_period *w)
{
    if (!r->has_docspan || span_days(r->docspan) > DK_EV_PRECISE_DAYS)
        return 0;
    w->lo = r->docspan.lo - DK_EV_UNDATED_DAYS;
    w->hi = r->docspan.hi;
    return 1;
}

static int overlap(dk_period a, dk_period b)
{
    return a.lo <= b.hi && b.lo <= a.hi;
}

static dk_period hull(dk_period a, dk_period b)
{
    dk_period h = {a.lo < b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi};
    return h;
}

/* ------------------------------------------------------------ linking */

/* The set the comparison functions read (per thread: the server links
 * on several threads at once). */
static _Thread_local const dk_evset *sort_set;

/* The order reports are linked in: by type; then the precisely dated
 * ones by date (so their happenings are made in date order, which lets
 * the search stop a week back), then the coarse ones narrowest first,
 * then the undated ones. */
static int by_precision(const void *pa, const void *pb)
{
    const dk_evrep *a = &sort_set->v[*(const int *)pa];
    const dk_evrep *b = &sort_set->v[*(const int *)pb];
    int c = strcmp(a->event, b->event);
    if (c)
        return c;
    int pa_ = precision(a), pb_ = precision(b);
    if (pa_ != pb_)
        return pa_ - pb_;
    if (a->has_span && b->has_span) {
        long wa = span_days(a->span), wb = span_days(b->span);
        if (pa_ == 0 && a->span.lo != b->span.lo)
            return a->span.lo < b->span.lo ? -1 : 1;
        if (wa != wb)
            return wa < wb ? -1 : 1;
        if (a->span.lo != b->span.lo)
            return a->span.lo < b->span.lo ? -1 : 1;
    }
    if ((c = strcmp(a->docdate, b->docdate)))
        return c;
    return a->id < b->id ? -1 : a->id > b->id;
}

static int has_actor(const char (*ids)[DK_ID_MAX], int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (strcmp(ids[i], id) == 0)
            return 1;
    return 0;
}

/* Do r's date and h's agree (see events.h)?  Integers only: this runs
 * first, so most candidates are turned away before any string compare. */
static int dates_agree(const dk_happening *h, const dk_evrep *r, int p)
{
    if (p == 0) {
        if (h->has_precise)
            return span_days(hull(h->precise, r->span)) <= DK_EV_PRECISE_DAYS;
        if (h->has_coarse)
            return overlap(h->coarse, r->span);
        return h->has_window && overlap(h->window, r->span);
    }
    if (p == 1) {
        if (h->has_precise)
            return overlap(h->precise, r->span);
        if (h->has_coarse)
            return overlap(h->coarse, r->span);
        return h->has_window && overlap(h->window, r->span);
    }
    dk_period w;
    if (!undated_window(r, &w))
        return 0;
    if (h->has_precise)
        return overlap(h->precise, w);
    return !h->has_coarse && h->has_window && overlap(h->window, w);
}

/* How well report r fits happening h: -1 when it cannot be the same
 * happening, else a score (more shared actors, the same place). */
static int fit(const dk_evset *s, const dk_happening *h, const dk_evrep *r)
{
    int p = precision(r);
    if (!dates_agree(h, r, p))
        return -1;
    int shared = 0, specific = 0;
    for (int i = 0; i < r->nactors; i++)
        if (has_actor(h->actors, h->nactors, r->actors[i])) {
            shared++;
            specific |= !dk_actor_is_country(r->actors[i]);
        }
    if (!shared)
        return -1;
    if (!specific && (p != 0 || !h->has_precise))
        return -1;   /* countries alone: both dated precisely */
    int same_place = 0;
    if (r->place[0] && !dk_actor_is_country(r->place) && h->place[0]) {
        if (strcmp(r->place, h->place) != 0)
            return -1;
        same_place = 1;
    }
    if (p == 2 && !h->has_precise) {
        /* undated on both sides: another document's report of it, not a
         * second happening of the same kind in one article */
        for (int i = 0; i < h->n; i++)
            if (strcmp(s->v[h->reps[i]].doc, r->doc) == 0)
                return -1;
    }
    return shared * 4 + same_place * 2 + specific;
}

static dk_status add_rep(dk_happening *h, const dk_evset *s, int i)
{
    const dk_evrep *r = &s->v[i];
    if (h->n == h->cap) {
        int cap = h->cap ? h->cap * 2 : 4;
        int *v = realloc(h->reps, (size_t)cap * sizeof *v);
        if (!v)
            return DK_ERR_NOMEM;
        h->reps = v;
        h->cap = cap;
    }
    h->reps[h->n++] = i;
    for (int a = 0; a < r->nactors && h->nactors < DK_EV_MAX_ACTORS; a++)
        if (!has_actor(h->actors, h->nactors, r->actors[a]))
            snprintf(h->actors[h->nactors++], DK_ID_MAX, "%s", r->actors[a]);
    if (r->place[0]) {
        char *slot = dk_actor_is_country(r->place) ? h->country : h->place;
        if (!slot[0])
            snprintf(slot, DK_ID_MAX, "%s", r->place);
    }
    dk_period w;
    switch (precision(r)) {
    case 0:
        h->precise = h->has_precise ? hull(h->precise, r->span) : r->span;
        h->has_precise = 1;
        break;
    case 1:
        if (!h->has_coarse || span_days(r->span) < span_days(h->coarse)) {
            h->coarse = r->span;
            h->coarse_rep = i;
        }
        h->has_coarse = 1;
        break;
    default:
        if (undated_window(r, &w)) {
            h->window = h->has_window ? hull(h->window, w) : w;
            h->has_window = 1;
        }
    }
    return DK_OK;
}

static dk_status new_happening(dk_happenings *hs, const dk_evset *s, int i)
{
    if (hs->n == hs->cap) {
        int cap = hs->cap ? hs->cap * 2 : 32;
        dk_happening *v = realloc(hs->v, (size_t)cap * sizeof *v);
        if (!v)
            return DK_ERR_NOMEM;
        hs->v = v;
        hs->cap = cap;
    }
    dk_happening *h = &hs->v[hs->n++];
    memset(h, 0, sizeof *h);
    h->anchor = i;
    return add_rep(h, s, i);
}

int dk_happening_span(const dk_evset *s, const dk_happening *h,
                      dk_period *span)
{
    (void)s;
    if (h->has_precise) {
        *span = h->precise;
        return 1;
    }
    if (h->has_coarse) {
        *span = h->coarse;
        return 1;
    }
    if (h->has_window)
        *span = h->window;
    else
        span->lo = span->hi = 0;
    return 0;
}

/* Sources of one happening: by document date, document, offset. */
static int by_source(const void *pa, const void *pb)
{
    const dk_evrep *a = &sort_set->v[*(const int *)pa];
    const dk_evrep *b = &sort_set->v[*(const int *)pb];
    int c = strcmp(a->docdate, b->docdate);
    if (!c)
        c = strcmp(a->doc, b->doc);
    if (!c)
        c = a->start < b->start ? -1 : a->start > b->start;
    return c;
}

/* Happenings: by when (undated ones by their reports' weeks), type. */
static int by_time(const void *pa, const void *pb)
{
    const dk_happening *a = pa, *b = pb;
    /* dk_happening_span fills the span even when it returns 0 */
    dk_period sa, sb;
    int da = dk_happening_span(sort_set, a, &sa) || a->has_window;
    int db = dk_happening_span(sort_set, b, &sb) || b->has_window;
    if (da != db)
        return db - da;   /* the wholly unknown last */
    if (da && sa.lo != sb.lo)
        return sa.lo < sb.lo ? -1 : 1;
    if (da && sa.hi != sb.hi)
        return sa.hi < sb.hi ? -1 : 1;
    const dk_evrep *ra = &sort_set->v[a->anchor], *rb = &sort_set->v[b->anchor];
    int c = strcmp(ra->event, rb->event);
    if (c)
        return c;
    return ra->id < rb->id ? -1 : ra->id > rb->id;
}

/* The best happening for r among out->v[from, to), in *best with its
 * score; *tie set when two score the same. */
static void consider(const dk_evset *s, const dk_happenings *out, int j,
                     const dk_evrep *r, int *best, int *score, int *tie)
{
    int f = fit(s, &out->v[j], r);
    if (f > *score) {
        *score = f;
        *best = j;
        *tie = 0;
    } else if (f >= 0 && f == *score) {
        *tie = 1;
    }
}

/* First happening in [lo, hi) (made from precise reports, so in order of
 * their dates) whose date may reach day d or later. */
static int first_near(const dk_happenings *out, int lo, int hi, long d)
{
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (out->v[mid].precise.lo < d - DK_EV_PRECISE_DAYS)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Where report r goes: the index of the happening it joins, or -1.
 * Happenings of its type are [first, out->n); the precisely dated ones,
 * made first and in date order, are [first, pend). */
static int place_report(const dk_evset *s, const dk_happenings *out,
                        int first, int pend, const dk_evrep *r)
{
    int best = -1, score = -1, tie = 0;
    dk_period w;
    switch (precision(r)) {
    case 0:
        /* a week back at most: the hull of one happening spans a week */
        for (int j = out->n - 1; j >= first; j--) {
            if (out->v[j].precise.lo < r->span.lo - DK_EV_PRECISE_DAYS)
                break;
            consider(s, out, j, r, &best, &score, &tie);
        }
        break;
    case 1:
    case 2:
        if (precision(r) == 1)
            w = r->span;
        else if (!undated_window(r, &w))
            return -1;
        for (int j = first_near(out, first, pend, w.lo);
             j < pend && out->v[j].precise.lo <= w.hi; j++)
            consider(s, out, j, r, &best, &score, &tie);
        for (int j = pend; j < out->n; j++)
            consider(s, out, j, r, &best, &score, &tie);
        break;
    }
    return tie ? -1 : best;
}

dk_status dk_events_link(const dk_evset *s, dk_happenings *out)
{
    memset(out, 0, sizeof *out);
    if (s->n == 0)
        return DK_OK;
    int *order = malloc((size_t)s->n * sizeof *order);
    if (!order)
        return DK_ERR_NOMEM;
    for (int i = 0; i < s->n; i++)
        order[i] = i;
    sort_set = s;
    qsort(order, (size_t)s->n, sizeof *order, by_precision);
    dk_status st = DK_OK;
    int first = 0;    /* happenings of the current type start here */
    int pend = 0;     /* and its precisely dated ones end here */
    for (int k = 0; k < s->n && !st; k++) {
        const dk_evrep *r = &s->v[order[k]];
        if (k && strcmp(r->event, s->v[order[k - 1]].event) != 0)
            first = pend = out->n;
        if (precision(r) == 0)
            pend = out->n;   /* grows while the precise reports come */
        int j = place_report(s, out, first, precision(r) == 0 ? out->n : pend,
                             r);
        if (j >= 0)
            st = add_rep(&out->v[j], s, order[k]);
        else
            st = new_happening(out, s, order[k]);
        if (precision(r) == 0)
            pend = out->n;
    }
    free(order);
    if (st) {
        dk_happenings_free(out);
        return st;
    }
    for (int j = 0; j < out->n; j++)
        qsort(out->v[j].reps, (size_t)out->v[j].n, sizeof(int), by_source);
    qsort(out->v, (size_t)out->n, sizeof *out->v, by_time);
    return DK_OK;
}

void dk_happenings_free(dk_happenings *h)
{
    for (int i = 0; i < h->n; i++)
        free(h->v[i].reps);
    free(h->v);
    memset(h, 0, sizeof *h);
}

/* ------------------------------------------------------------- fields */

void dk_happening_date(const dk_evset *s, const dk_happening *h, char *out,
                       size_t cap)
{
    out[0] = '\0';
    if (h->has_precise) {
        /* a report saying exactly this span gives its own words */
        for (int i = 0; i < h->n; i++) {
            const dk_evrep *r = &s->v[h->reps[i]];
            if (r->has_span && dk_period_equal(r->span, h->precise)) {
                snprintf(out, cap, "%s", r->date);
                return;
            }
        }
        int y, m, d, y2, m2, d2;
        dk_cal_civil(h->precise.lo, &y, &m, &d);
        dk_cal_civil(h->precise.hi, &y2, &m2, &d2);
        snprintf(out, cap, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, d, y2, m2,
                 d2);
    } else if (h->has_coarse) {
        snprintf(out, cap, "%s", s->v[h->coarse_rep].date);
    }
}

int dk_happening_matches(const dk_evset *s, const dk_happening *h,
                         const dk_evfilter *f)
{
    if (f->type && strcmp(s->v[h->anchor].event, f->type) != 0)
        return 0;
    if (f->actor && !has_actor(h->actors, h->nactors, f->actor))
        return 0;
    if (f->has_from || f->has_to) {
        dk_period sp;
        if (!dk_happening_span(s, h, &sp) && !h->has_window)
            return 0;
        if (f->has_from && sp.hi < f->from.lo)
            return 0;
        if (f->has_to && sp.lo > f->to.hi)
            return 0;
    }
    return 1;
}

/* The first report (founder first) stating a count, a value. */
static const dk_evrep *with_count(const dk_evset *s, const dk_happening *h)
{
    if (s->v[h->anchor].has_count)
        return &s->v[h->anchor];
    for (int i = 0; i < h->n; i++)
        if (s->v[h->reps[i]].has_count)
            return &s->v[h->reps[i]];
    return NULL;
}

static const dk_evrep *with_value(const dk_evset *s, const dk_happening *h)
{
    if (s->v[h->anchor].has_value)
        return &s->v[h->anchor];
    for (int i = 0; i < h->n; i++)
        if (s->v[h->reps[i]].has_value)
            return &s->v[h->reps[i]];
    return NULL;
}

/* Where: the founding report's place, else the first place given. */
static const char *place_of(const dk_evset *s, const dk_happening *h)
{
    if (s->v[h->anchor].place[0])
        return s->v[h->anchor].place;
    return h->place[0] ? h->place : h->country;
}

const char *dk_happening_place(const dk_evset *s, const dk_happening *h)
{
    return place_of(s, h);
}

dk_status dk_happening_json(dk_buf *b, const dk_evset *s,
                            const dk_happening *h)
{
    const dk_evrep *a = &s->v[h->anchor];
    char date[DK_DATE_MAX];
    dk_happening_date(s, h, date, sizeof date);
    dk_jsonw w;
    dk_jw_begin(&w, b);
    dk_jw_cstr(&w, "event", a->event);
    if (a->cameo[0])
        dk_jw_cstr(&w, "cameo", a->cameo);
    dk_jw_ids(&w, "actors", (const char (*)[DK_ID_MAX])h->actors, h->nactors);
    if (place_of(s, h)[0])
        dk_jw_cstr(&w, "place", place_of(s, h));
    if (date[0])
        dk_jw_cstr(&w, "date", date);
    const dk_evrep *c = with_count(s, h), *v = with_value(s, h);
    if (c)
        dk_jw_num(&w, "count", c->count);
    if (v) {
        dk_jw_num(&w, "value", v->value);
        if (v->unit[0])
            dk_jw_cstr(&w, "unit", v->unit);
    }
    dk_jw_arr(&w, "sources");
    for (int i = 0; i < h->n; i++) {
        const dk_evrep *r = &s->v[h->reps[i]];
        dk_jw_obj(&w, NULL);
        dk_jw_cstr(&w, "doc", r->doc);
        if (r->docdate[0])
            dk_jw_cstr(&w, "date", r->docdate);
        dk_jw_cstr(&w, "sentence", r->sentence);
        dk_jw_cstr(&w, "text", r->text);
        dk_jw_int(&w, "start", (long long)r->start);
        dk_jw_int(&w, "end", (long long)r->end);
        dk_jw_end(&w);
    }
    dk_jw_arr_end(&w);
    dk_jw_end(&w);
    return w.err;
}

static const char *const csv_cols[] = {
    "happening", "date", "event", "cameo", "source_actor", "target_actor",
    "actors", "place", "count", "value", "unit", "doc", "doc_date",
    "sentence", "text",
};

dk_status dk_events_csv_header(dk_buf *b)
{
    dk_status st = DK_OK;
    for (size_t i = 0; i < sizeof csv_cols / sizeof csv_cols[0] && !st; i++)
        st = dk_csv_cfield(b, csv_cols[i], i == 0);
    return st ? st : dk_csv_end(b);
}

dk_status dk_happening_csv(dk_buf *b, const dk_evset *s,
                           const dk_happening *h, int k)
{
    const dk_evrep *a = &s->v[h->anchor];
    char date[DK_DATE_MAX], num[24], actors[DK_EV_MAX_ACTORS * DK_ID_MAX];
    dk_happening_date(s, h, date, sizeof date);
    snprintf(num, sizeof num, "%d", k);
    size_t len = 0;
    actors[0] = '\0';
    for (int i = 0; i < h->nactors; i++)
        len += (size_t)snprintf(actors + len, sizeof actors - len, "%s%s",
                                i ? ";" : "", h->actors[i]);
    const dk_evrep *c = with_count(s, h), *v = with_value(s, h);
    dk_status st = DK_OK;
    for (int i = 0; i < h->n && !st; i++) {
        const dk_evrep *r = &s->v[h->reps[i]];
        st = dk_csv_cfield(b, num, 1);
        if (!st) st = dk_csv_cfield(b, date, 0);
        if (!st) st = dk_csv_cfield(b, a->event, 0);
        if (!st) st = dk_csv_cfield(b, a->cameo, 0);
        if (!st) st = dk_csv_cfield(b, h->nactors > 0 ? h->actors[0] : "", 0);
        if (!st) st = dk_csv_cfield(b, h->nactors > 1 ? h->actors[1] : "", 0);
        if (!st) st = dk_csv_cfield(b, actors, 0);
        if (!st) st = dk_csv_cfield(b, place_of(s, h), 0);
        if (!st) st = dk_csv_num(b, c ? c->count : 0, c != NULL, 0);
        if (!st) st = dk_csv_num(b, v ? v->value : 0, v != NULL, 0);
        if (!st) st = dk_csv_cfield(b, v ? v->unit : "", 0);
        if (!st) st = dk_csv_cfield(b, r->doc, 0);
        if (!st) st = dk_csv_cfield(b, r->docdate, 0);
        if (!st) st = dk_csv_cfield(b, r->sentence, 0);
        if (!st) st = dk_csv_cfield(b, r->text, 0);
        if (!st) st = dk_csv_end(b);
    }
    return st;
}
