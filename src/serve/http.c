/*
 * http.c - the HTTP server (see http.h): libmicrohttpd glue between a
 * connection and the API handlers of api.c, and the web page's files
 * from the embedded table of assets.c (ETag, 304, Cache-Control).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <microhttpd.h>
#include "http.h"
#include "api.h"
#include "assets.h"
#include "writer.h"

#define MAX_URL 8192
#define MAX_APIS 64

typedef struct server {
    const dk_http_opts *o;
    pthread_mutex_t lock;
    dk_api *apis[MAX_APIS];    /* one per serving thread, closed at exit */
    int napis;
    pthread_key_t key;         /* the calling thread's dk_api */
    dk_api_writer *writer;     /* POST /api/ingest; NULL: read-only */
    struct body_in *uploads;    /* request bodies being received */
} server;

/* The body of a POST /api/ingest being received. */
typedef struct body_in {
    struct body_in *next;
    dk_buf body;
    int too_big;               /* over the limit: the rest is discarded */
} body_in;

/* The calling thread's API handle, opened on its first request. */
static dk_api *thread_api(server *sv, char *err, size_t cap)
{
    dk_api *a = pthread_getspecific(sv->key);
    if (a)
        return a;
    a = dk_api_open(sv->o->db, sv->o->pack_dir, err, cap);
    if (!a)
        return NULL;
    pthread_mutex_lock(&sv->lock);
    if (sv->napis == MAX_APIS) {
        pthread_mutex_unlock(&sv->lock);
        dk_api_close(a);
        snprintf(err, cap, "too many serving threads");
        return NULL;
    }
    sv->apis[sv->napis++] = a;
    pthread_mutex_unlock(&sv->lock);
    pthread_setspecific(sv->key, a);
    return a;
}

static const char *get_param(void *conn, const char *name)
{
    return MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, name);
}

static void access_log(server *sv, struct MHD_Connection *c, const char *m,
                       const char *url, int status, size_t bytes)
{
    if (!sv->o->log)
        return;
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    char addr[64] = "-";
    if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr,
                  addr, sizeof addr);
    char when[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    /* one line, the URL cut and without control characters */
    char u[256];
    size_t k = 0;
    for (; url[k] && k < sizeof u - 1; k++)
        u[k] = (unsigned char)url[k] < 0x20 ? '?' : url[k];
    u[k] = '\0';
    flockfile(sv->o->log);
    fprintf(sv->o->log, "%s %s %s %s %d %zu\n", when, addr, m, u, status, bytes);
    fflush(sv->o->log);
    funlockfile(sv->o->log);
}

static enum MHD_Result send_reply(struct MHD_Connection *c, int status,
                                  const char *ctype, const char *body,
                                  size_t n)
{
    struct MHD_Response *rsp = MHD_create_response_from_buffer(
        n, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!rsp)
        return MHD_NO;
    MHD_add_response_header(rsp, "Content-Type", ctype);
    MHD_add_response_header(rsp, "Cache-Control", "no-store");
    MHD_add_response_header(rsp, "X-Content-Type-Options", "nosniff");
    enum MHD_Result r = MHD_queue_response(c, (unsigned)status, rsp);
    MHD_destroy_response(rsp);
    return r;
}

/* A file of the page from the embedded table, or a 404 in JSON: only the
 * table's entries are served, so no path can reach the file system. */
static enum MHD_Result send_static(server *sv, struct MHD_Connection *c,
                                   const char *method, const char *url)
{
    const dk_asset *as = dk_asset_find(url);
    if (!as) {
        static const char msg[] = "{\"error\":\"not found\"}\n";
        access_log(sv, c, method, url, 404, sizeof msg - 1);
        return send_reply(c, 404, "application/json", msg, sizeof msg - 1);
    }
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        static const char msg[] =
            "{\"error\":\"method not allowed (the page is read-only)\"}\n";
        access_log(sv, c, method, url, 405, sizeof msg - 1);
        return send_reply(c, 405, "application/json", msg, sizeof msg - 1);
    }
    const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                  MHD_HTTP_HEADER_IF_NONE_MATCH);
    int fresh = dk_asset_etag_match(inm, as->etag);
    struct MHD_Response *rsp = MHD_create_response_from_buffer(
        fresh ? 0 : as->len, fresh ? (void *)"" : (void *)as->data,
        MHD_RESPMEM_PERSISTENT);
    if (!rsp)
        return MHD_NO;
    if (!fresh)
        MHD_add_response_header(rsp, "Content-Type", as->type);
    MHD_add_response_header(rsp, "ETag", as->etag);
    MHD_add_response_header(rsp, "Cache-Control", dk_asset_cache_control(as));
    MHD_add_response_header(rsp, "X-Content-Type-Options", "nosniff");
    if (strcmp(as->path, "/") == 0) {
        MHD_add_response_header(rsp, "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        MHD_add_response_header(rsp, "Referrer-Policy", "no-referrer");
    }
    int status = fresh ? 304 : 200;
    access_log(sv, c, method, url, status, fresh ? 0 : as->len);
    enum MHD_Result res = MHD_queue_response(c, (unsigned)status, rsp);
    MHD_destroy_response(rsp);
    return res;
}

static void reply_api(server *sv, struct MHD_Connection *c, const char *method,
                      const char *url, dk_api_response *r,
                      enum MHD_Result *res)
{
    if (r->body.len == 0 || r->body.data[r->body.len - 1] != '\n')
        dk_buf_putc(&r->body, '\n');
    access_log(sv, c, method, url, r->status, r->body.len);
    *res = send_reply(c, r->status, r->content_type,
                      r->body.data ? r->body.data : "", r->body.len);
    dk_buf_free(&r->body);
}

static void drop_upload(server *sv, body_in *u)
{
    pthread_mutex_lock(&sv->lock);
    for (body_in **p = &sv->uploads; *p; p = &(*p)->next)
        if (*p == u) {
            *p = u->next;
            break;
        }
    pthread_mutex_unlock(&sv->lock);
    dk_buf_free(&u->body);
    free(u);
}

/* A request ended (answered or cut): free the body of an ingest. */
static void on_completed(void *cls, struct MHD_Connection *c, void **state,
                         enum MHD_RequestTerminationCode why)
{
    (void)c;
    (void)why;
    server *sv = cls;
    body_in *found = NULL;
    pthread_mutex_lock(&sv->lock);
    for (body_in *u = sv->uploads; u; u = u->next)
        if (u == *state)
            found = u;
    pthread_mutex_unlock(&sv->lock);
    if (found) {
        drop_upload(sv, found);
        *state = NULL;
    }
}

/* POST /api/ingest: the checks that need no body are answered at once;
 * the body is gathered up to the limit, then handed to writer.c. */
static enum MHD_Result on_ingest(server *sv, struct MHD_Connection *c,
                                 const char *url, const char *method,
                                 const char *data, size_t *size, void **state)
{
    dk_api_response r;
    memset(&r, 0, sizeof r);
    enum MHD_Result res = MHD_YES;
    const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                   MHD_HTTP_HEADER_AUTHORIZATION);
    if (*state == NULL) {
        if (strcmp(method, "POST") != 0) {
            r.status = 405;
            r.content_type = "application/json";
            dk_buf_append(&r.body, "{\"error\":\"use POST\"}", 20);
        } else if (!sv->writer || !dk_api_writer_authorized(sv->writer, auth)) {
            dk_api_ingest(sv->writer, auth, "", 0, &r);   /* 403 or 401 */
        } else {
            const char *len = MHD_lookup_connection_value(
                c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
            if (len && strtoull(len, NULL, 10) > dk_api_writer_max_body(sv->writer))
                dk_api_ingest(sv->writer, auth, "", SIZE_MAX, &r);   /* 413 */
        }
        if (r.status) {
            reply_api(sv, c, method, url, &r, &res);
            return res;
        }
        body_in *u = calloc(1, sizeof *u);
        if (!u)
            return MHD_NO;
        pthread_mutex_lock(&sv->lock);
        u->next = sv->uploads;
        sv->uploads = u;
        pthread_mutex_unlock(&sv->lock);
        *state = u;
        return MHD_YES;
    }
    body_in *u = *state;
    if (*size) {
        if (!u->too_big &&
            (u->body.len + *size > dk_api_writer_max_body(sv->writer) ||
             dk_buf_append(&u->body, data, *size)))
            u->too_big = 1;
        *size = 0;
        return MHD_YES;
    }
    dk_api_ingest(sv->writer, auth, u->body.data ? u->body.data : "",
                  u->too_big ? SIZE_MAX : u->body.len, &r);
    if (!r.status) {
        r.status = 500;
        r.content_type = "application/json";
    }
    reply_api(sv, c, method, url, &r, &res);
    return res;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **state)
{
    (void)version;
    (void)upload;
    server *sv = cls;
    if (strcmp(url, "/api/ingest") == 0)
        return on_ingest(sv, c, url, method, upload, upload_size, state);
    /* first call: headers only; refuse request bodies (read-only API) */
    if (*state == NULL) {
        *state = (void *)1;
        return MHD_YES;
    }
    if (*upload_size) {
        *upload_size = 0;   /* discard; answered below */
        *state = (void *)2;
        return MHD_YES;
    }
    dk_api_response r;
    memset(&r, 0, sizeof r);
    char err[300];
    if (*state == (void *)2) {
        static const char msg[] = "{\"error\":\"request bodies are not accepted\"}\n";
        access_log(sv, c, method, url, 413, sizeof msg - 1);
        return send_reply(c, 413, "application/json", msg, sizeof msg - 1);
    }
    if (strlen(url) > MAX_URL) {
        static const char msg[] = "{\"error\":\"URL too long\"}\n";
        access_log(sv, c, method, url, 414, sizeof msg - 1);
        return send_reply(c, 414, "application/json", msg, sizeof msg - 1);
    }
    if (strcmp(url, "/healthz") != 0 && strncmp(url, "/api/", 5) != 0)
        return send_static(sv, c, method, url);
    dk_api *a = thread_api(sv, err, sizeof err);
    if (!a) {
        static const char msg[] = "{\"error\":\"the record cannot be opened\"}\n";
        access_log(sv, c, method, url, 503, sizeof msg - 1);
        return send_reply(c, 503, "application/json", msg, sizeof msg - 1);
    }
    dk_api_handle(a, method, url, get_param, c, &r);
    if (!r.status) {
        r.status = 500;
        r.content_type = "application/json";
    }
    if (r.body.len == 0 || r.body.data[r.body.len - 1] != '\n')
        dk_buf_putc(&r.body, '\n');
    access_log(sv, c, method, url, r.status, r.body.len);
    enum MHD_Result res = send_reply(c, r.status, r.content_type,
                                     r.body.data ? r.body.data : "",
                                     r.body.len);
    dk_buf_free(&r.body);
    return res;
}

dk_status dk_http_serve(const dk_http_opts *o, char *err, size_t cap)
{
    server sv;
    memset(&sv, 0, sizeof sv);
    sv.o = o;
    pthread_mutex_init(&sv.lock, NULL);
    pthread_key_create(&sv.key, NULL);

    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)o->port);
    if (inet_pton(AF_INET, o->bind ? o->bind : "127.0.0.1", &addr.sin_addr) != 1) {
        snprintf(err, cap, "--bind: not an IPv4 address: %s", o->bind);
        return DK_ERR_USAGE;
    }
    /* check the record opens before listening */
    dk_api *probe = dk_api_open(o->db, NULL, err, cap);
    if (!probe)
        return DK_ERR_DB;
    dk_api_close(probe);
    if (o->token) {
        sv.writer = dk_api_writer_open(o->db, o->pack_dir, o->token,
                                       o->max_body, err, cap);
        if (!sv.writer)
            return DK_ERR_DB;
    }

    /* the signals that stop us are taken by sigwait below, in this thread
     * only: block them before the pool threads start, so they inherit it */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
            MHD_USE_ERROR_LOG,
        0, NULL, NULL, on_request, &sv,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, &sv,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads > 0 ? o->threads : 4),
        MHD_OPTION_CONNECTION_TIMEOUT, o->timeout ? o->timeout : 10u,
        MHD_OPTION_CONNECTION_LIMIT, o->max_conns ? o->max_conns : 256u,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
        MHD_OPTION_END);
    if (!d) {
        snprintf(err, cap, "cannot listen on %s:%d: %s",
                 o->bind ? o->bind : "127.0.0.1", o->port, strerror(errno));
        pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
        dk_api_writer_close(sv.writer);
        return DK_ERR_IO;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    fprintf(stderr, "dostyk: listening on http://%s:%u/\n",
            o->bind ? o->bind : "127.0.0.1", info ? info->port : (unsigned)o->port);
    fflush(stderr);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "dostyk: %s, stopping\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
    MHD_stop_daemon(d);   /* waits for the requests under way */
    for (int i = 0; i < sv.napis; i++)
        dk_api_close(sv.apis[i]);
    dk_api_writer_close(sv.writer);
    pthread_key_delete(sv.key);
    pthread_mutex_destroy(&sv.lock);
    pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
    return DK_OK;
}
