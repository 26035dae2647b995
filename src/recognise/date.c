/*
 * date.c - the date recogniser: calendar dates ("January 3, 2022",
 * "3 January 2022", "2022-01-03", "01/03/2022", "22.05.2024"), years and
 * months ("1995", "November 2023"), ranges ("2017-2018", "2014 to 2018",
 * "Sept. 11-12"), periods ("the first 11 months of 2020", "2019 Q1",
 * "the second half of 2020", "21st century", "the 1990s"), modified dates
 * ("the end of 2020", "mid-2023"), holidays ("Christmas", "easter 2018")
 * and relative dates resolved against the document date ("last year",
 * "last October", "April this year", "six years ago", "last week", "on
 * Thursday", "yesterday", "3 days after January 12th").  Prepositions stay
 * outside the span ("from A to B" -> "A to B"); the words the grammar
 * needs are date words in data/en/time.tsv, each with its role.
 *
 * Each parser reads tokens from a start index and returns the index after
 * the date (0 = no date there, negative = the tokens up to -result are a
 * malformed date and must not be read as anything).  Values are kept as
 * a calendar date with an unknown year (borrowed later from a range
 * partner or the document) or as an inclusive span of day numbers.
 * Nothing here allocates.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "number.h"
#include "calendar.h"
#include "date.h"

/* ------------------------------------------------------------ tokens */

static inline const dk_token *tk(const dk_sent *s, int k)
{
    return k >= 0 && k < s->ntok ? &s->tok[k] : NULL;
}

static inline const dk_lexent *lx(const dk_sent *s, int k, int cls)
{
    const dk_token *t = tk(s, k);
    return t ? dk_lex_get(t->lex, cls) : NULL;
}

static inline int is_num(const dk_sent *s, int k)
{
    const dk_token *t = tk(s, k);
    return t && t->type == DK_TOK_NUM;
}

static inline int is_punct(const dk_sent *s, int k)
{
    const dk_token *t = tk(s, k);
    return t && t->type == DK_TOK_PUNCT;
}

/* The sym of a date word ("last", "the", "mod", ...), or NULL. */
static inline const char *dw(const dk_sent *s, int k)
{
    const dk_lexent *e = lx(s, k, LX_DATEWORD);
    return e ? e->sym : NULL;
}

/* Its role (R_DW_*; R_NONE for no date word or one not listed). */
static inline int dwr(const dk_sent *s, int k)
{
    const dk_lexent *e = lx(s, k, LX_DATEWORD);
    return e ? e->role : R_NONE;
}

static inline int dwis(const dk_sent *s, int k, int role)
{
    return dwr(s, k) == role;
}

/* An integer in digits at k, lo..hi, at most maxd digits; else -1. */
static inline int int_at(const dk_sent *s, int k, int lo, int hi, int maxd)
{
    const dk_token *t = tk(s, k);
    if (!t || t->type != DK_TOK_NUM || t->nfrac || (t->flags & DK_TF_GROUPS) ||
        t->ndigits > maxd || t->num < lo || t->num > hi)
        return -1;
    return (int)t->num;
}

/* Is token k the separator c glued on both sides? */
static inline int glued_sep(const dk_sent *s, int k, char c)
{
    return dk_tok_is(s, k, c) && dk_tok_glued(s, k) && dk_tok_glued(s, k + 1);
}

static int is_dash(const dk_sent *s, int k)
{
    const dk_lexent *r = lx(s, k, LX_RANGE);
    return dk_tok_is(s, k, '-') || dk_tok_is(s, k, '~') ||
           (r && r->role == R_RANGE_DASH);
}

/* ------------------------------------------------------------ values */

typedef struct dv {
    int y, m, d;   /* calendar date; y 0 = year not stated, m/d 0 = whole */
    int span;      /* a..b hold the value instead */
    long a, b;     /* inclusive day numbers */
    int form;      /* DK_CAL_* */
} dv;

static void set_ymd(dv *v, int y, int m, int d)
{
    memset(v, 0, sizeof *v);
    v->y = y;
    v->m = m;
    v->d = d;
}

static void set_span(dv *v, long a, long b)
{
    memset(v, 0, sizeof *v);
    v->span = 1;
    v->a = a;
    v->b = b;
}

/* Turn v into a span of days, taking the year from the document when
 * none is stated.  Returns 0 when that is not possible. */
static int to_span(const dv *v, const dk_docctx *doc, long *a, long *b)
{
    if (v->span) {
        *a = v->a;
        *b = v->b;
        return 1;
    }
    int y = v->y ? v->y : doc->year;
    if (!y)
        return 0;
    if (v->d) {
        if (!v->y && v->m == 2 && v->d == 29)
            while (dk_cal_month_len(y, 2) != 29)
                y--;  /* "Feb 29": the latest leap year */
        if (v->d > dk_cal_month_len(y, v->m))
            return 0;
        *a = *b = dk_cal_days(y, v->m, v->d);
    } else if (v->m) {
        *a = dk_cal_days(y, v->m, 1);
        *b = dk_cal_days(y, v->m + 1, 0);
    } else {
        *a = dk_cal_days(y, 1, 1);
        *b = dk_cal_days(y, 12, 31);
    }
    return 1;
}

/* The document day, when known to the day. */
static int ref_day(const dk_docctx *doc, long *z)
{
    if (!doc->year || !doc->month || !doc->day)
        return 0;
    *z = dk_cal_days(doc->year, doc->month, doc->day);
    return 1;
}

static long monday_of(long z)
{
    return z - (dk_cal_weekday(z) - 1);
}

/* ------------------------------------------------------------ words */

/* A month name at k: value 1-12 and *end past it (and its full stop). */
static int month_at(const dk_sent *s, int k, int *end)
{
    const dk_lexent *e = lx(s, k, LX_MONTH);
    if (!e)
        return 0;
    const dk_token *t = &s->tok[k];
    if ((e->flags & LXF_CAP) && !(t->flags & DK_TF_CAP)) {
        /* "dec 2016", "14 nov": lower-case abbreviations next to digits */
        if (!(e->flags & LXF_ABBR) ||
            !(is_num(s, k + 1) || is_num(s, k - 1) || dk_tok_glued(s, k) ||
              dk_tok_glued(s, k + 1)))
            return 0;
    }
    if (t->flags & DK_TF_UPPER && t->end - t->start <= 3 &&
        (e->flags & LXF_ABBR) && !is_num(s, k + 1) && !is_num(s, k - 1))
        return 0;  /* "DEC", "MAR" as codes */
    *end = k + 1;
    if ((e->flags & LXF_ABBR) && dk_tok_is(s, k + 1, '.') &&
        dk_tok_glued(s, k + 1) && k + 2 < s->ntok)
        (*end)++;
    return (int)e->value;
}

static int weekday_at(const dk_sent *s, int k, int *end)
{
    const dk_lexent *e = lx(s, k, LX_WEEKDAY);
    if (!e)
        return 0;
    if ((e->flags & LXF_CAP) && !(s->tok[k].flags & DK_TF_CAP))
        return 0;
    *end = k + 1;
    if ((e->flags & LXF_ABBR) && dk_tok_is(s, k + 1, '.') &&
        dk_tok_glued(s, k + 1))
        (*end)++;
    return (int)e->value;
}

/* An ordinal at k: "21st", "third", "twenty-first".  Value or 0. */
static int ord_at(const dk_sent *s, int k, int *end)
{
    int n = int_at(s, k, 1, 999, 3);
    if (n > 0 && lx(s, k + 1, LX_ORDSUF) && dk_tok_glued(s, k + 1)) {
        *end = k + 2;
        return n;
    }
    const dk_lexent *o = lx(s, k, LX_ORD);
    if (o && o->value >= 1 && o->value <= 1000) {
        *end = k + 1;
        return (int)o->value;
    }
    const dk_lexent *c = lx(s, k, LX_CARD);
    if (c && c->value >= 20 && c->value <= 90) {
        int j = k + 1;
        if (dk_tok_is(s, j, '-') && dk_tok_glued(s, j))
            j++;
        o = lx(s, j, LX_ORD);
        if (o && o->value >= 1 && o->value <= 9) {
            *end = j + 1;
            return (int)(c->value + o->value);
        }
    }
    return 0;
}

/* A spelled number below 100 at k: "nineteen", "twenty-five", "eighty
 * six".  Value or -1. */
static int spelled2(const dk_sent *s, int k, int *end)
{
    const dk_lexent *c = lx(s, k, LX_CARD);
    if (!c || (c->flags & LXF_PLURAL) || c->value >= 100 || c->value < 1 ||
        c->value != (int)c->value)
        return -1;
    int v = (int)c->value;
    *end = k + 1;
    if (v >= 20 && v % 10 == 0) {
        int j = k + 1;
        if (dk_tok_is(s, j, '-') && dk_tok_glued(s, j))
            j++;
        const dk_lexent *u = lx(s, j, LX_CARD);
        if (u && u->value >= 1 && u->value <= 9) {
            v += (int)u->value;
            *end = j + 1;
        }
    }
    return v;
}

/* A small count at k: "11", "ten", "twenty-one", "a"/"an" as 1 when
 * a is set.  Value or 0. */
static int count_at(const dk_sent *s, int k, int *end, int a)
{
    int n = int_at(s, k, 1, 999, 3);
    if (n > 0) {
        *end = k + 1;
        return n;
    }
    if (a && dwis(s, k, R_DW_A)) {
        *end = k + 1;
        return 1;
    }
    n = spelled2(s, k, end);
    return n > 0 ? n : 0;
}

/* A year in words at k: "nineteen ninety six", "two thousand and
 * fifteen", "seventeen hundred thirty three".  Value or 0. */
static int spelled_year(const dk_sent *s, int k, int *end)
{
    if (is_num(s, k))
        return 0;
    int e1, e2;
    int a = spelled2(s, k, &e1);
    if (a >= 10 && !lx(s, e1, LX_SCALE)) {
        int b = spelled2(s, e1, &e2);
        if (b >= 10 && a * 100 + b >= 1000 && a * 100 + b <= 2200) {
            *end = e2;
            return a * 100 + b;
        }
        return 0;
    }
    dk_num n;
    if (dk_number_at(s, k, &n) && n.spelled && !n.fraction &&
        n.value >= 1000 && n.value <= 2200 && n.value == (int)n.value) {
        *end = n.t1;
        return (int)n.value;
    }
    return 0;
}

/* A day of the month at k: "11", "04th", "ninth", "the 28th"; with
 * spelled set also "twenty nine".  Value 1-31 or 0. */
static int day_at(const dk_sent *s, int k, int *end, int spelled)
{
    int d = int_at(s, k, 1, 31, 2);
    if (d > 0) {
        *end = k + 1;
        if (lx(s, k + 1, LX_ORDSUF) && dk_tok_glued(s, k + 1))
            (*end)++;
        return d;
    }
    int j = dwis(s, k, R_DW_THE) ? k + 1 : k;
    d = ord_at(s, j, end);
    if (d >= 1 && d <= 31)
        return d;
    if (spelled && j == k && !is_num(s, k)) {
        int e;
        d = spelled2(s, k, &e);
        if (d >= 1 && d <= 31 && !lx(s, e, LX_SCALE)) {
            *end = e;
            return d;
        }
    }
    return 0;
}

/* Does the word at k make a number before it a count ("2000 people",
 * "1500 companies")? */
static int count_word(const dk_sent *s, int k, int after_prep)
{
    const dk_token *t = tk(s, k);
    if (!t)
        return 0;
    const dk_lexent *sc = lx(s, k, LX_SCALE);
    if (lx(s, k, LX_COUNTED) || lx(s, k, LX_UNIT) || lx(s, k, LX_CURRENCY) ||
        (sc && !(sc->flags & LXF_PLURAL)) || lx(s, k, LX_PERCENT))
        return 1;  /* "2000 people", "1500 km", "2019 million" */
    if (lx(s, k, LX_TUNIT) && !lx(s, k, LX_MONTH))
        return 1;  /* "2000 years" */
    if (after_prep || t->type != DK_TOK_WORD || (t->flags & DK_TF_CAP))
        return 0;
    size_t n = t->end - t->start;
    const char *w = s->text + t->start;
    return n >= 4 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
           w[n - 2] != 'i' && !dw(s, k);
}

/* Is the number token at k free of digit neighbours glued to it
 * ("138-2010-2015", "2010-2015-86", "0.8/15")?  side: -1 before, 1 after. */
static int free_side(const dk_sent *s, int k, int side)
{
    int j = k + side;
    const dk_token *t = tk(s, j);
    if (!t)
        return 1;
    int glued = side < 0 ? dk_tok_glued(s, k) : dk_tok_glued(s, j);
    if (!glued)
        return 1;
    if (t->type == DK_TOK_NUM)
        return 0;
    if (t->type == DK_TOK_PUNCT) {
        char c = s->text[t->start];
        if (c == '-' || c == '/' || c == '.' || c == ':' || c == ',') {
            int j2 = j + side;
            int g2 = side < 0 ? dk_tok_glued(s, j) : dk_tok_glued(s, j2);
            if (g2 && is_num(s, j2))
                return 0;
        }
        if (c == '$' || c == '+' || c == '#' || c == '@')
            return side > 0;
    }
    return 1;
}

/* A four-digit year at k. */
static int year_at(const dk_sent *s, int k)
{
    const dk_token *t = tk(s, k);
    if (!t || t->type != DK_TOK_NUM || t->ndigits != 4 || t->nfrac ||
        (t->flags & (DK_TF_GROUPS | DK_TF_LEAD0)) || t->num < 1000 ||
        t->num > 2200)
        return 0;
    return (int)t->num;
}

static int year_date_at(const dk_sent *s, int k);

/* The year that may follow a month or a day: "2024", ", 2024", "of
 * 2020", "in 2020", "nineteen eighty six", "of 87".  Year or 0. */
static int year_after(const dk_sent *s, int k, int *end)
{
    int j = k, y;
    int of = dwis(s, j, R_DW_OF);
    if (dk_tok_is(s, j, ',') || of || dwis(s, j, R_DW_IN))
        j++;
    if ((y = year_date_at(s, j)) != 0 ||
        (j > k && dk_tok_is(s, k, ',') && (y = year_at(s, j)) != 0 &&
         free_side(s, j, 1))) {
        *end = j + 1;
        return y;
    }
    if ((y = spelled_year(s, j, end)) != 0)
        return y;
    if (of && (y = int_at(s, j, 0, 99, 2)) >= 0 && s->tok[j].ndigits == 2 &&
        free_side(s, j, 1) && !count_word(s, j + 1, 1)) {
        *end = j + 1;
        return y < 40 ? 2000 + y : 1900 + y;
    }
    return 0;
}

static int prep_before(const dk_sent *s, int k)
{
    switch (dwr(s, k - 1)) {
    case R_DW_IN: case R_DW_PREP: case R_DW_BEFORE: case R_DW_AFTER:
    case R_DW_OF: case R_DW_FROM: case R_DW_BETWEEN:
        return 1;
    default:
        return 0;
    }
}

/* May a plural noun after the year-like number at k make it a count?
 * "deliver 2000 pieces", "about 2000 companies", "1200 workers" yes;
 * "in 2023 exports", "the 2023 results", "China's 2019 figures" no. */
static int plural_counts(const dk_sent *s, int k)
{
    if (prep_before(s, k))
        return 0;
    const dk_token *t = &s->tok[k];
    if (t->num < 1900 || t->num > 2100)
        return 1;
    const dk_token *p = tk(s, k - 1);
    if (!p)
        return 0;
    if (lx(s, k - 1, LX_QUAL))
        return 1;
    return p->type == DK_TOK_WORD && !(p->flags & DK_TF_CAP) &&
           !lx(s, k - 1, LX_DATEWORD) && !lx(s, k - 1, LX_RANGE);
}

/* A year standing as a date (not "2000 people"). */
static int year_date_at(const dk_sent *s, int k)
{
    int y = year_at(s, k);
    if (!y || !free_side(s, k, -1) || !free_side(s, k, 1))
        return 0;
    if ((y < 1900 || y > 2100) && !prep_before(s, k) && !lx(s, k - 1, LX_MONTH) &&
        !dk_tok_is(s, k - 1, ',') && !lx(s, k - 1, LX_RANGE))
        return 0;  /* "reached 1500": a count more likely than a year */
    if (count_word(s, k + 1, !plural_counts(s, k)))
        return 0;
    return y;
}

/* ------------------------------------------------------------ parsers */

static int p_mod(const dk_sent *s, int i, dv *v);
static int p_core(const dk_sent *s, int i, dv *v);
static int rel_dir(const dk_sent *s, int k);
static int p_weekday(const dk_sent *s, int i, dv *v);

/* A year expression after "of": "2020", "this year", "last year", "the
 * year", "Jan 2015".  Fills v (a year, or a month of a year). */
static int p_year_ref(const dk_sent *s, int k, dv *v)
{
    const dk_docctx *doc = s->doc;
    int y = year_date_at(s, k);
    if (y) {
        set_ymd(v, y, 0, 0);
        return k + 1;
    }
    const char *r = dw(s, k);
    const dk_lexent *u = lx(s, k + 1, LX_TUNIT);
    if (r && u && strcmp(u->sym, "year") == 0 && u->value == 1 &&
        !(u->flags & LXF_PLURAL)) {
        int rr = dwr(s, k);
        int dir = rr == R_DW_LAST ? -1 : rr == R_DW_NEXT ? 1
                  : rr == R_DW_THIS || rr == R_DW_THE ? 0 : 9;
        if (dir == 9 || !doc->year)
            return 0;
        set_ymd(v, doc->year + dir, 0, 0);
        return k + 2;
    }
    if (r && u && strcmp(u->sym, "month") == 0 && u->value == 1 &&
        !(u->flags & LXF_PLURAL) && doc->month) {
        int dir = rel_dir(s, k);
        if (dir == 9)
            return 0;
        int yy = doc->year, mm = doc->month;
        dk_cal_add_months(&yy, &mm, dir);
        set_ymd(v, yy, mm, 0);
        return k + 2;
    }
    int end;
    int mo = month_at(s, k, &end);
    if (mo) {
        y = year_date_at(s, end);
        set_ymd(v, y, mo, 0);
        return y ? end + 1 : end;
    }
    return 0;
}

/* Weeks of a month: those whose Thursday falls in it. */
static long month_week1(int y, int m)
{
    long first = dk_cal_days(y, m, 1);
    int wd = dk_cal_weekday(first);
    return wd <= 4 ? first - (wd - 1) : first + (8 - wd);
}

/* "the first 11 months of 2020", "the 10 months of 2023", "the last four
 * months of 2021", "the first 2 weeks of 2021", "first ten days of last
 * year", "the third month of 2021", "3rd week of Jan", "the first
 * quarter of 2020", "the second half of last year". */
static int p_part(const dk_sent *s, int i, dv *v)
{
    int k = i, the = 0;
    if (dwis(s, k, R_DW_THE)) {
        k++;
        the = 1;
    }
    int last = 0, nth = 0, count = 0, end;
    if (dwis(s, k, R_DW_LAST) && strncmp(s->text + s->tok[k].start, "last", 4) == 0 &&
        s->tok[k].end - s->tok[k].start == 4) {
        last = 1;
        k++;
    } else if ((nth = ord_at(s, k, &end)) > 0) {
        k = end;
    }
    int ce, cn = count_at(s, k, &ce, 0);
    if (cn > 0 && !lx(s, ce, LX_SCALE)) {
        count = cn;
        k = ce;
    }
    /* a bare count only before "months of" a year: "10 months of 2023" */
    int bare = !last && !nth && count && !the;
    if (!last && !nth && !count)
        return 0;
    if (nth && count && nth != 1)
        return 0;  /* "the second 3 months" */
    int firstn = nth == 1 && count > 1;   /* "the first 11 months" */
    if (nth == 1 && count)
        nth = 0;   /* "the first 11 months": the first N */
    const dk_lexent *u = lx(s, k, LX_TUNIT);
    const char *unit = NULL;
    int per = 0;
    if (u && u->value == 1 && (!strcmp(u->sym, "month") ||
                               !strcmp(u->sym, "week") || !strcmp(u->sym, "day")))
        unit = u->sym;
    else if (dwis(s, k, R_DW_QUARTER) || dwis(s, k, R_DW_HALF))
        per = (int)lx(s, k, LX_DATEWORD)->value;
    if (!unit && !per)
        return 0;
    int plural = (u && (u->flags & LXF_PLURAL)) ||
                 (per && (lx(s, k, LX_DATEWORD)->flags & LXF_PLURAL));
    if (count > 1 && !plural)
        return 0;
    if (count <= 1 && plural && !(count == 1))
        return 0;
    if (bare && (!unit || strcmp(unit, "month") ||
                 !(prep_before(s, i) || lx(s, i - 1, LX_QUAL))))
        return 0;
    k++;
    dv base;
    int e;
    if (!dwis(s, k, R_DW_OF)) {
        /* "in the first quarter", "in the first six months": of the
         * document's year ("the last six months" is the time before the
         * document, not the year's end: a duration) */
        int part = per && nth && !count;
        int months = firstn && unit && !strcmp(unit, "month");
        if (!the || !(part || months) || !s->doc->year || !prep_before(s, i))
            return 0;
        /* the latest year in which the part can be spoken of by the
         * document's date: the first N months have passed ("in the first
         * 11 months" written in January is last year's), a quarter or
         * half has begun */
        int year = s->doc->year;
        int need = months ? count : (nth - 1) * per + 1;
        if (s->doc->month && need > s->doc->month)
            year--;
        set_ymd(&base, year, 0, 0);
        e = k;
    } else if (!(e = p_year_ref(s, k + 1, &base))) {
        return 0;
    }
    if (bare && base.m)
        return 0;
    int y = base.y ? base.y : s->doc->year;
    if (!y)
        return 0;
    if (!count)
        count = 1;
    if (base.m) {  /* a month: only its weeks and days */
        if (unit && !strcmp(unit, "week")) {
            long w1 = month_week1(y, base.m);
            long wl = month_week1(y, base.m + 1) - 7;
            long a = last ? wl - 7 * (count - 1) : w1 + 7 * ((nth ? nth : 1) - 1);
            set_span(v, a, last ? wl + 6 : a + 7 * count - 1);
            return e;
        }
        if (unit && !strcmp(unit, "day") && !last && !nth) {
            set_span(v, dk_cal_days(y, base.m, 1), dk_cal_days(y, base.m, count));
            return e;
        }
        return 0;
    }
    long a, b;
    if (per) {
        int parts = 12 / per;
        int first = last ? parts - count + 1 : nth ? nth : 1;
        if (first < 1 || first + (nth ? 0 : count - 1) > parts)
            return 0;
        int lastp = nth ? first : first + count - 1;
        a = dk_cal_days(y, (first - 1) * per + 1, 1);
        b = dk_cal_days(y, lastp * per + 1, 0);
    } else if (!strcmp(unit, "month")) {
        int first = last ? 13 - count : nth ? nth : 1;
        int lastm = nth ? first : first + count - 1;
        if (first < 1 || lastm > 12)
            return 0;
        a = dk_cal_days(y, first, 1);
        b = dk_cal_days(y, lastm + 1, 0);
    } else if (!strcmp(unit, "week")) {
        long w1 = dk_cal_iso_week1(y), wn = dk_cal_iso_week1(y + 1);
        int nw = (int)((wn - w1) / 7);
        int first = last ? nw - count + 1 : nth ? nth : 1;
        int lastw = nth ? first : first + count - 1;
        if (first < 1 || lastw > nw)
            return 0;
        a = w1 + 7 * (first - 1);
        b = w1 + 7 * lastw - 1;
    } else {
        long j1 = dk_cal_days(y, 1, 1), d31 = dk_cal_days(y, 12, 31);
        if (last) {
            a = d31 - count + 1;
            b = d31;
        } else {
            a = j1 + (nth ? nth - 1 : 0);
            b = nth ? a : j1 + count - 1;
        }
    }
    set_span(v, a, b);
    return e;
}

/* "the week of April 10th", "the week beginning February 4": the
 * Monday-Sunday week holding that day. */
static int p_week_of(const dk_sent *s, int i, dv *v)
{
    if (!dwis(s, i, R_DW_THE))
        return 0;
    const dk_lexent *u = lx(s, i + 1, LX_TUNIT);
    if (!u || strcmp(u->sym, "week") || u->value != 1 ||
        (u->flags & LXF_PLURAL))
        return 0;
    int k = i + 2;
    if (!dwis(s, k, R_DW_OF) && !dwis(s, k, R_DW_WEEKOF) && !dwis(s, k, R_DW_MODOF))
        return 0;
    k++;
    if (dwis(s, k, R_DW_ON))
        k++;
    dv x;
    int e = p_core(s, k, &x);
    long a, b;
    if (e <= 0 || !to_span(&x, s->doc, &a, &b) || a != b)
        return 0;
    set_span(v, monday_of(a), monday_of(a) + 6);
    return e;
}

/* "on the 18th": that day of the document's month. */
static int p_the_nth(const dk_sent *s, int i, dv *v)
{
    if (!dwis(s, i, R_DW_THE) || !(dwis(s, i - 1, R_DW_ON) || dwis(s, i - 1, R_DW_OF)))
        return 0;
    int d = int_at(s, i + 1, 1, 31, 2), e;
    if (d < 1 || !lx(s, i + 2, LX_ORDSUF) || !dk_tok_glued(s, i + 2))
        return 0;
    if (month_at(s, i + 3, &e) || dwis(s, i + 3, R_DW_OF) || lx(s, i + 3, LX_TUNIT) ||
        !s->doc->month || dwis(s, i - 1, R_DW_OF))
        return 0;
    if (d > dk_cal_month_len(s->doc->year, s->doc->month) ||
        (i + 3 < s->ntok && !is_punct(s, i + 3) && !lx(s, i + 3, LX_RANGE)))
        return 0;  /* "on the 1st floor" */
    set_ymd(v, s->doc->year, s->doc->month, d);
    return i + 3;
}

/* "in nineteen ninety six", "since two thousand and fifteen". */
static int p_spelled_year(const dk_sent *s, int i, dv *v)
{
    int e, y;
    if (!prep_before(s, i) || !(y = spelled_year(s, i, &e)) ||
        count_word(s, e, 0) || lx(s, e, LX_CARD))
        return 0;
    set_ymd(v, y, 0, 0);
    return e;
}

/* The day of holiday h in year y, or -1. */
static long holiday_day(const dk_lexent *h, int y)
{
    if (!strcmp(h->sym, "holiday")) {
        int md = (int)h->value;
        return dk_cal_days(y, md / 100, md % 100);
    }
    if (!strcmp(h->sym, "easter")) {  /* the anonymous Gregorian computus */
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3;
        int hh = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
        int l = (32 + 2 * e + 2 * i - hh - k) % 7, m = (a + 11 * hh + 22 * l) / 451;
        int n = hh + l - 7 * m + 114;
        return dk_cal_days(y, n / 31, n % 31 + 1);
    }
    long nov1 = dk_cal_days(y, 11, 1);
    long thu4 = nov1 + (4 - dk_cal_weekday(nov1) + 7) % 7 + 21;
    if (!strcmp(h->sym, "thanksgiving"))
        return thu4;
    if (!strcmp(h->sym, "blackfriday"))
        return thu4 + 1;
    return -1;
}

/* Holidays: "Christmas", "easter 2018", "last easter", "Earth Day 2010";
 * without a year, the document's year. */
static int p_holiday(const dk_sent *s, int i, dv *v)
{
    const dk_docctx *doc = s->doc;
    int k = i, dir = rel_dir(s, i);
    if (dir != 9)
        k++;
    const dk_lexeme *x;
    int n = dk_lex_phrase(s->text, s->tok, s->ntok, k, LX_DATEWORD, &x);
    if (!n)
        return 0;
    const dk_lexent *h = dk_lex_get(x, LX_DATEWORD);
    if (h->role != R_DW_HOLIDAY && h->role != R_DW_EASTER &&
        h->role != R_DW_THANKSGIVING && h->role != R_DW_BLACKFRIDAY)
        return 0;   /* no holiday: holiday_day has no day for it */
    int y = year_date_at(s, k + n), e = k + n;
    if (y && holiday_day(h, y) >= 0) {
        long day = holiday_day(h, y);
        set_span(v, day, day);
        return e + 1;
    }
    if (!doc->year || holiday_day(h, doc->year) < 0)
        return 0;
    long day = holiday_day(h, doc->year), z;
    if (dir != 9 && dir != 0) {
        if (!ref_day(doc, &z))
            return 0;
        if (dir < 0 && day >= z)
            day = holiday_day(h, doc->year - 1);
        if (dir > 0 && day <= z)
            day = holiday_day(h, doc->year + 1);
    } else if (dir == 9 && ref_day(doc, &z)) {
        /* the nearest one: "ahead of the New Year" in late December */
        if (day - z > 183)
            day = holiday_day(h, doc->year - 1);
        else if (z - day > 183)
            day = holiday_day(h, doc->year + 1);
    }
    set_span(v, day, day);
    return e;
}

/* "21st century", "the 15th century" (span without "the"). */
static int p_century(const dk_sent *s, int i, dv *v)
{
    int end = i;
    int n = ord_at(s, i, &end);
    if (!n)
        return 0;
    const dk_lexent *u = lx(s, end, LX_TUNIT);
    if (!n || n > 30 || !u || u->value != 100 || (u->flags & LXF_PLURAL))
        return 0;
    /* "the 21st Century Silk Road": a name */
    const dk_token *t = &s->tok[end];
    const dk_token *nx = tk(s, end + 1);
    if ((t->flags & DK_TF_CAP) && nx && nx->type == DK_TOK_WORD &&
        (nx->flags & DK_TF_CAP))
        return 0;
    set_span(v, dk_cal_days((n - 1) * 100, 1, 1), dk_cal_days((n - 1) * 100 + 99, 12, 31));
    v->form = DK_CAL_CENTURY;
    return end + 1;
}

/* "2019 Q1", "2017-q1", "q3 2019", "Q1-2019", "2019 H2", "H1 2020". */
static int quarter_word(const dk_sent *s, int k, int *len, int *end)
{
    int r = dwr(s, k);
    if (r != R_DW_Q && r != R_DW_H)
        return 0;
    int per = (int)lx(s, k, LX_DATEWORD)->value;
    int n = int_at(s, k + 1, 1, 12 / per, 1);
    if (n < 1 || !dk_tok_glued(s, k + 1))
        return 0;
    *len = per;
    *end = k + 2;
    return n;
}

static void set_part(dv *v, int y, int per, int n)
{
    set_span(v, dk_cal_days(y, (n - 1) * per + 1, 1),
             dk_cal_days(y, n * per + 1, 0));
}

/* Dates that start with a month name. */
static int p_month_first(const dk_sent *s, int i, dv *v)
{
    int k, mo = month_at(s, i, &k);
    if (!mo)
        return 0;
    int d = 0, y = 0, end;
    /* "Dec31", "Oct/2", "jun-15", "Dec-2018", "Sep-23-2020" */
    if (is_num(s, k) && dk_tok_glued(s, k) && (d = int_at(s, k, 1, 31, 2)) > 0) {
        k++;
    } else if ((glued_sep(s, k, '/') || glued_sep(s, k, '-'))) {
        char c = s->text[s->tok[k].start];
        if ((y = year_at(s, k + 1)) != 0) {
            k += 2;
        } else if ((d = int_at(s, k + 1, 1, 31, 2)) > 0) {
            k += 2;
            if (glued_sep(s, k, c) && (y = year_at(s, k + 1)) != 0)
                k += 2;
        }
        if (d < 0)
            d = 0;
        if (y || d) {
            set_ymd(v, y, mo, d);
            return k;
        }
    } else if (dk_tok_is(s, k, '(')) {
        return 0;
    }
    if (!d) {
        int j = k;
        if (dwis(s, j, R_DW_THE))
            j++;
        d = day_at(s, j, &end, 1);
        if (d && !year_at(s, j)) {
            if (lx(s, end, LX_TUNIT) || lx(s, end, LX_UNIT) ||
                lx(s, end, LX_COUNTED) || lx(s, end, LX_PERCENT) ||
                lx(s, end, LX_SCALE) ||
                (!is_num(s, j) && lx(s, end, LX_CARD) &&
                 !spelled_year(s, end, &(int){0})))
                d = 0;  /* "May 5 million", "March 15 percent" */
            else
                k = end;
        } else {
            d = 0;
        }
    }
    if (d) {
        /* day ranges: "Sept. 11-12", "april 9th through 17th" */
        const dk_lexent *r = lx(s, k, LX_RANGE);
        int d2 = 0, e2;
        if (r && r->role != R_RANGE_AND && !month_at(s, k + 1, &e2)) {
            d2 = day_at(s, k + 1, &e2, 0);
            if (d2 > d && !month_at(s, e2, &end) && !lx(s, e2, LX_TUNIT) &&
                !lx(s, e2, LX_ORDSUF) && free_side(s, k + 1, 1)) {
                k = e2;
            } else {
                d2 = 0;
            }
        }
        int ye;
        if ((y = year_after(s, k, &ye)) != 0)
            k = ye;
        if (d2) {
            int yy = y ? y : s->doc->year;
            if (!yy || d2 > dk_cal_month_len(yy, mo))
                return 0;
            set_span(v, dk_cal_days(yy, mo, d), dk_cal_days(yy, mo, d2));
            return k;
        }
        set_ymd(v, y, mo, d);
        return k;
    }
    int ye;
    if ((y = year_after(s, k, &ye)) != 0) {
        set_ymd(v, y, mo, 0);
        return ye;
    }
    /* a month alone; "May" at the head of a sentence is the verb */
    const dk_lexent *e = lx(s, i, LX_MONTH);
    if ((e->flags & LXF_CAP) && i == 0 && !(e->flags & LXF_ABBR))
        return 0;
    int e2;
    if ((e->flags & LXF_ABBR) && (!(s->tok[i].flags & DK_TF_CAP) || !dw(s, i - 1)) &&
        !(lx(s, k, LX_RANGE) && month_at(s, k + 1, &e2)) &&
        !(i > 1 && lx(s, i - 1, LX_RANGE) && month_at(s, i - 2, &e2)))
        return 0;  /* "Jan Kowalski", but "(Jan-Sep 2018", "Jan-Mar" */
    if (i > 0 && s->tok[i - 1].type == DK_TOK_WORD &&
        (s->tok[i - 1].flags & DK_TF_CAP) && !dw(s, i - 1))
        return 0;  /* "the Long March" */
    set_ymd(v, 0, mo, 0);
    return k;
}

/* Dates that start with a day: "3 January 2022", "04th Jan 2019", "the
 * 09th of May", "second of Aug", "22/Jan/2019", "9 to 12 of June". */
static int p_day_first(const dk_sent *s, int i, dv *v)
{
    int k, d = day_at(s, i, &k, 0);
    int spelled = 0;
    if (!d) {
        d = spelled2(s, i, &k);
        if (d < 1 || d > 31)
            return 0;
        spelled = 1;
    }
    if (is_num(s, i) && (!free_side(s, i, -1) || lx(s, i - 1, LX_CURRENCY)))
        return 0;
    int d2 = 0, e2;
    const dk_lexent *r = lx(s, k, LX_RANGE);
    if (!spelled && r && (r->role != R_RANGE_AND || dwis(s, i - 1, R_DW_BETWEEN)) &&
        (d2 = day_at(s, k + 1, &e2, 0)) > d) {
        int j = e2;
        if (dwis(s, j, R_DW_OF))
            j++;
        int me;
        if (month_at(s, j, &me))
            k = e2;
        else
            d2 = 0;
    } else {
        d2 = 0;
    }
    int j = k, sep = 0;
    if (dwis(s, j, R_DW_OF) && !spelled)
        j++;
    else if ((glued_sep(s, j, '/') || glued_sep(s, j, '-')) && !spelled) {
        sep = s->text[s->tok[j].start];
        j++;
    }
    int me, mo = month_at(s, j, &me);
    if (!mo)
        return 0;
    if (!sep && !is_num(s, i) && !dwis(s, k, R_DW_OF) && !spelled &&
        !lx(s, i, LX_ORD) && !dwis(s, i, R_DW_THE))
        return 0;
    k = me;
    int y = 0;
    if (sep) {
        if (glued_sep(s, k, (char)sep) && (y = year_at(s, k + 1)) != 0)
            k += 2;
    } else {
        int ye;
        if ((y = year_after(s, k, &ye)) != 0)
            k = ye;
    }
    if (d2) {
        int yy = y ? y : s->doc->year;
        if (!yy || d2 > dk_cal_month_len(yy, mo))
            return 0;
        set_span(v, dk_cal_days(yy, mo, d), dk_cal_days(yy, mo, d2));
        return k;
    }
    set_ymd(v, y, mo, d);
    return k;
}

static int valid_day(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 &&
           d <= (y ? dk_cal_month_len(y, m) : m == 2 ? 29 : dk_cal_month_len(2001, m));
}

/* Dates that start with a year: "2022-01-03", "2015-12", "2019/aug/01",
 * "2017 Q1", "1990s", "20161016", "2017 april", "2019". */
static int p_year_first(const dk_sent *s, int i, dv *v)
{
    const dk_token *t = &s->tok[i];
    if (t->type == DK_TOK_NUM && t->ndigits == 8 && !t->nfrac &&
        !(t->flags & DK_TF_GROUPS) && free_side(s, i, -1) && free_side(s, i, 1)) {
        long n = (long)t->num;
        int y = (int)(n / 10000), m = (int)(n / 100 % 100), d = (int)(n % 100);
        if (y >= 1900 && y <= 2100 && valid_day(y, m, d)) {
            set_ymd(v, y, m, d);
            return i + 1;
        }
        return 0;
    }
    int y = year_at(s, i);
    if (!y || !free_side(s, i, -1))
        return 0;
    int k = i + 1;
    /* "2015 - 32", "32 - 2015": not dates */
    if (dk_tok_is(s, k, '-') && is_num(s, k + 1) && !year_at(s, k + 1) &&
        !dk_tok_glued(s, k))
        return -(k + 2);
    if (dk_tok_is(s, i - 1, '-') && is_num(s, i - 2) && !year_at(s, i - 2) &&
        !dk_tok_glued(s, i - 1))
        return -(i + 1);
    /* a split year, a span of whole years: with a dash, two digits for
     * one of the next ten years ("2017-18", "2020-24"; not 01-12, a
     * month: "2011-12"); with a slash, the next year only, in two or
     * four digits (fiscal and crop years: "the 2024/25 season") */
    if ((glued_sep(s, k, '-') || glued_sep(s, k, '/')) &&
        is_num(s, k + 1) && dk_tok_glued(s, k + 1) &&
        !(s->tok[k + 1].flags & (DK_TF_GROUPS | DK_TF_DECIMAL)) &&
        !s->tok[k + 1].nfrac &&
        (s->tok[k + 1].ndigits == 2 ||
         (s->tok[k + 1].ndigits == 4 && s->text[s->tok[k].start] == '/')) &&
        free_side(s, k + 1, 1) && !count_word(s, k + 2, 0)) {
        int slash = s->text[s->tok[k].start] == '/';
        int n = (int)s->tok[k + 1].num;
        int y2 = s->tok[k + 1].ndigits == 4 ? n : y - y % 100 + n;
        if (y2 <= y && n == (y + 1) % 100)
            y2 = y + 1;     /* "1999-00" */
        if (slash ? y2 == y + 1
                  : y2 > y && y2 - y <= 10 && (n > 12 || n == 0)) {
            set_span(v, dk_cal_days(y, 1, 1), dk_cal_days(y2, 12, 31));
            return k + 2;
        }
    }
    /* ISO and friends */
    if (glued_sep(s, k, '-') || glued_sep(s, k, '/')) {
        char c = s->text[s->tok[k].start];
        int m = int_at(s, k + 1, 1, 99, 2), e, d;
        if (m < 0 && (m = month_at(s, k + 1, &e)) > 0 && e == k + 2) {
            /* "2019-aug-1" */
        } else if (m >= 0 && int_at(s, k + 1, 0, 99, 2) >= 0 &&
                   s->tok[k + 1].ndigits <= 2) {
            if (m < 1 || m > 12) {
                if (c == '-' && s->tok[k + 1].ndigits == 2)
                    return 0;  /* "2017-18": a range, left to the range rule */
                return -(k + 2);
            }
        } else {
            m = 0;
        }
        if (m) {
            e = k + 2;
            if (glued_sep(s, e, c) && is_num(s, e + 1)) {
                d = int_at(s, e + 1, 0, 99, 2);
                if (d < 0 || !valid_day(y, m, d))
                    return -(e + 2);
                if (!free_side(s, e + 1, 1))
                    return -(e + 2);
                set_ymd(v, y, m, d);
                return e + 2;
            }
            if (!free_side(s, k + 1, 1))
                return -(k + 2);
            set_ymd(v, y, m, 0);
            return e;
        }
    }
    if (!free_side(s, i, 1) &&
        !(glued_sep(s, k, '-') && (year_at(s, k + 1) ||
                                   quarter_word(s, k + 1, &(int){0}, &(int){0}))))
        return 0;
    /* quarters and halves */
    int j = k, per, n, e;
    if (dk_tok_is(s, j, '-') && dk_tok_glued(s, j))
        j++;
    if ((n = quarter_word(s, j, &per, &e)) > 0) {
        set_part(v, y, per, n);
        return e;
    }
    /* decades: "1990s", "1990 s" */
    if (dwis(s, k, R_DW_DECADE) && y % 10 == 0) {
        set_span(v, dk_cal_days(y, 1, 1), dk_cal_days(y + 9, 12, 31));
        v->form = DK_CAL_DECADE;
        return k + 1;
    }
    if (count_word(s, k, !plural_counts(s, i)))
        return 0;
    /* "2017 april" */
    int mo = month_at(s, k, &e);
    if (mo && !day_at(s, e, &(int){0}, 0)) {
        set_ymd(v, y, mo, 0);
        return e;
    }
    if ((y < 1900 || y > 2100) && !prep_before(s, i) && !lx(s, i - 1, LX_RANGE) &&
        !is_dash(s, k))
        return 0;  /* "reached 1500": a count more likely than a year */
    set_ymd(v, y, 0, 0);
    return k;
}

/* Numeric dates: "01/03/2022", "5/17", "22.05.2024", "12-2015", "7/6". */
/* Does a weekday end just before token i, or before a comma there
 * ("Monday 5/6", "Tue, 7.6")? */
static int weekday_before(const dk_sent *s, int i)
{
    int e;
    if (i <= 0)
        return 0;
    int b = i - 1;
    if (dk_tok_is(s, b, ','))
        b--;
    for (int q = b - 1; q <= b; q++)
        if (q >= 0 && weekday_at(s, q, &e) && e == b + 1)
            return 1;
    return 0;
}

static int p_numeric(const dk_sent *s, int i, dv *v)
{
    const dk_token *t = &s->tok[i];
    if (!free_side(s, i, -1))
        return 0;
    /* weekday_before(s, i) is asked only where needed: most numbers
     * are no such date */
    int on_before = dwis(s, i - 1, R_DW_ON);
    /* "22.05.2024", "7.6", "5.12" read as one decimal token */
    if (t->nfrac == 2 || (t->nfrac == 1 && t->ndigits <= 2)) {
        if (t->ndigits > 2 || (t->flags & DK_TF_GROUPS))
            return 0;
        const char *p = s->text + t->start;
        int a = 0, b = 0, q = 0;
        while (p[q] != '.')
            a = a * 10 + (p[q++] - '0');
        q++;
        for (int z = 0; z < t->nfrac; z++)
            b = b * 10 + (p[q + z] - '0');
        if (glued_sep(s, i + 1, '.') && year_at(s, i + 2) &&
            free_side(s, i + 2, 1)) {
            int y = year_at(s, i + 2);
            if (!valid_day(y, b, a))
                return 0;
            set_ymd(v, y, b, a);
            return i + 3;
        }
        if ((weekday_before(s, i) || on_before) && free_side(s, i, 1) && valid_day(0, a, b) &&
            !count_word(s, i + 1, 0)) {
            set_ymd(v, 0, a, b);
            return i + 1;
        }
        return 0;
    }
    int a = int_at(s, i, 1, 31, 2);
    if (a < 0)
        return 0;
    char c = 0;
    if (glued_sep(s, i + 1, '/'))
        c = '/';
    else if (glued_sep(s, i + 1, '-'))
        c = '-';
    if (!c)
        return 0;
    int y = year_at(s, i + 2);
    if (y && a <= 12) {  /* "12-2015" */
        if (!free_side(s, i + 2, 1))
            return 0;
        set_ymd(v, y, a, 0);
        return i + 3;
    }
    int b = int_at(s, i + 2, 1, 31, 2);
    if (b < 0)
        return 0;
    int m = a, d = b;
    if (a > 12) {
        m = b;
        d = a;
    }
    if (glued_sep(s, i + 3, c) && is_num(s, i + 4)) {
        const dk_token *yt = &s->tok[i + 4];
        if (yt->nfrac || !free_side(s, i + 4, 1))
            return 0;
        if (yt->ndigits == 4)
            y = year_at(s, i + 4);
        else if (yt->ndigits == 2)
            y = (int)yt->num < 40 ? 2000 + (int)yt->num : 1900 + (int)yt->num;
        if (!y || !valid_day(y, m, d))
            return 0;
        set_ymd(v, y, m, d);
        return i + 5;
    }
    if (!free_side(s, i + 2, 1) || !valid_day(0, m, d))
        return 0;
    if (c == '-' && !weekday_before(s, i))
        return 0;
    if (c == '/' && a < 10 && b < 10 && !weekday_before(s, i) && !on_before)
        return 0;  /* "3/4" is a fraction */
    if (c == '/' && !weekday_before(s, i) && (count_word(s, i + 3, 0) || lx(s, i + 3, LX_SCALE)))
        return 0;
    set_ymd(v, 0, m, d);
    return i + 3;
}

/* Direction of "last"/"next"/"this" at k: -1, 1, 0; 9 when none. */
static int rel_dir(const dk_sent *s, int k)
{
    switch (dwr(s, k)) {
    case R_DW_LAST:
        return -1;
    case R_DW_NEXT:
        return 1;
    case R_DW_THIS:
        return 0;
    default:
        return 9;
    }
}

/* After a week: "next week Wednesday", "this week on Monday". */
static int week_day_suffix(const dk_sent *s, int k, long monday, dv *v)
{
    int j = k, e;
    if (dwis(s, j, R_DW_ON) || is_dash(s, j))
        j++;
    int wd = weekday_at(s, j, &e);
    if (!wd)
        return k;
    set_span(v, monday + wd - 1, monday + wd - 1);
    return e;
}

/* "last year", "next month", "this week", "last October", "next Friday",
 * "last quarter", "the next decade", "past two quarters". */
static int p_relative(const dk_sent *s, int i, dv *v)
{
    const dk_docctx *doc = s->doc;
    int k = i, the = 0;
    if (dwis(s, k, R_DW_THE)) {
        k++;
        the = 1;
    }
    int dir = rel_dir(s, k);
    if (dir == 9)
        return 0;
    k++;
    if (dwis(s, k, R_DW_CALENDAR))
        k++;
    long z;
    int e;
    const dk_lexent *u = lx(s, k, LX_TUNIT);
    if (u && !(u->flags & LXF_PLURAL)) {
        if (!strcmp(u->sym, "year") && u->value == 1 && doc->year) {
            if (the)
                return 0;
            set_ymd(v, doc->year + dir, 0, 0);
            return k + 1;
        }
        if (!strcmp(u->sym, "year") && u->value == 10 && doc->year && dir >= 0) {
            int d0 = doc->year / 10 * 10 + 10 * dir;
            set_span(v, dk_cal_days(d0, 1, 1), dk_cal_days(d0 + 9, 12, 31));
            return k + 1;
        }
        if (the)
            return 0;
        if (!strcmp(u->sym, "month") && u->value == 1 && doc->month) {
            int y = doc->year, m = doc->month;
            dk_cal_add_months(&y, &m, dir);
            set_ymd(v, y, m, 0);
            return k + 1;
        }
        if (!strcmp(u->sym, "week") && u->value == 1 && ref_day(doc, &z)) {
            long mon = monday_of(z) + 7 * dir;
            set_span(v, mon, mon + 6);
            return week_day_suffix(s, k + 1, mon, v);
        }
        return 0;
    }
    if (the)
        return 0;
    if (dwis(s, k, R_DW_QUARTER) && doc->month &&
        !(lx(s, k, LX_DATEWORD)->flags & LXF_PLURAL)) {
        int q = (doc->month - 1) / 3 + dir, y = doc->year;
        if (q < 0) {
            q += 4;
            y--;
        } else if (q > 3) {
            q -= 4;
            y++;
        }
        set_part(v, y, 3, q + 1);
        return k + 1;
    }
    if (dwis(s, k, R_DW_WEEKEND) && ref_day(doc, &z)) {
        long sat = monday_of(z) + 5 + 7 * dir;
        set_span(v, sat, sat + 1);
        return k + 1;
    }
    int mo = month_at(s, k, &e);
    if (mo && doc->year) {
        int y = doc->year;
        if (dir < 0 && doc->month && mo >= doc->month)
            y--;
        if (dir > 0 && doc->month && mo <= doc->month)
            y++;
        set_ymd(v, y, mo, 0);
        return e;
    }
    if (!weekday_at(s, k, &e) && ref_day(doc, &z)) {
        dv y;
        int ye = 0;
        if ((ye = p_numeric(s, k, &y)) <= 0 && (ye = p_day_first(s, k, &y)) <= 0)
            ye = 0;
        if (ye > 0 && !y.span && !y.y && y.d) {
            y.y = doc->year;
            long a = dk_cal_days(y.y, y.m, y.d);
            if (dir > 0 && a <= z)
                y.y++;
            if (dir < 0 && a >= z)
                y.y--;
            *v = y;
            return ye;
        }
    }
    int wd = weekday_at(s, k, &e);
    dv x = {0, 0, 0, 0, 0, 0, 0};
    int xe = wd ? p_weekday(s, k, &x) : 0;
    if (xe > e && !x.span && x.d) {  /* "this Friday 7.6" */
        *v = x;
        return xe;
    }
    if (wd && ref_day(doc, &z)) {
        long mon = monday_of(z), day;
        if (dir < 0) {
            day = mon + wd - 1;
            if (day >= z)
                day -= 7;
        } else {
            day = mon + wd - 1 + 7 * dir;
        }
        set_span(v, day, day);
        return e;
    }
    /* "last 2 quarters", "the coming three quarters" */
    int ce, cnt = count_at(s, k, &ce, 0);
    if (dir && cnt >= 1 && cnt <= 40 && dwis(s, ce, R_DW_QUARTER) && doc->month) {
        int q = (doc->year * 4) + (doc->month - 1) / 3;
        int q0 = dir < 0 ? q - cnt : q + 1, q1 = dir < 0 ? q - 1 : q + cnt;
        set_span(v, dk_cal_days(q0 / 4, (q0 % 4) * 3 + 1, 1),
                 dk_cal_days(q1 / 4, (q1 % 4) * 3 + 4, 0));
        return ce + 1;
    }
    return 0;
}

/* Does a verb of the present tense follow "today" at i ("which today
 * includes 51 projects", "today there are", "today is")?  Then it means
 * nowadays, where "signed today" or "today signed" name the day. */
static int present_after(const dk_sent *s, int i)
{
    int k = i + 1;
    const dk_token *t = tk(s, k);
    if (!t || t->type != DK_TOK_WORD || (t->flags & DK_TF_CAP))
        return 0;
    if (dk_tok_text(s, k, "is") || dk_tok_text(s, k, "are") ||
        dk_tok_text(s, k, "has") || dk_tok_text(s, k, "have") ||
        dk_tok_text(s, k, "there"))
        return 1;
    /* "includes", "accounts", "operates": a third-person -s form, not a
     * plural subject with its verb after it ("today talks were held") */
    const char *w = s->text + t->start;
    size_t n = t->end - t->start;
    if (n <= 3 || w[n - 1] != 's' || w[n - 2] == 's' || w[n - 2] == 'u' ||
        w[n - 2] == '\'')
        return 0;
    const dk_token *v = tk(s, k + 1);
    if (v && v->type == DK_TOK_WORD) {
        const char *x = s->text + v->start;
        size_t m = v->end - v->start;
        if (dk_tok_text(s, k + 1, "were") || dk_tok_text(s, k + 1, "was") ||
            dk_tok_text(s, k + 1, "went") ||
            (m > 3 && x[m - 2] == 'e' && x[m - 1] == 'd'))
            return 0;
    }
    return 1;
}

/* "today", "yesterday", "tomorrow", "the day before yesterday". */
static int p_deictic(const dk_sent *s, int i, dv *v)
{
    long z;
    if (!ref_day(s->doc, &z))
        return 0;
    const dk_lexeme *x;
    int n = dk_lex_phrase(s->text, s->tok, s->ntok, i, LX_DATEWORD, &x);
    if (!n)
        return 0;
    int off;
    switch (dk_lex_get(x, LX_DATEWORD)->role) {
    case R_DW_TODAY:
        /* "Today, ..." and "; today our ..." mean nowadays */
        if (i == 0 || is_punct(s, i - 1) || present_after(s, i))
            return 0;
        off = 0;
        break;
    case R_DW_YESTERDAY:
        off = -1;
        break;
    case R_DW_TOMORROW:
        off = 1;
        break;
    case R_DW_DAYBEFOREYESTERDAY:
        off = -2;
        break;
    case R_DW_DAYAFTERTOMORROW:
        off = 2;
        break;
    default:
        return 0;
    }
    set_span(v, z + off, z + off);
    return i + n;
}

/* "3 days after January 12th", "two weeks from tomorrow", "2 weeks
 * before May 13 1999": a stretch of time counted from a day.  k is the
 * unit's token. */
static int p_shift(const dk_sent *s, int k, int cnt, const dk_lexent *u,
                   dv *v)
{
    int r = dwr(s, k + 1), sign;
    if (r == R_DW_AFTER || r == R_DW_FROM)
        sign = 1;
    else if (r == R_DW_BEFORE)
        sign = -1;
    else
        return 0;
    dv x;
    long a, b;
    int e;
    if (dwis(s, k + 2, R_DW_NOW) && sign > 0 && ref_day(s->doc, &a)) {
        e = k + 3;
    } else {
        e = p_core(s, k + 2, &x);
        if (e <= 0 || !to_span(&x, s->doc, &a, &b) || a != b)
            return 0;
        long z;
        if (!x.span && !x.y && ref_day(s->doc, &z) && a < z) {
            x.y = s->doc->year + 1;  /* a day without year: the next one */
            to_span(&x, s->doc, &a, &b);
        }
    }
    cnt *= (int)u->value;
    if (!strcmp(u->sym, "day")) {
        a += sign * cnt;
    } else if (!strcmp(u->sym, "week")) {
        a += sign * 7 * cnt;
    } else if (!strcmp(u->sym, "month") || !strcmp(u->sym, "year")) {
        int y, m, d;
        dk_cal_civil(a, &y, &m, &d);
        dk_cal_add_months(&y, &m, sign * cnt * (u->sym[0] == 'y' ? 12 : 1));
        int ml = dk_cal_month_len(y, m);
        a = dk_cal_days(y, m, d > ml ? ml : d);
    } else {
        return 0;
    }
    set_span(v, a, a);
    return e;
}

/* The year last named before token i of the sentence ("in 2024"), or
 * 0. */
static int year_named_before(const dk_sent *s, int i)
{
    for (int j = i - 1; j >= 0; j--) {
        int y = year_at(s, j);
        if (y && free_side(s, j, -1) && free_side(s, j, 1))
            return y;
    }
    return 0;
}

/* A word that counts back: "ago" (from now) or "earlier" (from the time
 * the sentence speaks of). */
static int back_word(const dk_sent *s, int k)
{
    return dwis(s, k, R_DW_AGO) || dwis(s, k, R_DW_EARLIER);
}

/* "six years ago", "two weeks ago", "a month ago"; "a year earlier"
 * after a year named in the sentence is the year before that one. */
static int p_ago(const dk_sent *s, int i, dv *v)
{
    const dk_docctx *doc = s->doc;
    int cnt, k;
    dk_num n;
    if (dwis(s, i, R_DW_A)) {
        cnt = 1;
        k = i + 1;
    } else if (dk_number_at(s, i, &n) && !n.fraction && n.value >= 1 &&
               n.value <= 1000 && n.value == (int)n.value) {
        cnt = (int)n.value;
        k = n.t1;
    } else {
        return 0;
    }
    const dk_lexent *u = lx(s, k, LX_TUNIT);
    if (u && (u->flags & LXF_AMBIG))
        return 0;
    if (u && !back_word(s, k + 1))
        return p_shift(s, k, cnt, u, v);
    if (!u)
        return 0;
    cnt *= (int)u->value;
    long z;
    int from = 0;
    if (!strcmp(u->sym, "year") && dwis(s, k + 1, R_DW_EARLIER) &&
        (from = year_named_before(s, i)) != 0) {
        set_ymd(v, from - cnt, 0, 0);   /* "in 2024, ... a year earlier" */
    } else if (!strcmp(u->sym, "year")) {
        if (!doc->year)
            return 0;
        set_ymd(v, doc->year - cnt, 0, 0);
    } else if (!strcmp(u->sym, "month")) {
        if (!doc->month)
            return 0;
        int y = doc->year, m = doc->month;
        dk_cal_add_months(&y, &m, -cnt);
        if (doc->day) {
            int d = doc->day, ml = dk_cal_month_len(y, m);
            set_ymd(v, y, m, d > ml ? ml : d);
        } else {
            set_ymd(v, y, m, 0);
        }
    } else if (!strcmp(u->sym, "week")) {
        if (!ref_day(doc, &z))
            return 0;
        long mon = monday_of(z) - 7 * cnt;
        set_span(v, mon, mon + 6);
    } else if (!strcmp(u->sym, "day")) {
        if (!ref_day(doc, &z))
            return 0;
        set_span(v, z - cnt, z - cnt);
    } else {
        return 0;
    }
    return k + 2;
}

/* Weekdays: "Thursday" (that day of the document's week), "Tuesday March
 * 7", "Friday 7/6", "tuesday of next week", "Tue May 9". */
/* Is the sentence in the future tense ("will", "shall", "scheduled")? */
static int future_tense(const dk_sent *s)
{
    for (int k = 0; k < s->ntok; k++)
        if (dwis(s, k, R_DW_FUTURE))
            return 1;
    return 0;
}

static int p_weekday(const dk_sent *s, int i, dv *v)
{
    int e, wd = weekday_at(s, i, &e);
    if (!wd)
        return 0;
    int k = e, paren = 0;
    if (dk_tok_is(s, k, ',') || (dk_tok_is(s, k, '-') && dk_tok_glued(s, k)))
        k++;
    else if (dk_tok_is(s, k, '('))
        paren = ++k;  /* "friday (jun-15)" */
    dv x;
    int end = 0;
    if (k < s->ntok && ((end = p_month_first(s, k, &x)) > 0 ||
                        (end = p_day_first(s, k, &x)) > 0 ||
                        (end = p_numeric(s, k, &x)) > 0 ||
                        (end = p_year_first(s, k, &x)) > 0) &&
        !x.span && x.d && (!paren || dk_tok_is(s, end, ')'))) {
        *v = x;
        return paren ? end + 1 : end;
    }
    long z;
    if (!ref_day(s->doc, &z))
        return 0;
    /* "Monday two weeks from now": that weekday in the week reached */
    int se = dk_tok_is(s, e, ',') ? e + 1 : e;
    if (!is_punct(s, se) && (end = p_ago(s, se, &x)) > 0 && x.span &&
        x.a == x.b && !back_word(s, end - 1)) {
        long day = monday_of(x.a) + wd - 1;
        set_span(v, day, day);
        return end;
    }
    /* "tuesday the eleventh", "Mon 13th": the nearest month where that
     * day falls on that weekday, from the document's month on */
    int de, d = 0;
    if (dwis(s, e, R_DW_THE) || (is_num(s, e) && lx(s, e + 1, LX_ORDSUF)))
        d = day_at(s, e, &de, 0);
    if (d && !month_at(s, de, &(int){0}) && !dwis(s, de, R_DW_OF)) {
        for (int q = 0; q < 24; q++) {
            int y = s->doc->year, m = s->doc->month;
            dk_cal_add_months(&y, &m, q);
            if (d > dk_cal_month_len(y, m))
                continue;
            long day = dk_cal_days(y, m, d);
            if (day >= z && dk_cal_weekday(day) == wd) {
                set_span(v, day, day);
                return de;
            }
        }
    }
    long mon = monday_of(z);
    if (dwis(s, e, R_DW_OF)) {
        int dir = rel_dir(s, e + 1);
        const dk_lexent *u = lx(s, e + 2, LX_TUNIT);
        if (dir != 9 && u && !strcmp(u->sym, "week") && u->value == 1 &&
            !(u->flags & LXF_PLURAL)) {
            long day = mon + 7 * dir + wd - 1;
            set_span(v, day, day);
            return e + 3;
        }
    }
    const dk_lexent *we = lx(s, i, LX_WEEKDAY);
    if ((we->flags & LXF_ABBR) && !dw(s, i - 1) && !lx(s, i - 2, LX_WEEKDAY))
        return 0;  /* "Sun Weiping" */
    /* a weekday alone: the last one up to the document's day ("said on
     * Friday" in Monday's paper), the next one from it in a sentence in
     * the future tense ("will meet on Friday") */
    long day = mon + wd - 1;
    int future = future_tense(s);
    if (future ? day < z : day > z)
        day += future ? 7 : -7;
    set_span(v, day, day);
    return e;
}

/* "year 2008", "calendar year 2008", "week 31", "week 3 of 2027". */
static int p_labelled(const dk_sent *s, int i, dv *v)
{
    int k = i;
    if (dwis(s, k, R_DW_CALENDAR))
        k++;
    const dk_lexent *u = lx(s, k, LX_TUNIT);
    if (!u || u->value != 1 || (u->flags & LXF_PLURAL))
        return 0;
    if (!strcmp(u->sym, "year")) {
        int y = year_date_at(s, k + 1);
        if (!y)
            return 0;
        set_ymd(v, y, 0, 0);
        return k + 2;
    }
    if (!strcmp(u->sym, "week") && k == i) {
        int n = int_at(s, k + 1, 1, 53, 2);
        if (n < 1 || !free_side(s, k + 1, 1))
            return 0;
        int y = s->doc->year, end = k + 2;
        dv b;
        if (dwis(s, end, R_DW_OF) && p_year_ref(s, end + 1, &b) && !b.m && b.y) {
            y = b.y;
            end = p_year_ref(s, end + 1, &b);
        }
        if (!y)
            return 0;
        long a = dk_cal_iso_week1(y) + 7 * (n - 1);
        set_span(v, a, a + 6);
        return end;
    }
    return 0;
}

/* "Q3 2019", "Q1-2019", "H1 2020". */
static int p_quarter_first(const dk_sent *s, int i, dv *v)
{
    int per, e, n = quarter_word(s, i, &per, &e);
    if (!n)
        return 0;
    int k = e;
    if (dk_tok_is(s, k, '-') && dk_tok_glued(s, k))
        k++;
    else if (dwis(s, k, R_DW_OF))
        k++;
    int y = year_at(s, k);
    if (!y || !free_side(s, k, 1))
        return 0;
    set_part(v, y, per, n);
    return k + 1;
}

/* "9M 2024", "6M-2023": the first N months of a year, as financial
 * reports write them. */
static int p_months_done(const dk_sent *s, int i, dv *v)
{
    int n = int_at(s, i, 1, 11, 2);
    if (n < 1 || !dk_tok_glued(s, i + 1) || !dk_tok_text(s, i + 1, "M") ||
        (i > 0 && dk_tok_glued(s, i)))
        return 0;   /* (not "$12M 2023": money) */
    int k = i + 2;
    if (dk_tok_is(s, k, '-') && dk_tok_glued(s, k))
        k++;
    int y = year_at(s, k);
    if (!y || !free_side(s, k, 1))
        return 0;
    set_part(v, y, n, 1);
    return k + 1;
}

/* What a parser needs to find anything at token i, for p_core's test
 * before trying it.  first: what token i may be, LXB(cls) for a word
 * with an entry of that class, DIGITS for a number in digits, ANY for
 * the parsers whose own first test is as cheap (a phrase lookup,
 * dk_number_at), LEXEME for those that read token i's lexeme first
 * (a phrase lookup that finds nothing at a number or an unknown word).
 * later: what one of the tokens after i must be (a month after a day, a
 * time unit after a count, a part of a year after a count), from
 * dk_token.ahead; 0 for nothing.  here: what token i or one after it
 * must be (the holiday parser reads "next" before one), 0 for nothing. */
#define LXB(cls) DK_LXBIT(cls)
#define DIGITS DK_AHEAD_DIGITS
#define LEXEME (1u << 31)
#define ANY 0xFFFFFFFFu
_Static_assert(LX_CLASS_MAX < 31, "LEXEME is no class bit");

static const struct parser {
    int (*parse)(const dk_sent *, int, dv *);
    uint32_t first, later, here;
} parsers[] = {
    {p_part, DIGITS | LXB(LX_ORD) | LXB(LX_CARD) | LXB(LX_DATEWORD),
     DK_AHEAD_PART, 0},
    {p_week_of, LXB(LX_DATEWORD), LXB(LX_TUNIT), 0},
    {p_the_nth, LXB(LX_DATEWORD), DIGITS, 0},
    {p_holiday, LEXEME, 0, DK_AHEAD_HOLIDAY},
    {p_spelled_year, DK_NUM_FIRST, 0, 0},   /* a number word, no digits */
    {p_century, DIGITS | LXB(LX_ORD) | LXB(LX_CARD), LXB(LX_TUNIT), 0},
    {p_relative, LXB(LX_DATEWORD), 0, 0},
    {p_deictic, LEXEME, 0, 0},
    {p_ago, ANY, LXB(LX_TUNIT), 0},
    {p_month_first, LXB(LX_MONTH), 0, 0},
    {p_day_first, DIGITS | LXB(LX_ORD) | LXB(LX_CARD) | LXB(LX_DATEWORD),
     LXB(LX_MONTH), 0},
    {p_year_first, DIGITS, 0, 0},
    {p_numeric, DIGITS, 0, 0},
    {p_weekday, LXB(LX_WEEKDAY), 0, 0},
    {p_labelled, LXB(LX_DATEWORD) | LXB(LX_TUNIT), 0, 0},
    {p_quarter_first, LXB(LX_DATEWORD), DIGITS, 0},
    {p_months_done, DIGITS, 0, 0},
};

#define NPARSERS (sizeof parsers / sizeof *parsers)
_Static_assert(NPARSERS <= 32, "a parser is a bit of a mask");

/* by_bit[b]: the parsers (bit p for parsers[p]) whose first test wants
 * bit b; any: those that want nothing.  later_req, here_req: the
 * parsers' later and here tests, one entry a distinct mask with the
 * parsers that test it.  Filled once. */
struct req {
    uint32_t want, parsers;
};
static uint32_t by_bit[32], any_parser;
static struct req later_req[NPARSERS], here_req[NPARSERS];
static int nlater, nhere;
static pthread_once_t by_bit_once = PTHREAD_ONCE_INIT;

/* Add parser p to the entry of mask want in reqs (n of them). */
static void req_add(struct req *reqs, int *n, uint32_t want, size_t p)
{
    int r = 0;
    while (r < *n && reqs[r].want != want)
        r++;
    if (r == *n)
        reqs[(*n)++] = (struct req){want, 0};
    reqs[r].parsers |= 1u << p;
}

static void by_bit_fill(void)
{
    for (size_t p = 0; p < NPARSERS; p++) {
        if (parsers[p].first == ANY)
            any_parser |= 1u << p;
        else
            for (int b = 0; b < 32; b++)
                if (parsers[p].first >> b & 1)
                    by_bit[b] |= 1u << p;
        if (parsers[p].later)
            req_add(later_req, &nlater, parsers[p].later, p);
        if (parsers[p].here)
            req_add(here_req, &nhere, parsers[p].here, p);
    }
}

/* The longest date at i, without modifiers or ranges.  The parsers are
 * tried in the order of the table, those that can find something at i
 * only (dk_recognise_dates fills by_bit first). */
static int p_core(const dk_sent *s, int i, dv *v)
{
    const dk_token *t = tk(s, i);
    if (!t)
        return 0;
    uint32_t have = t->type == DK_TOK_NUM ? DIGITS : 0;
    if (t->lex)
        have |= t->lex->cmask | LEXEME;
    else if (!(t->flags & DK_TF_LEXED))
        have |= LEXEME;   /* not looked up: a phrase lookup would tell */
    uint32_t later = i + 1 < s->ntok ? s->tok[i + 1].ahead : 0;
    uint32_t todo = any_parser;
    for (uint32_t h = have; h; h &= h - 1)
        todo |= by_bit[__builtin_ctz(h)];
    /* drop those that would find nothing at i */
    for (int r = 0; r < nlater; r++)
        if (!(later_req[r].want & later))
            todo &= ~later_req[r].parsers;
    for (int r = 0; r < nhere; r++)
        if (!(here_req[r].want & t->ahead))
            todo &= ~here_req[r].parsers;
    int best = 0;
    for (; todo; todo &= todo - 1) {
        const struct parser *p = &parsers[__builtin_ctz(todo)];
        dv x;
        int e = p->parse(s, i, &x);
        if (e < 0 && best == 0)
            return e;
        if (e > best) {
            best = e;
            *v = x;
        }
    }
    if (best <= 0)
        return best;
    /* a month or day without its year: "April this year", "June of 2019" */
    if (!v->span && !v->y && v->m) {
        int k = best;
        dv y;
        if (dwis(s, k, R_DW_OF) || dwis(s, k, R_DW_IN))
            k++;
        int e = p_year_ref(s, k, &y);
        if (e && !y.m && y.y && (k > best || rel_dir(s, k) != 9)) {
            v->y = y.y;
            best = e;
        }
    }
    return best;
}

/* Modified dates: "the end of 2020", "mid-2023", "early 2024". */
static int p_mod(const dk_sent *s, int i, dv *v)
{
    int k = i;
    if (dwis(s, k, R_DW_THE) && (dwis(s, k + 1, R_DW_MODOF) || dwis(s, k + 1, R_DW_MOD)))
        k++;  /* "the end of 2020", "the early 1990s" */
    int of = dwis(s, k, R_DW_MODOF);
    if (of || dwis(s, k, R_DW_MOD)) {
        int j = k + 1;
        if (dwis(s, j, R_DW_OF))
            j++;
        else if (dk_tok_is(s, j, '-') && dk_tok_glued(s, j))
            j++;
        else if (of)
            return p_core(s, i, v);
        int e = p_core(s, j, v);
        if (e > 0)
            return e;
    }
    return p_core(s, i, v);
}

/* ------------------------------------------------------------ driver */

/* Could a date start at a word of lexeme x, as far as x alone tells?
 * DK_AHEAD_DATE yes, DK_AHEAD_DATE_ASK it depends on the tokens around
 * it (can_start), 0 no. */
uint32_t dk_date_hint(const dk_lexeme *x)
{
    if (x->cmask & (LXB(LX_MONTH) | LXB(LX_WEEKDAY) | LXB(LX_ORD) |
                    LXB(LX_CARD)))
        return DK_AHEAD_DATE;
    const dk_lexent *u = dk_lex_get(x, LX_TUNIT);
    if (u)
        return (u->flags & LXF_PLURAL) ? 0 : DK_AHEAD_DATE;
    const dk_lexent *w = dk_lex_get(x, LX_DATEWORD);
    if (!w)
        return x->is_prefix ? DK_AHEAD_DATE_ASK : 0;
    switch (w->role) {
    case R_DW_THE: case R_DW_A:
        return DK_AHEAD_DATE_ASK;
    case R_DW_THIS: case R_DW_TODAY: case R_DW_TOMORROW:
    case R_DW_THANKSGIVING: case R_DW_LAST: case R_DW_NEXT:
    case R_DW_YESTERDAY: case R_DW_MOD: case R_DW_MODOF: case R_DW_FROM:
    case R_DW_BETWEEN: case R_DW_BLACKFRIDAY: case R_DW_CALENDAR:
    case R_DW_Q: case R_DW_H: case R_DW_HOLIDAY: case R_DW_EASTER:
        return DK_AHEAD_DATE;
    default:
        return 0;
    }
}

/* Could a date start at token k?  Most tokens are answered by the hint
 * their lexeme left in their ahead (dk_date_hint), with one branch on
 * the answer: whether a word has a lexeme follows no pattern a branch
 * could learn. */
static int can_start(const dk_sent *s, int k)
{
    const dk_token *t = &s->tok[k];
    unsigned h = t->ahead & (DK_AHEAD_DATE | DK_AHEAD_DATE_ASK);
    if (!(t->flags & DK_TF_LEXED))   /* not tagged: no hint there */
        h = t->lex ? dk_date_hint(t->lex) : 0;
    h = t->type == DK_TOK_NUM ? DK_AHEAD_DATE : h;
    if (!h)
        return 0;
    if (h == DK_AHEAD_DATE)
        return 1;
    switch (dwr(s, k)) {
    case R_DW_THE: {
        const dk_token *n = tk(s, k + 1);
        return n && (n->type == DK_TOK_NUM ||
                     (n->lex && (lx(s, k + 1, LX_DATEWORD) ||
                                 lx(s, k + 1, LX_ORD) ||
                                 lx(s, k + 1, LX_CARD) ||
                                 lx(s, k + 1, LX_TUNIT))));
    }
    case R_DW_A:   /* "a year ago" */
        return lx(s, k + 1, LX_TUNIT) != NULL;
    default: {     /* the first word of a holiday: "new year", "earth day" */
        const dk_lexeme *x;
        return dk_lex_phrase(s->text, s->tok, s->ntok, k, LX_DATEWORD, &x) > 1;
    }
    }
}

/* A range connector at k: "-", "to", "through", "till", "until"; "and"
 * only after "between". */
static int range_conn(const dk_sent *s, int k, int between)
{
    const dk_lexent *r = lx(s, k, LX_RANGE);
    if (dk_tok_is(s, k, '~'))
        return 1;
    if (!r)
        return 0;
    if (!strcmp(r->sym, "and"))
        return between;
    return 1;
}

/* "2017-2018", "2020-2030": a glued dash between two years. */
static int year_pair(const dk_sent *s, int e, const dv *a, dv *out)
{
    if (a->span || !a->y || a->m || !glued_sep(s, e, '-'))
        return 0;
    int y2 = year_at(s, e + 1);
    if (!y2)
        return -(e + 2);
    if (y2 <= a->y || !free_side(s, e + 1, 1) ||
        count_word(s, e + 2, 0))
        return -(e + 2);
    set_span(out, dk_cal_days(a->y, 1, 1), dk_cal_days(y2, 12, 31));
    return e + 2;
}

/* Join a and b into one span; a year missing on one side comes from the
 * other.  Returns 0 when they do not make a forward range. */
static int join(const dk_sent *s, dv *a, dv *b, dv *out)
{
    if (!a->span && !b->span) {
        if (!a->y && b->y) {
            a->y = b->y;
            if (a->m > b->m && b->m)
                a->y--;
        } else if (!b->y && a->y) {
            b->y = a->y;
            if (b->m && a->m && b->m < a->m)
                b->y++;
        } else if (!a->y && !b->y && a->m && b->m && b->m < a->m &&
                   s->doc->year) {
            a->y = s->doc->year;
            b->y = a->y + 1;
        }
    }
    long a0, a1, b0, b1;
    if (!to_span(a, s->doc, &a0, &a1) || !to_span(b, s->doc, &b0, &b1))
        return 0;
    if (b1 < a0 || b0 < a0)
        return 0;
    set_span(out, a0, b1);
    return 1;
}

/* A date or range at i; *t0 gets the first token of the span (after
 * "from"/"between").  Returns the end, 0, or a negative veto. */
static int p_date(const dk_sent *s, int i, dv *v, int *t0)
{
    int between = 0, k = i;
    if (dwis(s, k, R_DW_BETWEEN))
        between = 1;
    if (between || dwis(s, k, R_DW_FROM))
        k++;
    if (k >= s->ntok)
        return 0;
    int e = p_mod(s, k, v);
    if (e <= 0)
        return e;
    *t0 = k;
    dv yp;
    int ey = year_pair(s, e, v, &yp);
    if (ey > 0)
        *v = yp;
    if (ey)
        return ey;
    if (range_conn(s, e, between) && e + 1 < s->ntok) {
        dv b, j;
        int e2 = p_mod(s, e + 1, &b);
        dv a = *v;
        if (e2 > 0 && join(s, &a, &b, &j)) {
            *v = j;
            return e2;
        }
    }
    return e;
}

void dk_recognise_dates(const dk_sent *s, dk_cands *out)
{
    pthread_once(&by_bit_once, by_bit_fill);
    for (int i = 0; i < s->ntok; i++) {
        if (!can_start(s, i))
            continue;
        dv v;
        int t0 = i;
        int e = p_date(s, i, &v, &t0);
        if (e < 0) {
            i = -e - 1;
            continue;
        }
        if (e == 0)
            continue;
        long a, b;
        if (to_span(&v, s->doc, &a, &b) && a <= b) {
            dk_cand *c = dk_cand_push(out, s, t0, e, DK_DATE, DK_PRIO_DATE);
            if (c)
                dk_cal_format(a, b, v.form, c->m.date, sizeof c->m.date);
        } else if (!v.span && !v.y && v.m && !s->doc->year) {
            /* no year anywhere: TimeML's "XXXX-03-28" */
            dk_cand *c = dk_cand_push(out, s, t0, e, DK_DATE, DK_PRIO_DATE);
            if (c && v.d)
                snprintf(c->m.date, sizeof c->m.date, "XXXX-%02d-%02d", v.m, v.d);
            else if (c)
                snprintf(c->m.date, sizeof c->m.date, "XXXX-%02d", v.m);
        }
        i = e - 1;
    }
}

int dk_date_at(const dk_sent *s, int i, int *t0, int *t1, int *y, int *m,
               int *d)
{
    dv v;
    pthread_once(&by_bit_once, by_bit_fill);
    int e = p_date(s, i, &v, t0);
    if (e <= 0 || v.span || !v.y)
        return 0;
    *t1 = e;
    *y = v.y;
    *m = v.m;
    *d = v.d;
    return 1;
}
