/*
 * stats.c - `dostyk stats`: what the record holds: documents, sentences,
 * mentions by kind, figures by metric, periods and dates covered.
 */
#include <getopt.h>
#include <string.h>
#include "cli.h"
#include "../base/buf.h"
#include "../store/store.h"
#include "../text/jsonw.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: dostyk stats [--db FILE] [--json]\n\n"
               "Documents, sentences, mentions by kind, figures by metric,\n"
               "the periods and publication dates covered.\n");
}

static long long count(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW)
            n = sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
    }
    return n;
}

/* Rows (name, count) of sql as a nested object or indented lines. */
static int groups(sqlite3 *db, const char *sql, const char *title,
                  dk_jsonw *w, dk_buf *out)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL))
        return DK_ERR_DB;
    if (w)
        dk_jw_obj(w, title);
    else
        dk_buf_append(out, title, strlen(title)), dk_buf_append(out, ":\n", 2);
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(q, 0);
        long long n = sqlite3_column_int64(q, 1);
        if (w) {
            dk_jw_int(w, k ? k : "", n);
        } else {
            char line[256];
            int len = snprintf(line, sizeof line, "  %-24s %lld\n", k ? k : "",
                               n);
            dk_buf_append(out, line, (size_t)len < sizeof line ? (size_t)len
                                                                : sizeof line - 1);
        }
    }
    if (w)
        dk_jw_end(w);
    sqlite3_finalize(q);
    return DK_OK;
}

static void range(sqlite3 *db, const char *sql, char *lo, char *hi, size_t cap)
{
    sqlite3_stmt *q;
    lo[0] = hi[0] = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL))
        return;
    if (sqlite3_step(q) == SQLITE_ROW) {
        const char *a = (const char *)sqlite3_column_text(q, 0);
        const char *b = (const char *)sqlite3_column_text(q, 1);
        snprintf(lo, cap, "%s", a ? a : "");
        snprintf(hi, cap, "%s", b ? b : "");
    }
    sqlite3_finalize(q);
}

int dk_cmd_stats(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"json", no_argument, 0, 'j'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    const char *db = dk_store_default_path();
    int json = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'j': json = 1; break;
        case 'h': usage(stdout); return DK_OK;
        default: return dk_cli_bad_option("stats", c, argv);
        }
    }
    dk_store *s;
    int st = dk_cli_open_db(db, &s);
    if (st)
        return st;
    sqlite3 *h = dk_store_db(s);
    long long docs = count(h, "SELECT count(*) FROM docs");
    long long sents = count(h, "SELECT count(*) FROM sentences");
    long long ments = count(h, "SELECT count(*) FROM mentions");
    long long bytes = count(h, "SELECT coalesce(sum(bytes), 0) FROM docs");
    long long nper = count(h, "SELECT count(DISTINCT period) FROM mentions "
                              "WHERE period IS NOT NULL");
    char dlo[64], dhi[64], plo[64], phi[64];
    range(h, "SELECT min(date), max(date) FROM docs", dlo, dhi, sizeof dlo);
    range(h, "SELECT min(period), max(period) FROM mentions", plo, phi,
          sizeof plo);
    if (docs < 0 || sents < 0 || ments < 0) {
        dk_cli_error("stats: %s", dk_store_errmsg(s));
        dk_store_close(s);
        return DK_ERR_DB;
    }
    static const char by_kind[] =
        "SELECT kind, count(*) FROM mentions GROUP BY kind ORDER BY 2 DESC, 1";
    static const char by_metric[] =
        "SELECT metric, count(*) FROM mentions WHERE metric IS NOT NULL "
        "GROUP BY metric ORDER BY 2 DESC, 1";
    static const char by_source[] =
        "SELECT coalesce(source, '-'), count(*) FROM docs GROUP BY 1 "
        "ORDER BY 2 DESC, 1 LIMIT 50";
    dk_buf out = {0};
    if (json) {
        dk_jsonw w;
        dk_jw_begin(&w, &out);
        dk_jw_int(&w, "documents", docs);
        dk_jw_int(&w, "bytes", bytes);
        dk_jw_int(&w, "sentences", sents);
        dk_jw_int(&w, "mentions", ments);
        groups(h, by_kind, "kinds", &w, &out);
        groups(h, by_metric, "metrics", &w, &out);
        groups(h, by_source, "sources", &w, &out);
        dk_jw_int(&w, "periods", nper);
        if (plo[0]) { dk_jw_cstr(&w, "period_min", plo); dk_jw_cstr(&w, "period_max", phi); }
        if (dlo[0]) { dk_jw_cstr(&w, "date_min", dlo); dk_jw_cstr(&w, "date_max", dhi); }
        dk_jw_end(&w);
        st = w.err ? w.err : dk_buf_putc(&out, '\n');
    } else {
        char line[512];
        int n = snprintf(line, sizeof line,
                         "documents %lld (%.1f MB)\nsentences %lld\nmentions %lld\n",
                         docs, bytes / 1e6, sents, ments);
        dk_buf_append(&out, line, (size_t)n);
        groups(h, by_kind, "mentions by kind", NULL, &out);
        groups(h, by_metric, "figures by metric", NULL, &out);
        groups(h, by_source, "documents by source", NULL, &out);
        n = snprintf(line, sizeof line, "periods %lld (%s .. %s)\n"
                     "document dates %s .. %s\n", nper, plo[0] ? plo : "-",
                     phi[0] ? phi : "-", dlo[0] ? dlo : "-", dhi[0] ? dhi : "-");
        st = dk_buf_append(&out, line, (size_t)n < sizeof line ? (size_t)n
                                                               : sizeof line - 1);
    }
    if (!st)
        st = dk_cli_flush(&out);
    dk_buf_free(&out);
    dk_store_close(s);
    return st;
}
