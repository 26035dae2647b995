/*
 * test_matcher.c - the Aho-Corasick matcher (src/pack/ac.c): folding,
 * whole words, longest match, exact (case-sensitive) patterns, offsets
 * after collapsed white space and curly apostrophes, limits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "pack/ac.h"

static dk_ac *make(const char *const *pats, const int *exact)
{
    dk_ac *a = dk_ac_new();
    assert_non_null(a);
    for (int i = 0; pats[i]; i++)
        assert_int_equal(dk_ac_add(a, pats[i], strlen(pats[i]), i,
                                   exact ? exact[i] : 0, NULL),
                         DK_AC_OK);
    assert_int_equal(dk_ac_build(a), DK_AC_OK);
    return a;
}

/* Matches of text as "id:matched text;..." */
static const char *run(const dk_ac *a, const char *text)
{
    static char out[1024];
    dk_ac_hit h[32];
    int n = dk_ac_find(a, text, strlen(text), h, 32);
    size_t k = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++)
        k += (size_t)snprintf(out + k, sizeof out - k, "%d:%.*s;", h[i].index,
                              (int)(h[i].end - h[i].start), text + h[i].start);
    return out;
}

static void test_fold_and_words(void **state)
{
    (void)state;
    const char *p[] = {"China", "Kazakhstan", "Kazakh", NULL};
    dk_ac *a = make(p, NULL);
    assert_string_equal(run(a, "CHINA and kazakhstan"),
                        "0:CHINA;1:kazakhstan;");
    /* inside a longer word: no match */
    assert_string_equal(run(a, "Chinatown Kazakhs"), "");
    /* possessive and punctuation are boundaries */
    assert_string_equal(run(a, "China's \"Kazakh\" (China)."),
                        "0:China;2:Kazakh;0:China;");
    /* a non-ASCII letter is part of the word */
    assert_string_equal(run(a, "Chinaé éChina"), "");
    dk_ac_free(a);
}

static void test_longest(void **state)
{
    (void)state;
    const char *p[] = {"Belt and Road", "Belt and Road Forum", "Road",
                       "Forum", "Astana", "Astana International Forum",
                       NULL};
    dk_ac *a = make(p, NULL);
    assert_string_equal(run(a, "the Belt and Road Forum opened"),
                        "1:Belt and Road Forum;");
    assert_string_equal(run(a, "the Belt and Road and the Forum"),
                        "0:Belt and Road;3:Forum;");
    /* a failed long match falls back to the shorter ones inside it */
    assert_string_equal(run(a, "Astana International Forumx"),
                        "4:Astana;");
    assert_string_equal(run(a, "at the Astana International Forum."),
                        "5:Astana International Forum;");
    dk_ac_free(a);
}

static void test_spaces_dashes(void **state)
{
    (void)state;
    const char *p[] = {"Nur-Sultan", "Sino Kazakh", "Xi'an", NULL};
    dk_ac *a = make(p, NULL);
    assert_string_equal(run(a, "Nur Sultan"), "0:Nur Sultan;");
    assert_string_equal(run(a, "NUR-SULTAN"), "0:NUR-SULTAN;");
    assert_string_equal(run(a, "  Sino-Kazakh ties"), "1:Sino-Kazakh;");
    assert_string_equal(run(a, "Sino \n  Kazakh"), "1:Sino \n  Kazakh;");
    /* en dash, curly apostrophe */
    assert_string_equal(run(a, "Sino\xE2\x80\x93Kazakh in Xi\xE2\x80\x99" "an"),
                        "1:Sino\xE2\x80\x93Kazakh;2:Xi\xE2\x80\x99" "an;");
    dk_ac_free(a);
}

static void test_exact(void **state)
{
    (void)state;
    const char *p[] = {"US", "United States", "UN", "us", NULL};
    int ex[] = {1, 0, 1, 0};
    dk_ac *a = dk_ac_new();
    for (int i = 0; i < 3; i++)
        assert_int_equal(dk_ac_add(a, p[i], strlen(p[i]), i, ex[i], NULL), 0);
    assert_int_equal(dk_ac_build(a), 0);
    assert_string_equal(run(a, "the US and us, the UN and un"),
                        "0:US;2:UN;");
    assert_string_equal(run(a, "Us"), "");
    dk_ac_free(a);
    /* an exact and a folded pattern with the same letters live together */
    a = make(p, ex);
    assert_string_equal(run(a, "US us Us"), "0:US;3:us;3:Us;");
    dk_ac_free(a);
}

static void test_errors(void **state)
{
    (void)state;
    dk_ac *a = dk_ac_new();
    int dup = -1;
    assert_int_equal(dk_ac_add(a, "Astana", 6, 7, 0, &dup), DK_AC_OK);
    assert_int_equal(dk_ac_add(a, "ASTANA", 6, 8, 0, &dup), DK_AC_DUP);
    assert_int_equal(dup, 7);
    /* the same letters as an exact pattern are no duplicate */
    assert_int_equal(dk_ac_add(a, "ASTANA", 6, 9, 1, &dup), DK_AC_OK);
    assert_int_equal(dk_ac_add(a, "ASTANA", 6, 10, 1, &dup), DK_AC_DUP);
    assert_int_equal(dup, 9);
    assert_int_equal(dk_ac_add(a, " - ", 3, 1, 0, NULL), DK_AC_EMPTY);
    char big[DK_AC_MAXPAT + 10];
    memset(big, 'a', sizeof big);
    assert_int_equal(dk_ac_add(a, big, sizeof big, 1, 0, NULL), DK_AC_LONG);
    assert_int_equal(dk_ac_add(a, big, DK_AC_MAXPAT, 1, 0, NULL), DK_AC_OK);
    assert_int_equal(dk_ac_build(a), DK_AC_OK);
    assert_int_equal(dk_ac_add(a, "x", 1, 1, 0, NULL), DK_AC_BUILT);
    /* the longest pattern matches and its start is found */
    char text[DK_AC_MAXPAT + 4];
    text[0] = ' ';
    memset(text + 1, 'A', DK_AC_MAXPAT);
    strcpy(text + 1 + DK_AC_MAXPAT, ".");
    dk_ac_hit h[2];
    assert_int_equal(dk_ac_find(a, text, strlen(text), h, 2), 1);
    assert_int_equal(h[0].start, 1);
    assert_int_equal(h[0].end, 1 + DK_AC_MAXPAT);
    /* max 0 and an empty text find nothing */
    assert_int_equal(dk_ac_find(a, text, strlen(text), h, 0), 0);
    assert_int_equal(dk_ac_find(a, "", 0, h, 2), 0);
    dk_ac_free(a);
}

static void test_many(void **state)
{
    (void)state;
    /* many patterns sharing prefixes and suffixes; output is capped */
    dk_ac *a = dk_ac_new();
    char w[32];
    for (int i = 0; i < 2000; i++) {
        int n = snprintf(w, sizeof w, "w%d", i);
        assert_int_equal(dk_ac_add(a, w, (size_t)n, i, 0, NULL), 0);
    }
    assert_int_equal(dk_ac_build(a), 0);
    assert_true(dk_ac_states(a) > 2000);
    assert_string_equal(run(a, "w1 w19 w1999 w20000 xw5"),
                        "1:w1;19:w19;1999:w1999;");
    dk_ac_hit h[2];
    assert_int_equal(dk_ac_find(a, "w1 w2 w3 w4", 11, h, 2), 2);
    dk_ac_free(a);
}

static void test_normalise(void **state)
{
    (void)state;
    char out[16];
    assert_int_equal(dk_ac_normalise("  A-b\t\tC ", 9, 1, out, sizeof out), 5);
    assert_string_equal(out, "a b c");
    assert_int_equal(dk_ac_normalise("A-b", 3, 0, out, sizeof out), 3);
    assert_string_equal(out, "A b");
    assert_int_equal(dk_ac_normalise("abcdef", 6, 1, out, 4), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_and_words),
        cmocka_unit_test(test_longest),
        cmocka_unit_test(test_spaces_dashes),
        cmocka_unit_test(test_exact),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_many),
        cmocka_unit_test(test_normalise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
