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
	size_t next_pos;           /* where the next paragraph is looked for */
	int fed_all;               /* every paragraph has been started */
	size_t started, taken;
	size_t index;              /* paragraphs written */
	int any_audio;
	int status;                /* first failure, SUARA_OK until then */
	char detail[1024];
	char err[512];
	tl_paragraph tl;
} doc_state;


/* Open target i: read and check its input, open its outputs. Failures are
 * kept in the state (which then has nothing to feed); NULL only when out of
 * memory. */
doc_state *doc_open(suara_renderer *r, const suara_target *t, size_t i);
/* Record the first failure of d (printf-style detail); returns d's status. */
int doc_fail(doc_state *d, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The next paragraph of d with something to speak, or 0. */
int doc_next_para(doc_state *d, input_para *p);
/* Append job j's paragraph to d's outputs (finished: the worker answered;
 * status: how it ended if not). */
void doc_take_paragraph(const suara_renderer *r, doc_state *d, const pool_job *j, int finished, int status);
/* Close every output (finishing them when all went well) and publish them,
 * all or none. */
void doc_finish(suara_renderer *r, doc_state *d);
/* Free a finished document; unlinks whatever temporary file is left. */
void doc_free(doc_state *d);

#endif
