/*
 * search.h - full-text search of the record's sentences (FTS5), shared
 * by `dostyk search` and the HTTP API.  Two steps: the matches are ranked
 * first (rowid and score only, the filters as joins), then the text of
 * each hit is fetched by rowid and its snippet made from it (fts.c,
 * without a second MATCH), so snippets are made only for the rows shown.  A hit as JSON: {"doc","title","date","source",
 * "sentence","snippet","score"}.
 *
 * Latency is bounded whatever the record's size: of a query's matches
 * (after the filters) only the DK_SEARCH_CAP most recently added (or
 * the limit, when larger) are ranked, so a word found in half a million
 * sentences costs what a rare one does; the best of the newest come
 * first.  With filters, those are looked for among the DK_SEARCH_SCAN
 * newest matches of the words (scaled likewise).  A search without a
 * limit ranks every match.  A prefix term (tour*) is searched as the
 * words of the record it stands for, up to 32 (tourist OR tourists,
 * ranked as the prefix: same matches, same scores): FTS5 would merge the
 * doclists of all those words before its first match comes out.  Finding
 * the words (fts5vocab) still reads their doclists, more cheaply.  The
 * IDF of dk_rank is estimated from the first matches of each phrase
 * (fts.c).
 *
 * Ownership: dk_search owns its statements and the rewritten query; close
 * it with dk_search_close.  Column strings are valid until the next call.
 */
#ifndef DK_SEARCH_H
#define DK_SEARCH_H

#include <sqlite3.h>
#include "dostyk.h"
#include "../base/buf.h"

#define DK_SEARCH_CAP 300    /* matches ranked at most, the newest */
#define DK_SEARCH_SCAN 2400  /* with filters: newest matches looked at */

typedef struct dk_searchq {
    const char *query;     /* the user's words (dk_fts_query rewrites them) */
    const char *from, *to; /* document dates, prefixes compared: "2023" */
    const char *source, *entity, *metric;
    long limit;            /* 0 = no limit */
} dk_searchq;

typedef struct dk_search {
    sqlite3_stmt *rank, *row;
    char *fts;
    char *match, *groups;  /* fts with prefixes as words, and their groups */
    dk_buf snip;           /* the current hit's snippet */
    double score;          /* of the current hit; grows with relevance */
    int rc;                /* SQLite code of a failed step */
    int done;              /* known to have no hits */
} dk_search;

enum { DK_SEARCH_COLS = 6 };   /* doc title date source sentence snippet */

/* Prepare the search.  Returns DK_OK; DK_ERR_USAGE when the query has no
 * words; DK_ERR_NOMEM; DK_ERR_DB (message on the connection). */
dk_status dk_search_open(sqlite3 *db, const dk_searchq *q, dk_search *s);

/* Step to the next hit: 1 when there is one, 0 at the end, -1 on error
 * (s->rc holds SQLite's code: SQLITE_ERROR is a bad query). */
int dk_search_next(dk_search *s);

/* Column i (0 doc, 1 title, 2 date, 3 source, 4 sentence, 5 snippet) of
 * the current hit, or NULL. */
const char *dk_search_col(const dk_search *s, int i);

/* The current hit as one JSON object (no newline). */
dk_status dk_search_row_json(dk_buf *b, const dk_search *s);

void dk_search_close(dk_search *s);

#endif
