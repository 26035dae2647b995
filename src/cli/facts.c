/*
 * facts.c - `dostyk facts` and `dostyk export`: mentions of the record
 * with their sentence and document, as a listing, JSON Lines or CSV.
 * facts gives the attributed figures (a metric); export gives every
 * mention.
 */
#include <getopt.h>
#include <string.h>
#include "cli.h"
#include "../base/buf.h"
#include "../store/query.h"
#include "../text/jsonw.h"

static void usage(FILE *f, int export)
{
    if (export)
        fprintf(f, "usage: dostyk export [--db FILE] [--format jsonl|csv] "
                   "[--kind K] [--doc ID]\n\n"
                   "Every mention of the record with its sentence and "
                   "document.\n");
    else
        fprintf(f, "usage: dostyk facts [--db FILE] [--json|--csv] [--metric M] "
                   "[--subject ID]\n                   [--period P] [--doc ID]\n\n"
                   "The attributed figures with their sentence and document.\n"
                   "  --period 2023 also matches 2023-05 and 2023-01/2023-10.\n");
}

static int plain_row(dk_buf *out, sqlite3_stmt *q)
{
    dk_mention m;
    const char *doc, *sent, *date;
    dk_mention_row(q, &m, &doc, &sent, &date);
    char val[40] = "", subj[DK_MAX_SUBJECTS * DK_ID_MAX + 8] = "";
    if (m.has_value)
        dk_json_fmt_num(val, sizeof val, m.value);
    size_t len = 0;
    for (int i = 0; i < m.nsubjects; i++)
        len += (size_t)snprintf(subj + len, sizeof subj - len, "%s%s",
                                i ? "," : "", m.subjects[i]);
    char line[1024];
    int n = snprintf(line, sizeof line, "%s\t%s %s\t%s\t%s\t%s\t%s\t", m.metric,
                     val, m.unit, m.period[0] ? m.period : "-",
                     subj[0] ? subj : "-", doc ? doc : "", date ? date : "-");
    dk_status st = dk_buf_append(out, line, n < (int)sizeof line ? (size_t)n
                                                                 : sizeof line - 1);
    if (!st && sent)
        st = dk_buf_append(out, sent, strlen(sent));
    return st ? st : dk_buf_putc(out, '\n');
}

int dk_cmd_facts_or_export(int argc, char **argv, int export)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"json", no_argument, 0, 'j'},
        {"csv", no_argument, 0, 'c'}, {"format", required_argument, 0, 'f'},
        {"metric", required_argument, 0, 'm'},
        {"subject", required_argument, 0, 's'},
        {"period", required_argument, 0, 'p'},
        {"doc", required_argument, 0, 'D'}, {"kind", required_argument, 0, 'k'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    const char *db = dk_store_default_path();
    int format = export ? 'j' : 't', c;
    dk_mentionq mq = {.facts_only = !export};
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'j': format = 'j'; break;
        case 'c': format = 'c'; break;
        case 'f':
            if (!strcmp(optarg, "jsonl") || !strcmp(optarg, "json")) format = 'j';
            else if (!strcmp(optarg, "csv")) format = 'c';
            else {
                dk_cli_error("--format must be jsonl or csv, not '%s'", optarg);
                return DK_ERR_USAGE;
            }
            break;
        case 'm': mq.metric = optarg; break;
        case 's': mq.subject = optarg; break;
        case 'p': mq.period = optarg; break;
        case 'D': mq.doc = optarg; break;
        case 'k': mq.kind = optarg; break;
        case 'h': usage(stdout, export); return DK_OK;
        default:
            return dk_cli_bad_option(export ? "export" : "facts", c, argv);
        }
    }
    if (optind < argc) {
        dk_cli_error("unexpected argument '%s'", argv[optind]);
        return DK_ERR_USAGE;
    }
    dk_store *s;
    int st = dk_cli_open_db(db, &s);
    if (st)
        return st;
    sqlite3_stmt *q;
    if (dk_mentions_prepare(dk_store_db(s), &mq, &q)) {
        dk_cli_error("%s: %s", db, dk_store_errmsg(s));
        dk_store_close(s);
        return DK_ERR_DB;
    }
    dk_buf out = {0};
    if (format == 'c')
        st = dk_mention_csv_header(&out);
    int rc = SQLITE_DONE;
    while (!st && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (format == 'j') {
            st = dk_mention_row_json(&out, q);
            if (!st)
                st = dk_buf_putc(&out, '\n');
        } else if (format == 'c') {
            st = dk_mention_row_csv(&out, q);
        } else {
            st = plain_row(&out, q);
        }
        if (!st && out.len > 65536)
            st = dk_cli_flush(&out);
    }
    if (!st && rc != SQLITE_DONE) {
        dk_cli_error("%s: %s", db, dk_store_errmsg(s));
        st = DK_ERR_DB;
    }
    if (!st)
        st = dk_cli_flush(&out);
    sqlite3_finalize(q);
    dk_buf_free(&out);
    dk_store_close(s);
    return st;
}

int dk_cmd_facts(int argc, char **argv)
{
    return dk_cmd_facts_or_export(argc, argv, 0);
}
