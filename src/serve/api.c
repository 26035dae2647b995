/*
 * api.c - the JSON API handlers (see api.h).  Routes:
 *   GET /healthz
 *   GET /api/stats
 *   GET /api/docs                       GET /api/docs/{id}
 *   GET /api/search?q=&from=&to=&source=&entity=&metric=&limit=
 *   GET /api/facts?metric=&subject=&period=&doc=&limit=
 *   GET /api/timeline?metric=&subjects=
 *   GET /api/conflicts?metric=
 *   GET /api/check?claim=&date=
 *   GET /api/events?actor=&type=&from=&to=&limit=
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "api.h"
#include "../analyse/check.h"
#include "../analyse/crosscheck.h"
#include "../analyse/events.h"
#include "../store/events.h"
#include "../store/query.h"
#include "../store/search.h"
#include "../store/store.h"
#include "../text/jsonw.h"

#define DEFAULT_LIMIT 100
#define MAX_LIMIT 10000

struct dk_api {
    dk_store *store;
    char *pack_dir;
    dk_checker *checker;      /* made on the first check */
    long long version;        /* data_version the checker was made at */
};

int dk_api_valid_date(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != '-')
            return 0;
    return 1;
}

int dk_api_valid_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
            return 0;
    }
    return n >= 1 && n < DK_ID_MAX;
}

int dk_api_valid_ids(const char *s)
{
    char one[DK_ID_MAX];
    int n = 0;
    for (;;) {
        const char *c = strchr(s, ',');
        size_t len = c ? (size_t)(c - s) : strlen(s);
        if (len == 0 || len >= sizeof one || ++n > DK_MAX_SUBJECTS)
            return 0;
        memcpy(one, s, len);
        one[len] = '\0';
        if (!dk_api_valid_id(one))
            return 0;
        if (!c)
            return 1;
        s = c + 1;
    }
}

int dk_api_valid_count(const char *s, long max, long *out)
{
    long v = 0;
    if (!*s || strlen(s) > 9)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return 0;
        v = v * 10 + (*s - '0');
    }
    if (v < 1 || v > max)
        return 0;
    *out = v;
    return 1;
}

dk_api *dk_api_open(const char *db, const char *pack_dir, char *err,
                    size_t cap)
{
    dk_api *a = calloc(1, sizeof *a);
    if (!a) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    if (dk_store_open(db, 1, &a->store, err, cap) != DK_OK) {
        free(a);
        return NULL;
    }
    a->pack_dir = pack_dir ? strdup(pack_dir) : NULL;
    if (pack_dir && !a->pack_dir) {
        dk_store_close(a->store);
        free(a);
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    return a;
}

void dk_api_close(dk_api *a)
{
    if (!a)
        return;
    dk_checker_close(a->checker);
    dk_store_close(a->store);
    free(a->pack_dir);
    free(a);
}

/* ---------------------------------------------------------------- replies */

static void reply_error(dk_api_response *r, int status, const char *msg)
{
    dk_jsonw w;
    r->status = status;
    r->content_type = "application/json";
    r->body.len = 0;
    dk_jw_begin(&w, &r->body);
    dk_jw_cstr(&w, "error", msg);
    dk_jw_end(&w);
    dk_buf_putc(&r->body, '\n');
}

static void reply_ok(dk_api_response *r)
{
    r->status = 200;
    r->content_type = "application/json";
}

static void reply_db_error(dk_api *a, dk_api_response *r)
{
    char msg[300];
    snprintf(msg, sizeof msg, "database error: %s", dk_store_errmsg(a->store));
    reply_error(r, 500, msg);
}

/* A parameter checked by f; on a bad value answers 400 and returns 0. */
static int param(dk_api_param get, void *req, const char *name,
                 int (*ok)(const char *), const char **out,
                 dk_api_response *r)
{
    *out = get(req, name);
    if (*out && !**out)
        *out = NULL;
    if (*out && ok && !ok(*out)) {
        char msg[128];
        snprintf(msg, sizeof msg, "bad value for parameter '%s'", name);
        reply_error(r, 400, msg);
        return 0;
    }
    return 1;
}

static int limit_param(dk_api_param get, void *req, long *limit,
                       dk_api_response *r)
{
    const char *v = get(req, "limit");
    *limit = DEFAULT_LIMIT;
    if (v && *v && !dk_api_valid_count(v, MAX_LIMIT, limit)) {
        reply_error(r, 400, "bad value for parameter 'limit' (1-10000)");
        return 0;
    }
    return 1;
}

/* ---------------------------------------------------------------- handlers */

static long long count(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int count_map(dk_jsonw *w, sqlite3 *db, const char *key,
                     const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return 0;
    dk_jw_obj(w, key);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        dk_jw_int(w, k ? k : "-", sqlite3_column_int64(st, 1));
    }
    dk_jw_end(w);
    sqlite3_finalize(st);
    return 1;
}

static void h_stats(dk_api *a, dk_api_response *r)
{
    sqlite3 *db = dk_store_db(a->store);
    dk_jsonw w;
    dk_jw_begin(&w, &r->body);
    dk_jw_int(&w, "documents", count(db, "SELECT count(*) FROM docs"));
    dk_jw_int(&w, "sentences", count(db, "SELECT count(*) FROM sentences"));
    dk_jw_int(&w, "mentions", count(db, "SELECT count(*) FROM mentions"));
    dk_jw_int(&w, "bytes", count(db, "SELECT coalesce(sum(bytes),0) FROM docs"));
    int ok = count_map(&w, db, "kinds", "SELECT kind, count(*) FROM mentions "
                                        "GROUP BY kind ORDER BY 2 DESC") &&
             count_map(&w, db, "metrics", "SELECT metric, count(*) FROM mentions "
                       "WHERE metric IS NOT NULL GROUP BY metric ORDER BY 2 DESC") &&
             count_map(&w, db, "sources", "SELECT coalesce(source,'-'), count(*) "
                       "FROM docs GROUP BY 1 ORDER BY 2 DESC");
    dk_jw_end(&w);
    if (!ok || w.err)
        reply_db_error(a, r);
    else
        reply_ok(r);
}

static void h_docs(dk_api *a, dk_api_param get, void *req, dk_api_response *r)
{
    long limit;
    if (!limit_param(get, req, &limit, r))
        return;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(dk_store_db(a->store),
            "SELECT d.name, d.title, d.date, d.source, d.url, d.author, "
            "d.bytes, coalesce(r.mentions, 0) FROM docs d "
            "LEFT JOIN doc_rows r ON r.doc = d.id "
            "ORDER BY d.date DESC, d.name LIMIT ?1", -1, &st,
            NULL) != SQLITE_OK) {
        reply_db_error(a, r);
        return;
    }
    sqlite3_bind_int64(st, 1, limit);
    static const char *const keys[] = {"doc", "title", "date", "source",
                                       "url", "author"};
    dk_jsonw w;
    dk_buf_putc(&r->body, '[');
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n++)
            dk_buf_putc(&r->body, ',');
        dk_jw_begin(&w, &r->body);
        for (int i = 0; i < 6; i++) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            if (v)
                dk_jw_cstr(&w, keys[i], v);
        }
        dk_jw_int(&w, "bytes", sqlite3_column_int64(st, 6));
        dk_jw_int(&w, "mentions", sqlite3_column_int64(st, 7));
        dk_jw_end(&w);
    }
    sqlite3_finalize(st);
    dk_buf_putc(&r->body, ']');
    if (rc != SQLITE_DONE)
        reply_db_error(a, r);
    else
        reply_ok(r);
}

static void h_doc(dk_api *a, const char *name, dk_api_response *r)
{
    sqlite3 *db = dk_store_db(a->store);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT id, name, title, date, source, url, "
                           "author, text, cut FROM docs WHERE name = ?1", -1, &st,
                           NULL) != SQLITE_OK) {
        reply_db_error(a, r);
        return;
    }
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        reply_error(r, 404, "no such document");
        return;
    }
    static const char *const keys[] = {"doc", "title", "date", "source",
                                       "url", "author", "text"};
    sqlite3_int64 id = sqlite3_column_int64(st, 0);
    /* the whole text, its sentences put back in when they were cut */
    dk_buf whole = {0};
    const char *stored = (const char *)sqlite3_column_text(st, 7);
    if (dk_store_doc_text(db, id, stored ? stored : "",
                          (size_t)sqlite3_column_bytes(st, 7),
                          sqlite3_column_int(st, 8), &whole)) {
        dk_buf_free(&whole);
        sqlite3_finalize(st);
        reply_db_error(a, r);
        return;
    }
    dk_jsonw w;
    dk_jw_begin(&w, &r->body);
    for (int i = 0; i < 6; i++) {
        const char *v = (const char *)sqlite3_column_text(st, i + 1);
        if (v)
            dk_jw_str(&w, keys[i], v, (size_t)sqlite3_column_bytes(st, i + 1));
    }
    dk_jw_str(&w, keys[6], whole.data ? whole.data : "", whole.len);
    dk_buf_free(&whole);
    sqlite3_finalize(st);
    dk_jw_arr(&w, "mentions");
    if (sqlite3_prepare_v2(db, "SELECT " DK_MENTION_COLS " FROM doc_mentions "
                           "m WHERE m.doc = ?1 ORDER BY m.start, m.end DESC",
                           -1, &st, NULL) != SQLITE_OK) {
        reply_db_error(a, r);
        return;
    }
    sqlite3_bind_int64(st, 1, id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        dk_mention m;
        dk_store_read_mention(st, 0, &m);
        if (w.b->data[w.b->len - 1] != '[')
            dk_buf_putc(w.b, ',');
        dk_json_mention(w.b, name, &m);
    }
    sqlite3_finalize(st);
    dk_jw_arr_end(&w);
    dk_jw_end(&w);
    if (rc != SQLITE_DONE || w.err)
        reply_db_error(a, r);
    else
        reply_ok(r);
}

static void h_search(dk_api *a, dk_api_param get, void *req, dk_api_response *r)
{
    dk_searchq q;
    memset(&q, 0, sizeof q);
    q.query = get(req, "q");
    if (!q.query || !*q.query) {
        reply_error(r, 400, "missing parameter 'q'");
        return;
    }
    if (!param(get, req, "from", dk_api_valid_date, &q.from, r) ||
        !param(get, req, "to", dk_api_valid_date, &q.to, r) ||
        !param(get, req, "source", NULL, &q.source, r) ||
        !param(get, req, "entity", dk_api_valid_id, &q.entity, r) ||
        !param(get, req, "metric", dk_api_valid_id, &q.metric, r) ||
        !limit_param(get, req, &q.limit, r))
        return;
    dk_search hit;
    dk_status s = dk_search_open(dk_store_db(a->store), &q, &hit);
    if (s == DK_ERR_USAGE) {
        reply_error(r, 400, "the query has no words");
        return;
    }
    if (s) {
        reply_db_error(a, r);
        return;
    }
    dk_buf_putc(&r->body, '[');
    int n = 0, more;
    while ((more = dk_search_next(&hit)) == 1) {
        if (n++)
            dk_buf_putc(&r->body, ',');
        dk_search_row_json(&r->body, &hit);
    }
    dk_buf_putc(&r->body, ']');
    dk_search_close(&hit);
    if (more < 0)
        reply_error(r, 400, "bad search query");
    else
        reply_ok(r);
}

static void h_facts(dk_api *a, dk_api_param get, void *req, dk_api_response *r)
{
    dk_mentionq q;
    memset(&q, 0, sizeof q);
    q.facts_only = 1;
    long limit;
    if (!param(get, req, "metric", dk_api_valid_id, &q.metric, r) ||
        !param(get, req, "subject", dk_api_valid_id, &q.subject, r) ||
        !param(get, req, "period", NULL, &q.period, r) ||
        !param(get, req, "doc", NULL, &q.doc, r) ||
        !limit_param(get, req, &limit, r))
        return;
    sqlite3_stmt *st;
    if (dk_mentions_prepare(dk_store_db(a->store), &q, &st)) {
        reply_db_error(a, r);
        return;
    }
    dk_buf_putc(&r->body, '[');
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < limit) {
        if (n++)
            dk_buf_putc(&r->body, ',');
        dk_mention_row_json(&r->body, st);
    }
    dk_buf_putc(&r->body, ']');
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        reply_db_error(a, r);
    else
        reply_ok(r);
}

static void h_groups(dk_api *a, dk_api_param get, void *req,
                     dk_api_response *r, int conflicts)
{
    const char *metric, *subjects = NULL;
    if (!param(get, req, "metric", dk_api_valid_id, &metric, r))
        return;
    if (!conflicts) {
        if (!metric) {
            reply_error(r, 400, "missing parameter 'metric'");
            return;
        }
        if (!param(get, req, "subjects", dk_api_valid_ids, &subjects, r))
            return;
    }
    dk_facts fs;
    dk_groups g;
    if (dk_facts_load(dk_store_db(a->store), metric, subjects, &fs)) {
        reply_db_error(a, r);
        return;
    }
    if (dk_group_facts(&fs, &g)) {
        dk_facts_free(&fs);
        reply_error(r, 500, "out of memory");
        return;
    }
    dk_buf_putc(&r->body, '[');
    int n = 0;
    for (int k = 0; k < g.n; k++) {
        if (conflicts && strcmp(g.v[k].cls, "agree") == 0)
            continue;
        if (n++)
            dk_buf_putc(&r->body, ',');
        if (conflicts)
            dk_conflict_json(&r->body, &fs, &g.v[k]);
        else
            dk_timeline_json(&r->body, &fs, &g.v[k]);
    }
    dk_buf_putc(&r->body, ']');
    dk_groups_free(&g);
    dk_facts_free(&fs);
    reply_ok(r);
}

/* The chronology: happenings as `dostyk events --json` writes them. */
static void h_events(dk_api *a, dk_api_param get, void *req,
                     dk_api_response *r)
{
    dk_evfilter f;
    memset(&f, 0, sizeof f);
    const char *from, *to;
    long limit;
    if (!param(get, req, "actor", dk_api_valid_id, &f.actor, r) ||
        !param(get, req, "type", dk_api_valid_id, &f.type, r) ||
        !param(get, req, "from", dk_api_valid_date, &from, r) ||
        !param(get, req, "to", dk_api_valid_date, &to, r) ||
        !limit_param(get, req, &limit, r))
        return;
    f.has_from = from && dk_period_parse(from, &f.from);
    f.has_to = to && dk_period_parse(to, &f.to);
    if ((from && !f.has_from) || (to && !f.has_to)) {
        reply_error(r, 400, "bad value for parameter 'from' or 'to'");
        return;
    }
    dk_evset set = {0};
    dk_happenings hs = {0};
    dk_status s = dk_events_load(dk_store_db(a->store), f.type, &set);
    if (s == DK_ERR_DB) {
        dk_evset_free(&set);
        reply_db_error(a, r);
        return;
    }
    if (!s)
        s = dk_events_link(&set, &hs);
    dk_buf_putc(&r->body, '[');
    int n = 0;
    for (int i = 0; i < hs.n && n < limit && !s; i++) {
        if (!dk_happening_matches(&set, &hs.v[i], &f))
            continue;
        if (n++)
            dk_buf_putc(&r->body, ',');
        s = dk_happening_json(&r->body, &set, &hs.v[i]);
    }
    if (!s)
        s = dk_buf_putc(&r->body, ']');
    dk_happenings_free(&hs);
    dk_evset_free(&set);
    if (s)
        reply_error(r, 500, "out of memory");
    else
        reply_ok(r);
}

static void h_check(dk_api *a, dk_api_param get, void *req, dk_api_response *r)
{
    const char *claim = get(req, "claim");
    if (!claim || !*claim) {
        reply_error(r, 400, "missing parameter 'claim'");
        return;
    }
    if (strlen(claim) > 2000) {
        reply_error(r, 400, "claim longer than 2000 bytes");
        return;
    }
    /* the checker holds a copy of the facts: remake it when the record
     * changed since (an ingest ran) */
    long long v = count(dk_store_db(a->store), "PRAGMA data_version");
    if (a->checker && v != a->version) {
        dk_checker_close(a->checker);
        a->checker = NULL;
    }
    if (!a->checker) {
        char err[300];
        if (dk_checker_open(dk_store_db(a->store), a->pack_dir, &a->checker,
                            err, sizeof err)) {
            reply_error(r, 500, err);
            return;
        }
        a->version = v;
    }
    const char *date = get(req, "date");
    if (dk_checker_set_date(a->checker, date) != 0) {
        reply_error(r, 400, "bad parameter 'date' (want YYYY-MM-DD)");
        return;
    }
    dk_status s = dk_check_claim(a->checker, claim, NULL, &r->body, NULL);
    if (s == DK_ERR_UTF8)
        reply_error(r, 400, "the claim is not valid UTF-8");
    else if (s)
        reply_error(r, 500, "out of memory");
    else
        reply_ok(r);
}

void dk_api_handle(dk_api *a, const char *method, const char *path,
                   dk_api_param get, void *req, dk_api_response *r)
{
    int is_get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    if (strcmp(path, "/healthz") == 0) {
        if (!is_get)
            goto not_allowed;
        reply_ok(r);
        dk_buf_append(&r->body, "{\"ok\":true}", 11);
        return;
    }
    if (strncmp(path, "/api/", 5) != 0) {
        reply_error(r, 404, "no such endpoint");
        return;
    }
    if (!is_get)
        goto not_allowed;
    const char *p = path + 5;
    if (strcmp(p, "stats") == 0)
        h_stats(a, r);
    else if (strcmp(p, "docs") == 0)
        h_docs(a, get, req, r);
    else if (strncmp(p, "docs/", 5) == 0 && p[5])
        h_doc(a, p + 5, r);
    else if (strcmp(p, "search") == 0)
        h_search(a, get, req, r);
    else if (strcmp(p, "facts") == 0)
        h_facts(a, get, req, r);
    else if (strcmp(p, "timeline") == 0)
        h_groups(a, get, req, r, 0);
    else if (strcmp(p, "conflicts") == 0)
        h_groups(a, get, req, r, 1);
    else if (strcmp(p, "check") == 0)
        h_check(a, get, req, r);
    else if (strcmp(p, "events") == 0)
        h_events(a, get, req, r);
    else
        reply_error(r, 404, "no such endpoint");
    return;
not_allowed:
    reply_error(r, 405, "method not allowed (the API is read-only)");
}
