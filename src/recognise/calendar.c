/*
 * calendar.c - Gregorian day arithmetic and ISO date text (calendar.h).
 * Day numbers use the civil-from-days method on 400-year eras.
 */
#include <string.h>
#include "calendar.h"

long dk_cal_days(int y, int m, int d)
{
    /* normalise the month first so callers may pass 0 or 13 */
    while (m < 1) {
        m += 12;
        y--;
    }
    while (m > 12) {
        m -= 12;
        y++;
    }
    long yy = m <= 2 ? y - 1 : y;
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long mp = (m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void dk_cal_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int dk_cal_weekday(long z)
{
    return (int)(((z + 3) % 7 + 7) % 7) + 1;
}

int dk_cal_month_len(int y, int m)
{
    return (int)(dk_cal_days(y, m + 1, 1) - dk_cal_days(y, m, 1));
}

long dk_cal_iso_week1(int y)
{
    long jan4 = dk_cal_days(y, 1, 4);
    return jan4 - (dk_cal_weekday(jan4) - 1);
}

void dk_cal_add_months(int *y, int *m, int n)
{
    int t = *y * 12 + (*m - 1) + n;
    *y = t >= 0 ? t / 12 : (t - 11) / 12;
    *m = t - *y * 12 + 1;
}

/* Append v to *p as printf's "%0*d" with this width would ("-005"). */
static void put_int(char **p, int v, int width)
{
    char d[12];
    int n = 0;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do {
        d[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) {
        *(*p)++ = '-';
        width--;
    }
    for (; width > n; width--)
        *(*p)++ = '0';
    while (n)
        *(*p)++ = d[--n];
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (parts 1, 2, 3) at *p. */
static void put_date(char **p, int y, int m, int d, int parts)
{
    put_int(p, y, 4);
    if (parts >= 2) {
        *(*p)++ = '-';
        put_int(p, m, 2);
    }
    if (parts >= 3) {
        *(*p)++ = '-';
        put_int(p, d, 2);
    }
}

/* Formatted by hand rather than by snprintf: a date mention is formatted
 * for each one found, and snprintf was most of that cost. */
void dk_cal_format(long a, long b, int form, char *out, size_t cap)
{
    int y1, m1, d1, y2, m2, d2;
    dk_cal_civil(a, &y1, &m1, &d1);
    dk_cal_civil(b, &y2, &m2, &d2);
    char buf[64], *p = buf;
    if (form == DK_CAL_CENTURY) {
        put_int(&p, y1 / 100, 2);
    } else if (form == DK_CAL_DECADE) {
        put_int(&p, y1 / 10, 3);
    } else {
        int whole_months = d1 == 1 && d2 == dk_cal_month_len(y2, m2);
        int whole_years = whole_months && m1 == 1 && m2 == 12;
        int parts = whole_years ? 1 : whole_months ? 2 : 3;
        int same = parts == 1 ? y1 == y2 : parts == 2 ? y1 == y2 && m1 == m2
                                                      : a == b;
        put_date(&p, y1, m1, d1, parts);
        if (!same) {
            *p++ = '/';
            put_date(&p, y2, m2, d2, parts);
        }
    }
    if (cap == 0)
        return;
    size_t n = (size_t)(p - buf);
    if (n >= cap)
        n = cap - 1;   /* cut as snprintf would */
    memcpy(out, buf, n);
    out[n] = '\0';
}
