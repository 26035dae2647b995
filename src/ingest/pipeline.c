/*
 * pipeline.c - documents into the record (see pipeline.h): reading the
 * sources, the batched transactions, one document's rows.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
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
#include "../store/ckpt.h"

#define BATCH_SECONDS 2.0
#define BATCH_BYTES (16u << 20)

/* One unit of work handed from the reading thread to the writing one:
 * a document with what the engine found in it, or a failure to report,
 * or a document already stored. */
typedef enum { JOB_DOC, JOB_FAIL, JOB_SKIP, JOB_BYTES } job_kind;

typedef dk_span sent_span;

typedef struct job {
    struct job *next;
    job_kind kind;
    long line;
    dk_status st;                 /* JOB_FAIL */
    unsigned long long bytes;     /* input bytes read with it */
    size_t size;                  /* memory held, for the queue's bound */
    char *strings;                /* where, msg and the metadata */
    const char *where, *msg;
    dk_docmeta meta;
    char hash[17];
    char *text;                   /* text[0, n) as stored, then the cleaned copy */
    size_t n;
    char *rest;                   /* text without its sentences, or NULL */
    size_t rn;
    sent_span *sents;
    size_t nsents;
    dk_packed_mention *ments;     /* their text is clean + start */
    char *mstrings;               /* the arena of their strings */
    long *ment_sent;              /* index of each mention's sentence, -1 none */
    size_t nments;
    char *toks;                   /* the sentences' FTS5 tokens, or NULL */
    size_t *tokoff;               /* sentence i's: toks[tokoff[i], tokoff[i + 1]) */
} job;

/* Where the two threads' time goes, measured when $DOSTYK_INGEST_TIMES
 * is set and printed on stderr by dk_ingest_finish: CPU seconds of each
 * thread, the seconds each waited for the other, and the writing
 * thread's CPU by part (two threads only).  To find which side limits
 * an ingest. */
typedef struct ingest_times {
    int on;
    double read_cpu, read_wait;   /* reading thread; waits for room */
    double write_cpu, write_wait; /* writing thread; waits for work */
    double check, doc, sents, ments, commits;   /* of write_cpu */
    int ncommits;
} ingest_times;

#define QUEUE_BYTES (8u << 20)    /* documents waiting to be written */
#define QUEUE_WAKE (QUEUE_BYTES / 8)  /* queued before the writer is woken */

struct dk_ingest {
    dk_store *store;              /* written by the caller's thread */
    dk_ingest_opts o;
    /* the writing side (the caller's thread) */
    int in_tx;
    int fatal;                    /* the database failed: stop */
    int status;                   /* first failure */
    dk_ingest_stats done;         /* committed */
    long pend_added, pend_replaced;   /* in the open batch */
    long long pend_mentions;
    long batch_docs;
    double batch_t0;              /* when the open batch began */
    size_t batch_bytes;
    int64_t *sids;                /* sentence ids of the document written */
    size_t sids_cap;
    int64_t *msids;               /* the sentence id of each of its mentions */
    size_t msids_cap;
    /* the reading side (its own thread while a source is read) */
    dk_engine *engine;
    dk_store *peek;               /* read-only: skip stored documents early */
    dk_buf raw;                   /* a whole file */
    dk_buf work;                  /* the cleaned copy of a text */
    dk_buf html;                  /* text extracted from a page */
    dk_buf items;                 /* sentences and mentions of a document */
    dk_buf mstrings;              /* the strings of its mentions */
    dk_buf toks;                  /* their FTS5 tokens */
    /* the queue between them */
    int threaded;                 /* 0: each job is written at once */
    pthread_mutex_t mu;
    pthread_cond_t can_put, can_take;
    job *head, *tail;
    size_t queued;                /* bytes held by queued jobs */
    int reading;                  /* the reading thread runs */
    atomic_int stop;              /* the writer failed: read no further */
    const char *src_path;         /* what the reading thread reads */
    const char *src_buf, *src_name;
    size_t src_n;
    ingest_times t;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU seconds of the calling thread. */
static double thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* With times on, add the CPU seconds since *mark to *part and move
 * *mark on. */
static void lap(const dk_ingest *x, double *mark, double *part)
{
    if (!x->t.on)
        return;
    double t = thread_cpu();
    *part += t - *mark;
    *mark = t;
}

static void show_times(const ingest_times *t)
{
    fprintf(stderr, "ingest times: reading thread %.2f s CPU, waited %.2f s "
            "for room; writing thread %.2f s CPU, waited %.2f s for work "
            "(check %.2f, documents %.2f, sentences %.2f, mentions %.2f, "
            "%d commits %.2f)\n", t->read_cpu, t->read_wait, t->write_cpu,
            t->write_wait, t->check, t->doc, t->sents, t->ments, t->ncommits,
            t->commits);
}

static void note(dk_ingest *x, int st)
{
    if (st && !x->status)
        x->status = st;
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
    const char *tv = getenv("DOSTYK_INGEST_TIMES");
    x->t.on = tv && *tv;
    if (x->o.batch_docs < 1)
        x->o.batch_docs = DK_INGEST_BATCH;
    atomic_init(&x->stop, 0);
    pthread_mutex_init(&x->mu, NULL);
    pthread_cond_init(&x->can_put, NULL);
    pthread_cond_init(&x->can_take, NULL);
    dk_options eo = {.sentences = 1, .pack_dir = o->pack_dir};
    dk_status es;
    x->engine = dk_engine_new(&eo, &es);
    if (!x->engine) {
        snprintf(err, cap, "cannot start the engine: %s", dk_strerror(es));
        dk_ingest_close(x);
        return NULL;
    }
    /* a second, read-only connection lets the reading thread pass over
     * stored documents without running the engine; none is fine too */
    const char *file = sqlite3_db_filename(dk_store_db(store), "main");
    char perr[256];
    if (file && *file &&
        dk_store_open(file, 1, &x->peek, perr, sizeof perr) != DK_OK)
        x->peek = NULL;
    /* mapped pages would count in the ingest's memory, which must not
     * grow with the record */
    if (x->peek)
        sqlite3_exec(dk_store_db(x->peek), "PRAGMA mmap_size = 0", NULL,
                     NULL, NULL);
    return x;
}

/* ------------------------------------------------------------ jobs */

static void job_free(job *j)
{
    if (!j)
        return;
    free(j->strings);
    free(j->text);
    free(j->rest);
    free(j->sents);
    free(j->ments);
    free(j->mstrings);
    free(j->ment_sent);
    free(j->toks);
    free(j->tokoff);
    free(j);
}

/* Copy where, msg and the metadata strings into one block. */
static int job_strings(job *j, const char *where, const char *msg,
                       const dk_docmeta *m)
{
    const char *src[9] = {where, msg};
    if (m) {
        src[2] = m->name; src[3] = m->title; src[4] = m->date;
        src[5] = m->source; src[6] = m->url; src[7] = m->author;
        src[8] = m->path;
    }
    size_t total = 0;
    for (int i = 0; i < 9; i++)
        total += src[i] ? strlen(src[i]) + 1 : 0;
    j->strings = malloc(total ? total : 1);
    if (!j->strings)
        return -1;
    const char *dst[9] = {0};
    char *p = j->strings;
    for (int i = 0; i < 9; i++)
        if (src[i]) {
            size_t len = strlen(src[i]) + 1;
            memcpy(p, src[i], len);
            dst[i] = p;
            p += len;
        }
    j->where = dst[0];
    j->msg = dst[1];
    j->meta = (dk_docmeta){.name = dst[2], .title = dst[3], .date = dst[4],
                           .source = dst[5], .url = dst[6],
                           .author = dst[7], .path = dst[8]};
    j->size += total;
    return 0;
}

/* ------------------------------------------------------------ writing */

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

static void report(dk_ingest *x, const char *where, long line,
                   const char *msg)
{
    if (x->o.on_error)
        x->o.on_error(x->o.ctx, where, line, msg);
}

static dk_status commit(dk_ingest *x)
{
    if (!x->in_tx)
        return DK_OK;
    x->in_tx = 0;
    if (dk_store_commit(x->store)) {
        char msg[600];
        snprintf(msg, sizeof msg, "cannot commit: %s%s",
                 dk_store_errmsg(x->store),
                 dk_store_is_full(x->store) ? " (is the disk full?)" : "");
        report(x, "ingest", 0, msg);
        dk_store_rollback(x->store);
        x->fatal = 1;
        atomic_store(&x->stop, 1);
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
    char msg[700];
    snprintf(msg, sizeof msg, "database error: %s%s; the last %ld "
             "uncommitted documents were rolled back",
             dk_store_errmsg(x->store),
             dk_store_is_full(x->store) ? " (is the disk full?)" : "",
             x->pend_added);
    report(x, where, line, msg);
    dk_store_rollback(x->store);
    x->in_tx = 0;
    x->fatal = 1;
    atomic_store(&x->stop, 1);
    x->pend_added = x->pend_replaced = 0;
    x->pend_mentions = 0;
    return DK_ERR_DB;
}

/* Room for n ids in *v (*cap of them now).  Returns 0, or -1 out of
 * memory (*v unchanged). */
static int grow_ids(int64_t **v, size_t *cap, size_t n)
{
    if (n <= *cap)
        return 0;
    int64_t *p = realloc(*v, n * sizeof *p);
    if (!p)
        return -1;
    *v = p;
    *cap = n;
    return 0;
}

/* Write one document: its row, its sentences, its mentions. */
static dk_status write_doc(dk_ingest *x, job *j)
{
    const char *where = j->where;
    double mark = x->t.on ? thread_cpu() : 0;
    int what = dk_store_check(x->store, j->meta.name, j->hash);
    lap(x, &mark, &x->t.check);
    if (what < 0)
        return db_failure(x, where, j->line);
    if (what == 1) {
        x->done.skipped++;
        return DK_OK;
    }
    if (!x->in_tx) {
        if (dk_store_begin(x->store))
            return db_failure(x, where, j->line);
        x->in_tx = 1;
        x->batch_t0 = now();
    }
    /* a database failure from here on rolls the whole batch back */
    int64_t docid;
    if (j->rest ? dk_store_put_doc_cut(x->store, &j->meta, j->hash, j->n,
                                       j->rest, j->rn, &docid)
                : dk_store_put_doc(x->store, &j->meta, j->hash, j->text, j->n,
                                   &docid))
        return db_failure(x, where, j->line);
    lap(x, &mark, &x->t.doc);
    if (grow_ids(&x->sids, &x->sids_cap, j->nsents) ||
        grow_ids(&x->msids, &x->msids_cap, j->nments)) {
        report(x, where, j->line, "out of memory");
        x->fatal = 1;
        atomic_store(&x->stop, 1);
        dk_store_rollback(x->store);
        x->in_tx = 0;
        return DK_ERR_NOMEM;
    }
    const char *clean = j->text + j->n;
    dk_sent_tokens toks = {j->toks, j->tokoff};
    if (dk_store_put_sentences(x->store, docid, j->sents, j->nsents, clean,
                               j->toks ? &toks : NULL, x->sids))
        return db_failure(x, where, j->line);
    lap(x, &mark, &x->t.sents);
    for (size_t i = 0; i < j->nments; i++) {
        long si = j->ment_sent[i];
        x->msids[i] = si >= 0 ? x->sids[si] : 0;
    }
    if (dk_store_put_mentions(x->store, docid, j->ments, clean, j->mstrings,
                              x->msids, j->nments))
        return db_failure(x, where, j->line);
    lap(x, &mark, &x->t.ments);
    x->pend_added++;
    x->pend_replaced += what == 2;
    x->pend_mentions += (long long)j->nments;
    x->batch_docs++;
    x->batch_bytes += j->n;
    if (x->batch_docs >= x->o.batch_docs || x->batch_bytes >= BATCH_BYTES ||
        now() - x->batch_t0 >= BATCH_SECONDS) {
        dk_status st = commit(x);
        lap(x, &mark, &x->t.commits);
        x->t.ncommits++;
        return st;
    }
    return DK_OK;
}

/* Act on one job, then free it; returns its failure status. */
static dk_status consume(dk_ingest *x, job *j)
{
    dk_status st = DK_OK;
    x->done.bytes += j->bytes;
    if (x->fatal) {
        job_free(j);
        return DK_ERR_DB;
    }
    switch (j->kind) {
    case JOB_FAIL:
        x->done.failed++;
        report(x, j->where, j->line, j->msg);
        st = j->st;
        break;
    case JOB_SKIP:
        x->done.skipped++;
        break;
    case JOB_DOC:
        st = write_doc(x, j);
        break;
    case JOB_BYTES:
        break;
    }
    note(x, st);
    if (j->kind != JOB_BYTES)
        progress(x);
    job_free(j);
    return st;
}

/* ------------------------------------------------------------ the queue */

/* Hand a job to the writer (the reading thread); waits while the queue
 * is full.  Takes j in every case; returns -1 when the writer stopped. */
static int emit(dk_ingest *x, job *j)
{
    if (!x->threaded) {
        consume(x, j);
        return x->fatal ? -1 : 0;
    }
    pthread_mutex_lock(&x->mu);
    double t0 = x->t.on ? now() : 0;
    while (x->queued && x->queued + j->size > QUEUE_BYTES &&
           !atomic_load(&x->stop))
        pthread_cond_wait(&x->can_put, &x->mu);
    if (x->t.on)
        x->t.read_wait += now() - t0;
    if (atomic_load(&x->stop)) {
        pthread_mutex_unlock(&x->mu);
        job_free(j);
        return -1;
    }
    j->next = NULL;
    if (x->tail)
        x->tail->next = j;
    else
        x->head = j;
    x->tail = j;
    x->queued += j->size;
    /* likewise the writer, waiting for work, is woken when a share of
     * the queue is ready (or at the end of the source), not for every
     * document */
    if (x->queued >= QUEUE_WAKE)
        pthread_cond_signal(&x->can_take);
    pthread_mutex_unlock(&x->mu);
    return 0;
}

/* A failure to report, counted as failed (printf-style message). */
static void fail(dk_ingest *x, const char *where, long line, dk_status st,
                 unsigned long long bytes, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    job *j = calloc(1, sizeof *j);
    if (!j || job_strings(j, where, msg, NULL)) {
        /* no memory even for the message: say it directly */
        free(j);
        return;
    }
    j->kind = JOB_FAIL;
    j->line = line;
    j->st = st;
    j->bytes = bytes;
    j->size += sizeof *j;
    emit(x, j);
}

static void account(dk_ingest *x, job_kind kind, unsigned long long bytes)
{
    job *j = calloc(1, sizeof *j);
    if (!j)
        return;
    j->kind = kind;
    j->bytes = bytes;
    j->size = sizeof *j;
    emit(x, j);
}

/* ------------------------------------------------------------ reading */

/* The FTS5 tokens of j's sentences in the cleaned text, made here on the
 * reading thread so that the writing one, the ingest's slower side, need
 * not (see dk_fts_record); none when out of memory. */
static void record_tokens(dk_ingest *x, job *j, const char *clean)
{
    dk_buf *b = &x->toks;
    b->len = 0;
    size_t *off = malloc((j->nsents + 1) * sizeof *off);
    if (!off)
        return;
    for (size_t i = 0; i < j->nsents; i++) {
        off[i] = b->len;
        if (dk_fts_record(b, clean + j->sents[i].start,
                          j->sents[i].end - j->sents[i].start)) {
            free(off);
            return;
        }
    }
    off[j->nsents] = b->len;
    char *rec = malloc(b->len ? b->len : 1);
    if (!rec) {
        free(off);
        return;
    }
    memcpy(rec, b->data, b->len);
    j->toks = rec;
    j->tokoff = off;
    j->size += b->len + (j->nsents + 1) * sizeof *off;
}

/* The text of j without its sentences' bytes (they are stored in the
 * sentences' rows: see dk_store_put_doc_cut), when every sentence is
 * the stored text's own bytes (the cleaning changed none of them) and
 * they come in order; else none, and the whole text is stored. */
static void cut_text(job *j)
{
    const char *text = j->text, *clean = j->text + j->n;
    size_t prev = 0, kept = j->n;
    for (size_t i = 0; i < j->nsents; i++) {
        const sent_span *sp = &j->sents[i];
        if (sp->start < prev || sp->end < sp->start || sp->end > j->n ||
            memcmp(text + sp->start, clean + sp->start,
                   sp->end - sp->start) != 0)
            return;
        kept -= sp->end - sp->start;
        prev = sp->end;
    }
    char *rest = malloc(kept ? kept : 1);
    if (!rest)
        return;                   /* the whole text then */
    size_t at = 0, len = 0;
    for (size_t i = 0; i < j->nsents; i++) {
        memcpy(rest + len, text + at, j->sents[i].start - at);
        len += j->sents[i].start - at;
        at = j->sents[i].end;
    }
    memcpy(rest + len, text + at, j->n - at);
    j->rest = rest;
    j->rn = kept;
    j->size += kept;
}

/* Everything short of the database for one document held in memory:
 * checks, metadata from the text, the content hash, the engine.  text[0,
 * n) is the document as it will be stored; meta's NULL fields are filled
 * from the text itself.  bytes: input read with it. */
static void prepare_doc(dk_ingest *x, dk_docmeta *meta, const char *text,
                        size_t n, const char *where, long line,
                        unsigned long long bytes)
{
    if (n > DK_INGEST_MAX_DOC) {
        fail(x, where, line, DK_ERR_LIMIT, bytes, "document of %zu bytes "
             "exceeds the limit of %u MB", n, DK_INGEST_MAX_DOC >> 20);
        return;
    }
    if (memchr(text, '\0', n)) {
        fail(x, where, line, DK_ERR_BINARY, bytes,
             "binary data (a NUL byte), skipped");
        return;
    }
    size_t k = 0;
    while (k < n && (text[k] == ' ' || text[k] == '\n' || text[k] == '\r' ||
                     text[k] == '\t'))
        k++;
    if (k == n) {
        fail(x, where, line, DK_ERR_EMPTY, bytes, "empty document, no text");
        return;
    }
    x->work.len = 0;
    if (dk_buf_append(&x->work, text, n)) {
        fail(x, where, line, DK_ERR_NOMEM, bytes, "out of memory");
        return;
    }
    dk_textmeta tm;
    dk_text_clean(x->work.data, n, &tm);
    if (!meta->title && tm.title[0]) meta->title = tm.title;
    if (!meta->date && tm.date[0]) meta->date = tm.date;
    if (!meta->author && tm.author[0]) meta->author = tm.author;

    char hash[17];
    dk_store_hash(meta, text, n, hash);
    /* stored and committed already: no need to run the engine (the
     * writer checks again, for documents of its open batch) */
    if (x->peek && dk_store_check(x->peek, meta->name, hash) == 1) {
        account(x, JOB_SKIP, bytes);
        return;
    }
    dk_docctx probe;
    const char *date = meta->date && dk_parse_iso_date(meta->date, &probe)
                           ? meta->date : NULL;
    dk_doc *d = dk_doc_open(x->engine, meta->name, date);
    if (!d) {
        fail(x, where, line, DK_ERR_NOMEM, bytes, "out of memory");
        return;
    }
    dk_status st = dk_doc_feed(d, x->work.data, n);
    if (!st)
        st = dk_doc_finish(d);
    if (st) {
        fail(x, where, line, st, bytes, "%s, skipped",
             *dk_doc_errmsg(d) ? dk_doc_errmsg(d) : dk_strerror(st));
        dk_doc_close(d);
        return;
    }
    /* sentences and mentions, in the engine's order */
    size_t nsents = 0, nments = 0;
    const dk_mention *m;
    dk_buf *items = &x->items, *strs = &x->mstrings;
    items->len = 0;
    strs->len = 0;
    int oom = 0;
    while ((m = dk_doc_next(d)) != NULL && !oom) {
        if (m->kind == DK_SENTENCE) {
            sent_span sp = {m->start, m->end};
            oom = dk_buf_append(items, "S", 1) ||
                  dk_buf_append(items, (const char *)&sp, sizeof sp);
            nsents++;
        } else {
            /* packed here: the writing thread binds it as it is */
            dk_packed_mention pm;
            oom = dk_store_pack_mention(strs, m, &pm) ||
                  dk_buf_append(items, "M", 1) ||
                  dk_buf_append(items, (const char *)&pm, sizeof pm);
            nments++;
        }
    }
    dk_doc_close(d);
    job *j = oom ? NULL : calloc(1, sizeof *j);
    if (j) {
        j->kind = JOB_DOC;
        j->line = line;
        j->bytes = bytes;
        j->n = n;
        memcpy(j->hash, hash, sizeof hash);
        j->text = malloc(2 * n);
        j->sents = malloc((nsents ? nsents : 1) * sizeof *j->sents);
        j->ments = malloc((nments ? nments : 1) * sizeof *j->ments);
        j->ment_sent = malloc((nments ? nments : 1) * sizeof *j->ment_sent);
        j->mstrings = malloc(strs->len ? strs->len : 1);
        j->size = sizeof *j + 2 * n + nsents * sizeof *j->sents +
                  nments * (sizeof *j->ments + sizeof *j->ment_sent) +
                  strs->len;
        if (!j->text || !j->sents || !j->ments || !j->ment_sent ||
            !j->mstrings ||
            job_strings(j, where, NULL, meta)) {
            job_free(j);
            j = NULL;
        }
    }
    if (!j) {
        fail(x, where, line, DK_ERR_NOMEM, bytes, "out of memory");
        return;
    }
    memcpy(j->text, text, n);
    memcpy(j->text + n, x->work.data, n);
    if (strs->len)
        memcpy(j->mstrings, strs->data, strs->len);
    const char *p = items->data, *e = items->data + items->len;
    long cur = -1;
    while (p < e) {
        if (*p++ == 'S') {
            memcpy(&j->sents[j->nsents++], p, sizeof(sent_span));
            p += sizeof(sent_span);
            cur++;
        } else {
            memcpy(&j->ments[j->nments], p, sizeof(dk_packed_mention));
            j->ment_sent[j->nments++] = cur;
            p += sizeof(dk_packed_mention);
        }
    }
    cut_text(j);
    /* with one thread, tokenizing here would gain nothing */
    if (x->threaded)
        record_tokens(x, j, x->work.data);
    emit(x, j);
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
            fail(x, where, 0, DK_ERR_LIMIT, 0, "larger than the limit of "
                 "%u MB, skipped", DK_INGEST_MAX_DOC >> 20);
            return DK_ERR_LIMIT;
        }
        if (dk_buf_append(b, chunk, n)) {
            fail(x, where, 0, DK_ERR_NOMEM, 0, "out of memory");
            return DK_ERR_NOMEM;
        }
    }
    if (ferror(f)) {
        fail(x, where, 0, DK_ERR_IO, 0, "read error: %s", strerror(errno));
        return DK_ERR_IO;
    }
    return DK_OK;
}

static void read_text(dk_ingest *x, FILE *f, const char *name,
                      const char *path)
{
    if (slurp(x, f, name))
        return;
    dk_docmeta meta = {.name = name, .path = path};
    prepare_doc(x, &meta, x->raw.data ? x->raw.data : "", x->raw.len, name,
                0, x->raw.len);
}

static void read_html(dk_ingest *x, FILE *f, const char *name,
                      const char *path)
{
    if (slurp(x, f, name))
        return;
    const char *raw = x->raw.data ? x->raw.data : "";
    if (memchr(raw, '\0', x->raw.len)) {
        fail(x, name, 0, DK_ERR_BINARY, x->raw.len,
             "binary data (a NUL byte), skipped");
        return;
    }
    dk_htmlmeta hm;
    char err[256];
    x->html.len = 0;
    dk_status st = dk_html_extract(raw, x->raw.len, &x->html, &hm, err,
                                   sizeof err);
    if (st) {
        fail(x, name, 0, st, x->raw.len, "%s, skipped", err);
        return;
    }
    dk_docmeta meta = {.name = name, .path = path};
    if (hm.title[0]) meta.title = hm.title;
    if (hm.date[0]) meta.date = hm.date;
    if (hm.author[0]) meta.author = hm.author;
    if (hm.source[0]) meta.source = hm.source;
    if (hm.url[0]) meta.url = hm.url;
    prepare_doc(x, &meta, x->html.data, x->html.len, name, 0, x->raw.len);
}

/* One line of JSON Lines (with its newline, if any); blank lines are
 * passed over. */
static void jsonl_line(dk_ingest *x, const char *line, size_t len,
                       const char *path, long lineno)
{
    unsigned long long bytes = len;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    size_t k = 0;
    while (k < len && (line[k] == ' ' || line[k] == '\t'))
        k++;
    if (k == len) {
        account(x, JOB_BYTES, bytes);
        return;
    }
    char where[1024], err[512];
    snprintf(where, sizeof where, "%s:%ld", path, lineno);
    dk_record r;
    dk_status st = memchr(line, '\0', len) ? DK_ERR_BINARY
                   : dk_record_parse(line, len, &r, err, sizeof err);
    if (st) {
        fail(x, where, lineno, st, bytes, "%s, skipped",
             st == DK_ERR_BINARY ? "binary data (a NUL byte)" : err);
        return;
    }
    if (!r.id && x->o.need_id) {
        fail(x, where, lineno, DK_ERR_JSON, bytes, "no \"id\" field, skipped");
        dk_record_free(&r);
        return;
    }
    dk_docmeta meta = {.name = r.id ? r.id : where, .path = path,
                       .title = r.title, .date = r.date,
                       .source = r.source, .url = r.url,
                       .author = r.author};
    prepare_doc(x, &meta, r.text, r.text_len, where, lineno, bytes);
    dk_record_free(&r);
}

static void read_jsonl(dk_ingest *x, FILE *f, const char *path)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    while (!atomic_load(&x->stop) && (n = getline(&line, &cap, f)) >= 0)
        jsonl_line(x, line, (size_t)n, path, ++lineno);
    if (ferror(f))
        fail(x, path, 0, DK_ERR_IO, 0, "read error: %s", strerror(errno));
    free(line);
}

static void read_buffer(dk_ingest *x, const char *buf, size_t n,
                        const char *name)
{
    long lineno = 0;
    size_t at = 0;
    while (!atomic_load(&x->stop) && at < n) {
        const char *nl = memchr(buf + at, '\n', n - at);
        size_t len = nl ? (size_t)(nl - (buf + at)) + 1 : n - at;
        jsonl_line(x, buf + at, len, name, ++lineno);
        at += len;
    }
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static void read_file(dk_ingest *x, const char *path)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fail(x, path, 0, DK_ERR_IO, 0, "cannot open: %s, skipped",
             strerror(errno));
        return;
    }
    dk_ingest_format kind = x->o.format;
    if (kind == DK_INGEST_AUTO)
        kind = ends_with(path, ".jsonl") ? DK_INGEST_JSONL
             : dk_html_is_name(path) ? DK_INGEST_HTML : DK_INGEST_TEXT;
    const char *name = is_stdin ? "stdin" : path;
    if (kind == DK_INGEST_JSONL)
        read_jsonl(x, f, name);
    else if (kind == DK_INGEST_HTML)
        read_html(x, f, name, is_stdin ? NULL : path);
    else
        read_text(x, f, name, is_stdin ? NULL : path);
    if (!is_stdin)
        fclose(f);
}

static int skip_entry(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

/* Visit path: a file, or a folder in name order, recursively.  With
 * total set, only add up the sizes (x may be NULL then). */
static void visit(dk_ingest *x, const char *path, unsigned long long *total,
                  int depth)
{
    struct stat sb;
    if (strcmp(path, "-") == 0) {
        if (!total)
            read_file(x, path);
        return;
    }
    if (stat(path, &sb) != 0) {
        if (!total)
            fail(x, path, 0, DK_ERR_IO, 0, "cannot open: %s, skipped",
                 strerror(errno));
        return;
    }
    if (S_ISREG(sb.st_mode)) {
        if (total)
            *total += (unsigned long long)sb.st_size;
        else
            read_file(x, path);
        return;
    }
    if (!S_ISDIR(sb.st_mode) || depth > 64)
        return;
    struct dirent **list;
    int n = scandir(path, &list, skip_entry, alphasort);
    if (n < 0) {
        if (!total)
            fail(x, path, 0, DK_ERR_IO, 0, "cannot read the folder: %s",
                 strerror(errno));
        return;
    }
    for (int i = 0; i < n; i++) {
        if (total || !atomic_load(&x->stop)) {
            size_t len = strlen(path) + strlen(list[i]->d_name) + 2;
            char *child = malloc(len);
            if (child) {
                snprintf(child, len, "%s%s%s", path,
                         ends_with(path, "/") ? "" : "/", list[i]->d_name);
                visit(x, child, total, depth + 1);
                free(child);
            } else if (!total) {
                fail(x, path, 0, DK_ERR_NOMEM, 0, "out of memory");
            }
        }
        free(list[i]);
    }
    free(list);
}

/* The reading thread: the source set in x, then the end of the queue. */
static void *reader(void *arg)
{
    dk_ingest *x = arg;
    double cpu0 = x->t.on ? thread_cpu() : 0;
    if (x->src_path)
        visit(x, x->src_path, NULL, 0);
    else
        read_buffer(x, x->src_buf, x->src_n, x->src_name);
    pthread_mutex_lock(&x->mu);
    if (x->t.on)
        x->t.read_cpu += thread_cpu() - cpu0;
    x->reading = 0;
    pthread_cond_signal(&x->can_take);
    pthread_mutex_unlock(&x->mu);
    return NULL;
}

/* Read the source set in x on a thread of its own while this one writes;
 * without a thread, do both here.  Returns the first failure. */
static dk_status run(dk_ingest *x)
{
    int before = x->status;
    x->status = DK_OK;
    pthread_t t;
    x->reading = 1;
    double cpu0 = x->t.on ? thread_cpu() : 0;
    /* set before the thread starts: it reads it */
    x->threaded = x->o.threads != 1;
    if (x->threaded && pthread_create(&t, NULL, reader, x) != 0)
        x->threaded = 0;
    if (!x->threaded) {
        reader(x);
    } else {
        /* while both threads run, a third copies what they committed
         * from the log into the database file */
        dk_ckpt *ckpt = dk_ckpt_start(dk_store_db(x->store));
        pthread_mutex_lock(&x->mu);
        for (;;) {
            double t0 = x->t.on ? now() : 0;
            while (!x->head && x->reading)
                pthread_cond_wait(&x->can_take, &x->mu);
            if (x->t.on)
                x->t.write_wait += now() - t0;
            job *j = x->head;
            if (!j)
                break;
            x->head = j->next;
            if (!x->head)
                x->tail = NULL;
            x->queued -= j->size;
            /* the reader, waiting for room, is woken once half the
             * queue is free, not for every document taken: each wake is
             * a system call and a context switch on both sides */
            if (x->queued <= QUEUE_BYTES / 2)
                pthread_cond_signal(&x->can_put);
            pthread_mutex_unlock(&x->mu);
            consume(x, j);
            pthread_mutex_lock(&x->mu);
        }
        pthread_mutex_unlock(&x->mu);
        pthread_join(t, NULL);
        dk_ckpt_stop(ckpt);
        x->threaded = 0;
        if (x->t.on)
            x->t.write_cpu += thread_cpu() - cpu0;
    }
    dk_status st = x->status;
    x->status = before ? before : (int)st;
    return st;
}

dk_status dk_ingest_path(dk_ingest *x, const char *path)
{
    if (x->fatal)
        return DK_ERR_DB;
    x->src_path = path;
    x->src_buf = NULL;
    return run(x);
}

dk_status dk_ingest_jsonl_buf(dk_ingest *x, const char *buf, size_t n,
                              const char *name)
{
    if (x->fatal)
        return DK_ERR_DB;
    x->src_name = name;
    x->src_path = NULL;
    x->src_buf = buf;
    x->src_n = n;
    return run(x);
}

unsigned long long dk_ingest_size(const char *path)
{
    unsigned long long total = 0;
    visit(NULL, path, &total, 0);
    return total;
}

dk_status dk_ingest_finish(dk_ingest *x)
{
    if (!x->fatal && x->in_tx) {
        double mark = x->t.on ? thread_cpu() : 0, before = x->t.commits;
        note(x, commit(x));
        lap(x, &mark, &x->t.commits);
        x->t.write_cpu += x->t.commits - before;
        x->t.ncommits++;
    }
    if (x->t.on)
        show_times(&x->t);
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
    dk_store_close(x->peek);
    dk_buf_free(&x->raw);
    dk_buf_free(&x->work);
    dk_buf_free(&x->html);
    dk_buf_free(&x->items);
    dk_buf_free(&x->mstrings);
    dk_buf_free(&x->toks);
    free(x->sids);
    free(x->msids);
    pthread_mutex_destroy(&x->mu);
    pthread_cond_destroy(&x->can_put);
    pthread_cond_destroy(&x->can_take);
    free(x);
}
