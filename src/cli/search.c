/*
 * search.c - `dostyk search`: the record's sentences by full text (FTS5,
 * ranked by BM25 without length normalisation: dk_rank in
 * src/store/fts.c), with a snippet of the match.
 * Figures in the query meet figures in the text through the "dostyk"
 * tokenizer ("$12bn" finds "12 billion dollars", src/store/fts.c).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "../base/buf.h"
#include "../store/store.h"
#include "../text/jsonw.h"

static void usage(FILE *f)
{
    fprintf(f,
        "usage: dostyk search [--db FILE] [--json] [--from DATE] [--to DATE]\n"
        "                     [--source S] [--entity ID] [--metric M]\n"
        "                     [--limit N] QUERY\n\n"
        "Find sentences: words, \"quoted phrases\", prefixes (trad*), AND, OR,\n"
        "NOT; figures match their value (\"$12bn\" finds \"12 billion dollars\").\n"
        "  --from, --to   document dates, inclusive (YYYY, YYYY-MM, YYYY-MM-DD)\n"
        "  --entity ID    sentences naming this entity\n"
        "  --metric M     sentences with a figure of this metric\n"
        "  --limit N      at most N results (default 20, 0 = all)\n"
        "  --json         one JSON object a line: doc, title, date, source,\n"
        "                 sentence, snippet, score\n");
}

int dk_cmd_search(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"json", no_argument, 0, 'j'},
        {"from", required_argument, 0, 'f'}, {"to", required_argument, 0, 't'},
        {"source", required_argument, 0, 's'},
        {"entity", required_argument, 0, 'e'},
        {"metric", required_argument, 0, 'm'},
        {"limit", required_argument, 0, 'l'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    const char *db = dk_store_default_path();
    const char *from = NULL, *to = NULL, *source = NULL, *entity = NULL,
               *metric = NULL;
    long limit = 20;
    int json = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'j': json = 1; break;
        case 'f': from = optarg; break;
        case 't': to = optarg; break;
        case 's': source = optarg; break;
        case 'e': entity = optarg; break;
        case 'm': metric = optarg; break;
        case 'l': {
            char *end;
            limit = strtol(optarg, &end, 10);
            if (*end || limit < 0) {
                dk_cli_error("search: --limit wants a number, not '%s'", optarg);
                return DK_ERR_USAGE;
            }
            break;
        }
        case 'h': usage(stdout); return DK_OK;
        default: return dk_cli_bad_option("search", c, argv);
        }
    }
    if (optind >= argc) {
        dk_cli_error("search: no QUERY given");
        return DK_ERR_USAGE;
    }
    /* the query is every remaining argument */
    dk_buf qtext = {0};
    for (int i = optind; i < argc; i++)
        if (dk_buf_append(&qtext, argv[i], strlen(argv[i])) ||
            dk_buf_putc(&qtext, ' ')) {
            dk_buf_free(&qtext);
            return DK_ERR_NOMEM;
        }
    char *fts = dk_fts_query(qtext.data);
    dk_buf_free(&qtext);
    if (!fts)
        return DK_ERR_NOMEM;
    if (!*fts) {
        dk_cli_error("search: the query has no words");
        free(fts);
        return DK_ERR_USAGE;
    }
    dk_store *s;
    int st = dk_cli_open_db(db, &s);
    if (st) {
        free(fts);
        return st;
    }
    /* Two steps: rank the matches (rowid and score only, filters as
     * joins), then fetch the text and snippet of the best few by rowid,
     * so snippets are made for the rows shown, not for every match. */
    int filtered = from || to || source || entity || metric;
    char sql[2048];
    snprintf(sql, sizeof sql,
        "SELECT f.rowid, dk_rank(sentences_fts) AS score FROM sentences_fts f "
        "%s WHERE sentences_fts MATCH ?1 %s%s%s%s%s ORDER BY score LIMIT ?7",
        filtered ? "JOIN sentences s ON s.id = f.rowid "
                   "JOIN docs d ON d.id = s.doc" : "",
        from ? "AND substr(d.date, 1, length(?2)) >= ?2 " : "",
        to ? "AND substr(d.date, 1, length(?3)) <= ?3 " : "",
        source ? "AND d.source = ?4 " : "",
        entity ? "AND EXISTS (SELECT 1 FROM mentions m WHERE m.sentence = s.id "
                 "AND m.eid = ?5) " : "",
        metric ? "AND EXISTS (SELECT 1 FROM mentions m WHERE m.sentence = s.id "
                 "AND m.metric = ?6) " : "");
    sqlite3_stmt *q, *row;
    if (sqlite3_prepare_v2(dk_store_db(s), sql, -1, &q, NULL) ||
        sqlite3_prepare_v2(dk_store_db(s),
            "SELECT d.name, d.title, d.date, d.source, f.text, "
            "snippet(sentences_fts, 0, '[', ']', '...', 24) "
            "FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
            "JOIN docs d ON d.id = s.doc "
            "WHERE sentences_fts MATCH ?1 AND f.rowid = ?2", -1, &row, NULL)) {
        dk_cli_error("search: %s", dk_store_errmsg(s));
        sqlite3_finalize(q);
        free(fts);
        dk_store_close(s);
        return DK_ERR_DB;
    }
    sqlite3_bind_text(q, 1, fts, -1, SQLITE_STATIC);
    sqlite3_bind_text(row, 1, fts, -1, SQLITE_STATIC);
    if (from) sqlite3_bind_text(q, 2, from, -1, SQLITE_STATIC);
    if (to) sqlite3_bind_text(q, 3, to, -1, SQLITE_STATIC);
    if (source) sqlite3_bind_text(q, 4, source, -1, SQLITE_STATIC);
    if (entity) sqlite3_bind_text(q, 5, entity, -1, SQLITE_STATIC);
    if (metric) sqlite3_bind_text(q, 6, metric, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 7, limit ? limit : -1);
    dk_buf out = {0};
    int rc = SQLITE_DONE;
    long found = 0;
    while (!st && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        /* the rank is lower for better matches: report a score that grows */
        double score = -sqlite3_column_double(q, 1);
        sqlite3_bind_int64(row, 2, sqlite3_column_int64(q, 0));
        int rrc = sqlite3_step(row);
        if (rrc != SQLITE_ROW) {
            sqlite3_reset(row);
            if (rrc == SQLITE_DONE)
                continue;
            rc = rrc;
            break;
        }
        found++;
        const char *v[6];
        for (int i = 0; i < 6; i++)
            v[i] = (const char *)sqlite3_column_text(row, i);
        if (json) {
            static const char *const keys[] = {"doc", "title", "date",
                                               "source", "sentence", "snippet"};
            dk_jsonw w;
            dk_jw_begin(&w, &out);
            for (int i = 0; i < 6; i++)
                if (v[i])
                    dk_jw_cstr(&w, keys[i], v[i]);
            dk_jw_num(&w, "score", (double)(long long)(score * 1e4) / 1e4);
            dk_jw_end(&w);
            st = w.err ? w.err : dk_buf_putc(&out, '\n');
        } else {
            char head[1024];
            int n = snprintf(head, sizeof head, "%s\t%s\t", v[0] ? v[0] : "",
                             v[2] ? v[2] : "-");
            st = dk_buf_append(&out, head, (size_t)n < sizeof head ? (size_t)n
                                                                   : sizeof head - 1);
            if (!st && v[5])
                st = dk_buf_append(&out, v[5], strlen(v[5]));
            if (!st)
                st = dk_buf_putc(&out, '\n');
        }
        sqlite3_reset(row);
        if (!st && out.len > 65536)
            st = dk_cli_flush(&out);
    }
    if (!st && rc != SQLITE_DONE) {
        dk_cli_error("search: %s", dk_store_errmsg(s));
        st = rc == SQLITE_ERROR ? DK_ERR_USAGE : DK_ERR_DB;
    }
    if (!st)
        st = dk_cli_flush(&out);
    if (!st && !found && !json)
        fprintf(stderr, "search: no match\n");
    sqlite3_finalize(q);
    sqlite3_finalize(row);
    free(fts);
    dk_buf_free(&out);
    dk_store_close(s);
    return st;
}
