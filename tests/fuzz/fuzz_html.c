/*
 * fuzz_html.c - libFuzzer target for the HTML reader: any bytes must
 * give DK_OK or DK_ERR_EMPTY, valid metadata strings, and text with no
 * NUL byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/html.h"
#include "ingest/textmeta.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dk_buf b = {0};
    dk_htmlmeta m;
    char err[256];
    dk_status st = dk_html_extract((const char *)data, size, &b, &m, err,
                                   sizeof err);
    if (st != DK_OK && st != DK_ERR_EMPTY && st != DK_ERR_NOMEM)
        abort();
    if (memchr(m.title, 0, sizeof m.title) == NULL ||
        memchr(m.date, 0, sizeof m.date) == NULL)
        abort();
    if (st == DK_OK) {
        if (memchr(b.data, 0, b.len))
            abort();
        dk_textmeta tm;
        size_t n = b.len;
        dk_text_clean(b.data, b.len, &tm);
        if (strlen(b.data) != n)
            abort();   /* cleaning keeps every offset */
    }
    dk_buf_free(&b);
    return 0;
}
