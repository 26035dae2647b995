/*
 * chars.h - character classes the scanners need, on UTF-8 bytes: white
 * space (including no-break and thin spaces), letters, upper case.  Only
 * what English-language news needs; the rest of Unicode is "other".
 */
#ifndef DK_CHARS_H
#define DK_CHARS_H

#include <stddef.h>
#include <stdint.h>

/* Length in bytes of the white space character at p, or 0. */
static inline int dk_space_len(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v')
        return 1;
    if (c == 0xC2 && n >= 2 && p[1] == 0xA0)           /* U+00A0 */
        return 2;
    if (c == 0xE2 && n >= 3 && p[1] == 0x80 &&
        ((p[2] >= 0x80 && p[2] <= 0x8B) || p[2] == 0xAF || p[2] == 0xA8 ||
         p[2] == 0xA9))                                /* U+2000-200B,202F,2028/9 */
        return 3;
    if (c == 0xE3 && n >= 3 && p[1] == 0x80 && p[2] == 0x80) /* U+3000 */
        return 3;
    return 0;
}

/* Is code point cp a letter (of the scripts news text uses)? */
static inline int dk_cp_is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if (cp >= 0xC0 && cp <= 0x24F)
        return cp != 0xD7 && cp != 0xF7;
    if (cp == 0xAA || cp == 0xB5 || cp == 0xBA)
        return 1;
    return (cp >= 0x370 && cp <= 0x52F && cp != 0x37E && cp != 0x387) ||
           (cp >= 0x1E00 && cp <= 0x1FFF) ||   /* Latin/Greek extended */
           (cp >= 0x3040 && cp <= 0x30FF) ||   /* kana */
           (cp >= 0x3400 && cp <= 0x9FFF) ||   /* CJK */
           (cp >= 0xAC00 && cp <= 0xD7AF) ||   /* Hangul */
           (cp >= 0x0600 && cp <= 0x06FF);     /* Arabic */
}

/* Is code point cp an upper-case letter (Latin, Greek, Cyrillic)? */
static inline int dk_cp_is_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp & 1) == 0;
    if (cp >= 0x391 && cp <= 0x3AB)
        return 1;
    return cp >= 0x400 && cp <= 0x42F;
}

#endif
