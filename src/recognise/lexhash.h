/*
 * lexhash.h - the hash of lexicon keys and the layout of the generated
 * hash table (lexicon.h), shared by tools/lexgen, which places the keys,
 * and lexicon.c, which looks them up.
 *
 * A key is hashed eight bytes at a time: the bytes in little-endian
 * order, the last group padded with zero bytes, each mixed into a state
 * that starts as the key's length.  A word of up to eight letters, which
 * the tokenizer reads in one load (tokscan.h), costs one mix.  The slot
 * is the top bits of the hash.
 */
#ifndef DK_LEXHASH_H
#define DK_LEXHASH_H

#include <stddef.h>
#include <stdint.h>

/* A slot of the table: the first eight bytes of the key (as hashed),
 * its length, its lexeme (index in dk_lex_words; len 0: an empty slot)
 * and what the lexeme puts in dk_token.ahead (its cmask and the
 * DK_AHEAD_* bits of lexicon.h), so a lookup reads one line. */
typedef struct dk_lexslot {
    uint64_t head;
    uint16_t len;
    uint16_t word;
    uint32_t ahead;
} dk_lexslot;

/* The filter beside the table: bit DK_LEX_FBIT(h) of dk_lex_filter is
 * set when a key has the hash h there.  A word that is no key (most words
 * of a text) is mostly turned away by it, from 4 KB that stay in the
 * first-level cache, without reading the table. */
#define DK_LEX_FILTER_BITS 15
#define DK_LEX_FWORD(h) ((size_t)((h) >> (64 - DK_LEX_FILTER_BITS + 6)))
#define DK_LEX_FBIT(h) ((unsigned)((h) >> (64 - DK_LEX_FILTER_BITS)) & 63)

static inline uint64_t dk_lex_mix(uint64_t h, uint64_t group)
{
    h = (h ^ group) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}

/* dk_lex_mix without its last step, which only changes the low 35 bits
 * (h >> 29 has its top 29 bits zero): the top bits of a one-group key's
 * hash, all that its slot (at most 2^18 slots: 65536 keys, a third full)
 * and its filter bit are read from, a step sooner. */
static inline uint64_t dk_lex_mix_top(uint64_t h, uint64_t group)
{
    return (h ^ group) * 0x9E3779B97F4A7C15ull;
}

/* The group of bytes p[0, r), 1 <= r <= 8, zero-padded. */
static inline uint64_t dk_lex_group(const char *p, size_t r)
{
    uint64_t g = 0;
    for (size_t k = 0; k < r && k < 8; k++)
        g |= (uint64_t)(unsigned char)p[k] << (8 * k);
    return g;
}

/* The hash of key[0, n), n >= 1, byte by byte (lexgen, tests). */
static inline uint64_t dk_lex_hash(const char *key, size_t n)
{
    uint64_t h = n;
    for (size_t o = 0; o < n; o += 8)
        h = dk_lex_mix(h, dk_lex_group(key + o, n - o));
    return h;
}

#endif
