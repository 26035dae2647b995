/*
 * test_event.c - the event reader (src/attribute/event.c) and the loading
 * of events.tsv (src/pack/pack.c): one test per trigger rule and per
 * argument rule.  Sentences run through a real engine with a tiny pack of
 * made-up countries and people written to a temporary folder, so the
 * rules are tested apart from the kz-cn pack's wording.
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
#include "pack/pack.h"

static char packdir[64];

static const char *const events_tsv =
    "# a small events file in the kz-cn format\n"
    "type\tvisit\t042\n"
    "type\tmeeting\t040\n"
    "type\tagreement\t057\n"
    "type\tintent\t030\n"
    "type\tlaunch\t061\n"
    "type\tprotest\t141\n"
    "type\tsummit\t044\n"
    "verb\tvisit\tplace\tvisited|arrived in|visiting\n"
    "noun\tvisit\tplace\tvisit|state visit\n"
    "verb\tmeeting\tpartner\tmet|met with|meet\n"
    "verb\tmeeting\tguest\treceived|welcomed\n"
    "noun\tmeeting\t-\ttalks|meeting|phone call\n"
    "verb\tagreement\t-\tsigned\n"
    "noun\tagreement\t-\tsigning\n"
    "verb\tlaunch\t-\tlaunched|opened\n"
    "noun\tprotest\t-\trallies\n"
    "noun\tlaunch\t-\tlaunch\n"
    "noun\tsummit\t-\tforum|summit|summits\n"
    "support\t-\t-\theld|took part in|take part in|joined|hosted\n"
    "support\t-\tafter\twere held|was held\n"
    "intent\t-\tstrong\tagreed to|agreed|agree on|plans to\n"
    "intent\t-\taux\twill\n"
    "title\t-\t-\tpresident|leader\n"
    "title\t-\tplural\tleaders\n"
    "pronoun\t-\t-\the|his\n"
    "pronoun\t-\tvisitor\this guest\n"
    "pair\t-\t-\tthe sides|the two countries\n"
    "pair\t-\tleaders\tthe two leaders\n"
    "role\t-\tpartner\twith|between\n"
    "role\t-\tagent\tby|in the presence of\n"
    "role\t-\tplace\tin\n"
    "role\t-\tdest\tto\n"
    "role\t-\tactor\tof\n"
    "role\t-\ttarget\tagainst\n"
    "role\t-\tgroup\tdelegation of|led by\n"
    "frame\t-\t-\tduring|at|on the sidelines of\n"
    "document\t-\t-\tagreements|documents\n"
    "worth\t-\t-\tworth\n"
    "block\t-\t-\tnot|proposed|ready to\n"
    "block\t-\tafter\ttwice a year\n"
    "vague\t-\t-\tcontinue\n"
    "skip\t-\t-\tnot only\n"
    "aux\t-\tpassive\twas|were|is|are|been\n"
    "aux\t-\t-\thas|have\n"
    "stop\t-\t-\twhich|that|who\n";

static void put(const char *dir, const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void rm(const char *dir, const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

static int setup(void **state)
{
    (void)state;
    snprintf(packdir, sizeof packdir, "/tmp/dk_event_XXXXXX");
    if (!mkdtemp(packdir))
        return -1;
    put(packdir, "pack.tsv", "name\ttest\npair\tAA BB\n");
    put(packdir, "entities.tsv",
        "AA\tcountry\t-\tAland\tAlandic\n"
        "BB\tcountry\t-\tBoria\tBorian\n"
        "alim\tperson\tAA\tAlim Aman\tAlim\n"
        "bors\tperson\tBB\tBors Borov\tBors\n"
        "CC\tcountry\t-\tCordia\tCordian\n"
        "cyr\tperson\tCC\tCyr Cole\tCyr\n"
        "port_city\tplace\tBB\tPort City\n"
        "lake_town\tplace\tAA\tLake Town\n"
        "aa_ministry\torganization\tAA\tAlandic Ministry of Trade\n"
        "bb_council\torganization\tBB\tBorian Trade Council\n"
        "big_forum\tevent\t-\tGreat Lakes Forum\n");
    put(packdir, "events.tsv", events_tsv);
    put(packdir, "offices.tsv",
        "AA\tcyr\t2001-01-01\t2019-12-31\tpresident\n"
        "AA\talim\t2020-01-01\t-\tpresident|leader\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rm(packdir, "pack.tsv");
    rm(packdir, "entities.tsv");
    rm(packdir, "events.tsv");
    rm(packdir, "offices.tsv");
    rmdir(packdir);
    return 0;
}

#define MAXEV 8

typedef struct got {
    int n;
    dk_mention m[MAXEV];
    char text[MAXEV][64];
} got;

/* Extract text (a document of 2024-06-03, a Monday) and keep its events. */
static void run(const char *text, got *g)
{
    dk_options o;
    memset(&o, 0, sizeof o);
    o.pack_dir = packdir;
    dk_status err;
    dk_engine *e = dk_engine_new(&o, &err);
    assert_non_null(e);
    dk_doc *d = dk_doc_open(e, "t", "2024-06-03");
    assert_non_null(d);
    assert_int_equal(dk_doc_feed(d, text, strlen(text)), DK_OK);
    assert_int_equal(dk_doc_finish(d), DK_OK);
    memset(g, 0, sizeof *g);
    const dk_mention *m;
    while ((m = dk_doc_next(d)) != NULL) {
        if (m->kind != DK_EVENT || g->n == MAXEV)
            continue;
        g->m[g->n] = *m;
        snprintf(g->text[g->n], sizeof g->text[0], "%.*s",
                 (int)(m->end - m->start), m->text);
        g->m[g->n].text = g->text[g->n];
        g->n++;
    }
    dk_doc_close(d);
    dk_engine_free(e);
}

/* The one event of type t in g (fails when there is not exactly one). */
static const dk_mention *one(const got *g, const char *t)
{
    const dk_mention *found = NULL;
    int n = 0;
    for (int i = 0; i < g->n; i++)
        if (strcmp(g->m[i].event, t) == 0) {
            found = &g->m[i];
            n++;
        }
    if (n != 1)
        fail_msg("want one %s event, found %d (of %d events)", t, n, g->n);
    return found;
}

/* Check the actors of m, in order. */
static void actors(const dk_mention *m, int n, ...)
{
    va_list ap;
    va_start(ap, n);
    assert_int_equal(m->nactors, n);
    for (int i = 0; i < n; i++)
        assert_string_equal(m->actors[i], va_arg(ap, const char *));
    va_end(ap);
}

/* ---- triggers and types ---- */

static void test_visit_verb(void **state)
{
    (void)state;
    got g;
    run("Alim visited Boria on May 5, 2024.", &g);
    assert_int_equal(g.n, 1);
    const dk_mention *m = one(&g, "visit");
    assert_string_equal(m->text, "visited");
    assert_string_equal(m->cameo, "042");
    actors(m, 1, "alim");
    assert_string_equal(m->place, "BB");
    assert_string_equal(m->date, "2024-05-05");
}

static void test_meeting_verb_partner(void **state)
{
    (void)state;
    got g;
    run("Alim met with Bors in Port City.", &g);
    const dk_mention *m = one(&g, "meeting");
    assert_string_equal(m->cameo, "040");
    actors(m, 2, "alim", "bors");
    assert_string_equal(m->place, "port_city");
    run("Alim met Bors.", &g);   /* the direct object is the partner */
    actors(one(&g, "meeting"), 2, "alim", "bors");
}

static void test_support_verb(void **state)
{
    (void)state;
    got g;
    run("Alim and Bors held talks on May 31.", &g);
    const dk_mention *m = one(&g, "meeting");
    assert_string_equal(m->text, "held talks");
    actors(m, 2, "alim", "bors");
    assert_string_equal(m->date, "2024-05-31");
}

static void test_support_after_noun(void **state)
{
    (void)state;
    got g;
    run("Talks were held in Port City.", &g);
    const dk_mention *m = one(&g, "meeting");
    assert_string_equal(m->text, "Talks were held");
    assert_int_equal(m->nactors, 0);
    assert_string_equal(m->place, "port_city");
}

static void test_bare_noun_is_no_event(void **state)
{
    (void)state;
    got g;
    run("The visit took long.", &g);
    assert_int_equal(g.n, 0);
    run("The visit to Boria took long.", &g);   /* a place is attached */
    assert_string_equal(one(&g, "visit")->place, "BB");
}

static void test_noun_possessive(void **state)
{
    (void)state;
    got g;
    run("Alim's visit to Boria was short.", &g);
    const dk_mention *m = one(&g, "visit");
    actors(m, 1, "alim");
    assert_string_equal(m->place, "BB");
}

static void test_agreement_count_value(void **state)
{
    (void)state;
    got g;
    run("The sides signed ten agreements worth $5 billion.", &g);
    const dk_mention *m = one(&g, "agreement");
    assert_string_equal(m->cameo, "057");
    actors(m, 2, "AA", "BB");
    assert_true(m->has_count);
    assert_true(m->count == 10);
    assert_true(m->has_value);
    assert_true(m->value == 5e9);
    assert_string_equal(m->unit, "USD");
}

static void test_agreement_passive_between(void **state)
{
    (void)state;
    got g;
    run("Two documents were signed between Aland and Boria.", &g);
    const dk_mention *m = one(&g, "agreement");
    actors(m, 2, "AA", "BB");
    assert_true(m->has_count && m->count == 2);
    run("The documents were signed by the Alandic Ministry of Trade.", &g);
    actors(one(&g, "agreement"), 1, "aa_ministry");
}

static void test_intent_strong(void **state)
{
    (void)state;
    got g;
    run("The two countries agreed to reduce tariffs in 2025.", &g);
    const dk_mention *m = one(&g, "intent");
    assert_string_equal(m->text, "agreed to reduce");
    assert_string_equal(m->cameo, "030");
    actors(m, 2, "AA", "BB");
    assert_string_equal(m->date, "2025");
    run("The sides agreed on Monday to open a border post.", &g);
    m = one(&g, "intent");
    assert_string_equal(m->text, "agreed");   /* no date inside the span */
    assert_string_equal(m->date, "2024-06-03");
    /* "agree on" with no act after it: concurring, no commitment */
    run("Aland and Boria agree on that flow, and the gap lies in goods "
        "shipped to Aland.", &g);
    assert_int_equal(g.n, 0);
    run("Aland and Boria agree on more flights.", &g);   /* a change */
    actors(one(&g, "intent"), 2, "AA", "BB");
}

static void test_intent_absorbs_act(void **state)
{
    (void)state;
    got g;
    run("Alim will visit Boria next year.", &g);
    assert_int_equal(g.n, 1);   /* one intent, not a visit besides */
    const dk_mention *m = one(&g, "intent");
    assert_string_equal(m->text, "will visit");
    actors(m, 1, "alim");
    assert_string_equal(m->place, "BB");
    assert_string_equal(m->date, "2025");
}

static void test_intent_vague_or_uncommitted(void **state)
{
    (void)state;
    got g;
    run("The sides agreed to continue cooperation.", &g);
    assert_int_equal(g.n, 0);
    run("A new forum will be held in Port City.", &g);   /* no one commits */
    assert_int_equal(g.n, 0);
    run("Talks on a new road will be held in Port City.", &g);
    assert_int_equal(g.n, 0);
}

static void test_intent_takes_act_arguments(void **state)
{
    (void)state;
    got g;
    run("Alim agreed to hold talks with Bors in Port City in 2025.", &g);
    assert_int_equal(g.n, 1);
    const dk_mention *m = one(&g, "intent");
    assert_string_equal(m->text, "agreed to hold talks");
    actors(m, 2, "alim", "bors");
    assert_string_equal(m->place, "port_city");
    assert_string_equal(m->date, "2025");
    run("Alim will arrive in Lake Town.", &g);   /* "arrive" is no trigger */
    assert_int_equal(g.n, 0);
}

static void test_launch_and_passive(void **state)
{
    (void)state;
    got g;
    run("The terminal was launched in Port City in 2023.", &g);
    const dk_mention *m = one(&g, "launch");
    assert_int_equal(m->nactors, 0);   /* what is launched is no actor */
    assert_string_equal(m->place, "port_city");
    assert_string_equal(m->date, "2023");
    run("New methods are launched.", &g);   /* passive, nothing attached */
    assert_int_equal(g.n, 0);
}

static void test_protest_target(void **state)
{
    (void)state;
    got g;
    run("Hundreds joined rallies against Borian firms in Lake Town.", &g);
    const dk_mention *m = one(&g, "protest");
    assert_string_equal(m->cameo, "141");
    actors(m, 1, "BB");
    assert_string_equal(m->place, "lake_town");
}

static void test_named_summit(void **state)
{
    (void)state;
    got g;
    run("Alim took part in the Great Lakes Forum in Lake Town.", &g);
    const dk_mention *m = one(&g, "summit");
    assert_string_equal(m->text, "took part in the Great Lakes Forum");
    actors(m, 1, "alim");   /* the forum itself is no actor */
    assert_string_equal(m->place, "lake_town");
    /* a summit that opens is held; a route that opens is launched */
    run("The Great Lakes Forum opened in Lake Town.", &g);
    m = one(&g, "summit");
    assert_string_equal(m->text, "Great Lakes Forum opened");
    assert_string_equal(m->place, "lake_town");
    run("The forum, which opened in Lake Town, drew many guests.", &g);
    assert_string_equal(one(&g, "summit")->text, "forum, which opened");
    run("A new route opened in Lake Town.", &g);
    assert_string_equal(one(&g, "launch")->text, "opened");
}

/* ---- rejections ---- */

static void test_negation_and_proposal(void **state)
{
    (void)state;
    got g;
    run("Alim did not visit Boria.", &g);
    assert_int_equal(g.n, 0);
    run("Alim proposed to hold talks with Bors.", &g);
    assert_int_equal(g.n, 0);
    run("Alim is ready to meet Bors.", &g);
    assert_int_equal(g.n, 0);
    run("Alim will not visit Boria.", &g);   /* between cue and act */
    assert_int_equal(g.n, 0);
    run("Alim agreed not to reduce tariffs.", &g);
    assert_int_equal(g.n, 0);
    run("It was not only a visit to Boria.", &g);   /* "not only" skips */
    assert_int_equal(g.n, 1);
}

static void test_habitual(void **state)
{
    (void)state;
    got g;
    run("Alim met Bors twice a year.", &g);
    assert_int_equal(g.n, 0);
}

static void test_restating_noun(void **state)
{
    (void)state;
    got g;
    run("Alim visited Boria, his third visit to Boria.", &g);
    assert_int_equal(g.n, 1);
    assert_string_equal(one(&g, "visit")->text, "visited");
    /* reported as held, a numbered meeting is a happening of its own */
    run("The council meets twice a year, and its 11th meeting was held in "
        "Lake Town.", &g);
    assert_string_equal(one(&g, "meeting")->text, "meeting was held");
}

/* ---- argument rules ---- */

static void test_title_resolves_to_person(void **state)
{
    (void)state;
    got g;
    run("Bors Borov spoke. Alim Aman spoke. "
        "The Borian president arrived in Lake Town.", &g);
    actors(one(&g, "visit"), 1, "bors");
    /* no Borian person named, no Borian office known: the title stands
     * for its country */
    run("The Borian leader arrived in Lake Town.", &g);
    actors(one(&g, "visit"), 1, "BB");
}

static void test_title_before_name(void **state)
{
    (void)state;
    got g;
    run("Alandic President Alim Aman met Borian President Bors Borov.", &g);
    actors(one(&g, "meeting"), 2, "alim", "bors");
    /* capitalised words of a title the pack does not know */
    run("Alandic President Alim Aman met Borian Trade Minister Bors Borov.",
        &g);
    actors(one(&g, "meeting"), 2, "alim", "bors");
}

/* "Title of <body or country> Name" is the person named; a title of a
 * body with no name after it is no one (not the document's main
 * person) */
static void test_title_of_body_before_name(void **state)
{
    (void)state;
    got g;
    run("Alim met with President of the Borian Trade Council Bors Borov and "
        "Leader of the Republic of Cordia Cyr Cole.", &g);
    actors(one(&g, "meeting"), 3, "alim", "bors", "cyr");
    run("Cyr held talks with President of the Republic of Boria Bors.", &g);
    actors(one(&g, "meeting"), 2, "cyr", "bors");
    run("Bors met Alim. Bors met Cyr. Then Alim met with the president of "
        "the Trade Board.", &g);
    actors(&g.m[2], 1, "alim");
}

static void test_possessive_title(void **state)
{
    (void)state;
    got g;
    run("Alim spoke. The president\xE2\x80\x99s visit to Boria was short.", &g);
    actors(one(&g, "visit"), 1, "alim");
}

static void test_launched_thing_is_no_actor(void **state)
{
    (void)state;
    got g;
    run("The launch of a Borian railway line was a success.", &g);
    const dk_mention *m = one(&g, "launch");   /* attached: "of ..." */
    assert_int_equal(m->nactors, 0);   /* not BB: what is launched */
}

static void test_cue_as_noun(void **state)
{
    (void)state;
    got g;
    run("Alim spoke against plans to open a Borian port.", &g);
    assert_int_equal(g.n, 0);
}

static void test_pronoun(void **state)
{
    (void)state;
    got g;
    run("Alim spoke. Then he visited Boria.", &g);
    actors(one(&g, "visit"), 1, "alim");
}

static void test_two_leaders(void **state)
{
    (void)state;
    got g;
    run("Alim met Bors. The two leaders signed a treaty.", &g);
    assert_int_equal(g.n, 2);
    actors(one(&g, "agreement"), 2, "alim", "bors");
    /* named earlier in the same sentence */
    run("Bors met Alim at the airport, and the two leaders signed a treaty.",
        &g);
    actors(one(&g, "agreement"), 2, "alim", "bors");
}

/* "Alim and Bors agreed to open a route by 2027 during talks in Port
 * City": the talks are between them, and 2027 (after the document's
 * date) is no date a happening took place on */
static void test_frame_talks(void **state)
{
    (void)state;
    got g;
    run("Alim and Bors agreed on Monday to open a route by 2027, during "
        "talks in Port City.", &g);
    const dk_mention *m = one(&g, "meeting");
    actors(m, 2, "alim", "bors");
    assert_string_equal(m->date, "2024-06-03");
    assert_string_equal(m->place, "port_city");
    /* within the intended act, a later date is the act's */
    run("Alim and Bors agreed to meet at the summit in Port City in July "
        "2025.", &g);
    assert_string_equal(one(&g, "intent")->date, "2025-07");
}

/* a relative clause's subject is the word before "who"/"which" */
static void test_relative_subject(void **state)
{
    (void)state;
    got g;
    run("Alim, who visited Boria, met Bors.", &g);
    actors(one(&g, "visit"), 1, "alim");
    run("Alim, who is now in Port City to take part in the Great Lakes "
        "Forum, spoke.", &g);
    actors(one(&g, "summit"), 1, "alim");
    /* a name in commas is the subject's apposition, and a verb after it
     * with its object is active ("the port, launched in 2015," is not) */
    run("The envoy, Bors, met Alim in Port City.", &g);
    actors(one(&g, "meeting"), 2, "bors", "alim");
    /* the object of another verb of a joined predicate is no subject */
    run("Alim thanked Bors and signed a treaty.", &g);
    actors(one(&g, "agreement"), 1, "alim");
    /* ... but not across a reporting verb */
    run("Alim said Bors arrived and signed a treaty.", &g);
    actors(one(&g, "agreement"), 1, "bors");
}

/* "the Alandic president" with no one of Aland named yet: who held the
 * office on the document's date (offices.tsv), before a person of that
 * country named earlier */
static void test_office_holder(void **state)
{
    (void)state;
    got g;
    run("Bors met the Alandic president.", &g);
    actors(one(&g, "meeting"), 2, "bors", "alim");
    run("The Alandic leader arrived in Port City.", &g);
    actors(one(&g, "visit"), 1, "alim");
    /* "the two leaders" with one of them never named: that country's
     * leader on the document's date */
    run("Bors arrived in Lake Town. The two leaders signed a treaty.", &g);
    actors(one(&g, "agreement"), 2, "alim", "bors");
    /* "the leaders of the five Lake Town councils": the place stands for
     * them as a group */
    run("The leaders of the five Lake Town councils met Bors.", &g);
    actors(one(&g, "meeting"), 2, "lake_town", "bors");
    /* the holder at the date the sentence gives, not the document's */
    run("In 2015, the Alandic president visited Boria.", &g);
    actors(one(&g, "visit"), 1, "cyr");
    /* "Alandic leaders" are not the leader */
    run("Borian officials met Alandic leaders.", &g);
    actors(one(&g, "meeting"), 2, "BB", "AA");

}

/* "his guest": who came on the last visit */
static void test_guest(void **state)
{
    (void)state;
    got g;
    run("Bors arrived in Lake Town on a state visit. Alim met his guest at "
        "the airport.", &g);
    actors(one(&g, "meeting"), 2, "alim", "bors");
}

/* "his Borian counterpart Bors": the possessive is the name's determiner,
 * not a second mention of the subject */
static void test_counterpart(void **state)
{
    (void)state;
    got g;
    run("Alim met his Borian counterpart Bors.", &g);
    actors(one(&g, "meeting"), 2, "alim", "bors");
    run("Alim held talks with his counterpart Bors in Port City.", &g);
    actors(one(&g, "meeting"), 2, "alim", "bors");
    run("The treaty was signed by Alim and his Borian counterpart Bors.", &g);
    actors(one(&g, "agreement"), 2, "alim", "bors");
    /* "his" as the participant of a noun stays */
    run("Alim said his visit to Boria went well.", &g);
    actors(one(&g, "visit"), 1, "alim");
    /* a preposition is no describing word: "his regards to Bors" */
    run("Alim met Cyr and conveyed his regards to Bors.", &g);
    actors(one(&g, "meeting"), 2, "alim", "cyr");
}

/* "The sides" and "the two leaders" are the two countries the document
 * is about: the pack's pair (AA, BB) unless the document names others,
 * through their people and places too, while one of the pair is absent. */
static void test_pair_of_the_document(void **state)
{
    (void)state;
    got g;
    run("Cyr arrived in Lake Town. The sides signed a treaty.", &g);
    actors(one(&g, "agreement"), 2, "AA", "CC");
    run("Alim met Cyr. The two leaders signed a treaty.", &g);
    actors(one(&g, "agreement"), 2, "alim", "cyr");
    run("Alim met Bors in Cordia. The sides signed a treaty.", &g);
    actors(one(&g, "agreement"), 2, "AA", "BB");
}

/* a perfect passive reports a completed happening even with nothing
 * attached; a plain present passive does not */
static void test_perfect_passive(void **state)
{
    (void)state;
    got g;
    run("Twelve of them have already been launched, creating jobs.", &g);
    const dk_mention *m = one(&g, "launch");
    assert_string_equal(m->text, "launched");
    assert_int_equal(m->nactors, 0);
    run("New crossings are launched.", &g);
    assert_int_equal(g.n, 0);
}

/* an agent phrase opening the clause before a passive trigger: those in
 * whose presence it is signed */
static void test_leading_agent(void **state)
{
    (void)state;
    got g;
    run("Alim met Bors. In the presence of the two leaders, ten documents "
        "were signed.", &g);
    actors(&g.m[1], 2, "alim", "bors");
    assert_true(g.m[1].has_count);
    run("Alim met Bors. After the talks, in the presence of Cyr, ten "
        "documents were signed.", &g);
    actors(one(&g, "agreement"), 1, "cyr");
}

/* "visiting" before a person describes the person: no visit of its own,
 * and the meeting reads on to its partner; before a place it is one. */
static void test_attributive_verb(void **state)
{
    (void)state;
    got g;
    run("Alim met with visiting Borian President Bors Borov.", &g);
    assert_int_equal(g.n, 1);
    actors(one(&g, "meeting"), 2, "alim", "bors");
    run("Alim met with the visiting Bors.", &g);
    assert_int_equal(g.n, 1);
    actors(one(&g, "meeting"), 2, "alim", "bors");
    run("Bors was visiting Aland when Alim called.", &g);
    assert_int_equal(g.n, 1);
    actors(one(&g, "visit"), 1, "bors");
}

/* "arrived in X on a state visit" is one happening; a visit of another
 * part of the sentence is another */
static void test_verb_and_its_noun(void **state)
{
    (void)state;
    got g;
    run("Bors arrived in Lake Town on a state visit on Tuesday.", &g);
    assert_int_equal(g.n, 1);
    const dk_mention *m = one(&g, "visit");
    assert_string_equal(m->text, "arrived in");
    assert_string_equal(m->date, "2024-05-28");
    run("Bors arrived in Lake Town, and on a state visit Alim went to Port "
        "City.", &g);
    assert_int_equal(g.n, 2);
}

/* A place as the subject of a verb stands for its country; after a
 * preposition it is where. */
static void test_place_as_subject(void **state)
{
    (void)state;
    got g;
    run("Port City and Lake Town agreed to open a crossing.", &g);
    actors(one(&g, "intent"), 2, "BB", "AA");
    run("In Port City, Alim met Bors.", &g);
    actors(one(&g, "meeting"), 2, "alim", "bors");
}

/* a "guest" verb is a meeting only with a person right after it */
static void test_guest_verb(void **state)
{
    (void)state;
    got g;
    run("Alim received Borian President Bors Borov in Lake Town.", &g);
    assert_int_equal(g.n, 1);
    actors(one(&g, "meeting"), 2, "alim", "bors");
    run("Alim received an award in Lake Town.", &g);
    assert_int_equal(g.n, 0);
    run("Aland welcomed the decision.", &g);
    assert_int_equal(g.n, 0);
    run("Alim met Bors. Then he welcomed him at the airport.", &g);
    assert_int_equal(g.n, 1);
}

/* a guest verb reads past a place or date adjunct, and a delegation is
 * its leader, else what it is a delegation of */
static void test_guest_delegation(void **state)
{
    (void)state;
    got g;
    run("Alim received in Lake Town on Friday a delegation of the Borian "
        "Trade Council.", &g);
    const dk_mention *m = one(&g, "meeting");
    actors(m, 2, "alim", "bb_council");
    assert_string_equal(m->place, "lake_town");
    assert_string_equal(m->date, "2024-05-31");
    run("Alim received a delegation of the Borian Trade Council led by its "
        "president Bors Borov.", &g);
    actors(one(&g, "meeting"), 2, "alim", "bors");
    run("Alim received in Lake Town an award.", &g);
    assert_int_equal(g.n, 0);
}

/* a month or day without a year takes the document's year, also when
 * that falls after the document's date; a later date with its year does
 * not date a happening */
static void test_yearless_date(void **state)
{
    (void)state;
    got g;
    run("On December 5 Alim opened a port in Lake Town.", &g);
    assert_string_equal(one(&g, "launch")->date, "2024-12-05");
    run("Alim opened a port in Lake Town in December 2025.", &g);
    assert_string_equal(one(&g, "launch")->date, "");
}

/* a date after an intent cue is the intent's, not the earlier event's */
static void test_date_after_intent(void **state)
{
    (void)state;
    got g;
    run("In 2023 Alim signed a treaty with Bors and agreed to double trade "
        "by 2030.", &g);
    assert_string_equal(one(&g, "agreement")->date, "2023");
    assert_string_equal(one(&g, "intent")->date, "2030");
}

static void test_frame_lends_arguments(void **state)
{
    (void)state;
    got g;
    run("During his visit to Boria on May 31, Alim met with the Borian "
        "Trade Council.", &g);
    const dk_mention *v = one(&g, "visit");
    actors(v, 1, "alim");   /* a pronoun before the name it stands for */
    const dk_mention *m = one(&g, "meeting");
    actors(m, 2, "alim", "bb_council");
    assert_string_equal(m->place, "BB");
    assert_string_equal(m->date, "2024-05-31");
}

/* a visit framing a clause names no visitor: the clause's subject is
 * (not its destination, not the partner) */
static void test_frame_visit_takes_subject(void **state)
{
    (void)state;
    got g;
    run("On May 31, during the state visit to Boria, the president Alim Aman "
        "met with Bors.", &g);
    const dk_mention *v = one(&g, "visit");
    actors(v, 1, "alim");
    assert_string_equal(v->place, "BB");
    actors(one(&g, "meeting"), 2, "alim", "bors");
}

static void test_setting_summit(void **state)
{
    (void)state;
    got g;
    run("Alim and Bors held talks in Lake Town on the sidelines of the "
        "summit of the Borian Trade Council.", &g);
    const dk_mention *s = one(&g, "summit");
    actors(s, 3, "alim", "bors", "bb_council");
    assert_string_equal(s->place, "lake_town");
}

static void test_continued_subject(void **state)
{
    (void)state;
    got g;
    run("Alim visited Boria and met Bors in Port City.", &g);
    actors(one(&g, "visit"), 1, "alim");
    const dk_mention *m = one(&g, "meeting");
    actors(m, 2, "alim", "bors");   /* Boria is the visit's place */
    assert_string_equal(m->place, "port_city");
}

static void test_venue_after_at(void **state)
{
    (void)state;
    got g;
    run("Alim met Bors at the Borian Trade Council.", &g);
    const dk_mention *m = one(&g, "meeting");
    actors(m, 2, "alim", "bors");
    assert_string_equal(m->place, "bb_council");
    run("Alim met Bors at the Borian Trade Council summit.", &g);
    assert_string_equal(one(&g, "meeting")->place, "");   /* a setting */
}

static void test_several_places(void **state)
{
    (void)state;
    got g;
    run("Rallies were held in Port City and Lake Town.", &g);
    assert_string_equal(one(&g, "protest")->place, "");
}

static void test_covering_dates(void **state)
{
    (void)state;
    got g;
    run("Summits were held in Port City in 2019 and in Lake Town in 2021.",
        &g);
    assert_string_equal(one(&g, "summit")->date, "2019/2021");
    /* joined before it as well */
    run("In Port City in 2019 and Lake Town in 2021, Alim and Bors agreed to "
        "open a route.", &g);
    assert_string_equal(one(&g, "intent")->date, "2019/2021");
}

static void test_no_events_file(void **state)
{
    (void)state;
    rm(packdir, "events.tsv");
    got g;
    run("Alim visited Boria on May 5, 2024.", &g);
    put(packdir, "events.tsv", events_tsv);
    assert_int_equal(g.n, 0);
}

/* ---- loading events.tsv ---- */

static int nmsg;
static char msgs[8][256];

static void keep(void *ctx, const char *msg)
{
    (void)ctx;
    if (nmsg < 8)
        snprintf(msgs[nmsg], sizeof msgs[0], "%s", msg);
    nmsg++;
}

static void test_pack_check_events(void **state)
{
    (void)state;
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/dk_evpack_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put(dir, "pack.tsv", "name\tbad\n");
    put(dir, "entities.tsv", "AA\tcountry\t-\tAland\n");
    put(dir, "events.tsv",
        "type\tvisit\t042\n"
        "type\tvisit\t043\n"                  /* 2: declared twice */
        "type\tmeeting\t4x\n"                 /* 3: bad CAMEO code */
        "verb\tsummit\t-\tgathered\n"         /* 4: undeclared type */
        "nounish\tvisit\t-\ttrip\n"           /* 5: unknown kind */
        "noun\tvisit\tsideways\ttrip\n"       /* 6: unknown argument */
        "noun\tvisit\t-\tvisit|trip\n"
        "verb\tvisit\t-\tvisit\n"             /* 8: phrase repeated */
        "title\tvisit\t-\tking\n"             /* 9: type on a title row */
        "worth\t-\t-\n");                     /* 10: 3 fields */
    nmsg = 0;
    int n = dk_pack_check(dir, keep, NULL);
    assert_int_equal(n, 8);
    assert_non_null(strstr(msgs[0], "events.tsv:2: event type 'visit'"));
    assert_non_null(strstr(msgs[1], "events.tsv:3: CAMEO code"));
    assert_non_null(strstr(msgs[2], "events.tsv:4: event type 'summit'"));
    assert_non_null(strstr(msgs[3], "events.tsv:5: unknown row kind"));
    assert_non_null(strstr(msgs[4], "events.tsv:6: unknown argument"));
    assert_non_null(strstr(msgs[5], "events.tsv:8: phrase 'visit' is "
                                    "already on line 7"));
    assert_non_null(strstr(msgs[6], "events.tsv:9: a title row has no "
                                    "event type"));
    assert_non_null(strstr(msgs[7], "events.tsv:10: want 4"));
    put(dir, "events.tsv", "worth\t-\t-\n");
    nmsg = 0;
    assert_int_equal(dk_pack_check(dir, keep, NULL), 1);
    assert_non_null(strstr(msgs[0], "events.tsv:1: want 4"));
    rm(dir, "pack.tsv");
    rm(dir, "entities.tsv");
    rm(dir, "events.tsv");
    rmdir(dir);
}

static void test_key_words(void **state)
{
    (void)state;
    char err[256];
    dk_pack *p = dk_pack_load(packdir, err, sizeof err);
    assert_non_null(p);
    /* the longest word of each trigger phrase, any case */
    assert_true(dk_pack_event_word(p, "visited", 7));
    assert_true(dk_pack_event_word(p, "Talks", 5));
    assert_true(dk_pack_event_word(p, "arrived", 7));   /* "arrived in" */
    assert_false(dk_pack_event_word(p, "in", 2));
    assert_false(dk_pack_event_word(p, "trade", 5));
    assert_false(dk_pack_event_word(p, "with", 4));     /* a role word */
    int n = 0;
    dk_pack_event_types(p, &n);
    assert_int_equal(n, 7);
    dk_pack_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_visit_verb),
        cmocka_unit_test(test_meeting_verb_partner),
        cmocka_unit_test(test_support_verb),
        cmocka_unit_test(test_support_after_noun),
        cmocka_unit_test(test_bare_noun_is_no_event),
        cmocka_unit_test(test_noun_possessive),
        cmocka_unit_test(test_agreement_count_value),
        cmocka_unit_test(test_agreement_passive_between),
        cmocka_unit_test(test_intent_strong),
        cmocka_unit_test(test_intent_absorbs_act),
        cmocka_unit_test(test_intent_vague_or_uncommitted),
        cmocka_unit_test(test_intent_takes_act_arguments),
        cmocka_unit_test(test_launch_and_passive),
        cmocka_unit_test(test_protest_target),
        cmocka_unit_test(test_named_summit),
        cmocka_unit_test(test_negation_and_proposal),
        cmocka_unit_test(test_habitual),
        cmocka_unit_test(test_restating_noun),
        cmocka_unit_test(test_title_resolves_to_person),
        cmocka_unit_test(test_title_before_name),
        cmocka_unit_test(test_title_of_body_before_name),
        cmocka_unit_test(test_pronoun),
        cmocka_unit_test(test_possessive_title),
        cmocka_unit_test(test_launched_thing_is_no_actor),
        cmocka_unit_test(test_cue_as_noun),
        cmocka_unit_test(test_two_leaders),
        cmocka_unit_test(test_counterpart),
        cmocka_unit_test(test_guest),
        cmocka_unit_test(test_office_holder),
        cmocka_unit_test(test_relative_subject),
        cmocka_unit_test(test_frame_talks),
        cmocka_unit_test(test_pair_of_the_document),
        cmocka_unit_test(test_perfect_passive),
        cmocka_unit_test(test_leading_agent),
        cmocka_unit_test(test_attributive_verb),
        cmocka_unit_test(test_verb_and_its_noun),
        cmocka_unit_test(test_place_as_subject),
        cmocka_unit_test(test_guest_verb),
        cmocka_unit_test(test_guest_delegation),
        cmocka_unit_test(test_yearless_date),
        cmocka_unit_test(test_date_after_intent),
        cmocka_unit_test(test_frame_lends_arguments),
        cmocka_unit_test(test_frame_visit_takes_subject),
        cmocka_unit_test(test_setting_summit),
        cmocka_unit_test(test_continued_subject),
        cmocka_unit_test(test_venue_after_at),
        cmocka_unit_test(test_several_places),
        cmocka_unit_test(test_covering_dates),
        cmocka_unit_test(test_no_events_file),
        cmocka_unit_test(test_pack_check_events),
        cmocka_unit_test(test_key_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
