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

/* Roles: the syms the recognisers test in their inner loops, as small
 * numbers in dk_lexent.role, so that a test is one compare, not a strcmp.
 * tools/lexgen gives each entry the role listed for its class and sym
 * here, R_NONE for a pair not listed (its sym is still there as text).
 * X(name, class, sym) makes R_name. */
#define DK_LEX_ROLES(X)                                                    \
    X(DW_THE, LX_DATEWORD, "the")         X(DW_A, LX_DATEWORD, "a")         \
    X(DW_LAST, LX_DATEWORD, "last")       X(DW_NEXT, LX_DATEWORD, "next")   \
    X(DW_THIS, LX_DATEWORD, "this")       X(DW_AGO, LX_DATEWORD, "ago")     \
    X(DW_EARLIER, LX_DATEWORD, "earlier")                                   \
    X(DW_AFTER, LX_DATEWORD, "after")     X(DW_BEFORE, LX_DATEWORD, "before") \
    X(DW_BETWEEN, LX_DATEWORD, "between") X(DW_FROM, LX_DATEWORD, "from")   \
    X(DW_OF, LX_DATEWORD, "of")           X(DW_IN, LX_DATEWORD, "in")       \
    X(DW_ON, LX_DATEWORD, "on")           X(DW_PREP, LX_DATEWORD, "prep")   \
    X(DW_MOD, LX_DATEWORD, "mod")         X(DW_MODOF, LX_DATEWORD, "modof") \
    X(DW_CALENDAR, LX_DATEWORD, "calendar") X(DW_Q, LX_DATEWORD, "q")       \
    X(DW_H, LX_DATEWORD, "h")             X(DW_HALF, LX_DATEWORD, "half")   \
    X(DW_QUARTER, LX_DATEWORD, "quarter") X(DW_WEEKEND, LX_DATEWORD, "weekend") \
    X(DW_WEEKOF, LX_DATEWORD, "weekof")   X(DW_DECADE, LX_DATEWORD, "decade") \
    X(DW_NOW, LX_DATEWORD, "now")         X(DW_TODAY, LX_DATEWORD, "today") \
    X(DW_FUTURE, LX_DATEWORD, "future")                                     \
    X(DW_YESTERDAY, LX_DATEWORD, "yesterday")                               \
    X(DW_TOMORROW, LX_DATEWORD, "tomorrow")                                 \
    X(DW_DAYBEFOREYESTERDAY, LX_DATEWORD, "daybeforeyesterday")             \
    X(DW_DAYAFTERTOMORROW, LX_DATEWORD, "dayaftertomorrow")                 \
    X(DW_HOLIDAY, LX_DATEWORD, "holiday") X(DW_EASTER, LX_DATEWORD, "easter") \
    X(DW_THANKSGIVING, LX_DATEWORD, "thanksgiving")                         \
    X(DW_BLACKFRIDAY, LX_DATEWORD, "blackfriday")                           \
    X(CTX_A, LX_CTX, "a")                 X(CTX_BACKREF, LX_CTX, "backref") \
    X(CTX_CHANGE, LX_CTX, "change")                                         \
    X(CTX_BETWEEN, LX_CTX, "between")     X(CTX_DATEPART, LX_CTX, "datepart") \
    X(CTX_DET, LX_CTX, "det")             X(CTX_DIMADJ, LX_CTX, "dimadj")   \
    X(CTX_DISCOURSE, LX_CTX, "discourse") X(CTX_ENUMVERB, LX_CTX, "enumverb") \
    X(CTX_EVENT, LX_CTX, "event")         X(CTX_FURNITURE, LX_CTX, "furniture") \
    X(CTX_ONEAFTER, LX_CTX, "oneafter")   X(CTX_ONEBEFORE, LX_CTX, "onebefore") \
    X(CTX_PHONE, LX_CTX, "phone")         X(CTX_POPCUE, LX_CTX, "popcue")   \
    X(CTX_RANK, LX_CTX, "rank")           X(CTX_TEMPERATURE, LX_CTX, "temperature") \
    X(CTX_TERM, LX_CTX, "term")           X(CTX_TIMES, LX_CTX, "times")     \
    X(CTX_TITLE, LX_CTX, "title")                                           \
    X(NUMOP_NEG, LX_NUMOP, "neg")         X(NUMOP_POINT, LX_NUMOP, "point") \
    X(NUMOP_RATIO, LX_NUMOP, "ratio")     X(NUMOP_RATIO1, LX_NUMOP, "ratio1") \
    X(NUMOP_RATIO2, LX_NUMOP, "ratio2")   X(NUMOP_RATIO2B, LX_NUMOP, "ratio2b") \
    X(RANGE_AND, LX_RANGE, "and")         X(RANGE_DASH, LX_RANGE, "dash")   \
    X(RANGE_TO, LX_RANGE, "to")                                             \
    X(QUAL_APPROX, LX_QUAL, "approx")     X(QUAL_OVER, LX_QUAL, "over")     \
    X(QUAL_UNDER, LX_QUAL, "under")                                         \
    X(CARD_ADV, LX_CARD, "adv")           X(CARD_APPROX, LX_CARD, "approx")

enum dk_lexrole {
    R_NONE = 0,
#define DK_ROLE_ENUM(name, cls, sym) R_##name,
    DK_LEX_ROLES(DK_ROLE_ENUM)
#undef DK_ROLE_ENUM
    R_MAX
};
_Static_assert(R_MAX <= 256, "a role is a byte of dk_lexent");

typedef struct dk_lexent {
    uint8_t cls;
    uint8_t flags;
    uint8_t role;       /* R_* of (cls, sym), R_NONE when not listed */
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
    uint32_t spaced;     /* the classes of the longer keys that go on with
                            a space after this one ("per" -> "per cent") */
    uint32_t glued;      /* ... with another byte ("a" -> "a$"; never a
                            letter after a letter: one word) */
} dk_lexeme;

/* Every lexeme of the table, dk_lex_nwords of them (generated). */
extern const dk_lexeme dk_lex_words[];
extern const uint32_t dk_lex_nwords;

/* The bit of class cls in the masks. */
#define DK_LXBIT(cls) (1u << (cls))

/* Could a key with a class in mask start at token i, which dk_lex_tag
 * looked up?  From the classes of its lexeme and of the longer keys that
 * can follow it, as the next token is spaced or glued. */
static inline int dk_lex_may_start(const dk_token *tok, int ntok, int i,
                                   uint32_t mask)
{
    const struct dk_lexeme *x = tok[i].lex;
    if (!x)
        return 0;
    if (x->cmask & mask)
        return 1;
    if (i + 1 >= ntok)
        return 0;
    return ((tok[i + 1].flags & DK_TF_SPACE) ? x->spaced : x->glued) & mask;
}

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
 * its lexeme and the next token; dk_lex_phrase_at does the rest. */
static inline int dk_lex_phrase(const char *s, const dk_token *tok, int ntok,
                                int i, int cls, const dk_lexeme **out)
{
    if (i >= 0 && i < ntok && (tok[i].flags & DK_TF_LEXED) &&
        (!tok[i].lex ||
         (cls && !dk_lex_may_start(tok, ntok, i, DK_LXBIT(cls))))) {
        *out = NULL;
        return 0;
    }
    return dk_lex_phrase_at(s, tok, ntok, i, cls, out);
}

/* Set tok[k].lex for every token from the one-token keys, and
 * tok[k].ahead: the classes (DK_LXBIT) of the lexemes of tokens k, k+1,
 * ... to the end, with DK_AHEAD_DIGITS when one of them is a number in
 * digits.  A recogniser that needs a month or a time unit later on asks
 * it before reading on. */
void dk_lex_tag(const char *s, dk_token *tok, int ntok);

/* dk_tokenize and dk_lex_tag in one pass: the same tokens, each word
 * looked up while the tokenizer holds its bytes. */
int dk_lex_tokenize(const char *s, size_t n, dk_token *tok, int max);

/* In dk_token.ahead: a number in digits (bit 0: no class is 0). */
#define DK_AHEAD_DIGITS DK_LXBIT(0)
/* In dk_token.ahead: a word that names a part of a year by its length
 * (a time unit "month", "week" or "day" of value 1, or the date word
 * "quarter" or "half"), which "the first two months of 2020" needs
 * after its count; set by lexgen beside the classes. */
#define DK_AHEAD_PART (1u << 31)
/* In dk_token.ahead: a holiday ("easter", "thanksgiving": a date word of
 * a holiday role), or the first word of one ("new" of "new year's
 * day"). */
#define DK_AHEAD_HOLIDAY (1u << 30)
/* In dk_token.ahead, of the token alone (tag_ahead does not pass them to
 * the tokens before it): what the recognisers said of its lexeme, so
 * that they pass over most tokens without reading their lexemes.
 * DK_AHEAD_FIGURE, DK_AHEAD_PHONE: dk_figure_hint; DK_AHEAD_DATE,
 * DK_AHEAD_DATE_ASK: dk_date_hint (recognise.h).  A token with no lexeme has none. */
#define DK_AHEAD_FIGURE (1u << 29)
#define DK_AHEAD_DATE (1u << 28)
#define DK_AHEAD_DATE_ASK (1u << 27)
#define DK_AHEAD_PHONE (1u << 26)
#define DK_AHEAD_OWN (DK_AHEAD_FIGURE | DK_AHEAD_DATE | DK_AHEAD_DATE_ASK | \
                      DK_AHEAD_PHONE)
_Static_assert(LX_CLASS_MAX < 26, "DK_AHEAD_* are no class bits");
_Static_assert(LX_CARD == 1, "DK_AHEAD_DIGITS is no class bit");

/* Append token t's key text to out[*len], lower-cased, with a leading
 * space when sep is set.  Returns 0, or -1 when out (size cap) is full. */
int dk_lex_key_append(const char *s, const dk_token *t, int sep, char *out,
                      size_t *len, size_t cap);

#endif
