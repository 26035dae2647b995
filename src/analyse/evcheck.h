/*
 * evcheck.h - claims about happenings ("Tokayev paid a state visit to
 * China on 11-12 September 2019") judged against the record's event
 * mentions (spec/extract.md, "Events": event type, actors, place, date,
 * count, value).  A record event speaks to a claim's event when it is of
 * the same type and shares an actor (or, when either names none, the
 * place).  It then
 *   supports     when its date, place, count and value all allow the
 *                claim's (dates allow each other when one holds the
 *                other; places when equal or one lies in the other);
 *   contradicts  when it is the same happening told otherwise: one of
 *                them differs and the rest says it is the same - the
 *                date allows the claim's but the count, value or place
 *                do not; or the date differs within the same year while
 *                the place, count or value agree;
 *   is unrelated otherwise (another year, or more than one difference,
 *   is another happening; a claimed date or count the record does not
 *   state cannot be confirmed).
 *
 * Ownership: a dk_evfacts owns its strings; free with dk_evfacts_free.
 */
#ifndef DK_EVCHECK_H
#define DK_EVCHECK_H

#include <stdint.h>
#include <sqlite3.h>
#include "dostyk.h"
#include "compare.h"
#include "period.h"
#include "../pack/pack.h"

typedef struct dk_evfact {
    char event[16];
    int nactors;
    char actors[DK_MAX_ACTORS][DK_ID_MAX];
    char place[DK_ID_MAX];
    char period[DK_DATE_MAX];
    dk_period span;
    int has_span;
    int month;                     /* no span, a month of no year
                                      ("XXXX-09", "XXXX-09-02": 9),
                                      else 0 */
    int has_count;
    dk_fig count;
    int has_value;
    dk_fig value;
    char unit[16];
    char *doc, *date, *sentence;   /* owned by a dk_evfacts; may be NULL */
    int64_t sid;                   /* its sentence, 0 if none */
    int rep;                       /* the caller's key of its sentence's
                                      text (copies alike), -1 if none */
} dk_evfact;

typedef struct dk_evfacts {
    dk_evfact *v;
    int n, cap;
} dk_evfacts;

/* The event of a mention (kind event): fields copied, strings NULL. */
void dk_evfact_from_mention(const dk_mention *m, dk_evfact *e);

/* Load every event mention of db.  DK_OK, DK_ERR_DB or DK_ERR_NOMEM. */
dk_status dk_evfacts_load(sqlite3 *db, dk_evfacts *out);

/* Append a copy of e (strings duplicated). */
dk_status dk_evfacts_push(dk_evfacts *es, const dk_evfact *e);
void dk_evfacts_free(dk_evfacts *es);

/* How record event r bears on claim event c: 1 supports, -1 contradicts,
 * 0 unrelated (see above).  pack (may be NULL) tells which country a
 * place lies in.  *why (may be NULL) receives what differs ("date",
 * "count", "value", "place") when it contradicts. */
int dk_event_judge(const dk_evfact *c, const dk_evfact *r, const dk_pack *pack,
                   const char **why);

#endif
