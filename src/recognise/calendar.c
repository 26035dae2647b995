/*
 * calendar.c - Gregorian day arithmetic and ISO date text (calendar.h).
 * Day numbers use the civil-from-days method on 400-year eras.
 */
#include <stdio.h>
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

void dk_cal_format(long a, long b, int form, char *out, size_t cap)
{
    int y1, m1, d1, y2, m2, d2;
    dk_cal_civil(a, &y1, &m1, &d1);
    dk_cal_civil(b, &y2, &m2, &d2);
    if (form == DK_CAL_CENTURY) {
        snprintf(out, cap, "%02d", y1 / 100);
        return;
    }
    if (form == DK_CAL_DECADE) {
        snprintf(out, cap, "%03d", y1 / 10);
        return;
    }
    int whole_months = d1 == 1 && d2 == dk_cal_month_len(y2, m2);
    int whole_years = whole_months && m1 == 1 && m2 == 12;
    if (whole_years) {
        if (y1 == y2)
            snprintf(out, cap, "%04d", y1);
        else
            snprintf(out, cap, "%04d/%04d", y1, y2);
    } else if (whole_months) {
        if (y1 == y2 && m1 == m2)
            snprintf(out, cap, "%04d-%02d", y1, m1);
        else
            snprintf(out, cap, "%04d-%02d/%04d-%02d", y1, m1, y2, m2);
    } else if (a == b) {
        snprintf(out, cap, "%04d-%02d-%02d", y1, m1, d1);
    } else {
        snprintf(out, cap, "%04d-%02d-%02d/%04d-%02d-%02d", y1, m1, d1, y2,
                 m2, d2);
    }
}
