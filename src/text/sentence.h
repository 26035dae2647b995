/*
 * sentence.h - sentence boundaries in English news text.
 *
 * A sentence ends at a line break, and at '.', '!' or '?' (a run of them,
 * then closing quotes or brackets) followed by white space and then an
 * upper-case letter, a digit or an opening quote or bracket - unless the
 * stop is a full stop after a single letter ("A. Smailov"), a word with an
 * inner full stop ("U.S.") or a known abbreviation ("Sept.", "No.").
 * Decimals ("28.3") never end one, since no space follows the stop.
 * This is the rule the shared scorer uses, so events and mentions line up.
 */
#ifndef DK_SENTENCE_H
#define DK_SENTENCE_H

#include <stddef.h>

/* Find the first sentence in t[0, n).  On success returns 1, with
 * [*start, *end) the sentence trimmed of outer white space (it may be
 * empty: *start == *end) and *next the offset where scanning continues.
 * Returns 0 when the text ends before the sentence is known to end and
 * final is 0 (feed more text).  With final set, the rest is a sentence. */
int dk_sentence_next(const char *t, size_t n, int final, size_t *start,
                     size_t *end, size_t *next);

#endif
