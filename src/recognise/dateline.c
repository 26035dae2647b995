/*
 * dateline.c - the publication date of a document that came without one
 * ("Published: 11:43, May 22, 2024", "Updated 22.05.2024", a date alone
 * on a line under the title, "ASTANA, May 22, 2024 (Kazinform) -"), and
 * ISO date parsing for --date and the JSONL "date" field.
 *
 * Only the head of the text is read: its first DL_LINES non-empty lines
 * within DL_BYTES bytes.  A line counts when a dateline word introduces
 * it, or when it holds nothing but the date, a clock time, a weekday and
 * punctuation (and names, on a short line), or names before the date
 * ("ASTANA, ...", "By Erlan Karin | ...").  A date in
 * running text is never taken.
 */
#include <stdio.h>
#include <string.h>
#include "date.h"
#include "number.h"

#define DL_LINES 12
#define DL_BYTES 3000
#define DL_MAXLINE 400
#define DL_TOKENS 160
#define DL_SHORT 16    /* tokens in a line that may hold names besides the date */
#define DL_HEAD 8      /* tokens of names that may precede a dateline's date */

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

static const char *role(const dk_sent *s, int k)
{
    const dk_lexent *e = dk_lex_get(s->tok[k].lex, LX_DATEWORD);
    return e ? e->sym : "";
}

/* May token k stand beside a dateline's date? */
static int furniture(const dk_sent *s, int k)
{
    const dk_token *t = &s->tok[k];
    if (t->type == DK_TOK_PUNCT)
        return 1;
    if (t->type == DK_TOK_NUM)  /* clock times "11:43" */
        return t->ndigits <= 2;
    if (dk_lex_get(t->lex, LX_WEEKDAY))
        return 1;
    const char *r = role(s, k);
    return !strcmp(r, "dateline") || !strcmp(r, "clock") || !strcmp(r, "on") ||
           !strcmp(r, "at");
}

/* Look for the dateline's date in one line; 1 when found. */
static int scan_line(const char *line, size_t len, dk_docctx *ctx)
{
    dk_token tok[DL_TOKENS];
    dk_docctx none = {0, 0, 0};
    dk_sent s = {line, len, 0, tok, 0, &none, NULL, NULL};
    s.ntok = dk_lex_tokenize(line, len, tok, DL_TOKENS);
    if (s.ntok == 0 || s.ntok == DL_TOKENS)
        return 0;
    int cue = 0, caps = 1;
    for (int i = 0; i < s.ntok; i++) {
        if (!strcmp(role(&s, i), "dateline"))
            cue = 1;
        int t0, t1, y, m, d;
        if (dk_date_at(&s, i, &t0, &t1, &y, &m, &d) && m) {
            /* a short line of the date, times, names and punctuation */
            int plain = 1, shortline = s.ntok <= DL_SHORT;
            for (int k = 0; k < s.ntok && plain; k++)
                if ((k < t0 || k >= t1) && !furniture(&s, k) &&
                    !(shortline && (tok[k].flags & DK_TF_CAP)))
                    plain = 0;
            /* "ASTANA, May 22, 2024 (Kazinform) -": names first */
            if (cue || plain || (caps && i > 0 && i <= DL_HEAD)) {
                ctx->year = y;
                ctx->month = m;
                ctx->day = d;
                return 1;
            }
            return 0;
        }
        const dk_token *t = &tok[i];
        if (!(t->type == DK_TOK_PUNCT ||
              (t->type == DK_TOK_WORD && (t->flags & DK_TF_CAP))))
            caps = 0;
    }
    return 0;
}

int dk_find_dateline(const char *text, size_t n, dk_docctx *ctx)
{
    if (n > DL_BYTES)
        n = DL_BYTES;
    size_t pos = 0;
    int lines = 0;
    while (pos < n && lines < DL_LINES) {
        const char *nl = memchr(text + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - text) : n;
        size_t len = end - pos;
        int blank = 1;
        for (size_t k = pos; k < end && blank; k++)
            if (text[k] != ' ' && text[k] != '\t' && text[k] != '\r')
                blank = 0;
        if (!blank) {
            lines++;
            if (len <= DL_MAXLINE && scan_line(text + pos, len, ctx))
                return 1;
        }
        if (!nl)
            break;
        pos = end + 1;
    }
    return 0;
}
