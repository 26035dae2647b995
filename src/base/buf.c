/*
 * buf.c - growable byte buffer (see buf.h).
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"

dk_status dk_buf_reserve(dk_buf *b, size_t extra)
{
    if (b->cap - b->len >= extra)
        return DK_OK;
    if (extra > (size_t)-1 / 2 - b->len)
        return DK_ERR_NOMEM;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len < extra)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return DK_ERR_NOMEM;
    b->data = p;
    b->cap = cap;
    return DK_OK;
}

dk_status dk_buf_append(dk_buf *b, const void *p, size_t n)
{
    if (n >= (size_t)-1 / 2)   /* n + 1 would overflow, or near it */
        return DK_ERR_NOMEM;
    dk_status s = dk_buf_reserve(b, n + 1);
    if (s)
        return s;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return DK_OK;
}

dk_status dk_buf_putc(dk_buf *b, char c)
{
    return dk_buf_append(b, &c, 1);
}

void dk_buf_consume(dk_buf *b, size_t n)
{
    if (n >= b->len) {
        b->len = 0;
    } else {
        memmove(b->data, b->data + n, b->len - n);
        b->len -= n;
    }
    if (b->data)
        b->data[b->len] = '\0';
}

void dk_buf_free(dk_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
