/*
 * html.c - readable text and metadata of an HTML page (see html.h).
 * The tree walk is iterative (an explicit stack), so a page nested ten
 * thousand levels deep cannot overflow the C stack.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <gumbo.h>
#include "html.h"
#include "textmeta.h"

/* Elements whose content is never prose. */
static int skip_tag(GumboTag t, int in_article)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HEAD: case GUMBO_TAG_MENU:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL:
        return 1;
    case GUMBO_TAG_HEADER:
        return !in_article;   /* a site header; an article's own stays */
    default:
        return 0;
    }
}

/* class or id fragments of page furniture */
static const char *const furniture_class[] = {
    "nav", "menu", "share", "social", "footer", "related", "read-more",
    "readmore", "newsletter", "subscribe", "comment", "breadcrumb",
    "cookie", "advert", "promo", "sidebar", "widget", "banner", "tags",
    "byline", "caption", "credit", "popup", "modal",
};

static int has_ci(const char *s, const char *p)
{
    size_t k = strlen(p);
    for (; *s; s++)
        if (strncasecmp(s, p, k) == 0)
            return 1;
    return 0;
}

static int furniture_el(const GumboElement *e)
{
    static const char *const attrs[] = {"class", "id", "role"};
    for (size_t a = 0; a < 3; a++) {
        GumboAttribute *at = gumbo_get_attribute(&e->attributes, attrs[a]);
        if (!at)
            continue;
        if (a == 2)
            return strcmp(at->value, "navigation") == 0 ||
                   strcmp(at->value, "banner") == 0 ||
                   strcmp(at->value, "contentinfo") == 0;
        for (size_t i = 0; i < sizeof furniture_class / sizeof *furniture_class; i++)
            if (has_ci(at->value, furniture_class[i]))
                return 1;
    }
    return 0;
}

static int block_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_HEADER: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_DL:
        return 1;
    default:
        return 0;
    }
}

typedef struct walker {
    dk_buf *out;
    int st;               /* first failure */
    int pending_break;    /* 0 none, 1 line, 2 paragraph */
    int space;            /* a space is owed before the next word */
} walker;

static void put(walker *w, const char *s, size_t n)
{
    if (!w->st)
        w->st = dk_buf_append(w->out, s, n);
}

static void brk(walker *w, int k)
{
    if (w->out->len && k > w->pending_break)
        w->pending_break = k;
    w->space = 0;
}

/* Append text with runs of white space collapsed. */
static void text(walker *w, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (w->out->len && !w->pending_break)
                w->space = 1;
            continue;
        }
        if (w->pending_break) {
            put(w, "\n\n", (size_t)w->pending_break);
            w->pending_break = 0;
            w->space = 0;
        } else if (w->space) {
            put(w, " ", 1);
            w->space = 0;
        }
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' &&
               s[j] != '\r' && s[j] != '\f')
            j++;
        put(w, s + i, j - i);
        i = j - 1;
    }
}

/* Text of a node's subtree without the furniture rules (for titles). */
static void plain_text(const GumboNode *n, char *out, size_t cap)
{
    const GumboNode *stack[64];
    int sp = 0;
    size_t len = strlen(out);
    stack[sp++] = n;
    while (sp) {
        const GumboNode *x = stack[--sp];
        if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_WHITESPACE) {
            const char *t = x->v.text.text;
            for (; *t && len + 1 < cap; t++)
                if (*t == '\n' || *t == '\t' || *t == '\r' || *t == ' ') {
                    if (len && out[len - 1] != ' ')
                        out[len++] = ' ';
                } else {
                    out[len++] = *t;
                }
            out[len] = 0;
        } else if (x->type == GUMBO_NODE_ELEMENT) {
            const GumboVector *c = &x->v.element.children;
            for (int i = (int)c->length - 1; i >= 0 && sp < 64; i--)
                stack[sp++] = c->data[i];
        }
    }
    while (len && out[len - 1] == ' ')
        out[--len] = 0;
}

static void set_field(char *dst, size_t cap, const char *v)
{
    if (!dst[0] && v && *v)
        snprintf(dst, cap, "%s", v);
}

static void set_date(char *dst, const char *v)
{
    char d[16];
    if (!dst[0] && v && dk_text_find_date(v, strlen(v), d))
        memcpy(dst, d, 16);
}

static void read_meta(const GumboElement *e, dk_htmlmeta *m)
{
    GumboAttribute *name = gumbo_get_attribute(&e->attributes, "name");
    GumboAttribute *prop = gumbo_get_attribute(&e->attributes, "property");
    GumboAttribute *ip = gumbo_get_attribute(&e->attributes, "itemprop");
    GumboAttribute *content = gumbo_get_attribute(&e->attributes, "content");
    if (!content)
        return;
    const char *k = name ? name->value : prop ? prop->value
                  : ip ? ip->value : "";
    const char *v = content->value;
    if (!strcasecmp(k, "og:title") || !strcasecmp(k, "twitter:title"))
        snprintf(m->title, sizeof m->title, "%s", v);
    else if (!strcasecmp(k, "article:published_time") ||
             !strcasecmp(k, "datePublished") || !strcasecmp(k, "date") ||
             !strcasecmp(k, "pubdate") || !strcasecmp(k, "publishdate") ||
             !strcasecmp(k, "dc.date") || !strcasecmp(k, "dcterms.date") ||
             !strcasecmp(k, "parsely-pub-date") ||
             !strcasecmp(k, "og:published_time"))
        set_date(m->date, v);
    else if (!strcasecmp(k, "author") || !strcasecmp(k, "article:author") ||
             !strcasecmp(k, "parsely-author") || !strcasecmp(k, "dc.creator"))
        set_field(m->author, sizeof m->author, v);
    else if (!strcasecmp(k, "og:site_name"))
        set_field(m->source, sizeof m->source, v);
    else if (!strcasecmp(k, "og:url"))
        set_field(m->url, sizeof m->url, v);
}

/* One pass over the whole tree for metadata and the content root. */
static const GumboNode *scan(const GumboNode *root, dk_htmlmeta *m)
{
    const GumboNode *article = NULL, *main_ = NULL, *body = NULL, *h1 = NULL;
    char doc_title[512] = "";
    size_t cap = 256, sp = 0;
    const GumboNode **stack = malloc(cap * sizeof *stack);
    if (!stack)
        return root;
    stack[sp++] = root;
    while (sp) {
        const GumboNode *x = stack[--sp];
        if (x->type == GUMBO_NODE_DOCUMENT) {
            const GumboVector *c = &x->v.document.children;
            for (int i = (int)c->length - 1; i >= 0 && sp < cap; i--)
                stack[sp++] = c->data[i];
            continue;
        }
        if (x->type != GUMBO_NODE_ELEMENT && x->type != GUMBO_NODE_TEMPLATE)
            continue;
        const GumboElement *e = &x->v.element;
        switch (e->tag) {
        case GUMBO_TAG_META: read_meta(e, m); break;
        case GUMBO_TAG_TITLE:
            if (!doc_title[0]) plain_text(x, doc_title, sizeof doc_title);
            break;
        case GUMBO_TAG_LINK: {
            GumboAttribute *rel = gumbo_get_attribute(&e->attributes, "rel");
            GumboAttribute *href = gumbo_get_attribute(&e->attributes, "href");
            if (rel && href && !strcasecmp(rel->value, "canonical"))
                snprintf(m->url, sizeof m->url, "%s", href->value);
            break;
        }
        case GUMBO_TAG_TIME: {
            GumboAttribute *dt = gumbo_get_attribute(&e->attributes, "datetime");
            if (dt)
                set_date(m->date, dt->value);
            break;
        }
        case GUMBO_TAG_ARTICLE: if (!article) article = x; break;
        case GUMBO_TAG_MAIN: if (!main_) main_ = x; break;
        case GUMBO_TAG_BODY: if (!body) body = x; break;
        case GUMBO_TAG_H1: if (!h1) h1 = x; break;
        default: break;
        }
        const GumboVector *c = &e->children;
        for (int i = (int)c->length - 1; i >= 0; i--) {
            if (sp == cap) {
                const GumboNode **p = realloc(stack, cap * 2 * sizeof *stack);
                if (!p)
                    break;
                stack = p;
                cap *= 2;
            }
            stack[sp++] = c->data[i];
        }
    }
    free(stack);
    if (!m->title[0] && h1)
        plain_text(h1, m->title, sizeof m->title);
    if (!m->title[0])
        snprintf(m->title, sizeof m->title, "%s", doc_title);
    return article ? article : main_ ? main_ : body ? body : root;
}

/* A link that only leads elsewhere: "Read more", "Continue reading". */
static int read_more_link(const GumboNode *x)
{
    static const char *const starts[] = {"read more", "read also",
        "continue reading", "more:", "see also", "related:"};
    char t[64] = "";
    plain_text(x, t, sizeof t);
    const char *p = t;
    while (*p == ' ' || *p == '>' || *p == '\xc2' || *p == '\xbb')
        p++;
    for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
        if (strncasecmp(p, starts[i], strlen(starts[i])) == 0)
            return 1;
    return 0;
}

typedef struct frame {
    const GumboNode *node;
    unsigned next;   /* next child to visit */
} frame;

static void walk(walker *w, const GumboNode *root, int in_article)
{
    size_t cap = 256, sp = 0;
    frame *stack = malloc(cap * sizeof *stack);
    if (!stack) {
        w->st = DK_ERR_NOMEM;
        return;
    }
    stack[sp++] = (frame){root, 0};
    while (sp && !w->st) {
        frame *f = &stack[sp - 1];
        const GumboNode *x = f->node;
        if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_CDATA) {
            text(w, x->v.text.text, strlen(x->v.text.text));
            sp--;
            continue;
        }
        if (x->type == GUMBO_NODE_WHITESPACE) {
            text(w, " ", 1);
            sp--;
            continue;
        }
        if (x->type != GUMBO_NODE_ELEMENT && x->type != GUMBO_NODE_DOCUMENT &&
            x->type != GUMBO_NODE_TEMPLATE) {
            sp--;
            continue;
        }
        const GumboVector *c = x->type == GUMBO_NODE_DOCUMENT
                                   ? &x->v.document.children
                                   : &x->v.element.children;
        GumboTag tag = x->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_UNKNOWN
                                                      : x->v.element.tag;
        if (f->next == 0) {
            /* entering */
            if (x != root && x->type != GUMBO_NODE_DOCUMENT &&
                (skip_tag(tag, in_article) || furniture_el(&x->v.element) ||
                 (tag == GUMBO_TAG_A && read_more_link(x)))) {
                sp--;
                continue;
            }
            if (tag == GUMBO_TAG_BR)
                brk(w, 1);
            else if (block_tag(tag))
                brk(w, tag == GUMBO_TAG_LI || tag == GUMBO_TAG_TD ||
                           tag == GUMBO_TAG_TH || tag == GUMBO_TAG_TR ? 1 : 2);
        }
        if (f->next < c->length) {
            const GumboNode *child = c->data[f->next++];
            if (sp == cap) {
                frame *p = realloc(stack, cap * 2 * sizeof *stack);
                if (!p) {
                    w->st = DK_ERR_NOMEM;
                    break;
                }
                stack = p;
                cap *= 2;
            }
            stack[sp++] = (frame){child, 0};
            continue;
        }
        /* leaving */
        if (block_tag(tag))
            brk(w, 2);
        sp--;
    }
    free(stack);
}

dk_status dk_html_extract(const char *html, size_t n, dk_buf *out,
                          dk_htmlmeta *meta, char *err, size_t cap)
{
    memset(meta, 0, sizeof *meta);
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0;
    GumboOutput *g = gumbo_parse_with_options(&opts, html, n);
    if (!g) {
        snprintf(err, cap, "cannot parse the HTML (out of memory)");
        return DK_ERR_NOMEM;
    }
    const GumboNode *root = scan(g->document, meta);
    walker w = {out, DK_OK, 0, 0};
    size_t start = out->len;
    int in_article = root->type == GUMBO_NODE_ELEMENT &&
                     (root->v.element.tag == GUMBO_TAG_ARTICLE ||
                      root->v.element.tag == GUMBO_TAG_MAIN);
    walk(&w, root, in_article);
    if (!w.st && out->len - start < 40 && in_article) {
        /* an empty <article> shell: fall back to the whole page */
        out->len = start;
        w = (walker){out, DK_OK, 0, 0};
        walk(&w, g->document, 0);
    }
    gumbo_destroy_output(&opts, g);
    if (w.st) {
        snprintf(err, cap, "out of memory while reading the HTML");
        return w.st;
    }
    if (!w.st && dk_buf_putc(out, '\n')) {
        snprintf(err, cap, "out of memory while reading the HTML");
        return DK_ERR_NOMEM;
    }
    size_t k = start;
    while (k < out->len && (out->data[k] == '\n' || out->data[k] == ' '))
        k++;
    if (k == out->len) {
        snprintf(err, cap, "no readable text in the HTML");
        return DK_ERR_EMPTY;
    }
    return DK_OK;
}

int dk_html_is_name(const char *path)
{
    size_t n = strlen(path);
    return (n >= 5 && strcasecmp(path + n - 5, ".html") == 0) ||
           (n >= 4 && strcasecmp(path + n - 4, ".htm") == 0);
}
