/*
 * search.c - the search of the record (see search.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "search.h"
#include "store.h"
#include "../text/jsonw.h"

#define SNIPPET_WORDS 24
#define PREFIX_WORDS 32     /* a prefix standing for more stays a prefix */

/* ------------------------------------------------------------ prefixes */

/* The words of the record that begin with prefix[0, n) (ASCII letters,
 * folded), quoted and joined with OR into out, with their group id into
 * groups; returns how many (0: none, or more than PREFIX_WORDS, or no
 * vocabulary table: the caller keeps the prefix), -1 when out of
 * memory. */
static int prefix_words(sqlite3_stmt *vocab, const char *prefix, size_t n,
                        dk_buf *out, dk_buf *groups, int group)
{
    char lo[128], hi[128];
    if (!vocab || n == 0 || n >= sizeof lo)
        return 0;
    for (size_t i = 0; i < n; i++)
        lo[i] = hi[i] = (char)(prefix[i] | 0x20);
    hi[n - 1]++;                  /* 'z' + 1 is '{': still above any word */
    sqlite3_bind_text(vocab, 1, lo, (int)n, SQLITE_TRANSIENT);
    sqlite3_bind_text(vocab, 2, hi, (int)n, SQLITE_TRANSIENT);
    size_t at = out->len, gat = groups->len;
    int words = 0, bad = 0;
    char num[16];
    while (!bad && sqlite3_step(vocab) == SQLITE_ROW) {
        const char *w = (const char *)sqlite3_column_text(vocab, 0);
        size_t wl = (size_t)sqlite3_column_bytes(vocab, 0);
        if (++words > PREFIX_WORDS || !w)
            break;
        bad |= dk_buf_append(out, words == 1 ? "(\"" : " OR \"",
                             words == 1 ? 2 : 5);
        for (size_t i = 0; i < wl && !bad; i++)
            bad |= w[i] == '"' ? dk_buf_append(out, "\"\"", 2)
                               : dk_buf_putc(out, w[i]);
        bad |= dk_buf_putc(out, '"');
        int k = snprintf(num, sizeof num, "%s%d", groups->len ? "," : "",
                         group);
        bad |= dk_buf_append(groups, num, (size_t)k);
    }
    sqlite3_reset(vocab);
    if (bad)
        return -1;
    if (words == 0 || words > PREFIX_WORDS) {
        out->len = at;
        groups->len = gat;
        return 0;
    }
    return dk_buf_append(out, ") ", 2) ? -1 : words;
}

/* fts (dk_fts_query's output) with each prefix term of ASCII letters
 * ("tour"*) replaced by the words of the record it stands for
 * (("tourist" OR "tourists")), into *out; *groups gets the group of each
 * phrase for dk_rank ("0,1,1"), which then ranks the words of one prefix
 * as the prefix itself: same matches, same scores.  FTS5 merges all the
 * doclists of a prefix's words before its first match comes out; an OR
 * of the words yields the newest matches first, and the search ranks
 * only those.  Both NULL when nothing is to be replaced.  Returns -1 when
 * out of memory. */
static int expand_prefixes(sqlite3 *db, const char *fts, char **out,
                           char **groups)
{
    *out = *groups = NULL;
    int any = 0;
    for (const char *p = fts; (p = strstr(p, "\"*")) != NULL; p++)
        any = 1;
    if (!any)
        return 0;
    sqlite3_stmt *vocab = NULL;
    if (sqlite3_exec(db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.dk_vocab "
                     "USING fts5vocab(main, sentences_fts, 'row')", NULL,
                     NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT term FROM temp.dk_vocab WHERE term >= "
                           "?1 AND term < ?2", -1, &vocab, NULL) != SQLITE_OK)
        vocab = NULL;
    dk_buf b = {0}, g = {0};
    int bad = 0, phrase = 0, expanded = 0;
    char num[16];
    const char *p = fts;
    while (*p && !bad) {
        if (*p != '"') {
            bad |= dk_buf_putc(&b, *p++);
            continue;
        }
        /* a string: up to the closing quote (inner ones are doubled) */
        const char *e = p + 1;
        while (*e && !(*e == '"' && e[1] != '"'))
            e += *e == '"' ? 2 : 1;
        if (!*e)
            break;                     /* cannot happen: leave as it is */
        const char *body = p + 1;
        size_t n = (size_t)(e - body), letters = 0;
        while (letters < n && ((body[letters] | 0x20) >= 'a' &&
                               (body[letters] | 0x20) <= 'z'))
            letters++;
        int got = 0;
        if (e[1] == '*' && letters == n) {
            /* FTS5 takes no implicit AND beside a group: say it */
            size_t at = b.len, k = b.len;
            while (k && b.data[k - 1] == ' ')
                k--;
            int after_operand = k && (b.data[k - 1] == '"' ||
                                      b.data[k - 1] == '*' ||
                                      b.data[k - 1] == ')');
            if (after_operand)
                bad |= dk_buf_append(&b, "AND ", 4);
            got = bad ? -1 : prefix_words(vocab, body, n, &b, &g, phrase);
            const char *next = e + 2;
            while (*next == ' ')
                next++;
            if (got > 0 && (*next == '"' || *next == '('))
                bad |= dk_buf_append(&b, "AND ", 4);
            if (got == 0)
                b.len = at;
        }
        if (got < 0) {
            bad = 1;
            break;
        }
        if (got > 0) {
            expanded = 1;
            p = e + 2;
        } else {
            bad |= dk_buf_append(&b, p, (size_t)(e + 1 - p));
            int k = snprintf(num, sizeof num, "%s%d", g.len ? "," : "",
                             phrase);
            bad |= dk_buf_append(&g, num, (size_t)k);
            p = e + 1;
        }
        phrase++;
    }
    if (!bad && *p)
        bad |= dk_buf_append(&b, p, strlen(p));
    bad |= dk_buf_putc(&b, '\0') | dk_buf_putc(&g, '\0');
    sqlite3_finalize(vocab);
    if (bad || !expanded) {
        dk_buf_free(&b);
        dk_buf_free(&g);
        return bad ? -1 : 0;
    }
    *out = b.data;
    *groups = g.data;
    return 0;
}

/* The query (?1) and the filters (?2-?6) of q on st. */
static void bind_filters(sqlite3_stmt *st, const char *fts, const dk_searchq *q)
{
    sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
    if (q->from) sqlite3_bind_text(st, 2, q->from, -1, SQLITE_TRANSIENT);
    if (q->to) sqlite3_bind_text(st, 3, q->to, -1, SQLITE_TRANSIENT);
    if (q->source) sqlite3_bind_text(st, 4, q->source, -1, SQLITE_TRANSIENT);
    if (q->entity) sqlite3_bind_text(st, 5, q->entity, -1, SQLITE_TRANSIENT);
    if (q->metric) sqlite3_bind_text(st, 6, q->metric, -1, SQLITE_TRANSIENT);
}

/* The lowest rowid of the n newest rows of "SELECT f.rowid <from_where>"
 * at or above floor (all of them when there are fewer), or -1 when there
 * is none.  A failure (a bad query) gives floor here, and comes again, to
 * be reported, at dk_search_next. */
static sqlite3_int64 newest_floor(sqlite3 *db, const char *from_where,
                                  const char *fts, const dk_searchq *q, int n,
                                  sqlite3_int64 floor)
{
    char sql[2048];
    snprintf(sql, sizeof sql, "SELECT f.rowid %s AND f.rowid >= ?8 ORDER BY "
             "f.rowid DESC LIMIT %d", from_where, n);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return floor;
    bind_filters(st, fts, q);
    sqlite3_bind_int64(st, 8, floor);
    sqlite3_int64 low = -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        low = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? low : floor;
}

dk_status dk_search_open(sqlite3 *db, const dk_searchq *q, dk_search *s)
{
    memset(s, 0, sizeof *s);
    s->fts = dk_fts_query(q->query ? q->query : "");
    if (!s->fts)
        return DK_ERR_NOMEM;
    if (!*s->fts) {
        dk_search_close(s);
        return DK_ERR_USAGE;
    }
    if (expand_prefixes(db, s->fts, &s->match, &s->groups)) {
        dk_search_close(s);
        return DK_ERR_NOMEM;
    }
    const char *match = s->match ? s->match : s->fts;
    int filtered = q->from || q->to || q->source || q->entity || q->metric;
    /* the document filters need the joins; entity and metric need only
     * the sentence's id */
    int by_doc = q->from || q->to || q->source;
    char where[1024];
    snprintf(where, sizeof where,
        "FROM sentences_fts f %s WHERE sentences_fts MATCH ?1 %s%s%s%s%s",
        by_doc ? "JOIN sentences s ON s.id = f.rowid "
                 "JOIN docs d ON d.id = s.doc" : "",
        q->from ? "AND substr(d.date, 1, length(?2)) >= ?2 " : "",
        q->to ? "AND substr(d.date, 1, length(?3)) <= ?3 " : "",
        q->source ? "AND d.source = ?4 " : "",
        q->entity ? "AND EXISTS (SELECT 1 FROM mentions m WHERE m.sentence = "
                    "f.rowid AND m.eid = ?5) " : "",
        q->metric ? "AND EXISTS (SELECT 1 FROM mentions m WHERE m.sentence = "
                    "f.rowid AND m.metric = ?6) " : "");
    /* only the DK_SEARCH_CAP newest matches are ranked, so a common
     * word costs what a rare one does; with filters, they are looked for
     * among the DK_SEARCH_SCAN newest matches */
    char sql[2048];
    /* asked for all hits, or more than the cap: everything is ranked */
    long cap = q->limit <= 0 ? -1 : q->limit > DK_SEARCH_CAP ? q->limit
                                                             : DK_SEARCH_CAP;
    sqlite3_int64 first = 0;
    if (filtered && cap > 0)
        first = newest_floor(db, "FROM sentences_fts f WHERE sentences_fts "
                             "MATCH ?1", match, q,
                             (int)(cap * (DK_SEARCH_SCAN / DK_SEARCH_CAP)), 0);
    if (first < 0)
        s->done = 1;       /* nothing matches: no ranking to do */
    /* one pass: the newest matches in rowid order (FTS5 walks its
     * doclists backwards and stops after cap of them), ranked */
    snprintf(sql, sizeof sql, "SELECT id, score FROM (SELECT f.rowid AS id, "
             "dk_rank(sentences_fts, ?9) AS score %s AND f.rowid >= ?8 ORDER BY "
             "f.rowid DESC LIMIT %ld) ORDER BY score LIMIT ?7", where, cap);
    if (sqlite3_prepare_v2(db, sql, -1, &s->rank, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
            "SELECT d.name, d.title, d.date, d.source, f.text "
            "FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
            "JOIN docs d ON d.id = s.doc WHERE f.rowid = ?2", -1, &s->row,
            NULL) != SQLITE_OK) {
        dk_search_close(s);
        return DK_ERR_DB;
    }
    bind_filters(s->rank, match, q);
    sqlite3_bind_int64(s->rank, 7, q->limit > 0 ? q->limit : -1);
    sqlite3_bind_int64(s->rank, 8, first);
    if (s->groups)
        sqlite3_bind_text(s->rank, 9, s->groups, -1, SQLITE_STATIC);
    return DK_OK;
}

int dk_search_next(dk_search *s)
{
    if (s->done)
        return 0;
    for (;;) {
        sqlite3_reset(s->row);
        int rc = sqlite3_step(s->rank);
        if (rc == SQLITE_DONE)
            return 0;
        if (rc != SQLITE_ROW) {
            s->rc = rc;
            return -1;
        }
        /* the rank is lower for better matches: report a score that grows */
        s->score = -sqlite3_column_double(s->rank, 1);
        sqlite3_bind_int64(s->row, 2, sqlite3_column_int64(s->rank, 0));
        rc = sqlite3_step(s->row);
        if (rc == SQLITE_ROW) {
            /* the snippet from the text, without another MATCH */
            s->snip.len = 0;
            const char *text = (const char *)sqlite3_column_text(s->row, 4);
            size_t n = (size_t)sqlite3_column_bytes(s->row, 4);
            if (dk_fts_snippet(&s->snip, s->fts, text ? text : "", n,
                               SNIPPET_WORDS)) {
                s->rc = SQLITE_NOMEM;
                return -1;
            }
            return 1;
        }
        if (rc != SQLITE_DONE) {
            s->rc = rc;
            return -1;
        }
        /* a sentence gone between the steps: next */
    }
}

const char *dk_search_col(const dk_search *s, int i)
{
    if (i < 0 || i >= DK_SEARCH_COLS)
        return NULL;
    if (i == 5)
        return s->snip.data;
    return (const char *)sqlite3_column_text(s->row, i);
}

dk_status dk_search_row_json(dk_buf *b, const dk_search *s)
{
    static const char *const keys[DK_SEARCH_COLS] = {
        "doc", "title", "date", "source", "sentence", "snippet"};
    dk_jsonw w;
    dk_jw_begin(&w, b);
    for (int i = 0; i < DK_SEARCH_COLS; i++) {
        const char *v = dk_search_col(s, i);
        if (v)
            dk_jw_cstr(&w, keys[i], v);
    }
    dk_jw_num(&w, "score", (double)(long long)(s->score * 1e4) / 1e4);
    dk_jw_end(&w);
    return w.err;
}

void dk_search_close(dk_search *s)
{
    sqlite3_finalize(s->rank);
    sqlite3_finalize(s->row);
    dk_buf_free(&s->snip);
    free(s->fts);
    free(s->match);
    free(s->groups);
    memset(s, 0, sizeof *s);
}
