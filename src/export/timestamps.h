/* timestamps.h: timestamp writers, one file per format, one row each in
 * ts_formats (the way libsndfile installs a format's functions).
 *
 * The renderer opens each requested format's output (a temporary file),
 * calls begin, then paragraph for each paragraph in order with absolute
 * sample positions, then end once the total length is known. */
#ifndef SUARA_TIMESTAMPS_H
#define SUARA_TIMESTAMPS_H

#include <stdint.h>
#include <stdio.h>

#include "base/timeline.h"

typedef struct {
	const char *source;   /* input name as given */
	const char *audio;    /* audio file name (no folder) */
	const char *audio_tmp;/* path of the finished audio under its temporary
			       * name, when `end` is called (NULL for stdout) */
	const char *voice;
	int rate;
	const char *text;     /* working text of the input (offsets index it) */
	uint64_t samples;     /* total; known at end */
} ts_doc;

typedef struct ts_writer ts_writer; /* a format's state */

typedef struct {
	const char *name;     /* as given to -t */
	const char *ext;      /* file name suffix, e.g. ".json" */
	unsigned bit;         /* SUARA_TS_* */
	/* Each returns 0, or -1 on a write failure or out of memory. */
	int (*begin)(ts_writer **w, const ts_doc *doc, FILE *out);
	int (*paragraph)(ts_writer *w, const ts_doc *doc, const tl_paragraph *p);
	int (*end)(ts_writer *w, const ts_doc *doc);
	void (*free)(ts_writer *w); /* after end, or instead of it on failure */
} ts_format;

/* The table (timestamps.c): one row per format, each defined in its own
 * file ts_NAME.c. */
extern const ts_format *const ts_formats_table[];
extern const size_t ts_format_count;
extern const ts_format ts_json_format;
extern const ts_format ts_vtt_format;
extern const ts_format ts_vtt_chapters_format;
extern const ts_format ts_srt_format;
extern const ts_format ts_aud_format;
extern const ts_format ts_cue_format;
extern const ts_format ts_html_format;

/* The state of the writers that only append text as paragraphs come (aud,
 * srt, vtt, vtt-chapters). Each defines `struct ts_writer { ts_text t; };`
 * and uses ts_text_begin, ts_text_end and ts_text_free as its own. */
typedef struct {
	FILE *out;
	sbuf buf;
	size_t count;   /* cues written, for formats that number them */
	int chapters;   /* vtt: one cue per paragraph instead of per sentence */
} ts_text;

int ts_text_begin(ts_writer **w, const ts_doc *doc, FILE *out);
int ts_text_end(ts_writer *w, const ts_doc *doc);
void ts_text_free(ts_writer *w);

/* Shared helpers for writers. */
/* Append s[0..len) with whitespace runs folded to one space. */
int ts_add_folded(sbuf *b, const char *s, size_t len);
/* Append samples as seconds with 3 decimals, without the locale. Starts
 * round down and ends round up, so a unit's interval in milliseconds always
 * contains all its samples (and the pause around it stays silent). */
enum ts_round { TS_NEAREST, TS_FLOOR, TS_CEIL };
int ts_add_seconds(sbuf *b, uint64_t samples, int rate, enum ts_round how);
/* Append s[0..len) as a JSON string (quotes included). */
int ts_add_json_string(sbuf *b, const char *s, size_t len);

/* Whether a unit has sound: silent ones (e.g. "* * *") get no cue. */
#define TS_AUDIBLE(u) ((u)->end > (u)->start)
/* Append samples as a clock time HH:MM:SS<sep>mmm (two or more hour
 * digits), rounded as ts_add_seconds: sep '.' for WebVTT, ',' for SubRip. */
int ts_add_clock(sbuf *b, uint64_t samples, int rate, enum ts_round how, char sep);
/* Append s[0..len) with whitespace folded and &, <, > as &amp; &lt; &gt;;
 * with quotes, also " and ' as &quot; &#39; (for HTML attributes). */
int ts_add_markup(sbuf *b, const char *s, size_t len, int quotes);
/* Append a paragraph's title, folded: its first sentence as written (the
 * paragraph's text when it has none). Chapters and markers are named so. */
int ts_add_title(sbuf *b, const ts_doc *doc, const tl_paragraph *p);
/* Write b to f and clear it: 0, or -1 on a write failure. */
int ts_flush(sbuf *b, FILE *f);

#endif
