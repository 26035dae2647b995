/*
 * search.c - the search of the record (see search.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "search.h"
#include "store.h"
#include "../text/jsonw.h"

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
    char sql[2048];
    snprintf(sql, sizeof sql,
        "SELECT f.rowid, dk_rank(sentences_fts) AS score FROM sentences_fts f "
        "%s WHERE sentences_fts MATCH ?1 %s%s%s%s%s ORDER BY score LIMIT ?7",
        filtered ? "JOIN sentences s ON s.id = f.rowid "
                   "JOIN docs d ON d.id = s.doc" : "",
        q->from ? "AND substr(d.date, 1, length(?2)) >= ?2 " : "",
        q->to ? "AND substr(d.date, 1, length(?3)) <= ?3 " : "",
        q->source ? "AND d.source = ?4 " : "",
        q->entity ? "AND EXISTS (SELECT 1 FROM mentions m WHERE m.sentence = s.id "
                    "AND m.eid = ?5) " : "",
        q->metric ? "AND EXISTS (SELECT 1 FROM mentions m WHERE m.sentence = s.id "
                    "AND m.metric = ?6) " : "");
    if (sqlite3_prepare_v2(db, sql, -1, &s->rank, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
            "SELECT d.name, d.title, d.date, d.source, f.text, "
            "snippet(sentences_fts, 0, '[', ']', '...', 24) "
            "FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
            "JOIN docs d ON d.id = s.doc "
            "WHERE sentences_fts MATCH ?1 AND f.rowid = ?2", -1, &s->row,
            NULL) != SQLITE_OK) {
        dk_search_close(s);
        return DK_ERR_DB;
    }
    sqlite3_bind_text(s->rank, 1, s->fts, -1, SQLITE_STATIC);
    sqlite3_bind_text(s->row, 1, s->fts, -1, SQLITE_STATIC);
    if (q->from) sqlite3_bind_text(s->rank, 2, q->from, -1, SQLITE_TRANSIENT);
    if (q->to) sqlite3_bind_text(s->rank, 3, q->to, -1, SQLITE_TRANSIENT);
    if (q->source) sqlite3_bind_text(s->rank, 4, q->source, -1, SQLITE_TRANSIENT);
    if (q->entity) sqlite3_bind_text(s->rank, 5, q->entity, -1, SQLITE_TRANSIENT);
    if (q->metric) sqlite3_bind_text(s->rank, 6, q->metric, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s->rank, 7, q->limit > 0 ? q->limit : -1);
    return DK_OK;
}

int dk_search_next(dk_search *s)
{
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
        if (rc == SQLITE_ROW)
            return 1;
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
    free(s->fts);
    memset(s, 0, sizeof *s);
}
