/*
 * test_jsonl.c - unit tests of src/ingest/jsonl.c: what a JSON Lines
 * document record must hold, and the one-line reasons for what is wrong.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "ingest/jsonl.h"
#include "text/utf8.h"

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
    dk_utf8_state st = {0};
    size_t at;
    if (dk_utf8_check(&st, (const unsigned char *)err, strlen(err), &at) ||
        dk_utf8_incomplete(&st))
        fail_msg("%s: message is not UTF-8 at byte %zu", line, at);
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
    /* jansson quotes a few bytes and may cut a character in two: the
     * reason stays UTF-8 (the API puts it in JSON) */
    expect_bad("{\"text\":\" 6 2a \\\\\\\\\\\xdd\x96" "e\":", "malformed JSON");
    expect_bad("{\"text\":\"\\q\xe4\xb8\xad\xe6\x96\x87\xe6\x96\x87\xe6\x96\x87\"}", "malformed JSON");
}

static void test_message_fits(void **state)
{
    (void)state;
    dk_record r;
    char err[8];
    assert_int_equal(dk_record_parse("{", 1, &r, err, sizeof err), DK_ERR_JSON);
    assert_true(strlen(err) < sizeof err);
}

/* Both readers on one line: the fast one takes it (want_fast) or leaves
 * it to jansson, and whatever it reads jansson reads the same way. */
static void expect_same(const char *line, size_t n, int want_fast)
{
    dk_record f, j;
    char err[256];
    int took = dk_record_parse_fast(line, n, &f);
    if (took != want_fast)
        fail_msg("%.*s: fast reader %s it", (int)n, line,
                 took ? "took" : "left");
    dk_status st = dk_record_parse_jansson(line, n, &j, err, sizeof err);
    if (!took) {
        assert_null(f.own);
        assert_null(f.text);
        if (st == DK_OK)
            dk_record_free(&j);
        return;
    }
    assert_int_equal(st, DK_OK);
    assert_non_null(f.own);
    assert_null(f.json);
    assert_int_equal(f.text_len, j.text_len);
    assert_memory_equal(f.text, j.text, j.text_len + 1);
    const char *fv[] = {f.id, f.date, f.title, f.source, f.url, f.author};
    const char *jv[] = {j.id, j.date, j.title, j.source, j.url, j.author};
    for (int i = 0; i < 6; i++) {
        if (!jv[i])
            assert_null(fv[i]);
        else
            assert_string_equal(fv[i], jv[i]);
    }
    dk_record_free(&f);
    assert_null(f.own);
    dk_record_free(&j);
}

#define SAME(s, fast) expect_same(s, sizeof(s) - 1, fast)

static void test_fast_reader(void **state)
{
    (void)state;
    /* the usual records: the fast reader takes them */
    SAME("{\"id\":\"a1\",\"text\":\"Trade grew\",\"date\":\"2024-05-22\"}", 1);
    SAME("  {\"text\" : \"x\" ,\t\"id\":7, \"date\":null, \"n\":-0.25, "
         "\"ok\":true, \"no\":false, \"z\":0}\r\n ", 1);
    SAME("{\"text\":\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t end\"}", 1);
    SAME("{\"text\":\"\\u00e9\\u201C\\ud83d\\ude00\\u0041 caf\xc3\xa9\"}", 1);
    SAME("{\"text\":\"a\\u0000b\",\"title\":\"\"}", 1);        /* NUL in text */
    SAME("{\"text\":\"\",\"id\":-12345678901234567}", 1);
    SAME("{\"text\":\"\",\"id\":123456789012345678}", 1);
    SAME("{\"text\":\"0123456789abcdef0123456789abcdef\\n0123456789\"}", 1);
    SAME("{\"extra\":\"\\u0041\",\"text\":\"x\",\"\":1,\"title\":\"T\","
         "\"source\":\"S\",\"url\":\"U\",\"author\":\"A\"}", 1);
    /* left to jansson, which reads them */
    SAME("{\"text\":\"x\",\"extra\":[1,2]}", 0);             /* nested */
    SAME("{\"text\":\"x\",\"o\":{}}", 0);
    SAME("{\"te\\u0078t\":\"x\"}", 0);                       /* escaped key */
    SAME("{\"text\":\"x\",\"n\":1e5}", 0);                   /* exponent */
    SAME("{\"text\":\"x\",\"id\":1234567890123456789}", 0);  /* 19 digits */
    SAME("{\"text\":\"x\",\"n\":1.0000000000000000000000001}", 0);
    /* errors: all left to jansson, which gives the reason */
    SAME("", 0);
    SAME("{}", 0);
    SAME("[1]", 0);
    SAME("{\"text\":\"x\",\"text\":\"y\"}", 0);              /* duplicate */
    SAME("{\"a\":1,\"text\":\"x\",\"a\":2}", 0);
    SAME("{\"text\":5}", 0);
    SAME("{\"text\":\"x\",\"id\":1.5}", 0);
    SAME("{\"text\":\"x\",\"id\":\"a\\u0000\"}", 0);
    SAME("{\"text\":\"x\",\"date\":true}", 0);
    SAME("{\"text\":\"x\"} x", 0);                           /* trailing */
    SAME("{\"text\":\"x\",}", 0);
    SAME("{\"text\":\"x\"", 0);
    SAME("{\"text\":\"x", 0);
    SAME("{\"text\":\"x\\", 0);
    SAME("{\"text\":\"\\ud800\"}", 0);                       /* lone high */
    SAME("{\"text\":\"\\ud800\\u0041\"}", 0);
    SAME("{\"text\":\"\\udc00\"}", 0);                       /* lone low */
    SAME("{\"text\":\"\\u12\"}", 0);
    SAME("{\"text\":\"\\x\"}", 0);
    SAME("{\"text\":\"a\tb\"}", 0);                          /* raw control */
    SAME("{\"text\":\"\xc3\"}", 0);                          /* bad UTF-8 */
    SAME("{\"text\":\"\xed\xa0\x80\"}", 0);                  /* surrogate */
    SAME("{\"text\":\"x\",\"n\":01}", 0);
    SAME("{\"text\":\"x\",\"n\":-}", 0);
    SAME("{\"text\":\"x\",\"n\":1.}", 0);
    SAME("{\"text\":\"x\",\"n\":nul}", 0);
    SAME("{\"text\":\"x\",\"n\":nullx}", 0);
    SAME("{\"text\":\"x\",\"n\":+1}", 0);
    SAME("{\"text\":\"x\"}\0", 0);                           /* NUL byte */
    SAME("\xef\xbb\xbf{\"text\":\"x\"}", 0);                 /* BOM */
    /* the public reader takes the fast one's record when it has one */
    dk_record r;
    char err[256];
    assert_int_equal(parse("{\"text\":\"x\"}", &r, err), DK_OK);
    assert_non_null(r.own);
    assert_null(r.json);
    dk_record_free(&r);
    assert_int_equal(parse("{\"text\":\"x\",\"a\":[]}", &r, err), DK_OK);
    assert_null(r.own);
    assert_non_null(r.json);
    dk_record_free(&r);
}

static void test_fast_reader_many_keys(void **state)
{
    (void)state;
    char line[1024];
    size_t n = 0;
    n += (size_t)snprintf(line + n, sizeof line - n, "{\"text\":\"t\"");
    for (int i = 0; i < 31; i++)
        n += (size_t)snprintf(line + n, sizeof line - n, ",\"k%d\":%d", i, i);
    snprintf(line + n, sizeof line - n, "}");
    expect_same(line, strlen(line), 1);        /* 32 members: the most */
    snprintf(line + n, sizeof line - n, ",\"k31\":1}");
    expect_same(line, strlen(line), 0);        /* 33: jansson */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_record),
        cmocka_unit_test(test_optional_fields),
        cmocka_unit_test(test_bad_records),
        cmocka_unit_test(test_message_fits),
        cmocka_unit_test(test_fast_reader),
        cmocka_unit_test(test_fast_reader_many_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
