/*
 * bench_extract.c - micro-benchmark of the engine through the public API
 * (include/dostyk.h), without the CLI's file reading and JSON writing.
 *
 *   build/bench_extract FILE [RUNS [PACKDIR]]
 *
 * Reads FILE into memory once, then RUNS times (default 5) feeds it to one
 * document in 64 KiB chunks and drains the mentions.  Prints one line:
 * bytes, mentions, best CPU seconds and MB/s by CPU time, median wall MB/s.
 * With PACKDIR, a second line: the median time of 21 engine starts with
 * that domain pack (issue 3: pack loading under 20 ms).
 * Exit status 0, or 1 with a one-line message on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "dostyk.h"

#define CHUNK (64 * 1024)

static double now(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read the whole file; the caller frees *out.  Returns its size, or -1. */
static long slurp(const char *path, char **out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 20, len = 0, n;
    char *buf = malloc(cap);
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p) {
                free(buf);
                buf = NULL;
            }
            buf = p;
        }
    }
    int bad = !buf || ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return -1;
    }
    *out = buf;
    return (long)len;
}

/* One pass over text[0, n): returns the number of mentions, or -1. */
static long run(dk_engine *e, const char *text, size_t n)
{
    dk_doc *d = dk_doc_open(e, "bench", NULL);
    if (!d)
        return -1;
    long count = 0;
    for (size_t at = 0; at < n; at += CHUNK) {
        size_t k = n - at < CHUNK ? n - at : CHUNK;
        if (dk_doc_feed(d, text + at, k) != DK_OK)
            break;
        while (dk_doc_next(d))
            count++;
    }
    if (dk_doc_finish(d) == DK_OK)
        while (dk_doc_next(d))
            count++;
    int failed = *dk_doc_errmsg(d) != '\0';
    if (failed)
        fprintf(stderr, "bench_extract: %s\n", dk_doc_errmsg(d));
    dk_doc_close(d);
    return failed ? -1 : count;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Time the start of an engine with the pack in dir (reading its files,
 * building its matchers) and print the medians of LOADS starts. */
#define LOADS 21
static int pack_load(const char *dir)
{
    dk_options o;
    memset(&o, 0, sizeof o);
    o.pack_dir = dir;
    double wall[LOADS], cpu[LOADS];
    for (int r = 0; r < LOADS; r++) {
        dk_status st;
        double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
        dk_engine *e = dk_engine_new(&o, &st);
        double c1 = now(CLOCK_PROCESS_CPUTIME_ID), w1 = now(CLOCK_MONOTONIC);
        if (!e) {
            fprintf(stderr, "bench_extract: cannot load the pack %s: %s\n",
                    dir, dk_strerror(st));
            return 1;
        }
        dk_engine_free(e);
        wall[r] = w1 - w0;
        cpu[r] = c1 - c0;
    }
    qsort(wall, LOADS, sizeof *wall, by_value);
    qsort(cpu, LOADS, sizeof *cpu, by_value);
    printf("pack load (%s): median %.1f ms wall, %.1f ms CPU of %d loads "
           "(goal < 20 ms)\n", dir, wall[LOADS / 2] * 1e3, cpu[LOADS / 2] * 1e3,
           LOADS);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 4) {
        fprintf(stderr, "usage: bench_extract FILE [RUNS [PACKDIR]]\n");
        return 1;
    }
    int runs = argc >= 3 ? atoi(argv[2]) : 5;
    if (runs < 1 || runs > 100) {
        fprintf(stderr, "bench_extract: RUNS must be 1-100\n");
        return 1;
    }
    char *text = NULL;
    long n = slurp(argv[1], &text);
    if (n < 0) {
        fprintf(stderr, "bench_extract: cannot read %s\n", argv[1]);
        return 1;
    }
    dk_status st;
    dk_engine *e = dk_engine_new(NULL, &st);
    if (!e) {
        fprintf(stderr, "bench_extract: cannot start the engine\n");
        free(text);
        return 1;
    }
    double wall[100], best_cpu = 1e300;
    long mentions = 0;
    for (int r = 0; r < runs; r++) {
        double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
        mentions = run(e, text, (size_t)n);
        double c1 = now(CLOCK_PROCESS_CPUTIME_ID), w1 = now(CLOCK_MONOTONIC);
        if (mentions < 0)
            break;
        wall[r] = w1 - w0;
        if (c1 - c0 < best_cpu)
            best_cpu = c1 - c0;
    }
    dk_engine_free(e);
    free(text);
    if (mentions < 0)
        return 1;
    qsort(wall, (size_t)runs, sizeof *wall, by_value);
    double mb = (double)n / 1e6;
    printf("engine alone (no domain pack, no JSON): %.2f MB, %ld mentions, "
           "best CPU %.3f s = %.1f MB/s, "
           "median wall %.1f MB/s (%d runs)\n", mb, mentions, best_cpu,
           mb / best_cpu, mb / wall[runs / 2], runs);
    return argc == 4 ? pack_load(argv[3]) : 0;
}
