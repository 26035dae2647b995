/*
 * writer.c - the server's one writer, POST /api/ingest (see writer.h).
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "writer.h"
#include "../ingest/pipeline.h"
#include "../store/store.h"
#include "../text/jsonw.h"

#define LOCK_WAIT_SECONDS 30

struct dk_api_writer {
    pthread_mutex_t lock;         /* one ingest at a time */
    dk_store *store;              /* the read-write connection */
    dk_ingest *run;               /* made on the first ingest */
    char *pack_dir;
    char *token;
    size_t token_len, max_body;
};

/* Per-line errors of one request, as JSON objects joined by commas. */
typedef struct collected {
    dk_buf json;
    long n;
} collected;

dk_api_writer *dk_api_writer_open(const char *db, const char *pack_dir,
                                  const char *token, size_t max_body,
                                  char *err, size_t cap)
{
    if (!token || strlen(token) < DK_WRITER_MIN_TOKEN) {
        snprintf(err, cap, "the token must have at least %d characters",
                 DK_WRITER_MIN_TOKEN);
        return NULL;
    }
    dk_api_writer *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    w->token = strdup(token);
    w->pack_dir = pack_dir ? strdup(pack_dir) : NULL;
    if (!w->token || (pack_dir && !w->pack_dir)) {
        snprintf(err, cap, "out of memory");
        free(w->token);
        free(w->pack_dir);
        free(w);
        return NULL;
    }
    w->token_len = strlen(token);
    w->max_body = max_body ? max_body : DK_WRITER_MAX_BODY;
    if (dk_store_open(db, 0, &w->store, err, cap) != DK_OK) {
        free(w->token);
        free(w->pack_dir);
        free(w);
        return NULL;
    }
    pthread_mutex_init(&w->lock, NULL);
    return w;
}

void dk_api_writer_close(dk_api_writer *w)
{
    if (!w)
        return;
    dk_ingest_close(w->run);
    dk_store_close(w->store);
    pthread_mutex_destroy(&w->lock);
    if (w->token)
        memset(w->token, 0, w->token_len);
    free(w->token);
    free(w->pack_dir);
    free(w);
}

size_t dk_api_writer_max_body(const dk_api_writer *w)
{
    return w ? w->max_body : 0;
}

int dk_api_writer_authorized(const dk_api_writer *w, const char *authorization)
{
    static const char scheme[] = "Bearer ";
    if (!w || !authorization ||
        strncmp(authorization, scheme, sizeof scheme - 1) != 0)
        return 0;
    const char *given = authorization + sizeof scheme - 1;
    size_t n = strlen(given);
    /* every byte of the token is compared whatever the first difference */
    unsigned diff = n != w->token_len;
    for (size_t i = 0; i < w->token_len; i++)
        diff |= (unsigned char)w->token[i] ^
                (unsigned char)(i < n ? given[i] : 0);
    return diff == 0;
}

static void reply_error(dk_api_response *r, int status, const char *msg)
{
    dk_jsonw jw;
    r->status = status;
    r->content_type = "application/json";
    r->body.len = 0;
    dk_jw_begin(&jw, &r->body);
    dk_jw_cstr(&jw, "error", msg);
    dk_jw_end(&jw);
}

static void on_error(void *ctx, const char *where, long line, const char *msg)
{
    (void)where;
    collected *c = ctx;
    if (c->n++ >= DK_WRITER_MAX_ERRORS)
        return;
    if (c->json.len)
        dk_buf_putc(&c->json, ',');
    dk_jsonw jw;
    dk_jw_begin(&jw, &c->json);
    if (line > 0)
        dk_jw_int(&jw, "line", line);
    dk_jw_cstr(&jw, "error", msg);
    dk_jw_end(&jw);
}

/* Take the lock, waiting LOCK_WAIT_SECONDS at most. */
static int lock(dk_api_writer *w)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += LOCK_WAIT_SECONDS;
    return pthread_mutex_timedlock(&w->lock, &until) == 0;
}

static int has_line(const char *body, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r' &&
            body[i] != '\n')
            return 1;
    return 0;
}

void dk_api_ingest(dk_api_writer *w, const char *authorization,
                   const char *body, size_t n, dk_api_response *r)
{
    if (!w) {
        reply_error(r, 403, "ingest is disabled: the server runs read-only "
                    "(start it with --token or DOSTYK_TOKEN)");
        return;
    }
    if (!dk_api_writer_authorized(w, authorization)) {
        reply_error(r, 401, "missing or wrong 'Authorization: Bearer' token");
        return;
    }
    if (n > w->max_body) {
        reply_error(r, 413, "request body too large");
        return;
    }
    if (!has_line(body, n)) {
        reply_error(r, 400, "the body holds no JSON Lines document");
        return;
    }
    if (!lock(w)) {
        reply_error(r, 503, "another ingest is running; try again later");
        return;
    }
    collected c;
    memset(&c, 0, sizeof c);
    char err[300];
    if (!w->run) {
        dk_ingest_opts o;
        memset(&o, 0, sizeof o);
        o.format = DK_INGEST_JSONL;
        o.pack_dir = w->pack_dir;
        o.need_id = 1;    /* "file:line" names mean nothing for a request */
        o.on_error = on_error;
        w->run = dk_ingest_open(w->store, &o, err, sizeof err);
        if (!w->run) {
            pthread_mutex_unlock(&w->lock);
            reply_error(r, 500, err);
            return;
        }
    }
    dk_ingest_reset(w->run, &c);
    dk_ingest_jsonl_buf(w->run, body, n, "body");
    dk_ingest_finish(w->run);
    const dk_ingest_stats *s = dk_ingest_stats_of(w->run);
    if (dk_ingest_failed(w->run)) {
        /* the database failed: the open batch was rolled back */
        char msg[400];
        snprintf(msg, sizeof msg, "database error: %s; %ld documents were "
                 "committed before it", dk_store_errmsg(w->store), s->added);
        dk_ingest_close(w->run);
        w->run = NULL;
        pthread_mutex_unlock(&w->lock);
        reply_error(r, 500, msg);
        dk_buf_free(&c.json);
        return;
    }
    dk_jsonw jw;
    r->body.len = 0;
    dk_jw_begin(&jw, &r->body);
    dk_jw_int(&jw, "added", s->added);
    dk_jw_int(&jw, "replaced", s->replaced);
    dk_jw_int(&jw, "skipped", s->skipped);
    dk_jw_int(&jw, "failed", s->failed);
    dk_jw_int(&jw, "mentions", s->mentions);
    dk_jw_int(&jw, "bytes", (long long)s->bytes);
    pthread_mutex_unlock(&w->lock);
    dk_jw_arr(&jw, "errors");
    if (c.json.len)
        dk_buf_append(&r->body, c.json.data, c.json.len);
    dk_jw_arr_end(&jw);
    dk_jw_end(&jw);
    dk_buf_free(&c.json);
    if (jw.err) {
        reply_error(r, 500, "out of memory");
        return;
    }
    r->status = 200;
    r->content_type = "application/json";
}
