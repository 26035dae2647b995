/*
 * show.c - `dostyk show DOC`: a document's text with its mentions
 * marked [like this]{kind value unit metric period}; with --json, its
 * metadata and mentions as JSON Lines.
 */
#include <getopt.h>
#include <string.h>
#include "cli.h"
#include "../base/buf.h"
#include "../store/query.h"
#include "../text/jsonw.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: dostyk show [--db FILE] [--json] DOC\n\n"
               "The text of a document with its mentions marked\n"
               "[text]{kind value unit metric period subjects}.\n");
}

static dk_status mark(dk_buf *out, const dk_mention *m)
{
    char tag[512], val[40] = "";
    if (m->has_value)
        dk_json_fmt_num(val, sizeof val, m->value);
    size_t n = (size_t)snprintf(tag, sizeof tag, "]{%s", dk_kind_name(m->kind));
    const char *parts[] = {val, m->unit, m->kind == DK_DATE ? m->date : "",
                           m->id, m->event, m->metric, m->period};
    for (size_t i = 0; i < sizeof parts / sizeof *parts && n < sizeof tag; i++)
        if (parts[i][0])
            n += (size_t)snprintf(tag + n, sizeof tag - n, " %s", parts[i]);
    for (int i = 0; i < m->nsubjects && n < sizeof tag; i++)
        n += (size_t)snprintf(tag + n, sizeof tag - n, "%s%s", i ? "," : " ",
                              m->subjects[i]);
    if (n >= sizeof tag - 1)
        n = sizeof tag - 2;
    tag[n++] = '}';
    return dk_buf_append(out, tag, n);
}

int dk_cmd_show(int argc, char **argv)
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
        default: return dk_cli_bad_option("show", c, argv);
        }
    }
    if (optind + 1 != argc) {
        dk_cli_error("show: give one DOC (see 'dostyk docs')");
        return DK_ERR_USAGE;
    }
    const char *name = argv[optind];
    dk_store *s;
    int st = dk_cli_open_db(db, &s);
    if (st)
        return st;
    sqlite3_stmt *d;
    if (sqlite3_prepare_v2(dk_store_db(s), "SELECT text, title, date, source, "
                           "url, author, cut, id FROM docs WHERE name = ?1", -1, &d, NULL)) {
        dk_cli_error("show: %s", dk_store_errmsg(s));
        dk_store_close(s);
        return DK_ERR_DB;
    }
    sqlite3_bind_text(d, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(d) != SQLITE_ROW) {
        dk_cli_error("show: no document '%s' (see 'dostyk docs')", name);
        sqlite3_finalize(d);
        dk_store_close(s);
        return DK_ERR_NOTFOUND;
    }
    /* the whole text, its sentences put back in when they were cut */
    dk_buf whole = {0};
    const char *stored = (const char *)sqlite3_column_text(d, 0);
    if (dk_store_doc_text(dk_store_db(s), sqlite3_column_int64(d, 7),
                          stored ? stored : "",
                          (size_t)sqlite3_column_bytes(d, 0),
                          sqlite3_column_int(d, 6), &whole)) {
        dk_cli_error("show: %s: cannot read the text: %s", name,
                     dk_store_errmsg(s));
        dk_buf_free(&whole);
        sqlite3_finalize(d);
        dk_store_close(s);
        return DK_ERR_DB;
    }
    const char *text = whole.data ? whole.data : "";
    size_t n = whole.len;
    dk_mentionq mq = {.doc = name};
    sqlite3_stmt *q;
    if (dk_mentions_prepare(dk_store_db(s), &mq, &q)) {
        dk_cli_error("show: %s", dk_store_errmsg(s));
        dk_buf_free(&whole);
        sqlite3_finalize(d);
        dk_store_close(s);
        return DK_ERR_DB;
    }
    dk_buf out = {0};
    if (json) {
        dk_jsonw w;
        static const char *const keys[] = {"title", "date", "source", "url",
                                           "author"};
        dk_jw_begin(&w, &out);
        dk_jw_cstr(&w, "doc", name);
        for (int i = 0; i < 5; i++) {
            const char *v = (const char *)sqlite3_column_text(d, i + 1);
            if (v)
                dk_jw_cstr(&w, keys[i], v);
        }
        dk_jw_str(&w, "text", text ? text : "", n);
        dk_jw_end(&w);
        st = w.err ? w.err : dk_buf_putc(&out, '\n');
        while (!st && sqlite3_step(q) == SQLITE_ROW) {
            st = dk_mention_row_json(&out, q);
            if (!st)
                st = dk_buf_putc(&out, '\n');
        }
    } else {
        /* mentions come by start, the longest first: mark the outermost */
        size_t at = 0;
        while (!st && sqlite3_step(q) == SQLITE_ROW) {
            dk_mention m;
            const char *doc, *sent, *date;
            dk_mention_row(q, &m, &doc, &sent, &date);
            if (m.start < at || m.end > n)
                continue;   /* nested in the one just marked */
            st = dk_buf_append(&out, text + at, (size_t)m.start - at);
            if (!st) st = dk_buf_putc(&out, '[');
            if (!st) st = dk_buf_append(&out, text + m.start,
                                        (size_t)(m.end - m.start));
            if (!st) st = mark(&out, &m);
            at = (size_t)m.end;
            if (!st && out.len > 65536)
                st = dk_cli_flush(&out);
        }
        if (!st)
            st = dk_buf_append(&out, text + at, n - at);
        if (!st && (!n || text[n - 1] != '\n'))
            st = dk_buf_putc(&out, '\n');
    }
    if (!st)
        st = dk_cli_flush(&out);
    sqlite3_finalize(q);
    sqlite3_finalize(d);
    dk_buf_free(&out);
    dk_buf_free(&whole);
    dk_store_close(s);
    return st;
}
