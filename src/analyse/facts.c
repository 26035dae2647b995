/*
 * facts.c - loading the attributed figures for analysis (facts.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "facts.h"
#include "../store/store.h"

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

dk_status dk_facts_push(dk_facts *fs, const dk_fact *f)
{
    if (fs->n == fs->cap) {
        int cap = fs->cap ? fs->cap * 2 : 64;
        dk_fact *v = realloc(fs->v, (size_t)cap * sizeof *v);
        if (!v)
            return DK_ERR_NOMEM;
        fs->v = v;
        fs->cap = cap;
    }
    dk_fact *g = &fs->v[fs->n];
    *g = *f;
    g->text = dup_or_empty(f->text);
    if (fs->borrows) {
        if (!g->text)
            return DK_ERR_NOMEM;
        fs->n++;
        return DK_OK;
    }
    g->doc = dup_or_empty(f->doc);
    g->date = dup_or_empty(f->date);
    g->sentence = dup_or_empty(f->sentence);
    if (!g->doc || !g->date || !g->sentence || !g->text) {
        free(g->doc);
        free(g->date);
        free(g->sentence);
        free(g->text);
        return DK_ERR_NOMEM;
    }
    fs->n++;
    return DK_OK;
}

void dk_facts_free(dk_facts *fs)
{
    for (int i = 0; i < fs->n; i++) {
        if (!fs->borrows) {
            free(fs->v[i].doc);
            free(fs->v[i].date);
            free(fs->v[i].sentence);
        }
        free(fs->v[i].text);
    }
    free(fs->v);
    memset(fs, 0, sizeof *fs);
}

void dk_fact_subjects(const dk_fact *f, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < f->nsubjects && len < cap; i++)
        len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? "," : "",
                                f->subjects[i]);
}

int dk_fact_same_subject(const dk_fact *a, const dk_fact *b)
{
    if (strcmp(a->metric, b->metric) != 0 || a->nsubjects != b->nsubjects)
        return 0;
    for (int i = 0; i < a->nsubjects; i++)
        if (strcmp(a->subjects[i], b->subjects[i]) != 0)
            return 0;
    return 1;
}

/* The fact a stated percentage change implies for the year before. */
static dk_status add_implied(dk_facts *fs, int i)
{
    const dk_fact *f = &fs->v[i];
    int year;
    if (!f->has_change || strcmp(f->change_unit, "%") != 0 || !f->has_span ||
        !dk_period_is_year(f->span, &year) || f->change_value <= -100 ||
        f->fig.qualifier != DK_Q_EXACT)
        return DK_OK;
    dk_fact g = *f;
    double k = 1 + f->change_value / 100;
    g.fig.value = f->fig.value / k;
    g.fig.low = g.fig.high = 0;
    g.fig.qualifier = DK_Q_APPROX;   /* the change itself is rounded */
    g.fig.step = f->fig.step / k;
    g.implied = 1;
    g.has_change = 0;
    g.current = 0;
    snprintf(g.period, sizeof g.period, "%04d", year - 1);
    dk_period_parse(g.period, &g.span);
    char text[64];
    snprintf(text, sizeof text, "implied by %s%g%% change", 
             f->change_value >= 0 ? "+" : "", f->change_value);
    g.text = text;
    return dk_facts_push(fs, &g);
}

void dk_fact_from_mention(const dk_mention *m, dk_fact *f)
{
    memset(f, 0, sizeof *f);
    f->kind = m->kind;
    f->fig.value = m->value;
    f->fig.low = m->low;
    f->fig.high = m->high;
    f->fig.qualifier = m->qualifier;
    f->fig.step = dk_fig_step_of(m->kind, m->text, (size_t)(m->end - m->start),
                                 m->value);
    memcpy(f->unit, m->unit, sizeof f->unit);
    memcpy(f->metric, m->metric, sizeof f->metric);
    memcpy(f->period, m->period, sizeof f->period);
    f->has_span = dk_period_parse(f->period, &f->span);
    f->nsubjects = m->nsubjects;
    memcpy(f->subjects, m->subjects, sizeof f->subjects);
    f->has_change = m->has_change;
    f->change_value = m->change_value;
    memcpy(f->change_unit, m->change_unit, sizeof f->change_unit);
    f->start = (long)m->start;
}

/* Read the rows of st (DK_MENTION_COLS, then document name and date,
 * sentence text, whether a date of the sentence states the period,
 * sentence id) into out. */
static dk_status read_facts(sqlite3_stmt *st, dk_facts *out)
{
    int rc = SQLITE_DONE;
    dk_status s = DK_OK;
    while (!s && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        dk_mention m;
        dk_store_read_mention(st, 0, &m);
        int c = DK_MENTION_NCOLS;
        dk_fact f;
        dk_fact_from_mention(&m, &f);
        f.doc = (char *)sqlite3_column_text(st, c);
        f.date = (char *)sqlite3_column_text(st, c + 1);
        f.sentence = (char *)sqlite3_column_text(st, c + 2);
        f.current = !sqlite3_column_int(st, c + 3);
        f.sid = sqlite3_column_int64(st, c + 4);
        char text[256];
        size_t tl = (size_t)(m.end - m.start);
        if (tl >= sizeof text)
            tl = sizeof text - 1;
        memcpy(text, m.text, tl);
        text[tl] = '\0';
        f.text = text;
        s = dk_facts_push(out, &f);
    }
    if (!s && rc != SQLITE_DONE)
        s = DK_ERR_DB;
    return s;
}

dk_status dk_facts_load(sqlite3 *db, const char *metric,
                        const char *subjects, dk_facts *out)
{
    memset(out, 0, sizeof *out);
    char sql[1024];
    snprintf(sql, sizeof sql,
             "SELECT " DK_MENTION_COLS ", d.name, d.date, f.text, "
             "EXISTS(SELECT 1 FROM mentions x WHERE x.sentence = m.sentence "
             "AND x.kind = 'date' AND x.date = m.period), m.sentence "
             "FROM mentions m JOIN docs d ON d.id = m.doc "
             "LEFT JOIN sentences_fts f ON f.rowid = m.sentence "
             "WHERE m.metric IS NOT NULL AND m.value IS NOT NULL %s %s "
             "ORDER BY m.metric, m.period, d.date, d.name, m.start",
             metric ? "AND m.metric = ?1" : "",
             subjects ? "AND m.subjects = ?2" : "");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return DK_ERR_DB;
    if (metric)
        sqlite3_bind_text(st, 1, metric, -1, SQLITE_STATIC);
    if (subjects)
        sqlite3_bind_text(st, 2, subjects, -1, SQLITE_STATIC);
    dk_status s = read_facts(st, out);
    sqlite3_finalize(st);
    if (!s)
        s = dk_facts_add_implied(out);
    if (s)
        dk_facts_free(out);
    return s;
}

dk_status dk_facts_add_implied(dk_facts *fs)
{
    int stated = fs->n;
    dk_status s = DK_OK;
    for (int i = 0; i < stated && !s; i++)
        s = add_implied(fs, i);
    return s;
}

