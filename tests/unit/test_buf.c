/*
 * test_buf.c - unit tests of src/base/buf.c (growth, NUL termination,
 * consume, overflow refusal) and src/base/names.c (the fixed texts of
 * the public enums).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "base/buf.h"

static void test_append_grows(void **state)
{
    (void)state;
    dk_buf b = {0};
    assert_int_equal(dk_buf_append(&b, "", 0), DK_OK);
    assert_non_null(b.data);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    for (int i = 0; i < 10000; i++)
        assert_int_equal(dk_buf_putc(&b, (char)('a' + i % 26)), DK_OK);
    assert_int_equal(b.len, 10000);
    assert_true(b.cap > b.len);          /* room for the NUL */
    assert_int_equal(b.data[b.len], '\0');
    for (int i = 0; i < 10000; i++)
        assert_int_equal(b.data[i], 'a' + i % 26);
    dk_buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    dk_buf_free(&b);                     /* twice is harmless */
}

static void test_reserve(void **state)
{
    (void)state;
    dk_buf b = {0};
    assert_int_equal(dk_buf_reserve(&b, 1000), DK_OK);
    assert_true(b.cap >= 1000);
    char *p = b.data;
    size_t cap = b.cap;
    assert_int_equal(dk_buf_reserve(&b, 10), DK_OK);   /* no move */
    assert_ptr_equal(b.data, p);
    assert_int_equal(b.cap, cap);
    /* absurd sizes are refused and leave the buffer as it was */
    assert_int_equal(dk_buf_reserve(&b, (size_t)-1), DK_ERR_NOMEM);
    assert_int_equal(dk_buf_reserve(&b, (size_t)-1 / 2 + 1), DK_ERR_NOMEM);
    assert_int_equal(dk_buf_append(&b, "x", (size_t)-1), DK_ERR_NOMEM);
    assert_ptr_equal(b.data, p);
    assert_int_equal(b.len, 0);
    dk_buf_free(&b);
}

static void test_consume(void **state)
{
    (void)state;
    dk_buf b = {0};
    dk_buf_consume(&b, 5);               /* on an empty buffer */
    assert_int_equal(b.len, 0);
    assert_int_equal(dk_buf_append(&b, "hello world", 11), DK_OK);
    dk_buf_consume(&b, 6);
    assert_int_equal(b.len, 5);
    assert_string_equal(b.data, "world");
    dk_buf_consume(&b, 0);
    assert_string_equal(b.data, "world");
    dk_buf_consume(&b, 99);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    assert_int_equal(dk_buf_append(&b, "again", 5), DK_OK);
    assert_string_equal(b.data, "again");
    dk_buf_free(&b);
}

static void test_names(void **state)
{
    (void)state;
    for (int s = 0; s <= DK_ERR_EMPTY; s++) {
        const char *t = dk_strerror((dk_status)s);
        assert_non_null(t);
        assert_string_not_equal(t, "unknown error");
    }
    assert_string_equal(dk_strerror(DK_OK), "success");
    assert_string_equal(dk_strerror(DK_ERR_UTF8), "invalid UTF-8");
    assert_string_equal(dk_strerror((dk_status)99), "unknown error");
    assert_string_equal(dk_strerror((dk_status)-1), "unknown error");
    assert_string_equal(dk_kind_name(DK_MONEY), "money");
    assert_string_equal(dk_kind_name(DK_SENTENCE), "sentence");
    assert_string_equal(dk_kind_name(DK_KIND_COUNT), "none");
    for (int k = 1; k < DK_KIND_COUNT; k++)
        assert_string_not_equal(dk_kind_name((dk_kind)k), "none");
    assert_string_equal(dk_qualifier_name(DK_Q_APPROX), "approx");
    assert_string_equal(dk_qualifier_name(DK_Q_RANGE), "range");
    assert_string_equal(dk_qualifier_name((dk_qualifier)42), "exact");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_append_grows),
        cmocka_unit_test(test_reserve),
        cmocka_unit_test(test_consume),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
