/*
 * store.h - the record: documents, sentences and mentions in one SQLite
 * database (WAL mode), with an FTS5 index over the sentences.
 *
 * Schema (PRAGMA user_version = DK_STORE_VERSION; older files migrate on
 * open, newer ones are refused):
 *   docs(id, name UNIQUE, hash, title, date, source, url, author, path,
 *        bytes, text, added, cut)   cut = 1 (version 5): text holds the
 *        document without its sentences' bytes (dk_store_doc_text)
 *   sentences(id, doc, start, end, text)     text as it was indexed
 *   sentences_fts(text) FTS5, rowid = sentences.id, tokenizer "dostyk",
 *        its content read from sentences (version 4: no second copy)
 *   mentions(id, doc, sentence, start, end, text, kind, value, unit,
 *            qualifier, low, high, date, metric, period, subjects,
 *            change_value, change_unit, type, eid, event, cameo, actors,
 *            place, count)
 *   index mentions_event on mentions(event) for the chronology (version 2)
 *   mentions indexed by sentence only where a query needs it (version 3):
 *   dates (facts), metrics and entities (search filters)
 *   doc_rows(doc, sentence_lo, sentence_hi, sentences, mention_lo,
 *            mention_hi, mentions): a document's rows are found by their
 *   range of ids, with views doc_sentences and doc_mentions (WHERE doc =
 *   ?), not by an index on every row's document (version 4); whatever
 *   writes sentences or mentions keeps it (the dk_store_put_* do)
 * A document and all its rows are written inside one transaction, so a
 * crash leaves either the whole document or none of it.
 *
 * Ownership: dk_store owns its sqlite3 handle and prepared statements;
 * strings passed in are copied by SQLite.
 */
#ifndef DK_STORE_H
#define DK_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "dostyk.h"
#include "../base/buf.h"

#define DK_STORE_VERSION 5

typedef struct dk_store dk_store;

/* Metadata of one document; NULL fields are stored as NULL. */
typedef struct dk_docmeta {
    const char *name;       /* unique document id */
    const char *title, *date, *source, *url, *author, *path;
} dk_docmeta;

/* Open (creating when asked) the database at path and bring its schema
 * up to date.  readonly opens an existing file without writing.  On
 * failure returns DK_ERR_DB / DK_ERR_NOTFOUND with a message in err. */
dk_status dk_store_open(const char *path, int readonly, dk_store **out,
                        char *err, size_t cap);
void dk_store_close(dk_store *s);
sqlite3 *dk_store_db(dk_store *s);

/* The default database path: $DOSTYK_DB or "dostyk.db". */
const char *dk_store_default_path(void);

/* Last SQLite message on the handle. */
const char *dk_store_errmsg(dk_store *s);

dk_status dk_store_begin(dk_store *s);
dk_status dk_store_commit(dk_store *s);
void dk_store_rollback(dk_store *s);

/* 64-bit content hash (hex in out[17]) of the text and metadata. */
void dk_store_hash(const dk_docmeta *m, const char *text, size_t n,
                   char out[17]);

/* What to do with a document: 0 new, 1 same content already stored
 * (skip), 2 the name exists with other content (replace). -1 on error.
 * Works on read-only stores too. */
int dk_store_check(dk_store *s, const char *name, const char *hash);

/* Insert a document, first deleting any old one of the same name with
 * its sentences and mentions.  Sets *id. */
dk_status dk_store_put_doc(dk_store *s, const dk_docmeta *m,
                           const char *hash, const char *text, size_t n,
                           int64_t *id);
/* The same for a document whose n sentences will be stored with
 * dk_store_put_sentences, their text exactly the document's bytes
 * [start, end) (in order, not overlapping): its text column holds only
 * the bytes between them, rest[0, rn); bytes is the document's length. */
dk_status dk_store_put_doc_cut(dk_store *s, const dk_docmeta *m,
                               const char *hash, size_t bytes,
                               const char *rest, size_t rn, int64_t *id);
/* The text of document doc into out (NUL-terminated, not counted), from
 * its text column text[0, n) and cut as read from its row. */
dk_status dk_store_doc_text(sqlite3 *db, int64_t doc, const char *text,
                            size_t n, int cut, dk_buf *out);
dk_status dk_store_put_sentence(dk_store *s, int64_t doc, uint64_t start,
                                uint64_t end, const char *text, size_t n,
                                int64_t *id);
dk_status dk_store_put_mention(dk_store *s, int64_t doc, int64_t sentence,
                               const dk_mention *m);

/* A sentence of a document: bytes [start, end) of its text. */
typedef struct dk_span {
    uint64_t start, end;
} dk_span;

/* Tokens recorded (dk_fts_record) for n sentences: sentence i's are
 * rec[off[i], off[i + 1]). */
typedef struct dk_sent_tokens {
    const char *rec;
    const size_t *off;
} dk_sent_tokens;

/* Insert a document's n sentences at once (several rows per statement),
 * their FTS5 text taken from text + start, their tokens from toks when
 * not NULL; sets ids[0, n).  Faster than n calls of
 * dk_store_put_sentence; inside a transaction. */
dk_status dk_store_put_sentences(dk_store *s, int64_t doc, const dk_span *v,
                                 size_t n, const char *text,
                                 const dk_sent_tokens *toks, int64_t *ids);

/* A mention as dk_store_put_mentions binds it: a dk_mention is a
 * kilobyte of mostly empty fields, this a tenth of it, its strings in an
 * arena beside it.  Packed on the ingest's reading thread, the writing
 * one reads a few cache lines a mention instead of a dozen. */
enum { DK_PM_UNIT, DK_PM_DATE, DK_PM_METRIC, DK_PM_PERIOD, DK_PM_SUBJECTS,
       DK_PM_CHANGE_UNIT, DK_PM_TYPE, DK_PM_EID, DK_PM_EVENT, DK_PM_CAMEO,
       DK_PM_ACTORS, DK_PM_PLACE, DK_PM_STRINGS };
enum { DK_PM_VALUE = 1, DK_PM_RANGED = 2, DK_PM_CHANGE = 4, DK_PM_COUNT = 8 };
typedef struct dk_packed_mention {
    uint64_t start, end;          /* the mention's bytes in its text */
    double value, low, high, change_value, count;   /* as flags says */
    const char *kind;             /* dk_kind_name */
    const char *qualifier;        /* dk_qualifier_name, or NULL: none */
    unsigned flags;               /* DK_PM_VALUE, ... */
    uint32_t off[DK_PM_STRINGS];  /* string i: arena + off[i], len[i] */
    uint16_t len[DK_PM_STRINGS];  /* bytes; 0: NULL */
} dk_packed_mention;

/* Pack m into *out, its strings appended to arena (offsets from the
 * arena's start).  Returns DK_OK or DK_ERR_NOMEM. */
dk_status dk_store_pack_mention(dk_buf *arena, const dk_mention *m,
                                dk_packed_mention *out);

/* Insert n mentions of a document at once; sentence[i] is the id of
 * m[i]'s sentence (0: none), m[i]'s text is text + m[i].start and its
 * strings are in arena. */
dk_status dk_store_put_mentions(dk_store *s, int64_t doc,
                                const dk_packed_mention *m, const char *text,
                                const char *arena, const int64_t *sentence,
                                size_t n);

/* Status of the last failure: DK_ERR_IO when the disk is full. */
int dk_store_is_full(dk_store *s);

/* Register the "dostyk" FTS5 tokenizer on a connection (fts.c). */
dk_status dk_fts_register(sqlite3 *db);

/* Append to b the tokens the tokenizer gives FTS5 for the document text
 * text[0, n), to be replayed later (perhaps on another thread).  Returns
 * 0, or -1 out of memory. (fts.c) */
int dk_fts_record(dk_buf *b, const char *text, size_t n);

/* The next document text this thread's tokenizer is given, when its bytes
 * are text[0, n), takes its tokens from rec[0, len) (made by
 * dk_fts_record from the same bytes) instead of tokenizing them; once.
 * rec NULL: nothing to replay.  The caller keeps the memory until then.
 * (fts.c) */
void dk_fts_replay(const char *text, size_t n, const char *rec, size_t len);

/* Rewrite a user query into an FTS5 expression: quoted phrases, prefix
 * terms (word*), AND/OR/NOT/NEAR and parentheses pass through; any other
 * term is quoted so "$12bn" or "U.S." cannot be a syntax error.  Returns
 * a malloc'd string (caller frees) or NULL when out of memory. (fts.c) */
char *dk_fts_query(const char *q);

/* The snippet of a sentence text[0, n) for a rewritten query fts
 * (dk_fts_query's output), appended to b NUL-terminated: the words the
 * query finds (figures by value too, prefixes) marked "[...]", merged
 * into one mark when only spaces part them, at most `words` words around
 * the marks with "..." where the sentence is cut.  No FTS5 MATCH is run,
 * so a snippet costs a tokenization of its sentence.  (fts.c) */
struct dk_buf;
dk_status dk_fts_snippet(struct dk_buf *b, const char *fts, const char *text,
                         size_t n, int words);

/* Read a mention row (columns in the order of DK_MENTION_COLS) back into
 * m; strings point into the statement (valid until the next step). */
#define DK_MENTION_COLS \
    "m.start, m.end, m.text, m.kind, m.value, m.unit, m.qualifier, m.low, " \
    "m.high, m.date, m.metric, m.period, m.subjects, m.change_value, " \
    "m.change_unit, m.type, m.eid, m.event, m.cameo, m.actors, m.place, " \
    "m.count"
#define DK_MENTION_NCOLS 22
void dk_store_read_mention(sqlite3_stmt *st, int col, dk_mention *m);

/* Split a stored list of ids ("KZ,CN": subjects, actors) into ids;
 * returns how many (at most max; empty items skipped, long ones cut). */
int dk_store_split_ids(char (*ids)[DK_ID_MAX], int max, const char *v);

/* Kind name back to dk_kind (DK_KIND_NONE when unknown). */
dk_kind dk_kind_from_name(const char *s);

#endif
