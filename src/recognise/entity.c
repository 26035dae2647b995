/*
 * entity.c - the entity recogniser: the domain pack's aliases found in a
 * sentence (one Aho-Corasick pass, pack.h) become DK_ENTITY candidates
 * carrying the entity's type and canonical id.  Entities may nest in
 * other mentions, so dk_resolve leaves them alone; among themselves the
 * matcher already kept the longest non-overlapping matches.
 *
 * Two kinds of names need no pack, because the layout of a news article
 * says what they are: the author of a byline line ("By Jane Smith",
 * "Editor/Li Wei") is a person, and the agency in a dateline ("ASTANA,
 * May 3 (Steppe Wire) -") an organization.  When the pack does not know
 * them, their id is made from the name (snake_case, ASCII names only).
 */
#include <stdio.h>
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

static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(char c) { return c >= 'a' && c <= 'z'; }

/* Capitalised ASCII words ("Saule", "O'Neil", "Jean-Paul") separated by
 * single spaces from t[i]; returns the end of the last one and their
 * number in *nw (at most 5). */
static size_t read_name(const char *t, size_t i, size_t n, int *nw)
{
    size_t end = i;
    *nw = 0;
    while (i < n && *nw < 5 && is_upper(t[i])) {
        size_t j = i + 1;
        while (j < n && (is_lower(t[j]) || is_upper(t[j]) ||
                         ((t[j] == '\'' || t[j] == '-') && j + 1 < n &&
                          (is_upper(t[j + 1]) || is_lower(t[j + 1])))))
            j++;
        if (j - i < 2 || (j < n && (unsigned char)t[j] >= 0x80))
            break;  /* an initial, or a non-ASCII name */
        end = j;
        (*nw)++;
        if (j + 1 < n && t[j] == ' ' && is_upper(t[j + 1]))
            i = j + 1;
        else
            break;
    }
    return end;
}

/* Words that make a byline no one's name. */
static int staff_word(const char *t, size_t a, size_t b)
{
    static const char *const w[] = {
        "Staff", "Reporter", "Reporters", "Correspondent", "Our", "The",
        "Agencies", "Agency", "Editorial", "Board", "Team", "News", "Desk",
        "Admin", "Editor", "Editors", "Press", "Service", "Office", NULL};
    for (size_t i = a; i < b;) {
        size_t j = i;
        while (j < b && t[j] != ' ')
            j++;
        for (int k = 0; w[k]; k++)
            if (strlen(w[k]) == j - i && memcmp(w[k], t + i, j - i) == 0)
                return 1;
        i = j + 1;
    }
    return 0;
}

/* "Saule Nurlanovna" -> "saule_nurlanovna"; 0 when it does not fit. */
static int make_id(const char *t, size_t a, size_t b, char *id, size_t cap)
{
    size_t k = 0;
    for (size_t i = a; i < b; i++) {
        char c = t[i];
        if (c == '\'')
            continue;
        if (k + 1 >= cap)
            return 0;
        id[k++] = is_upper(c) ? (char)(c + 32) : is_lower(c) ? c : '_';
    }
    id[k] = '\0';
    return k > 0;
}

/* Report t[a, b) as an entity of this type unless the pack names any
 * of it (then the pack's own match stands). */
static void push_named(const dk_pack *p, const dk_sent *s, dk_cands *out,
                       size_t a, size_t b, const char *type)
{
    dk_pack_match m[2];
    char id[DK_ID_MAX];
    if (dk_pack_find_entities(p, s->text + a, b - a, m, 2) > 0 ||
        !make_id(s->text, a, b, id, sizeof id))
        return;
    int t0 = token_at(s, (uint32_t)a), t1 = token_at(s, (uint32_t)b - 1) + 1;
    dk_cand *c = dk_cand_push(out, s, t0, t1, DK_ENTITY, 0);
    if (!c)
        return;
    c->m.start = s->base + a;
    c->m.end = s->base + b;
    snprintf(c->m.type, sizeof c->m.type, "%s", type);
    memcpy(c->m.id, id, sizeof c->m.id);
}

/* A sentence that is a byline: "By Jane Smith", "Editor/Li Wei". */
static void find_byline(const dk_pack *p, const dk_sent *s, dk_cands *out)
{
    static const char *const lead[] = {"By ", "BY ", "Written by ",
        "Reported by ", "Editor/", "Editor: ", "Author: ", "Text by ",
        NULL};
    const char *t = s->text;
    size_t n = s->len;
    while (n && (t[n - 1] == ' ' || t[n - 1] == '.' || t[n - 1] == '\r' ||
                 t[n - 1] == '\n'))
        n--;
    for (int k = 0; lead[k]; k++) {
        size_t l = strlen(lead[k]);
        if (n <= l || memcmp(t, lead[k], l) != 0)
            continue;
        int nw;
        size_t e = read_name(t, l, n, &nw);
        if (e == n && nw >= 2 && nw <= 4 && !staff_word(t, l, e))
            push_named(p, s, out, l, e, "person");
        return;
    }
}

/* A dateline's agency: "CITY, Date (Agency Name) -" near the start. */
static void find_dateline_agency(const dk_pack *p, const dk_sent *s,
                                 dk_cands *out)
{
    const char *t = s->text;
    size_t n = s->len < 120 ? s->len : 120;
    if (n < 8 || !is_upper(t[0]) || !memchr(t, ',', n))
        return;
    const char *open = memchr(t, '(', n);
    if (!open || !memchr(t, ',', (size_t)(open - t)))
        return;
    size_t a = (size_t)(open - t) + 1;
    int nw;
    size_t e = read_name(t, a, n, &nw);
    if (nw < 1 || nw > 4 || e >= n || t[e] != ')')
        return;
    size_t j = e + 1;
    while (j < n && t[j] == ' ')
        j++;
    if (j < n && (t[j] == '-' || (j + 2 < n && (unsigned char)t[j] == 0xE2 &&
                                  (unsigned char)t[j + 1] == 0x80 &&
                                  ((unsigned char)t[j + 2] == 0x93 ||
                                   (unsigned char)t[j + 2] == 0x94))))
        push_named(p, s, out, a, e, "organization");
}

void dk_recognise_entities(const dk_pack *p, const dk_sent *s,
                           dk_cands *out)
{
    if (!p)
        return;
    if (s->len && (s->text[0] == 'B' || s->text[0] == 'E' ||
                   s->text[0] == 'W' || s->text[0] == 'R' ||
                   s->text[0] == 'A' || s->text[0] == 'T'))
        find_byline(p, s, out);
    find_dateline_agency(p, s, out);
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
            /* "US$", "HK$", "NZ$": a currency sign, not the country */
            if (b < s->len && s->text[b] == '$')
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
