/* pool.h: worker processes that speak paragraphs.
 *
 * espeak-ng carries state from one utterance to the next and is not
 * thread-safe. So the renderer initializes it once and never synthesizes
 * text in its own process: up to `jobs` workers, forked from that pristine
 * engine, speak the paragraphs. Every paragraph starts from the pristine
 * state: a worker resets its engine after each one (synth_reset) and takes
 * the next, or, when resets cannot be trusted, exits and a new worker is
 * forked. A paragraph's audio and timeline go to an anonymous spill file
 * whose descriptor comes with the paragraph's text over the worker's
 * socket; the worker answers one byte when it is complete. Results are
 * taken strictly in the order the paragraphs were started, but a worker
 * that finishes early starts the next paragraph at once.
 *
 * Spill file: audio chunks (u32 n > 0, then n int16 samples; with the high
 * bit set, n & 0x7FFFFFFF zero samples and no data), a u32 0, then the
 * timeline (u64 end, sentences, words, spoken bytes, then the arrays). A
 * failed worker writes u32 0xFFFFFFFF, i32 status, u32 length, message.
 * Whatever follows is left from an earlier paragraph and is not read. */
#ifndef SUARA_POOL_H
#define SUARA_POOL_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "run/render_int.h"
#include "base/timeline.h"

#define POOL_CHUNK_ZEROS 0x80000000u
#define POOL_CHUNK_FAILED 0xFFFFFFFFu

typedef struct pool pool;

enum pool_state { POOL_SPEAKING, POOL_FINISHED, POOL_DIED };

/* A paragraph handed to a worker. */
typedef struct {
	enum pool_state state;
	size_t worker;   /* which worker speaks it */
	int status;      /* a dead worker's exit status */
	int spill;       /* the spill file's descriptor */
	void *owner;     /* the caller's: which document */
	const char *text;/* the paragraph, kept by the caller until taken */
	char why[224];   /* POOL_DIED without being spoken: why */
	size_t base, len;/* the paragraph's place in its input */
} pool_job;

/* NULL when out of memory. jobs >= 1. reuse: 1 when synth_reset is known
 * to be exact, so a worker may speak paragraph after paragraph; 0 for a
 * process per paragraph; -1 to find out, in a child of the pristine engine
 * (synth_reset_is_exact) that runs alongside the first paragraphs. */
pool *pool_new(const suara_renderer *r, int jobs, int reuse);
/* Are resets exact, as the pool found out or was told? 1 or 0 (waits for
 * the probe if need be). */
int pool_resets(pool *p);
/* Kill and reap every worker, and the probe if it has not answered. NULL
 * is allowed. */
void pool_free(pool *p);

/* No worker free, or as many jobs in flight as the pool keeps. */
int pool_full(const pool *p);
/* Block until some speaking job finishes or dies. 0, or -1 when none is
 * speaking. */
int pool_wait(pool *p);
/* How many jobs are started and not yet taken (speaking or ended): each
 * holds a worker and a spill until pool_done. */
size_t pool_pending(const pool *p);
/* Has the oldest job finished (or died)? */
int pool_oldest_ended(const pool *p);

/* Hand text[0..len) (at byte base of owner's input) to a worker; only
 * when !pool_full(p). 0, or -1 with the reason in err. */
int pool_start(pool *p, const char *text, size_t len, size_t base, void *owner, char *err,
	       size_t errlen);

/* Take the oldest job, waiting until its spill is complete. *finished is 0
 * when the worker died without finishing (its exit status is in *status).
 * Call pool_done afterwards. Returns 0, or -1 when no job is running. */
int pool_take(pool *p, pool_job *j, int *finished, int *status);
/* Release the spill of a job taken. */
void pool_done(pool *p, pool_job *j);

/* Reading a spill, from a read-only mapping of all of it (the parent never
 * reads a spill through a file offset, which it shares with the worker). */
typedef struct {
	const unsigned char *m;
	size_t len, pos;
} pool_reader;

/* Map job j's spill: 0, or -1 (then rd reads as empty). */
int pool_open_spill(const pool_job *j, pool_reader *rd);
void pool_close_spill(pool_reader *rd);
/* 0, or -1 at the end. */
int pool_read_u32(pool_reader *rd, uint32_t *v);
/* The timeline after the audio's terminating 0. */
int pool_read_timeline(pool_reader *rd, tl_paragraph *tl);
/* After POOL_CHUNK_FAILED: the worker's status and message. */
int pool_read_failure(pool_reader *rd, char *msg, size_t msglen);

#endif
