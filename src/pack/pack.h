/*
 * pack.h - a domain pack: the plain data files that tell the engine which
 * entities exist (countries, people, organisations, places, programmes),
 * which indicators (metrics) figures can state and the cue phrases that
 * announce them.  The engine itself knows no country pair; all of that
 * lives in a pack folder such as packs/kz-cn/:
 *
 *   pack.tsv       key<TAB>value lines: name, description, pair (e.g. "KZ CN")
 *   entities.tsv   id<TAB>type<TAB>country<TAB>name<TAB>aliases (| separated)
 *   metrics.tsv    id<TAB>unit<TAB>kinds<TAB>order<TAB>cues (| separated)
 *   events.tsv     (optional) event types with their CAMEO codes, and the
 *                  words the event reader uses: triggers, support verbs,
 *                  intent cues, titles, role words (kind<TAB>type<TAB>arg
 *                  <TAB>phrases)
 *
 * An alias or cue written "=US" matches case-sensitively; all others are
 * matched on case-folded text, hyphens and dashes read as spaces.
 *
 * (The exact columns are documented at the top of each file and in
 * docs/packs.md.)  Loading builds one Aho-Corasick automaton over the
 * case-folded aliases and one over the metric cues, so matching a
 * sentence is one pass whatever the size of the pack.
 *
 * Ownership: dk_pack_load returns a pack the caller frees with
 * dk_pack_free; everything reachable from it belongs to it.  A pack is
 * read-only after loading and may be shared by several engines.
 */
#ifndef DK_PACK_H
#define DK_PACK_H

#include <stddef.h>
#include <stdint.h>
#include "dostyk.h"

typedef struct dk_pack_entity {
    char id[DK_ID_MAX];      /* canonical id: "KZ", "tokayev", "bri" */
    char type[16];           /* person organization place country program event */
    char country[DK_ID_MAX]; /* the country it belongs to ("KZ"), "" if none */
    const char *name;        /* canonical name ("Kassym-Jomart Tokayev") */
} dk_pack_entity;

typedef struct dk_pack_metric {
    char id[DK_ID_MAX];      /* a metric id of spec/metrics.tsv */
    char unit[16];           /* USD % t km TEU count rank day person */
    char kinds[64];          /* mention kinds it may attach to: "money" ... */
    char order[32];          /* subject order rule, see metrics.tsv header */
} dk_pack_metric;

typedef struct dk_pack dk_pack;

/* One match of the pack's phrases in a text. */
typedef struct dk_pack_match {
    uint32_t start, end;     /* bytes of the searched text */
    int index;               /* into dk_pack_entities() or dk_pack_metrics() */
} dk_pack_match;

/* What a row of events.tsv says about its phrases. */
typedef enum dk_evkind {
    DK_EV_NONE = 0,
    DK_EV_VERB,      /* a verb reporting a happening: "visited", "signed" */
    DK_EV_NOUN,      /* an event noun, needs an argument: "visit", "talks" */
    DK_EV_SUPPORT,   /* a support verb around an event noun: "held" */
    DK_EV_INTENT,    /* a commitment to a later act: "agreed to", "will" */
    DK_EV_TITLE,     /* a title standing for a person: "the president" */
    DK_EV_PRONOUN,   /* a pronoun standing for a person: "he", "his" */
    DK_EV_PAIR,      /* the document's two countries: "the two sides" */
    DK_EV_ROLE,      /* a word marking an argument: "with", "by", "in" */
    DK_EV_FRAME,     /* a word making an event the setting of others */
    DK_EV_DOCUMENT,  /* a counted document noun: "agreements" */
    DK_EV_WORTH,     /* a worth marker: "worth", "valued at" */
    DK_EV_BLOCK,     /* before a trigger: no event ("not", "proposed") */
    DK_EV_VAGUE,     /* after an intent cue: not a specific act */
    DK_EV_SKIP,      /* no meaning; hides shorter phrases ("not only") */
    DK_EV_AUX,       /* a form of "be"/"have": a passive verb after it,
                        the end of a noun's phrase */
    DK_EV_STOP,      /* the end of a noun's phrase ("which", "but") */
    DK_EV_KIND_COUNT
} dk_evkind;

/* One row of events.tsv (its phrases match with this row's index). */
typedef struct dk_pack_evrule {
    dk_evkind kind;
    int type;                /* DK_EV_VERB / NOUN: index of the event type */
    char arg[16];            /* the row's argument word, "" for '-' */
} dk_pack_evrule;

/* An event type: "visit" with CAMEO code "042". */
typedef struct dk_pack_evtype {
    char name[16];
    char cameo[8];
} dk_pack_evtype;

/* One row of offices.tsv: who held a title of a country, and when
 * ("KZ", "president|head of state", "tokayev", 2019-03-20 to now). */
typedef struct dk_pack_office {
    char country[DK_ID_MAX];
    char person[DK_ID_MAX];
    char from[11], to[11];   /* ISO dates; "" for open */
    char *titles;            /* lower-case phrases separated by '|' */
} dk_pack_office;

/* Load the pack in dir.  On failure returns NULL and writes a one-line
 * message "FILE:LINE: problem" to err (size cap). */
dk_pack *dk_pack_load(const char *dir, char *err, size_t cap);
void dk_pack_free(dk_pack *p);

/* Check the pack in dir without keeping it: report(ctx, msg) is called
 * once per problem, msg being "DIR/FILE:LINE: problem".  Returns the
 * number of problems (0 = the pack is valid). */
typedef void (*dk_pack_report)(void *ctx, const char *msg);
int dk_pack_check(const char *dir, dk_pack_report report, void *ctx);

/* The folder of the default pack: $DOSTYK_PACK, else packs/kz-cn next
 * to the folder of the running executable (build/dostyk -> packs/kz-cn),
 * else the installed DK_PACKDIR/kz-cn.  Writes it to out and returns 1,
 * or returns 0 when none of them holds a pack.tsv. */
int dk_pack_default_dir(char *out, size_t cap);

const char *dk_pack_name(const dk_pack *p);
/* The two countries the pack is about ("KZ", "CN"); "" when not set. */
const char *dk_pack_pair(const dk_pack *p, int which);

const dk_pack_entity *dk_pack_entities(const dk_pack *p, int *n);
const dk_pack_metric *dk_pack_metrics(const dk_pack *p, int *n);

/* The rules and types of events.tsv (n = 0 when the pack has none). */
const dk_pack_evrule *dk_pack_event_rules(const dk_pack *p, int *n);
const dk_pack_evtype *dk_pack_event_types(const dk_pack *p, int *n);

/* The person who held title (a title phrase of the text, any case,
 * with or without a leading "the ") of country on date (ISO
 * "YYYY-MM-DD"), by offices.tsv; NULL when the pack does not say. */
const char *dk_pack_office_holder(const dk_pack *p, const char *country,
                                  const char *title, size_t n,
                                  const char *date);

/* Find the phrases of events.tsv in text[0, n) (same rules as entity
 * aliases); index = the row.  Returns 0 when the pack has no events. */
int dk_pack_find_events(const dk_pack *p, const char *text, size_t n,
                        dk_pack_match *out, int max);

/* Is the word w[0, n) (a token of the text) the key word (the longest
 * word) of a trigger phrase of events.tsv (a verb, noun or strong intent
 * row)?  ASCII case is folded.  A text without any key word holds no
 * trigger: a cheap test that lets such a sentence skip the event matcher. */
int dk_pack_event_word(const dk_pack *p, const char *w, size_t n);

/* The first, cheaper half of that test, for inlining in a token loop:
 * mask[len < 16 ? len : 15][first letter] has bit (last letter) set for
 * every key word (letters a-z as 0-25 in either case, anything else 26).
 * A word whose bit is clear is no key word. */
typedef uint32_t dk_pack_evmask[16][27];
/* The index of a byte in that mask: a-z (either case) 0-25, else 26. */
extern const unsigned char dk_pack_mask_letter[256];
const dk_pack_evmask *dk_pack_event_mask(const dk_pack *p);

/* Index of the entity with this id, or -1. */
int dk_pack_entity_index(const dk_pack *p, const char *id);

/* Find entity aliases in text[0, n) (whole words, longest match, no
 * overlaps).  Writes at most max matches; returns how many were found. */
int dk_pack_find_entities(const dk_pack *p, const char *text, size_t n,
                          dk_pack_match *out, int max);

/* Find metric cue phrases in text[0, n), same rules. */
int dk_pack_find_cues(const dk_pack *p, const char *text, size_t n,
                      dk_pack_match *out, int max);

/* The words of a text, read once for all of a pack's matchers: every
 * run of ASCII letters and digits, with a hash of it case-folded, and
 * every byte that may lead a UTF-8 letter.  The engine reads each
 * sentence once (dk_pack_words_read); the dk_pack_find_*_in functions
 * then find entities, cues and event phrases in any part of it without
 * reading its bytes again.  The caller owns it: zero it before the first
 * read, free it with dk_pack_words_free. */
typedef struct dk_pack_run {
    uint32_t start, end;    /* end == start: a byte >= 0xC0 at start */
    uint64_t key;           /* hash of the run, folded (ac.c) */
} dk_pack_run;

#define DK_PACK_WORD_LISTS 3  /* entities, cues, event phrases */

typedef struct dk_pack_words {
    const char *text;       /* the text read; NULL when the read failed */
    size_t len;
    dk_pack_run *run;       /* in text order */
    int nrun, cap;
    /* For each of the pack's matchers, the runs (indices into run, in
     * order) its word filter lets through, tested once for all of them
     * (ac.c, dk_ac_joint); filter: the joint filter they were made with,
     * NULL when there are none. */
    const void *filter;
    int32_t *list[DK_PACK_WORD_LISTS];  /* one block: list[0] owns it */
    int nlist[DK_PACK_WORD_LISTS];
} dk_pack_words;

/* Read text[0, n) for the matchers of pack p.  Returns 0, or -1 out of
 * memory (then w->text is NULL and the *_in functions read the text as
 * the plain ones do). */
int dk_pack_words_read(const dk_pack *p, dk_pack_words *w, const char *text,
                       size_t n);
void dk_pack_words_free(dk_pack_words *w);

/* The same as dk_pack_find_entities, _cues and _events on text[from, to)
 * (w: text read by dk_pack_words_read, or NULL), but the matches' offsets
 * are text's, not from's. */
int dk_pack_find_entities_in(const dk_pack *p, const dk_pack_words *w,
                             const char *text, size_t from, size_t to,
                             dk_pack_match *out, int max);
int dk_pack_find_cues_in(const dk_pack *p, const dk_pack_words *w,
                         const char *text, size_t from, size_t to,
                         dk_pack_match *out, int max);
int dk_pack_find_events_in(const dk_pack *p, const dk_pack_words *w,
                           const char *text, size_t from, size_t to,
                           dk_pack_match *out, int max);

#endif
