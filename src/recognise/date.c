/*
 * date.c - dates: years ("in 1995"), full dates ("January 3, 2022"),
 * months with years ("November 2023"), the publication date of a
 * document (datelines), and ISO date parsing for --date and JSONL.
 */
#include <stdio.h>
#include <string.h>
#include "number.h"

static const dk_lexent *lx(const dk_sent *s, int k, int cls)
{
    if (k < 0 || k >= s->ntok)
        return NULL;
    return dk_lex_get(s->tok[k].lex, cls);
}

static int is_year_tok(const dk_sent *s, int k)
{
    if (k < 0 || k >= s->ntok)
        return 0;
    const dk_token *t = &s->tok[k];
    return t->type == DK_TOK_NUM && t->ndigits == 4 && !t->nfrac &&
           !(t->flags & DK_TF_GROUPS) && t->num >= 1000 && t->num <= 2200;
}

int dk_parse_iso_date(const char *str, dk_docctx *ctx)
{
    int y = 0, m = 0, d = 0, n = 0;
    memset(ctx, 0, sizeof *ctx);
    if (sscanf(str, "%4d%n", &y, &n) != 1 || n != 4)
        return 0;
    str += 4;
    if (*str == '-') {
        if (sscanf(str, "-%2d%n", &m, &n) != 1 || n != 3 || m < 1 || m > 12)
            return 0;
        str += 3;
        if (*str == '-') {
            if (sscanf(str, "-%2d%n", &d, &n) != 1 || n != 3 || d < 1 || d > 31)
                return 0;
            str += 3;
        }
    }
    if (*str && *str != 'T' && *str != ' ')
        return 0;
    ctx->year = y;
    ctx->month = m;
    ctx->day = d;
    return 1;
}

static void put_date(dk_mention *m, int y, int mo, int d)
{
    if (d)
        snprintf(m->date, sizeof m->date, "%04d-%02d-%02d", y, mo, d);
    else if (mo)
        snprintf(m->date, sizeof m->date, "%04d-%02d", y, mo);
    else
        snprintf(m->date, sizeof m->date, "%04d", y);
}

void dk_recognise_dates(const dk_sent *s, dk_cands *out)
{
    for (int i = 0; i < s->ntok; i++) {
        const dk_lexent *mo = lx(s, i, LX_MONTH);
        if (mo && (!(mo->flags & LXF_CAP) || (s->tok[i].flags & DK_TF_CAP))) {
            int k = i + 1;
            if ((mo->flags & LXF_ABBR) && dk_tok_is(s, k, '.') && dk_tok_glued(s, k))
                k++;
            int day = 0, year = 0;
            if (k < s->ntok && s->tok[k].type == DK_TOK_NUM &&
                s->tok[k].ndigits <= 2 && !s->tok[k].nfrac &&
                s->tok[k].num >= 1 && s->tok[k].num <= 31) {
                day = (int)s->tok[k].num;
                k++;
                if (dk_tok_is(s, k, ',') && is_year_tok(s, k + 1)) {
                    year = (int)s->tok[k + 1].num;
                    k += 2;
                } else if (is_year_tok(s, k)) {
                    year = (int)s->tok[k].num;
                    k++;
                }
            } else if (is_year_tok(s, k)) {
                year = (int)s->tok[k].num;
                k++;
            }
            if (!year)
                year = s->doc->year;
            dk_cand *c = dk_cand_push(out, s, i, k, DK_DATE, DK_PRIO_DATE);
            if (c && year)
                put_date(&c->m, year, (int)mo->value, day);
            else if (c)
                c->dropped = 1;
            i = k - 1;
            continue;
        }
        if (is_year_tok(s, i) && !dk_tok_glued(s, i + 1)) {
            dk_cand *c = dk_cand_push(out, s, i, i + 1, DK_DATE, DK_PRIO_DATE);
            if (c)
                put_date(&c->m, (int)s->tok[i].num, 0, 0);
        }
    }
}

int dk_find_dateline(const char *text, size_t n, dk_docctx *ctx)
{
    (void)text;
    (void)n;
    (void)ctx;
    return 0;
}
