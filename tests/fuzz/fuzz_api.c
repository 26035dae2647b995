/*
 * fuzz_api.c - libFuzzer target for the HTTP API's request handling
 * without the network: arbitrary paths and query parameters through
 * dk_api_handle (parameter checks, the FTS query rewriter, the claim
 * reader, the event linking) against a small record made once, and POST /api/ingest
 * (dk_api_ingest: the bearer check, JSON Lines through the ingest
 * pipeline, per-line errors) on the same record.  Invariants: every
 * answer has a status, and its body is one valid JSON value.
 *
 * Input: "path\nname=value\nname=value..." (bytes after the first line
 * are parameters, NUL-free).  When the path is "/api/ingest" the rest is
 * the request body, sent with the right token; "/api/ingest?" sends it
 * with a wrong one.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>
#include "serve/api.h"
#include "serve/writer.h"
#include "store/store.h"

static dk_api *api;
static dk_api_writer *writer;
#define TOKEN "fuzz-token-0123456789"

typedef struct params {
    char *name[8], *value[8];
    int n;
} params;

static const char *get(void *req, const char *name)
{
    params *p = req;
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->name[i], name) == 0)
            return p->value[i];
    return NULL;
}

static void setup(void)
{
    char path[] = "/tmp/dostyk-fuzz-api-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        abort();
    close(fd);
    unlink(path);
    dk_store *s;
    char err[256];
    if (dk_store_open(path, 0, &s, err, sizeof err))
        abort();
    dk_options eo = {.sentences = 1};
    dk_engine *e = dk_engine_new(&eo, NULL);
    const char *text = "Trade between Kazakhstan and China reached $41 billion "
                       "in 2023. The border is 1,783 km long.";
    dk_docmeta m = {.name = "a", .date = "2024-01-01"};
    char hash[17];
    int64_t doc, sent = 0;
    dk_store_hash(&m, text, strlen(text), hash);
    dk_store_begin(s);
    dk_store_put_doc(s, &m, hash, text, strlen(text), &doc);
    dk_doc *d = dk_doc_open(e, "a", "2024-01-01");
    dk_doc_feed(d, text, strlen(text));
    dk_doc_finish(d);
    const dk_mention *mm;
    while ((mm = dk_doc_next(d)) != NULL) {
        if (mm->kind == DK_SENTENCE)
            dk_store_put_sentence(s, doc, mm->start, mm->end, mm->text,
                                  mm->end - mm->start, &sent);
        else
            dk_store_put_mention(s, doc, sent, mm);
    }
    dk_doc_close(d);
    dk_engine_free(e);
    /* two reports of one happening and a single, for /api/events */
    static const char *const dates[] = {"2023-05-17", "2023-05", "2024"};
    for (int i = 0; i < 3; i++) {
        dk_mention ev;
        memset(&ev, 0, sizeof ev);
        ev.kind = DK_EVENT;
        ev.text = text;
        ev.end = 5;
        snprintf(ev.event, sizeof ev.event, "meeting");
        snprintf(ev.cameo, sizeof ev.cameo, "040");
        ev.nactors = 2;
        snprintf(ev.actors[0], DK_ID_MAX, "tokayev");
        snprintf(ev.actors[1], DK_ID_MAX, "xi");
        snprintf(ev.date, sizeof ev.date, "%s", dates[i]);
        dk_store_put_mention(s, doc, sent, &ev);
    }
    dk_store_commit(s);
    dk_store_close(s);
    api = dk_api_open(path, NULL, err, sizeof err);
    writer = dk_api_writer_open(path, NULL, TOKEN, 0, err, sizeof err);
    if (!api || !writer)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!api)
        setup();
    if (size > 4096 || memchr(data, 0, size))
        return 0;
    char *buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    dk_api_response r;
    memset(&r, 0, sizeof r);
    char *path = buf, *nl = strchr(buf, '\n');
    if (nl && (size_t)(nl - buf) >= 11 && memcmp(buf, "/api/ingest", 11) == 0) {
        const char *auth = nl - buf == 11 ? "Bearer " TOKEN : "Bearer " TOKEN "x";
        dk_api_ingest(writer, auth, nl + 1, size - (size_t)(nl + 1 - buf), &r);
        goto check;
    }
    params p = {0};
    if (nl) {
        *nl = '\0';
        char *line = nl + 1;
        while (line && p.n < 8) {
            char *next = strchr(line, '\n');
            if (next)
                *next++ = '\0';
            char *eq = strchr(line, '=');
            if (eq) {
                *eq = '\0';
                p.name[p.n] = line;
                p.value[p.n++] = eq + 1;
            }
            line = next;
        }
    }
    dk_api_handle(api, "GET", path, get, &p, &r);
check:
    if (r.status < 200 || r.status > 599)
        abort();
    json_error_t je;
    json_t *o = json_loadb(r.body.data, r.body.len, JSON_DECODE_ANY, &je);
    if (!o) {
        fprintf(stderr, "not JSON: %.*s\n", (int)r.body.len, r.body.data);
        abort();
    }
    json_decref(o);
    dk_buf_free(&r.body);
    free(buf);
    return 0;
}
