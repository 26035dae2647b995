/*
 * number.h - reading one number at a token position: digits with scale
 * words ("1.4 billion", "20 thousand", "10k"), spelled numbers ("one
 * hundred and twenty", "twenty-five", "nine point nought four"),
 * fractions ("one-tenth", "two-thirds", "3/4", "a half", "½", "one and a
 * half", "half a million", "two thirds of a million"), spelled ordinals
 * ("twenty-first", "one hundred twenty-fifth"), signs ("minus five",
 * "-1"), exponents ("1.3e6", "1.1^23") and ratios ("one over three").
 * Used by every recogniser that needs a number.  No allocation: the
 * words come from the lexicon tags of the tokens.
 */
#ifndef DK_NUMBER_H
#define DK_NUMBER_H

#include <string.h>
#include "recognise.h"

typedef struct dk_num {
    int t0, t1;          /* tokens [t0, t1) */
    double value;
    int spelled;         /* made of words, at least in part */
    int fraction;        /* a fraction: "one-tenth", "3/4", "half" */
    int scaled;          /* digits with a scale word: "1.4 billion", "10k"
                            (not set for spelled numbers: "two thousand") */
    int hasscale;        /* any scale word: "1.4 billion", "four billion" */
    int digits;          /* a lone digit token: its digit count, else 0 */
    int ordinal;         /* an ordinal: "twenty-first", "3rd" */
    int approx;          /* "several thousand": value 3 x thousand */
    int nwords;          /* number words read (cardinals and scales) */
} dk_num;

/* Read the longest number starting at token i.  Returns 1 and fills out,
 * or 0 when no number starts there.  With s->nums, the answer is kept
 * there for the next recogniser that asks at the same token. */
int dk_number_at(const dk_sent *s, int i, dk_num *out);

/* The answers of dk_number_at for one sentence, so that the figure and
 * date recognisers read each number once: a direct-mapped table by token
 * index, tagged with the sentence.  Owned by the engine; allocated once,
 * nothing per sentence. */
#define DK_NUMCACHE_SLOTS 1024
typedef struct dk_numslot {
    uint32_t sentence;   /* dk_numcache.sentence when filled */
    int i, ok;           /* token; dk_number_at's return */
    dk_num n;
} dk_numslot;

typedef struct dk_numcache {
    uint32_t sentence;   /* the current sentence's serial number */
    dk_numslot slot[DK_NUMCACHE_SLOTS];
} dk_numcache;

/* Start a new sentence: forget every answer. */
void dk_numcache_next(dk_numcache *c);


/* Is token k the punctuation character c (ASCII)? */
static inline int dk_tok_is(const dk_sent *s, int k, char c)
{
    if (k < 0 || k >= s->ntok || s->tok[k].type != DK_TOK_PUNCT)
        return 0;
    const dk_token *t = &s->tok[k];
    return t->end - t->start == 1 && s->text[t->start] == c;
}

/* Is there no white space between tokens k-1 and k? */
static inline int dk_tok_glued(const dk_sent *s, int k)
{
    return k > 0 && k < s->ntok && !(s->tok[k].flags & DK_TF_SPACE);
}

/* The entry of class cls of token k (NULL when none or out of range). */
static inline const dk_lexent *dk_tok_lex(const dk_sent *s, int k, int cls)
{
    if (k < 0 || k >= s->ntok)
        return NULL;
    return dk_lex_get(s->tok[k].lex, cls);
}

/* Does token k have a context entry (class LX_CTX) with this sym? */
int dk_tok_ctx(const dk_sent *s, int k, const char *sym);

/* Does token k have an entry of class cls with this role (R_*, see
 * lexicon.h)?  dk_tok_ctx by number: no string compare. */
static inline int dk_tok_role(const dk_sent *s, int k, int cls, int role)
{
    if (k < 0 || k >= s->ntok)
        return 0;
    const dk_lexeme *x = s->tok[k].lex;
    if (!x || !(x->cmask & DK_LXBIT(cls)))
        return 0;
    for (int e = 0; e < x->nent; e++)
        if (x->ent[e].cls == cls && x->ent[e].role == role)
            return 1;
    return 0;
}

/* The classes of the words a number can start with: "twenty", "a",
 * "hundred thousand", "fourth", "half", "½" (of the number operators,
 * only a sign starts one: "minus", "negative"). */
#define DK_NUM_FIRST (DK_LXBIT(LX_CARD) | DK_LXBIT(LX_SCALE) | DK_LXBIT(LX_ORD) | \
                      DK_LXBIT(LX_FRAC) | DK_LXBIT(LX_VFRAC))

/* A cheap first test: 0 when no number can start at token i (a word
 * that is no number word, most punctuation), so dk_number_at finds none;
 * 1 when one may. */
static inline int dk_number_may_start(const dk_sent *s, int i)
{
    if (i < 0 || i >= s->ntok)
        return 0;
    const dk_token *t = &s->tok[i];
    if (t->type == DK_TOK_NUM || (t->lex && (t->lex->cmask & DK_NUM_FIRST)))
        return 1;
    if (dk_tok_role(s, i, LX_NUMOP, R_NUMOP_NEG))
        return 1;
    /* a sign or a point glued to digits: "-1", ".08" */
    return t->type == DK_TOK_PUNCT && t->end - t->start == 1 &&
           (s->text[t->start] == '-' || s->text[t->start] == '.') &&
           i + 1 < s->ntok && s->tok[i + 1].type == DK_TOK_NUM &&
           !(s->tok[i + 1].flags & DK_TF_SPACE);
}

/* Does the text of token k equal w exactly (case-sensitive)?  Inline,
 * so that the length of a literal w is known at compile time. */
static inline int dk_tok_text(const dk_sent *s, int k, const char *w)
{
    if (k < 0 || k >= s->ntok)
        return 0;
    size_t n = s->tok[k].end - s->tok[k].start;
    return strlen(w) == n && memcmp(s->text + s->tok[k].start, w, n) == 0;
}

/* Entry of class cls in lexeme x whose case rule fits the text s[a, b):
 * entries flagged LXF_CASE must match their written form exactly. */
const dk_lexent *dk_lex_get_cased(const dk_lexeme *x, int cls,
                                  const char *s, size_t a, size_t b);

#endif
