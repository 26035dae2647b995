/*
 * textmeta.h - what a plain text says about itself, and what of it is
 * not prose: the title line, a dateline ("Published: 11:43, May 22,
 * 2024"), a byline ("By Aigerim Sarsenova"), and page furniture ("READ
 * MORE: ...", "Get ... stories sent directly to you", "Number of shows:
 * 50", photo credits, lone share-button words).
 */
#ifndef DK_TEXTMETA_H
#define DK_TEXTMETA_H

#include <stddef.h>

typedef struct dk_textmeta {
    char title[512];     /* "" when none */
    char date[16];       /* YYYY, YYYY-MM or YYYY-MM-DD; "" when none */
    char author[256];
} dk_textmeta;

/* Read the metadata from text[0, n) and overwrite the dateline, byline
 * and furniture lines with newlines, in place, so that offsets into the
 * cleaned text are offsets into the original.  Fills meta. */
void dk_text_clean(char *text, size_t n, dk_textmeta *meta);

/* Parse a date written in a line ("May 22, 2024", "22 May 2024",
 * "2024-05-22", "22.05.2024") into out ("2024-05-22").  Returns 1 when
 * found. */
int dk_text_find_date(const char *s, size_t n, char out[16]);

#endif
