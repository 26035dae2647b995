/*
 * buf.h - a growable byte buffer.  Owns its memory; dk_buf_free releases
 * it.  Functions that grow it return DK_OK or DK_ERR_NOMEM and leave the
 * buffer unchanged on failure.
 */
#ifndef DK_BUF_H
#define DK_BUF_H

#include <stddef.h>
#include "dostyk.h"

typedef struct dk_buf {
    char *data;
    size_t len, cap;
} dk_buf;

dk_status dk_buf_reserve(dk_buf *b, size_t extra);
dk_status dk_buf_append(dk_buf *b, const void *p, size_t n);
dk_status dk_buf_putc(dk_buf *b, char c);
/* Drop the first n bytes, moving the rest to the front. */
void dk_buf_consume(dk_buf *b, size_t n);
void dk_buf_free(dk_buf *b);

#endif
