/*
 * fuzz_jsonl.c - libFuzzer target for the JSON Lines record reader: any
 * line gives DK_OK with a text of the stated length, or DK_ERR_JSON with
 * a one-line reason; and the fast reader (jsonl.c) checked against
 * jansson: whenever it takes a line, jansson reads the line too, with
 * the same text (bytes and length) and the same fields, and the public
 * reader returns exactly that record.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/jsonl.h"

static void same_field(const char *a, const char *b)
{
    if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
        abort();
}

static void same_record(const dk_record *a, const dk_record *b)
{
    if (a->text_len != b->text_len ||
        memcmp(a->text, b->text, a->text_len + 1) != 0)
        abort();
    same_field(a->id, b->id);
    same_field(a->date, b->date);
    same_field(a->title, b->title);
    same_field(a->source, b->source);
    same_field(a->url, b->url);
    same_field(a->author, b->author);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *line = (const char *)data;
    dk_record r, f, j;
    char err[512], jerr[512];
    err[0] = 0;
    dk_status st = dk_record_parse(line, size, &r, err, sizeof err);
    if (st == DK_OK) {
        if (!r.text || strlen(r.text) > r.text_len)
            abort();
    } else if (st != DK_ERR_JSON || !err[0] || strchr(err, '\n')) {
        abort();
    }
    int fast = dk_record_parse_fast(line, size, &f);
    dk_status js = dk_record_parse_jansson(line, size, &j, jerr, sizeof jerr);
    if (fast) {
        /* jansson must agree, and the public reader returned this */
        if (js != DK_OK || st != DK_OK || !f.own || f.json)
            abort();
        same_record(&f, &j);
        same_record(&f, &r);
        dk_record_free(&f);
    } else {
        /* left to jansson: the public reader is jansson's */
        if (f.own || f.text || js != st ||
            (st != DK_OK && strcmp(err, jerr) != 0))
            abort();
        if (st == DK_OK)
            same_record(&j, &r);
    }
    if (js == DK_OK)
        dk_record_free(&j);
    if (st == DK_OK)
        dk_record_free(&r);
    return 0;
}
