/*
 * events.h (store) - reading the event mentions of the record as reports
 * for linking (src/analyse/events.h), each with its document, the
 * document's date and its sentence.
 */
#ifndef DK_STORE_EVENTS_H
#define DK_STORE_EVENTS_H

#include <sqlite3.h>
#include "../analyse/events.h"

/* Append every event mention (of type type, or every type when NULL) to
 * out.  Returns DK_OK, DK_ERR_DB (message on the connection) or
 * DK_ERR_NOMEM; out keeps what was read before a failure. */
dk_status dk_events_load(sqlite3 *db, const char *type, dk_evset *out);

#endif
