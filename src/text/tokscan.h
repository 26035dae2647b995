/*
 * tokscan.h - the tokenizer's loop (token.h), as an inline function with a
 * hook that sees each token as soon as it is read.  dk_tokenize (token.c)
 * calls it with no hook; the lexicon (src/recognise/lexicon.c,
 * dk_lex_tokenize) with its lookup, so that words are looked up while
 * their bytes are at hand and the tokens are walked once.  Private to
 * token.c and lexicon.c.
 *
 * Assumes a little-endian machine (eight bytes are read at once and the
 * first byte of the text is the low byte of the word).
 */
#ifndef DK_TOKSCAN_H
#define DK_TOKSCAN_H

#include <stddef.h>
#include <stdint.h>
#include "chars.h"
#include "token.h"
#include "utf8.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "tokscan.h reads eight bytes at a time little-endian"
#endif

#define DK_ONES 0x0101010101010101ull
#define DK_HIGHS 0x8080808080808080ull

/* The hook: called once for every token, after its fields are set.  head
 * is the token's first eight bytes lower-cased (ASCII), when the token is
 * a word of ASCII letters only and those bytes could be read at once:
 * bytes past the token's end are then zero when it is shorter than
 * eight, and the rest of a longer word is still in s.  Otherwise head
 * is 0 (a word always has a letter, so 0 is never a head). */
typedef void (*dk_tok_hook)(void *ctx, const unsigned char *s, size_t n,
                            dk_token *t, uint64_t head);

static inline int dk_ts_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static inline int dk_ts_letter(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* Read a number in digits at s[i]: "1,783,000", "28.3", "2017".  Thousands
 * groups need exactly three digits after each comma.  The value is the
 * integer part plus the fraction read as an integer and divided once, so
 * "28.3" is the double nearest 28.3.  Returns the end offset. */
static inline size_t dk_ts_number(const unsigned char *s, size_t n, size_t i,
                                  dk_token *t)
{
    double v = 0;
    int nd = 0;
    if (i + 1 < n && s[i] == '0' && dk_ts_digit(s[i + 1]))
        t->flags |= DK_TF_LEAD0;
    while (i < n && dk_ts_digit(s[i])) {
        v = v * 10 + (s[i] - '0');
        i++;
        nd++;
    }
    while (i + 3 < n && s[i] == ',' && dk_ts_digit(s[i + 1]) &&
           dk_ts_digit(s[i + 2]) && dk_ts_digit(s[i + 3]) &&
           (i + 4 >= n || !dk_ts_digit(s[i + 4]))) {
        v = v * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
            (s[i + 3] - '0');
        nd += 3;
        i += 4;
        t->flags |= DK_TF_GROUPS;
    }
    int nf = 0;
    if (i + 1 < n && s[i] == '.' && dk_ts_digit(s[i + 1])) {
        double f = 0, scale = 1;
        i++;
        while (i < n && dk_ts_digit(s[i])) {
            if (nf < 18) {
                f = f * 10 + (s[i] - '0');
                scale *= 10;
            }
            i++;
            nf++;
        }
        /* one correctly rounded division when both parts are exact */
        v = v * scale < 9007199254740992.0 ? (v * scale + f) / scale
                                           : v + f / scale;
        t->flags |= DK_TF_DECIMAL;
    }
    t->num = v;
    t->ndigits = (uint8_t)(nd > 255 ? 255 : nd);
    t->nfrac = (uint8_t)(nf > 255 ? 255 : nf);
    return i;
}

static inline int dk_ts_apostrophe(const unsigned char *s, size_t n, size_t i,
                                   int *len)
{
    if (s[i] == '\'') {
        *len = 1;
        return 1;
    }
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99) {
        *len = 3;
        return 1;
    }
    return 0;
}

/* The eight bytes x, SWAR: sets *lower to a mask with bit 7 of each byte
 * that is a lower-case ASCII letter, and returns a mask with bit 7 of
 * each byte that is not an ASCII letter at all. */
static inline uint64_t dk_ts_nonletters(uint64_t x, uint64_t *lower)
{
    uint64_t y = (x | 0x20 * DK_ONES) & 0x7F * DK_ONES;  /* folded, < 0x80 */
    uint64_t ge_a = y + (0x80 - 'a') * DK_ONES;          /* bit 7: y >= 'a' */
    uint64_t gt_z = y + (0x80 - 'z' - 1) * DK_ONES;      /* bit 7: y > 'z' */
    uint64_t letter = ge_a & ~gt_z & ~x & DK_HIGHS;
    *lower = letter & (x << 2);                          /* bit 5 -> bit 7 */
    return ~letter & DK_HIGHS;
}

/* Take the run of ASCII letters at s[i] eight bytes at a time while eight
 * bytes are there.  Adds to *letters, sets *lowers when one of them is
 * lower case; returns the new i. */
static inline size_t dk_ts_letters8(const unsigned char *s, size_t n,
                                    size_t i, int *letters, int *lowers)
{
    while (i + 8 <= n) {
        uint64_t x, lower, stop;
        __builtin_memcpy(&x, s + i, 8);
        stop = dk_ts_nonletters(x, &lower);
        if (stop) {
            int k = __builtin_ctzll(stop) >> 3;          /* letters before */
            uint64_t keep = k ? (~0ull >> (64 - 8 * k)) : 0;
            *letters += k;
            *lowers |= (lower & keep) != 0;
            return i + (size_t)k;
        }
        *letters += 8;
        *lowers |= lower != 0;
        i += 8;
    }
    return i;
}

/* Read a word whose first letter cp (len bytes) is at s[i]: letters, with
 * inner apostrophes.  ASCII letters are taken in a tight loop; anything
 * else goes through the UTF-8 decoder.  Sets the word flags and returns
 * the end offset.  Out of line: most words never get here. */
static __attribute__((noinline)) size_t
dk_ts_word(const unsigned char *s, size_t n, size_t i, uint32_t cp, int len,
           dk_token *t)
{
    int letters = 0, ascii = 1, lowers = 0;
    if (dk_cp_is_upper(cp))
        t->flags |= DK_TF_CAP;
    for (;;) {
        letters++;
        lowers |= !dk_cp_is_upper(cp);
        if (cp >= 0x80)
            ascii = 0;
        i += (size_t)len;
        /* ASCII letters; "lowers" says one of the letters is not upper case */
        i = dk_ts_letters8(s, n, i, &letters, &lowers);
        while (i < n && dk_ts_letter(s[i])) {
            letters++;
            lowers |= s[i] >= 'a';
            i++;
        }
        if (i >= n)
            break;
        int al;
        if (dk_ts_apostrophe(s, n, i, &al) && i + (size_t)al < n) {
            uint32_t nx;
            dk_utf8_decode(s + i + al, n - i - (size_t)al, &nx);
            if (dk_cp_is_letter(nx)) {
                i += (size_t)al;
                len = dk_utf8_decode(s + i, n - i, &cp);
                continue;
            }
        }
        if (s[i] < 0x80)
            break;
        len = dk_utf8_decode(s + i, n - i, &cp);
        if (!dk_cp_is_letter(cp))
            break;
    }
    if (letters >= 2 && lowers == 0)
        t->flags |= DK_TF_UPPER;
    if (ascii)
        t->flags |= DK_TF_ASCII;
    return i;
}

/* The word of ASCII letters whose first letter c is at s[i]; sets the
 * word flags, *head (see dk_tok_hook) and returns the end offset. */
static inline size_t dk_ts_ascii_word(const unsigned char *s, size_t n,
                                      size_t i, unsigned char c, dk_token *t,
                                      uint64_t *head)
{
    int letters, lowers;
    size_t j;
    *head = 0;
    if (i + 8 <= n) {
        uint64_t x, lower, stop;
        __builtin_memcpy(&x, s + i, 8);
        stop = dk_ts_nonletters(x, &lower);
        if (stop) {   /* the usual word: shorter than eight letters */
            int k = __builtin_ctzll(stop) >> 3;   /* >= 1: c is a letter */
            unsigned b = (unsigned)(x >> (8 * k)) & 0xFF;   /* after it */
            if (b >= 0x80 || b == '\'')
                return dk_ts_word(s, n, i, c, 1, t);
            uint64_t keep = ~0ull >> (64 - 8 * k);
            t->flags |= DK_TF_ASCII | (c < 'a' ? DK_TF_CAP : 0) |
                        (k >= 2 && !(lower & keep) ? DK_TF_UPPER : 0);
            *head = (x | 0x20 * DK_ONES) & keep;
            return i + (size_t)k;
        }
        letters = 8;
        lowers = lower != 0;
        *head = x | 0x20 * DK_ONES;
        j = dk_ts_letters8(s, n, i + 8, &letters, &lowers);
    } else {
        letters = 1;
        lowers = c >= 'a';
        j = i + 1;
    }
    while (j < n && dk_ts_letter(s[j])) {
        letters++;
        lowers |= s[j] >= 'a';
        j++;
    }
    /* a word that goes on with an apostrophe or a non-ASCII letter */
    if (j < n && (s[j] >= 0x80 || s[j] == '\'')) {
        *head = 0;
        return dk_ts_word(s, n, i, c, 1, t);
    }
    t->flags |= DK_TF_ASCII | (c < 'a' ? DK_TF_CAP : 0) |
                (letters >= 2 && !lowers ? DK_TF_UPPER : 0);
    return j;
}

/* Split s[0, n) into at most max tokens (dk_tokenize), calling hook (when
 * not NULL) with ctx on each. */
static inline __attribute__((always_inline)) int
dk_tokenize_with(const char *str, size_t n, dk_token *tok, int max,
                 dk_tok_hook hook, void *ctx)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    int nt = 0;
    int space = 1;
    while (i < n && nt < max) {
        unsigned char c = s[i];
        if (c == ' ') {   /* one space, then mostly a word */
            space = 1;
            if (++i >= n || (c = s[i]) == ' ')
                continue;
        }
        dk_token *t = &tok[nt];
        uint64_t head = 0;
        if (dk_ts_letter(c)) {   /* the usual token first */
            *t = (dk_token){.start = (uint32_t)i, .type = DK_TOK_WORD,
                            .flags = space ? DK_TF_SPACE : 0};
            i = dk_ts_ascii_word(s, n, i, c, t, &head);
        } else {
            /* ASCII needs no decoding; only other white space is left to
             * dk_space_len */
            int sp = c < 0x80 ? (c >= '\t' && c <= '\r')
                              : dk_space_len(s + i, n - i);
            if (sp) {
                i += (size_t)sp;
                space = 1;
                continue;
            }
            *t = (dk_token){.start = (uint32_t)i,
                            .flags = space ? DK_TF_SPACE : 0};
            if (dk_ts_digit(c)) {
                t->type = DK_TOK_NUM;
                i = dk_ts_number(s, n, i, t);
            } else if (c < 0x80) {
                t->type = DK_TOK_PUNCT;
                i++;
            } else {
                uint32_t cp;
                int len = dk_utf8_decode(s + i, n - i, &cp);
                if (dk_cp_is_letter(cp)) {
                    t->type = DK_TOK_WORD;
                    i = dk_ts_word(s, n, i, cp, len, t);
                } else {
                    t->type = DK_TOK_PUNCT;
                    i += (size_t)len;
                }
            }
        }
        space = 0;
        t->end = (uint32_t)i;
        if (hook)
            hook(ctx, s, n, t, head);
        nt++;
    }
    return nt;
}

#endif
