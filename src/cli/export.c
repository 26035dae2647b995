/*
 * export.c - `dostyk export --format jsonl|csv`: every mention of the
 * record with its sentence and document (the row writers are shared
 * with `facts`, in facts.c and src/store/query.c); with --events, the
 * happenings for event-data tools instead (events.c).
 */
#include <string.h>
#include "cli.h"

int dk_cmd_export(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--events") == 0)
            return dk_cmd_export_events(argc, argv);
    return dk_cmd_facts_or_export(argc, argv, 1);
}
