/*
 * test_engine.c - unit tests of the streaming document driver
 * (src/recognise/engine.c through include/dostyk.h): chunked feeding
 * gives the same mentions as whole feeding for every chunk size, spans
 * and texts are exact, bad input is reported with its byte offset, and
 * a sentence too long to hold is cut without losing text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "dostyk.h"
#include "recognise.h"

/* Our own news-like text: figures, dates, durations, quotes, UTF-8. */
static const char sample[] =
    "ASTANA, March 3, 2024. Trade between the two countries reached "
    "$31.5 billion in 2023, up 28.3 percent from 2022.\n"
    "The U.S. Treasury said No. 5 of the reports was late. Sept. 12 "
    "talks lasted three days; about 1,783 trucks crossed the border "
    "in the first 11 months of the year.\n"
    "“We will double it,” Mr. Li said. Exports grew 1.7-fold to "
    "12 million tonnes, and the rail line is 1,500 km long. "
    "Қазақстан exported 40% more grain to 中国 last year. "
    "Some 200 companies took part.";

typedef struct seen {
    uint64_t start, end;
    dk_kind kind;
    double value;
    char unit[16];
    char date[DK_DATE_MAX];
} seen;

typedef struct run {
    seen *v;       /* malloc'd, freed by the next feed() into this run */
    int n, cap;
    dk_status feed, finish;
    char err[256];
} run;

static dk_engine *engine;
static dk_engine *engine_sent;   /* with sentences */

/* Check one mention against the document and record it. */
static void take(run *r, const char *doc, size_t len, const dk_mention *m)
{
    assert_true(m->start < m->end);
    assert_true(m->end <= len);
    assert_non_null(m->text);
    assert_memory_equal(m->text, doc + m->start, m->end - m->start);
    assert_true(m->kind > DK_KIND_NONE && m->kind < DK_KIND_COUNT);
    if (r->n > 0)
        assert_true(m->start >= r->v[r->n - 1].start);   /* text order */
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 256;
        r->v = realloc(r->v, (size_t)r->cap * sizeof *r->v);
        assert_non_null(r->v);
    }
    seen *s = &r->v[r->n++];
    memset(s, 0, sizeof *s);
    s->start = m->start;
    s->end = m->end;
    s->kind = m->kind;
    s->value = m->value;
    memcpy(s->unit, m->unit, sizeof s->unit);
    memcpy(s->date, m->date, sizeof s->date);
}

/* Feed doc[0, len) in chunks of k bytes (k = 0: all at once), reading
 * mentions after every call. */
static void feed(dk_engine *e, const char *doc, size_t len, size_t k,
                 const char *date, run *r)
{
    seen *keep = r->v;
    int cap = r->cap;
    memset(r, 0, sizeof *r);
    r->v = keep;
    r->cap = cap;
    dk_doc *d = dk_doc_open(e, "t", date);
    assert_non_null(d);
    const dk_mention *m;
    if (k == 0)
        k = len ? len : 1;
    for (size_t off = 0; off < len && !r->feed; off += k) {
        size_t n = len - off < k ? len - off : k;
        r->feed = dk_doc_feed(d, doc + off, n);
        while ((m = dk_doc_next(d)) != NULL)
            take(r, doc, len, m);
    }
    r->finish = dk_doc_finish(d);
    while ((m = dk_doc_next(d)) != NULL)
        take(r, doc, len, m);
    snprintf(r->err, sizeof r->err, "%s", dk_doc_errmsg(d));
    dk_doc_close(d);
}

static void same(const run *a, const run *b, size_t k)
{
    if (a->n != b->n)
        fail_msg("chunk %zu: %d mentions, whole: %d", k, b->n, a->n);
    for (int i = 0; i < a->n; i++) {
        const seen *x = &a->v[i], *y = &b->v[i];
        if (x->start != y->start || x->end != y->end || x->kind != y->kind ||
            x->value != y->value || strcmp(x->unit, y->unit) ||
            strcmp(x->date, y->date))
            fail_msg("chunk %zu: mention %d differs: [%llu,%llu) %s vs "
                     "[%llu,%llu) %s", k, i, (unsigned long long)x->start,
                     (unsigned long long)x->end, dk_kind_name(x->kind),
                     (unsigned long long)y->start, (unsigned long long)y->end,
                     dk_kind_name(y->kind));
    }
    assert_int_equal(a->feed, b->feed);
    assert_int_equal(a->finish, b->finish);
}

static run whole, part, longrun[4];

static int setup(void **state)
{
    (void)state;
    dk_options o;
    memset(&o, 0, sizeof o);
    dk_status st;
    engine = dk_engine_new(&o, &st);
    o.sentences = 1;
    engine_sent = dk_engine_new(&o, &st);
    return engine && engine_sent ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    dk_engine_free(engine);
    dk_engine_free(engine_sent);
    free(whole.v);
    free(part.v);
    for (int i = 0; i < 4; i++)
        free(longrun[i].v);
    return 0;
}


static void test_finds_something(void **state)
{
    (void)state;
    feed(engine, sample, strlen(sample), 0, NULL, &whole);
    assert_int_equal(whole.feed, DK_OK);
    assert_int_equal(whole.finish, DK_OK);
    assert_true(whole.n >= 5);
    int money = 0, dates = 0;
    for (int i = 0; i < whole.n; i++) {
        money += whole.v[i].kind == DK_MONEY;
        dates += whole.v[i].kind == DK_DATE;
    }
    assert_true(money >= 1);
    assert_true(dates >= 1);
}

static void test_chunk_sizes(void **state)
{
    (void)state;
    size_t len = strlen(sample);
    dk_engine *es[2] = {engine, engine_sent};
    const char *dates[2] = {NULL, "2024-03-03"};
    for (int e = 0; e < 2; e++)
        for (int dt = 0; dt < 2; dt++) {
            feed(es[e], sample, len, 0, dates[dt], &whole);
            for (size_t k = 1; k <= 64; k++) {
                feed(es[e], sample, len, k, dates[dt], &part);
                same(&whole, &part, k);
            }
            feed(es[e], sample, len, len - 1, dates[dt], &part);
            same(&whole, &part, len - 1);
        }
}

/* A document longer than the dateline window and with many sentences,
 * fed in uneven chunks. */
static void test_chunk_sizes_long(void **state)
{
    (void)state;
    size_t cap = 200 * 1024, len = 0;
    char *doc = malloc(cap);
    assert_non_null(doc);
    while (len + sizeof sample + 1 < cap) {
        memcpy(doc + len, sample, sizeof sample - 1);
        len += sizeof sample - 1;
        doc[len] = len % 3 ? ' ' : '\n';
        len++;
    }
    feed(engine_sent, doc, len, 0, NULL, &whole);
    assert_int_equal(whole.finish, DK_OK);
    const size_t ks[] = {1, 5, 4093, 65536, 65537, 100000};
    for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++) {
        feed(engine_sent, doc, len, ks[i], NULL, &part);
        same(&whole, &part, ks[i]);
    }
    free(doc);
}

static void test_sentences_cover_text(void **state)
{
    (void)state;
    feed(engine_sent, sample, strlen(sample), 1, NULL, &part);
    /* every non-space byte lies in exactly one sentence */
    size_t len = strlen(sample);
    char *cov = calloc(len, 1);
    assert_non_null(cov);
    int nsent = 0;
    for (int i = 0; i < part.n; i++) {
        if (part.v[i].kind != DK_SENTENCE)
            continue;
        nsent++;
        for (uint64_t b = part.v[i].start; b < part.v[i].end; b++)
            cov[b]++;
    }
    for (size_t b = 0; b < len; b++) {
        if (sample[b] == ' ' || sample[b] == '\n')
            assert_true(cov[b] <= 1);
        else if (cov[b] != 1)
            fail_msg("byte %zu ('%c') in %d sentences", b, sample[b], cov[b]);
    }
    assert_true(nsent >= 8);
    free(cov);
}

static void expect_error(const char *doc, size_t len, dk_status want,
                         const char *msg)
{
    for (size_t k = 0; k <= len; k++) {
        feed(engine, doc, len, k, NULL, &part);
        dk_status got = part.feed ? part.feed : part.finish;
        assert_int_equal(got, want);
        if (!strstr(part.err, msg))
            fail_msg("chunk %zu: message \"%s\" lacks \"%s\"", k, part.err, msg);
    }
}

#define ERR(lit, st, msg) expect_error(lit, sizeof(lit) - 1, st, msg)

static void test_bad_input(void **state)
{
    (void)state;
    ERR("Good text. \xFF bad", DK_ERR_UTF8, "invalid UTF-8 at byte 11");
    ERR("ab\xC3\x28", DK_ERR_UTF8, "at byte 3");
    ERR("ab\xED\xA0\x80", DK_ERR_UTF8, "at byte 3");     /* surrogate */
    ERR("ab\xE0\x80\x80", DK_ERR_UTF8, "at byte 3");     /* overlong */
    ERR("text\0more", DK_ERR_BINARY, "NUL byte) at byte 4");
    ERR("cut at the end \xE2\x82", DK_ERR_UTF8, "truncated sequence at byte 15");
}

/* Mentions found before an error can still be read. */
static void test_mentions_before_error(void **state)
{
    (void)state;
    const char doc[] = "Trade reached $31.5 billion in 2023.\nThen \xFF.";
    feed(engine, doc, sizeof doc - 1, 0, NULL, &part);
    assert_int_equal(part.feed, DK_ERR_UTF8);
    assert_true(part.n >= 1);
    for (int i = 0; i < part.n; i++)
        assert_true(part.v[i].end <= 37);
}

static void test_api_misuse(void **state)
{
    (void)state;
    assert_null(dk_doc_open(NULL, "x", NULL));
    assert_null(dk_doc_open(engine, "x", "yesterday"));
    assert_null(dk_doc_open(engine, "x", "2024-13-01"));
    dk_doc *d = dk_doc_open(engine, NULL, "2024-05");
    assert_non_null(d);
    assert_string_equal(dk_doc_id(d), "stdin");
    assert_string_equal(dk_doc_date(d), "2024-05");
    assert_string_equal(dk_doc_errmsg(d), "");
    assert_int_equal(dk_doc_feed(d, "One.", 4), DK_OK);
    assert_int_equal(dk_doc_finish(d), DK_OK);
    assert_int_equal(dk_doc_finish(d), DK_OK);         /* twice is fine */
    assert_int_equal(dk_doc_feed(d, "More.", 5), DK_ERR_USAGE);
    dk_doc_close(d);
    dk_doc_close(NULL);
    dk_engine_free(NULL);
    /* empty document */
    d = dk_doc_open(engine, "e", NULL);
    assert_int_equal(dk_doc_feed(d, "", 0), DK_OK);
    assert_int_equal(dk_doc_finish(d), DK_OK);
    assert_null(dk_doc_next(d));
    dk_doc_close(d);
    /* closing without finishing frees everything (checked under ASan) */
    d = dk_doc_open(engine, "e", NULL);
    assert_int_equal(dk_doc_feed(d, sample, 100), DK_OK);
    dk_doc_close(d);
}

/* The date given to open is the document's; without one, whatever the
 * dateline finder says is a date or nothing. */
static void test_doc_date(void **state)
{
    (void)state;
    dk_doc *d = dk_doc_open(engine, "t", "2024-03-03T10:00:00Z");
    assert_non_null(d);
    assert_string_equal(dk_doc_date(d), "2024-03-03");
    assert_int_equal(dk_doc_feed(d, sample, strlen(sample)), DK_OK);
    assert_int_equal(dk_doc_finish(d), DK_OK);
    assert_string_equal(dk_doc_date(d), "2024-03-03");
    dk_doc_close(d);
    d = dk_doc_open(engine, "t", NULL);
    assert_non_null(d);
    assert_string_equal(dk_doc_date(d), "");
    assert_int_equal(dk_doc_feed(d, sample, strlen(sample)), DK_OK);
    assert_int_equal(dk_doc_finish(d), DK_OK);
    const char *dt = dk_doc_date(d);
    size_t n = strlen(dt);
    assert_true(n == 0 || n == 4 || n == 7 || n == 10);
    dk_doc_close(d);
}

/* One line of 300 KB without a sentence end is cut into pieces of at
 * most 64 KiB, and no byte is lost. */
static void test_long_sentence(void **state)
{
    (void)state;
    size_t len = 300 * 1024;
    char *doc = malloc(len);
    assert_non_null(doc);
    static const char words[] = "trade grew by 5 percent and then ";
    for (size_t i = 0; i < len; i++)
        doc[i] = words[i % (sizeof words - 1)];
    const size_t ks[] = {0, 1000, 65536, 7};
    run *prev = NULL;
    run *r = longrun;
    for (size_t i = 0; i < 4; i++) {
        feed(engine_sent, doc, len, ks[i], "2024", &r[i]);
        assert_int_equal(r[i].finish, DK_OK);
        uint64_t covered = 0, last_end = 0;
        int pieces = 0, figures = 0;
        for (int j = 0; j < r[i].n; j++) {
            const seen *s = &r[i].v[j];
            if (s->kind != DK_SENTENCE) {
                figures++;
                continue;
            }
            pieces++;
            assert_true(s->end - s->start <= 64 * 1024);
            /* only spaces between pieces */
            for (uint64_t b = last_end; b < s->start; b++)
                assert_int_equal(doc[b], ' ');
            covered += s->end - s->start;
            last_end = s->end;
        }
        for (uint64_t b = last_end; b < len; b++)
            assert_int_equal(doc[b], ' ');
        assert_true(pieces >= 5);
        assert_true(covered >= len - (uint64_t)pieces - 1);
        assert_true(figures > 1000);    /* recognition goes on */
        if (prev)
            same(prev, &r[i], ks[i]);
        prev = &r[i];
    }
    /* no white space at all: cut at a character boundary */
    for (size_t i = 0; i < len; i++)
        doc[i] = i % 2 ? (char)0x96 : (char)0xD0;   /* "Ж" repeated */
    feed(engine_sent, doc, len, 4099, NULL, &r[0]);
    assert_int_equal(r[0].feed, DK_OK);
    assert_int_equal(r[0].finish, DK_OK);
    uint64_t at = 0;
    for (int j = 0; j < r[0].n; j++) {
        if (r[0].v[j].kind != DK_SENTENCE)
            continue;
        assert_int_equal(r[0].v[j].start, at);
        assert_int_equal(r[0].v[j].start % 2, 0);
        at = r[0].v[j].end;
    }
    assert_int_equal(at, len);
    free(doc);
}

/* Sentences around the 64 KiB limit, with white space before them and
 * a real end after it: the pieces are the same for every chunk size and
 * never start or end with white space. */
static void test_long_sentence_edges(void **state)
{
    (void)state;
    static const char words[] = "exports rose by 7 percent ";
    const size_t lens[] = {64 * 1024 - 40, 64 * 1024 + 10, 64 * 1024 + 700,
                           100 * 1024};
    for (size_t li = 0; li < sizeof lens / sizeof lens[0]; li++) {
        size_t body = lens[li], len = 0;
        char *doc = malloc(body + 64);
        assert_non_null(doc);
        len += (size_t)sprintf(doc, "First one. \n   ");
        for (size_t i = 0; i < body; i++)
            doc[len++] = words[i % (sizeof words - 1)];
        len += (size_t)sprintf(doc + len, ". Then 5 percent.");
        run *r = longrun;
        const size_t ks[] = {0, 1, 4096, 65536, 3000};
        for (size_t i = 0; i < 5; i++) {
            feed(engine_sent, doc, len, ks[i], "2024", &r[i ? 1 : 0]);
            assert_int_equal(r[i ? 1 : 0].finish, DK_OK);
            for (int j = 0; j < r[i ? 1 : 0].n; j++) {
                const seen *sn = &r[i ? 1 : 0].v[j];
                if (sn->kind != DK_SENTENCE)
                    continue;
                assert_true(sn->end - sn->start <= 64 * 1024);
                if (doc[sn->start] == ' ' || doc[sn->end - 1] == ' ' ||
                    doc[sn->start] == '\n')
                    fail_msg("length %zu chunk %zu: sentence [%llu,%llu) has "
                             "outer white space", body, ks[i],
                             (unsigned long long)sn->start,
                             (unsigned long long)sn->end);
            }
            if (i > 0)
                same(&r[0], &r[1], ks[i]);
        }
        free(doc);
    }
}

/* Reference for dk_resolve: sort by (longer, higher priority, earlier),
 * then keep each candidate that overlaps no kept one, pairwise. */
/* An engine keeps a closed document's buffers for the next one: the
 * documents after a small one and after a huge one (whose buffers go
 * back to the system) find what a fresh engine finds. */
static void test_reuse(void **state)
{
    (void)state;
    size_t n = strlen(sample), big = 0;
    char *huge = malloc(2 * 1024 * 1024 + n);
    assert_non_null(huge);
    while (big + n + 1 < 2 * 1024 * 1024) {
        memcpy(huge + big, sample, n);
        big += n;
        huge[big++] = '\n';
    }
    dk_options o;
    memset(&o, 0, sizeof o);
    dk_status st;
    dk_engine *fresh = dk_engine_new(&o, &st);
    assert_non_null(fresh);
    run first = {0}, again = {0}, after_huge = {0}, h = {0};
    feed(fresh, sample, n, 0, "2024-05-22", &first);
    feed(engine, sample, n, 7, "2024-05-22", &again);
    same(&first, &again, 7);
    feed(engine, huge, big, 0, "2024-05-22", &h);
    assert_true(h.n > first.n);
    feed(engine, sample, n, 0, "2024-05-22", &after_huge);
    same(&first, &after_huge, 0);
    dk_engine_free(fresh);
    free(first.v);
    free(again.v);
    free(after_huge.v);
    free(h.v);
    free(huge);
}

/* A mention packed for the queue and unpacked is the same in every field
 * a reader looks at, whichever groups it uses; the groups it does not
 * use come back empty even over an old mention's fields. */
static void test_mention_pack(void **state)
{
    (void)state;
    static unsigned char buf[DK_MENTION_PACKED];
    dk_mention m, back;
    for (int g = 0; g < 16; g++) {
        dk_mention_clear(&m);
        m.start = 5;
        m.end = 9;
        m.kind = DK_MONEY;
        m.has_value = 1;
        m.value = 41e9;
        snprintf(m.unit, sizeof m.unit, "USD");
        if (g & 1) {
            snprintf(m.metric, sizeof m.metric, "trade_turnover");
            snprintf(m.period, sizeof m.period, "2023");
            m.nsubjects = 2;
            snprintf(m.subjects[0], sizeof m.subjects[0], "KZ");
            snprintf(m.subjects[1], sizeof m.subjects[1], "CN");
        }
        if (g & 2) {
            snprintf(m.type, sizeof m.type, "country");
            snprintf(m.id, sizeof m.id, "KZ");
        }
        if (g & 4) {
            snprintf(m.event, sizeof m.event, "visit");
            snprintf(m.cameo, sizeof m.cameo, "042");
            m.nactors = 1;
            snprintf(m.actors[0], sizeof m.actors[0], "xi_jinping");
            snprintf(m.place, sizeof m.place, "astana");
        }
        size_t len = dk_mention_pack(buf, &m, (const char *)(uintptr_t)3,
                                     (g & 8) ? (const char *)(uintptr_t)7
                                             : NULL);
        assert_true(len <= sizeof buf);
        memset(&back, 'x', sizeof back);   /* an old mention's bytes */
        back.nsubjects = 3;
        back.nactors = 4;
        assert_int_equal(dk_mention_unpack(&back, buf), len);
        assert_true(back.text == (const char *)(uintptr_t)3);
        assert_true(back.explain == ((g & 8) ? (const char *)(uintptr_t)7
                                             : NULL));
        assert_int_equal(back.start, 5);
        assert_int_equal(back.end, 9);
        assert_int_equal(back.kind, DK_MONEY);
        assert_true(back.value == 41e9);
        assert_string_equal(back.unit, "USD");
        assert_string_equal(back.metric, (g & 1) ? "trade_turnover" : "");
        assert_string_equal(back.period, (g & 1) ? "2023" : "");
        assert_int_equal(back.nsubjects, (g & 1) ? 2 : 0);
        if (g & 1)
            assert_string_equal(back.subjects[1], "CN");
        assert_int_equal(back.has_change, 0);
        assert_string_equal(back.type, (g & 2) ? "country" : "");
        assert_string_equal(back.id, (g & 2) ? "KZ" : "");
        assert_string_equal(back.event, (g & 4) ? "visit" : "");
        assert_string_equal(back.cameo, (g & 4) ? "042" : "");
        assert_int_equal(back.nactors, (g & 4) ? 1 : 0);
        assert_string_equal(back.place, (g & 4) ? "astana" : "");
        assert_int_equal(back.has_count, 0);
    }
}

static dk_cand *ref_v;
static int ref_better(const void *a, const void *b)
{
    const dk_cand *x = &ref_v[*(const int *)a], *y = &ref_v[*(const int *)b];
    uint64_t lx = x->m.end - x->m.start, ly = y->m.end - y->m.start;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    if (x->prio != y->prio)
        return x->prio > y->prio ? -1 : 1;
    return x->m.start < y->m.start ? -1 : x->m.start > y->m.start;
}

/* dk_resolve keeps the same set for few candidates (pairwise loop) and
 * for many (the linear path), entities aside. */
static void test_resolve(void **state)
{
    (void)state;
    const int sizes[] = {2, 50, 256, 257, 3000};
    unsigned seed = 12345;
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        int n = sizes[si];
        dk_cands c = {0};
        c.v = calloc((size_t)n, sizeof *c.v);
        int *idx = calloc((size_t)n, sizeof *idx);
        char *want = calloc((size_t)n, 1);
        assert_true(c.v && idx && want);
        c.n = c.cap = n;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            /* unique (start, length) pairs, so the order has no ties */
            uint64_t start = (uint64_t)i / 7 * 3 + 1000;
            uint64_t len = 1 + (uint64_t)(i % 7) * 2 + (seed >> 16) % 2 * 15;
            c.v[i].m.start = start;
            c.v[i].m.end = start + len;
            c.v[i].prio = (int)((seed >> 20) % 5) * 10;
            c.v[i].m.kind = (seed >> 24) % 9 == 0 ? DK_ENTITY : DK_NUMBER;
            c.v[i].dropped = (seed >> 12) % 13 == 0;
        }
        ref_v = c.v;
        int m = 0;
        for (int i = 0; i < n; i++) {
            want[i] = c.v[i].dropped;
            if (!c.v[i].dropped && c.v[i].m.kind != DK_ENTITY)
                idx[m++] = i;
        }
        qsort(idx, (size_t)m, sizeof *idx, ref_better);
        for (int i = 0; i < m; i++) {
            if (want[idx[i]])
                continue;
            for (int j = i + 1; j < m; j++) {
                const dk_mention *x = &c.v[idx[i]].m, *y = &c.v[idx[j]].m;
                if (y->start < x->end && x->start < y->end)
                    want[idx[j]] = 1;
            }
        }
        dk_resolve(&c);
        for (int i = 0; i < n; i++)
            if (c.v[i].dropped != want[i])
                fail_msg("%d candidates: candidate %d dropped %d, want %d", n,
                         i, c.v[i].dropped, want[i]);
        free(idx);
        free(want);
        dk_cands_free(&c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_finds_something),
        cmocka_unit_test(test_chunk_sizes),
        cmocka_unit_test(test_chunk_sizes_long),
        cmocka_unit_test(test_sentences_cover_text),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_mentions_before_error),
        cmocka_unit_test(test_api_misuse),
        cmocka_unit_test(test_doc_date),
        cmocka_unit_test(test_reuse),
        cmocka_unit_test(test_mention_pack),
        cmocka_unit_test(test_long_sentence),
        cmocka_unit_test(test_long_sentence_edges),
        cmocka_unit_test(test_resolve),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
