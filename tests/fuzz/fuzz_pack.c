/*
 * fuzz_pack.c - libFuzzer over the pack loader and the matcher.  The
 * input is split at the first four NUL bytes into entities.tsv,
 * metrics.tsv, a text, events.tsv and offices.tsv (empty when the input
 * has fewer NULs); the files go to a temporary folder with a fixed pack.tsv, the
 * pack is loaded (and checked), and when it loads, the text is searched
 * for entities, cues and event phrases, and each of its words is tried
 * as a trigger key word.  Every match must lie in the text, in order,
 * without overlaps; the matches found on the text's words read once
 * (dk_pack_words_read, dk_pack_find_*_in) must be the same as those found
 * on the text.  Each country's office holders are asked for the text's
 * first words as a title: an answer must be a person of the pack.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pack/pack.h"

static char dir[64];

static void put(const char *name, const uint8_t *p, size_t n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(p, 1, n, f);
    fclose(f);
}

static void ignore(void *ctx, const char *msg)
{
    (void)ctx;
    if (!msg || !*msg)
        abort();  /* a problem always has a message */
}

static void verify(const char *text, size_t n, const dk_pack_match *m,
                   int k, int nitems)
{
    uint32_t last = 0;
    for (int i = 0; i < k; i++) {
        if (m[i].start >= m[i].end || m[i].end > n || m[i].start < last ||
            m[i].index < 0 || m[i].index >= nitems)
            abort();
        last = m[i].end;
    }
    (void)text;
}

typedef int (*find_fn)(const dk_pack *, const char *, size_t,
                       dk_pack_match *, int);
typedef int (*find_in_fn)(const dk_pack *, const dk_pack_words *,
                          const char *, size_t, size_t, dk_pack_match *,
                          int);

/* The matcher on the words read once (find_in) must find what it finds
 * on the part of the text itself, for the whole text and for parts
 * picked by the text's length. */
static void same_in(const dk_pack *p, const dk_pack_words *w,
                    const char *text, size_t n, find_fn find,
                    find_in_fn find_in)
{
    size_t parts[4][2] = {{0, n}, {n / 3, n}, {0, n / 2}, {n / 4, 3 * n / 4}};
    for (int k = 0; k < 4; k++) {
        size_t from = parts[k][0], to = parts[k][1];
        dk_pack_match got[64], want[64];
        int max = 1 + (int)((n + (size_t)k) % 64);
        int ng = find_in(p, w, text, from, to, got, max);
        int nw = from < to ? find(p, text + from, to - from, want, max) : 0;
        if (ng != nw)
            abort();
        for (int i = 0; i < ng; i++)
            if (got[i].start != want[i].start + from ||
                got[i].end != want[i].end + from ||
                got[i].index != want[i].index)
                abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/dk_fuzz_pack.XXXXXX");
        if (!mkdtemp(dir))
            abort();
        static const char pack[] = "name\tfuzz\n";
        put("pack.tsv", (const uint8_t *)pack, sizeof pack - 1);
    }
    const uint8_t *a = data, *end = data + size;
    const uint8_t *z1 = memchr(a, 0, size);
    const uint8_t *b = z1 ? z1 + 1 : end;
    const uint8_t *z2 = z1 ? memchr(b, 0, (size_t)(end - b)) : NULL;
    const uint8_t *c = z2 ? z2 + 1 : end;
    const uint8_t *z3 = z2 ? memchr(c, 0, (size_t)(end - c)) : NULL;
    const uint8_t *d = z3 ? z3 + 1 : end;
    const uint8_t *z4 = z3 ? memchr(d, 0, (size_t)(end - d)) : NULL;
    const uint8_t *e = z4 ? z4 + 1 : end;
    put("entities.tsv", a, (size_t)((z1 ? z1 : end) - a));
    put("metrics.tsv", b, (size_t)((z2 ? z2 : end) - b));
    put("events.tsv", d, (size_t)((z4 ? z4 : end) - d));
    put("offices.tsv", e, (size_t)(end - e));
    if (z3)
        end = z3;   /* the text ends where events.tsv starts */
    char err[256];
    int problems = dk_pack_check(dir, ignore, NULL);
    dk_pack *p = dk_pack_load(dir, err, sizeof err);
    if ((p == NULL) != (problems > 0))
        abort();  /* check and load must agree */
    if (!p)
        return 0;
    const char *text = (const char *)c;
    size_t n = (size_t)(end - c);
    dk_pack_match m[64];
    int ne, nm;
    dk_pack_entities(p, &ne);
    dk_pack_metrics(p, &nm);
    verify(text, n, m, dk_pack_find_entities(p, text, n, m, 64), ne);
    verify(text, n, m, dk_pack_find_cues(p, text, n, m, 64), nm);
    int nr;
    dk_pack_event_rules(p, &nr);
    verify(text, n, m, dk_pack_find_events(p, text, n, m, 64), nr);
    dk_pack_words words;
    memset(&words, 0, sizeof words);
    if (dk_pack_words_read(p, &words, text, n) == 0) {
        same_in(p, &words, text, n, dk_pack_find_entities,
                dk_pack_find_entities_in);
        same_in(p, &words, text, n, dk_pack_find_cues, dk_pack_find_cues_in);
        same_in(p, &words, text, n, dk_pack_find_events,
                dk_pack_find_events_in);
    }
    dk_pack_words_free(&words);
    const dk_pack_entity *ent = dk_pack_entities(p, &ne);
    for (int i = 0; i < ne; i++) {
        if (strcmp(ent[i].type, "country") != 0)
            continue;
        for (size_t len = 0; len <= n && len < 40; len += 7) {
            const char *who = dk_pack_office_holder(p, ent[i].id, text, len,
                                                    "2024-05-01");
            int k = who ? dk_pack_entity_index(p, who) : 0;
            if (who && (k < 0 || strcmp(ent[k].type, "person") != 0))
                abort();
        }
    }
    for (size_t i = 0, w = 0; i <= n; i++)   /* every space-separated word */
        if (i == n || text[i] == ' ') {
            (void)dk_pack_event_word(p, text + w, i - w);
            w = i + 1;
        }
    dk_pack_free(p);
    return 0;
}
