/* pool.h: worker processes that speak paragraphs.
 *
 * espeak-ng carries state from one utterance to the next and is not
 * thread-safe. So the renderer initializes it once and never synthesizes in
 * its own process: each paragraph is spoken by a worker forked from that
 * pristine state, which writes the paragraph's audio and timeline to an
 * anonymous spill file and exits. A spare worker is forked ahead and waits
 * for its paragraph (sent through a pipe, text included, so one spare serves
 * whichever file comes next), which keeps fork's cost out of the gap
 * between two paragraphs. Up to `jobs` workers run at once; results are
 * taken strictly in the order the paragraphs were started, but a worker
 * that finishes early starts the next paragraph at once.
 *
 * Spill file: audio chunks (u32 n > 0, then n int16 samples; with the high
 * bit set, n & 0x7FFFFFFF zero samples and no data), a u32 0, then the
 * timeline (u64 end, sentences, words, spoken bytes, then the arrays). A
 * failed worker writes u32 0xFFFFFFFF, i32 status, u32 length, message. */
#ifndef SUARA_POOL_H
#define SUARA_POOL_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "render_int.h"
#include "timeline.h"

#define POOL_CHUNK_ZEROS 0x80000000u
#define POOL_CHUNK_FAILED 0xFFFFFFFFu

typedef struct pool pool;

enum pool_state { POOL_SPEAKING, POOL_FINISHED, POOL_DIED };

/* A paragraph handed to a worker. */
typedef struct {
	enum pool_state state;
	pid_t pid;
	FILE *spill;
	int done_fd;     /* one byte arrives when the spill is complete */
	int cmd_fd;      /* where the paragraph is sent */
	void *owner;     /* the caller's: which document */
	size_t base, len;/* the paragraph's place in its input */
} pool_job;

/* NULL when out of memory. jobs >= 1. */
pool *pool_new(const suara_renderer *r, int jobs);
/* Kill and reap every worker. NULL is allowed. */
void pool_free(pool *p);

/* No worker free, or as many jobs in flight as the pool keeps. */
int pool_full(const pool *p);
/* Block until some speaking job finishes or dies. 0, or -1 when none is
 * speaking. */
int pool_wait(pool *p);
/* Has the oldest job finished (or died)? */
int pool_oldest_ended(const pool *p);

/* Hand text[0..len) (at byte base of owner's input) to a worker. With
 * more != 0 a new spare is forked for the next paragraph. 0, or -1 with the
 * reason in err. */
int pool_start(pool *p, const char *text, size_t len, size_t base, void *owner, int more,
	       char *err, size_t errlen);

/* Take the oldest job, waiting until its spill is complete. *finished is 0
 * when the worker died without finishing (its exit status is in *status).
 * The spill is rewound for reading. Call pool_done(j) afterwards. Returns 0,
 * or -1 when no job is running. */
int pool_take(pool *p, pool_job *j, int *finished, int *status);
/* Reap the job's worker (status in *status) and close its spill. */
void pool_done(pool_job *j, int *status);

/* Map the whole spill f for reading: its bytes, *len of them, or NULL.
 * Release with pool_unmap (NULL is allowed). */
const unsigned char *pool_map(FILE *f, size_t *len);
void pool_unmap(const unsigned char *m, size_t len);

/* Reading a spill. pool_read_u32: 0 or -1 at the end. */
int pool_read_u32(FILE *f, uint32_t *v);
/* The timeline after the audio's terminating 0. */
int pool_read_timeline(FILE *f, tl_paragraph *tl);
/* After POOL_CHUNK_FAILED: the worker's status and message. */
int pool_read_failure(FILE *f, char *msg, size_t msglen);

#endif
