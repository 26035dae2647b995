/*
 * jsonl.c - JSON Lines document records (see jsonl.h).
 */
#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include "jsonl.h"

static const char *opt_string(json_t *o, const char *key, int *bad)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v) ||
        strlen(json_string_value(v)) != json_string_length(v)) {
        *bad = 1;   /* not a string, or one with a NUL inside */
        return NULL;
    }
    return json_string_value(v);
}

dk_status dk_record_parse(const char *line, size_t n, dk_record *r,
                          char *err, size_t cap)
{
    json_error_t je;
    memset(r, 0, sizeof *r);
    /* NUL is let through: the engine then reports binary text */
    json_t *o = json_loadb(line, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL,
                           &je);
    if (!o) {
        snprintf(err, cap, "malformed JSON at column %d: %s", je.column,
                 je.text);
        /* jansson quotes the input near the error: keep it one line */
        for (char *c = err; *c; c++)
            if ((unsigned char)*c < 0x20 || *c == 0x7F)
                *c = ' ';
        return DK_ERR_JSON;
    }
    if (!json_is_object(o)) {
        json_decref(o);
        snprintf(err, cap, "malformed JSON: a record must be an object");
        return DK_ERR_JSON;
    }
    json_t *t = json_object_get(o, "text");
    if (!t || !json_is_string(t)) {
        json_decref(o);
        snprintf(err, cap, "malformed record: no string field \"text\"");
        return DK_ERR_JSON;
    }
    int bad = 0;
    json_t *id = json_object_get(o, "id");
    if (id && json_is_string(id) &&
        strlen(json_string_value(id)) == json_string_length(id))
        r->id = json_string_value(id);
    else if (id && !json_is_null(id) && !json_is_integer(id))
        bad = 1;  /* a number id is left NULL: the caller names it */
    r->date = opt_string(o, "date", &bad);
    r->title = opt_string(o, "title", &bad);
    r->source = opt_string(o, "source", &bad);
    r->url = opt_string(o, "url", &bad);
    r->author = opt_string(o, "author", &bad);
    if (bad) {
        json_decref(o);
        snprintf(err, cap, "malformed record: id, date, title, source, url "
                           "and author must be strings");
        return DK_ERR_JSON;
    }
    r->json = o;
    r->text = json_string_value(t);
    r->text_len = json_string_length(t);
    return DK_OK;
}

void dk_record_free(dk_record *r)
{
    if (r->json)
        json_decref((json_t *)r->json);
    memset(r, 0, sizeof *r);
}
