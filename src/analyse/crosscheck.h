/*
 * crosscheck.h - timelines and conflicts over the facts of the record.
 *
 * Facts are grouped by metric, subjects and period (periods compared as
 * day spans, so "2023" and "January-October 2023" are different groups).
 * A group whose figures all allow a common value has a consensus: the
 * most precise stated figure.  A group whose figures cannot all be true
 * is a conflict, classified as
 *   rounding   every disagreement is one figure written coarser than
 *              the other (1,700 vs 1,783 km);
 *   revision   the disagreeing figures come from documents of different
 *              dates, the latest agree among themselves and differ from
 *              the earlier by at most 15 percent (a later source updates
 *              an earlier figure);
 *   conflict   anything else.
 * The JSON writers produce the objects of `dostyk timeline --json` and
 * `dostyk conflicts --json`, shared with the HTTP API.
 */
#ifndef DK_CROSSCHECK_H
#define DK_CROSSCHECK_H

#include "facts.h"
#include "../base/buf.h"
#include "../text/jsonw.h"

typedef struct dk_group {
    int first, n;            /* facts [first, first + n) of a sorted dk_facts */
    int consensus;           /* index of the consensus fact, -1 if none */
    const char *cls;         /* "agree", "rounding", "revision", "conflict" */
} dk_group;

typedef struct dk_groups {
    dk_group *v;
    int n;
} dk_groups;

/* Sort fs by metric, subjects, period, document date, and group it.
 * Returns DK_OK or DK_ERR_NOMEM; free the groups with dk_groups_free. */
dk_status dk_group_facts(dk_facts *fs, dk_groups *out);
void dk_groups_free(dk_groups *g);

/* {"metric","subjects","period","values":[...],"consensus"} */
dk_status dk_timeline_json(dk_buf *b, const dk_facts *fs, const dk_group *g);

/* {"metric","subjects","period","class","values":[...]} */
dk_status dk_conflict_json(dk_buf *b, const dk_facts *fs, const dk_group *g);

/* One value of a group as the JSON object {"value","unit","qualifier",
 * "low","high","implied","doc","date","sentence","text"}; key may be NULL
 * inside an array. */
void dk_fact_json(dk_jsonw *w, const char *key, const dk_fact *f);

#endif
