/*
 * ingest.c - `dostyk ingest`: its options, the progress line and the
 * summary; the work is src/ingest/pipeline.c.
 */
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "../pack/pack.h"
#include "../ingest/pipeline.h"
#include "../store/store.h"

typedef struct view {
    int tty;
    unsigned long long total_bytes;
    double t0, last_shown;
} view;

static void usage(FILE *f)
{
    fprintf(f,
        "usage: dostyk ingest [--db FILE] [--input text|jsonl|html] PATH...\n\n"
        "Add documents to the record: files, folders (recursively) or - for\n"
        "standard input.  Re-ingesting the same content does nothing; a\n"
        "changed document with the same id replaces the old one.\n\n"
        "  --db FILE          the database (default $DOSTYK_DB or dostyk.db)\n"
        "  --input FORMAT     text, jsonl or html (default: by file name:\n"
        "                     .jsonl, .html/.htm, anything else is text)\n"
        "  --batch N          documents per transaction (default 5000; a\n"
        "                     transaction also ends after 16 MB or 2 s)\n"
        "  --threads N        1: read, extract and write on one thread;\n"
        "                     2 (default): extract on a second thread\n"
        "  -q, --quiet        no summary line\n"
        "  -h, --help         this help\n");
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void on_error(void *ctx, const char *where, long line, const char *msg)
{
    (void)ctx;
    (void)line;
    dk_cli_error("%s: %s", where, msg);
}

/* The progress line on a terminal: documents, MB, MB/s, ETA. */
static void show(view *v, const dk_ingest_stats *s, int force)
{
    double t = now();
    if (!force && t - v->last_shown < 0.25)
        return;
    v->last_shown = t;
    double mb = s->bytes / 1e6, el = t - v->t0;
    double rate = el > 0 ? mb / el : 0;
    char eta[32] = "";
    if (v->total_bytes > s->bytes && rate > 0)
        snprintf(eta, sizeof eta, ", ETA %.0fs",
                 (v->total_bytes - s->bytes) / 1e6 / rate);
    fprintf(stderr, "\r%ld documents, %.1f MB, %.1f MB/s%s   ",
            s->added + s->skipped, mb, rate, eta);
}

static void on_progress(void *ctx, const dk_ingest_stats *s)
{
    show(ctx, s, 0);
}

int dk_cmd_ingest(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},
        {"input", required_argument, 0, 'i'},
        {"quiet", no_argument, 0, 'q'},
        {"batch", required_argument, 0, 'b'},
        {"threads", required_argument, 0, 'j'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    dk_ingest_opts io;
    memset(&io, 0, sizeof io);
    io.format = DK_INGEST_AUTO;
    io.batch_docs = DK_INGEST_BATCH;
    const char *db = dk_store_default_path();
    int quiet = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":hq", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'q': quiet = 1; break;
        case 'b': {
            char *end;
            io.batch_docs = strtol(optarg, &end, 10);
            if (*end || io.batch_docs < 1) {
                dk_cli_error("ingest: --batch wants a positive number, not "
                             "'%s'", optarg);
                return DK_ERR_USAGE;
            }
            break;
        }
        case 'j':
            if (strcmp(optarg, "1") != 0 && strcmp(optarg, "2") != 0) {
                dk_cli_error("ingest: --threads wants 1 or 2, not '%s'",
                             optarg);
                return DK_ERR_USAGE;
            }
            io.threads = optarg[0] - '0';
            break;
        case 'i':
            if (!strcmp(optarg, "text")) io.format = DK_INGEST_TEXT;
            else if (!strcmp(optarg, "jsonl")) io.format = DK_INGEST_JSONL;
            else if (!strcmp(optarg, "html")) io.format = DK_INGEST_HTML;
            else {
                dk_cli_error("ingest: --input must be text, jsonl or html, "
                             "not '%s'", optarg);
                return DK_ERR_USAGE;
            }
            break;
        case 'h': usage(stdout); return DK_OK;
        default: return dk_cli_bad_option("ingest", c, argv);
        }
    }
    if (optind >= argc) {
        dk_cli_error("ingest: no PATH given (use - for standard input)");
        return DK_ERR_USAGE;
    }
    /* a size-limited file must end in an error, not a signal */
    signal(SIGXFSZ, SIG_IGN);
    char err[512];
    dk_store *store;
    dk_status st = dk_store_open(db, 0, &store, err, sizeof err);
    if (st) {
        dk_cli_error("ingest: %s", err);
        return st;
    }
    char packdir[4096];
    if (dk_cli_default_pack("ingest", 0, packdir, sizeof packdir))
        io.pack_dir = packdir;  /* entities and metrics for the record */
    view v;
    memset(&v, 0, sizeof v);
    v.tty = isatty(2);
    v.t0 = now();
    io.on_error = on_error;
    io.on_progress = v.tty ? on_progress : NULL;
    io.ctx = &v;
    dk_ingest *x = dk_ingest_open(store, &io, err, sizeof err);
    if (!x) {
        dk_cli_error("ingest: %s", err);
        dk_store_close(store);
        return DK_ERR_NOMEM;
    }
    if (v.tty)
        for (int i = optind; i < argc; i++)
            v.total_bytes += dk_ingest_size(argv[i]);
    for (int i = optind; i < argc && !dk_ingest_failed(x); i++)
        dk_ingest_path(x, argv[i]);
    st = dk_ingest_finish(x);
    const dk_ingest_stats *s = dk_ingest_stats_of(x);
    if (v.tty) {
        show(&v, s, 1);
        fputc('\n', stderr);
    }
    if (!quiet)
        fprintf(stderr, "ingest: %ld documents added (%ld replaced), %ld "
                "skipped, %ld failed, %lld mentions; %.1f MB in %.2fs\n",
                s->added, s->replaced, s->skipped, s->failed, s->mentions,
                s->bytes / 1e6, now() - v.t0);
    int ok = !dk_ingest_failed(x);
    dk_ingest_close(x);
    if (ok)
        sqlite3_exec(dk_store_db(store), "PRAGMA optimize", NULL, NULL, NULL);
    dk_store_close(store);
    return st;
}
