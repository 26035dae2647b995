/*
 * test_date.c - the date recogniser (date.c), the calendar (calendar.c)
 * and the dateline finder (dateline.c), through the public engine API:
 * a sentence and a document date in, the date mentions out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "dostyk.h"
#include "recognise/recognise.h"
#include "recognise/calendar.h"

/* Run text through the engine; write "span=date;" for every date
 * mention into out. */
static void dates_of(const char *text, const char *docdate, char *out,
                     size_t cap)
{
    dk_status err;
    dk_engine *e = dk_engine_new(NULL, &err);
    assert_non_null(e);
    dk_doc *d = dk_doc_open(e, "t", docdate);
    assert_non_null(d);
    assert_int_equal(dk_doc_feed(d, text, strlen(text)), DK_OK);
    assert_int_equal(dk_doc_finish(d), DK_OK);
    out[0] = '\0';
    size_t n = 0;
    const dk_mention *m;
    while ((m = dk_doc_next(d)) != NULL) {
        if (m->kind != DK_DATE)
            continue;
        int w = snprintf(out + n, cap - n, "%.*s=%s;",
                         (int)(m->end - m->start), m->text, m->date);
        assert_true(w > 0 && (size_t)w < cap - n);
        n += (size_t)w;
    }
    dk_doc_close(d);
    dk_engine_free(e);
}

typedef struct {
    const char *text, *doc, *want;
} dcase;

static const dcase cases[] = {
    /* absolute dates */
    {"It was founded in 1995.", "2024-05-22", "1995=1995;"},
    {"January 3, 2022 will usher in a new era.", "2021", "January 3, 2022=2022-01-03;"},
    {"They met on 3 January 2022 in Astana.", "2021", "3 January 2022=2022-01-03;"},
    {"The file is dated 2022-01-03.", "2021", "2022-01-03=2022-01-03;"},
    {"Sign by 01/03/2022 please.", "2021", "01/03/2022=2022-01-03;"},
    {"Updated 22.05.2024 at noon.", "2021", "22.05.2024=2024-05-22;"},
    {"A visa-free regime began in November 2023.", "2024-05-22", "November 2023=2023-11;"},
    /* abbreviated month ranges stand on their own, after a bracket too */
    {"Its share was 15% (Jan-Sep 2018: 14.6%).", "2019-11-01", "Jan-Sep 2018=2018-01/2018-09;"},
    {"In Jan-Mar sales rose.", "2019-11-01", "Jan-Mar=2019-01/2019-03;"},
    {"It opened on March 28.", "2024-05-22", "March 28=2024-03-28;"},
    {"Tokayev's Sept. 11-12 state visit.", "2019-09", "Sept. 11-12=2019-09-11/2019-09-12;"},
    {"From 1 to 3 October the forum meets.", "2019", "1 to 3 October=2019-10-01/2019-10-03;"},
    {"She was born on 15 April of 87.", "2018", "15 April of 87=1987-04-15;"},
    {"In October two thousand and five it rained.", "2016", "October two thousand and five=2005-10;"},
    /* ranges */
    {"Especially in 2017-2018, it grew.", "2021", "2017-2018=2017/2018;"},
    {"From 2014 to 2018, China hosted it.", "2021", "2014 to 2018=2014/2018;"},
    {"The 2020-2030 Concept was adopted.", "2021", "2020-2030=2020/2030;"},
    {"Between 2015 and 2020 exports doubled.", "2021", "2015 and 2020=2015/2020;"},
    /* "a year earlier" counts back from the year the sentence names */
    {"It was 22.6% in 2024, up from 20.5% a year earlier.", "2025-03-12",
     "2024=2024;a year earlier=2023;"},
    {"A year earlier it was lower.", "2025-03-12", "A year earlier=2024;"},
    /* split years: a season, a fiscal year; "2011-12" stays a month */
    {"Wheat sales in the 2024/25 marketing year rose.", "2025", "2024/25=2024/2025;"},
    {"In fiscal 2024/2025 it fell.", "2025", "2024/2025=2024/2025;"},
    {"The 2017-18 season was dry.", "2021", "2017-18=2017/2018;"},
    {"The 2021-25 plan and 1999-00.", "2021", "2021-25=2021/2025;1999-00=1999/2000;"},
    {"It was filed in 2011-12.", "2021", "2011-12=2011-12;"},
    {"Is this a date? 2015-32", "2021", ""},
    {"It lasted from January to April 2015.", "2021", "January to April 2015=2015-01/2015-04;"},
    {"Up 35% on January-November 2019.", "2020", "January-November 2019=2019-01/2019-11;"},
    /* periods and modifiers */
    {"In the first 11 months of 2020, it rose.", "2021", "the first 11 months of 2020=2020-01/2020-11;"},
    {"Over the 10 months of 2023 trade rose.", "2024", "the 10 months of 2023=2023-01/2023-10;"},
    /* the first N months, a quarter, a half without a year: the latest
     * year in which they can be spoken of by the document's date */
    {"Exports rose in the first six months.", "2025-07-12", "the first six months=2025-01/2025-06;"},
    {"In the first 11 months, trade rose.", "2026-01-12", "the first 11 months=2025-01/2025-11;"},
    {"In the first quarter, trade rose.", "2025-08-12", "the first quarter=2025-01/2025-03;"},
    {"Imports grew in the second half.", "2026-01-12", "the second half=2025-07/2025-12;"},
    {"In the first 10 months, trade rose.", "2025", "the first 10 months=2025-01/2025-10;"},
    /* the last N months are the time before the document: no date */
    {"In the last six months, output rose.", "2025-07-12", ""},
    {"The first two months were hard.", "2025-07-12", ""},
    {"By the end of 2020, it was done.", "2021", "the end of 2020=2020;"},
    {"The line opens in mid-2023.", "2021", "mid-2023=2023;"},
    {"Early 2024 saw growth.", "2023", "Early 2024=2024;"},
    {"In the early 1990s it began.", "2023", "the early 1990s=199;"},
    {"In 2019\xe2\x80\x93" "2021 and on May 20\xe2\x80\x93" "21 they met.", "2024", "2019\xe2\x80\x93" "2021=2019/2021;May 20\xe2\x80\x93" "21=2024-05-20/2024-05-21;"},
    {"In the first quarter of 2024 it rose.", "2024", "the first quarter of 2024=2024-01/2024-03;"},
    {"The Q1 2024 report is out.", "2024", "Q1 2024=2024-01/2024-03;"},
    {"In H1 2023 it rose.", "2024", "H1 2023=2023-01/2023-06;"},
    {"In 9M 2024 it rose.", "2024", "9M 2024=2024-01/2024-09;"},
    {"Profit was 9M dollars.", "2024", ""},
    {"The firm raised $12M 2023 in a round.", "2024", "2023=2023;"},
    {"In the second half of the year it fell.", "2024-05-22", "the second half of the year=2024-07/2024-12;"},
    {"In the 21st century it is striking.", "2019", "21st century=20;"},
    {"The 1990s were hard.", "2019", "1990s=199;"},
    /* relative dates */
    {"Trade grew this year.", "2019-09", "this year=2019;"},
    {"Trade grew last year.", "2024-05-22", "last year=2023;"},
    {"Last June, he visited.", "2019-09", "Last June=2019-06;"},
    {"It was introduced last October.", "2024-05-22", "last October=2023-10;"},
    {"It opened in April this year.", "2024-05-22", "April this year=2024-04;"},
    {"After all, six years ago it was here.", "2019-09", "six years ago=2013;"},
    {"Two weeks ago the sides met.", "2024-05-22", "Two weeks ago=2024-05-06/2024-05-12;"},
    {"Last week, the minister came.", "2024-05-22", "Last week=2024-05-13/2024-05-19;"},
    /* a weekday alone: the last one up to the document's day, the next
     * one from it in the future tense */
    {"The talks were held on Thursday.", "2024-05-22", "Thursday=2024-05-16;"},
    {"The agency said on Friday.", "2024-07-15", "Friday=2024-07-12;"},
    {"They met on Monday.", "2024-07-15", "Monday=2024-07-15;"},
    {"They will meet on Friday.", "2024-07-15", "Friday=2024-07-19;"},
    {"He will visit Astana on Monday.", "2024-07-17", "Monday=2024-07-22;"},
    {"The leaders are expected to hold talks on Tuesday.", "2025-06-16", "Tuesday=2025-06-17;"},
    {"A decision is slated for Friday.", "2025-06-16", "Friday=2025-06-20;"},
    {"They met last Monday.", "2024-05-22", "last Monday=2024-05-20;"},
    {"He arrived yesterday.", "2024-05-22", "yesterday=2024-05-21;"},
    {"The summit opens today in Astana.", "2024-05-22", "today=2024-05-22;"},
    {"He said today talks went well.", "2024-05-22", "today=2024-05-22;"},
    {"The presidents today signed it.", "2024-05-22", "today=2024-05-22;"},
    {"The visit is set for next month.", "2024-05-22", "next month=2024-06;"},
    {"It happens 3 days after January 12th.", "2016-01-02", "3 days after January 12th=2016-01-15;"},
    {"It happens 3 days after January 12th.", "2016-11-07", "3 days after January 12th=2017-01-15;"},
    {"I'll go back Monday two weeks from now.", "2016-11-09", "Monday two weeks from now=2016-11-21;"},
    {"This task should be done next 5/12", "2019-05-20", "next 5/12=2020-05-12;"},
    {"Sales for the past two quarters", "2019-07-04", "past two quarters=2019-01/2019-06;"},
    {"They met for the week of April 10th.", "2018-03-14", "the week of April 10th=2018-04-09/2018-04-15;"},
    /* holidays, data/en/time.tsv */
    {"We met on Christmas.", "2016-11-07", "Christmas=2016-12-25;"},
    {"When was the last easter?", "2019-03-12", "last easter=2018-04-01;"},
    {"I'll go back on black friday 2010", "2016", "black friday 2010=2010-11-26;"},
    {"Celebrate International Workers' Day!", "2020-05-14", "International Workers' Day=2020-05-01;"},
    /* not dates */
    {"Today, China is a leader.", "2024-05-22", ""},
    {"The plan, which today includes 51 projects, grew.", "2024-05-22", ""},
    {"We today have 500 firms.", "2024-05-22", ""},
    {"About 2000 people came.", "2024", ""},
    {"The Industry 4.0 program and COVID-19.", "2024", ""},
    {"The 21st Century Silk Road.", "2024", ""},
    {"May I ask why?", "2024", ""},
    {"Tel: +86 138-2010-2015", "2019", ""},
    {"The Long March rocket flew.", "2024", ""},
    {"Jan Kowalski and Sun Weiping spoke.", "2024-05-22", ""},
    {"He lives on the 1st floor.", "2024-05-22", ""},
    {"Output reached 1500 units.", "2024", ""},
    {"The late President and the start of construction.", "2024", ""},
    {"It was built in 1456.", "2024", "1456=1456;"},
    {"On the 18th, he left.", "2024-05-22", "the 18th=2024-05-18;"},
    {"Over the past three years trade grew.", "2024", ""},
    {"It fell in recent years and over the years.", "2024", ""},
    {"Relative dates need a document date: last year.", NULL, ""},
    {"Without a year it opened on March 28.", NULL, "March 28=XXXX-03-28;"},
};

static void test_cases(void **state)
{
    (void)state;
    char got[512];
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dates_of(cases[i].text, cases[i].doc, got, sizeof got);
        if (strcmp(got, cases[i].want) != 0) {
            printf("  %s [%s]\n    want %s\n    got  %s\n", cases[i].text,
                   cases[i].doc ? cases[i].doc : "-", cases[i].want, got);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

static void test_calendar(void **state)
{
    (void)state;
    assert_int_equal(dk_cal_days(1970, 1, 1), 0);
    assert_int_equal(dk_cal_days(2000, 3, 1) - dk_cal_days(2000, 2, 28), 2);
    assert_int_equal(dk_cal_weekday(dk_cal_days(2024, 5, 22)), 3);
    assert_int_equal(dk_cal_month_len(2023, 2), 28);
    assert_int_equal(dk_cal_month_len(2024, 2), 29);
    int y, m, d;
    dk_cal_civil(dk_cal_days(2019, 9, 11), &y, &m, &d);
    assert_int_equal(y * 10000 + m * 100 + d, 20190911);
    assert_int_equal(dk_cal_iso_week1(2015), dk_cal_days(2014, 12, 29));
    y = 2020;
    m = 1;
    dk_cal_add_months(&y, &m, -2);
    assert_int_equal(y * 100 + m, 201911);
    char buf[48];
    dk_cal_format(dk_cal_days(2020, 1, 1), dk_cal_days(2020, 11, 30), 0, buf,
                  sizeof buf);
    assert_string_equal(buf, "2020-01/2020-11");
    dk_cal_format(dk_cal_days(2017, 1, 1), dk_cal_days(2018, 12, 31), 0, buf,
                  sizeof buf);
    assert_string_equal(buf, "2017/2018");
    dk_cal_format(dk_cal_days(2019, 9, 11), dk_cal_days(2019, 9, 12), 0, buf,
                  sizeof buf);
    assert_string_equal(buf, "2019-09-11/2019-09-12");
    dk_cal_format(dk_cal_days(2000, 1, 1), dk_cal_days(2099, 12, 31),
                  DK_CAL_CENTURY, buf, sizeof buf);
    assert_string_equal(buf, "20");
    /* the widths and signs of printf's %04d, and its cut at cap */
    dk_cal_format(dk_cal_days(0, 1, 1), dk_cal_days(99, 12, 31),
                  DK_CAL_CENTURY, buf, sizeof buf);
    assert_string_equal(buf, "00");
    dk_cal_format(dk_cal_days(1990, 1, 1), dk_cal_days(1999, 12, 31),
                  DK_CAL_DECADE, buf, sizeof buf);
    assert_string_equal(buf, "199");
    dk_cal_format(dk_cal_days(-5, 3, 1), dk_cal_days(-5, 3, 1), 0, buf,
                  sizeof buf);
    assert_string_equal(buf, "-005-03-01");
    dk_cal_format(dk_cal_days(12345, 1, 1), dk_cal_days(12345, 12, 31), 0, buf,
                  sizeof buf);
    assert_string_equal(buf, "12345");
    dk_cal_format(dk_cal_days(2019, 9, 11), dk_cal_days(2019, 9, 11), 0, buf, 8);
    assert_string_equal(buf, "2019-09");
}

typedef struct {
    const char *text;
    int y, m, d;   /* 0 0 0: no dateline */
} lcase;

static const lcase lines[] = {
    {"Published: 11:43, May 22, 2024\nPDF View\nTitle", 2024, 5, 22},
    {"Kazakhstan and China sign a deal\nUpdated 22.05.2024\nBody.", 2024, 5, 22},
    {"ASTANA, May 22, 2024 (Kazinform) - The President met them.", 2024, 5, 22},
    {"A title\n\n12 March 2023\n\nThe minister spoke.", 2023, 3, 12},
    {"Posted on March 3, 2021 by admin\nText.", 2021, 3, 3},
    {"Astana, 22 May 2024, 14:35\nBody.", 2024, 5, 22},
    {"By Erlan Karin | May 22, 2024\nBody.", 2024, 5, 22},
    {"22 May 2024, 14:35 | Astana\nBody.", 2024, 5, 22},
    {"A title\nThe treaty of May 22, 2024 was signed by both sides.", 0, 0, 0},
    {"Trade in 2023 grew\nIt was signed in March 2019 by the sides.", 0, 0, 0},
    {"No dates here at all.\nNone.", 0, 0, 0},
};

static void test_dateline(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        dk_docctx c = {0, 0, 0};
        int found = dk_find_dateline(lines[i].text, strlen(lines[i].text), &c);
        assert_int_equal(found, lines[i].y != 0);
        assert_int_equal(c.year * 10000 + c.month * 100 + c.day,
                         lines[i].y * 10000 + lines[i].m * 100 + lines[i].d);
    }
}

/* The dateline sets the document date and its date is still a mention. */
static void test_dateline_mention(void **state)
{
    (void)state;
    char got[256];
    dates_of("Published: 11:43, May 22, 2024\nTrade grew last year.", NULL,
             got, sizeof got);
    assert_string_equal(got, "May 22, 2024=2024-05-22;last year=2023;");
}

static void test_iso(void **state)
{
    (void)state;
    dk_docctx c;
    assert_int_equal(dk_parse_iso_date("2024-05-22", &c), 1);
    assert_int_equal(c.year * 10000 + c.month * 100 + c.day, 20240522);
    assert_int_equal(dk_parse_iso_date("2024", &c), 1);
    assert_int_equal(c.month, 0);
    assert_int_equal(dk_parse_iso_date("2024-13", &c), 0);
    assert_int_equal(dk_parse_iso_date("May 2024", &c), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_calendar),
        cmocka_unit_test(test_dateline),
        cmocka_unit_test(test_dateline_mention),
        cmocka_unit_test(test_iso),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
