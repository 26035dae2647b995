/*
 * period.c - parsing ISO 8601 periods into day spans (see period.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "period.h"
#include "../recognise/calendar.h"

static int month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

/* Read n digits at *s (exactly n).  Returns -1 when they are not there. */
static int digits(const char **s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*s)[i]))
            return -1;
        v = v * 10 + ((*s)[i] - '0');
    }
    *s += n;
    return v;
}

/* One end: YYYY[-MM[-DD]], or a decade YYY / century YY alone. */
static int parse_point(const char *s, const char *end, dk_period *p)
{
    size_t n = (size_t)(end - s);
    const char *q = s;
    if (n == 2 || n == 3) {
        int v = digits(&q, (int)n);
        if (v < 0)
            return 0;
        int span = n == 2 ? 100 : 10;
        int y0 = v * span;
        p->lo = dk_cal_days(y0, 1, 1);
        p->hi = dk_cal_days(y0 + span - 1, 12, 31);
        return 1;
    }
    int y = digits(&q, 4), m = 0, d = 0;
    if (y < 0)
        return 0;
    if (q < end) {
        if (*q++ != '-' || (m = digits(&q, 2)) < 1 || m > 12)
            return 0;
        if (q < end) {
            if (*q++ != '-' || (d = digits(&q, 2)) < 1 ||
                d > month_days(y, m))
                return 0;
        }
    }
    if (q != end)
        return 0;
    p->lo = dk_cal_days(y, m ? m : 1, d ? d : 1);
    p->hi = dk_cal_days(y, m ? m : 12,
                               d ? d : month_days(y, m ? m : 12));
    return 1;
}

int dk_period_parse(const char *s, dk_period *p)
{
    if (!s || !*s)
        return 0;
    const char *slash = strchr(s, '/');
    if (!slash)
        return parse_point(s, s + strlen(s), p);
    dk_period a, b;
    if (!parse_point(s, slash, &a))
        return 0;
    const char *t = slash + 1;
    size_t tn = strlen(t), an = (size_t)(slash - s);
    if (tn < an && tn >= 2 && an >= 7) {
        /* abbreviated end: "2019-09-11/12" takes the start's prefix */
        char full[16];
        if (an >= sizeof full)
            return 0;
        memcpy(full, s, an - tn);
        memcpy(full + an - tn, t, tn);
        if (!parse_point(full, full + an, &b))
            return 0;
    } else if (!parse_point(t, t + tn, &b)) {
        return 0;
    }
    if (b.hi < a.lo)
        return 0;
    p->lo = a.lo;
    p->hi = b.hi;
    return 1;
}

int dk_period_is_year(dk_period p, int *year)
{
    int y = dk_year_of_day(p.lo);
    if (p.lo == dk_cal_days(y, 1, 1) && p.hi == dk_cal_days(y, 12, 31)) {
        *year = y;
        return 1;
    }
    return 0;
}

void dk_period_format(dk_period p, char *out, size_t cap)
{
    int y, m, d, y2, m2, d2;
    dk_cal_civil(p.lo, &y, &m, &d);
    dk_cal_civil(p.hi, &y2, &m2, &d2);
    if (p.lo == p.hi)
        snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
    else
        snprintf(out, cap, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, d, y2, m2, d2);
}

int dk_year_of_day(long day)
{
    int y, m, d;
    dk_cal_civil(day, &y, &m, &d);
    return y;
}
