/* synth.h: the one door to libespeak-ng.
 *
 * espeak-ng keeps global state and is not thread-safe: one process, one
 * engine. synth_init() is called once; later work runs in processes forked
 * from the initialized one, so each starts from the same pristine state. */
#ifndef SUARA_SYNTH_H
#define SUARA_SYNTH_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

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

#endif
