/* synth.h: the one door to libespeak-ng.
 *
 * espeak-ng keeps global state and is not thread-safe: one process, one
 * engine. synth_init() and synth_set_pristine() are called once (a process
 * makes one renderer); later work runs in processes
 * forked from that pristine state, and every paragraph starts from it:
 * after synth_reset() when that is exact, else in a fresh process. */
#ifndef SUARA_SYNTH_H
#define SUARA_SYNTH_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

/* A word event: where the word starts in the spoken text (byte offset) and
 * the sample, counted from the start of the synth_say call, where it starts. */
typedef struct {
	size_t text_off;
	size_t sample;
} synth_word;

typedef struct {
	vec samples; /* int16_t */
	vec words;   /* synth_word */
} synth_out;

/* Initialize espeak-ng for the given voice and parameters. Returns the
 * sample rate (> 0), or -1 with a message in err. */
int synth_init(const char *voice, int speed, int pitch, int volume, char *err, size_t errlen);

/* Synthesize the spoken text text[0..len) (UTF-8, no markup, [[phonemes]]
 * allowed), appending its samples and word events to *out (the vectors
 * must be initialized). Returns 0, or -1 on engine failure or out of memory. */
int synth_say(const char *text, size_t len, synth_out *out);

/* Synthesize text[0..len) like synth_say, but keep only the phoneme
 * mnemonics espeak-ng speaks (one line per clause, as `espeak-ng -x`
 * prints them), appended to *out with the clauses joined by a space.
 * Returns 0, or -1 on engine failure or out of memory. */
int synth_phonemes(const char *text, size_t len, sbuf *out);

/* Make the engine's state after a fixed warm-up utterance the pristine
 * state, and leave the engine in it. Returns 1 when a copy of that state
 * was taken for synth_reset() (whether resets are exact is for
 * synth_reset_is_exact to tell); 0 when none can be, and each paragraph
 * then needs a process forked from this one; -1 when the engine failed. */
int synth_set_pristine(void);
/* Does synth_reset() return the engine exactly to the pristine state? The
 * same sentence spoken from the pristine state and again after a reset
 * must give the same samples. Speaks, so it changes the engine's state:
 * run it in a process of its own, forked from the pristine one. */
int synth_reset_is_exact(void);
/* Return the engine to the pristine state (and rand() to its seed). */
void synth_reset(void);

/* Words of a second language, said with its phonemes: [[_^_en-us
 * phonemes _^_id]] switches the speaking engine's phoneme table and back.
 * synth_set_foreign names the espeak-ng voice that turns such words into
 * phonemes (en-us; NULL or "": none). synth_foreign_phonemes appends the
 * phonemes of word[0..n) (at most SYNTH_FOREIGN_MAX bytes) to *out: 0; 1
 * when there are none (no voice, or its process cannot be had: the word is
 * then the main voice's); -1 when out of memory. The phonemes come from a
 * process of their own (see synth.c), which synth_foreign_end ends. */
#define SYNTH_FOREIGN_MAX 64
void synth_set_foreign(const char *voice);
/* Start that process now, so that it is ready by the first such word (it
 * loads its voice on another core meanwhile). */
void synth_foreign_prepare(void);
int synth_foreign_phonemes(const char *word, size_t n, sbuf *out);
/* End the process (at end of file on its socket); wait: reap it too, else
 * the caller is about to exit and leaves that to its own parent. */
void synth_foreign_end(int wait);

#endif
