/*
 * test_analyse.c - period arithmetic, qualifier-aware comparison,
 * rounding and revision detection, the words and sentence matching of
 * claims, the judging of events, and the verdict rules of check.
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
#include "recognise/calendar.h"
#include <jansson.h>
#include <math.h>
#include "analyse/check.h"
#include "analyse/crosscheck.h"
#include "analyse/evcheck.h"
#include "analyse/sentidx.h"
#include "store/store.h"
#include "pack/pack.h"

static dk_period P(const char *s)
{
    dk_period p;
    assert_true(dk_period_parse(s, &p));
    return p;
}

static void test_period_forms(void **state)
{
    (void)state;
    assert_true(dk_period_equal(P("2023"), P("2023-01/2023-12")));
    assert_true(dk_period_equal(P("2023"), P("2023-01-01/2023-12-31")));
    assert_false(dk_period_equal(P("2023"), P("2023-01/2023-10")));
    assert_true(dk_period_contains(P("2023"), P("2023-01/2023-10")));
    assert_true(dk_period_equal(P("2019-09-11/12"), P("2019-09-11/2019-09-12")));
    assert_true(dk_period_equal(P("20"), P("2000/2099")));
    assert_true(dk_period_equal(P("199"), P("1990/1999")));
    assert_true(dk_period_equal(P("2024-02"), P("2024-02-01/2024-02-29")));
    dk_period p;
    assert_false(dk_period_parse("2023-13", &p));
    assert_false(dk_period_parse("2023-02-30", &p));
    assert_false(dk_period_parse("2024/2023", &p));
    assert_false(dk_period_parse("last year", &p));
    assert_false(dk_period_parse("", &p));
    int y;
    assert_true(dk_period_is_year(P("1995"), &y));
    assert_int_equal(y, 1995);
    assert_false(dk_period_is_year(P("1995-03"), &y));
    assert_int_equal(dk_cal_days(1970, 1, 1), 0);
    assert_int_equal(dk_cal_days(2000, 3, 1), 11017);
}

static dk_fig F(const char *text, double v, dk_qualifier q)
{
    dk_fig f = {v, 0, 0, q, dk_fig_step(text, strlen(text), v)};
    return f;
}

static void test_step(void **state)
{
    (void)state;
    assert_true(dk_fig_step("41 billion", 10, 41e9) == 1e9);
    assert_true(fabs(dk_fig_step("$41.1 billion", 13, 41.1e9) - 1e8) < 1);
    assert_true(dk_fig_step("1,700 kilometers", 16, 1700) == 100);
    assert_true(dk_fig_step("1,783-kilometer-long", 20, 1783) == 1);
    assert_true(dk_fig_step("30 billion", 10, 30e9) == 1e9);
    assert_true(dk_fig_step("twelve", 6, 12) == 10);
}

static void test_agree(void **state)
{
    (void)state;
    dk_fig about20 = F("20", 20, DK_Q_APPROX), over19 = F("19", 19, DK_Q_OVER);
    assert_true(dk_fig_agree(&about20, &over19));
    dk_fig over31 = F("$31 billion", 31e9, DK_Q_OVER);
    dk_fig b242 = F("$24.2 billion", 24.2e9, DK_Q_EXACT);
    assert_false(dk_fig_agree(&over31, &b242));
    dk_fig b41 = F("$41 billion", 41e9, DK_Q_EXACT);
    dk_fig b411 = F("$41.1 billion", 41.1e9, DK_Q_EXACT);
    assert_true(dk_fig_agree(&b41, &b411));      /* 41 covers 40.5-41.5 */
    dk_fig k1700 = F("1,700 km", 1700, DK_Q_EXACT);
    dk_fig k1783 = F("1,783 km", 1783, DK_Q_EXACT);
    assert_false(dk_fig_agree(&k1700, &k1783));
    assert_true(dk_fig_rounding(&k1700, &k1783));
    dk_fig k2500 = F("2,500 kilometers", 2500, DK_Q_APPROX);
    assert_false(dk_fig_agree(&k2500, &k1783));
    assert_false(dk_fig_rounding(&k2500, &k1783));
    dk_fig up30 = F("30 days", 30, DK_Q_UNDER), up60 = F("60 days", 60, DK_Q_UNDER);
    assert_false(dk_fig_agree(&up30, &up60));   /* two maxima disagree */
    /* two minima are both true of any count above the higher one */
    dk_fig over25 = F("25", 25, DK_Q_OVER), over30 = F("30", 30, DK_Q_OVER);
    assert_true(dk_fig_agree(&over25, &over30));
    /* rounding intervals are half-open: neighbours only touch */
    dk_fig fourth = F("fourth", 4, DK_Q_EXACT), fifth = F("fifth", 5, DK_Q_EXACT);
    assert_false(dk_fig_agree(&fourth, &fifth));
    dk_fig b42 = F("$42 billion", 42e9, DK_Q_EXACT);
    assert_false(dk_fig_agree(&b41, &b42));
    /* a bound meets a rounded value it lies inside */
    dk_fig over41 = F("$41 billion", 41e9, DK_Q_OVER);
    assert_true(dk_fig_agree(&over41, &b41));
    dk_fig under41 = F("$41 billion", 41e9, DK_Q_UNDER);
    assert_true(dk_fig_agree(&over41, &b42));
    assert_true(dk_fig_agree(&under41, &b41));
    assert_false(dk_fig_agree(&under41, &b42));
    dk_fig r = {15, 15, 18, DK_Q_RANGE, 1};
    dk_fig d16 = F("16 days", 16, DK_Q_EXACT), d20 = F("20 days", 20, DK_Q_EXACT);
    assert_true(dk_fig_agree(&r, &d16));
    assert_false(dk_fig_agree(&r, &d20));
}

static void test_period_format(void **state)
{
    (void)state;
    char out[DK_DATE_MAX];
    dk_period_format(P("2019-09-11/12"), out, sizeof out);
    assert_string_equal(out, "2019-09-11/2019-09-12");
    dk_period_format(P("2024-02"), out, sizeof out);
    assert_string_equal(out, "2024-02-01/2024-02-29");
    dk_period_format(P("1992-01-03"), out, sizeof out);
    assert_string_equal(out, "1992-01-03");
    dk_period_format(P("1969-12-31"), out, sizeof out);
    assert_string_equal(out, "1969-12-31");
    assert_int_equal(dk_year_of_day(dk_cal_days(2024, 12, 31)), 2024);
    assert_int_equal(dk_year_of_day(dk_cal_days(2025, 1, 1)), 2025);
    assert_int_equal(dk_year_of_day(dk_cal_days(1969, 12, 31)), 1969);
    assert_int_equal(dk_year_of_day(dk_cal_days(2000, 2, 29)), 2000);
}

static uint32_t W1(const char *word)
{
    uint32_t h = 0;
    assert_int_equal(dk_text_words(word, strlen(word), &h, 1), 1);
    return h;
}

static void test_words(void **state)
{
    (void)state;
    /* the forms of a word are one key; spellings of -re/-er too */
    assert_true(W1("signed") == W1("sign"));
    assert_true(W1("signs") == W1("Sign"));
    assert_true(W1("signing") == W1("signed"));
    assert_true(W1("centre") == W1("Center"));
    assert_true(W1("countries") == W1("country"));
    assert_true(W1("proposed") == W1("propose"));
    assert_false(W1("sign") == W1("design"));
    assert_false(W1("trade") == W1("trail"));
    /* numbers are figures, not words; letters with digits are words */
    uint32_t w[8];
    assert_int_equal(dk_text_words("in 2023 the G20 and 5G", 22, w, 8), 5);
    assert_int_equal(dk_text_words("2023 1,783", 10, w, 8), 0);
    /* distinct: a repeated word counts once */
    assert_int_equal(dk_text_words("trade, Trade and trades", 23, w, 8), 2);
}

static void test_events(void **state)
{
    (void)state;
    char err[256];
    dk_pack *pack = dk_pack_load("packs/kz-cn", err, sizeof err);
    assert_non_null(pack);
    dk_mention m;
    memset(&m, 0, sizeof m);
    strcpy(m.event, "visit");
    m.nactors = 1;
    strcpy(m.actors[0], "tokayev");
    strcpy(m.place, "CN");
    strcpy(m.date, "2019-09-11/12");
    dk_evfact claim, rec;
    dk_evfact_from_mention(&m, &claim);
    assert_true(claim.has_span);
    const char *why;
    /* the record's visit to Beijing on the same days supports it */
    strcpy(m.place, "beijing");
    strcpy(m.date, "2019-09-11/2019-09-12");
    dk_evfact_from_mention(&m, &rec);
    assert_int_equal(dk_event_judge(&claim, &rec, pack, &why), 1);
    /* a claimed month holds the record's days; the days hold no month */
    dk_evfact month = claim;
    assert_true(dk_period_parse("2019-09", &month.span));
    assert_int_equal(dk_event_judge(&month, &rec, pack, &why), 1);
    /* another month of the same year: the same visit told otherwise */
    dk_evfact oct = claim;
    assert_true(dk_period_parse("2019-10-11", &oct.span));
    assert_int_equal(dk_event_judge(&oct, &rec, pack, &why), -1);
    assert_string_equal(why, "date");
    /* another year: another visit, unrelated */
    dk_evfact y2018 = claim;
    assert_true(dk_period_parse("2018-09-11", &y2018.span));
    assert_int_equal(dk_event_judge(&y2018, &rec, pack, &why), 0);
    /* another type, or no shared actor: unrelated */
    dk_evfact meet = claim;
    strcpy(meet.event, "meeting");
    assert_int_equal(dk_event_judge(&meet, &rec, pack, &why), 0);
    dk_evfact xi = claim;
    strcpy(xi.actors[0], "xi_jinping");
    assert_int_equal(dk_event_judge(&xi, &rec, pack, &why), 0);
    /* the same days in another country */
    dk_evfact rus = claim;
    strcpy(rus.place, "RU");
    assert_int_equal(dk_event_judge(&rus, &rec, pack, &why), -1);
    assert_string_equal(why, "place");
    /* two participants claimed: one shared is another meeting */
    memset(&m, 0, sizeof m);
    strcpy(m.event, "meeting");
    m.nactors = 2;
    strcpy(m.actors[0], "xi_jinping");
    strcpy(m.actors[1], "mirziyoyev");
    strcpy(m.date, "2024-01-24");
    dk_evfact_from_mention(&m, &rec);
    strcpy(m.actors[1], "tokayev");
    strcpy(m.date, "2024-01");
    dk_evfact_from_mention(&m, &claim);
    assert_int_equal(dk_event_judge(&claim, &rec, pack, &why), 0);
    strcpy(m.actors[1], "mirziyoyev");
    dk_evfact_from_mention(&m, &claim);
    assert_int_equal(dk_event_judge(&claim, &rec, pack, &why), 1);
    /* a month of no year: the record's month must be it */
    strcpy(m.date, "XXXX-01");
    dk_evfact_from_mention(&m, &claim);
    assert_int_equal(claim.month, 1);
    assert_int_equal(dk_event_judge(&claim, &rec, pack, &why), 1);
    strcpy(m.date, "XXXX-09");
    dk_evfact_from_mention(&m, &claim);
    assert_int_equal(dk_event_judge(&claim, &rec, pack, &why), 0);
    /* counts: ten documents signed, not twelve */
    memset(&m, 0, sizeof m);
    strcpy(m.event, "agreement");
    m.nactors = 2;
    strcpy(m.actors[0], "KZ");
    strcpy(m.actors[1], "CN");
    strcpy(m.date, "2019-09-12");
    m.has_count = 1;
    m.count = 10;
    dk_evfact_from_mention(&m, &rec);
    strcpy(m.date, "2019");
    dk_evfact_from_mention(&m, &claim);
    assert_int_equal(dk_event_judge(&claim, &rec, pack, &why), 1);
    claim.count.value = 12;
    assert_int_equal(dk_event_judge(&claim, &rec, pack, &why), -1);
    assert_string_equal(why, "count");
    /* two differences (the month and the count): another signing */
    dk_evfact other = claim;
    assert_true(dk_period_parse("2019-10", &other.span));
    assert_int_equal(dk_event_judge(&other, &rec, pack, &why), 0);
    /* another month and nothing else to say it is the same signing:
     * the two countries sign many agreements a year */
    other.has_count = 0;
    assert_int_equal(dk_event_judge(&other, &rec, pack, &why), 0);
    /* the same month, the same count: the same signing, the day differs */
    other = claim;
    other.count.value = 10;
    assert_true(dk_period_parse("2019-09-20", &other.span));
    assert_int_equal(dk_event_judge(&other, &rec, pack, &why), -1);
    assert_string_equal(why, "date");
    /* a claimed count the record does not state: unrelated */
    rec.has_count = 0;
    assert_int_equal(dk_event_judge(&claim, &rec, pack, &why), 0);
    /* no actors on either side: the place says it is the same summit */
    memset(&m, 0, sizeof m);
    strcpy(m.event, "summit");
    strcpy(m.place, "astana");
    strcpy(m.date, "2024-07-04");
    dk_evfact_from_mention(&m, &rec);
    dk_evfact_from_mention(&m, &claim);
    assert_int_equal(dk_event_judge(&claim, &rec, pack, &why), 1);
    claim.place[0] = '\0';
    assert_int_equal(dk_event_judge(&claim, &rec, pack, &why), 0);
    dk_pack_free(pack);
}

/* facts in memory for the grouping rules */
static void add(dk_facts *fs, const char *period, double v, dk_qualifier q,
                const char *text, const char *doc, const char *date)
{
    dk_fact f;
    memset(&f, 0, sizeof f);
    f.fig = F(text, v, q);
    strcpy(f.unit, "km");
    strcpy(f.metric, "border_length");
    strcpy(f.period, period);
    f.has_span = dk_period_parse(period, &f.span);
    f.nsubjects = 2;
    strcpy(f.subjects[0], "KZ");
    strcpy(f.subjects[1], "CN");
    f.doc = (char *)doc;
    f.date = (char *)date;
    f.sentence = (char *)"s";
    f.text = (char *)text;
    assert_int_equal(dk_facts_push(fs, &f), DK_OK);
}

static void test_groups(void **state)
{
    (void)state;
    dk_facts fs = {0};
    dk_groups g;
    add(&fs, "2021", 1700, DK_Q_EXACT, "1,700", "a", "2021-01-01");
    add(&fs, "2021", 1783, DK_Q_EXACT, "1,783", "b", "2021-02-01");
    add(&fs, "2022", 1783, DK_Q_EXACT, "1,783", "c", "2022-01-01");
    add(&fs, "2022", 1783, DK_Q_APPROX, "1,783", "d", "2022-03-01");
    add(&fs, "2023", 100, DK_Q_EXACT, "100", "e", "2023-01-01");
    add(&fs, "2023", 112, DK_Q_EXACT, "112", "f", "2024-06-01");
    add(&fs, "2024", 100, DK_Q_EXACT, "100", "g", "2024-01-01");
    add(&fs, "2024", 300, DK_Q_EXACT, "300", "h", "2024-01-01");
    assert_int_equal(dk_group_facts(&fs, &g), DK_OK);
    assert_int_equal(g.n, 4);
    assert_string_equal(g.v[0].cls, "rounding");
    assert_string_equal(g.v[1].cls, "agree");
    assert_string_equal(fs.v[g.v[1].consensus].doc, "c");  /* exact wins */
    assert_string_equal(g.v[2].cls, "revision");
    assert_string_equal(g.v[3].cls, "conflict");
    assert_int_equal(g.v[3].consensus, -1);
    dk_buf b = {0};
    assert_int_equal(dk_conflict_json(&b, &fs, &g.v[0]), DK_OK);
    json_t *o = json_loads(b.data, 0, NULL);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "class")), "rounding");
    assert_int_equal(json_array_size(json_object_get(o, "values")), 2);
    json_decref(o);
    dk_buf_free(&b);
    dk_groups_free(&g);
    dk_facts_free(&fs);
}

/* A record of three sentences, then claims against it. */
static const char *const record[][3] = {
    {"a", "2024-01-15", "Trade between Kazakhstan and China grew by 32 percent to $41 billion in 2023."},
    {"b", "2024-03-01", "Trade between Kazakhstan and China reached $41.1 billion in 2023."},
    {"c", "2021-06-01", "Kazakhstan and China share a common border of 1,700 kilometers."},
    {"d", "2024-05-20", "Kazakhstan shares a 1,783-kilometer-long border with China."},
    {"e", "2024-05-20", "Kazakhstan, which is not a member of the G20, wants digital services to grow."},
    {"f", "2024-06-12", "The Atasu-Alashankou pipeline can carry up to 20 million tons of crude a year."},
    {"g", "2024-01-15", "Kazakhstan shipped goods worth $16.3 billion to China in 2023, while Chinese exports to Kazakhstan amounted to $24.7 billion in 2023."},
    {"h", "2024-04-10", "China has invested more than $24 billion in Kazakhstan since 2005."},
    {"i", "2024-10-07", "Diplomatic relations between Kazakhstan and China were established on January 3, 1992."},
    {"j", "2022-12-05", "The International Center of Boundary Cooperation Khorgos marked ten years of operation this year. Shoppers come from both countries. The centre opened in April 2012 on land provided by both governments."},
    {"l", "2023-05-19", "China's trade with the five countries reached $70 billion in 2022."},
    {"m", "2024-02-02", "The Uzbekistan-China gas line can carry up to 25 billion cubic meters a year."},
    {"n", "2024-04-20", "Shipments of Kazakh flour to China rose 12 percent in the first quarter of 2024."},
    {"o", "2024-07-05", "During Xi Jinping's state visit to Kazakhstan on July 2, the two countries signed 30 documents."},
    {"p", "2024-03-04", "Kazakh and Chinese companies signed 18 agreements at a business council in Astana on March 1."},
    {"k", "2025-01-16", "Trade between Kazakhstan and China reached $43.8 billion in 2024, according to Chinese customs data. Kazakhstan's own statistics give a lower number: $29.6 billion for the first 11 months of 2024."},
    {"q", "2025-02-01", "Trade between Kazakhstan and China topped $40 billion in 2024."},
    {"r", "2023-10-17", "Over the past ten years China has invested $12 billion in Kazakhstan."},
    {"s", "2019-09-13", "The governments of Kazakhstan and China confirmed a list of 55 joint industrial projects worth $27 billion, of which 15 had already been completed."},
    {"t", "2025-03-12", "China's share of Kazakhstan's foreign trade was 22.6 percent in 2024."},
};

static int setup_record(void **state)
{
    static char path[64];
    strcpy(path, "/tmp/dostyk-test-analyse-XXXXXX");   /* a fresh template */
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    dk_store *s;
    char err[256];
    assert_int_equal(dk_store_open(path, 0, &s, err, sizeof err), DK_OK);
    dk_options eo = {.sentences = 1, .pack_dir = "packs/kz-cn"};
    dk_engine *e = dk_engine_new(&eo, NULL);
    assert_non_null(e);
    assert_int_equal(dk_store_begin(s), DK_OK);
    for (size_t i = 0; i < sizeof record / sizeof record[0]; i++) {
        dk_docmeta m = {.name = record[i][0], .date = record[i][1]};
        const char *t = record[i][2];
        char hash[17];
        int64_t doc, sent = 0;
        dk_store_hash(&m, t, strlen(t), hash);
        assert_int_equal(dk_store_put_doc(s, &m, hash, t, strlen(t), &doc), DK_OK);
        dk_doc *d = dk_doc_open(e, record[i][0], record[i][1]);
        assert_int_equal(dk_doc_feed(d, t, strlen(t)), DK_OK);
        assert_int_equal(dk_doc_finish(d), DK_OK);
        const dk_mention *mm;
        while ((mm = dk_doc_next(d)) != NULL) {
            if (mm->kind == DK_SENTENCE)
                assert_int_equal(dk_store_put_sentence(s, doc, mm->start, mm->end,
                                 mm->text, mm->end - mm->start, &sent), DK_OK);
            else
                assert_int_equal(dk_store_put_mention(s, doc, sent, mm), DK_OK);
        }
        dk_doc_close(d);
    }
    assert_int_equal(dk_store_commit(s), DK_OK);
    dk_engine_free(e);
    dk_checker *c;
    assert_int_equal(dk_checker_open(dk_store_db(s), "packs/kz-cn", &c, err,
                                     sizeof err), DK_OK);
    void **box = malloc(3 * sizeof *box);
    box[0] = s;
    box[1] = c;
    box[2] = path;
    *state = box;
    return 0;
}

static int teardown_record(void **state)
{
    void **box = *state;
    dk_checker_close(box[1]);
    dk_store_close(box[0]);
    unlink(box[2]);
    free(box);
    return 0;
}

static const char *verdict(void **state, const char *claim)
{
    void **box = *state;
    dk_buf b = {0};
    const char *v = NULL;
    assert_int_equal(dk_check_claim(box[1], claim, "x", &b, &v), DK_OK);
    json_t *o = json_loads(b.data, 0, NULL);
    assert_non_null(o);   /* the answer is one valid JSON object */
    assert_string_equal(json_string_value(json_object_get(o, "verdict")), v);
    json_decref(o);
    dk_buf_free(&b);
    return v;
}

static void test_verdicts(void **state)
{
    assert_string_equal(verdict(state, "Mutual trade between Kazakhstan and China reached $41 bn in 2023."), "supported");
    /* "exactly": no rounding, so $41.1 billion is another figure */
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China reached exactly $41 billion in 2023."), "conflicting_sources");
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China reached $24.1 billion in 2023."), "contradicted");
    /* 41 / 1.32 = 31.06: the implied 2022 figure takes part */
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China was $31 billion in 2022."), "supported");
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China was $31 billion in 2019."), "not_found");
    assert_string_equal(verdict(state, "Kazakhstan and China share a 1,783-kilometre border."), "conflicting_sources");
    assert_string_equal(verdict(state, "Kazakhstan and China share a border of roughly 2,500 kilometers."), "contradicted");
    /* "topped $40 billion" does not rule $50 billion out, but the stated
     * $43.8 billion does: contradicted, not a conflict of sources */
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China reached $50 billion in 2024."), "contradicted");
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China was more than $42 billion in 2024."), "supported");
    assert_string_equal(verdict(state, "The weather was fine."), "not_found");
}

/* The paths beyond an indicator's figures: wording, changes, negation. */
static void test_verdicts_wording(void **state)
{
    /* a figure of no indicator, by the sentence that says the same */
    assert_string_equal(verdict(state, "The Atasu-Alashankou pipeline can carry up to 20 million tons of crude a year."), "supported");
    assert_string_equal(verdict(state, "The Atasu-Alashankou pipeline can carry up to 50 million tons of crude a year."), "contradicted");
    /* a rise or fall without a figure, a fraction as a change */
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China fell in 2023."), "contradicted");
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China grew in 2023."), "supported");
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China grew by roughly a third in 2023."), "supported");
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China grew by a half in 2023."), "contradicted");
    /* exports go from the first country to the second */
    assert_string_equal(verdict(state, "Kazakhstan's exports to China amounted to $16.3 billion in 2023."), "supported");
    assert_string_equal(verdict(state, "China's exports to Kazakhstan amounted to $16.3 billion in 2023."), "contradicted");
    /* since 2005: a span from then */
    assert_string_equal(verdict(state, "China has invested more than $24 billion in Kazakhstan since 2005."), "supported");
    assert_string_equal(verdict(state, "China has invested more than $24 billion in Kazakhstan since 2010."), "not_found");
    /* no date: figures up to the time of writing, each of its own span;
     * one of another span does not gainsay the claim */
    assert_string_equal(verdict(state, "China has invested more than $24 billion in Kazakhstan."), "supported");
    assert_string_equal(verdict(state, "China has invested $12 billion in Kazakhstan."), "supported");
    assert_string_equal(verdict(state, "China has invested $5 billion in Kazakhstan."), "contradicted");
    /* a part stated in the same sentence ("of which 15") does not gainsay
     * its whole */
    assert_string_equal(verdict(state, "Kazakhstan and China confirmed a list of 55 joint industrial projects."), "supported");
    /* no figure: a sentence that says it, with a date that allows it */
    assert_string_equal(verdict(state, "Diplomatic relations between Kazakhstan and China were established on January 3, 1992."), "supported");
    assert_string_equal(verdict(state, "Diplomatic relations between Kazakhstan and China were established in 1992."), "supported");
    assert_string_equal(verdict(state, "Diplomatic relations between Kazakhstan and China were established in 1995."), "not_found");
    assert_string_equal(verdict(state, "Kazakhstan and China launched a joint satellite in 2022."), "not_found");
    /* the sentences before give "the centre" its name */
    assert_string_equal(verdict(state, "The Khorgos International Center of Boundary Cooperation opened in April 2012."), "supported");
    /* without a date, a sentence naming the same thing says nothing of it
     * being opened: the name alone does not support the claim */
    assert_string_equal(verdict(state, "The Khorgos International Center of Boundary Cooperation opened."), "not_found");
    /* China's trade with a group of five countries is not the pair's: the
     * pair's 2022 trade is the one implied by 2023's +32% (about $31.06
     * billion), so the claim is contradicted, not a conflict of sources */
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China was $70 billion in 2022."), "contradicted");
    /* a comparison of two sources: which gives the higher figure */
    assert_string_equal(verdict(state, "Chinese customs report a lower trade figure for 2024 than Kazakhstan's statistics."), "contradicted");
    assert_string_equal(verdict(state, "Chinese customs report a higher trade figure for 2024 than Kazakhstan's statistics."), "supported");
    assert_string_equal(verdict(state, "Chinese customs report a higher trade figure for 2019 than Kazakhstan's statistics."), "not_found");
    /* a sentence about another pair says nothing of this one */
    assert_string_equal(verdict(state, "The Uzbekistan-China gas line can carry up to 25 billion cubic meters a year."), "supported");
    assert_string_equal(verdict(state, "The Kazakhstan-China gas line can carry up to 25 billion cubic meters a year."), "not_found");
    assert_string_equal(verdict(state, "The Kazakhstan-China gas line can carry up to 40 billion cubic meters a year."), "not_found");
    /* a rate of a part of a year says nothing of the whole year, and a
     * claim with a figure is not supported by wording alone */
    /* a spelled fraction is a share rounded to about 8 percent of it, not
     * to the ten its leading digit gives */
    assert_string_equal(verdict(state, "China accounted for a quarter of Kazakhstan's foreign trade in 2024."), "contradicted");
    assert_string_equal(verdict(state, "China accounted for 22.6 percent of Kazakhstan's foreign trade in 2024."), "supported");
    assert_string_equal(verdict(state, "Shipments of Kazakh flour to China rose 12 percent in the first quarter of 2024."), "supported");
    assert_string_equal(verdict(state, "Shipments of Kazakh flour to China rose 12 percent in 2024."), "not_found");
    /* a count of documents signed during a happening the record has: the
     * counts of other happenings that year neither support nor contradict */
    assert_string_equal(verdict(state, "Kazakhstan and China signed 30 documents during Xi Jinping's 2024 state visit."), "supported");
    assert_string_equal(verdict(state, "Kazakhstan and China signed 18 documents during Xi Jinping's 2024 state visit."), "contradicted");
    /* a bound: true of the count, and no sign of another happening */
    assert_string_equal(verdict(state, "Kazakhstan and China signed more than 25 documents in July 2024."), "supported");
    /* a negation on one side only */
    assert_string_equal(verdict(state, "Kazakhstan is a member of the G20."), "contradicted");
    assert_string_equal(verdict(state, "Kazakhstan is not a member of the G20."), "supported");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_period_forms),
        cmocka_unit_test(test_step),
        cmocka_unit_test(test_agree),
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_period_format),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_events),
        cmocka_unit_test_setup_teardown(test_verdicts, setup_record, teardown_record),
        cmocka_unit_test_setup_teardown(test_verdicts_wording, setup_record, teardown_record),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
