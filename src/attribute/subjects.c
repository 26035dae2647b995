/*
 * subjects.c - who a figure is about (attribute.h).
 *
 * The sentence's country references are its entity mentions of type
 * country, the countries of its place and organisation entities, the
 * pack's first country for "our country" cues and both pack countries for
 * "bilateral" cues.  Each keeps the preposition before it (in, to, from,
 * through, of ...), which is what the order rules of metrics.tsv read:
 * the country "in" which an investment is made is its second subject, the
 * country goods go "through" is the transit country, and so on.  The
 * figure's clause is searched first, then its sentence, then the
 * countries named last in the document, then the pack's pair.
 */
#include <stdio.h>
#include <string.h>
#include "attr_int.h"

/* The preposition before token t, skipping one article. */
static char mark_before(const dk_sent *s, int t)
{
    static const struct { const char *w; size_t n; char mark; } preps[] = {
        {"in", 2, 'i'}, {"into", 4, 'i'}, {"to", 2, 't'}, {"from", 4, 'f'},
        {"through", 7, 'h'}, {"via", 3, 'h'}, {"across", 6, 'h'},
        {"of", 2, 'o'}, {"after", 5, 'a'}, {"behind", 6, 'a'},
        {"with", 4, 'w'}, {"between", 7, 'b'},
    };
    int i = t - 1;
    if (at_tok_is(s, i, "the") || at_tok_is(s, i, "all"))
        i--;
    if (i < 0 || i >= s->ntok)
        return 0;
    /* "according to the statistics bureau", "per the National Bank of
     * Kazakhstan": the source of a figure, no party to it */
    if ((at_tok_is(s, i, "to") && at_tok_is(s, i - 1, "according")) ||
        at_tok_is(s, i, "per"))
        return 's';
    size_t n = s->tok[i].end - s->tok[i].start;
    for (size_t k = 0; k < sizeof preps / sizeof preps[0]; k++)
        if (preps[k].n == n && at_tok_is_n(s, i, preps[k].w, n))
            return preps[k].mark;
    return 0;
}

/* Can this entity be a subject itself?  Countries, and entities with an
 * upper-case code for an id ("EU", "HK"), which the subject ids of
 * annotation.md allow besides countries. */
static int subject_entity(const char *type, const char *id)
{
    if (AT_FIELD_IS(type, "country"))
        return 1;
    size_t n = strlen(id);
    if (n < 2 || n > 5)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (id[i] < 'A' || id[i] > 'Z')
            return 0;
    return 1;
}

static void add_ref(dk_attr_doc *a, const char *id, int t, char how)
{
    if (!id[0] || a->nref >= AT_MAX_REFS)
        return;
    at_ref *r = &a->ref[a->nref++];
    at_copy(r->id, sizeof r->id, id);
    r->t = t;
    r->how = how;
    r->mark = mark_before(a->s, t);
}

/* Without entity candidates (no entity recogniser ran), the pack's
 * aliases are looked up in the sentence directly, unless the entity
 * recogniser found none there. */
static void refs_from_aliases(dk_attr_doc *a)
{
    const dk_sent *s = a->s;
    if (a->c->no_alias)
        return;
    int n = dk_pack_find_entities_in(a->p, s->words, s->text, 0, s->len,
                                     a->mt, AT_MAX_CUES);
    for (int i = 0; i < n && i < AT_MAX_CUES; i++) {
        if (a->mt[i].index < 0 || a->mt[i].index >= a->npe)
            continue;
        const dk_pack_entity *pe = &a->pe[a->mt[i].index];
        int lo = 0, hi = s->ntok;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (s->tok[mid].start < a->mt[i].start)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (subject_entity(pe->type, pe->id))
            add_ref(a, pe->id, lo, 'e');
        else if (!AT_FIELD_IS(pe->type, "person") && pe->country[0])
            add_ref(a, pe->country, lo, 'c');
    }
}

static int has_entities(const dk_cands *c)
{
    for (int i = 0; i < c->n; i++)
        if (c->v[i].m.kind == DK_ENTITY)
            return 1;
    return 0;
}

/* Is entity candidate e part of a money span ("U.S. dollars", "Hong
 * Kong dollars")?  A currency names no party. */
static int in_money(const dk_cands *c, const dk_cand *e)
{
    for (int i = 0; i < c->n; i++) {
        const dk_cand *x = &c->v[i];
        if (x->m.kind == DK_MONEY && !x->dropped &&
            x->m.start <= e->m.start && e->m.end <= x->m.end)
            return 1;
    }
    return 0;
}

/* A region of no one country ("Central Asia") at token t is a party
 * where it is a partner: "between" or "with" shortly before it, in its
 * clause ("trade between China and Central Asia"). */
static int partner_region(const dk_attr_doc *a, int t)
{
    int c = at_clause(a, t);
    for (int k = t - 1; k >= 0 && k >= t - 6 && at_clause(a, k) == c; k--)
        if (at_tok_is(a->s, k, "between") || at_tok_is(a->s, k, "with"))
            return 1;
    return 0;
}

void at_collect_refs(dk_attr_doc *a)
{
    const dk_cands *c = a->c;
    a->nref = 0;
    a->refs_done = 1;
    if (!has_entities(c))
        refs_from_aliases(a);
    for (int i = 0; i < c->n; i++) {
        const dk_cand *e = &c->v[i];
        if (e->m.kind != DK_ENTITY || !e->m.id[0] || in_money(c, e))
            continue;
        if (subject_entity(e->m.type, e->m.id)) {
            add_ref(a, e->m.id, e->t0, 'e');
        } else if (!AT_FIELD_IS(e->m.type, "person")) {
            const dk_pack_entity *pe = e->ent >= 0 && e->ent < a->npe
                                           ? &a->pe[e->ent] : NULL;
            if (pe && pe->country[0])
                add_ref(a, pe->country, e->t0, 'c');
            else if (pe && AT_FIELD_IS(e->m.type, "place") &&
                     partner_region(a, e->t0))
                add_ref(a, e->m.id, e->t0, 'r');
        }
    }
    for (int k = 0; k < a->ncue; k++) {
        int sp = at_special(a, &a->cue[k]);
        if (sp == SP_HOME) {
            add_ref(a, a->dpair[0], a->cue[k].t0, 'h');
        } else if (sp == SP_PAIR) {
            add_ref(a, a->dpair[0], a->cue[k].t0, 'p');
            add_ref(a, a->dpair[1], a->cue[k].t0, 'p');
        }
    }
    /* in text order (few refs: insertion sort) */
    for (int i = 1; i < a->nref; i++) {
        at_ref r = a->ref[i];
        int j = i - 1;
        while (j >= 0 && a->ref[j].t > r.t) {
            a->ref[j + 1] = a->ref[j];
            j--;
        }
        a->ref[j + 1] = r;
    }
}

static int has(const dk_mention *m, const char *id)
{
    for (int i = 0; i < m->nsubjects; i++)
        if (at_same(m->subjects[i], id))
            return 1;
    return 0;
}

static void add(dk_mention *m, const char *id)
{
    if (!id || !id[0] || has(m, id) || m->nsubjects >= DK_MAX_SUBJECTS)
        return;
    at_copy(m->subjects[m->nsubjects++], DK_ID_MAX, id);
}

static const char *other_of_pair(const dk_attr_doc *a, const char *id)
{
    if (strcmp(id, a->dpair[0]) == 0)
        return a->dpair[1];
    if (strcmp(id, a->dpair[1]) == 0)
        return a->dpair[0];
    return "";
}

/* Is ref r in scope: the clause (clause >= 0) or the sentence? */
static int in_scope(const dk_attr_doc *a, const at_ref *r, int clause)
{
    return clause < 0 || at_clause(a, r->t) == clause;
}

/* First ref in scope sc (a clause, or -1: the sentence) whose mark is in
 * marks (NULL = any, "" = unmarked or 'w'/'b'), whose id is not
 * skip1/skip2. */
static const char *find_ref_in(const dk_attr_doc *a, int sc,
                               const char *marks, const char *skip1,
                               const char *skip2)
{
    for (int i = 0; i < a->nref; i++) {
        const at_ref *r = &a->ref[i];
        if (!in_scope(a, r, sc) || at_same(r->id, skip1) ||
            at_same(r->id, skip2) || r->mark == 's')
            continue;   /* (a source is no party) */
        if (marks && marks[0] && (!r->mark || !strchr(marks, r->mark)))
            continue;
        if (marks && !marks[0] && r->mark && !strchr("wb", r->mark))
            continue;
        return r->id;
    }
    return NULL;
}

/* The same, clause first, then sentence. */
static const char *find_ref(const dk_attr_doc *a, int clause,
                            const char *marks, const char *skip1,
                            const char *skip2)
{
    const char *id = find_ref_in(a, clause, marks, skip1, skip2);
    return id ? id : find_ref_in(a, -1, marks, skip1, skip2);
}

/* The country named last before this sentence, other than skip. */
static const char *last_named(const dk_attr_doc *a, const char *skip)
{
    for (int i = 0; i < 2; i++)
        if (a->last[i][0] && strcmp(a->last[i], skip) != 0)
            return a->last[i];
    return NULL;
}

/* source, then the country with a mark in marks */
static void directed(const dk_attr_doc *a, const dk_cand *f, int clause,
                     const char *marks, dk_mention *m)
{
    const char *dst = find_ref(a, clause, marks, "", "");
    const char *src = find_ref_in(a, clause, "", dst ? dst : "", "");
    if (!src)  /* "inflows from China" in the figure's own clause */
        src = find_ref_in(a, clause, "f", dst ? dst : "", "");
    if (!src)
        src = find_ref_in(a, -1, "", dst ? dst : "", "");
    if (!src)  /* "inflows of Chinese investment": any other country */
        src = find_ref(a, clause, NULL, dst ? dst : "", "");
    if (!src && dst)
        src = last_named(a, dst);
    if (!src && dst)
        src = other_of_pair(a, dst);
    for (int i = 0; !dst && src && i < a->nref; i++) {
        /* another country before the figure: "Chinese imports of
         * Turkmen gas", "Russia imported Kazakh grain worth ..." */
        const at_ref *r = &a->ref[i];
        if (r->t < f->t0 && in_scope(a, r, clause) && r->mark != 's' &&
            !at_same(r->id, src))
            dst = r->id;
    }
    if (!dst && src)
        dst = other_of_pair(a, src);
    add(m, src);
    add(m, dst);
}

/* A word token of three letters or more ending in 's' (a plural noun). */
static int plural_at(const dk_sent *s, int t)
{
    if (t < 0 || t >= s->ntok)
        return 0;
    const dk_token *k = &s->tok[t];
    const char *w = s->text + k->start;
    size_t n = k->end - k->start;
    if (n < 3 || w[n - 1] != 's')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((w[i] | 0x20) >= 'a' && (w[i] | 0x20) <= 'z'))
            return 0;
    return 1;
}

/* "trade with the five countries", "the five Central Asian countries":
 * a counted group of three or more ("the", a number, a plural noun, at
 * most two words between) in the clause is the other side of the trade,
 * not the pack's pair. */
static int group_in_clause(const dk_attr_doc *a, int clause)
{
    for (int i = 0; i < a->c->n; i++) {
        const dk_cand *e = &a->c->v[i];
        if (e->dropped || e->m.kind != DK_NUMBER || e->m.value < 3 ||
            e->m.unit[0] || at_clause(a, e->t0) != clause)
            continue;
        if (!at_tok_is(a->s, e->t0 - 1, "the"))
            continue;
        for (int t = e->t1; t < e->t1 + 3 && t < a->s->ntok &&
                            a->s->tok[t].type == DK_TOK_WORD; t++)
            if (plural_at(a->s, t))
                return 1;
    }
    return 0;
}

/* The country figure f is labelled with: "Russia (USD 14.3 bln)",
 * "Russia's 19 percent" - the figure right after its name, a bracket or
 * a possessive between.  NULL when none. */
static const char *labelled_by(const dk_attr_doc *a, const dk_cand *f)
{
    const dk_cands *c = a->c;
    const dk_sent *s = a->s;
    for (int i = 0; i < c->n; i++) {
        const dk_cand *e = &c->v[i];
        if (e->m.kind != DK_ENTITY || e->dropped || !e->m.id[0] ||
            e->m.end > f->m.start || f->m.start - e->m.end > 4 ||
            !subject_entity(e->m.type, e->m.id))
            continue;
        const char *g = s->text + (e->m.end - s->base);
        size_t n = f->m.start - e->m.end;
        if ((n == 2 && memcmp(g, " (", 2) == 0) ||
            (n == 3 && memcmp(g, "'s ", 3) == 0) ||
            (n == 5 && memcmp(g, "\xE2\x80\x99s ", 5) == 0))
            return e->m.id;
    }
    return NULL;
}

/* Does the clause speak of a country's trade with the world ("foreign
 * trade", "external trade")? */
static int world_trade(const dk_attr_doc *a, int clause)
{
    const dk_sent *s = a->s;
    for (int t = 0; t + 1 < s->ntok; t++)
        if ((at_tok_is(s, t, "foreign") || at_tok_is(s, t, "external")) &&
            at_tok_is(s, t + 1, "trade") && at_clause(a, t) == clause)
            return 1;
    return 0;
}

static void pair_rule(const dk_attr_doc *a, const dk_cand *f, int clause,
                      dk_mention *m)
{
    const char *label = labelled_by(a, f);
    if (label) {
        /* a partner's own figure in a list of partners: the document's
         * first country, and the partner (or the second country) */
        add(m, a->dpair[0]);
        add(m, at_same(label, a->dpair[0]) ? a->dpair[1] : label);
        return;
    }
    const char *ids[AT_MAX_REFS];
    int n = 0, p0 = 0, p1 = 0;
    for (int pass = 0; pass < 2 && n == 0; pass++)
        for (int i = 0; i < a->nref; i++) {
            const at_ref *r = &a->ref[i];
            int dup = 0;
            if (!in_scope(a, r, pass == 0 ? clause : -1))
                continue;
            for (int j = 0; j < n; j++)
                dup |= at_same(ids[j], r->id);
            if (!dup)
                ids[n++] = r->id;
        }
    for (int j = 0; j < n; j++) {
        p0 |= at_same(ids[j], a->dpair[0]);
        p1 |= at_same(ids[j], a->dpair[1]);
    }
    if (n == 1 && (p0 || p1) && group_in_clause(a, clause)) {
        add(m, ids[0]);     /* one of the pair with a group of others */
        return;
    }
    if (n == 1 && world_trade(a, clause) &&
        !find_ref(a, clause, "wbtf", "", "")) {
        add(m, ids[0]);     /* "Kazakhstan's foreign trade": with all */
        add(m, "WORLD");
        return;
    }
    if (n == 0 || (p0 && p1) || (n == 1 && (p0 || p1))) {
        add(m, a->dpair[0]);
        add(m, a->dpair[1]);
        return;
    }
    if (p0 || p1)
        add(m, p0 ? a->dpair[0] : a->dpair[1]);
    for (int j = 0; j < n && m->nsubjects < 2; j++)
        add(m, ids[j]);
}

/* Does a share cue end with "of" right before token t ("share of
 * China")? */
static int share_before(const dk_attr_doc *a, int t)
{
    int of = t - 1;
    if (at_tok_is(a->s, of, "the"))
        of--;
    if (!at_tok_is(a->s, of, "of"))
        return 0;
    for (int k = 0; k < a->ncue; k++)
        if (at_special(a, &a->cue[k]) == SP_SHARE && a->cue[k].t1 == of)
            return 1;
    return 0;
}

static int whole_rule(const dk_attr_doc *a, const dk_cand *f, int clause,
                      const char *whole, dk_mention *m)
{
    if (!whole[0]) {
        /* "the share of China in total turnover": a country right
         * after "share of" with "in" after it is the holder */
        for (int i = 0; i < a->nref; i++) {
            const at_ref *r = &a->ref[i];
            if (r->mark != 'o' || !in_scope(a, r, clause) ||
                !at_tok_is(a->s, r->t + 1, "in") || !share_before(a, r->t))
                continue;
            const char *w = find_ref(a, clause, "io", r->id, "");
            add(m, r->id);
            add(m, w ? w : other_of_pair(a, r->id));
            return 1;
        }
        const char *label = labelled_by(a, f);
        const char *of = label ? find_ref(a, clause, "oi", label, "") : NULL;
        if (label && of) {
            add(m, label);   /* "behind Russia's 19 percent" */
            add(m, of);
            return 1;
        }
        directed(a, f, clause, "oi", m);
        return 1;
    }
    /* the holder is named in the clause, or a possessive pronoun there
     * stands for the country named last; a share of anything else ("of
     * three centres of growth") states no indicator */
    const char *holder = labelled_by(a, f);
    if (holder && strcmp(holder, whole) == 0)
        holder = NULL;
    for (int i = 0; !holder && i < a->nref; i++) {
        const at_ref *r = &a->ref[i];
        if (r->t < f->t0 && strcmp(r->id, whole) != 0 &&
            at_clause(a, r->t) == clause)
            holder = r->id;
    }
    for (int t = f->t0 - 1; !holder && t >= 0 && at_clause(a, t) == clause;
         t--)
        if (at_tok_is(a->s, t, "its") || at_tok_is(a->s, t, "their"))
            holder = last_named(a, whole);
    if (!holder)
        return 0;
    add(m, holder);
    add(m, whole);
    return 1;
}

static void one_rule(const dk_attr_doc *a, const dk_cand *f, dk_mention *m)
{
    const char *id = NULL;
    for (int i = 0; i < a->nref; i++)
        if (a->ref[i].t < f->t0)
            id = a->ref[i].id;
    if (!id && a->nref)
        id = a->ref[0].id;
    if (!id)
        id = last_named(a, "");
    add(m, id);
}

static void transit_rule(const dk_attr_doc *a, int clause, dk_mention *m)
{
    const char *tr = NULL;
    for (int i = 0; i < a->nref && !tr; i++)
        if (a->ref[i].mark == 'h' || a->ref[i].how == 'h')
            tr = a->ref[i].id;
    if (!tr)
        tr = find_ref(a, clause, "i", "", "");
    if (!tr)
        tr = a->dpair[0];
    const char *from = find_ref(a, clause, "f", tr, "");
    if (!from)
        from = find_ref(a, clause, "", tr, "");
    const char *to = from ? find_ref(a, clause, "t", tr, from) : NULL;
    if (!to && from)
        to = find_ref(a, clause, "", tr, from);
    add(m, tr);
    add(m, from);
    add(m, to);
}

static int route_in_clause(const dk_attr_doc *a, int clause)
{
    int n = 0;
    const char *first = NULL;
    for (int i = 0; i < a->nref; i++)
        if (at_clause(a, a->ref[i].t) == clause) {
            if (!first)
                first = a->ref[i].id;
            else if (strcmp(first, a->ref[i].id) != 0)
                n = 1;
        }
    if (!n)
        return 0;
    /* "between China and Europe", "from A to B", "through C" */
    for (int i = 0; i < a->nref; i++)
        if (at_clause(a, a->ref[i].t) == clause && a->ref[i].mark &&
            strchr("bfth", a->ref[i].mark))
            return 1;
    for (int k = 0; k < a->ncue; k++)
        if (at_special(a, &a->cue[k]) == SP_ROUTE &&
            at_clause(a, a->cue[k].t0) == clause)
            return 1;
    return 0;
}

/* The countries of the clause in order, else of the sentence, else (a
 * sentence that names none: "it handled 640,000 TEU on the same routes")
 * the document's two countries. */
static void in_order(const dk_attr_doc *a, int clause, dk_mention *m)
{
    for (int i = 0; i < a->nref; i++)
        if (at_clause(a, a->ref[i].t) == clause && m->nsubjects < 3)
            add(m, a->ref[i].id);
    for (int i = 0; i < a->nref && !m->nsubjects; i++)
        add(m, a->ref[i].id);
    if (!m->nsubjects) {
        add(m, a->dpair[0]);
        add(m, a->dpair[1]);
    }
}

static void host_rule(const dk_attr_doc *a, int clause, dk_mention *m)
{
    const char *host = NULL;
    for (int pass = 0; pass < 2 && !host; pass++)
        for (int i = 0; i < a->nref && !host; i++) {
            const at_ref *r = &a->ref[i];
            if (pass == 0 && at_clause(a, r->t) != clause)
                continue;
            if (r->mark == 'i' || r->how == 'c' || r->how == 'h')
                host = r->id;
        }
    if (!host)
        host = a->dpair[0];
    add(m, host);
    add(m, find_ref(a, clause, "t", host, ""));
}

int at_subjects(dk_attr_doc *a, const dk_cand *f, int metric,
                dk_mention *m)
{
    const at_metric *x = &a->met[metric];
    int clause = at_clause(a, f->t0);
    m->nsubjects = 0;
    switch (x->rule) {
    case R_PAIR: pair_rule(a, f, clause, m); break;
    case R_TO: directed(a, f, clause, "it", m); break;
    case R_FROM: directed(a, f, clause, "f", m); break;
    case R_WHOLE: return whole_rule(a, f, clause, x->whole, m);
    case R_ONE: one_rule(a, f, m); break;
    case R_TRANSIT: transit_rule(a, clause, m); break;
    case R_ROUTE:
        if (route_in_clause(a, clause))
            transit_rule(a, clause, m);
        else
            in_order(a, clause, m);
        break;
    case R_HOST: host_rule(a, clause, m); break;
    default: break;
    }
    return 1;
}

/* The index of country id among those the document named, or -1. */
static int count_index(const dk_attr_doc *a, const char *id)
{
    for (int i = 0; i < a->ncount; i++)
        if (at_same(a->count_id[i], id))
            return i;
    return -1;
}

static void count_country(dk_attr_doc *a, const char *id)
{
    int i = count_index(a, id);
    if (i >= 0) {
        a->count[i]++;
        a->dpair_stale = 1;
    } else if (a->ncount < AT_MAX_COUNTED) {
        at_copy(a->count_id[a->ncount], DK_ID_MAX, id);
        a->count[a->ncount++] = 1;
        a->dpair_stale = 1;
    }
}

void at_doc_pair(dk_attr_doc *a)
{
    if (!a->dpair_stale)
        return;   /* the same counts give the same pair */
    a->dpair_stale = 0;
    int b0 = -1, b1 = -1;
    for (int i = 0; i < a->ncount; i++) {
        if (b0 < 0 || a->count[i] > a->count[b0]) {
            b1 = b0;
            b0 = i;
        } else if (b1 < 0 || a->count[i] > a->count[b1]) {
            b1 = i;
        }
    }
    memcpy(a->dpair, a->pair, sizeof a->dpair);
    if (b1 < 0 || !a->pair[0][0])
        return;
    const char *x = a->count_id[b0], *y = a->count_id[b1];
    int px = at_same(x, a->pair[0]) || at_same(x, a->pair[1]);
    int py = at_same(y, a->pair[0]) || at_same(y, a->pair[1]);
    /* the pack's pair unless the document is plainly about others: two
     * countries named three times each, or any two while one of the
     * pack's pair has not been named at all ("Uzbekistan and China") */
    if (px && py)
        return;
    if (a->count[b1] < 3 && count_index(a, a->pair[0]) >= 0 &&
        count_index(a, a->pair[1]) >= 0)
        return;
    /* a country of the pack's pair keeps its place in it (the pack's
     * order is the metrics' order for bilateral figures: KZ before CN
     * in KZ-CN, so UZ before CN and KZ before RU) */
    if ((py && at_same(y, a->pair[0])) || (px && at_same(x, a->pair[1]))) {
        const char *s = x;
        x = y;
        y = s;
    }
    at_copy(a->dpair[0], DK_ID_MAX, x);
    at_copy(a->dpair[1], DK_ID_MAX, y);
}

const char *dk_attr_doc_pair(dk_attr_doc *a, int which)
{
    at_doc_pair(a);
    return a->dpair[which == 1];
}

void at_note_countries(dk_attr_doc *a)
{
    const dk_cands *c = a->c;
    if (!has_entities(c)) {
        if (!a->refs_done)  /* the same sentence gives the same refs */
            at_collect_refs(a);
        for (int i = 0; i < a->nref; i++)
            if (a->ref[i].how == 'e')
                count_country(a, a->ref[i].id);
        const char *id0 = NULL, *id1 = NULL;
        for (int i = a->nref - 1; i >= 0 && !id1; i--) {
            if (a->ref[i].how != 'e')
                continue;
            if (!id0)
                id0 = a->ref[i].id;
            else if (strcmp(id0, a->ref[i].id) != 0)
                id1 = a->ref[i].id;
        }
        if (id0) {
            char keep[DK_ID_MAX];
            at_copy(keep, sizeof keep, a->last[0]);
            at_copy(a->last[0], DK_ID_MAX, id0);
            if (id1)
                at_copy(a->last[1], DK_ID_MAX, id1);
            else if (strcmp(keep, id0) != 0)
                at_copy(a->last[1], DK_ID_MAX, keep);
        }
        return;
    }
    int t0 = -1, t1 = -1;
    const char *id0 = NULL, *id1 = NULL;
    for (int i = 0; i < c->n; i++) {
        const dk_cand *e = &c->v[i];
        if (e->m.kind != DK_ENTITY || !e->m.id[0] || in_money(c, e))
            continue;
        if (!AT_FIELD_IS(e->m.type, "country")) {
            /* a person or place tells which countries the document is
             * about too ("Putin arrived in Astana": RU and KZ) */
            const dk_pack_entity *pe = e->ent >= 0 && e->ent < a->npe
                                           ? &a->pe[e->ent] : NULL;
            if (pe && pe->country[0] && (AT_FIELD_IS(e->m.type, "person") ||
                                         AT_FIELD_IS(e->m.type, "place")))
                count_country(a, pe->country);
            continue;
        }
        count_country(a, e->m.id);
        if (e->t0 > t0) {
            if (id0 && strcmp(id0, e->m.id) != 0) {
                id1 = id0;
                t1 = t0;
            }
            id0 = e->m.id;
            t0 = e->t0;
        } else if (e->t0 > t1 && strcmp(id0, e->m.id) != 0) {
            id1 = e->m.id;
            t1 = e->t0;
        }
    }
    if (!id0)
        return;
    char keep[DK_ID_MAX];
    at_copy(keep, sizeof keep, a->last[0]);
    at_copy(a->last[0], DK_ID_MAX, id0);
    if (id1)
        at_copy(a->last[1], DK_ID_MAX, id1);
    else if (strcmp(keep, id0) != 0)
        at_copy(a->last[1], DK_ID_MAX, keep);
}
