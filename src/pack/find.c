/*
 * find.c - where the default domain pack lives (dk_pack_default_dir in
 * pack.h): $DOSTYK_PACK, then packs/kz-cn beside the folder holding the
 * running executable (so build/dostyk finds the source tree's packs/),
 * then the installed copy under DK_PACKDIR, set by the Makefile to
 * $(PREFIX)/share/dostyk/packs.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pack.h"

#ifndef DK_PACKDIR
#define DK_PACKDIR "/usr/local/share/dostyk/packs"
#endif
#define DK_DEFAULT_PACK "kz-cn"

/* Is dir a pack (has a pack.tsv)?  Copies it to out when it is. */
static int try_dir(const char *dir, char *out, size_t cap)
{
    char path[PATH_MAX + 32];
    if ((size_t)snprintf(path, sizeof path, "%s/pack.tsv", dir) >=
            sizeof path ||
        access(path, R_OK) != 0 || strlen(dir) >= cap)
        return 0;
    strcpy(out, dir);
    return 1;
}

int dk_pack_default_dir(char *out, size_t cap)
{
    const char *env = getenv("DOSTYK_PACK");
    if (env && *env)
        return try_dir(env, out, cap);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';  /* the executable's folder */
            char dir[PATH_MAX + 32];
            snprintf(dir, sizeof dir, "%s/../packs/%s", exe,
                     DK_DEFAULT_PACK);
            if (try_dir(dir, out, cap))
                return 1;
            /* installed as PREFIX/bin/dostyk: PREFIX/share/dostyk/packs */
            snprintf(dir, sizeof dir, "%s/../share/dostyk/packs/%s", exe,
                     DK_DEFAULT_PACK);
            if (try_dir(dir, out, cap))
                return 1;
        }
    }
    return try_dir(DK_PACKDIR "/" DK_DEFAULT_PACK, out, cap);
}
