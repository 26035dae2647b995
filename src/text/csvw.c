/*
 * csvw.c - the CSV writer (see csvw.h).
 */
#include <string.h>
#include "csvw.h"
#include "jsonw.h"

dk_status dk_csv_field(dk_buf *b, const char *s, size_t n, int first)
{
    dk_status st = first ? DK_OK : dk_buf_putc(b, ',');
    if (st)
        return st;
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote)
        return dk_buf_append(b, s, n);
    if ((st = dk_buf_putc(b, '"')))
        return st;
    size_t run = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '"') {
            if ((st = dk_buf_append(b, s + run, i + 1 - run)) ||
                (st = dk_buf_putc(b, '"')))
                return st;
            run = i + 1;
        }
    if ((st = dk_buf_append(b, s + run, n - run)))
        return st;
    return dk_buf_putc(b, '"');
}

dk_status dk_csv_cfield(dk_buf *b, const char *s, int first)
{
    return dk_csv_field(b, s ? s : "", s ? strlen(s) : 0, first);
}

dk_status dk_csv_num(dk_buf *b, double v, int has, int first)
{
    char tmp[40];
    int n = has ? dk_json_fmt_num(tmp, sizeof tmp, v) : 0;
    return dk_csv_field(b, tmp, (size_t)n, first);
}

dk_status dk_csv_end(dk_buf *b)
{
    return dk_buf_append(b, "\r\n", 2);
}
