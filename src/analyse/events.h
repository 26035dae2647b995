/*
 * events.h - happenings: event mentions of the record (reports) linked
 * into one entry per happening, for the chronology of `dostyk events`,
 * GET /api/events and `dostyk export --events`.  Pure logic: the reports
 * are loaded by src/store/events.c; nothing here touches SQLite.
 *
 * Linking (dk_events_link) is done when the chronology is asked for, not
 * at ingest: the result then never depends on the order documents
 * arrived in, a document replaced or re-ingested needs no unlinking, and
 * the rule can change without migrating stored links.  The cost is one
 * sort, and per report a look at the happenings of its type near its
 * date (precise reports are linked in date order, so the search stops a
 * week back): 50,000 reports link in under a second.
 *
 * Two reports are one happening when
 *   - their event types are the same (so also their CAMEO codes);
 *   - they share an actor.  A shared person or organisation suffices; when
 *     the only shared actors are countries (ids of two capital letters,
 *     the pack's ISO 3166 convention), both reports must be dated to
 *     within DK_EV_PRECISE_DAYS, since "Kazakhstan and China signed an
 *     agreement" happens many times a year;
 *   - their places, when both are given and neither is a country, are
 *     the same ("visited Beijing" and "visited Hubei" are two stops);
 *   - their dates agree.  Dates are day spans (period.h): "2019-09-11"
 *     agrees with "2019-09" and "2019".  The precise dates of one
 *     happening (spans of at most DK_EV_PRECISE_DAYS) must fit together
 *     in DK_EV_PRECISE_DAYS ("Sept. 11-12" and "Sept. 12" agree); a
 *     coarse date ("2019") must overlap them.  A report whose sentence
 *     gives no date is placed in the week before its document's date; it
 *     joins only through a shared person or organisation, and only a
 *     happening dated precisely in that week or undated ones reported
 *     that week by other documents (two undated agreements in one
 *     article are more likely two agreements than one told twice).
 * Reports are taken most precise date first, so precise reports found a
 * happening and coarse or undated ones join it.  A report that could
 * join two happenings equally well (a "2019" visit when the record holds
 * two visits that year) joins neither: an uncertain link would merge two
 * happenings for good, a missing one only leaves a duplicate.  A
 * happening reported once stays single.
 *
 * Ownership: a dk_evset owns its reports' strings (dk_evset_free); a
 * dk_happenings holds indexes into the dk_evset it was made from.
 */
#ifndef DK_EVENTS_H
#define DK_EVENTS_H

#include <stdint.h>
#include "dostyk.h"
#include "period.h"
#include "../base/buf.h"

#define DK_EV_PRECISE_DAYS 7    /* precise dates of one happening fit in this */
#define DK_EV_UNDATED_DAYS 7    /* an undated report: the week before its doc */
#define DK_EV_MAX_ACTORS 12     /* actors of one happening (union of reports) */

/* One report: an event mention with where it was said. */
typedef struct dk_evrep {
    int64_t id;                 /* the mention's row id (a stable order) */
    char event[16];
    char cameo[8];
    int nactors;
    char actors[DK_MAX_ACTORS][DK_ID_MAX];
    char place[DK_ID_MAX];
    char date[DK_DATE_MAX];     /* "" when the sentence gives none */
    int has_count;
    double count;
    int has_value;
    double value;
    char unit[16];
    uint64_t start, end;        /* the trigger's bytes in the document */
    char *doc, *docdate, *sentence, *text;  /* owned; "" when unknown */
    /* filled by dk_evset_push: */
    int has_span, has_docspan;
    dk_period span, docspan;
} dk_evrep;

typedef struct dk_evset {
    dk_evrep *v;
    int n, cap;
} dk_evset;

/* Append a copy of r (its strings duplicated, its spans parsed). */
dk_status dk_evset_push(dk_evset *s, const dk_evrep *r);
void dk_evset_free(dk_evset *s);

/* One happening: its reports, and what they say together. */
typedef struct dk_happening {
    int *reps;                  /* indexes into the dk_evset, by doc date */
    int n, cap;
    int anchor;                 /* the report that founded it (most precise) */
    int has_precise, has_coarse, has_window;
    dk_period precise;          /* hull of the precise dates */
    dk_period coarse;           /* the narrowest coarse date */
    dk_period window;           /* hull of the undated reports' weeks */
    int coarse_rep;             /* the report giving the narrowest coarse date */
    int nactors;
    char actors[DK_EV_MAX_ACTORS][DK_ID_MAX];
    char place[DK_ID_MAX];      /* the first place that is not a country */
    char country[DK_ID_MAX];    /* the first place that is a country */
} dk_happening;

typedef struct dk_happenings {
    dk_happening *v;
    int n, cap;
} dk_happenings;

/* Link the reports of s into happenings, in chronological order (by
 * date, undated ones by their documents' dates).  DK_OK or DK_ERR_NOMEM;
 * free with dk_happenings_free. */
dk_status dk_events_link(const dk_evset *s, dk_happenings *out);
void dk_happenings_free(dk_happenings *h);

/* When the happening took place: the date it is known by (ISO 8601, ""
 * when no report dates it), and as a day span (0 when undated; then the
 * span of its reports' document weeks is given). */
void dk_happening_date(const dk_evset *s, const dk_happening *h, char *out,
                       size_t cap);
int dk_happening_span(const dk_evset *s, const dk_happening *h,
                      dk_period *span);

/* Where it took place: the founding report's place, else the first
 * place a report gives ("" when none). */
const char *dk_happening_place(const dk_evset *s, const dk_happening *h);

/* Filters of the chronology; NULL / 0 = any. */
typedef struct dk_evfilter {
    const char *actor;          /* an entity id among the actors */
    const char *type;           /* event type */
    int has_from, has_to;
    dk_period from, to;         /* happening's span meets [from.lo, to.hi] */
} dk_evfilter;

int dk_happening_matches(const dk_evset *s, const dk_happening *h,
                         const dk_evfilter *f);

/* The happening as one JSON object {"event","cameo","actors","place",
 * "date","count","value","unit","sources":[{"doc","date","sentence",
 * "text","start","end"}]}, no newline. */
dk_status dk_happening_json(dk_buf *b, const dk_evset *s,
                            const dk_happening *h);

/* CSV for event-data tools: one row per report, with the happening's
 * number (1-based, in chronological order) linking the rows of one
 * happening.  The header line, then the rows of happening number k. */
dk_status dk_events_csv_header(dk_buf *b);
dk_status dk_happening_csv(dk_buf *b, const dk_evset *s,
                           const dk_happening *h, int k);

/* Is id a country id (two capital letters, as the pack writes them)? */
int dk_actor_is_country(const char *id);

#endif
