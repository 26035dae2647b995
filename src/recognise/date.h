/*
 * date.h - what the date recogniser offers the dateline finder: one
 * explicit calendar date read at a token.
 */
#ifndef DK_DATE_H
#define DK_DATE_H

#include "recognise.h"

/* Read a date stated with its year at token i ("May 22, 2024",
 * "22.05.2024", "2024-05-22").  Sets tokens [*t0, *t1) and y, m, d (m, d
 * 0 when not stated) and returns 1; returns 0 for anything else. */
int dk_date_at(const dk_sent *s, int i, int *t0, int *t1, int *y, int *m,
               int *d);

#endif
