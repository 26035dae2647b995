/*
 * period.c - the period a figure describes (attribute.h).
 *
 * In order: the nearest date mention of the figure's clause ("since 2005"
 * -> 2005/Y; a day only for metrics marked "events"); the document's year
 * when the clause says the figure is current ("now"); a cumulative
 * span of the clause ("over the past 18 years" -> (Y-18)/Y with Y the
 * document year); the nearest date of the part of the
 * sentence the figure is in (", and" and ";" start a new part); the last dated event
 * of the document when the sentence refers to it ("during the visit") or,
 * for "events" metrics, when it was at most 3 sentences before;
 * the document's year.  Dates right after a comparison word ("compared to
 * 2019", "from 2022") or a change ("up 22% on 2023") are baselines, not
 * periods.  A date later than the
 * document's year in the figure's clause makes the figure a forecast or
 * target: no period, no metric.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "attr_int.h"

static int date_year(const char *d)
{
    if (strlen(d) < 4)
        return 0;
    for (int i = 0; i < 4; i++)
        if (d[i] < '0' || d[i] > '9')
            return 0;
    return (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 +
           (d[3] - '0');
}

/* The last year of a date or interval ("2020-01/2020-11" -> 2020). */
static int date_last_year(const char *d)
{
    const char *sl = strchr(d, '/');
    return sl ? date_year(sl + 1) : date_year(d);
}

/* A date right after a comparison word, right after a change ("up
 * 22% on January-October 2023") or right after a compared figure ("up
 * from 600 in 2015", "against $2.1 billion in 2022") is a baseline. */
static int is_baseline(const dk_attr_doc *a, const dk_cand *d)
{
    if (at_cue_before(a, d->t0, SP_BASE, 1) >= 0)
        return 1;
    for (int i = 0; i < a->nchg; i++)
        if (a->chg_end[i] <= d->t0 && d->t0 - a->chg_end[i] <= 1 &&
            !at_tok_is(a->s, d->t0 - 1, "in"))   /* "grew 32% in 2023" */
            return 1;
    for (int i = 0; i < a->c->n; i++) {
        const dk_cand *x = &a->c->v[i];
        if (x->dropped || x->t1 > d->t0 || d->t0 - x->t1 > 1)
            continue;
        dk_kind k = x->m.kind;
        if ((k == DK_MONEY || k == DK_PERCENT || k == DK_QUANTITY ||
             k == DK_NUMBER) && at_cue_before(a, x->t0, SP_BASE, 1) >= 0)
            return 1;
    }
    return 0;
}

/* Does the sentence state a date of its own (not a baseline)? */
static int has_date(const dk_attr_doc *a)
{
    for (int i = 0; i < a->c->n; i++)
        if (!a->c->v[i].dropped && a->c->v[i].m.kind == DK_DATE &&
            !is_baseline(a, &a->c->v[i]))
            return 1;
    return 0;
}

static long distance(const dk_cand *x, const dk_cand *y)
{
    if (x->t0 >= y->t1)
        return x->t0 - y->t1;
    if (y->t0 >= x->t1)
        return y->t0 - x->t1;
    return 0;
}

/* Does date d name a day ("2019-09-11", "2019-09-11/2019-09-12")? */
static int day_precise(const char *d)
{
    return strlen(d) >= 10 && d[4] == '-' && d[7] == '-';
}

/* The nearest usable date of f's clause (clause >= 0) or sentence
 * (clause < 0); -1 if none.  *future is set when the clause has a date
 * after the document year.  Days are dates of events: they count only
 * for metrics that happen at events (events set). */
static int nearest_date(const dk_attr_doc *a, const dk_cand *f, int clause,
                        int events, int *future)
{
    int best = -1;
    long bestd = 0;
    for (int i = 0; i < a->c->n; i++) {
        const dk_cand *d = &a->c->v[i];
        if (d->dropped || d->m.kind != DK_DATE || !date_year(d->m.date))
            continue;
        if (clause >= 0 ? at_clause(a, d->t0) != clause
                        : at_group(a, d->t0) != at_group(a, f->t0))
            continue;
        if (is_baseline(a, d) || (!events && day_precise(d->m.date)))
            continue;
        if (a->year && date_last_year(d->m.date) > a->year) {
            if (clause >= 0 && !at_joined_after(a, f, d->t0))
                *future = 1;
            continue;
        }
        long dist = distance(f, d);
        if (best < 0 || dist < bestd) {
            best = i;
            bestd = dist;
        }
    }
    return best;
}

/* "over the past N years": a duration in years right after a cumulative
 * cue in f's clause.  Returns its number of years, or 0. */
static int cumulative_years(const dk_attr_doc *a, const dk_cand *f,
                            int clause)
{
    for (int i = 0; i < a->c->n; i++) {
        const dk_cand *d = &a->c->v[i];
        if (d->dropped || d->m.kind != DK_DURATION ||
            at_clause(a, d->t0) != clause || strcmp(d->m.unit, "year") != 0 ||
            d == f)
            continue;
        if (at_cue_before(a, d->t0, SP_CUMUL, 1) >= 0 && d->m.value >= 1 &&
            d->m.value < 1000)
            return (int)d->m.value;
    }
    return 0;
}

static int has_special(const dk_attr_doc *a, int sp)
{
    for (int k = 0; k < a->ncue; k++)
        if (a->met[a->cue[k].m].special == sp)
            return 1;
    return 0;
}

static int has_special_in(const dk_attr_doc *a, int sp, int clause)
{
    for (int k = 0; k < a->ncue; k++)
        if (a->met[a->cue[k].m].special == sp &&
            at_clause(a, a->cue[k].t0) == clause)
            return 1;
    return 0;
}

/* The reason for --explain into why; nothing when explain is off (the
 * text is only read then). */
static void say(const dk_attr_doc *a, char *why, size_t cap,
                const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void say(const dk_attr_doc *a, char *why, size_t cap,
                const char *fmt, ...)
{
    if (!a->explain)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, cap, fmt, ap);
    va_end(ap);
}

static void date_text(const dk_attr_doc *a, const dk_cand *d, char *why,
                      size_t cap, const char *how)
{
    const dk_sent *s = a->s;
    if (!a->explain)
        return;
    snprintf(why, cap, "from %s \"%.*s\"", how, (int)(d->m.end - d->m.start),
             s->text + (d->m.start - s->base));
}

/* Does figure f lie in a "when" clause right after date d ("since 2020,
 * when it stood at $21.4 billion"): a clause about that date itself? */
static int when_clause(const dk_attr_doc *a, const dk_cand *d,
                       const dk_cand *f)
{
    int t = d->t1;
    if (f->t0 <= t)
        return 0;
    if (t < a->s->ntok && a->s->tok[t].type == DK_TOK_PUNCT &&
        a->s->text[a->s->tok[t].start] == ',')
        t++;
    if (!at_tok_is(a->s, t, "when"))
        return 0;
    for (int k = t + 1; k < f->t0; k++)   /* in that clause, not after it */
        if (a->s->tok[k].type == DK_TOK_PUNCT &&
            strchr(",;:", a->s->text[a->s->tok[k].start]))
            return 0;
    return 1;
}

/* The period of date candidate d for figure f into out: "since 2005" ->
 * 2005/Y, but "since 2020, when it stood at X": X is of 2020. */
static void period_of(const dk_attr_doc *a, const dk_cand *d,
                      const dk_cand *f, char *out)
{
    int y = date_year(d->m.date);
    if (a->year && y && y < a->year &&
        at_cue_before(a, d->t0, SP_SINCE, 1) >= 0 && !when_clause(a, d, f))
        snprintf(out, DK_DATE_MAX, "%04d/%04d", y, a->year);
    else
        at_copy(out, DK_DATE_MAX, d->m.date);
}

int at_period(dk_attr_doc *a, const dk_cand *f, int metric, int by_ref,
              char *out, char *why, size_t whycap)
{
    int clause = at_clause(a, f->t0), future = 0;
    int events = a->met[metric].events;
    int d = nearest_date(a, f, clause, events, &future);
    out[0] = '\0';
    if (future && d < 0) {
        say(a, why, whycap, "none: a future date (target or forecast)");
        return 0;
    }
    if (d >= 0) {
        period_of(a, &a->c->v[d], f, out);
        date_text(a, &a->c->v[d], why, whycap, "date");
        at_copy(a->dated, DK_DATE_MAX, out);
        return 1;
    }
    /* "now", "currently": stated as current */
    if (!future && has_special_in(a, SP_NOW, clause)) {
        if (a->year) {
            snprintf(out, DK_DATE_MAX, "%04d", a->year);
            say(a, why, whycap, "from the document year (stated as current)");
        } else {
            say(a, why, whycap, "unknown (stated as current, no document year)");
        }
        return 1;
    }
    int n = cumulative_years(a, f, clause);
    if (n && a->year) {
        snprintf(out, DK_DATE_MAX, "%04d/%04d", a->year - n, a->year);
        say(a, why, whycap, "from a cumulative span of %d years", n);
        return 1;
    }
    d = nearest_date(a, f, -1, events, &future);
    if (d >= 0) {
        period_of(a, &a->c->v[d], f, out);
        date_text(a, &a->c->v[d], why, whycap, "sentence date");
        at_copy(a->dated, DK_DATE_MAX, out);
        return 1;
    }
    /* "during the visit", or a count of an event a few sentences after
     * the dated event it belongs to */
    if (a->event_date[0] &&
        (has_special(a, SP_DURING) ||
         (events && a->nsent - a->event_sent <= 3))) {
        at_copy(out, DK_DATE_MAX, a->event_date);
        say(a, why, whycap, "from the last dated event");
        return 1;
    }
    /* the sentence before dated its figures: flows (amounts over a
     * stretch of time) of a sentence with no date of its own go on with
     * it ("In January-October 2024, trade was X. Exports were Y."); in a
     * document without a date only a part of a year does, as its
     * relative dates ("last year") are no mentions there and a whole
     * year before may be another; so do figures named by reference */
    if ((a->met[metric].flow || by_ref) && a->dated_before[0] &&
        !has_date(a) &&
        (a->year || strchr(a->dated_before, '-'))) {
        at_copy(out, DK_DATE_MAX, a->dated_before);
        at_copy(a->dated, DK_DATE_MAX, out);    /* and on to the next */
        say(a, why, whycap, "from the sentence before");
        return 1;
    }
    if (a->year) {
        snprintf(out, DK_DATE_MAX, "%04d", a->year);
        say(a, why, whycap, "from the document year");
    } else {
        say(a, why, whycap, "unknown");
    }
    return 1;
}

/* Note the date of a dated happening of this sentence (an _event word
 * and a date of a day, "Sept. 11-12"; or of a month, "a state visit to
 * China in January", while no day has been noted) for the counts of the
 * sentences after it. */
void at_note_event(dk_attr_doc *a)
{
    if (!has_special(a, SP_EVENT))
        return;
    int days = strlen(a->event_date) >= 10;
    for (int i = 0; i < a->c->n; i++) {
        const dk_cand *d = &a->c->v[i];
        size_t n = strlen(d->m.date);
        int month = n == 7 && d->m.date[4] == '-';   /* not "2023/2024" */
        if (!d->dropped && d->m.kind == DK_DATE &&
            (n >= 10 || (!days && month)) && date_year(d->m.date)) {
            at_copy(a->event_date, sizeof a->event_date, d->m.date);
            a->event_sent = a->nsent;
            return;
        }
    }
}
