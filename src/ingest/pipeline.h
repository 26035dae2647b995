/*
 * pipeline.h - documents into the record, shared by `dostyk ingest` and
 * the server's POST /api/ingest: read a source (a file, a folder, standard
 * input, or JSON Lines held in memory), turn each document into text and
 * metadata (plain text, JSON Lines records, HTML pages), run the engine
 * with sentences on, and write the document, its sentences (indexed by
 * FTS5) and its mentions.
 *
 * Documents are written in batches: one transaction per DK_INGEST_BATCH
 * documents (or 16 MB, or 2 s), so a crash loses at most the open batch
 * and leaves every committed document whole.  The engine runs before a
 * document is written, so a document it fails on leaves no rows.  A
 * document whose content hash is stored is skipped; one whose name is
 * stored with another hash replaces the old rows.  A bad file or record
 * is reported (on_error) and skipped; a failing database (a full disk)
 * rolls back the open batch and stops the run.
 *
 * Two threads: one reads the source and runs the engine, the caller's
 * writes to the database, with a bounded queue of documents between
 * them (8 MB), so memory stays flat whatever the corpus size.  The
 * reading thread also keeps a read-only connection to the same file, to
 * pass over stored documents without running the engine.  Callbacks are
 * only ever called on the caller's thread, in input order.
 *
 * Ownership: dk_ingest owns its engine, its read-only connection and
 * buffers, never the store (the caller opens and closes it, and must not
 * write through it while a batch is open).  One dk_ingest serves one
 * caller at a time.
 */
#ifndef DK_PIPELINE_H
#define DK_PIPELINE_H

#include <stdio.h>
#include "dostyk.h"
#include "../store/store.h"

#define DK_INGEST_BATCH 5000          /* documents per transaction */
#define DK_INGEST_MAX_DOC (32u << 20)   /* one document: larger is refused */

typedef enum dk_ingest_format {
    DK_INGEST_AUTO,     /* by file name: .jsonl, .html/.htm, else text */
    DK_INGEST_TEXT,
    DK_INGEST_JSONL,
    DK_INGEST_HTML,
} dk_ingest_format;

/* What a run did so far.  Documents of the open batch count once it
 * commits; progress reports them as added already. */
typedef struct dk_ingest_stats {
    long added, replaced, skipped, failed;
    long long mentions;
    unsigned long long bytes;     /* input bytes read */
} dk_ingest_stats;

/* One problem with one input: where names it ("file", "file:line"), line
 * is the JSON Lines line number (0 for whole files), msg is one line
 * without the where. */
typedef void (*dk_ingest_error_fn)(void *ctx, const char *where, long line,
                                   const char *msg);
/* Called after each input document. */
typedef void (*dk_ingest_progress_fn)(void *ctx, const dk_ingest_stats *s);

typedef struct dk_ingest_opts {
    dk_ingest_format format;
    long batch_docs;              /* 0: DK_INGEST_BATCH */
    const char *pack_dir;         /* the engine's pack, NULL for none */
    int need_id;                  /* JSON Lines records must have an "id" */
    int threads;                  /* 1: read and write on the caller's
                                   * thread; else reading and the engine
                                   * run on a second thread */
    dk_ingest_error_fn on_error;  /* may be NULL */
    dk_ingest_progress_fn on_progress;
    void *ctx;                    /* passed to both */
} dk_ingest_opts;

typedef struct dk_ingest dk_ingest;

/* A run over store with options o (copied).  NULL with err set when the
 * engine cannot start. */
dk_ingest *dk_ingest_open(dk_store *store, const dk_ingest_opts *o,
                          char *err, size_t cap);

/* A file, a folder (recursively, in name order, hidden entries left
 * out) or "-" for standard input. */
dk_status dk_ingest_path(dk_ingest *x, const char *path);

/* JSON Lines held in memory, named name in messages ("name:line"). */
dk_status dk_ingest_jsonl_buf(dk_ingest *x, const char *buf, size_t n,
                              const char *name);

/* Commit the open batch.  Returns the run's status: DK_OK, the first
 * failure of a document, or DK_ERR_DB when the database failed. */
dk_status dk_ingest_finish(dk_ingest *x);

/* True once the database failed: the run stopped, the batch rolled back. */
int dk_ingest_failed(const dk_ingest *x);

/* Committed counts (after dk_ingest_finish, everything). */
const dk_ingest_stats *dk_ingest_stats_of(const dk_ingest *x);

/* Start a new run on the same engine (after dk_ingest_finish): counts
 * and status back to zero, the callbacks' ctx replaced.  Not after the
 * database failed: close and reopen then. */
void dk_ingest_reset(dk_ingest *x, void *ctx);

/* Rolls back a batch still open, frees the engine and buffers. */
void dk_ingest_close(dk_ingest *x);

/* Bytes of the regular files under path (for an ETA); 0 for "-". */
unsigned long long dk_ingest_size(const char *path);

#endif
