/*
 * check.h - `check "CLAIM"`: a claim is read with the same engine and
 * pack as the record (figure, metric, subjects, period), matched against
 * the record's facts and answered with a verdict:
 *   supported            every fact of the claim's metric, subjects and
 *                        period allows the claimed figure;
 *   contradicted         none does;
 *   conflicting_sources  some do and some do not;
 *   not_found            the record has no such fact (the answer names
 *                        the nearest figures it does have).
 * A claim without a date is compared with the facts stated as current
 * or over a span up to the year they were written ("since 2005"), or
 * else with the latest period the record has; figures of other spans do
 * not gainsay one that agrees.  A record figure stated as a value
 * outweighs a bound that only fails to rule the claim out ("more than
 * $40 billion" for a claim of $50 billion).  Beyond the figures of
 * an indicator, a claim is answered by wording (sentidx.h: the sentence
 * that says the same, its figures or its date), by the direction of a
 * change, and by the record's events (evcheck.h); check.c says how.
 *
 * Ownership: dk_checker owns its engine and a copy of the record's
 * figures, events and sentences, loaded once, so many claims are checked
 * without going back to the database.
 */
#ifndef DK_CHECK_H
#define DK_CHECK_H

#include <sqlite3.h>
#include "../base/buf.h"
#include "dostyk.h"

typedef struct dk_checker dk_checker;

/* Load the facts of db and start an engine with the pack in pack_dir
 * (NULL: no pack, so no claim can name a metric).  On failure returns
 * DK_ERR_DB / DK_ERR_PACK / DK_ERR_NOMEM with a message in err. */
dk_status dk_checker_open(sqlite3 *db, const char *pack_dir,
                          dk_checker **out, char *err, size_t cap);
void dk_checker_close(dk_checker *c);

/* Check one claim and append its answer to b as one JSON object
 * {"id"?,"verdict","explanation","claim":{...},"evidence":[...]} (no
 * newline).  *verdict (may be NULL) receives the verdict's name.
 * Returns DK_OK, DK_ERR_UTF8 (the claim is not UTF-8; b is untouched) or
 * DK_ERR_NOMEM. */
dk_status dk_check_claim(dk_checker *c, const char *claim, const char *id,
                         dk_buf *b, const char **verdict);

/* The day the claims that follow were made (YYYY, YYYY-MM or
 * YYYY-MM-DD), against which their relative dates resolve ("last year",
 * "on Monday"); NULL or "" for none (the default: such dates are then
 * left unresolved).  Returns 0, or -1 when date is no such date (the
 * claims' date is then unchanged). */
int dk_checker_set_date(dk_checker *c, const char *date);

#endif
