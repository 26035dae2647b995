/*
 * textmeta.c - title, dateline, byline and page furniture of plain text
 * (see textmeta.h).  The furniture patterns are page layout, not
 * recognition vocabulary: a line is furniture when its start, or a
 * fragment of it, is one of the patterns below.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "textmeta.h"

/* How far from the start the title, dateline and byline may be. */
#define HEAD_LINES 12

static const char *const furniture_prefix[] = {
    "read more", "read also", "also read", "related:", "related articles",
    "see also", "advertisement", "sign up", "subscribe", "follow us",
    "share this", "click here", "number of shows", "views:", "comments:",
    "photo:", "photo by", "photo credit", "(photo", "photos:", "image:",
    "image credit", "credit:", "illustrative photo", "source: getty",
    "tags:", "all rights reserved", "copyright", "\xc2\xa9",
};

static const char *const furniture_part[] = {
    "sent directly to you", "sign up for our", "subscribe to our",
    "getty images", "shutterstock", "all rights reserved",
};

/* Whole lines that are share buttons or menu items. */
static const char *const furniture_line[] = {
    "share", "tweet", "facebook", "twitter", "email", "e-mail", "print",
    "whatsapp", "telegram", "vk", "linkedin", "copy link", "menu",
    "home", "search", "more", "next", "previous", "back to top",
};

#define COUNT(a) (sizeof a / sizeof a[0])

static int starts_ci(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && strncasecmp(s, p, k) == 0;
}

static int contains_ci(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    for (size_t i = 0; i + k <= n; i++)
        if (strncasecmp(s + i, p, k) == 0)
            return 1;
    return 0;
}

static int is_furniture(const char *s, size_t n)
{
    for (size_t i = 0; i < COUNT(furniture_prefix); i++)
        if (starts_ci(s, n, furniture_prefix[i]))
            return 1;
    if (n < 300)
        for (size_t i = 0; i < COUNT(furniture_part); i++)
            if (contains_ci(s, n, furniture_part[i]))
                return 1;
    for (size_t i = 0; i < COUNT(furniture_line); i++)
        if (strlen(furniture_line[i]) == n &&
            strncasecmp(s, furniture_line[i], n) == 0)
            return 1;
    return 0;
}

static const char *const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec",
};

static int read_int(const char *s, size_t n, size_t *i, int maxdigits)
{
    int v = 0, d = 0;
    while (*i < n && isdigit((unsigned char)s[*i]) && d < maxdigits + 1) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        d++;
    }
    return d && d <= maxdigits ? v : -1;
}

int dk_text_find_date(const char *s, size_t n, char out[16])
{
    int year = 0, month = 0, day = 0;
    for (size_t i = 0; i < n && !year; i++) {
        if (!isdigit((unsigned char)s[i]) || (i && isalnum((unsigned char)s[i - 1])))
            continue;
        size_t j = i;
        int a = read_int(s, n, &j, 4);
        if (a >= 1900 && a <= 2100 && j < n && s[j] == '-') {
            /* ISO 2024-05-22 */
            size_t k = j + 1;
            int m = read_int(s, n, &k, 2), d = -1;
            if (k < n && s[k] == '-') {
                k++;
                d = read_int(s, n, &k, 2);
            }
            if (m >= 1 && m <= 12) {
                year = a; month = m;
                day = d >= 1 && d <= 31 ? d : 0;
            }
        } else if (a >= 1 && a <= 31 && j < n && (s[j] == '.' || s[j] == '/')) {
            /* 22.05.2024 */
            size_t k = j + 1;
            int m = read_int(s, n, &k, 2);
            if (m >= 1 && m <= 12 && k < n && s[k] == s[j]) {
                k++;
                int y = read_int(s, n, &k, 4);
                if (y >= 1900 && y <= 2100) {
                    year = y; month = m; day = a;
                }
            }
        }
    }
    if (!year) {
        /* a month name with a day and a year near it */
        for (size_t i = 0; i + 3 <= n && !year; i++) {
            if (i && isalpha((unsigned char)s[i - 1]))
                continue;
            int m = 0;
            for (int k = 0; k < 12; k++)
                if (strncasecmp(s + i, months[k], 3) == 0)
                    m = k + 1;
            if (!m)
                continue;
            size_t e = i + 3;
            while (e < n && isalpha((unsigned char)s[e]))
                e++;
            if (e - i > 9)
                continue;
            /* the day before ("22 May") or after ("May 22,") */
            int d = 0;
            size_t b = i;
            while (b && s[b - 1] == ' ')
                b--;
            size_t db = b;
            while (db && isdigit((unsigned char)s[db - 1]))
                db--;
            if (db < b && b - db <= 2) {
                size_t k = db;
                d = read_int(s, n, &k, 2);
            }
            size_t k = e;
            while (k < n && (s[k] == ' ' || s[k] == '.'))
                k++;
            if (!d && k < n && isdigit((unsigned char)s[k])) {
                size_t k2 = k;
                int v = read_int(s, n, &k2, 2);
                if (v >= 1 && v <= 31 && (k2 >= n || !isdigit((unsigned char)s[k2]))) {
                    d = v;
                    k = k2;
                }
            }
            while (k < n && (s[k] == ' ' || s[k] == ',' || s[k] == '.' ||
                             (s[k] >= 'a' && s[k] <= 'z')))
                k++;  /* "22nd," "May 22th" */
            int y = read_int(s, n, &k, 4);
            if (y >= 1900 && y <= 2100) {
                year = y; month = m;
                day = d >= 1 && d <= 31 ? d : 0;
            }
        }
    }
    if (!year)
        return 0;
    if (day)
        snprintf(out, 16, "%04d-%02d-%02d", year, month, day);
    else
        snprintf(out, 16, "%04d-%02d", year, month);
    return 1;
}

static void blank(char *s, size_t n)
{
    memset(s, '\n', n);
}

static void copy_field(char *dst, size_t cap, const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == ','))
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = 0;
}

static int count_words(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
            w++;
    return w;
}

void dk_text_clean(char *text, size_t n, dk_textmeta *meta)
{
    memset(meta, 0, sizeof *meta);
    size_t i = 0;
    int line_no = 0, title_done = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && text[e] != '\n')
            e++;
        /* trim the line */
        size_t a = i, b = e;
        while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r'))
            a++;
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' ||
                         text[b - 1] == '\r'))
            b--;
        const char *s = text + a;
        size_t len = b - a;
        if (len) {
            line_no++;
            int head = line_no <= HEAD_LINES;
            char date[16];
            if (head && !meta->date[0] && len < 120 &&
                (starts_ci(s, len, "published") ||
                 starts_ci(s, len, "updated") ||
                 starts_ci(s, len, "posted") ||
                 starts_ci(s, len, "date:") ||
                 count_words(s, len) <= 6) &&
                dk_text_find_date(s, len, date)) {
                memcpy(meta->date, date, sizeof date);
                blank(text + a, len);
            } else if (head && !meta->author[0] && len < 120 &&
                       starts_ci(s, len, "by ") && count_words(s, len) <= 8 &&
                       isupper((unsigned char)s[3])) {
                copy_field(meta->author, sizeof meta->author, s + 3, len - 3);
                blank(text + a, len);
            } else if (is_furniture(s, len)) {
                blank(text + a, len);
            } else if (!meta->title[0] && !title_done && len < 300 &&
                       s[len - 1] != '.' && count_words(s, len) >= 3) {
                /* the first line of prose-free words near the top */
                copy_field(meta->title, sizeof meta->title, s, len);
                title_done = 1;
            } else if (len >= 120 || s[len - 1] == '.') {
                title_done = 1;   /* prose started: no title below it */
            }
        }
        i = e + 1;
    }
}
