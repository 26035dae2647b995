/*
 * period.h - periods as day spans.  A period string is what the engine
 * writes in `period` and `date`: "2023", "2023-11", "2023-11-05", an
 * interval "2023-01/2023-10" (either end at any of those precisions,
 * the end may be abbreviated: "2019-09-11/12"), a decade "199" or a
 * century "20".  Comparing periods as inclusive day spans makes "2023",
 * "2023-01/2023-12" and "2023-01-01/2023-12-31" the same period, and
 * keeps "January-October 2023" apart from "2023".
 */
#ifndef DK_PERIOD_H
#define DK_PERIOD_H

#include <stddef.h>

typedef struct dk_period {
    long lo, hi;     /* inclusive day numbers (days since 1970-01-01) */
} dk_period;

/* Parse s.  Returns 1 on success, 0 when s is not a period. */
int dk_period_parse(const char *s, dk_period *p);

static inline int dk_period_equal(dk_period a, dk_period b)
{
    return a.lo == b.lo && a.hi == b.hi;
}

static inline int dk_period_contains(dk_period outer, dk_period inner)
{
    return outer.lo <= inner.lo && inner.hi <= outer.hi;
}

/* The span as ISO 8601: "2023-05-17", or "2023-01-01/2023-12-31". */
void dk_period_format(dk_period p, char *out, size_t cap);

/* The calendar year of a day number (day numbers: dk_cal_days and
 * dk_cal_civil of src/recognise/calendar.h). */
int dk_year_of_day(long day);

/* Is the period exactly one calendar year?  Sets *year. */
int dk_period_is_year(dk_period p, int *year);

#endif
