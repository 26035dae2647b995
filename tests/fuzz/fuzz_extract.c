/*
 * fuzz_extract.c - libFuzzer target for the extraction path: arbitrary
 * bytes go through dk_doc_feed in random chunk splits and through the
 * JSON Lines record parser.
 *
 * Input layout: byte 0 picks the mode (bit 0: read the rest as one JSONL
 * record, bit 1: report sentences, bit 2: give a publication date; bits
 * 3-7 equal to 00001 and the low nibble of byte 1 zero: repeat the text
 * to 68 KiB, past the forced sentence cut and the end of the dateline
 * window, fed in bigger pieces - slow, so one input in 512),
 * bytes 1-2 seed the chunk splitter, the rest is the document.  Inputs
 * with sentences on go through an engine with the kz-cn pack loaded.
 *
 * Invariants checked (abort on failure, so libFuzzer reports a crash):
 *   - every mention has start < end <= length of the text fed;
 *   - its text pointer holds exactly the bytes [start, end) fed;
 *   - mentions come in non-decreasing start order;
 *   - the mentions and the status are the same whether the text is fed
 *     in one piece or in random pieces.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dostyk.h"
#include "ingest/jsonl.h"

#define MAX_SEEN 4096

typedef struct seen {
    uint64_t start, end;
    dk_kind kind;
} seen;

typedef struct result {
    seen v[MAX_SEEN];
    int n;          /* may exceed MAX_SEEN: only the first are kept */
    dk_status st;
} result;

static dk_engine *engines[2];
static result whole, split;

static void check(int ok, const char *what, const uint8_t *p, size_t n)
{
    if (ok)
        return;
    fprintf(stderr, "fuzz_extract: invariant broken: %s (text of %zu bytes: "
                    "\"%.*s\")\n", what, n, (int)(n < 200 ? n : 200), p);
    abort();
}

static void take(result *r, const dk_mention *m, const uint8_t *p, size_t n)
{
    check(m->start < m->end, "start < end", p, n);
    check(m->end <= n, "end <= length", p, n);
    check(m->text != NULL, "text set", p, n);
    check(memcmp(m->text, p + m->start, (size_t)(m->end - m->start)) == 0,
          "text is the bytes [start, end)", p, n);
    check(m->kind > DK_KIND_NONE && m->kind < DK_KIND_COUNT, "kind", p, n);
    if (r->n > 0 && r->n <= MAX_SEEN)
        check(m->start >= r->v[r->n - 1].start, "start order", p, n);
    if (r->n < MAX_SEEN) {
        r->v[r->n].start = m->start;
        r->v[r->n].end = m->end;
        r->v[r->n].kind = m->kind;
    }
    r->n++;
}

/* A tiny PRNG (xorshift32) for the chunk sizes. */
static uint32_t next_rand(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

/* Feed p[0, n) in chunks (seed 0: all at once) and record the result. */
static void run(dk_engine *e, const uint8_t *p, size_t n, const char *date,
                uint32_t seed, int big, result *r)
{
    r->n = 0;
    r->st = DK_OK;
    dk_doc *d = dk_doc_open(e, "fuzz", date);
    check(d != NULL, "dk_doc_open", p, n);
    const dk_mention *m;
    size_t off = 0;
    while (off < n && !r->st) {
        size_t k = n - off;
        if (seed) {
            uint32_t x = next_rand(&seed);
            /* mostly small pieces, sometimes big ones */
            size_t c = x & 0x100 ? 1 + (x >> 9) % 4096 : 1 + (x >> 9) % 8;
            if (big)
                c = 1 + (x >> 9) % 16384;
            if (c < k)
                k = c;
        }
        r->st = dk_doc_feed(d, (const char *)p + off, k);
        off += k;
        while ((m = dk_doc_next(d)) != NULL)
            take(r, m, p, n);
    }
    dk_status fs = dk_doc_finish(d);
    if (!r->st)
        r->st = fs;
    while ((m = dk_doc_next(d)) != NULL)
        take(r, m, p, n);
    check(r->st == DK_OK || dk_doc_errmsg(d)[0] != '\0', "error message", p, n);
    dk_doc_close(d);
}

static void same(const uint8_t *p, size_t n)
{
    check(whole.st == split.st, "same status in pieces", p, n);
    check(whole.n == split.n, "same number of mentions in pieces", p, n);
    int k = whole.n < MAX_SEEN ? whole.n : MAX_SEEN;
    for (int i = 0; i < k; i++)
        check(whole.v[i].start == split.v[i].start &&
              whole.v[i].end == split.v[i].end &&
              whole.v[i].kind == split.v[i].kind,
              "same mentions in pieces", p, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engines[0]) {
        dk_options o;
        memset(&o, 0, sizeof o);
        engines[0] = dk_engine_new(&o, NULL);
        /* the second engine also reads the domain pack (entities,
         * attribution, events) when it is found: the fuzzer runs from
         * the source tree (make fuzz), or DOSTYK_PACK names one */
        o.sentences = 1;
        const char *pack = getenv("DOSTYK_PACK");
        if (!pack || !*pack)
            pack = "packs/kz-cn";
        if (access(pack, R_OK) == 0)
            o.pack_dir = pack;
        engines[1] = dk_engine_new(&o, NULL);
        if (!engines[0] || !engines[1])
            abort();
    }
    if (size < 3)
        return 0;
    int mode = data[0];
    uint32_t seed = ((uint32_t)data[1] << 8 | data[2]) | 0x10000;
    const uint8_t *p = data + 3;
    size_t n = size - 3;
    dk_engine *e = engines[(mode >> 1) & 1];
    const char *date = mode & 4 ? "2024-05-22" : NULL;

    if (mode & 1) {
        dk_record r;
        char err[256];
        err[0] = '\0';
        dk_status st = dk_record_parse((const char *)p, n, &r, err, sizeof err);
        if (st) {
            check(st == DK_ERR_JSON, "record status", p, n);
            check(err[0] != '\0' && !strchr(err, '\n'), "record message", p, n);
            check(r.json == NULL, "record holds nothing", p, n);
            return 0;
        }
        check(r.text != NULL, "record text", p, n);
        const uint8_t *t = (const uint8_t *)r.text;
        const char *rdate = r.date ? r.date : date;
        dk_doc *probe = dk_doc_open(e, "probe", rdate);
        if (probe) {
            dk_doc_close(probe);
            run(e, t, r.text_len, rdate, 0, 0, &whole);
            run(e, t, r.text_len, rdate, seed, 0, &split);
            same(t, r.text_len);
        }
        dk_record_free(&r);
        return 0;
    }
    int big = (mode & 0xF8) == 0x08 && (data[1] & 0x0F) == 0 && n > 0;
    if (big) {
        /* 68 KiB of the same text over and over */
        static uint8_t rep[68 * 1024];
        size_t len = 0;
        while (len < sizeof rep) {
            size_t k = n < sizeof rep - len ? n : sizeof rep - len;
            memcpy(rep + len, p, k);
            len += k;
        }
        p = rep;
        n = len;
    }
    run(e, p, n, date, 0, big, &whole);
    run(e, p, n, date, seed, big, &split);
    same(p, n);
    return 0;
}
