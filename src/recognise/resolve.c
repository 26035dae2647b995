/*
 * resolve.c - the candidate list and overlap resolution (recognise.h).
 */
#include <stdlib.h>
#include <string.h>
#include "recognise.h"

dk_cand *dk_cand_push(dk_cands *c, const dk_sent *s, int t0, int t1,
                      dk_kind k, int prio)
{
    if (t0 < 0 || t1 > s->ntok || t0 >= t1)
        return NULL;
    if (c->n == c->cap) {
        int cap = c->cap ? c->cap * 2 : 64;
        dk_cand *v = realloc(c->v, (size_t)cap * sizeof *v);
        if (!v)
            return NULL;
        c->v = v;
        c->cap = cap;
    }
    dk_cand *x = &c->v[c->n++];
    x->dropped = 0;
    x->ent = -1;
    dk_mention_clear(&x->m);
    x->t0 = t0;
    x->t1 = t1;
    x->prio = prio;
    x->m.kind = k;
    x->m.start = s->base + s->tok[t0].start;
    x->m.end = s->base + s->tok[t1 - 1].end;
    return x;
}

/* Better first: longer span, then higher priority, then earlier. */
static int better(const void *a, const void *b)
{
    const dk_cand *x = *(dk_cand *const *)a, *y = *(dk_cand *const *)b;
    uint64_t lx = x->m.end - x->m.start, ly = y->m.end - y->m.start;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    if (x->prio != y->prio)
        return x->prio > y->prio ? -1 : 1;
    return x->m.start < y->m.start ? -1 : x->m.start > y->m.start;
}

/* The same greedy choice as the pairwise loop in dk_resolve (a candidate
 * is kept when it overlaps no candidate kept before it), in time linear
 * in the spans' lengths: kept bytes are marked in a bitmap.  For long
 * sentences, where the pairwise loop would be quadratic.  Returns -1
 * when out of memory (nothing changed). */
static int keep_greedy(dk_cand **order, int n)
{
    uint64_t lo = order[0]->m.start, hi = order[0]->m.end;
    for (int i = 1; i < n; i++) {
        if (order[i]->m.start < lo)
            lo = order[i]->m.start;
        if (order[i]->m.end > hi)
            hi = order[i]->m.end;
    }
    unsigned char *kept = calloc((size_t)((hi - lo) / 8 + 1), 1);
    if (!kept)
        return -1;
    for (int i = 0; i < n; i++) {
        uint64_t a = order[i]->m.start - lo, b = order[i]->m.end - lo;
        if (b < a)
            b = a;   /* an empty or inverted span overlaps nothing */
        int clash = 0;
        for (uint64_t k = a; k < b && !clash; k++)
            clash = kept[k >> 3] >> (k & 7) & 1;
        if (clash) {
            order[i]->dropped = 1;
            continue;
        }
        for (uint64_t k = a; k < b; k++)
            kept[k >> 3] |= (unsigned char)(1u << (k & 7));
    }
    free(kept);
    return 0;
}

void dk_resolve(dk_cands *c)
{
    if (c->n < 2)
        return;
    dk_cand *stack[256];
    dk_cand **order = c->n <= 256 ? stack : malloc((size_t)c->n * sizeof *order);
    if (!order)
        return;  /* out of memory: keep all; output is still valid JSON */
    int n = 0;
    for (int i = 0; i < c->n; i++)
        if (!c->v[i].dropped && c->v[i].m.kind != DK_ENTITY &&
            c->v[i].m.kind != DK_EVENT)
            order[n++] = &c->v[i];
    qsort(order, (size_t)n, sizeof *order, better);
    if (n > 256 && keep_greedy(order, n) == 0) {
        free(order);
        return;
    }
    for (int i = 0; i < n; i++) {
        if (order[i]->dropped)
            continue;
        for (int j = i + 1; j < n; j++)
            if (!order[j]->dropped && order[j]->m.start < order[i]->m.end &&
                order[i]->m.start < order[j]->m.end)
                order[j]->dropped = 1;
    }
    if (order != stack)
        free(order);
}

void dk_cands_free(dk_cands *c)
{
    free(c->v);
    c->v = NULL;
    c->n = c->cap = 0;
}
