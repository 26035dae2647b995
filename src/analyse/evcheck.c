/*
 * evcheck.c - judging claims about happenings against the record's event
 * mentions (evcheck.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "evcheck.h"
#include "../store/store.h"
#include "../recognise/calendar.h"

/* A stated number, with its qualifier, as a figure of the precision it
 * is written with. */
static dk_fig plain_fig(double v, dk_qualifier q, double low, double high)
{
    char t[32];
    int n = snprintf(t, sizeof t, "%.15g", v);
    dk_fig f = {v, q == DK_Q_RANGE ? low : 0, q == DK_Q_RANGE ? high : 0, q,
                dk_fig_step(t, (size_t)n, v)};
    return f;
}

void dk_evfact_from_mention(const dk_mention *m, dk_evfact *e)
{
    memset(e, 0, sizeof *e);
    e->rep = -1;
    memcpy(e->event, m->event, sizeof e->event);
    e->nactors = m->nactors;
    memcpy(e->actors, m->actors, sizeof e->actors);
    memcpy(e->place, m->place, sizeof e->place);
    memcpy(e->period, m->date, sizeof e->period);
    e->has_span = dk_period_parse(e->period, &e->span);
    if (!e->has_span && memcmp(e->period, "XXXX-", 5) == 0 &&
        e->period[5] >= '0' && e->period[5] <= '1' &&
        e->period[6] >= '0' && e->period[6] <= '9') {
        int mo = (e->period[5] - '0') * 10 + (e->period[6] - '0');
        e->month = mo >= 1 && mo <= 12 ? mo : 0;
    }
    e->has_count = m->has_count;
    if (m->has_count)
        e->count = plain_fig(m->count, m->count_qualifier, 0, 0);
    e->has_value = m->has_value && m->unit[0];
    if (e->has_value) {
        e->value = plain_fig(m->value, m->qualifier, m->low, m->high);
        memcpy(e->unit, m->unit, sizeof e->unit);
    }
}

dk_status dk_evfacts_push(dk_evfacts *es, const dk_evfact *e)
{
    if (es->n == es->cap) {
        int cap = es->cap ? es->cap * 2 : 64;
        dk_evfact *v = realloc(es->v, (size_t)cap * sizeof *v);
        if (!v)
            return DK_ERR_NOMEM;
        es->v = v;
        es->cap = cap;
    }
    dk_evfact *g = &es->v[es->n];
    *g = *e;
    g->doc = strdup(e->doc ? e->doc : "");
    g->date = strdup(e->date ? e->date : "");
    g->sentence = strdup(e->sentence ? e->sentence : "");
    if (!g->doc || !g->date || !g->sentence) {
        free(g->doc);
        free(g->date);
        free(g->sentence);
        return DK_ERR_NOMEM;
    }
    es->n++;
    return DK_OK;
}

void dk_evfacts_free(dk_evfacts *es)
{
    for (int i = 0; i < es->n; i++) {
        free(es->v[i].doc);
        free(es->v[i].date);
        free(es->v[i].sentence);
    }
    free(es->v);
    memset(es, 0, sizeof *es);
}

dk_status dk_evfacts_load(sqlite3 *db, dk_evfacts *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
            "SELECT " DK_MENTION_COLS ", d.name, d.date, f.text "
            "FROM mentions m JOIN docs d ON d.id = m.doc "
            "LEFT JOIN sentences_fts f ON f.rowid = m.sentence "
            "WHERE m.kind = 'event' AND m.event IS NOT NULL ORDER BY m.id",
            -1, &st, NULL) != SQLITE_OK)
        return DK_ERR_DB;
    int rc = SQLITE_DONE;
    dk_status s = DK_OK;
    while (!s && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        dk_mention m;
        dk_store_read_mention(st, 0, &m);
        dk_evfact e;
        dk_evfact_from_mention(&m, &e);
        e.doc = (char *)sqlite3_column_text(st, DK_MENTION_NCOLS);
        e.date = (char *)sqlite3_column_text(st, DK_MENTION_NCOLS + 1);
        e.sentence = (char *)sqlite3_column_text(st, DK_MENTION_NCOLS + 2);
        s = dk_evfacts_push(out, &e);
    }
    if (!s && rc != SQLITE_DONE)
        s = DK_ERR_DB;
    sqlite3_finalize(st);
    if (s)
        dk_evfacts_free(out);
    return s;
}

static int shared_actor(const dk_evfact *a, const dk_evfact *b)
{
    for (int i = 0; i < a->nactors; i++)
        for (int j = 0; j < b->nactors; j++)
            if (strcmp(a->actors[i], b->actors[j]) == 0)
                return 1;
    return 0;
}

/* How many of a's actors are b's too. */
static int actors_found(const dk_evfact *a, const dk_evfact *b)
{
    int n = 0;
    for (int i = 0; i < a->nactors; i++)
        for (int j = 0; j < b->nactors; j++)
            if (strcmp(a->actors[i], b->actors[j]) == 0) {
                n++;
                break;
            }
    return n;
}

/* The country a place lies in ("beijing" -> "CN"), or the id itself. */
static const char *country_of(const dk_pack *pack, const char *id)
{
    int n = 0, i = pack ? dk_pack_entity_index(pack, id) : -1;
    const dk_pack_entity *e = pack ? dk_pack_entities(pack, &n) : NULL;
    if (i >= 0 && i < n && e[i].country[0])
        return e[i].country;
    return id;
}

/* 1 the places allow each other (equal, or one lies in the other),
 * 0 they differ, -1 one is not given. */
static int places_fit(const dk_evfact *a, const dk_evfact *b,
                      const dk_pack *pack)
{
    if (!a->place[0] || !b->place[0])
        return -1;
    if (strcmp(a->place, b->place) == 0 ||
        strcmp(country_of(pack, a->place), b->place) == 0 ||
        strcmp(a->place, country_of(pack, b->place)) == 0)
        return 1;
    return 0;
}

/* Both spans inside one calendar year, the same for both. */
static int same_year(dk_period a, dk_period b)
{
    int y = dk_year_of_day(a.lo);
    return dk_year_of_day(a.hi) == y && dk_year_of_day(b.lo) == y &&
           dk_year_of_day(b.hi) == y;
}

/* Is f a bound ("more than 25", "up to 30")? */
static int is_bound(const dk_fig *f)
{
    return f->qualifier == DK_Q_OVER || f->qualifier == DK_Q_UNDER;
}

/* Does span p hold a day of month m (of any year)? */
static int in_month(dk_period p, int m)
{
    if (p.hi - p.lo >= 365)
        return 1;
    int y, mo, d;
    dk_cal_civil(p.lo, &y, &mo, &d);
    for (int k = 0; k < 13; k++) {
        if (mo == m)
            return 1;
        long next = dk_cal_days(y, mo, dk_cal_month_len(y, mo)) + 1;
        if (next > p.hi)
            return 0;
        dk_cal_add_months(&y, &mo, 1);
    }
    return 0;
}

/* How one attribute of the two events compares. */
enum { UNKNOWN, AGREE, DIFFER };

int dk_event_judge(const dk_evfact *c, const dk_evfact *r, const dk_pack *pack,
                   const char **why)
{
    if (why)
        *why = NULL;
    if (!c->event[0] || strcmp(c->event, r->event) != 0)
        return 0;
    int at[4] = {UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN};
    static const char *const names[4] = {"date", "place", "count", "value"};
    /* a month of no year ("met in September"): a record's happening of
     * other months is another one */
    if (!c->has_span && c->month &&
        (r->has_span ? !in_month(r->span, c->month)
                     : r->month && r->month != c->month))
        return 0;
    /* the cheap tests first: when, then who, then where */
    if (c->has_span) {
        if (!r->has_span)
            return 0;   /* the claim's date cannot be confirmed */
        if (dk_period_contains(c->span, r->span) ||
            dk_period_contains(r->span, c->span))
            at[0] = AGREE;
        else if (same_year(c->span, r->span))
            at[0] = DIFFER;
        else
            return 0;   /* another year: another happening */
    }
    if (c->nactors && r->nactors && !shared_actor(c, r))
        return 0;
    /* "Xi met Tokayev" is not Xi's meeting with Mirziyoyev: of two or
     * more participants claimed, two at least must be the record's */
    if (c->nactors >= 2 && r->nactors && actors_found(c, r) < 2)
        return 0;
    int place = places_fit(c, r, pack);
    if ((!c->nactors || !r->nactors) && place < 0)
        return 0;   /* nothing says it is the same happening */
    if (place >= 0)
        at[1] = place ? AGREE : DIFFER;
    if (c->has_count) {
        if (!r->has_count)
            return 0;   /* a count the record does not state */
        at[2] = dk_fig_agree(&c->count, &r->count) ? AGREE : DIFFER;
    }
    if (c->has_value) {
        if (!r->has_value || strcmp(c->unit, r->unit) != 0)
            return 0;
        at[3] = dk_fig_agree(&c->value, &r->value) ? AGREE : DIFFER;
    }
    int differ = -1, ndiffer = 0, nagree = 0;
    for (int k = 0; k < 4; k++) {
        if (at[k] == DIFFER) {
            differ = k;
            ndiffer++;
        }
        /* a bound ("more than 25 agreements") fits many counts: it says
         * nothing of which happening it is */
        if (at[k] == AGREE && !(k == 2 && (is_bound(&c->count) ||
                                           is_bound(&r->count))) &&
            !(k == 3 && (is_bound(&c->value) || is_bound(&r->value))))
            nagree++;
    }
    if (!ndiffer)
        return 1;
    /* the same happening told otherwise: one thing differs, and what
     * agrees says it is the same (the date for a count, place or value;
     * a place, count or value for a date) */
    if (ndiffer == 1 && nagree >= 1 && (differ == 0 || at[0] == AGREE)) {
        if (why)
            *why = names[differ];
        return -1;
    }
    return 0;
}
