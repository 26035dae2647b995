/*
 * api.h - the read-only JSON API over the record, independent of the
 * HTTP library: a request is a method, a path and a parameter lookup; a
 * response is a status, a content type and a body.  The handlers return
 * the same objects as the CLI's --json output (one array of them for
 * listings), and clean JSON errors {"error": "..."} for bad parameters.
 *
 * Each serving thread owns a dk_api (its own SQLite connection and claim
 * checker), because neither may be shared between threads.
 */
#ifndef DK_API_H
#define DK_API_H

#include <stddef.h>
#include "dostyk.h"
#include "../base/buf.h"

typedef struct dk_api dk_api;

/* A parameter of the request's query string, or NULL. */
typedef const char *(*dk_api_param)(void *req, const char *name);

typedef struct dk_api_response {
    int status;                 /* HTTP status */
    const char *content_type;
    dk_buf body;                /* owned by the caller after the call */
} dk_api_response;

/* Open the API over the database at db (read-only) with the pack in
 * pack_dir (for claim checks; may be NULL).  NULL with err set on
 * failure. */
dk_api *dk_api_open(const char *db, const char *pack_dir, char *err,
                    size_t cap);
void dk_api_close(dk_api *a);

/* Answer one request.  r->body must be empty on entry. */
void dk_api_handle(dk_api *a, const char *method, const char *path,
                   dk_api_param param, void *req, dk_api_response *r);

/* Checks of parameter values, shared with the fuzz target: a date or
 * period prefix ("2023", "2023-05", "2023-05-01"), an id ([A-Za-z0-9_-],
 * 1-47 bytes), a list of ids separated by commas, a count 1..max. */
int dk_api_valid_date(const char *s);
int dk_api_valid_id(const char *s);
int dk_api_valid_ids(const char *s);
int dk_api_valid_count(const char *s, long max, long *out);

#endif
