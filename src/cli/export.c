/*
 * export.c - `dostyk export --format jsonl|csv`: every mention of the
 * record with its sentence and document (the row writers are shared
 * with `facts`, in facts.c and src/store/query.c).
 */
#include "cli.h"


int dk_cmd_export(int argc, char **argv)
{
    return dk_cmd_facts_or_export(argc, argv, 1);
}
