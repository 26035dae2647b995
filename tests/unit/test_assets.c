/*
 * test_assets.c - the embedded web files: lookup by path (only table
 * entries, no traversal), content types, ETags, If-None-Match matching
 * and Cache-Control.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "serve/assets.h"

static void test_find(void **state)
{
    (void)state;
    const dk_asset *a = dk_asset_find("/");
    assert_non_null(a);
    assert_string_equal(a->type, "text/html; charset=utf-8");
    assert_true(a->len > 100);
    assert_non_null(strstr((const char *)a->data, "/assets/app.js"));
    assert_ptr_equal(dk_asset_find("/index.html"), a);
    const dk_asset *js = dk_asset_find("/assets/app.js");
    assert_non_null(js);
    assert_non_null(strstr(js->type, "javascript"));
    const dk_asset *css = dk_asset_find("/assets/uPlot.min.css");
    assert_non_null(css);
    assert_string_equal(css->type, "text/css; charset=utf-8");
    assert_non_null(dk_asset_find("/assets/uPlot.iife.min.js"));
    assert_int_equal(a->data[a->len], 0);
}

static void test_not_found(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", "/assets/", "/assets", "/app.js", "/assets/../index.html",
        "/assets/app.js/", "/ASSETS/app.js", "//", "/../etc/passwd",
        "/assets/app.js%00", "/etc/passwd", "/index.htm", "/assets//app.js",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_null(dk_asset_find(bad[i]));
    assert_null(dk_asset_find(NULL));
}

static void test_etags(void **state)
{
    (void)state;
    for (size_t i = 0; i < dk_asset_count; i++) {
        const dk_asset *a = &dk_asset_table[i];
        assert_int_equal(strlen(a->etag), 18);
        assert_int_equal(a->etag[0], '"');
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(a->etag, dk_asset_table[j].etag);
    }
}

static void test_etag_match(void **state)
{
    (void)state;
    const char *e = "\"0123456789abcdef\"";
    assert_true(dk_asset_etag_match("\"0123456789abcdef\"", e));
    assert_true(dk_asset_etag_match("W/\"0123456789abcdef\"", e));
    assert_true(dk_asset_etag_match("\"x\", \"0123456789abcdef\"", e));
    assert_true(dk_asset_etag_match("\"x\",W/\"0123456789abcdef\" ", e));
    assert_true(dk_asset_etag_match("*", e));
    assert_false(dk_asset_etag_match(NULL, e));
    assert_false(dk_asset_etag_match("", e));
    assert_false(dk_asset_etag_match("\"0123456789abcde\"", e));
    assert_false(dk_asset_etag_match("\"0123456789abcdef", e));
    assert_false(dk_asset_etag_match("0123456789abcdef", e));
    assert_false(dk_asset_etag_match("\"x\", \"y\"", e));
}

static void test_cache_control(void **state)
{
    (void)state;
    assert_string_equal(dk_asset_cache_control(dk_asset_find("/")), "no-cache");
    assert_non_null(strstr(dk_asset_cache_control(dk_asset_find("/assets/app.js")),
                           "max-age="));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_not_found),
        cmocka_unit_test(test_etags),
        cmocka_unit_test(test_etag_match),
        cmocka_unit_test(test_cache_control),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
