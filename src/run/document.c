/* document.c: see document.h. */
#include "run/document.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "run/publish.h"
#include "run/spill.h"
#include "engine/speak.h"

/* Silence after the last paragraph, so players do not clip the ending. */
#define TAIL_MS 250

int doc_fail(doc_state *d, int status, const char *fmt, ...)
{
	va_list ap;
	if (d->status != SUARA_OK)
		return d->status;
	va_start(ap, fmt);
	vsnprintf(d->detail, sizeof d->detail, fmt, ap);
	va_end(ap);
	return d->status = status;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

static int wanted(const suara_renderer *r, const doc_state *d, size_t i)
{
	return d->t->ts_base && (r->opt.timestamps & ts_formats_table[i]->bit);
}

static int doc_has_text(const input_doc *doc)
{
	size_t pos = 0;
	input_para p;
	while (input_next_para(doc, &pos, &p))
		if (input_has_text(doc->text + p.off, p.len))
			return 1;
	return 0;
}

/* Name the timestamp outputs; refuse outputs that are the input itself. */
static int check_targets(const suara_renderer *r, doc_state *d)
{
	size_t i;
	for (i = 0; i < ts_format_count; i++)
		snprintf(d->ts_path[i], PATH_LEN, "%s%s", d->t->ts_base ? d->t->ts_base : "",
			 ts_formats_table[i]->ext);
	if (strcmp(d->t->input, "-") == 0)
		return SUARA_OK;
	if (same_file(d->t->input, d->t->wav_path))
		return doc_fail(d, SUARA_ERR_OVERWRITE, "%s: output is the input file", d->t->wav_path);
	for (i = 0; i < ts_format_count; i++) {
		if (wanted(r, d, i) && same_file(d->t->input, d->ts_path[i]))
			return doc_fail(d, SUARA_ERR_OVERWRITE, "%s: output is the input file", d->ts_path[i]);
	}
	return SUARA_OK;
}

/* Could the audio of doc pass a WAV's 4 GiB? Indonesian news text gives
 * about 1,500 samples per byte at 175 words a minute; with a margin of 2 for
 * slow or spelled-out text, inputs from about 700 KB at that speed are
 * written as RF64 instead. */
static int may_pass_4gib(const suara_renderer *r, const input_doc *doc)
{
	double samples = (double)doc->len * 1500.0 * 2.0 * 175.0 / r->opt.speed;
	return samples * 2 > 4294967295.0 - 1024;
}

/* Where the audio goes while it is written: beside its final name, or in
 * $TMPDIR for standard output. */
static int open_audio(suara_renderer *r, doc_state *d)
{
	if (strcmp(d->t->wav_path, "-") == 0) {
		/* A name of its own (mkstemp): runs at the same time must not
		 * share one, and /tmp is everyone's. */
		char where[PATH_LEN];
		const char *tmpdir = getenv("TMPDIR");
		int fd;
		snprintf(where, sizeof where, "%s/suara-stdout-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
		if ((fd = mkstemp(where)) < 0)
			return doc_fail(d, SUARA_ERR_WRITE, "%s: %s", where, strerror(errno));
		close(fd);
		d->wav_temp = temp_register(where);
		if (d->wav_temp < 0)
			unlink(where);
	} else {
		d->wav_temp = temp_beside(d->t->wav_path);
	}
	if (d->wav_temp < 0)
		return doc_fail(d, SUARA_ERR_WRITE, "%s: path too long", d->t->wav_path);
	d->tsdoc.audio_tmp = temp_path(d->wav_temp);
	d->audio = audio_open(temp_path(d->wav_temp), r->rate, may_pass_4gib(r, &d->doc), d->err,
			      sizeof d->err);
	if (!d->audio)
		return doc_fail(d, SUARA_ERR_WRITE, "%s: %s", d->t->wav_path, d->err);
	return SUARA_OK;
}

static int open_outputs(suara_renderer *r, doc_state *d)
{
	size_t i;
	if (open_audio(r, d) != SUARA_OK)
		return d->status;
	for (i = 0; i < ts_format_count; i++) {
		if (!wanted(r, d, i))
			continue;
		d->ts_temp[i] = temp_beside(d->ts_path[i]);
		d->ts_file[i] = d->ts_temp[i] >= 0 ? fopen(temp_path(d->ts_temp[i]), "wb") : NULL;
		if (!d->ts_file[i])
			return doc_fail(d, SUARA_ERR_WRITE, "%s: %s", d->ts_path[i], strerror(errno));
		if (ts_formats_table[i]->begin(&d->ts[i], &d->tsdoc, d->ts_file[i]) != 0)
			return doc_fail(d, SUARA_ERR_WRITE, "%s: cannot start", d->ts_path[i]);
	}
	return SUARA_OK;
}

doc_state *doc_open(suara_renderer *r, const suara_target *t, size_t i)
{
	doc_state *d = su_calloc(1, sizeof *d);
	size_t k;
	int st;
	if (!d)
		return NULL;
	d->t = t, d->target = i, d->wav_temp = -1;
	for (k = 0; k < MAX_FORMATS; k++)
		d->ts_temp[k] = -1;
	tl_init(&d->tl);
	tl_init(&d->part);
	d->tsdoc = (ts_doc){t->source_name ? t->source_name : base_name(t->input), base_name(t->wav_path),
			    NULL, r->voice.name, r->rate, NULL, 0};
	st = suara_load_input(r, &d->doc, t->input);
	if (st != SUARA_OK)
		doc_fail(d, st, "%s", r->detail);
	d->tsdoc.text = d->doc.text;
	if (d->status == SUARA_OK && !doc_has_text(&d->doc))
		doc_fail(d, SUARA_ERR_EMPTY, "%s: nothing to speak (the input is empty or only whitespace)",
			 d->tsdoc.source);
	if (d->status == SUARA_OK && suara_document_names(r, &d->doc, &d->names) != SUARA_OK)
		doc_fail(d, SUARA_ERR_NOMEM, "%s", suara_strerror(SUARA_ERR_NOMEM));
	if (d->status == SUARA_OK && check_targets(r, d) == SUARA_OK)
		open_outputs(r, d);
	d->fed_all = d->status != SUARA_OK;
	return d;
}

/* ---- taking a paragraph's result ---- */

static int feed_writers(doc_state *d)
{
	size_t i;
	for (i = 0; i < ts_format_count; i++) {
		if (d->ts[i] && ts_formats_table[i]->paragraph(d->ts[i], &d->tsdoc, &d->tl) != 0)
			return doc_fail(d, SUARA_ERR_WRITE, "%s: writing failed", d->ts_path[i]);
	}
	return SUARA_OK;
}

/* Copy the paragraph's audio from the spill, mapped into memory so the
 * samples go to the WAV without another copy, with the paragraph pause
 * before it. Leaves rd after the audio. Returns 0, 1 when the worker
 * reported a failure instead, or -1. */
/* later_part: the pause before is a sentence's, not a paragraph's. */
static int take_audio(const suara_renderer *r, doc_state *d, spill_reader *rd, int later_part,
		      uint64_t *start)
{
	size_t pause = (size_t)((long long)(later_part ? r->opt.sentence_pause_ms : r->opt.paragraph_pause_ms) *
				r->rate / 1000),
	       n = 0;
	const int16_t *s = NULL;
	enum spill_chunk c;
	int first = 1;
	*start = audio_count(d->audio);
	snprintf(d->err, sizeof d->err, "a worker's result was incomplete");
	while ((c = spill_next_chunk(rd, &s, &n)) == SPILL_SAMPLES || c == SPILL_ZEROS) {
		if (first) {
			if (d->any_audio && audio_silence(d->audio, pause, d->err, sizeof d->err) != 0)
				return -1;
			*start = audio_count(d->audio);
			d->any_audio = d->para_audio = 1, first = 0;
		}
		if (c == SPILL_ZEROS ? audio_silence(d->audio, n, d->err, sizeof d->err) != 0
				     : audio_write(d->audio, s, n, d->err, sizeof d->err) != 0)
			return -1;
	}
	return c == SPILL_END ? 0 : c == SPILL_FAILED ? 1 : -1;
}

/* The worker failed: its own report when it wrote one (rd is after the
 * failure mark, or at the spill's start), else its status. */
static void take_failure(doc_state *d, const pool_job *j, spill_reader *rd, int after_mark, int status)
{
	char msg[256];
	size_t line, col, n;
	const int16_t *s;
	int st = SUARA_ERR_WORKER;
	if (!after_mark && j->why[0])
		snprintf(msg, sizeof msg, "%s", j->why);
	else if (after_mark || spill_next_chunk(rd, &s, &n) == SPILL_FAILED)
		st = spill_read_failure(rd, msg, sizeof msg);
	else if (WIFSIGNALED(status))
		snprintf(msg, sizeof msg, "worker killed by signal %d", WTERMSIG(status));
	else
		snprintf(msg, sizeof msg, "worker ended without a result (status %d)", WEXITSTATUS(status));
	input_position(&d->doc, j->base, &line, &col);
	doc_fail(d, st, "%s:%zu: paragraph %zu: %s", d->tsdoc.source, line, d->index + 1, msg);
}

/* Join a later part's timeline (shifted already) to the paragraph's. A
 * part with nothing audible is no sentence of its own: its text joins the
 * sentence before it. */
static int join_part(tl_paragraph *tl, const tl_paragraph *part, int audible)
{
	size_t w0 = tl->words.len, sp0 = tl->spoken.len;
	if (!audible && tl->sentences.len > 0) {
		tl_sentence *last = vec_at(&tl->sentences, tl->sentences.len - 1);
		const tl_sentence *s = part->sentences.len ? vec_at(&part->sentences, part->sentences.len - 1) : NULL;
		if (s)
			last->len = s->off + s->len - last->off;
		return 0;
	}
	if (audible) {
		if (tl->sentences.len == 0)
			tl->start = part->start;
		tl->end = part->end;
	}
	for (size_t i = 0; i < part->sentences.len; i++) {
		tl_sentence s = *(const tl_sentence *)vec_at(&part->sentences, i);
		s.word0 += w0, s.spoken_off += sp0;
		if (!vec_push(&tl->sentences, &s))
			return -1;
	}
	return vec_push_n(&tl->words, part->words.items, part->words.len) != 0 ||
			       sbuf_add(&tl->spoken, part->spoken.data ? part->spoken.data : "", part->spoken.len) != 0
		       ? -1
		       : 0;
}

void doc_take_paragraph(const suara_renderer *r, doc_state *d, const pool_job *j, int finished,
			int status)
{
	spill_reader rd;
	uint64_t start = 0;
	int rc = 0, first = j->tag & PART_FIRST, had_audio;
	tl_paragraph *tl = first ? &d->tl : &d->part;
	spill_open(j->spill, &rd);
	if (first)
		d->para_off = j->base, d->para_audio = 0;
	had_audio = d->para_audio;
	tl_reset(tl);
	if (!finished)
		take_failure(d, j, &rd, 0, status);
	else if ((rc = take_audio(r, d, &rd, (!first && had_audio) || (j->tag & PART_CONTINUED), &start)) == 1)
		take_failure(d, j, &rd, 1, status);
	else if (rc < 0)
		doc_fail(d, SUARA_ERR_WRITE, "%s: %s", d->t->wav_path, d->err);
	else if (spill_read_timeline(&rd, tl) != 0)
		doc_fail(d, SUARA_ERR_WORKER, "%s: a worker's result was incomplete", d->tsdoc.source);
	else {
		tl_shift(tl, start);
		if (!first && join_part(&d->tl, tl, d->para_audio > had_audio || d->para_audio) != 0)
			doc_fail(d, SUARA_ERR_NOMEM, "%s: out of memory", d->tsdoc.source);
		if (j->tag & PART_LAST) {
			d->tl.index = d->index++;
			d->tl.off = d->para_off;
			d->tl.len = j->base + j->len - d->para_off;
			feed_writers(d);
		}
	}
	spill_close(&rd);
}

/* ---- finishing a document ---- */

static int copy_to_stdout(doc_state *d, const char *path)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;
	int ok = f != NULL;
	while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0)
		ok = fwrite(buf, 1, n, stdout) == n;
	if (f)
		fclose(f);
	if (!ok || fflush(stdout) != 0)
		return doc_fail(d, SUARA_ERR_WRITE, "standard output: %s", strerror(errno));
	return SUARA_OK;
}

/* Publish every output, all or none; audio for standard output is copied
 * there once the timestamps (none) and the audio are complete. */
static void publish(doc_state *d)
{
	const char *finals[MAX_FORMATS + 1];
	int slots[MAX_FORMATS + 1], to_stdout = strcmp(d->t->wav_path, "-") == 0;
	size_t n = 0, i;
	char why[PATH_LEN + 256];
	for (i = 0; i < ts_format_count; i++)
		if (d->ts_temp[i] >= 0)
			slots[n] = d->ts_temp[i], finals[n++] = d->ts_path[i];
	if (!to_stdout)
		slots[n] = d->wav_temp, finals[n++] = d->t->wav_path;
	if (publish_all(slots, finals, n, why, sizeof why) != 0) {
		doc_fail(d, SUARA_ERR_WRITE, "%s", why);
		return;
	}
	for (i = 0, n = 0; i < ts_format_count; i++) /* published: nothing to drop */
		if (d->ts_temp[i] >= 0)
			d->ts_temp[i] = slots[n++];
	if (to_stdout)
		copy_to_stdout(d, temp_path(d->wav_temp));
	else
		d->wav_temp = slots[n];
}

void doc_finish(suara_renderer *r, doc_state *d)
{
	size_t i;
	if (d->status == SUARA_OK && !d->any_audio)
		doc_fail(d, SUARA_ERR_EMPTY, "%s: nothing to speak (no paragraph produced sound)", d->tsdoc.source);
	if (d->status == SUARA_OK &&
	    audio_silence(d->audio, (size_t)(TAIL_MS * r->rate / 1000), d->err, sizeof d->err) != 0)
		doc_fail(d, SUARA_ERR_WRITE, "%s: %s", d->t->wav_path, d->err);
	if (d->audio) {
		d->tsdoc.samples = audio_count(d->audio);
		if (audio_close(d->audio, d->err, sizeof d->err) != 0)
			doc_fail(d, SUARA_ERR_WRITE, "%s: %s", d->t->wav_path, d->err);
		d->audio = NULL;
	}
	for (i = 0; i < ts_format_count; i++) {
		if (d->ts[i] && d->status == SUARA_OK && ts_formats_table[i]->end(d->ts[i], &d->tsdoc) != 0)
			doc_fail(d, SUARA_ERR_WRITE, "%s: writing failed", d->ts_path[i]);
		if (d->ts[i])
			ts_formats_table[i]->free(d->ts[i]);
		if (d->ts_file[i] && fclose(d->ts_file[i]) != 0)
			doc_fail(d, SUARA_ERR_WRITE, "%s: %s", d->ts_path[i], strerror(errno));
	}
	if (d->status == SUARA_OK)
		publish(d);
}

void doc_free(doc_state *d)
{
	size_t i;
	for (i = 0; i < MAX_FORMATS; i++)
		temp_drop(&d->ts_temp[i]);
	temp_drop(&d->wav_temp);
	tl_free(&d->tl);
	tl_free(&d->part);
	input_free(&d->doc);
	sbuf_free(&d->names);
	free(d);
}

/* Is path a file at least as new as the input's modification time? */
static int fresh(const char *path, const struct stat *in)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
		return 0;
	return st.st_mtim.tv_sec > in->st_mtim.tv_sec ||
	       (st.st_mtim.tv_sec == in->st_mtim.tv_sec && st.st_mtim.tv_nsec >= in->st_mtim.tv_nsec);
}

int suara_outputs_fresh(const suara_renderer *r, const char *input, const char *wav_path,
			const char *ts_base)
{
	char path[PATH_LEN];
	struct stat in;
	size_t i;
	if (strcmp(input, "-") == 0 || strcmp(wav_path, "-") == 0 || stat(input, &in) != 0 ||
	    !fresh(wav_path, &in))
		return 0;
	for (i = 0; ts_base && i < ts_format_count; i++) {
		if (!(r->opt.timestamps & ts_formats_table[i]->bit))
			continue;
		snprintf(path, sizeof path, "%s%s", ts_base, ts_formats_table[i]->ext);
		if (!fresh(path, &in))
			return 0;
	}
	return 1;
}

static int next_para(doc_state *d, input_para *p)
{
	while (input_next_para(&d->doc, &d->cur.pos, p))
		if (input_has_text(d->doc.text + p->off, p->len))
			return 1;
	return 0;
}

/* Whole sentences from at, at most PART_TEXT_MAX bytes (at least one). */
typedef struct {
	size_t start, end, next; /* the part; where the next one starts (0: none) */
} part_scan;

static int part_sentence(void *ud, size_t off, size_t len)
{
	part_scan *ps = ud;
	if (ps->end == 0) {
		ps->start = off, ps->end = off + len;
		return 0;
	}
	if (off + len - ps->start > PART_TEXT_MAX) {
		ps->next = off;
		return 1;
	}
	ps->end = off + len;
	return 0;
}

int doc_next_part(const suara_renderer *r, doc_state *d, doc_part *part)
{
	doc_cursor *c = &d->cur;
	part_scan ps = {0, 0, 0};
	size_t end;
	if (c->at == 0) {
		if (!next_para(d, &c->para))
			return 0;
		if (c->para.len <= PART_TEXT_MAX) { /* the paragraph whole, as most are */
			*part = (doc_part){c->para.off, c->para.len, PART_FIRST | PART_LAST};
			return 1;
		}
		c->at = c->out = c->para.off;
	}
	end = c->para.off + c->para.len;
	speak_each_sentence(r->seg, d->doc.text, c->at, end - c->at, part_sentence, &ps);
	if (ps.end == 0) /* nothing but space left */
		ps.start = c->at, ps.end = end;
	part->off = ps.start, part->len = ps.end - ps.start, part->tag = 0;
	if (c->at == c->out)
		part->tag |= PART_FIRST | (c->at != c->para.off ? PART_CONTINUED : 0);
	if (!ps.next)
		part->tag |= PART_LAST;
	else if (ps.next - c->out + PART_TEXT_MAX > PARA_TEXT_MAX) /* the next part would not fit */
		part->tag |= PART_LAST, c->out = ps.next;
	c->at = ps.next;
	return 1;
}
