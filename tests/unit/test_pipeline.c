/*
 * test_pipeline.c - the ingest pipeline (src/ingest/pipeline.c) on JSON
 * Lines held in memory: counts of added, skipped, replaced and failed
 * documents, per-line errors with their line numbers, the rows written,
 * the "id" rule of the API, and a batch left open by close rolled back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "ingest/pipeline.h"
#include "store/store.h"

static char path[64];

typedef struct errs {
    long lines[8];
    char msg[8][256];
    int n;
} errs;

static void on_error(void *ctx, const char *where, long line, const char *msg)
{
    (void)where;
    errs *e = ctx;
    if (e->n < 8) {
        e->lines[e->n] = line;
        snprintf(e->msg[e->n], sizeof e->msg[0], "%s", msg);
        e->n++;
    }
}

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/dk_test_pipeline_%d.db", (int)getpid());
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

static dk_ingest *start(dk_store *s, errs *e, int need_id)
{
    dk_ingest_opts o;
    memset(&o, 0, sizeof o);
    o.format = DK_INGEST_JSONL;
    o.need_id = need_id;
    o.on_error = on_error;
    o.ctx = e;
    char err[256];
    dk_ingest *x = dk_ingest_open(s, &o, err, sizeof err);
    assert_non_null(x);
    return x;
}

static const char lines[] =
    "{\"id\":\"a\",\"date\":\"2024-05-02\",\"text\":\"Trade reached $41 billion "
    "in 2023. The border is 1,783 km long.\"}\n"
    "\n"
    "{\"id\":\"b\",\"text\":\"Grain exports rose by 15 percent.\"}\n"
    "{not json}\n"
    "{\"id\":\"c\",\"text\":\"\"}\n"
    "{\"text\":\"A record without an id.\"}\n";

static void test_buffer(void **state)
{
    (void)state;
    dk_store *s;
    char err[256];
    assert_int_equal(dk_store_open(path, 0, &s, err, sizeof err), DK_OK);
    errs e = {0};
    dk_ingest *x = start(s, &e, 0);
    dk_status st = dk_ingest_jsonl_buf(x, lines, sizeof lines - 1, "buf");
    assert_int_not_equal(st, DK_OK);    /* a bad line is a failure */
    assert_int_not_equal(dk_ingest_finish(x), DK_OK);
    const dk_ingest_stats *r = dk_ingest_stats_of(x);
    assert_int_equal(r->added, 3);      /* a, b and the one named buf:6 */
    assert_int_equal(r->failed, 2);
    assert_int_equal(r->skipped, 0);
    assert_true(r->mentions >= 4);
    assert_int_equal(r->bytes, sizeof lines - 1);
    assert_int_equal(e.n, 2);
    assert_int_equal(e.lines[0], 4);
    assert_int_equal(e.lines[1], 5);
    assert_non_null(strstr(e.msg[1], "empty"));
    dk_ingest_close(x);
    assert_int_equal(one(s, "SELECT count(*) FROM docs"), 3);
    assert_int_equal(one(s, "SELECT count(*) FROM docs WHERE name = 'buf:6'"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences"), 4);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts WHERE "
                            "sentences_fts MATCH 'grain'"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM mentions WHERE kind = 'money'"), 1);

    /* again: the same content is skipped; a changed "b" replaces */
    static const char again[] =
        "{\"id\":\"a\",\"date\":\"2024-05-02\",\"text\":\"Trade reached $41 billion "
        "in 2023. The border is 1,783 km long.\"}\n"
        "{\"id\":\"b\",\"text\":\"Grain exports rose by 16 percent.\"}";
    memset(&e, 0, sizeof e);
    x = start(s, &e, 0);
    assert_int_equal(dk_ingest_jsonl_buf(x, again, sizeof again - 1, "buf"), DK_OK);
    assert_int_equal(dk_ingest_finish(x), DK_OK);
    r = dk_ingest_stats_of(x);
    assert_int_equal(r->skipped, 1);
    assert_int_equal(r->added, 1);
    assert_int_equal(r->replaced, 1);
    assert_int_equal(e.n, 0);
    dk_ingest_close(x);
    assert_int_equal(one(s, "SELECT count(*) FROM docs"), 3);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts WHERE "
                            "sentences_fts MATCH '16'"), 1);
    assert_int_equal(one(s, "SELECT count(*) FROM sentences_fts WHERE "
                            "sentences_fts MATCH '15'"), 0);
    dk_store_close(s);
}

static void test_need_id_and_close(void **state)
{
    (void)state;
    dk_store *s;
    char err[256];
    assert_int_equal(dk_store_open(path, 0, &s, err, sizeof err), DK_OK);
    errs e = {0};
    dk_ingest *x = start(s, &e, 1);
    static const char two[] = "{\"text\":\"No id here, 5 tonnes.\"}\n"
                              "{\"id\":\"k\",\"text\":\"Rail cargo grew 4 percent.\"}\n";
    dk_ingest_jsonl_buf(x, two, sizeof two - 1, "api");
    assert_int_equal(e.n, 1);
    assert_int_equal(e.lines[0], 1);
    assert_non_null(strstr(e.msg[0], "id"));
    /* closed without finish: the open batch is rolled back */
    dk_ingest_close(x);
    assert_int_equal(one(s, "SELECT count(*) FROM docs"), 0);
    dk_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_buffer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_need_id_and_close, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
