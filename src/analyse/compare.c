/*
 * compare.c - qualifier-aware comparison of figures (see compare.h).
 */
#include <math.h>
#include <string.h>
#include "compare.h"

/* Margin of "about", "some", "roughly": half a step of the precision the
 * text uses ("about 1,700" is 1,650 to 1,750), at least 2 percent. */
#define APPROX_MARGIN 0.02

double dk_fig_step(const char *text, size_t n, double value)
{
    /* the first run of digits (with separators and one decimal point) */
    size_t i = 0;
    while (i < n && !(text[i] >= '0' && text[i] <= '9'))
        i++;
    double literal = 0;
    int nfrac = -1, trailing = 0, any = 0, ndigits = 0;
    for (; i < n; i++) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            literal = literal * 10 + (c - '0');
            any = 1;
            ndigits++;
            if (nfrac >= 0)
                nfrac++;
            trailing = c == '0' ? trailing + 1 : 0;
        } else if (c == ',' && i + 1 < n && text[i + 1] >= '0' &&
                   text[i + 1] <= '9' && nfrac < 0) {
            continue;
        } else if (c == '.' && nfrac < 0 && i + 1 < n && text[i + 1] >= '0' &&
                   text[i + 1] <= '9') {
            nfrac = 0;
            trailing = 0;
        } else {
            break;
        }
    }
    double v = fabs(value);
    if (!any || literal == 0) {
        /* spelled: the place value of the leading digit */
        return v > 0 ? pow(10, floor(log10(v))) : 1;
    }
    if (nfrac > 0)
        literal /= pow(10, nfrac);
    double scale = v / literal;   /* "41 billion" -> 1e9 */
    if (!(scale > 0) || !isfinite(scale))
        scale = 1;
    if (nfrac > 0)
        return scale * pow(10, -nfrac);
    /* an integer: trailing zeros are a rounding ("1,700" to hundreds), but
     * two significant digits stay ("30 billion" is not "3 x 10 billion") */
    if (trailing > ndigits - 2)
        trailing = ndigits - 2 > 0 ? ndigits - 2 : 0;
    return scale * pow(10, trailing);
}

/* Is t[0, n) a spelled fraction: no digit, no percent sign or word? */
static int fraction_words(const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((t[i] >= '0' && t[i] <= '9') || t[i] == '%')
            return 0;
    return !memmem(t, n, "percent", 7) && !memmem(t, n, "per cent", 8);
}

double dk_fig_step_of(dk_kind kind, const char *text, size_t n,
                      double value)
{
    if (kind == DK_PERCENT && fraction_words(text, n))
        return 0.16 * fabs(value);   /* "a quarter": 23 to 27 */
    return dk_fig_step(text, n, value);
}

void dk_fig_interval(const dk_fig *f, double *lo, double *hi)
{
    double half = f->step > 0 ? f->step / 2 : 0;
    switch (f->qualifier) {
    case DK_Q_RANGE:
        *lo = f->low - half;
        *hi = f->high + half;
        return;
    case DK_Q_OVER:
        *lo = f->value;
        *hi = INFINITY;
        return;
    case DK_Q_UNDER:
        *lo = -INFINITY;
        *hi = f->value;
        return;
    case DK_Q_APPROX: {
        double m = fabs(f->value) * APPROX_MARGIN;
        if (m < half)
            m = half;
        *lo = f->value - m;
        *hi = f->value + m;
        return;
    }
    case DK_Q_EXACT:
        break;
    }
    *lo = f->value - half;
    *hi = f->value + half;
}

int dk_fig_agree(const dk_fig *a, const dk_fig *b)
{
    /* two upper bounds ("up to 30 days", "up to 60 days") state a limit
     * itself: compare the limits.  Two lower bounds ("more than 30
     * documents", "more than 25") are both true of any count above the
     * higher one: they agree as intervals, below. */
    if (a->qualifier == b->qualifier && a->qualifier == DK_Q_UNDER) {
        dk_fig x = *a, y = *b;
        x.qualifier = y.qualifier = DK_Q_EXACT;
        return dk_fig_agree(&x, &y);
    }
    double alo, ahi, blo, bhi;
    dk_fig_interval(a, &alo, &ahi);
    dk_fig_interval(b, &blo, &bhi);
    /* a tiny tolerance for binary fractions */
    double eps = 1e-9 * (fabs(a->value) + fabs(b->value));
    double lo = alo > blo ? alo : blo, hi = ahi < bhi ? ahi : bhi;
    /* what a rounded figure allows is half-open ("4" is 3.5 up to 4.5,
     * "5" from 4.5): intervals that only touch do not agree */
    if (lo < hi - eps)
        return 1;
    /* a figure of no width (an exact value, a bound) inside the other */
    return (alo == ahi || blo == bhi) && lo <= hi + eps;
}

int dk_fig_rounding(const dk_fig *a, const dk_fig *b)
{
    if (a->qualifier == DK_Q_RANGE || b->qualifier == DK_Q_RANGE)
        return 0;
    double coarse = a->step > b->step ? a->step : b->step;
    double fine = a->step > b->step ? b->step : a->step;
    if (!(coarse > fine))
        return 0;   /* same precision: not one rounding the other */
    return fabs(a->value - b->value) < coarse;
}
