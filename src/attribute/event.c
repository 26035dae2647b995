/*
 * event.c - the event reader (event.h): trigger words of the pack's
 * events.tsv become DK_EVENT candidates with their arguments.  Every word
 * comes from the pack (docs/packs.md "events.tsv"); this file holds only
 * the rules that combine them, and a few English function words ("and",
 * "the", "'s") that join or mark them.
 *
 * One sentence at a time:
 *   1. A look-up of each word in the pack's key words of triggers; only a
 *      sentence that has one is read further, with one pass of the pack's
 *      event matcher over it.  Every sentence updates who was named last.
 *   2. The sentence's participants ("items"), in text order: entities
 *      (persons, organisations, countries, places, named events), titles
 *      ("the Kazakh president" -> the last person of that country named,
 *      else the country; "the president" alone -> the person the document
 *      names most; "the leaders of X, Y and Z" -> theirs), pronouns ("he":
 *      the last person named; "they": the last group of actors), "the two
 *      sides" (the pack's pair), "the two leaders" (the pair's persons).
 *      A country or title written just before its own person or
 *      organisation ("Chinese President Xi", "Chinese Commerce Minister
 *      Wang Wentao") is part of that name.
 *   3. Each trigger: a support verb before an event noun makes it a
 *      reported act ("held talks", "took part in a roundtable"), one after
 *      it extends the span ("talks were held"); an intent cue before it
 *      turns the act into an intent ("agreed to hold", "will visit"), and a
 *      strong cue makes one of any verb ("agreed to reduce").  A block word
 *      earlier in the clause (negation, proposal, readiness, hypothesis,
 *      generic or future happening) or a habitual marker after it drops
 *      it; so do restating nouns ("his third visit", "was the 24th
 *      meeting") and schedules nobody commits to ("talks will be held").
 *   4. Arguments.  A verb's actors start with its subject: the nearest
 *      participants before it (joined by "and", commas, "as well as"),
 *      skipping places and objects (a place right before the verb with no
 *      role word before it stands for its country: "Beijing and Astana
 *      agreed"), or the actors of an earlier event of
 *      the sentence it continues ("visited China to attend ..."); a
 *      passive verb has none.  A noun's actors start with the participant
 *      right before it ("his meeting", "the CICA summit") or after "of"
 *      (not for what is signed or launched).  Then come the participants
 *      after role words (with, between, by, against) and, for verbs that
 *      take one, the direct object.  The place follows "in", "at" or a
 *      visit's "to" (or a visit verb's object); none when places are
 *      joined by "and".  The date is the nearest date after the trigger,
 *      else before it; an intent takes its act's.  Agreements count the
 *      documents ("ten agreements") and take their worth ("worth $22
 *      billion").
 *   5. Frames: an event after a frame word ("during his visit to China")
 *      lends its actors, place and date to the other events of its
 *      sentence; a summit used as a setting ("on the sidelines of the
 *      summit") gets the participants of the event it sets, and the
 *      setting of an intent is not reported.  A noun with no argument at
 *      all ("this visit", "during the talks") is no event.
 *
 * Nothing is allocated per sentence: the scratch arrays live in the
 * document state (the token indexes grow to the longest sentence).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "event.h"
#include "attr_int.h"   /* the token and field helpers: at_tok_is, AT_FIELD_IS */

#define EV_MAX_HITS 512
#define EV_MAX_ITEMS 128
#define EV_MAX_EVENTS 32
#define EV_MAX_PERSONS 64
#define EV_BACK 24          /* tokens a subject may lie before its verb */
#define EV_AFTER 16         /* tokens after a trigger read for arguments */
#define EV_WBACK 16         /* the pack's words are looked for from this */
#define EV_WAFTER 20        /* many tokens before the first trigger word to
                               this many after the last */

/* What a participant of the sentence can be. */
enum {
    IT_ACTOR = 1,      /* person, organisation, title, pronoun, pair */
    IT_COUNTRY = 2,    /* an actor or a place */
    IT_PLACE = 4,      /* a place only */
    IT_NAME = 8        /* a named event ("Boao Forum for Asia") */
};

typedef struct ev_item {
    int t0, t1;
    int what;                 /* IT_* */
    int adj;                  /* a "mutual"/"bilateral" pair: fallback */
    int leaders;              /* "the two leaders": the pair's persons */
    int plural;               /* "they": the last group of actors */
    int visitor;              /* "his guest": the last visitor */
    int x0;                   /* t0 with the title or country written
                                 before the name ("Chinese President") */
    int dropped;
    int nid;
    int person;
    int org;                  /* an organisation (a venue after "at") */
    char country[DK_ID_MAX];  /* the person's or organisation's country */
    char id[DK_MAX_ACTORS][DK_ID_MAX];   /* last: not cleared (nid says
                                            how many are set) */
} ev_item;

typedef struct ev_hit {
    int t0, t1;
    int rule;
    dk_evkind kind;
    int attributive;          /* a verb describing the person after it
                                 ("visiting"): kind is DK_EV_SKIP */
} ev_hit;

typedef struct ev_event {
    int t0, t1;               /* span */
    int trig;                 /* the trigger hit */
    int type;                 /* pack event type */
    int act_type;             /* the type of the act (of an intent: the
                                 intended act's, for its arguments) */
    int verb;                 /* reported as an act (verb or support) */
    int frame;                /* set after a frame word */
    int args;                 /* own arguments found (nouns need one) */
    int passive;              /* a verb after a form of "be" */
    int poss;                 /* a noun with its own participant before it */
    int from;                 /* the event it continues, or -1 */
    int multi;                /* happenings in several places */
    int te;                   /* end of the trigger words (a noun after a
                                 support verb ends here, not at t1) */
    int sup_end, noun0;       /* support verb: its end, the noun's start */
    int gone;                 /* dropped after reading (a future setting) */
    int partner_verb;         /* a verb that needs a participant ("meet") */
    int guest;                /* a person right after a "guest" verb
                                 ("received Wang Yi") */
    int nact;
    int nsubj;                /* of the actors, how many are the subject */
    char act[DK_MAX_ACTORS][DK_ID_MAX];
    char place[DK_ID_MAX];
    char date[DK_DATE_MAX];
    int has_count, has_value;
    double count, value;
    dk_qualifier count_q, value_q;   /* "more than 25", "over $2 billion" */
    double value_low, value_high;    /* value_q DK_Q_RANGE */
    char unit[16];
} ev_event;

typedef struct ev_person {
    char id[DK_ID_MAX];
    char country[DK_ID_MAX];
    int count;
    long last;                /* sequence number of the last naming */
} ev_person;

struct dk_event_doc {
    const dk_pack *p;
    const char *pair[2];      /* the document's two countries, or NULL */
    int intent_type;          /* type index of "intent", or -1; the same */
    int visit_type, meeting_type, agreement_type, launch_type, summit_type;
    ev_person person[EV_MAX_PERSONS];
    int nperson;
    char group[DK_MAX_ACTORS][DK_ID_MAX];   /* the last event's actors,
                                               when two or more */
    int ngroup;
    char visitor[DK_ID_MAX];  /* the first actor of the last visit */
    long seq;
    /* scratch for the current sentence */
    const dk_sent *s;
    const dk_cands *c;
    dk_pack_match mt[EV_MAX_HITS];
    ev_hit hit[EV_MAX_HITS];
    int nhit;
    ev_item item[EV_MAX_ITEMS];
    int nitem;
    ev_event ev[EV_MAX_EVENTS];
    int nev;
    /* per token of the sentence (matches do not overlap, nor do the kept
     * items): the hit starting at it, the hit ending before it, the item
     * covering it; -1 for none.  Grown as sentences need, owned. */
    int *hit_start, *hit_end, *item_of;
    int idxcap;
};

dk_event_doc *dk_event_doc_new(const dk_pack *p)
{
    /* one per document: its arrays (the persons, the group and 100 KB of
     * sentence scratch) are read only below their counts, so only the
     * counts and pointers are set */
    dk_event_doc *ev = malloc(sizeof *ev);
    if (!ev)
        return NULL;
    ev->nperson = ev->ngroup = 0;
    ev->visitor[0] = '\0';
    ev->seq = 0;
    ev->s = NULL;
    ev->c = NULL;
    ev->nhit = ev->nitem = ev->nev = 0;
    ev->hit_start = ev->hit_end = ev->item_of = NULL;
    ev->idxcap = 0;
    ev->p = p;
    ev->pair[0] = ev->pair[1] = NULL;
    /* the types the reader's rules name, looked up once (-1: the pack
     * has no such type) */
    struct {
        const char *name;
        int *index;
    } known[] = {{"intent", &ev->intent_type},   {"visit", &ev->visit_type},
                 {"meeting", &ev->meeting_type}, {"agreement", &ev->agreement_type},
                 {"launch", &ev->launch_type},   {"summit", &ev->summit_type}};
    int n = 0;
    const dk_pack_evtype *t = p ? dk_pack_event_types(p, &n) : NULL;
    for (size_t k = 0; k < sizeof known / sizeof *known; k++) {
        *known[k].index = -1;
        for (int i = 0; i < n; i++)
            if (strcmp(t[i].name, known[k].name) == 0)
                *known[k].index = i;
    }
    return ev;
}

void dk_event_doc_free(dk_event_doc *ev)
{
    if (!ev)
        return;
    free(ev->hit_start);
    free(ev->hit_end);
    free(ev->item_of);
    free(ev);
}

/* Room for the token indexes of n tokens (+1); 0 when out of memory. */
static int index_room(dk_event_doc *ev, int n)
{
    if (n + 1 <= ev->idxcap)
        return 1;
    int cap = ev->idxcap ? ev->idxcap : 256;
    while (cap < n + 1)
        cap *= 2;
    int *a = realloc(ev->hit_start, (size_t)cap * sizeof *a);
    if (!a)
        return 0;
    ev->hit_start = a;
    a = realloc(ev->hit_end, (size_t)cap * sizeof *a);
    if (!a)
        return 0;
    ev->hit_end = a;
    a = realloc(ev->item_of, (size_t)cap * sizeof *a);
    if (!a)
        return 0;
    ev->item_of = a;
    ev->idxcap = cap;
    return 1;
}

/* ---- small helpers ---- */

/* Is token i a punctuation mark of set? */
static inline int tok_punct(const dk_sent *s, int i, const char *set)
{
    if (i < 0 || i >= s->ntok || s->tok[i].type != DK_TOK_PUNCT)
        return 0;
    char c = s->text[s->tok[i].start];
    for (; *set; set++)
        if (*set == c)
            return 1;
    return 0;
}

/* A token that joins coordinated participants. */
static int joiner(const dk_sent *s, int i)
{
    return at_tok_is(s, i, "and") || tok_punct(s, i, ",&") ||
           at_tok_is(s, i, "both") || at_tok_is(s, i, "the") ||
           (at_tok_is(s, i, "as") && at_tok_is(s, i + 1, "well")) ||
           (at_tok_is(s, i, "well") && at_tok_is(s, i + 1, "as")) ||
           (at_tok_is(s, i, "as") && at_tok_is(s, i - 1, "well"));
}

/* Is the rest of token t after byte b a possessive "'s" or "’s" (the
 * tokenizer keeps "President’s" whole)? */
static int possessive_rest(const dk_sent *s, const dk_token *t, uint32_t b)
{
    const char *p = s->text + b, *end = s->text + t->end;
    if (end - p == 2 && p[0] == '\'' && (p[1] == 's' || p[1] == 'S'))
        return 1;
    return end - p == 4 && memcmp(p, "\xE2\x80\x99", 3) == 0 &&
           (p[3] == 's' || p[3] == 'S');
}

static const dk_pack_evrule *rule_of(const dk_event_doc *ev, const ev_hit *h)
{
    int n = 0;
    const dk_pack_evrule *r = dk_pack_event_rules(ev->p, &n);
    return &r[h->rule];
}

/* Is there a hit of kind k covering tokens [t0, t1)?  Its index, or -1. */
static int hit_at(const dk_event_doc *ev, int t0, dk_evkind k)
{
    if (t0 < 0 || t0 >= ev->s->ntok)
        return -1;
    int i = ev->hit_start[t0];
    return i >= 0 && ev->hit[i].kind == k ? i : -1;
}

/* Does a candidate of a numeric or date kind lie in tokens [t0, t1)? */
static int has_figure(const dk_event_doc *ev, int t0, int t1)
{
    for (int i = 0; i < ev->c->n; i++) {
        const dk_cand *x = &ev->c->v[i];
        if (x->dropped || x->m.kind == DK_ENTITY || x->m.kind == DK_EVENT ||
            x->m.kind == DK_SENTENCE)
            continue;
        if (x->t0 < t1 && x->t1 > t0)
            return 1;
    }
    return 0;
}

static void add_actor(ev_event *e, const char *id)
{
    if (!id[0])
        return;
    for (int i = 0; i < e->nact; i++)
        if (at_same(e->act[i], id))
            return;
    if (e->nact < DK_MAX_ACTORS)
        strcpy(e->act[e->nact++], id);
}

static void add_item_actors(ev_event *e, const ev_item *it)
{
    for (int k = 0; k < it->nid; k++)
        add_actor(e, it->id[k]);
}

/* ---- who is who: persons named in the document ---- */

static ev_person *person_slot(dk_event_doc *ev, const char *id)
{
    for (int i = 0; i < ev->nperson; i++)
        if (at_same(ev->person[i].id, id))
            return &ev->person[i];
    if (ev->nperson < EV_MAX_PERSONS) {
        ev_person *p = &ev->person[ev->nperson++];
        memset(p, 0, sizeof *p);
        strcpy(p->id, id);
        return p;
    }
    /* full: replace the one named longest ago */
    ev_person *old = &ev->person[0];
    for (int i = 1; i < ev->nperson; i++)
        if (ev->person[i].last < old->last)
            old = &ev->person[i];
    memset(old, 0, sizeof *old);
    strcpy(old->id, id);
    return old;
}

static void note_person(dk_event_doc *ev, const char *id, const char *country)
{
    ev_person *p = person_slot(ev, id);
    at_copy(p->country, sizeof p->country, country);
    p->count++;
    p->last = ++ev->seq;
}

/* The last person named of country c ("" = any), or NULL. */
static const ev_person *last_person(const dk_event_doc *ev, const char *c)
{
    const ev_person *best = NULL;
    for (int i = 0; i < ev->nperson; i++) {
        const ev_person *p = &ev->person[i];
        if (c[0] && !at_same(p->country, c))
            continue;
        if (!best || p->last > best->last)
            best = p;
    }
    return best;
}

/* The person the document names most (ties: the latest), or NULL. */
static const ev_person *main_person(const dk_event_doc *ev)
{
    const ev_person *best = NULL;
    for (int i = 0; i < ev->nperson; i++) {
        const ev_person *p = &ev->person[i];
        if (!best || p->count > best->count ||
            (p->count == best->count && p->last > best->last))
            best = p;
    }
    return best;
}

/* Remember the persons of the sentence (every sentence, in text order). */
static void note_persons(dk_event_doc *ev, const dk_sent *s,
                         const dk_cands *c)
{
    (void)s;
    for (int i = 0; i < c->n; i++) {
        const dk_cand *x = &c->v[i];
        if (x->m.kind != DK_ENTITY || x->dropped ||
            !AT_FIELD_IS(x->m.type, "person"))
            continue;
        int k = x->ent;
        int n = 0;
        const dk_pack_entity *pe = dk_pack_entities(ev->p, &n);
        note_person(ev, x->m.id, k >= 0 ? pe[k].country : "");
    }
}

/* ---- the sentence's participants ---- */

static ev_item *new_item(dk_event_doc *ev, int t0, int t1, int what)
{
    if (ev->nitem == EV_MAX_ITEMS)
        return NULL;
    ev_item *it = &ev->item[ev->nitem++];
    memset(it, 0, offsetof(ev_item, id));   /* ids are set as they are given */
    it->id[0][0] = '\0';
    it->t0 = it->x0 = t0;
    it->t1 = t1;
    it->what = what;
    return it;
}

static void entity_items(dk_event_doc *ev)
{
    int n = 0;
    const dk_pack_entity *pe = dk_pack_entities(ev->p, &n);
    for (int i = 0; i < ev->c->n; i++) {
        const dk_cand *x = &ev->c->v[i];
        if (x->m.kind != DK_ENTITY || x->dropped)
            continue;   /* (nested entities are dropped in resolve_items) */
        const char *ty = x->m.type;
        int what = AT_FIELD_IS(ty, "person") || AT_FIELD_IS(ty, "organization")
                       ? IT_ACTOR
                   : AT_FIELD_IS(ty, "country") ? IT_COUNTRY
                   : AT_FIELD_IS(ty, "place")   ? IT_PLACE
                   : AT_FIELD_IS(ty, "event")   ? IT_NAME : 0;
        if (!what)
            continue;
        ev_item *it = new_item(ev, x->t0, x->t1, what);
        if (!it)
            return;
        it->nid = 1;
        strcpy(it->id[0], x->m.id);
        it->person = AT_FIELD_IS(ty, "person");
        it->org = AT_FIELD_IS(ty, "organization");
        int k = x->ent;
        if (k >= 0)
            strcpy(it->country, pe[k].country);
    }
}

static void hit_items(dk_event_doc *ev)
{
    for (int i = 0; i < ev->nhit; i++) {
        const ev_hit *h = &ev->hit[i];
        if (h->kind != DK_EV_TITLE && h->kind != DK_EV_PRONOUN &&
            h->kind != DK_EV_PAIR)
            continue;
        ev_item *it = new_item(ev, h->t0, h->t1, IT_ACTOR);
        if (!it)
            return;
        it->person = h->kind != DK_EV_PAIR;
        it->nid = 0;          /* resolved in text order below */
        it->adj = h->kind == DK_EV_PAIR &&
                  AT_FIELD_IS(rule_of(ev, h)->arg, "adj");
        it->leaders = h->kind == DK_EV_PAIR &&
                      AT_FIELD_IS(rule_of(ev, h)->arg, "leaders");
        it->plural = (h->kind == DK_EV_PRONOUN || h->kind == DK_EV_TITLE) &&
                     AT_FIELD_IS(rule_of(ev, h)->arg, "plural");
        it->visitor = h->kind == DK_EV_PRONOUN &&
                      AT_FIELD_IS(rule_of(ev, h)->arg, "visitor");
        it->country[0] = (char)h->kind;  /* kind until resolved */
        it->country[1] = '\0';
    }
}

/* Does item x come before y: by start, the longer first? */
static int item_before(const ev_item *x, const ev_item *y)
{
    return x->t0 < y->t0 || (x->t0 == y->t0 && x->t1 > y->t1);
}

/* Put the items in text order: an insertion sort, as they come in two
 * nearly sorted runs (entities, then the pack's words). */
static void sort_items(dk_event_doc *ev)
{
    ev_item *v = ev->item;
    for (int i = 1; i < ev->nitem; i++) {
        if (!item_before(&v[i], &v[i - 1]))
            continue;
        ev_item x = v[i];
        int j = i;
        for (; j > 0 && item_before(&x, &v[j - 1]); j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* A pronoun at token t inside a leading frame ("During his visit to
 * China, President Tokayev ...") stands for the first person named after
 * the frame's comma; returns that person's id, or NULL. */
static const char *lead_frame_person(const dk_event_doc *ev, int t)
{
    const dk_sent *s = ev->s;
    int framed = 0;
    for (int i = 0; i < ev->nhit; i++)
        if (ev->hit[i].kind == DK_EV_FRAME && ev->hit[i].t0 <= 1)
            framed = 1;
    if (!framed)
        return NULL;
    int comma = -1;
    for (int i = 0; i < s->ntok && comma < 0; i++)
        if (tok_punct(s, i, ",;:"))
            comma = i;
    if (comma < 0 || t > comma || !tok_punct(s, comma, ","))
        return NULL;
    for (int i = 0; i < ev->nitem; i++) {
        const ev_item *it = &ev->item[i];
        if (it->t0 > comma && it->t0 <= comma + 4 && it->person && it->nid)
            return it->id[0];
    }
    return NULL;
}

/* Is token t a plain lower-case word that may stand between a
 * possessive or a country and the name it describes ("his counterpart
 * Wang Yi", "the Chinese counterpart Wang Yi")?  Not a joiner or a word
 * of the pack's event rows. */
static int describing_word(const dk_event_doc *ev, int t)
{
    const dk_sent *s = ev->s;
    static const char *const preps[] = {"to", "with", "of", "from", "for",
                                        "in", "on", "at", "by", NULL};
    if (t < 0 || t >= s->ntok || s->tok[t].type != DK_TOK_WORD ||
        (s->tok[t].flags & DK_TF_CAP) || joiner(s, t) ||
        ev->hit_start[t] >= 0 || ev->item_of[t] >= 0)
        return 0;
    for (int i = 0; preps[i]; i++)
        if (at_tok_is(s, t, preps[i]))
            return 0;   /* "conveyed his regards to Li Qiang" */
    return 1;
}

/* "his Chinese counterpart Wang Yi", "her colleague Ana Lee": a
 * possessive before the person item v[i] (up to two describing words
 * between) is its determiner, not a participant of its own; the name
 * takes its place. */
static void absorb_possessive(dk_event_doc *ev, int i)
{
    const dk_sent *s = ev->s;
    ev_item *p = &ev->item[i];
    int t = p->x0, words = 0;
    while (words < 2 && describing_word(ev, t - 1)) {
        t--;
        words++;
    }
    if (!at_tok_is(s, t - 1, "his") && !at_tok_is(s, t - 1, "her"))
        return;
    for (int j = i - 1; j >= 0; j--) {
        ev_item *o = &ev->item[j];
        if (o->t0 == t - 1 && o->t1 == t) {
            o->dropped = 1;
            p->x0 = o->t0;
            return;
        }
        if (o->t1 <= t - 1)
            return;
    }
}

/* Who held the title of item it ("president", "Foreign Minister",
 * "leaders") for country c on the document's date, by the pack's
 * offices; NULL when it does not say or the document has no date. */
/* The document's date as "YYYY-MM-DD" into out; a missing month or day
 * is filled as the middle of the year (late: its last day).  0 when the
 * document has no date. */
static int doc_day(const dk_event_doc *ev, char *out, size_t cap, int late)
{
    const dk_docctx *d = ev->s->doc;
    if (!d || !d->year)
        return 0;
    snprintf(out, cap, "%04d-%02d-%02d", d->year,
             d->month ? d->month : late ? 12 : 7,
             d->day ? d->day : late ? 31 : 1);
    return 1;
}

/* The day the sentence is about, for who held an office then: its first
 * date that starts before the document's date ("In 2005, the Kazakh
 * president visited Beijing": 2005-07-01), else the document's date.
 * 0 when neither is known. */
static int office_date(const dk_event_doc *ev, char *out, size_t cap)
{
    if (!doc_day(ev, out, cap, 0))
        return 0;
    for (int i = 0; i < ev->c->n; i++) {
        const dk_cand *x = &ev->c->v[i];
        const char *v = x->m.date;
        size_t n = strcspn(v, "/");
        if (x->dropped || x->m.kind != DK_DATE || n < 4 || n > 10 ||
            strncmp(v, out, n) > 0)
            continue;
        char day[16] = "0000-07-01";
        memcpy(day, v, n);
        if (n == 7)
            memcpy(day + 7, "-15", 4);
        snprintf(out, cap, "%s", day);
        break;
    }
    return 1;
}

static const char *office_holder(const dk_event_doc *ev, const ev_item *it,
                                 int end, const char *c)
{
    const dk_sent *s = ev->s;
    char date[16];
    if (end <= it->t0 || !office_date(ev, date, sizeof date))
        return NULL;
    const char *t = s->text + s->tok[it->t0].start;
    size_t n = s->tok[end - 1].end - s->tok[it->t0].start;
    if (it->plural && n > 1 && (t[n - 1] == 's' || t[n - 1] == 'S'))
        n--;   /* "the leaders of Kazakhstan and China" */
    return dk_pack_office_holder(ev->p, c, t, n, date);
}

/* Who led country c on the document's date, by the pack's offices (the
 * holder of the title "leader"), or NULL. */
static const char *leader_of(const dk_event_doc *ev, const char *c)
{
    char date[16];
    if (!office_date(ev, date, sizeof date))
        return NULL;
    return dk_pack_office_holder(ev->p, c, "leader", 6, date);
}

/* The last person of country c named in this sentence before item i
 * ("Tokayev met Xi, and the two leaders ..."), or NULL. */
static const char *pair_person_before(const dk_event_doc *ev, int i,
                                      const char *c)
{
    for (int j = i - 1; j >= 0; j--) {
        const ev_item *o = &ev->item[j];
        if (!o->dropped && o->person && o->nid == 1 &&
            strcmp(o->country, c) == 0)
            return o->id[0];
    }
    return NULL;
}

/* "Premier of the State Council Li Keqiang", "President of the People's
 * Republic of China Xi Jinping": the title item v[i] followed by "of" and
 * what it is the title of (capitalised words, "of", "the", entities,
 * other titles; no "and" or comma), up to a person named right after.
 * Sets *of when "of" follows the title at all.  The index of that
 * person's item, or -1. */
static int title_of_name(dk_event_doc *ev, int i, int *of)
{
    const dk_sent *s = ev->s;
    const ev_item *v = ev->item;
    int t = v[i].t1;
    *of = at_tok_is(s, t, "of");
    if (!*of)
        return -1;
    int j = i + 1;
    for (t++; t < s->ntok && t - v[i].t1 <= 14;) {
        if (j < ev->nitem && v[j].t0 == t) {
            if (v[j].person && v[j].nid)
                return t - v[i].t1 > 1 ? j : -1;
            if (v[j].nid == 0 && v[j].country[0] != (char)DK_EV_TITLE)
                return -1;   /* a pronoun or "the two sides" */
            t = v[j++].t1;
            continue;
        }
        if (j < ev->nitem && v[j].t0 < t) {
            j++;   /* an item nested in the one passed */
            continue;
        }
        if (at_tok_is(s, t, "of") || at_tok_is(s, t, "the") ||
            at_tok_is(s, t, "'s") || tok_punct(s, t, "'") ||
            (s->tok[t].type == DK_TOK_WORD && (s->tok[t].flags & DK_TF_CAP)))
            t++;
        else
            return -1;
    }
    return -1;
}

/* Resolve titles and pronouns in text order; absorb a country written
 * just before its own person or organisation. */
static void resolve_items(dk_event_doc *ev)
{
    const dk_sent *s = ev->s;
    ev_item *v = ev->item;
    int n = ev->nitem;
    const char *lastp = NULL;     /* last person so far in the sentence */
    int outer = 0;                /* end of the items kept so far */
    const ev_person *lp = last_person(ev, "");
    if (lp)
        lastp = lp->id;
    for (int i = 0; i < n; i++) {
        ev_item *it = &v[i];
        if (it->dropped)
            continue;
        /* an item inside an earlier one ("China" in "Kazakhstan-China
         * Investment Roundtable", a title inside a name) */
        if (it->t0 < outer) {
            it->dropped = 1;
            continue;
        }
        if (it->nid && it->t1 > outer)   /* an entity */
            outer = it->t1;
        ev_item *next = i + 1 < n ? &v[i + 1] : NULL;
        if (it->nid == 0 && it->country[0] == (char)DK_EV_PAIR) {
            it->nid = 2;
            for (int k = 0; k < 2; k++) {
                const char *c = ev->pair[k] && ev->pair[k][0]
                                    ? ev->pair[k] : dk_pack_pair(ev->p, k);
                const char *who = it->leaders ? pair_person_before(ev, i, c)
                                              : NULL;
                const ev_person *p = it->leaders && !who ? last_person(ev, c)
                                                         : NULL;
                if (it->leaders && !who && !p)   /* none named: the leader */
                    who = leader_of(ev, c);
                at_copy(it->id[k], DK_ID_MAX, who ? who : p ? p->id : c);
            }
            it->country[0] = '\0';
            if (!it->id[0][0] || !it->id[1][0])
                it->dropped = 1;
            continue;
        }
        if (it->nid == 0 && it->country[0] == (char)DK_EV_PRONOUN &&
            it->plural) {   /* "they": the last group of actors */
            it->country[0] = '\0';
            for (int k = 0; k < ev->ngroup; k++)
                memcpy(it->id[it->nid++], ev->group[k], DK_ID_MAX);
            it->person = 0;
            if (!it->nid)
                it->dropped = 1;
            continue;
        }
        if (it->nid == 0 && it->country[0] == (char)DK_EV_PRONOUN &&
            it->visitor) {   /* "his guest": who came on the last visit */
            it->country[0] = '\0';
            if (ev->visitor[0]) {
                it->nid = 1;
                memcpy(it->id[0], ev->visitor, DK_ID_MAX);
            } else {
                it->dropped = 1;
            }
            continue;
        }
        if (it->nid == 0 && it->country[0] == (char)DK_EV_PRONOUN) {
            it->country[0] = '\0';
            const char *ahead = lead_frame_person(ev, it->t0);
            if (ahead) {
                it->nid = 1;
                at_copy(it->id[0], DK_ID_MAX, ahead);
            } else if (lastp) {
                it->nid = 1;
                at_copy(it->id[0], DK_ID_MAX, lastp);
            } else {
                it->dropped = 1;
            }
            continue;
        }
        if (it->nid == 0 && it->country[0] == (char)DK_EV_TITLE) {
            it->country[0] = '\0';
            /* "President Xi Jinping": the name says who */
            if (next && next->t0 == it->t1 && next->person && next->nid) {
                it->dropped = 1;
                if (it->t0 < next->x0)
                    next->x0 = it->t0;
                continue;
            }
            /* "Premier of the State Council Li Keqiang": the name says
             * who; what lies between is part of the title */
            int of = 0, named = title_of_name(ev, i, &of);
            if (named >= 0) {
                it->dropped = 1;
                for (int j = i + 1; j < named; j++)
                    v[j].dropped = 1;
                if (it->t0 < v[named].x0)
                    v[named].x0 = it->t0;
                continue;
            }
            /* "the Kazakh president": the country before it */
            int title_end = it->t1, of_countries = 0;
            ev_item *prev = i > 0 ? &v[i - 1] : NULL;
            const char *c[DK_MAX_ACTORS] = {NULL};
            int nc = 0;
            if (prev && !prev->dropped && prev->what == IT_COUNTRY &&
                (prev->t1 == it->t0 ||
                 (prev->t1 + 1 == it->t0 && at_tok_is(s, prev->t1, "'s")))) {
                c[nc++] = prev->id[0];
                prev->dropped = 1;
                if (prev->t0 < it->x0)
                    it->x0 = prev->t0;   /* "the Kazakh president": one */
            } else if (next && next->what == IT_COUNTRY &&
                       at_tok_is(s, it->t1, "of") && next->t0 == it->t1 + 1) {
                /* "the leaders of Kazakhstan and China", "the leaders of
                 * Kyrgyzstan, Tajikistan and Uzbekistan" */
                int at = it->t1 + 1;
                of_countries = 1;
                for (int j = i + 1; j < n && nc < DK_MAX_ACTORS; j++) {
                    ev_item *o = &v[j];
                    if (o->what != IT_COUNTRY || o->t0 != at)
                        break;
                    c[nc++] = o->id[0];
                    o->dropped = 1;
                    it->t1 = o->t1;   /* the title covers its countries */
                    if (!at_tok_is(s, o->t1, "and") && !tok_punct(s, o->t1, ","))
                        break;
                    at = o->t1 + 1;
                    if (tok_punct(s, o->t1, ",") && at_tok_is(s, at, "and"))
                        at++;
                }
            } else if (it->plural && next && next->what == IT_PLACE &&
                       next->nid && at_tok_is(s, it->t1, "of")) {
                /* "the leaders of the five Central Asian states": the
                 * region stands for them, as a group */
                int at = it->t1 + 1;
                if (at_tok_is(s, at, "the"))
                    at++;
                if (at < next->t0 && (s->tok[at].type == DK_TOK_NUM ||
                                      (s->tok[at].type == DK_TOK_WORD &&
                                       !(s->tok[at].flags & DK_TF_CAP))))
                    at++;   /* a count: "five" */
                if (next->t0 == at) {
                    it->nid = 1;
                    memcpy(it->id[0], next->id[0], DK_ID_MAX);
                    next->dropped = 1;
                    it->t1 = next->t1;
                    continue;
                }
            }
            if (!nc) {
                /* "the chairman of the company": the title of a body the
                 * document's main person need not hold */
                const ev_person *mp = it->plural || of ? NULL
                                                       : main_person(ev);
                if (!mp) {   /* "the foreign ministers": who, unsaid */
                    it->dropped = 1;
                    continue;
                }
                it->nid = 1;
                strcpy(it->id[0], mp->id);
                continue;
            }
            for (int k = 0; k < nc; k++) {
                /* "Chinese leaders" are not the leader; "the leaders of
                 * Kazakhstan and China" are each country's */
                const char *holder = it->plural && !of_countries
                                         ? NULL
                                         : office_holder(ev, it, title_end,
                                                         c[k]);
                const ev_person *p = holder ? NULL : last_person(ev, c[k]);
                at_copy(it->id[it->nid++], DK_ID_MAX,
                        holder ? holder : p ? p->id : c[k]);
            }
            continue;
        }
        /* "Chinese President Xi", "Kazakh Ministry of ...", "Chinese
         * Commerce Minister Wang Wentao" (capitalised words of a title
         * the pack does not know), "his Chinese counterpart Wang Yi" (up
         * to two describing words): one name */
        if (it->what == IT_COUNTRY) {
            int j = i + 1, pos = it->t1, lower = 0;
            for (;;) {
                if (j < n && v[j].nid == 0 && v[j].t0 == pos &&
                    v[j].country[0] == (char)DK_EV_TITLE)
                    pos = v[j++].t1;   /* titles not resolved yet */
                else if (pos < s->ntok && pos - it->t1 < 4 &&
                         (j >= n || v[j].t0 > pos) &&
                         s->tok[pos].type == DK_TOK_WORD &&
                         ((s->tok[pos].flags & DK_TF_CAP) ||
                          (lower < 2 && describing_word(ev, pos) &&
                           ++lower)))
                    pos++;
                else
                    break;
            }
            if (j < n && v[j].nid && v[j].what == IT_ACTOR &&
                strcmp(v[j].country, it->id[0]) == 0 && v[j].t0 == pos) {
                it->dropped = 1;
                if (it->t0 < v[j].x0)
                    v[j].x0 = it->t0;   /* the name now starts here */
                continue;
            }
        }
        if (it->person && it->nid) {
            absorb_possessive(ev, i);
            lastp = it->id[0];
        }
    }
    for (int i = 0; i < n; i++)
        v[i].t0 = v[i].x0;
}

/* ---- triggers ---- */

/* Index of the first token of the clause holding token t. */
static int clause_start(const dk_sent *s, int t)
{
    for (int i = t - 1; i >= 0; i--)
        if (tok_punct(s, i, ",;:(\""))
            return i + 1;
    return 0;
}

/* Is a block word between the clause start and token t (not inside an
 * earlier event)? */
static int blocked(const dk_event_doc *ev, int t)
{
    int from = clause_start(ev->s, t);
    if (t - from > 12)
        from = t - 12;
    for (int i = 0; i < ev->nev; i++)
        if (ev->ev[i].t1 <= t && ev->ev[i].t1 > from)
            from = ev->ev[i].t1;
    for (int i = 0; i < ev->nhit; i++) {
        const ev_hit *h = &ev->hit[i];
        if (h->kind == DK_EV_BLOCK && h->t0 >= from && h->t1 <= t &&
            !rule_of(ev, h)->arg[0])
            return 1;
    }
    return 0;
}

/* Is a block word in tokens [a, b) ("will not attend")? */
static int blocked_between(const dk_event_doc *ev, int a, int b)
{
    for (int t = a; t < b; t++) {
        int k = hit_at(ev, t, DK_EV_BLOCK);
        if (k >= 0 && !rule_of(ev, &ev->hit[k])->arg[0])
            return 1;
    }
    return 0;
}

/* Does a habitual marker follow the event ("meets twice a year")? */
static int blocked_after(const dk_event_doc *ev, const ev_event *e)
{
    for (int i = 0; i < ev->nhit; i++) {
        const ev_hit *h = &ev->hit[i];
        if (h->kind == DK_EV_BLOCK && rule_of(ev, h)->arg[0] &&
            h->t0 >= e->t1 && h->t0 <= e->t1 + 3)
            return 1;
    }
    return 0;
}

/* The item covering token t, or NULL. */
static ev_item *item_at(dk_event_doc *ev, int t)
{
    if (t < 0 || t >= ev->s->ntok || ev->item_of[t] < 0)
        return NULL;
    ev_item *it = &ev->item[ev->item_of[t]];
    return it->dropped ? NULL : it;
}

/* The event whose span covers token t, or NULL. */
static ev_event *event_at(dk_event_doc *ev, int t, const ev_event *self)
{
    for (int i = 0; i < ev->nev; i++)
        if (&ev->ev[i] != self && ev->ev[i].t0 <= t && t < ev->ev[i].t1)
            return &ev->ev[i];
    return NULL;
}

static int can_act(const ev_item *it)
{
    return it && (it->what & (IT_ACTOR | IT_COUNTRY)) && it->nid;
}

/* Is there a hit of kind k ending at token t (exclusive)?  Its index, or
 * -1. */
static int hit_ending(const dk_event_doc *ev, int t, dk_evkind k)
{
    if (t < 0 || t > ev->s->ntok)
        return -1;
    int i = ev->hit_end[t];
    return i >= 0 && ev->hit[i].kind == k ? i : -1;
}

/* Is item it marked as an argument of something else: after "in", "to",
 * "with", a frame word, or right after a verb event ("visited China")? */
static int marked(dk_event_doc *ev, const ev_item *it, const ev_event *self)
{
    const dk_sent *s = ev->s;
    int t = it->t0;
    if (t > 0 && at_tok_is(s, t - 1, "the"))
        t--;
    if (hit_ending(ev, t, DK_EV_FRAME) >= 0)
        return 1;
    int r = hit_ending(ev, t, DK_EV_ROLE);
    if (r >= 0 && !AT_FIELD_IS(rule_of(ev, &ev->hit[r])->arg, "actor") &&
        !AT_FIELD_IS(rule_of(ev, &ev->hit[r])->arg, "agent") &&
        !AT_FIELD_IS(rule_of(ev, &ev->hit[r])->arg, "group"))
        return 1;
    for (int i = 0; i < ev->nev; i++)
        if (&ev->ev[i] != self && ev->ev[i].verb && ev->ev[i].t1 == t)
            return 1;
    return 0;
}

/* Is token k a word that may stand between two joined participants
 * ("Kazakh companies and their Chinese partners")?  1 for "and" or a
 * comma, 2 for another plain word, 0 for anything else. */
static int join_word(dk_event_doc *ev, int k)
{
    const dk_sent *s = ev->s;
    if (at_tok_is(s, k, "and") || tok_punct(s, k, ","))
        return 1;
    if (s->tok[k].type == DK_TOK_PUNCT)
        return 0;
    for (int i = 0; i < ev->nhit; i++) {
        const ev_hit *h = &ev->hit[i];
        if (h->t0 <= k && k < h->t1 && h->kind != DK_EV_PAIR &&
            h->kind != DK_EV_TITLE && h->kind != DK_EV_PRONOUN)
            return 0;   /* a trigger, role, frame or other marked word */
    }
    return 2;
}

/* "Beijing and Astana agreed to ...": a place named as the subject of
 * a verb (not after a preposition, and with at most a few plain words
 * before the verb or the next participant at token end) stands for its
 * country.  Makes it one and returns 1, else 0. */
static int place_as_country(dk_event_doc *ev, ev_item *it, const ev_event *e,
                            int end)
{
    if (!it || it->what != IT_PLACE || !it->country[0] || it->adj ||
        end - it->t1 > 3 || marked(ev, it, e))
        return 0;
    for (int k = it->t1; k < end; k++)
        if (join_word(ev, k) == 0)
            return 0;
    it->what = IT_COUNTRY;
    at_copy(it->id[0], DK_ID_MAX, it->country);
    it->nid = 1;
    return 1;
}

/* Add the group of participants ending with item it (joined by "and",
 * commas and a few plain words) to e's actors, first one first. */
static void subject_group(dk_event_doc *ev, ev_event *e, ev_item *it,
                          int lim)
{
    ev_item *group[8];
    int ng = 0;
    group[ng++] = it;
    int j = it->t0 - 1;
    while (j >= lim && ng < 8) {
        int k = j, joined = 0;
        ev_item *o = NULL;
        for (; k >= lim && j - k < 4; k--) {
            o = item_at(ev, k);
            if (o)
                break;
            int w = join_word(ev, k);
            if (!w)
                break;
            joined |= w == 1;
        }
        if (o && o->what == IT_PLACE && group[ng - 1]->what == IT_COUNTRY)
            place_as_country(ev, o, e, group[ng - 1]->t0);
        if (!o || !joined || !can_act(o) || o->adj)
            break;
        group[ng++] = o;
        j = o->t0 - 1;
    }
    for (int g = ng - 1; g >= 0; g--)
        add_item_actors(e, group[g]);
}

/* Is a reporting verb at token t ("said", "says", "told")? */
static int reporting(const dk_sent *s, int t)
{
    return at_tok_is(s, t, "said") || at_tok_is(s, t, "says") ||
           at_tok_is(s, t, "told");
}

/* "As Kazakhstan chairs the SCO and will host a summit": item it, found
 * before the trigger at t, is the object of another verb of a predicate
 * joined by "and"; the subject is further back in the clause (not across
 * a reporting verb: "Alim said Bors arrived and signed").  That subject,
 * or NULL when it is none. */
static ev_item *subject_behind_object(dk_event_doc *ev, const ev_event *e,
                                      const ev_item *it, int t, int lim)
{
    const dk_sent *s = ev->s;
    int v = it->t0 - 1;
    if (at_tok_is(s, v, "the"))
        v--;
    if (!describing_word(ev, v) || reporting(s, v))
        return NULL;   /* no verb right before it */
    int joined = 0;
    for (int k = it->t1; k < t && !joined; k++)
        joined = at_tok_is(s, k, "and");
    for (int j = v - 1; joined && j >= lim; j--) {
        if (s->tok[j].type == DK_TOK_PUNCT ||
            (ev->hit_start[j] >= 0 && !item_at(ev, j)) || reporting(s, j) ||
            at_tok_is(s, j, "that"))
            return NULL;
        ev_item *o = item_at(ev, j);
        if (can_act(o) && !o->adj && !marked(ev, o, e))
            return o;
    }
    return NULL;
}

/* The subject of a verb event: participants before token t, or the
 * actors of the event it continues. */
static void subject(dk_event_doc *ev, ev_event *e, int t)
{
    const dk_sent *s = ev->s;
    int lim = t - EV_BACK > 0 ? t - EV_BACK : 0;
    for (int i = t - 1; i >= lim; i--) {
        /* "China, which will host ...", "Tokayev, who is in Beijing to
         * attend ...": the word before the relative */
        if (at_tok_is(s, i, "which") || at_tok_is(s, i, "who") ||
            at_tok_is(s, i, "that")) {
            int k = i - 1;
            if (tok_punct(s, k, ","))
                k--;
            ev_item *it = item_at(ev, k);
            if (can_act(it) && !it->adj)
                subject_group(ev, e, it, lim);
            return;   /* else the antecedent is no participant */
        }
        if (tok_punct(s, i, ";:") || hit_at(ev, i, DK_EV_STOP) >= 0)
            return;   /* "since the regime took effect": no subject */
        ev_event *prev = event_at(ev, i, e);
        if (prev) {
            for (int k = 0; k < prev->nact; k++)
                add_actor(e, prev->act[k]);
            e->from = (int)(prev - ev->ev);
            return;
        }
        ev_item *it = item_at(ev, i);
        place_as_country(ev, it, e, t);
        if (!can_act(it) || it->adj || marked(ev, it, e))
            continue;
        ev_item *subj = subject_behind_object(ev, e, it, t, lim);
        subject_group(ev, e, subj ? subj : it, lim);
        return;
    }
}

/* Is a title within the three words before token t ("The leaders agreed
 * to ...")? */
static int title_before(const dk_event_doc *ev, int t)
{
    for (int i = 0; i < ev->nhit; i++)
        if (ev->hit[i].kind == DK_EV_TITLE && ev->hit[i].t1 <= t &&
            t - ev->hit[i].t1 <= 2)
            return 1;
    return 0;
}

/* The subject of the clause holding event noun e (not across a comma). */
static void clause_subject(dk_event_doc *ev, ev_event *e)
{
    const dk_sent *s = ev->s;
    int lim = e->t0 - EV_BACK > 0 ? e->t0 - EV_BACK : 0;
    for (int i = e->t0 - 1; i >= lim; i--) {
        if (s->tok[i].type == DK_TOK_PUNCT || hit_at(ev, i, DK_EV_STOP) >= 0 ||
            event_at(ev, i, e))
            return;
        ev_item *it = item_at(ev, i);
        place_as_country(ev, it, e, e->t0);
        if (!can_act(it) || it->adj || marked(ev, it, e))
            continue;
        subject_group(ev, e, it, lim);
        return;
    }
}

/* Participants after a role word starting at token t: the first one
 * within a few tokens, and those joined to it. */
static int role_items(dk_event_doc *ev, int t, int end, ev_item **out,
                      int max)
{
    const dk_sent *s = ev->s;
    int n = 0;
    for (int i = t; i < end && i < t + 5; i++) {
        if (hit_at(ev, i, DK_EV_STOP) >= 0 ||
            (ev->s->tok[i].type == DK_TOK_PUNCT && !tok_punct(s, i, "'-")))
            break;   /* "in 2014, gives Kazakh grain": not "in" Kazakh */
        ev_item *it = item_at(ev, i);
        if (!it || !it->nid)
            continue;
        out[n++] = it;
        int j = it->t1;   /* joined participants may run past the window */
        while (n < max && j < s->ntok) {
            int k = j;
            while (k < s->ntok && k < j + 3 && joiner(s, k))
                k++;
            if (k == j)
                break;
            ev_item *o = item_at(ev, k);
            if (!o || !o->nid || o->t0 != k)
                break;
            out[n++] = o;
            j = o->t1;
        }
        break;
    }
    return n;
}

/* A place for the event from a role word; a second place joined by "and"
 * means happenings in several places (then none is given). */
static void role_place(dk_event_doc *ev, ev_event *e, ev_item **got, int n)
{
    int places = 0, several = 0;
    for (int g = 0; g < n; g++)
        if (got[g]->what & (IT_PLACE | IT_COUNTRY)) {
            places++;   /* "in Almaty and Zhanaozen"; not "in Xi'an,
                           Shaanxi province" */
            several |= g > 0 && at_tok_is(ev->s, got[g]->t0 - 1, "and");
        }
    if (!places)
        return;
    e->args++;
    if (several ||
        (e->place[0] && strcmp(e->place, got[0]->id[0]) != 0 &&
         at_tok_is(ev->s, got[0]->t0 - 1, "and")))
        e->multi = 1;
    if (!e->place[0] && (got[0]->what & (IT_PLACE | IT_COUNTRY)))
        at_copy(e->place, sizeof e->place, got[0]->id[0]);
}

/* The verb or noun trigger hit starting at token t, or -1. */
static int hit_start_event(const dk_event_doc *ev, int t)
{
    int k = hit_at(ev, t, DK_EV_NOUN);
    return k >= 0 ? k : hit_at(ev, t, DK_EV_VERB);
}

/* Is token t the end of a noun's phrase ("is", "which")? */
static int phrase_end(const dk_event_doc *ev, int t)
{
    return hit_at(ev, t, DK_EV_AUX) >= 0 || hit_at(ev, t, DK_EV_STOP) >= 0;
}

/* Is there a past participle of no event between tokens a and b ("on
 * land provided by")?  Then a "by" after it is that participle's. */
static int participle_between(const dk_event_doc *ev, int a, int b)
{
    const dk_sent *s = ev->s;
    for (int i = a; i < b; i++) {
        const dk_token *t = &s->tok[i];
        if (t->type != DK_TOK_WORD || t->end - t->start < 4 ||
            memcmp(s->text + t->end - 2, "ed", 2) != 0)
            continue;
        int in_hit = 0;
        for (int k = 0; k < ev->nhit && !in_hit; k++)
            in_hit = ev->hit[k].t0 <= i && i < ev->hit[k].t1;
        if (!in_hit)
            return 1;
    }
    return 0;
}

/* Is token t a verb describing the person after it ("visiting")? */
static int attributive_at(const dk_event_doc *ev, int t)
{
    int i = hit_at(ev, t, DK_EV_SKIP);
    return i >= 0 && ev->hit[i].attributive;
}

/* Is hit h a role row with argument arg? */
static int role_is(const dk_event_doc *ev, int h, const char *arg)
{
    return h >= 0 && ev->hit[h].kind == DK_EV_ROLE &&
           strcmp(rule_of(ev, &ev->hit[h])->arg, arg) == 0;
}

/* "received in Ashgabat on Monday a delegation": past a place or date
 * adjunct right after a verb (the place becomes e's) to where its object
 * starts; t when there is none. */
static int past_adjuncts(dk_event_doc *ev, ev_event *e, int t, int end)
{
    const dk_sent *s = ev->s;
    for (int k = t; k < end;) {
        int r = ev->hit_start[k];
        ev_item *it = r >= 0 && role_is(ev, r, "place")
                          ? item_at(ev, ev->hit[r].t1) : NULL;
        if (it && it->t0 == ev->hit[r].t1 &&
            (it->what & (IT_PLACE | IT_COUNTRY)) && it->nid) {
            if (!e->place[0])
                at_copy(e->place, sizeof e->place, it->id[0]);
            k = it->t1;
            continue;
        }
        int d = at_tok_is(s, k, "on") ? k + 1 : k;
        int f = -1;
        for (int i = 0; i < ev->c->n && f < 0; i++) {
            const dk_cand *x = &ev->c->v[i];
            if (!x->dropped && x->m.kind == DK_DATE && x->t0 == d)
                f = x->t1;
        }
        if (f < 0)
            return k;
        k = f;
    }
    return t;
}

/* "received a delegation of CNPC led by its chairman Dai Houliang": the
 * participants after the pack's group words starting at token k (one
 * after another), the persons among them when there are any.  Adds them
 * to e; how many were added. */
static int group_guest(dk_event_doc *ev, ev_event *e, int k, int end)
{
    const dk_sent *s = ev->s;
    ev_item *all[16];
    int n = 0;
    while (k < end && role_is(ev, ev->hit_start[k], "group") && n < 8) {
        int got = role_items(ev, ev->hit[ev->hit_start[k]].t1, end, all + n,
                             8);
        if (got == 0)
            break;
        n += got;
        k = all[n - 1]->t1;
        if (tok_punct(s, k, "(")) {   /* "(CNPC)" */
            while (k < end && !tok_punct(s, k, ")"))
                k++;
            k++;
        }
    }
    int persons = 0, added = 0;
    for (int g = 0; g < n; g++)
        persons |= all[g]->person;
    for (int g = 0; g < n; g++)
        if (can_act(all[g]) && (!persons || all[g]->person)) {
            add_item_actors(e, all[g]);
            added++;
        }
    return added;
}

/* Arguments after the span: role words, a verb's object, a noun's "of". */
static void after_args(dk_event_doc *ev, ev_event *e, const char *obj,
                       int end)
{
    const dk_sent *s = ev->s;
    ev_item *got[8];
    int t = e->t1;
    int visit = e->act_type == ev->visit_type;
    int of_actor = e->act_type != ev->agreement_type &&
                   e->act_type != ev->launch_type;
    /* the object right after a verb */
    if (e->verb && obj[0]) {
        int n = 0;
        int k = t;
        while (k < end && k < t + 2 && (at_tok_is(s, k, "the") ||
                                        at_tok_is(s, k, "a") ||
                                        attributive_at(ev, k)))
            k++;
        if (strcmp(obj, "guest") == 0) {
            k = past_adjuncts(ev, e, k, end);
            while (k < end && (at_tok_is(s, k, "the") || at_tok_is(s, k, "a")))
                k++;
            if (group_guest(ev, e, k, end) > 0) {
                e->guest = 1;
                e->args++;
            }
        }
        ev_item *it = item_at(ev, k);
        if (it && it->t0 == k && it->nid && !e->guest) {
            if (strcmp(obj, "place") == 0) {
                if (it->what & (IT_PLACE | IT_COUNTRY)) {
                    at_copy(e->place, sizeof e->place, it->id[0]);
                    e->args++;
                }
            } else if (strcmp(obj, "guest") == 0 && it->person &&
                       hit_at(ev, k, DK_EV_PRONOUN) < 0) {
                /* a person named or titled ("received Wang Yi"), not a
                 * pronoun's ("welcomed his guest at the airport") */
                add_item_actors(e, it);
                e->guest = 1;
                e->args++;
            } else if (strcmp(obj, "partner") == 0 &&
                       (n = role_items(ev, k, end, got, 8)) > 0) {
                for (int g = 0; g < n; g++)
                    if (can_act(got[g]))
                        add_item_actors(e, got[g]);
                e->args++;
            }
        }
    }
    int first = 1;
    for (int i = t; i < end; i++) {
        if (event_at(ev, i, e) ||
            (!e->verb && (phrase_end(ev, i) || hit_at(ev, i, DK_EV_SKIP) >= 0)))
            break;   /* (a skip phrase is another predicate: "the meeting
                        opened a new chapter in relations between ...") */
        int h = ev->hit_start[i];
        if (h < 0 || (ev->hit[h].kind != DK_EV_ROLE &&
                      ev->hit[h].kind != DK_EV_FRAME))
            continue;
        const ev_hit *hh = &ev->hit[h];
        const char *role = hh->kind == DK_EV_FRAME ? "place"
                                                   : rule_of(ev, hh)->arg;
        if (at_same(role, "actor") && !e->verb && i == t && first &&
            !of_actor) {
            e->args++;   /* "the launch of a route": attached, no actor */
            first = 0;
            continue;
        }
        if (at_same(role, "actor") && (!first || e->verb || i != t))
            continue;   /* "of" only right after a noun */
        if (at_same(role, "agent") && e->verb && !e->passive &&
            participle_between(ev, e->t1, i))
            continue;   /* "opened ... on land provided by": not its agent */
        first = 0;
        int n = role_items(ev, hh->t1, end, got, 8);
        if (n == 0)
            continue;
        if (at_same(role, "place") || (visit && at_same(role, "dest"))) {
            role_place(ev, e, got, n);
            /* "held talks at the Akorda": after a frame word, a body that
             * is no event's modifier ("at the SCO summit") is the venue */
            if (hh->kind == DK_EV_FRAME && !e->place[0] && got[0]->org &&
                hit_start_event(ev, got[0]->t1) < 0) {
                at_copy(e->place, sizeof e->place, got[0]->id[0]);
                e->args++;
            }
        } else if (at_same(role, "partner") || at_same(role, "agent") ||
                   at_same(role, "target") || at_same(role, "actor")) {
            for (int g = 0; g < n; g++)
                if (can_act(got[g])) {
                    add_item_actors(e, got[g]);
                    e->args++;
                }
        }
        i = got[n - 1]->t1 - 1;
    }
}

/* The first token of the date, number or other figure candidate ending at
 * token t (exclusive), or -1. */
static int figure_ending(const dk_event_doc *ev, int t)
{
    for (int i = 0; i < ev->c->n; i++) {
        const dk_cand *x = &ev->c->v[i];
        if (!x->dropped && x->t1 == t && x->m.kind != DK_ENTITY &&
            x->m.kind != DK_EVENT && x->m.kind != DK_SENTENCE)
            return x->t0;
    }
    return -1;
}

/* The participant right before a noun: "his meeting", "Tokayev's visit",
 * "the CICA summit" (a modifier like "CICA" is an actor but not enough of
 * an argument to make the noun an event). */
static void before_noun(dk_event_doc *ev, ev_event *e)
{
    const dk_sent *s = ev->s;
    int i = e->t0 - 1;
    for (int steps = 0; i >= 0 && steps < 4; steps++, i--) {
        int f = figure_ending(ev, i + 1);
        if (f >= 0) {       /* "Tokayev's Sept. 11-12 state visit" */
            i = f;
            continue;
        }
        if (tok_punct(s, i, "'") || at_tok_is(s, i, "'s"))
            continue;
        ev_item *it = item_at(ev, i);
        if (!it)
            return;         /* only a participant right before the noun */
        if (it->what == IT_PLACE) {     /* "the Astana summit" */
            at_copy(e->place, sizeof e->place, it->id[0]);
            e->args++;
        } else if (can_act(it) && !it->adj) {
            add_item_actors(e, it);
            const dk_token *last = &s->tok[it->t1 - 1];
            const char *end = s->text + last->end;
            int poss = it->person || at_tok_is(s, it->t1, "'s") ||
                       tok_punct(s, it->t1, "'") ||
                       (last->end - last->start > 2 &&
                        (memcmp(end - 2, "'s", 2) == 0 ||
                         memcmp(end - 2, "\x99s", 2) == 0));
            if (poss) {
                e->args++;
                e->poss = 1;
            }
        }
        return;
    }
}

/* Join two ISO dates or intervals into the interval that covers both. */
static void cover(char *out, size_t cap, const char *a, const char *b)
{
    const char *be = strchr(b, '/');
    int an = (int)strcspn(a, "/");
    be = be ? be + 1 : b;
    int bn = (int)strlen(be);
    if (an > 23 || bn > 23 || cap < (size_t)(an + bn + 2))
        return;    /* cannot happen with ISO dates; keep the first */
    memcpy(out, a, (size_t)an);
    out[an] = '/';
    memcpy(out + an + 1, be, (size_t)bn + 1);
}

/* Is there an intent cue between the end of event e (not an intent) and
 * token t? */
static int intent_between(const dk_event_doc *ev, const ev_event *e, int t)
{
    if (e->type == ev->intent_type)
        return 0;
    for (int k = 0; k < ev->nhit; k++)
        if (ev->hit[k].kind == DK_EV_INTENT && ev->hit[k].t0 >= e->t1 &&
            ev->hit[k].t0 < t)
            return 1;
    return 0;
}

/* Does date d (ISO, or an interval) start after today (the document's
 * date, doc_day late; "" when unknown): a deadline or a plan ("by 2027"),
 * never when a happening took place? */
static int after_doc(const char *today, const char *d)
{
    if (!today[0])
        return 0;
    size_t n = strcspn(d, "/");
    if (n > 10)
        n = 10;
    return strncmp(d, today, n) > 0;
}

/* Is date candidate x a month or day written without a year ("On
 * December 5", "in March")?  Its year is the document's by rule (a
 * month or day without year takes the document's year), so it dates a
 * happening even when it falls after the document's date. */
static int yearless(const dk_event_doc *ev, const dk_cand *x)
{
    const dk_sent *s = ev->s;
    if (strlen(x->m.date) < 7 || strchr(x->m.date, '/'))
        return 0;
    for (int t = x->t0; t < x->t1; t++) {
        const dk_token *k = &s->tok[t];
        if (k->type == DK_TOK_PUNCT)
            continue;
        if (k->type == DK_TOK_WORD ? !(k->flags & DK_TF_CAP)
                                   : k->end - k->start > 2)
            return 0;   /* "next December", "December 2027" */
    }
    return 1;
}

/* The date of the event: the nearest date after the span (before the next
 * event), else the nearest before it; dates joined by "and" after it give
 * the interval that covers them ("in 1996 and ... in 1997"). */
static void pick_date(dk_event_doc *ev, ev_event *e, int next_t0)
{
    const dk_cand *best = NULL;
    int bestd = 1 << 30;
    /* a happening in an intended act ("agreed to meet at the summit in
     * July 2024") may lie after the document's date */
    char today[16] = "";
    doc_day(ev, today, sizeof today, 1);
    int intent_cue = 0;
    for (int i = 0; i < ev->nhit && !intent_cue; i++) {
        const ev_hit *h = &ev->hit[i];
        if (h->kind != DK_EV_INTENT || h->t1 > e->t0)
            continue;
        intent_cue = 1;
        for (int k = h->t1; k < e->t0; k++)
            if (tok_punct(ev->s, k, ",;:"))
                intent_cue = 0;   /* ", during talks in Beijing" */
    }
    for (int i = 0; i < ev->c->n; i++) {
        const dk_cand *x = &ev->c->v[i];
        if (x->dropped || x->m.kind != DK_DATE || !x->m.date[0] ||
            at_tok_is(ev->s, x->t0 - 1, "since"))
            continue;
        if (e->type != ev->intent_type && !intent_cue &&
            after_doc(today, x->m.date) && !yearless(ev, x))
            continue;   /* "agreed to lift trade to $20 billion by 2027,
                           during talks in Beijing": not the talks' date */
        int d;
        if (x->t0 >= e->t1 && intent_between(ev, e, x->t0))
            continue;   /* "signed 27 documents and agreed to lift trade
                           to $20 billion by 2027": the intent's date */
        if (x->t0 >= e->t1 && x->t0 < next_t0)
            d = x->t0 - e->t1;
        else if (x->t0 >= e->t1 && x->t0 < e->te && e->te > e->t1)
            d = x->t0 - e->t1;   /* between an intent cue and its act */
        else if (x->t1 <= e->t0)
            d = 1000 + (e->t0 - x->t1);
        else
            continue;
        if (d < bestd) {
            bestd = d;
            best = x;
        }
    }
    if (!best)
        return;
    if (e->type == ev->intent_type && e->te > e->t1) {
        /* "agreed last Friday to extend 5G by the end of 2025": the
         * intended act's date first */
        const dk_cand *act = NULL;
        for (int i = 0; i < ev->c->n; i++) {
            const dk_cand *x = &ev->c->v[i];
            if (!x->dropped && x->m.kind == DK_DATE && x->m.date[0] &&
                x->t0 >= e->te - 1 && x->t0 < next_t0 &&
                (!act || x->t0 < act->t0))
                act = x;
        }
        if (act)
            best = act;
    }
    /* "two weeks ago, on November 10": the day, not the week */
    if (bestd < 1000 && strchr(best->m.date, '/')) {
        for (int i = 0; i < ev->c->n; i++) {
            const dk_cand *x = &ev->c->v[i];
            if (!x->dropped && x->m.kind == DK_DATE && x->m.date[0] &&
                x->t0 > best->t1 && x->t0 <= best->t1 + 3 &&
                tok_punct(ev->s, best->t1, ",") && !strchr(x->m.date, '/')) {
                best = x;
                break;
            }
        }
    }
    at_copy(e->date, sizeof e->date, best->m.date);
    if (bestd < 1000) {
        for (int i = 0; i < ev->c->n; i++) {
            const dk_cand *x = &ev->c->v[i];
            if (x->dropped || x->m.kind != DK_DATE || !x->m.date[0] ||
                x->t0 < best->t1 || x->t0 > best->t1 + 5 || x->t0 >= next_t0)
                continue;
            int joined = 0;
            for (int k = best->t1; k < x->t0; k++)
                joined |= at_tok_is(ev->s, k, "and");
            if (joined && strcmp(x->m.date, best->m.date) > 0)
                cover(e->date, sizeof e->date, best->m.date, x->m.date);
            break;
        }
    } else {
        /* "in Shanghai in 1996 and Moscow in 1997, the two sides agreed":
         * dates joined by "and" before it cover it too */
        for (int i = ev->c->n - 1; i >= 0; i--) {
            const dk_cand *x = &ev->c->v[i];
            if (x->dropped || x->m.kind != DK_DATE || !x->m.date[0] ||
                x->t1 > best->t0 || x->t1 + 5 < best->t0)
                continue;
            int joined = 0, trigger = 0;
            for (int k = x->t0 - 3; k < best->t0; k++) {
                if (k >= x->t1)
                    joined |= at_tok_is(ev->s, k, "and");
                trigger |= hit_at(ev, k, DK_EV_VERB) >= 0 ||
                           hit_at(ev, k, DK_EV_NOUN) >= 0;
            }
            /* (not "arrived on May 2 and on May 3 met Xi": a trigger just
             * before the first date, or between them) */
            if (joined && !trigger && strcmp(x->m.date, best->m.date) < 0)
                cover(e->date, sizeof e->date, x->m.date, best->m.date);
            break;
        }
    }
    /* a date attached to a noun counts as its argument */
    if (bestd <= 6 || bestd == 1000 || bestd == 1001)
        e->args++;
}

/* Count and worth of agreements: "ten agreements worth $22 billion". */
static void count_value(dk_event_doc *ev, ev_event *e)
{
    int lo = e->t0 - 12, hi = e->t1 + 16;
    int bestd = 1 << 30;
    for (int i = 0; i < ev->nhit; i++) {
        const ev_hit *h = &ev->hit[i];
        if (h->kind != DK_EV_DOCUMENT || h->t0 < lo || h->t0 > hi)
            continue;
        for (int k = 0; k < ev->c->n; k++) {
            const dk_cand *x = &ev->c->v[k];
            if (x->dropped || x->m.kind != DK_NUMBER || !x->m.has_value ||
                x->t1 > h->t0 || h->t0 - x->t1 > 2)
                continue;
            int d = h->t0 > e->t0 ? h->t0 - e->t0 : e->t0 - h->t0;
            if (d < bestd) {
                bestd = d;
                e->has_count = 1;
                e->count = x->m.value;
                e->count_q = x->m.qualifier;
            }
        }
    }
    for (int i = 0; i < ev->nhit; i++) {
        const ev_hit *h = &ev->hit[i];
        if (h->kind != DK_EV_WORTH || h->t0 < lo || h->t0 > hi)
            continue;
        for (int k = 0; k < ev->c->n; k++) {
            const dk_cand *x = &ev->c->v[k];
            if (x->dropped || x->m.kind != DK_MONEY || !x->m.has_value ||
                x->t0 < h->t1 || x->t0 > h->t1 + 3)
                continue;
            e->has_value = 1;
            e->value = x->m.value;
            e->value_q = x->m.qualifier;
            e->value_low = x->m.low;
            e->value_high = x->m.high;
            at_copy(e->unit, sizeof e->unit, x->m.unit);
            break;
        }
        if (e->has_value)
            break;
    }
    if (e->has_count || e->has_value)
        e->args++;
}

/* Is hit h a launch verb and the noun type a summit ("opened the forum",
 * "the forum opened")? */
static int launches_summit(const dk_event_doc *ev, const ev_hit *h,
                           int noun_type)
{
    return h->kind == DK_EV_VERB && rule_of(ev, h)->type == ev->launch_type &&
           noun_type == ev->summit_type;
}

/* Can hit sp stand as the support verb of a noun of type noun_type?
 * Support rows can; so can a launch verb before a summit ("opened the
 * first China-Central Asia Summit"). */
static int supports(const dk_event_doc *ev, const ev_hit *sp, int noun_type)
{
    if (sp->kind == DK_EV_SUPPORT)
        return !rule_of(ev, sp)->arg[0];
    return launches_summit(ev, sp, noun_type);
}

/* The noun trigger (or named event) a verb hit supports, starting within
 * three words after it; its first token, or -1. */
static int supported_noun(dk_event_doc *ev, const ev_hit *sp)
{
    /* only a plain support verb or a "launch" verb supports anything
     * (supports): the other hits need no walk over the hits */
    if (sp->kind == DK_EV_SUPPORT ? rule_of(ev, sp)->arg[0] != '\0'
        : sp->kind != DK_EV_VERB ||
          rule_of(ev, sp)->type != ev->launch_type)
        return -1;
    for (int k = 0; k < ev->nhit; k++) {
        const ev_hit *h = &ev->hit[k];
        if (h->kind != DK_EV_NOUN || h->t0 < sp->t1)
            continue;
        int t0 = h->t0;
        ev_item *in = item_at(ev, t0);
        if (in && in->what == IT_NAME)
            t0 = in->t0;
        if (t0 < sp->t1 || t0 - sp->t1 > 3 ||
            !supports(ev, sp, rule_of(ev, h)->type))
            continue;
        for (int j = sp->t1; j < t0; j++)
            if (ev->s->tok[j].type == DK_TOK_PUNCT)
                return -1;
        return t0;
    }
    return -1;
}

/* Is the verb of tokens starting at t passive: a form of "be" before it
 * ("were signed"), or right after a comma ("the port, launched in 2015,")
 * and not an -ing form? */
static int passive_at(dk_event_doc *ev, int t)
{
    const dk_sent *s = ev->s;
    const dk_token *v = &s->tok[t];
    size_t n = v->end - v->start;
    if (n > 3 && memcmp(s->text + v->end - 3, "ing", 3) == 0)
        return 0;
    int a = hit_ending(ev, t, DK_EV_AUX);
    if (a >= 0 && rule_of(ev, &ev->hit[a])->arg[0])
        return 1;
    if (!tok_punct(s, t - 1, ","))
        return 0;
    /* "the port, launched in 2015, ..." is passive; "The ambassador,
     * Zhang Xiao, met Roman Sklyar" is not: a participant right after
     * the verb is its object */
    int h = ev->hit_start[t];
    return !(h >= 0 && item_at(ev, ev->hit[h].t1));
}

/* Is the passive verb at token t a perfect ("have been put into
 * operation", "has already been launched", "had been signed"): a
 * completed happening, reported as such without other arguments? */
static int perfect_passive(dk_event_doc *ev, int t)
{
    const dk_sent *s = ev->s;
    if (!at_tok_is(s, t - 1, "been"))
        return 0;
    for (int k = t - 2; k >= 0 && k >= t - 4; k--) {
        int a = hit_at(ev, k, DK_EV_AUX);
        if ((a >= 0 && !rule_of(ev, &ev->hit[a])->arg[0]) ||
            at_tok_is(s, k, "had"))
            return 1;
        if (s->tok[k].type != DK_TOK_WORD || ev->hit_start[k] >= 0 ||
            ev->item_of[k] >= 0)
            return 0;   /* (an adverb may come between: "already") */
    }
    return 0;
}

/* Is a noun at t a restatement or a count rather than a happening: after
 * an ordinal ("his third visit", "the 24th meeting"), a number ("17,523
 * trips") or a form of "be" ("was the ... meeting")? */
static int not_a_happening(dk_event_doc *ev, int t, int held)
{
    const dk_sent *s = ev->s;
    const ev_item *in = item_at(ev, t);
    int named = in && in->what == IT_NAME;   /* "the two Five Nations
                                                Conferences": one mention */
    int i = t - 1;
    for (int steps = 0; i >= 0 && steps < 3; steps++) {
        int f = figure_ending(ev, i + 1);
        if (f >= 0) {
            for (int k = 0; k < ev->c->n; k++) {
                const dk_cand *x = &ev->c->v[k];
                if (x->dropped || x->t1 != i + 1)
                    continue;
                if (x->m.kind == DK_NUMBER && !named)
                    return 1;
                /* "his third visit", "China's second trip": a series
                 * position restating another event (not "the first
                 * summit of the format was held ...") */
                if (x->m.kind == DK_ORDINAL && !held &&
                    (hit_at(ev, x->t0 - 1, DK_EV_PRONOUN) >= 0 ||
                     at_tok_is(s, x->t0 - 1, "'s") ||
                     tok_punct(s, x->t0 - 1, "'") || at_tok_is(s, x->t0 - 1, "its") ||
                     at_tok_is(s, x->t0 - 1, "their")))
                    return 1;
            }
            i = f - 1;
            continue;
        }
        if (at_tok_is(s, i, "the") || at_tok_is(s, i, "a") || at_tok_is(s, i, "an")) {
            i--;
            continue;
        }
        int a = hit_ending(ev, i + 1, DK_EV_AUX);
        return a >= 0 && rule_of(ev, &ev->hit[a])->arg[0];
    }
    return 0;
}

/* Where a verb after a noun phrase ending at token t starts, past an
 * optional ", which" or ", that" ("the forum, which opened"). */
static int after_relative(const dk_event_doc *ev, int t)
{
    if (tok_punct(ev->s, t, ","))
        t++;
    if (at_tok_is(ev->s, t, "which") || at_tok_is(ev->s, t, "that"))
        t++;
    return t;
}

/* Does a summit noun, or a named event with one in it, end right before
 * the launch verb h ("the Great Lakes Forum opened", "the summit, which
 * opens on Tuesday")?  Such a verb is read with its noun. */
static int summit_before(dk_event_doc *ev, const ev_hit *h)
{
    for (int t = h->t0; t >= h->t0 - 3 && t > 0; t--) {
        if (after_relative(ev, t) != h->t0)
            continue;
        ev_item *in = item_at(ev, t - 1);
        int from = in && in->what == IT_NAME ? in->t0 : t - 1;
        for (int k = from; k < t; k++) {
            int n = hit_at(ev, k, DK_EV_NOUN);
            if (n >= 0 && (ev->hit[n].t1 == t || (in && in->t1 == t)) &&
                launches_summit(ev, h, rule_of(ev, &ev->hit[n])->type))
                return 1;
        }
    }
    return 0;
}

/* Read hit i (a verb or noun trigger) as an event; 0 when it is none. */
static int read_trigger(dk_event_doc *ev, int i, ev_event *e)
{
    const ev_hit *h = &ev->hit[i];
    const dk_pack_evrule *r = rule_of(ev, h);
    memset(e, 0, sizeof *e);
    e->from = -1;
    e->sup_end = -1;
    e->trig = i;
    e->type = e->act_type = r->type;
    e->t0 = h->t0;
    e->t1 = e->te = h->t1;
    e->verb = h->kind == DK_EV_VERB;
    /* a trigger inside a name: a named event stands for itself ("Boao
     * Forum for Asia"), other names are no trigger ("Conference on
     * Interaction ...") */
    ev_item *in = item_at(ev, h->t0);
    if (in) {
        if (in->what != IT_NAME)
            return 0;
        e->t0 = in->t0;
        e->t1 = e->te = in->t1;
    }
    if (e->verb) {
        if (supported_noun(ev, h) >= 0 || summit_before(ev, h))
            return 0;   /* read with its noun */
        e->passive = passive_at(ev, e->t0);
        if (e->passive && perfect_passive(ev, e->t0))
            e->args++;   /* "12 of them have already been put into
                            operation" */
        return 1;
    }
    /* a support verb before the noun: "held talks", "hosted many CICA
     * conferences" */
    for (int k = 0; k < ev->nhit; k++) {
        const ev_hit *sp = &ev->hit[k];
        if (sp->t1 > e->t0 || supported_noun(ev, sp) != e->t0)
            continue;
        e->verb = 1;
        e->sup_end = sp->t1;
        e->noun0 = e->t0;
        if (has_figure(ev, sp->t0, e->t1))
            e->t1 = sp->t1;
        e->t0 = sp->t0;
        e->passive = passive_at(ev, e->t0);
        return 1;
    }
    /* "its 11th meeting was held in Astana": reported as held, no
     * restatement of another */
    int held = 0;
    for (int k = 0; k < ev->nhit && !held; k++)
        held = ev->hit[k].kind == DK_EV_SUPPORT && ev->hit[k].t0 == e->t1 &&
               AT_FIELD_IS(rule_of(ev, &ev->hit[k])->arg, "after");
    if (not_a_happening(ev, e->t0, held))
        return 0;
    /* "a forum will be held", "talks on a pipeline will take place": a
     * schedule with no committing actor */
    for (int t = e->t1; t < ev->s->ntok && t < e->t1 + 7; t++) {
        int k = hit_at(ev, t, DK_EV_INTENT);
        if (k >= 0 && AT_FIELD_IS(rule_of(ev, &ev->hit[k])->arg, "aux"))
            return 0;
        if (ev->s->tok[t].type == DK_TOK_PUNCT || phrase_end(ev, t) ||
            hit_at(ev, t, DK_EV_VERB) >= 0 || hit_at(ev, t, DK_EV_NOUN) >= 0)
            break;
    }
    /* or one after it: "talks were held", "a roundtable held the same
     * day", "the forum, which opened on Monday" */
    for (int k = 0; k < ev->nhit; k++) {
        const ev_hit *sp = &ev->hit[k];
        if ((sp->kind == DK_EV_SUPPORT && sp->t0 == e->t1 &&
             (AT_FIELD_IS(rule_of(ev, sp)->arg, "after") ||
              supported_noun(ev, sp) < 0)) ||
            (sp->t0 == after_relative(ev, e->t1) &&
             launches_summit(ev, sp, e->type))) {
            e->t1 = e->te = sp->t1;
            break;
        }
    }
    return 1;
}

/* Where the act of intent cue h starts: right after a cue ending in "to"
 * or "on" ("agreed to hold", "agree on more flights"), else after a "to"
 * within five words ("agreed on Monday to raise").  -1 when none. */
static int intent_act(dk_event_doc *ev, const ev_hit *h)
{
    const dk_sent *s = ev->s;
    if (at_tok_is(s, h->t1 - 1, "to") || AT_FIELD_IS(rule_of(ev, h)->arg, "aux"))
        return h->t1;
    for (int k = h->t1; k < s->ntok && k < h->t1 + 6; k++) {
        if (at_tok_is(s, k, "to"))
            return k + 1;
        if (s->tok[k].type == DK_TOK_PUNCT)
            break;
    }
    return at_tok_is(s, h->t1 - 1, "on") ? h->t1 : -1;
}

/* Is intent cue h used as a noun ("against plans to move", "its plans
 * to")?  A preposition or determiner right before it says so. */
static int cue_is_noun(dk_event_doc *ev, const ev_hit *h)
{
    const dk_sent *s = ev->s;
    int b = h->t0 - 1;
    return hit_ending(ev, h->t0, DK_EV_ROLE) >= 0 ||
           hit_ending(ev, h->t0, DK_EV_FRAME) >= 0 || at_tok_is(s, b, "the") ||
           at_tok_is(s, b, "a") || at_tok_is(s, b, "its") || at_tok_is(s, b, "their") ||
           at_tok_is(s, b, "his") || at_tok_is(s, b, "her") || at_tok_is(s, b, "our");
}

/* Does a trigger start at token v or within three words after it, with
 * no punctuation between ("agreed to hold the next meeting")?  Then the
 * intent is read with that trigger. */
static int act_noun_near(dk_event_doc *ev, int v)
{
    for (int t = v; t < ev->s->ntok && t <= v + 3; t++) {
        if (hit_at(ev, t, DK_EV_VERB) >= 0 || hit_at(ev, t, DK_EV_NOUN) >= 0)
            return 1;
        if (ev->s->tok[t].type == DK_TOK_PUNCT)
            return 0;
    }
    return 0;
}

/* An intent cue whose act starts at the event: it becomes an intent. */
static int intent_before(dk_event_doc *ev, const ev_event *e)
{
    for (int k = 0; k < ev->nhit; k++) {
        const ev_hit *h = &ev->hit[k];
        if (h->kind != DK_EV_INTENT || h->t1 > e->t0 || e->t0 - h->t1 > 7 ||
            cue_is_noun(ev, h))
            continue;
        int a = intent_act(ev, h);
        if (a >= 0 && a <= e->t0 && e->t0 - a <= 1)
            return k;
    }
    return -1;
}

/* The nearest person (or title, pronoun) before token t, or NULL. */
static const ev_item *person_before(const dk_event_doc *ev, int t)
{
    const ev_item *best = NULL;
    for (int i = 0; i < ev->nitem; i++) {
        const ev_item *it = &ev->item[i];
        if (!it->dropped && it->person && it->nid && it->t1 <= t)
            best = it;
    }
    return best;
}

/* "In the presence of the two presidents, 10 documents were signed": an
 * agent phrase opening the clause before event e (no other trigger
 * between them) names participants of e too. */
static void leading_agent(dk_event_doc *ev, ev_event *e)
{
    const dk_sent *s = ev->s;
    ev_item *got[8];
    for (int k = e->t0 - 1; k >= 0; k--) {
        if (tok_punct(s, k, ";:") || hit_at(ev, k, DK_EV_VERB) >= 0 ||
            hit_at(ev, k, DK_EV_NOUN) >= 0 || event_at(ev, k, e))
            return;
        int h = hit_at(ev, k, DK_EV_ROLE);
        if (h < 0 || !AT_FIELD_IS(rule_of(ev, &ev->hit[h])->arg, "agent"))
            continue;
        if (k > 0 && !tok_punct(s, k - 1, ","))
            return;   /* "supported by China, X opened": not the clause's */
        int n = role_items(ev, ev->hit[h].t1, e->t0, got, 8);
        for (int g = 0; g < n; g++)
            if (can_act(got[g]) && !got[g]->adj) {
                add_item_actors(e, got[g]);
                e->args++;
            }
        return;
    }
}

static void finish_event(dk_event_doc *ev, ev_event *e, const char *obj,
                         int next_t0)
{
    int last = e->te > e->t1 ? e->te : e->t1;
    int end = next_t0 < last + EV_AFTER ? next_t0 : last + EV_AFTER;
    if (end > ev->s->ntok)
        end = ev->s->ntok;
    for (int i = e->t1; i < end; i++)
        if (tok_punct(ev->s, i, ";:") ||
            (tok_punct(ev->s, i, ",") && (at_tok_is(ev->s, i + 1, "and") ||
                                          hit_at(ev, i + 1, DK_EV_STOP) >= 0)))
            end = i;   /* another clause: ", and tour operators in ..." */
    if (e->verb && !e->passive) {
        subject(ev, e, e->t0);
        e->nsubj = e->nact;
    } else if (!e->verb)
        before_noun(ev, e);
    if (e->sup_end >= 0)   /* "hosted many CICA conferences" */
        for (int i = 0; i < ev->nitem; i++) {
            const ev_item *it = &ev->item[i];
            if (!it->dropped && it->t0 >= e->sup_end &&
                it->t1 <= e->noun0 && can_act(it) && !it->adj)
                add_item_actors(e, it);
        }
    leading_agent(ev, e);
    after_args(ev, e, obj, end);
    pick_date(ev, e, next_t0);
    if (e->type == ev->agreement_type)
        count_value(ev, e);
    if (e->from >= 0) {     /* "visited China to attend ...": its place */
        const ev_event *f = &ev->ev[e->from];
        if (!e->place[0])
            memcpy(e->place, f->place, sizeof e->place);
        if (!e->date[0])
            memcpy(e->date, f->date, sizeof e->date);
    }
    /* a signing nobody is named for: those in whose presence it is
     * ("the two leaders witnessed the signing of 30 documents") */
    if (e->type == ev->agreement_type && !e->verb && !e->nact)
        clause_subject(ev, e);
    /* a visit without a named visitor: the person the sentence names
     * before it ("The President's stay ... was part of a state visit") */
    if (e->type == ev->visit_type && !e->nact) {
        const ev_item *p = person_before(ev, e->t0);
        if (p)
            add_item_actors(e, p);
    }
}

/* Is the event's noun preceded by a frame word ("during his visit")? */
static int framed(const dk_event_doc *ev, const ev_event *e)
{
    for (int k = 0; k < ev->nhit; k++) {
        const ev_hit *h = &ev->hit[k];
        if (h->kind == DK_EV_FRAME && h->t1 <= e->t0 && e->t0 - h->t1 <= 3)
            return k + 1;
    }
    return 0;
}

/* Next trigger start after token t (for argument windows). */
static int next_trigger(const dk_event_doc *ev, int t)
{
    int best = ev->s->ntok;
    for (int i = 0; i < ev->nhit; i++) {
        const ev_hit *h = &ev->hit[i];
        if ((h->kind == DK_EV_VERB || h->kind == DK_EV_NOUN) &&
            h->t0 >= t && h->t0 < best)
            best = h->t0;   /* (an intent cue is read with its act) */
    }
    return best;
}

/* Drop countries when a participant of that country is named. */
static void tidy_actors(dk_event_doc *ev, ev_event *e)
{
    if (e->nact < 2)
        return;   /* no other participant to be of its country */
    int n = 0;
    const dk_pack_entity *pe = dk_pack_entities(ev->p, &n);
    int k[DK_MAX_ACTORS];   /* each actor's pack entity, or -1 */
    for (int i = 0; i < e->nact; i++)
        k[i] = dk_pack_entity_index(ev->p, e->act[i]);
    for (int i = 0; i < e->nact;) {
        int drop = 0;
        if (k[i] >= 0 && AT_FIELD_IS(pe[k[i]].type, "country"))
            for (int j = 0; j < e->nact; j++)
                if (j != i && k[j] >= 0 &&
                    strcmp(pe[k[j]].country, e->act[i]) == 0)
                    drop = 1;
        if (drop) {
            memmove(e->act[i], e->act[i + 1],
                    (size_t)(e->nact - i - 1) * sizeof e->act[0]);
            memmove(&k[i], &k[i + 1], (size_t)(e->nact - i - 1) * sizeof k[0]);
            e->nact--;
        } else {
            i++;
        }
    }
}

/* e takes the actors of f first, then its own. */
static void prepend_actors(ev_event *e, const ev_event *f)
{
    ev_event tmp = *e;
    e->nact = 0;
    for (int k = 0; k < f->nact; k++)
        add_actor(e, f->act[k]);
    for (int k = 0; k < tmp.nact; k++)
        add_actor(e, tmp.act[k]);
}

static void lend_place_date(ev_event *e, const ev_event *f)
{
    if (!e->place[0] && !e->multi && !f->multi)
        memcpy(e->place, f->place, sizeof e->place);
    if (!e->date[0])
        memcpy(e->date, f->date, sizeof e->date);
}

/* Lend a frame's arguments to the other events of the sentence. */
/* Are tokens [from, to) few (eight at most), in one part of the
 * sentence (no ';', no ", and", no ", but")? */
static int close_by(const dk_sent *s, int from, int to)
{
    if (to - from > 8)
        return 0;
    for (int t = from; t < to; t++) {
        if (s->tok[t].type != DK_TOK_PUNCT)
            continue;
        char c = s->text[s->tok[t].start];
        if (c == ';' || (c == ',' && (at_tok_is_n(s, t + 1, "and", 3) ||
                                      at_tok_is_n(s, t + 1, "but", 3))))
            return 0;
    }
    return 1;
}

/* "arrived in Astana on a state visit", "flew to Beijing for a
 * three-day visit": the noun after "on a" / "for a" names the happening
 * the verb before it reports, one happening, not two.  The noun's event
 * goes; the verb's takes its date when it has none. */
static void join_visit_nouns(dk_event_doc *ev)
{
    const dk_sent *s = ev->s;
    for (int i = 0; i < ev->nev; i++) {
        ev_event *n = &ev->ev[i];
        if (n->gone || n->verb)
            continue;
        int k = n->t0 - 1;
        while (k >= 0 && s->tok[k].type != DK_TOK_WORD)
            k--;
        /* "on a", "for a", "on an", with words between ("a three-day") */
        int a = k;
        while (a >= 0 && a > n->t0 - 5 && !at_tok_is_n(s, a, "a", 1) &&
               !at_tok_is_n(s, a, "an", 2))
            a--;
        if (a < 1 || (!at_tok_is_n(s, a, "a", 1) &&
                      !at_tok_is_n(s, a, "an", 2)) ||
            (!at_tok_is_n(s, a - 1, "on", 2) &&
             !at_tok_is_n(s, a - 1, "for", 3)))
            continue;
        for (int j = 0; j < ev->nev; j++) {
            ev_event *v = &ev->ev[j];
            if (j == i || v->gone || !v->verb || v->type != n->type ||
                v->t1 > a - 1 || !close_by(s, v->t1, a - 1))
                continue;
            n->gone = 1;
            if (!v->date[0])
                at_copy(v->date, sizeof v->date, n->date);
            if (!v->place[0])
                at_copy(v->place, sizeof v->place, n->place);
            break;
        }
    }
}

static void apply_frames(dk_event_doc *ev)
{
    for (int f = 0; f < ev->nev; f++) {
        ev_event *fr = &ev->ev[f];
        if (!fr->frame)
            continue;
        if (fr->type == ev->summit_type) {
            /* a setting: the event it sets ("held talks in Bishkek on the
             * sidelines of the summit"), right before its frame word */
            const ev_hit *fw = &ev->hit[fr->frame - 1];
            ev_event *set = NULL;
            for (int i = 0; i < ev->nev; i++) {
                ev_event *e = &ev->ev[i];
                if (i != f && e->t1 <= fw->t0 && fw->t0 - e->t1 <= 8 &&
                    (!set || e->t1 > set->t1))
                    set = e;
            }
            if (!set && fw->t0 <= 1)  /* "At a roundtable held that day,
                                          X signed ..." */
                for (int i = 0; i < ev->nev && !set; i++)
                    if (i != f && !ev->ev[i].frame && ev->ev[i].t0 >= fr->t1)
                        set = &ev->ev[i];
            if (set && set->type == ev->intent_type) {
                /* the setting of an intended act is not happening yet:
                 * it gives the intent its place and date */
                fr->gone = 1;
                lend_place_date(set, fr);
            } else if (set) {
                prepend_actors(fr, set);
                lend_place_date(fr, set);
                lend_place_date(set, fr);
                set->args++;   /* "signed at the conference" */
            }
            continue;
        }
        /* "within the framework of the state visit to China, Tokayev
         * held talks": the subject of the clause it frames is the
         * visitor */
        for (int i = 0; i < ev->nev && !fr->nact &&
                        fr->type == ev->visit_type; i++) {
            const ev_event *e = &ev->ev[i];
            if (i != f && !e->frame && e->nsubj > 0 && e->from < 0)
                for (int k = 0; k < e->nsubj; k++)
                    if (!at_same(e->act[k], fr->place))
                        add_actor(fr, e->act[k]);   /* (no one visits
                                                       himself) */
        }
        /* "X and Y agreed ... during talks in Beijing": talks that name
         * no one are between those who act within them */
        for (int i = 0; i < ev->nev && !fr->nact &&
                        fr->type == ev->meeting_type; i++)
            if (i != f && !ev->ev[i].frame && ev->ev[i].nact >= 2)
                prepend_actors(fr, &ev->ev[i]);
        for (int i = 0; i < ev->nev; i++) {
            ev_event *e = &ev->ev[i];
            if (i == f || e->frame || e->type == ev->intent_type)
                continue;
            if (fr->nact)
                prepend_actors(e, fr);
            lend_place_date(e, fr);
        }
    }
    /* "The visit of X to China included meetings with ...": a visit frames
     * the event nouns after it that name no participant of their own */
    for (int f = 0; f < ev->nev; f++) {
        ev_event *fr = &ev->ev[f];
        if (fr->frame || fr->type != ev->visit_type)
            continue;
        for (int i = f + 1; i < ev->nev; i++) {
            ev_event *e = &ev->ev[i];
            if (e->verb || e->poss || e->frame || e->t0 < fr->t1)
                continue;
            prepend_actors(e, fr);
            lend_place_date(e, fr);
        }
    }
    for (int i = 0; i < ev->nev; i++) {
        ev_event *e = &ev->ev[i];
        if (e->multi)
            e->place[0] = '\0';
        /* a verb with nothing attached: "products that meet quality
         * requirements" */
        if (e->verb && e->partner_verb && !e->args && !e->nact &&
            !e->place[0] && !e->date[0])
            e->gone = 1;
    }
}

/* The entity candidate of type `type` that starts at token t, or NULL. */
static const dk_cand *entity_at(const dk_event_doc *ev, int t,
                                const char *type)
{
    for (int i = 0; i < ev->c->n; i++) {
        const dk_cand *x = &ev->c->v[i];
        if (!x->dropped && x->m.kind == DK_ENTITY && x->t0 == t &&
            strcmp(x->m.type, type) == 0)
            return x;
    }
    return NULL;
}

/* A verb trigger in -ing right before a person ("met with visiting Kazakh
 * President Tokayev", "the visiting Li Qiang") describes that person: it
 * is no happening of its own, and the event before it reads on past it
 * to its partner.  Such hits become skip hits. */
static void attributive_verbs(dk_event_doc *ev)
{
    const dk_sent *s = ev->s;
    for (int i = 0; i < ev->nhit; i++) {
        ev_hit *h = &ev->hit[i];
        if (h->kind != DK_EV_VERB || h->t1 != h->t0 + 1 || h->t1 >= s->ntok)
            continue;
        const dk_token *w = &s->tok[h->t0];
        const char *e = s->text + w->end;
        if (w->end - w->start < 5 || (e[-3] | 0x20) != 'i' ||
            (e[-2] | 0x20) != 'n' || (e[-1] | 0x20) != 'g')
            continue;
        int t = h->t1;
        const dk_cand *c = entity_at(ev, t, "country");
        if (c)
            t = c->t1;      /* "visiting Kazakh President" */
        if (hit_at(ev, t, DK_EV_TITLE) >= 0 || entity_at(ev, t, "person")) {
            h->kind = DK_EV_SKIP;
            h->attributive = 1;
        }
    }
}

static void find_events(dk_event_doc *ev)
{
    int nt = 0;
    const dk_pack_evtype *types = dk_pack_event_types(ev->p, &nt);
    (void)types;
    for (int i = 0; i < ev->nhit && ev->nev < EV_MAX_EVENTS; i++) {
        const ev_hit *h = &ev->hit[i];
        if (h->kind != DK_EV_VERB && h->kind != DK_EV_NOUN &&
            h->kind != DK_EV_INTENT)
            continue;
        if (event_at(ev, h->t0, NULL))
            continue;   /* inside an event read already */
        ev_event *e = &ev->ev[ev->nev];
        const char *obj = "";
        if (h->kind == DK_EV_INTENT) {
            /* a strong cue with a plain verb: "agreed to reduce" */
            if (!AT_FIELD_IS(rule_of(ev, h)->arg, "strong") ||
                ev->intent_type < 0 || cue_is_noun(ev, h))
                continue;
            int v = intent_act(ev, h);
            if (v == h->t1 && at_tok_is(ev->s, h->t1 - 1, "on") &&
                (hit_at(ev, v, DK_EV_STOP) >= 0 || at_tok_is(ev->s, v, "this") ||
                 at_tok_is(ev->s, v, "these") || at_tok_is(ev->s, v, "those") ||
                 at_tok_is(ev->s, v, "it")))
                continue;   /* "the two agree on that flow": concurring
                               about a thing named before, no act */
            if (v < 0 || v >= ev->s->ntok ||
                ev->s->tok[v].type != DK_TOK_WORD ||
                hit_at(ev, v, DK_EV_VAGUE) >= 0 || hit_at(ev, v, DK_EV_AUX) >= 0 ||
                act_noun_near(ev, v) ||
                (hit_at(ev, v, DK_EV_SUPPORT) >= 0 &&
                 supported_noun(ev, &ev->hit[hit_at(ev, v, DK_EV_SUPPORT)]) >= 0))
                continue;   /* vague, or an event follows: read there */
            if (blocked(ev, h->t0) || blocked_between(ev, h->t1, v))
                continue;
            memset(e, 0, sizeof *e);
            e->from = -1;
            e->trig = i;
            e->type = e->act_type = ev->intent_type;
            e->t0 = h->t0;
            /* "agreed to reduce"; "agreed [on Monday] to raise": the cue
             * alone, so that the span holds no date */
            e->t1 = v == h->t1 ? v + 1 : h->t1;
            e->te = v + 1;
            e->sup_end = -1;
            e->verb = 1;
            e->args = 1;
        } else {
            if (!read_trigger(ev, i, e))
                continue;
            obj = rule_of(ev, h)->arg;
            int k = intent_before(ev, e);
            if (k >= 0) {
                int v = e->t0;
                if (hit_at(ev, v, DK_EV_VAGUE) >= 0 ||
                    blocked_between(ev, ev->hit[k].t1, v))
                    continue;   /* "will not attend" */
                e->t0 = ev->hit[k].t0;
                e->act_type = e->type;
                e->type = ev->intent_type >= 0 ? ev->intent_type : e->type;
                e->verb = 1;
                e->args++;
            }
            if (blocked(ev, e->t0))
                continue;
            e->frame = e->verb ? 0 : framed(ev, e);
        }
        e->partner_verb = strcmp(obj, "partner") == 0;
        ev->nev++;
        finish_event(ev, e, obj,
                     next_trigger(ev, e->te > e->t1 ? e->te : e->t1));
        if (blocked_after(ev, e)) {
            ev->nev--;       /* "meets twice a year" */
            continue;
        }
        if (strcmp(obj, "guest") == 0 && !e->guest) {
            ev->nev--;       /* "received an award", "welcomed the move" */
            continue;
        }
        if (h->kind == DK_EV_INTENT || e->type == ev->intent_type) {
            /* an intent needs who commits ("the leaders" count, named or
             * not) */
            if (!e->nact && !title_before(ev, e->t0)) {
                ev->nev--;
                continue;
            }
        }
        if ((!e->verb || e->passive) && !e->args) {
            ev->nev--;       /* a bare noun: "this visit"; "are introduced" */
            continue;
        }

    }
    /* "mutual", "bilateral": the pair, when no one else is named */
    for (int i = 0; i < ev->nev; i++) {
        ev_event *e = &ev->ev[i];
        if (e->nact)
            continue;
        for (int k = 0; k < ev->nitem; k++) {
            const ev_item *it = &ev->item[k];
            if (it->adj && !it->dropped && it->t0 >= e->t1 &&
                it->t0 <= e->t1 + 2)
                add_item_actors(e, it);
        }
    }
    apply_frames(ev);
    join_visit_nouns(ev);
    for (int i = 0; i < ev->nev; i++)
        tidy_actors(ev, &ev->ev[i]);
}

static void emit(dk_event_doc *ev, dk_cands *c)
{
    const dk_pack_evtype *types = dk_pack_event_types(ev->p, NULL);
    for (int i = 0; i < ev->nev; i++) {
        const ev_event *e = &ev->ev[i];
        if (e->gone)
            continue;
        dk_cand *x = dk_cand_push(c, ev->s, e->t0, e->t1, DK_EVENT, 0);
        if (!x)
            return;
        dk_mention *m = &x->m;
        at_copy(m->event, sizeof m->event, types[e->type].name);
        at_copy(m->cameo, sizeof m->cameo, types[e->type].cameo);
        m->nactors = e->nact;
        memcpy(m->actors, e->act, sizeof m->actors);
        memcpy(m->place, e->place, sizeof m->place);
        memcpy(m->date, e->date, sizeof m->date);
        m->has_count = e->has_count;
        m->count = e->count;
        m->count_qualifier = e->count_q;
        m->has_value = e->has_value;
        m->value = e->value;
        if (e->has_value) {
            m->qualifier = e->value_q;
            m->low = e->value_low;
            m->high = e->value_high;
        }
        memcpy(m->unit, e->unit, sizeof m->unit);
    }
}

/* The first token of tok[from], tok[from + step], ... before tok[to]
 * that is one of the pack's key words of triggers, or to.  (The mask of
 * length, first and last letter turns most words away before the
 * look-up; the sentence's arrays are held in locals, as the look-up is a
 * call.) */
static int key_word(const dk_event_doc *ev, const dk_sent *s, int from,
                    int to, int step)
{
    const dk_pack_evmask *mask = dk_pack_event_mask(ev->p);
    const dk_token *tok = s->tok;
    const char *text = s->text;
    for (int i = from; i != to; i += step) {
        /* the word tests as one bit, not three branches on the text */
        const dk_token *t = &tok[i];
        uint32_t n = t->end - t->start;
        uint32_t last = (*mask)[n < 16 ? n : 15]
                               [dk_pack_mask_letter[(unsigned char)
                                                    text[t->start]]];
        unsigned hit = (unsigned)(t->type == DK_TOK_WORD) &
                       (unsigned)(n >= 3) &
                       (last >> dk_pack_mask_letter[(unsigned char)
                                                        text[t->end - (n > 0)]]);
        if ((hit & 1) && dk_pack_event_word(ev->p, text + t->start, n))
            return i;
    }
    return to;
}

void dk_events_pair(dk_event_doc *ev, const char *c0, const char *c1)
{
    ev->pair[0] = c0;
    ev->pair[1] = c1;
}

void dk_events(dk_event_doc *ev, const dk_sent *s, dk_cands *c)
{
    if (!ev || !ev->p)
        return;
    /* the first and the last key word of triggers (none: nothing to
     * read); the words between them need no look-up */
    int lo = key_word(ev, s, 0, s->ntok, 1);
    if (lo == s->ntok) {
        note_persons(ev, s, c);
        return;
    }
    int hi = key_word(ev, s, s->ntok - 1, lo, -1);
    /* the matcher reads only as far as arguments are looked for */
    lo = lo - EV_WBACK > 0 ? lo - EV_WBACK : 0;
    hi = hi + EV_WAFTER < s->ntok ? hi + EV_WAFTER : s->ntok - 1;
    int n = dk_pack_find_events_in(ev->p, s->words, s->text,
                                   s->tok[lo].start, s->tok[hi].end, ev->mt,
                                   EV_MAX_HITS);
    int any = 0;
    int nr = 0;
    const dk_pack_evrule *rules = dk_pack_event_rules(ev->p, &nr);
    for (int i = 0; i < n && !any; i++) {
        dk_evkind k = rules[ev->mt[i].index].kind;
        any = k == DK_EV_VERB || k == DK_EV_NOUN || k == DK_EV_INTENT;
    }
    if (any) {
        ev->s = s;
        ev->c = c;
        ev->nhit = 0;
        int t = lo;   /* matches come in text order: one walk */
        for (int i = 0; i < n; i++) {
            while (t < s->ntok && s->tok[t].start < ev->mt[i].start)
                t++;
            int t0 = t, t1 = t;
            while (t1 < s->ntok && s->tok[t1].start < ev->mt[i].end)
                t1++;
            if (t0 >= s->ntok || s->tok[t0].start != ev->mt[i].start ||
                t1 == t0 || (s->tok[t1 - 1].end != ev->mt[i].end &&
                             !possessive_rest(s, &s->tok[t1 - 1],
                                              ev->mt[i].end)))
                continue;   /* not on token boundaries */
            ev_hit *h = &ev->hit[ev->nhit++];
            h->t0 = t0;
            h->t1 = t1;
            h->rule = ev->mt[i].index;
            h->kind = rules[h->rule].kind;
            h->attributive = 0;
        }
        if (!index_room(ev, s->ntok)) {
            note_persons(ev, s, c);
            return;   /* out of memory: no events for this sentence */
        }
        /* -1 in every byte is -1 in every int */
        size_t nb = (size_t)(s->ntok + 1) * sizeof *ev->hit_start;
        memset(ev->hit_start, 0xFF, nb);
        memset(ev->hit_end, 0xFF, nb);
        memset(ev->item_of, 0xFF, nb);
        for (int i = 0; i < ev->nhit; i++) {
            ev->hit_start[ev->hit[i].t0] = i;
            ev->hit_end[ev->hit[i].t1] = i;
        }
        attributive_verbs(ev);
        ev->nitem = 0;
        entity_items(ev);
        hit_items(ev);
        sort_items(ev);
        resolve_items(ev);
        for (int i = 0; i < ev->nitem; i++) {   /* outer items come first */
            const ev_item *it = &ev->item[i];
            if (it->dropped)
                continue;
            for (int k = it->t0; k < it->t1 && k < s->ntok; k++)
                if (ev->item_of[k] < 0)
                    ev->item_of[k] = i;
        }
        ev->nev = 0;
        find_events(ev);
        note_persons(ev, s, c);
        for (int i = 0; i < ev->nev; i++) {  /* who "they" may be next */
            const ev_event *e = &ev->ev[i];
            if (!e->gone && e->nact >= 2) {
                ev->ngroup = e->nact;
                memcpy(ev->group, e->act, sizeof ev->group);
            }
            if (!e->gone && e->nact && e->type == e->act_type &&
                e->type == ev->visit_type)
                memcpy(ev->visitor, e->act[0], DK_ID_MAX);
        }
        emit(ev, c);
        return;
    }
    note_persons(ev, s, c);
}
