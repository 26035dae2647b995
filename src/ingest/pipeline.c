/*
 * pipeline.c - documents into the record (see pipeline.h): reading the
 * sources, the batched transactions, one document's rows.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "pipeline.h"
#include "html.h"
#include "jsonl.h"
#include "textmeta.h"
#include "../base/buf.h"
#include "../recognise/recognise.h"

#define BATCH_SECONDS 2.0
#define BATCH_BYTES (16u << 20)

struct dk_ingest {
    dk_store *store;
    dk_engine *engine;
    dk_ingest_opts o;
    int in_tx;
    int fatal;                    /* the database failed: stop */
    int status;                   /* first failure */
    dk_ingest_stats done;         /* committed */
    long pend_added, pend_replaced;   /* in the open batch */
    long long pend_mentions;
    long batch_docs;
    double batch_t0;              /* when the open batch began */
    size_t batch_bytes;
    dk_buf raw;                   /* a whole file */
    dk_buf work;                  /* the cleaned copy of a text */
    dk_buf html;                  /* text extracted from a page */
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void note(dk_ingest *x, int st)
{
    if (st && !x->status)
        x->status = st;
}

/* Report one problem (printf-style message) and count it as failed when
 * asked. */
static void report(dk_ingest *x, const char *where, long line, int failed,
                   const char *fmt, ...)
{
    if (failed)
        x->done.failed++;
    if (!x->o.on_error)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    x->o.on_error(x->o.ctx, where, line, msg);
}

static void progress(dk_ingest *x)
{
    if (!x->o.on_progress)
        return;
    dk_ingest_stats s = x->done;
    s.added += x->pend_added;
    s.replaced += x->pend_replaced;
    s.mentions += x->pend_mentions;
    x->o.on_progress(x->o.ctx, &s);
}

dk_ingest *dk_ingest_open(dk_store *store, const dk_ingest_opts *o,
                          char *err, size_t cap)
{
    dk_ingest *x = calloc(1, sizeof *x);
    if (!x) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    x->store = store;
    x->o = *o;
    if (x->o.batch_docs < 1)
        x->o.batch_docs = DK_INGEST_BATCH;
    dk_options eo = {.sentences = 1, .pack_dir = o->pack_dir};
    dk_status es;
    x->engine = dk_engine_new(&eo, &es);
    if (!x->engine) {
        snprintf(err, cap, "cannot start the engine: %s", dk_strerror(es));
        free(x);
        return NULL;
    }
    return x;
}

static dk_status commit(dk_ingest *x)
{
    if (!x->in_tx)
        return DK_OK;
    x->in_tx = 0;
    if (dk_store_commit(x->store)) {
        report(x, "ingest", 0, 0, "cannot commit: %s%s",
               dk_store_errmsg(x->store),
               dk_store_is_full(x->store) ? " (is the disk full?)" : "");
        dk_store_rollback(x->store);
        x->fatal = 1;
        x->pend_added = x->pend_replaced = 0;
        x->pend_mentions = 0;
        return DK_ERR_DB;
    }
    x->done.added += x->pend_added;
    x->done.replaced += x->pend_replaced;
    x->done.mentions += x->pend_mentions;
    x->pend_added = x->pend_replaced = 0;
    x->pend_mentions = 0;
    x->batch_docs = 0;
    x->batch_bytes = 0;
    return DK_OK;
}

/* The database failed under a document: give up the open batch. */
static dk_status db_failure(dk_ingest *x, const char *where, long line)
{
    report(x, where, line, 0, "database error: %s%s; the last %ld "
           "uncommitted documents were rolled back",
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

/* Write the document and what the engine found in it (d, finished). */
static dk_status write_doc(dk_ingest *x, const dk_docmeta *meta,
                           const char *hash, int replace, const char *text,
                           size_t n, dk_doc *d, const char *where, long line)
{
    if (!x->in_tx) {
        if (dk_store_begin(x->store))
            return db_failure(x, where, line);
        x->in_tx = 1;
        x->batch_t0 = now();
    }
    /* a database failure from here on rolls the whole batch back */
    int64_t docid, sid = 0;
    if (dk_store_put_doc(x->store, meta, hash, text, n, &docid))
        return db_failure(x, where, line);
    long long nm = 0;
    const dk_mention *m;
    while ((m = dk_doc_next(d)) != NULL) {
        if (m->kind == DK_SENTENCE) {
            if (dk_store_put_sentence(x->store, docid, m->start, m->end,
                                      m->text, m->end - m->start, &sid))
                return db_failure(x, where, line);
            continue;
        }
        if (dk_store_put_mention(x->store, docid, sid, m))
            return db_failure(x, where, line);
        nm++;
    }
    x->pend_added++;
    x->pend_replaced += replace;
    x->pend_mentions += nm;
    x->batch_docs++;
    x->batch_bytes += n;
    if (x->batch_docs >= x->o.batch_docs || x->batch_bytes >= BATCH_BYTES ||
        now() - x->batch_t0 >= BATCH_SECONDS)
        return commit(x);
    return DK_OK;
}

/* Store one document held in memory.  text[0, n) is the document as it
 * will be stored; meta's NULL fields are filled from the text itself. */
static dk_status put_doc(dk_ingest *x, dk_docmeta *meta, const char *text,
                         size_t n, const char *where, long line)
{
    if (x->fatal)
        return DK_ERR_DB;
    if (n > DK_INGEST_MAX_DOC) {
        report(x, where, line, 1, "document of %zu bytes exceeds the limit "
               "of %u MB", n, DK_INGEST_MAX_DOC >> 20);
        return DK_ERR_LIMIT;
    }
    if (memchr(text, '\0', n)) {
        report(x, where, line, 1, "binary data (a NUL byte), skipped");
        return DK_ERR_BINARY;
    }
    size_t k = 0;
    while (k < n && (text[k] == ' ' || text[k] == '\n' || text[k] == '\r' ||
                     text[k] == '\t'))
        k++;
    if (k == n) {
        report(x, where, line, 1, "empty document, no text");
        return DK_ERR_EMPTY;
    }
    x->work.len = 0;
    if (dk_buf_append(&x->work, text, n)) {
        report(x, where, line, 1, "out of memory");
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
        return db_failure(x, where, line);
    if (what == 1) {
        x->done.skipped++;
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
        report(x, where, line, 1, "out of memory");
        return DK_ERR_NOMEM;
    }
    dk_status st = dk_doc_feed(d, x->work.data, n);
    if (!st)
        st = dk_doc_finish(d);
    if (st) {
        report(x, where, line, 1, "%s, skipped",
               *dk_doc_errmsg(d) ? dk_doc_errmsg(d) : dk_strerror(st));
    } else {
        st = write_doc(x, meta, hash, what == 2, text, n, d, where, line);
    }
    dk_doc_close(d);
    return st;
}

/* Read a whole stream into x->raw. */
static dk_status slurp(dk_ingest *x, FILE *f, const char *where)
{
    dk_buf *b = &x->raw;
    b->len = 0;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b->len + n > DK_INGEST_MAX_DOC) {
            report(x, where, 0, 1, "larger than the limit of %u MB, skipped",
                   DK_INGEST_MAX_DOC >> 20);
            return DK_ERR_LIMIT;
        }
        if (dk_buf_append(b, chunk, n)) {
            report(x, where, 0, 1, "out of memory");
            return DK_ERR_NOMEM;
        }
    }
    if (ferror(f)) {
        report(x, where, 0, 1, "read error: %s", strerror(errno));
        return DK_ERR_IO;
    }
    return DK_OK;
}

static dk_status ingest_text(dk_ingest *x, FILE *f, const char *name,
                             const char *path)
{
    dk_status st = slurp(x, f, name);
    if (st)
        return st;
    x->done.bytes += x->raw.len;
    dk_docmeta meta = {.name = name, .path = path};
    return put_doc(x, &meta, x->raw.data ? x->raw.data : "", x->raw.len,
                   name, 0);
}

static dk_status ingest_html(dk_ingest *x, FILE *f, const char *name,
                             const char *path)
{
    dk_status st = slurp(x, f, name);
    if (st)
        return st;
    x->done.bytes += x->raw.len;
    const char *raw = x->raw.data ? x->raw.data : "";
    if (memchr(raw, '\0', x->raw.len)) {
        report(x, name, 0, 1, "binary data (a NUL byte), skipped");
        return DK_ERR_BINARY;
    }
    dk_htmlmeta hm;
    char err[256];
    x->html.len = 0;
    st = dk_html_extract(raw, x->raw.len, &x->html, &hm, err, sizeof err);
    if (st) {
        report(x, name, 0, 1, "%s, skipped", err);
        return st;
    }
    dk_docmeta meta = {.name = name, .path = path};
    if (hm.title[0]) meta.title = hm.title;
    if (hm.date[0]) meta.date = hm.date;
    if (hm.author[0]) meta.author = hm.author;
    if (hm.source[0]) meta.source = hm.source;
    if (hm.url[0]) meta.url = hm.url;
    return put_doc(x, &meta, x->html.data, x->html.len, name, 0);
}

/* One line of JSON Lines (without its newline); blank lines are
 * passed over. */
static dk_status jsonl_line(dk_ingest *x, const char *line, size_t len,
                            const char *path, long lineno)
{
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    size_t k = 0;
    while (k < len && (line[k] == ' ' || line[k] == '\t'))
        k++;
    if (k == len)
        return DK_OK;
    char where[1024], err[512];
    snprintf(where, sizeof where, "%s:%ld", path, lineno);
    dk_record r;
    dk_status st = memchr(line, '\0', len) ? DK_ERR_BINARY
                   : dk_record_parse(line, len, &r, err, sizeof err);
    if (st) {
        report(x, where, lineno, 1, "%s, skipped",
               st == DK_ERR_BINARY ? "binary data (a NUL byte)" : err);
        return st;
    }
    if (!r.id && x->o.need_id) {
        report(x, where, lineno, 1, "no \"id\" field, skipped");
        dk_record_free(&r);
        return DK_ERR_JSON;
    }
    dk_docmeta meta = {.name = r.id ? r.id : where, .path = path,
                       .title = r.title, .date = r.date,
                       .source = r.source, .url = r.url,
                       .author = r.author};
    st = put_doc(x, &meta, r.text, r.text_len, where, lineno);
    dk_record_free(&r);
    progress(x);
    return st;
}

static dk_status ingest_jsonl(dk_ingest *x, FILE *f, const char *path)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    dk_status status = DK_OK;
    while (!x->fatal && (n = getline(&line, &cap, f)) >= 0) {
        x->done.bytes += (size_t)n;
        dk_status st = jsonl_line(x, line, (size_t)n, path, ++lineno);
        if (st && !status)
            status = st;
    }
    if (ferror(f)) {
        report(x, path, 0, 1, "read error: %s", strerror(errno));
        if (!status)
            status = DK_ERR_IO;
    }
    free(line);
    return status;
}

dk_status dk_ingest_jsonl_buf(dk_ingest *x, const char *buf, size_t n,
                              const char *name)
{
    dk_status status = DK_OK;
    long lineno = 0;
    size_t at = 0;
    while (!x->fatal && at < n) {
        const char *nl = memchr(buf + at, '\n', n - at);
        size_t len = nl ? (size_t)(nl - (buf + at)) + 1 : n - at;
        x->done.bytes += len;
        dk_status st = jsonl_line(x, buf + at, len, name, ++lineno);
        if (st && !status)
            status = st;
        at += len;
    }
    note(x, status);
    return status;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static dk_status ingest_file(dk_ingest *x, const char *path)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        report(x, path, 0, 1, "cannot open: %s, skipped", strerror(errno));
        return DK_ERR_IO;
    }
    dk_ingest_format kind = x->o.format;
    if (kind == DK_INGEST_AUTO)
        kind = ends_with(path, ".jsonl") ? DK_INGEST_JSONL
             : dk_html_is_name(path) ? DK_INGEST_HTML : DK_INGEST_TEXT;
    const char *name = is_stdin ? "stdin" : path;
    dk_status st = kind == DK_INGEST_JSONL ? ingest_jsonl(x, f, name)
        : kind == DK_INGEST_HTML ? ingest_html(x, f, name, is_stdin ? NULL : path)
        : ingest_text(x, f, name, is_stdin ? NULL : path);
    if (!is_stdin)
        fclose(f);
    progress(x);
    return st;
}

static int skip_entry(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

/* Visit path: a file, or a folder in name order, recursively.  With
 * total set, only add up the sizes. */
static dk_status visit(dk_ingest *x, const char *path,
                       unsigned long long *total, int depth)
{
    struct stat sb;
    if (strcmp(path, "-") == 0)
        return total ? DK_OK : ingest_file(x, path);
    if (stat(path, &sb) != 0) {
        if (!total)
            report(x, path, 0, 1, "cannot open: %s, skipped", strerror(errno));
        return DK_ERR_IO;
    }
    if (S_ISREG(sb.st_mode)) {
        if (total) {
            *total += (unsigned long long)sb.st_size;
            return DK_OK;
        }
        return ingest_file(x, path);
    }
    if (!S_ISDIR(sb.st_mode) || depth > 64)
        return DK_OK;
    struct dirent **list;
    int n = scandir(path, &list, skip_entry, alphasort);
    if (n < 0) {
        if (!total)
            report(x, path, 0, 1, "cannot read the folder: %s",
                   strerror(errno));
        return DK_ERR_IO;
    }
    dk_status status = DK_OK;
    for (int i = 0; i < n; i++) {
        if (!x || !x->fatal) {
            size_t len = strlen(path) + strlen(list[i]->d_name) + 2;
            char *child = malloc(len);
            if (child) {
                snprintf(child, len, "%s%s%s", path,
                         ends_with(path, "/") ? "" : "/", list[i]->d_name);
                dk_status st = visit(x, child, total, depth + 1);
                if (st && !status)
                    status = st;
                free(child);
            } else if (!total) {
                report(x, path, 0, 1, "out of memory");
            }
        }
        free(list[i]);
    }
    free(list);
    return status;
}

dk_status dk_ingest_path(dk_ingest *x, const char *path)
{
    if (x->fatal)
        return DK_ERR_DB;
    dk_status st = visit(x, path, NULL, 0);
    note(x, st);
    return st;
}

unsigned long long dk_ingest_size(const char *path)
{
    unsigned long long total = 0;
    visit(NULL, path, &total, 0);
    return total;
}

dk_status dk_ingest_finish(dk_ingest *x)
{
    if (!x->fatal)
        note(x, commit(x));
    if (x->fatal)
        note(x, DK_ERR_DB);
    return x->status;
}

int dk_ingest_failed(const dk_ingest *x) { return x->fatal; }

const dk_ingest_stats *dk_ingest_stats_of(const dk_ingest *x)
{
    return &x->done;
}

void dk_ingest_reset(dk_ingest *x, void *ctx)
{
    memset(&x->done, 0, sizeof x->done);
    x->status = DK_OK;
    x->o.ctx = ctx;
}

void dk_ingest_close(dk_ingest *x)
{
    if (!x)
        return;
    if (x->in_tx)
        dk_store_rollback(x->store);
    dk_engine_free(x->engine);
    dk_buf_free(&x->raw);
    dk_buf_free(&x->work);
    dk_buf_free(&x->html);
    free(x);
}
