/*
 * html.h - the readable text of an HTML page, through gumbo (a real
 * HTML5 parser): the article body (or <main>, or <body>) with menus,
 * share buttons, "read more" links, forms, scripts and footers left out,
 * block elements turned into line breaks; and the page's title, date,
 * author, site name and canonical URL from its meta tags.
 */
#ifndef DK_HTML_H
#define DK_HTML_H

#include <stddef.h>
#include "dostyk.h"
#include "../base/buf.h"

typedef struct dk_htmlmeta {
    char title[512];
    char date[16];     /* YYYY-MM-DD (or shorter); "" when none */
    char author[256];
    char source[256];
    char url[1024];
} dk_htmlmeta;

/* Parse html[0, n); append the readable text to text (UTF-8) and fill
 * meta.  Returns DK_OK, DK_ERR_NOMEM, or DK_ERR_EMPTY when the page has
 * no readable text (err then says so in one line). */
dk_status dk_html_extract(const char *html, size_t n, dk_buf *text,
                          dk_htmlmeta *meta, char *err, size_t cap);

/* True when a file name ends in .html or .htm (any case). */
int dk_html_is_name(const char *path);

#endif
