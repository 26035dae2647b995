/*
 * test_jsonw.c - unit tests of src/text/jsonw.c: string escaping, number
 * formatting and whole mention objects (checked by parsing them back
 * with jansson).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>
#include "text/jsonw.h"

static void expect_escape(const char *s, size_t n, const char *want)
{
    dk_buf b = {0};
    assert_int_equal(dk_json_escape(&b, s, n), DK_OK);
    assert_int_equal(b.len, strlen(want));
    assert_string_equal(b.data, want);
    /* and it parses back to the same bytes */
    json_error_t je;
    json_t *v = json_loadb(b.data, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
    assert_non_null(v);
    assert_int_equal(json_string_length(v), n);
    assert_memory_equal(json_string_value(v), s, n);
    json_decref(v);
    dk_buf_free(&b);
}

#define ESC(lit, want) expect_escape(lit, sizeof(lit) - 1, want)

static void test_escape(void **state)
{
    (void)state;
    ESC("", "\"\"");
    ESC("plain", "\"plain\"");
    ESC("say \"hi\"", "\"say \\\"hi\\\"\"");
    ESC("a\\b", "\"a\\\\b\"");
    ESC("l1\nl2\r\t", "\"l1\\nl2\\r\\t\"");
    ESC("\b\f", "\"\\b\\f\"");
    ESC("\x01\x1f", "\"\\u0001\\u001f\"");
    ESC("\x7f", "\"\\u007f\"");
    ESC("a\0b", "\"a\\u0000b\"");
    ESC("Қазақстан “€”", "\"Қазақстан “€”\"");   /* UTF-8 as is */
    ESC("/", "\"/\"");
}

static void test_escape_appends(void **state)
{
    (void)state;
    dk_buf b = {0};
    assert_int_equal(dk_buf_append(&b, "x=", 2), DK_OK);
    assert_int_equal(dk_json_escape(&b, "\"", 1), DK_OK);
    assert_string_equal(b.data, "x=\"\\\"\"");
    /* a long string with escapes spread through it */
    char big[5000];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = i % 7 == 0 ? '"' : 'a';
    b.len = 0;
    assert_int_equal(dk_json_escape(&b, big, sizeof big), DK_OK);
    json_t *v = json_loadb(b.data, b.len, JSON_DECODE_ANY, NULL);
    assert_non_null(v);
    assert_memory_equal(json_string_value(v), big, sizeof big);
    json_decref(v);
    dk_buf_free(&b);
}

static void expect_num(double v, const char *want)
{
    char out[64];
    int n = dk_json_fmt_num(out, sizeof out, v);
    assert_int_equal(n, (int)strlen(want));
    assert_string_equal(out, want);
}

static void test_numbers(void **state)
{
    (void)state;
    expect_num(0, "0");
    expect_num(-0.0, "-0");
    expect_num(12, "12");
    expect_num(-7, "-7");
    expect_num(12000000000.0, "12000000000");
    expect_num(28.3, "28.3");
    expect_num(0.1, "0.1");
    expect_num(15.7, "15.7");
    expect_num(-2.5, "-2.5");
    expect_num(1.0 / 3, "0.333333333333333");
    expect_num(1e15, "1e+15");
    expect_num(999999999999999.0, "999999999999999");
    expect_num(1e300, "1e+300");
    expect_num(NAN, "null");
    expect_num(INFINITY, "null");
    expect_num(-INFINITY, "null");
}

/* Every formatted number must be valid JSON. */
static void test_numbers_parse(void **state)
{
    (void)state;
    const double vs[] = {0, 1, -1, 0.5, 1e-7, 123456.789, 1e20, -1e-300,
                         4.9e-324, 1.7976931348623157e308, 0.30000000000000004};
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) {
        char out[64];
        dk_json_fmt_num(out, sizeof out, vs[i]);
        json_t *v = json_loads(out, JSON_DECODE_ANY, NULL);
        if (!v)
            fail_msg("%.17g formatted as invalid JSON: %s", vs[i], out);
        assert_true(json_is_number(v));
        double back = json_number_value(v);
        assert_true(fabs(back - vs[i]) <= fabs(vs[i]) * 1e-14);
        json_decref(v);
    }
}

static json_t *mention_json(const dk_mention *m, const char *doc)
{
    dk_buf b = {0};
    assert_int_equal(dk_json_mention(&b, doc, m), DK_OK);
    assert_null(memchr(b.data, '\n', b.len));   /* one line */
    json_error_t je;
    json_t *o = json_loadb(b.data, b.len, 0, &je);
    if (!o)
        fail_msg("invalid JSON %s: %s", b.data, je.text);
    dk_buf_free(&b);
    return o;
}

static void test_mention_money(void **state)
{
    (void)state;
    const char *text = "12 billion \"dollars\"\n";
    dk_mention m;
    memset(&m, 0, sizeof m);
    m.start = 48;
    m.end = 48 + strlen(text);
    m.text = text;
    m.kind = DK_MONEY;
    m.has_value = 1;
    m.value = 12e9;
    strcpy(m.unit, "USD");
    strcpy(m.metric, "trade_turnover");
    strcpy(m.period, "2019");
    m.nsubjects = 2;
    strcpy(m.subjects[0], "KZ");
    strcpy(m.subjects[1], "CN");
    m.has_change = 1;
    m.change_value = -35;
    strcpy(m.change_unit, "%");
    json_t *o = mention_json(&m, "a \"doc\".txt");
    assert_string_equal(json_string_value(json_object_get(o, "doc")), "a \"doc\".txt");
    assert_int_equal(json_integer_value(json_object_get(o, "start")), 48);
    assert_int_equal(json_integer_value(json_object_get(o, "end")), 48 + strlen(text));
    assert_string_equal(json_string_value(json_object_get(o, "text")), text);
    assert_string_equal(json_string_value(json_object_get(o, "kind")), "money");
    assert_true(json_number_value(json_object_get(o, "value")) == 12e9);
    assert_string_equal(json_string_value(json_object_get(o, "unit")), "USD");
    assert_string_equal(json_string_value(json_object_get(o, "qualifier")), "exact");
    assert_null(json_object_get(o, "low"));
    assert_null(json_object_get(o, "date"));
    assert_string_equal(json_string_value(json_object_get(o, "metric")), "trade_turnover");
    assert_string_equal(json_string_value(json_object_get(o, "period")), "2019");
    json_t *subj = json_object_get(o, "subjects");
    assert_int_equal(json_array_size(subj), 2);
    assert_string_equal(json_string_value(json_array_get(subj, 1)), "CN");
    json_t *ch = json_object_get(o, "change");
    assert_true(json_is_object(ch));
    assert_true(json_number_value(json_object_get(ch, "value")) == -35);
    assert_string_equal(json_string_value(json_object_get(ch, "unit")), "%");
    json_decref(o);
}

static void test_mention_range_and_date(void **state)
{
    (void)state;
    dk_mention m;
    memset(&m, 0, sizeof m);
    m.start = 0;
    m.end = 10;
    m.text = "15-20 days";
    m.kind = DK_DURATION;
    m.has_value = 1;
    m.qualifier = DK_Q_RANGE;
    m.value = m.low = 15;
    m.high = 20;
    strcpy(m.unit, "day");
    json_t *o = mention_json(&m, "d");
    assert_string_equal(json_string_value(json_object_get(o, "qualifier")), "range");
    assert_true(json_number_value(json_object_get(o, "low")) == 15);
    assert_true(json_number_value(json_object_get(o, "high")) == 20);
    assert_null(json_object_get(o, "metric"));
    assert_null(json_object_get(o, "change"));
    json_decref(o);

    memset(&m, 0, sizeof m);
    m.start = 3;
    m.end = 7;
    m.text = "2023";
    m.kind = DK_DATE;
    strcpy(m.date, "2023");
    o = mention_json(&m, "d");
    assert_string_equal(json_string_value(json_object_get(o, "date")), "2023");
    assert_null(json_object_get(o, "value"));      /* dates carry no value */
    assert_null(json_object_get(o, "qualifier"));
    json_decref(o);
}

static void test_mention_event(void **state)
{
    (void)state;
    dk_mention m;
    memset(&m, 0, sizeof m);
    m.end = 6;
    m.text = "signed";
    m.kind = DK_EVENT;
    strcpy(m.event, "agreement");
    strcpy(m.cameo, "057");
    m.nactors = 2;
    strcpy(m.actors[0], "KZ");
    strcpy(m.actors[1], "CN");
    strcpy(m.place, "astana");
    strcpy(m.date, "2024-05-22");
    m.has_count = 1;
    m.count = 47;
    m.explain = "because \"signed\"";
    json_t *o = mention_json(&m, "d");
    assert_string_equal(json_string_value(json_object_get(o, "event")), "agreement");
    assert_string_equal(json_string_value(json_object_get(o, "cameo")), "057");
    assert_int_equal(json_array_size(json_object_get(o, "actors")), 2);
    assert_string_equal(json_string_value(json_object_get(o, "place")), "astana");
    assert_string_equal(json_string_value(json_object_get(o, "date")), "2024-05-22");
    assert_true(json_number_value(json_object_get(o, "count")) == 47);
    assert_string_equal(json_string_value(json_object_get(o, "explain")),
                        "because \"signed\"");
    json_decref(o);
}

static void test_writer_nesting(void **state)
{
    (void)state;
    dk_buf b = {0};
    dk_jsonw w;
    dk_jw_begin(&w, &b);
    dk_jw_int(&w, "a", -5);
    dk_jw_obj(&w, "o");
    dk_jw_bool(&w, "t", 1);
    dk_jw_bool(&w, "f", 0);
    dk_jw_end(&w);
    dk_jw_num(&w, "n", 0.25);
    const char ids[2][DK_ID_MAX] = {"x", "y\"z"};
    dk_jw_ids(&w, "ids", ids, 2);
    dk_jw_ids(&w, "none", ids, 0);
    dk_jw_end(&w);
    assert_int_equal(w.err, DK_OK);
    assert_string_equal(b.data, "{\"a\":-5,\"o\":{\"t\":true,\"f\":false},"
                                "\"n\":0.25,\"ids\":[\"x\",\"y\\\"z\"],\"none\":[]}");
    dk_buf_free(&b);
}

/* The old member-by-member writer, kept here as the oracle of the direct
 * writer in dk_json_mention: the two must agree byte for byte. */
static void mention_by_members(dk_buf *b, const char *doc, const dk_mention *m)
{
    dk_jsonw w;
    dk_jw_begin(&w, b);
    dk_jw_cstr(&w, "doc", doc);
    dk_jw_int(&w, "start", (long long)m->start);
    dk_jw_int(&w, "end", (long long)m->end);
    dk_jw_str(&w, "text", m->text, (size_t)(m->end - m->start));
    dk_jw_cstr(&w, "kind", dk_kind_name(m->kind));
    if (m->has_value && m->kind != DK_EVENT) {
        dk_jw_num(&w, "value", m->value);
        if (m->unit[0])
            dk_jw_cstr(&w, "unit", m->unit);
        dk_jw_cstr(&w, "qualifier", dk_qualifier_name(m->qualifier));
        if (m->qualifier == DK_Q_RANGE) {
            dk_jw_num(&w, "low", m->low);
            dk_jw_num(&w, "high", m->high);
        }
    }
    if (m->kind == DK_DATE && m->date[0])
        dk_jw_cstr(&w, "date", m->date);
    if (m->metric[0]) {
        dk_jw_cstr(&w, "metric", m->metric);
        if (m->period[0])
            dk_jw_cstr(&w, "period", m->period);
        dk_jw_ids(&w, "subjects", m->subjects, m->nsubjects);
    }
    if (m->has_change) {
        dk_jw_obj(&w, "change");
        dk_jw_num(&w, "value", m->change_value);
        dk_jw_cstr(&w, "unit", m->change_unit);
        dk_jw_end(&w);
    }
    if (m->kind == DK_ENTITY) {
        dk_jw_cstr(&w, "type", m->type);
        dk_jw_cstr(&w, "id", m->id);
    }
    if (m->kind == DK_EVENT) {
        dk_jw_cstr(&w, "event", m->event);
        dk_jw_cstr(&w, "cameo", m->cameo);
        if (m->nactors)
            dk_jw_ids(&w, "actors", m->actors, m->nactors);
        if (m->place[0])
            dk_jw_cstr(&w, "place", m->place);
        if (m->date[0])
            dk_jw_cstr(&w, "date", m->date);
        if (m->has_count)
            dk_jw_num(&w, "count", m->count);
        if (m->has_value) {
            dk_jw_num(&w, "value", m->value);
            dk_jw_cstr(&w, "unit", m->unit);
        }
    }
    if (m->explain)
        dk_jw_cstr(&w, "explain", m->explain);
    dk_jw_end(&w);
    assert_int_equal(w.err, DK_OK);
}

static void test_mention_same_as_members(void **state)
{
    (void)state;
    static const double values[] = {0, -0.0, 9, 10, 99, 100, 101, 12345,
        999999999999999.0, 1e15, -42, 0.5, 1.0 / 3, 123456789012.25};
    static const unsigned long long offsets[] = {0, 7, 10, 99, 100, 1000,
        4294967296ull, 9223372036854775807ull, 12345678, 99999999,
        100000000};
    const char *text = "a \"q\"\\\x01\x1f\x7f caf\xc3\xa9 \xe2\x80\x94 end";
    dk_buf got = {0}, want = {0}, head = {0}, line = {0};
    for (int k = 0; k < DK_KIND_COUNT; k++)
        for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
            dk_mention m;
            memset(&m, 0, sizeof m);
            m.kind = (dk_kind)k;
            m.start = offsets[i % (sizeof offsets / sizeof offsets[0])];
            m.end = m.start + strlen(text) - (i % 3);
            m.text = text;
            m.has_value = (int)(i % 2);
            m.value = values[i];
            m.qualifier = (dk_qualifier)(i % 5);
            m.low = values[(i + 1) % 14];
            m.high = values[(i + 2) % 14];
            strcpy(m.unit, i % 4 ? "USD" : "");
            strcpy(m.date, i % 3 ? "2024-05-22" : "");
            strcpy(m.metric, i % 2 ? "" : "trade\"turnover");
            strcpy(m.period, i % 5 ? "2023" : "");
            m.nsubjects = (int)(i % 5);
            for (int j = 0; j < DK_MAX_SUBJECTS; j++)
                strcpy(m.subjects[j], j % 2 ? "CN" : "K\\Z");
            m.has_change = (int)(i % 3 == 1);
            m.change_value = -values[i];
            strcpy(m.change_unit, "%");
            strcpy(m.type, "country");
            strcpy(m.id, "KZ");
            strcpy(m.event, "visit");
            strcpy(m.cameo, "042");
            m.nactors = (int)(i % 4);
            strcpy(m.actors[0], "tokayev");
            strcpy(m.actors[1], "xi");
            strcpy(m.actors[2], "a\tb");
            strcpy(m.place, i % 2 ? "astana" : "");
            m.has_count = (int)(i % 2 == 0);
            m.count = values[(i + 3) % 14];
            m.explain = i % 2 ? "why: \"cue\"\n\x02" : NULL;
            got.len = want.len = 0;
            assert_int_equal(dk_json_mention(&got, i % 2 ? "doc\"1" : "d",
                                             &m), DK_OK);
            mention_by_members(&want, i % 2 ? "doc\"1" : "d", &m);
            assert_int_equal(got.len, want.len);
            assert_string_equal(got.data, want.data);
            /* the head + line pair: the same bytes and a newline */
            assert_int_equal(dk_json_mention_head(&head, i % 2 ? "doc\"1"
                                                                : "d"), DK_OK);
            line.len = 0;
            assert_int_equal(dk_json_mention_line(&line, &head, &m), DK_OK);
            assert_int_equal(line.len, want.len + 1);
            assert_memory_equal(line.data, want.data, want.len);
            assert_int_equal(line.data[want.len], '\n');
        }
    dk_buf_free(&got);
    dk_buf_free(&want);
    dk_buf_free(&head);
    dk_buf_free(&line);
}

/* Texts of every length to 40 with one byte to escape at every place
 * (or none): the short texts, the 16- and 8-byte chunks and the tail
 * read that ends at the text's end must all agree with the oracle. */
static void test_mention_text_lengths(void **state)
{
    (void)state;
    static const char esc[] = {'"', '\\', '\n', '\x01', '\x7f'};
    char text[48];
    dk_buf got = {0}, want = {0};
    for (size_t n = 0; n <= 40; n++)
        for (size_t at = 0; at <= n; at++) {   /* at == n: none */
            for (size_t i = 0; i < n; i++)
                text[i] = (char)('a' + i % 26);
            if (at < n)
                text[at] = esc[(n + at) % sizeof esc];
            dk_mention m;
            memset(&m, 0, sizeof m);
            m.kind = DK_NUMBER;
            m.start = 100;
            m.end = 100 + n;
            m.text = text;
            got.len = want.len = 0;
            assert_int_equal(dk_json_mention(&got, "d", &m), DK_OK);
            mention_by_members(&want, "d", &m);
            assert_int_equal(got.len, want.len);
            assert_string_equal(got.data, want.data);
        }
    dk_buf_free(&got);
    dk_buf_free(&want);
}

/* Offsets around every power of ten (the digit counts of w_uint), as
 * the oracle writes them. */
static void test_mention_offsets(void **state)
{
    (void)state;
    dk_buf got = {0}, want = {0};
    unsigned long long p = 1;
    for (int e = 0; e < 19; e++, p *= 10)   /* to 10^18 (a long long) */
        for (unsigned long long d = 0; d < 5; d++) {
            if (p + d < 2)
                continue;
            dk_mention m;
            memset(&m, 0, sizeof m);
            m.kind = DK_DATE;
            m.start = p + d - 2;   /* p - 2 to p + 2 */
            m.end = m.start;
            m.text = "";
            got.len = want.len = 0;
            assert_int_equal(dk_json_mention(&got, "d", &m), DK_OK);
            mention_by_members(&want, "d", &m);
            assert_string_equal(got.data, want.data);
        }
    dk_buf_free(&got);
    dk_buf_free(&want);
}

static void test_ints(void **state)
{
    (void)state;
    static const long long v[] = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000,
        -1, -10, -99, -100, 1234567890123456789ll, -9223372036854775807ll - 1,
        9223372036854775807ll};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        dk_buf b = {0};
        dk_jsonw w;
        char want[64];
        dk_jw_begin(&w, &b);
        dk_jw_int(&w, "n", v[i]);
        dk_jw_end(&w);
        snprintf(want, sizeof want, "{\"n\":%lld}", v[i]);
        assert_string_equal(b.data, want);
        dk_buf_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_mention_text_lengths),
        cmocka_unit_test(test_mention_offsets),
        cmocka_unit_test(test_escape_appends),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_numbers_parse),
        cmocka_unit_test(test_mention_money),
        cmocka_unit_test(test_mention_range_and_date),
        cmocka_unit_test(test_mention_event),
        cmocka_unit_test(test_writer_nesting),
        cmocka_unit_test(test_mention_same_as_members),
        cmocka_unit_test(test_ints),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
