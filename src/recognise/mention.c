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
