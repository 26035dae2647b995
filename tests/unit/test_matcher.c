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
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "pack/ac.h"
#include "text/chars.h"
#include "text/utf8.h"

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

/* ---- a naive reference matcher: the semantics of ac.h written out ----
 * The text is normalised symbol by symbol (white space and dashes one
 * space, leading ones dropped, curly apostrophes "'"); at the end of each
 * symbol, the patterns that end there are tried longest first (exact
 * ones first among equals, the later added first), and the first whole-
 * word one is kept unless a kept match it overlaps is at least as long. */

typedef struct ref_pat {
    char norm[64], folded[64];
    int len, exact, id;
} ref_pat;

static int ref_word_cp(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || dk_cp_is_letter(cp);
}

static int ref_word_before(const unsigned char *t, size_t pos)
{
    if (pos == 0)
        return 0;
    size_t i = pos - 1;
    while (i > 0 && pos - i < 4 && (t[i] & 0xC0) == 0x80 && t[pos - 1] >= 0x80)
        i--;
    uint32_t cp;
    dk_utf8_decode(t + i, pos - i, &cp);
    return ref_word_cp(cp);
}

static int ref_word_at(const unsigned char *t, size_t n, size_t pos)
{
    if (pos >= n)
        return 0;
    uint32_t cp;
    dk_utf8_decode(t + pos, n - pos, &cp);
    return ref_word_cp(cp);
}

static int ref_is_word_byte(unsigned c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') ||
           ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int ref_find(const ref_pat *pats, int npats, const char *text,
                    size_t n, dk_ac_hit *out, int max)
{
    const unsigned char *t = (const unsigned char *)text;
    unsigned char sym[512];
    size_t pos[512];
    int ns = 0, nout = 0, space = 1;
    for (size_t i = 0; i < n && ns < 512; i++) {
        unsigned c = t[i], len = 1, sy = c;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
            c == '\v' || c == '-') {
            sy = ' ';
        } else if (c == 0xC2 && i + 1 < n && t[i + 1] == 0xA0) {
            sy = ' ';
            len = 2;
        } else if (c == 0xE2 && i + 2 < n && t[i + 1] == 0x80) {
            unsigned d = t[i + 2];
            if (d == 0x98 || d == 0x99) {
                sy = '\'';
                len = 3;
            } else if ((d >= 0x80 && d <= 0x95) || d == 0xAF) {
                sy = ' ';
                len = 3;
            }
        }
        size_t at = i;
        i += len - 1;
        if (sy == ' ') {
            if (space)
                continue;
            space = 1;
        } else {
            space = 0;
        }
        sym[ns] = (unsigned char)sy;
        pos[ns++] = at;
        size_t end = i + 1;
        int done = 0;
        for (int L = ns; L >= 1 && !done; L--) {
            /* exact ones first, the later added first; then the folded */
            for (int pass = 0; pass < 2 && !done; pass++)
                for (int q = pass ? 0 : npats - 1;
                     pass ? q < npats : q >= 0; q += pass ? 1 : -1) {
                    const ref_pat *p = &pats[q];
                    if (p->len != L || p->exact != !pass)
                        continue;
                    int same = 1;
                    for (int j = 0; j < L && same; j++) {
                        unsigned x = sym[ns - L + j];
                        if (x >= 'A' && x <= 'Z')
                            x += 32;
                        same = x == (unsigned char)p->folded[j];
                    }
                    if (!same)
                        continue;
                    size_t start = pos[ns - L];
                    if ((ref_is_word_byte((unsigned char)p->norm[0]) &&
                         ref_word_before(t, start)) ||
                        (ref_is_word_byte((unsigned char)p->norm[L - 1]) &&
                         ref_word_at(t, n, end)))
                        continue;
                    if (p->exact) {
                        char buf[DK_AC_MAXPAT + 2];
                        int k = dk_ac_normalise(text + start, end - start, 0,
                                                buf, sizeof buf);
                        if (k != L || memcmp(buf, p->norm, (size_t)L) != 0)
                            continue;
                    }
                    /* keep, as ac.c does */
                    dk_ac_hit h = {(uint32_t)start, (uint32_t)end, p->id};
                    uint32_t hl = h.end - h.start;
                    int k = nout, drop = 0;
                    while (k > 0 && out[k - 1].end > h.start) {
                        if (out[k - 1].end - out[k - 1].start >= hl) {
                            drop = 1;
                            break;
                        }
                        k--;
                    }
                    if (!drop && k < max) {
                        out[k] = h;
                        nout = k + 1;
                    }
                    done = 1;
                    break;
                }
        }
    }
    return nout;
}

static uint32_t rng_state = 12345;

static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return (rng_state >> 16) % n;
}

static void random_text(char *out, size_t cap, const char *const *pieces,
                        unsigned npieces, unsigned most)
{
    size_t k = 0;
    unsigned m = rnd(most + 1);
    out[0] = '\0';
    for (unsigned i = 0; i < m; i++) {
        const char *p = pieces[rnd(npieces)];
        size_t l = strlen(p);
        if (k + l + 1 >= cap)
            break;
        memcpy(out + k, p, l + 1);
        k += l;
    }
}

/* dk_ac_find (by words when every pattern starts with a letter, digit or
 * UTF-8 lead byte) and dk_ac_find_scan (the whole automaton) agree. */
static void same_as_scan(const dk_ac *a, const char *text, size_t n, int max,
                         int round)
{
    dk_ac_hit got[64], want[64];
    int ng = dk_ac_find(a, text, n, got, max);
    int nw = dk_ac_find_scan(a, text, n, want, max);
    if (ng != nw || memcmp(got, want, (size_t)ng * sizeof *got) != 0)
        fail_msg("round %d: text \"%.*s\": %d matches, the scan %d", round,
                 (int)n, text, ng, nw);
}

/* dk_ac_find_in on the words read once (dk_ac_words_read) agrees with
 * dk_ac_find on the part of the text, for the whole text and for random
 * parts that start and end anywhere (inside runs and UTF-8 too); the
 * words read with a joint filter of the matcher (it second, after one
 * that lets every run through: the lists are kept apart) or without
 * one. */
static void same_in(const dk_ac *a, const char *text, size_t n, int max,
                    int round)
{
    dk_pack_words w;
    memset(&w, 0, sizeof w);
    dk_ac *all = NULL;
    dk_ac_joint *j = NULL;
    if (round & 1) {
        all = dk_ac_new();
        assert_non_null(all);
        for (char c = 'a'; c <= 'z'; c++)
            assert_int_equal(dk_ac_add(all, &c, 1, 0, 0, NULL), DK_AC_OK);
        assert_int_equal(dk_ac_build(all), DK_AC_OK);
        j = dk_ac_joint_new((const dk_ac *const[]){all, a}, 2);
        assert_non_null(j);
    }
    assert_int_equal(dk_ac_words_read(&w, text, n, j), 0);
    for (int k = 0; k < 4; k++) {
        size_t from = k == 0 ? 0 : rnd((unsigned)n + 1);
        size_t to = k == 0 ? n : from + rnd((unsigned)(n - from) + 1);
        dk_ac_hit got[64], want[64];
        int ng = dk_ac_find_in(a, &w, text, from, to, got, max);
        int nw = from < to ? dk_ac_find(a, text + from, to - from, want, max)
                           : 0;
        for (int i = 0; i < nw; i++) {
            want[i].start += (uint32_t)from;
            want[i].end += (uint32_t)from;
        }
        if (ng != nw || memcmp(got, want, (size_t)ng * sizeof *got) != 0)
            fail_msg("round %d: text \"%.*s\" [%zu, %zu): %d matches by "
                     "the words read once, %d on the part", round, (int)n,
                     text, from, to, ng, nw);
    }
    dk_ac_words_free(&w);
    dk_ac_joint_free(j);
    dk_ac_free(all);
}

/* The automaton against the reference on random patterns and texts over
 * a small alphabet: letters, digits, case, white space, dashes, no-break
 * and other Unicode spaces, curly and straight apostrophes, non-ASCII
 * letters (also next to matches, and patterns starting with them or with
 * other lead bytes of the symbols read as space: U+00A9, U+20AC) and
 * broken UTF-8; both anchored matchers (every pattern starts with a word
 * byte: the word scan) and others.  dk_ac_find and dk_ac_find_scan are
 * both held to the reference. */
static void test_against_reference(void **state)
{
    (void)state;
    static const char *const pat_pieces[] = {
        "a", "b", "ab", "A", "B", "1", " ", "-", "'", "\xE2\x80\x99",
        "\xC3\xA9", ".", "x", "Ab", "q", "\xC2\xA9", "\xE2\x82\xAC",
        "\xC3\x89", "aa", "$"};
    static const char *const text_pieces[] = {
        "a", "b", "A", "B", "1", "x", "q", "Q", "z", " ", "  ", "-", "\t",
        "'", "\xE2\x80\x99", "\xC3\xA9", "\xC2\xA0", "\xE2\x80\x93", ".",
        "ab", "ba", "aB", "\xE2", "\xC2", "\x80", "\xC3", "\xE2\x80", "\n",
        "\xE2\x80\x98", "\xE2\x80\x89", "\xE2\x80\xAF", "\xC2\xA9",
        "\xE2\x82\xAC", "\xC3\x89", "\xD0\x96", "$", "aa", "AA", "\xA0",
        "\xE2\x80\x94"};
    for (int round = 0; round < 40000; round++) {
        ref_pat pats[12];
        int npats = 0;
        dk_ac *a = dk_ac_new();
        assert_non_null(a);
        int anchored_only = round % 3 != 0;
        for (int i = 0; i < 12; i++) {
            char src[64];
            random_text(src, 24, pat_pieces, 20, 5);
            if (anchored_only && !ref_is_word_byte((unsigned char)src[0]))
                continue;
            int exact = rnd(4) == 0;
            ref_pat *p = &pats[npats];
            int r = dk_ac_add(a, src, strlen(src), 100 + i, exact, NULL);
            if (r != DK_AC_OK)
                continue;
            p->len = dk_ac_normalise(src, strlen(src), 0, p->norm,
                                     sizeof p->norm);
            dk_ac_normalise(src, strlen(src), 1, p->folded, sizeof p->folded);
            p->exact = exact;
            p->id = 100 + i;
            npats++;
        }
        assert_int_equal(dk_ac_build(a), DK_AC_OK);
        for (int k = 0; k < 20; k++) {
            char text[256];
            random_text(text, sizeof text, text_pieces, 40, 40);
            size_t n = strlen(text);
            dk_ac_hit got[16], want[16];
            int max = 1 + (int)rnd(16);
            int ng = dk_ac_find(a, text, n, got, max);
            int nw = ref_find(pats, npats, text, n, want, max);
            if (ng != nw || memcmp(got, want, (size_t)ng * sizeof *got) != 0)
                fail_msg("round %d: text \"%s\": %d matches, want %d", round,
                         text, ng, nw);
            ng = dk_ac_find_scan(a, text, n, got, max);
            if (ng != nw || memcmp(got, want, (size_t)ng * sizeof *got) != 0)
                fail_msg("round %d: text \"%s\": %d matches by the scan, "
                         "want %d", round, text, ng, nw);
            if (k % 4 == 0)
                same_in(a, text, n, max, round);
        }
        dk_ac_free(a);
    }
}

/* Word-like patterns (names of one to four words sharing prefixes, some
 * exact) on long texts of words, spaces, punctuation and UTF-8: the word
 * scan against the automaton's scan, with room for all matches and with
 * little. */
static void test_words_against_scan(void **state)
{
    (void)state;
    static const char *const words[] = {
        "kaz", "kazakh", "Kazakhstan", "china", "chin", "CN", "us", "US",
        "the", "a", "x1", "1", "o'brien", "o\xE2\x80\x99\x62rien", "nur",
        "sultan", "xi", "an", "xi'an", "b2b", "\xC3\xBCr\xC3\xBCmqi",
        "\xD0\x90\xD1\x81", "road", "belt", "and", "of", "new", "york"};
    static const char *const seps[] = {
        " ", " ", " ", "  ", "-", "\xC2\xA0", "\xE2\x80\x93", "\n",
        ", ", ". ", "'s ", "\xE2\x80\x99s ", "(", ")", "\"", "/", "",
        "\xC3\xA9", "$", " \xE2\x80\x94 ", "_"};
    const unsigned nw = sizeof words / sizeof *words;
    const unsigned ns = sizeof seps / sizeof *seps;
    for (int round = 0; round < 400; round++) {
        dk_ac *a = dk_ac_new();
        assert_non_null(a);
        int npats = 4 + (int)rnd(40);
        for (int i = 0; i < npats; i++) {
            char pat[128];
            size_t k = 0;
            unsigned nwords = 1 + rnd(4);
            for (unsigned j = 0; j < nwords; j++) {
                const char *w = words[rnd(nw)];
                const char *sp = j ? (rnd(3) ? " " : "-") : "";
                k += (size_t)snprintf(pat + k, sizeof pat - k, "%s%s", sp, w);
            }
            int r = dk_ac_add(a, pat, k, i, rnd(5) == 0, NULL);
            assert_true(r == DK_AC_OK || r == DK_AC_DUP);
        }
        assert_int_equal(dk_ac_build(a), DK_AC_OK);
        for (int t = 0; t < 10; t++) {
            char text[4096];
            size_t k = 0;
            while (k + 40 < sizeof text) {
                const char *w = words[rnd(nw)];
                char cased[32];
                size_t l = strlen(w);
                for (size_t j = 0; j <= l; j++) {
                    char c = w[j];
                    unsigned how = rnd(8);
                    if (how == 0 && c >= 'a' && c <= 'z')
                        c = (char)(c - 32);
                    else if (how == 1 && c >= 'A' && c <= 'Z')
                        c = (char)(c + 32);
                    cased[j] = c;
                }
                k += (size_t)snprintf(text + k, sizeof text - k, "%s%s", cased,
                                      seps[rnd(ns)]);
            }
            same_as_scan(a, text, k, 64, round);
            same_as_scan(a, text, k, 1 + (int)rnd(4), round);
            /* from inside the text, as the callers' batches do */
            size_t from = rnd((unsigned)k);
            same_as_scan(a, text + from, k - from, 64, round);
            same_in(a, text, k, 64, round);
            same_in(a, text, k, 1 + (int)rnd(4), round);
        }
        dk_ac_free(a);
    }
}

/* Many matches overlap every start (patterns of 1 to 150 words): the word
 * scan holds them all until their turn. */
static void test_words_overlapping(void **state)
{
    (void)state;
    dk_ac *a = dk_ac_new();
    char pat[DK_AC_MAXPAT + 1];
    size_t k = 0;
    for (int i = 0; i < 100 && k + 2 <= DK_AC_MAXPAT; i++) {
        k += (size_t)snprintf(pat + k, sizeof pat - k, "%sa", i ? " " : "");
        assert_int_equal(dk_ac_add(a, pat, k, i, 0, NULL), DK_AC_OK);
        /* and the same words after a "b": more starts end late */
        char pb[DK_AC_MAXPAT + 4];
        int m = snprintf(pb, sizeof pb, "b %s", pat);
        if (m <= DK_AC_MAXPAT)
            assert_int_equal(dk_ac_add(a, pb, (size_t)m, 1000 + i, 0, NULL),
                             DK_AC_OK);
    }
    assert_int_equal(dk_ac_build(a), DK_AC_OK);
    char text[2048];
    size_t n = 0;
    for (int i = 0; i < 600; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "%s",
                              i % 97 == 5 ? "b " : i % 61 == 7 ? "a\xC2\xA0"
                                                               : "a ");
    same_as_scan(a, text, n, 64, 0);
    same_as_scan(a, text, n, 2, 0);
    dk_ac_hit h[8];
    assert_int_equal(dk_ac_find(a, "a a a", 5, h, 8), 1);
    assert_int_equal(h[0].index, 2);
    dk_ac_free(a);
}

/* More states than the 16-bit table holds: the 32-bit one is used, with
 * the same results. */
static void test_wide_table(void **state)
{
    (void)state;
    dk_ac *a = dk_ac_new();
    char w[64];
    for (int i = 0; i < 4000; i++) {
        int n = snprintf(w, sizeof w, "p%05d-%c%c%c%c%c%c%c%c%c%c", i,
                         'a' + i % 26, 'a' + i / 26 % 26, 'b', 'c', 'd', 'e',
                         'f', 'g', 'h', 'i');
        assert_int_equal(dk_ac_add(a, w, (size_t)n, i, 0, NULL), 0);
    }
    assert_int_equal(dk_ac_add(a, "Q", 1, 4000, 1, NULL), 0);
    assert_int_equal(dk_ac_build(a), 0);
    assert_true(dk_ac_states(a) > 32767);
    assert_string_equal(run(a, "P00001 BAbcdefghi, xp00027-bbbcdefghi "
                               "p03999\xE2\x80\x93vxbcdefghi Q q"),
                        "1:P00001 BAbcdefghi;3999:p03999\xE2\x80\x93vxbcdefghi;"
                        "4000:Q;");
    dk_ac_free(a);
}

/* The lists of a joint filter leave out a run that a space and a run
 * its patterns do not go on with follow ("ab" before "aa" for "ab a");
 * a part of the text that ends inside that run still finds the pattern
 * ending there, as dk_ac_find on the part does. */
static void test_joint_part_end(void **state)
{
    (void)state;
    const char *const pats[] = {"ab a", "yy", NULL};
    dk_ac *a = make(pats, NULL);
    dk_ac_joint *j = dk_ac_joint_new((const dk_ac *const[]){a}, 1);
    assert_non_null(j);
    const char *text = "xx ab aa yy ab-a ab b";
    size_t n = strlen(text);
    dk_pack_words w;
    memset(&w, 0, sizeof w);
    assert_int_equal(dk_ac_words_read(&w, text, n, j), 0);
    assert_int_equal(w.nlist[0], 2);   /* "yy" and "ab" before "a" */
    for (size_t from = 0; from < n; from++)
        for (size_t to = from + 1; to <= n; to++) {
            dk_ac_hit got[8], want[8];
            int ng = dk_ac_find_in(a, &w, text, from, to, got, 8);
            int nw = dk_ac_find(a, text + from, to - from, want, 8);
            for (int i = 0; i < nw; i++) {
                want[i].start += (uint32_t)from;
                want[i].end += (uint32_t)from;
            }
            if (ng != nw || memcmp(got, want, (size_t)ng * sizeof *got))
                fail_msg("[%zu, %zu): %d matches, on the part %d", from, to,
                         ng, nw);
        }
    dk_ac_words_free(&w);
    dk_ac_joint_free(j);
    dk_ac_free(a);
}

/* A matcher built lean finds what one built whole does; it has no table
 * for dk_ac_find_scan when the word scan applies, and has one when it
 * does not (a pattern starting with "$"). */
static void test_lean(void **state)
{
    (void)state;
    const char *const words[] = {"Astana", "Xi Jinping", "talks", "a b",
                                 NULL};
    const char *const other[] = {"$5", "talks", NULL};
    const char *text = "Talks in Astana: Xi  Jinping, a-b, $5 talks.";
    size_t n = strlen(text);
    for (int k = 0; k < 2; k++) {
        const char *const *pats = k ? other : words;
        dk_ac *whole = make(pats, NULL);
        dk_ac *lean = dk_ac_new();
        assert_non_null(lean);
        for (int i = 0; pats[i]; i++)
            assert_int_equal(dk_ac_add(lean, pats[i], strlen(pats[i]), i, 0,
                                       NULL), DK_AC_OK);
        assert_int_equal(dk_ac_build_lean(lean), DK_AC_OK);
        dk_ac_hit got[8], want[8];
        int nw = dk_ac_find(whole, text, n, want, 8);
        int ng = dk_ac_find(lean, text, n, got, 8);
        assert_int_equal(ng, nw);
        assert_memory_equal(got, want, (size_t)nw * sizeof *got);
        assert_int_equal(nw, k ? 3 : 5);
        assert_int_equal(dk_ac_find_scan(lean, text, n, got, 8), k ? nw : 0);
        dk_ac_free(whole);
        dk_ac_free(lean);
    }
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
        cmocka_unit_test(test_against_reference),
        cmocka_unit_test(test_words_against_scan),
        cmocka_unit_test(test_words_overlapping),
        cmocka_unit_test(test_wide_table),
        cmocka_unit_test(test_joint_part_end),
        cmocka_unit_test(test_lean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
