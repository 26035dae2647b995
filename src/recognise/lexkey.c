/*
 * lexkey.c - how a run of tokens becomes a lexicon key (lexicon.h).  Kept
 * apart from the lookups so that tools/lexgen builds keys the same way
 * the recognisers do without needing the generated table.
 */
#include "lexicon.h"

int dk_lex_key_append(const char *s, const dk_token *t, int sep, char *out,
                      size_t *len, size_t cap)
{
    size_t n = t->end - t->start;
    if (*len + n + 2 > cap)
        return -1;
    if (sep)
        out[(*len)++] = ' ';
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[t->start + k];
        out[(*len)++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
    out[*len] = '\0';
    return 0;
}
