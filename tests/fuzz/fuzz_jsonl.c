/*
 * fuzz_jsonl.c - libFuzzer target for the JSON Lines record reader: any
 * line gives DK_OK with a text of the stated length, or DK_ERR_JSON with
 * a one-line reason.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/jsonl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dk_record r;
    char err[512];
    err[0] = 0;
    dk_status st = dk_record_parse((const char *)data, size, &r, err, sizeof err);
    if (st == DK_OK) {
        if (!r.text || strlen(r.text) > r.text_len)
            abort();
        dk_record_free(&r);
    } else if (st != DK_ERR_JSON || !err[0] || strchr(err, '\n')) {
        abort();
    }
    return 0;
}
