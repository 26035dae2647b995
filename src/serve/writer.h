/*
 * writer.h - the server's one writer: POST /api/ingest, JSON Lines
 * documents into the record through the ingest pipeline
 * (src/ingest/pipeline.c), allowed only when the server was started with
 * a token and the request carries "Authorization: Bearer <token>".
 *
 * The writer has its own read-write SQLite connection and engine, shared
 * by the serving threads under a mutex: ingests run one at a time, while
 * the readers (one read-only connection per thread, api.c) go on reading
 * the last committed state (WAL).
 *
 * Ownership: dk_api_writer owns its connection, pipeline and a copy of
 * the token; the response body is the caller's.
 */
#ifndef DK_WRITER_H
#define DK_WRITER_H

#include <stddef.h>
#include "dostyk.h"
#include "api.h"

#define DK_WRITER_MIN_TOKEN 16          /* bytes */
#define DK_WRITER_MAX_BODY (16u << 20)  /* default request body limit */
#define DK_WRITER_MAX_ERRORS 100        /* per-line errors listed */

typedef struct dk_api_writer dk_api_writer;

/* Open the writer over db (migrating it when needed) with the engine's
 * pack in pack_dir (may be NULL).  token must have DK_WRITER_MIN_TOKEN
 * bytes or more; max_body 0 means DK_WRITER_MAX_BODY.  NULL with err
 * set on failure. */
dk_api_writer *dk_api_writer_open(const char *db, const char *pack_dir,
                                  const char *token, size_t max_body,
                                  char *err, size_t cap);
void dk_api_writer_close(dk_api_writer *w);

/* The largest request body accepted. */
size_t dk_api_writer_max_body(const dk_api_writer *w);

/* Whether an Authorization header value carries the token: "Bearer "
 * then the token, compared in time that depends only on the token's
 * length. */
int dk_api_writer_authorized(const dk_api_writer *w, const char *authorization);

/* Answer POST /api/ingest with the body's JSON Lines (body[0, n)):
 *   403 when w is NULL (no token: the server is read-only),
 *   401 when authorization does not carry the token,
 *   400 when the body holds no line, 503 when another ingest holds the
 *   writer for too long, 500 when the database fails (the open batch is
 *   rolled back), else 200 with
 *   {"added","replaced","skipped","failed","mentions","bytes",
 *    "errors":[{"line","error"}...]}   (at most DK_WRITER_MAX_ERRORS).
 * Each record needs an "id". */
void dk_api_ingest(dk_api_writer *w, const char *authorization,
                   const char *body, size_t n, dk_api_response *r);

#endif
