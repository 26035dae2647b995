/*
 * number.c - the number reader (see number.h).
 *
 * A spelled number is read word by word with a place-value rule: after
 * "twenty" only a unit may follow, after a unit only a scale, after
 * "hundred" anything below a hundred, after "thousand" anything below a
 * thousand; a word that does not fit ends the number ("one two" is two
 * numbers).  A fraction word after the cardinal either continues it as an
 * ordinal ("twenty-first", "two hundredth") or makes a fraction with the
 * cardinal as numerator ("two thirds", "one twenty-fifth", "one hundred
 * thirty fifths" = 100/35).  Everything here works on the tokens and
 * their lexicon tags; nothing is allocated.
 */
#include <math.h>
#include <string.h>
#include "number.h"

int dk_tok_ctx(const dk_sent *s, int k, const char *sym)
{
    if (k < 0 || k >= s->ntok || !s->tok[k].lex ||
        !(s->tok[k].lex->cmask & DK_LXBIT(LX_CTX)))
        return 0;
    const dk_lexeme *x = s->tok[k].lex;
    for (int e = 0; e < x->nent; e++)
        if (x->ent[e].cls == LX_CTX && x->ent[e].sym &&
            strcmp(x->ent[e].sym, sym) == 0)
            return 1;
    return 0;
}

const dk_lexent *dk_lex_get_cased(const dk_lexeme *x, int cls,
                                  const char *s, size_t a, size_t b)
{
    if (!x)
        return NULL;
    for (int e = 0; e < x->nent; e++) {
        const dk_lexent *en = &x->ent[e];
        if (en->cls != cls)
            continue;
        if (!(en->flags & LXF_CASE))
            return en;
        if (en->orig && strlen(en->orig) == b - a &&
            memcmp(en->orig, s + a, b - a) == 0)
            return en;
    }
    return NULL;
}

static inline const dk_lexent *lx(const dk_sent *s, int k, int cls)
{
    return dk_tok_lex(s, k, cls);
}

/* Is token k a context word of this role (R_CTX_*)? */
static inline int ctx(const dk_sent *s, int k, int role)
{
    return dk_tok_role(s, k, LX_CTX, role);
}

/* Is token k a number operator of this role (R_NUMOP_*)? */
static inline int numop(const dk_sent *s, int k, int role)
{
    return dk_tok_role(s, k, LX_NUMOP, role);
}

static inline int is_num(const dk_sent *s, int k)
{
    return k >= 0 && k < s->ntok && s->tok[k].type == DK_TOK_NUM;
}

static inline int is_int(const dk_sent *s, int k)
{
    return is_num(s, k) && !(s->tok[k].flags & (DK_TF_DECIMAL | DK_TF_GROUPS));
}

/* A hyphen glued on both sides at k. */
static inline int glued_hyphen(const dk_sent *s, int k)
{
    return dk_tok_is(s, k, '-') && dk_tok_glued(s, k) && dk_tok_glued(s, k + 1);
}

/* A hyphen with space on both sides at k ("fifty - two"). */
static inline int spaced_hyphen(const dk_sent *s, int k)
{
    return dk_tok_is(s, k, '-') && k + 1 < s->ntok &&
           (s->tok[k].flags & DK_TF_SPACE) && (s->tok[k + 1].flags & DK_TF_SPACE);
}

static inline int is_and(const dk_sent *s, int k)
{
    const dk_lexent *r = lx(s, k, LX_RANGE);
    return r && r->role == R_RANGE_AND;
}

/* A spelled scale that may stand in a number ("hundred", "million",
 * "dozen"), not an abbreviation; plural allowed when plural is set. */
static const dk_lexent *word_scale(const dk_sent *s, int k, int plural)
{
    if (is_num(s, k))
        return NULL;
    const dk_lexent *sc = lx(s, k, LX_SCALE);
    if (!sc || (sc->flags & LXF_ABBR))
        return NULL;
    if ((sc->flags & LXF_PLURAL) && !plural)
        return NULL;
    return sc;
}

/* The state of a cardinal being read. */
typedef struct rd {
    double total, group;
    double place;        /* the next additive item must be below this */
    double lastscale;    /* last scale of 1000 or more, 0 if none */
    double before_last;  /* value before the last item */
    double lastv;        /* value of the last additive item */
    double and_before;   /* value before an "and" join */
    int has_and;
    int last_tens, last_scale, only_a, approx, scaled;
    int items, words;
    int end;             /* token after the last item */
} rd;

static double rd_val(const rd *r)
{
    return r->total + r->group;
}

/* Read cardinal items from token i on. */
static void cardinal(const dk_sent *s, int i, rd *r)
{
    memset(r, 0, sizeof *r);
    r->place = INFINITY;
    r->end = i;
    int k = i;
    for (;;) {
        int at = k, joined_and = 0;
        if (r->items) {
            if (glued_hyphen(s, k))
                at = k + 1;
            else if (spaced_hyphen(s, k) && r->last_tens)
                at = k + 1;
            else if (is_and(s, k) && !r->last_tens) {
                at = k + 1;
                joined_and = 1;
            }
        }
        if (at >= s->ntok)
            break;
        const dk_token *t = &s->tok[at];
        double before = rd_val(r);
        if (t->type == DK_TOK_NUM) {
            if (t->flags & (DK_TF_DECIMAL | DK_TF_GROUPS)) {
                if (r->items)
                    break;
                r->group = t->num;
                r->place = 0;
            } else if (!r->items) {
                r->group = t->num;
                r->place = 0;
            } else if (r->last_scale && t->num < r->place && t->num > 0 &&
                       !(joined_and && word_scale(s, at + 1, 1))) {
                r->group += t->num;
                r->place = 0;
            } else {
                break;
            }
            if (joined_and) {
                r->has_and = 1;
                r->and_before = before;
            }
            r->lastv = t->num;
            r->last_tens = r->last_scale = 0;
        } else {
            const dk_lexent *c = lx(s, at, LX_CARD);
            const dk_lexent *sc = word_scale(s, at, 1);
            if (c && !(c->flags & LXF_PLURAL)) {
                double v = c->value;
                if (c->flags & LXF_AMBIG) {
                    /* "a", "several": only before a scale (or, "a", a
                     * fraction word) */
                    if (r->items)
                        break;
                    int approx = c->role == R_CARD_APPROX;
                    int nk = at + 1;
                    const dk_lexent *f = lx(s, nk, LX_FRAC);
                    const dk_lexent *o = lx(s, nk, LX_ORD);
                    if (!word_scale(s, nk, 0) && (approx || (!f && !o)))
                        break;
                    if (approx)
                        r->approx = 1;
                    else
                        r->only_a = 1;
                } else if (!(v < r->place) || (r->items && is_num(s, i) && !joined_and)) {
                    break;   /* "1.9 million twenty-foot": no words after digits */
                }
                if (joined_and) {
                    r->has_and = 1;
                    r->and_before = before;
                }
                r->group += v;
                r->place = (v >= 20 && v < 100 && fmod(v, 10) == 0) ? 10 : 0;
                r->last_tens = r->place == 10;
                r->last_scale = 0;
                r->lastv = v;
                r->words++;
            } else if (sc) {
                double S = sc->value;
                if (joined_and)
                    break;
                if ((sc->flags & LXF_PLURAL) && is_num(s, i) && r->items && S >= 100)
                    break;   /* "in 2019 hundreds of people" */
                if (!r->items) {
                    /* a bare scale only before a bigger one: "hundred
                     * thousand" */
                    const dk_lexent *n2 = word_scale(s, at + 1, 0);
                    if (!n2 || n2->value <= S || (sc->flags & LXF_PLURAL))
                        break;
                }
                if (S < 100) {
                    /* "dozen": multiplies the last item */
                    double lv = r->items ? r->lastv : 1;
                    r->group = r->group - lv + lv * S;
                    r->place = 0;
                } else if (S == 100) {
                    if ((r->group >= 100 && !(r->items == 1 && is_num(s, i))) ||
                        (r->last_scale && r->group == 0))
                        break;
                    r->group = (r->group ? r->group : 1) * 100;
                    r->place = 100;
                } else {
                    double v = rd_val(r);
                    if (S > v) {
                        r->total = (v ? v : 1) * S;
                        r->group = 0;
                    } else {
                        if (r->group == 0)
                            break;
                        r->total += r->group * S;
                        r->group = 0;
                    }
                    r->place = S;
                    r->lastscale = S;
                }
                r->scaled = 1;
                r->last_scale = 1;
                r->last_tens = 0;
                r->only_a = 0;
                r->words++;
                r->items++;
                r->before_last = before;
                r->end = at + 1;
                k = at + 1;
                if (sc->flags & LXF_PLURAL)
                    break;
                continue;
            } else {
                break;
            }
        }
        r->items++;
        r->before_last = before;
        r->end = at + 1;
        k = at + 1;
    }
}

/* A fraction or ordinal word at k, after an optional hyphen: returns the
 * token of the word (or -1) and its entries. */
static int frac_word(const dk_sent *s, int k, const dk_lexent **ord,
                     const dk_lexent **fr)
{
    int f = k;
    if (glued_hyphen(s, k) || spaced_hyphen(s, k))
        f = k + 1;
    if (f >= s->ntok || is_num(s, f))
        return -1;
    *ord = lx(s, f, LX_ORD);
    *fr = lx(s, f, LX_FRAC);
    if (!*ord && !*fr)
        return -1;
    return f;
}

/* An ordinal (or a plural fraction word read as one) made of a cardinal
 * and an ordinal word, from token k: "twenty firsts", "one hundred
 * fifth".  Returns its value (0 if none) and the token after it. */
static double ordinal_tail(const dk_sent *s, int k, int *end)
{
    rd r;
    cardinal(s, k, &r);
    if (!r.items || r.only_a || r.approx)
        return 0;
    const dk_lexent *o, *f;
    int w = frac_word(s, r.end, &o, &f);
    if (w < 0)
        return 0;
    double v = o ? o->value : f->value;
    if (v >= 100) {
        *end = w + 1;
        return rd_val(&r) * v;
    }
    if (v < r.place) {
        *end = w + 1;
        return rd_val(&r) + v;
    }
    return 0;
}

/* A fraction from token k: "a half", "three quarters", "fifty-four
 * hundredths", "one fourth".  Returns 1 with *v and *end. */
static int simple_fraction(const dk_sent *s, int k, double *v, int *end)
{
    rd r;
    cardinal(s, k, &r);
    if (!r.items)
        return 0;
    const dk_lexent *o, *f;
    int w = frac_word(s, r.end, &o, &f);
    if (w < 0)
        return 0;
    double den = f ? f->value : o->value;
    if (!f && !r.only_a && o->value < r.place)
        return 0;   /* an ordinal, not a fraction */
    if (den == 0)
        return 0;
    *v = rd_val(&r) / den;
    *end = w + 1;
    return 1;
}

/* Apply a scale that follows a fraction: "half million", "one billion
 * and a half million", "two thirds of a million". */
static double scale_after(const dk_sent *s, int *k, double whole,
                          double lastscale, double frac, int *scaled)
{
    int j = *k;
    if (j + 2 < s->ntok && dk_tok_text(s, j, "of") && ctx(s, j + 1, R_CTX_A) &&
        word_scale(s, j + 2, 0) && lastscale == 0 && whole == 0) {
        *k = j + 3;
        *scaled = 1;
        return frac * word_scale(s, j + 2, 0)->value;
    }
    if (j + 1 < s->ntok && ctx(s, j, R_CTX_A) && word_scale(s, j + 1, 0) &&
        whole == 0 && lastscale == 0) {
        *k = j + 2;   /* "half a million", "half a dozen" */
        *scaled = 1;
        return frac * word_scale(s, j + 1, 0)->value;
    }
    const dk_lexent *sc = word_scale(s, j, 0);
    if (sc && sc->value >= 1000) {
        *k = j + 1;
        *scaled = 1;
        if (lastscale > sc->value)
            return whole + frac * sc->value;
        return (whole + frac) * sc->value;
    }
    if (lastscale)
        return whole + frac * lastscale;
    return whole + frac;
}

/* "point" and digit words: "two hundred point zero three". */
static int point_part(const dk_sent *s, int k, double *v, int *end)
{
    if (!numop(s, k, R_NUMOP_POINT) || !lx(s, k + 1, LX_CARD))
        return 0;
    double f = 0, scale = 1;
    int j = k + 1, any = 0;
    while (j < s->ntok) {
        const dk_lexent *c = lx(s, j, LX_CARD);
        if (!c || (c->flags & (LXF_AMBIG | LXF_PLURAL)) || is_num(s, j))
            break;
        double d = c->value;
        if (d < 10) {
            f = f * 10 + d;
            scale *= 10;
            j++;
        } else if (d < 100) {
            double u = 0;
            int jj = j + 1;
            if (fmod(d, 10) == 0 && d >= 20 && (glued_hyphen(s, jj)) &&
                lx(s, jj + 1, LX_CARD) && lx(s, jj + 1, LX_CARD)->value < 10) {
                u = lx(s, jj + 1, LX_CARD)->value;
                jj += 2;
            }
            f = f * 100 + d + u;
            scale *= 100;
            j = jj;
        } else {
            break;
        }
        any = 1;
    }
    if (!any)
        return 0;
    *v += f / scale;
    *end = j;
    return 1;
}

/* Glued suffix scales after digits: "10k", "10M", "1.2b", "2mil". */
static int suffix_scale(const dk_sent *s, int k, double *mult)
{
    if (k >= s->ntok || s->tok[k].type != DK_TOK_WORD)
        return 0;
    const dk_lexent *sc = dk_lex_get_cased(s->tok[k].lex, LX_SCALE, s->text,
                                           s->tok[k].start, s->tok[k].end);
    if (!sc || !(sc->flags & LXF_ABBR))
        return 0;
    if (sc->flags & LXF_AMBIG) {
        /* "m" alone is a metre; "M" a million; "G" only when spaced */
        if (dk_tok_text(s, k, "m") &&
            !(k + 1 < s->ntok && !dk_tok_glued(s, k + 1) &&
              (lx(s, k + 1, LX_UNIT) || lx(s, k + 1, LX_CURRENCY) ||
               lx(s, k + 1, LX_COUNTED))))
            return 0;   /* "48m" is a length; "1m tonnes" a million */
        if ((dk_tok_text(s, k, "G") || dk_tok_text(s, k, "g")) && dk_tok_glued(s, k))
            return 0;
        if (dk_tok_text(s, k, "B"))
            return 0;
    }
    /* the suffix must end the word: "10km" is no "10k" */
    if (dk_tok_glued(s, k + 1) && (s->tok[k + 1].type != DK_TOK_PUNCT ||
                                   dk_tok_is(s, k + 1, '-')))
        return 0;
    *mult = sc->value;
    return 1;
}

/* Digit forms after the first digit token at i: "3/4", "10 1/2",
 * "1 234 567", "1.3e6", "1.1^23", "1.3x10^6".  Updates out. */
static void digit_forms(const dk_sent *s, int i, dk_num *out)
{
    const dk_token *t = &s->tok[i];
    int k = i + 1;
    /* "3/4" */
    if (dk_tok_is(s, k, '/') && dk_tok_glued(s, k) && is_int(s, k + 1) &&
        dk_tok_glued(s, k + 1) && s->tok[k + 1].num != 0 && is_int(s, i) &&
        !dk_tok_is(s, k + 2, '/')) {
        out->value = t->num / s->tok[k + 1].num;
        out->t1 = k + 2;
        out->fraction = 1;
        out->digits = 0;
        return;
    }
    /* "10 1/2" */
    if (is_int(s, i) && is_int(s, k) && !dk_tok_glued(s, k) &&
        dk_tok_is(s, k + 1, '/') && dk_tok_glued(s, k + 1) &&
        is_int(s, k + 2) && dk_tok_glued(s, k + 2) &&
        s->tok[k].num < s->tok[k + 2].num && !dk_tok_is(s, k + 3, '/')) {
        out->value = t->num + s->tok[k].num / s->tok[k + 2].num;
        out->t1 = k + 3;
        out->fraction = 1;
        out->digits = 0;
        return;
    }
    /* "10 ½" */
    const dk_lexent *vf = lx(s, k, LX_VFRAC);
    if (is_int(s, i) && vf) {
        out->value = t->num + vf->value;
        out->t1 = k + 1;
        out->fraction = 1;
        out->digits = 0;
        return;
    }
    /* "1 234 567": groups of three digits after spaces */
    if (is_int(s, i) && t->ndigits <= 3 && !(t->flags & DK_TF_LEAD0)) {
        double v = t->num;
        int j = k, n = 0;
        while (is_num(s, j) && !dk_tok_glued(s, j) && s->tok[j].ndigits == 3 &&
               !(s->tok[j].flags & DK_TF_GROUPS) &&
               !dk_tok_is(s, j + 1, '/') && !dk_tok_is(s, j + 1, ':')) {
            v = v * 1000 + s->tok[j].num;
            n++;
            j++;
            if (s->tok[j - 1].flags & DK_TF_DECIMAL)
                break;
        }
        if (n) {
            out->value = v;
            out->t1 = j;
            out->digits = 0;
            return;
        }
    }
    /* exponents: "1.3e6", "12.32e+14", "12e-1" */
    if (k < s->ntok && dk_tok_glued(s, k) &&
        (dk_tok_text(s, k, "e") || dk_tok_text(s, k, "E"))) {
        int j = k + 1;
        double sign = 1;
        if (dk_tok_is(s, j, '+') && dk_tok_glued(s, j))
            j++;
        else if (dk_tok_is(s, j, '-') && dk_tok_glued(s, j)) {
            sign = -1;
            j++;
        }
        if (is_int(s, j) && dk_tok_glued(s, j)) {
            out->value = t->num * pow(10, sign * s->tok[j].num);
            out->t1 = j + 1;
            out->digits = 0;
            return;
        }
    }
    /* powers: "1.1^23", "2.5^-1", "1.3x10^6" */
    int b = k;
    double base = t->num, mant = 1;
    if (k + 2 < s->ntok && dk_tok_glued(s, k) &&
        (dk_tok_text(s, k, "x") || dk_tok_text(s, k, "X")) && is_num(s, k + 1) &&
        s->tok[k + 1].num == 10 && dk_tok_glued(s, k + 1) &&
        dk_tok_is(s, k + 2, '^')) {
        mant = t->num;
        base = 10;
        b = k + 2;
    }
    if (dk_tok_is(s, b, '^') && dk_tok_glued(s, b)) {
        int j = b + 1;
        double sign = 1;
        while (j < s->ntok && dk_tok_glued(s, j) &&
               (dk_tok_is(s, j, '+') || dk_tok_is(s, j, '-'))) {
            if (dk_tok_is(s, j, '-'))
                sign = -sign;
            j++;
        }
        if (is_num(s, j) && dk_tok_glued(s, j)) {
            out->value = mant * pow(base, sign * s->tok[j].num);
            out->t1 = j + 1;
            out->digits = 0;
            return;
        }
    }
}

/* A ratio after a number: "one over three", "two out of five hundred",
 * "1 in twenty-one". */
static void ratio(const dk_sent *s, dk_num *out)
{
    int k = out->t1, j;
    if (out->fraction || out->ordinal || out->hasscale)
        return;
    if (numop(s, k, R_NUMOP_RATIO))
        j = k + 1;
    else if (k + 1 < s->ntok && numop(s, k, R_NUMOP_RATIO2) && numop(s, k + 1, R_NUMOP_RATIO2B))
        j = k + 2;  /* "out of" */
    else if (numop(s, k, R_NUMOP_RATIO1) && out->value == 1)
        j = k + 1;  /* "one in five" */
    else
        return;
    dk_num d;
    if (!dk_number_at(s, j, &d) || d.value == 0 || d.fraction || d.ordinal)
        return;
    if (j > k + 1 && d.value < out->value)
        return;   /* "12 out of 10": two numbers */
    if (d.digits == 4 && d.value >= 1000 && d.value <= 2100)
        return;   /* "over 2019" */
    /* a unit after the divisor means "over" is a comparison */
    if (lx(s, d.t1, LX_UNIT) || lx(s, d.t1, LX_TUNIT) ||
        lx(s, d.t1, LX_PERCENT) || lx(s, d.t1, LX_CURRENCY))
        return;
    out->value /= d.value;
    out->t1 = d.t1;
    out->fraction = 1;
    out->digits = 0;
}

/* Read the number proper (no sign, no ratio) at i. */
static int number_core(const dk_sent *s, int i, dk_num *out)
{
    const dk_token *t = &s->tok[i];
    out->t0 = i;
    out->t1 = i;
    out->value = 0;
    out->spelled = out->fraction = out->hasscale = out->scaled = out->digits = 0;
    out->ordinal = out->approx = out->nwords = 0;
    /* ".08" */
    if (dk_tok_is(s, i, '.') && is_int(s, i + 1) && dk_tok_glued(s, i + 1) &&
        !dk_tok_glued(s, i) && !dk_tok_glued(s, i + 2)) {
        out->value = s->tok[i + 1].num / pow(10, s->tok[i + 1].ndigits);
        out->t1 = i + 2;
        return 1;
    }
    /* "½" */
    const dk_lexent *vf = lx(s, i, LX_VFRAC);
    if (vf) {
        out->value = vf->value;
        out->t1 = i + 1;
        out->fraction = 1;
        return 1;
    }
    /* "half million", "half a dozen", "quarter million" */
    const dk_lexent *f0 = lx(s, i, LX_FRAC);
    if (t->type == DK_TOK_WORD && f0 && !(f0->flags & LXF_PLURAL) &&
        !lx(s, i, LX_ORD) && !lx(s, i, LX_CARD)) {
        int k = i + 1, sc = 0;
        double v = scale_after(s, &k, 0, 0, 1 / f0->value, &sc);
        if (!sc)
            return 0;
        out->value = v;
        out->t1 = k;
        out->fraction = out->spelled = out->hasscale = 1;
        return 1;
    }
    rd r;
    cardinal(s, i, &r);
    if (!r.items) {
        /* a lone ordinal word: "fourth", "twenty-first" is read above */
        const dk_lexent *o = lx(s, i, LX_ORD);
        if (o && t->type == DK_TOK_WORD) {
            out->value = o->value;
            out->t1 = i + 1;
            out->ordinal = out->spelled = 1;
            return 1;
        }
        return 0;
    }
    out->spelled = r.words > 0 && t->type != DK_TOK_NUM;
    out->hasscale = r.scaled;
    out->approx = r.approx;
    out->nwords = r.words;
    out->value = rd_val(&r);
    out->t1 = r.end;
    if (t->type == DK_TOK_NUM && r.items == 1) {
        out->digits = t->ndigits + (t->nfrac ? t->nfrac + 1 : 0);
        digit_forms(s, i, out);
        if (out->t1 != r.end)
            return 1;
        double m;
        if (suffix_scale(s, r.end, &m)) {
            out->value *= m;
            out->t1 = r.end + 1;
            out->hasscale = 1;
            out->digits = 0;
            return 1;
        }
        /* "2.33 k", "10 bln", "1,674.5 G" */
        if (r.end < s->ntok && !dk_tok_glued(s, r.end)) {
            const dk_lexent *sc = dk_lex_get_cased(s->tok[r.end].lex, LX_SCALE,
                                                   s->text, s->tok[r.end].start,
                                                   s->tok[r.end].end);
            if (sc && (sc->flags & LXF_ABBR) && !dk_tok_text(s, r.end, "m") &&
                !dk_tok_text(s, r.end, "B") && !dk_tok_glued(s, r.end + 1)) {
                out->value *= sc->value;
                out->t1 = r.end + 1;
                out->hasscale = 1;
                out->digits = 0;
                return 1;
            }
        }
    }
    if (out->digits == 0 && r.scaled && r.end < s->ntok) {
        /* "20 thousand", "1.4 bn" after a word scale: nothing more */
    }
    /* an ordinal or a fraction word after the cardinal */
    const dk_lexent *o = NULL, *f = NULL;
    int w = r.approx ? -1 : frac_word(s, r.end, &o, &f);
    if (w >= 0 && (t->type != DK_TOK_NUM || glued_hyphen(s, r.end) || r.words)) {
        int plural = f && (f->flags & LXF_PLURAL) && !o;
        if (t->type == DK_TOK_NUM)
            o = NULL;   /* "$280 million first": no ordinal of digits */
        if (!o && !f)
            goto no_fraction;
        double ov = o ? o->value : f->value;
        if (!plural && o && !r.only_a && ov >= 100 && r.words) {
            out->value = rd_val(&r) * ov;   /* "two hundredth" */
            out->t1 = w + 1;
            out->ordinal = 1;
            out->digits = 0;
            return 1;
        }
        if (!plural && o && !r.only_a && ov < r.place && r.words) {
            out->value = rd_val(&r) + ov;   /* "twenty-first" */
            out->t1 = w + 1;
            out->ordinal = 1;
            out->digits = 0;
            return 1;
        }
        /* "a second track", "a third crossing": an ordinal before a noun;
         * before "of", "and" or a date word ("fell by a third in 2023",
         * "a third last year") a fraction; not before "to", which would
         * make it a range's low end ("cut by a third to 2 million tons") */
        int noun_next = w + 1 < s->ntok && s->tok[w + 1].type == DK_TOK_WORD &&
                        !dk_tok_text(s, w + 1, "of") &&
                        !dk_tok_text(s, w + 1, "and") &&
                        (!lx(s, w + 1, LX_DATEWORD) ||
                         dk_tok_text(s, w + 1, "to"));
        if (r.only_a && o && !plural && (!f || ov > 4) && noun_next)
            return 0;
        if (r.only_a && o && !plural && ov <= 4 && noun_next &&
            !lx(s, w + 1, LX_SCALE) && !lx(s, w + 1, LX_UNIT) && !lx(s, w + 1, LX_TUNIT))
            return 0;
        double den = f ? f->value : ov, num = rd_val(&r), whole = 0;
        double ls = 0;
        if (r.last_tens && ov < 10 && r.items > 1 && !r.has_and) {
            den = r.lastv + ov;        /* "one hundred thirty fifths" */
            num = r.before_last;
        } else if (r.has_and && rd_val(&r) - r.and_before < den) {
            whole = r.and_before;      /* "one hundred and three quarters" */
            num = rd_val(&r) - r.and_before;
            ls = r.lastscale;          /* "six million and two thirds" */
        }
        if (den > 1 && (t->type != DK_TOK_NUM || f)) {
            int k = w + 1, sc = 0;
            out->value = scale_after(s, &k, whole, ls, num / den, &sc);
            out->t1 = k;
            out->fraction = 1;
            out->hasscale |= sc;
            out->digits = 0;
            return 1;
        }
    }
no_fraction:
    /* "one and a half", "3 million and a quarter", "twenty and three
     * fifths" */
    if (is_and(s, r.end)) {
        double fv;
        int end;
        if (simple_fraction(s, r.end + 1, &fv, &end)) {
            int k = end, sc = 0;
            out->value = scale_after(s, &k, rd_val(&r), r.lastscale, fv, &sc);
            out->t1 = k;
            out->fraction = 1;
            out->hasscale |= sc;
            out->digits = 0;
            return 1;
        }
    }
    /* "one one hundred fifth", "three twenty firsts" */
    if (r.words && !r.scaled && !r.only_a && !r.approx) {
        int end;
        double den = ordinal_tail(s, r.end, &end);
        if (den > 0) {
            out->value = rd_val(&r) / den;
            out->t1 = end;
            out->fraction = 1;
            return 1;
        }
    }
    /* "two hundred point zero three" */
    if (r.words && !r.only_a) {
        double v = out->value;
        int end;
        if (point_part(s, r.end, &v, &end)) {
            out->value = v;
            out->t1 = end;
            return 1;
        }
    }
    if (r.only_a)
        return 0;
    /* "five and a half million" was handled by scale_after; "1.4 billion"
     * by the cardinal. */
    return 1;
}

void dk_numcache_next(dk_numcache *c)
{
    if (++c->sentence == 0) {   /* wrapped: no slot may look current */
        memset(c->slot, 0, sizeof c->slot);
        c->sentence = 1;
    }
}

static int number_at(const dk_sent *s, int i, dk_num *out);

int dk_number_at(const dk_sent *s, int i, dk_num *out)
{
    if (!dk_number_may_start(s, i))
        return 0;
    dk_numcache *c = s->nums;
    if (!c)
        return number_at(s, i, out);
    dk_numslot *e = &c->slot[i % DK_NUMCACHE_SLOTS];
    if (e->sentence == c->sentence && e->i == i) {
        if (e->ok)
            *out = e->n;
        return e->ok;
    }
    int ok = number_at(s, i, out);
    e = &c->slot[i % DK_NUMCACHE_SLOTS];   /* number_at may have used it */
    e->sentence = c->sentence;
    e->i = i;
    e->ok = ok;
    if (ok)
        e->n = *out;
    return ok;
}

/* dk_number_at without the cache. */
static int number_at(const dk_sent *s, int i, dk_num *out)
{
    /* signs: "minus five", "negative one", "-1" */
    double sign = 1;
    int j = i;
    if (numop(s, i, R_NUMOP_NEG) && i + 1 < s->ntok) {
        sign = -1;
        j = i + 1;
    } else if (dk_tok_is(s, i, '-') && is_num(s, i + 1) && dk_tok_glued(s, i + 1) &&
               (i == 0 || !dk_tok_glued(s, i))) {
        sign = -1;
        j = i + 1;
    }
    if (!number_core(s, j, out)) {
        if (j == i)
            return 0;
        if (!number_core(s, i, out))
            return 0;
        sign = 1;
    }
    /* the old meaning of scaled: digits with a scale (date.c relies on a
     * spelled year such as "two thousand and five" not being scaled) */
    out->scaled = out->hasscale && !out->spelled;
    if (sign < 0) {
        out->t0 = i;
        out->value = -out->value;
        out->digits = 0;
    }
    ratio(s, out);
    return 1;
}
