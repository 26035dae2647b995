/*
 * ckpt.h - checkpoints of the record's write-ahead log on a thread of
 * their own, while an ingest writes.
 *
 * In WAL mode every page is written twice: into the log at commit, then
 * from the log into the database file by a checkpoint, which SQLite runs
 * on the committing connection, so the ingest's writing thread (its
 * slower side) did both.  While a dk_ckpt runs, the writer's commits
 * only wake a thread that checkpoints on a connection of its own, at the
 * same time as the writer goes on.  A crash at any moment is as safe as
 * before (a checkpoint never loses a committed transaction).  The log
 * still starts over whenever a checkpoint has caught up with it; should
 * it grow past DK_CKPT_WAL_MAX bytes all the same, the committing thread
 * waits for the checkpoint and finishes it itself, as SQLite would.
 */
#ifndef DK_CKPT_H
#define DK_CKPT_H

#include <sqlite3.h>

#ifndef DK_CKPT_WAL_MAX
#define DK_CKPT_WAL_MAX (256 << 20)
#endif

typedef struct dk_ckpt dk_ckpt;

/* Checkpoint db's log (db: a connection writing to a WAL-mode file) on a
 * thread of its own from now on.  NULL when that cannot be (no file, no
 * thread, no memory): db then checkpoints itself as before. */
dk_ckpt *dk_ckpt_start(sqlite3 *db);

/* Stop the thread (after the checkpoint it is running or was asked
 * for, if any) and let the connection checkpoint itself again.  NULL is
 * fine. */
void dk_ckpt_stop(dk_ckpt *c);

#endif
