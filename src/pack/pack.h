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

/* Index of the entity with this id, or -1. */
int dk_pack_entity_index(const dk_pack *p, const char *id);

/* Find entity aliases in text[0, n) (whole words, longest match, no
 * overlaps).  Writes at most max matches; returns how many were found. */
int dk_pack_find_entities(const dk_pack *p, const char *text, size_t n,
                          dk_pack_match *out, int max);

/* Find metric cue phrases in text[0, n), same rules. */
int dk_pack_find_cues(const dk_pack *p, const char *text, size_t n,
                      dk_pack_match *out, int max);

#endif
