/*
 * facts.h - the attributed figures of the record, loaded for analysis:
 * each with what it allows (compare.h), its period as a day span
 * (period.h), its subjects, and where it was said (document, date,
 * sentence).  Stated changes also yield implied figures: "increased by
 * 35 percent and reached $24.2 billion" in 2023 implies about $17.9
 * billion for 2022, marked implied.
 *
 * Ownership: a dk_facts owns every string of its facts (but for doc,
 * date and sentence when it borrows them); free it with dk_facts_free.
 */
#ifndef DK_FACTS_H
#define DK_FACTS_H

#include <stdint.h>
#include <sqlite3.h>
#include "dostyk.h"
#include "compare.h"
#include "period.h"

typedef struct dk_fact {
    dk_fig fig;
    dk_kind kind;           /* money, quantity, percent, ... */
    char unit[16];
    char metric[DK_ID_MAX];
    char period[DK_DATE_MAX];
    dk_period span;
    int has_span;
    int nsubjects;
    char subjects[DK_MAX_SUBJECTS][DK_ID_MAX];
    int current;            /* its period is stated by no date of its
                               sentence (the document's own time): current */
    int implied;            /* computed from a stated change */
    int has_change;
    double change_value;
    char change_unit[16];
    char *doc, *date, *sentence, *text;   /* owned; date may be "" */
    int64_t sid;            /* its sentence (sentences.id), 0 if none */
    long start;             /* byte offset of the figure in its document */
} dk_fact;

typedef struct dk_facts {
    dk_fact *v;
    int n, cap;
    int borrows;            /* doc, date and sentence are the caller's
                               (they outlive the facts): not copied */
} dk_facts;

/* Load the facts of metric (NULL = every metric) whose subjects are
 * subjects ("KZ,CN", in that order; NULL = any).  Implied facts are
 * added after the stated ones.  Returns DK_OK, DK_ERR_DB (message on the
 * connection) or DK_ERR_NOMEM. */
dk_status dk_facts_load(sqlite3 *db, const char *metric,
                        const char *subjects, dk_facts *out);

/* A figure mention as a fact: value, precision, unit, metric, period,
 * subjects, change, position; no strings (doc, date, sentence, text are
 * NULL), not current, not implied. */
void dk_fact_from_mention(const dk_mention *m, dk_fact *f);

/* Add the figures the stated changes of fs imply for the year before. */
dk_status dk_facts_add_implied(dk_facts *fs);

/* Append a copy of f (its strings duplicated). */
dk_status dk_facts_push(dk_facts *fs, const dk_fact *f);

void dk_facts_free(dk_facts *fs);

/* "KZ,CN" of a fact's subjects into out (size cap). */
void dk_fact_subjects(const dk_fact *f, char *out, size_t cap);

/* Same metric, same subjects in the same order. */
int dk_fact_same_subject(const dk_fact *a, const dk_fact *b);

#endif
