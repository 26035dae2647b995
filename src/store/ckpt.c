/*
 * ckpt.c - checkpoints of the record's write-ahead log on a thread of
 * their own (see ckpt.h).
 */
#include <pthread.h>
#include <stdlib.h>
#include "ckpt.h"

/* A commit leaving at least this many frames in the log asks for a
 * checkpoint: SQLite's own default for its automatic checkpoints. */
#define CKPT_FRAMES 1000

struct dk_ckpt {
    sqlite3 *db;                  /* the writer's connection */
    sqlite3 *own;                 /* the thread's */
    int max_frames;               /* DK_CKPT_WAL_MAX in frames */
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t work;          /* want or stop set */
    pthread_cond_t idle;          /* a checkpoint finished */
    int want, busy, stop;
};

static void *loop(void *arg)
{
    dk_ckpt *c = arg;
    pthread_mutex_lock(&c->mu);
    for (;;) {
        while (!c->want && !c->stop)
            pthread_cond_wait(&c->work, &c->mu);
        if (!c->want)
            break;              /* stopped, nothing asked for */
        c->want = 0;
        c->busy = 1;
        pthread_mutex_unlock(&c->mu);
        /* PASSIVE: copies what no reader still needs, never waits for
         * the writer nor stops it; a failure (a full disk) leaves the
         * frames in the log, where the next checkpoint finds them */
        sqlite3_wal_checkpoint_v2(c->own, "main", SQLITE_CHECKPOINT_PASSIVE,
                                  NULL, NULL);
        pthread_mutex_lock(&c->mu);
        c->busy = 0;
        pthread_cond_broadcast(&c->idle);
    }
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

/* The writer's WAL hook, after each of its commits; frames: the log's
 * length. */
static int on_commit(void *arg, sqlite3 *db, const char *name, int frames)
{
    dk_ckpt *c = arg;
    if (frames < CKPT_FRAMES)
        return SQLITE_OK;
    pthread_mutex_lock(&c->mu);
    if (frames < c->max_frames) {
        c->want = 1;
        pthread_cond_signal(&c->work);
        pthread_mutex_unlock(&c->mu);
        return SQLITE_OK;
    }
    /* the log grew long (the thread never caught up with it): let the
     * thread's checkpoint end, then copy the rest here, so that the next
     * transaction starts the log over */
    while (c->busy || c->want)
        pthread_cond_wait(&c->idle, &c->mu);
    pthread_mutex_unlock(&c->mu);
    sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL,
                              NULL);
    return SQLITE_OK;
}

/* The page size of db's main file; 0 when it cannot be read. */
static int page_size(sqlite3 *db)
{
    sqlite3_stmt *q;
    int size = 0;
    if (sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &q, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_step(q) == SQLITE_ROW)
        size = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return size;
}

dk_ckpt *dk_ckpt_start(sqlite3 *db)
{
    const char *file = sqlite3_db_filename(db, "main");
    int size = page_size(db);
    if (!file || !*file || size <= 0)
        return NULL;
    dk_ckpt *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->db = db;
    c->max_frames = DK_CKPT_WAL_MAX / size;
    if (sqlite3_open_v2(file, &c->own, SQLITE_OPEN_READWRITE, NULL) !=
            SQLITE_OK ||
        sqlite3_exec(c->own, "PRAGMA synchronous = NORMAL", NULL, NULL,
                     NULL) != SQLITE_OK) {
        sqlite3_close(c->own);
        free(c);
        return NULL;
    }
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->work, NULL);
    pthread_cond_init(&c->idle, NULL);
    if (pthread_create(&c->thread, NULL, loop, c) != 0) {
        pthread_mutex_destroy(&c->mu);
        pthread_cond_destroy(&c->work);
        pthread_cond_destroy(&c->idle);
        sqlite3_close(c->own);
        free(c);
        return NULL;
    }
    /* the hook replaces the connection's automatic checkpoints */
    sqlite3_wal_hook(db, on_commit, c);
    return c;
}

void dk_ckpt_stop(dk_ckpt *c)
{
    if (!c)
        return;
    /* back to SQLite's automatic checkpoints (which remove the hook) */
    sqlite3_wal_autocheckpoint(c->db, CKPT_FRAMES);
    pthread_mutex_lock(&c->mu);
    c->stop = 1;
    pthread_cond_signal(&c->work);
    pthread_mutex_unlock(&c->mu);
    pthread_join(c->thread, NULL);
    pthread_mutex_destroy(&c->mu);
    pthread_cond_destroy(&c->work);
    pthread_cond_destroy(&c->idle);
    sqlite3_close(c->own);
    free(c);
}
