/*
 * token.h - the tokenizer: a sentence's bytes become words, numbers and
 * punctuation, each with its byte span and a few flags.  Numbers in
 * digits are read here ("1,783" -> 1783, "28.3" -> 28.3); everything that
 * needs a dictionary happens later.  The tokenizer allocates nothing: the
 * caller passes the token array.
 */
#ifndef DK_TOKEN_H
#define DK_TOKEN_H

#include <stddef.h>
#include <stdint.h>

enum dk_token_type {
    DK_TOK_WORD = 1,   /* letters, with inner apostrophes ("Xi'an") */
    DK_TOK_NUM = 2,    /* digits, with thousands groups and a decimal part */
    DK_TOK_PUNCT = 3   /* any other single character ("$", "-", "€") */
};

enum dk_token_flags {
    DK_TF_SPACE = 1 << 0,   /* white space before the token */
    DK_TF_CAP = 1 << 1,     /* word starts with an upper-case letter */
    DK_TF_UPPER = 1 << 2,   /* word of 2+ letters, all upper case */
    DK_TF_GROUPS = 1 << 3,  /* number written with thousands separators */
    DK_TF_DECIMAL = 1 << 4, /* number with a decimal part */
    DK_TF_LEAD0 = 1 << 5,   /* number of 2+ digits starting with 0 */
    DK_TF_ASCII = 1 << 6,   /* word is pure ASCII */
    DK_TF_LEXED = 1 << 7    /* lex holds the one-token lookup (dk_lex_tag) */
};

struct dk_lexeme;

typedef struct dk_token {
    uint32_t start, end;          /* bytes of the sentence, end exclusive */
    uint8_t type;
    uint8_t flags;
    uint8_t ndigits;              /* DK_TOK_NUM: digits before the point */
    uint8_t nfrac;                /* DK_TOK_NUM: digits after the point */
    uint32_t ahead;               /* set with lex: what this token and the
                                     ones after it in the sentence are
                                     (lexicon.h, dk_lex_tag) */
    const struct dk_lexeme *lex;  /* dictionary entry, set by the caller */
    double num;                   /* DK_TOK_NUM: the value */
} dk_token;

/* Split s[0, n) into at most max tokens.  Returns the number of tokens
 * written; when the sentence has more, the rest is not tokenized. */
int dk_tokenize(const char *s, size_t n, dk_token *tok, int max);

/* Copy the token's text, ASCII letters lower-cased, into out (size cap),
 * NUL-terminated.  Returns its length, or -1 if it does not fit. */
int dk_token_lower(const char *s, const dk_token *t, char *out, size_t cap);

#endif
