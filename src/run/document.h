/* document.h: one document being rendered: its input, its outputs under
 * temporary names, the paragraphs taken from the workers into the WAV and
 * every timestamp writer, and publishing it all when it is complete. The
 * batch (batch.c) keeps a queue of them. */
#ifndef SUARA_DOCUMENT_H
#define SUARA_DOCUMENT_H

#include "audio/audio.h"
#include "export/timestamps.h"
#include "run/pool.h"
#include "run/render_int.h"

#define MAX_FORMATS 16
#define PATH_LEN 4200

/* A paragraph longer than this is spoken in parts of whole sentences, each
 * at most this long: a worker's result waits in memory whole, about 3 KB
 * of audio for every byte of text. News paragraphs are shorter (the
 * longest of 750 articles has 2.4 KB). */
#define PART_TEXT_MAX 4096

/* A written paragraph longer than this is cut, at a sentence, into
 * paragraphs of the timestamps that are at most this long (spoken with a
 * sentence's pause between them), so that no paragraph's timeline and
 * timestamp text grow with the input: about 10 pages without a blank line. */
#define PARA_TEXT_MAX ((size_t)64 << 10)

enum { PART_FIRST = 1, PART_LAST = 2, PART_CONTINUED = 4 /* a first part that goes on a cut paragraph */ };

/* Where the next part of a document starts. */
typedef struct {
	size_t pos;      /* where the next paragraph is looked for */
	input_para para; /* the paragraph being cut into parts */
	size_t at;       /* where its next part starts; 0: no paragraph */
	size_t out;      /* where the paragraph of the timestamps being fed starts */
} doc_cursor;

/* A part of a paragraph to speak: text[off, off+len) and PART_* flags. */
typedef struct {
	size_t off, len;
	int tag;
} doc_part;

/* Failures are kept in status and detail; a failed document is
 * finished and reported like the others. */
typedef struct doc_state {
	struct doc_state *next;
	size_t target;             /* index in the batch */
	const suara_target *t;
	input_doc doc;
	audio_out *audio;
	ts_doc tsdoc;
	FILE *ts_file[MAX_FORMATS];
	ts_writer *ts[MAX_FORMATS];
	char ts_path[MAX_FORMATS][PATH_LEN];
	int ts_temp[MAX_FORMATS];  /* temp slots, -1 for none */
	int wav_temp;
	doc_cursor cur;            /* where the next part is looked for */
	size_t para_off;           /* the paragraph being taken: its start */
	int para_audio;            /* ... and whether it has sound yet */
	tl_paragraph part;         /* a later part's timeline, before it joins tl */
	int fed_all;               /* every paragraph has been started */
	size_t started, taken;
	size_t index;              /* paragraphs written */
	int any_audio;
	int status;                /* first failure, SUARA_OK until then */
	char detail[1024];
	char err[512];
	tl_paragraph tl;
	sbuf names;                /* said in English somewhere in it (pron_collect),
				      sent with each paragraph */
} doc_state;


/* Open target i: read and check its input, open its outputs. Failures are
 * kept in the state (which then has nothing to feed); NULL only when out of
 * memory. */
doc_state *doc_open(suara_renderer *r, const suara_target *t, size_t i);
/* Record the first failure of d (printf-style detail); returns d's status. */
int doc_fail(doc_state *d, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The next part of d to speak (a whole paragraph, or whole sentences of a
 * long one): 1, or 0 when nothing is left. Advances d->cur. */
int doc_next_part(const suara_renderer *r, doc_state *d, doc_part *part);
/* Append job j's part of a paragraph to d's outputs (finished: the worker
 * answered; status: how it ended if not); the paragraph goes to the
 * timestamp writers with its last part. */
void doc_take_paragraph(const suara_renderer *r, doc_state *d, const pool_job *j, int finished, int status);
/* Close every output (finishing them when all went well) and publish them,
 * all or none. */
void doc_finish(suara_renderer *r, doc_state *d);
/* Free a finished document; unlinks whatever temporary file is left. */
void doc_free(doc_state *d);

#endif
