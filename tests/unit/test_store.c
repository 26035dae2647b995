/*
 * test_store.c - the record's database: schema and migrations, writing
 * and replacing documents, the FTS5 tokenizer's figure values, the query
 * rewriter, the CSV writer and the plain-text metadata reader.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "store/store.h"
#include "store/ckpt.h"
#include "base/buf.h"
#include "store/query.h"
#include "text/csvw.h"
#include "ingest/textmeta.h"

static char path[64];

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/dk_test_store_%d.db", (int)getpid());
    unlink(path);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char p[80];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path); unlink(p);
    snprintf(p, sizeof p, "%s-shm", path); unlink(p);
    return 0;
}

static long long one(dk_store *s, const char *sql)
{
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(dk_store_db(s), sql, -1, &q, NULL), SQLITE_OK);
    long long v = -1;
    if (sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return v;
}

static dk_store *open_rw(void)
{
    dk_store *s;
    char err[256];
    assert_int_equal(dk_store_open(path, 0, &s, err, sizeof err), DK_OK);
    return s;
}

/* Add one document with one sentence and one money mention. */
static void add(dk_store *s, const char *name, const char *text, const char *fig)
{
    dk_docmeta m = {.name = name, .title = "T", .date = "2023-01-02"};
    char hash[17];
    int64_t doc, sid;
    dk_store_hash(&m, text, strlen(text), hash);
    assert_int_equal(dk_store_begin(s), DK_OK);
    assert_int_equal(dk_store_put_doc(s, &m, hash, text, strlen(text), &doc), DK_OK);
    assert_int_equal(dk_store_put_sentence(s, doc, 0, strlen(text), text,
                                           strlen(text), &sid), DK_OK);
    const char *f = strstr(text, fig);
    assert_non_null(f);
    dk_mention mm;
    memset(&mm, 0, sizeof mm);
    mm.start = (uint64_t)(f - text);
    mm.end = mm.start + strlen(fig);
    mm.text = f;
    mm.kind = DK_MONEY;
    mm.has_value = 1;
    mm.value = 12e9;
    strcpy(mm.unit, "USD");
    strcpy(mm.metric, "trade_turnover");
    strcpy(mm.period, "2022");
    mm.nsubjects = 2;
    strcpy(mm.subjects[0], "KZ");
    strcpy(mm.subjects[1], "CN");
    assert_int_equal(dk_store_put_mention(s, doc, sid, &mm), DK_OK);
    assert_int_equal(dk_store_commit(s), DK_OK);
}

/* The FTS5 index agrees with its content (its own integrity check). */
static void assert_fts_intact(dk_store *s)
{
    assert_int_equal(sqlite3_exec(dk_store_db(s), "INSERT INTO sentences_fts"
        "(sentences_fts) VALUES('integrity-check')", NULL, NULL, NULL),
        SQLITE_OK);
}

static void test_schema_version(void **state)
{
    (void)state;
    dk_store *s = open_rw();
    assert_int_equal(one(s, "PRAGMA user_version"), DK_STORE_VERSION);
    assert_int_equal(one(s, "SELECT count(*) FROM sqlite_master WHERE name IN "
                            "('docs','sentences','mentions','sentences_fts')"), 4);
    dk_store_close(s);
    /* a database from the future is refused */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    char err[256];
    assert_int_equal(dk_store_open(path, 0, &s, err, sizeof err), DK_ERR_DB);
    assert_non_null(strstr(err, "newer"));
}

/* A record of schema 3 (the sentence text only in the FTS5 table) is
 * brought to the current schema on open: the text moves to the
 * sentences, the index is kept and stays sound, and a replaced document
 * leaves nothing behind in it. */
static void test_migrate_v3(void **state)
{
    (void)state;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(dk_fts_register(db), DK_OK);
    assert_int_equal(sqlite3_exec(db,
        "CREATE TABLE docs(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
        " hash TEXT NOT NULL, title TEXT, date TEXT, source TEXT, url TEXT,"
        " author TEXT, path TEXT, bytes INTEGER NOT NULL, text TEXT NOT NULL,"
        " added TEXT NOT NULL);"
        "CREATE TABLE sentences(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL,"
        " start INTEGER NOT NULL, end INTEGER NOT NULL);"
        "CREATE INDEX sentences_doc ON sentences(doc);"
        "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, tokenize = "
        "'dostyk', columnsize = 0);"
        "CREATE TABLE mentions(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL,"
        " sentence INTEGER, start INTEGER NOT NULL, end INTEGER NOT NULL,"
        " text TEXT NOT NULL, kind TEXT NOT NULL, value REAL, unit TEXT,"
        " qualifier TEXT, low REAL, high REAL, date TEXT, metric TEXT,"
        " period TEXT, subjects TEXT, change_value REAL, change_unit TEXT,"
        " type TEXT, eid TEXT, event TEXT, cameo TEXT, actors TEXT,"
        " place TEXT, count REAL);"
        "INSERT INTO docs VALUES(1, 'old', 'h', NULL, NULL, NULL, NULL, NULL,"
        " NULL, 31, 'Grain exports rose to $3bn. End', 'now');"
        "INSERT INTO sentences VALUES(1, 1, 0, 27);"
        "INSERT INTO sentences_fts(rowid, text) VALUES(1, "
        "'Grain exports rose to $3bn.');"
        "PRAGMA user_version = 3;", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    dk_store *s = open_rw();
    assert_int_equal(one(s, "PRAGMA user_version"), DK_STORE_VERSION);
    assert_int_equal(one(s, "SELECT count(*) FROM sqlite_master WHERE name = "
                            "'sentences_fts_content'"), 0);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences WHERE text = "
                            "'Grain exports rose to $3bn.'"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts WHERE "
                            "sentences_fts MATCH '\"3 billion\"'"), 1);
    assert_fts_intact(s);
    /* a document's rows by their ids, not by an index on their document */
    assert_int_equal(one(s, "SELECT count(*) FROM doc_rows WHERE doc = 1 AND "
                            "sentence_lo = 1 AND sentence_hi = 1 AND "
                            "sentences = 1 AND mentions = 0"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM sqlite_master WHERE name "
                            "IN ('sentences_doc', 'mentions_doc')"), 0);
    /* the old document replaced: its words leave the index */
    add(s, "old", "Oil imports fell to $2bn.", "$2bn");
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts WHERE "
                            "sentences_fts MATCH 'grain'"), 0);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts WHERE "
                            "sentences_fts MATCH 'oil'"), 1);
    assert_fts_intact(s);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM doc_rows"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM doc_mentions m JOIN doc_rows "
                            "r ON r.doc = m.doc WHERE r.mentions = 1"), 1);
    dk_store_close(s);
}

/* Tokens recorded on one thread and replayed by the FTS5 insert give
 * the same index as tokenizing there; a replay whose text is not the
 * inserted one is not used. */
static void test_token_replay(void **state)
{
    (void)state;
    dk_store *s = open_rw();
    const char *text = "Trade reached $12bn. Oil fell.";
    dk_span sp[2] = {{0, 20}, {21, 30}};
    dk_buf rec = {0};
    size_t off[3];
    for (int i = 0; i < 2; i++) {
        off[i] = rec.len;
        assert_int_equal(dk_fts_record(&rec, text + sp[i].start,
                                       sp[i].end - sp[i].start), 0);
    }
    off[2] = rec.len;
    dk_docmeta m = {.name = "r"};
    char hash[17];
    int64_t doc, ids[2];
    dk_store_hash(&m, text, strlen(text), hash);
    assert_int_equal(dk_store_begin(s), DK_OK);
    assert_int_equal(dk_store_put_doc(s, &m, hash, text, strlen(text), &doc),
                     DK_OK);
    dk_sent_tokens toks = {rec.data, off};
    assert_int_equal(dk_store_put_sentences(s, doc, sp, 2, text, &toks, ids),
                     DK_OK);
    /* a stale replay for other bytes: the text is tokenized itself */
    int64_t sid;
    dk_fts_replay("Trade reached $12bn.", 20, rec.data, off[1]);
    assert_int_equal(dk_store_put_sentence(s, doc, 0, 9, "Gas rose.", 9,
                                           &sid), DK_OK);
    dk_fts_replay(NULL, 0, NULL, 0);
    assert_int_equal(dk_store_commit(s), DK_OK);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts WHERE "
                            "sentences_fts MATCH '\"12 billion\"'"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts WHERE "
                            "sentences_fts MATCH 'oil'"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts WHERE "
                            "sentences_fts MATCH 'gas'"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts WHERE "
                            "sentences_fts MATCH 'trade'"), 1);
    assert_fts_intact(s);
    dk_buf_free(&rec);
    dk_store_close(s);
}

static void test_readonly_missing(void **state)
{
    (void)state;
    dk_store *s;
    char err[256];
    assert_int_equal(dk_store_open("/tmp/dk-no-such-dir/x.db", 1, &s, err,
                                   sizeof err), DK_ERR_NOTFOUND);
    assert_null(s);
}

static void test_put_check_replace(void **state)
{
    (void)state;
    dk_store *s = open_rw();
    const char *t1 = "Trade reached 12 billion dollars last year.";
    add(s, "a", t1, "12 billion dollars");
    dk_docmeta m = {.name = "a", .title = "T", .date = "2023-01-02"};
    char h1[17], h2[17];
    dk_store_hash(&m, t1, strlen(t1), h1);
    assert_int_equal(dk_store_check(s, "a", h1), 1);    /* same: skip */
    const char *t2 = "Trade reached $12bn in the year before.";
    dk_store_hash(&m, t2, strlen(t2), h2);
    assert_string_not_equal(h1, h2);
    assert_int_equal(dk_store_check(s, "a", h2), 2);    /* changed */
    assert_int_equal(dk_store_check(s, "b", h2), 0);    /* new */
    assert_int_equal(dk_store_check(s, "b", h1), 1);    /* same content */
    add(s, "a", t2, "$12bn");
    assert_int_equal(one(s, "SELECT count(*) FROM docs"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM mentions"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts WHERE "
                            "sentences_fts MATCH '\"before\"'"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts WHERE "
                            "sentences_fts MATCH '\"last\"'"), 0);
    dk_store_close(s);
}

static long long matches(dk_store *s, const char *user)
{
    char *q = dk_fts_query(user);
    assert_non_null(q);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(dk_store_db(s),
        "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?1", -1,
        &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    free(q);
    return n;
}

static void test_figures_meet(void **state)
{
    (void)state;
    dk_store *s = open_rw();
    add(s, "a", "Trade reached 12 billion dollars in 2022.", "12 billion dollars");
    add(s, "b", "Investment of 1,500 tonnes and $3.5mn was made.", "$3.5mn");
    assert_int_equal(matches(s, "$12bn"), 1);
    assert_int_equal(matches(s, "12000000000"), 1);
    assert_int_equal(matches(s, "\"12 billion\""), 1);
    assert_int_equal(matches(s, "$13bn"), 0);
    assert_int_equal(matches(s, "1500"), 1);       /* 1,500 */
    assert_int_equal(matches(s, "3.5 million"), 1);
    assert_int_equal(matches(s, "trad*"), 1);
    assert_int_equal(matches(s, "TRADE"), 1);
    assert_int_equal(matches(s, "trade OR investment"), 2);
    assert_int_equal(matches(s, "reached AND NOT investment"), 1);
    char *q = dk_fts_query("NOT ( ) OR");   /* nothing left to ask */
    assert_string_equal(q, "");
    free(q);
    dk_store_close(s);
}

/* Every column of mention row id, joined as text with '|' (NULL: "~"). */
static void mention_row(dk_store *s, long long id, char *out, size_t cap)
{
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(dk_store_db(s), "SELECT * FROM mentions "
                                        "WHERE id = ?1", -1, &q, NULL), SQLITE_OK);
    sqlite3_bind_int64(q, 1, id);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    size_t len = 0;
    out[0] = 0;
    for (int c = 1; c < sqlite3_column_count(q); c++) {
        const char *v = (const char *)sqlite3_column_text(q, c);
        len += (size_t)snprintf(out + len, cap - len, "%s|", v ? v : "~");
    }
    sqlite3_finalize(q);
}

/* A mention packed for the batched insert is stored as dk_store_put_mention
 * stores it, field for field; what a mention does not have is NULL. */
static void test_packed_mentions(void **state)
{
    (void)state;
    dk_store *s = open_rw();
    const char *text = "Trade rose 12% to about $12-14bn; 3 visits.";
    dk_docmeta meta = {.name = "p1"};
    int64_t doc, sid;
    assert_int_equal(dk_store_begin(s), DK_OK);
    assert_int_equal(dk_store_put_doc(s, &meta, "h", text, strlen(text), &doc),
                     DK_OK);
    assert_int_equal(dk_store_put_sentence(s, doc, 0, strlen(text), text,
                                           strlen(text), &sid), DK_OK);
    dk_mention m[3];
    memset(m, 0, sizeof m);
    /* a money range with a change, metric, period and subjects */
    m[0].start = 24; m[0].end = 32; m[0].kind = DK_MONEY;
    m[0].has_value = 1; m[0].value = 12e9; m[0].qualifier = DK_Q_RANGE;
    m[0].low = 12e9; m[0].high = 14e9;
    strcpy(m[0].unit, "USD");
    strcpy(m[0].date, "2023");
    strcpy(m[0].metric, "trade_turnover");
    strcpy(m[0].period, "2023");
    m[0].nsubjects = 2;
    strcpy(m[0].subjects[0], "KZ");
    strcpy(m[0].subjects[1], "CN");
    m[0].has_change = 1; m[0].change_value = 12;
    strcpy(m[0].change_unit, "%");
    /* an event: its value has no qualifier column; actors, count */
    m[1].start = 34; m[1].end = 42; m[1].kind = DK_EVENT;
    m[1].has_value = 1; m[1].value = 3; m[1].qualifier = DK_Q_APPROX;
    strcpy(m[1].event, "visit");
    strcpy(m[1].cameo, "042");
    strcpy(m[1].place, "KZ");
    m[1].nactors = 3;
    strcpy(m[1].actors[0], "KZ");
    strcpy(m[1].actors[1], "");
    strcpy(m[1].actors[2], "CN");
    m[1].has_count = 1; m[1].count = 3;
    strcpy(m[1].change_unit, "x");   /* no change: not stored */
    /* an entity */
    m[2].start = 0; m[2].end = 5; m[2].kind = DK_ENTITY;
    strcpy(m[2].type, "org");
    strcpy(m[2].id, "trade_org");
    dk_buf arena = {0};
    dk_packed_mention pm[3];
    int64_t sids[3] = {sid, sid, 0};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(dk_store_pack_mention(&arena, &m[i], &pm[i]), DK_OK);
        m[i].text = text + m[i].start;
        assert_int_equal(dk_store_put_mention(s, doc, sids[i], &m[i]), DK_OK);
    }
    assert_int_equal(dk_store_put_mentions(s, doc, pm, text, arena.data, sids,
                                           3), DK_OK);
    assert_int_equal(dk_store_commit(s), DK_OK);
    dk_buf_free(&arena);
    char one_by_one[1024], packed[1024];
    for (int i = 0; i < 3; i++) {
        mention_row(s, 1 + i, one_by_one, sizeof one_by_one);
        mention_row(s, 4 + i, packed, sizeof packed);
        assert_string_equal(one_by_one, packed);
    }
    mention_row(s, 4, packed, sizeof packed);
    assert_non_null(strstr(packed, "|$12-14bn|money|12000000000.0|USD|range|"
                           "12000000000.0|14000000000.0|2023|trade_turnover|"
                           "2023|KZ,CN|12.0|%|~|~|~|~|~|~|~|"));
    mention_row(s, 5, packed, sizeof packed);
    assert_non_null(strstr(packed, "|event|3.0|~|~|~|~|~|~|~|~|~|~|~|~|visit|"
                           "042|KZ,,CN|KZ|3.0|"));
    mention_row(s, 6, packed, sizeof packed);
    assert_non_null(strstr(packed, "|~|0|5|Trade|entity|~|"));
    dk_store_close(s);
}

/* Fill table t with n rows of a 16,000-byte blob in one transaction. */
static void fill(sqlite3 *db, int n)
{
    char sql[160];
    snprintf(sql, sizeof sql, "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL "
             "SELECT i + 1 FROM k WHERE i < %d) INSERT INTO t SELECT "
             "randomblob(16000) FROM k", n);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
}

/* The log's length (checkpointing it all, as a side effect). */
static int wal_length(sqlite3 *db)
{
    int log = -1, done = -1;
    assert_int_equal(sqlite3_wal_checkpoint_v2(db, "main",
                                               SQLITE_CHECKPOINT_PASSIVE, &log,
                                               &done), SQLITE_OK);
    return log;
}

static long long file_size(const char *p)
{
    struct stat sb;
    assert_int_equal(stat(p, &sb), 0);
    return (long long)sb.st_size;
}

/* With a dk_ckpt, a commit's pages reach the database file from the
 * other thread (the committing connection does not checkpoint); the log
 * starts over once it caught up; after dk_ckpt_stop the connection
 * checkpoints itself again. */
static void test_ckpt(void **state)
{
    (void)state;
    dk_store *s = open_rw();
    sqlite3 *db = dk_store_db(s);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL),
                     SQLITE_OK);
    long long before = file_size(path);
    dk_ckpt *c = dk_ckpt_start(db);
    assert_non_null(c);
    fill(db, 1100);             /* more than 1,000 pages in one commit */
    dk_ckpt_stop(c);            /* after the checkpoint it was asked for */
    assert_true(file_size(path) >= before + 1100LL * 16000);
    /* caught up: the next transaction writes at the log's start */
    fill(db, 1);
    assert_true(wal_length(db) < 10);
    /* the connection's own automatic checkpoints are back */
    before = file_size(path);
    fill(db, 1100);
    assert_true(file_size(path) >= before + 1100LL * 16000);
    dk_store_close(s);
}

/* A document stored cut at its sentences (only the bytes between them
 * in its text column) reads back whole; one stored whole reads as it
 * is; a cut text that does not fit its sentences is an error. */
static void test_doc_cut(void **state)
{
    (void)state;
    dk_store *s = open_rw();
    sqlite3 *db = dk_store_db(s);
    const char *text = "  Grain rose.\nOil fell to $2bn. \n";
    dk_span sp[2] = {{2, 13}, {14, 31}};
    const char *rest = "  \n \n";
    dk_docmeta m = {.name = "cut"}, w = {.name = "whole"};
    int64_t doc, whole, ids[2];
    assert_int_equal(dk_store_begin(s), DK_OK);
    assert_int_equal(dk_store_put_doc_cut(s, &m, "h1", strlen(text), rest,
                                          strlen(rest), &doc), DK_OK);
    assert_int_equal(dk_store_put_sentences(s, doc, sp, 2, text, NULL, ids),
                     DK_OK);
    assert_int_equal(dk_store_put_doc(s, &w, "h2", text, strlen(text),
                                      &whole), DK_OK);
    assert_int_equal(dk_store_commit(s), DK_OK);
    assert_int_equal(one(s, "SELECT bytes FROM docs WHERE name = 'cut'"),
                     (long long)strlen(text));
    assert_int_equal(one(s, "SELECT cut FROM docs WHERE name = 'cut'"), 1);
    assert_int_equal(one(s, "SELECT cut FROM docs WHERE name = 'whole'"), 0);
    dk_buf out = {0};
    assert_int_equal(dk_store_doc_text(db, doc, rest, strlen(rest), 1, &out),
                     DK_OK);
    assert_int_equal(out.len, strlen(text));
    assert_string_equal(out.data, text);
    assert_int_equal(dk_store_doc_text(db, whole, text, strlen(text), 0, &out),
                     DK_OK);
    assert_string_equal(out.data, text);
    /* a gap longer than the cut text has */
    assert_int_equal(dk_store_doc_text(db, doc, " ", 1, 1, &out), DK_ERR_DB);
    dk_buf_free(&out);
    dk_store_close(s);
}

static void test_rank(void **state)
{
    (void)state;
    dk_store *s = open_rw();
    add(s, "once", "Grain exports rose to 5 billion dollars.", "5 billion dollars");
    add(s, "thrice", "Grain, grain and grain: 7 billion dollars.", "7 billion dollars");
    add(s, "none", "Oil transit fell to 3 billion dollars.", "3 billion dollars");
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(dk_store_db(s),
        "SELECT d.name, dk_rank(sentences_fts) AS r FROM sentences_fts f "
        "JOIN sentences x ON x.id = f.rowid JOIN docs d ON d.id = x.doc "
        "WHERE sentences_fts MATCH '\"grain\"' ORDER BY r", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "thrice");
    double best = sqlite3_column_double(q, 1);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "once");
    assert_true(sqlite3_column_double(q, 1) > best);   /* lower is better */
    assert_true(best < 0);
    assert_int_equal(sqlite3_step(q), SQLITE_DONE);
    sqlite3_finalize(q);
    dk_store_close(s);
}

/* Snippets made without FTS5: marks, merged phrases, figures by value,
 * prefixes, a window with "..." on a long sentence. */
static void snip_is(const char *query, const char *text, const char *want)
{
    char *fts = dk_fts_query(query);
    assert_non_null(fts);
    dk_buf b = {0};
    assert_int_equal(dk_fts_snippet(&b, fts, text, strlen(text), 8), DK_OK);
    assert_string_equal(b.data, want);
    dk_buf_free(&b);
    free(fts);
}

static void test_snippet(void **state)
{
    (void)state;
    snip_is("grain", "Grain exports rose.", "[Grain] exports rose.");
    snip_is("\"rail cargo\"", "The rail cargo grew.", "The [rail cargo] grew.");
    snip_is("$12bn", "Trade hit 12 billion dollars.", "Trade hit [12 billion] dollars.");
    snip_is("12 billion", "Trade hit $12bn in 2023.", "Trade hit $[12bn] in 2023.");
    snip_is("contain*", "Containers and a container.", "[Containers] and a [container].");
    snip_is("nothing", "No match here.", "No match here.");
    snip_is("copper",
            "One two three four five six seven eight nine ten copper eleven twelve.",
            "...four five six seven eight nine ten [copper]...");
}

static void test_query_rewrite(void **state)
{
    (void)state;
    char *q = dk_fts_query("U.S. \"a \"\"b\" x* AND NOT y)");
    assert_non_null(q);
    assert_string_equal(q, "\"U.S.\" \"a \" \"b\" \"x\"* NOT \"y\" ");
    free(q);
    q = dk_fts_query("AND OR");
    assert_string_equal(q, "");
    free(q);
    q = dk_fts_query("(a OR b");
    assert_string_equal(q, "( \"a\" OR \"b\" ) ");
    free(q);
}

static void test_facts_query(void **state)
{
    (void)state;
    dk_store *s = open_rw();
    add(s, "a", "Trade reached 12 billion dollars in 2022.", "12 billion dollars");
    dk_mentionq mq = {.facts_only = 1, .subject = "CN", .period = "2022"};
    sqlite3_stmt *q;
    assert_int_equal(dk_mentions_prepare(dk_store_db(s), &mq, &q), DK_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    dk_buf b = {0};
    assert_int_equal(dk_mention_row_json(&b, q), DK_OK);
    assert_non_null(strstr(b.data, "\"subjects\":[\"KZ\",\"CN\"]"));
    assert_non_null(strstr(b.data, "\"sentence\":\"Trade reached 12 billion"));
    assert_non_null(strstr(b.data, "\"value\":12000000000"));
    assert_int_equal(b.data[b.len - 1], '}');
    sqlite3_finalize(q);
    mq.subject = "RU";
    assert_int_equal(dk_mentions_prepare(dk_store_db(s), &mq, &q), DK_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_DONE);
    sqlite3_finalize(q);
    dk_buf_free(&b);
    dk_store_close(s);
}

static void test_csv(void **state)
{
    (void)state;
    dk_buf b = {0};
    dk_csv_cfield(&b, "plain", 1);
    dk_csv_cfield(&b, "a,b", 0);
    dk_csv_cfield(&b, "say \"hi\"", 0);
    dk_csv_num(&b, 12e9, 1, 0);
    dk_csv_num(&b, 0, 0, 0);
    dk_csv_end(&b);
    assert_string_equal(b.data, "plain,\"a,b\",\"say \"\"hi\"\"\",12000000000,\r\n");
    dk_buf_free(&b);
}

static void test_text_clean(void **state)
{
    (void)state;
    char text[] =
        "Grain exports climb to a record\n"
        "Published: 10:15, March 3, 2022\n"
        "By Example Writer\n"
        "\n"
        "Exports rose by 12 percent.\n"
        "READ MORE: Another story with 45 numbers\n"
        "Get the best stories sent directly to you\n"
        "Photo: Example Agency\n"
        "Number of shows: 50\n"
        "The end came in 2021.\n";
    size_t n = strlen(text);
    dk_textmeta tm;
    dk_text_clean(text, n, &tm);
    assert_int_equal(strlen(text), n);
    assert_string_equal(tm.title, "Grain exports climb to a record");
    assert_string_equal(tm.date, "2022-03-03");
    assert_string_equal(tm.author, "Example Writer");
    assert_null(strstr(text, "Published"));
    assert_null(strstr(text, "READ MORE"));
    assert_null(strstr(text, "45"));
    assert_null(strstr(text, "directly"));
    assert_null(strstr(text, "Photo"));
    assert_null(strstr(text, "50"));
    assert_non_null(strstr(text, "Exports rose by 12 percent."));
    assert_non_null(strstr(text, "The end came in 2021."));
}

static void test_find_date(void **state)
{
    (void)state;
    char d[16];
    assert_true(dk_text_find_date("22 May 2024", 11, d));
    assert_string_equal(d, "2024-05-22");
    assert_true(dk_text_find_date("2019-09-11T10:00", 16, d));
    assert_string_equal(d, "2019-09-11");
    assert_true(dk_text_find_date("on 05.01.2020", 13, d));
    assert_string_equal(d, "2020-01-05");
    assert_true(dk_text_find_date("September 2019", 14, d));
    assert_string_equal(d, "2019-09");
    assert_false(dk_text_find_date("no date here", 12, d));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_schema_version, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migrate_v3, setup, teardown),
        cmocka_unit_test_setup_teardown(test_token_replay, setup, teardown),
        cmocka_unit_test(test_readonly_missing),
        cmocka_unit_test_setup_teardown(test_put_check_replace, setup, teardown),
        cmocka_unit_test_setup_teardown(test_figures_meet, setup, teardown),
        cmocka_unit_test_setup_teardown(test_packed_mentions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ckpt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_doc_cut, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rank, setup, teardown),
        cmocka_unit_test(test_query_rewrite),
        cmocka_unit_test(test_snippet),
        cmocka_unit_test_setup_teardown(test_facts_query, setup, teardown),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_text_clean),
        cmocka_unit_test(test_find_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
