/*
 * search.h - full-text search of the record's sentences (FTS5, bm25),
 * shared by `dostyk search` and the HTTP API: the query, its filters,
 * and one hit as the JSON object {"doc","title","date","source",
 * "sentence","snippet","score"}.
 */
#ifndef DK_SEARCH_H
#define DK_SEARCH_H

#include <sqlite3.h>
#include "dostyk.h"
#include "../base/buf.h"

typedef struct dk_searchq {
    const char *query;     /* the user's words (dk_fts_query rewrites them) */
    const char *from, *to; /* document dates, prefixes compared: "2023" */
    const char *source, *entity, *metric;
    long limit;            /* 0 = no limit */
} dk_searchq;

/* Prepare the search.  Returns DK_OK; DK_ERR_USAGE when the query has no
 * words; DK_ERR_NOMEM; DK_ERR_DB (message on the connection).  *fts
 * receives the rewritten query, which the statement uses: free it after
 * finalizing. */
dk_status dk_search_prepare(sqlite3 *db, const dk_searchq *q,
                            sqlite3_stmt **out, char **fts);

/* The current hit as one JSON object (no newline). */
dk_status dk_search_row_json(dk_buf *b, sqlite3_stmt *st);

/* Columns of a hit: 0 doc, 1 title, 2 date, 3 source, 4 sentence,
 * 5 snippet, 6 bm25 (lower is better). */

#endif
