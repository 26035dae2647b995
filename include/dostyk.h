/*
 * dostyk.h - the embeddable extraction engine.
 *
 * dostyk reads news text and reports every figure, date, duration, entity
 * and event in it as a "mention": a byte span of the document with a kind
 * and a normalised value.  This header is the whole public interface of
 * libdostyk.a:
 *
 *   dk_engine *e = dk_engine_new(&opts, &err);     one per process/thread
 *   dk_doc *d = dk_doc_open(e, "a.txt", "2024-05-22");
 *   dk_doc_feed(d, chunk, n);                     as often as you like
 *   while ((m = dk_doc_next(d)) != NULL) ...      mentions found so far
 *   dk_doc_finish(d);                             end of text
 *   while ((m = dk_doc_next(d)) != NULL) ...      the rest
 *   dk_doc_close(d);  dk_engine_free(e);
 *
 * Ownership: the engine owns everything it returns.  A dk_mention pointer
 * is valid until the next call on the same dk_doc.  Strings passed in are
 * copied.  An engine may serve many documents one after another; it is
 * not safe to use one engine from two threads at once.
 *
 * Errors: functions that can fail return a dk_status (0 = DK_OK); the
 * message of the last failure is kept on the handle (dk_doc_errmsg).
 * Status numbers never change meaning; the CLI exits with them.
 */
#ifndef DOSTYK_H
#define DOSTYK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DOSTYK_VERSION "0.1.0"

/* Result codes.  Fixed numbers: never reuse or renumber one. */
typedef enum dk_status {
    DK_OK = 0,           /* success */
    DK_ERR_INTERNAL = 1, /* a bug: an invariant did not hold */
    DK_ERR_USAGE = 2,    /* bad command line or bad API argument */
    DK_ERR_IO = 3,       /* a file could not be opened, read or written */
    DK_ERR_UTF8 = 4,     /* input is not valid UTF-8 */
    DK_ERR_BINARY = 5,   /* input looks binary (NUL bytes) */
    DK_ERR_JSON = 6,     /* a JSON Lines record is malformed */
    DK_ERR_NOMEM = 7,    /* out of memory */
    DK_ERR_LIMIT = 8,    /* input exceeds a documented limit */
    DK_ERR_PACK = 9,     /* a domain pack is missing or invalid */
    DK_ERR_DB = 10,      /* the database failed */
    DK_ERR_NOTFOUND = 11,/* the thing asked for does not exist */
    DK_ERR_EMPTY = 12    /* input has no text at all */
} dk_status;

/* Human-readable text of a status; never NULL. */
const char *dk_strerror(dk_status s);

typedef enum dk_kind {
    DK_KIND_NONE = 0,
    DK_NUMBER,
    DK_ORDINAL,
    DK_PERCENT,
    DK_MONEY,
    DK_QUANTITY,
    DK_DATE,
    DK_DURATION,
    DK_ENTITY,
    DK_EVENT,
    DK_SENTENCE,
    DK_KIND_COUNT
} dk_kind;

/* The name used in the JSON output ("number", "money", ...). */
const char *dk_kind_name(dk_kind k);

typedef enum dk_qualifier {
    DK_Q_EXACT = 0,
    DK_Q_APPROX,
    DK_Q_OVER,
    DK_Q_UNDER,
    DK_Q_RANGE
} dk_qualifier;

const char *dk_qualifier_name(dk_qualifier q);

#define DK_MAX_SUBJECTS 4
#define DK_MAX_ACTORS 6
#define DK_ID_MAX 64    /* entity ids, metric ids, units: bytes with NUL */
#define DK_DATE_MAX 48  /* ISO 8601 date or interval, with NUL */

/* One mention.  Fields a kind does not use are zero / empty strings.
 * Offsets are bytes into the document's UTF-8 text, end exclusive. */
typedef struct dk_mention {
    uint64_t start, end;
    const char *text;        /* the bytes [start, end); not NUL-terminated */
    dk_kind kind;
    dk_qualifier qualifier;
    int has_value;           /* numeric kinds other than date */
    double value;            /* normalised value; = low for ranges */
    double low, high;        /* qualifier DK_Q_RANGE only */
    char unit[16];           /* ISO 4217, unit symbol, or duration unit */
    char date[DK_DATE_MAX];  /* kind date: ISO 8601 point or interval */

    /* Attribution: what a figure measures (empty metric = none). */
    char metric[DK_ID_MAX];
    char period[DK_DATE_MAX];
    int nsubjects;
    char subjects[DK_MAX_SUBJECTS][DK_ID_MAX];
    int has_change;
    double change_value;
    char change_unit[16];    /* "%" or "times" */
    const char *explain;     /* --explain text, NUL-terminated, or NULL */

    /* kind entity: the domain pack's type and canonical id. */
    char type[16];
    char id[DK_ID_MAX];

    /* kind event */
    char event[16];          /* visit, meeting, agreement, ... */
    char cameo[8];
    int nactors;
    char actors[DK_MAX_ACTORS][DK_ID_MAX];
    char place[DK_ID_MAX];
    int has_count;
    double count;
    dk_qualifier count_qualifier;   /* "more than 25 agreements": over */
    /* (an event's worth is in has_value, value, unit, and its qualifier,
     * low and high in the fields above) */
} dk_mention;

typedef struct dk_engine dk_engine;
typedef struct dk_doc dk_doc;

/* Engine options.  Zero-initialise, then set what you need. */
typedef struct dk_options {
    int sentences;           /* also report DK_SENTENCE mentions */
    int explain;             /* fill dk_mention.explain */
    const char *pack_dir;    /* domain pack folder, or NULL for none */
} dk_options;

/* Create an engine.  On failure returns NULL and, when err is not NULL,
 * stores the reason in *err.  Free with dk_engine_free(). */
dk_engine *dk_engine_new(const dk_options *opts, dk_status *err);
void dk_engine_free(dk_engine *e);

/* Open a document.  id names it in the output; date (may be NULL) is the
 * publication date "YYYY", "YYYY-MM" or "YYYY-MM-DD" used to resolve
 * relative dates.  Without it the engine looks for a dateline in the
 * first 64 KiB of the text.  Returns NULL only when out of memory or when
 * date is malformed. */
dk_doc *dk_doc_open(dk_engine *e, const char *id, const char *date);

/* Feed the next n bytes of text.  Returns DK_OK, or DK_ERR_UTF8 /
 * DK_ERR_BINARY (with the byte offset in the message); after an error the
 * document accepts no more text, but mentions found before it can still
 * be read.  Memory use does not grow with the length of the text. */
dk_status dk_doc_feed(dk_doc *d, const char *buf, size_t n);

/* End of text: flush the last sentence. */
dk_status dk_doc_finish(dk_doc *d);

/* Next mention found so far, in text order, or NULL when none is ready.
 * The mention is the document's: it stays valid until the next call of
 * dk_doc_next, dk_doc_feed, dk_doc_finish or dk_doc_close. */
const dk_mention *dk_doc_next(dk_doc *d);

/* The document id and, once known, its publication date ("" if none). */
const char *dk_doc_id(const dk_doc *d);
const char *dk_doc_date(const dk_doc *d);

/* Message of the last failure on this document, "" if none. */
const char *dk_doc_errmsg(const dk_doc *d);

/* Close a document.  Close every document of an engine before freeing
 * the engine: it keeps the last document's buffers for the next one. */
void dk_doc_close(dk_doc *d);

#ifdef __cplusplus
}
#endif

#endif /* DOSTYK_H */
