/* pool.h: worker processes that run jobs on paragraphs.
 *
 * The job (pool_task) needs a pristine state, such as espeak-ng's after
 * its first utterance, which carries over from one utterance to the next
 * and is not thread-safe: the caller sets that state up in its own
 * process, and never runs a job there. Up to `jobs` workers, forked from
 * it, run the jobs. Every job starts from the pristine state: a worker
 * resets after each one (task->reset) and takes the next, or, when resets
 * cannot be trusted, exits and a new worker is forked. A job's result goes
 * to a spill file (spill.h) whose descriptor comes with the paragraph's
 * text over the worker's socket; the worker answers one byte when it is
 * complete. Results are taken strictly in the order the jobs were started,
 * but a worker that finishes early starts the next job at once. */
#ifndef SUARA_POOL_H
#define SUARA_POOL_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

typedef struct pool pool;

/* What the workers do. */
typedef struct {
	/* In a worker: the job on text[0..len) (at byte base of its input),
	 * with the caller's context ctx[0..ctx_len) (both NUL-terminated),
	 * written into the spill open as f. 0, or -1 when it failed (the
	 * spill then says why). */
	int (*run)(void *ud, const char *text, size_t len, size_t base, const char *ctx, size_t ctx_len, FILE *f);
	/* In a worker, between jobs: back to the pristine state. */
	void (*reset)(void *ud);
	/* In a child of the pristine state: does reset return to it exactly? */
	int (*resets_exact)(void *ud);
	/* In a worker that ends (NULL: nothing to do). */
	void (*end)(void *ud);
	void *ud;
} pool_task;

enum pool_state { POOL_SPEAKING, POOL_FINISHED, POOL_DIED };

/* A paragraph handed to a worker. */
typedef struct {
	enum pool_state state;
	size_t worker;   /* which worker speaks it */
	int status;      /* a dead worker's exit status */
	int spill;       /* the spill file's descriptor */
	void *owner;     /* the caller's: which document */
	int tag;         /* the caller's: which part of it */
	const char *text;/* the paragraph, kept by the caller until taken */
	const char *ctx; /* its context, kept likewise */
	size_t ctx_len;
	char why[224];   /* POOL_DIED without being spoken: why */
	size_t base, len;/* the paragraph's place in its input */
} pool_job;

/* NULL when out of memory. jobs >= 1. reuse: 1 when task->reset is known
 * to be exact, so a worker may run job after job; 0 for a process per
 * job; -1 to find out (task->resets_exact) in a child of the pristine
 * state that runs alongside the first jobs. task is kept, not copied. */
pool *pool_new(const pool_task *task, int jobs, int reuse);
/* Are resets exact, as the pool found out or was told? 1 or 0 (waits for
 * the probe if need be). */
int pool_resets(pool *p);
/* Kill and reap every worker, and the probe if it has not answered. NULL
 * is allowed. */
void pool_free(pool *p);

/* No worker free, or as many jobs (or as much text) in flight as the pool
 * keeps. */
int pool_full(const pool *p);
/* Block until some speaking job finishes or dies. 0, or -1 when none is
 * speaking. */
int pool_wait(pool *p);
/* How many jobs are started and not yet taken (speaking or ended): each
 * holds a worker and a spill until pool_done. */
size_t pool_pending(const pool *p);
/* Has the oldest job finished (or died)? */
int pool_oldest_ended(const pool *p);

/* Hand text[0..len) (at byte base of owner's input) and its context
 * ctx[0..ctx_len) (what the job needs to know of the rest of the input)
 * to a worker, with the caller's owner and tag; only when !pool_full(p).
 * 0, or -1 with the reason in err. */
int pool_start(pool *p, const char *text, size_t len, size_t base, const char *ctx, size_t ctx_len, void *owner,
	       int tag, char *err, size_t errlen);

/* Take the oldest job, waiting until its spill is complete. *finished is 0
 * when the worker died without finishing (its exit status is in *status).
 * Call pool_done afterwards. Returns 0, or -1 when no job is running. */
int pool_take(pool *p, pool_job *j, int *finished, int *status);
/* Release the spill of a job taken. */
void pool_done(pool *p, pool_job *j);

#endif
