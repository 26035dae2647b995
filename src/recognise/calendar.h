/*
 * calendar.h - proleptic Gregorian arithmetic for the date recogniser:
 * day numbers, weekdays, ISO weeks, and the shortest ISO 8601 text of an
 * inclusive span of days.  Pure functions, no state.
 */
#ifndef DK_CALENDAR_H
#define DK_CALENDAR_H

#include <stddef.h>

/* Days since 1970-01-01 of y-m-d (m 1-12, d 1-31; out-of-range days
 * roll over, so dk_cal_days(y, m, 0) is the last day of month m-1). */
long dk_cal_days(int y, int m, int d);

/* The calendar date of day number z. */
void dk_cal_civil(long z, int *y, int *m, int *d);

/* ISO weekday of day number z: 1 = Monday ... 7 = Sunday. */
int dk_cal_weekday(long z);

int dk_cal_month_len(int y, int m);

/* Day number of the Monday of ISO week 1 of year y. */
long dk_cal_iso_week1(int y);

/* Add n months to y-m (n may be negative). */
void dk_cal_add_months(int *y, int *m, int n);

/* Forms of date text. */
enum { DK_CAL_PLAIN = 0, DK_CAL_CENTURY, DK_CAL_DECADE };

/* Write the shortest ISO 8601 text for days [a, b] (inclusive): "2020",
 * "2020/2021", "2020-03", "2020-01/2020-11", "2019-09-11",
 * "2019-09-11/2019-09-12"; a century as "20", a decade as "199". */
void dk_cal_format(long a, long b, int form, char *out, size_t cap);

#endif
