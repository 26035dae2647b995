/*
 * compare.h - what a stated figure allows.  "41 billion" is true of any
 * value that rounds to it at the precision the text uses (40.5 to 41.5
 * billion); "about 20" allows a margin; "more than 19" is an open end;
 * "15-20" is its range.  Two figures agree when what they allow overlaps
 * (rounding intervals are half-open: "fourth" and "fifth" only touch).
 * Two bounds of one direction ("up to 30 days", "up to 60 days") agree
 * only when the bounds do.  Rounding explains a difference smaller than
 * one step of the coarser figure ("1,700" is 1,783 written to hundreds).
 */
#ifndef DK_COMPARE_H
#define DK_COMPARE_H

#include "dostyk.h"

typedef struct dk_fig {
    double value, low, high;
    dk_qualifier qualifier;
    double step;            /* precision of the text: 1e9 for "41 billion" */
} dk_fig;

/* The precision of a figure from its text and value: the place value of
 * its last significant digit ("41.1 billion" -> 1e8, "1,700" -> 100). */
double dk_fig_step(const char *text, size_t n, double value);

/* The same for a mention of kind kind: a percentage written as a spelled
 * fraction ("a quarter", "two-thirds") is rounded to within about 8
 * percent of its value, not to the ten its leading digit would give. */
double dk_fig_step_of(dk_kind kind, const char *text, size_t n,
                      double value);

/* The closed interval of values the figure allows (lo may be -inf, hi
 * +inf for open qualifiers). */
void dk_fig_interval(const dk_fig *f, double *lo, double *hi);

/* Do the two figures allow a common value? */
int dk_fig_agree(const dk_fig *a, const dk_fig *b);

/* Is the difference explained by one being a rounded form of the other? */
int dk_fig_rounding(const dk_fig *a, const dk_fig *b);

#endif
