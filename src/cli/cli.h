/*
 * cli.h - what the command files share: the program name in messages,
 * one-line error reporting, and the commands' entry points.  Each command
 * lives in its own file and returns the process exit status (a dk_status).
 */
#ifndef DK_CLI_H
#define DK_CLI_H

#include <stdio.h>
#include "dostyk.h"

/* Print "dostyk: <message>" on stderr as one line. */
void dk_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The default domain pack into dir (cap bytes) as dk_pack_default_dir
 * finds it; when there is none, says so on stderr in one line (cmd runs
 * on without: figures and dates only; has_option: cmd takes --pack) and
 * returns 0. */
int dk_cli_default_pack(const char *cmd, int has_option, char *dir,
                        size_t cap);

/* True when the argument is -h or --help. */
int dk_cli_is_help(const char *arg);

/* For the record's commands (docs.c): open the database read-only,
 * reporting a failure in one line; and write out a buffer (emptying it),
 * returning DK_ERR_IO when stdout fails. */
struct dk_store;
struct dk_buf;
int dk_cli_open_db(const char *path, struct dk_store **out);
int dk_cli_flush(struct dk_buf *b);
/* getopt_long's ':' or '?' for command cmd (opterr = 0, optstring
 * starting with ':'): one line on stderr; returns DK_ERR_USAGE. */
int dk_cli_bad_option(const char *cmd, int c, char **argv);

int dk_cmd_extract(int argc, char **argv);
int dk_cmd_timeline(int argc, char **argv);
int dk_cmd_conflicts(int argc, char **argv);
int dk_cmd_check(int argc, char **argv);
int dk_cmd_serve(int argc, char **argv);
int dk_cmd_pack(int argc, char **argv);
int dk_cmd_ingest(int argc, char **argv);
int dk_cmd_search(int argc, char **argv);
int dk_cmd_facts(int argc, char **argv);
/* facts (export = 0) and export (1) share one body, in facts.c */
int dk_cmd_facts_or_export(int argc, char **argv, int export);
int dk_cmd_docs(int argc, char **argv);
int dk_cmd_show(int argc, char **argv);
int dk_cmd_export(int argc, char **argv);
int dk_cmd_stats(int argc, char **argv);
/* events.c: the chronology, and `export --events` */
int dk_cmd_events(int argc, char **argv);
int dk_cmd_export_events(int argc, char **argv);

#endif
