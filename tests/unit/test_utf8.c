/*
 * test_utf8.c - unit tests of src/text/utf8.c: the streaming validator
 * (overlongs, surrogates, range, truncation, NUL, every chunk split) and
 * the single code point decoder.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "text/utf8.h"

/* Check s[0, n) in one call; returns the verdict and sets *at. */
static int check_all(const char *s, size_t n, size_t *at)
{
    dk_utf8_state st;
    memset(&st, 0, sizeof st);
    *at = (size_t)-1;
    int r = dk_utf8_check(&st, (const unsigned char *)s, n, at);
    if (r == DK_UTF8_OK && dk_utf8_incomplete(&st))
        return -1;  /* truncated at the end */
    return r;
}

/* Check s in chunks of size k; returns the verdict and the absolute
 * offset of the offending byte. */
static int check_chunked(const char *s, size_t n, size_t k, size_t *at)
{
    dk_utf8_state st;
    memset(&st, 0, sizeof st);
    *at = (size_t)-1;
    for (size_t off = 0; off < n; off += k) {
        size_t len = n - off < k ? n - off : k;
        size_t rel = 0;
        int r = dk_utf8_check(&st, (const unsigned char *)s + off, len, &rel);
        if (r != DK_UTF8_OK) {
            *at = off + rel;
            return r;
        }
    }
    return dk_utf8_incomplete(&st) ? -1 : DK_UTF8_OK;
}

/* Expect verdict r at offset at for s, whole and in every chunk size. */
static void expect(const char *s, size_t n, int r, size_t at)
{
    size_t got;
    assert_int_equal(check_all(s, n, &got), r);
    if (r > 0)
        assert_int_equal(got, at);
    for (size_t k = 1; k <= n + 1; k++) {
        assert_int_equal(check_chunked(s, n, k, &got), r);
        if (r > 0)
            assert_int_equal(got, at);
    }
}

#define EXPECT(lit, r, at) expect(lit, sizeof(lit) - 1, r, at)

static void test_valid(void **state)
{
    (void)state;
    EXPECT("", DK_UTF8_OK, 0);
    EXPECT("plain ASCII text, long enough for the fast path.", DK_UTF8_OK, 0);
    EXPECT("\xC2\xA0", DK_UTF8_OK, 0);                 /* U+00A0 */
    EXPECT("Қазақстан", DK_UTF8_OK, 0);
    EXPECT("中国 €5 “quoted”", DK_UTF8_OK, 0);
    EXPECT("\xF0\x9F\x98\x80 emoji", DK_UTF8_OK, 0);   /* U+1F600 */
    EXPECT("\xED\x9F\xBF", DK_UTF8_OK, 0);             /* U+D7FF */
    EXPECT("\xEE\x80\x80", DK_UTF8_OK, 0);             /* U+E000 */
    EXPECT("\xF4\x8F\xBF\xBF", DK_UTF8_OK, 0);         /* U+10FFFF */
    EXPECT("\xEF\xBB\xBF" "BOM", DK_UTF8_OK, 0);
}

static void test_overlong(void **state)
{
    (void)state;
    EXPECT("ab\xC0\x80", DK_UTF8_BAD, 2);       /* C0/C1 never valid */
    EXPECT("ab\xC1\xBF", DK_UTF8_BAD, 2);
    EXPECT("ab\xE0\x80\xAF", DK_UTF8_BAD, 4);   /* '/' in 3 bytes */
    EXPECT("ab\xE0\x9F\xBF", DK_UTF8_BAD, 4);   /* U+07FF in 3 bytes */
    EXPECT("ab\xF0\x80\x80\xAF", DK_UTF8_BAD, 5);
    EXPECT("ab\xF0\x8F\xBF\xBF", DK_UTF8_BAD, 5); /* U+FFFF in 4 bytes */
}

static void test_surrogates_and_range(void **state)
{
    (void)state;
    EXPECT("x\xED\xA0\x80y", DK_UTF8_BAD, 3);   /* U+D800 */
    EXPECT("x\xED\xBF\xBFy", DK_UTF8_BAD, 3);   /* U+DFFF */
    EXPECT("x\xF4\x90\x80\x80", DK_UTF8_BAD, 4); /* U+110000 */
    EXPECT("x\xF5\x80\x80\x80", DK_UTF8_BAD, 1); /* lead byte too high */
    EXPECT("x\xFF", DK_UTF8_BAD, 1);
    EXPECT("x\xFE", DK_UTF8_BAD, 1);
}

static void test_bad_sequences(void **state)
{
    (void)state;
    EXPECT("abc\x80", DK_UTF8_BAD, 3);          /* lone continuation */
    EXPECT("abc\xBF rest", DK_UTF8_BAD, 3);
    EXPECT("\xC3(", DK_UTF8_BAD, 1);            /* missing continuation */
    EXPECT("\xE2\x82(", DK_UTF8_BAD, 2);
    EXPECT("\xF0\x9F\x98 ", DK_UTF8_BAD, 3);
    EXPECT("\xC3\xA9\xA9", DK_UTF8_BAD, 2);     /* one too many */
    /* a bad byte after a long ASCII run: offset counts the run */
    EXPECT("0123456789abcdefghij\x80", DK_UTF8_BAD, 20);
}

static void test_truncated(void **state)
{
    (void)state;
    EXPECT("end \xC3", -1, 0);
    EXPECT("end \xE2\x82", -1, 0);
    EXPECT("end \xF0\x9F\x98", -1, 0);
}

static void test_nul(void **state)
{
    (void)state;
    EXPECT("ab\0cd", DK_UTF8_NUL, 2);
    EXPECT("0123456789abcdef\0", DK_UTF8_NUL, 16);
    EXPECT("\0", DK_UTF8_NUL, 0);
    /* NUL inside a sequence is a bad continuation, not a NUL verdict */
    EXPECT("\xC3\0", DK_UTF8_BAD, 1);
}

/* Every byte value in every position of the fast path's 8-byte words. */
static void test_fast_path_positions(void **state)
{
    (void)state;
    char s[24];
    for (int pos = 0; pos < 24; pos++) {
        memset(s, 'a', sizeof s);
        s[pos] = (char)0x80;
        expect(s, sizeof s, DK_UTF8_BAD, (size_t)pos);
        s[pos] = 0;
        expect(s, sizeof s, DK_UTF8_NUL, (size_t)pos);
        s[pos] = 0x7F;
        expect(s, sizeof s, DK_UTF8_OK, 0);
    }
}

static void test_decode(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(dk_utf8_decode((const unsigned char *)"A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(dk_utf8_decode((const unsigned char *)"\xC3\xA9", 2, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(dk_utf8_decode((const unsigned char *)"\xE2\x82\xAC", 3, &cp), 3);
    assert_int_equal(cp, 0x20AC);
    assert_int_equal(dk_utf8_decode((const unsigned char *)"\xF0\x9F\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    /* too few bytes available: U+FFFD, length 1 */
    assert_int_equal(dk_utf8_decode((const unsigned char *)"\xE2\x82", 2, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    /* lone continuation and bad continuation */
    assert_int_equal(dk_utf8_decode((const unsigned char *)"\x80", 1, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(dk_utf8_decode((const unsigned char *)"\xC3(", 2, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    /* bytes F8-FF are never lead bytes */
    assert_int_equal(dk_utf8_decode((const unsigned char *)"\xF8\x80\x80\x80\x80", 5, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(dk_utf8_decode((const unsigned char *)"\xFF\x80\x80\x80", 4, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_overlong),
        cmocka_unit_test(test_surrogates_and_range),
        cmocka_unit_test(test_bad_sequences),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_nul),
        cmocka_unit_test(test_fast_path_positions),
        cmocka_unit_test(test_decode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
