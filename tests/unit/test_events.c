/*
 * test_events.c - linking event reports into happenings (same type, a
 * shared actor, dates that agree; countries alone need precise dates;
 * undated reports through their document's week; ambiguity stays
 * single), the chronology's order and filters, its JSON and CSV, and
 * reading event mentions back from a store.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>
#include "analyse/events.h"
#include "store/events.h"
#include "store/store.h"

/* One report: "a,b" actors; "" for no place, date or doc date. */
static void add(dk_evset *s, const char *event, const char *actors,
                const char *place, const char *date, const char *doc,
                const char *docdate)
{
    dk_evrep r;
    memset(&r, 0, sizeof r);
    r.id = s->n + 1;
    snprintf(r.event, sizeof r.event, "%s", event);
    snprintf(r.cameo, sizeof r.cameo, "%s",
             strcmp(event, "visit") == 0 ? "042"
             : strcmp(event, "agreement") == 0 ? "057" : "040");
    char buf[256];
    snprintf(buf, sizeof buf, "%s", actors);
    for (char *t = strtok(buf, ","); t; t = strtok(NULL, ","))
        snprintf(r.actors[r.nactors++], DK_ID_MAX, "%s", t);
    snprintf(r.place, sizeof r.place, "%s", place);
    snprintf(r.date, sizeof r.date, "%s", date);
    r.doc = (char *)doc;
    r.docdate = (char *)docdate;
    r.sentence = (char *)"A sentence.";
    r.text = (char *)event;
    r.start = 10;
    r.end = 17;
    assert_int_equal(dk_evset_push(s, &r), DK_OK);
}

/* Happenings as "n1 n2 ..." (reports per happening, chronological). */
static const char *shape(dk_evset *s, dk_happenings *h)
{
    static char out[256];
    assert_int_equal(dk_events_link(s, h), DK_OK);
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < h->n; i++)
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%d",
                                i ? " " : "", h->v[i].n);
    return out;
}

static void done(dk_evset *s, dk_happenings *h)
{
    dk_happenings_free(h);
    dk_evset_free(s);
}

static void test_one_visit_many_sources(void **state)
{
    (void)state;
    dk_evset s = {0};
    dk_happenings h;
    add(&s, "visit", "tokayev", "CN", "2019-09-11/12", "a", "2019-09-13");
    add(&s, "visit", "tokayev", "beijing", "2019-09-11", "b", "2019-09-12");
    add(&s, "visit", "tokayev,xi", "", "2019-09", "c", "2019-10-01");
    add(&s, "visit", "tokayev", "", "", "d", "2019-09-14");   /* undated */
    add(&s, "visit", "tokayev", "", "2019", "e", "2020-01-05");
    assert_string_equal(shape(&s, &h), "5");
    char date[DK_DATE_MAX];
    dk_happening_date(&s, &h.v[0], date, sizeof date);
    assert_string_equal(date, "2019-09-11/12");
    assert_string_equal(h.v[0].place, "beijing");
    assert_int_equal(h.v[0].nactors, 2);
    /* sources by document date */
    assert_string_equal(s.v[h.v[0].reps[0]].doc, "b");
    assert_string_equal(s.v[h.v[0].reps[4]].doc, "e");
    done(&s, &h);
}

static void test_single_stays_single(void **state)
{
    (void)state;
    dk_evset s = {0};
    dk_happenings h;
    add(&s, "visit", "tokayev", "CN", "2019-09-11", "a", "2019-09-13");
    assert_string_equal(shape(&s, &h), "1");
    done(&s, &h);
    /* no reports at all */
    assert_string_equal(shape(&s, &h), "");
    done(&s, &h);
}

static void test_what_keeps_apart(void **state)
{
    (void)state;
    dk_evset s = {0};
    dk_happenings h;
    /* other type */
    add(&s, "visit", "tokayev,xi", "", "2019-09-11", "a", "2019-09-13");
    add(&s, "meeting", "tokayev,xi", "", "2019-09-11", "b", "2019-09-13");
    assert_string_equal(shape(&s, &h), "1 1");
    done(&s, &h);
    /* dates that disagree */
    add(&s, "meeting", "tokayev,xi", "", "2019-09-11", "a", "2019-09-13");
    add(&s, "meeting", "tokayev,xi", "", "2020-09-11", "b", "2020-09-13");
    assert_string_equal(shape(&s, &h), "1 1");
    done(&s, &h);
    /* no shared actor */
    add(&s, "meeting", "tokayev,xi", "", "2019-09-11", "a", "2019-09-13");
    add(&s, "meeting", "sklyar,ding_xuexiang", "", "2019-09-11", "b",
        "2019-09-13");
    assert_string_equal(shape(&s, &h), "1 1");
    done(&s, &h);
    /* two places that are not countries: two stops */
    add(&s, "visit", "tokayev", "beijing", "2019-09-11", "a", "2019-09-13");
    add(&s, "visit", "tokayev", "hubei", "2019-09-12", "b", "2019-09-13");
    assert_string_equal(shape(&s, &h), "1 1");
    done(&s, &h);
    /* precise dates too far apart for one happening */
    add(&s, "meeting", "tokayev,xi", "", "2019-09-01", "a", "2019-09-02");
    add(&s, "meeting", "tokayev,xi", "", "2019-09-11", "b", "2019-09-12");
    assert_string_equal(shape(&s, &h), "1 1");
    done(&s, &h);
    /* no actors: nothing to link by */
    add(&s, "protest", "", "almaty", "2019-09-04", "a", "2019-09-05");
    add(&s, "protest", "", "almaty", "2019-09-04", "b", "2019-09-05");
    assert_string_equal(shape(&s, &h), "1 1");
    done(&s, &h);
}

static void test_countries_need_precise_dates(void **state)
{
    (void)state;
    dk_evset s = {0};
    dk_happenings h;
    add(&s, "agreement", "KZ,CN", "", "2019-09-11", "a", "2019-09-13");
    add(&s, "agreement", "CN,KZ", "", "2019-09-11", "b", "2019-09-12");
    assert_string_equal(shape(&s, &h), "2");
    done(&s, &h);
    add(&s, "agreement", "KZ,CN", "", "2019-09-11", "a", "2019-09-13");
    add(&s, "agreement", "KZ,CN", "", "2019", "b", "2019-12-30");
    add(&s, "agreement", "KZ,CN", "", "", "c", "2019-09-13");
    assert_string_equal(shape(&s, &h), "1 1 1");
    done(&s, &h);
    /* a person shared: the coarse and undated reports join */
    add(&s, "agreement", "KZ,tokayev", "", "2019-09-11", "a", "2019-09-13");
    add(&s, "agreement", "tokayev", "", "2019", "b", "2019-12-30");
    add(&s, "agreement", "tokayev", "", "", "c", "2019-09-13");
    assert_string_equal(shape(&s, &h), "3");
    done(&s, &h);
    assert_true(dk_actor_is_country("KZ"));
    assert_false(dk_actor_is_country("tokayev"));
    assert_false(dk_actor_is_country("KZT"));
}

static void test_ambiguous_and_undated(void **state)
{
    (void)state;
    dk_evset s = {0};
    dk_happenings h;
    /* two visits in 2019: "2019" could be either, "2019-09" only one */
    add(&s, "visit", "tokayev", "", "2019-03-05", "a", "2019-03-06");
    add(&s, "visit", "tokayev", "", "2019-09-11", "b", "2019-09-12");
    add(&s, "visit", "tokayev", "", "2019", "c", "2019-12-20");
    add(&s, "visit", "tokayev", "", "2019-09", "d", "2019-10-01");
    assert_string_equal(shape(&s, &h), "1 1 2");
    assert_string_equal(s.v[h.v[0].anchor].doc, "c");   /* 2019-01-01 on */
    assert_string_equal(s.v[h.v[1].anchor].doc, "a");
    done(&s, &h);
    /* undated: only within the week before its document */
    add(&s, "visit", "tokayev", "", "2019-09-11", "a", "2019-09-12");
    add(&s, "visit", "tokayev", "", "", "b", "2019-09-15");
    add(&s, "visit", "tokayev", "", "", "c", "2019-12-01");
    add(&s, "visit", "tokayev", "", "", "d", "2019-12-03");
    add(&s, "visit", "tokayev", "", "", "e", "");
    assert_string_equal(shape(&s, &h), "2 2 1");
    char date[DK_DATE_MAX];
    dk_happening_date(&s, &h.v[1], date, sizeof date);
    assert_string_equal(date, "");
    done(&s, &h);
    /* two undated reports in one document: two happenings; with a dated
     * one to join, the same document's undated report joins it */
    add(&s, "intent", "tokayev", "", "", "a", "2019-09-15");
    add(&s, "intent", "tokayev", "", "", "a", "2019-09-15");
    assert_string_equal(shape(&s, &h), "1 1");
    done(&s, &h);
    add(&s, "visit", "tokayev", "", "2019-09-11", "a", "2019-09-15");
    add(&s, "visit", "tokayev", "", "", "a", "2019-09-15");
    assert_string_equal(shape(&s, &h), "2");
    done(&s, &h);
}

static void test_filters(void **state)
{
    (void)state;
    dk_evset s = {0};
    dk_happenings h;
    add(&s, "meeting", "tokayev,xi", "", "2023-05-17", "a", "2023-05-19");
    add(&s, "visit", "xi", "KZ", "2024-07-02/03", "b", "2024-07-05");
    add(&s, "agreement", "KZ,CN", "", "2019-09-11", "c", "2019-09-13");
    assert_string_equal(shape(&s, &h), "1 1 1");
    assert_string_equal(s.v[h.v[0].anchor].event, "agreement");
    assert_string_equal(s.v[h.v[2].anchor].event, "visit");
    dk_evfilter f = {0};
    int n = 0;
    for (int i = 0; i < h.n; i++)
        n += dk_happening_matches(&s, &h.v[i], &f);
    assert_int_equal(n, 3);
    f.actor = "xi";
    assert_false(dk_happening_matches(&s, &h.v[0], &f));
    assert_true(dk_happening_matches(&s, &h.v[1], &f));
    assert_true(dk_happening_matches(&s, &h.v[2], &f));
    f.type = "visit";
    assert_false(dk_happening_matches(&s, &h.v[1], &f));
    assert_true(dk_happening_matches(&s, &h.v[2], &f));
    memset(&f, 0, sizeof f);
    f.has_from = dk_period_parse("2023-05", &f.from);
    f.has_to = dk_period_parse("2023", &f.to);
    assert_false(dk_happening_matches(&s, &h.v[0], &f));
    assert_true(dk_happening_matches(&s, &h.v[1], &f));
    assert_false(dk_happening_matches(&s, &h.v[2], &f));
    done(&s, &h);
}

static void test_json_and_csv(void **state)
{
    (void)state;
    dk_evset s = {0};
    dk_happenings h;
    add(&s, "agreement", "KZ,CN", "", "2019-09-11", "a", "2019-09-13");
    s.v[0].has_count = 1;
    s.v[0].count = 10;
    add(&s, "agreement", "KZ,CN", "beijing", "2019-09-11", "b", "2019-09-12");
    s.v[1].has_value = 1;
    s.v[1].value = 22e9;
    snprintf(s.v[1].unit, sizeof s.v[1].unit, "USD");
    assert_string_equal(shape(&s, &h), "2");
    dk_buf b = {0};
    assert_int_equal(dk_happening_json(&b, &s, &h.v[0]), DK_OK);
    json_error_t err;
    json_t *o = json_loadb(b.data, b.len, 0, &err);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "event")), "agreement");
    assert_string_equal(json_string_value(json_object_get(o, "cameo")), "057");
    assert_string_equal(json_string_value(json_object_get(o, "date")), "2019-09-11");
    assert_string_equal(json_string_value(json_object_get(o, "place")), "beijing");
    assert_int_equal(json_array_size(json_object_get(o, "actors")), 2);
    assert_true(json_number_value(json_object_get(o, "count")) == 10);
    assert_true(json_number_value(json_object_get(o, "value")) == 22e9);
    assert_string_equal(json_string_value(json_object_get(o, "unit")), "USD");
    json_t *src = json_object_get(o, "sources");
    assert_int_equal(json_array_size(src), 2);
    json_t *first = json_array_get(src, 0);
    assert_string_equal(json_string_value(json_object_get(first, "doc")), "b");
    assert_string_equal(json_string_value(json_object_get(first, "date")), "2019-09-12");
    assert_string_equal(json_string_value(json_object_get(first, "sentence")), "A sentence.");
    json_decref(o);
    b.len = 0;
    assert_int_equal(dk_events_csv_header(&b), DK_OK);
    assert_int_equal(dk_happening_csv(&b, &s, &h.v[0], 1), DK_OK);
    assert_int_equal(dk_buf_putc(&b, '\0'), DK_OK);
    assert_true(strncmp(b.data, "happening,date,event,cameo,source_actor,", 40) == 0);
    assert_non_null(strstr(b.data, "\r\n1,2019-09-11,agreement,057,KZ,CN,KZ;CN,beijing,10,22000000000,USD,b,"));
    int lines = 0;
    for (const char *p = b.data; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 3);
    dk_buf_free(&b);
    done(&s, &h);
}

/* Event mentions written by the store come back as reports. */
static void test_store_roundtrip(void **state)
{
    (void)state;
    char path[] = "/tmp/dostyk-test-events-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    char err[256];
    dk_store *st;
    assert_int_equal(dk_store_open(path, 0, &st, err, sizeof err), DK_OK);
    const char *text = "Tokayev visited Beijing on 11 September 2019.";
    dk_docmeta meta = {.name = "doc1", .date = "2019-09-13"};
    int64_t doc, sent;
    assert_int_equal(dk_store_begin(st), DK_OK);
    assert_int_equal(dk_store_put_doc(st, &meta, "h", text, strlen(text), &doc), DK_OK);
    assert_int_equal(dk_store_put_sentence(st, doc, 0, strlen(text), text,
                                           strlen(text), &sent), DK_OK);
    dk_mention m;
    memset(&m, 0, sizeof m);
    m.kind = DK_EVENT;
    m.start = 8;
    m.end = 15;
    m.text = text + 8;
    snprintf(m.event, sizeof m.event, "visit");
    snprintf(m.cameo, sizeof m.cameo, "042");
    m.nactors = 2;
    snprintf(m.actors[0], DK_ID_MAX, "tokayev");
    snprintf(m.actors[1], DK_ID_MAX, "KZ");
    snprintf(m.place, sizeof m.place, "beijing");
    snprintf(m.date, sizeof m.date, "2019-09-11");
    assert_int_equal(dk_store_put_mention(st, doc, sent, &m), DK_OK);
    memset(&m, 0, sizeof m);    /* a mention of another kind */
    m.kind = DK_DATE;
    m.start = 27;
    m.end = 44;
    m.text = text + 27;
    snprintf(m.date, sizeof m.date, "2019-09-11");
    assert_int_equal(dk_store_put_mention(st, doc, sent, &m), DK_OK);
    assert_int_equal(dk_store_commit(st), DK_OK);
    dk_store_close(st);

    assert_int_equal(dk_store_open(path, 1, &st, err, sizeof err), DK_OK);
    dk_evset s = {0};
    assert_int_equal(dk_events_load(dk_store_db(st), NULL, &s), DK_OK);
    assert_int_equal(s.n, 1);
    assert_string_equal(s.v[0].event, "visit");
    assert_string_equal(s.v[0].cameo, "042");
    assert_int_equal(s.v[0].nactors, 2);
    assert_string_equal(s.v[0].actors[1], "KZ");
    assert_string_equal(s.v[0].place, "beijing");
    assert_string_equal(s.v[0].date, "2019-09-11");
    assert_string_equal(s.v[0].doc, "doc1");
    assert_string_equal(s.v[0].docdate, "2019-09-13");
    assert_string_equal(s.v[0].sentence, text);
    assert_string_equal(s.v[0].text, "visited");
    assert_true(s.v[0].has_span);
    dk_evset_free(&s);
    assert_int_equal(dk_events_load(dk_store_db(st), "meeting", &s), DK_OK);
    assert_int_equal(s.n, 0);
    dk_evset_free(&s);
    /* the index the query uses is there */
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(dk_store_db(st), "SELECT count(*) "
        "FROM sqlite_master WHERE name = 'mentions_event'", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(q, 0), 1);
    sqlite3_finalize(q);
    dk_store_close(st);
    char side[300];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_visit_many_sources),
        cmocka_unit_test(test_single_stays_single),
        cmocka_unit_test(test_what_keeps_apart),
        cmocka_unit_test(test_countries_need_precise_dates),
        cmocka_unit_test(test_ambiguous_and_undated),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_json_and_csv),
        cmocka_unit_test(test_store_roundtrip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
