/*
 * test_lexicon.c - unit tests of the generated dictionary and its lookups
 * (src/recognise/lexicon.c, tools/lexgen.c): the class masks lexgen
 * writes beside each key agree with the entries, every entry has the
 * role of its class and sym (lexicon.h), dk_lex_phrase finds
 * multi-token keys, and on tagged tokens (where it answers from the
 * masks) gives the same answers as a lookup from scratch; the hash
 * table holds every key where lexhash.h puts it, and dk_lex_tokenize
 * (tokenizer and lookups in one pass) gives the tokens of dk_tokenize
 * and dk_lex_tag, on every key and on random text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <stdlib.h>
#include "recognise/lexhash.h"
#include "recognise/recognise.h"

extern const dk_lexeme dk_lex_words[];
extern const dk_lexslot dk_lex_table[];
extern const uint32_t dk_lex_mask;

static int is_letter(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* Every key's cmask is the classes of its entries; spaced and glued hold
 * the classes of the longer keys that go on with a space, or with a byte
 * that may start the next token. */
static void test_masks(void **state)
{
    (void)state;
    int n = 0;
    for (uint32_t h = 0; h <= dk_lex_mask; h++) {
        if (!dk_lex_table[h].len)
            continue;
        const dk_lexeme *x = &dk_lex_words[dk_lex_table[h].word];
        uint32_t m = 0;
        for (int e = 0; e < x->nent; e++)
            m |= DK_LXBIT(x->ent[e].cls);
        assert_int_equal(x->cmask, m);
        assert_ptr_equal(dk_lex_find(x->key, x->keylen), x);
        for (uint32_t g = 0; g <= dk_lex_mask; g++) {
            if (!dk_lex_table[g].len)
                continue;
            const dk_lexeme *y = &dk_lex_words[dk_lex_table[g].word];
            if (y->keylen <= x->keylen || memcmp(y->key, x->key, x->keylen))
                continue;
            unsigned char c = (unsigned char)y->key[x->keylen];
            unsigned char last = (unsigned char)x->key[x->keylen - 1];
            uint32_t have = c == ' ' ? x->spaced
                          : is_letter(c) && is_letter(last) ? y->cmask : x->glued;
            if ((have & y->cmask) != y->cmask) {
                print_error("'%s' does not lead to the classes of '%s'\n",
                            x->key, y->key);
                fail();
            }
        }
        n++;
    }
    assert_true(n > 100);
}

/* dk_lex_phrase at token 0 of text, for every class: the same on tagged
 * tokens (where it answers from the masks when it can) as on untagged
 * ones (a lookup from scratch). */
static int same_phrases(const char *text)
{
    static dk_token tok[64];
    int nt = dk_tokenize(text, strlen(text), tok, 64);
    int raw[LX_CLASS_MAX];
    const dk_lexeme *rx[LX_CLASS_MAX];
    for (int c = 0; c < LX_CLASS_MAX; c++)
        raw[c] = dk_lex_phrase(text, tok, nt, 0, c, &rx[c]);
    dk_lex_tag(text, tok, nt);
    for (int c = 0; c < LX_CLASS_MAX; c++) {
        const dk_lexeme *x;
        int got = dk_lex_phrase(text, tok, nt, 0, c, &x);
        if (got != raw[c] || x != rx[c]) {
            print_error("'%s' class %d: %d tokens tagged, %d untagged\n", text,
                        c, got, raw[c]);
            return 0;
        }
    }
    return 1;
}

/* Every key of the table, alone, upper-cased, and followed by a word,
 * a space, a glued sign or a number. */
static void test_phrase_all(void **state)
{
    (void)state;
    static const char *const tails[] = {"", " x", " ", "$", "5", " 5", "-"};
    char text[256];
    for (uint32_t h = 0; h <= dk_lex_mask; h++) {
        if (!dk_lex_table[h].len)
            continue;
        const dk_lexeme *x = &dk_lex_words[dk_lex_table[h].word];
        for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
            snprintf(text, sizeof text, "%s%s", x->key, tails[t]);
            assert_true(same_phrases(text));
            for (char *p = text; *p; p++)
                if (*p >= 'a' && *p <= 'z')
                    *p = (char)(*p - 'a' + 'A');
            assert_true(same_phrases(text));
        }
    }
}

/* Every entry carries the role its class and sym have in lexicon.h's
 * list, R_NONE when the pair is not listed; every role is in use. */
static void test_roles(void **state)
{
    (void)state;
    static const struct { int role, cls; const char *sym; } list[] = {
#define ROLE_ROW(name, cls, sym) {R_##name, cls, sym},
        DK_LEX_ROLES(ROLE_ROW)
#undef ROLE_ROW
    };
    int used[R_MAX] = {0};
    for (uint32_t h = 0; h <= dk_lex_mask; h++) {
        if (!dk_lex_table[h].len)
            continue;
        const dk_lexeme *x = &dk_lex_words[dk_lex_table[h].word];
        for (int e = 0; e < x->nent; e++) {
            const dk_lexent *en = &x->ent[e];
            int want = R_NONE;
            for (size_t k = 0; k < sizeof list / sizeof *list; k++)
                if (list[k].cls == en->cls && strcmp(list[k].sym, en->sym) == 0)
                    want = list[k].role;
            if (en->role != want)
                print_error("'%s' class %d sym '%s': role %d, expected %d\n",
                            x->key, en->cls, en->sym, en->role, want);
            assert_int_equal(en->role, want);
            used[en->role] = 1;
        }
    }
    for (int r = R_NONE + 1; r < R_MAX; r++) {
        if (!used[r])
            print_error("role %d has no entry in data/en\n", r);
        assert_true(used[r]);
    }
}

typedef struct pcase {
    const char *text;
    int cls;
    int ntok;      /* tokens matched from token 0 */
} pcase;

static const pcase phrases[] = {
    {"per cent of them", LX_PERCENT, 2},
    {"Per  cent", LX_PERCENT, 2},
    {"U.S. dollars", LX_CURRENCY, 5},
    {"the day before yesterday", LX_DATEWORD, 4},
    {"the day", LX_CURRENCY, 0},
    {"million", LX_SCALE, 1},
    {"million", LX_MONTH, 0},
    {"2024 dollars", LX_CURRENCY, 0},
    {"kilometers", LX_UNIT, 1},
    {"nothing here", 0, 0},
};

/* dk_lex_phrase gives the same answer after dk_lex_tag (which lets it
 * start from the tag) as on untagged tokens (a lookup from scratch). */
static void test_phrase(void **state)
{
    (void)state;
    static dk_token tok[64];
    for (size_t i = 0; i < sizeof phrases / sizeof *phrases; i++) {
        const pcase *c = &phrases[i];
        int nt = dk_tokenize(c->text, strlen(c->text), tok, 64);
        const dk_lexeme *a, *b;
        int raw = dk_lex_phrase(c->text, tok, nt, 0, c->cls, &a);
        dk_lex_tag(c->text, tok, nt);
        int tagged = dk_lex_phrase(c->text, tok, nt, 0, c->cls, &b);
        if (raw != c->ntok || tagged != c->ntok)
            print_error("'%s': %d and %d tokens, expected %d\n", c->text, raw,
                        tagged, c->ntok);
        assert_int_equal(raw, c->ntok);
        assert_int_equal(tagged, c->ntok);
        assert_ptr_equal(a, b);
    }
}

/* dk_lex_tag's ahead: the classes of a token and all after it. */
static void test_ahead(void **state)
{
    (void)state;
    static dk_token tok[16];
    const char *t = "about 5 tons in May";
    int nt = dk_tokenize(t, strlen(t), tok, 16);
    assert_int_equal(nt, 5);
    dk_lex_tag(t, tok, nt);
    uint32_t month = DK_LXBIT(LX_MONTH), unit = DK_LXBIT(LX_UNIT);
    assert_true(tok[0].ahead & DK_LXBIT(LX_QUAL));
    assert_true(tok[0].ahead & DK_AHEAD_DIGITS);
    assert_true(tok[1].ahead & DK_AHEAD_DIGITS);
    assert_false(tok[2].ahead & DK_AHEAD_DIGITS);
    assert_true(tok[2].ahead & unit);
    assert_true(tok[2].ahead & month);
    assert_false(tok[3].ahead & unit);
    assert_int_equal(tok[4].ahead & ~(DK_AHEAD_HOLIDAY | DK_AHEAD_OWN),
                     tok[4].lex->cmask);   /* "may day" */
    /* the recognisers' hints are of the token alone */
    assert_true(tok[4].ahead & DK_AHEAD_DATE);    /* "May": a month */
    assert_false(tok[3].ahead & DK_AHEAD_DATE);   /* "in": not after it */
    assert_false(tok[2].ahead & DK_AHEAD_FIGURE);
    assert_false(tok[0].ahead & DK_LXBIT(LX_CURRENCY));
    assert_false(tok[0].ahead & DK_AHEAD_PART);
    const char *p = "the first two Months of 2020";
    nt = dk_lex_tokenize(p, strlen(p), tok, 16);
    assert_true(tok[3].ahead & DK_AHEAD_PART);
    assert_true(tok[0].ahead & DK_AHEAD_PART);
    assert_false(tok[4].ahead & DK_AHEAD_PART);
    p = "in the second half";
    nt = dk_lex_tokenize(p, strlen(p), tok, 16);
    assert_true(tok[3].ahead & DK_AHEAD_PART);
    p = "before the New Year";   /* "new" leads to a holiday */
    nt = dk_lex_tokenize(p, strlen(p), tok, 16);
    assert_true(tok[0].ahead & DK_AHEAD_HOLIDAY);
    assert_true(tok[2].ahead & DK_AHEAD_HOLIDAY);
    assert_false(tok[3].ahead & DK_AHEAD_HOLIDAY);
    p = "Christmas";
    nt = dk_lex_tokenize(p, strlen(p), tok, 16);
    assert_true(tok[0].ahead & DK_AHEAD_HOLIDAY);
    p = "the news of the year";
    nt = dk_lex_tokenize(p, strlen(p), tok, 16);
    assert_false(tok[0].ahead & DK_AHEAD_HOLIDAY);
    p = "for 3 years and 2 seconds";
    nt = dk_lex_tokenize(p, strlen(p), tok, 16);
    assert_int_equal(nt, 6);
    assert_false(tok[0].ahead & DK_AHEAD_PART);
}

/* Every slot holds its key's first group and length, and is on the
 * probe path of the key's hash; dk_lex_find finds every key, and no key
 * with a byte changed or cut short. */
static void test_table(void **state)
{
    (void)state;
    uint32_t bits = 0;
    while ((1u << bits) <= dk_lex_mask)
        bits++;
    int n = 0;
    for (uint32_t h = 0; h <= dk_lex_mask; h++) {
        if (!dk_lex_table[h].len)
            continue;
        const dk_lexeme *x = &dk_lex_words[dk_lex_table[h].word];
        assert_int_equal(dk_lex_table[h].len, x->keylen);
        assert_true(dk_lex_table[h].head == dk_lex_group(x->key, x->keylen));
        uint32_t part = 0;
        for (int e = 0; e < x->nent; e++) {
            const dk_lexent *en = &x->ent[e];
            if ((en->cls == LX_TUNIT && en->value == 1 &&
                 (!strcmp(en->sym, "month") || !strcmp(en->sym, "week") ||
                  !strcmp(en->sym, "day"))) ||
                en->role == R_DW_QUARTER || en->role == R_DW_HALF)
                part = DK_AHEAD_PART;
            if (en->role == R_DW_HOLIDAY || en->role == R_DW_EASTER ||
                en->role == R_DW_THANKSGIVING || en->role == R_DW_BLACKFRIDAY)
                assert_true(dk_lex_table[h].ahead & DK_AHEAD_HOLIDAY);
        }
        assert_int_equal(dk_lex_table[h].ahead & ~DK_AHEAD_HOLIDAY,
                         x->cmask | part);
        /* no empty slot between the home slot and this one */
        uint32_t k = (uint32_t)(dk_lex_hash(x->key, x->keylen) >> (64 - bits));
        for (; k != h; k = (k + 1) & dk_lex_mask)
            assert_true(dk_lex_table[k].len);
        assert_ptr_equal(dk_lex_find(x->key, x->keylen), x);
        char key[256];
        memcpy(key, x->key, x->keylen);
        for (size_t i = 0; i < x->keylen; i++) {
            key[i] ^= 0x01;
            const dk_lexeme *y = dk_lex_find(key, x->keylen);
            assert_true(y == NULL || y->keylen == x->keylen);
            assert_true(y == NULL || memcmp(y->key, key, x->keylen) == 0);
            key[i] ^= 0x01;
        }
        const dk_lexeme *cut = dk_lex_find(key, x->keylen - 1);
        assert_true(cut == NULL || cut->keylen == x->keylen - 1);
        n++;
    }
    assert_true(n > 100);
    assert_null(dk_lex_find("", 0));
    /* the one-byte table agrees with the hash table */
    extern const int16_t dk_lex_byte[128];
    int ones = 0;
    for (int c = 0; c < 128; c++) {
        char k = (char)c;
        const dk_lexeme *x = dk_lex_find(&k, 1);
        if (dk_lex_byte[c] < 0) {
            assert_null(x);
        } else {
            assert_ptr_equal(&dk_lex_words[dk_lex_table[dk_lex_byte[c]].word], x);
            ones++;
        }
    }
    assert_true(ones > 3);
}

/* dk_lex_tokenize on text[0, n) (copied to a buffer of exactly n bytes,
 * so a read past the end shows under the sanitizers) gives the tokens of
 * dk_tokenize followed by dk_lex_tag, field by field. */
static int same_tokens(const char *text, size_t n)
{
    static dk_token a[512], b[512];
    char *copy = malloc(n ? n : 1);
    assert_non_null(copy);
    memcpy(copy, text, n);
    int na = dk_tokenize(copy, n, a, 512);
    dk_lex_tag(copy, a, na);
    memset(b, 0x5A, sizeof b);
    int nb = dk_lex_tokenize(copy, n, b, 512);
    free(copy);
    if (na != nb) {
        print_error("'%.*s': %d tokens, %d in one pass\n", (int)n, text, na, nb);
        return 0;
    }
    for (int k = 0; k < na; k++) {
        const dk_token *x = &a[k], *y = &b[k];
        if (x->start != y->start || x->end != y->end || x->type != y->type ||
            x->flags != y->flags || x->ndigits != y->ndigits ||
            x->nfrac != y->nfrac || x->num != y->num || x->lex != y->lex ||
            x->ahead != y->ahead) {
            print_error("'%.*s' token %d ('%.*s'): not the same in one pass\n",
                        (int)n, text, k, (int)(x->end - x->start),
                        text + x->start);
            return 0;
        }
    }
    return 1;
}

/* Every key alone, capitalised and upper-cased, at the end of the text
 * (fewer than eight bytes readable after it) and before more text. */
static void test_tokenize_keys(void **state)
{
    (void)state;
    static const char *const tails[] = {"", " and more text", "'s", ".",
                                        "\xC3\xA9", "5", "ab"};
    char text[256];
    int found = 0;
    for (uint32_t h = 0; h <= dk_lex_mask; h++) {
        if (!dk_lex_table[h].len)
            continue;
        const dk_lexeme *x = &dk_lex_words[dk_lex_table[h].word];
        for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
            for (int form = 0; form < 3; form++) {
                int len = snprintf(text, sizeof text, "%s%s", x->key, tails[t]);
                for (int i = 0; i < len; i++)
                    if (text[i] >= 'a' && text[i] <= 'z' && (form == 2 || (form == 1 && i == 0)))
                        text[i] = (char)(text[i] - 'a' + 'A');
                assert_true(same_tokens(text, (size_t)len));
                static dk_token tok[64];
                int nt = dk_lex_tokenize(text, (size_t)len, tok, 64);
                if (x->ntok == 1 && t == 1 && nt > 0 && tok[0].type != DK_TOK_NUM) {
                    assert_ptr_equal(tok[0].lex, x);
                    found++;
                }
            }
        }
    }
    assert_true(found > 100);
}

/* Random text: words of random length and case (some keys), apostrophes,
 * letters outside ASCII, digits, punctuation, white space, stray bytes. */
static void test_tokenize_random(void **state)
{
    (void)state;
    static const char *const bits[] = {
        "a", "A", "the", "The", "THE", "million", "Million", "kilometres",
        "January", "per", " ", "  ", "\n", "'", "\xE2\x80\x99", "\xC3\xA9",
        "\xD0\x96", "\xC2\xA0", "\xE2\x80\x89", "$", "%", "\xE2\x82\xAC",
        "1", "2024", "1,783", "3.5", ".", ",", "-", "\xFF", "\x80", "q",
        "abcdefgh", "ABCDEFGHIJ", "x'y", "U.S.", "thousand", "th", "Q3"};
    unsigned seed = 12345;
    char text[600];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        int parts = 1 + round % 40;
        for (int p = 0; p < parts; p++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 16;
            const char *b = bits[r % (sizeof bits / sizeof *bits)];
            char word[40];
            if (r % 7 == 0) {   /* a word of 1-30 random letters */
                int wl = 1 + (int)((r >> 4) % 30);
                for (int i = 0; i < wl; i++) {
                    seed = seed * 1103515245u + 12345u;
                    word[i] = (char)(((seed >> 16) & 1 ? 'a' : 'A') + (seed >> 17) % 26);
                }
                word[wl] = '\0';
                b = word;
            }
            size_t bl = strlen(b);
            if (len + bl >= sizeof text)
                break;
            memcpy(text + len, b, bl);
            len += bl;
        }
        assert_true(same_tokens(text, len));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_masks),
        cmocka_unit_test(test_roles),
        cmocka_unit_test(test_phrase_all),
        cmocka_unit_test(test_ahead),
        cmocka_unit_test(test_phrase),
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_tokenize_keys),
        cmocka_unit_test(test_tokenize_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
