/* render_int.h: the renderer's insides, shared by render.c and show.c. */
#ifndef SUARA_RENDER_INT_H
#define SUARA_RENDER_INT_H

#include "text/input.h"
#include "text/normalize.h"
#include "pron/pron.h"
#include "text/segment.h"
#include "suara.h"
#include "run/voice.h"

struct suara_renderer {
	suara_options opt;     /* with presets applied: no negative values */
	voice_preset voice;
	seg_rules *seg;
	norm_rules *norm;
	pron_rules *pron;
	int rate;              /* samples per second */
	int jobs;
	enum { PRISTINE_UNSET, PRISTINE_UNPROBED, PRISTINE_BY_RESET, PRISTINE_BY_FORK } pristine;
	suara_progress_fn progress;
	void *progress_ud;
	char detail[1024];
};

/* Set r->detail (printf-style) and return status. */
int suara_fail(suara_renderer *r, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Is environment variable name set to something other than "" or "0"?
 * For the switches that check or test the engine's resets. */
int suara_env_flag(const char *name);

/* Read input into doc; on failure set a detail naming the file (and line
 * and column for bad text) and return the status. */
int suara_load_input(suara_renderer *r, input_doc *doc, const char *input);

/* The names said in English somewhere in doc (pron_collect), into *names
 * (cleared first). SUARA_OK, or SUARA_ERR_NOMEM. */
int suara_document_names(const suara_renderer *r, const input_doc *doc, sbuf *names);
#endif
