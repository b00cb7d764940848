/* timeline.h: what was spoken when. Filled per paragraph by the worker
 * (samples counted from the paragraph's first audible sample), shifted to
 * absolute sample positions by the renderer, and read by every timestamp
 * writer. Offsets are byte offsets in the input file. */
#ifndef SUARA_TIMELINE_H
#define SUARA_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

typedef struct {
	size_t off, len;        /* the written word (or token, e.g. `Rp 12.500`) */
	uint64_t start, end;    /* samples */
} tl_word;

typedef struct {
	size_t off, len;        /* the sentence as written */
	uint64_t start, end;    /* first audible sample, one past the last */
	size_t spoken_off, spoken_len; /* into tl_paragraph.spoken */
	size_t word0, nwords;   /* into tl_paragraph.words */
} tl_sentence;

typedef struct {
	size_t index, off, len;
	uint64_t start, end;
	vec sentences;          /* tl_sentence */
	vec words;              /* tl_word */
	sbuf spoken;            /* spoken forms, sentence after sentence */
} tl_paragraph;

void tl_init(tl_paragraph *p);
void tl_reset(tl_paragraph *p);
void tl_free(tl_paragraph *p);
/* Add delta to every sample position. */
void tl_shift(tl_paragraph *p, uint64_t delta);

#endif
