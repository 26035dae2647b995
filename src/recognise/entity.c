/*
 * entity.c - the entity recogniser: the domain pack's aliases found in a
 * sentence (one Aho-Corasick pass, pack.h) become DK_ENTITY candidates
 * carrying the entity's type and canonical id.  Entities may nest in
 * other mentions, so dk_resolve leaves them alone; among themselves the
 * matcher already kept the longest non-overlapping matches.
 */
#include <string.h>
#include "recognise.h"
#include "../pack/pack.h"

#define BATCH 128

/* First token that ends after byte pos (tokens are in text order). */
static int token_at(const dk_sent *s, uint32_t pos)
{
    int lo = 0, hi = s->ntok;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (s->tok[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void dk_recognise_entities(const dk_pack *p, const dk_sent *s,
                           dk_cands *out)
{
    if (!p)
        return;
    int nents;
    const dk_pack_entity *ents = dk_pack_entities(p, &nents);
    dk_pack_match m[BATCH];
    size_t off = 0;
    while (off < s->len) {
        int n = dk_pack_find_entities(p, s->text + off, s->len - off, m,
                                      BATCH);
        for (int i = 0; i < n; i++) {
            uint32_t a = (uint32_t)off + m[i].start;
            uint32_t b = (uint32_t)off + m[i].end;
            if (m[i].index < 0 || m[i].index >= nents)
                continue;
            int t0 = token_at(s, a), t1 = token_at(s, b - 1) + 1;
            dk_cand *c = dk_cand_push(out, s, t0, t1, DK_ENTITY, 0);
            if (!c)
                continue;
            const dk_pack_entity *e = &ents[m[i].index];
            c->m.start = s->base + a;
            c->m.end = s->base + b;
            memcpy(c->m.type, e->type, sizeof c->m.type);
            memcpy(c->m.id, e->id, sizeof c->m.id);
        }
        if (n < BATCH)
            break;
        off += m[n - 1].end;  /* the text after the last match */
    }
}
