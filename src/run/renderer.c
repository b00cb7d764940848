/* renderer.c: options, the renderer handle, errors, input loading. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run/render_int.h"
#include "engine/synth.h"

static const char *const status_text[SUARA_STATUS_COUNT] = {
	[SUARA_OK] = "success",
	[SUARA_ERR_NOMEM] = "out of memory",
	[SUARA_ERR_READ] = "cannot read input",
	[SUARA_ERR_TEXT] = "invalid text",
	[SUARA_ERR_EMPTY] = "nothing to speak",
	[SUARA_ERR_VOICE] = "voice not usable",
	[SUARA_ERR_ENGINE] = "speech engine failed",
	[SUARA_ERR_WRITE] = "cannot write output",
	[SUARA_ERR_ARG] = "invalid option",
	[SUARA_ERR_OVERWRITE] = "refusing to overwrite the input",
	[SUARA_ERR_WORKER] = "worker process failed",
};

const char *suara_strerror(int status)
{
	if (status < 0 || status >= SUARA_STATUS_COUNT)
		return "unknown error";
	return status_text[status];
}

const char *suara_errdetail(const suara_renderer *r) { return r ? r->detail : ""; }

int suara_fail(suara_renderer *r, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->detail, sizeof r->detail, fmt, ap);
	va_end(ap);
	return status;
}

int suara_env_flag(const char *name)
{
	const char *v = getenv(name);
	return v && *v && strcmp(v, "0") != 0;
}

void suara_options_init(suara_options *opt)
{
	opt->voice = "id";
	opt->speed = opt->pitch = opt->volume = -1;
	opt->sentence_pause_ms = opt->paragraph_pause_ms = -1;
	opt->jobs = 0;
	opt->timestamps = SUARA_TS_JSON;
	opt->paragraphs = SUARA_PARAGRAPHS_BLANK;
}

void suara_set_progress(suara_renderer *r, suara_progress_fn fn, void *ud)
{
	r->progress = fn;
	r->progress_ud = ud;
}

/* Take the preset's value where the option is negative; check ranges. */
static int resolve(int *opt, int preset, int lo, int hi)
{
	if (*opt < 0)
		*opt = preset;
	return *opt >= lo && *opt <= hi ? 0 : -1;
}

static int apply_options(suara_renderer *r, char *err, size_t errlen)
{
	suara_options *o = &r->opt;
	const voice_preset *v = &r->voice;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	if (resolve(&o->speed, v->speed, 80, 450) || resolve(&o->pitch, v->pitch, 0, 99) ||
	    resolve(&o->volume, v->volume, 0, 200) ||
	    resolve(&o->sentence_pause_ms, v->sentence_pause_ms, 0, 10000) ||
	    resolve(&o->paragraph_pause_ms, v->paragraph_pause_ms, 0, 10000) || o->jobs < 0 ||
	    (o->paragraphs != SUARA_PARAGRAPHS_BLANK && o->paragraphs != SUARA_PARAGRAPHS_LINE) ||
	    o->jobs > 64) {
		snprintf(err, errlen, "an option is out of range");
		return SUARA_ERR_ARG;
	}
	r->jobs = o->jobs ? o->jobs : (ncpu > 0 ? (int)(ncpu < 64 ? ncpu : 64) : 1);
	return SUARA_OK;
}

/* English words' phonemes, from the engine's second voice. */
static int english_phonemes(void *ud, const char *w, size_t n, sbuf *out)
{
	(void)ud;
	return synth_foreign_phonemes(w, n, out);
}

/* The word lists: roots, homographs, hunspell-id's stems, hunspell-en-us's
 * words. (Loading them on a thread beside the engine's start was tried: it
 * saved 2 ms at -j 1 and cost 6 ms at -j 2, measured, so it is not done.) */
static int load_lists(suara_renderer *r, char *err, size_t errlen)
{
	char dic[4200], main_table[64];
	if (pron_load(&r->pron, r->voice.dir, r->voice.dictionary, err, errlen) != 0)
		return SUARA_ERR_VOICE;
	if (!r->voice.english[0] || !r->voice.english_voice[0])
		return SUARA_OK;
	snprintf(dic, sizeof dic, "%s.dic", r->voice.english);
	/* the main voice's phoneme table: its name without a variant */
	snprintf(main_table, sizeof main_table, "%.*s", (int)strcspn(r->voice.espeak_voice, "+"), r->voice.espeak_voice);
	synth_set_foreign(r->voice.english_voice);
	if (pron_set_english(r->pron, dic, r->voice.english_voice, main_table, english_phonemes, NULL) == 0)
		return SUARA_OK;
	if (errno == ENOMEM) {
		snprintf(err, errlen, "%s: out of memory", dic);
		return SUARA_ERR_NOMEM;
	}
	snprintf(err, errlen, "%s: cannot read file: %s", dic, strerror(errno));
	return SUARA_ERR_VOICE;
}

/* Load the voice's tables and word lists and start the engine. */
static int load_and_start(suara_renderer *r, char *err, size_t errlen)
{
	char path[4200];
	int st;
	snprintf(path, sizeof path, "%s/abbrev.tsv", r->voice.dir);
	if (norm_rules_load(&r->norm, r->voice.dir, err, errlen) != 0 ||
	    seg_rules_from_table(&r->seg, norm_abbreviations(r->norm), path, err, errlen) != 0)
		return SUARA_ERR_VOICE;
	if ((st = load_lists(r, err, errlen)) != SUARA_OK)
		return st;
	r->rate = synth_init(r->voice.espeak_voice, r->opt.speed, r->opt.pitch, r->opt.volume, err, errlen);
	if (r->rate <= 0)
		return SUARA_ERR_ENGINE;
	norm_set_known(r->norm, pron_is_word, r->pron);
	norm_set_english(r->norm, pron_is_english, r->pron);
	return SUARA_OK;
}

/* espeak-ng's state is global, and initializing it again does not return
 * it to where it started (nor can espeak_Terminate be trusted: it can
 * hang): one renderer per process, so the same input always gives the same
 * bytes. */
static int renderer_made;

int suara_renderer_new(suara_renderer **out, const suara_options *opt, char *err, size_t errlen)
{
	char dummy[8];
	suara_renderer *r;
	int st;
	if (!err)
		err = dummy, errlen = sizeof dummy;
	*out = NULL;
	if (renderer_made) {
		snprintf(err, errlen, "a renderer was made already: espeak-ng's state is global, one renderer per process");
		return SUARA_ERR_ENGINE;
	}
	r = su_calloc(1, sizeof *r);
	if (!r) {
		snprintf(err, errlen, "out of memory");
		return SUARA_ERR_NOMEM;
	}
	r->opt = *opt;
	if (!r->opt.voice)
		r->opt.voice = "id";
	st = voice_load(&r->voice, r->opt.voice, err, errlen) ? SUARA_ERR_VOICE : SUARA_OK;
	if (st == SUARA_OK)
		st = apply_options(r, err, errlen);
	if (st == SUARA_OK)
		st = load_and_start(r, err, errlen);
	if (st != SUARA_OK) {
		suara_renderer_free(r);
		return st;
	}
	renderer_made = 1;
	*out = r;
	return SUARA_OK;
}

void suara_renderer_free(suara_renderer *r)
{
	if (!r)
		return;
	synth_foreign_end(1);
	seg_rules_free(r->seg);
	norm_rules_free(r->norm);
	pron_free(r->pron);
	free(r);
}

int suara_load_input(suara_renderer *r, input_doc *doc, const char *input)
{
	const char *name = strcmp(input, "-") == 0 ? "(stdin)" : input;
	size_t bad = 0, line, col;
	int st = input_read(doc, input, &bad);
	doc->by_line = r->opt.paragraphs == SUARA_PARAGRAPHS_LINE;
	if (st == SUARA_ERR_READ)
		return suara_fail(r, st, "%s: %s", name, strerror(errno));
	if (st == SUARA_ERR_NOMEM)
		return suara_fail(r, st, "%s: out of memory", name);
	if (st == SUARA_ERR_TEXT) {
		input_position(doc, bad, &line, &col);
		st = suara_fail(r, st, "%s:%zu:%zu: %s (byte 0x%02X at offset %zu)", name, line, col,
				doc->raw[bad] ? "invalid UTF-8" : "NUL byte in text",
				(unsigned char)doc->raw[bad], bad);
		input_free(doc);
	}
	return st;
}
