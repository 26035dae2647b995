/*
 * test_pack.c - the domain pack loader (src/pack/pack.c): the shipped
 * packs load and find what they should, and every problem the loader
 * can report is reported with its file and line.  Broken packs are
 * written to a temporary folder per test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "dostyk.h"
#include "pack/pack.h"

static char dir[256];

static void put(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(text, 1, strlen(text), f);
    fclose(f);
}

static void rm(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    remove(path);
}

#define PACK "name\ttest\npair\tAA BB\n"
#define ENTS "AA\tcountry\t-\tAland\tAlandish\nBB\tcountry\t-\tBorduria\t" \
             "Bordurian|=BOR\n"
#define METS "trade\tUSD\tmoney\tpair\ttrade turnover|mutual trade\n"

/* A fresh valid pack for each test. */
static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/dk_test_pack.XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    put("pack.tsv", PACK);
    put("entities.tsv", ENTS);
    put("metrics.tsv", METS);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rm("pack.tsv");
    rm("entities.tsv");
    rm("metrics.tsv");
    char path[512];
    snprintf(path, sizeof path, "%s/entities.tsv", dir);
    rmdir(path);
    rmdir(dir);
    return 0;
}

/* Every problem message, one a line. */
static char msgs[8192];
static int nmsgs;

static void collect(void *ctx, const char *msg)
{
    (void)ctx;
    size_t k = strlen(msgs);
    snprintf(msgs + k, sizeof msgs - k, "%s\n", msg);
    nmsgs++;
}

static int check(void)
{
    msgs[0] = '\0';
    nmsgs = 0;
    int n = dk_pack_check(dir, collect, NULL);
    assert_int_equal(n, nmsgs);
    return n;
}

/* Expect exactly n problems; show them when there are not. */
static void problems(int n)
{
    int got = check();
    if (got != n)
        fail_msg("wanted %d problems, got %d:\n%s", n, got, msgs);
}

/* A problem line must start "DIR/FILE:LINE: " (or "DIR/FILE: ") and
 * hold text. */
static void expect(const char *file_line, const char *text)
{
    char head[512];
    snprintf(head, sizeof head, "%s/%s: ", dir, file_line);
    for (const char *p = msgs; (p = strstr(p, head)) != NULL; p++) {
        const char *nl = strchr(p, '\n');
        const char *t = strstr(p, text);
        if (t && (!nl || t < nl))
            return;
    }
    fail_msg("wanted \"%s...%s\" in:\n%s", head, text, msgs);
}

/* Replace the entities file and expect exactly one problem. */
static void one_entity_problem(const char *ents, const char *where,
                               const char *text)
{
    put("entities.tsv", ents);
    problems(1);
    expect(where, text);
    char err[512];
    assert_null(dk_pack_load(dir, err, sizeof err));
    assert_non_null(strstr(err, text));
}

static void test_valid(void **state)
{
    (void)state;
    problems(0);
    char err[256] = "untouched";
    dk_pack *p = dk_pack_load(dir, err, sizeof err);
    assert_non_null(p);
    assert_string_equal(err, "");
    assert_string_equal(dk_pack_name(p), "test");
    assert_string_equal(dk_pack_pair(p, 0), "AA");
    assert_string_equal(dk_pack_pair(p, 1), "BB");
    assert_string_equal(dk_pack_pair(p, 2), "");
    int n;
    const dk_pack_entity *e = dk_pack_entities(p, &n);
    assert_int_equal(n, 2);
    assert_string_equal(e[1].id, "BB");
    assert_string_equal(e[1].type, "country");
    assert_string_equal(e[1].country, "");
    assert_string_equal(e[1].name, "Borduria");
    const dk_pack_metric *m = dk_pack_metrics(p, &n);
    assert_int_equal(n, 1);
    assert_string_equal(m[0].unit, "USD");
    assert_string_equal(m[0].kinds, "money");
    assert_string_equal(m[0].order, "pair");
    assert_int_equal(dk_pack_entity_index(p, "BB"), 1);
    assert_int_equal(dk_pack_entity_index(p, "CC"), -1);
    const char *t = "Bordurian and BOR, not bor; MUTUAL TRADE with Aland.";
    dk_pack_match mm[8];
    assert_int_equal(dk_pack_find_entities(p, t, strlen(t), mm, 8), 3);
    assert_int_equal(mm[0].index, 1);
    assert_int_equal(mm[1].start, 14);
    assert_int_equal(mm[1].end, 17);
    assert_int_equal(mm[2].index, 0);
    assert_int_equal(dk_pack_find_cues(p, t, strlen(t), mm, 8), 1);
    assert_int_equal(mm[0].index, 0);
    assert_memory_equal(t + mm[0].start, "MUTUAL TRADE", 12);
    dk_pack_free(p);
    dk_pack_free(NULL);
}

static void test_comments_crlf_optional(void **state)
{
    (void)state;
    put("entities.tsv", "# comment\r\n\r\n   \nAA\tcountry\t-\tAland\r\n"
                        "BB\tcountry\t\tBorduria\t\r\n");
    rm("metrics.tsv");  /* optional */
    problems(0);
    dk_pack *p = dk_pack_load(dir, NULL, 0);
    assert_non_null(p);
    int n;
    dk_pack_metrics(p, &n);
    assert_int_equal(n, 0);
    dk_pack_match m[2];
    assert_int_equal(dk_pack_find_entities(p, "aland", 5, m, 2), 1);
    dk_pack_free(p);
}

static void test_missing_files(void **state)
{
    (void)state;
    rm("pack.tsv");
    rm("entities.tsv");
    problems(2);
    expect("pack.tsv", "cannot read: No such file or directory");
    expect("entities.tsv", "cannot read: No such file or directory");
    put("pack.tsv", PACK);
    problems(1);
    expect("entities.tsv", "cannot read: No such file or directory");
    /* a folder where a file should be */
    char path[512];
    snprintf(path, sizeof path, "%s/entities.tsv", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_true(check() >= 1);
    expect("entities.tsv", "cannot read");
}

static void test_pack_tsv(void **state)
{
    (void)state;
    put("pack.tsv", "name\ttest\nnotab\ncolour\tblue\npair\tAA\n"
                    "pair\tAA BB CC\nname\t"
                    "0123456789012345678901234567890123456789"
                    "0123456789012345678901234567890123456789\n"
                    "description\tx\tthird\n");
    problems(6);
    expect("pack.tsv:2", "want key<TAB>value");
    expect("pack.tsv:3", "unknown key 'colour'");
    expect("pack.tsv:4", "pair must be two entity ids");
    expect("pack.tsv:5", "pair must be two entity ids");
    expect("pack.tsv:6", "name longer than 63 bytes");
    expect("pack.tsv:7", "want key<TAB>value");
    put("pack.tsv", "pair\tAA ZZ\n");
    problems(1);
    expect("pack.tsv", "pair names 'ZZ'");
}

static void test_entity_fields(void **state)
{
    (void)state;
    one_entity_problem("AA\tcountry\t-\n", "entities.tsv:1",
                       "want 4 or 5 tab-separated fields");
    one_entity_problem(ENTS "CC\tplace\t-\tC\tx\tz\n", "entities.tsv:3",
                       "want 4 or 5 tab-separated fields");
    one_entity_problem(ENTS "c-c\tplace\t-\tCee\n", "entities.tsv:3",
                       "bad id 'c-c'");
    one_entity_problem(ENTS "\tplace\t-\tCee\n", "entities.tsv:3",
                       "bad id ''");
    one_entity_problem(ENTS "c0123456789012345678901234567890123456789"
                            "01234567890123456789012\tplace\t-\tCee\n",
                       "entities.tsv:3", "bad id");
    one_entity_problem(ENTS "AA\tplace\t-\tCee\n", "entities.tsv:3",
                       "duplicate id 'AA' (first on line 1)");
    one_entity_problem(ENTS "cc\tcity\t-\tCee\n", "entities.tsv:3",
                       "unknown type 'city'");
    one_entity_problem(ENTS "cc\tplace\tA A\tCee\n", "entities.tsv:3",
                       "bad country 'A A'");
    one_entity_problem(ENTS "cc\tplace\tZZ\tCee\n", "entities.tsv:3",
                       "country 'ZZ' of 'cc' is not an entity of type "
                       "country");
    one_entity_problem(ENTS "cc\tplace\t-\t\n", "entities.tsv:3",
                       "empty name");
}

static void test_entity_aliases(void **state)
{
    (void)state;
    one_entity_problem(ENTS "cc\tplace\tAA\tCee\tx||y\n", "entities.tsv:3",
                       "empty alias");
    one_entity_problem(ENTS "cc\tplace\tAA\tCee\tx|\n", "entities.tsv:3",
                       "empty alias");
    one_entity_problem(ENTS "cc\tplace\tAA\tCee\t=\n", "entities.tsv:3",
                       "empty alias");
    one_entity_problem(ENTS "cc\tplace\tAA\tCee\t - \n", "entities.tsv:3",
                       "alias '-' has no letters or digits");
    one_entity_problem(ENTS "cc\tplace\tAA\tCee\tBORDURIAN\n",
                       "entities.tsv:3",
                       "alias 'BORDURIAN' already names 'BB' (line 2)");
    one_entity_problem(ENTS "cc\tplace\tAA\tCee\tBorduria\n",
                       "entities.tsv:3",
                       "alias 'Borduria' already names 'BB' (line 2)");
    one_entity_problem(ENTS "cc\tplace\tAA\tCee\tsea|Sea\n",
                       "entities.tsv:3", "alias 'Sea' is repeated");
    one_entity_problem(ENTS "cc\tplace\tAA\tCee\t=BOR\n", "entities.tsv:3",
                       "alias 'BOR' already names 'BB'");
    char big[400];
    memcpy(big, ENTS "cc\tplace\tAA\tCee\t", strlen(ENTS) + 16);
    size_t k = strlen(ENTS) + 16;
    memset(big + k, 'x', 250);
    strcpy(big + k + 250, "\n");
    one_entity_problem(big, "entities.tsv:3", "is longer than 200 bytes");
    /* the same letters once folded and once exact are no duplicate */
    put("entities.tsv", ENTS "cc\tplace\tAA\tCee\tbor\n");
    problems(0);
}

static void test_metrics(void **state)
{
    (void)state;
    put("metrics.tsv", METS
        "a\tUSD\tmoney\tpair\n"                       /* 2: 4 fields */
        "b-b\tUSD\tmoney\tpair\tx\n"                  /* 3: bad id */
        "trade\tUSD\tmoney\tpair\ty\n"                /* 4: duplicate */
        "c\tparsec\tmoney\tpair\tz\n"                 /* 5: unit */
        "d\tt\tmoney,weight\tpair\tw\n"               /* 6: kind */
        "e\tt\tquantity\t\tv\n"                       /* 7: order */
        "f\t%\tpercent\tfirst\tmutual trade\n"        /* 8: cue dup */
        "g\tKZT\t\tfirst\tu\n"                        /* 9: no kinds */
        "h\tcount\t-\tfirst\tvisitors||x\n");          /* 10: empty cue */
    problems(9);
    expect("metrics.tsv:2", "want 5 tab-separated fields");
    expect("metrics.tsv:3", "bad metric id 'b-b'");
    expect("metrics.tsv:4", "duplicate metric 'trade'");
    expect("metrics.tsv:5", "unknown unit 'parsec'");
    expect("metrics.tsv:6", "unknown mention kind 'weight'");
    expect("metrics.tsv:7", "order must be a word");
    expect("metrics.tsv:8", "cue 'mutual trade' is already a cue of 'trade'");
    expect("metrics.tsv:9", "kinds must be a list of mention kinds");
    expect("metrics.tsv:10", "empty cue");
}

/* offices.tsv: every kind of bad line, each with its line number; a good
 * row answers for its dates and titles only */
static void test_offices(void **state)
{
    (void)state;
    put("entities.tsv", ENTS "ali\tperson\tAA\tAli Aman\n");
    put("offices.tsv",
        "AA\tali\t2019-03-20\t-\tPresident|the head of state\n" /* 1: ok */
        "AA\tali\t2019-03-20\t-\n"                     /* 2: 4 fields */
        "AA\tal-i\t2019-03-20\t-\tpresident\n"         /* 3: bad id */
        "AA\tali\t2019-3-20\t-\tpresident\n"           /* 4: bad date */
        "AA\tali\t2020-01-01\t2019-01-01\tpresident\n" /* 5: reversed */
        "AA\tali\t-\t-\tpresident||leader\n"           /* 6: empty title */
        "ZZ\tali\t-\t-\tpresident\n"                   /* 7: no country */
        "AA\tBB\t-\t-\tpresident\n");                  /* 8: no person */
    problems(7);
    expect("offices.tsv:2", "want 5 tab-separated fields");
    expect("offices.tsv:3", "bad id 'al-i'");
    expect("offices.tsv:4", "bad date");
    expect("offices.tsv:5", "ends (2019-01-01) before it starts");
    expect("offices.tsv:6", "empty title");
    expect("offices.tsv:7", "'ZZ' is not an entity of type country");
    expect("offices.tsv:8", "'BB' is not an entity of type person");
    put("offices.tsv", "AA\tali\t2019-03-20\t-\tPresident|the head of state\n");
    char err[256];
    dk_pack *p = dk_pack_load(dir, err, sizeof err);
    if (!p)
        fail_msg("%s", err);
    const char *t = "The President";
    assert_string_equal(dk_pack_office_holder(p, "AA", t, strlen(t),
                                              "2024-05-01"), "ali");
    t = "head of state";
    assert_string_equal(dk_pack_office_holder(p, "AA", t, strlen(t),
                                              "2019-03-20"), "ali");
    assert_null(dk_pack_office_holder(p, "AA", t, strlen(t), "2019-03-19"));
    assert_null(dk_pack_office_holder(p, "BB", t, strlen(t), "2024-05-01"));
    t = "minister";
    assert_null(dk_pack_office_holder(p, "AA", t, strlen(t), "2024-05-01"));
    dk_pack_free(p);
    rm("offices.tsv");
}

static void test_bad_bytes(void **state)
{
    (void)state;
    put("entities.tsv", ENTS "cc\tplace\t-\tC\xC3\n");
    problems(1);
    expect("entities.tsv:3", "invalid UTF-8");
    put("entities.tsv", ENTS "\xFF\n");
    problems(1);
    expect("entities.tsv:3", "invalid UTF-8");
    char path[512];
    snprintf(path, sizeof path, "%s/metrics.tsv", dir);
    FILE *f = fopen(path, "wb");
    fwrite("x\n\ny\0z\n", 1, 7, f);
    fclose(f);
    put("entities.tsv", ENTS);
    problems(1);
    expect("metrics.tsv:3", "NUL byte: not a text file");
}

static void test_error_buffer(void **state)
{
    (void)state;
    put("entities.tsv", "AA\tnope\t-\tA\nBB\tnope\t-\tB\n");
    char err[24];
    assert_null(dk_pack_load(dir, err, sizeof err));
    assert_int_equal(strlen(err), sizeof err - 1);  /* cut, terminated */
    assert_null(dk_pack_load(dir, NULL, 0));
    problems(2);  /* each line; no echo about the pair */
    expect("entities.tsv:1", "unknown type 'nope'");
    expect("entities.tsv:2", "unknown type 'nope'");
}

static void test_shipped_packs(void **state)
{
    (void)state;
    char err[512];
    dk_pack *p = dk_pack_load("packs/kz-cn", err, sizeof err);
    if (!p)
        fail_msg("packs/kz-cn: %s", err);
    int n;
    const dk_pack_entity *e = dk_pack_entities(p, &n);
    assert_true(n >= 300);
    const char *t = "NUR-SULTAN, Astana; Tokaev met Kassym-Zhomart Tokayev. "
                    "One Belt One Road, BRI and the Silk Road Economic Belt; "
                    "Khorgos and Altynkol; Sino-Kazakh; the US, us, UN, un.";
    dk_pack_match m[32];
    int k = dk_pack_find_entities(p, t, strlen(t), m, 32);
    char ids[512] = "";
    for (int i = 0; i < k; i++) {
        strcat(ids, e[m[i].index].id);
        strcat(ids, " ");
    }
    assert_string_equal(ids, "astana astana tokayev tokayev bri bri bri "
                             "khorgos altynkol CN KZ US un ");
    /* "turnover" alone is trade; cargo turnover is freight, and staff
     * turnover nothing */
    const dk_pack_metric *mt = dk_pack_metrics(p, &n);
    t = "Turnover stood at $9 billion, cargo turnover at 30 Mt and staff "
        "turnover at 5%; visa exemption allows 30 days; inflows were "
        "down 9%; 500 TEUs; they agreed to lift trade to $5 billion; "
        "raising it.";
    k = dk_pack_find_cues(p, t, strlen(t), m, 32);
    ids[0] = '\0';
    for (int i = 0; i < k; i++) {
        strcat(ids, mt[m[i].index].id);
        strcat(ids, " ");
    }
    assert_string_equal(ids, "trade_turnover _level rail_freight _skip "
                             "visa_free_days investment _down container_traffic "
                             "_target trade_turnover _target _it ");
    dk_pack_free(p);
    /* a pack for another pair works the same way */
    p = dk_pack_load("tests/packs/uz-ru", err, sizeof err);
    if (!p)
        fail_msg("tests/packs/uz-ru: %s", err);
    assert_string_equal(dk_pack_pair(p, 0), "UZ");
    e = dk_pack_entities(p, &n);
    t = "Mirziyaev and Putin discussed labour migrants and Tokayev.";
    k = dk_pack_find_entities(p, t, strlen(t), m, 32);
    assert_int_equal(k, 2);
    assert_string_equal(e[m[1].index].id, "putin");
    mt = dk_pack_metrics(p, &n);
    k = dk_pack_find_cues(p, t, strlen(t), m, 32);
    assert_int_equal(k, 1);
    assert_string_equal(mt[m[0].index].id, "migrants");
    dk_pack_free(p);
}

static void test_default_dir(void **state)
{
    (void)state;
    char out[512];
    setenv("DOSTYK_PACK", dir, 1);
    assert_int_equal(dk_pack_default_dir(out, sizeof out), 1);
    assert_string_equal(out, dir);
    assert_int_equal(dk_pack_default_dir(out, 4), 0);  /* does not fit */
    setenv("DOSTYK_PACK", "/nonexistent/pack", 1);
    assert_int_equal(dk_pack_default_dir(out, sizeof out), 0);
    unsetenv("DOSTYK_PACK");
}

/* Entity mentions of text through an engine on the test pack, as
 * "id/type/text " each. */
static const char *entities_of(const char *text)
{
    static char got[512];
    dk_options o;
    memset(&o, 0, sizeof o);
    o.pack_dir = dir;
    dk_status st;
    dk_engine *e = dk_engine_new(&o, &st);
    assert_non_null(e);
    dk_doc *d = dk_doc_open(e, "t", "2024-01-01");
    assert_int_equal(dk_doc_feed(d, text, strlen(text)), DK_OK);
    assert_int_equal(dk_doc_finish(d), DK_OK);
    const dk_mention *m;
    got[0] = '\0';
    while ((m = dk_doc_next(d)) != NULL)
        if (m->kind == DK_ENTITY) {
            size_t k = strlen(got);
            snprintf(got + k, sizeof got - k, "%s/%s/%.*s ", m->id, m->type,
                     (int)(m->end - m->start), m->text);
        }
    dk_doc_close(d);
    dk_engine_free(e);
    return got;
}

static void test_bylines_and_agencies(void **state)
{
    (void)state;
    assert_string_equal(entities_of("Title\nBy Jane O'Neil-Smith\nText.\n"),
                        "jane_oneil_smith/person/Jane O'Neil-Smith ");
    assert_string_equal(entities_of("Text.\nEditor/Li Wei\n"),
                        "li_wei/person/Li Wei ");
    /* a known name keeps the pack's id; staff lines, dates and lone
     * words are no bylines */
    assert_string_equal(entities_of("By Borduria Aland\n"),
                        "BB/country/Borduria AA/country/Aland ");
    assert_string_equal(entities_of("By Staff Reporter\nBy 2030 it ends.\n"
                                     "By Jane\nBy Jane Smith and others\n"),
                        "");
    /* the agency of a dateline */
    assert_string_equal(
        entities_of("ALANDVILLE, May 3 (Boria Wire) \xE2\x80\x94 Aland grew."),
        "boria_wire/organization/Boria Wire AA/country/Aland ");
    assert_string_equal(entities_of("TOWN, May 3 (AP) -- text."),
                        "ap/organization/AP ");
    assert_string_equal(entities_of("He said (Boria Wire) \xE2\x80\x94 no."),
                        "");
    /* two or three capitalised words after a title */
    assert_string_equal(entities_of("Ambassador Jane Smith met Governor "
                                    "Li Wei Ming in Aland."),
                        "jane_smith/person/Jane Smith "
                        "li_wei_ming/person/Li Wei Ming AA/country/Aland ");
    assert_string_equal(entities_of("President Smith left. Minister Smith "
                                    "Meets Delegation. Minister Jane Smith "
                                    "Borduria."),
                        "BB/country/Borduria ");
    /* a title starts a word: after a space or a line break, anywhere in
     * a long sentence, not inside another word */
    assert_string_equal(entities_of("The long-awaited statement of the day "
                                    "came when\nspokesman Jane Smith and "
                                    "vice-Governor Li Wei and xGovernor Ann "
                                    "Lee spoke, then  Mayor Bo Li."),
                        "jane_smith/person/Jane Smith "
                        "bo_li/person/Bo Li ");
}

static void test_ministries(void **state)
{
    (void)state;
    assert_string_equal(
        entities_of("The Ministry of Trade and Industry of Aland met the "
                    "Bordurian Ministry of Finance."),
        "aa_ministry_of_trade_and_industry/organization/Ministry of Trade "
        "and Industry AA/country/Aland BB/country/Bordurian "
        "bb_ministry_of_finance/organization/Ministry of Finance ");
    /* coordination takes the country of the last one */
    assert_string_equal(
        entities_of("The Ministry of Energy and the Ministry of Water of the "
                    "Aland said."),
        "aa_ministry_of_energy/organization/Ministry of Energy "
        "aa_ministry_of_water/organization/Ministry of Water "
        "AA/country/Aland ");
    /* no country, no id */
    assert_string_equal(entities_of("The Ministry of Energy said."), "");
    /* found after other capital Ms */
    assert_string_equal(entities_of("Mr Bo of MMinistry of Oil met the "
                                    "Ministry of Energy of Aland."),
                        "aa_ministry_of_energy/organization/Ministry of "
                        "Energy AA/country/Aland ");
}

/* The words of a currency ("US dollars", "U.S. dollars", "American
 * dollars", "Chinese yuan") name no country, as the "US" of "US$" does
 * not; the country on its own still does. */
static void test_currency_words(void **state)
{
    (void)state;
    put("entities.tsv", ENTS "US\tcountry\t-\tUnited States\t=US|=U.S.|American\n"
                        "CN\tcountry\t-\tChina\tChinese\n");
    assert_string_equal(entities_of("It was 10.5 billion US dollars, 25.2 "
                                    "billion U.S. dollars, US$16 trillion, "
                                    "3 American dollars and 9 billion "
                                    "Chinese yuan."),
                        "");
    assert_string_equal(entities_of("The US dollar fell against the Chinese "
                                    "yuan."),
                        "");
    assert_string_equal(entities_of("The US and the U.S. Congress; American "
                                    "and Chinese firms, China."),
                        "US/country/US US/country/U.S. US/country/American "
                        "CN/country/Chinese CN/country/China ");
}

/* "Long Name (ABBR)" binds the letters to the long name's entity for the
 * rest of the document, over the pack's own alias; without it, or when
 * the letters do not spell the name, the alias stands. */
static void test_abbreviations(void **state)
{
    (void)state;
    put("entities.tsv", ENTS "cpc\torganization\t-\tCommunist Party\t=CPC\n"
                        "cpcons\torganization\t-\tCaspian Pipeline "
                        "Consortium\n"
                        "cons\torganization\t-\tConsortium\n");
    assert_string_equal(entities_of("The CPC met. Oil went through the "
                                    "Caspian Pipeline Consortium (CPC). Its "
                                    "CPC terminal and the CPC's tankers."),
                        "cpc/organization/CPC cpcons/organization/Caspian "
                        "Pipeline Consortium cpcons/organization/CPC "
                        "cpcons/organization/CPC cpcons/organization/CPC ");
    assert_string_equal(entities_of("The CPC met."), "cpc/organization/CPC ");
    /* not the letters of the name: no definition */
    assert_string_equal(entities_of("The Consortium (CPC) and the CPC."),
                        "cons/organization/Consortium cpc/organization/CPC "
                        "cpc/organization/CPC ");
}

static void test_engine(void **state)
{
    (void)state;
    dk_options o;
    memset(&o, 0, sizeof o);
    o.pack_dir = dir;
    dk_status st;
    dk_engine *e = dk_engine_new(&o, &st);
    assert_non_null(e);
    dk_doc *d = dk_doc_open(e, "t", "2024-01-01");
    const char *t = "Bordurian trade reached 5 billion dollars in Aland.";
    assert_int_equal(dk_doc_feed(d, t, strlen(t)), DK_OK);
    assert_int_equal(dk_doc_finish(d), DK_OK);
    const dk_mention *m;
    char got[256] = "";
    while ((m = dk_doc_next(d)) != NULL)
        if (m->kind == DK_ENTITY) {
            size_t k = strlen(got);
            snprintf(got + k, sizeof got - k, "%s/%s/%.*s ", m->id, m->type,
                     (int)(m->end - m->start), m->text);
        }
    assert_string_equal(got, "BB/country/Bordurian AA/country/Aland ");
    dk_doc_close(d);
    dk_engine_free(e);
    put("entities.tsv", "broken\n");
    assert_null(dk_engine_new(&o, &st));
    assert_int_equal(st, DK_ERR_PACK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_valid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_comments_crlf_optional, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_missing_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pack_tsv, setup, teardown),
        cmocka_unit_test_setup_teardown(test_entity_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_entity_aliases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_metrics, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_buffer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_offices, setup, teardown),
        cmocka_unit_test(test_shipped_packs),
        cmocka_unit_test_setup_teardown(test_default_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_engine, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bylines_and_agencies, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_ministries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_currency_words, setup, teardown),
        cmocka_unit_test_setup_teardown(test_abbreviations, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
