/*
 * test_figure.c - unit tests of the figure recogniser (src/recognise/
 * figure.c) through the public API: a table of sentences, each with the
 * figure mention it must produce (kind, span, value, unit, qualifier,
 * range) or a span that must not be reported as a figure.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "dostyk.h"

typedef struct fcase {
    const char *text;
    const char *span;      /* the mention's text */
    dk_kind kind;          /* DK_KIND_NONE: span must not be a figure */
    double value;
    const char *unit;
    dk_qualifier q;
    double low, high;      /* when q is DK_Q_RANGE */
} fcase;

static const fcase cases[] = {
    /* money */
    {"Trade reached 12 billion dollars last year.", "12 billion dollars", DK_MONEY, 12e9, "USD", DK_Q_EXACT, 0, 0},
    {"Investment is roughly $20 billion.", "$20 billion", DK_MONEY, 20e9, "USD", DK_Q_APPROX, 0, 0},
    {"GDP is approximately US$16 trillion.", "US$16 trillion", DK_MONEY, 16e12, "USD", DK_Q_APPROX, 0, 0},
    {"The fund holds $ 27 billion.", "$ 27 billion", DK_MONEY, 27e9, "USD", DK_Q_EXACT, 0, 0},
    {"It is worth 1.5 trillion US dollars.", "1.5 trillion US dollars", DK_MONEY, 1.5e12, "USD", DK_Q_EXACT, 0, 0},
    {"The plant cost 500 billion tenge.", "500 billion tenge", DK_MONEY, 5e11, "KZT", DK_Q_EXACT, 0, 0},
    {"A bond of RMB 300 million was issued.", "RMB 300 million", DK_MONEY, 3e8, "CNY", DK_Q_EXACT, 0, 0},
    {"It cost 3 dollars 50 cents.", "3 dollars 50 cents", DK_MONEY, 3.5, "USD", DK_Q_EXACT, 0, 0},
    {"Sales hit 120 MEUR.", "120 MEUR", DK_MONEY, 1.2e8, "EUR", DK_Q_EXACT, 0, 0},
    {"Shares closed at 197 pence.", "197 pence", DK_MONEY, 1.97, "GBP", DK_Q_EXACT, 0, 0},
    /* percent */
    {"Its share is 15.7 percent.", "15.7 percent", DK_PERCENT, 15.7, "", DK_Q_EXACT, 0, 0},
    {"Exports grew more than 35%.", "35%", DK_PERCENT, 35, "", DK_Q_OVER, 0, 0},
    {"Firms from 73 countries, with one-tenth of them local.", "one-tenth", DK_PERCENT, 10, "", DK_Q_EXACT, 0, 0},
    /* any spelled fraction of a whole is a share; of a number or a
     * stretch of time it stays a number */
    {"China accounts for a quarter of its trade.", "a quarter", DK_PERCENT, 25, "", DK_Q_EXACT, 0, 0},
    {"About two-thirds of the cargo goes by rail.", "two-thirds", DK_PERCENT, 200.0 / 3, "", DK_Q_APPROX, 0, 0},
    {"It lasted a third of a century.", "a third", DK_NUMBER, 1.0 / 3, "", DK_Q_EXACT, 0, 0},
    {"They paid two thirds of a million.", "two thirds of a million", DK_NUMBER, 2e6 / 3, "", DK_Q_EXACT, 0, 0},
    {"The rate fell by 4.5 percentage points.", "4.5 percentage points", DK_PERCENT, 4.5, "", DK_Q_EXACT, 0, 0},
    /* quantities */
    {"The freight exceeded 20 million tons.", "20 million tons", DK_QUANTITY, 2e7, "t", DK_Q_OVER, 0, 0},
    {"They share a 1,783-kilometer-long border.", "1,783-kilometer-long", DK_QUANTITY, 1783, "km", DK_Q_EXACT, 0, 0},
    {"The port handled 718,600 twenty-foot containers.", "718,600 twenty-foot containers", DK_QUANTITY, 718600, "TEU", DK_Q_EXACT, 0, 0},
    {"A market of four billion people opens.", "four billion people", DK_QUANTITY, 4e9, "person", DK_Q_EXACT, 0, 0},
    {"A land with a population of 1.4 billion needs food.", "1.4 billion", DK_QUANTITY, 1.4e9, "person", DK_Q_EXACT, 0, 0},
    {"The farm covers 3,500 hectares.", "3,500 hectares", DK_QUANTITY, 3500, "ha", DK_Q_EXACT, 0, 0},
    {"He is 5 feet 2 inches tall.", "5 feet 2 inches", DK_QUANTITY, 5 + 2.0 / 12, "ft", DK_Q_EXACT, 0, 0},
    /* durations */
    {"He served there for 25 years.", "25 years", DK_DURATION, 25, "year", DK_Q_EXACT, 0, 0},
    {"Ties span three decades.", "three decades", DK_DURATION, 30, "year", DK_Q_EXACT, 0, 0},
    {"It marks its 70-year milestone.", "70-year", DK_DURATION, 70, "year", DK_Q_EXACT, 0, 0},
    {"It was a two-day state visit.", "two-day", DK_DURATION, 2, "day", DK_Q_EXACT, 0, 0},
    {"They lived side by side for several thousand years.", "several thousand years", DK_DURATION, 3000, "year", DK_Q_APPROX, 0, 0},
    {"Peace held for half a century.", "half a century", DK_DURATION, 50, "year", DK_Q_EXACT, 0, 0},
    {"Delivery takes 15-20 days.", "15-20 days", DK_DURATION, 15, "day", DK_Q_RANGE, 15, 20},
    {"Transit grew over five years.", "five years", DK_DURATION, 5, "year", DK_Q_EXACT, 0, 0},
    /* numbers */
    {"A total of ten agreements were signed.", "ten", DK_NUMBER, 10, "", DK_Q_EXACT, 0, 0},
    {"Today about 4,700 joint firms work here.", "4,700", DK_NUMBER, 4700, "", DK_Q_APPROX, 0, 0},
    {"It created 20 thousand new jobs.", "20 thousand", DK_NUMBER, 20000, "", DK_Q_EXACT, 0, 0},
    {"Trade grew two to three times.", "two to three times", DK_NUMBER, 2, "", DK_Q_RANGE, 2, 3},
    {"Imports totalled 1.5 trln tenge.", "1.5 trln tenge", DK_MONEY, 1.5e12, "KZT", DK_Q_EXACT, 0, 0},
    {"They shipped 20 thsd tons.", "20 thsd tons", DK_QUANTITY, 20000, "t", DK_Q_EXACT, 0, 0},
    /* after a verb of change, "from X to Y" is where it went: two figures */
    {"Investment rose from 20 to 30 billion dollars.", "30 billion dollars", DK_MONEY, 30e9, "USD", DK_Q_EXACT, 0, 0},
    {"The number has risen from 800 to 1,000.", "1,000", DK_NUMBER, 1000, "", DK_Q_EXACT, 0, 0},
    /* an amount in billions next to money of the sentence is in its
     * currency; a count or a conversion in brackets is not */
    {"Astana recorded 18 billion dollars and Beijing 25.3 billion.", "25.3 billion", DK_MONEY, 25.3e9, "USD", DK_Q_EXACT, 0, 0},
    {"Beijing put it at 25.3 billion, Astana at $18 billion.", "25.3 billion", DK_MONEY, 25.3e9, "USD", DK_Q_EXACT, 0, 0},
    {"A city of 2 billion citizens got $5 billion.", "2 billion", DK_NUMBER, 2e9, "", DK_Q_EXACT, 0, 0},
    {"A deficit of 1.6 billion ($2.54 billion) is seen.", "1.6 billion", DK_NUMBER, 1.6e9, "", DK_Q_EXACT, 0, 0},
    /* ... and the figure it went from is in the scale and unit named once */
    {"Investment rose from 20 to 30 billion dollars.", "20", DK_MONEY, 20e9, "USD", DK_Q_EXACT, 0, 0},
    {"Trade has fallen from 3 to $2.5 billion.", "3", DK_MONEY, 3e9, "USD", DK_Q_EXACT, 0, 0},
    {"Exports grew from 900 million to 1.2 billion dollars.", "900 million", DK_MONEY, 900e6, "USD", DK_Q_EXACT, 0, 0},
    {"Its share rose from 3 to 5 percent.", "3", DK_PERCENT, 3, "", DK_Q_EXACT, 0, 0},
    {"Freight rose from 12 to 15 million tons.", "12", DK_QUANTITY, 12e6, "t", DK_Q_EXACT, 0, 0},
    {"The number has risen from 800 to 1,000.", "800", DK_NUMBER, 800, "", DK_Q_EXACT, 0, 0},
    {"Prices range from 10 to 20 dollars.", "10 to 20 dollars", DK_MONEY, 10, "USD", DK_Q_RANGE, 10, 20},
    /* a year before "to" and a scaled amount: no range ending below its start */
    {"Trade grew in 2023 to 41 billion dollars.", "41 billion dollars", DK_MONEY, 41e9, "USD", DK_Q_EXACT, 0, 0},
    {"Output grew 1.7-fold.", "1.7-fold", DK_NUMBER, 1.7, "", DK_Q_EXACT, 0, 0},
    {"China is one of the five permanent members.", "five", DK_NUMBER, 5, "", DK_Q_EXACT, 0, 0},
    {"Inspections are held twice a year.", "twice", DK_NUMBER, 2, "", DK_Q_EXACT, 0, 0},
    /* ordinals */
    {"China ranks fourth in investment.", "fourth", DK_ORDINAL, 4, "", DK_Q_EXACT, 0, 0},
    {"It is the world's second economy.", "second", DK_ORDINAL, 2, "", DK_Q_EXACT, 0, 0},
    {"They held the 11th meeting.", "11th", DK_ORDINAL, 11, "", DK_Q_EXACT, 0, 0},
    {"He attended the Third Belt and Road Forum.", "Third", DK_ORDINAL, 3, "", DK_Q_EXACT, 0, 0},
    {"Exports saw a twofold increase.", "twofold", DK_NUMBER, 2, "", DK_Q_EXACT, 0, 0},
    {"The 2,000-tonne shipment left.", "2,000-tonne", DK_QUANTITY, 2000, "t", DK_Q_EXACT, 0, 0},
    {"Sales hit 15.2 bln USD.", "15.2 bln USD", DK_MONEY, 15.2e9, "USD", DK_Q_EXACT, 0, 0},
    {"The line is building a second track.", "second", DK_ORDINAL, 2, "", DK_Q_EXACT, 0, 0},
    /* "a third" before a preposition or a date word is a fraction */
    {"Trade fell by a third in 2023.", "a third", DK_NUMBER, 1.0 / 3, "", DK_Q_EXACT, 0, 0},
    {"Output was cut by a fifth last year.", "a fifth", DK_NUMBER, 0.2, "", DK_Q_EXACT, 0, 0},
    {"They opened a third crossing.", "third", DK_ORDINAL, 3, "", DK_Q_EXACT, 0, 0},
    {"Trains carried 1.9 million twenty-foot containers.", "1.9 million twenty-foot containers", DK_QUANTITY, 1.9e6, "TEU", DK_Q_EXACT, 0, 0},
    /* power and energy */
    {"A 1 GW wind farm was built.", "1 GW", DK_QUANTITY, 1, "GW", DK_Q_EXACT, 0, 0},
    {"A 50-megawatt solar park opened.", "50-megawatt", DK_QUANTITY, 50, "MW", DK_Q_EXACT, 0, 0},
    {"It made 117.9 billion kilowatt-hours of power.", "117.9 billion kilowatt-hours", DK_QUANTITY, 117.9e9, "kWh", DK_Q_EXACT, 0, 0},
    {"Its population passed 20 million in 2023.", "20 million", DK_QUANTITY, 2e7, "person", DK_Q_OVER, 0, 0},
    /* not figures */
    {"READ MORE: Kazakhstan to open three trade houses", "three", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Press contacts: tel. +7 7172 74 00 00.", "7172", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"In 2019 hundreds of people came.", "hundreds", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Second, we must act.", "Second", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"They held one-on-one talks.", "one", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Call 74-57-02 now.", "74", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"It grew in the first half of 2024.", "first", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Borders are settled.\n2. Political cooperation", "2", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Number of shows: 50", "50", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"It landed on 11.09.2019 at noon.", "11.09", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"The new Boeing 737 arrived.", "737", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"It pledged €500m in aid.", "€500m", DK_MONEY, 5e8, "EUR", DK_Q_EXACT, 0, 0},
    {"Both use 5G networks.", "5G", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"The G20 met.", "20", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Cases of COVID-19 fell.", "19", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"It was announced at the C5+1 meeting.", "1", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"The P5+1 talks resumed.", "1", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"They discussed Industry 4.0 and more.", "4.0", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Published at 11:43 today.", "11", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Relations between the two countries grew.", "two", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Our two neighbouring states agree.", "two", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"The two ministers agreed.", "two", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"The two delegations met.", "two", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Two ministers resigned.", "Two", DK_NUMBER, 2, "", DK_Q_EXACT, 0, 0},
    {"Kazakhstan is one of the partners.", "one", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"He met the First Deputy Minister.", "First", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"First of all, we agree.", "First", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"They met for the first time.", "first", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"We embrace the Fourth Industrial Revolution.", "Fourth", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"It was signed at the \"Five Nations Conferences\".", "Five", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"They watch the third force closely.", "third", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"When I first joined, I was young.", "first", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"It was founded in 1995.", "1995", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Thousands of people came.", "Thousands", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"See https://example.com/a?x=30%25 now.", "30%", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    /* telephone numbers: none of their groups; signed figures: the figure */
    {"Call +7 727 123 4567 today.", "4567", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Call +7 727 123 4567 today.", "727", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Call +86 10 6532 6182 today.", "6532", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Call +1 (202) 555-0100 today.", "0100", DK_KIND_NONE, 0, NULL, 0, 0, 0},
    {"Exports grew +5% in May.", "5%", DK_PERCENT, 5, "", DK_Q_EXACT, 0, 0},
    {"Imports rose +3 percent.", "3 percent", DK_PERCENT, 3, "", DK_Q_EXACT, 0, 0},
    {"The fund added +12.5 billion tenge.", "12.5 billion tenge", DK_MONEY, 12.5e9, "KZT", DK_Q_EXACT, 0, 0},
};

static int figure_kind(dk_kind k)
{
    return k == DK_NUMBER || k == DK_ORDINAL || k == DK_PERCENT ||
           k == DK_MONEY || k == DK_QUANTITY || k == DK_DURATION;
}

static void check(dk_engine *e, const fcase *c)
{
    dk_doc *d = dk_doc_open(e, "t", "2024-05-22");
    assert_non_null(d);
    assert_int_equal(dk_doc_feed(d, c->text, strlen(c->text)), DK_OK);
    assert_int_equal(dk_doc_finish(d), DK_OK);
    const char *at = strstr(c->text, c->span);
    assert_non_null(at);
    uint64_t start = (uint64_t)(at - c->text), end = start + strlen(c->span);
    int found = 0, overlap = 0;
    const dk_mention *m;
    while ((m = dk_doc_next(d)) != NULL) {
        if (!figure_kind(m->kind))
            continue;
        if (m->start < end && start < m->end)
            overlap = 1;
        if (m->start != start || m->end != end || m->kind != c->kind)
            continue;
        found = 1;
        if (fabs(m->value - c->value) > 1e-9 * fmax(1, fabs(c->value)) ||
            strcmp(m->unit, c->unit) != 0 || m->qualifier != c->q)
            print_error("'%s': value %.12g unit '%s' qualifier %d\n", c->text,
                        m->value, m->unit, (int)m->qualifier);
        assert_true(fabs(m->value - c->value) <= 1e-9 * fmax(1, fabs(c->value)));
        assert_string_equal(m->unit, c->unit);
        assert_int_equal(m->qualifier, c->q);
        if (c->q == DK_Q_RANGE) {
            assert_true(fabs(m->low - c->low) < 1e-9);
            assert_true(fabs(m->high - c->high) < 1e-9);
        }
    }
    dk_doc_close(d);
    if (c->kind == DK_KIND_NONE) {
        if (overlap)
            print_error("'%s': '%s' reported as a figure\n", c->text, c->span);
        assert_false(overlap);
    } else {
        if (!found)
            print_error("'%s': no %d mention '%s'\n", c->text, (int)c->kind, c->span);
        assert_true(found);
    }
}

static void test_table(void **state)
{
    dk_engine *e = *state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(e, &cases[i]);
}

/* A number inside money is reported once, as money. */
static void test_no_double_report(void **state)
{
    dk_engine *e = *state;
    const char *t = "It reached $41 billion.";
    dk_doc *d = dk_doc_open(e, "t", "2024-05-22");
    assert_non_null(d);
    assert_int_equal(dk_doc_feed(d, t, strlen(t)), DK_OK);
    assert_int_equal(dk_doc_finish(d), DK_OK);
    int n = 0;
    const dk_mention *m;
    while ((m = dk_doc_next(d)) != NULL)
        if (figure_kind(m->kind))
            n++;
    dk_doc_close(d);
    assert_int_equal(n, 1);
}

static int setup(void **state)
{
    dk_status err;
    dk_options o;
    memset(&o, 0, sizeof o);
    *state = dk_engine_new(&o, &err);
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    dk_engine_free(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_no_double_report),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
