/*
 * number.h - reading one number at a token position: digits with scale
 * words ("1.4 billion", "20 thousand"), spelled numbers ("one hundred and
 * twenty", "twenty-five"), fractions ("one-tenth", "two-thirds", "3/4",
 * "half").  Used by every recogniser that needs a number.
 */
#ifndef DK_NUMBER_H
#define DK_NUMBER_H

#include "recognise.h"

typedef struct dk_num {
    int t0, t1;          /* tokens [t0, t1) */
    double value;
    int spelled;         /* made of words, at least in part */
    int fraction;        /* a fraction: "one-tenth", "3/4", "half" */
    int scaled;          /* has a scale word: "1.4 billion" */
    int digits;          /* a lone digit token: its digit count, else 0 */
} dk_num;

/* Read the longest number starting at token i.  Returns 1 and fills out,
 * or 0 when no number starts there. */
int dk_number_at(const dk_sent *s, int i, dk_num *out);

/* Is token k the punctuation character c (ASCII)? */
int dk_tok_is(const dk_sent *s, int k, char c);

/* Is there no white space between tokens k-1 and k? */
static inline int dk_tok_glued(const dk_sent *s, int k)
{
    return k > 0 && k < s->ntok && !(s->tok[k].flags & DK_TF_SPACE);
}

#endif
