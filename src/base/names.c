/*
 * names.c - the fixed text tables of the public enums: status messages,
 * kind names and qualifier names.  The numbers are part of the interface
 * (the CLI exits with a dk_status); the texts here are what users read.
 */
#include "dostyk.h"

static const char *const status_text[] = {
    [DK_OK] = "success",
    [DK_ERR_INTERNAL] = "internal error",
    [DK_ERR_USAGE] = "usage error",
    [DK_ERR_IO] = "input/output error",
    [DK_ERR_UTF8] = "invalid UTF-8",
    [DK_ERR_BINARY] = "binary data, not text",
    [DK_ERR_JSON] = "malformed JSON",
    [DK_ERR_NOMEM] = "out of memory",
    [DK_ERR_LIMIT] = "input exceeds a limit",
    [DK_ERR_PACK] = "invalid domain pack",
    [DK_ERR_DB] = "database error",
    [DK_ERR_NOTFOUND] = "not found",
    [DK_ERR_EMPTY] = "empty input",
};

const char *dk_strerror(dk_status s)
{
    if ((unsigned)s < sizeof status_text / sizeof status_text[0] &&
        status_text[s])
        return status_text[s];
    return "unknown error";
}

static const char *const kind_text[DK_KIND_COUNT] = {
    [DK_KIND_NONE] = "none",   [DK_NUMBER] = "number",
    [DK_ORDINAL] = "ordinal",  [DK_PERCENT] = "percent",
    [DK_MONEY] = "money",      [DK_QUANTITY] = "quantity",
    [DK_DATE] = "date",        [DK_DURATION] = "duration",
    [DK_ENTITY] = "entity",    [DK_EVENT] = "event",
    [DK_SENTENCE] = "sentence",
};

const char *dk_kind_name(dk_kind k)
{
    if ((unsigned)k < DK_KIND_COUNT)
        return kind_text[k];
    return "none";
}

const char *dk_qualifier_name(dk_qualifier q)
{
    switch (q) {
    case DK_Q_EXACT: return "exact";
    case DK_Q_APPROX: return "approx";
    case DK_Q_OVER: return "over";
    case DK_Q_UNDER: return "under";
    case DK_Q_RANGE: return "range";
    }
    return "exact";
}
