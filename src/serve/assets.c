/*
 * assets.c - lookup of the embedded web files (see assets.h): by exact
 * path in the generated table, and the If-None-Match comparison for 304s.
 */
#include <string.h>
#include "assets.h"

const dk_asset *dk_asset_find(const char *path)
{
    if (!path)
        return NULL;
    if (strcmp(path, "/index.html") == 0)
        path = "/";
    for (size_t i = 0; i < dk_asset_count; i++)
        if (strcmp(dk_asset_table[i].path, path) == 0)
            return &dk_asset_table[i];
    return NULL;
}

/* Weak comparison (RFC 9110 13.1.2): "W/" is ignored on either side. */
int dk_asset_etag_match(const char *h, const char *etag)
{
    if (!h || !etag)
        return 0;
    size_t elen = strlen(etag);
    const char *p = h;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (!*p)
            break;
        if (*p == '*')
            return 1;
        if (p[0] == 'W' && p[1] == '/')
            p += 2;
        const char *start = p;
        if (*p == '"') {
            p++;
            while (*p && *p != '"')
                p++;
            if (*p == '"')
                p++;
        } else {
            while (*p && *p != ',' && *p != ' ' && *p != '\t')
                p++;
        }
        if ((size_t)(p - start) == elen && memcmp(start, etag, elen) == 0)
            return 1;
        while (*p && *p != ',')
            p++;
    }
    return 0;
}

const char *dk_asset_cache_control(const dk_asset *a)
{
    if (a && strncmp(a->path, "/assets/", 8) == 0)
        return "public, max-age=3600";
    return "no-cache";
}
