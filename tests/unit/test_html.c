/*
 * test_html.c - the HTML reader: the article body without furniture,
 * metadata from meta tags, broken markup, deep nesting, empty pages.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "ingest/html.h"

static char *run(const char *html, dk_htmlmeta *m, dk_status want)
{
    dk_buf b = {0};
    char err[256] = "";
    assert_int_equal(dk_html_extract(html, strlen(html), &b, m, err, sizeof err),
                     want);
    if (want)
        assert_true(err[0] != 0);
    if (!b.data)
        dk_buf_append(&b, "", 0);
    return b.data;
}

static void test_article(void **state)
{
    (void)state;
    dk_htmlmeta m;
    char *t = run(
        "<html><head><title>Site | Headline</title>"
        "<meta property=\"og:title\" content=\"Headline\">"
        "<meta property=\"article:published_time\" content=\"2023-03-14T09:30:00Z\">"
        "<meta name=\"author\" content=\"A. Writer\">"
        "<meta property=\"og:site_name\" content=\"Wire\">"
        "<link rel=\"canonical\" href=\"https://x.example/a\">"
        "<script>var s = 'script text';</script></head><body>"
        "<nav>Menu items</nav><article><h1>Headline</h1>"
        "<div class=\"share\">Facebook Twitter</div>"
        "<p>First   paragraph\nwith 12 percent.</p><p>Second &amp; last.<a href=\"/x\">"
        " Read more &raquo;</a></p>"
        "<figure><figcaption>Photo: agency</figcaption></figure>"
        "<p class=\"read-more\"><a>Read more: elsewhere</a></p></article>"
        "<footer>Copyright</footer></body></html>", &m, DK_OK);
    assert_string_equal(m.title, "Headline");
    assert_string_equal(m.date, "2023-03-14");
    assert_string_equal(m.author, "A. Writer");
    assert_string_equal(m.source, "Wire");
    assert_string_equal(m.url, "https://x.example/a");
    assert_string_equal(t, "Headline\n\nFirst paragraph with 12 percent.\n\n"
                           "Second & last.\n");
    free(t);
}

static void test_body_without_article(void **state)
{
    (void)state;
    dk_htmlmeta m;
    char *t = run("<title>Only title</title><div id=\"main-menu\">Home</div>"
                  "<div><time datetime=\"2021-11-02\">Nov 2</time>"
                  "<p>Line one<br>line two</p></div>"
                  "<div class=\"footer\">Contact</div>", &m, DK_OK);
    assert_string_equal(m.title, "Only title");
    assert_string_equal(m.date, "2021-11-02");
    assert_null(strstr(t, "Home"));
    assert_null(strstr(t, "Contact"));
    assert_non_null(strstr(t, "Line one\nline two"));
    free(t);
}

static void test_broken_and_deep(void **state)
{
    (void)state;
    dk_htmlmeta m;
    char *t = run("<p>unclosed <b>bold <i>text<p>next &#8212; &nbsp;x", &m, DK_OK);
    assert_non_null(strstr(t, "unclosed bold text"));
    assert_non_null(strstr(t, "next \xe2\x80\x94 \xc2\xa0x"));
    free(t);
    /* 20000 nested elements: no recursion to overflow */
    size_t n = 20000;
    char *deep = malloc(n * 5 + 16);
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(deep + len, "<div>", 5);
        len += 5;
    }
    strcpy(deep + len, "deep text");
    t = run(deep, &m, DK_OK);
    assert_non_null(strstr(t, "deep text"));
    free(t);
    free(deep);
}

static void test_empty(void **state)
{
    (void)state;
    dk_htmlmeta m;
    free(run("<html><head><script>x</script></head><body><nav>m</nav></body>",
             &m, DK_ERR_EMPTY));
    free(run("", &m, DK_ERR_EMPTY));
}

static void test_names(void **state)
{
    (void)state;
    assert_true(dk_html_is_name("a/b.html"));
    assert_true(dk_html_is_name("X.HTM"));
    assert_false(dk_html_is_name("a.txt"));
    assert_false(dk_html_is_name("html"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_article),
        cmocka_unit_test(test_body_without_article),
        cmocka_unit_test(test_broken_and_deep),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
