/*
 * jsonl.h - one JSON Lines document record: {"id", "text", "date",
 * "title", "source", "url", "author"}.  A fast reader of its own takes
 * the usual flat record; jansson reads every other line and gives every
 * error (jsonl.c); this module checks the fields and reports what is
 * wrong in one line.
 */
#ifndef DK_JSONL_H
#define DK_JSONL_H

#include <stddef.h>
#include "dostyk.h"

typedef struct dk_record {
    void *json;              /* jansson's parsed object (owns the strings),
                                or NULL */
    char *own;               /* or the fast reader's strings, or NULL */
    const char *id;          /* NULL when the line has none */
    const char *text;
    size_t text_len;
    const char *date;        /* NULL when absent */
    const char *title, *source, *url, *author;
} dk_record;

/* Parse line[0, n).  On success returns DK_OK and fills r (release it
 * with dk_record_free).  On failure returns DK_ERR_JSON and writes a
 * one-line reason to err (size cap); r holds nothing to free. */
dk_status dk_record_parse(const char *line, size_t n, dk_record *r,
                          char *err, size_t cap);

void dk_record_free(dk_record *r);

/* The two readers behind dk_record_parse, for tests.  The fast one
 * returns 1 with r filled when it read the line, 0 (r holding nothing)
 * when it leaves the line to jansson; it never reads a line differently
 * from jansson.  The jansson one is dk_record_parse without the fast
 * reader. */
int dk_record_parse_fast(const char *line, size_t n, dk_record *r);
dk_status dk_record_parse_jansson(const char *line, size_t n, dk_record *r,
                                  char *err, size_t cap);

#endif
