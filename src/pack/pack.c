/*
 * pack.c - loading and checking a domain pack (pack.h): pack.tsv,
 * entities.tsv and metrics.tsv are read line by line into arrays, every
 * alias goes into one Aho-Corasick matcher (ac.h) and every metric cue
 * into another.  The loader does not stop at the first problem: each one
 * is reported with its file and line, so `dostyk pack check` can list
 * them all; dk_pack_load fails when there was any.
 *
 * events.tsv (optional) declares event types and the phrases the event
 * reader (src/attribute/event.c) looks for; its phrases go into a third
 * matcher whose ids are the row numbers.  offices.tsv (optional) says who
 * held a title of a country when ("the Kazakh president" in 2024).
 *
 * Alias syntax (entities.tsv column 5, metrics.tsv column 5): phrases
 * separated by '|'; a phrase starting with '=' matches case-sensitively
 * ("=US" does not match "us").  The entity's name (column 4) is an alias
 * too.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "pack.h"
#include "ac.h"
#include "../text/utf8.h"

#define MAX_FILE (32u << 20)   /* a pack file larger than this is refused */
#define EVWORD_MAX 24          /* longest trigger first word kept, with NUL */

struct dk_pack {
    char name[64];
    char pair[2][DK_ID_MAX];
    dk_pack_entity *ents;
    int nents, capents;
    int *ent_line;             /* line of each entity, for messages */
    int *slot;                 /* id hash: entity index + 1, 0 = empty */
    int nslots;                /* a power of two, > 2 * nents */
    dk_pack_metric *mets;
    int nmets, capmets;
    dk_ac *ent_ac, *cue_ac;
    dk_pack_evtype *evtypes;
    int nevtypes, capevtypes;
    dk_pack_evrule *evrules;
    int nevrules, capevrules;
    int *evrule_line;          /* line of each rule, for messages */
    dk_ac *ev_ac;              /* NULL until events.tsv has a phrase */
    dk_ac_joint *joint;        /* the word filters of the three, joined */
    char (*evword)[EVWORD_MAX];/* key words of triggers: a hash set */
    int nevword, capevword;    /* capevword: a power of two, or 0 */
    int evword_all;            /* a key word too long for the set */
    char **keyphr;             /* trigger phrases, while loading */
    int nkeyphr, capkeyphr;
    dk_pack_evmask evmask;     /* [length][first letter]: last letters */
    dk_pack_office *offices;
    int noffices, capoffices;
    int *office_line;          /* line of each office, for messages */
};

/* The state of one load: where problems go and how many there were. */
typedef struct loader {
    dk_pack *p;
    const char *dir;
    const char *file;          /* file being read, for messages */
    int line;
    int problems;
    int nomem;
    dk_pack_report report;
    void *ctx;
} loader;

static void problem(loader *L, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void problem(loader *L, const char *fmt, ...)
{
    char msg[512], full[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (L->line > 0)
        snprintf(full, sizeof full, "%s/%s:%d: %s", L->dir, L->file,
                 L->line, msg);
    else
        snprintf(full, sizeof full, "%s/%s: %s", L->dir, L->file, msg);
    L->problems++;
    if (L->report)
        L->report(L->ctx, full);
}

static void out_of_memory(loader *L)
{
    if (!L->nomem)
        problem(L, "out of memory");
    L->nomem = 1;
}

/* Room for row n of a table that grows by doubling: *table points at the
 * rows (size bytes each), *lines (when not NULL) at the file line of each
 * row, both *cap long.  Returns 0, or -1 (reported) when out of memory. */
static int grow_rows(loader *L, void *table, size_t size, int **lines,
                     int n, int *cap, int first)
{
    if (n < *cap)
        return 0;
    int c = *cap ? *cap * 2 : first;
    void *rows;
    memcpy(&rows, table, sizeof rows);
    rows = realloc(rows, (size_t)c * size);
    if (rows)
        memcpy(table, &rows, sizeof rows);
    int *l = rows && lines ? realloc(*lines, (size_t)c * sizeof *l) : NULL;
    if (l)
        *lines = l;
    if (!rows || (lines && !l)) {
        out_of_memory(L);
        return -1;
    }
    *cap = c;
    return 0;
}

/* Read dir/name whole into a NUL-terminated buffer the caller frees.
 * Returns NULL with errno set (ENOENT when missing, EFBIG when too big). */
static char *read_file(const char *dir, const char *name, size_t *len)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >=
        sizeof path) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            if (cap >= MAX_FILE) {
                free(buf);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            char *b = realloc(buf, cap * 2);
            if (!b)
                break;
            buf = b;
            cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - 1 - n, f);
        n += k;
        if (k == 0)
            break;
    }
    if (!buf || ferror(f)) {
        int e = buf ? EIO : ENOMEM;
        free(buf);
        fclose(f);
        errno = e;
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Split line into at most max tab-separated fields (in place). Returns
 * the number of fields, or max + 1 when there are more. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    for (char *s = line;;) {
        if (n == max)
            return max + 1;
        f[n++] = s;
        char *t = strchr(s, '\t');
        if (!t)
            return n;
        *t = '\0';
        s = t + 1;
    }
}

static int valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= DK_ID_MAX)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

static int in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

static const char *const entity_types[] = {
    "person", "organization", "place", "country", "program", "event", NULL};

static const char *const units[] = {
    "%", "t", "kg", "km", "m", "km2", "ha", "TEU", "container", "train",
    "person", "count", "rank", "unit", "times", "minute", "hour", "day",
    "week", "month", "year", NULL};

static const char *const kinds[] = {
    "number", "ordinal", "percent", "money", "quantity", "date", "duration",
    NULL};

static int valid_unit(const char *u)
{
    if (strlen(u) == 3 && u[0] >= 'A' && u[0] <= 'Z' && u[1] >= 'A' &&
        u[1] <= 'Z' && u[2] >= 'A' && u[2] <= 'Z')
        return 1;  /* an ISO 4217 currency code */
    return in_list(u, units);
}

/* "money,percent" or "money percent"; "-" for any kind. */
static int valid_kinds(loader *L, const char *s)
{
    if (strcmp(s, "-") == 0)
        return 1;
    char buf[64];
    if (!*s || strlen(s) >= sizeof buf) {
        problem(L, "kinds must be a list of mention kinds, or '-'");
        return 0;
    }
    strcpy(buf, s);
    int ok = 1;
    for (char *k = strtok(buf, ", "); k; k = strtok(NULL, ", "))
        if (!in_list(k, kinds)) {
            problem(L, "unknown mention kind '%s' (want number, ordinal, "
                       "percent, money, quantity, date or duration)", k);
            ok = 0;
        }
    return ok;
}

/* FNV-1a, a byte at a time (dk_pack_event_word hashes as it folds). */
#define ID_HASH_START 2166136261u

static inline unsigned id_hash_byte(unsigned h, unsigned char c)
{
    return (h ^ c) * 16777619u;
}

static unsigned id_hash(const char *s)
{
    unsigned h = ID_HASH_START;
    while (*s)
        h = id_hash_byte(h, (unsigned char)*s++);
    return h;
}

/* Index of entity id, or -1; with add >= 0, record that index instead
 * when the id is not there (returns -1, or -2 when out of memory). */
static int id_lookup(dk_pack *p, const char *id, int add)
{
    if (add >= 0 && (add + 1) * 2 >= p->nslots) {
        int n = p->nslots ? p->nslots * 2 : 1024;
        int *v = calloc((size_t)n, sizeof *v);
        if (!v)
            return -2;
        free(p->slot);
        p->slot = v;
        p->nslots = n;
        for (int i = 0; i < add; i++) {
            unsigned j = id_hash(p->ents[i].id) & (unsigned)(n - 1);
            while (v[j])
                j = (j + 1) & (unsigned)(n - 1);
            v[j] = i + 1;
        }
    }
    if (!p->nslots)
        return -1;
    unsigned j = id_hash(id) & (unsigned)(p->nslots - 1);
    for (; p->slot[j]; j = (j + 1) & (unsigned)(p->nslots - 1))
        if (strcmp(p->ents[p->slot[j] - 1].id, id) == 0)
            return p->slot[j] - 1;
    if (add >= 0)
        p->slot[j] = add + 1;
    return -1;
}

static int find_entity(const dk_pack *p, const char *id)
{
    return id_lookup((dk_pack *)p, id, -1);
}

static int find_metric(const dk_pack *p, const char *id)
{
    for (int i = 0; i < p->nmets; i++)
        if (strcmp(p->mets[i].id, id) == 0)
            return i;
    return -1;
}

/* Add each '|'-separated phrase of list to matcher a with id idx. */
enum { TAB_ENTITY, TAB_METRIC, TAB_EVENT };

static void add_phrases(loader *L, dk_ac *a, char *list, int idx,
                        const char *what, int table)
{
    for (char *s = list; s;) {
        char *bar = strchr(s, '|');
        if (bar)
            *bar = '\0';
        while (*s == ' ')
            s++;
        size_t n = strlen(s);
        while (n && s[n - 1] == ' ')
            n--;
        s[n] = '\0';
        int exact = 0;
        if (*s == '=') {
            exact = 1;
            s++;
            n--;
        }
        if (n == 0) {
            problem(L, "empty %s (two '|' in a row, or a '|' at an end)",
                    what);
        } else {
            int dup = -1;
            int r = dk_ac_add(a, s, n, idx, exact, &dup);
            if (r == DK_AC_NOMEM) {
                out_of_memory(L);
            } else if (r == DK_AC_LONG) {
                problem(L, "%s '%.40s...' is longer than %d bytes", what, s,
                        DK_AC_MAXPAT);
            } else if (r == DK_AC_EMPTY) {
                problem(L, "%s '%s' has no letters or digits", what, s);
            } else if (r == DK_AC_DUP) {
                const char *other = table == TAB_METRIC
                                        ? L->p->mets[dup].id
                                    : table == TAB_ENTITY
                                        ? L->p->ents[dup].id : "";
                if (dup == idx)
                    problem(L, "%s '%s' is repeated", what, s);
                else if (table == TAB_EVENT)
                    problem(L, "%s '%s' is already on line %d", what, s,
                            L->p->evrule_line[dup]);
                else if (table == TAB_METRIC)
                    problem(L, "%s '%s' is already a cue of '%s'", what, s,
                            other);
                else
                    problem(L, "%s '%s' already names '%s' (line %d)", what,
                            s, other, L->p->ent_line[dup]);
            }
        }
        s = bar ? bar + 1 : NULL;
    }
}

/* Call fn on every line of buf that is not blank or a '#' comment. */
static void each_line(loader *L, char *buf, size_t len,
                      void (*fn)(loader *, char *))
{
    size_t at = 0;
    dk_utf8_state u8;
    memset(&u8, 0, sizeof u8);
    int r = dk_utf8_check(&u8, (const unsigned char *)buf, len, &at);
    if (r == DK_UTF8_OK && dk_utf8_incomplete(&u8))
        r = DK_UTF8_BAD, at = len;
    if (r != DK_UTF8_OK) {
        L->line = 1;
        for (size_t i = 0; i < at; i++)
            L->line += buf[i] == '\n';
        problem(L, r == DK_UTF8_NUL ? "NUL byte: not a text file"
                                    : "invalid UTF-8");
        return;
    }
    L->line = 0;
    for (char *s = buf; s && *s;) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        L->line++;
        size_t n = strlen(s);
        if (n && s[n - 1] == '\r')
            s[--n] = '\0';
        size_t k = strspn(s, " \t");
        if (s[k] && s[k] != '#')
            fn(L, s);
        s = nl ? nl + 1 : NULL;
    }
}

static void pack_line(loader *L, char *s)
{
    char *f[3];
    int n = split_tabs(s, f, 2);
    if (n != 2) {
        problem(L, "want key<TAB>value");
        return;
    }
    if (strcmp(f[0], "name") == 0) {
        if (strlen(f[1]) >= sizeof L->p->name)
            problem(L, "name longer than %d bytes",
                    (int)sizeof L->p->name - 1);
        snprintf(L->p->name, sizeof L->p->name, "%s", f[1]);
    } else if (strcmp(f[0], "pair") == 0) {
        char a[DK_ID_MAX], b[DK_ID_MAX], extra;
        if (strlen(f[1]) >= DK_ID_MAX ||
            sscanf(f[1], "%63s %63s %c", a, b, &extra) != 2 ||
            !valid_id(a) || !valid_id(b)) {
            problem(L, "pair must be two entity ids, e.g. \"KZ CN\"");
            return;
        }
        strcpy(L->p->pair[0], a);
        strcpy(L->p->pair[1], b);
    } else if (strcmp(f[0], "description") != 0 &&
               strcmp(f[0], "version") != 0 &&
               strcmp(f[0], "license") != 0 &&
               strcmp(f[0], "source") != 0) {
        problem(L, "unknown key '%s' (want name, description, pair, "
                   "version, license or source)", f[0]);
    }
}

static void entity_line(loader *L, char *s)
{
    dk_pack *p = L->p;
    char *f[6];
    int n = split_tabs(s, f, 5);
    if (n < 4 || n > 5) {
        problem(L, "want 4 or 5 tab-separated fields "
                   "(id, type, country, name, aliases), found %d",
                n > 5 ? 6 : n);
        return;
    }
    if (!valid_id(f[0])) {
        problem(L, "bad id '%.60s' (letters, digits and '_', at most %d)",
                f[0], DK_ID_MAX - 1);
        return;
    }
    int old = find_entity(p, f[0]);
    if (old >= 0) {
        problem(L, "duplicate id '%s' (first on line %d)", f[0],
                p->ent_line[old]);
        return;
    }
    int ok = 1;
    if (!in_list(f[1], entity_types)) {
        problem(L, "unknown type '%.30s' (want person, organization, place, "
                   "country, program or event)", f[1]);
        ok = 0;
    }
    if (strcmp(f[2], "-") != 0 && f[2][0] && !valid_id(f[2])) {
        problem(L, "bad country '%.30s' (an entity id, or '-')", f[2]);
        ok = 0;
    }
    if (!f[3][0]) {
        problem(L, "empty name");
        ok = 0;
    }
    if (!ok)
        return;
    if (grow_rows(L, &p->ents, sizeof *p->ents, &p->ent_line, p->nents,
                  &p->capents, 256))
        return;
    dk_pack_entity *e = &p->ents[p->nents];
    memset(e, 0, sizeof *e);
    e->name = strdup(f[3]);
    if (!e->name) {
        out_of_memory(L);
        return;
    }
    strcpy(e->id, f[0]);
    strcpy(e->type, f[1]);
    if (strcmp(f[2], "-") != 0)
        strcpy(e->country, f[2]);
    p->ent_line[p->nents] = L->line;
    if (id_lookup(p, e->id, p->nents) == -2) {
        free((char *)e->name);
        out_of_memory(L);
        return;
    }
    int idx = p->nents++;
    add_phrases(L, p->ent_ac, f[3], idx, "name", TAB_ENTITY);
    if (n == 5 && f[4][0])
        add_phrases(L, p->ent_ac, f[4], idx, "alias", TAB_ENTITY);
}

static void metric_line(loader *L, char *s)
{
    dk_pack *p = L->p;
    char *f[6];
    int n = split_tabs(s, f, 5);
    if (n != 5) {
        problem(L, "want 5 tab-separated fields (id, unit, kinds, order, "
                   "cues), found %d", n > 5 ? 6 : n);
        return;
    }
    if (!valid_id(f[0])) {
        problem(L, "bad metric id '%.60s'", f[0]);
        return;
    }
    if (find_metric(p, f[0]) >= 0) {
        problem(L, "duplicate metric '%s'", f[0]);
        return;
    }
    int ok = 1;
    if (!valid_unit(f[1])) {
        problem(L, "unknown unit '%.30s' (a currency code or one of %%, t, "
                   "km, TEU, count, rank, day, person, ...)", f[1]);
        ok = 0;
    }
    if (!valid_kinds(L, f[2]))
        ok = 0;
    if (!f[3][0] || strlen(f[3]) >= sizeof p->mets[0].order) {
        problem(L, "order must be a word of at most %d bytes",
                (int)sizeof p->mets[0].order - 1);
        ok = 0;
    }
    if (!ok)
        return;
    if (grow_rows(L, &p->mets, sizeof *p->mets, NULL, p->nmets,
                  &p->capmets, 32))
        return;
    dk_pack_metric *m = &p->mets[p->nmets];
    memset(m, 0, sizeof *m);
    strcpy(m->id, f[0]);
    strcpy(m->unit, f[1]);
    strcpy(m->kinds, f[2]);
    strcpy(m->order, f[3]);
    int idx = p->nmets++;
    add_phrases(L, p->cue_ac, f[4], idx, "cue", TAB_METRIC);
}

/* ---- events.tsv ---- */

static const char *const evkind_names[DK_EV_KIND_COUNT] = {
    "", "verb", "noun", "support", "intent", "title", "pronoun", "pair",
    "role", "frame", "document", "worth", "block", "vague", "skip", "aux",
    "stop"};

/* The argument words each row kind accepts ("-" is always allowed). */
static const char *const verb_args[] = {"place", "partner", "guest", NULL};
static const char *const support_args[] = {"after", NULL};
static const char *const intent_args[] = {"strong", "aux", NULL};
static const char *const pair_args[] = {"adj", "leaders", NULL};
static const char *const role_args[] = {"partner", "agent", "place",
                                        "dest", "actor", "target", "group",
                                        NULL};
static const char *const block_args[] = {"after", NULL};
static const char *const pronoun_args[] = {"plural", "visitor", NULL};
static const char *const aux_args[] = {"passive", NULL};
static const char *const no_args[] = {NULL};

static const char *const *args_of(dk_evkind k)
{
    switch (k) {
    case DK_EV_VERB:
    case DK_EV_NOUN:
        return verb_args;
    case DK_EV_SUPPORT:
        return support_args;
    case DK_EV_INTENT:
        return intent_args;
    case DK_EV_PAIR:
        return pair_args;
    case DK_EV_ROLE:
        return role_args;
    case DK_EV_AUX:
        return aux_args;
    case DK_EV_BLOCK:
        return block_args;
    case DK_EV_PRONOUN:
    case DK_EV_TITLE:
        return pronoun_args;
    default:
        return no_args;
    }
}

static int find_evtype(const dk_pack *p, const char *name)
{
    for (int i = 0; i < p->nevtypes; i++)
        if (strcmp(p->evtypes[i].name, name) == 0)
            return i;
    return -1;
}

/* "type<TAB>NAME<TAB>CAMEO": an event type and its CAMEO code. */
static void evtype_line(loader *L, char **f, int n)
{
    dk_pack *p = L->p;
    if (n != 3) {
        problem(L, "a type row wants 3 tab-separated fields (type, name, "
                   "CAMEO code), found %d", n > 3 ? 4 : n);
        return;
    }
    if (!valid_id(f[1]) || strlen(f[1]) >= sizeof p->evtypes[0].name) {
        problem(L, "bad event type name '%.30s' (letters, digits and '_', "
                   "at most %d)", f[1], (int)sizeof p->evtypes[0].name - 1);
        return;
    }
    size_t cl = strlen(f[2]);
    if (cl < 2 || cl >= sizeof p->evtypes[0].cameo ||
        strspn(f[2], "0123456789") != cl) {
        problem(L, "CAMEO code '%.30s' of '%s' must be 2 to %d digits",
                f[2], f[1], (int)sizeof p->evtypes[0].cameo - 1);
        return;
    }
    if (find_evtype(p, f[1]) >= 0) {
        problem(L, "event type '%s' is declared twice", f[1]);
        return;
    }
    if (grow_rows(L, &p->evtypes, sizeof *p->evtypes, NULL, p->nevtypes,
                  &p->capevtypes, 8))
        return;
    dk_pack_evtype *t = &p->evtypes[p->nevtypes++];
    memset(t, 0, sizeof *t);
    strcpy(t->name, f[1]);
    strcpy(t->cameo, f[2]);
}

/* The letter index of c for evmask: a-z -> 0-25, anything else 26. */
#define ML1(c) ((c) >= 'a' && (c) <= 'z'   ? (c) - 'a' \
                : (c) >= 'A' && (c) <= 'Z' ? (c) - 'A' : 26)
#define ML4(c) ML1(c), ML1((c) + 1), ML1((c) + 2), ML1((c) + 3)
#define ML16(c) ML4(c), ML4((c) + 4), ML4((c) + 8), ML4((c) + 12)
#define ML64(c) ML16(c), ML16((c) + 16), ML16((c) + 32), ML16((c) + 48)
const unsigned char dk_pack_mask_letter[256] = {ML64(0), ML64(64), ML64(128),
                                                ML64(192)};

static int mask_letter(char c)
{
    return dk_pack_mask_letter[(unsigned char)c];
}

/* Insert w into the set of trigger first words; 0 when out of memory. */
static int evword_put(dk_pack *p, const char *w)
{
    size_t wl = strlen(w);
    p->evmask[wl < 16 ? wl : 15][mask_letter(w[0])] |=
        1u << mask_letter(w[wl - 1]);
    if ((p->nevword + 1) * 2 > p->capevword) {
        int cap = p->capevword ? p->capevword * 2 : 256;
        char (*v)[EVWORD_MAX] = calloc((size_t)cap, sizeof *v);
        if (!v)
            return 0;
        for (int i = 0; i < p->capevword; i++) {
            if (!p->evword[i][0])
                continue;
            unsigned j = id_hash(p->evword[i]) & (unsigned)(cap - 1);
            while (v[j][0])
                j = (j + 1) & (unsigned)(cap - 1);
            memcpy(v[j], p->evword[i], EVWORD_MAX);
        }
        free(p->evword);
        p->evword = v;
        p->capevword = cap;
    }
    unsigned j = id_hash(w) & (unsigned)(p->capevword - 1);
    for (; p->evword[j][0]; j = (j + 1) & (unsigned)(p->capevword - 1))
        if (strcmp(p->evword[j], w) == 0)
            return 1;
    strcpy(p->evword[j], w);
    p->nevword++;
    return 1;
}

/* Is w (normalised) a one-word phrase of a row of function words ("in",
 * "with", "was", "the two sides")?  Such words are in most sentences: no
 * key words. */
static int argument_word(const dk_pack *p, const char *w)
{
    dk_ac_hit h;
    size_t n = strlen(w);
    if (!p->ev_ac || dk_ac_find(p->ev_ac, w, n, &h, 1) != 1 || h.start != 0 ||
        h.end != n)
        return 0;
    dk_evkind k = p->evrules[h.index].kind;
    return k == DK_EV_ROLE || k == DK_EV_FRAME || k == DK_EV_AUX ||
           k == DK_EV_STOP || k == DK_EV_PRONOUN || k == DK_EV_PAIR ||
           k == DK_EV_BLOCK;
}

/* Is w (normalised) a one-word trigger phrase itself ("visit" of
 * "working visit")?  Then it is the phrase's key word: no new one. */
static int trigger_word(const dk_pack *p, const char *w)
{
    dk_ac_hit h;
    size_t n = strlen(w);
    if (!p->ev_ac || dk_ac_find(p->ev_ac, w, n, &h, 1) != 1 || h.start != 0 ||
        h.end != n)
        return 0;
    dk_evkind k = p->evrules[h.index].kind;
    return k == DK_EV_VERB || k == DK_EV_NOUN ||
           (k == DK_EV_INTENT && strcmp(p->evrules[h.index].arg, "strong") == 0);
}

/* The key word of every trigger phrase: its longest word that is not an
 * argument word; any text holding the phrase holds it as a word too.
 * Called once every row is read (the matcher built). */
static void note_key_words(loader *L)
{
    dk_pack *p = L->p;
    char norm[DK_AC_MAXPAT + 1];
    for (int r = 0; r < p->nkeyphr; r++) {
        int k = dk_ac_normalise(p->keyphr[r], strlen(p->keyphr[r]), 1, norm,
                                sizeof norm);
        /* a word that is a trigger phrase of its own ("visit" of "working
         * visit"), else the longest word that is no function word (on a tie
         * the later), else the longest word */
        const char *best = NULL, *any = NULL;
        size_t bestn = 0, anyn = 0;
        for (int i = 0; i < k;) {
            int j = i;
            while (j < k && norm[j] != ' ')
                j++;
            size_t wn = (size_t)(j - i);
            if (wn > anyn) {
                any = norm + i;
                anyn = wn;
            }
            char w[EVWORD_MAX];
            int arg = 0, trig = 0;
            if (wn < EVWORD_MAX) {
                memcpy(w, norm + i, wn);
                w[wn] = '\0';
                arg = argument_word(p, w);
                trig = wn < (size_t)k && trigger_word(p, w);
            }
            if (trig) {   /* a trigger word of its own: already a key */
                best = norm + i;
                bestn = wn;
                break;
            }
            if (wn >= bestn && !arg) {
                best = norm + i;
                bestn = wn;
            }
            i = j + 1;
        }
        if (!best) {
            best = any;
            bestn = anyn;
        }
        if (!best)
            continue;
        if (bestn >= EVWORD_MAX) {
            p->evword_all = 1;
            continue;
        }
        char w[EVWORD_MAX];
        memcpy(w, best, bestn);
        w[bestn] = '\0';
        if (!evword_put(p, w))
            out_of_memory(L);
    }
}

static void free_key_phrases(dk_pack *p)
{
    for (int i = 0; i < p->nkeyphr; i++)
        free(p->keyphr[i]);
    free(p->keyphr);
    p->keyphr = NULL;
    p->nkeyphr = p->capkeyphr = 0;
}

/* Keep each phrase of list (a trigger row) for note_key_words. */
static void keep_phrases(loader *L, const char *list)
{
    dk_pack *p = L->p;
    for (const char *s = list; s;) {
        const char *bar = strchr(s, '|');
        size_t n = bar ? (size_t)(bar - s) : strlen(s);
        if (n && *s == '=')
            s++, n--;
        if (p->nkeyphr == p->capkeyphr) {
            int cap = p->capkeyphr ? p->capkeyphr * 2 : 64;
            char **v = realloc(p->keyphr, (size_t)cap * sizeof *v);
            if (!v) {
                out_of_memory(L);
                return;
            }
            p->keyphr = v;
            p->capkeyphr = cap;
        }
        char *c = strndup(s, n);
        if (!c) {
            out_of_memory(L);
            return;
        }
        p->keyphr[p->nkeyphr++] = c;
        s = bar ? bar + 1 : NULL;
    }
}

static void event_line(loader *L, char *s)
{
    dk_pack *p = L->p;
    char *f[5];
    int n = split_tabs(s, f, 4);
    if (strcmp(f[0], "type") == 0) {
        evtype_line(L, f, n);
        return;
    }
    dk_evkind k = DK_EV_NONE;
    for (int i = 1; i < DK_EV_KIND_COUNT; i++)
        if (strcmp(f[0], evkind_names[i]) == 0)
            k = (dk_evkind)i;
    if (k == DK_EV_NONE) {
        problem(L, "unknown row kind '%.30s' (want type, verb, noun, support, "
                   "intent, title, pronoun, pair, role, frame, document, "
                   "worth, block, vague, skip, aux or stop)", f[0]);
        return;
    }
    if (n != 4) {
        problem(L, "want 4 tab-separated fields (kind, type, arg, phrases), "
                   "found %d", n > 4 ? 5 : n);
        return;
    }
    int type = -1;
    if (k == DK_EV_VERB || k == DK_EV_NOUN) {
        type = find_evtype(p, f[1]);
        if (type < 0) {
            problem(L, "event type '%.30s' is not declared by a type row "
                       "above", f[1]);
            return;
        }
    } else if (strcmp(f[1], "-") != 0) {
        problem(L, "a %s row has no event type: write '-'", f[0]);
        return;
    }
    const char *const *args = args_of(k);
    if (strcmp(f[2], "-") != 0 && !in_list(f[2], args)) {
        char want[160] = "";
        for (const char *const *a = args; *a; a++)
            snprintf(want + strlen(want), sizeof want - strlen(want),
                     "%s, ", *a);
        problem(L, "unknown argument '%.30s' of a %s row (want %s'-')",
                f[2], f[0], want);
        return;
    }
    if (grow_rows(L, &p->evrules, sizeof *p->evrules, &p->evrule_line,
                  p->nevrules, &p->capevrules, 64))
        return;
    if (!p->ev_ac && !(p->ev_ac = dk_ac_new())) {
        out_of_memory(L);
        return;
    }
    dk_pack_evrule *r = &p->evrules[p->nevrules];
    memset(r, 0, sizeof *r);
    r->kind = k;
    r->type = type;
    if (strcmp(f[2], "-") != 0)
        strcpy(r->arg, f[2]);  /* in_list: one of the short words above */
    p->evrule_line[p->nevrules] = L->line;
    int idx = p->nevrules++;
    if (k == DK_EV_VERB || k == DK_EV_NOUN ||
        (k == DK_EV_INTENT && strcmp(r->arg, "strong") == 0))
        keep_phrases(L, f[3]);
    add_phrases(L, p->ev_ac, f[3], idx, "phrase", TAB_EVENT);
}

/* Is d an ISO date "YYYY-MM-DD" (or "-", open: *d set to "")? */
static int office_date(char *d)
{
    if (strcmp(d, "-") == 0) {
        d[0] = '\0';
        return 1;
    }
    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
            return 0;
    int m = (d[5] - '0') * 10 + d[6] - '0', day = (d[8] - '0') * 10 + d[9] - '0';
    return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

/* offices.tsv: country, person, from, to, titles.  The titles are kept
 * lower-case, each without a leading "the ". */
static void office_line(loader *L, char *s)
{
    dk_pack *p = L->p;
    char *f[6];
    int n = split_tabs(s, f, 5);
    if (n != 5) {
        problem(L, "want 5 tab-separated fields (country, person, from, "
                   "to, titles), found %d", n > 5 ? 6 : n);
        return;
    }
    if (!valid_id(f[0]) || !valid_id(f[1])) {
        problem(L, "bad id '%.60s' (letters, digits and '_', at most %d)",
                valid_id(f[0]) ? f[1] : f[0], DK_ID_MAX - 1);
        return;
    }
    if (!office_date(f[2]) || !office_date(f[3])) {
        problem(L, "bad date: want YYYY-MM-DD or '-'");
        return;
    }
    if (f[2][0] && f[3][0] && strcmp(f[2], f[3]) > 0) {
        problem(L, "the office ends (%s) before it starts (%s)", f[3], f[2]);
        return;
    }
    size_t tl = strlen(f[4]);
    if (!tl || f[4][0] == '|' || f[4][tl - 1] == '|' || strstr(f[4], "||")) {
        problem(L, "empty title");
        return;
    }
    if (grow_rows(L, &p->offices, sizeof *p->offices, &p->office_line,
                  p->noffices, &p->capoffices, 16))
        return;
    dk_pack_office *o = &p->offices[p->noffices];
    memset(o, 0, sizeof *o);
    o->titles = malloc(tl + 1);
    if (!o->titles) {
        out_of_memory(L);
        return;
    }
    char *w = o->titles;
    for (const char *t = f[4]; *t;) {   /* each phrase, "the " dropped */
        if (strncasecmp(t, "the ", 4) == 0)
            t += 4;
        while (*t && *t != '|') {
            char c = *t++;
            *w++ = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        }
        if (*t == '|')
            *w++ = *t++;
    }
    *w = '\0';
    strcpy(o->country, f[0]);
    strcpy(o->person, f[1]);
    strcpy(o->from, f[2]);
    strcpy(o->to, f[3]);
    p->office_line[p->noffices++] = L->line;
}

/* Read one file of the pack; a missing optional file is no problem. */
static void read_part(loader *L, const char *name, int required,
                      void (*fn)(loader *, char *))
{
    size_t len = 0;
    L->file = name;
    L->line = 0;
    char *buf = read_file(L->dir, name, &len);
    if (!buf) {
        if (errno == ENOMEM)
            out_of_memory(L);
        else if (errno != ENOENT || required)
            problem(L, "cannot read: %s", errno == EFBIG
                                               ? "larger than 32 MiB"
                                               : strerror(errno));
        return;
    }
    each_line(L, buf, len, fn);
    free(buf);
    L->line = 0;
}

/* Cross-references that need every entity: countries and the pair. */
static void check_refs(loader *L)
{
    dk_pack *p = L->p;
    L->file = "entities.tsv";
    for (int i = 0; i < p->nents; i++) {
        const char *c = p->ents[i].country;
        if (!*c)
            continue;
        int k = find_entity(p, c);
        if (k < 0 || strcmp(p->ents[k].type, "country") != 0) {
            L->line = p->ent_line[i];
            problem(L, "country '%s' of '%s' is not an entity of type "
                       "country", c, p->ents[i].id);
        }
    }
    L->file = "offices.tsv";
    for (int i = 0; i < p->noffices; i++) {
        const dk_pack_office *o = &p->offices[i];
        int c = find_entity(p, o->country), k = find_entity(p, o->person);
        L->line = p->office_line[i];
        if (c < 0 || strcmp(p->ents[c].type, "country") != 0)
            problem(L, "'%s' is not an entity of type country", o->country);
        if (k < 0 || strcmp(p->ents[k].type, "person") != 0)
            problem(L, "'%s' is not an entity of type person", o->person);
    }
    L->file = "pack.tsv";
    L->line = 0;
    for (int w = 0; w < 2; w++)
        if (p->pair[w][0] && find_entity(p, p->pair[w]) < 0)
            problem(L, "pair names '%s', which entities.tsv does not have",
                    p->pair[w]);
}

/* Load dir, reporting each problem; NULL only when out of memory. */
static dk_pack *load(const char *dir, dk_pack_report report, void *ctx,
                     int *nproblems)
{
    loader L;
    memset(&L, 0, sizeof L);
    L.dir = dir;
    L.report = report;
    L.ctx = ctx;
    L.file = "pack.tsv";
    dk_pack *p = calloc(1, sizeof *p);
    if (p) {
        p->ent_ac = dk_ac_new();
        p->cue_ac = dk_ac_new();
    }
    if (!p || !p->ent_ac || !p->cue_ac) {
        dk_pack_free(p);
        out_of_memory(&L);
        *nproblems = L.problems;
        return NULL;
    }
    L.p = p;
    read_part(&L, "pack.tsv", 1, pack_line);
    int before = L.problems;
    read_part(&L, "entities.tsv", 1, entity_line);
    int entities_ok = L.problems == before;
    read_part(&L, "metrics.tsv", 0, metric_line);
    read_part(&L, "events.tsv", 0, event_line);
    read_part(&L, "offices.tsv", 0, office_line);
    if (entities_ok)  /* else the references would only echo a problem */
        check_refs(&L);
    if (!L.problems && (dk_ac_build_lean(p->ent_ac) ||
                        dk_ac_build_lean(p->cue_ac) ||
                        (p->ev_ac && dk_ac_build_lean(p->ev_ac)) ||
                        !(p->joint = dk_ac_joint_new(
                              (const dk_ac *const[]){p->ent_ac, p->cue_ac,
                                                     p->ev_ac},
                              p->ev_ac ? 3 : 2)))) {
        L.file = "entities.tsv";
        out_of_memory(&L);
    }
    if (!L.problems) {
        L.file = "events.tsv";
        note_key_words(&L);
    }
    free_key_phrases(p);
    *nproblems = L.problems;
    return p;
}

typedef struct first_msg {
    char *buf;
    size_t cap;
    int seen;
} first_msg;

static void keep_first(void *ctx, const char *msg)
{
    first_msg *f = ctx;
    if (!f->seen++ && f->cap)
        snprintf(f->buf, f->cap, "%s", msg);
}

dk_pack *dk_pack_load(const char *dir, char *err, size_t cap)
{
    first_msg f = {err, cap, 0};
    int n = 0;
    if (err && cap)
        err[0] = '\0';
    dk_pack *p = load(dir, keep_first, &f, &n);
    if (n) {
        dk_pack_free(p);
        return NULL;
    }
    return p;
}

int dk_pack_check(const char *dir, dk_pack_report report, void *ctx)
{
    int n = 0;
    dk_pack *p = load(dir, report, ctx, &n);
    dk_pack_free(p);
    return n;
}

void dk_pack_free(dk_pack *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->nents; i++)
        free((char *)p->ents[i].name);
    free(p->ents);
    free(p->ent_line);
    free(p->slot);
    free(p->mets);
    dk_ac_free(p->ent_ac);
    dk_ac_free(p->cue_ac);
    free(p->evtypes);
    free(p->evrules);
    free(p->evrule_line);
    dk_ac_free(p->ev_ac);
    dk_ac_joint_free(p->joint);
    free(p->evword);
    free_key_phrases(p);
    for (int i = 0; i < p->noffices; i++)
        free(p->offices[i].titles);
    free(p->offices);
    free(p->office_line);
    free(p);
}

/* Is the phrase t[0, n) (lower-case, no leading "the ") one of the
 * '|'-separated titles? */
static int has_title(const char *titles, const char *t, size_t n)
{
    for (const char *s = titles; *s;) {
        size_t k = strcspn(s, "|");
        if (k == n && memcmp(s, t, n) == 0)
            return 1;
        s += k + (s[k] == '|');
    }
    return 0;
}

const char *dk_pack_office_holder(const dk_pack *p, const char *country,
                                  const char *title, size_t n,
                                  const char *date)
{
    char t[64];
    if (n >= 4 && strncasecmp(title, "the ", 4) == 0)
        title += 4, n -= 4;
    if (!p->noffices || n >= sizeof t || !date || strlen(date) < 10)
        return NULL;
    for (size_t i = 0; i < n; i++)
        t[i] = title[i] >= 'A' && title[i] <= 'Z' ? (char)(title[i] - 'A' + 'a')
                                                  : title[i];
    for (int i = 0; i < p->noffices; i++) {
        const dk_pack_office *o = &p->offices[i];
        if (strcmp(o->country, country) == 0 &&
            (!o->from[0] || memcmp(o->from, date, 10) <= 0) &&
            (!o->to[0] || memcmp(date, o->to, 10) <= 0) &&
            has_title(o->titles, t, n))
            return o->person;
    }
    return NULL;
}

const char *dk_pack_name(const dk_pack *p)
{
    return p->name;
}

const char *dk_pack_pair(const dk_pack *p, int which)
{
    return which == 0 || which == 1 ? p->pair[which] : "";
}

const dk_pack_entity *dk_pack_entities(const dk_pack *p, int *n)
{
    if (n)
        *n = p->nents;
    return p->ents;
}

const dk_pack_metric *dk_pack_metrics(const dk_pack *p, int *n)
{
    if (n)
        *n = p->nmets;
    return p->mets;
}

int dk_pack_entity_index(const dk_pack *p, const char *id)
{
    return find_entity(p, id);
}

int dk_pack_find_entities(const dk_pack *p, const char *text, size_t n,
                          dk_pack_match *out, int max)
{
    return dk_ac_find(p->ent_ac, text, n, out, max);
}

int dk_pack_find_cues(const dk_pack *p, const char *text, size_t n,
                      dk_pack_match *out, int max)
{
    return dk_ac_find(p->cue_ac, text, n, out, max);
}

int dk_pack_words_read(const dk_pack *p, dk_pack_words *w, const char *text,
                       size_t n)
{
    return dk_ac_words_read(w, text, n, p->joint);
}

void dk_pack_words_free(dk_pack_words *w)
{
    dk_ac_words_free(w);
}

int dk_pack_find_entities_in(const dk_pack *p, const dk_pack_words *w,
                             const char *text, size_t from, size_t to,
                             dk_pack_match *out, int max)
{
    return dk_ac_find_in(p->ent_ac, w, text, from, to, out, max);
}

int dk_pack_find_cues_in(const dk_pack *p, const dk_pack_words *w,
                         const char *text, size_t from, size_t to,
                         dk_pack_match *out, int max)
{
    return dk_ac_find_in(p->cue_ac, w, text, from, to, out, max);
}

int dk_pack_find_events_in(const dk_pack *p, const dk_pack_words *w,
                           const char *text, size_t from, size_t to,
                           dk_pack_match *out, int max)
{
    if (!p->ev_ac)
        return 0;
    return dk_ac_find_in(p->ev_ac, w, text, from, to, out, max);
}

const dk_pack_evrule *dk_pack_event_rules(const dk_pack *p, int *n)
{
    if (n)
        *n = p->nevrules;
    return p->evrules;
}

const dk_pack_evtype *dk_pack_event_types(const dk_pack *p, int *n)
{
    if (n)
        *n = p->nevtypes;
    return p->evtypes;
}

int dk_pack_find_events(const dk_pack *p, const char *text, size_t n,
                        dk_pack_match *out, int max)
{
    if (!p->ev_ac)
        return 0;
    return dk_ac_find(p->ev_ac, text, n, out, max);
}

int dk_pack_event_word(const dk_pack *p, const char *w, size_t n)
{
    if (p->evword_all)
        return 1;
    if (!p->capevword || n == 0 || n >= EVWORD_MAX)
        return 0;
    if (!(p->evmask[n < 16 ? n : 15][mask_letter(w[0])] &
          (1u << mask_letter(w[n - 1]))))
        return 0;   /* most words end here */
    /* the word folded and hashed in one pass (as id_hash, up to a NUL),
     * zero-padded as the set's slots are: a probe is one compare of
     * EVWORD_MAX bytes, which the compiler does inline */
    char low[EVWORD_MAX] = {0};
    unsigned h = ID_HASH_START;
    for (size_t i = 0; i < n && w[i]; i++) {
        char c = w[i];
        low[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        h = id_hash_byte(h, (unsigned char)low[i]);
    }
    unsigned m = (unsigned)(p->capevword - 1);
    for (unsigned j = h & m; p->evword[j][0]; j = (j + 1) & m)
        if (memcmp(p->evword[j], low, EVWORD_MAX) == 0)
            return 1;
    return 0;
}

const dk_pack_evmask *dk_pack_event_mask(const dk_pack *p)
{
    return &p->evmask;
}
