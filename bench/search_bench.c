/*
 * search_bench.c - search latency over a record: runs each query of a
 * list the way `dostyk search` does (rewrite, MATCH, dk_rank order, then
 * text and snippet of the first 20 rows) and prints p50, p99 and max in
 * milliseconds.
 *
 *   search_bench DB ROUNDS < queries.txt
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "store/store.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: search_bench DB ROUNDS < queries\n");
        return 2;
    }
    dk_store *s;
    char err[256];
    if (dk_store_open(argv[1], 1, &s, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    char *queries[256];
    int nq = 0;
    char line[512];
    while (nq < 256 && fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = 0;
        if (*line)
            queries[nq++] = dk_fts_query(line);
    }
    sqlite3_stmt *q, *row;
    if (sqlite3_prepare_v2(dk_store_db(s),
            "SELECT f.rowid, dk_rank(sentences_fts) AS score FROM sentences_fts f "
            "WHERE sentences_fts MATCH ?1 ORDER BY score LIMIT 20", -1, &q, NULL) ||
        sqlite3_prepare_v2(dk_store_db(s),
            "SELECT d.name, d.title, d.date, d.source, f.text, "
            "snippet(sentences_fts, 0, '[', ']', '...', 24) "
            "FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
            "JOIN docs d ON d.id = s.doc "
            "WHERE sentences_fts MATCH ?1 AND f.rowid = ?2", -1, &row, NULL)) {
        fprintf(stderr, "%s\n", sqlite3_errmsg(dk_store_db(s)));
        return 1;
    }
    int rounds = atoi(argv[2]), n = 0;
    double *t = malloc(sizeof *t * (size_t)(rounds * nq + 1));
    long rows = 0;
    for (int r = 0; r < rounds; r++)
        for (int i = 0; i < nq; i++) {
            double t0 = now_ms();
            sqlite3_bind_text(q, 1, queries[i], -1, SQLITE_STATIC);
            sqlite3_bind_text(row, 1, queries[i], -1, SQLITE_STATIC);
            while (sqlite3_step(q) == SQLITE_ROW) {
                sqlite3_bind_int64(row, 2, sqlite3_column_int64(q, 0));
                if (sqlite3_step(row) == SQLITE_ROW)
                    rows++;
                sqlite3_reset(row);
            }
            sqlite3_reset(q);
            t[n++] = now_ms() - t0;
        }
    qsort(t, (size_t)n, sizeof *t, cmp);
    printf("search: %d queries, %ld rows, p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
           n, rows, t[n / 2], t[(n * 99) / 100], t[n - 1]);
    return 0;
}
