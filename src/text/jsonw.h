/*
 * jsonw.h - a small JSON writer for the JSON Lines the CLI and the
 * server print.  It appends to a dk_buf, so a line is built whole and
 * written at once: a failure never leaves half a line on stdout.
 * Parsing JSON is jansson's job; writing our flat objects fast is this.
 */
#ifndef DK_JSONW_H
#define DK_JSONW_H

#include <stddef.h>
#include "../base/buf.h"

typedef struct dk_jsonw {
    dk_buf *b;
    int first;       /* no member written yet in the current object */
    dk_status err;   /* first failure, sticky */
} dk_jsonw;

void dk_jw_begin(dk_jsonw *w, dk_buf *b);          /* "{" */
void dk_jw_end(dk_jsonw *w);                        /* "}" */
void dk_jw_str(dk_jsonw *w, const char *key, const char *v, size_t n);
void dk_jw_cstr(dk_jsonw *w, const char *key, const char *v);
void dk_jw_int(dk_jsonw *w, const char *key, long long v);
void dk_jw_num(dk_jsonw *w, const char *key, double v);
void dk_jw_bool(dk_jsonw *w, const char *key, int v);
/* An array of n ids (subjects, actors). */
void dk_jw_ids(dk_jsonw *w, const char *key, const char (*ids)[DK_ID_MAX],
               int n);
/* Start a nested object member "key":{ ... } ; close it with dk_jw_end. */
void dk_jw_obj(dk_jsonw *w, const char *key);
/* Start an array member "key":[ (key NULL inside an array); elements are
 * written with key NULL; close it with dk_jw_arr_end. */
void dk_jw_arr(dk_jsonw *w, const char *key);
void dk_jw_arr_end(dk_jsonw *w);
void dk_jw_null(dk_jsonw *w, const char *key);

/* One mention as the JSON object of spec/extract.md (no newline). */
dk_status dk_json_mention(dk_buf *b, const char *doc, const dk_mention *m);

/* The same for the many mentions of one document: dk_json_mention_head
 * sets head (cleared first) to the start every line of document doc
 * shares; dk_json_mention_line appends the line of m with its newline,
 * the bytes of dk_json_mention then "\n". */
dk_status dk_json_mention_head(dk_buf *head, const char *doc);
dk_status dk_json_mention_line(dk_buf *b, const dk_buf *head,
                               const dk_mention *m);

/* Append s[0, n) as a JSON string (with quotes) to b. */
dk_status dk_json_escape(dk_buf *b, const char *s, size_t n);

/* Format a number the way the output contract wants: integers without a
 * decimal point, others with up to 15 significant digits. */
int dk_json_fmt_num(char *out, size_t cap, double v);

#endif
