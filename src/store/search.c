/*
 * search.c - the search of the record (see search.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "search.h"
#include "store.h"
#include "../text/jsonw.h"

#define SNIPPET_WORDS 24

/* The query (?1) and the filters (?2-?6) of q on st. */
static void bind_filters(sqlite3_stmt *st, const char *fts, const dk_searchq *q)
{
    sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
    if (q->from) sqlite3_bind_text(st, 2, q->from, -1, SQLITE_TRANSIENT);
    if (q->to) sqlite3_bind_text(st, 3, q->to, -1, SQLITE_TRANSIENT);
    if (q->source) sqlite3_bind_text(st, 4, q->source, -1, SQLITE_TRANSIENT);
    if (q->entity) sqlite3_bind_text(st, 5, q->entity, -1, SQLITE_TRANSIENT);
    if (q->metric) sqlite3_bind_text(st, 6, q->metric, -1, SQLITE_TRANSIENT);
}

/* The lowest rowid of the n newest rows of "SELECT f.rowid <from_where>"
 * at or above floor (all of them when there are fewer), or -1 when there
 * is none.  A failure (a bad query) gives floor here, and comes again, to
 * be reported, at dk_search_next. */
static sqlite3_int64 newest_floor(sqlite3 *db, const char *from_where,
                                  const char *fts, const dk_searchq *q, int n,
                                  sqlite3_int64 floor)
{
    char sql[2048];
    snprintf(sql, sizeof sql, "SELECT f.rowid %s AND f.rowid >= ?8 ORDER BY "
             "f.rowid DESC LIMIT %d", from_where, n);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return floor;
    bind_filters(st, fts, q);
    sqlite3_bind_int64(st, 8, floor);
    sqlite3_int64 low = -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        low = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? low : floor;
}

dk_status dk_search_open(sqlite3 *db, const dk_searchq *q, dk_search *s)
{
    memset(s, 0, sizeof *s);
    s->fts = dk_fts_query(q->query ? q->query : "");
    if (!s->fts)
        return DK_ERR_NOMEM;
    if (!*s->fts) {
        dk_search_close(s);
        return DK_ERR_USAGE;
    }
    int filtered = q->from || q->to || q->source || q->entity || q->metric;
    /* the document filters need the joins; entity and metric need only
     * the sentence's id */
    int by_doc = q->from || q->to || q->source;
    char where[1024];
    snprintf(where, sizeof where,
        "FROM sentences_fts f %s WHERE sentences_fts MATCH ?1 %s%s%s%s%s",
        by_doc ? "JOIN sentences s ON s.id = f.rowid "
                 "JOIN docs d ON d.id = s.doc" : "",
        q->from ? "AND substr(d.date, 1, length(?2)) >= ?2 " : "",
        q->to ? "AND substr(d.date, 1, length(?3)) <= ?3 " : "",
        q->source ? "AND d.source = ?4 " : "",
        q->entity ? "AND EXISTS (SELECT 1 FROM mentions m WHERE m.sentence = "
                    "f.rowid AND m.eid = ?5) " : "",
        q->metric ? "AND EXISTS (SELECT 1 FROM mentions m WHERE m.sentence = "
                    "f.rowid AND m.metric = ?6) " : "");
    /* only the DK_SEARCH_CAP newest matches are ranked, so a common
     * word costs what a rare one does; with filters, they are looked for
     * among the DK_SEARCH_SCAN newest matches */
    char sql[2048];
    /* asked for all hits, or more than the cap: everything is ranked */
    long cap = q->limit <= 0 ? -1 : q->limit > DK_SEARCH_CAP ? q->limit
                                                             : DK_SEARCH_CAP;
    sqlite3_int64 first = 0;
    if (filtered && cap > 0)
        first = newest_floor(db, "FROM sentences_fts f WHERE sentences_fts "
                             "MATCH ?1", s->fts, q,
                             (int)(cap * (DK_SEARCH_SCAN / DK_SEARCH_CAP)), 0);
    if (first < 0)
        s->done = 1;       /* nothing matches: no ranking to do */
    /* one pass: the newest matches in rowid order (FTS5 walks its
     * doclists backwards and stops after cap of them), ranked */
    snprintf(sql, sizeof sql, "SELECT id, score FROM (SELECT f.rowid AS id, "
             "dk_rank(sentences_fts) AS score %s AND f.rowid >= ?8 ORDER BY "
             "f.rowid DESC LIMIT %ld) ORDER BY score LIMIT ?7", where, cap);
    if (sqlite3_prepare_v2(db, sql, -1, &s->rank, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
            "SELECT d.name, d.title, d.date, d.source, f.text "
            "FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
            "JOIN docs d ON d.id = s.doc WHERE f.rowid = ?2", -1, &s->row,
            NULL) != SQLITE_OK) {
        dk_search_close(s);
        return DK_ERR_DB;
    }
    bind_filters(s->rank, s->fts, q);
    sqlite3_bind_int64(s->rank, 7, q->limit > 0 ? q->limit : -1);
    sqlite3_bind_int64(s->rank, 8, first);
    return DK_OK;
}

int dk_search_next(dk_search *s)
{
    if (s->done)
        return 0;
    for (;;) {
        sqlite3_reset(s->row);
        int rc = sqlite3_step(s->rank);
        if (rc == SQLITE_DONE)
            return 0;
        if (rc != SQLITE_ROW) {
            s->rc = rc;
            return -1;
        }
        /* the rank is lower for better matches: report a score that grows */
        s->score = -sqlite3_column_double(s->rank, 1);
        sqlite3_bind_int64(s->row, 2, sqlite3_column_int64(s->rank, 0));
        rc = sqlite3_step(s->row);
        if (rc == SQLITE_ROW) {
            /* the snippet from the text, without another MATCH */
            s->snip.len = 0;
            const char *text = (const char *)sqlite3_column_text(s->row, 4);
            size_t n = (size_t)sqlite3_column_bytes(s->row, 4);
            if (dk_fts_snippet(&s->snip, s->fts, text ? text : "", n,
                               SNIPPET_WORDS)) {
                s->rc = SQLITE_NOMEM;
                return -1;
            }
            return 1;
        }
        if (rc != SQLITE_DONE) {
            s->rc = rc;
            return -1;
        }
        /* a sentence gone between the steps: next */
    }
}

const char *dk_search_col(const dk_search *s, int i)
{
    if (i < 0 || i >= DK_SEARCH_COLS)
        return NULL;
    if (i == 5)
        return s->snip.data;
    return (const char *)sqlite3_column_text(s->row, i);
}

dk_status dk_search_row_json(dk_buf *b, const dk_search *s)
{
    static const char *const keys[DK_SEARCH_COLS] = {
        "doc", "title", "date", "source", "sentence", "snippet"};
    dk_jsonw w;
    dk_jw_begin(&w, b);
    for (int i = 0; i < DK_SEARCH_COLS; i++) {
        const char *v = dk_search_col(s, i);
        if (v)
            dk_jw_cstr(&w, keys[i], v);
    }
    dk_jw_num(&w, "score", (double)(long long)(s->score * 1e4) / 1e4);
    dk_jw_end(&w);
    return w.err;
}

void dk_search_close(dk_search *s)
{
    sqlite3_finalize(s->rank);
    sqlite3_finalize(s->row);
    dk_buf_free(&s->snip);
    free(s->fts);
    memset(s, 0, sizeof *s);
}
