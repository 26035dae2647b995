/*
 * main.c - the dostyk command: dispatch to one file per command.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "cli.h"
#include "../pack/pack.h"

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} commands[] = {
    {"extract", dk_cmd_extract, "find figures, dates and durations in text"},
    {"ingest", dk_cmd_ingest, "add documents to the record (SQLite)"},
    {"search", dk_cmd_search, "full-text search of the record's sentences"},
    {"facts", dk_cmd_facts, "the attributed figures, with their sources"},
    {"docs", dk_cmd_docs, "list the documents of the record"},
    {"show", dk_cmd_show, "a document with its mentions marked"},
    {"export", dk_cmd_export, "every mention as JSON Lines or CSV"},
    {"stats", dk_cmd_stats, "what the record holds"},
    {"timeline", dk_cmd_timeline, "an indicator over time, from every source"},
    {"conflicts", dk_cmd_conflicts, "figures of the record that disagree"},
    {"events", dk_cmd_events, "a chronology of happenings, with their sources"},
    {"check", dk_cmd_check, "a verdict on a claim, with evidence"},
    {"serve", dk_cmd_serve, "the record over HTTP: JSON API and page"},
    {"pack", dk_cmd_pack, "check a domain pack, suggest what it misses"},
    {NULL, NULL, NULL},
};

int dk_cli_default_pack(const char *cmd, int has_option, char *dir,
                        size_t cap)
{
    if (dk_pack_default_dir(dir, cap))
        return 1;
    dk_cli_error("%s: no domain pack found (DOSTYK_PACK, beside the program "
                 "or under " DK_PACKDIR "): figures and dates only, no "
                 "entities, indicators or events; %s", cmd,
                 has_option ? "give --pack DIR, or --pack none to say so"
                        : "set DOSTYK_PACK to a pack folder");
    return 0;
}

void dk_cli_error(const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    /* one line, whatever the message holds */
    for (char *p = line; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    fflush(stdout);
    fprintf(stderr, "dostyk: %s\n", line);
}

int dk_cli_is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

static void usage(FILE *f)
{
    fprintf(f, "usage: dostyk COMMAND [OPTIONS] [ARGS]\n\n"
               "An objective, sourced record of the figures in news text.\n\n"
               "Commands:\n");
    for (const struct command *c = commands; c->name; c++)
        fprintf(f, "  %-10s %s\n", c->name, c->help);
    fprintf(f, "\nRun 'dostyk COMMAND --help' for a command's options, "
               "'man dostyk' for everything.\n");
}

/* glibc gives the top of the heap back to the kernel whenever 128 KB
 * are free there, and takes it again for the next document: with JSON
 * Lines that is thousands of brk calls and page faults a second, a third
 * of an ingest's time.  Keep up to 64 MB (the bound on ingest memory).
 * Setting that turns off glibc's sliding mmap threshold: blocks of 128 KB
 * and more (a long document's rows, the engine's buffers) would be mapped
 * and unmapped each time, with a TLB flush on every other thread; up to
 * 8 MB come from the heap instead. */
static void tune_malloc(void)
{
#ifdef __GLIBC__
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_TOP_PAD, 4 << 20);
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
#endif
}

int main(int argc, char **argv)
{
    tune_malloc();
    if (argc < 2) {
        usage(stderr);
        return DK_ERR_USAGE;
    }
    if (dk_cli_is_help(argv[1])) {
        usage(stdout);
        return DK_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("dostyk %s\n", DOSTYK_VERSION);
        return DK_OK;
    }
    for (const struct command *c = commands; c->name; c++)
        if (strcmp(argv[1], c->name) == 0)
            return c->run(argc - 1, argv + 1);
    dk_cli_error("unknown command '%s' (see 'dostyk --help')", argv[1]);
    return DK_ERR_USAGE;
}
