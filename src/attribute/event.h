/*
 * event.h - the event reader: finds the happenings a sentence reports
 * (visits, meetings, agreements, intents, launches, protests, summits)
 * and fills their arguments: actors (entity ids, initiator first), place,
 * date, and for agreements the count and worth.  Every word it reads
 * comes from the pack's events.tsv (docs/packs.md "events.tsv"); the
 * rules that combine them are described at the top of event.c.
 *
 * The engine calls dk_events() once per sentence after attribution, on
 * the sentence's kept candidates; it appends DK_EVENT candidates.  One
 * pass of the pack's event matcher over the sentence; a sentence without
 * a trigger costs that pass and a walk over its entities (who was named
 * last, for titles and pronouns) and nothing more.
 *
 * Ownership: dk_event_doc_new returns a state for one document that the
 * caller frees with dk_event_doc_free.  It keeps no pointer into the text.
 */
#ifndef DK_EVENT_H
#define DK_EVENT_H

#include "dostyk.h"
#include "recognise.h"
#include "../pack/pack.h"

typedef struct dk_event_doc dk_event_doc;

/* A state for one document read with pack p (may be NULL: then no event
 * is found).  NULL when out of memory. */
dk_event_doc *dk_event_doc_new(const dk_pack *p);
void dk_event_doc_free(dk_event_doc *ev);

/* Find the events of sentence s and append them to c as DK_EVENT
 * candidates (a candidate that cannot be added for lack of memory is not
 * reported).  Reads the kept entity, date, number and money candidates. */
void dk_events(dk_event_doc *ev, const dk_sent *s, dk_cands *c);

/* The two countries the document is about, for "the two sides" and "the
 * two leaders" (NULL: the pack's pair).  The strings must stay valid
 * until the next dk_events call. */
void dk_events_pair(dk_event_doc *ev, const char *c0, const char *c1);

#endif
