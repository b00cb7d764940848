/* segment.h: Indonesian-aware sentence segmentation.
 *
 * Works on one paragraph at a time: text[0..len) is valid UTF-8 in which line
 * breaks have already been replaced by spaces (byte for byte, so offsets
 * still point into the input file). The rules that need data (titles,
 * abbreviations, sentence starters) come from the voice folder's
 * voices/id/abbrev.tsv, which the normalizer reads too and users can
 * extend. */
#ifndef SUARA_SEGMENT_H
#define SUARA_SEGMENT_H

#include <stddef.h>

#include "text/table.h"

typedef struct seg_rules seg_rules;

/* A sentence: byte offset and length inside the paragraph, without leading
 * or trailing whitespace. */
typedef struct {
	size_t off, len;
} seg_span;

/* Longest sentence, in bytes, the segmenter returns: a longer run without a
 * sentence end is cut at the last space (or character boundary) before it,
 * so synthesis buffers stay bounded whatever the input. */
#define SEG_MAX_SENTENCE 2000

/* The segmenter's rules from the abbreviation table t, read from path (for
 * messages). On success returns 0 and stores them in *out (free with
 * seg_rules_free; t may go). On failure returns -1, stores NULL, and
 * writes a message naming path, line and the problem into err. */
int seg_rules_from_table(seg_rules **out, const table *t, const char *path, char *err, size_t errlen);
/* The same from the voice folder dir's abbrev.tsv, loaded for it alone. */
int seg_rules_load(seg_rules **out, const char *dir, char *err, size_t errlen);
void seg_rules_free(seg_rules *r);

/* Find the next sentence at or after byte pos. Returns 1 and fills *out when
 * there is one, 0 when only whitespace (or nothing) remains. *next is set to
 * where the search for the following sentence starts. Pure: no allocation. */
int seg_next(const seg_rules *r, const char *text, size_t len, size_t pos,
	     seg_span *out, size_t *next);

#endif
