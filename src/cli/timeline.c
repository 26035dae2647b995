/*
 * timeline.c - `dostyk timeline` and `dostyk conflicts`: an indicator
 * over time from every source, and the groups of figures that cannot all
 * be true.  Both read the facts once and group them (analyse/crosscheck).
 */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "../analyse/crosscheck.h"
#include "../store/store.h"

typedef struct view {
    const char *db, *metric, *subjects;
    int format;             /* 't' table, 'j' json, 'c' csv */
} view;

static void usage_timeline(FILE *f)
{
    fprintf(f,
        "usage: dostyk timeline [--db FILE] [--json|--csv] [--subjects KZ,CN] METRIC\n\n"
        "Every value stated for METRIC, period by period, with its source; a\n"
        "consensus where the sources agree.  Values implied by a stated change\n"
        "(\"rose by 32%% to $41 billion\") are shown as implied.\n\n"
        "  --db FILE          the record (default $DOSTYK_DB or dostyk.db)\n"
        "  --json             one object a line: metric, subjects, period, values,\n"
        "                     consensus, class\n"
        "  --csv              one value a line\n"
        "  --subjects LIST    only these subjects, in this order (e.g. KZ,CN)\n");
}

static void usage_conflicts(FILE *f)
{
    fprintf(f,
        "usage: dostyk conflicts [--db FILE] [--json] [--metric M]\n\n"
        "Groups of figures with the same metric, subjects and period whose values\n"
        "cannot all be true, qualifiers considered (\"about 20\" and \"more than 19\"\n"
        "agree).  Each group is a conflict, a rounding (1,700 vs 1,783 km) or a\n"
        "revision (a later source updates an earlier figure).\n");
}

static int parse(int argc, char **argv, view *v, int conflicts)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"json", no_argument, 0, 'j'},
        {"csv", no_argument, 0, 'c'}, {"metric", required_argument, 0, 'm'},
        {"subjects", required_argument, 0, 's'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    memset(v, 0, sizeof *v);
    v->db = dk_store_default_path();
    v->format = 't';
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': v->db = optarg; break;
        case 'j': v->format = 'j'; break;
        case 'c': v->format = 'c'; break;
        case 'm': v->metric = optarg; break;
        case 's': v->subjects = optarg; break;
        case 'h':
            (conflicts ? usage_conflicts : usage_timeline)(stdout);
            return -1;
        default:
            dk_cli_error("%s: unknown option '%s' (see --help)", argv[0],
                         argv[optind - 1]);
            return DK_ERR_USAGE;
        }
    }
    if (!conflicts) {
        if (optind != argc - 1) {
            dk_cli_error("timeline: give one METRIC (see --help)");
            return DK_ERR_USAGE;
        }
        v->metric = argv[optind];
    } else if (optind != argc) {
        dk_cli_error("conflicts: unexpected argument '%s'", argv[optind]);
        return DK_ERR_USAGE;
    }
    return 0;
}

static int load(const view *v, dk_store **s, dk_facts *fs, dk_groups *g)
{
    int st = dk_cli_open_db(v->db, s);
    if (st)
        return st;
    st = dk_facts_load(dk_store_db(*s), v->metric, v->subjects, fs);
    if (!st)
        st = dk_group_facts(fs, g);
    if (st) {
        dk_cli_error("%s: cannot read the facts: %s", v->db,
                     st == DK_ERR_DB ? dk_store_errmsg(*s) : dk_strerror(st));
        dk_facts_free(fs);
        dk_store_close(*s);
    }
    return st;
}

/* "41 bn" style short value for the table. */
static void short_value(char *out, size_t cap, double v, const char *unit)
{
    double a = fabs(v);
    const char *sc = "";
    if (a >= 1e12) { v /= 1e12; sc = "tn"; }
    else if (a >= 1e9) { v /= 1e9; sc = "bn"; }
    else if (a >= 1e6) { v /= 1e6; sc = "m"; }
    snprintf(out, cap, "%.*f%s%s%s", v == floor(v) ? 0 : 2, v, sc,
             unit[0] ? " " : "", unit);
}

/* A bar of width proportional to v / max, in eighths of a block. */
static void bar(dk_buf *b, double v, double max, int width)
{
    static const char *const part[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    if (!(max > 0) || !(v > 0))
        return;
    int eighths = (int)lround(v / max * width * 8);
    for (int i = 0; i < eighths / 8; i++)
        dk_buf_append(b, "█", strlen("█"));
    dk_buf_append(b, part[eighths % 8], strlen(part[eighths % 8]));
}

static int table(dk_buf *out, const dk_facts *fs, const dk_groups *g)
{
    double max = 0;
    for (int i = 0; i < fs->n; i++)
        if (fs->v[i].fig.value > max)
            max = fs->v[i].fig.value;
    char subj[DK_MAX_SUBJECTS * DK_ID_MAX + 8], line[2048];
    for (int k = 0; k < g->n; k++) {
        const dk_group *gr = &g->v[k];
        const dk_fact *h = &fs->v[gr->first];
        dk_fact_subjects(h, subj, sizeof subj);
        char cons[64] = "no consensus";
        if (gr->consensus >= 0)
            short_value(cons, sizeof cons, fs->v[gr->consensus].fig.value,
                        h->unit);
        int n = snprintf(line, sizeof line, "%-18s %-22s %-12s %-14s %s\n",
                         h->metric, h->period[0] ? h->period : "-", subj, cons,
                         strcmp(gr->cls, "agree") ? gr->cls : "");
        dk_buf_append(out, line, (size_t)n);
        for (int i = gr->first; i < gr->first + gr->n; i++) {
            const dk_fact *f = &fs->v[i];
            char val[64];
            short_value(val, sizeof val, f->fig.value, f->unit);
            n = snprintf(line, sizeof line, "    %-7s %-12s %-26.26s %-10s ",
                         f->fig.qualifier == DK_Q_EXACT ? ""
                             : dk_qualifier_name(f->fig.qualifier),
                         val, f->implied ? "(implied)" : f->doc,
                         f->date[0] ? f->date : "-");
            dk_buf_append(out, line, (size_t)n);
            bar(out, f->fig.value, max, 24);
            dk_buf_putc(out, '\n');
        }
    }
    return dk_cli_flush(out);
}

static int csv_field(dk_buf *b, const char *s)
{
    dk_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            dk_buf_putc(b, '"');
        dk_buf_putc(b, *s);
    }
    return dk_buf_putc(b, '"');
}

static int csv(dk_buf *out, const dk_facts *fs, const dk_groups *g)
{
    const char *head = "metric,subjects,period,value,unit,qualifier,low,high,"
                       "implied,doc,date,sentence,class,consensus\n";
    dk_buf_append(out, head, strlen(head));
    char subj[DK_MAX_SUBJECTS * DK_ID_MAX + 8], num[4][40];
    for (int k = 0; k < g->n; k++) {
        const dk_group *gr = &g->v[k];
        for (int i = gr->first; i < gr->first + gr->n; i++) {
            const dk_fact *f = &fs->v[i];
            dk_fact_subjects(f, subj, sizeof subj);
            dk_json_fmt_num(num[0], sizeof num[0], f->fig.value);
            num[1][0] = num[2][0] = num[3][0] = '\0';
            if (f->fig.qualifier == DK_Q_RANGE) {
                dk_json_fmt_num(num[1], sizeof num[1], f->fig.low);
                dk_json_fmt_num(num[2], sizeof num[2], f->fig.high);
            }
            if (gr->consensus >= 0)
                dk_json_fmt_num(num[3], sizeof num[3],
                                fs->v[gr->consensus].fig.value);
            const char *cells[] = {f->metric, subj, f->period, num[0], f->unit,
                                   dk_qualifier_name(f->fig.qualifier), num[1],
                                   num[2], f->implied ? "1" : "0", f->doc,
                                   f->date, f->sentence, gr->cls, num[3]};
            for (size_t c = 0; c < sizeof cells / sizeof cells[0]; c++) {
                if (c)
                    dk_buf_putc(out, ',');
                csv_field(out, cells[c]);
            }
            dk_buf_putc(out, '\n');
        }
        if (out->len > 65536 && dk_cli_flush(out))
            return DK_ERR_IO;
    }
    return dk_cli_flush(out);
}

static int run(int argc, char **argv, int conflicts)
{
    view v;
    int st = parse(argc, argv, &v, conflicts);
    if (st)
        return st < 0 ? DK_OK : st;
    dk_store *s;
    dk_facts fs;
    dk_groups g;
    if ((st = load(&v, &s, &fs, &g)))
        return st;
    dk_buf out = {0};
    if (conflicts) {
        /* keep only the groups that disagree */
        int n = 0;
        for (int k = 0; k < g.n; k++)
            if (strcmp(g.v[k].cls, "agree") != 0)
                g.v[n++] = g.v[k];
        g.n = n;
    }
    if (v.format == 'j') {
        for (int k = 0; k < g.n && !st; k++) {
            st = conflicts ? dk_conflict_json(&out, &fs, &g.v[k])
                           : dk_timeline_json(&out, &fs, &g.v[k]);
            if (!st)
                st = dk_buf_putc(&out, '\n');
            if (!st && out.len > 65536)
                st = dk_cli_flush(&out);
        }
        if (!st)
            st = dk_cli_flush(&out);
    } else if (v.format == 'c') {
        st = csv(&out, &fs, &g);
    } else {
        if (g.n == 0)
            fprintf(stderr, "dostyk: %s\n", conflicts ? "no conflicts"
                    : "no figures for that metric (see 'dostyk facts')");
        st = table(&out, &fs, &g);
    }
    if (fflush(stdout) != 0 && !st)
        st = DK_ERR_IO;
    dk_buf_free(&out);
    dk_groups_free(&g);
    dk_facts_free(&fs);
    dk_store_close(s);
    return st;
}

int dk_cmd_timeline(int argc, char **argv)
{
    return run(argc, argv, 0);
}

int dk_cmd_conflicts(int argc, char **argv)
{
    return run(argc, argv, 1);
}
