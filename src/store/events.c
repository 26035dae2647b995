/*
 * events.c (store) - the SQL behind the chronology: event mentions with
 * their document and sentence, read into a dk_evset (see events.h).  The
 * partial index mentions_event (migration 1 -> 2) finds them without
 * scanning the other mentions.
 */
#include <stdio.h>
#include <string.h>
#include "events.h"
#include "store.h"

static void copy(char *dst, size_t cap, sqlite3_stmt *st, int col)
{
    const unsigned char *v = sqlite3_column_text(st, col);
    snprintf(dst, cap, "%s", v ? (const char *)v : "");
}

dk_status dk_events_load(sqlite3 *db, const char *type, dk_evset *out)
{
    char sql[640];
    snprintf(sql, sizeof sql,
        "SELECT m.id, m.event, m.cameo, m.actors, m.place, m.date, m.count, "
        "m.value, m.unit, m.start, m.end, m.text, d.name, d.date, f.text "
        "FROM mentions m JOIN docs d ON d.id = m.doc "
        "LEFT JOIN sentences_fts f ON f.rowid = m.sentence "
        "WHERE m.event IS NOT NULL AND m.kind = 'event' %s "
        "ORDER BY m.id", type ? "AND m.event = ?1" : "");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return DK_ERR_DB;
    if (type)
        sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
    int rc;
    dk_status s = DK_OK;
    while (!s && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        dk_evrep r;
        memset(&r, 0, sizeof r);
        r.id = sqlite3_column_int64(st, 0);
        copy(r.event, sizeof r.event, st, 1);
        copy(r.cameo, sizeof r.cameo, st, 2);
        r.nactors = dk_store_split_ids(r.actors, DK_MAX_ACTORS,
                                       (const char *)sqlite3_column_text(st, 3));
        copy(r.place, sizeof r.place, st, 4);
        copy(r.date, sizeof r.date, st, 5);
        if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
            r.has_count = 1;
            r.count = sqlite3_column_double(st, 6);
        }
        if (sqlite3_column_type(st, 7) != SQLITE_NULL) {
            r.has_value = 1;
            r.value = sqlite3_column_double(st, 7);
        }
        copy(r.unit, sizeof r.unit, st, 8);
        r.start = (uint64_t)sqlite3_column_int64(st, 9);
        r.end = (uint64_t)sqlite3_column_int64(st, 10);
        r.text = (char *)sqlite3_column_text(st, 11);
        r.doc = (char *)sqlite3_column_text(st, 12);
        r.docdate = (char *)sqlite3_column_text(st, 13);
        r.sentence = (char *)sqlite3_column_text(st, 14);
        s = dk_evset_push(out, &r);
    }
    sqlite3_finalize(st);
    if (s)
        return s;
    return rc == SQLITE_DONE ? DK_OK : DK_ERR_DB;
}
