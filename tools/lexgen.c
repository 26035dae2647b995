/*
 * lexgen.c - build-time generator of the recognisers' dictionary.
 *
 *   lexgen OUT.c FILE.tsv...
 *
 * Each TSV line is "key<TAB>class<TAB>value<TAB>sym<TAB>flags" (the last
 * three may be empty or missing; '#' starts a comment line).  The output
 * is a C file with the entries grouped by key, every proper prefix of a
 * multi-token key added as a prefix lexeme, and an open-addressing hash
 * table over the keys (see src/recognise/lexicon.h).  Any malformed line
 * stops the build with "file:line: message".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/recognise/lexhash.h"
#include "../src/recognise/lexicon.h"
#include "../src/text/token.h"

static const char *const class_names[LX_CLASS_MAX] = {
    [LX_CARD] = "card",         [LX_SCALE] = "scale",
    [LX_ORD] = "ord",           [LX_ORDSUF] = "ordsuf",
    [LX_FRAC] = "frac",         [LX_MONTH] = "month",
    [LX_WEEKDAY] = "weekday",   [LX_CURRENCY] = "currency",
    [LX_UNIT] = "unit",         [LX_TUNIT] = "tunit",
    [LX_QUAL] = "qual",         [LX_PERCENT] = "percent",
    [LX_DATEWORD] = "dateword", [LX_RANGE] = "range",
    [LX_COUNTED] = "counted",   [LX_NAMEWORD] = "nameword",
    [LX_NUMOP] = "numop",       [LX_CTX] = "ctx",
    [LX_VFRAC] = "vfrac",
};

/* The roles of lexicon.h, looked up by class and sym. */
static const struct { int role, cls; const char *sym; } role_names[] = {
#define ROLE_NAME(name, cls, sym) {R_##name, cls, sym},
    DK_LEX_ROLES(ROLE_NAME)
#undef ROLE_NAME
};

static int role_of(int cls, const char *sym)
{
    for (size_t k = 0; k < sizeof role_names / sizeof *role_names; k++)
        if (role_names[k].cls == cls && strcmp(role_names[k].sym, sym) == 0)
            return role_names[k].role;
    return R_NONE;
}

static const struct { const char *name; int bit; } flag_names[] = {
    {"pre", LXF_PRE},     {"post", LXF_POST},     {"cap", LXF_CAP},
    {"abbr", LXF_ABBR},   {"plural", LXF_PLURAL}, {"ambig", LXF_AMBIG},
    {"case", LXF_CASE},   {NULL, 0},
};

typedef struct entry {
    char *key;     /* key form */
    char *orig;    /* as written */
    int cls, flags;
    char *value;   /* as written, a C double literal */
    char *sym;
    int ntok;
    int is_prefix_only;
} entry;

static entry *ents;
static size_t nents, capents;

static void die(const char *file, int line, const char *msg)
{
    fprintf(stderr, "lexgen: %s:%d: %s\n", file, line, msg);
    exit(1);
}

static char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p) {
        fprintf(stderr, "lexgen: out of memory\n");
        exit(1);
    }
    return p;
}

static entry *push(void)
{
    if (nents == capents) {
        capents = capents ? capents * 2 : 1024;
        ents = realloc(ents, capents * sizeof *ents);
        if (!ents) {
            fprintf(stderr, "lexgen: out of memory\n");
            exit(1);
        }
    }
    memset(&ents[nents], 0, sizeof ents[0]);
    return &ents[nents++];
}

/* Key form of text: tokens lower-cased, one space where there was space.
 * Adds every proper prefix as a prefix-only entry.  Returns token count. */
static int add_key(size_t idx, const char *text, const char *file, int line)
{
    dk_token tok[16];
    size_t n = strlen(text);
    int nt = dk_tokenize(text, n, tok, 16);
    if (nt == 0 || nt >= 16)
        die(file, line, "key has no tokens or too many");
    char key[256];
    size_t len = 0;
    for (int k = 0; k < nt; k++) {
        if (dk_lex_key_append(text, &tok[k], k > 0 && (tok[k].flags & DK_TF_SPACE),
                              key, &len, sizeof key) < 0)
            die(file, line, "key too long");
        if (k < nt - 1) {
            entry *p = push();  /* may move the array: use indexes */
            p->key = xstrdup(key);
            p->ntok = k + 1;
            p->is_prefix_only = 1;
        }
    }
    ents[idx].key = xstrdup(key);
    ents[idx].ntok = nt;
    return nt;
}

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->is_prefix_only - y->is_prefix_only;
}

static int is_letter(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* Does entry e name a part of a year by its length (DK_AHEAD_PART)? */
static int names_part(const entry *e)
{
    if (e->cls == LX_TUNIT)
        return strtod(e->value, NULL) == 1 &&
               (!strcmp(e->sym, "month") || !strcmp(e->sym, "week") ||
                !strcmp(e->sym, "day"));
    int r = e->cls == LX_DATEWORD ? role_of(e->cls, e->sym) : R_NONE;
    return r == R_DW_QUARTER || r == R_DW_HALF;
}

/* Is entry e a holiday (DK_AHEAD_HOLIDAY)? */
static int names_holiday(const entry *e)
{
    int r = e->cls == LX_DATEWORD ? role_of(e->cls, e->sym) : R_NONE;
    return r == R_DW_HOLIDAY || r == R_DW_EASTER || r == R_DW_THANKSGIVING ||
           r == R_DW_BLACKFRIDAY;
}

static void c_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20 || c >= 0x7F)
            fprintf(f, "\\%03o", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void read_tsv(const char *file)
{
    FILE *f = fopen(file, "r");
    if (!f) {
        fprintf(stderr, "lexgen: %s: %s\n", file, strerror(errno));
        exit(1);
    }
    char line[1024];
    int ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        size_t L = strlen(line);
        if (L && line[L - 1] == '\n')
            line[--L] = '\0';
        if (L == sizeof line - 2)
            die(file, ln, "line too long");
        if (L == 0 || line[0] == '#')
            continue;
        char *field[5] = {0};
        int nf = 0;
        char *p = line;
        while (nf < 5) {
            field[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (nf < 2 || !*field[0])
            die(file, ln, "need at least key and class");
        int cls = 0;
        for (int c = 1; c < LX_CLASS_MAX; c++)
            if (class_names[c] && strcmp(field[1], class_names[c]) == 0)
                cls = c;
        if (!cls)
            die(file, ln, "unknown class");
        int flags = 0;
        if (nf >= 5 && *field[4]) {
            char *fl = field[4], *save = NULL;
            for (char *w = strtok_r(fl, ",", &save); w;
                 w = strtok_r(NULL, ",", &save)) {
                int ok = 0;
                for (int k = 0; flag_names[k].name; k++)
                    if (strcmp(w, flag_names[k].name) == 0) {
                        flags |= flag_names[k].bit;
                        ok = 1;
                    }
                if (!ok)
                    die(file, ln, "unknown flag");
            }
        }
        const char *val = nf >= 3 && *field[2] ? field[2] : "0";
        char *end;
        errno = 0;
        strtod(val, &end);
        if (*end || errno)
            die(file, ln, "value is not a number");
        entry *e = push();
        e->orig = xstrdup(field[0]);
        e->cls = cls;
        e->flags = flags;
        e->value = xstrdup(val);
        e->sym = xstrdup(nf >= 4 ? field[3] : "");
        add_key((size_t)(e - ents), field[0], file, ln);
    }
    if (ferror(f)) {
        fprintf(stderr, "lexgen: %s: read error\n", file);
        exit(1);
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: lexgen OUT.c FILE.tsv...\n");
        return 2;
    }
    for (int i = 2; i < argc; i++)
        read_tsv(argv[i]);
    qsort(ents, nents, sizeof *ents, cmp_entry);

    FILE *out = fopen(argv[1], "w");
    if (!out) {
        fprintf(stderr, "lexgen: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    fprintf(out, "/* Generated by tools/lexgen from data/en: do not edit. */\n"
                 "#include \"lexhash.h\"\n#include \"lexicon.h\"\n\n");
    /* entries, real ones only, grouped by key */
    fprintf(out, "static const dk_lexent entries[] = {\n");
    size_t nreal = 0;
    for (size_t i = 0; i < nents; i++) {
        if (ents[i].is_prefix_only)
            continue;
        fprintf(out, "    {%d, %d, %d, %s, ", ents[i].cls, ents[i].flags,
                role_of(ents[i].cls, ents[i].sym), ents[i].value);
        c_string(out, ents[i].sym);
        fprintf(out, ", ");
        c_string(out, ents[i].orig);
        fprintf(out, "},\n");
        nreal++;
    }
    if (!nreal)
        fprintf(out, "    {0, 0, 0, 0, \"\", \"\"},\n");
    fprintf(out, "};\n\n");

    /* lexemes: one per distinct key */
    size_t nwords = 0, cap = 0;
    struct word {
        const char *key;
        int ntok, prefix;
        size_t first, n;
        uint32_t cmask, spaced, glued;
        uint32_t ahead;   /* cmask and the DK_AHEAD_* bits */
    } *w = NULL;
    size_t real_index = 0;
    for (size_t i = 0; i < nents;) {
        size_t j = i;
        struct word cur = {ents[i].key, ents[i].ntok, 0, real_index, 0, 0, 0, 0, 0};
        while (j < nents && strcmp(ents[j].key, ents[i].key) == 0) {
            if (ents[j].is_prefix_only) {
                cur.prefix = 1;
            } else {
                cur.n++;
                cur.cmask |= 1u << ents[j].cls;
                cur.ahead |= 1u << ents[j].cls;
                if (names_part(&ents[j]))
                    cur.ahead |= DK_AHEAD_PART;
                if (names_holiday(&ents[j]))
                    cur.ahead |= DK_AHEAD_HOLIDAY;
                real_index++;
            }
            j++;
        }
        if (nwords == cap) {
            cap = cap ? cap * 2 : 1024;
            w = realloc(w, cap * sizeof *w);
            if (!w)
                return 1;
        }
        w[nwords++] = cur;
        i = j;
    }
    /* the classes of the longer keys that start with this one, by the
     * byte after it: a space (the next token is spaced), or anything
     * else (glued), but never a letter after a letter, which the
     * tokenizer keeps in one word.  The keys are sorted, so those that
     * start with key i follow it. */
    for (size_t i = 0; i < nwords; i++) {
        size_t n = strlen(w[i].key);
        unsigned char last = n ? (unsigned char)w[i].key[n - 1] : 0;
        for (size_t j = i + 1; j < nwords && strncmp(w[j].key, w[i].key, n) == 0;
             j++) {
            unsigned char c = (unsigned char)w[j].key[n];
            w[i].ahead |= w[j].ahead & DK_AHEAD_HOLIDAY;   /* leads to one */
            if (c == ' ')
                w[i].spaced |= w[j].cmask;
            else if (!(is_letter(last) && is_letter(c)))
                w[i].glued |= w[j].cmask;
        }
    }
    fprintf(out, "const dk_lexeme dk_lex_words[] = {\n");
    for (size_t i = 0; i < nwords; i++) {
        fprintf(out, "    {");
        c_string(out, w[i].key);
        fprintf(out, ", %zu, %d, %d, %zu, %s%zu, 0x%xu, 0x%xu, 0x%xu},\n",
                strlen(w[i].key), w[i].ntok, w[i].prefix, w[i].n,
                w[i].n ? "entries + " : "entries + 0 * ", w[i].first,
                (unsigned)w[i].cmask, (unsigned)w[i].spaced,
                (unsigned)w[i].glued);
    }
    fprintf(out, "};\n");
    fprintf(out, "const uint32_t dk_lex_nwords = %zuu;\n\n", nwords);

    /* the hash table (lexhash.h): at most a third full, so a word that
     * is no key mostly meets an empty slot at once */
    size_t size = 64;
    unsigned bits = 6;
    while (size < nwords * 3) {
        size *= 2;
        bits++;
    }
    dk_lexslot *slots = malloc(size * sizeof *slots);
    if (!slots)
        return 1;
    for (size_t i = 0; i < size; i++)
        slots[i] = (dk_lexslot){0, 0, 0, 0};
    size_t maxkey = 0;
    uint32_t first[8] = {0};
    static uint64_t filter[1u << (DK_LEX_FILTER_BITS - 6)];
    int byte_slot[128];   /* the slot of the one-byte ASCII key, or -1 */
    for (int c = 0; c < 128; c++)
        byte_slot[c] = -1;
    for (size_t i = 0; i < nwords; i++) {
        size_t n = strlen(w[i].key);
        if (n == 0 || n > UINT16_MAX || i > UINT16_MAX) {
            fprintf(stderr, "lexgen: key '%s': too long or too many keys\n",
                    w[i].key);
            return 1;
        }
        if (n > maxkey)
            maxkey = n;
        unsigned char a = (unsigned char)w[i].key[0];
        first[a >> 5] |= 1u << (a & 31);
        uint64_t hash = dk_lex_hash(w[i].key, n);
        filter[DK_LEX_FWORD(hash)] |= 1ull << DK_LEX_FBIT(hash);
        size_t h = (size_t)(hash >> (64 - bits));
        while (slots[h].len)
            h = (h + 1) & (size - 1);
        slots[h] = (dk_lexslot){dk_lex_group(w[i].key, n), (uint16_t)n,
                                (uint16_t)i, w[i].ahead};
        if (n == 1 && a < 128)
            byte_slot[a] = (int)h;
    }
    fprintf(out, "const uint32_t dk_lex_mask = %zuu;\n", size - 1);
    fprintf(out, "const unsigned dk_lex_shift = %uu;\n", 64 - bits);
    fprintf(out, "const uint32_t dk_lex_maxkey = %zuu;\n", maxkey);
    fprintf(out, "const uint32_t dk_lex_first[8] = {");
    for (int k = 0; k < 8; k++)
        fprintf(out, "%s0x%xu", k ? ", " : "", (unsigned)first[k]);
    fprintf(out, "};\n");
    fprintf(out, "const int16_t dk_lex_byte[128] = {");
    for (int c = 0; c < 128; c++)
        fprintf(out, "%s%d,", c % 16 ? " " : "\n    ", byte_slot[c]);
    fprintf(out, "\n};\n");
    fprintf(out, "const uint64_t dk_lex_filter[%u] = {",
            1u << (DK_LEX_FILTER_BITS - 6));
    for (unsigned k = 0; k < 1u << (DK_LEX_FILTER_BITS - 6); k++)
        fprintf(out, "%s0x%016llxull,", k % 4 ? " " : "\n    ",
                (unsigned long long)filter[k]);
    fprintf(out, "\n};\n");
    fprintf(out, "const dk_lexslot dk_lex_table[] = {");
    for (size_t i = 0; i < size; i++)
        fprintf(out, "%s{0x%016llxull, %u, %u, 0x%xu},",
                i % 4 ? " " : "\n    ", (unsigned long long)slots[i].head,
                (unsigned)slots[i].len, (unsigned)slots[i].word,
                (unsigned)slots[i].ahead);
    fprintf(out, "\n};\n");
    if (fclose(out) != 0) {
        fprintf(stderr, "lexgen: %s: write error\n", argv[1]);
        return 1;
    }
    return 0;
}
