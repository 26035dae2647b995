/*
 * check.c - `dostyk check "CLAIM"`: a verdict on a claim with the
 * record's evidence (analyse/check.h); `--input jsonl FILE` checks many
 * claims ({"id","claim"} a line) and prints one answer a line.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "cli.h"
#include "../analyse/check.h"
#include "../recognise/recognise.h"
#include "../pack/pack.h"
#include "../store/store.h"

static void usage(FILE *f)
{
    fprintf(f,
        "usage: dostyk check [--db FILE] [--json] [--pack DIR] \"CLAIM\"\n"
        "       dostyk check [--db FILE] --input jsonl FILE\n\n"
        "Read a claim with the same extractor and pack as the record, match it\n"
        "with the record's figures, and answer supported, contradicted,\n"
        "conflicting_sources or not_found, with the evidence.\n\n"
        "  --json             print the answer as one JSON object\n"
        "  --input jsonl FILE check every {\"id\",\"claim\"} line of FILE (- for\n"
        "                     standard input); one JSON answer a line\n"
        "  --pack DIR         the domain pack (default: as for extract)\n"
        "  --date YYYY-MM-DD  the day the claims were made, to resolve their\n"
        "                     \"last year\" or \"on Monday\"; JSON Lines claims\n"
        "                     may carry their own \"date\" (default: none)\n\n"
        "Exit status: 0 when answered (whatever the verdict), else an error code.\n");
}

/* The human form of an answer: verdict, explanation, evidence lines. */
static void print_plain(const char *answer)
{
    json_t *o = json_loads(answer, 0, NULL);
    if (!o) {
        puts(answer);
        return;
    }
    printf("%s: %s\n", json_string_value(json_object_get(o, "verdict")),
           json_string_value(json_object_get(o, "explanation")));
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(o, "evidence"), i, e) {
        json_t *ag = json_object_get(e, "agrees");
        printf("  %s %s (%s): %s\n", ag && json_is_true(ag) ? "+" : "-",
               json_string_value(json_object_get(e, "doc")),
               json_string_value(json_object_get(e, "date")),
               json_string_value(json_object_get(e, "sentence")));
    }
    json_array_foreach(json_object_get(o, "nearest"), i, e)
        printf("  ~ %s (%s): %s\n", json_string_value(json_object_get(e, "doc")),
               json_string_value(json_object_get(e, "period")),
               json_string_value(json_object_get(e, "sentence")));
    json_decref(o);
}

/* Check every claim line of path; fallback_date (--date, may be NULL)
 * serves the lines without a "date". */
static int check_many(dk_checker *c, const char *path,
                      const char *fallback_date)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!f) {
        dk_cli_error("%s: cannot open: %s", path, strerror(errno));
        return DK_ERR_IO;
    }
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    int status = DK_OK;
    dk_buf out = {0};
    while (getline(&line, &cap, f) >= 0) {
        lineno++;
        json_error_t je;
        json_t *o = json_loads(line, 0, &je);
        if (!o && je.position == 0 && strspn(line, " \t\r\n") == strlen(line))
            continue;
        const char *claim = o ? json_string_value(json_object_get(o, "claim")) : NULL;
        if (!claim) {
            dk_cli_error("%s:%ld: %s", path, lineno,
                         o ? "no string field \"claim\"" : je.text);
            if (!status)
                status = DK_ERR_JSON;
            json_decref(o);
            continue;
        }
        const char *date = json_string_value(json_object_get(o, "date"));
        if (dk_checker_set_date(c, date ? date : fallback_date) != 0) {
            dk_cli_error("%s:%ld: bad \"date\" \"%s\" (want YYYY-MM-DD)",
                         path, lineno, date);
            if (!status)
                status = DK_ERR_JSON;
            json_decref(o);
            continue;
        }
        char idbuf[32];
        const char *id = json_string_value(json_object_get(o, "id"));
        if (!id) {
            snprintf(idbuf, sizeof idbuf, "line-%ld", lineno);
            id = idbuf;
        }
        int st = dk_check_claim(c, claim, id, &out, NULL);
        if (!st)
            st = dk_buf_putc(&out, '\n');
        json_decref(o);
        if (st == DK_ERR_UTF8) {
            dk_cli_error("%s:%ld: the claim is not valid UTF-8", path, lineno);
            if (!status)
                status = st;
            continue;
        }
        if (st) {
            dk_cli_error("%s:%ld: %s", path, lineno, dk_strerror(st));
            status = st;
            break;
        }
        if (out.len > 65536 && (st = dk_cli_flush(&out))) {
            status = st;
            break;
        }
    }
    /* the answers already made go out whatever failed after them */
    int fst = dk_cli_flush(&out);
    if (!status)
        status = fst;
    dk_buf_free(&out);
    free(line);
    if (f != stdin)
        fclose(f);
    return status;
}

int dk_cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"json", no_argument, 0, 'j'},
        {"input", required_argument, 0, 'i'}, {"pack", required_argument, 0, 'p'},
        {"date", required_argument, 0, 't'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    const char *db = dk_store_default_path(), *pack = NULL, *date = NULL;
    int json = 0, many = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'j': json = 1; break;
        case 'p': pack = optarg; break;
        case 't': {
            dk_docctx probe;
            if (!dk_parse_iso_date(optarg, &probe)) {
                dk_cli_error("check: bad --date '%s' (want YYYY-MM-DD)", optarg);
                return DK_ERR_USAGE;
            }
            date = optarg;
            break;
        }
        case 'i':
            if (strcmp(optarg, "jsonl") != 0) {
                dk_cli_error("check: --input takes jsonl, not '%s'", optarg);
                return DK_ERR_USAGE;
            }
            many = 1;
            break;
        case 'h': usage(stdout); return DK_OK;
        default:
            dk_cli_error("check: unknown option '%s' (see --help)",
                         argv[optind - 1]);
            return DK_ERR_USAGE;
        }
    }
    if (optind != argc - 1) {
        dk_cli_error(many ? "check: give one FILE of claims"
                          : "check: give one CLAIM, quoted (see --help)");
        return DK_ERR_USAGE;
    }
    char packdir[4096];
    if (!pack && dk_cli_default_pack("check", 1, packdir, sizeof packdir))
        pack = packdir;
    if (pack && strcmp(pack, "none") == 0)
        pack = NULL;
    dk_store *s;
    int st = dk_cli_open_db(db, &s);
    if (st)
        return st;
    dk_checker *ck;
    char err[512];
    st = dk_checker_open(dk_store_db(s), pack, &ck, err, sizeof err);
    if (st) {
        dk_cli_error("check: %s", err);
        dk_store_close(s);
        return st;
    }
    if (many) {
        st = check_many(ck, argv[optind], date);
    } else {
        dk_checker_set_date(ck, date);   /* checked above */
        dk_buf out = {0};
        st = dk_check_claim(ck, argv[optind], NULL, &out, NULL);
        if (st == DK_ERR_UTF8)
            dk_cli_error("check: the claim is not valid UTF-8");
        if (!st && json) {
            dk_buf_putc(&out, '\n');
            st = dk_cli_flush(&out);
        } else if (!st) {
            print_plain(out.data);
        }
        dk_buf_free(&out);
    }
    if (fflush(stdout) != 0 && !st) {
        dk_cli_error("check: cannot write the output: %s", strerror(errno));
        st = DK_ERR_IO;
    }
    dk_checker_close(ck);
    dk_store_close(s);
    return st;
}
