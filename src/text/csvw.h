/*
 * csvw.h - CSV (RFC 4180) fields appended to a dk_buf: a field holding a
 * comma, a quote or a line break is quoted, inner quotes doubled.
 */
#ifndef DK_CSVW_H
#define DK_CSVW_H

#include <stddef.h>
#include "../base/buf.h"

/* Append one field; first says whether it opens the row (no comma). */
dk_status dk_csv_field(dk_buf *b, const char *s, size_t n, int first);
dk_status dk_csv_cfield(dk_buf *b, const char *s, int first);
/* A number field in the JSON output's format; empty when !has. */
dk_status dk_csv_num(dk_buf *b, double v, int has, int first);
/* End the row ("\r\n" as RFC 4180 says). */
dk_status dk_csv_end(dk_buf *b);

#endif
