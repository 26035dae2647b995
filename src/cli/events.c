/*
 * events.c - `dostyk events`: the chronology of the record, one entry per
 * happening with every report of it (linking in src/analyse/events.c),
 * and `dostyk export --events`, the same for event-data tools (CSV with
 * CAMEO codes, or JSON Lines).
 */
#include <getopt.h>
#include <string.h>
#include "cli.h"
#include "../analyse/events.h"
#include "../base/buf.h"
#include "../store/events.h"
#include "../store/store.h"
#include "../text/jsonw.h"

typedef struct evopts {
    const char *db;
    int format;             /* 't' table, 'j' JSON Lines, 'c' CSV */
    dk_evfilter f;
} evopts;

static void usage(FILE *f, int export)
{
    if (export)
        fprintf(f,
            "usage: dostyk export --events [--db FILE] [--format csv|jsonl] "
            "[--actor ID]\n                     [--type T] [--from DATE] "
            "[--to DATE]\n\n"
            "The happenings of the record for event-data tools: CSV with "
            "one row per\nreport (happening number, date, event, CAMEO code, "
            "source and target\nactor, place, count, value, document, "
            "sentence), or JSON Lines as\n'dostyk events --json'.\n");
    else
        fprintf(f,
            "usage: dostyk events [--db FILE] [--json|--csv] [--actor ID] "
            "[--type T]\n                     [--from DATE] [--to DATE]\n\n"
            "A chronology of the record: one line per happening (visit, "
            "meeting,\nagreement, intent, launch, protest, summit) with the "
            "documents that report\nit.  Reports of the same type, with a "
            "shared actor and dates that agree\n(\"2019-09-11\" agrees with "
            "\"2019-09\") are one happening.\n\n"
            "  --db FILE     the record (default $DOSTYK_DB or dostyk.db)\n"
            "  --json        one object a line: event, cameo, actors, place, "
            "date, count,\n                value, unit, sources [{doc, date, "
            "sentence, text, start, end}]\n"
            "  --csv         one row per report, with the happening's number\n"
            "  --actor ID    happenings with this entity among the actors\n"
            "  --type T      happenings of this type\n"
            "  --from DATE   happenings that end on or after DATE (2019, "
            "2019-09, 2019-09-11)\n"
            "  --to DATE     happenings that begin on or before DATE\n");
}

static int valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= DK_ID_MAX)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' ||
              *s == '.'))
            return 0;
    return 1;
}

/* Returns 0 to go on, -1 after --help, or an exit status. */
static int parse(int argc, char **argv, evopts *o, int export)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"json", no_argument, 0, 'j'},
        {"csv", no_argument, 0, 'c'}, {"format", required_argument, 0, 'f'},
        {"actor", required_argument, 0, 'a'},
        {"type", required_argument, 0, 'T'},
        {"from", required_argument, 0, 'F'}, {"to", required_argument, 0, 't'},
        {"events", no_argument, 0, 'e'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    memset(o, 0, sizeof *o);
    o->db = dk_store_default_path();
    o->format = export ? 'c' : 't';
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'j': if (export) goto bad; o->format = 'j'; break;
        case 'c': if (export) goto bad; o->format = 'c'; break;
        case 'e': if (!export) goto bad; break;
        case 'f':
            if (!export)
                goto bad;
            if (!strcmp(optarg, "csv")) o->format = 'c';
            else if (!strcmp(optarg, "jsonl") || !strcmp(optarg, "json"))
                o->format = 'j';
            else {
                dk_cli_error("--format must be csv or jsonl, not '%s'", optarg);
                return DK_ERR_USAGE;
            }
            break;
        case 'a':
            if (!valid_id(optarg)) {
                dk_cli_error("--actor: '%s' is not an entity id", optarg);
                return DK_ERR_USAGE;
            }
            o->f.actor = optarg;
            break;
        case 'T':
            if (!valid_id(optarg)) {
                dk_cli_error("--type: '%s' is not an event type", optarg);
                return DK_ERR_USAGE;
            }
            o->f.type = optarg;
            break;
        case 'F': case 't': {
            dk_period p;
            if (!dk_period_parse(optarg, &p)) {
                dk_cli_error("--%s: '%s' is not a date (2019, 2019-09, "
                             "2019-09-11)", c == 'F' ? "from" : "to", optarg);
                return DK_ERR_USAGE;
            }
            if (c == 'F') { o->f.from = p; o->f.has_from = 1; }
            else { o->f.to = p; o->f.has_to = 1; }
            break;
        }
        case 'h': usage(stdout, export); return -1;
        default:
            return dk_cli_bad_option(export ? "export" : "events", c, argv);
        }
    }
    if (optind < argc) {
        dk_cli_error("unexpected argument '%s'", argv[optind]);
        return DK_ERR_USAGE;
    }
    return 0;
bad:
    dk_cli_error("%s: option '%s' does not apply (see --help)",
                 export ? "export --events" : "events", argv[optind - 1]);
    return DK_ERR_USAGE;
}

/* Is report i of h the first one of its document? */
static int first_of_doc(const dk_evset *s, const dk_happening *h, int i)
{
    const char *doc = s->v[h->reps[i]].doc;
    for (int k = 0; k < i; k++)
        if (strcmp(s->v[h->reps[k]].doc, doc) == 0)
            return 0;
    return 1;
}

/* One line: date, type, actors -> place, the reporting documents. */
static dk_status table_row(dk_buf *b, const dk_evset *s,
                           const dk_happening *h)
{
    char date[DK_DATE_MAX], line[512];
    dk_happening_date(s, h, date, sizeof date);
    const char *place = dk_happening_place(s, h);
    int n = snprintf(line, sizeof line, "%-21s %-9s ", date[0] ? date : "-",
                     s->v[h->anchor].event);
    dk_status st = dk_buf_append(b, line, (size_t)n);
    for (int i = 0; i < h->nactors && !st; i++) {
        if (i)
            st = dk_buf_append(b, ", ", 2);
        if (!st)
            st = dk_buf_append(b, h->actors[i], strlen(h->actors[i]));
    }
    if (!h->nactors && !st)
        st = dk_buf_putc(b, '-');
    if (place[0] && !st) {
        n = snprintf(line, sizeof line, " @ %s", place);
        st = dk_buf_append(b, line, (size_t)n);
    }
    /* each reporting document once (a document may report it in
     * several sentences) */
    int ndocs = 0;
    for (int i = 0; i < h->n; i++)
        if (first_of_doc(s, h, i))
            ndocs++;
    if (ndocs == h->n)
        n = snprintf(line, sizeof line, "\t%d source%s:", h->n,
                     h->n == 1 ? "" : "s");
    else
        n = snprintf(line, sizeof line, "\t%d reports in %d document%s:",
                     h->n, ndocs, ndocs == 1 ? "" : "s");
    if (!st)
        st = dk_buf_append(b, line, (size_t)n);
    for (int i = 0; i < h->n && !st; i++) {
        if (!first_of_doc(s, h, i))
            continue;
        const dk_evrep *r = &s->v[h->reps[i]];
        n = snprintf(line, sizeof line, " %s%s%s%s", r->doc,
                     r->docdate[0] ? " (" : "", r->docdate,
                     r->docdate[0] ? ")" : "");
        st = dk_buf_append(b, line, n < (int)sizeof line ? (size_t)n
                                                         : sizeof line - 1);
    }
    return st ? st : dk_buf_putc(b, '\n');
}

static int run(int argc, char **argv, int export)
{
    evopts o;
    int st = parse(argc, argv, &o, export);
    if (st)
        return st < 0 ? DK_OK : st;
    dk_store *s;
    if ((st = dk_cli_open_db(o.db, &s)))
        return st;
    dk_evset set = {0};
    dk_happenings hs = {0};
    st = dk_events_load(dk_store_db(s), o.f.type, &set);
    if (!st)
        st = dk_events_link(&set, &hs);
    if (st) {
        dk_cli_error("%s: cannot read the events: %s", o.db,
                     st == DK_ERR_DB ? dk_store_errmsg(s) : dk_strerror(st));
        goto done;
    }
    dk_buf out = {0};
    if (o.format == 'c')
        st = dk_events_csv_header(&out);
    int k = 0;
    for (int i = 0; i < hs.n && !st; i++) {
        if (!dk_happening_matches(&set, &hs.v[i], &o.f))
            continue;
        k++;
        if (o.format == 'j') {
            st = dk_happening_json(&out, &set, &hs.v[i]);
            if (!st)
                st = dk_buf_putc(&out, '\n');
        } else if (o.format == 'c') {
            st = dk_happening_csv(&out, &set, &hs.v[i], k);
        } else {
            st = table_row(&out, &set, &hs.v[i]);
        }
        if (!st && out.len > 65536)
            st = dk_cli_flush(&out);
    }
    if (!st)
        st = dk_cli_flush(&out);
    if (st == DK_ERR_NOMEM)
        dk_cli_error("out of memory");
    if (!st && k == 0 && o.format == 't')
        fprintf(stderr, "dostyk: no events%s\n",
                o.f.actor || o.f.type || o.f.has_from || o.f.has_to
                    ? " match" : " in the record");
    dk_buf_free(&out);
done:
    dk_happenings_free(&hs);
    dk_evset_free(&set);
    dk_store_close(s);
    return st;
}

int dk_cmd_events(int argc, char **argv)
{
    return run(argc, argv, 0);
}

int dk_cmd_export_events(int argc, char **argv)
{
    return run(argc, argv, 1);
}
