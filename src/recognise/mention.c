/*
 * mention.c - clearing and copying dk_mention by the group.
 *
 * A dk_mention is over a kilobyte, and most of it is the attribution,
 * entity and event fields that most mentions (entities, plain numbers,
 * dates) leave empty.  Clearing or copying it whole for every candidate
 * and every queued mention moved about 70 MB of memory per MB of news
 * text.  These functions copy the head (span, kind, value, unit, date)
 * and each group that holds something, and write an empty group as
 * empty strings and zero counts and flags: what every reader looks at
 * (a string's first byte, a list's count) before it reads further.
 * The engine's queue of mentions holds them packed the same way: a
 * header of 8 bytes (which groups follow), the head, the groups used.
 */
#include <stddef.h>
#include <string.h>
#include "recognise.h"

#define HEAD_END offsetof(dk_mention, metric)
#define ATTR_END offsetof(dk_mention, type)
#define ENTITY_END offsetof(dk_mention, event)

static void clear_attr(dk_mention *m)
{
    m->metric[0] = '\0';
    m->period[0] = '\0';
    m->nsubjects = 0;
    for (int i = 0; i < DK_MAX_SUBJECTS; i++)
        m->subjects[i][0] = '\0';
    m->has_change = 0;
    m->change_value = 0;
    m->change_unit[0] = '\0';
    m->explain = NULL;
}

static void clear_entity(dk_mention *m)
{
    m->type[0] = '\0';
    m->id[0] = '\0';
}

static void clear_event(dk_mention *m)
{
    m->event[0] = '\0';
    m->cameo[0] = '\0';
    m->nactors = 0;
    for (int i = 0; i < DK_MAX_ACTORS; i++)
        m->actors[i][0] = '\0';
    m->place[0] = '\0';
    m->has_count = 0;
    m->count = 0;
    m->count_qualifier = DK_Q_EXACT;
}

static int attr_used(const dk_mention *m)
{
    return m->metric[0] || m->period[0] || m->nsubjects || m->has_change ||
           m->change_unit[0] || m->explain;
}

static int entity_used(const dk_mention *m)
{
    return m->type[0] || m->id[0];
}

static int event_used(const dk_mention *m)
{
    return m->event[0] || m->cameo[0] || m->nactors || m->place[0] ||
           m->has_count || m->count != 0;
}

void dk_mention_clear(dk_mention *m)
{
    memset(m, 0, HEAD_END);
    clear_attr(m);
    clear_entity(m);
    clear_event(m);
}

void dk_mention_copy(dk_mention *dst, const dk_mention *src)
{
    memcpy(dst, src, HEAD_END);
    if (attr_used(src))
        memcpy((char *)dst + HEAD_END, (const char *)src + HEAD_END,
               ATTR_END - HEAD_END);
    else
        clear_attr(dst);
    if (entity_used(src))
        memcpy((char *)dst + ATTR_END, (const char *)src + ATTR_END,
               ENTITY_END - ATTR_END);
    else
        clear_entity(dst);
    if (event_used(src))
        memcpy((char *)dst + ENTITY_END, (const char *)src + ENTITY_END,
               sizeof *dst - ENTITY_END);
    else
        clear_event(dst);
}

enum { G_ATTR = 1, G_ENTITY = 2, G_EVENT = 4 };
#define PACK_HDR 8

size_t dk_mention_pack(unsigned char *out, const dk_mention *m,
                       const char *text, const char *explain)
{
    unsigned g = (attr_used(m) || explain ? G_ATTR : 0) |
                 (entity_used(m) ? G_ENTITY : 0) |
                 (event_used(m) ? G_EVENT : 0);
    memset(out, 0, PACK_HDR);
    out[0] = (unsigned char)g;
    size_t k = PACK_HDR;
    memcpy(out + k, m, HEAD_END);
    memcpy(out + k + offsetof(dk_mention, text), &text, sizeof text);
    k += HEAD_END;
    if (g & G_ATTR) {
        memcpy(out + k, (const char *)m + HEAD_END, ATTR_END - HEAD_END);
        memcpy(out + k + offsetof(dk_mention, explain) - HEAD_END, &explain,
               sizeof explain);
        k += ATTR_END - HEAD_END;
    }
    if (g & G_ENTITY) {
        memcpy(out + k, (const char *)m + ATTR_END, ENTITY_END - ATTR_END);
        k += ENTITY_END - ATTR_END;
    }
    if (g & G_EVENT) {
        memcpy(out + k, (const char *)m + ENTITY_END,
               sizeof *m - ENTITY_END);
        k += sizeof *m - ENTITY_END;
    }
    return k;
}

size_t dk_mention_unpack(dk_mention *m, const unsigned char *in)
{
    unsigned g = in[0];
    size_t k = PACK_HDR;
    memcpy(m, in + k, HEAD_END);
    k += HEAD_END;
    if (g & G_ATTR) {
        memcpy((char *)m + HEAD_END, in + k, ATTR_END - HEAD_END);
        k += ATTR_END - HEAD_END;
    } else {
        clear_attr(m);
    }
    if (g & G_ENTITY) {
        memcpy((char *)m + ATTR_END, in + k, ENTITY_END - ATTR_END);
        k += ENTITY_END - ATTR_END;
    } else {
        clear_entity(m);
    }
    if (g & G_EVENT) {
        memcpy((char *)m + ENTITY_END, in + k, sizeof *m - ENTITY_END);
        k += sizeof *m - ENTITY_END;
    } else {
        clear_event(m);
    }
    return k;
}
