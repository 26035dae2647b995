/*
 * http.h - `dostyk serve`: the record over HTTP, with libmicrohttpd.
 * A pool of threads answers requests; each thread has its own dk_api
 * (SQLite connection, claim checker).  Limits: request bodies, a
 * per-connection timeout, a cap on connections; the server binds to
 * loopback unless told otherwise, writes one access log line per request,
 * and stops cleanly on SIGTERM or SIGINT.
 */
#ifndef DK_HTTP_H
#define DK_HTTP_H

#include <stdio.h>
#include "dostyk.h"

typedef struct dk_http_opts {
    const char *db;          /* the record */
    const char *pack_dir;    /* for claim checks, may be NULL */
    const char *bind;        /* IPv4 address, default 127.0.0.1 */
    int port;                /* default 8080; 0 picks a free port */
    int threads;             /* serving threads, default 4 */
    unsigned timeout;        /* seconds of silence before a connection ends */
    unsigned max_conns;      /* connections at once */
    FILE *log;               /* access log, NULL for none */
    const char *token;       /* POST /api/ingest allowed with it; NULL: read-only */
    size_t max_body;         /* request body limit of an ingest, 0: 16 MB */
} dk_http_opts;

/* Serve until SIGTERM or SIGINT.  Prints "listening on http://A:P/" on
 * stderr once ready.  Returns DK_OK after a clean stop, or an error with
 * a message in err. */
dk_status dk_http_serve(const dk_http_opts *o, char *err, size_t cap);

#endif
