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

/* True when the argument is -h or --help. */
int dk_cli_is_help(const char *arg);

int dk_cmd_extract(int argc, char **argv);
int dk_cmd_pack(int argc, char **argv);

#endif
