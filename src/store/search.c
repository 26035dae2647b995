/*
 * search.c - the search query of the record (see search.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include "search.h"
#include "store.h"
#include "../text/jsonw.h"

dk_status dk_search_prepare(sqlite3 *db, const dk_searchq *q,
                            sqlite3_stmt **out, char **fts_out)
{
    *out = NULL;
    *fts_out = NULL;
    char *fts = dk_fts_query(q->query ? q->query : "");
    if (!fts)
        return DK_ERR_NOMEM;
    if (!*fts) {
        free(fts);
        return DK_ERR_USAGE;
    }
    char sql[2048];
    snprintf(sql, sizeof sql,
        "SELECT d.name, d.title, d.date, d.source, f.text, "
        "snippet(sentences_fts, 0, '[', ']', '...', 24), bm25(sentences_fts) "
        "FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
        "JOIN docs d ON d.id = s.doc WHERE sentences_fts MATCH ?1 %s%s%s%s%s "
        "ORDER BY rank LIMIT ?7",
        q->from ? "AND substr(d.date, 1, length(?2)) >= ?2 " : "",
        q->to ? "AND substr(d.date, 1, length(?3)) <= ?3 " : "",
        q->source ? "AND d.source = ?4 " : "",
        q->entity ? "AND EXISTS (SELECT 1 FROM mentions m WHERE m.sentence = s.id "
                    "AND m.eid = ?5) " : "",
        q->metric ? "AND EXISTS (SELECT 1 FROM mentions m WHERE m.sentence = s.id "
                    "AND m.metric = ?6) " : "");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        free(fts);
        return DK_ERR_DB;
    }
    sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
    if (q->from) sqlite3_bind_text(st, 2, q->from, -1, SQLITE_TRANSIENT);
    if (q->to) sqlite3_bind_text(st, 3, q->to, -1, SQLITE_TRANSIENT);
    if (q->source) sqlite3_bind_text(st, 4, q->source, -1, SQLITE_TRANSIENT);
    if (q->entity) sqlite3_bind_text(st, 5, q->entity, -1, SQLITE_TRANSIENT);
    if (q->metric) sqlite3_bind_text(st, 6, q->metric, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 7, q->limit > 0 ? q->limit : -1);
    *out = st;
    *fts_out = fts;
    return DK_OK;
}

dk_status dk_search_row_json(dk_buf *b, sqlite3_stmt *st)
{
    static const char *const keys[] = {"doc", "title", "date", "source",
                                       "sentence", "snippet"};
    dk_jsonw w;
    dk_jw_begin(&w, b);
    for (int i = 0; i < 6; i++) {
        const char *v = (const char *)sqlite3_column_text(st, i);
        if (v)
            dk_jw_cstr(&w, keys[i], v);
    }
    /* bm25 is lower for better matches: report a score that grows */
    double score = -sqlite3_column_double(st, 6);
    dk_jw_num(&w, "score", (double)(long long)(score * 1e4) / 1e4);
    dk_jw_end(&w);
    return w.err;
}
