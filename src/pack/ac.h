/*
 * ac.h - a multi-pattern matcher (Aho-Corasick) over normalised text:
 * ASCII letters folded to lower case, hyphens, dashes and runs of white
 * space read as one space, curly apostrophes as "'".  Patterns are added
 * one by one, then dk_ac_build() turns the trie into a dense automaton
 * over the byte classes the patterns use, so scanning costs one table
 * look-up per byte whatever the number of patterns.
 *
 * A pattern may be "exact": it then matches only where the text, once
 * normalised but not case-folded, spells it the same way ("US" but not
 * "us").  Matches are whole words: a pattern that starts (ends) with a
 * letter or digit does not match after (before) a letter or digit.
 * dk_ac_find keeps the longest matches that do not overlap.
 *
 * Ownership: dk_ac_new returns a matcher freed with dk_ac_free; it copies
 * what it needs of every pattern.  After dk_ac_build it is read-only and
 * dk_ac_find allocates nothing.
 */
#ifndef DK_AC_H
#define DK_AC_H

#include <stddef.h>
#include <stdint.h>
#include "pack.h"

#define DK_AC_MAXPAT 200   /* longest pattern, in normalised bytes */

typedef struct dk_ac dk_ac;

/* A match: bytes [start, end) of the text; index = the id given to
 * dk_ac_add. */
typedef dk_pack_match dk_ac_hit;

enum {
    DK_AC_OK = 0,
    DK_AC_NOMEM = -1,
    DK_AC_EMPTY = -2,      /* nothing left after normalising */
    DK_AC_LONG = -3,       /* longer than DK_AC_MAXPAT */
    DK_AC_DUP = -4,        /* the same pattern was added before */
    DK_AC_BUILT = -5       /* dk_ac_add after dk_ac_build */
};

dk_ac *dk_ac_new(void);
void dk_ac_free(dk_ac *a);

/* Add pat[0, n) with the caller's id.  exact: match case-sensitively.
 * On DK_AC_DUP, *dup (when not NULL) is the id of the earlier pattern
 * with the same normalised text and the same exactness. */
int dk_ac_add(dk_ac *a, const char *pat, size_t n, int id, int exact,
              int *dup);

/* Freeze the matcher.  Returns DK_AC_OK or DK_AC_NOMEM. */
int dk_ac_build(dk_ac *a);

/* The same, without the table of dk_ac_find_scan when the word scan
 * applies (every pattern starts with a letter, a digit or a UTF-8 lead
 * byte): megabytes less to build and hold for a matcher that is only
 * asked through dk_ac_find and dk_ac_find_in.  dk_ac_find_scan then
 * finds nothing, and so does dk_ac_find when it cannot get the memory
 * for the words of a text of 512 bytes or more. */
int dk_ac_build_lean(dk_ac *a);

/* Number of automaton states (for tests and statistics). */
int dk_ac_states(const dk_ac *a);

/* Find the longest non-overlapping whole-word matches in text[0, n), in
 * text order; writes at most max and returns how many were written. */
int dk_ac_find(const dk_ac *a, const char *text, size_t n, dk_ac_hit *out,
               int max);

/* The same by a scan of the whole automaton, a table look-up per byte:
 * what dk_ac_find does when its word filter does not apply (patterns
 * that start with a byte that is no letter or digit); for tests. */
int dk_ac_find_scan(const dk_ac *a, const char *text, size_t n,
                    dk_ac_hit *out, int max);


/* The word filters of several built matchers (at most
 * DK_PACK_WORD_LISTS) joined in one table, so that reading a text's words
 * tests each run once for all of them instead of once per matcher and
 * search.  The matchers must outlive it; it does not change them.
 * Returns NULL out of memory. */
typedef struct dk_ac_joint dk_ac_joint;
dk_ac_joint *dk_ac_joint_new(const dk_ac *const *v, int n);
void dk_ac_joint_free(dk_ac_joint *j);

/* Read the words of text[0, n) into w (pack.h, dk_pack_words), with the
 * lists of runs of the matchers of j (NULL: no lists).  Returns 0, or -1
 * out of memory. */
int dk_ac_words_read(dk_pack_words *w, const char *text, size_t n,
                     const dk_ac_joint *j);

/* Free what dk_ac_words_read allocated in w, and zero it. */
void dk_ac_words_free(dk_pack_words *w);

/* dk_ac_find on text[from, to), with w the words of text (or NULL);
 * the matches' offsets are text's. */
int dk_ac_find_in(const dk_ac *a, const dk_pack_words *w, const char *text,
                  size_t from, size_t to, dk_ac_hit *out, int max);

/* Normalise s[0, n) into out (cap bytes) as the matcher sees it, folding
 * case when fold is set.  Returns the length, or -1 if it does not fit. */
int dk_ac_normalise(const char *s, size_t n, int fold, char *out,
                    size_t cap);

#endif
