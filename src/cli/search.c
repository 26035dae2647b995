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
#include "../store/search.h"
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
    dk_store *s;
    int st = dk_cli_open_db(db, &s);
    if (st) {
        dk_buf_free(&qtext);
        return st;
    }
    dk_searchq sq = {qtext.data, from, to, source, entity, metric, limit};
    dk_search hit;
    st = dk_search_open(dk_store_db(s), &sq, &hit);
    dk_buf_free(&qtext);
    if (st) {
        if (st == DK_ERR_USAGE)
            dk_cli_error("search: the query has no words");
        else
            dk_cli_error("search: %s", st == DK_ERR_DB ? dk_store_errmsg(s)
                                                       : dk_strerror(st));
        dk_store_close(s);
        return st;
    }
    dk_buf out = {0};
    long found = 0;
    int more;
    while (!st && (more = dk_search_next(&hit)) == 1) {
        found++;
        if (json) {
            st = dk_search_row_json(&out, &hit);
            if (!st)
                st = dk_buf_putc(&out, '\n');
        } else {
            const char *name = dk_search_col(&hit, 0);
            const char *date = dk_search_col(&hit, 2);
            const char *snip = dk_search_col(&hit, 5);
            char head[1024];
            int n = snprintf(head, sizeof head, "%s\t%s\t", name ? name : "",
                             date ? date : "-");
            st = dk_buf_append(&out, head, (size_t)n < sizeof head ? (size_t)n
                                                                   : sizeof head - 1);
            if (!st && snip)
                st = dk_buf_append(&out, snip, strlen(snip));
            if (!st)
                st = dk_buf_putc(&out, '\n');
        }
        if (!st && out.len > 65536)
            st = dk_cli_flush(&out);
    }
    if (!st && more < 0) {
        dk_cli_error("search: %s", dk_store_errmsg(s));
        st = hit.rc == SQLITE_ERROR ? DK_ERR_USAGE : DK_ERR_DB;
    }
    if (!st)
        st = dk_cli_flush(&out);
    if (!st && !found && !json)
        fprintf(stderr, "search: no match\n");
    dk_search_close(&hit);
    dk_buf_free(&out);
    dk_store_close(s);
    return st;
}
