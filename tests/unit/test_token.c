/*
 * test_token.c - unit tests of src/text/token.c: numbers in digits
 * (thousands groups, decimals, what is not a group), words with inner
 * apostrophes, UTF-8 letters and symbols, flags and spans; the loop of
 * tokscan.h with a hook (the first eight bytes of a word, lower-cased).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "text/token.h"
#include "text/tokscan.h"

static dk_token tok[256];

/* Tokenize s and return the token spans joined by '|' in out. */
static int spans(const char *s, char *out, size_t cap)
{
    int n = dk_tokenize(s, strlen(s), tok, 256);
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        assert_true(tok[i].start < tok[i].end);
        assert_true(tok[i].end <= strlen(s));
        if (i)
            assert_true(tok[i].start >= tok[i - 1].end);
        int w = snprintf(out + o, cap - o, "%s%.*s", i ? "|" : "",
                         (int)(tok[i].end - tok[i].start), s + tok[i].start);
        assert_true(w > 0 && (size_t)w < cap - o);
        o += (size_t)w;
    }
    return n;
}

static void expect_spans(const char *s, const char *want)
{
    char got[512];
    spans(s, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("text: %s\nwant: %s\ngot:  %s", s, want, got);
}

/* s must be one number token of value v with the given flags set. */
static void expect_num(const char *s, double v, int flags, int nd, int nf)
{
    int n = dk_tokenize(s, strlen(s), tok, 256);
    assert_int_equal(n, 1);
    assert_int_equal(tok[0].type, DK_TOK_NUM);
    assert_int_equal(tok[0].end, strlen(s));
    if (tok[0].num != v)
        fail_msg("%s: want %.17g got %.17g", s, v, tok[0].num);
    assert_int_equal(tok[0].flags & (DK_TF_GROUPS | DK_TF_DECIMAL | DK_TF_LEAD0),
                     flags);
    assert_int_equal(tok[0].ndigits, nd);
    assert_int_equal(tok[0].nfrac, nf);
}

static void test_numbers(void **state)
{
    (void)state;
    expect_num("2017", 2017, 0, 4, 0);
    expect_num("1,783", 1783, DK_TF_GROUPS, 4, 0);
    expect_num("1,783,000", 1783000, DK_TF_GROUPS, 7, 0);
    expect_num("28.3", 28.3, DK_TF_DECIMAL, 2, 1);
    expect_num("0.1", 0.1, DK_TF_DECIMAL, 1, 1);
    expect_num("12,345.67", 12345.67, DK_TF_GROUPS | DK_TF_DECIMAL, 5, 2);
    expect_num("007", 7, DK_TF_LEAD0, 3, 0);
    expect_num("0", 0, 0, 1, 0);
    /* the division is done once, so these are the nearest doubles */
    expect_num("1.7", 1.7, DK_TF_DECIMAL, 1, 1);
    expect_num("15.7", 15.7, DK_TF_DECIMAL, 2, 1);
    expect_num("3.14159", 3.14159, DK_TF_DECIMAL, 1, 5);
}

static void test_not_groups(void **state)
{
    (void)state;
    /* a comma group needs exactly three digits */
    expect_spans("1,5", "1|,|5");
    expect_spans("1,78", "1|,|78");
    expect_spans("1,7834", "1|,|7834");
    expect_spans("2019, 2020", "2019|,|2020");
    /* a stop not followed by a digit is punctuation */
    expect_spans("in 2017.", "in|2017|.");
    expect_spans("28.", "28|.");
    expect_spans("1.5.2", "1.5|.|2");
    expect_spans("1,783,00", "1,783|,|00");
}

static void test_words(void **state)
{
    (void)state;
    expect_spans("Xi'an and China's trade", "Xi'an|and|China's|trade");
    expect_spans("Xi’an", "Xi’an");                 /* U+2019 */
    expect_spans("exporters' goods", "exporters|'|goods");
    expect_spans("'quoted'", "'|quoted|'");
    expect_spans("Қазақстан Алматы", "Қазақстан|Алматы");
    expect_spans("São Paulo", "São|Paulo");
    expect_spans("2.5-fold", "2.5|-|fold");
    expect_spans("COVID-19", "COVID|-|19");
    expect_spans("Q3", "Q|3");
}

static void test_symbols(void **state)
{
    (void)state;
    expect_spans("$3.5 billion", "$|3.5|billion");
    expect_spans("€5", "€|5");
    expect_spans("¥10 ₸100", "¥|10|₸|100");
    expect_spans("40%", "40|%");
    expect_spans("“It”", "“|It|”");
    expect_spans("a — b", "a|—|b");
    expect_spans("x\xC2\xA0y\xE2\x80\x89z", "x|y|z");   /* NBSP, thin space */
    expect_spans("", "");
    expect_spans("   \t\n ", "");
}

static void test_flags(void **state)
{
    (void)state;
    const char *s = "The USD rate,A Ж ЖАҢА";
    int n = dk_tokenize(s, strlen(s), tok, 256);
    assert_int_equal(n, 7);
    assert_true(tok[0].flags & DK_TF_SPACE);     /* start counts as space */
    assert_true(tok[0].flags & DK_TF_CAP);
    assert_false(tok[0].flags & DK_TF_UPPER);
    assert_true(tok[0].flags & DK_TF_ASCII);
    assert_true(tok[1].flags & DK_TF_UPPER);     /* USD */
    assert_false(tok[2].flags & DK_TF_CAP);      /* rate */
    assert_int_equal(tok[3].type, DK_TOK_PUNCT); /* , */
    assert_false(tok[3].flags & DK_TF_SPACE);
    assert_false(tok[4].flags & DK_TF_SPACE);    /* A after the comma */
    assert_false(tok[4].flags & DK_TF_UPPER);    /* one letter is not UPPER */
    assert_true(tok[5].flags & DK_TF_CAP);       /* Ж */
    assert_false(tok[5].flags & DK_TF_ASCII);
    assert_int_equal(tok[6].type, DK_TOK_WORD);
}

static void test_max_and_invalid(void **state)
{
    (void)state;
    const char *s = "one two three four";
    assert_int_equal(dk_tokenize(s, strlen(s), tok, 2), 2);
    assert_int_equal(tok[1].end, 7);
    assert_int_equal(dk_tokenize(s, strlen(s), tok, 0), 0);
    /* a stray byte is one punctuation token; nothing is skipped */
    const char *bad = "a\x80" "b";
    char got[64];
    spans(bad, got, sizeof got);
    assert_string_equal(got, "a|\x80|b");
    /* a sequence cut at the end of the text */
    const char *cut = "ab \xD0";
    assert_int_equal(dk_tokenize(cut, strlen(cut), tok, 8), 2);
    assert_int_equal(tok[1].end, 4);
}

static void test_long_number(void **state)
{
    (void)state;
    char s[400];
    memset(s, '9', 300);
    s[300] = '\0';
    assert_int_equal(dk_tokenize(s, 300, tok, 8), 1);
    assert_int_equal(tok[0].ndigits, 255);   /* saturates */
    assert_int_equal(tok[0].end, 300);
}

static void test_lower(void **state)
{
    (void)state;
    const char *s = "The ЖАҢА";
    char out[16];
    dk_tokenize(s, strlen(s), tok, 8);
    assert_int_equal(dk_token_lower(s, &tok[0], out, sizeof out), 3);
    assert_string_equal(out, "the");
    /* only ASCII is lower-cased */
    assert_int_equal(dk_token_lower(s, &tok[1], out, sizeof out), 8);
    assert_string_equal(out, "ЖАҢА");
    assert_int_equal(dk_token_lower(s, &tok[1], out, 8), -1);
}

/* The hook of tokscan.h records each token's head. */
static uint64_t heads[256];
static int nheads;

static void record_head(void *ctx, const unsigned char *s, size_t n,
                        dk_token *t, uint64_t head)
{
    (void)ctx;
    assert_true(t->end <= n);
    assert_true(t->start < t->end);
    (void)s;
    heads[nheads++] = head;
}

/* Words of every length from 1 to 20 letters, in three cases, at the end
 * of the text (fewer than eight bytes readable) and before more text:
 * span, flags, and the head the hook gets: the first eight bytes
 * lower-cased and zero-padded, or 0 when the word ends with an apostrophe
 * or non-ASCII letter or could not be read eight bytes at once. */
static void test_hook_heads(void **state)
{
    (void)state;
    static const char *const tails[] = {"", " x", ", and", "'s", "\xC3\xA9",
                                        "'", "5"};
    char text[64];
    for (int len = 1; len <= 20; len++) {
        for (int form = 0; form < 3; form++) {
            for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
                char word[32];
                for (int i = 0; i < len; i++) {
                    char c = (char)('a' + (i * 7 + len) % 26);
                    if (form == 2 || (form == 1 && i == 0))
                        c = (char)(c - 'a' + 'A');
                    word[i] = c;
                }
                int n = snprintf(text, sizeof text, "%.*s%s", len, word, tails[t]);
                nheads = 0;
                int nt = dk_tokenize_with(text, (size_t)n, tok, 256,
                                          record_head, NULL);
                assert_int_equal(nt, nheads);
                int glued = tails[t][0] == '\xC3' ||
                            (tails[t][0] == '\'' && tails[t][1] == 's');
                assert_int_equal(tok[0].end, len + (glued ? (int)strlen(tails[t]) : 0));
                assert_int_equal(!!(tok[0].flags & DK_TF_CAP), form > 0);
                assert_int_equal(!!(tok[0].flags & DK_TF_UPPER),
                                 form == 2 && len >= 2 && !glued);
                assert_int_equal(!!(tok[0].flags & DK_TF_ASCII),
                                 tails[t][0] != '\xC3');
                uint64_t want = 0;
                if (tails[t][0] != '\'' && tails[t][0] != '\xC3' && (size_t)n >= 8) {
                    for (int i = 0; i < len && i < 8; i++)
                        want |= (uint64_t)(unsigned char)(word[i] | 0x20) << (8 * i);
                }
                if (heads[0] != want)
                    fail_msg("'%s': head %llx, want %llx", text,
                             (unsigned long long)heads[0],
                             (unsigned long long)want);
                for (int k = 1; k < nt; k++)
                    if (tok[k].type != DK_TOK_WORD)
                        assert_true(heads[k] == 0);
                /* the same tokens without the hook */
                dk_token plain[8];
                assert_int_equal(dk_tokenize(text, (size_t)n, plain, 8), nt);
                for (int k = 0; k < nt; k++) {
                    assert_int_equal(plain[k].end, tok[k].end);
                    assert_int_equal(plain[k].flags, tok[k].flags);
                }
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_not_groups),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_symbols),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_max_and_invalid),
        cmocka_unit_test(test_long_number),
        cmocka_unit_test(test_lower),
        cmocka_unit_test(test_hook_heads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
