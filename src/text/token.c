/*
 * token.c - the tokenizer (see token.h).  One pass, no allocation; the
 * loop itself is in tokscan.h, which the lexicon shares to look words up
 * as they are read.
 */
#include "token.h"
#include "tokscan.h"

int dk_tokenize(const char *s, size_t n, dk_token *tok, int max)
{
    return dk_tokenize_with(s, n, tok, max, NULL, NULL);
}

int dk_token_lower(const char *s, const dk_token *t, char *out, size_t cap)
{
    size_t n = t->end - t->start;
    if (n + 1 > cap)
        return -1;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[t->start + k];
        out[k] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
    out[n] = '\0';
    return (int)n;
}
