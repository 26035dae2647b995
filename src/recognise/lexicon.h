/*
 * lexicon.h - the language dictionary of the recognisers: number words,
 * scales, ordinals, fractions, months, weekdays, currencies, units, time
 * units, qualifiers and date words.  The words live in data/en/ (TSV files); at
 * build time tools/lexgen turns them into a static hash table
 * (build/gen/lexicon_data.c), so lookups cost one hash and a compare and
 * nothing is loaded at run time.
 *
 * A key is one or more tokens, written the way dk_lex_key builds it:
 * token texts lower-cased (ASCII), joined by one space where the text has
 * white space and by nothing where it has none ("u.s. dollars",
 * "twenty-foot containers", "per cent").  Every proper prefix of a
 * multi-token key is in the table too, marked is_prefix, so a phrase match
 * stops as soon as no longer key can follow.
 */
#ifndef DK_LEXICON_H
#define DK_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include "../text/token.h"

/* Classes of entries.  The names in the TSV files are in lexgen.c. */
enum dk_lexclass {
    LX_CARD = 1,   /* cardinal word: "twenty" value 20, "dozen" 12 */
    LX_SCALE,      /* multiplier: "million" 1e6, "bn" 1e9 */
    LX_ORD,        /* ordinal word: "fourth" 4 */
    LX_ORDSUF,     /* ordinal suffix after digits: "st" "nd" "rd" "th" */
    LX_FRAC,       /* fraction denominator: "tenth" 10, "half" 2 */
    LX_MONTH,      /* month: value 1-12 */
    LX_WEEKDAY,    /* weekday: value 1 (Monday) - 7 (Sunday) */
    LX_CURRENCY,   /* currency: sym = ISO 4217, value = factor (0.01 cent) */
    LX_UNIT,       /* unit of measure: sym = unit, value = factor */
    LX_TUNIT,      /* time unit: sym = minute..year, value = factor */
    LX_QUAL,       /* qualifier: sym = approx | over | under */
    LX_PERCENT,    /* "%", "percent", "per cent": value = 1 */
    LX_DATEWORD,   /* date words: sym says which (last, next, ago, ...) */
    LX_RANGE,      /* range connector: "to", "-", "and" (sym = how) */
    LX_COUNTED,    /* nouns counted as quantities: sym = unit ("people") */
    LX_NAMEWORD,   /* words that make a following/preceding number a name */
    LX_NUMOP,      /* number operators: sym point | neg | ratio | ratio1 */
    LX_CTX,        /* context words of the figure filters: sym says which
                      (title, event, backref, det, rank, term, popcue,
                      discourse, oneafter, onebefore, enumverb) */
    LX_VFRAC,      /* vulgar fraction character: value = the fraction */
    LX_CLASS_MAX
};
_Static_assert(LX_CLASS_MAX <= 32, "a class is a bit of dk_lexeme.cmask");

/* Entry flags. */
enum dk_lexflag {
    LXF_PRE = 1 << 0,    /* stands before the number ("$", "USD") */
    LXF_POST = 1 << 1,   /* stands after the number ("dollars", "km") */
    LXF_CAP = 1 << 2,    /* counts only when capitalised ("May") */
    LXF_ABBR = 1 << 3,   /* abbreviation, may take a full stop ("Sept.") */
    LXF_PLURAL = 1 << 4, /* plural form ("tenths", "dollars") */
    LXF_AMBIG = 1 << 5,  /* needs context ("m", "second", "may") */
    LXF_CASE = 1 << 6    /* must match case exactly as written ("MB") */
};

typedef struct dk_lexent {
    uint8_t cls;
    uint8_t flags;
    double value;
    const char *sym;
    const char *orig;   /* the key as written in the TSV (for LXF_CASE) */
} dk_lexent;

typedef struct dk_lexeme {
    const char *key;
    uint16_t keylen;
    uint8_t ntok;        /* tokens in the key */
    uint8_t is_prefix;   /* a longer key starts with this one */
    uint16_t nent;       /* entries (0 for a pure prefix) */
    const dk_lexent *ent;
    uint32_t cmask;      /* DK_LXBIT of the classes of ent[] */
    uint32_t reach;      /* the classes of this key and of every key that
                            starts with it: dk_lex_phrase of a class not in
                            it finds nothing */
} dk_lexeme;

/* The bit of class cls in cmask and reach. */
#define DK_LXBIT(cls) (1u << (cls))

/* Look up a key (already in key form).  NULL when absent. */
const dk_lexeme *dk_lex_find(const char *key, size_t n);

/* The first entry of class cls (0 = any) in x, or NULL.  Inline: the
 * recognisers ask it for most tokens, and most have no lexeme. */
static inline const dk_lexent *dk_lex_get(const dk_lexeme *x, int cls)
{
    if (!x || (cls && !(x->cmask & DK_LXBIT(cls))))
        return NULL;
    for (int k = 0; k < x->nent; k++)
        if (cls == 0 || x->ent[k].cls == cls)
            return &x->ent[k];
    return NULL;
}

int dk_lex_phrase_at(const char *s, const dk_token *tok, int ntok, int i,
                     int cls, const dk_lexeme **out);

/* Longest key made of tokens tok[i], tok[i+1], ... (s = sentence text)
 * that has an entry of class cls (0 = any).  Returns the number of
 * tokens matched (0 if none) and the lexeme in *out.  Inline: at a token
 * dk_lex_tag looked up, the answer is mostly "none", from the reach of
 * its lexeme; dk_lex_phrase_at does the rest. */
static inline int dk_lex_phrase(const char *s, const dk_token *tok, int ntok,
                                int i, int cls, const dk_lexeme **out)
{
    if (i >= 0 && i < ntok && (tok[i].flags & DK_TF_LEXED) &&
        (!tok[i].lex || (cls && !(tok[i].lex->reach & DK_LXBIT(cls))))) {
        *out = NULL;
        return 0;
    }
    return dk_lex_phrase_at(s, tok, ntok, i, cls, out);
}

/* Set tok[k].lex for every token from the one-token keys. */
void dk_lex_tag(const char *s, dk_token *tok, int ntok);

/* Append token t's key text to out[*len], lower-cased, with a leading
 * space when sep is set.  Returns 0, or -1 when out (size cap) is full. */
int dk_lex_key_append(const char *s, const dk_token *t, int sep, char *out,
                      size_t *len, size_t cap);

#endif
