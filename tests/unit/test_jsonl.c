/*
 * test_jsonl.c - unit tests of src/ingest/jsonl.c: what a JSON Lines
 * document record must hold, and the one-line reasons for what is wrong.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "ingest/jsonl.h"

static dk_status parse(const char *line, dk_record *r, char *err)
{
    err[0] = '\0';
    return dk_record_parse(line, strlen(line), r, err, 256);
}

static void test_full_record(void **state)
{
    (void)state;
    dk_record r;
    char err[256];
    const char *line = "{\"id\":\"a1\",\"text\":\"Trade \\u201cgrew\\u201d\\n5%\","
                       "\"date\":\"2024-05-22\",\"title\":\"T\",\"source\":\"S\","
                       "\"url\":\"https://x\",\"author\":\"A\",\"extra\":[1,2]}";
    assert_int_equal(parse(line, &r, err), DK_OK);
    assert_string_equal(r.id, "a1");
    assert_string_equal(r.text, "Trade “grew”\n5%");
    assert_int_equal(r.text_len, strlen("Trade “grew”\n5%"));
    assert_string_equal(r.date, "2024-05-22");
    assert_string_equal(r.title, "T");
    assert_string_equal(r.source, "S");
    assert_string_equal(r.url, "https://x");
    assert_string_equal(r.author, "A");
    dk_record_free(&r);
    assert_null(r.json);
    dk_record_free(&r);   /* twice is harmless */
}

static void test_optional_fields(void **state)
{
    (void)state;
    dk_record r;
    char err[256];
    assert_int_equal(parse("{\"text\":\"x\"}", &r, err), DK_OK);
    assert_null(r.id);
    assert_null(r.date);
    assert_null(r.title);
    dk_record_free(&r);
    /* null is absent; a number id is left for the caller to name */
    assert_int_equal(parse("{\"text\":\"x\",\"id\":7,\"date\":null}", &r, err), DK_OK);
    assert_null(r.id);
    assert_null(r.date);
    dk_record_free(&r);
    /* an empty text is a record (the caller decides what to do) */
    assert_int_equal(parse("{\"text\":\"\"}", &r, err), DK_OK);
    assert_int_equal(r.text_len, 0);
    dk_record_free(&r);
    /* a NUL in the text is kept, with its length */
    assert_int_equal(parse("{\"text\":\"a\\u0000b\"}", &r, err), DK_OK);
    assert_int_equal(r.text_len, 3);
    assert_memory_equal(r.text, "a\0b", 3);
    dk_record_free(&r);
}

static void expect_bad(const char *line, const char *msg)
{
    dk_record r;
    char err[256];
    memset(&r, 0x55, sizeof r);
    assert_int_equal(parse(line, &r, err), DK_ERR_JSON);
    assert_null(r.json);                 /* nothing to free */
    assert_null(strchr(err, '\n'));      /* one line */
    if (!strstr(err, msg))
        fail_msg("%s: message \"%s\" lacks \"%s\"", line, err, msg);
}

static void test_bad_records(void **state)
{
    (void)state;
    expect_bad("", "malformed JSON");
    expect_bad("{", "malformed JSON");
    expect_bad("{\"text\":\"unterminated}", "malformed JSON");
    expect_bad("{\"text\":\"x\"} trailing", "malformed JSON");
    expect_bad("[1,2]", "must be an object");
    expect_bad("\"text\"", "malformed JSON");
    expect_bad("{\"id\":\"a\"}", "\"text\"");
    expect_bad("{\"text\":5}", "\"text\"");
    expect_bad("{\"text\":null}", "\"text\"");
    expect_bad("{\"text\":\"x\",\"text\":\"y\"}", "malformed JSON");  /* duplicate */
    expect_bad("{\"text\":\"x\",\"date\":2024}", "must be strings");
    expect_bad("{\"text\":\"x\",\"id\":[1]}", "must be strings");
    expect_bad("{\"text\":\"x\",\"id\":1.5}", "must be strings");
    expect_bad("{\"text\":\"x\",\"url\":{}}", "must be strings");
    expect_bad("{\"text\":\"x\",\"date\":\"2024\\u0000junk\"}", "must be strings");
    expect_bad("{\"text\":\"\\ud800\"}", "malformed JSON");     /* lone surrogate */
    expect_bad("{\"text\":\"\xff\"}", "malformed JSON");
    /* the input quoted in the reason keeps it on one line */
    expect_bad("{\"text\":\"a\nb\tc\"}", "malformed JSON");
    expect_bad("{\"text\":\"a\\\n\"}", "malformed JSON");
}

static void test_message_fits(void **state)
{
    (void)state;
    dk_record r;
    char err[8];
    assert_int_equal(dk_record_parse("{", 1, &r, err, sizeof err), DK_ERR_JSON);
    assert_true(strlen(err) < sizeof err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_record),
        cmocka_unit_test(test_optional_fields),
        cmocka_unit_test(test_bad_records),
        cmocka_unit_test(test_message_fits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
