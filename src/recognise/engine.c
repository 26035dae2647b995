/*
 * engine.c - the document driver behind include/dostyk.h.
 *
 * Text arrives in chunks of any size.  It is checked as UTF-8, appended to
 * a pending buffer, and cut into sentences as soon as a sentence is known
 * to have ended; each sentence is tokenized, tagged from the lexicon and
 * handed to the recognisers; the kept mentions go to an output queue that
 * dk_doc_next() drains.  The pending buffer holds at most one unfinished
 * sentence (cut by force at DK_MAX_SENTENCE bytes), so memory does not
 * grow with the document.  Until the publication date is known, the first
 * DK_DATELINE_WINDOW bytes are held back so a dateline can be found first.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dostyk.h"
#include "number.h"
#include "recognise.h"
#include "../attribute/attribute.h"
#include "../attribute/event.h"
#include "../base/buf.h"
#include "../pack/pack.h"
#include "../text/chars.h"
#include "../text/sentence.h"
#include "../text/utf8.h"

#define DK_MAX_SENTENCE (64 * 1024)
#define DK_DATELINE_WINDOW (64 * 1024)
#define DK_CUT_SLACK 1024

struct dk_engine {
    dk_options opt;
    dk_token *tok;         /* DK_MAX_SENTENCE + 1 tokens */
    dk_cands cands;
    int *order, *otmp;     /* sort_cands: cands.cap indices each */
    int ordercap;
    dk_pack *pack;         /* opts->pack_dir loaded, or NULL; owned */
    dk_attr_pack *attr_pack; /* its metric rows for attribution; owned */
    dk_numcache *nums;     /* numbers read in the current sentence */
    dk_pack_words words;   /* the current sentence's words, for the pack */
    /* The buffers of the last closed document, for the next one: a
     * document's buffers grow to their working size once per engine, not
     * once per document (with many short documents that was a tenth of
     * the work).  has_spare: they are here. */
    dk_buf spare_pending, spare_texts, spare_outq;
    int has_spare;
};

/* Buffers larger than this go back to the system when a document closes
 * (a huge document does not pin its memory in the engine). */
#define SPARE_MAX (1u << 20)

struct dk_doc {
    dk_engine *e;
    char *id;
    char date[16];         /* publication date as ISO text, "" if unknown */
    dk_docctx ctx;
    dk_abbrevs abbrevs;    /* abbreviations the text defined so far */
    dk_attr_doc *attr;     /* attribution state (src/attribute) */
    dk_event_doc *ev;      /* event reader state (src/attribute/event.c) */
    int date_known;        /* from the caller or a dateline */
    int scanned;           /* dateline window looked at */
    int failed, finished;
    char err[256];
    dk_utf8_state u8;
    dk_buf pending;        /* text not yet cut into sentences */
    uint64_t base;         /* document offset of pending.data[0] */
    dk_buf outq;           /* mentions ready to read, packed
                              (dk_mention_pack) */
    int nout, outpos;      /* how many are queued, read */
    size_t outoff;         /* where the next one to read starts */
    dk_mention cur;        /* the one dk_doc_next returned */
    dk_buf texts;          /* the bytes of queued mentions' spans */
};

dk_engine *dk_engine_new(const dk_options *opts, dk_status *err)
{
    dk_engine *e = calloc(1, sizeof *e);
    if (e) {
        e->tok = malloc((DK_MAX_SENTENCE + 1) * sizeof *e->tok);
        e->nums = calloc(1, sizeof *e->nums);
    }
    if (!e || !e->tok || !e->nums) {
        if (e) {
            free(e->tok);
            free(e->nums);
            free(e);
        }
        if (err)
            *err = DK_ERR_NOMEM;
        return NULL;
    }
    if (opts)
        e->opt = *opts;
    if (e->opt.pack_dir) {
        e->pack = dk_pack_load(e->opt.pack_dir, NULL, 0);
        if (!e->pack) {
            free(e->tok);
            free(e->nums);
            free(e);
            if (err)
                *err = DK_ERR_PACK;
            return NULL;
        }
    }
    if (err)
        *err = DK_OK;
    return e;
}

void dk_engine_free(dk_engine *e)
{
    if (!e)
        return;
    free(e->tok);
    free(e->nums);
    free(e->order);
    free(e->otmp);
    dk_attr_pack_free(e->attr_pack);
    dk_pack_free(e->pack);
    dk_pack_words_free(&e->words);
    dk_buf_free(&e->spare_pending);
    dk_buf_free(&e->spare_texts);
    dk_buf_free(&e->spare_outq);
    dk_cands_free(&e->cands);
    free(e);
}

static void set_date_text(dk_doc *d)
{
    const dk_docctx *c = &d->ctx;
    if (c->day)
        snprintf(d->date, sizeof d->date, "%04d-%02d-%02d", c->year, c->month,
                 c->day);
    else if (c->month)
        snprintf(d->date, sizeof d->date, "%04d-%02d", c->year, c->month);
    else if (c->year)
        snprintf(d->date, sizeof d->date, "%04d", c->year);
    else
        d->date[0] = '\0';
}

dk_doc *dk_doc_open(dk_engine *e, const char *id, const char *date)
{
    if (!e)
        return NULL;
    dk_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->e = e;
    if (e->has_spare) {
        d->pending = e->spare_pending;
        d->texts = e->spare_texts;
        d->outq = e->spare_outq;
        d->pending.len = d->texts.len = d->outq.len = 0;
        memset(&e->spare_pending, 0, sizeof e->spare_pending);
        memset(&e->spare_texts, 0, sizeof e->spare_texts);
        memset(&e->spare_outq, 0, sizeof e->spare_outq);
        e->has_spare = 0;
    }
    d->id = strdup(id ? id : "stdin");
    d->attr = dk_attr_doc_new(e->pack, &e->attr_pack);
    d->ev = dk_event_doc_new(e->pack);
    if (!d->id || !d->attr || !d->ev) {
        dk_doc_close(d);
        return NULL;
    }
    if (date && *date) {
        if (!dk_parse_iso_date(date, &d->ctx)) {
            dk_doc_close(d);
            return NULL;
        }
        d->date_known = 1;
        set_date_text(d);
    }
    return d;
}

const char *dk_doc_id(const dk_doc *d) { return d->id; }
const char *dk_doc_date(const dk_doc *d) { return d->date; }
const char *dk_doc_errmsg(const dk_doc *d) { return d->err; }

static dk_status fail(dk_doc *d, dk_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Record the failure s with its message; the document takes no more text. */
static dk_status fail(dk_doc *d, dk_status s, const char *fmt, ...)
{
    va_list ap;
    d->failed = 1;
    va_start(ap, fmt);
    vsnprintf(d->err, sizeof d->err, fmt, ap);
    va_end(ap);
    return s;
}

/* Queue a mention; its text is copied so the pending buffer may move. */
static dk_status queue(dk_doc *d, const dk_mention *m, const char *span)
{
    size_t off = d->texts.len;
    dk_status s = dk_buf_append(&d->texts, span, (size_t)(m->end - m->start));
    if (s)
        return s;
    size_t xoff = 0;
    if (m->explain) {  /* copied after the span, NUL included */
        xoff = d->texts.len + 1;
        s = dk_buf_append(&d->texts, m->explain, strlen(m->explain) + 1);
        if (s)
            return s;
    }
    s = dk_buf_reserve(&d->outq, DK_MENTION_PACKED);
    if (s)
        return s;
    /* text and explain as offsets in texts (explain + 1, 0 for none):
     * made pointers in dk_doc_next, when texts no longer moves */
    d->outq.len += dk_mention_pack((unsigned char *)d->outq.data + d->outq.len,
                                   m, (const char *)(uintptr_t)off,
                                   (const char *)(uintptr_t)xoff);
    d->nout++;
    return DK_OK;
}

/* Does candidate x come before y in the output?  By start; an entity
 * nested in a figure comes after it. */
static int before(const dk_cand *x, const dk_cand *y)
{
    if (x->m.start != y->m.start)
        return x->m.start < y->m.start;
    return x->m.end > y->m.end;
}

/* Put the indices of e->cands in output order into e->order.  A stable
 * merge sort on the engine's own index arrays: no allocation per sentence
 * (qsort of the large dk_cand would allocate), and near-linear on the
 * recognisers' output, which comes in a few sorted runs.  Returns 0, or
 * -1 when out of memory. */
static int sort_cands(dk_engine *e)
{
    int n = e->cands.n;
    if (n > e->ordercap) {
        int cap = e->cands.cap > n ? e->cands.cap : n;
        int *o = realloc(e->order, (size_t)cap * sizeof *o);
        if (!o)
            return -1;
        e->order = o;
        int *t = realloc(e->otmp, (size_t)cap * sizeof *t);
        if (!t)
            return -1;
        e->otmp = t;
        e->ordercap = cap;
    }
    const dk_cand *v = e->cands.v;
    int *a = e->order, *b = e->otmp;
    for (int i = 0; i < n; i++)
        a[i] = i;
    for (int w = 1; w < n; w *= 2) {
        for (int lo = 0; lo < n; lo += 2 * w) {
            int mid = lo + w < n ? lo + w : n;
            int hi = lo + 2 * w < n ? lo + 2 * w : n;
            int i = lo, j = mid, k = lo;
            if (mid == hi || !before(&v[a[mid]], &v[a[mid - 1]])) {
                while (k < hi)   /* already in order: copy the run */
                    b[k++] = a[i++];
                continue;
            }
            while (i < mid && j < hi)
                b[k++] = before(&v[a[j]], &v[a[i]]) ? a[j++] : a[i++];
            while (i < mid)
                b[k++] = a[i++];
            while (j < hi)
                b[k++] = a[j++];
        }
        int *t = a;
        a = b;
        b = t;
    }
    if (a != e->order)
        memcpy(e->order, a, (size_t)n * sizeof *a);
    return 0;
}

/* Recognise one sentence text[0, len) at document offset base. */
static dk_status do_sentence(dk_doc *d, const char *text, size_t len,
                             uint64_t base)
{
    dk_engine *e = d->e;
    if (len == 0)
        return DK_OK;
    if (e->opt.sentences) {
        dk_mention m;
        memset(&m, 0, sizeof m);
        m.kind = DK_SENTENCE;
        m.start = base;
        m.end = base + len;
        dk_status s = queue(d, &m, text);
        if (s)
            return s;
    }
    dk_numcache_next(e->nums);
    dk_sent st = {text, len, base, e->tok, 0, &d->ctx, e->nums, NULL};
    st.ntok = dk_lex_tokenize(text, len, e->tok, DK_MAX_SENTENCE);
    if (st.ntok == 0)
        return DK_OK;
    if (e->pack && dk_pack_words_read(e->pack, &e->words, text, len) == 0)
        st.words = &e->words;   /* else the matchers read the text */
    e->cands.n = 0;
    dk_recognise_figures(&st, &e->cands);
    dk_recognise_dates(&st, &e->cands);
    dk_recognise_entities(e->pack, &st, &d->abbrevs, &e->cands);
    dk_resolve(&e->cands);
    /* attribution sees every sentence: it counts them */
    dk_status as = dk_attribute(d->attr, &st, &e->cands, e->opt.explain);
    if (as)
        return as;
    dk_events_pair(d->ev, dk_attr_doc_pair(d->attr, 0),
                   dk_attr_doc_pair(d->attr, 1));
    dk_events(d->ev, &st, &e->cands);
    if (e->cands.n == 0)
        return DK_OK;
    if (sort_cands(e))
        return DK_ERR_NOMEM;
    for (int i = 0; i < e->cands.n; i++) {
        const dk_cand *c = &e->cands.v[e->order[i]];
        if (c->dropped)
            continue;
        dk_status s = queue(d, &c->m, text + (c->m.start - base));
        if (s)
            return s;
    }
    return DK_OK;
}

/* Where to cut a sentence that has no end in sight: the last white space
 * before max, else a character boundary at max. */
static size_t force_cut(const char *t, size_t max)
{
    const unsigned char *u = (const unsigned char *)t;
    for (size_t i = max; i > max / 2; i--)
        if (u[i - 1] == ' ' || u[i - 1] == '\t')
            return i;
    size_t i = max;
    while (i > 0 && (u[i] & 0xC0) == 0x80)
        i--;
    return i ? i : max;
}

/* Cut and recognise every sentence that is complete in pending. */
static dk_status drain(dk_doc *d, int final)
{
    if (!d->scanned) {
        if (!d->date_known) {
            if (!final && d->pending.len < DK_DATELINE_WINDOW)
                return DK_OK;  /* wait: a dateline may still come */
            size_t n = d->pending.len < DK_DATELINE_WINDOW
                           ? d->pending.len : DK_DATELINE_WINDOW;
            if (dk_find_dateline(d->pending.data, n, &d->ctx)) {
                d->date_known = 1;
                set_date_text(d);
            }
        }
        d->scanned = 1;
    }
    size_t pos = 0;
    while (pos < d->pending.len) {
        const char *t = d->pending.data + pos;
        size_t n = d->pending.len - pos, a, b, next;
        if (!dk_sentence_next(t, n, final, &a, &b, &next)) {
            /* no end in sight: cut by force once there is more than the
             * limit (and some slack, so that an end just past the limit
             * is found as it would be in one piece) */
            a = 0;
            while (a < n && (t[a] == ' ' || t[a] == '\t' || t[a] == '\n' ||
                             t[a] == '\r'))
                a++;
            if (n - a <= DK_MAX_SENTENCE + DK_CUT_SLACK)
                break;
            b = a + DK_MAX_SENTENCE + 1;   /* cut below */
        }
        if (b - a > DK_MAX_SENTENCE) {
            next = b = a + force_cut(t + a, DK_MAX_SENTENCE);
            while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t'))
                b--;
        }
        dk_status s = do_sentence(d, t + a, b - a, d->base + pos + a);
        if (s)
            return s;
        pos += next;
    }
    dk_buf_consume(&d->pending, pos);
    d->base += pos;
    return DK_OK;
}

/* Drop what the caller has read. */
static void recycle(dk_doc *d)
{
    if (d->outpos >= d->nout) {
        d->nout = d->outpos = 0;
        d->outoff = 0;
        d->outq.len = 0;
        d->texts.len = 0;
    }
}

/* Before failing on bad input, recognise the valid text that came
 * before it, so what is reported does not depend on how the text was
 * chunked: drop a sequence left unfinished by the bad byte, then flush
 * the rest as the end of the document. */
static void salvage(dk_doc *d)
{
    const unsigned char *u = (const unsigned char *)d->pending.data;
    size_t len = d->pending.len, c = len;
    while (c > 0 && len - c < 4 && (u[c - 1] & 0xC0) == 0x80)
        c--;
    if (c > 0 && u[c - 1] >= 0xC0) {
        size_t need = u[c - 1] >= 0xF0 ? 4 : u[c - 1] >= 0xE0 ? 3 : 2;
        if (len - (c - 1) < need)
            d->pending.len = c - 1;
    }
    (void)drain(d, 1);   /* out of memory here only loses those mentions */
}

dk_status dk_doc_feed(dk_doc *d, const char *buf, size_t n)
{
    if (d->failed)
        return DK_ERR_USAGE;
    if (d->finished)
        return fail(d, DK_ERR_USAGE, "text fed after the end");
    recycle(d);
    size_t at = 0;
    int r = dk_utf8_check(&d->u8, (const unsigned char *)buf, n, &at);
    size_t ok = r == DK_UTF8_OK ? n : at;
    uint64_t where = d->base + d->pending.len + at;
    dk_status s = dk_buf_append(&d->pending, buf, ok);
    if (s)
        return fail(d, s, "out of memory");
    if (r != DK_UTF8_OK)
        salvage(d);
    if (r == DK_UTF8_NUL)
        return fail(d, DK_ERR_BINARY,
                    "binary data (a NUL byte) at byte %llu",
                    (unsigned long long)where);
    if (r == DK_UTF8_BAD)
        return fail(d, DK_ERR_UTF8, "invalid UTF-8 at byte %llu",
                    (unsigned long long)where);
    s = drain(d, 0);
    if (s)
        return fail(d, s, "out of memory");
    return DK_OK;
}

dk_status dk_doc_finish(dk_doc *d)
{
    if (d->finished)
        return DK_OK;
    recycle(d);
    if (!d->failed && dk_utf8_incomplete(&d->u8)) {
        salvage(d);   /* base + pending.len is then where the cut starts */
        d->finished = 1;
        return fail(d, DK_ERR_UTF8,
                    "invalid UTF-8: truncated sequence at byte %llu",
                    (unsigned long long)(d->base + d->pending.len));
    }
    d->finished = 1;
    if (d->failed)
        return DK_OK;
    dk_status s = drain(d, 1);
    if (s)
        return fail(d, s, "out of memory");
    return DK_OK;
}

const dk_mention *dk_doc_next(dk_doc *d)
{
    if (d->outpos >= d->nout)
        return NULL;
    dk_mention *m = &d->cur;
    d->outoff += dk_mention_unpack(m, (const unsigned char *)d->outq.data +
                                          d->outoff);
    d->outpos++;
    m->text = d->texts.data + (uintptr_t)m->text;
    if (m->explain)
        m->explain = d->texts.data + ((uintptr_t)m->explain - 1);
    return m;
}

void dk_doc_close(dk_doc *d)
{
    if (!d)
        return;
    free(d->id);
    dk_attr_doc_free(d->attr);
    dk_event_doc_free(d->ev);
    dk_engine *e = d->e;
    if (!e->has_spare && d->pending.cap <= SPARE_MAX &&
        d->texts.cap <= SPARE_MAX && d->outq.cap <= SPARE_MAX) {
        e->spare_pending = d->pending;
        e->spare_texts = d->texts;
        e->spare_outq = d->outq;
        e->has_spare = 1;
    } else {
        dk_buf_free(&d->pending);
        dk_buf_free(&d->texts);
        dk_buf_free(&d->outq);
    }
    free(d);
}
