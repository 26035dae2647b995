/*
 * attribute.h - attribution: which indicator a figure states (metric),
 * when (period), about whom (subjects) and by how much it changed.
 *
 * The engine calls dk_attribute() once per sentence, after dk_resolve(),
 * on the sentence's kept candidates (figures, dates, durations, entities).
 * Everything it needs to know about words comes from the domain pack:
 * metric cue phrases (packs/NAME/metrics.tsv), and a few "function" rows
 * of the same file whose id starts with '_' (words of increase, decrease,
 * targets, comparison baselines, cumulative spans, the document's pair,
 * "our country", routes, shares, ranks, worth).  docs/attribution.md
 * gives the rules.
 *
 * Work stays inside the sentence: one cue pass over its bytes, then a few
 * walks over its candidates.  The only state carried between sentences is
 * a dk_attr_doc: the document year, the pack's pair, the last countries
 * named and the last dated event.
 *
 * Ownership: dk_attr_doc_new returns a state the caller frees with
 * dk_attr_doc_free (and the shared tables with dk_attr_pack_free).  The explain strings written into candidates point
 * into the state and stay valid until the next dk_attribute call.
 */
#ifndef DK_ATTRIBUTE_H
#define DK_ATTRIBUTE_H

#include "dostyk.h"
#include "recognise.h"
#include "../pack/pack.h"

typedef struct dk_attr_doc dk_attr_doc;
typedef struct dk_attr_pack dk_attr_pack;

/* A state for one document: pack may be NULL (then nothing is
 * attributed).  *tables holds the pack's metric rows parsed for
 * attribution, shared by the documents of one pack: the first call
 * builds it (when *tables is NULL), the caller frees it with
 * dk_attr_pack_free after the last document.  The document year is read
 * from each sentence's dk_docctx, so a dateline found late still counts.
 * NULL when out of memory. */
dk_attr_doc *dk_attr_doc_new(const dk_pack *pack, dk_attr_pack **tables);
void dk_attr_doc_free(dk_attr_doc *a);
void dk_attr_pack_free(dk_attr_pack *ap);

/* Attribute the kept (not dropped) figure candidates of sentence s.
 * With explain set, each attributed candidate's m.explain says which cue,
 * date and entities decided it.  Returns DK_OK or DK_ERR_NOMEM (then the
 * candidates are left without explanations). */
dk_status dk_attribute(dk_attr_doc *a, const dk_sent *s, dk_cands *c,
                       int explain);

/* The two countries the document read so far is about (which = 0 or 1):
 * the pack's pair unless other countries (and their people and places)
 * plainly lead.  The string stays valid until the next dk_attribute or
 * dk_attr_doc_pair call. */
const char *dk_attr_doc_pair(dk_attr_doc *a, int which);

#endif
