/*
 * fuzz_pack.c - libFuzzer over the pack loader and the matcher.  The
 * input is split at the first two NUL bytes into entities.tsv,
 * metrics.tsv and a text; the files go to a temporary folder with a
 * fixed pack.tsv, the pack is loaded (and checked), and when it loads,
 * the text is searched for entities and cues.  Every match must lie in
 * the text, in order, without overlaps.
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
    put("entities.tsv", a, (size_t)((z1 ? z1 : end) - a));
    put("metrics.tsv", b, (size_t)((z2 ? z2 : end) - b));
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
    dk_pack_free(p);
    return 0;
}
