/*
 * docs.c - `dostyk docs`: the documents of the record, one a line; and
 * what the record's commands share (opening the database, output).
 */
#include <errno.h>
#include <getopt.h>
#include <string.h>
#include "cli.h"
#include "../base/buf.h"
#include "../store/store.h"
#include "../text/jsonw.h"

int dk_cli_open_db(const char *path, dk_store **out)
{
    char err[512];
    int st = dk_store_open(path, 1, out, err, sizeof err);
    if (st == DK_ERR_NOTFOUND)
        dk_cli_error("%s: no such database (run 'dostyk ingest' first)", path);
    else if (st)
        dk_cli_error("%s", err);
    return st;
}

int dk_cli_flush(dk_buf *b)
{
    int bad = b->len && fwrite(b->data, 1, b->len, stdout) != b->len;
    b->len = 0;
    if (bad) {
        dk_cli_error("cannot write the output: %s", strerror(errno));
        return DK_ERR_IO;
    }
    return DK_OK;
}

int dk_cli_bad_option(const char *cmd, int c, char **argv)
{
    if (c == ':')
        dk_cli_error("%s: option '%s' needs a value (see 'dostyk %s --help')",
                     cmd, argv[optind - 1], cmd);
    else if (optopt)
        dk_cli_error("%s: unknown option '-%c' (see 'dostyk %s --help')", cmd,
                     optopt, cmd);
    else
        dk_cli_error("%s: unknown option '%s' (see 'dostyk %s --help')", cmd,
                     argv[optind - 1], cmd);
    return DK_ERR_USAGE;
}

static void usage(FILE *f)
{
    fprintf(f, "usage: dostyk docs [--db FILE] [--json]\n\n"
               "List the documents: id, date, sentences, mentions, title.\n");
}

int dk_cmd_docs(int argc, char **argv)
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
        default: return dk_cli_bad_option("docs", c, argv);
        }
    }
    dk_store *s;
    int st = dk_cli_open_db(db, &s);
    if (st)
        return st;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(dk_store_db(s),
            "SELECT d.name, d.date, d.title, d.source, d.url, d.author, "
            "d.bytes, coalesce(r.sentences, 0), coalesce(r.mentions, 0) "
            "FROM docs d LEFT JOIN doc_rows r ON r.doc = d.id "
            "ORDER BY d.date, d.name", -1, &q, NULL)) {
        dk_cli_error("docs: %s", dk_store_errmsg(s));
        dk_store_close(s);
        return DK_ERR_DB;
    }
    dk_buf out = {0};
    int rc;
    while (!st && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *v[6];
        for (int i = 0; i < 6; i++) {
            v[i] = (const char *)sqlite3_column_text(q, i);
        }
        if (json) {
            static const char *const keys[] = {"doc", "date", "title",
                                               "source", "url", "author"};
            dk_jsonw w;
            dk_jw_begin(&w, &out);
            for (int i = 0; i < 6; i++)
                if (v[i])
                    dk_jw_cstr(&w, keys[i], v[i]);
            dk_jw_int(&w, "bytes", sqlite3_column_int64(q, 6));
            dk_jw_int(&w, "sentences", sqlite3_column_int64(q, 7));
            dk_jw_int(&w, "mentions", sqlite3_column_int64(q, 8));
            dk_jw_end(&w);
            st = w.err ? w.err : dk_buf_putc(&out, '\n');
        } else {
            char line[2048];
            snprintf(line, sizeof line, "%s\t%s\t%lld\t%lld\t%s\n", v[0],
                     v[1] ? v[1] : "-", sqlite3_column_int64(q, 7),
                     sqlite3_column_int64(q, 8), v[2] ? v[2] : "");
            st = dk_buf_append(&out, line, strlen(line));
        }
        if (!st && out.len > 65536)
            st = dk_cli_flush(&out);
    }
    if (!st && rc != SQLITE_DONE) {
        dk_cli_error("docs: %s", dk_store_errmsg(s));
        st = DK_ERR_DB;
    }
    if (!st)
        st = dk_cli_flush(&out);
    sqlite3_finalize(q);
    dk_buf_free(&out);
    dk_store_close(s);
    return st;
}
