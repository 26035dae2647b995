/*
 * assets.h - the web page's files, built into the binary: a table made at
 * build time by tools/embed from web/ (and the chart library's dist files
 * from web/node_modules), looked up by URL path.  Only the table's entries
 * can ever be served, so no path can reach the file system.
 */
#ifndef DK_ASSETS_H
#define DK_ASSETS_H

#include <stddef.h>

typedef struct dk_asset {
    const char *path;            /* URL path: "/" or "/assets/NAME" */
    const char *type;            /* Content-Type */
    const unsigned char *data;   /* static, NUL after the last byte */
    size_t len;
    const char *etag;            /* strong validator, quoted: "\"1f..\"" */
} dk_asset;

/* The generated table (build/gen/assets_data.c), dk_asset_count long. */
extern const dk_asset dk_asset_table[];
extern const size_t dk_asset_count;

/* The asset served at a URL path (without its query string), or NULL.
 * "/index.html" is the same as "/". */
const dk_asset *dk_asset_find(const char *path);

/* Whether an If-None-Match header value (a list of entity tags, weak or
 * strong, or "*"; may be NULL) matches etag, so a 304 may be answered. */
int dk_asset_etag_match(const char *if_none_match, const char *etag);

/* The Cache-Control value for an asset: the page itself is revalidated on
 * every load, the files under /assets/ may be kept for a while. */
const char *dk_asset_cache_control(const dk_asset *a);

#endif
