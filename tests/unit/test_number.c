/*
 * test_number.c - unit tests of the number reader (src/recognise/number.c):
 * a table of phrases, each read with dk_number_at at its first token,
 * with the expected value, token count and flags.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "recognise/number.h"

typedef struct ncase {
    const char *text;
    int ok;              /* a number starts at token 0 */
    const char *span;    /* expected text of the number */
    double value;
    int ordinal, fraction, approx;
} ncase;

static const ncase cases[] = {
    {"1,783 kilometers", 1, "1,783", 1783, 0, 0, 0},
    {"28.3 million tons", 1, "28.3 million", 28300000, 0, 0, 0},
    {"1.4 billion people", 1, "1.4 billion", 1.4e9, 0, 0, 0},
    {"20 thousand new jobs", 1, "20 thousand", 20000, 0, 0, 0},
    {"twenty-five years", 1, "twenty-five", 25, 0, 0, 0},
    {"one hundred and twenty people", 1, "one hundred and twenty", 120, 0, 0, 0},
    {"four thousand three hundred and six", 1, "four thousand three hundred and six", 4306, 0, 0, 0},
    {"three lakh crore", 1, "three lakh crore", 3e12, 0, 0, 0},
    {"half a million tons", 1, "half a million", 500000, 0, 1, 0},
    {"one million and a half", 1, "one million and a half", 1500000, 0, 1, 0},
    {"five and a half million", 1, "five and a half million", 5500000, 0, 1, 0},
    {"two thirds of a million", 1, "two thirds of a million", 2000000.0 / 3, 0, 1, 0},
    {"one-tenth of them", 1, "one-tenth", 0.1, 0, 1, 0},
    {"two-thirds", 1, "two-thirds", 2.0 / 3, 0, 1, 0},
    {"3/4 of the cargo", 1, "3/4", 0.75, 0, 1, 0},
    {"10 1/2 miles", 1, "10 1/2", 10.5, 0, 1, 0},
    {"one hundred and three quarters", 1, "one hundred and three quarters", 100.75, 0, 1, 0},
    {"one hundred thirty fifths", 1, "one hundred thirty fifths", 100.0 / 35, 0, 1, 0},
    {"twenty-first century", 1, "twenty-first", 21, 1, 0, 0},
    {"one hundred twenty-fifth", 1, "one hundred twenty-fifth", 125, 1, 0, 0},
    {"two hundredth", 1, "two hundredth", 200, 1, 0, 0},
    {"fourth", 1, "fourth", 4, 1, 0, 0},
    {"several thousand years", 1, "several thousand", 3000, 0, 0, 1},
    {"nine point nought four", 1, "nine point nought four", 9.04, 0, 0, 0},
    {"minus five percent", 1, "minus five", -5, 0, 0, 0},
    {"-1.5 degrees", 1, "-1.5", -1.5, 0, 0, 0},
    {"1.3e6 units", 1, "1.3e6", 1.3e6, 0, 0, 0},
    {"10k followers", 1, "10k", 10000, 0, 0, 0},
    {"one over three", 1, "one over three", 1.0 / 3, 0, 1, 0},
    {"1 234 567 tons", 1, "1 234 567", 1234567, 0, 0, 0},
    {"a dozen", 1, "a dozen", 12, 0, 0, 0},
    {"3 dozens", 1, "3 dozens", 36, 0, 0, 0},
    /* not numbers, or not as long */
    {"a year ago", 0, NULL, 0, 0, 0, 0},
    {"several areas", 0, NULL, 0, 0, 0, 0},
    {"thousands of people", 0, NULL, 0, 0, 0, 0},
    {"one two", 1, "one", 1, 0, 0, 0},
    {"12 out of 10", 1, "12", 12, 0, 0, 0},
    {"$280 million first", 1, NULL, 0, 0, 0, 0},
};

static void read_one(const ncase *c)
{
    static dk_token tok[256];
    dk_docctx doc = {0, 0, 0};
    dk_sent s = {c->text, strlen(c->text), 0, tok, 0, &doc, NULL, NULL};
    s.ntok = dk_tokenize(c->text, s.len, tok, 256);
    dk_lex_tag(c->text, tok, s.ntok);
    int first = 0;
    if (c->span == NULL && c->ok)
        first = 1;   /* skip a currency sign */
    dk_num n;
    int ok = dk_number_at(&s, first, &n);
    if (!c->ok) {
        if (ok)
            print_error("'%s': read a number of %d tokens\n", c->text, n.t1 - n.t0);
        assert_false(ok);
        return;
    }
    assert_true(ok);
    if (c->span) {
        size_t a = tok[n.t0].start, b = tok[n.t1 - 1].end;
        if (b - a != strlen(c->span) || memcmp(c->text + a, c->span, b - a) != 0)
            print_error("'%s': span '%.*s', want '%s'\n", c->text, (int)(b - a),
                        c->text + a, c->span);
        assert_int_equal(b - a, strlen(c->span));
        assert_memory_equal(c->text + a, c->span, b - a);
        if (fabs(n.value - c->value) > 1e-9 * fmax(1, fabs(c->value)))
            print_error("'%s': value %.12g, want %.12g\n", c->text, n.value, c->value);
        assert_true(fabs(n.value - c->value) <= 1e-9 * fmax(1, fabs(c->value)));
        assert_int_equal(!!n.ordinal, c->ordinal);
        assert_int_equal(!!n.fraction, c->fraction);
        assert_int_equal(!!n.approx, c->approx);
    } else {
        /* "$280 million first": the ordinal word is not part of it */
        assert_false(n.ordinal);
        assert_int_equal(n.t1, 3);
    }
}

static void test_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        read_one(&cases[i]);
}

static void test_no_number_past_end(void **state)
{
    (void)state;
    static dk_token tok[4];
    const char *t = "twenty";
    dk_docctx doc = {0, 0, 0};
    dk_sent s = {t, strlen(t), 0, tok, 0, &doc, NULL, NULL};
    s.ntok = dk_tokenize(t, s.len, tok, 4);
    dk_lex_tag(t, tok, s.ntok);
    dk_num n;
    assert_false(dk_number_at(&s, 1, &n));
    assert_false(dk_number_at(&s, -1, &n));
    assert_true(dk_number_at(&s, 0, &n));
    assert_int_equal(n.t1, 1);
}

/* With a cache, dk_number_at answers at every token as without one, the
 * first time and again from the cache; a new sentence forgets them. */
static void test_cache(void **state)
{
    (void)state;
    static dk_token tok[256];
    static dk_numcache cache;
    dk_docctx doc = {0, 0, 0};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const char *t = cases[c].text;
        dk_sent s = {t, strlen(t), 0, tok, 0, &doc, NULL, NULL};
        s.ntok = dk_tokenize(t, s.len, tok, 256);
        dk_lex_tag(t, tok, s.ntok);
        dk_numcache_next(&cache);
        for (int i = 0; i < s.ntok; i++) {
            dk_num a, b, x;
            memset(&a, 0, sizeof a);
            memset(&b, 0, sizeof b);
            memset(&x, 0, sizeof x);
            s.nums = NULL;
            int oa = dk_number_at(&s, i, &a);
            s.nums = &cache;
            int ob = dk_number_at(&s, i, &b), ox = dk_number_at(&s, i, &x);
            assert_int_equal(oa, ob);
            assert_int_equal(oa, ox);
            if (oa) {
                assert_memory_equal(&a, &b, sizeof a);
                assert_memory_equal(&a, &x, sizeof a);
            }
        }
    }
    /* the same token index in the next sentence is read again */
    const char *t1 = "five", *t2 = "hello";
    dk_sent s = {t1, strlen(t1), 0, tok, 0, &doc, &cache, NULL};
    s.ntok = dk_tokenize(t1, s.len, tok, 256);
    dk_lex_tag(t1, tok, s.ntok);
    dk_numcache_next(&cache);
    dk_num n;
    assert_true(dk_number_at(&s, 0, &n));
    s.text = t2;
    s.len = strlen(t2);
    s.ntok = dk_tokenize(t2, s.len, tok, 256);
    dk_lex_tag(t2, tok, s.ntok);
    dk_numcache_next(&cache);
    assert_false(dk_number_at(&s, 0, &n));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_no_number_past_end),
        cmocka_unit_test(test_cache),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
