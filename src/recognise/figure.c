/*
 * figure.c - figures: numbers, ordinals, percentages, money, quantities
 * and durations.  A figure is [currency] NUMBER [range] [unit], where the
 * unit decides the kind: "%"/"percent" -> percent, a currency -> money, a
 * unit of measure or a counted noun -> quantity, a time unit -> duration,
 * an ordinal suffix -> ordinal, nothing -> number.  A qualifier before it
 * ("about", "more than") sets the qualifier but stays outside the span.
 *
 * Filters drop what annotation.md says is not a mention: numbers in names
 * ("5G", "G20", "COVID-19", "Industry 4.0", "Five Nations"), section
 * numbers, clock times, page furniture ("Shows: 50"), back-references
 * ("the two countries"), pronoun "one", and ordinals of titles, terms and
 * discourse ("First Deputy Minister", "third world", "First of all").
 * Years (four digits 1000-2100 without a unit) are left to date.c.
 * All context words live in data/en/words.tsv (class ctx).
 */
#include <string.h>
#include "number.h"

static inline const dk_lexent *lx(const dk_sent *s, int k, int cls)
{
    return dk_tok_lex(s, k, cls);
}

/* Is token k a context word of this role (R_CTX_*)? */
static inline int ctx(const dk_sent *s, int k, int role)
{
    return dk_tok_role(s, k, LX_CTX, role);
}

static inline int is_word(const dk_sent *s, int k)
{
    return k >= 0 && k < s->ntok && s->tok[k].type == DK_TOK_WORD;
}

static inline int is_cap(const dk_sent *s, int k)
{
    return is_word(s, k) && (s->tok[k].flags & DK_TF_CAP);
}

static inline int is_num(const dk_sent *s, int k)
{
    return k >= 0 && k < s->ntok && s->tok[k].type == DK_TOK_NUM;
}

/* Is token k the first of its sentence or of its line? */
static int line_start(const dk_sent *s, int k)
{
    if (k == 0)
        return 1;
    for (uint32_t p = s->tok[k].start; p > s->tok[k - 1].end; p--)
        if (s->text[p - 1] == '\n')
            return 1;
    return 0;
}

/* Is token k the last of its sentence or of its line? */
static int line_end(const dk_sent *s, int k)
{
    if (k + 1 >= s->ntok)
        return 1;
    for (uint32_t p = s->tok[k].end; p < s->tok[k + 1].start; p++)
        if (s->text[p] == '\n')
            return 1;
    return 0;
}

/* An opening quote or bracket at k (skipped when looking back). */
static int is_quote(const dk_sent *s, int k)
{
    if (k < 0 || k >= s->ntok || s->tok[k].type != DK_TOK_PUNCT)
        return 0;
    const unsigned char *p = (const unsigned char *)s->text + s->tok[k].start;
    size_t n = s->tok[k].end - s->tok[k].start;
    if (n == 1)
        return *p == '"' || *p == '\'' || *p == '(';
    /* “ ” ‘ « » */
    return (n == 3 && p[0] == 0xE2 && p[1] == 0x80 &&
            (p[2] == 0x9C || p[2] == 0x9D || p[2] == 0x98)) ||
           (n == 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB));
}

static dk_qualifier qualifier_before(const dk_sent *s, int i)
{
    for (int len = 4; len >= 1; len--) {
        int a = i - len;
        if (a < 0)
            continue;
        const dk_lexeme *x;
        int n = dk_lex_phrase(s->text, s->tok, i, a, LX_QUAL, &x);
        if (n == len) {
            int q = dk_lex_get(x, LX_QUAL)->role;
            if (q == R_QUAL_APPROX) return DK_Q_APPROX;
            if (q == R_QUAL_OVER) return DK_Q_OVER;
            if (q == R_QUAL_UNDER) return DK_Q_UNDER;
        }
    }
    return DK_Q_EXACT;
}

static void set_unit(dk_mention *m, const char *u)
{
    size_t n = strlen(u);
    if (n >= sizeof m->unit)
        n = sizeof m->unit - 1;
    memcpy(m->unit, u, n);
    m->unit[n] = '\0';
}

/* unit_phrase once a phrase of class cls may start at k. */
static int unit_phrase_at(const dk_sent *s, int k, int cls, const dk_lexent **e)
{
    const dk_lexeme *x;
    int n = dk_lex_phrase(s->text, s->tok, s->ntok, k, cls, &x);
    if (!n)
        return 0;
    *e = dk_lex_get_cased(x, cls, s->text, s->tok[k].start, s->tok[k + n - 1].end);
    if (!*e)
        return 0;
    int after = k + n;
    if (cls != LX_CURRENCY && after < s->ntok && dk_tok_glued(s, after) &&
        s->tok[after].type != DK_TOK_PUNCT)
        return 0;
    /* "L-202": a code, not a unit */
    if (after + 1 < s->ntok && dk_tok_is(s, after, '-') && dk_tok_glued(s, after) &&
        dk_tok_glued(s, after + 1) && s->tok[after + 1].type == DK_TOK_NUM)
        return 0;
    if (cls == LX_CURRENCY && after < s->ntok && dk_tok_glued(s, after) &&
        s->tok[after].type == DK_TOK_WORD)
        return 0;
    return n;
}

/* A phrase of class cls at k whose entry fits the text's case; the
 * phrase must end its word (no letter or digit glued after it).  Inline
 * for the usual answer, none, from the lexicon tag of token k. */
static inline int unit_phrase(const dk_sent *s, int k, int cls,
                              const dk_lexent **e)
{
    if (k >= 0 && k < s->ntok && (s->tok[k].flags & DK_TF_LEXED) &&
        !dk_lex_may_start(s->tok, s->ntok, k, DK_LXBIT(cls)))
        return 0;
    return unit_phrase_at(s, k, cls, e);
}

/* Does a ctx phrase of role r1 cover token t (starting at most 3 tokens
 * before it)?  Returns 1; else 2 when one of role r2 does (r2 R_NONE:
 * none asked); else 0.  One pass for two questions about the same
 * phrases. */
static int ctx_phrase_covers2(const dk_sent *s, int t, int r1, int r2)
{
    int found2 = 0;
    for (int a = t - 3 < 0 ? 0 : t - 3; a <= t; a++) {
        const dk_lexeme *x;
        int n = dk_lex_phrase(s->text, s->tok, s->ntok, a, LX_CTX, &x);
        if (!n || a + n <= t)
            continue;
        for (int e = 0; e < x->nent; e++) {
            if (x->ent[e].cls != LX_CTX)
                continue;
            if (x->ent[e].role == r1)
                return 1;
            if (r2 != R_NONE && x->ent[e].role == r2)
                found2 = 1;
        }
    }
    return found2 ? 2 : 0;
}

/* Does a ctx phrase of this role (R_CTX_*) cover token t? */
static int ctx_phrase_covers(const dk_sent *s, int t, int role)
{
    return ctx_phrase_covers2(s, t, role, R_NONE) == 1;
}

/* The previous token, skipping opening quotes. */
static int prev_tok(const dk_sent *s, int k)
{
    k--;
    while (k >= 0 && is_quote(s, k))
        k--;
    return k;
}

/* Is the figure at token t the start of a change, "rose from 800 to
 * 1,000", "has fallen sharply from 3 to 2.5 billion": a verb of change
 * before "from" (one word may stand between)?  Then "X to Y" is where
 * it went from and to, two figures, not a range. */
static int changed_from(const dk_sent *s, int t)
{
    int f = prev_tok(s, t);
    if (f < 0 || !dk_tok_text(s, f, "from"))
        return 0;
    int v = prev_tok(s, f);
    return ctx(s, v, R_CTX_CHANGE) || ctx(s, prev_tok(s, v), R_CTX_CHANGE);
}

static int possessive(const dk_sent *s, int k)
{
    if (!is_word(s, k))
        return 0;
    const char *e = s->text + s->tok[k].end;
    size_t n = s->tok[k].end - s->tok[k].start;
    return (n > 2 && e[-2] == '\'' && (e[-1] == 's' || e[-1] == 'S')) ||
           (n > 4 && (unsigned char)e[-4] == 0xE2 && (unsigned char)e[-3] == 0x80 &&
            (unsigned char)e[-2] == 0x99 && e[-1] == 's');
}

/* Should the spelled ordinal at t be dropped (title, term, discourse,
 * name, adverb)?  *term is set when a term was seen in the sentence. */
static int ordinal_filtered(const dk_sent *s, const dk_num *n, int *term)
{
    int t = n->t0, nx = n->t1, pv = prev_tok(s, t);
    int c = ctx_phrase_covers2(s, t, R_CTX_DISCOURSE, R_CTX_TERM);
    if (c == 1)
        return 1;   /* discourse */
    if (c == 2) {
        *term = 1;  /* a term */
        return 1;
    }
    /* "Second, we ...": enumerating discourse */
    if (line_start(s, t) || (pv >= 0 && line_start(s, pv) && is_quote(s, pv))) {
        if (dk_tok_is(s, nx, ',') || dk_tok_is(s, nx, ':') || dk_tok_is(s, nx, ')'))
            return 1;
    }
    if (ctx(s, nx, R_CTX_TITLE) || ctx(s, nx, R_CTX_DATEPART))
        return 1;   /* "First Deputy Minister", "the first half of 2024" */
    if (is_num(s, nx) || (lx(s, nx, LX_CARD) && !ctx(s, nx, R_CTX_A))) {
        dk_num p;   /* "the first 11 months": a period */
        if (dk_number_at(s, nx, &p) && lx(s, p.t1, LX_TUNIT))
            return 1;
    }
    /* a capitalised name: kept only for a recurring event */
    if (is_cap(s, t) && t > 0 && !line_start(s, t) && is_cap(s, nx)) {
        for (int k = nx; k < s->ntok && k < nx + 8; k++) {
            if (ctx(s, k, R_CTX_EVENT))
                return 0;
            if (!is_cap(s, k) && !dk_tok_text(s, k, "and") &&
                !dk_tok_text(s, k, "of") && !dk_tok_text(s, k, "the") &&
                !(lx(s, k, LX_RANGE) && s->tok[k].type == DK_TOK_PUNCT))
                break;
        }
        return 1;
    }
    /* enumerations: "The first is ..." */
    if (pv >= 0 && pv == 0 && ctx(s, pv, R_CTX_DET) && ctx(s, nx, R_CTX_ENUMVERB))
        return 1;
    /* the elliptic end of a term: "from the third world to the first" */
    if (*term && (nx >= s->ntok || s->tok[nx].type == DK_TOK_PUNCT))
        return 1;
    if (n->value == 1 && !n->nwords) {
        /* "first" as an adverb: "when I first joined" */
        if (!(pv >= 0 && (ctx(s, pv, R_CTX_DET) || ctx(s, pv, R_CTX_RANK) ||
                          possessive(s, pv) || ctx(s, pv, R_CTX_A))) &&
            !line_start(s, t))
            return 1;
    }
    return 0;
}

/* Should the plain number n (kind number) be dropped? */
static int number_filtered(const dk_sent *s, const dk_num *n)
{
    int t = n->t0, nx = n->t1, pv = prev_tok(s, t);
    /* "one-on-one", "face-to-face": a word compound */
    if (n->spelled && dk_tok_glued(s, t) && dk_tok_is(s, t - 1, '-') &&
        dk_tok_glued(s, t - 1) && is_word(s, t - 2) && !lx(s, t - 2, LX_CARD))
        return 1;
    if (n->spelled && n->nwords == 1 && !n->fraction && !n->hasscale) {
        /* a capitalised number word inside a name: "Five Nations" */
        if (is_cap(s, t) && !line_start(s, t) && is_cap(s, nx))
            return 1;
        if (n->value == 1) {
            /* "one of", "the one", "allow one to" */
            if (ctx(s, nx, R_CTX_ONEAFTER) || nx >= s->ntok ||
                s->tok[nx].type == DK_TOK_PUNCT)
                return 1;
            if (pv >= 0 && ctx(s, pv, R_CTX_ONEBEFORE))
                return 1;
        }
    }
    if (n->value == 2 && n->nwords <= 1 && !n->fraction && pv >= 0 &&
        ctx(s, pv, R_CTX_DET)) {
        /* "the two countries", "our two neighbouring states" */
        if (ctx(s, nx, R_CTX_BACKREF) ||
            (is_word(s, nx) && !lx(s, nx, LX_COUNTED) && ctx(s, nx + 1, R_CTX_BACKREF)))
            return 1;
    }
    return 0;
}

/* Name-like digits: "G20", "COVID-19", "C5+1", "scp173m", "Industry 4.0",
 * clock times, section numbers, page furniture. */
static int digits_filtered(const dk_sent *s, const dk_num *n)
{
    int t = n->t0;
    if (!is_num(s, t))
        return 0;
    if (dk_tok_glued(s, t) && is_word(s, t - 1))
        return 1;
    if (dk_tok_glued(s, t) && dk_tok_is(s, t - 1, '-') && dk_tok_glued(s, t - 1) &&
        (is_word(s, t - 2) || is_num(s, t - 2)))
        return 1;   /* "COVID-19", "scp2-173", "2022-23", "74-57" */
    if (dk_tok_glued(s, t) && dk_tok_is(s, t - 1, '+') && dk_tok_glued(s, t - 1) &&
        (is_word(s, t - 2) || is_num(s, t - 2)))
        return 1;   /* a format: "C5+1", "P5+1" */
    /* "11.09.2019", "1.2.3": dotted dates and versions */
    if (dk_tok_is(s, n->t1, '.') && dk_tok_glued(s, n->t1) && is_num(s, n->t1 + 1) &&
        dk_tok_glued(s, n->t1 + 1))
        return 1;
    if (dk_tok_is(s, t - 1, '.') && dk_tok_glued(s, t) && is_num(s, t - 2) &&
        dk_tok_glued(s, t - 1))
        return 1;
    /* clock times "11:43" */
    if (dk_tok_is(s, t + 1, ':') && dk_tok_glued(s, t + 1) && is_num(s, t + 2) &&
        dk_tok_glued(s, t + 2))
        return 1;
    if (dk_tok_is(s, t - 1, ':') && dk_tok_glued(s, t) && is_num(s, t - 2))
        return 1;
    /* "Industry 4.0" */
    const dk_token *d = &s->tok[t];
    if ((d->flags & DK_TF_DECIMAL) && d->nfrac == 1 &&
        s->text[d->end - 1] == '0' && is_cap(s, t - 1))
        return 1;
    /* section numbers "1. Political cooperation", "2) Trade" */
    if (line_start(s, t) && n->t1 == t + 1 && d->num < 100 &&
        !(d->flags & (DK_TF_DECIMAL | DK_TF_GROUPS)) &&
        (dk_tok_is(s, t + 1, '.') || dk_tok_is(s, t + 1, ')')) &&
        dk_tok_glued(s, t + 1) && (t + 2 < s->ntok || (s->ntok == 2 && s->base > 0)))
        return 1;   /* a sentence of its own "1." inside a document too */
    /* page furniture "Number of shows: 50" */
    if (dk_tok_is(s, t - 1, ':') && line_end(s, n->t1 - 1) && is_word(s, t - 2))
        return 1;
    return 0;
}

/* Cents after a money amount: "3 dollars 50 cents", "15 dollars and 15",
 * "thirteen dollars forty-five cents".  Returns tokens used. */
static int cents_tail(const dk_sent *s, int k, double *add)
{
    int j = k;
    if (j < s->ntok && dk_tok_text(s, j, "and"))
        j++;
    dk_num c;
    if (!dk_number_at(s, j, &c) || c.fraction || c.hasscale || c.ordinal ||
        c.value <= 0 || c.value >= 100 || c.value != (int)c.value)
        return 0;
    const dk_lexent *cu;
    int nu = unit_phrase(s, c.t1, LX_CURRENCY, &cu);
    if (nu && cu->value < 1) {
        *add = c.value * cu->value;
        return c.t1 + nu - k;
    }
    if (c.t1 >= s->ntok ||
        (s->tok[c.t1].type == DK_TOK_PUNCT && !lx(s, c.t1, LX_CURRENCY)) ||
        dk_tok_text(s, c.t1, "more") || dk_tok_text(s, c.t1, "and")) {
        *add = c.value / 100;
        return c.t1 - k;
    }
    return 0;
}

typedef struct fig {
    int t0, t1;
    dk_kind kind;
    double value, low, high;
    int range;
    char unit[16];
    dk_qualifier q;
} fig;

static void emit(dk_cands *out, const dk_sent *s, const fig *f)
{
    int prio = f->kind == DK_NUMBER ? DK_PRIO_NUMBER
             : f->kind == DK_ORDINAL ? DK_PRIO_ORDINAL
             : f->kind == DK_DURATION ? DK_PRIO_DURATION : DK_PRIO_FIGURE;
    dk_cand *c = dk_cand_push(out, s, f->t0, f->t1, f->kind, prio);
    if (!c)
        return;
    c->m.has_value = 1;
    c->m.value = f->value;
    c->m.qualifier = f->q;
    if (f->range) {
        c->m.qualifier = DK_Q_RANGE;
        c->m.low = f->low;
        c->m.high = f->high;
    }
    set_unit(&c->m, f->unit);
}

static void copy_unit(fig *f, const char *u)
{
    size_t n = strlen(u);
    if (n >= sizeof f->unit)
        n = sizeof f->unit - 1;
    memcpy(f->unit, u, n);
    f->unit[n] = '\0';
}

/* The unit after a number ending at k: percent, currency, unit, time
 * unit.  Fills f and returns the token after it, or k when none. */
static int unit_after(const dk_sent *s, const dk_num *num, int k, fig *f,
                      int have_cur)
{
    const dk_lexent *e;
    int nu;
    if ((nu = unit_phrase(s, k, LX_PERCENT, &e))) {
        f->kind = DK_PERCENT;
        return k + nu;
    }
    int h = k;
    if (dk_tok_is(s, h, '-') && dk_tok_glued(s, h) && dk_tok_glued(s, h + 1))
        h++;   /* "1,783-kilometer-long", "two-day", "one-yen" */
    if (!have_cur && (nu = unit_phrase(s, h, LX_CURRENCY, &e)) &&
        (e->flags & LXF_POST) && !(dk_tok_glued(s, h + nu) && is_num(s, h + nu)) &&
        (!(e->flags & LXF_AMBIG) || num->hasscale)) {
        f->kind = DK_MONEY;
        copy_unit(f, e->sym);
        f->value *= e->value;
        f->low *= e->value;
        f->high *= e->value;
        int j = h + nu;
        /* "75 USD million" */
        const dk_lexent *sc = lx(s, j, LX_SCALE);
        if (sc && !(sc->flags & (LXF_PLURAL | LXF_AMBIG)) && sc->value >= 1000 &&
            !num->hasscale) {
            f->value *= sc->value;
            f->low *= sc->value;
            f->high *= sc->value;
            j++;
        } else if (e->value == 1 && !num->hasscale && !f->range) {
            double add;
            int nc = cents_tail(s, j, &add);
            if (nc) {
                f->value += add;
                j += nc;
            }
        }
        return j;
    }
    /* "20 (kg)" */
    int b = h;
    if (h == k && (dk_tok_is(s, h, '(') || dk_tok_is(s, h, '[') ||
                   dk_tok_is(s, h, '{') || dk_tok_is(s, h, '<')))
        b = h + 1;
    if ((nu = unit_phrase(s, b, LX_UNIT, &e))) {
        int j = b + nu;
        if (strcmp(e->sym, "deg") == 0) {
            /* temperatures are no angles */
            for (int q = k - 6 < 0 ? 0 : k - 6; q <= j && q < s->ntok; q++)
                if (ctx(s, q, R_CTX_TEMPERATURE))
                    goto no_unit;
        }
        if (b != h) {
            if (!(dk_tok_is(s, j, ')') || dk_tok_is(s, j, ']') ||
                  dk_tok_is(s, j, '}') || dk_tok_is(s, j, '>')))
                goto no_unit;
            j++;
        }
        f->kind = DK_QUANTITY;
        copy_unit(f, e->sym);
        f->value *= e->value;
        f->low *= e->value;
        f->high *= e->value;
        /* "-long", "-wide" after a hyphenated unit */
        if (h != k && dk_tok_is(s, j, '-') && dk_tok_glued(s, j) &&
            dk_tok_glued(s, j + 1) && ctx(s, j + 1, R_CTX_DIMADJ))
            j += 2;
        /* "5 feet 2 inches", "5 ft and 2 in" */
        if (strcmp(e->sym, "ft") == 0 && !f->range) {
            int a = j;
            if (dk_tok_text(s, a, "and"))
                a++;
            dk_num in;
            const dk_lexent *ie;
            int ni;
            if (dk_number_at(s, a, &in) &&
                (((ni = unit_phrase(s, in.t1, LX_UNIT, &ie)) && strcmp(ie->sym, "in") == 0) ||
                 (dk_tok_text(s, in.t1, "in") && (ni = 1)))) {
                f->value += in.value / 12;
                j = in.t1 + ni;
            }
        }
        return j;
    }
no_unit:
    if ((nu = unit_phrase(s, h, LX_TUNIT, &e))) {
        if ((e->flags & LXF_AMBIG) && num->ordinal)
            return k;
        f->kind = DK_DURATION;
        copy_unit(f, e->sym);
        f->value *= e->value;
        f->low *= e->value;
        f->high *= e->value;
        if (e->value == 10 || e->value == 100 || e->value == 1000)
            copy_unit(f, "year");
        return h + nu;
    }
    if (h == k && (nu = unit_phrase(s, k, LX_COUNTED, &e))) {
        if ((strcmp(e->sym, "person") == 0 && (num->hasscale || num->value >= 1e6)) ||
            (strcmp(e->sym, "person") != 0 && num->hasscale)) {
            f->kind = DK_QUANTITY;
            copy_unit(f, e->sym);
            return k + nu;
        }
    }
    return k;
}

/* "half century", "half a century": a duration. */
static int half_duration(const dk_sent *s, int i, dk_cands *out)
{
    const dk_lexent *fr = lx(s, i, LX_FRAC), *e;
    if (!fr || (fr->flags & LXF_PLURAL) || lx(s, i, LX_ORD) || !is_word(s, i))
        return 0;
    int k = i + 1;
    if (ctx(s, k, R_CTX_A))
        k++;
    else if (dk_tok_is(s, k, '-') && dk_tok_glued(s, k))
        k++;
    int nu = unit_phrase(s, k, LX_TUNIT, &e);
    if (!nu || e->value < 10)
        return 0;
    fig f;
    memset(&f, 0, sizeof f);
    f.t0 = i;
    f.t1 = k + nu;
    f.kind = DK_DURATION;
    f.value = e->value / fr->value;
    copy_unit(&f, "year");
    f.q = qualifier_before(s, i);
    emit(out, s, &f);
    return f.t1;
}

/* Is token k a fraction word of tenths or hundredths ("one-tenth of
 * them" is a share, a percent)? */
static int tenths(const dk_sent *s, int k)
{
    const dk_lexent *f = lx(s, k, LX_FRAC);
    return f && (f->value == 10 || f->value == 100);
}

/* After "a third of": is token k the start of a whole ("of its trade",
 * "of Kazakhstan's exports"), not of a number ("two thirds of a
 * million")? */
static int share_of(const dk_sent *s, int k)
{
    dk_num n;
    if (k >= s->ntok || s->tok[k].type != DK_TOK_WORD || dk_number_at(s, k, &n))
        return 0;
    int w = k;   /* "of a century", "of an hour": a stretch of time */
    if (dk_tok_text(s, k, "a") || dk_tok_text(s, k, "an") ||
        dk_tok_text(s, k, "the"))
        w++;
    return !lx(s, w, LX_SCALE) && !lx(s, w, LX_TUNIT);
}

/* Is this a year (left to date.c)? */
static int year_like(const dk_sent *s, const dk_num *n)
{
    return !n->spelled && !n->scaled && !n->fraction && n->digits == 4 &&
           n->value >= 1000 && n->value <= 2100 &&
           !(s->tok[n->t0].flags & (DK_TF_GROUPS | DK_TF_DECIMAL));
}

/* A population word shortly before token t ("a population of 1.4
 * billion", "its population passed 20 million"). */
static int pop_before(const dk_sent *s, int t)
{
    for (int k = t - 1; k >= 0 && k >= t - 4; k--) {
        if (ctx(s, k, R_CTX_POPCUE))
            return 1;
        if (s->tok[k].type == DK_TOK_PUNCT || is_num(s, k))
            return 0;
    }
    return 0;
}

/* A hyphen glued between the token before k and a number at k + 1. */
static int glued_dash_num(const dk_sent *s, int k)
{
    return dk_tok_is(s, k, '-') && dk_tok_glued(s, k) && dk_tok_glued(s, k + 1) &&
           is_num(s, k + 1);
}

/* A plain group of digits at k: no decimals, no thousands commas. */
static int digit_group(const dk_sent *s, int k, int most)
{
    const dk_token *t = &s->tok[k];
    return t->type == DK_TOK_NUM && t->ndigits <= most &&
           !(t->flags & (DK_TF_DECIMAL | DK_TF_GROUPS));
}

/* A telephone number whose dialling code is the number at t, glued to a
 * "+" before it: one to three digits, then two or more groups of digits,
 * with brackets and hyphens between them ("+7 727 123 4567",
 * "+1 (202) 555-0100").  Returns the token after it, or t when there is
 * none ("+5%", "+3 percent", "+40 points" are signed figures). */
static int phone_end(const dk_sent *s, int t)
{
    if (!digit_group(s, t, 3))
        return t;
    int q = t + 1, groups = 0, end = t;
    while (q < s->ntok) {
        if (digit_group(s, q, 5)) {
            groups++;
            end = q + 1;
        } else if (dk_tok_is(s, q, ')')) {
            end = q + 1;
        } else if (!dk_tok_is(s, q, '(') && !dk_tok_is(s, q, '-')) {
            break;
        }
        q++;
    }
    return groups >= 2 ? end : t;
}

/* "fell from 3 to 2.5 billion dollars": the figure a change starts from
 * (num, a bare number ending at token k, before "to") is in the scale
 * and unit of the figure it went to, which name them once.  Sets f's
 * kind, unit and value from the figure after "to"; leaves f alone when
 * that names neither. */
static void lend_from_end(const dk_sent *s, const dk_num *num, int k, fig *f)
{
    const dk_lexent *e;
    int b = k + 1;
    fig g;
    memset(&g, 0, sizeof g);
    g.kind = DK_NUMBER;
    g.value = 1;
    int nc = unit_phrase(s, b, LX_CURRENCY, &e);
    if (nc && (e->flags & LXF_PRE)) {
        g.kind = DK_MONEY;
        copy_unit(&g, e->sym);
        g.value = e->value;
        b += nc;
    }
    dk_num to;
    if (!dk_number_at(s, b, &to) || to.ordinal || year_like(s, &to))
        return;
    double scale = 1;
    if (to.hasscale && !num->hasscale && !num->spelled) {
        const dk_lexent *sc = lx(s, to.t1 - 1, LX_SCALE);
        if (sc)
            scale = sc->value;
    }
    if (g.kind == DK_NUMBER)
        unit_after(s, &to, to.t1, &g, 0);
    if (g.kind == DK_NUMBER && scale == 1)
        return;
    f->kind = g.kind;
    copy_unit(f, g.unit);
    f->value *= scale * g.value;
    f->low = f->value;
}

/* Can a figure start at token i?  Where a number may start, or a
 * currency or percent phrase before one ("US dollars 5", "percent of
 * 10").  Most tokens fail this at once. */
static int may_start(const dk_sent *s, int i)
{
    const dk_token *t = &s->tok[i];
    if (t->type == DK_TOK_WORD && !t->lex)
        return 0;   /* a word the lexicon does not know */
    if (!(t->flags & DK_TF_LEXED) && t->type != DK_TOK_NUM)
        return 1;   /* not tagged: a phrase lookup would tell */
    if (dk_lex_may_start(s->tok, s->ntok, i,
                         DK_LXBIT(LX_CURRENCY) | DK_LXBIT(LX_PERCENT)))
        return 1;
    return dk_number_may_start(s, i);
}

/* Recognise the figure starting at token i, where one may start
 * (may_start); returns the next token. */
static int figure_at(const dk_sent *s, int i, dk_cands *out, int *term)
{
    fig f;
    memset(&f, 0, sizeof f);
    f.t0 = i;
    f.kind = DK_NUMBER;
    const dk_lexent *e;
    int ncur = unit_phrase(s, i, LX_CURRENCY, &e);
    const dk_lexent *pre = ncur && (e->flags & LXF_PRE) ? e : NULL;
    int j = pre ? i + ncur : i;
    int pct_pre = 0;
    if (!pre) {
        /* "percent of 10", "per cent of twenty-two" */
        int np = unit_phrase(s, i, LX_PERCENT, &e);
        if (np && dk_tok_text(s, i + np, "of") && !is_num(s, i - 1)) {
            dk_num t;
            if (dk_number_at(s, i + np + 1, &t) && !t.ordinal && !year_like(s, &t)) {
                f.kind = DK_PERCENT;
                f.value = t.value;
                f.t1 = t.t1;
                f.q = qualifier_before(s, i);
                emit(out, s, &f);
                return t.t1;
            }
        }
    }
    (void)pct_pre;
    dk_num num;
    if (!dk_number_at(s, j, &num)) {
        int h = half_duration(s, i, out);
        if (h)
            return h;
        /* "twice", "thrice" */
        const dk_lexent *c = lx(s, i, LX_CARD);
        if (c && c->role == R_CARD_ADV) {
            f.t1 = i + 1;
            f.value = c->value;
            f.q = qualifier_before(s, i);
            emit(out, s, &f);
        }
        return i + 1;
    }
    if (pre && num.ordinal)
        return i + 1;
    /* "5/17/2018": a date */
    if (dk_tok_is(s, num.t1, '/') && dk_tok_glued(s, num.t1) && is_num(s, num.t1 + 1))
        return num.t1 + 2;
    if (is_num(s, num.t0) && num.t1 > num.t0 + 2 && dk_tok_is(s, num.t0 + 1, '/') &&
        dk_tok_is(s, num.t0 + 3, '/'))
        return num.t1;
    if (!pre && digits_filtered(s, &num)) {
        int k = num.t1;
        while (k < s->ntok && dk_tok_glued(s, k) && s->tok[k].type != DK_TOK_PUNCT)
            k++;
        return k > i + 1 ? k : i + 1;
    }
    f.t0 = pre ? i : num.t0;
    f.value = f.low = num.value;
    int k = num.t1;
    /* ranges: "15-20", "two to three", "between 20 and 30" */
    if (k + 1 < s->ntok && !num.ordinal && lx(s, k, LX_RANGE)) {
        int how = lx(s, k, LX_RANGE)->role;
        int glued = how == R_RANGE_DASH && !num.spelled &&
                    ((dk_tok_glued(s, k) && dk_tok_glued(s, k + 1)) ||
                     (!dk_tok_glued(s, k) && !dk_tok_glued(s, k + 1)));
        int word = (how == R_RANGE_TO && !changed_from(s, f.t0)) ||
                   (how == R_RANGE_AND && ctx(s, prev_tok(s, f.t0), R_CTX_BETWEEN));
        dk_num hi;
        if ((glued || word) && dk_number_at(s, k + 1, &hi) && !hi.ordinal &&
            hi.value > num.value && (hi.spelled == num.spelled || hi.hasscale)) {
            if (year_like(s, &num) && year_like(s, &hi))
                return hi.t1;   /* "2017-2018": a date */
            double scale = 1;
            if (hi.hasscale && !num.hasscale && !num.spelled) {
                /* "$20-30 billion": the scale of the high end */
                const dk_lexent *sc = lx(s, hi.t1 - 1, LX_SCALE);
                if (sc)
                    scale = sc->value;
            }
            /* "in 2023 to 41 billion dollars": no range ends lower than
             * it starts once the scale is shared */
            if (num.value * scale < hi.value) {
                f.range = 1;
                f.low = f.value = num.value * scale;
                f.high = hi.value;
                k = hi.t1;
            }
        }
    }
    if (!f.range) {
        f.high = 0;
        /* "74-57-02", "50-50": digits joined by hyphens are a code */
        if (is_num(s, num.t1 - 1) && glued_dash_num(s, num.t1)) {
            int q = num.t1;
            while (glued_dash_num(s, q))
                q += 2;
            return q;
        }
        /* "+7 727 123 4567": a telephone number, all of it */
        if (is_num(s, num.t0) && dk_tok_is(s, num.t0 - 1, '+') &&
            dk_tok_glued(s, num.t0)) {
            int end = phone_end(s, num.t0);
            if (end > num.t0)
                return end;
        }
    }
    if (pre) {
        f.kind = DK_MONEY;
        copy_unit(&f, pre->sym);
        f.value *= pre->value;
        f.low *= pre->value;
        f.high *= pre->value;
        /* "€500m", "£3m": a glued "m" after money is a million */
        if (!num.hasscale && is_num(s, k - 1) && dk_tok_glued(s, k) &&
            (dk_tok_text(s, k, "m") || dk_tok_text(s, k, "M")) &&
            !(k + 1 < s->ntok && dk_tok_glued(s, k + 1) && !dk_tok_is(s, k + 1, '.') &&
              !dk_tok_is(s, k + 1, ','))) {
            f.value *= 1e6;
            f.low *= 1e6;
            f.high *= 1e6;
            k++;
        }
        /* "$ 10 dollars": the currency word again */
        int nu = unit_phrase(s, k, LX_CURRENCY, &e);
        if (nu && (e->flags & LXF_POST) && strcmp(e->sym, pre->sym) == 0 && e->value == 1 &&
            is_word(s, k))
            k += nu;
        else {
            const dk_lexent *sc = lx(s, k, LX_SCALE);
            if (sc && !(sc->flags & (LXF_PLURAL | LXF_AMBIG)) && sc->value >= 1000 &&
                !num.hasscale && dk_tok_is(s, i + ncur - 1, '$') == 0) {
                /* "USD 5 million" is in num already; nothing here */
            }
        }
    } else if (num.ordinal) {
        f.kind = DK_ORDINAL;
    } else {
        int u = unit_after(s, &num, k, &f, 0);
        if (u == k && is_num(s, num.t1 - 1) && dk_tok_glued(s, k) &&
            lx(s, k, LX_ORDSUF) && !f.range && num.digits) {
            f.kind = DK_ORDINAL;
            u = k + 1;
        }
        if (u == k && f.kind == DK_NUMBER && !num.ordinal) {
            /* multipliers: "two to three times", "1.7-fold" */
            int h = k;
            if (dk_tok_is(s, h, '-') && dk_tok_glued(s, h) && dk_tok_glued(s, h + 1))
                h++;
            if (ctx(s, h, R_CTX_TIMES))
                u = h + 1;
        }
        if (u == k && f.kind == DK_NUMBER && !num.ordinal && !f.range &&
            lx(s, k, LX_RANGE) && lx(s, k, LX_RANGE)->role == R_RANGE_TO &&
            !year_like(s, &num) && changed_from(s, f.t0))
            lend_from_end(s, &num, k, &f);
        /* a glued word nothing explains: "5G" */
        if (u == k && is_num(s, num.t1 - 1) && num.t1 < s->ntok &&
            dk_tok_glued(s, num.t1) && is_word(s, num.t1))
            return num.t1 + 1;
        k = u;
    }
    /* "one-tenth of": a share */
    if (f.kind == DK_NUMBER && num.fraction && num.spelled && num.value < 1 &&
        dk_tok_text(s, k, "of") && !f.range &&
        (tenths(s, num.t1 - 1) || share_of(s, k + 1))) {
        f.kind = DK_PERCENT;
        f.value *= 100;
    }
    /* "with a population of 1.4 billion" */
    if (f.kind == DK_NUMBER && (num.hasscale || num.value >= 1e6) && pop_before(s, f.t0)) {
        f.kind = DK_QUANTITY;
        copy_unit(&f, "person");
    }
    if (f.kind == DK_NUMBER && year_like(s, &num) && !f.range)
        return num.t1;
    if (f.kind == DK_ORDINAL) {
        if (num.spelled && ordinal_filtered(s, &num, term))
            return k;
        if (!num.spelled && is_cap(s, k) && lx(s, k, LX_TUNIT))
            return k + 1;   /* "21st Century Silk Road" */
    }
    if (f.kind == DK_NUMBER && !f.range && number_filtered(s, &num))
        return k;
    /* a model or section number after a name: "Boeing 737", "Phase 2" */
    if (f.kind == DK_NUMBER && !f.range && is_num(s, num.t0) && num.t1 == num.t0 + 1 &&
        !(s->tok[num.t0].flags & (DK_TF_GROUPS | DK_TF_DECIMAL)) &&
        is_cap(s, num.t0 - 1) && !line_start(s, num.t0 - 1) && !s->tok[num.t0 - 1].lex)
        return k;
    /* a capitalised spelled figure inside a name: "the Five-Year Plan" */
    if (num.spelled && !pre && is_cap(s, num.t0) && !line_start(s, num.t0) &&
        !(prev_tok(s, num.t0) >= 0 && line_start(s, prev_tok(s, num.t0)) &&
          is_quote(s, prev_tok(s, num.t0))) &&
        is_cap(s, k) && f.kind != DK_ORDINAL)
        return k;
    if (f.kind == DK_NUMBER && num.nwords == 1 && num.spelled && !num.fraction &&
        lx(s, num.t0, LX_CARD) && (lx(s, num.t0, LX_CARD)->flags & LXF_AMBIG))
        return k;
    f.t1 = k;
    f.q = qualifier_before(s, f.t0);
    /* "over five years" is "during": over a stretch of time qualifies
     * only after "for" ("for over 20 years") */
    if (f.kind == DK_DURATION && f.q == DK_Q_OVER && f.t0 >= 1 &&
        (dk_tok_text(s, f.t0 - 1, "over") || dk_tok_text(s, f.t0 - 1, "Over")) &&
        !(f.t0 >= 2 && dk_tok_text(s, f.t0 - 2, "for")) && !dk_tok_text(s, k, "of"))
        f.q = DK_Q_EXACT;
    if (num.approx && f.q == DK_Q_EXACT)
        f.q = DK_Q_APPROX;
    emit(out, s, &f);
    return k > i ? k : i + 1;
}

/* Does the white-space-delimited chunk starting at token i look like a
 * URL or an e-mail address?  Sets *end to the token after the chunk. */
static int url_chunk(const dk_sent *s, int i, int *end)
{
    int k = i + 1;
    while (k < s->ntok && dk_tok_glued(s, k))
        k++;
    *end = k;
    if (k - i < 4)
        return 0;
    uint32_t a = s->tok[i].start, b = s->tok[k - 1].end;
    for (uint32_t p = a; p + 2 < b; p++)
        if ((s->text[p] == ':' && s->text[p + 1] == '/' && s->text[p + 2] == '/') ||
            (p + 3 < b && memcmp(s->text + p, "www.", 4) == 0) || s->text[p] == '@')
            return 1;
    return 0;
}

/* Tokens to skip at i: a line of page furniture ("READ MORE: ...") or
 * a telephone number after "tel.".  lines: the sentence has a line
 * break (else only its first token starts a line).  Returns the next
 * token to look at, or i when there is nothing to skip. */
static int skip_furniture(const dk_sent *s, int i, int lines)
{
    if ((lines ? line_start(s, i) : i == 0) &&
        ctx_phrase_covers(s, i, R_CTX_FURNITURE)) {
        int k = i;
        while (k < s->ntok && !line_end(s, k))
            k++;
        return k + 1;
    }
    /* a telephone cue: from the hint of its lexeme when it has one */
    const dk_token *t = &s->tok[i];
    if ((t->flags & DK_TF_LEXED) ? (t->ahead & DK_AHEAD_PHONE) != 0
                                 : ctx(s, i, R_CTX_PHONE)) {
        int k = i + 1;
        while (k < s->ntok && (is_num(s, k) || (s->tok[k].type == DK_TOK_PUNCT &&
                                                !dk_tok_is(s, k, ','))))
            k++;
        return k;
    }
    return i;
}

static int has_role(const dk_lexeme *x, int cls, int role)
{
    for (int e = 0; e < x->nent; e++)
        if (x->ent[e].cls == cls && x->ent[e].role == role)
            return 1;
    return 0;
}

/* A token of lexeme x needs a look even when it is spaced from the next
 * token and does not start a line when a figure may start there (a
 * number word or a sign, a currency or percent, or the first word of a
 * longer one: "Chinese yuan"), or it is a telephone cue.  Other context
 * words matter only at a line start (page furniture), other number
 * operators only after a number. */
uint32_t dk_figure_hint(const dk_lexeme *x)
{
    const uint32_t start = DK_NUM_FIRST | DK_LXBIT(LX_CURRENCY) |
                           DK_LXBIT(LX_PERCENT);
    const uint32_t longer = DK_LXBIT(LX_CURRENCY) | DK_LXBIT(LX_PERCENT);
    int phone = has_role(x, LX_CTX, R_CTX_PHONE);
    int look = (x->cmask & start) || (x->spaced & longer) || phone ||
               has_role(x, LX_NUMOP, R_NUMOP_NEG);
    return (look ? DK_AHEAD_FIGURE : 0) | (phone ? DK_AHEAD_PHONE : 0);
}

/* "Astana recorded 18 billion dollars and Beijing 25.3 billion": an
 * amount in billions (or millions) that names no currency, next to
 * money of the same sentence, is in that money's currency, which the
 * sentence names once.  Not a count: no word may follow the scale
 * ("1.4 billion people"), bar a preposition or "and". */
static void lend_currency(const dk_sent *s, dk_cands *out, int first)
{
    for (int i = first; i < out->n; i++) {
        dk_cand *c = &out->v[i];
        if (c->m.kind != DK_NUMBER || c->m.qualifier == DK_Q_RANGE ||
            c->m.value < 1e6 || !lx(s, c->t1 - 1, LX_SCALE))
            continue;
        int nx = c->t1;
        if (dk_tok_is(s, nx, '(') || dk_tok_is(s, nx, '['))
            continue;   /* "1.6 billion ($2.54 billion)": a conversion */
        if (nx < s->ntok && s->tok[nx].type == DK_TOK_WORD &&
            !(dk_tok_text(s, nx, "and") || dk_tok_text(s, nx, "in") ||
              dk_tok_text(s, nx, "for") || dk_tok_text(s, nx, "from") ||
              dk_tok_text(s, nx, "to") || dk_tok_text(s, nx, "at") ||
              dk_tok_text(s, nx, "a") || dk_tok_text(s, nx, "last") ||
              dk_tok_text(s, nx, "this")))
            continue;
        const dk_cand *money = NULL;
        for (int j = first; j < out->n; j++) {
            const dk_cand *x = &out->v[j];
            if (x->m.kind != DK_MONEY || x->m.value < 1e6)
                continue;
            if (!money || (x->t0 < c->t0 && (money->t0 > c->t0 ||
                                              x->t0 > money->t0)))
                money = x;   /* the nearest before it, else the first */
        }
        if (!money)
            continue;
        c->m.kind = DK_MONEY;
        c->prio = DK_PRIO_FIGURE;
        set_unit(&c->m, money->m.unit);
    }
}

void dk_recognise_figures(const dk_sent *s, dk_cands *out)
{
    int i = 0, term = 0, first = out->n;
    /* a sentence without a line break starts one line: its first token */
    int lines = memchr(s->text, '\n', s->len) != NULL;
    const dk_token *tok = s->tok;
    int nt = s->ntok;
    while (i < nt) {
        /* most tokens: a word or punctuation spaced from the next token,
         * not at a line start, that the lexicon does not know or knows
         * as nothing a figure or a telephone cue starts with (the hint
         * of dk_figure_hint in its ahead): no furniture (that needs a
         * line start), no URL (that needs glued tokens after it), no
         * telephone cue, no figure (may_start: a number word or sign, a
         * currency or percent, the start of a longer one, or a sign
         * glued to digits).  One branch on the answer: its parts follow
         * no pattern a branch could learn. */
        const dk_token *t = &tok[i];
        int i1 = i + 1 < nt ? i + 1 : i;   /* i: no next token */
        unsigned skip = (t->type != DK_TOK_NUM) &
                        ((t->flags & DK_TF_LEXED) != 0) &
                        !(t->ahead & DK_AHEAD_FIGURE) &
                        ((i1 == i) | (tok[i1].flags & DK_TF_SPACE));
        if (skip && (lines ? !line_start(s, i) : i > 0)) {
            i++;
            continue;
        }
        int sk = skip_furniture(s, i, lines);
        if (sk != i) {
            i = sk;
            continue;
        }
        if (i == 0 || !dk_tok_glued(s, i)) {
            int end;
            if (url_chunk(s, i, &end)) {
                i = end;
                continue;
            }
        }
        if (!may_start(s, i))
            i++;   /* most tokens: nothing to read */
        else
            i = figure_at(s, i, out, &term);
    }
    lend_currency(s, out, first);
}
