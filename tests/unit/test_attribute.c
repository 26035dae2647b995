/*
 * test_attribute.c - attribution (src/attribute): metric choice, subject
 * order, period resolution, stated changes, target exclusion, --explain.
 * Each test runs sentences through a real engine with a tiny pack written
 * to a temporary folder, so the rules are tested apart from the kz-cn
 * pack's wording.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "dostyk.h"

static char packdir[64];

static void put(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", packdir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(packdir, sizeof packdir, "/tmp/dk_attr_XXXXXX");
    if (!mkdtemp(packdir))
        return -1;
    put("pack.tsv", "name\ttest\npair\tAA BB\n");
    put("entities.tsv",
        "AA\tcountry\t-\tAland\tAlandic\n"
        "BB\tcountry\t-\tBoria\tBorian\n"
        "CC\tcountry\t-\tCoria\tCorian\n"
        "EU\tcountry\t-\tEurope\tEuropean\n"
        "US\tcountry\t-\tUnited States\tU.S.\n"
        "WORLD\tcountry\t-\tworld\tglobal\n"
        "ttbank\torganization\tAA\tTrade Turnover Bank\n"
        "midland\tplace\t-\tMidland\n");
    put("metrics.tsv",
        "trade_turnover\tUSD\tmoney\tpair;alt=trade_share;flow\t"
        "trade turnover\n"
        "trade_share\t%\tpercent\twhole\tshare of trade\n"
        "investment\tUSD\tmoney\tto\tinvested\n"
        "border_length\tkm\tquantity\tpair\tborder\n"
        "agreements\tcount\tnumber,money\tpair;events\tagreements\n"
        "_event\tunit\t-\t-\tstate visit\n"
        "jobs\tcount\tnumber\thost;plans\tjobs\n"
        "transit_share\t%\tpercent\ttransit\ttransit\n"
        "container_traffic\tTEU\tquantity\troute\tcontainers\n"
        "_up\tunit\t-\t-\tincreased by|grew|more than in\n"
        "_down\tunit\t-\t-\tfell by\n"
        "_target\tunit\t-\t-\tplan to|to bring\n"
        "_base\tunit\t-\t-\tcompared to|than in|from\n"
        "_cumul\tunit\t-\t-\tover the past\n"
        "_pair\tunit\t-\t-\tthe two countries\n"
        "_home\tunit\t-\t-\tour country\n"
        "_worth\tunit\t-\t-\tworth\n"
        "_now\tunit\t-\t-\tnow\n"
        "_numof\tunit\t-\t-\tthe number of\n"
        "_anaphor\tunit\t-\t-\tits total for|the total|a lower number\n"
        "_it\tunit\t-\t-\tit\n"
        "_level\tunit\t-\t-\treached\n"
        "_share\tunit\t-\t-\tshare\n"
        "companies\tcount\tnumber\thost\tcompanies\n"
        "_since\tunit\t-\t-\tsince\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    const char *files[] = {"pack.tsv", "entities.tsv", "metrics.tsv"};
    for (int i = 0; i < 3; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", packdir, files[i]);
        unlink(path);
    }
    rmdir(packdir);
    return 0;
}

/* The mentions of one text, copied out. */
typedef struct result {
    dk_mention m[32];
    char explain[32][512];
    char text[32][128];      /* m[i].text, copied */
    int n;
} result;

static void run(const char *text, int explain, result *r)
{
    dk_options o;
    memset(&o, 0, sizeof o);
    o.pack_dir = packdir;
    o.explain = explain;
    dk_status st;
    dk_engine *e = dk_engine_new(&o, &st);
    assert_non_null(e);
    dk_doc *d = dk_doc_open(e, "t", "2024-05-22");
    assert_non_null(d);
    assert_int_equal(dk_doc_feed(d, text, strlen(text)), DK_OK);
    assert_int_equal(dk_doc_finish(d), DK_OK);
    const dk_mention *m;
    r->n = 0;
    while ((m = dk_doc_next(d)) != NULL && r->n < 32) {
        r->m[r->n] = *m;
        snprintf(r->text[r->n], sizeof r->text[0], "%.*s",
                 (int)(m->end - m->start), m->text);
        snprintf(r->explain[r->n], sizeof r->explain[0], "%s",
                 m->explain ? m->explain : "");
        r->n++;
    }
    dk_doc_close(d);
    dk_engine_free(e);
}

/* The first mention of kind k (fails the test if none). */
static const dk_mention *find(const result *r, dk_kind k, int nth)
{
    for (int i = 0; i < r->n; i++)
        if (r->m[i].kind == k && nth-- == 0)
            return &r->m[i];
    fail_msg("no mention of kind %s", dk_kind_name(k));
    return NULL;
}

/* The mention whose text is exactly s (fails the test if none). */
static const dk_mention *find_text(const result *r, const char *s)
{
    for (int i = 0; i < r->n; i++)
        if (strcmp(r->text[i], s) == 0)
            return &r->m[i];
    fail_msg("no mention \"%s\"", s);
    return NULL;
}

static void subjects_are(const dk_mention *m, const char *a, const char *b)
{
    assert_int_equal(m->nsubjects, b ? 2 : 1);
    assert_string_equal(m->subjects[0], a);
    if (b)
        assert_string_equal(m->subjects[1], b);
}

static void test_metric_by_cue_and_unit(void **state)
{
    (void)state;
    result r;
    run("Trade turnover between Aland and Boria reached $41 billion.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->metric, "trade_turnover");
    /* a percentage of the same cue takes the metric whose unit fits */
    run("Boria accounts for 15 percent of the trade turnover of Aland.", 0,
        &r);
    assert_string_equal(find(&r, DK_PERCENT, 0)->metric, "trade_share");
    /* kilometres fit the border, money does not */
    run("The border between Aland and Boria is 1,700 kilometers long.", 0, &r);
    assert_string_equal(find(&r, DK_QUANTITY, 0)->metric, "border_length");
    /* a count takes the noun it counts */
    run("The two countries signed 12 agreements worth $3 billion.", 0, &r);
    assert_string_equal(find_text(&r, "12")->metric, "agreements");
    assert_string_equal(find(&r, DK_MONEY, 0)->metric, "agreements");
    /* "the number of X ... rose from 800 to 1,000": the count named
     * before; the "from" figure is a baseline */
    run("The number of Alandic companies in Boria rose from 800 to more "
        "than 1,000.", 0, &r);
    assert_string_equal(find_text(&r, "1,000")->metric, "companies");
    assert_string_equal(find_text(&r, "800")->metric, "");
    /* no cue, no metric */
    run("The museum received $5 million last year.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->metric, "");
}

static void test_subject_order(void **state)
{
    (void)state;
    result r;
    run("Boria has invested $20 billion in Aland.", 0, &r);
    subjects_are(find(&r, DK_MONEY, 0), "BB", "AA");
    run("Aland has invested $2 billion in Boria.", 0, &r);
    subjects_are(find(&r, DK_MONEY, 0), "AA", "BB");
    /* "from Boria" in the figure's clause is the source, before a
     * country of another clause */
    run("Invested from Boria was $2 billion in 2023, while Corian firms "
        "invested $5 billion.", 0, &r);
    subjects_are(find(&r, DK_MONEY, 0), "BB", "AA");
    /* non-directional: the pack's first country first */
    run("Trade turnover between Boria and Aland reached $9 billion.", 0, &r);
    subjects_are(find(&r, DK_MONEY, 0), "AA", "BB");
    /* a currency names no party: "U.S. dollars" */
    run("Trade turnover reached 9 billion U.S. dollars.", 0, &r);
    subjects_are(find(&r, DK_MONEY, 0), "AA", "BB");
    /* a counted group is the other side: not the pack's pair */
    run("Boria's trade turnover with the five countries reached $70 billion.",
        0, &r);
    subjects_are(find(&r, DK_MONEY, 0), "BB", NULL);
    run("Boria's trade turnover with the five Great Lakes countries reached "
        "$70 billion.", 0, &r);
    subjects_are(find(&r, DK_MONEY, 0), "BB", NULL);
    /* "the two countries" is the pack's pair */
    run("Trade turnover of the two countries reached $9 billion.", 0, &r);
    subjects_are(find(&r, DK_MONEY, 0), "AA", "BB");
    /* a document plainly about another pair: "the two countries" are
     * the two countries it names most; one of the pack's pair keeps its
     * place in it (BB second, as CN is in KZ-CN: UZ-CN, KG-CN) */
    run("Boria and Coria met. Coria thanked Boria. Boria and Coria agreed. "
        "Trade turnover of the two countries reached $9 billion.", 0, &r);
    subjects_are(find(&r, DK_MONEY, 0), "CC", "BB");
    /* ... and is plain once one of the pack's pair has not been named */
    run("Coria and Boria agreed. "
        "Trade turnover of the two countries reached $9 billion.", 0, &r);
    subjects_are(find(&r, DK_MONEY, 0), "CC", "BB");
    run("Coria, Boria and Aland agreed. "
        "Trade turnover of the two countries reached $9 billion.", 0, &r);
    subjects_are(find(&r, DK_MONEY, 0), "AA", "BB");
    /* transit: the transit country, origin, destination */
    run("Our country carries 80 percent of transit from Boria to Europe.",
        0, &r);
    const dk_mention *m = find(&r, DK_PERCENT, 0);
    assert_string_equal(m->metric, "transit_share");
    assert_int_equal(m->nsubjects, 3);
    assert_string_equal(m->subjects[0], "AA");
    assert_string_equal(m->subjects[1], "BB");
    assert_string_equal(m->subjects[2], "EU");
    /* a route flow with no transit country named: the home country */
    run("Trains carried 20,000 twenty-foot containers between Boria and "
        "Europe.", 0, &r);
    m = find(&r, DK_QUANTITY, 0);
    assert_string_equal(m->metric, "container_traffic");
    assert_int_equal(m->nsubjects, 3);
    assert_string_equal(m->subjects[0], "AA");
    assert_string_equal(m->subjects[1], "BB");
    assert_string_equal(m->subjects[2], "EU");
    /* at a terminal: the countries in text order */
    run("A terminal in Boria handled 5,000 twenty-foot containers.", 0, &r);
    subjects_are(find(&r, DK_QUANTITY, 0), "BB", NULL);
    /* none named: the document's two countries */
    run("Last year the railway handled 6,000 twenty-foot containers.", 0,
        &r);
    subjects_are(find(&r, DK_QUANTITY, 0), "AA", "BB");
}

static void test_period(void **state)
{
    (void)state;
    result r;
    run("In March 2022, trade turnover between Aland and Boria reached "
        "$30 billion.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->period, "2022-03");
    /* stated as current: the document's year */
    run("Trade turnover between Aland and Boria is $30 billion.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->period, "2024");
    /* cumulative span ending at the document's year */
    run("Over the past 18 years, Boria has invested $24 billion in Aland.", 0,
        &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->period, "2006/2024");
    /* a date of another independent clause is not the figure's */
    run("Trade turnover reached $30 billion in May 2023, and $5 billion was "
        "invested in Aland.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->period, "2023-05");
    assert_string_equal(find(&r, DK_MONEY, 1)->period, "2024");
    /* "now" in the clause: current, whatever the other clause says */
    run("Boria now has a border of 1,700 kilometers with Aland, while "
        "trade turnover reached $9 billion in May 2023.", 0, &r);
    assert_string_equal(find(&r, DK_QUANTITY, 0)->period, "2024");
    assert_string_equal(find(&r, DK_MONEY, 0)->period, "2023-05");
    /* "since" starts an interval ending at the document's year */
    run("Boria has invested $24 billion in Aland since May 2005.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->period, "2005/2024");
    /* ... but a "when" clause right after the date is about that date */
    run("Trade turnover has doubled since 2015, when it stood at $5 "
        "billion.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->period, "2015");
    run("Since 2015, when it was $5 billion, trade turnover grew to $9 "
        "billion.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->period, "2015");
    assert_string_equal(find(&r, DK_MONEY, 1)->period, "2015/2024");
    /* the date after a change is its baseline */
    run("In March 2024 trade turnover reached $8 billion, up 20 percent on "
        "March 2023.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->period, "2024-03");
    /* ... but "in" after a change dates the figure */
    run("Trade turnover grew by 32 percent in 2023 to $41 billion.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->period, "2023");
    /* a comparison baseline is not the period */
    run("Trade turnover reached $30 billion, compared to May 2019.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->period, "2024");
    /* a flow with no date of its own (a baseline's is not its own) goes
     * on with the period the sentence before dated its figures by; not
     * two sentences on, not for other metrics */
    run("In January-October 2023, trade turnover between Aland and Boria "
        "was $8 billion. Trade turnover with Europe was $3 billion. "
        "Boria has a border of 900 kilometers with Aland.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 1)->period, "2023-01/2023-10");
    assert_string_equal(find(&r, DK_QUANTITY, 0)->period, "2024");
    run("In January-October 2023, trade turnover between Aland and Boria "
        "was $8 billion. Trade turnover with Europe was $3 billion. "
        "Trade turnover with Coria was $1 billion.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 2)->period, "2023-01/2023-10");
    run("In 2023, trade turnover between Aland and Boria was $8 billion. "
        "Trade turnover with Europe was $3 billion, up from $2 billion in "
        "2020.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 1)->period, "2023");
    run("In 2023, trade turnover between Aland and Boria was $8 billion. "
        "Trade turnover with Europe was $3 billion in May.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 1)->period, "2024-05");
    run("In January-October 2023, trade turnover between Aland and Boria "
        "was $8 billion. The two countries met. Trade turnover with Europe "
        "was $3 billion.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 1)->period, "2024");
    /* ... nor is the date of the figure compared with */
    run("Trade turnover reached $30 billion, up from $21 billion in 2019.", 0,
        &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->period, "2024");
}

static void test_change(void **state)
{
    (void)state;
    result r;
    run("Trade turnover increased by 35 percent and reached $24 billion.", 0,
        &r);
    const dk_mention *m = find(&r, DK_MONEY, 0);
    assert_string_equal(m->metric, "trade_turnover");
    assert_true(m->has_change);
    assert_true(m->change_value == 35);
    assert_string_equal(m->change_unit, "%");
    /* the percentage itself states no metric */
    assert_string_equal(find(&r, DK_PERCENT, 0)->metric, "");
    run("Trade turnover fell by 10 percent to $20 billion.", 0, &r);
    m = find(&r, DK_MONEY, 0);
    assert_true(m->has_change);
    assert_true(m->change_value == -10);
    /* a relative clause tells of the figure before it */
    run("Trade turnover was $20 billion, which is 5 percent more than in "
        "2023.", 0, &r);
    m = find(&r, DK_MONEY, 0);
    assert_true(m->has_change);
    assert_true(m->change_value == 5);
    /* ... not another clause */
    run("Trade turnover was $20 billion, and exports grew 5 percent.", 0, &r);
    assert_false(find(&r, DK_MONEY, 0)->has_change);
    /* where it started or ended is no change */
    run("Aland's share of trade grew to 22.6 percent in 2024.", 0, &r);
    assert_string_equal(find_text(&r, "22.6 percent")->metric,
                        "trade_share");
    run("Aland's share of trade grew from 20.5 percent in 2023.", 0, &r);
    assert_string_equal(find_text(&r, "20.5 percent")->metric, "");
    assert_false(find_text(&r, "20.5 percent")->has_change);
    run("Trade turnover grew from 20.5 percent of GDP in 2023.", 0, &r);
    assert_false(find_text(&r, "20.5 percent")->has_change);
    /* multipliers: the recogniser puts "-fold" and "times" in the span */
    run("Trade turnover grew 1.7-fold to $5 billion in 2020.", 0, &r);
    m = find(&r, DK_MONEY, 0);
    assert_true(m->has_change);
    assert_true(m->change_value == 1.7);
    assert_string_equal(m->change_unit, "times");
    run("Trade turnover grew 2 times and amounted to $5 billion.", 0, &r);
    assert_true(find(&r, DK_MONEY, 0)->change_value == 2);
    run("Trade turnover reached $5 billion, 1.5 times more than a year "
        "earlier.", 0, &r);
    m = find(&r, DK_MONEY, 0);
    assert_true(m->has_change);
    assert_true(m->change_value == 1.5);
    run("Trade turnover reached $5 billion, 1.5 times less than a year "
        "earlier.", 0, &r);
    assert_true(find(&r, DK_MONEY, 0)->change_value == -1.5);
    /* a bulletin's signed change or year-on-year mark */
    run("Trade turnover: $10.7 billion (+8.4% y/y).", 0, &r);
    m = find(&r, DK_MONEY, 0);
    assert_true(m->has_change && m->change_value == 8.4);
    run("Trade turnover: $5.8 billion (-6.3% y/y).", 0, &r);
    assert_true(find(&r, DK_MONEY, 0)->change_value == -6.3);
    run("Trade turnover was $5 billion in 2019, -2.1% yoy.", 0, &r);
    assert_true(find(&r, DK_MONEY, 0)->change_value == -2.1);
    run("Trade turnover was $5 billion (8% year-on-year).", 0, &r);
    assert_true(find(&r, DK_MONEY, 0)->change_value == 8);
    /* a bare percentage in brackets is no change */
    run("Trade turnover was $5 billion (8%).", 0, &r);
    assert_false(find(&r, DK_MONEY, 0)->has_change);
    /* a range of multipliers is no single change */
    run("Trade turnover grew two to three times to $5 billion.", 0, &r);
    assert_false(find(&r, DK_MONEY, 0)->has_change);
}

/* "it rose ... to $X", "it reached $X": the metric just given goes on */
static void test_pronoun(void **state)
{
    (void)state;
    result r;
    run("Trade turnover was $20 billion in 2023, and in 2024 it grew 5 "
        "percent to $21 billion.", 0, &r);
    const dk_mention *m = find_text(&r, "$21 billion");
    assert_string_equal(m->metric, "trade_turnover");
    assert_string_equal(m->period, "2024");
    assert_true(m->has_change && m->change_value == 5);
    run("Trade turnover between Aland and Boria was $20 billion in 2023. "
        "In 2024 it reached $25 billion.", 0, &r);
    m = find_text(&r, "$25 billion");
    assert_string_equal(m->metric, "trade_turnover");
    assert_int_equal(m->nsubjects, 2);
    /* no verb of change or level after the pronoun: no reference */
    run("Trade turnover was $20 billion in 2023. In 2024 it owed $25 "
        "billion.", 0, &r);
    assert_string_equal(find_text(&r, "$25 billion")->metric, "");
    /* the figure referred to is the one just given, not an older one */
    run("Trade turnover was $20 billion in 2023. Aland's exports were "
        "much smaller. Then it reached $25 billion.", 0, &r);
    assert_string_equal(find_text(&r, "$25 billion")->metric, "");
}

/* A figure right after a country's name is that country's:
 * "behind Coria ($14 billion)", "behind Coria's 19 percent" */
static void test_labelled(void **state)
{
    (void)state;
    result r;
    run("Trade turnover between Aland and Boria was $5 billion in 2023, "
        "behind Coria ($14 billion).", 0, &r);
    const dk_mention *m = find_text(&r, "$14 billion");
    assert_string_equal(m->metric, "trade_turnover");
    assert_int_equal(m->nsubjects, 2);
    assert_string_equal(m->subjects[0], "AA");
    assert_string_equal(m->subjects[1], "CC");
    m = find_text(&r, "$5 billion");
    assert_string_equal(m->subjects[1], "BB");
    run("Boria's share of trade of Aland was 18 percent in 2023, behind "
        "Coria's 19 percent.", 0, &r);
    m = find_text(&r, "19 percent");
    assert_string_equal(m->metric, "trade_share");
    assert_string_equal(m->subjects[0], "CC");
    assert_string_equal(m->subjects[1], "AA");
}

/* A country's foreign trade is its trade with the world, not with the
 * other country of the document */
static void test_world(void **state)
{
    (void)state;
    result r;
    run("Aland's foreign trade turnover was $70 billion in 2023.", 0, &r);
    const dk_mention *m = find(&r, DK_MONEY, 0);
    assert_string_equal(m->metric, "trade_turnover");
    assert_int_equal(m->nsubjects, 2);
    assert_string_equal(m->subjects[0], "AA");
    assert_string_equal(m->subjects[1], "WORLD");
    run("Aland's foreign trade turnover with Boria was $7 billion in 2023.",
        0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->subjects[1], "BB");
}

/* A directed figure whose other side has no preposition: another
 * country named before it, not the document's pair */
static void test_directed_other(void **state)
{
    (void)state;
    result r;
    run("Boria invested Corian money worth $5 billion in 2023.", 0, &r);
    const dk_mention *m = find(&r, DK_MONEY, 0);
    assert_string_equal(m->metric, "investment");
    assert_string_equal(m->subjects[0], "BB");
    assert_string_equal(m->subjects[1], "CC");
    /* the body a figure is according to is no party to it */
    run("Aland invested $5 billion in 2023, according to the Trade Turnover "
        "Bank.", 0, &r);
    m = find(&r, DK_MONEY, 0);
    assert_string_equal(m->subjects[0], "AA");
    assert_string_equal(m->subjects[1], "BB");
    /* a country after the figure (a source) is not the other side */
    run("Boria invested $5 billion in 2023, Coria said.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->subjects[1], "AA");
}

/* A region of no one country is a party where it is a partner */
static void test_region(void **state)
{
    (void)state;
    result r;
    run("Trade turnover between Boria and Midland was $70 billion in 2022.",
        0, &r);
    const dk_mention *m = find(&r, DK_MONEY, 0);
    assert_int_equal(m->nsubjects, 2);
    assert_string_equal(m->subjects[0], "BB");
    assert_string_equal(m->subjects[1], "midland");
    /* where it only places something, it is none */
    run("Aland, the largest state in Midland, had trade turnover of $7 "
        "billion with Boria in 2022.", 0, &r);
    m = find(&r, DK_MONEY, 0);
    assert_string_equal(m->subjects[0], "AA");
    assert_string_equal(m->subjects[1], "BB");
}

/* "the share of Coria in ...": the country after "share of" with "in"
 * after it is the holder */
static void test_share_of_in(void **state)
{
    (void)state;
    result r;
    run("The share of Coria in the trade turnover of Aland was 15 percent "
        "in 2023.", 0, &r);
    const dk_mention *m = find(&r, DK_PERCENT, 0);
    assert_string_equal(m->metric, "trade_share");
    assert_string_equal(m->subjects[0], "CC");
    assert_string_equal(m->subjects[1], "AA");
}

/* "our country" is the document's first country, not the pack's */
static void test_home(void **state)
{
    (void)state;
    result r;
    run("Trade turnover between Coria and Boria was $5 billion in 2023. "
        "Boria invested $2 billion in our country in 2023.", 0, &r);
    const dk_mention *m = find_text(&r, "$2 billion");
    assert_string_equal(m->metric, "investment");
    assert_string_equal(m->subjects[0], "BB");
    assert_string_equal(m->subjects[1], "CC");
}

/* A cue inside a name the pack knows states nothing */
static void test_cue_in_name(void **state)
{
    (void)state;
    result r;
    run("The Trade Turnover Bank lent $5 billion in 2023.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->metric, "");
    run("Trade turnover reached $5 billion in 2023.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->metric, "trade_turnover");
}

/* "55 agreements ..., of which 15 ...", "12 of them": a part of a count
 * takes the count's metric, period and subjects */
static void test_part_of(void **state)
{
    (void)state;
    result r;
    run("In 2023 Aland and Boria signed 40 agreements, of which 15 concern "
        "energy.", 0, &r);
    const dk_mention *m = find_text(&r, "15");
    assert_string_equal(m->metric, "agreements");
    assert_string_equal(m->period, "2023");
    subjects_are(m, "AA", "BB");
    run("Aland and Boria signed 40 agreements; 12 of them are in force.", 0,
        &r);
    assert_string_equal(find_text(&r, "12")->metric, "agreements");
    /* a number with nothing before it to be a part of */
    run("Of the visitors, 12 of them came by train.", 0, &r);
    assert_string_equal(find_text(&r, "12")->metric, "");
    /* a part with a date of its own is of another time: no metric */
    run("Aland and Boria have signed 120 agreements since 1992, 15 of which "
        "were signed in 2023.", 0, &r);
    assert_string_equal(find_text(&r, "15")->metric, "");
}

static void test_targets(void **state)
{
    (void)state;
    result r;
    run("The sides plan to bring trade turnover to $40 billion.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->metric, "");
    /* reported speech after ", noting that" is a clause of its own */
    run("The sides plan to bring trade to a new level, noting that trade "
        "turnover reached $41 billion in 2023.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->metric, "trade_turnover");
    /* a date after the document's year: a forecast */
    run("Trade turnover will be $50 billion in May 2030.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->metric, "");
    /* a figure given for comparison states no indicator; "more than" is
     * a qualifier, not a comparison */
    run("Trade turnover reached more than $30 billion, compared to "
        "$20 billion before.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->metric, "trade_turnover");
    assert_string_equal(find(&r, DK_MONEY, 1)->metric, "");
    /* a target in a predicate joined after the figure is not its own */
    run("In 2023 Aland and Boria signed 27 agreements and agreed to bring "
        "trade turnover to $40 billion by 2030.", 0, &r);
    assert_string_equal(find(&r, DK_NUMBER, 0)->metric, "agreements");
    assert_string_equal(find(&r, DK_NUMBER, 0)->period, "2023");
    assert_string_equal(find(&r, DK_MONEY, 0)->metric, "");
    /* "and more" is no predicate of its own: the target stays one */
    run("Trade turnover of $40 billion and more is planned for 2030.", 0, &r);
    assert_string_equal(find(&r, DK_MONEY, 0)->metric, "");
    /* counts after a happening dated by its month take that month */
    run("The Borian leader paid a state visit to Aland in January. The "
        "two countries signed 27 agreements.", 0, &r);
    assert_string_equal(find(&r, DK_NUMBER, 0)->period, "2024-01");
    /* plans count for metrics that include them */
    run("The companies plan to create 2,000 jobs in Aland.", 0, &r);
    assert_string_equal(find(&r, DK_NUMBER, 0)->metric, "jobs");
}

/* An amount named by what it refers back to takes the metric of the
 * document's first figure of that unit, with its holders. */
static void test_reference(void **state)
{
    (void)state;
    result r;
    run("Aland invested $5 billion in Boria in 2023. Trade turnover between "
        "Aland and Boria was $20 billion in 2023. The statistics office "
        "revised its total for 2022 to $18 billion.", 0, &r);
    const dk_mention *m = find_text(&r, "$18 billion");
    assert_string_equal(m->metric, "investment");
    assert_string_equal(m->period, "2022");
    subjects_are(m, "AA", "BB");
    run("Trade turnover between Aland and Boria was $20 billion in 2023. "
        "Borian statistics give a lower number: $17 billion.", 0, &r);
    m = find_text(&r, "$17 billion");
    assert_string_equal(m->metric, "trade_turnover");
    subjects_are(m, "AA", "BB");
    /* a word after the phrase makes a noun phrase of its own */
    run("Trade turnover between Aland and Boria was $20 billion in 2023. "
        "The total cost of the bridge is $1 billion.", 0, &r);
    assert_string_equal(find_text(&r, "$1 billion")->metric, "");
    /* nothing to refer to: no metric */
    run("The statistics office revised its total for 2022 to $18 billion.",
        0, &r);
    assert_string_equal(find_text(&r, "$18 billion")->metric, "");
    /* "Coria's share": the holder named here, the whole and the period
     * of the figure referred to */
    run("Aland had 22.6 percent of Boria's share of trade in 2024. "
        "Coria's share slipped to 18.9 percent.", 0, &r);
    m = find_text(&r, "18.9 percent");
    assert_string_equal(m->metric, "trade_share");
    assert_string_equal(m->period, "2024");
    subjects_are(m, "CC", "BB");
    /* a share of another whole is not the one referred to */
    run("Aland had 22.6 percent of Boria's share of trade in 2024. "
        "Coria's share of the grain market is 18.9 percent.", 0, &r);
    assert_string_equal(find_text(&r, "18.9 percent")->metric, "");
    /* the unit must fit: a distance is not an amount of trade */
    run("Trade turnover between Aland and Boria was $20 billion in 2023. "
        "The total is 1,700 km.", 0, &r);
    assert_string_equal(find_text(&r, "1,700 km")->metric, "");
}

static void test_explain(void **state)
{
    (void)state;
    result r;
    run("In March 2022, trade turnover between Aland and Boria reached "
        "$30 billion.", 1, &r);
    const dk_mention *m = find(&r, DK_MONEY, 0);
    const char *x = r.explain[m - r.m];
    assert_non_null(strstr(x, "trade turnover"));
    assert_non_null(strstr(x, "2022"));
    assert_non_null(strstr(x, "AA"));
    /* a figure with a cue but no metric says why */
    run("The sides plan to bring trade turnover to $40 billion.", 1, &r);
    m = find(&r, DK_MONEY, 0);
    assert_string_equal(m->metric, "");
    assert_non_null(strstr(r.explain[m - r.m], "target"));
    /* without --explain, nothing */
    run("Trade turnover reached $9 billion.", 0, &r);
    assert_null(find(&r, DK_MONEY, 0)->explain);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_metric_by_cue_and_unit),
        cmocka_unit_test(test_subject_order),
        cmocka_unit_test(test_period),
        cmocka_unit_test(test_change),
        cmocka_unit_test(test_cue_in_name),
        cmocka_unit_test(test_pronoun),
        cmocka_unit_test(test_labelled),
        cmocka_unit_test(test_world),
        cmocka_unit_test(test_directed_other),
        cmocka_unit_test(test_home),
        cmocka_unit_test(test_region),
        cmocka_unit_test(test_share_of_in),
        cmocka_unit_test(test_part_of),
        cmocka_unit_test(test_targets),
        cmocka_unit_test(test_reference),
        cmocka_unit_test(test_explain),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
