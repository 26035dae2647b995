/*
 * pack.c - `dostyk pack check DIR...` validates domain packs (one line a
 * problem, "DIR/FILE:LINE: problem"; exit 9 when there is any) and
 * `dostyk pack suggest [--pack DIR] FILE...` lists what a pack may be
 * missing in some texts: capitalised names that no alias covers, and the
 * phrases that announce a figure ("... amounted to $5 billion") where no
 * metric cue is found, most frequent first.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "../base/buf.h"
#include "../ingest/jsonl.h"
#include "../pack/pack.h"

#define MAX_NAME 120

static void usage(FILE *f)
{
    fprintf(f,
        "usage: dostyk pack check DIR...\n"
        "       dostyk pack suggest [--pack DIR] [--top N] FILE...\n\n"
        "check    validate domain packs: every problem on its own line with\n"
        "         the file and line; exit status 9 when there is any\n"
        "suggest  list capitalised names and figure cue phrases of the texts\n"
        "         (plain text, or JSON Lines for files ending in .jsonl) that\n"
        "         the pack does not know yet, most frequent first\n");
}

static void print_problem(void *ctx, const char *msg)
{
    (void)ctx;
    printf("%s\n", msg);
}

static int cmd_check(int argc, char **argv)
{
    if (argc < 2) {
        dk_cli_error("pack check: which pack? (dostyk pack check DIR...)");
        return DK_ERR_USAGE;
    }
    if (dk_cli_is_help(argv[1])) {
        usage(stdout);
        return DK_OK;
    }
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        int n = dk_pack_check(argv[i], print_problem, NULL);
        if (n) {
            dk_cli_error("pack check: %s: %d problem%s", argv[i], n,
                         n == 1 ? "" : "s");
            bad = 1;
        } else {
            char err[512];
            dk_pack *p = dk_pack_load(argv[i], err, sizeof err);
            int ne = 0, nm = 0, nr = 0;
            if (p) {
                dk_pack_entities(p, &ne);
                dk_pack_metrics(p, &nm);
                dk_pack_event_rules(p, &nr);
            }
            printf("%s: ok (%d entities, %d metrics, %d event rows)\n",
                   argv[i], ne, nm, nr);
            dk_pack_free(p);
        }
    }
    fflush(stdout);
    return bad ? DK_ERR_PACK : DK_OK;
}

/* ------------------------------------------------------------ suggest */

typedef struct counter {
    char **key;
    int *count;
    int n, cap;        /* open addressing, cap a power of two */
    int kind_names;    /* entries so far, for the report */
} counter;

static unsigned long hash(const char *s)
{
    unsigned long h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

static int count_add(counter *c, const char *s)
{
    if (c->n * 2 >= c->cap) {
        int cap = c->cap ? c->cap * 2 : 1024;
        char **k = calloc((size_t)cap, sizeof *k);
        int *v = calloc((size_t)cap, sizeof *v);
        if (!k || !v) {
            free(k);
            free(v);
            return DK_ERR_NOMEM;
        }
        for (int i = 0; i < c->cap; i++)
            if (c->key[i]) {
                unsigned long j = hash(c->key[i]) & (unsigned long)(cap - 1);
                while (k[j])
                    j = (j + 1) & (unsigned long)(cap - 1);
                k[j] = c->key[i];
                v[j] = c->count[i];
            }
        free(c->key);
        free(c->count);
        c->key = k;
        c->count = v;
        c->cap = cap;
    }
    unsigned long j = hash(s) & (unsigned long)(c->cap - 1);
    while (c->key[j] && strcmp(c->key[j], s) != 0)
        j = (j + 1) & (unsigned long)(c->cap - 1);
    if (!c->key[j]) {
        c->key[j] = strdup(s);
        if (!c->key[j])
            return DK_ERR_NOMEM;
        c->n++;
    }
    c->count[j]++;
    return DK_OK;
}

static void count_free(counter *c)
{
    for (int i = 0; i < c->cap; i++)
        free(c->key[i]);
    free(c->key);
    free(c->count);
}

typedef struct entry {
    const char *key;
    int count;
} entry;

static int by_count(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->key, y->key);
}

static int print_top(const counter *c, const char *title, int top)
{
    entry *v = malloc(((size_t)c->n + 1) * sizeof *v);
    if (!v)
        return DK_ERR_NOMEM;
    int n = 0;
    for (int i = 0; i < c->cap; i++)
        if (c->key[i])
            v[n++] = (entry){c->key[i], c->count[i]};
    qsort(v, (size_t)n, sizeof *v, by_count);
    printf("# %s\n", title);
    for (int i = 0; i < n && i < top; i++)
        printf("%d\t%s\n", v[i].count, v[i].key);
    free(v);
    return DK_OK;
}

static int is_word_char(unsigned char c)
{
    return isalnum(c) || c >= 0x80 || c == '\'' || c == '-';
}

static int is_connector(const char *w, size_t n)
{
    static const char *const c[] = {"of", "and", "for", "the", "on", "in",
                                    "de", NULL};
    for (int i = 0; c[i]; i++)
        if (strlen(c[i]) == n && memcmp(c[i], w, n) == 0)
            return 1;
    return 0;
}

/* Capitalised words that are no names: titles, function words, months. */
static int is_stopword(const char *w, size_t n)
{
    static const char *const stop[] = {
        "I", "A", "An", "The", "This", "That", "These", "Those", "It", "Its",
        "We", "Our", "He", "His", "She", "Her", "They", "Their", "You", "In",
        "On", "At", "As", "By", "For", "From", "With", "To", "Of", "And",
        "But", "Or", "If", "So", "Although", "While", "When", "After",
        "Before", "During", "Since", "Today", "Later", "Earlier", "Meanwhile",
        "However", "Also", "Then", "Now", "Yesterday", "Last", "Next",
        "First", "Both", "All", "Some", "Many", "Most", "Other", "Such",
        "Each", "Every", "According", "Under", "Over", "Between", "Among",
        "Despite", "Following", "Speaking", "Addressing", "Here", "There",
        "Thus", "Still", "Yet", "Only", "Just", "Even", "Another", "Mr", "Mrs", "Ms", "Dr",
        "President", "Prime", "Minister", "Deputy", "Vice", "Chairman",
        "Chair", "Head", "Ambassador", "General", "Secretary", "Foreign",
        "State", "Premier", "Senator", "Governor", "Mayor", "Director",
        "Editor", "Photo", "Source", "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November",
        "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
        "Sep", "Sept", "Oct", "Nov", "Dec", "ALSO", "READ", "MORE", "GDP",
        NULL};
    for (int i = 0; stop[i]; i++)
        if (strlen(stop[i]) == n && memcmp(stop[i], w, n) == 0)
            return 1;
    return 0;
}

/* Count s[a, b) of t as a suggestion once it is trimmed of connectors,
 * possessive endings and stop words at both ends. */
static int add_segment(const char *t, size_t a, size_t b, counter *names)
{
    for (;;) {  /* trim the front */
        while (a < b && !isalnum((unsigned char)t[a]) &&
               (unsigned char)t[a] < 0x80)
            a++;
        if (b - a >= 2 && t[a] == 's' && (a == 0 || !isalnum((unsigned char)t[a - 1])))
            a++;
        size_t w = a;
        while (w < b && is_word_char((unsigned char)t[w]))
            w++;
        if (w > a && (is_stopword(t + a, w - a) || is_connector(t + a, w - a) ||
                      !isupper((unsigned char)t[a])))
            a = w;
        else
            break;
    }
    for (;;) {  /* trim the back */
        while (b > a && !isalnum((unsigned char)t[b - 1]))
            b--;
        if (b - a >= 2 && t[b - 1] == 's' && t[b - 2] == '\'')
            b -= 2;
        else if (b - a >= 4 && t[b - 1] == 's' &&
                 memcmp(t + b - 4, "\xE2\x80\x99", 3) == 0)
            b -= 4;
        size_t w = b;
        while (w > a && is_word_char((unsigned char)t[w - 1]))
            w--;
        if (w < b && (is_stopword(t + w, b - w) || is_connector(t + w, b - w)))
            b = w;
        else
            break;
    }
    if (b <= a || b - a > MAX_NAME)
        return DK_OK;
    char key[MAX_NAME + 1];
    memcpy(key, t + a, b - a);
    key[b - a] = '\0';
    return count_add(names, key);
}

/* The parts of the name run t[a, b) that no alias of the pack covers. */
static int uncovered(const dk_pack *p, const char *t, size_t a, size_t b,
                     int opener, counter *names)
{
    dk_pack_match m[32];
    int k = dk_pack_find_entities(p, t + a, b - a, m, 32);
    size_t at = a;
    if (opener) {  /* "Landlocked Kazakhstan": the opening word alone */
        size_t w = a;
        while (w < b && is_word_char((unsigned char)t[w]))
            w++;
        size_t x = w;
        while (x < b && t[x] == ' ')
            x++;
        if (k > 0 && a + m[0].start == x)
            at = w;
    }
    for (int i = 0; i < k; i++) {
        if (a + m[i].start > at) {
            int st = add_segment(t, at, a + m[i].start, names);
            if (st)
                return st;
        }
        at = a + m[i].end;
    }
    return at < b ? add_segment(t, at, b, names) : DK_OK;
}

/* Capitalised word runs ("Ministry of Trade and Integration") not known
 * to the pack.  A lone word opening a sentence is skipped: it is more
 * often a common word than a name. */
static int suggest_names(const dk_pack *p, const char *t, size_t n,
                         counter *names)
{
    size_t i = 0;
    int sentence_start = 1;
    while (i < n) {
        unsigned char c = (unsigned char)t[i];
        if (!is_word_char(c)) {
            if (c == '.' || c == '!' || c == '?' || c == '\n')
                sentence_start = 1;
            i++;
            continue;
        }
        size_t a = i;
        while (i < n && is_word_char((unsigned char)t[i]))
            i++;
        if (!isupper((unsigned char)t[a])) {
            sentence_start = 0;
            continue;
        }
        /* extend over capitalised words and inner connectors */
        size_t b = i, words = 1;
        for (;;) {
            size_t j = b;
            while (j < n && t[j] == ' ')
                j++;
            if (j == b || j >= n)
                break;
            size_t k = j;
            while (k < n && is_word_char((unsigned char)t[k]))
                k++;
            if (k == j)
                break;
            if (isupper((unsigned char)t[j])) {
                b = k;
                words++;
                continue;
            }
            if (!is_connector(t + j, k - j))
                break;
            size_t l = k;
            while (l < n && t[l] == ' ')
                l++;
            if (l == k || l >= n || !isupper((unsigned char)t[l]))
                break;
            b = k;  /* the connector; the next word follows */
        }
        int opener = sentence_start;
        sentence_start = 0;
        i = b;
        if (words == 1 && opener)
            continue;
        if (opener) {  /* the opening word is as often no name */
            size_t w = a;
            while (w < b && is_word_char((unsigned char)t[w]))
                w++;
            if (is_stopword(t + a, w - a))
                a = w;
        }
        if (uncovered(p, t, a, b, opener, names))
            return DK_ERR_NOMEM;
    }
    return DK_OK;
}

/* Verbs that put a figure after the phrase naming what it measures. */
static const char *const figure_verbs[] = {
    "amounted to", "reached", "totaled", "totalled", "stood at",
    "exceeded", "grew to", "rose to", "increased to", "fell to",
    "decreased to", "hit", "surpassed", NULL};

/* "bilateral trade turnover amounted to $2 billion": the two or three
 * lower-case words before the verb, when no cue of the pack is in them. */
static int suggest_cues(const dk_pack *p, const char *t, size_t n,
                        counter *cues)
{
    for (size_t i = 1; i < n; i++) {
        if (t[i - 1] != ' ')
            continue;
        for (int v = 0; figure_verbs[v]; v++) {
            size_t vl = strlen(figure_verbs[v]);
            if (i + vl + 2 > n || strncmp(t + i, figure_verbs[v], vl) != 0 ||
                t[i + vl] != ' ')
                continue;
            size_t k = i + vl + 1;
            unsigned char f = (unsigned char)t[k];
            if (!(isdigit(f) || f == '$' || f == 0xE2 /* € */ ||
                  strncmp(t + k, "US$", 3) == 0))
                continue;
            /* skip an auxiliary, then walk back over up to three
             * lower-case words, not past a pronoun or relative word */
            size_t end = i - 1, start = end;
            static const char *const aux[] = {"has", "have", "had", "was",
                "were", "is", "are", "will", "also", "already", "which",
                "that", "it", "this", NULL};
            for (int again = 1; again;) {
                again = 0;
                for (int x = 0; aux[x]; x++) {
                    size_t l = strlen(aux[x]);
                    if (end > l && strncmp(t + end - l, aux[x], l) == 0 &&
                        t[end - l - 1] == ' ') {
                        end -= l + 1;
                        again = 1;
                        break;
                    }
                }
            }
            start = end;
            int words = 0;
            while (words < 3 && start > 0) {
                size_t j = start;
                while (j > 0 && t[j - 1] == ' ')
                    j--;
                size_t w = j;
                while (w > 0 && (islower((unsigned char)t[w - 1]) ||
                                 t[w - 1] == '-'))
                    w--;
                if (w == j || (w > 0 && is_word_char((unsigned char)t[w - 1])))
                    break;
                if ((is_connector(t + w, j - w) && words > 0) ||
                    (j - w == 4 && strncmp(t + w, "that", 4) == 0) ||
                    (j - w == 5 && strncmp(t + w, "which", 5) == 0))
                    break;
                start = w;
                words++;
            }
            if (words < 1 || end - start > MAX_NAME)
                continue;
            dk_pack_match m[4];
            if (dk_pack_find_cues(p, t + start, end - start, m, 4) > 0)
                continue;
            char key[MAX_NAME + 1];
            memcpy(key, t + start, end - start);
            key[end - start] = '\0';
            if (count_add(cues, key))
                return DK_ERR_NOMEM;
        }
    }
    return DK_OK;
}

static int suggest_text(const dk_pack *p, const char *t, size_t n,
                        counter *names, counter *cues)
{
    int st = suggest_names(p, t, n, names);
    return st ? st : suggest_cues(p, t, n, cues);
}

static int suggest_file(const dk_pack *p, const char *path, counter *names,
                        counter *cues)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        dk_cli_error("pack suggest: %s: cannot open: %s", path,
                     strerror(errno));
        return DK_ERR_IO;
    }
    size_t len = strlen(path);
    int jsonl = len > 6 && strcmp(path + len - 6, ".jsonl") == 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t k;
    int st = DK_OK;
    dk_buf all = {0};
    while (!st && (k = getline(&line, &cap, f)) >= 0) {
        if (!jsonl) {
            st = dk_buf_append(&all, line, (size_t)k);
            continue;
        }
        dk_record r;
        char err[256];
        if ((size_t)k <= 1 || dk_record_parse(line, (size_t)k, &r, err,
                                              sizeof err))
            continue;
        st = suggest_text(p, r.text, r.text_len, names, cues);
        dk_record_free(&r);
    }
    if (!st && !jsonl && all.len)
        st = suggest_text(p, all.data, all.len, names, cues);
    dk_buf_free(&all);
    free(line);
    fclose(f);
    return st;
}

static int cmd_suggest(int argc, char **argv)
{
    const char *dir = NULL;
    char def[4096];
    int top = 50, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--pack") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else if (strcmp(argv[i], "--top") == 0 && i + 1 < argc) {
            top = atoi(argv[++i]);
        } else if (dk_cli_is_help(argv[i])) {
            usage(stdout);
            return DK_OK;
        } else if (strcmp(argv[i], "--pack") == 0 ||
                   strcmp(argv[i], "--top") == 0) {
            dk_cli_error("pack suggest: %s needs a value", argv[i]);
            return DK_ERR_USAGE;
        } else {
            dk_cli_error("pack suggest: unknown option '%s' (see 'dostyk "
                         "pack --help')", argv[i]);
            return DK_ERR_USAGE;
        }
    }
    if (i >= argc) {
        dk_cli_error("pack suggest: which texts? (dostyk pack suggest "
                     "FILE...)");
        return DK_ERR_USAGE;
    }
    if (top < 1) {
        dk_cli_error("pack suggest: --top wants a positive number");
        return DK_ERR_USAGE;
    }
    if (!dir && dk_pack_default_dir(def, sizeof def))
        dir = def;
    if (!dir) {
        dk_cli_error("pack suggest: no pack found; give one with --pack DIR");
        return DK_ERR_PACK;
    }
    char err[512];
    dk_pack *p = dk_pack_load(dir, err, sizeof err);
    if (!p) {
        dk_cli_error("pack suggest: %s", err);
        return DK_ERR_PACK;
    }
    counter names = {0}, cues = {0};
    int st = DK_OK;
    for (; i < argc && !st; i++)
        st = suggest_file(p, argv[i], &names, &cues);
    if (!st)
        st = print_top(&names, "names the pack does not know", top);
    if (!st)
        st = print_top(&cues, "figure phrases with no metric cue", top);
    if (st == DK_ERR_NOMEM)
        dk_cli_error("pack suggest: out of memory");
    count_free(&names);
    count_free(&cues);
    dk_pack_free(p);
    return st;
}

int dk_cmd_pack(int argc, char **argv)
{
    if (argc < 2 || dk_cli_is_help(argv[1])) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? DK_ERR_USAGE : DK_OK;
    }
    if (strcmp(argv[1], "check") == 0)
        return cmd_check(argc - 1, argv + 1);
    if (strcmp(argv[1], "suggest") == 0)
        return cmd_suggest(argc - 1, argv + 1);
    if (argv[1][0] == '-') {
        dk_cli_error("pack: unknown option '%s' (see 'dostyk pack --help')",
                     argv[1]);
        return DK_ERR_USAGE;
    }
    dk_cli_error("pack: unknown subcommand '%s' (want check or suggest)",
                 argv[1]);
    return DK_ERR_USAGE;
}
