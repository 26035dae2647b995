/*
 * test_analyse.c - period arithmetic, qualifier-aware comparison,
 * rounding and revision detection, and the verdict rules of check.
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
#include <jansson.h>
#include <math.h>
#include "analyse/check.h"
#include "analyse/crosscheck.h"
#include "store/store.h"

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
    assert_int_equal(dk_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(dk_days_from_civil(2000, 3, 1), 11017);
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
    dk_fig r = {15, 15, 18, DK_Q_RANGE, 1};
    dk_fig d16 = F("16 days", 16, DK_Q_EXACT), d20 = F("20 days", 20, DK_Q_EXACT);
    assert_true(dk_fig_agree(&r, &d16));
    assert_false(dk_fig_agree(&r, &d20));
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
};

static int setup_record(void **state)
{
    static char path[] = "/tmp/dostyk-test-analyse-XXXXXX";
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
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China reached $24.1 billion in 2023."), "contradicted");
    /* 41 / 1.32 = 31.06: the implied 2022 figure takes part */
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China was $31 billion in 2022."), "supported");
    assert_string_equal(verdict(state, "Trade between Kazakhstan and China was $31 billion in 2019."), "not_found");
    assert_string_equal(verdict(state, "Kazakhstan and China share a 1,783-kilometre border."), "conflicting_sources");
    assert_string_equal(verdict(state, "Kazakhstan and China share a border of roughly 2,500 kilometers."), "contradicted");
    assert_string_equal(verdict(state, "The weather was fine."), "not_found");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_period_forms),
        cmocka_unit_test(test_step),
        cmocka_unit_test(test_agree),
        cmocka_unit_test(test_groups),
        cmocka_unit_test_setup_teardown(test_verdicts, setup_record, teardown_record),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
