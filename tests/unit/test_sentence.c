/*
 * test_sentence.c - unit tests of src/text/sentence.c: the boundary
 * rules of sentence.h (abbreviations, initials, dotted words, decimals,
 * quotes, line breaks) and the streaming answer "need more text".
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "text/sentence.h"

/* Split t the way the engine does (final) and join the sentences with
 * '|' into out. */
static void split(const char *t, char *out, size_t cap)
{
    size_t n = strlen(t), pos = 0, o = 0;
    out[0] = '\0';
    while (pos < n) {
        size_t a, b, next;
        assert_int_equal(dk_sentence_next(t + pos, n - pos, 1, &a, &b, &next), 1);
        assert_true(a <= b);
        assert_true(b <= next || b == n - pos);
        assert_true(next > 0);   /* always progresses */
        if (b > a) {
            int w = snprintf(out + o, cap - o, "%s%.*s", o ? "|" : "",
                             (int)(b - a), t + pos + a);
            assert_true(w > 0 && (size_t)w < cap - o);
            o += (size_t)w;
        }
        pos += next;
    }
}

/* Split t incrementally: feed one more byte at a time, cutting every
 * sentence as soon as it is known to end; final only at the end. */
static void split_streaming(const char *t, char *out, size_t cap)
{
    size_t n = strlen(t), pos = 0, o = 0;
    out[0] = '\0';
    for (size_t have = 1; have <= n; have++) {
        int final = have == n;
        while (pos < have) {
            size_t a, b, next;
            if (!dk_sentence_next(t + pos, have - pos, final, &a, &b, &next))
                break;
            if (b > a) {
                int w = snprintf(out + o, cap - o, "%s%.*s", o ? "|" : "",
                                 (int)(b - a), t + pos + a);
                assert_true(w > 0 && (size_t)w < cap - o);
                o += (size_t)w;
            }
            pos += next;
        }
    }
}

static void expect(const char *t, const char *want)
{
    char got[1024], got2[1024];
    split(t, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("text: %s\nwant: %s\ngot:  %s", t, want, got);
    split_streaming(t, got2, sizeof got2);
    if (strcmp(got2, want) != 0)
        fail_msg("streaming text: %s\nwant: %s\ngot:  %s", t, want, got2);
}

static void test_basic(void **state)
{
    (void)state;
    expect("One. Two.", "One.|Two.");
    expect("Is it? Yes! No.", "Is it?|Yes!|No.");
    expect("  Padded.   Next one.  ", "Padded.|Next one.");
    expect("No stop at the end", "No stop at the end");
    expect("Wait... Then more.", "Wait...|Then more.");
    expect("Really?! Yes.", "Really?!|Yes.");
    expect("", "");
}

static void test_lowercase_continues(void **state)
{
    (void)state;
    /* a stop followed by a lower-case word does not end a sentence */
    expect("It rose to approx. ten percent.", "It rose to approx. ten percent.");
    /* a digit after a stop starts a sentence unless it is an abbreviation */
    expect("The figure (est. 2023) rose.", "The figure (est.|2023) rose.");
}

static void test_digit_starts(void **state)
{
    (void)state;
    expect("It ended. 2023 was better.", "It ended.|2023 was better.");
}

static void test_abbreviations(void **state)
{
    (void)state;
    expect("It opened on Sept. 5 in Astana.", "It opened on Sept. 5 in Astana.");
    expect("Signed on Sept. 12. The deal holds.",
           "Signed on Sept. 12.|The deal holds.");
    expect("Decree No. 45 was signed.", "Decree No. 45 was signed.");
    expect("Mr. Smailov and Dr. Li met.", "Mr. Smailov and Dr. Li met.");
    expect("It was Jan. 2024. Next.", "It was Jan. 2024.|Next.");
    expect("Acme Inc. Bought it.", "Acme Inc. Bought it.");
    /* "no" is on the list whatever its case (as in the scorer) */
    expect("He said no. Then left.", "He said no. Then left.");
    /* not an abbreviation: a short ordinary word ends the sentence */
    expect("It was big. Then small.", "It was big.|Then small.");
}

static void test_dotted_words(void **state)
{
    (void)state;
    expect("The U.S. Treasury agreed.", "The U.S. Treasury agreed.");
    expect("Trade with the U.S. In 2023 it fell.",
           "Trade with the U.S. In 2023 it fell.");
    expect("Talks at 10 a.m. Friday went well.",
           "Talks at 10 a.m. Friday went well.");
}

static void test_initials(void **state)
{
    (void)state;
    expect("Prime Minister A. Smailov arrived.",
           "Prime Minister A. Smailov arrived.");
    expect("K. Tokayev and X. Jinping spoke.", "K. Tokayev and X. Jinping spoke.");
}

static void test_decimals(void **state)
{
    (void)state;
    expect("Trade grew 28.3 percent. Exports rose.",
           "Trade grew 28.3 percent.|Exports rose.");
    expect("Version 1.5.2 shipped.", "Version 1.5.2 shipped.");
    expect("It cost $3.5 billion.", "It cost $3.5 billion.");
}

static void test_quotes(void **state)
{
    (void)state;
    expect("He said: \"We agree.\" Then they signed.",
           "He said: \"We agree.\"|Then they signed.");
    expect("He said: “We agree.” Then they signed.",
           "He said: “We agree.”|Then they signed.");
    expect("It ended. \"Next,\" he said.", "It ended.|\"Next,\" he said.");
    expect("It ended. “Next,” he said.", "It ended.|“Next,” he said.");
    expect("It ended (finally.) Next one.", "It ended (finally.)|Next one.");
    expect("It ended. (Next one.)", "It ended.|(Next one.)");
    expect("Он ушёл. «Да», сказал он.", "Он ушёл.|«Да», сказал он.");
}

static void test_non_ascii_upper(void **state)
{
    (void)state;
    expect("It ended. Öl prices rose.", "It ended.|Öl prices rose.");
    expect("It ended. Жаңа start.", "It ended.|Жаңа start.");
    /* no-break space after the stop */
    expect("It ended.\xC2\xA0Next one.", "It ended.|Next one.");
    /* a thin space is not a gap the scorer knows */
    expect("It ended.\xE2\x80\x89Next one.", "It ended.\xE2\x80\x89Next one.");
    /* Kazakh capitals outside basic Cyrillic */
    expect("It ended. Қазақстан next.", "It ended.|Қазақстан next.");
    expect("It ended. Өскемен next.", "It ended.|Өскемен next.");
}

static void test_line_breaks(void **state)
{
    (void)state;
    expect("Headline without stop\nBody starts here. Two.",
           "Headline without stop|Body starts here.|Two.");
    expect("a line\n\n\nanother line", "a line|another line");
    expect("windows line\r\nnext line", "windows line|next line");
    expect("Line with abbrev No.\nnext", "Line with abbrev No.|next");
}

static void test_need_more(void **state)
{
    (void)state;
    size_t a, b, next;
    const char *t = "It ended. ";
    /* a stop and a space at the end: the next character decides */
    assert_int_equal(dk_sentence_next(t, strlen(t), 0, &a, &b, &next), 0);
    t = "It ended.";
    assert_int_equal(dk_sentence_next(t, strlen(t), 0, &a, &b, &next), 0);
    t = "It ended.\"";
    assert_int_equal(dk_sentence_next(t, strlen(t), 0, &a, &b, &next), 0);
    t = "No stop yet";
    assert_int_equal(dk_sentence_next(t, strlen(t), 0, &a, &b, &next), 0);
    /* final: the rest is a sentence */
    assert_int_equal(dk_sentence_next(t, strlen(t), 1, &a, &b, &next), 1);
    assert_int_equal(a, 0);
    assert_int_equal(b, strlen(t));
    assert_int_equal(next, strlen(t));
    /* known: a stop, a space and an upper-case letter */
    t = "It ended. Next";
    assert_int_equal(dk_sentence_next(t, strlen(t), 0, &a, &b, &next), 1);
    assert_int_equal(a, 0);
    assert_int_equal(b, 9);
    assert_int_equal(next, 9);
    /* a line break always ends one */
    t = "  a line \nmore";
    assert_int_equal(dk_sentence_next(t, strlen(t), 0, &a, &b, &next), 1);
    assert_int_equal(a, 2);
    assert_int_equal(b, 8);
    assert_int_equal(next, 10);
    /* white space only */
    t = "   ";
    assert_int_equal(dk_sentence_next(t, 3, 1, &a, &b, &next), 1);
    assert_int_equal(a, b);
    assert_int_equal(next, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_lowercase_continues),
        cmocka_unit_test(test_digit_starts),
        cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_dotted_words),
        cmocka_unit_test(test_initials),
        cmocka_unit_test(test_decimals),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_non_ascii_upper),
        cmocka_unit_test(test_line_breaks),
        cmocka_unit_test(test_need_more),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
