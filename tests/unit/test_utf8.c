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
    /* caught at the first byte that cannot continue the sequence */
    EXPECT("ab\xE0\x80\xAF", DK_UTF8_BAD, 3);   /* '/' in 3 bytes */
    EXPECT("ab\xE0\x9F\xBF", DK_UTF8_BAD, 3);   /* U+07FF in 3 bytes */
    EXPECT("ab\xF0\x80\x80\xAF", DK_UTF8_BAD, 3);
    EXPECT("ab\xF0\x8F\xBF\xBF", DK_UTF8_BAD, 3); /* U+FFFF in 4 bytes */
    EXPECT("ab\xE0\xA0\x80", DK_UTF8_OK, 0);      /* U+0800, shortest */
    EXPECT("ab\xF0\x90\x80\x80", DK_UTF8_OK, 0); /* U+10000 */
}

static void test_surrogates_and_range(void **state)
{
    (void)state;
    EXPECT("x\xED\xA0\x80y", DK_UTF8_BAD, 2);   /* U+D800 */
    EXPECT("x\xED\xBF\xBFy", DK_UTF8_BAD, 2);   /* U+DFFF */
    EXPECT("x\xF4\x90\x80\x80", DK_UTF8_BAD, 2); /* U+110000 */
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

/* A bad byte, a NUL and a harmless byte in every position of the fast
 * path's 16- and 8-byte blocks, from several starting offsets (the
 * blocks are read unaligned) and lengths (the tail after the blocks). */
static void test_fast_path_positions(void **state)
{
    (void)state;
    char buf[48];
    for (int off = 0; off < 4; off++) {
        for (int len = 1; len <= 44; len += (len < 20 ? 1 : 7)) {
            char *s = buf + off;
            for (int pos = 0; pos < len; pos++) {
                memset(buf, 'a', sizeof buf);
                s[pos] = (char)0x80;
                expect(s, (size_t)len, DK_UTF8_BAD, (size_t)pos);
                s[pos] = 0;
                expect(s, (size_t)len, DK_UTF8_NUL, (size_t)pos);
                s[pos] = 0x7F;
                expect(s, (size_t)len, DK_UTF8_OK, 0);
                s[pos] = (char)0xC3;   /* a two-byte letter across blocks */
                if (pos + 1 < len) {
                    s[pos + 1] = (char)0xA9;
                    expect(s, (size_t)len, DK_UTF8_OK, 0);
                }
            }
        }
    }
}

/* The definition, slowly: decode each sequence to its code point and
 * check the shortest form, the surrogates and the top of the range. */
static int ref_valid(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                   : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || i + len > n)
            return 0;
        uint32_t cp = c & (0xFF >> (len + 1));
        for (size_t k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += len;
    }
    return 1;
}

/* Every string of one to three bytes, and every four-byte string with a
 * lead byte of F0-F7: the validator agrees with the definition. */
static void test_exhaustive(void **state)
{
    (void)state;
    unsigned char b[4];
    size_t at;
    for (unsigned v = 0; v < (1u << 24); v++) {
        b[0] = (unsigned char)(v >> 16);
        b[1] = (unsigned char)(v >> 8);
        b[2] = (unsigned char)v;
        int want = ref_valid(b, 3);
        int got = check_all((const char *)b, 3, &at) == DK_UTF8_OK;
        if (want != got)
            fail_msg("%02x %02x %02x: want %d got %d", b[0], b[1], b[2],
                     want, got);
        if (v < (1u << 16)) {
            want = ref_valid(b + 1, 2);
            got = check_all((const char *)b + 1, 2, &at) == DK_UTF8_OK;
            assert_int_equal(want, got);
        }
    }
    for (unsigned v = 0; v < (1u << 24); v += 3) {
        b[0] = (unsigned char)(0xF0 + (v >> 21));
        b[1] = (unsigned char)(v >> 13);
        b[2] = (unsigned char)(v >> 5);
        b[3] = (unsigned char)(0x80 + (v & 0x3F) + (v & 0x40 ? 0x40 : 0));
        int want = ref_valid(b, 4);
        int got = check_all((const char *)b, 4, &at) == DK_UTF8_OK;
        if (want != got)
            fail_msg("%02x %02x %02x %02x: want %d got %d", b[0], b[1],
                     b[2], b[3], want, got);
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
        cmocka_unit_test(test_exhaustive),
        cmocka_unit_test(test_decode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
