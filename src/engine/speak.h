/* speak.h: speaking one paragraph, sentence by sentence.
 *
 * For each sentence: normalize, pronounce (pron.h), synthesize, trim the engine's leading and
 * trailing silence, and hand the audible samples to a sink, with the
 * configured pause between sentences. Timestamps are counted in samples
 * handed to the sink, from the paragraph's first audible sample: bounds are
 * tight by construction. Runs in a worker process (see render.c). */
#ifndef SUARA_SPEAK_H
#define SUARA_SPEAK_H

#include <stddef.h>
#include <stdint.h>

#include "text/normalize.h"
#include "pron/pron.h"
#include "text/segment.h"
#include "engine/synth.h"
#include "base/timeline.h"

/* Receives n samples, or n zero samples when s is NULL. 0, or -1 to stop. */
typedef int (*speak_sink)(void *ud, const int16_t *s, size_t n);

typedef struct {
	const seg_rules *seg;
	const norm_rules *norm;
	const pron_rules *pron;
	size_t sentence_pause;  /* samples of silence between sentences */
} speak_cfg;

/* One sentence's working buffers, kept from paragraph to paragraph so that
 * they are not grown again each time. */
typedef struct {
	sbuf spoken;      /* the sentence's spoken form */
	vec pieces;       /* norm_piece */
	sbuf engine;      /* the spoken form as the engine reads it ([[phonemes]]) */
	vec anchors;      /* pron_anchor: engine offsets back to spoken ones */
	synth_out syn;    /* its samples and word events */
} speak_buffers;

void speak_buffers_init(speak_buffers *b);
void speak_buffers_free(speak_buffers *b);

/* Speak the paragraph text[0..len), which starts at byte base of the input,
 * into sink, filling tl (which must be initialized; it is reset first) with
 * input offsets, using the buffers b. Returns SUARA_OK, SUARA_ERR_NOMEM,
 * SUARA_ERR_ENGINE or SUARA_ERR_WRITE (the sink failed). */
int speak_paragraph(const speak_cfg *cfg, speak_buffers *b, const char *text, size_t len, size_t base,
		    tl_paragraph *tl, speak_sink sink, void *ud);

/* The sentences of a paragraph, as used by speak_paragraph and inspection:
 * calls fn for each; stops and returns fn's non-zero result. A reporter's
 * code after the last sentence (norm_byline: "(rah)") is given as part of
 * that sentence, which does not say it. */
typedef int (*speak_sentence_fn)(void *ud, size_t off, size_t len);
int speak_each_sentence(const seg_rules *seg, const char *text, size_t off, size_t len,
			speak_sentence_fn fn, void *ud);

#endif
