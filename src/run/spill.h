/* spill.h: the spill file, where a worker leaves one paragraph's audio
 * and timeline for the parent. This module alone writes and reads it.
 *
 * Layout: audio chunks (u32 n > 0, then n int16 samples; with the high bit
 * set, n & 0x7FFFFFFF zero samples and no data), a u32 0, then the
 * timeline (u64 end, sentences, words, spoken bytes, then the arrays). A
 * worker that fails starts over with u32 0xFFFFFFFF, i32 status, u32
 * length, message. Whatever follows is left from an earlier paragraph and
 * is not read. The parent reads a spill from a read-only mapping of all of
 * it, never through the file offset it shares with the worker. */
#ifndef SUARA_SPILL_H
#define SUARA_SPILL_H

#include <stdint.h>
#include <stdio.h>

#include "base/timeline.h"

/* A new anonymous spill file (memfd, else an unlinked temporary file):
 * its descriptor, or -1. */
int spill_create(void);
/* Mark the spill fd as holding no result yet (what an earlier paragraph
 * left there is not read): before it is handed to a worker. 0, or -1. */
int spill_start(int fd);
/* Make fd an empty spill again (its old contents need no clearing: a
 * spill is read up to its end mark). 0, or -1. */
int spill_rewind(int fd);

/* ---- writing, in the worker ---- */

/* A speak_sink (engine/speak.h) appending samples (or zeros, s NULL) to
 * the spill open as ud (a FILE *). 0 or -1. */
int spill_put_samples(void *ud, const int16_t *s, size_t n);
/* After the audio: the end mark and the timeline. 0 or -1. */
int spill_put_timeline(FILE *f, const tl_paragraph *tl);
/* Replace whatever was written with a failure: status and message. */
void spill_put_failure(FILE *f, int status, const char *msg);

/* ---- reading, in the parent ---- */

typedef struct {
	const unsigned char *m;
	size_t len, pos;
} spill_reader;

/* Map the spill fd: 0, or -1 (then rd reads as empty). */
int spill_open(int fd, spill_reader *rd);
void spill_close(spill_reader *rd);

enum spill_chunk { SPILL_SAMPLES, SPILL_ZEROS, SPILL_END, SPILL_FAILED, SPILL_BAD };
/* The next part of the audio: SPILL_SAMPLES (*s points into the mapping,
 * *n samples), SPILL_ZEROS (*n zero samples), SPILL_END (the timeline
 * follows), SPILL_FAILED (spill_read_failure follows), or SPILL_BAD (the
 * spill ends too soon). */
enum spill_chunk spill_next_chunk(spill_reader *rd, const int16_t **s, size_t *n);
/* The timeline, after SPILL_END. 0, or -1. */
int spill_read_timeline(spill_reader *rd, tl_paragraph *tl);
/* The failure, after SPILL_FAILED: its status, with its message in msg. */
int spill_read_failure(spill_reader *rd, char *msg, size_t msglen);

#endif
