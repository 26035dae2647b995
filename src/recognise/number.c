/*
 * number.c - the number reader (see number.h).
 */
#include "number.h"

int dk_tok_is(const dk_sent *s, int k, char c)
{
    if (k < 0 || k >= s->ntok || s->tok[k].type != DK_TOK_PUNCT)
        return 0;
    const dk_token *t = &s->tok[k];
    return t->end - t->start == 1 && s->text[t->start] == c;
}

static const dk_lexent *lx(const dk_sent *s, int k, int cls)
{
    if (k < 0 || k >= s->ntok)
        return NULL;
    return dk_lex_get(s->tok[k].lex, cls);
}

/* Spelled cardinal: "twenty-five", "one hundred and twenty", "three
 * thousand four hundred".  Returns tokens used, value in *v. */
static int spelled(const dk_sent *s, int i, double *v)
{
    double total = 0, group = 0;
    int k = i, last = i, any = 0;
    while (k < s->ntok) {
        const dk_lexent *c = lx(s, k, LX_CARD);
        const dk_lexent *sc = lx(s, k, LX_SCALE);
        if (c && !(c->flags & LXF_PLURAL)) {
            group += c->value;
            any = 1;
        } else if (sc && any && !(sc->flags & LXF_ABBR)) {
            if (sc->value == 100) {
                group = (group ? group : 1) * 100;
            } else {
                total += (group ? group : 1) * sc->value;
                group = 0;
            }
        } else {
            break;
        }
        last = k + 1;
        /* joiners: "twenty-five", "hundred and twenty" */
        if (dk_tok_is(s, k + 1, '-') && dk_tok_glued(s, k + 1) &&
            dk_tok_glued(s, k + 2) && lx(s, k + 2, LX_CARD)) {
            k += 2;
            continue;
        }
        if (k + 2 < s->ntok && lx(s, k + 1, LX_RANGE) &&
            s->tok[k + 1].end - s->tok[k + 1].start == 3 && sc &&
            lx(s, k + 2, LX_CARD)) {
            k += 2;  /* "hundred and twenty" */
            continue;
        }
        k++;
    }
    if (!any)
        return 0;
    *v = total + group;
    return last - i;
}

int dk_number_at(const dk_sent *s, int i, dk_num *out)
{
    if (i >= s->ntok)
        return 0;
    const dk_token *t = &s->tok[i];
    out->t0 = i;
    out->spelled = out->fraction = out->scaled = out->digits = 0;
    if (t->type == DK_TOK_NUM) {
        out->value = t->num;
        out->t1 = i + 1;
        out->digits = t->ndigits + (t->nfrac ? t->nfrac + 1 : 0);
        /* "3/4" */
        if (dk_tok_is(s, i + 1, '/') && dk_tok_glued(s, i + 1) &&
            i + 2 < s->ntok && s->tok[i + 2].type == DK_TOK_NUM &&
            dk_tok_glued(s, i + 2) && s->tok[i + 2].num != 0 &&
            !(t->flags & DK_TF_DECIMAL)) {
            out->value = t->num / s->tok[i + 2].num;
            out->t1 = i + 3;
            out->fraction = 1;
            out->digits = 0;
            return 1;
        }
    } else {
        double v;
        int n = spelled(s, i, &v);
        if (n == 0)
            return 0;
        out->value = v;
        out->t1 = i + n;
        out->spelled = 1;
        /* "one-tenth", "two thirds" */
        int k = out->t1;
        if (dk_tok_is(s, k, '-') && dk_tok_glued(s, k) && dk_tok_glued(s, k + 1))
            k++;
        const dk_lexent *f = lx(s, k, LX_FRAC);
        if (f && k < s->ntok) {
            out->value = v / f->value;
            out->t1 = k + 1;
            out->fraction = 1;
            return 1;
        }
    }
    /* scale words: "1.4 billion", "20 thousand", "twelve million" */
    int k = out->t1;
    const dk_lexent *sc;
    while (k < s->ntok && (sc = lx(s, k, LX_SCALE)) &&
           !(sc->flags & LXF_PLURAL) && !(sc->flags & LXF_AMBIG)) {
        out->value *= sc->value;
        out->scaled = 1;
        out->digits = 0;
        k++;
    }
    out->t1 = k;
    return 1;
}
