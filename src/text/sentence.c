/*
 * sentence.c - the sentence splitter (rules in sentence.h).
 */
#include <string.h>
#include "sentence.h"
#include "chars.h"
#include "utf8.h"

/* Words whose full stop does not end a sentence, lower case. */
static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt",
    "col", "capt", "st", "mt", "jr", "sr", "inc", "ltd", "co", "corp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "no", "nos", "vs", NULL
};

static int is_alpha_ascii(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Start of the UTF-8 character that ends just before t[i] (i > 0). */
static size_t char_before(const unsigned char *u, size_t i)
{
    size_t c = i - 1;
    while (c > 0 && (u[c] & 0xC0) == 0x80 && i - c < 4)
        c--;
    return c;
}

/* Is the full stop at t[i] part of an abbreviation?  The word before it
 * is the run of letters and full stops (any script, as the scorer's
 * str.isalpha); it is one when it is a single letter ("A.", "Ж."), has
 * an inner full stop ("U.S.") or is in the list ("Sept."). */
static int stop_is_abbreviation(const char *t, size_t i)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t a = i;
    int dotted = 0, letters = 0, ascii = 1;
    while (a > 0) {
        size_t c = char_before(u, a);
        if (u[c] == '.') {
            dotted = 1;
        } else if (u[c] < 0x80) {
            if (!is_alpha_ascii(u[c]))
                break;
            letters++;
        } else {
            uint32_t cp;
            if (dk_utf8_decode(u + c, a - c, &cp) != (int)(a - c) ||
                !dk_cp_is_letter(cp))
                break;
            letters++;
            ascii = 0;
        }
        a = c;
    }
    size_t len = i - a;
    if (len == 0)
        return 0;
    if (letters == 1 && !dotted)
        return 1;
    if (dotted)
        return 1;
    if (!ascii || len > 4)
        return 0;
    char low[5];
    for (size_t k = 0; k < len; k++)
        low[k] = (char)(t[a + k] | 0x20);
    low[len] = '\0';
    for (int k = 0; abbreviations[k]; k++)   /* first letters, then all */
        if (abbreviations[k][0] == low[0] && strcmp(low, abbreviations[k]) == 0)
            return 1;
    return 0;
}

/* Upper case as the scorer's str.isupper sees it, for the scripts news
 * about Kazakhstan uses: chars.h's classes plus the Cyrillic extensions
 * (Kazakh Қ Ң Ө Ұ Ү Һ Ә Ғ), whose capitals are the even code points, and
 * the accented Greek capitals. */
static int upper_cp(uint32_t cp)
{
    if (dk_cp_is_upper(cp))
        return 1;
    if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) ||
        (cp >= 0x4D0 && cp <= 0x52F))
        return (cp & 1) == 0;
    if (cp >= 0x4C1 && cp <= 0x4CD)
        return (cp & 1) == 1;
    return cp == 0x4C0 || cp == 0x386 || (cp >= 0x388 && cp <= 0x38F &&
                                          cp != 0x38B && cp != 0x38D);
}

/* White space between a stop and the next sentence: the scorer's
 * " \t\u00a0", nothing else. */
static int gap_len(const unsigned char *p, size_t n)
{
    if (p[0] == ' ' || p[0] == '\t')
        return 1;
    return n >= 2 && p[0] == 0xC2 && p[1] == 0xA0 ? 2 : 0;
}

static int is_closer(const unsigned char *p, size_t n, int *len)
{
    if (p[0] == '"' || p[0] == '\'' || p[0] == ')' || p[0] == ']') {
        *len = 1;
        return 1;
    }
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
        (p[2] == 0x9D || p[2] == 0x99)) {  /* ” ’ */
        *len = 3;
        return 1;
    }
    if (n >= 2 && p[0] == 0xC2 && p[1] == 0xBB) {  /* » */
        *len = 2;
        return 1;
    }
    return 0;
}

static int is_opener(const unsigned char *p, size_t n)
{
    if (p[0] == '"' || p[0] == '\'' || p[0] == '(' || p[0] == '[')
        return 1;
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
        (p[2] == 0x9C || p[2] == 0x98))  /* “ ‘ */
        return 1;
    return n >= 2 && p[0] == 0xC2 && p[1] == 0xAB;  /* « */
}

static void trim(const char *t, size_t *a, size_t *b)
{
    const unsigned char *u = (const unsigned char *)t;
    int k;
    while (*a < *b && (k = dk_space_len(u + *a, *b - *a)) > 0)
        *a += (size_t)k;
    while (*b > *a) {
        /* step back over one character if it is white space */
        size_t c = *b - 1;
        while (c > *a && (u[c] & 0xC0) == 0x80)
            c--;
        if (dk_space_len(u + c, *b - c) == 0)
            break;
        *b = c;
    }
}

/* The offset of the first '\n', '.', '!' or '?' at or after u[i], or n.
 * Skips sixteen bytes at a time (SSE2) or eight (SWAR) while none of
 * them is one; the scan is most of the splitter's time. */
#if defined(__SSE2__)
#include <emmintrin.h>

static size_t skip_to_stop(const unsigned char *u, size_t n, size_t i)
{
    const __m128i nl = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.');
    const __m128i bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?');
    while (i + 16 <= n) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
        __m128i hit = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(x, nl), _mm_cmpeq_epi8(x, dot)),
            _mm_or_si128(_mm_cmpeq_epi8(x, bang), _mm_cmpeq_epi8(x, ask)));
        int bits = _mm_movemask_epi8(hit);
        if (bits)
            return i + (size_t)__builtin_ctz((unsigned)bits);
        i += 16;
    }
    while (i < n && u[i] != '\n' && u[i] != '.' && u[i] != '!' &&
           u[i] != '?')
        i++;
    return i;
}
#else
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Does one of the eight bytes at p equal c (repeated in cc)?  (SWAR) */
static uint64_t has8(uint64_t x, uint64_t cc)
{
    uint64_t y = x ^ cc;
    return (y - ONES) & ~y & HIGHS;
}

static size_t skip_to_stop(const unsigned char *u, size_t n, size_t i)
{
    while (i + 8 <= n) {
        uint64_t x;
        memcpy(&x, u + i, 8);
        if (has8(x, '\n' * ONES) | has8(x, '.' * ONES) | has8(x, '!' * ONES) |
            has8(x, '?' * ONES))
            break;
        i += 8;
    }
    while (i < n && u[i] != '\n' && u[i] != '.' && u[i] != '!' &&
           u[i] != '?')
        i++;
    return i;
}
#endif

int dk_sentence_next(const char *t, size_t n, int final, size_t *start,
                     size_t *end, size_t *next)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t i = 0;
    while (i < n) {
        /* jump to the next character that can end a sentence */
        i = skip_to_stop(u, n, i);
        if (i >= n)
            break;
        if (u[i] == '\n') {
            *start = 0;
            *end = i;
            *next = i + 1;
            trim(t, start, end);
            return 1;
        }
        size_t stop = i;
        size_t j = i + 1;
        while (j < n && (u[j] == '.' || u[j] == '!' || u[j] == '?'))
            j++;
        int cl;
        while (j < n && is_closer(u + j, n - j, &cl))
            j += (size_t)cl;
        size_t k = j;
        int sp;
        while (k < n && (sp = gap_len(u + k, n - k)) > 0)
            k += (size_t)sp;
        if (k >= n) {
            if (!final)
                return 0;   /* cannot tell yet */
            i = k;
            continue;
        }
        if (k > j) {
            uint32_t cp;
            dk_utf8_decode(u + k, n - k, &cp);
            int starts = upper_cp(cp) || (cp >= '0' && cp <= '9') ||
                         is_opener(u + k, n - k);
            int abbrev = u[stop] == '.' && j == stop + 1 &&
                         stop_is_abbreviation(t, stop);
            if (starts && !abbrev) {
                *start = 0;
                *end = j;
                *next = j;
                trim(t, start, end);
                return 1;
            }
        }
        i = j > i + 1 ? j : i + 1;
    }
    if (!final)
        return 0;
    *start = 0;
    *end = n;
    *next = n;
    trim(t, start, end);
    return 1;
}
