/*
 * store.c - the record's database: opening, schema and migrations,
 * writing documents, sentences and mentions (see store.h).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store.h"
#include "../base/buf.h"

enum { ST_CHECK, ST_FIND_OLD, ST_DEL_FTS, ST_DEL_SENT, ST_DEL_MENT,
       ST_DEL_ROWS, ST_DEL_DOC, ST_PUT_DOC, ST_PUT_SENT, ST_PUT_FTS,
       ST_PUT_MENT, ST_SENT_NEXT, ST_ROWS_SENT, ST_ROWS_MENT, ST_COUNT };

static const char *const sql_text[ST_COUNT] = {
    [ST_CHECK] = "SELECT (SELECT hash FROM docs WHERE name = ?1), "
                 "EXISTS(SELECT 1 FROM docs WHERE hash = ?2)",
    [ST_FIND_OLD] = "SELECT id FROM docs WHERE name = ?1",
    [ST_DEL_FTS] = "DELETE FROM sentences_fts WHERE rowid IN "
                   "(SELECT id FROM doc_sentences WHERE doc = ?1)",
    [ST_DEL_SENT] = "DELETE FROM sentences WHERE id IN "
                    "(SELECT id FROM doc_sentences WHERE doc = ?1)",
    [ST_DEL_MENT] = "DELETE FROM mentions WHERE id IN "
                    "(SELECT id FROM doc_mentions WHERE doc = ?1)",
    [ST_DEL_ROWS] = "DELETE FROM doc_rows WHERE doc = ?1",
    [ST_DEL_DOC] = "DELETE FROM docs WHERE id = ?1",
    [ST_PUT_DOC] = "INSERT INTO docs(name, hash, title, date, source, url, "
                   "author, path, bytes, text, added, cut) VALUES "
                   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                   "strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?11)",
    [ST_PUT_SENT] = "INSERT INTO sentences(doc, start, end, text) VALUES "
                    "(?1, ?2, ?3, ?4)",
    [ST_PUT_FTS] = "INSERT INTO sentences_fts(rowid, text) VALUES (?1, ?2)",
    [ST_PUT_MENT] = "INSERT INTO mentions(doc, sentence, start, end, text, "
                    "kind, value, unit, qualifier, low, high, date, metric, "
                    "period, subjects, change_value, change_unit, type, eid, "
                    "event, cameo, actors, place, count) VALUES (?1, ?2, ?3, "
                    "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                    "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
    [ST_SENT_NEXT] = "SELECT coalesce(max(id), 0) + 1 FROM sentences",
    /* a document's rows span ids lo .. hi (widened by each call) */
    [ST_ROWS_SENT] = "INSERT INTO doc_rows(doc, sentence_lo, sentence_hi, "
                     "sentences) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(doc) DO "
                     "UPDATE SET "
                     "sentence_lo = min(coalesce(sentence_lo, ?2), ?2), "
                     "sentence_hi = max(coalesce(sentence_hi, ?3), ?3), "
                     "sentences = sentences + ?4",
    [ST_ROWS_MENT] = "INSERT INTO doc_rows(doc, mention_lo, mention_hi, "
                     "mentions) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(doc) DO "
                     "UPDATE SET "
                     "mention_lo = min(coalesce(mention_lo, ?2), ?2), "
                     "mention_hi = max(coalesce(mention_hi, ?3), ?3), "
                     "mentions = mentions + ?4",
};

/* Rows written by one statement of the batched inserts: a document's
 * rows go in statements of MULTI_MAX, then MULTI_MAX / 4, ... rows, so
 * the per-statement work of SQLite (cursors, halting) is paid once for
 * many rows. */
enum { MULTI_LEVELS = 4 };         /* statements of 1, 4, 16 and 64 rows */
#define MULTI_MAX 64
enum { M_SENT, M_MENT, M_COUNT };
#define MENT_COLS 24

static const char *const multi_head[M_COUNT] = {
    [M_SENT] = "INSERT OR ROLLBACK INTO sentences(id, doc, start, end, text) "
               "VALUES ",
    [M_MENT] = "INSERT OR ROLLBACK INTO mentions(doc, sentence, start, end, text, "
               "kind, value, unit, qualifier, low, high, date, metric, "
               "period, subjects, change_value, change_unit, type, eid, "
               "event, cameo, actors, place, count) VALUES ",
};
#define SENT_COLS 5
static const int multi_cols[M_COUNT] = {SENT_COLS, MENT_COLS};

struct dk_store {
    sqlite3 *db;
    sqlite3_stmt *st[ST_COUNT];
    int last_rc;
    int64_t sent_next;            /* id of the next sentence; 0: look it up */
    sqlite3_stmt *multi[M_COUNT][MULTI_LEVELS];   /* prepared on first use */
    /* which parameters of the mention statements hold NULL (binder) */
    unsigned char ment_null[MULTI_LEVELS][(MULTI_MAX * MENT_COLS + 7) / 8];
};

/* Migrations: migrations[v] brings a database from version v to v + 1. */
static const char *const migrations[] = {
    /* 0 -> 1: the first schema */
    "CREATE TABLE docs("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  hash TEXT NOT NULL,"
    "  title TEXT, date TEXT, source TEXT, url TEXT, author TEXT, path TEXT,"
    "  bytes INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  added TEXT NOT NULL);"
    "CREATE INDEX docs_hash ON docs(hash);"
    "CREATE INDEX docs_date ON docs(date);"
    "CREATE TABLE sentences("
    "  id INTEGER PRIMARY KEY,"
    "  doc INTEGER NOT NULL REFERENCES docs(id),"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL);"
    "CREATE INDEX sentences_doc ON sentences(doc);"
    /* columnsize=0: no per-row size table (dk_rank needs no lengths) */
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, tokenize = 'dostyk', "
    "columnsize = 0);"
    /* fewer, larger index segments: the pending terms flush at 16 MB */
    "INSERT INTO sentences_fts(sentences_fts, rank) VALUES('hashsize', 16777216);"
    "CREATE TABLE mentions("
    "  id INTEGER PRIMARY KEY,"
    "  doc INTEGER NOT NULL REFERENCES docs(id),"
    "  sentence INTEGER,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,"
    "  text TEXT NOT NULL, kind TEXT NOT NULL,"
    "  value REAL, unit TEXT, qualifier TEXT, low REAL, high REAL,"
    "  date TEXT, metric TEXT, period TEXT, subjects TEXT,"
    "  change_value REAL, change_unit TEXT,"
    "  type TEXT, eid TEXT, event TEXT, cameo TEXT, actors TEXT,"
    "  place TEXT, count REAL);"
    "CREATE INDEX mentions_doc ON mentions(doc);"
    "CREATE INDEX mentions_sentence ON mentions(sentence);"
    "CREATE INDEX mentions_metric ON mentions(metric) WHERE metric IS NOT NULL;"
    "CREATE INDEX mentions_eid ON mentions(eid) WHERE eid IS NOT NULL;",
    /* 1 -> 2: the event mentions, found without a scan (store/events.c) */
    "CREATE INDEX mentions_event ON mentions(event) WHERE event IS NOT NULL;",
    /* 2 -> 3: no index on every mention's sentence (the costliest to keep
     * up on ingest); what looks mentions up by sentence has a partial
     * index: dates (facts), metrics and entities (search filters) */
    "DROP INDEX IF EXISTS mentions_sentence;"
    "DROP INDEX IF EXISTS mentions_metric;"
    "DROP INDEX IF EXISTS mentions_eid;"
    "CREATE INDEX IF NOT EXISTS mentions_date ON mentions(sentence, date) "
    "WHERE kind = 'date';"
    "CREATE INDEX mentions_metric ON mentions(metric, sentence) "
    "WHERE metric IS NOT NULL;"
    "CREATE INDEX mentions_eid ON mentions(eid, sentence) "
    "WHERE eid IS NOT NULL;",
    /* 3 -> 4: a sentence's text in its own row, the FTS5 index reading it
     * from there (external content) instead of keeping a second copy;
     * the rows of a document found by their id range (doc_rows) instead
     * of an index on every sentence's and mention's document: fewer
     * b-tree inserts for every sentence and mention ingested (see
     * to_version_4) */
    NULL,
    /* 4 -> 5: a document's text without its sentences' bytes, which are
     * in their rows already (cut = 1; see dk_store_put_doc_cut): the
     * text is not stored twice.  Documents stored before keep their
     * whole text (cut = 0).  See to_version_5. */
    NULL,
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

const char *dk_store_default_path(void)
{
    const char *p = getenv("DOSTYK_DB");
    return p && *p ? p : "dostyk.db";
}

sqlite3 *dk_store_db(dk_store *s) { return s->db; }

const char *dk_store_errmsg(dk_store *s) { return sqlite3_errmsg(s->db); }

static dk_status fail(dk_store *s, int rc)
{
    s->last_rc = rc;
    return DK_ERR_DB;
}

int dk_store_is_full(dk_store *s)
{
    int rc = s->last_rc & 0xff;
    return rc == SQLITE_FULL || rc == SQLITE_IOERR;
}

static dk_status exec(dk_store *s, const char *sql)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? DK_OK : fail(s, rc);
}

/* Does the query sql give a row? -1 when it fails. */
static int any_row(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Migration 3 -> 4, second part: each document's first and last
 * sentence and mention ids, and how many, in doc_rows (a document's rows
 * are written together, so its ids are consecutive), the views that read
 * a document's rows through them, and the indexes they replace dropped.
 * Done again, it changes nothing. */
static dk_status to_doc_rows(dk_store *s)
{
    return exec(s,
        "CREATE TABLE IF NOT EXISTS doc_rows("
        "  doc INTEGER PRIMARY KEY,"
        "  sentence_lo INTEGER, sentence_hi INTEGER,"
        "  sentences INTEGER NOT NULL DEFAULT 0,"
        "  mention_lo INTEGER, mention_hi INTEGER,"
        "  mentions INTEGER NOT NULL DEFAULT 0);"
        "INSERT INTO doc_rows(doc, sentence_lo, sentence_hi, sentences) "
        "SELECT doc, min(id), max(id), count(*) FROM sentences WHERE 1 "
        "GROUP BY doc ON CONFLICT(doc) DO UPDATE SET "
        "sentence_lo = excluded.sentence_lo, "
        "sentence_hi = excluded.sentence_hi, sentences = excluded.sentences;"
        "INSERT INTO doc_rows(doc, mention_lo, mention_hi, mentions) "
        "SELECT doc, min(id), max(id), count(*) FROM mentions WHERE 1 "
        "GROUP BY doc ON CONFLICT(doc) DO UPDATE SET "
        "mention_lo = excluded.mention_lo, "
        "mention_hi = excluded.mention_hi, mentions = excluded.mentions;"
        "DROP INDEX IF EXISTS sentences_doc;"
        "DROP INDEX IF EXISTS mentions_doc;"
        "CREATE VIEW IF NOT EXISTS doc_sentences AS SELECT s.* FROM doc_rows r "
        "JOIN sentences s ON s.id BETWEEN r.sentence_lo AND r.sentence_hi "
        "AND s.doc = r.doc;"
        "CREATE VIEW IF NOT EXISTS doc_mentions AS SELECT m.* FROM doc_rows r "
        "JOIN mentions m ON m.id BETWEEN r.mention_lo AND r.mention_hi "
        "AND m.doc = r.doc;");
}

/* Migration 3 -> 4.  The sentences get a text column filled from the
 * FTS5 table's own copy; a new FTS5 table with the sentences as its
 * content takes over the old one's index as it is (the index does not
 * depend on where the content lives, so nothing is tokenized again);
 * then the old table goes.  Each step is skipped when already done (a
 * file whose version number was lowered by hand).  Then to_doc_rows. */
static dk_status to_version_4(dk_store *s)
{
    int has_text = any_row(s->db, "SELECT 1 FROM pragma_table_info("
                                  "'sentences') WHERE name = 'text'");
    int has_copy = any_row(s->db, "SELECT 1 FROM sqlite_master WHERE "
                                  "name = 'sentences_fts_content'");
    if (has_text < 0 || has_copy < 0)
        return fail(s, sqlite3_errcode(s->db));
    if (!has_text && exec(s, "ALTER TABLE sentences ADD COLUMN text TEXT"))
        return DK_ERR_DB;
    if (has_copy && exec(s,
        "UPDATE sentences SET text = (SELECT c0 FROM sentences_fts_content c "
        "WHERE c.id = sentences.id);"
        "CREATE VIRTUAL TABLE sentences_fts_v4 USING fts5(text, "
        "tokenize = 'dostyk', columnsize = 0, content = 'sentences', "
        "content_rowid = 'id');"
        "DELETE FROM sentences_fts_v4_data;"
        "DELETE FROM sentences_fts_v4_idx;"
        "DELETE FROM sentences_fts_v4_config;"
        "INSERT INTO sentences_fts_v4_data SELECT * FROM sentences_fts_data;"
        "INSERT INTO sentences_fts_v4_idx SELECT * FROM sentences_fts_idx;"
        "INSERT INTO sentences_fts_v4_config SELECT * FROM "
        "sentences_fts_config;"
        "DROP TABLE sentences_fts;"
        "ALTER TABLE sentences_fts_v4 RENAME TO sentences_fts;"))
        return DK_ERR_DB;
    return to_doc_rows(s);
}

/* Migration 4 -> 5: the docs get their cut column, unless they have it
 * already (a file whose version number was lowered by hand). */
static dk_status to_version_5(dk_store *s)
{
    int has_cut = any_row(s->db, "SELECT 1 FROM pragma_table_info('docs') "
                                 "WHERE name = 'cut'");
    if (has_cut < 0)
        return fail(s, sqlite3_errcode(s->db));
    return has_cut ? DK_OK : exec(s, "ALTER TABLE docs ADD COLUMN cut "
                                     "INTEGER NOT NULL DEFAULT 0");
}

/* A migration done in C: from version v. */
static dk_status migrate_step(dk_store *s, int v)
{
    return v == 3 ? to_version_4(s) : to_version_5(s);
}

static dk_status migrate(dk_store *s, char *err, size_t cap)
{
    sqlite3_stmt *st;
    int version = 0;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL))
        goto bad;
    if (sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (version > NMIGRATIONS) {
        snprintf(err, cap, "database schema version %d is newer than this "
                 "dostyk (%d)", version, NMIGRATIONS);
        return DK_ERR_DB;
    }
    for (int v = version; v < NMIGRATIONS; v++) {
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
        if (exec(s, "BEGIN IMMEDIATE") ||
            (migrations[v] ? exec(s, migrations[v])
                           : migrate_step(s, v)) ||
            exec(s, bump) || exec(s, "COMMIT")) {
            snprintf(err, cap, "schema migration %d -> %d failed: %s", v,
                     v + 1, sqlite3_errmsg(s->db));
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return DK_ERR_DB;
        }
    }
    return DK_OK;
bad:
    snprintf(err, cap, "%s", sqlite3_errmsg(s->db));
    return DK_ERR_DB;
}

/* SQLite's process-wide settings, before its first use: no memory
 * statistics (a mutex and counters on every malloc and free), and
 * multi-thread mode (no mutex per connection: a connection is only ever
 * used by one thread at a time here).  When SQLite was started already
 * the calls fail harmlessly and the defaults stay. */
static void configure(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
}

dk_status dk_store_open(const char *path, int readonly, dk_store **out,
                        char *err, size_t cap)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, configure);
    *out = NULL;
    dk_store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, cap, "out of memory");
        return DK_ERR_NOMEM;
    }
    int flags = readonly ? SQLITE_OPEN_READONLY
                         : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
    if (rc) {
        snprintf(err, cap, "%s: cannot open the database: %s", path,
                 s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        dk_store_close(s);
        return readonly && rc == SQLITE_CANTOPEN ? DK_ERR_NOTFOUND : DK_ERR_DB;
    }
    sqlite3_busy_timeout(s->db, 5000);
    sqlite3_extended_result_codes(s->db, 1);
    if (dk_fts_register(s->db)) {
        snprintf(err, cap, "%s: cannot register the tokenizer: %s", path,
                 sqlite3_errmsg(s->db));
        dk_store_close(s);
        return DK_ERR_DB;
    }
    /* 8 MB of page cache at most: memory must not grow with the corpus.
     * A new file gets 16 KB pages (before WAL mode, which fixes the size,
     * and before the cache size, which SQLite counts in pages of the
     * size it knows then):
     * an ingest writes each page twice (WAL, then the checkpoint), one
     * system call each, and with 4 KB pages those calls cost the writing
     * thread a fifth of its time; the index b-trees are shallower too.
     * An existing file keeps its page size. */
    if ((!readonly && exec(s, "PRAGMA page_size = 16384")) ||
        exec(s, "PRAGMA cache_size = -8000") ||
        (!readonly && (exec(s, "PRAGMA journal_mode = WAL") ||
                       exec(s, "PRAGMA synchronous = NORMAL") ||
                       exec(s, "PRAGMA foreign_keys = OFF")))) {
        snprintf(err, cap, "%s: %s", path, sqlite3_errmsg(s->db));
        dk_store_close(s);
        return DK_ERR_DB;
    }
    /* a test hook: DOSTYK_MAX_PAGES caps the file, to play a full disk
     * (in 4 KB pages, whatever the file's page size) */
    const char *maxp = getenv("DOSTYK_MAX_PAGES");
    if (!readonly && maxp && *maxp) {
        char sql[64];
        long pages = strtol(maxp, NULL, 10), size = 4096;
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(s->db, "PRAGMA page_size", -1, &q, NULL) ==
            SQLITE_OK) {
            if (sqlite3_step(q) == SQLITE_ROW)
                size = sqlite3_column_int(q, 0);
            sqlite3_finalize(q);
        }
        if (size >= 4096)
            pages = pages / (size / 4096);
        snprintf(sql, sizeof sql, "PRAGMA max_page_count = %ld",
                 pages > 1 ? pages : 1);
        exec(s, sql);
    }
    dk_status st;
    if (!readonly && (st = migrate(s, err, cap))) {
        dk_store_close(s);
        return st;
    }
    if (readonly) {
        /* readers (search, serve) map the file: a page costs no read()
         * call and no copy, a third of a typical search's time */
        exec(s, "PRAGMA mmap_size = 1073741824");
        sqlite3_stmt *q;
        int version = 0;
        if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &q, NULL) ==
            SQLITE_OK) {
            if (sqlite3_step(q) == SQLITE_ROW)
                version = sqlite3_column_int(q, 0);
            sqlite3_finalize(q);
        } else {
            snprintf(err, cap, "%s: not a database: %s", path,
                     sqlite3_errmsg(s->db));
            dk_store_close(s);
            return DK_ERR_DB;
        }
        if (version >= 1 && version < DK_STORE_VERSION) {
            /* a record of an older dostyk: migrate it once, as ingest
             * would, then read it (when the file cannot be written, the
             * message below says what to do) */
            dk_store *w;
            char werr[256];
            dk_store_close(s);
            if (dk_store_open(path, 0, &w, werr, sizeof werr) == DK_OK) {
                dk_store_close(w);
                return dk_store_open(path, 1, out, err, cap);
            }
            snprintf(err, cap, "%s: schema version %d, want %d, and it "
                     "cannot be migrated here: %s", path, version,
                     DK_STORE_VERSION, werr);
            return DK_ERR_DB;
        }
        if (version != DK_STORE_VERSION) {
            snprintf(err, cap, "%s: schema version %d, want %d (run "
                     "'dostyk ingest' once to migrate it)", path, version,
                     DK_STORE_VERSION);
            dk_store_close(s);
            return DK_ERR_DB;
        }
        *out = s;
        return DK_OK;
    }
    for (int i = 0; i < ST_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, sql_text[i], -1,
                               SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL)) {
            snprintf(err, cap, "%s: %s", path, sqlite3_errmsg(s->db));
            dk_store_close(s);
            return DK_ERR_DB;
        }
    *out = s;
    return DK_OK;
}

void dk_store_close(dk_store *s)
{
    if (!s)
        return;
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(s->st[i]);
    for (int k = 0; k < M_COUNT; k++)
        for (int l = 0; l < MULTI_LEVELS; l++)
            sqlite3_finalize(s->multi[k][l]);
    sqlite3_close(s->db);
    free(s);
}

dk_status dk_store_begin(dk_store *s)
{
    s->sent_next = 0;
    return exec(s, "BEGIN IMMEDIATE");
}

dk_status dk_store_commit(dk_store *s) { return exec(s, "COMMIT"); }

void dk_store_rollback(dk_store *s)
{
    s->sent_next = 0;
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
    /* a field separator keeps ("ab","c") apart from ("a","bc") */
    if (s)
        h = fnv(h, s, strlen(s));
    return fnv(h, "\x1f", 1);
}

void dk_store_hash(const dk_docmeta *m, const char *text, size_t n,
                   char out[17])
{
    uint64_t h = 0xcbf29ce484222325ULL;
    h = fnv(h, text, n);
    h = fnv_str(h, m->title);
    h = fnv_str(h, m->date);
    h = fnv_str(h, m->source);
    h = fnv_str(h, m->url);
    h = fnv_str(h, m->author);
    /* mix the length in, then finalise (splitmix64) */
    h ^= (uint64_t)n * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 30; h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27; h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static int run(dk_store *s, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        s->last_rc = rc;
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : rc;
}

int dk_store_check(dk_store *s, const char *name, const char *hash)
{
    /* a read-only store prepares it on first use */
    if (!s->st[ST_CHECK]) {
        int rc = sqlite3_prepare_v3(s->db, sql_text[ST_CHECK], -1,
                                    SQLITE_PREPARE_PERSISTENT,
                                    &s->st[ST_CHECK], NULL);
        if (rc) {
            s->last_rc = rc;
            return -1;
        }
    }
    sqlite3_stmt *st = s->st[ST_CHECK];
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st), result = -1;
    if (rc == SQLITE_ROW) {
        const unsigned char *old = sqlite3_column_text(st, 0);
        int any = sqlite3_column_int(st, 1);
        if (old && strcmp((const char *)old, hash) == 0)
            result = 1;
        else if (old)
            result = 2;
        else
            result = any ? 1 : 0;   /* same content under another name */
    } else {
        s->last_rc = rc;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return result;
}

/* Insert a document's row (see dk_store_put_doc): text[0, n) as its
 * text column, bytes its length, cut as in dk_store_put_doc_cut. */
static dk_status put_doc(dk_store *s, const dk_docmeta *m, const char *hash,
                         const char *text, size_t n, size_t bytes, int cut,
                         int64_t *id)
{
    sqlite3_stmt *st = s->st[ST_FIND_OLD];
    sqlite3_bind_text(st, 1, m->name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    int64_t old = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(s, rc);
    if (old >= 0) {
        static const int del[] = {ST_DEL_FTS, ST_DEL_SENT, ST_DEL_MENT,
                                  ST_DEL_ROWS, ST_DEL_DOC};
        for (size_t i = 0; i < sizeof del / sizeof del[0]; i++) {
            sqlite3_bind_int64(s->st[del[i]], 1, old);
            if ((rc = run(s, s->st[del[i]])))
                return fail(s, rc);
        }
    }
    st = s->st[ST_PUT_DOC];
    sqlite3_bind_text(st, 1, m->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
    bind_text(st, 3, m->title);
    bind_text(st, 4, m->date);
    bind_text(st, 5, m->source);
    bind_text(st, 6, m->url);
    bind_text(st, 7, m->author);
    bind_text(st, 8, m->path);
    sqlite3_bind_int64(st, 9, (sqlite3_int64)bytes);
    sqlite3_bind_text64(st, 10, text, n, SQLITE_STATIC, SQLITE_UTF8);
    sqlite3_bind_int(st, 11, cut);
    if ((rc = run(s, st)))
        return fail(s, rc);
    *id = sqlite3_last_insert_rowid(s->db);
    return DK_OK;
}

dk_status dk_store_put_doc(dk_store *s, const dk_docmeta *m,
                           const char *hash, const char *text, size_t n,
                           int64_t *id)
{
    return put_doc(s, m, hash, text, n, n, 0, id);
}

dk_status dk_store_put_doc_cut(dk_store *s, const dk_docmeta *m,
                               const char *hash, size_t bytes,
                               const char *rest, size_t rn, int64_t *id)
{
    return put_doc(s, m, hash, rest, rn, bytes, 1, id);
}

dk_status dk_store_doc_text(sqlite3 *db, int64_t doc, const char *text,
                            size_t n, int cut, dk_buf *out)
{
    out->len = 0;
    if (!cut)
        return dk_buf_append(out, text, n);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "SELECT start, end, text FROM doc_sentences "
                           "WHERE doc = ?1 ORDER BY id", -1, &q, NULL))
        return DK_ERR_DB;
    sqlite3_bind_int64(q, 1, doc);
    size_t at = 0, used = 0;      /* in the document; in text */
    dk_status st = DK_OK;
    int rc;
    while (!st && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        size_t start = (size_t)sqlite3_column_int64(q, 0);
        const char *t = (const char *)sqlite3_column_text(q, 2);
        size_t len = (size_t)sqlite3_column_bytes(q, 2);
        if (start < at || start - at > n - used) {
            st = DK_ERR_DB;     /* not what dk_store_put_doc_cut wrote */
            break;
        }
        st = dk_buf_append(out, text + used, start - at);
        if (!st && len)
            st = dk_buf_append(out, t, len);
        used += start - at;
        at = start + len;
    }
    if (!st && rc != SQLITE_DONE)
        st = DK_ERR_DB;
    sqlite3_finalize(q);
    if (!st)
        st = dk_buf_append(out, text + used, n - used);
    /* a NUL after the text, as SQLite gives one */
    if (!st && !(st = dk_buf_putc(out, '\0')))
        out->len--;
    return st;
}

/* Note n more sentence (ST_ROWS_SENT) or mention (ST_ROWS_MENT) rows
 * of doc, with ids lo .. hi. */
static int note_rows(dk_store *s, int which, int64_t doc, int64_t lo,
                     int64_t hi, size_t n)
{
    sqlite3_stmt *st = s->st[which];
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int64(st, 2, lo);
    sqlite3_bind_int64(st, 3, hi);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)n);
    return run(s, st);
}

dk_status dk_store_put_sentence(dk_store *s, int64_t doc, uint64_t start,
                                uint64_t end, const char *text, size_t n,
                                int64_t *id)
{
    sqlite3_stmt *st = s->st[ST_PUT_SENT];
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)start);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)end);
    sqlite3_bind_text64(st, 4, text, n, SQLITE_STATIC, SQLITE_UTF8);
    int rc = run(s, st);
    if (rc)
        return fail(s, rc);
    *id = sqlite3_last_insert_rowid(s->db);
    s->sent_next = *id + 1;
    st = s->st[ST_PUT_FTS];
    sqlite3_bind_int64(st, 1, *id);
    sqlite3_bind_text64(st, 2, text, n, SQLITE_STATIC, SQLITE_UTF8);
    if ((rc = run(s, st)) || (rc = note_rows(s, ST_ROWS_SENT, doc, *id, *id, 1)))
        return fail(s, rc);
    return DK_OK;
}

/* Binds the parameters of a statement.  A statement keeps its
 * parameters from one run to the next, and binding NULL costs SQLite as
 * much as binding a value: where null is set (bit i for parameter i + 1),
 * a NULL is bound only over a parameter that holds something else. */
typedef struct binder {
    sqlite3_stmt *st;
    unsigned char *null;
} binder;

static void bind_mention(binder *b, int k, int64_t doc, int64_t sentence,
                         const dk_packed_mention *m, const char *mtext,
                         const char *arena);

/* Append string i of p, v[0, n) (n = 0: NULL), to the arena. */
static dk_status pack_str(dk_buf *a, dk_packed_mention *p, int i,
                          const char *v, size_t n)
{
    p->off[i] = (uint32_t)a->len;
    p->len[i] = (uint16_t)n;
    return n ? dk_buf_append(a, v, n) : DK_OK;
}

/* A NUL-terminated field of a dk_mention as string i of p. */
static dk_status pack_field(dk_buf *a, dk_packed_mention *p, int i,
                            const char *v, size_t cap)
{
    return pack_str(a, p, i, v, strnlen(v, cap));
}

/* Ids joined by commas ("KZ,CN") as string i of p. */
static dk_status pack_ids(dk_buf *a, dk_packed_mention *p, int i,
                          const char (*ids)[DK_ID_MAX], int n)
{
    size_t at = a->len;
    dk_status st = DK_OK;
    for (int k = 0; k < n && !st; k++) {
        if (k)
            st = dk_buf_putc(a, ',');
        if (!st)
            st = dk_buf_append(a, ids[k], strnlen(ids[k], DK_ID_MAX));
    }
    p->off[i] = (uint32_t)at;
    p->len[i] = (uint16_t)(a->len - at);
    return st;
}

dk_status dk_store_pack_mention(dk_buf *a, const dk_mention *m,
                                dk_packed_mention *p)
{
    memset(p, 0, sizeof *p);
    p->start = m->start;
    p->end = m->end;
    p->kind = dk_kind_name(m->kind);
    if (m->has_value) {
        p->flags |= DK_PM_VALUE;
        p->value = m->value;
        if (m->kind != DK_EVENT)
            p->qualifier = dk_qualifier_name(m->qualifier);
        if (m->qualifier == DK_Q_RANGE) {
            p->flags |= DK_PM_RANGED;
            p->low = m->low;
            p->high = m->high;
        }
    }
    if (m->has_change) {
        p->flags |= DK_PM_CHANGE;
        p->change_value = m->change_value;
    }
    if (m->has_count) {
        p->flags |= DK_PM_COUNT;
        p->count = m->count;
    }
    dk_status st = pack_field(a, p, DK_PM_UNIT, m->unit, sizeof m->unit);
    if (!st) st = pack_field(a, p, DK_PM_DATE, m->date, sizeof m->date);
    if (!st) st = pack_field(a, p, DK_PM_METRIC, m->metric, sizeof m->metric);
    if (!st) st = pack_field(a, p, DK_PM_PERIOD, m->period, sizeof m->period);
    if (!st) st = pack_ids(a, p, DK_PM_SUBJECTS, m->subjects, m->nsubjects);
    if (!st && m->has_change)
        st = pack_field(a, p, DK_PM_CHANGE_UNIT, m->change_unit,
                        sizeof m->change_unit);
    if (!st) st = pack_field(a, p, DK_PM_TYPE, m->type, sizeof m->type);
    if (!st) st = pack_field(a, p, DK_PM_EID, m->id, sizeof m->id);
    if (!st) st = pack_field(a, p, DK_PM_EVENT, m->event, sizeof m->event);
    if (!st) st = pack_field(a, p, DK_PM_CAMEO, m->cameo, sizeof m->cameo);
    if (!st) st = pack_ids(a, p, DK_PM_ACTORS, m->actors, m->nactors);
    if (!st) st = pack_field(a, p, DK_PM_PLACE, m->place, sizeof m->place);
    return st;
}

dk_status dk_store_put_mention(dk_store *s, int64_t doc, int64_t sentence,
                               const dk_mention *m)
{
    sqlite3_stmt *st = s->st[ST_PUT_MENT];
    dk_buf arena = {0};
    dk_packed_mention p;
    if (dk_store_pack_mention(&arena, m, &p)) {
        dk_buf_free(&arena);
        s->last_rc = SQLITE_NOMEM;
        return DK_ERR_NOMEM;
    }
    binder b = {st, NULL};      /* run() clears the parameters */
    bind_mention(&b, 0, doc, sentence, &p, m->text, arena.data);
    int rc = run(s, st);
    dk_buf_free(&arena);
    if (!rc) {
        int64_t id = sqlite3_last_insert_rowid(s->db);
        rc = note_rows(s, ST_ROWS_MENT, doc, id, id, 1);
    }
    return rc ? fail(s, rc) : DK_OK;
}

/* The statement inserting `rows` (1, 4, 16 or 64) rows of kind k. */
static sqlite3_stmt *multi_stmt(dk_store *s, int k, int level)
{
    if (s->multi[k][level])
        return s->multi[k][level];
    int rows = 1 << (2 * level), cols = multi_cols[k];
    dk_buf b = {0};
    int bad = dk_buf_append(&b, multi_head[k], strlen(multi_head[k]));
    for (int r = 0; r < rows && !bad; r++) {
        bad |= dk_buf_append(&b, r ? ",(" : "(", r ? 2 : 1);
        for (int c = 0; c < cols && !bad; c++)
            bad |= dk_buf_append(&b, c ? ",?" : "?", c ? 2 : 1);
        bad |= dk_buf_putc(&b, ')');
    }
    bad |= dk_buf_putc(&b, '\0');
    if (bad) {
        dk_buf_free(&b);
        s->last_rc = SQLITE_NOMEM;
        return NULL;
    }
    int rc = sqlite3_prepare_v3(s->db, b.data, -1, SQLITE_PREPARE_PERSISTENT,
                                &s->multi[k][level], NULL);
    dk_buf_free(&b);
    if (rc) {
        s->last_rc = rc;
        return NULL;
    }
    /* a new statement's parameters are all NULL */
    if (k == M_MENT)
        memset(s->ment_null[level], 0xff, sizeof s->ment_null[level]);
    return s->multi[k][level];
}

/* The largest statement level not above n rows. */
static int level_for(size_t n)
{
    int level = MULTI_LEVELS - 1;
    while (level > 0 && ((size_t)1 << (2 * level)) > n)
        level--;
    return level;
}

/* Step a batched insert; every parameter was bound, none is cleared. */
static int run_multi(dk_store *s, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        s->last_rc = rc;
        return rc ? rc : SQLITE_ERROR;
    }
    return 0;
}

dk_status dk_store_put_sentences(dk_store *s, int64_t doc, const dk_span *v,
                                 size_t n, const char *text,
                                 const dk_sent_tokens *toks, int64_t *ids)
{
    if (!s->sent_next) {
        sqlite3_stmt *q = s->st[ST_SENT_NEXT];
        int rc = sqlite3_step(q);
        int64_t next = sqlite3_column_int64(q, 0);
        sqlite3_reset(q);
        if (rc != SQLITE_ROW)
            return fail(s, rc);
        s->sent_next = next;
    }
    for (size_t i = 0; i < n; i++)
        ids[i] = s->sent_next + (int64_t)i;
    size_t done = 0;
    while (done < n) {
        int level = level_for(n - done);
        size_t rows = (size_t)1 << (2 * level);
        sqlite3_stmt *st = multi_stmt(s, M_SENT, level);
        if (!st)
            return DK_ERR_DB;
        for (size_t r = 0; r < rows; r++) {
            const dk_span *sp = &v[done + r];
            int b = (int)r * SENT_COLS;
            sqlite3_bind_int64(st, b + 1, ids[done + r]);
            sqlite3_bind_int64(st, b + 2, doc);
            sqlite3_bind_int64(st, b + 3, (sqlite3_int64)sp->start);
            sqlite3_bind_int64(st, b + 4, (sqlite3_int64)sp->end);
            sqlite3_bind_text64(st, b + 5, text + sp->start,
                                sp->end - sp->start, SQLITE_STATIC,
                                SQLITE_UTF8);
        }
        int rc = run_multi(s, st);
        if (rc)
            return fail(s, rc);
        done += rows;
    }
    /* the FTS5 index rows (the text is in the sentences rows), one by
     * one: a statement of several would open a savepoint, and FTS5
     * writes its pending terms out at each */
    sqlite3_stmt *ft = s->st[ST_PUT_FTS];
    for (size_t i = 0; i < n; i++) {
        const char *t = text + v[i].start;
        size_t len = v[i].end - v[i].start;
        sqlite3_bind_int64(ft, 1, ids[i]);
        sqlite3_bind_text64(ft, 2, t, len, SQLITE_STATIC, SQLITE_UTF8);
        if (toks)
            dk_fts_replay(t, len, toks->rec + toks->off[i],
                          toks->off[i + 1] - toks->off[i]);
        int rc = run_multi(s, ft);
        if (toks)
            dk_fts_replay(NULL, 0, NULL, 0);
        if (rc)
            return fail(s, rc);
    }
    if (n) {
        int rc = note_rows(s, ST_ROWS_SENT, doc, ids[0], ids[n - 1], n);
        if (rc)
            return fail(s, rc);
    }
    s->sent_next += (int64_t)n;
    return DK_OK;
}

static void b_null(binder *b, int i)
{
    unsigned char *w = b->null ? b->null + (i - 1) / 8 : NULL;
    unsigned char bit = (unsigned char)(1u << ((i - 1) % 8));
    if (w) {
        if (*w & bit)
            return;
        *w |= bit;
    }
    sqlite3_bind_null(b->st, i);
}

static void b_set(binder *b, int i)
{
    if (b->null)
        b->null[(i - 1) / 8] &= (unsigned char)~(1u << ((i - 1) % 8));
}

static void b_int(binder *b, int i, int64_t v)
{
    b_set(b, i);
    sqlite3_bind_int64(b->st, i, v);
}

static void b_double(binder *b, int i, double v)
{
    b_set(b, i);
    sqlite3_bind_double(b->st, i, v);
}

static void b_text(binder *b, int i, const char *v, size_t n)
{
    b_set(b, i);
    sqlite3_bind_text64(b->st, i, v, n, SQLITE_STATIC, SQLITE_UTF8);
}

/* v at parameter i when set, else NULL. */
static void b_double_if(binder *b, int i, int set, double v)
{
    if (set)
        b_double(b, i, v);
    else
        b_null(b, i);
}

/* String i of m at parameter k, or NULL when it has none. */
static void b_str(binder *b, int k, const dk_packed_mention *m,
                  const char *arena, int i)
{
    if (m->len[i])
        b_text(b, k, arena + m->off[i], m->len[i]);
    else
        b_null(b, k);
}

/* Bind mention m (of sentence, 0: none; its text at mtext) at
 * parameters k + 1 .. k + MENT_COLS, in the column order of
 * multi_head[M_MENT]. */
static void bind_mention(binder *b, int k, int64_t doc, int64_t sentence,
                         const dk_packed_mention *m, const char *mtext,
                         const char *arena)
{
    b_int(b, k + 1, doc);
    if (sentence > 0)
        b_int(b, k + 2, sentence);
    else
        b_null(b, k + 2);
    b_int(b, k + 3, (sqlite3_int64)m->start);
    b_int(b, k + 4, (sqlite3_int64)m->end);
    b_text(b, k + 5, mtext, m->end - m->start);
    b_text(b, k + 6, m->kind, strlen(m->kind));
    b_double_if(b, k + 7, m->flags & DK_PM_VALUE, m->value);
    b_str(b, k + 8, m, arena, DK_PM_UNIT);
    if (m->qualifier)
        b_text(b, k + 9, m->qualifier, strlen(m->qualifier));
    else
        b_null(b, k + 9);
    b_double_if(b, k + 10, m->flags & DK_PM_RANGED, m->low);
    b_double_if(b, k + 11, m->flags & DK_PM_RANGED, m->high);
    b_str(b, k + 12, m, arena, DK_PM_DATE);
    b_str(b, k + 13, m, arena, DK_PM_METRIC);
    b_str(b, k + 14, m, arena, DK_PM_PERIOD);
    b_str(b, k + 15, m, arena, DK_PM_SUBJECTS);
    b_double_if(b, k + 16, m->flags & DK_PM_CHANGE, m->change_value);
    b_str(b, k + 17, m, arena, DK_PM_CHANGE_UNIT);
    b_str(b, k + 18, m, arena, DK_PM_TYPE);
    b_str(b, k + 19, m, arena, DK_PM_EID);
    b_str(b, k + 20, m, arena, DK_PM_EVENT);
    b_str(b, k + 21, m, arena, DK_PM_CAMEO);
    b_str(b, k + 22, m, arena, DK_PM_ACTORS);
    b_str(b, k + 23, m, arena, DK_PM_PLACE);
    b_double_if(b, k + 24, m->flags & DK_PM_COUNT, m->count);
}

dk_status dk_store_put_mentions(dk_store *s, int64_t doc,
                                const dk_packed_mention *m, const char *text,
                                const char *arena, const int64_t *sentence,
                                size_t n)
{
    size_t done = 0;
    int64_t lo = 0, hi = 0;
    while (done < n) {
        int level = level_for(n - done);
        size_t rows = (size_t)1 << (2 * level);
        sqlite3_stmt *st = multi_stmt(s, M_MENT, level);
        if (!st)
            return DK_ERR_DB;
        binder b = {st, s->ment_null[level]};
        for (size_t r = 0; r < rows; r++) {
            const dk_packed_mention *p = &m[done + r];
            bind_mention(&b, (int)r * MENT_COLS, doc, sentence[done + r], p,
                         text + p->start, arena);
        }
        int rc = run_multi(s, st);
        if (rc)
            return fail(s, rc);
        /* new rowids follow the largest, one by one */
        int64_t last = sqlite3_last_insert_rowid(s->db);
        if (!done)
            lo = last - (int64_t)rows + 1;
        hi = last;
        done += rows;
    }
    if (n) {
        int rc = note_rows(s, ST_ROWS_MENT, doc, lo, hi, n);
        if (rc)
            return fail(s, rc);
    }
    return DK_OK;
}

dk_kind dk_kind_from_name(const char *s)
{
    for (int k = 1; k < DK_KIND_COUNT; k++)
        if (s && strcmp(s, dk_kind_name((dk_kind)k)) == 0)
            return (dk_kind)k;
    return DK_KIND_NONE;
}

static void copy_col(char *dst, size_t cap, sqlite3_stmt *st, int col)
{
    const char *v = (const char *)sqlite3_column_text(st, col);
    size_t n = v ? strnlen(v, cap - 1) : 0;   /* memcpy: no printf per column */
    memcpy(dst, v ? v : "", n);
    dst[n] = '\0';
}

int dk_store_split_ids(char (*ids)[DK_ID_MAX], int max, const char *v)
{
    int n = 0;
    while (v && *v && n < max) {
        const char *c = strchr(v, ',');
        size_t len = c ? (size_t)(c - v) : strlen(v);
        if (len >= DK_ID_MAX)
            len = DK_ID_MAX - 1;
        if (len) {
            memcpy(ids[n], v, len);
            ids[n++][len] = '\0';
        }
        v = c ? c + 1 : NULL;
    }
    return n;
}

static int split_ids(char (*ids)[DK_ID_MAX], int max, sqlite3_stmt *st,
                     int col)
{
    return dk_store_split_ids(ids, max,
                              (const char *)sqlite3_column_text(st, col));
}

void dk_store_read_mention(sqlite3_stmt *st, int c, dk_mention *m)
{
    memset(m, 0, sizeof *m);
    m->start = (uint64_t)sqlite3_column_int64(st, c + 0);
    m->end = (uint64_t)sqlite3_column_int64(st, c + 1);
    m->text = (const char *)sqlite3_column_text(st, c + 2);
    int tl = sqlite3_column_bytes(st, c + 2);
    if (!m->text)
        m->text = "";
    m->end = m->start + (uint64_t)tl;  /* text and span always agree */
    m->kind = dk_kind_from_name((const char *)sqlite3_column_text(st, c + 3));
    if (sqlite3_column_type(st, c + 4) != SQLITE_NULL) {
        m->has_value = 1;
        m->value = sqlite3_column_double(st, c + 4);
    }
    copy_col(m->unit, sizeof m->unit, st, c + 5);
    const char *q = (const char *)sqlite3_column_text(st, c + 6);
    static const dk_qualifier qs[] = {DK_Q_EXACT, DK_Q_APPROX, DK_Q_OVER,
                                      DK_Q_UNDER, DK_Q_RANGE};
    for (size_t i = 0; q && i < sizeof qs / sizeof qs[0]; i++)
        if (strcmp(q, dk_qualifier_name(qs[i])) == 0)
            m->qualifier = qs[i];
    m->low = sqlite3_column_double(st, c + 7);
    m->high = sqlite3_column_double(st, c + 8);
    copy_col(m->date, sizeof m->date, st, c + 9);
    copy_col(m->metric, sizeof m->metric, st, c + 10);
    copy_col(m->period, sizeof m->period, st, c + 11);
    m->nsubjects = split_ids(m->subjects, DK_MAX_SUBJECTS, st, c + 12);
    if (sqlite3_column_type(st, c + 13) != SQLITE_NULL) {
        m->has_change = 1;
        m->change_value = sqlite3_column_double(st, c + 13);
        copy_col(m->change_unit, sizeof m->change_unit, st, c + 14);
    }
    copy_col(m->type, sizeof m->type, st, c + 15);
    copy_col(m->id, sizeof m->id, st, c + 16);
    copy_col(m->event, sizeof m->event, st, c + 17);
    copy_col(m->cameo, sizeof m->cameo, st, c + 18);
    m->nactors = split_ids(m->actors, DK_MAX_ACTORS, st, c + 19);
    copy_col(m->place, sizeof m->place, st, c + 20);
    if (sqlite3_column_type(st, c + 21) != SQLITE_NULL) {
        m->has_count = 1;
        m->count = sqlite3_column_double(st, c + 21);
    }
}
