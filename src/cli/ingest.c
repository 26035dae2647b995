/*
 * ingest.c - `dostyk ingest`: documents into the record (src/store).
 *
 * Every document goes through the engine with sentences on; its row, its
 * sentences (indexed by FTS5) and its mentions are written under one
 * savepoint, inside a transaction committed every DK_BATCH_DOCS documents
 * or DK_BATCH_BYTES bytes.  A document whose content hash is already
 * stored is skipped; one whose name is stored with another hash replaces
 * the old rows.  A bad file or record is reported and skipped; a failing
 * database (a full disk) rolls back the open batch and stops with a
 * clear message, leaving every committed document whole.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "../pack/pack.h"
#include "../base/buf.h"
#include "../ingest/html.h"
#include "../ingest/jsonl.h"
#include "../ingest/textmeta.h"
#include "../recognise/recognise.h"
#include "../store/store.h"

#define DK_BATCH_DOCS 5000       /* default of --batch */
#define DK_BATCH_SECONDS 2.0
#define DK_BATCH_BYTES (16u << 20)
#define DK_MAX_DOC (32u << 20)    /* one document: larger is refused */

typedef struct ingest {
    dk_store *store;
    dk_engine *engine;
    int input;                    /* 'a' by name, 't', 'j', 'h' */
    int in_tx;
    int fatal;                    /* the database failed: stop */
    int status;                   /* first failure */
    long added, skipped, failed, replaced;
    long pend_added, pend_replaced;   /* in the open batch */
    long long mentions, pend_mentions;
    long batch_docs, batch_max;
    double batch_t0;              /* when the open batch began */
    size_t batch_bytes;
    /* progress */
    int tty;
    unsigned long long done_bytes, total_bytes;
    double t0, last_shown;
    dk_buf work;                  /* the cleaned copy of a text */
    dk_buf html;                  /* text extracted from a page */
} ingest;

static void usage(FILE *f)
{
    fprintf(f,
        "usage: dostyk ingest [--db FILE] [--input text|jsonl|html] PATH...\n\n"
        "Add documents to the record: files, folders (recursively) or - for\n"
        "standard input.  Re-ingesting the same content does nothing; a\n"
        "changed document with the same id replaces the old one.\n\n"
        "  --db FILE          the database (default $DOSTYK_DB or dostyk.db)\n"
        "  --input FORMAT     text, jsonl or html (default: by file name:\n"
        "                     .jsonl, .html/.htm, anything else is text)\n"
        "  --batch N          documents per transaction (default 5000; a\n"
        "                     transaction also ends after 16 MB or 2 s)\n"
        "  -q, --quiet        no summary line\n"
        "  -h, --help         this help\n");
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void note(ingest *x, int st)
{
    if (st && !x->status)
        x->status = st;
}

static void progress(ingest *x, int force)
{
    if (!x->tty)
        return;
    double t = now();
    if (!force && t - x->last_shown < 0.25)
        return;
    x->last_shown = t;
    double mb = x->done_bytes / 1e6, el = t - x->t0;
    double rate = el > 0 ? mb / el : 0;
    char eta[32] = "";
    if (x->total_bytes > x->done_bytes && rate > 0)
        snprintf(eta, sizeof eta, ", ETA %.0fs",
                 (x->total_bytes - x->done_bytes) / 1e6 / rate);
    fprintf(stderr, "\r%ld documents, %.1f MB, %.1f MB/s%s   ",
            x->added + x->pend_added + x->skipped, mb, rate, eta);
}

static int commit(ingest *x)
{
    if (!x->in_tx)
        return DK_OK;
    x->in_tx = 0;
    if (dk_store_commit(x->store)) {
        dk_cli_error("ingest: cannot commit: %s%s", dk_store_errmsg(x->store),
                     dk_store_is_full(x->store) ? " (is the disk full?)" : "");
        dk_store_rollback(x->store);
        x->fatal = 1;
        return DK_ERR_DB;
    }
    x->added += x->pend_added;
    x->replaced += x->pend_replaced;
    x->mentions += x->pend_mentions;
    x->pend_added = x->pend_replaced = 0;
    x->pend_mentions = 0;
    x->batch_docs = 0;
    x->batch_bytes = 0;
    return DK_OK;
}

/* The database failed under a document: give up the open batch. */
static int db_failure(ingest *x, const char *where)
{
    dk_cli_error("ingest: %s: database error: %s%s; the last %ld uncommitted "
                 "documents were rolled back", where,
                 dk_store_errmsg(x->store),
                 dk_store_is_full(x->store) ? " (is the disk full?)" : "",
                 x->pend_added);
    dk_store_rollback(x->store);
    x->in_tx = 0;
    x->fatal = 1;
    x->pend_added = x->pend_replaced = 0;
    x->pend_mentions = 0;
    return DK_ERR_DB;
}

/* Store one document held in memory.  text[0, n) is the document as it
 * will be stored; meta's NULL fields are filled from the text itself. */
static int put_doc(ingest *x, dk_docmeta *meta, const char *text, size_t n,
                   const char *where)
{
    if (x->fatal)
        return DK_ERR_DB;
    if (n > DK_MAX_DOC) {
        dk_cli_error("%s: document of %zu bytes exceeds the limit of %u MB",
                     where, n, DK_MAX_DOC >> 20);
        x->failed++;
        return DK_ERR_LIMIT;
    }
    if (memchr(text, '\0', n)) {
        dk_cli_error("%s: binary data (a NUL byte), skipped", where);
        x->failed++;
        return DK_ERR_BINARY;
    }
    size_t k = 0;
    while (k < n && (text[k] == ' ' || text[k] == '\n' || text[k] == '\r' ||
                     text[k] == '\t'))
        k++;
    if (k == n) {
        dk_cli_error("%s: empty document, no text", where);
        x->failed++;
        return DK_ERR_EMPTY;
    }
    x->work.len = 0;
    if (dk_buf_append(&x->work, text, n)) {
        dk_cli_error("%s: out of memory", where);
        x->failed++;
        return DK_ERR_NOMEM;
    }
    dk_textmeta tm;
    dk_text_clean(x->work.data, n, &tm);
    if (!meta->title && tm.title[0]) meta->title = tm.title;
    if (!meta->date && tm.date[0]) meta->date = tm.date;
    if (!meta->author && tm.author[0]) meta->author = tm.author;

    char hash[17];
    dk_store_hash(meta, text, n, hash);
    int what = dk_store_check(x->store, meta->name, hash);
    if (what < 0)
        return db_failure(x, where);
    if (what == 1) {
        x->skipped++;
        return DK_OK;
    }
    /* the engine runs before anything is written: a document it fails
     * on leaves no rows, and no savepoint is needed (a savepoint per
     * document would make FTS5 flush its pending terms every time) */
    dk_docctx probe;
    const char *date = meta->date && dk_parse_iso_date(meta->date, &probe)
                           ? meta->date : NULL;
    dk_doc *d = dk_doc_open(x->engine, meta->name, date);
    if (!d) {
        dk_cli_error("%s: out of memory", where);
        x->failed++;
        return DK_ERR_NOMEM;
    }
    int st = dk_doc_feed(d, x->work.data, n);
    if (!st)
        st = dk_doc_finish(d);
    if (st) {
        dk_cli_error("%s: %s, skipped", where,
                     *dk_doc_errmsg(d) ? dk_doc_errmsg(d) : dk_strerror(st));
        dk_doc_close(d);
        x->failed++;
        return st;
    }
    if (!x->in_tx) {
        if (dk_store_begin(x->store)) {
            dk_doc_close(d);
            return db_failure(x, where);
        }
        x->in_tx = 1;
        x->batch_t0 = now();
    }
    /* a database failure from here on rolls the whole batch back */
    int64_t docid;
    if (dk_store_put_doc(x->store, meta, hash, text, n, &docid)) {
        dk_doc_close(d);
        return db_failure(x, where);
    }
    int64_t sid = 0;
    long long nm = 0;
    const dk_mention *m;
    while ((m = dk_doc_next(d)) != NULL) {
        if (m->kind == DK_SENTENCE) {
            if (dk_store_put_sentence(x->store, docid, m->start, m->end,
                                      m->text, m->end - m->start, &sid)) {
                dk_doc_close(d);
                return db_failure(x, where);
            }
            continue;
        }
        if (dk_store_put_mention(x->store, docid, sid, m)) {
            dk_doc_close(d);
            return db_failure(x, where);
        }
        nm++;
    }
    dk_doc_close(d);
    x->pend_added++;
    x->pend_replaced += what == 2;
    x->pend_mentions += nm;
    x->batch_docs++;
    x->batch_bytes += n;
    if (x->batch_docs >= x->batch_max || x->batch_bytes >= DK_BATCH_BYTES ||
        now() - x->batch_t0 >= DK_BATCH_SECONDS)
        return commit(x);
    return DK_OK;
}

/* Read a whole stream into b. */
static int slurp(FILE *f, dk_buf *b, const char *where)
{
    b->len = 0;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b->len + n > DK_MAX_DOC) {
            dk_cli_error("%s: larger than the limit of %u MB, skipped", where,
                         DK_MAX_DOC >> 20);
            return DK_ERR_LIMIT;
        }
        if (dk_buf_append(b, chunk, n)) {
            dk_cli_error("%s: out of memory", where);
            return DK_ERR_NOMEM;
        }
    }
    if (ferror(f)) {
        dk_cli_error("%s: read error: %s", where, strerror(errno));
        return DK_ERR_IO;
    }
    return DK_OK;
}

static int ingest_text(ingest *x, FILE *f, const char *name, const char *path)
{
    static dk_buf raw;
    int st = slurp(f, &raw, name);
    if (st) {
        x->failed++;
        return st;
    }
    x->done_bytes += raw.len;
    dk_docmeta meta = {.name = name, .path = path};
    return put_doc(x, &meta, raw.data ? raw.data : "", raw.len, name);
}

static int ingest_html(ingest *x, FILE *f, const char *name, const char *path)
{
    static dk_buf raw;
    int st = slurp(f, &raw, name);
    if (st) {
        x->failed++;
        return st;
    }
    x->done_bytes += raw.len;
    if (memchr(raw.data ? raw.data : "", '\0', raw.len)) {
        dk_cli_error("%s: binary data (a NUL byte), skipped", name);
        x->failed++;
        return DK_ERR_BINARY;
    }
    dk_htmlmeta hm;
    char err[256];
    x->html.len = 0;
    st = dk_html_extract(raw.data ? raw.data : "", raw.len, &x->html, &hm,
                         err, sizeof err);
    if (st) {
        dk_cli_error("%s: %s, skipped", name, err);
        x->failed++;
        return st;
    }
    dk_docmeta meta = {.name = name, .path = path};
    if (hm.title[0]) meta.title = hm.title;
    if (hm.date[0]) meta.date = hm.date;
    if (hm.author[0]) meta.author = hm.author;
    if (hm.source[0]) meta.source = hm.source;
    if (hm.url[0]) meta.url = hm.url;
    return put_doc(x, &meta, x->html.data, x->html.len, name);
}

static int ingest_jsonl(ingest *x, FILE *f, const char *path)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int status = DK_OK;
    while (!x->fatal && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        x->done_bytes += (size_t)n;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k == len)
            continue;
        char where[1024], err[512];
        snprintf(where, sizeof where, "%s:%ld", path, lineno);
        dk_record r;
        int st = memchr(line, '\0', len) ? DK_ERR_BINARY
                 : dk_record_parse(line, len, &r, err, sizeof err);
        if (st) {
            dk_cli_error("%s: %s, skipped", where,
                         st == DK_ERR_BINARY ? "binary data (a NUL byte)" : err);
            x->failed++;
            if (!status) status = st;
            continue;
        }
        dk_docmeta meta = {.name = r.id ? r.id : where, .path = path,
                           .title = r.title, .date = r.date,
                           .source = r.source, .url = r.url,
                           .author = r.author};
        st = put_doc(x, &meta, r.text, r.text_len, where);
        if (st && !status)
            status = st;
        dk_record_free(&r);
        progress(x, 0);
    }
    if (ferror(f)) {
        dk_cli_error("%s: read error: %s", path, strerror(errno));
        x->failed++;
        if (!status) status = DK_ERR_IO;
    }
    free(line);
    return status;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int ingest_file(ingest *x, const char *path)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        dk_cli_error("%s: cannot open: %s, skipped", path, strerror(errno));
        x->failed++;
        return DK_ERR_IO;
    }
    int kind = x->input;
    if (kind == 'a')
        kind = ends_with(path, ".jsonl") ? 'j' : dk_html_is_name(path) ? 'h' : 't';
    const char *name = is_stdin ? "stdin" : path;
    int st = kind == 'j' ? ingest_jsonl(x, f, name)
           : kind == 'h' ? ingest_html(x, f, name, is_stdin ? NULL : path)
           : ingest_text(x, f, name, is_stdin ? NULL : path);
    if (!is_stdin)
        fclose(f);
    progress(x, 0);
    return st;
}

static int skip_entry(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

/* Visit path: a file, or a folder in name order, recursively.  With
 * count set, only add up the sizes (for the ETA). */
static int visit(ingest *x, const char *path, int count, int depth)
{
    struct stat sb;
    if (strcmp(path, "-") == 0)
        return count ? DK_OK : ingest_file(x, path);
    if (stat(path, &sb) != 0) {
        if (!count) {
            dk_cli_error("%s: cannot open: %s, skipped", path, strerror(errno));
            x->failed++;
        }
        return DK_ERR_IO;
    }
    if (S_ISREG(sb.st_mode)) {
        if (count) {
            x->total_bytes += (unsigned long long)sb.st_size;
            return DK_OK;
        }
        return ingest_file(x, path);
    }
    if (!S_ISDIR(sb.st_mode) || depth > 64)
        return DK_OK;
    struct dirent **list;
    int n = scandir(path, &list, skip_entry, alphasort);
    if (n < 0) {
        if (!count) {
            dk_cli_error("%s: cannot read the folder: %s", path, strerror(errno));
            x->failed++;
        }
        return DK_ERR_IO;
    }
    int status = DK_OK;
    for (int i = 0; i < n; i++) {
        if (!x->fatal) {
            size_t len = strlen(path) + strlen(list[i]->d_name) + 2;
            char *child = malloc(len);
            if (child) {
                snprintf(child, len, "%s%s%s", path,
                         ends_with(path, "/") ? "" : "/", list[i]->d_name);
                int st = visit(x, child, count, depth + 1);
                if (st && !status)
                    status = st;
                free(child);
            }
        }
        free(list[i]);
    }
    free(list);
    return status;
}

int dk_cmd_ingest(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},
        {"input", required_argument, 0, 'i'},
        {"quiet", no_argument, 0, 'q'},
        {"batch", required_argument, 0, 'b'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    ingest x;
    memset(&x, 0, sizeof x);
    x.input = 'a';
    x.batch_max = DK_BATCH_DOCS;
    const char *db = dk_store_default_path();
    int quiet = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":hq", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'q': quiet = 1; break;
        case 'b': {
            char *end;
            x.batch_max = strtol(optarg, &end, 10);
            if (*end || x.batch_max < 1) {
                dk_cli_error("ingest: --batch wants a positive number, not "
                             "'%s'", optarg);
                return DK_ERR_USAGE;
            }
            break;
        }
        case 'i':
            if (!strcmp(optarg, "text")) x.input = 't';
            else if (!strcmp(optarg, "jsonl")) x.input = 'j';
            else if (!strcmp(optarg, "html")) x.input = 'h';
            else {
                dk_cli_error("ingest: --input must be text, jsonl or html, "
                             "not '%s'", optarg);
                return DK_ERR_USAGE;
            }
            break;
        case 'h': usage(stdout); return DK_OK;
        default: return dk_cli_bad_option("ingest", c, argv);
        }
    }
    if (optind >= argc) {
        dk_cli_error("ingest: no PATH given (use - for standard input)");
        return DK_ERR_USAGE;
    }
    /* a size-limited file must end in an error, not a signal */
    signal(SIGXFSZ, SIG_IGN);
    char err[512];
    int st = dk_store_open(db, 0, &x.store, err, sizeof err);
    if (st) {
        dk_cli_error("ingest: %s", err);
        return st;
    }
    dk_options eo = {.sentences = 1};
    char packdir[4096];
    if (dk_pack_default_dir(packdir, sizeof packdir))
        eo.pack_dir = packdir;  /* entities and metrics for the record */
    dk_status es;
    x.engine = dk_engine_new(&eo, &es);
    if (!x.engine) {
        dk_cli_error("ingest: cannot start the engine: %s", dk_strerror(es));
        dk_store_close(x.store);
        return es;
    }
    x.tty = isatty(2);
    x.t0 = now();
    if (x.tty)
        for (int i = optind; i < argc; i++)
            visit(&x, argv[i], 1, 0);
    for (int i = optind; i < argc && !x.fatal; i++)
        note(&x, visit(&x, argv[i], 0, 0));
    if (!x.fatal)
        note(&x, commit(&x));
    if (x.fatal)
        note(&x, DK_ERR_DB);
    if (x.tty) {
        progress(&x, 1);
        fputc('\n', stderr);
    }
    if (!quiet) {
        double el = now() - x.t0;
        fprintf(stderr, "ingest: %ld documents added (%ld replaced), %ld "
                "skipped, %ld failed, %lld mentions; %.1f MB in %.2fs\n",
                x.added, x.replaced, x.skipped, x.failed, x.mentions,
                x.done_bytes / 1e6, el);
    }
    dk_engine_free(x.engine);
    if (!x.fatal)
        sqlite3_exec(dk_store_db(x.store), "PRAGMA optimize", NULL, NULL, NULL);
    dk_store_close(x.store);
    dk_buf_free(&x.work);
    dk_buf_free(&x.html);
    return x.status;
}
