/*
 * search_bench.c - search latency over a record, through the code of
 * `dostyk search` and GET /api/search (dk_search_open/next: rewrite,
 * ranking, then text and snippet of each hit, 20 hits a query).  Prints
 * the number of sentences, p50, p90, p99 and max in milliseconds, and
 * the slowest queries.
 *
 *   search_bench DB ROUNDS < queries.tsv
 *
 * A query line: QUERY [TAB FROM [TAB TO [TAB SOURCE [TAB ENTITY [TAB
 * METRIC]]]]], empty fields for no filter.  The first round warms the
 * page cache and is not counted when there are several.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "store/store.h"
#include "store/search.h"

#define MAX_QUERIES 2000

typedef struct bq {
    char *f[6];        /* query, from, to, source, entity, metric */
    double worst;
    long rows;
} bq;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int by_worst(const void *a, const void *b)
{
    const bq *x = a, *y = b;
    return x->worst < y->worst ? 1 : x->worst > y->worst ? -1 : 0;
}

static const char *field(const bq *q, int i)
{
    return q->f[i] && *q->f[i] ? q->f[i] : NULL;
}

static int filtered(const bq *q)
{
    for (int i = 1; i < 6; i++)
        if (field(q, i))
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: search_bench DB ROUNDS < queries.tsv\n");
        return 2;
    }
    dk_store *s;
    char err[256];
    if (dk_store_open(argv[1], 1, &s, err, sizeof err)) {
        fprintf(stderr, "search_bench: %s\n", err);
        return 1;
    }
    sqlite3 *db = dk_store_db(s);
    static bq qs[MAX_QUERIES];
    int nq = 0;
    char line[1024];
    while (nq < MAX_QUERIES && fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = 0;
        if (!*line)
            continue;
        char *p = strdup(line);
        if (!p)
            return 1;
        for (int i = 0; i < 6 && p; i++) {
            qs[nq].f[i] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = 0;
        }
        nq++;
    }
    int rounds = atoi(argv[2]);
    if (rounds < 1 || nq == 0) {
        fprintf(stderr, "search_bench: no queries or no rounds\n");
        return 2;
    }
    double *t = malloc(sizeof *t * (size_t)(rounds * nq));
    double *tc = malloc(sizeof *tc * (size_t)(rounds * nq));
    int n = 0;
    long rows = 0;
    for (int r = 0; r < rounds; r++)
        for (int i = 0; i < nq; i++) {
            dk_searchq q = {.query = qs[i].f[0], .from = field(&qs[i], 1),
                            .to = field(&qs[i], 2), .source = field(&qs[i], 3),
                            .entity = field(&qs[i], 4),
                            .metric = field(&qs[i], 5), .limit = 20};
            double t0 = now_ms(), c0 = cpu_ms();
            dk_search hit;
            long got = 0;
            if (dk_search_open(db, &q, &hit) == DK_OK) {
                while (dk_search_next(&hit) == 1)
                    if (dk_search_col(&hit, 5))
                        got++;
                dk_search_close(&hit);
            }
            double el = now_ms() - t0, cel = cpu_ms() - c0;
            qs[i].rows = got;
            if (getenv("SEARCH_BENCH_VERBOSE") && r == rounds - 1)
                fprintf(stderr, "%8.3f ms %3ld rows  %s%s\n", el, got,
                        qs[i].f[0], filtered(&qs[i]) ? " +filters" : "");
            if (r == 0 && rounds > 1)
                continue;     /* warm-up */
            rows += got;
            tc[n] = cel;
            t[n++] = el;
            if (el > qs[i].worst)
                qs[i].worst = el;
        }
    long long nsent = -1;
    sqlite3_stmt *c;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sentences", -1, &c, NULL) ==
            SQLITE_OK && sqlite3_step(c) == SQLITE_ROW)
        nsent = sqlite3_column_int64(c, 0);
    sqlite3_finalize(c);
    qsort(t, (size_t)n, sizeof *t, cmp);
    printf("search: %lld sentences, %d queries x %d rounds, %ld rows; "
           "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms "
           "(target p50 < 1, p99 < 10)\n", nsent, nq, rounds > 1 ? rounds - 1 : 1,
           rows, t[n / 2], t[(n * 9) / 10], t[(n * 99) / 100], t[n - 1]);
    qsort(tc, (size_t)n, sizeof *tc, cmp);
    printf("search: CPU time of the same: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, "
           "max %.3f ms\n", tc[n / 2], tc[(n * 9) / 10], tc[(n * 99) / 100],
           tc[n - 1]);
    qsort(qs, (size_t)nq, sizeof qs[0], by_worst);
    printf("search: slowest:");
    for (int i = 0; i < 5 && i < nq; i++)
        printf(" [%s%s] %.1f ms;", qs[i].f[0], filtered(&qs[i]) ?
               " +filters" : "", qs[i].worst);
    printf("\n");
    free(t);
    free(tc);
    dk_store_close(s);
    return 0;
}
