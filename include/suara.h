/* suara.h: Indonesian text to speech with exact timestamps.
 *
 * libsuara reads UTF-8 Indonesian text, splits it into paragraphs (blank
 * lines) and sentences, normalizes numbers, dates, money and abbreviations
 * into words, synthesizes them with espeak-ng's Indonesian voice, and writes
 * a 16-bit mono WAV plus timestamps (paragraph, sentence, word) computed from
 * the samples actually written.
 *
 * Paragraphs are synthesized by worker processes, every one from the same
 * pristine engine state (restored between paragraphs, or in a fresh process
 * when that cannot be done exactly), so a paragraph's audio depends only on
 * its own text and the options: the same input gives byte-identical output
 * whatever the number of worker processes.
 *
 * Those processes are children of the caller's process while a render
 * runs, and the library waits for each by its pid: a caller must not reap
 * children it did not start (waitpid(-1, ...), a SIGCHLD handler that does,
 * or SIGCHLD set to SIG_IGN) during a render.
 *
 * The library never prints and never exits. Functions return an enum
 * suara_status; suara_strerror() names the status and suara_errdetail() gives
 * the details of the last failure on a renderer (file, line, column). */
#ifndef SUARA_H
#define SUARA_H

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SUARA_VERSION "0.1.0"

/* What libsuara exports; everything else in it is internal. */
#if defined(__GNUC__)
#define SUARA_API __attribute__((visibility("default")))
#else
#define SUARA_API
#endif

typedef struct suara_renderer suara_renderer;

enum suara_status {
	SUARA_OK = 0,
	SUARA_ERR_NOMEM,    /* out of memory */
	SUARA_ERR_READ,     /* the input cannot be read */
	SUARA_ERR_TEXT,     /* the input is not valid UTF-8 text */
	SUARA_ERR_EMPTY,    /* the input has nothing to speak */
	SUARA_ERR_VOICE,    /* the voice preset is missing or malformed */
	SUARA_ERR_ENGINE,   /* espeak-ng failed */
	SUARA_ERR_WRITE,    /* an output cannot be written */
	SUARA_ERR_ARG,      /* an option is out of range */
	SUARA_ERR_OVERWRITE,/* an output would overwrite the input */
	SUARA_ERR_WORKER,   /* a worker process failed */
	SUARA_STATUS_COUNT
};

/* Timestamp formats, as bits of suara_options.timestamps. */
enum suara_timestamp_format {
	SUARA_TS_JSON = 1u << 0,
	SUARA_TS_VTT = 1u << 1,          /* WebVTT captions, one cue per sentence */
	SUARA_TS_VTT_CHAPTERS = 1u << 2, /* WebVTT chapters, one cue per paragraph */
	SUARA_TS_SRT = 1u << 3,          /* SubRip, one cue per sentence */
	SUARA_TS_AUD = 1u << 4,          /* Audacity labels: paragraphs, sentences */
	SUARA_TS_CUE = 1u << 5,          /* paragraph markers inside the WAV */
	SUARA_TS_HTML = 1u << 6          /* read-along page */
};

/* Parse a comma list of format names ("json,vtt") into SUARA_TS_* bits.
 * Returns 0 when a name is unknown (copied into bad, badlen bytes, when bad
 * is not NULL) or the list is empty. */
SUARA_API unsigned suara_timestamps_parse(const char *list, char *bad, size_t badlen);
/* The i-th format's name, NULL past the last: for help texts. */
SUARA_API const char *suara_timestamps_name(size_t i);

/* Options. Fill with suara_options_init(), then change what you need.
 * Negative numbers mean "the voice preset's value". */
typedef struct suara_options {
	const char *voice;      /* preset name ("id") or folder; default "id" */
	int speed;              /* words per minute, 80..450 */
	int pitch;              /* 0..99 */
	int volume;             /* 0..200 */
	int sentence_pause_ms;  /* silence after a sentence, 0..10000 */
	int paragraph_pause_ms; /* silence between paragraphs, 0..10000 */
	int jobs;               /* worker processes, 1..64; 0 = number of CPUs */
	unsigned timestamps;    /* SUARA_TS_* bits; default SUARA_TS_JSON */
	int paragraphs;         /* what ends a paragraph: SUARA_PARAGRAPHS_BLANK
				 * (blank lines, the default) or
				 * SUARA_PARAGRAPHS_LINE (every line) */
} suara_options;

enum { SUARA_PARAGRAPHS_BLANK, SUARA_PARAGRAPHS_LINE };

/* Set every field to its default. */
SUARA_API void suara_options_init(suara_options *opt);

/* Create a renderer: load the voice preset and initialize espeak-ng.
 * espeak-ng's state is global and does not return to where it started when
 * initialized again, so a process makes one renderer: a second one, even
 * after the first is freed, is refused (SUARA_ERR_ENGINE). Render any
 * number of files with that one.
 * Returns SUARA_OK and stores the renderer in *out, which the caller owns
 * until suara_renderer_free(). On failure stores NULL in *out (unless the
 * failure is SUARA_ERR_NOMEM before anything was allocated, *out is NULL
 * too) and, when errbuf is not NULL, a message of at most errlen bytes. */
SUARA_API int suara_renderer_new(suara_renderer **out, const suara_options *opt, char *errbuf,
		       size_t errlen);

/* Free a renderer. NULL is allowed. */
SUARA_API void suara_renderer_free(suara_renderer *r);

/* The short description of a status, a static string. */
SUARA_API const char *suara_strerror(int status);

/* Details of the last failure on r: a string owned by r, valid until the
 * next call on r. "" when there is none. */
SUARA_API const char *suara_errdetail(const suara_renderer *r);

/* Render input (a path, or "-" for standard input) to the WAV at wav_path
 * ("-" for standard output) and the timestamp files at ts_base plus each
 * format's extension (ts_base NULL: no timestamps). source_name is what the
 * JSON calls the input (NULL: input's base name). Outputs are written under
 * temporary names and renamed when complete: on failure no output file is
 * left. Returns SUARA_OK or a failure status (details: suara_errdetail). */
SUARA_API int suara_render_file(suara_renderer *r, const char *input, const char *source_name,
		      const char *wav_path, const char *ts_base);

/* One input of a batch, with the same meaning as suara_render_file's
 * arguments. */
typedef struct suara_target {
	const char *input;
	const char *source_name;
	const char *wav_path;
	const char *ts_base;
} suara_target;

/* Called once per target, in order, when it is finished: status SUARA_OK or
 * the failure, with its details (a string valid during the call). */
typedef void (*suara_result_fn)(void *ud, size_t index, int status, const char *detail);

/* Render n targets. The workers stay busy across file boundaries: the next
 * file's paragraphs start while the last ones of the previous file are
 * still being spoken. A failing target does not stop the others. Returns
 * SUARA_OK when every target succeeded, else the first failure's status. */
SUARA_API int suara_render_batch(suara_renderer *r, const suara_target *targets, size_t n,
		       suara_result_fn on_result, void *ud);

/* Are the outputs suara_render_file would write for these arguments all
 * there, complete and at least as new as the input? (Outputs only ever
 * appear complete, so this is what lets an interrupted batch resume.) */
SUARA_API int suara_outputs_fresh(const suara_renderer *r, const char *input, const char *wav_path,
			const char *ts_base);

/* Inspection: write the sentences of input to out, as written
 * (SUARA_SHOW_SEGMENTS), as they will be spoken (SUARA_SHOW_SPOKEN), or as
 * the espeak-ng phoneme mnemonics the engine speaks, after its own
 * reductions, as `espeak-ng -x` prints them (SUARA_SHOW_PHONEMES): one
 * sentence per line, a blank line between paragraphs. Returns SUARA_OK or
 * a failure status (detail in suara_errdetail). */
enum suara_show { SUARA_SHOW_SEGMENTS, SUARA_SHOW_SPOKEN, SUARA_SHOW_PHONEMES };
SUARA_API int suara_show_file(suara_renderer *r, const char *input, enum suara_show what, FILE *out);

/* Progress of a render, for progress lines. */
typedef struct suara_progress {
	size_t files_done, files_total;
	unsigned long long text_bytes_done; /* input bytes of paragraphs spoken */
	double audio_seconds;              /* audio written so far */
} suara_progress;

/* Called after each paragraph is written; fn may be NULL. */
typedef void (*suara_progress_fn)(void *ud, const suara_progress *p);
SUARA_API void suara_set_progress(suara_renderer *r, suara_progress_fn fn, void *ud);

/* Remove the temporary outputs of renders in progress in this process.
 * Async-signal-safe: for a SIGINT or SIGTERM handler, which then ends the
 * process, so an interrupted run leaves no partial file behind. */
SUARA_API void suara_cleanup_temps(void);

#ifdef __cplusplus
}
#endif
#endif
