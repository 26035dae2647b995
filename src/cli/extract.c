/*
 * extract.c - `dostyk extract`: documents in, mentions out as JSON Lines
 * (the contract is shared/spec/extract.md).  Text files stream through
 * the engine in 64 KiB chunks; JSON Lines files give one document a line.
 * A bad document is reported on stderr in one line naming the file and
 * the line or byte, and the others still go through; the exit status is
 * that of the first failure.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "../base/buf.h"
#include <sys/stat.h>
#include "../ingest/html.h"
#include "../ingest/jsonl.h"
#include "../pack/pack.h"
#include "../ingest/textmeta.h"
#include "../recognise/recognise.h"
#include "../text/jsonw.h"
#include "../text/utf8.h"

#define CHUNK (64 * 1024)

typedef struct extract {
    dk_engine *engine;
    const char *date;      /* --date */
    int input;             /* 't' text, 'j' jsonl, 'h' html, 'a' by name */
    dk_buf out;            /* output waiting to be written */
    dk_buf head;           /* start of the lines of head_doc */
    const dk_doc *head_doc;  /* the open document head is for, or NULL */
    int status;            /* first failure */
    int write_failed;
} extract;

static void usage(FILE *f)
{
    fprintf(f,
        "usage: dostyk extract [OPTIONS] [FILE...|-]\n\n"
        "Print every figure, date and duration of the documents as JSON Lines,\n"
        "one mention a line (see extract.md for the fields).\n\n"
        "  --input text|jsonl|html  how to read the files (default: text, or\n"
        "                      jsonl for .jsonl, html for .html/.htm)\n"
        "  --date YYYY-MM-DD   publication date, to resolve \"last year\"; JSONL\n"
        "                      records carry their own \"date\"\n"
        "  --sentences         also print the sentences (kind \"sentence\")\n"
        "  --explain           say why each figure got its attribution\n"
        "  --pack DIR          domain pack for entities and metrics (default:\n"
        "                      $DOSTYK_PACK, else the kz-cn pack shipped with\n"
        "                      dostyk); --pack none for no pack\n"
        "  -h, --help          this help\n\n"
        "With no FILE, or with -, read standard input (document id \"stdin\").\n"
        "Exit status: 0 on success, else the code of the first failure\n"
        "(2 usage, 3 I/O, 4 invalid UTF-8, 5 binary, 6 malformed JSON, 12 empty).\n");
}

static void note(extract *x, int status)
{
    if (!x->status)
        x->status = status;
}

static void flush_out(extract *x)
{
    if (x->out.len && !x->write_failed &&
        fwrite(x->out.data, 1, x->out.len, stdout) != x->out.len)
        x->write_failed = 1;
    x->out.len = 0;
}

/* Print every mention the document has ready. */
static int print_ready(extract *x, dk_doc *d)
{
    const dk_mention *m;
    if (x->head_doc != d) {
        if (dk_json_mention_head(&x->head, dk_doc_id(d)))
            return DK_ERR_NOMEM;
        x->head_doc = d;
    }
    while ((m = dk_doc_next(d)) != NULL) {
        /* a failed line writes nothing, never half a line */
        if (dk_json_mention_line(&x->out, &x->head, m))
            return DK_ERR_NOMEM;
        if (x->out.len >= CHUNK)
            flush_out(x);
    }
    return DK_OK;
}

/* Close d; the next document gets its own head (the allocator may give
 * it d's address). */
static void close_doc(extract *x, dk_doc *d)
{
    if (x->head_doc == d)
        x->head_doc = NULL;
    dk_doc_close(d);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Does t[0, n) hold anything but ASCII white space? */
static int has_text(const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n\f\v", t[i]) || t[i] == '\0')
            return 1;
    return 0;
}

/* Run one document held in memory. */
static int run_text(extract *x, const char *id, const char *date,
                    const char *text, size_t n, const char *where)
{
    dk_doc *d = dk_doc_open(x->engine, id, date);
    if (!d) {
        dk_cli_error("%s: bad date \"%s\" (want YYYY, YYYY-MM or YYYY-MM-DD)",
                     where, date ? date : "");
        return DK_ERR_USAGE;
    }
    if (!has_text(text, n)) {
        dk_cli_error("%s: empty \"text\", nothing to read", where);
        close_doc(x, d);
        return DK_ERR_EMPTY;
    }
    int st = dk_doc_feed(d, text, n);
    if (!st)
        st = dk_doc_finish(d);
    if (!st)
        st = print_ready(x, d);
    if (st)
        dk_cli_error("%s: %s", where, *dk_doc_errmsg(d) ? dk_doc_errmsg(d)
                                                         : dk_strerror(st));
    close_doc(x, d);
    return st;
}

static int extract_stream(extract *x, FILE *f, const char *path,
                          const char *id)
{
    dk_doc *d = dk_doc_open(x->engine, id, x->date);
    if (!d) {
        dk_cli_error("bad --date \"%s\" (want YYYY, YYYY-MM or YYYY-MM-DD)",
                     x->date);
        return DK_ERR_USAGE;
    }
    static char buf[CHUNK];
    size_t n, total = 0;
    int text = 0;   /* seen a byte that is not white space */
    int st = DK_OK;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        total += n;
        if (!text)
            text = has_text(buf, n);
        st = dk_doc_feed(d, buf, n);
        if (!st)
            st = print_ready(x, d);
        if (st)
            break;
    }
    if (!st && ferror(f)) {
        dk_cli_error("%s: read error: %s", path, strerror(errno));
        st = DK_ERR_IO;
    } else if (!st && !text) {
        dk_cli_error(total ? "%s: no text, only white space"
                           : "%s: empty file, no text", path);
        st = DK_ERR_EMPTY;
    } else if (!st) {
        st = dk_doc_finish(d);
        if (!st)
            st = print_ready(x, d);
    }
    if (st && st != DK_ERR_IO && st != DK_ERR_EMPTY)
        dk_cli_error("%s: %s", path, *dk_doc_errmsg(d) ? dk_doc_errmsg(d)
                                                       : dk_strerror(st));
    /* mentions found before a failure are still printed */
    print_ready(x, d);
    close_doc(x, d);
    return st;
}

static int extract_jsonl(extract *x, FILE *f, const char *path)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int status = DK_OK, any = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k == len)
            continue;
        any = 1;
        char where[4096], err[512];
        snprintf(where, sizeof where, "%s:%ld", path, lineno);
        const char *nul = memchr(line, '\0', len);
        if (nul) {
            dk_cli_error("%s: binary data (a NUL byte) at byte %zu of the line",
                         where, (size_t)(nul - line));
            if (!status) status = DK_ERR_BINARY;
            continue;
        }
        dk_utf8_state u8 = {0};
        size_t bad = 0;
        if (dk_utf8_check(&u8, (const unsigned char *)line, len, &bad) ||
            dk_utf8_incomplete(&u8)) {
            if (dk_utf8_incomplete(&u8))
                bad = len;
            dk_cli_error("%s: invalid UTF-8 at byte %zu of the line", where,
                         bad);
            if (!status) status = DK_ERR_UTF8;
            continue;
        }
        dk_record r;
        int st = dk_record_parse(line, len, &r, err, sizeof err);
        if (st) {
            dk_cli_error("%s: %s", where, err);
            if (!status) status = st;
            continue;
        }
        char idbuf[64];
        const char *id = r.id;
        if (!id) {
            snprintf(idbuf, sizeof idbuf, "line-%ld", lineno);
            id = idbuf;
        }
        st = run_text(x, id, r.date ? r.date : x->date, r.text, r.text_len,
                      where);
        if (st && !status)
            status = st;
        dk_record_free(&r);
    }
    if (ferror(f)) {
        dk_cli_error("%s: read error: %s", path, strerror(errno));
        if (!status) status = DK_ERR_IO;
    } else if (!any && !status) {
        dk_cli_error("%s: empty file, no records", path);
        status = DK_ERR_EMPTY;
    }
    free(line);
    return status;
}

/* An HTML page: its readable text is the document (src/ingest/html.c);
 * a date in its meta tags serves when --date is not given. */
static int extract_html(extract *x, FILE *f, const char *path, const char *id)
{
    dk_buf raw = {0}, text = {0};
    char chunk[CHUNK], err[256];
    size_t n;
    int st = DK_OK;
    while (!st && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        st = dk_buf_append(&raw, chunk, n);
    if (!st && ferror(f)) {
        dk_cli_error("%s: read error: %s", path, strerror(errno));
        st = DK_ERR_IO;
    } else if (!st && raw.len == 0) {
        dk_cli_error("%s: empty file, no text", path);
        st = DK_ERR_EMPTY;
    } else if (!st && memchr(raw.data, '\0', raw.len)) {
        dk_cli_error("%s: binary data (a NUL byte)", path);
        st = DK_ERR_BINARY;
    } else if (!st) {
        dk_htmlmeta hm;
        st = dk_html_extract(raw.data, raw.len, &text, &hm, err, sizeof err);
        dk_textmeta tm;
        if (!st)   /* bylines, datelines, furniture: out, as in ingest */
            dk_text_clean(text.data, text.len, &tm);
        if (st)
            dk_cli_error("%s: %s", path, err);
        else
            st = run_text(x, id, x->date ? x->date
                                 : hm.date[0] ? hm.date : NULL,
                          text.data, text.len, path);
    } else {
        dk_cli_error("%s: out of memory", path);
    }
    dk_buf_free(&raw);
    dk_buf_free(&text);
    return st;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int extract_path(extract *x, const char *path)
{
    int stdin_ = strcmp(path, "-") == 0;
    FILE *f = stdin_ ? stdin : fopen(path, "rb");
    const char *name = stdin_ ? "stdin" : path;
    if (!f) {
        dk_cli_error("%s: cannot open: %s", path, strerror(errno));
        return DK_ERR_IO;
    }
    int jsonl = x->input == 'j' || (x->input == 'a' && ends_with(path, ".jsonl"));
    int st;
    struct stat sb;
    if (!stdin_ && fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        dk_cli_error("%s: is a directory (extract takes files; "
                     "'dostyk ingest' takes folders)", path);
        st = DK_ERR_IO;
    } else if (jsonl) {
        st = extract_jsonl(x, f, name);
    } else if (x->input == 'h' || (x->input == 'a' && dk_html_is_name(path))) {
        st = extract_html(x, f, name, stdin_ ? "stdin" : base_name(path));
    } else {
        st = extract_stream(x, f, name, stdin_ ? "stdin" : base_name(path));
    }
    if (!stdin_)
        fclose(f);
    return st;
}

int dk_cmd_extract(int argc, char **argv)
{
    static const struct option opts[] = {
        {"input", required_argument, 0, 'i'},
        {"date", required_argument, 0, 'd'},
        {"sentences", no_argument, 0, 's'},
        {"explain", no_argument, 0, 'x'},
        {"pack", required_argument, 0, 'p'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    extract x;
    memset(&x, 0, sizeof x);
    x.input = 'a';
    dk_options eo;
    memset(&eo, 0, sizeof eo);
    const char *pack = NULL;
    char packdir[4096];
    int c;
    optind = 1;
    opterr = 0;   /* our own one-line messages */
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'i':
            if (strcmp(optarg, "text") == 0) x.input = 't';
            else if (strcmp(optarg, "jsonl") == 0) x.input = 'j';
            else if (strcmp(optarg, "html") == 0) x.input = 'h';
            else {
                dk_cli_error("extract: --input must be text, jsonl or html, not '%s'",
                             optarg);
                return DK_ERR_USAGE;
            }
            break;
        case 'd': {
            dk_docctx probe;
            if (!dk_parse_iso_date(optarg, &probe)) {
                dk_cli_error("extract: bad --date '%s' (want YYYY-MM-DD)", optarg);
                return DK_ERR_USAGE;
            }
            x.date = optarg;
            break;
        }
        case 's': eo.sentences = 1; break;
        case 'x': eo.explain = 1; break;
        case 'p': pack = optarg; break;
        case 'h': usage(stdout); return DK_OK;
        case ':':
            dk_cli_error("extract: option '%s' needs a value (see "
                         "'dostyk extract --help')", argv[optind - 1]);
            return DK_ERR_USAGE;
        default:
            if (optopt)
                dk_cli_error("extract: unknown option '-%c' (see "
                             "'dostyk extract --help')", optopt);
            else
                dk_cli_error("extract: unknown option '%s' (see "
                             "'dostyk extract --help')", argv[optind - 1]);
            return DK_ERR_USAGE;
        }
    }
    if (!pack && dk_cli_default_pack("extract", 1, packdir, sizeof packdir))
        pack = packdir;
    if (pack && strcmp(pack, "none") != 0)
        eo.pack_dir = pack;
    dk_status es;
    x.engine = dk_engine_new(&eo, &es);
    if (!x.engine && es == DK_ERR_PACK) {
        char err[512];
        dk_pack *p = dk_pack_load(eo.pack_dir, err, sizeof err);
        dk_pack_free(p);
        dk_cli_error("extract: bad pack: %s", p ? "cannot load" : err);
        return es;
    }
    if (!x.engine) {
        dk_cli_error("extract: cannot start the engine: %s", dk_strerror(es));
        return es;
    }
    if (optind >= argc) {
        note(&x, extract_path(&x, "-"));
    } else {
        for (int i = optind; i < argc; i++)
            note(&x, extract_path(&x, argv[i]));
    }
    flush_out(&x);
    if (fflush(stdout) != 0 || ferror(stdout))
        x.write_failed = 1;
    if (x.write_failed) {
        dk_cli_error("extract: cannot write the output: %s", strerror(errno));
        note(&x, DK_ERR_IO);
    }
    dk_buf_free(&x.out);
    dk_buf_free(&x.head);
    dk_engine_free(x.engine);
    return x.status;
}
