/*
 * figure.c - figures: numbers, ordinals, percentages, money, quantities
 * and durations.  A figure is [currency] NUMBER [range] [scale] [unit],
 * where the unit decides the kind: "%"/"percent" -> percent, a currency
 * -> money, a unit of measure or a counted noun -> quantity, a time unit
 * -> duration, an ordinal suffix -> ordinal, nothing -> number.  A
 * qualifier before it ("about", "more than") sets the qualifier but stays
 * outside the span.
 */
#include <string.h>
#include "number.h"

static const dk_lexent *lx(const dk_sent *s, int k, int cls)
{
    if (k < 0 || k >= s->ntok)
        return NULL;
    return dk_lex_get(s->tok[k].lex, cls);
}

static dk_qualifier qualifier_before(const dk_sent *s, int i)
{
    /* try phrases ending right before token i, longest first */
    for (int len = 4; len >= 1; len--) {
        int a = i - len;
        if (a < 0)
            continue;
        const dk_lexeme *x;
        int n = dk_lex_phrase(s->text, s->tok, i, a, LX_QUAL, &x);
        if (n == len) {
            const char *q = dk_lex_get(x, LX_QUAL)->sym;
            if (strcmp(q, "approx") == 0) return DK_Q_APPROX;
            if (strcmp(q, "over") == 0) return DK_Q_OVER;
            if (strcmp(q, "under") == 0) return DK_Q_UNDER;
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

void dk_recognise_figures(const dk_sent *s, dk_cands *out)
{
    int i = 0;
    while (i < s->ntok) {
        int start = i;
        const dk_lexeme *cx = NULL;
        int ncur = 0;
        /* currency before the number: "$", "US$", "USD" */
        ncur = dk_lex_phrase(s->text, s->tok, s->ntok, i, LX_CURRENCY, &cx);
        const dk_lexent *pre = ncur ? dk_lex_get(cx, LX_CURRENCY) : NULL;
        if (pre && !(pre->flags & LXF_PRE))
            pre = NULL;
        int j = pre ? i + ncur : i;
        dk_num num;
        if (!dk_number_at(s, j, &num)) {
            i++;
            continue;
        }
        /* a bare currency-less word number like "one" in "one of" is
         * still a number; refinement lives in later rules */
        int k = num.t1;
        dk_kind kind = DK_NUMBER;
        int prio = DK_PRIO_NUMBER;
        double factor = 1;
        char unit[16] = "";
        dk_qualifier q = qualifier_before(s, start);
        double high = 0;
        int range = 0;
        /* ranges: "15-20", "two to three" */
        if (k + 1 < s->ntok && lx(s, k, LX_RANGE)) {
            dk_num hi;
            int glued = dk_tok_is(s, k, '-') && dk_tok_glued(s, k) &&
                        dk_tok_glued(s, k + 1);
            int word = !dk_tok_is(s, k, '-') &&
                       strcmp(dk_lex_get(s->tok[k].lex, LX_RANGE)->sym, "to") == 0;
            if ((glued || word) && dk_number_at(s, k + 1, &hi) &&
                hi.value > num.value && hi.spelled == num.spelled) {
                high = hi.value;
                range = 1;
                k = hi.t1;
            }
        }
        const dk_lexeme *ux = NULL;
        int nu;
        if (pre) {
            kind = DK_MONEY;
            strcpy(unit, pre->sym);
            /* "$5 million": scale already in num; "US$16 trillion" too */
        } else if ((nu = dk_lex_phrase(s->text, s->tok, s->ntok, k, LX_PERCENT, &ux))) {
            kind = DK_PERCENT;
            k += nu;
        } else if ((nu = dk_lex_phrase(s->text, s->tok, s->ntok, k, LX_CURRENCY, &ux)) &&
                   (dk_lex_get(ux, LX_CURRENCY)->flags & LXF_POST)) {
            const dk_lexent *c = dk_lex_get(ux, LX_CURRENCY);
            kind = DK_MONEY;
            strcpy(unit, c->sym);
            factor = c->value;
            k += nu;
        } else if (num.digits || num.scaled || num.spelled) {
            /* "1,783-kilometer-long": a unit glued by a hyphen */
            int h = k;
            if (dk_tok_is(s, h, '-') && dk_tok_glued(s, h) && dk_tok_glued(s, h + 1))
                h++;
            if ((nu = dk_lex_phrase(s->text, s->tok, s->ntok, h, LX_UNIT, &ux))) {
                const dk_lexent *u = dk_lex_get(ux, LX_UNIT);
                kind = DK_QUANTITY;
                strcpy(unit, u->sym);
                factor = u->value;
                k = h + nu;
            } else if ((nu = dk_lex_phrase(s->text, s->tok, s->ntok, h, LX_TUNIT, &ux))) {
                const dk_lexent *u = dk_lex_get(ux, LX_TUNIT);
                kind = DK_DURATION;
                strcpy(unit, u->sym);
                factor = u->value;
                if (factor == 10 || factor == 100 || factor == 1000)
                    strcpy(unit, "year");
                k = h + nu;
            } else if (h == k && (nu = dk_lex_phrase(s->text, s->tok, s->ntok, k, LX_COUNTED, &ux))) {
                const dk_lexent *u = dk_lex_get(ux, LX_COUNTED);
                if (strcmp(u->sym, "person") == 0 || num.scaled) {
                    kind = DK_QUANTITY;
                    strcpy(unit, u->sym);
                    k += nu;
                }
            } else if (num.digits && dk_tok_glued(s, k) && lx(s, k, LX_ORDSUF)) {
                kind = DK_ORDINAL;
                k++;
            }
        }
        if (kind == DK_NUMBER && !num.spelled && !num.scaled &&
            num.digits == 4 && num.value >= 1000 && num.value <= 2100 &&
            !(s->tok[num.t0].flags & (DK_TF_GROUPS | DK_TF_DECIMAL))) {
            /* a year: left to the date recogniser */
            i = num.t1;
            continue;
        }
        if (kind != DK_NUMBER)
            prio = kind == DK_ORDINAL ? DK_PRIO_ORDINAL
                 : kind == DK_DURATION ? DK_PRIO_DURATION : DK_PRIO_FIGURE;
        int t0 = pre ? start : num.t0;
        dk_cand *c = dk_cand_push(out, s, t0, k, kind, prio);
        if (c) {
            c->m.has_value = 1;
            c->m.value = num.value * factor;
            c->m.qualifier = q;
            if (range) {
                c->m.qualifier = DK_Q_RANGE;
                c->m.low = num.value * factor;
                c->m.high = high * factor;
            }
            set_unit(&c->m, unit);
        }
        i = k > i ? k : i + 1;
    }
    /* spelled ordinals: "fourth", "second" */
    for (int t = 0; t < s->ntok; t++) {
        const dk_lexent *o = lx(s, t, LX_ORD);
        if (!o)
            continue;
        dk_cand *c = dk_cand_push(out, s, t, t + 1, DK_ORDINAL, DK_PRIO_ORDINAL);
        if (c) {
            c->m.has_value = 1;
            c->m.value = o->value;
        }
    }
}
