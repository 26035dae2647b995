/*
 * query.c - the mention query and its row writers (see query.h).
 */
#include <stdio.h>
#include <string.h>
#include "query.h"
#include "../text/csvw.h"
#include "../text/jsonw.h"

/* Columns after the mention's: */
enum { C_DOC = DK_MENTION_NCOLS, C_SENT, C_TITLE, C_DATE, C_SOURCE, C_URL };

dk_status dk_mentions_prepare(sqlite3 *db, const dk_mentionq *q,
                              sqlite3_stmt **out)
{
    /* With a metric, its index finds the few mentions and each one's
     * document follows.  Otherwise the documents come first, in date
     * order, each with its mentions found by their range of ids
     * (doc_rows): CROSS JOIN keeps that order, and the unary + keeps
     * SQLite from building an index of every mention for the query
     * instead (it would rather scan them all and sort them). */
    const char *from = q->metric
        ? "FROM mentions m JOIN docs d ON d.id = m.doc "
        : "FROM docs d CROSS JOIN doc_rows r ON r.doc = d.id "
          "CROSS JOIN mentions m ON m.id BETWEEN r.mention_lo AND "
          "r.mention_hi AND +m.doc = d.id ";
    char sql[2048];
    snprintf(sql, sizeof sql,
        "SELECT " DK_MENTION_COLS ", d.name, f.text, d.title, d.date, "
        "d.source, d.url %s"
        "LEFT JOIN sentences_fts f ON f.rowid = m.sentence WHERE 1 %s%s%s%s%s%s "
        "ORDER BY d.date, d.id, m.start, m.end DESC",
        from,
        q->facts_only ? "AND +m.metric IS NOT NULL " : "",
        q->metric ? "AND m.metric = ?1 " : "",
        q->subject ? "AND (',' || m.subjects || ',') LIKE '%,' || ?2 || ',%' " : "",
        q->period ? "AND (m.period = ?3 OR m.period LIKE ?3 || '-%' "
                    "OR m.period LIKE ?3 || '/%') " : "",
        q->doc ? "AND d.name = ?4 " : "",
        q->kind ? "AND +m.kind = ?5 " : "");
    if (sqlite3_prepare_v2(db, sql, -1, out, NULL) != SQLITE_OK)
        return DK_ERR_DB;
    if (q->metric) sqlite3_bind_text(*out, 1, q->metric, -1, SQLITE_STATIC);
    if (q->subject) sqlite3_bind_text(*out, 2, q->subject, -1, SQLITE_STATIC);
    if (q->period) sqlite3_bind_text(*out, 3, q->period, -1, SQLITE_STATIC);
    if (q->doc) sqlite3_bind_text(*out, 4, q->doc, -1, SQLITE_STATIC);
    if (q->kind) sqlite3_bind_text(*out, 5, q->kind, -1, SQLITE_STATIC);
    return DK_OK;
}

static const char *col(sqlite3_stmt *st, int c)
{
    const unsigned char *v = sqlite3_column_text(st, c);
    return v ? (const char *)v : NULL;
}

void dk_mention_row(sqlite3_stmt *st, dk_mention *m, const char **doc,
                    const char **sentence, const char **date)
{
    dk_store_read_mention(st, 0, m);
    *doc = col(st, C_DOC);
    *sentence = col(st, C_SENT);
    *date = col(st, C_DATE);
}

dk_status dk_mention_row_json(dk_buf *b, sqlite3_stmt *st)
{
    dk_mention m;
    dk_store_read_mention(st, 0, &m);
    const char *doc = col(st, C_DOC);
    dk_status s = dk_json_mention(b, doc ? doc : "", &m);
    if (s)
        return s;
    b->len--;   /* reopen the object: drop its '}' */
    dk_jsonw w = {b, 0, DK_OK};
    static const struct { const char *key; int c; } extra[] = {
        {"sentence", C_SENT}, {"title", C_TITLE}, {"date", C_DATE},
        {"source", C_SOURCE}, {"url", C_URL},
    };
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) {
        const char *v = col(st, extra[i].c);
        /* a date mention has its own "date": the document's is doc_date */
        const char *key = extra[i].c == C_DATE && m.kind == DK_DATE
                              ? "doc_date" : extra[i].key;
        if (v)
            dk_jw_str(&w, key, v, (size_t)sqlite3_column_bytes(st, extra[i].c));
    }
    dk_jw_end(&w);
    return w.err;
}

static const char *const csv_cols[] = {
    "doc", "start", "end", "text", "kind", "value", "unit", "qualifier",
    "low", "high", "date", "metric", "period", "subjects", "change_value",
    "change_unit", "type", "id", "event", "actors", "place", "sentence",
    "title", "doc_date", "source", "url",
};

dk_status dk_mention_csv_header(dk_buf *b)
{
    dk_status s = DK_OK;
    for (size_t i = 0; i < sizeof csv_cols / sizeof *csv_cols && !s; i++)
        s = dk_csv_cfield(b, csv_cols[i], i == 0);
    return s ? s : dk_csv_end(b);
}

static dk_status ids(dk_buf *b, const char (*v)[DK_ID_MAX], int n)
{
    char tmp[DK_MAX_ACTORS * DK_ID_MAX + 8];
    size_t len = 0;
    tmp[0] = 0;
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(tmp + len, sizeof tmp - len, "%s%s",
                                i ? " " : "", v[i]);
    return dk_csv_cfield(b, tmp, 0);
}

dk_status dk_mention_row_csv(dk_buf *b, sqlite3_stmt *st)
{
    dk_mention m;
    dk_store_read_mention(st, 0, &m);
    char num[32];
    dk_status s = dk_csv_cfield(b, col(st, C_DOC), 1);
    snprintf(num, sizeof num, "%llu", (unsigned long long)m.start);
    if (!s) s = dk_csv_cfield(b, num, 0);
    snprintf(num, sizeof num, "%llu", (unsigned long long)m.end);
    if (!s) s = dk_csv_cfield(b, num, 0);
    if (!s) s = dk_csv_field(b, m.text, (size_t)(m.end - m.start), 0);
    if (!s) s = dk_csv_cfield(b, dk_kind_name(m.kind), 0);
    if (!s) s = dk_csv_num(b, m.value, m.has_value, 0);
    if (!s) s = dk_csv_cfield(b, m.unit, 0);
    if (!s) s = dk_csv_cfield(b, m.has_value && m.kind != DK_EVENT
                                     ? dk_qualifier_name(m.qualifier) : "", 0);
    if (!s) s = dk_csv_num(b, m.low, m.qualifier == DK_Q_RANGE, 0);
    if (!s) s = dk_csv_num(b, m.high, m.qualifier == DK_Q_RANGE, 0);
    if (!s) s = dk_csv_cfield(b, m.date, 0);
    if (!s) s = dk_csv_cfield(b, m.metric, 0);
    if (!s) s = dk_csv_cfield(b, m.period, 0);
    if (!s) s = ids(b, m.subjects, m.nsubjects);
    if (!s) s = dk_csv_num(b, m.change_value, m.has_change, 0);
    if (!s) s = dk_csv_cfield(b, m.change_unit, 0);
    if (!s) s = dk_csv_cfield(b, m.type, 0);
    if (!s) s = dk_csv_cfield(b, m.id, 0);
    if (!s) s = dk_csv_cfield(b, m.event, 0);
    if (!s) s = ids(b, m.actors, m.nactors);
    if (!s) s = dk_csv_cfield(b, m.place, 0);
    for (int c = C_SENT; c <= C_URL && !s; c++)
        s = dk_csv_cfield(b, col(st, c), 0);
    return s ? s : dk_csv_end(b);
}
