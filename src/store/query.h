/*
 * query.h - reading the record back: the mention query behind `facts`
 * and `export`, and one row of it as JSON Lines or CSV.
 */
#ifndef DK_QUERY_H
#define DK_QUERY_H

#include "store.h"
#include "../base/buf.h"

typedef struct dk_mentionq {
    int facts_only;        /* only mentions with a metric */
    const char *metric;    /* filters; NULL = any */
    const char *subject;   /* an entity id among the subjects */
    const char *period;    /* "2023" also matches 2023-01/2023-10 */
    const char *doc;       /* document name */
    const char *kind;      /* mention kind name */
} dk_mentionq;

/* Prepare the query; rows come out by document date, document, offset.
 * Returns DK_OK or DK_ERR_DB (message on the connection). */
dk_status dk_mentions_prepare(sqlite3 *db, const dk_mentionq *q,
                              sqlite3_stmt **out);

/* The current row as one JSON object (the mention fields of extract.md,
 * then sentence, title, date, source, url), no newline. */
dk_status dk_mention_row_json(dk_buf *b, sqlite3_stmt *st);

/* The CSV header line and the current row as one CSV line. */
dk_status dk_mention_csv_header(dk_buf *b);
dk_status dk_mention_row_csv(dk_buf *b, sqlite3_stmt *st);

/* The row's mention and document name (for the plain listing). */
void dk_mention_row(sqlite3_stmt *st, dk_mention *m, const char **doc,
                    const char **sentence, const char **date);

#endif
