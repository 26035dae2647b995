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
 * May 3 (Steppe Wire) -") an organization; so is a name of two or three
 * capitalised words right after a title ("Ambassador Jane Smith",
 * "Governor Li Wei").  When the pack does not know them, their id is
 * made from the name (snake_case, ASCII names only).
 *
 * A text may define an abbreviation after a name of the pack ("the
 * Caspian Pipeline Consortium (CPC)"): the document's dk_abbrevs then
 * gives those letters that entity until the end, over the pack's alias
 * (which says "CPC" is the Communist Party of China).  The words of a
 * currency ("US$", "U.S. dollars") name no entity.
 */
#include <stdint.h>
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

/* token_at for a position at or after where token k ends, near it (a
 * match's last byte after its first): walks on from k. */
static int token_on(const dk_sent *s, int k, uint32_t pos)
{
    while (k < s->ntok && s->tok[k].end <= pos)
        k++;
    return k;
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

/* A word of a list, with its length. */
typedef struct listed_word {
    const char *w;
    size_t n;
} listed_word;

#define W(w) {w, sizeof w - 1}

/* Is one of the words of t[a, b) (apart by single spaces) in the list w
 * (ended by {NULL, 0})? */
static int has_word(const char *t, size_t a, size_t b, const listed_word *w)
{
    for (size_t i = a; i < b;) {
        size_t j = i;
        while (j < b && t[j] != ' ')
            j++;
        for (int k = 0; w[k].w; k++)
            if (w[k].n == j - i && memcmp(w[k].w, t + i, j - i) == 0)
                return 1;
        i = j + 1;
    }
    return 0;
}

/* Words that make a byline no one's name. */
static int staff_word(const char *t, size_t a, size_t b)
{
    static const listed_word w[] = {
        W("Staff"), W("Reporter"), W("Reporters"), W("Correspondent"),
        W("Our"), W("The"), W("Agencies"), W("Agency"), W("Editorial"),
        W("Board"), W("Team"), W("News"), W("Desk"), W("Admin"),
        W("Editor"), W("Editors"), W("Press"), W("Service"), W("Office"),
        {NULL, 0}};
    return has_word(t, a, b, w);
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
    if (dk_pack_find_entities_in(p, s->words, s->text, a, b, m, 2) > 0 ||
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
    c->ent = dk_pack_entity_index(p, id);
}

/* A sentence that is a byline: "By Jane Smith", "Editor/Li Wei". */
static void find_byline(const dk_pack *p, const dk_sent *s, dk_cands *out)
{
    static const listed_word lead[] = {W("By "), W("BY "),
        W("Written by "), W("Reported by "), W("Editor/"), W("Editor: "),
        W("Author: "), W("Text by "), {NULL, 0}};
    const char *t = s->text;
    size_t n = s->len;
    while (n && (t[n - 1] == ' ' || t[n - 1] == '.' || t[n - 1] == '\r' ||
                 t[n - 1] == '\n'))
        n--;
    for (int k = 0; lead[k].w; k++) {
        size_t l = lead[k].n;
        if (n <= l || t[0] != lead[k].w[0] || memcmp(t, lead[k].w, l) != 0)
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
    if (n < 8 || !is_upper(t[0]))
        return;
    const char *open = memchr(t, '(', n);   /* with a comma before it */
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

/* Is t[a, b) one of the words title-case headlines put after a name? */
static int headline_word(const char *t, size_t a, size_t b)
{
    static const listed_word w[] = {
        W("Meets"), W("Visits"), W("Says"), W("Holds"), W("Signs"),
        W("Calls"), W("Talks"), W("Discusses"), W("Opens"), W("Urges"),
        W("Arrives"), W("Attends"), W("Receives"), W("Hosts"),
        W("Announces"), W("Welcomes"), W("Congratulates"), W("Pays"),
        W("Makes"), W("Speaks"), W("Addresses"), W("Chairs"), W("Takes"),
        W("Will"), W("To"), W("In"), W("On"), W("At"), W("For"), W("With"),
        W("And"), W("Of"), W("The"), W("Government"), W("Office"),
        W("Administration"), W("Ministry"), W("Group"), W("Council"),
        W("Thought"), {NULL, 0}};
    return has_word(t, a, b, w);
}

/* The first i' >= i that starts a word: 0, or just after a space or a
 * line break (eight bytes a test while there is none); n if none. */
static size_t word_start(const char *t, size_t i, size_t n)
{
    if (i == 0)
        return 0;
    size_t j = i - 1;   /* looking for the byte before the word */
    while (j + 8 <= n) {
        uint64_t x, sp, nl, hit;
        memcpy(&x, t + j, 8);
        sp = x ^ 0x2020202020202020ull;
        nl = x ^ 0x0A0A0A0A0A0A0A0Aull;
        hit = (((sp - 0x0101010101010101ull) & ~sp) |
               ((nl - 0x0101010101010101ull) & ~nl)) & 0x8080808080808080ull;
        if (hit) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* the lowest flagged byte is the first space or line break
             * (only bytes above a true one can be flagged wrongly) */
            return j + (size_t)(__builtin_ctzll(hit) >> 3) + 1;
#else
            break;
#endif
        }
        j += 8;
    }
    while (j < n && t[j] != ' ' && t[j] != '\n')
        j++;
    return j < n ? j + 1 : n;
}

/* The title words that start with c (NULL-terminated), or NULL. */
static const listed_word *titles_of(char c)
{
    static const listed_word a[] = {W("Ambassador"), W("Akim"), {NULL, 0}};
    static const listed_word c_[] = {W("Chairman"), W("Chairwoman"),
        W("Counselor"), W("Counsellor"), W("CEO"), {NULL, 0}};
    static const listed_word g[] = {W("Governor"), {NULL, 0}};
    static const listed_word m[] = {W("Minister"), W("Mayor"), {NULL, 0}};
    static const listed_word p[] = {W("President"), W("Premier"), {NULL, 0}};
    static const listed_word s[] = {W("Spokesperson"), W("Spokesman"),
        W("Spokeswoman"), W("Senator"), W("Secretary-General"), {NULL, 0}};
    static const listed_word sl[] = {W("spokesperson"), W("spokesman"),
        W("spokeswoman"), {NULL, 0}};
    switch (c) {
    case 'A': return a;
    case 'C': return c_;
    case 'G': return g;
    case 'M': return m;
    case 'P': return p;
    case 'S': return s;
    case 's': return sl;
    default: return NULL;
    }
}

/* The title starting at t[i], if any, and the name of two or three
 * words right after it (at most one title can start at a place: none is
 * another followed by a space).  Returns where the search goes on: the
 * end of the name after a title, else i. */
static size_t titled_name_at(const dk_pack *p, const dk_sent *s,
                             dk_cands *out, size_t i)
{
    const char *t = s->text;
    size_t n = s->len;
    const listed_word *title = titles_of(t[i]);
    if (!title)
        return i;
    for (int k = 0; title[k].w; k++) {
        size_t l = title[k].n;
        if (i + l + 1 >= n || t[i + 1] != title[k].w[1] ||
            memcmp(t + i, title[k].w, l) != 0 || t[i + l] != ' ' ||
            !is_upper(t[i + l + 1]))
            continue;
        size_t a = i + l + 1;
        int nw;
        size_t e = read_name(t, a, n, &nw);
        /* the name must end there: no capitalised word, no digit */
        if (nw >= 2 && nw <= 3 && !headline_word(t, a, e) &&
            (e == n || t[e] != ' ' || e + 1 >= n ||
             !is_upper(t[e + 1])))
            push_named(p, s, out, a, e, "person");
        return e;
    }
    return i;
}

/* Is c the second letter of one of the titles?  (Most words that start
 * like a title, "said", "China", "March", go no further.) */
static int title_second(const listed_word *title, char c)
{
    for (int k = 0; title[k].w; k++)
        if (title[k].w[1] == c)
            return 1;
    return 0;
}

/* A necessary condition for a title at t[0, 3): its first letter's
 * titles have its second letter and its third (each letter as its low
 * five bits, so a few other words pass too; titled_name_at decides).
 * One predictable branch a token instead of a switch on every first
 * letter, which most capitalised words would pass. */
#define TB(c) (1u << ((c) & 31))
static const uint32_t title_2nd[256] = {
    ['A'] = TB('m') | TB('k'), ['C'] = TB('h') | TB('o') | TB('E'),
    ['G'] = TB('o'), ['M'] = TB('i') | TB('a'), ['P'] = TB('r'),
    ['S'] = TB('p') | TB('e'), ['s'] = TB('p')};
static const uint32_t title_3rd[256] = {
    ['A'] = TB('b') | TB('i'), ['C'] = TB('a') | TB('u') | TB('O'),
    ['G'] = TB('v'), ['M'] = TB('n') | TB('y'), ['P'] = TB('e'),
    ['S'] = TB('o') | TB('n') | TB('c'), ['s'] = TB('o')};
#undef TB

static inline int maybe_title(const char *t)
{
    const unsigned char *u = (const unsigned char *)t;
    return (int)((title_2nd[u[0]] >> (u[1] & 31)) &
                 (title_3rd[u[0]] >> (u[2] & 31)) & 1u);
}

/* Names after a title word; a title starts a word (after a space or a
 * line break).  Every such letter starts a token (no token holds white
 * space), so the tokens say where to look; past the last token (a
 * sentence cut short of tokens) the bytes are read.  (A token passed
 * over needs no i: the next token starts after it anyway.) */
static void find_titled_names(const dk_pack *p, const dk_sent *s,
                              dk_cands *out)
{
    const char *t = s->text;
    size_t n = s->len, i = 0;
    for (int k = 0; k < s->ntok; k++) {
        size_t a = s->tok[k].start;
        const listed_word *title;
        /* (a + 4 < n: what the test below reads; a title fails it) */
        if (a < i || (a + 4 < n && !maybe_title(t + a)) ||
            !(title = titles_of(t[a])) ||
            (a > 0 && t[a - 1] != ' ' && t[a - 1] != '\n'))
            continue;
        if (a + 4 >= n)
            return;
        if (title_second(title, t[a + 1]))
            i = titled_name_at(p, s, out, a) + 1;
    }
    if (s->ntok && s->tok[s->ntok - 1].end > i)
        i = s->tok[s->ntok - 1].end;
    for (; i + 4 < n; i++) {
        i = word_start(t, i, n);
        if (i + 4 >= n)
            break;
        i = titled_name_at(p, s, out, i);
    }
}

/* The pack match of type country in m[0, n) that starts at a (want 0)
 * or ends at a (want 1); NULL if none. */
static const dk_pack_entity *country_at(const dk_pack_entity *ents,
                                        const dk_pack_match *m, int n,
                                        size_t a, int want_end)
{
    for (int i = 0; i < n; i++) {
        size_t at = want_end ? m[i].end : m[i].start;
        if (at == a && strcmp(ents[m[i].index].type, "country") == 0)
            return &ents[m[i].index];
    }
    return NULL;
}

static int covered(const dk_pack_match *m, int n, size_t a)
{
    for (int i = 0; i < n; i++)
        if (m[i].start <= a && a < m[i].end)
            return 1;
    return 0;
}

/* "Ministry of " + capitalised words joined by "and" or ", " at t[a]:
 * returns the end of the words, or a when there are none. */
static size_t ministry_words(const char *t, size_t a, size_t n)
{
    size_t e = a, i = a;
    for (;;) {
        int nw;
        size_t w = read_name(t, i, n, &nw);
        if (!nw || (w - i == 8 && memcmp(t + i, "Ministry", 8) == 0))
            break;
        e = w;
        if (w + 6 < n && memcmp(t + w, " and ", 5) == 0 &&
            is_upper(t[w + 5]) && memcmp(t + w + 5, "Ministry", 8) != 0)
            i = w + 5;
        else if (w + 3 < n && t[w] == ',' && t[w + 1] == ' ' &&
                 is_upper(t[w + 2]))
            i = w + 2;
        else
            break;
    }
    return e;
}

/* "Ministry of X of <country>", "<country> Ministry of X" and "the
 * Ministry of X and Ministry of Y of <country>" -> "<cc>_ministry_of_x"
 * (state bodies take their country's prefix), when the pack has no
 * name for the whole. */
static void find_ministries(const dk_pack *p, const dk_sent *s,
                            dk_cands *out, const dk_pack_match *m, int n)
{
    const dk_pack_entity *ents = dk_pack_entities(p, NULL);
    const char *t = s->text;
    size_t len = s->len;
    for (size_t i = 0; i + 12 < len; i++) {
        if (t[i] != 'M' || memcmp(t + i, "Ministry of ", 12) != 0 ||
            covered(m, n, i))
            continue;
        size_t a = i + 12, e = ministry_words(t, a, len);
        if (e == a)
            continue;
        /* "Russian Ministry of X", else "Ministry of X of Russia", else
         * "Ministry of X and Ministry of Y of Russia" */
        const dk_pack_entity *c = NULL;
        if (i >= 2 && t[i - 1] == ' ')
            c = country_at(ents, m, n, i - 1, 1);
        for (size_t j = e; !c;) {
            if (j + 4 < len && memcmp(t + j, " of ", 4) == 0) {
                size_t k = j + 4;
                if (k + 4 < len && memcmp(t + k, "the ", 4) == 0)
                    k += 4;
                c = country_at(ents, m, n, k, 0);
                break;
            }
            size_t k = j;
            if (k + 5 < len && memcmp(t + k, " and ", 5) == 0)
                k += 5;
            else
                break;
            if (k + 4 < len && memcmp(t + k, "the ", 4) == 0)
                k += 4;
            if (k + 12 >= len || memcmp(t + k, "Ministry of ", 12) != 0)
                break;
            for (int q = 0; q < n && !c; q++)  /* a ministry the pack knows */
                if (m[q].start == k && ents[m[q].index].country[0] &&
                    strcmp(ents[m[q].index].type, "organization") == 0) {
                    int ci = dk_pack_entity_index(p, ents[m[q].index].country);
                    c = ci >= 0 ? &ents[ci] : NULL;
                }
            if (c)
                break;
            j = ministry_words(t, k + 12, len);
            if (j == k + 12)
                break;
        }
        if (!c || strlen(c->id) != 2)
            continue;
        char id[DK_ID_MAX];
        size_t k = 0;
        id[k++] = (char)(c->id[0] | 0x20);
        id[k++] = (char)(c->id[1] | 0x20);
        memcpy(id + k, "_ministry_of_", 13);
        k += 13;
        for (size_t x = a; x < e && k + 1 < sizeof id; x++) {
            char ch = t[x];
            if (ch == ',' || ch == '\'')
                continue;
            id[k++] = is_upper(ch) ? (char)(ch + 32) : is_lower(ch) ? ch : '_';
        }
        if (k + 1 >= sizeof id)
            continue;
        id[k] = '\0';
        int t0 = token_at(s, (uint32_t)i), t1 = token_at(s, (uint32_t)e - 1) + 1;
        dk_cand *cd = dk_cand_push(out, s, t0, t1, DK_ENTITY, 0);
        if (!cd)
            continue;
        cd->m.start = s->base + i;
        cd->m.end = s->base + e;
        memcpy(cd->m.type, "organization", 13);
        memcpy(cd->m.id, id, k + 1);
        cd->ent = dk_pack_entity_index(p, id);
        i = e;
    }
}

/* An abbreviation in brackets right after t[0, b): "Caspian Pipeline
 * Consortium (CPC)" -> the span of "CPC" in *a0, *a1.  Two to 15 capital
 * letters, digits and '&', '+', '-' with at least two capitals; its first
 * letter is the name's, and its letters come in the name in that order
 * ("EAEU" in "Eurasian Economic Union"), so the bracket of a longer name
 * the pack knows only the end of ("Industrial and Commercial Bank of China
 * (ICBC)" after "Bank of China") defines nothing. */
static int abbrev_after(const char *t, size_t len, size_t a, size_t b,
                        size_t *a0, size_t *a1)
{
    size_t i = b;
    if (i < len && t[i] == ' ')
        i++;
    if (i >= len || t[i] != '(')
        return 0;
    size_t j = ++i;
    int caps = 0;
    while (j < len && j - i < 16 &&
           (is_upper(t[j]) || (t[j] >= '0' && t[j] <= '9') || t[j] == '&' ||
            t[j] == '+' || t[j] == '-'))
        caps += is_upper(t[j++]);
    if (j >= len || t[j] != ')' || j - i < 2 || j - i > 15 || caps < 2 ||
        t[i] != (is_lower(t[a]) ? t[a] - 32 : t[a]))
        return 0;
    size_t k = a + 1;
    for (size_t x = i + 1; x < j; x++) {
        if (!is_upper(t[x]))
            continue;
        while (k < b && t[k] != t[x] && t[k] != t[x] + 32)
            k++;
        if (k++ >= b)
            return 0;
    }
    *a0 = i;
    *a1 = j;
    return 1;
}

/* The slot of the letters t[a, b) in ab, or ab->n when not bound. */
static int abbrev_slot(const dk_abbrevs *ab, const char *t, size_t a,
                       size_t b)
{
    int i = 0;
    while (i < ab->n && !(strlen(ab->v[i].abbr) == b - a &&
                          memcmp(ab->v[i].abbr, t + a, b - a) == 0))
        i++;
    return i;
}

/* The entity the document bound the letters t[a, b) to, or -1. */
static int abbrev_entity(const dk_abbrevs *ab, const char *t, size_t a,
                         size_t b)
{
    if (!ab || !ab->n)
        return -1;
    int i = abbrev_slot(ab, t, a, b);
    return i < ab->n ? ab->v[i].ent : -1;
}

/* Bind the letters t[a, b) to entity ent for the rest of the document
 * (a later definition of the same letters wins). */
static void abbrev_bind(dk_abbrevs *ab, const char *t, size_t a, size_t b,
                        int ent)
{
    if (!ab || b - a >= sizeof ab->v[0].abbr)
        return;
    int i = abbrev_slot(ab, t, a, b);
    if (i == DK_MAX_ABBREVS)
        return;   /* full: the first ones stay */
    memcpy(ab->v[i].abbr, t + a, b - a);
    ab->v[i].abbr[b - a] = '\0';
    ab->v[i].ent = ent;
    if (i == ab->n)
        ab->n++;
}

/* Do the tokens [t0, t1) of an alias begin a longer currency name of the
 * lexicon ("US dollars", "U.S. dollar", "American dollars", "Chinese
 * yuan", "Hong Kong dollars")?  Then they are the currency's words, not
 * the place, as the "US" of "US$" is not. */
static int currency_words(const dk_sent *s, int t0, int t1)
{
    const dk_lexeme *x;
    return dk_lex_phrase(s->text, s->tok, s->ntok, t0, LX_CURRENCY, &x) > t1 - t0;
}

/* Does t[0, n) hold "Ministry of "?  (memchr finds the rare 'M' much
 * faster than memmem sets up its search.) */
static int has_ministry(const char *t, size_t n)
{
    const char *end = t + n;
    for (const char *p = t; (p = memchr(p, 'M', (size_t)(end - p))) != NULL;
         p++)
        if (end - p >= 12 && memcmp(p, "Ministry of ", 12) == 0)
            return 1;
    return 0;
}

void dk_recognise_entities(const dk_pack *p, const dk_sent *s,
                           dk_abbrevs *ab, dk_cands *out)
{
    out->no_alias = 0;
    if (!p)
        return;
    if (s->len && (s->text[0] == 'B' || s->text[0] == 'E' ||
                   s->text[0] == 'W' || s->text[0] == 'R' ||
                   s->text[0] == 'A' || s->text[0] == 'T'))
        find_byline(p, s, out);
    find_dateline_agency(p, s, out);
    find_titled_names(p, s, out);
    int nents;
    const dk_pack_entity *ents = dk_pack_entities(p, &nents);
    dk_pack_match m[BATCH];
    size_t off = 0;
    int pushed = 0;         /* entities of the pack's aliases */
    while (off < s->len) {
        int n = dk_pack_find_entities_in(p, s->words, s->text, off, s->len,
                                         m, BATCH);
        for (int i = 0; i < n; i++) {
            uint32_t a = m[i].start;
            uint32_t b = m[i].end;
            if (m[i].index < 0 || m[i].index >= nents)
                continue;
            /* "US$", "HK$", "NZ$": a currency sign, not the country */
            if (b < s->len && s->text[b] == '$')
                continue;
            int t0 = token_at(s, a), t1 = token_on(s, t0, b - 1) + 1;
            if (currency_words(s, t0, t1))
                continue;
            int x = m[i].index, bound = abbrev_entity(ab, s->text, a, b);
            size_t d0, d1;
            if (bound >= 0 && bound < nents)
                x = bound;   /* "CPC" after "Caspian Pipeline Consortium (CPC)" */
            else if (abbrev_after(s->text, s->len, a, b, &d0, &d1))
                abbrev_bind(ab, s->text, d0, d1, x);
            dk_cand *c = dk_cand_push(out, s, t0, t1, DK_ENTITY, 0);
            if (!c)
                continue;
            const dk_pack_entity *e = &ents[x];
            c->m.start = s->base + a;
            c->m.end = s->base + b;
            memcpy(c->m.type, e->type, sizeof c->m.type);
            memcpy(c->m.id, e->id, sizeof c->m.id);
            c->ent = x;   /* (ids are unique in a pack) */
            pushed++;
        }
        if (off == 0 && has_ministry(s->text, s->len))
            find_ministries(p, s, out, m, n);
        if (n < BATCH)
            break;
        off = m[n - 1].end;  /* the text after the last match */
    }
    /* no alias, or only the words of currencies ("US$", "U.S.
     * dollars"): attribution must not look them up again */
    out->no_alias = !pushed;
}
