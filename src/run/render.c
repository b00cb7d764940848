/* render.c: rendering documents: outputs under temporary names, the
 * worker pool fed across files (pool.h), results taken in order into the
 * WAV and every timestamp writer.
 *
 * Each open document is a doc_state. Documents form a queue: the head is
 * the one whose paragraphs are being taken, the tail the one whose
 * paragraphs are being started. Because the pool returns jobs in the order
 * they were started, the oldest job always belongs to the head. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "audio/audio.h"
#include "run/pool.h"
#include "run/render_int.h"
#include "engine/synth.h"
#include "export/timestamps.h"

/* Silence after the last paragraph, so players do not clip the ending. */
#define TAIL_MS 250
#define MAX_FORMATS 16
#define PATH_LEN 4200

/* ---- temporary outputs, removable from a signal handler ---- */

#define MAX_TEMPS 256
static char temp_paths[MAX_TEMPS][PATH_LEN];
static volatile sig_atomic_t temp_used[MAX_TEMPS];

void suara_cleanup_temps(void)
{
	int i;
	for (i = 0; i < MAX_TEMPS; i++)
		if (temp_used[i])
			unlink(temp_paths[i]);
}

/* Register a temporary file by its path; the slot, or -1 when there is no
 * room or the path is too long. */
static int temp_register(const char *path)
{
	int i;
	for (i = 0; i < MAX_TEMPS && temp_used[i]; i++)
		;
	if (i == MAX_TEMPS || snprintf(temp_paths[i], PATH_LEN, "%s", path) >= PATH_LEN)
		return -1;
	temp_used[i] = 1;
	return i;
}

/* Register a temporary name beside final: dir/.name.tmp. It has no process
 * id in it, so a run killed by SIGKILL (which no handler sees) leaves at
 * most one hidden file per output, which the next run reuses. (Two runs
 * writing the same outputs at the same time would share it, as they would
 * share the outputs.) */
static int temp_add(const char *final)
{
	const char *slash = strrchr(final, '/');
	int dirlen = slash ? (int)(slash - final + 1) : 0;
	char path[PATH_LEN];
	if (snprintf(path, sizeof path, "%.*s.%s.tmp", dirlen, final, final + dirlen) >= PATH_LEN)
		return -1;
	return temp_register(path);
}

/* Unlink the temporary file (if it is still there) and free the slot. */
static void temp_drop(int *slot)
{
	if (*slot < 0)
		return;
	unlink(temp_paths[*slot]);
	temp_used[*slot] = 0;
	*slot = -1;
}

/* ---- one document ---- */

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

static int doc_fail(doc_state *d, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int doc_fail(doc_state *d, int status, const char *fmt, ...)
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
		d->wav_temp = temp_add(d->t->wav_path);
	}
	if (d->wav_temp < 0)
		return doc_fail(d, SUARA_ERR_WRITE, "%s: path too long", d->t->wav_path);
	d->tsdoc.audio_tmp = temp_paths[d->wav_temp];
	d->audio = audio_open(temp_paths[d->wav_temp], r->rate, may_pass_4gib(r, &d->doc), d->err,
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
		d->ts_temp[i] = temp_add(d->ts_path[i]);
		d->ts_file[i] = d->ts_temp[i] >= 0 ? fopen(temp_paths[d->ts_temp[i]], "wb") : NULL;
		if (!d->ts_file[i])
			return doc_fail(d, SUARA_ERR_WRITE, "%s: %s", d->ts_path[i], strerror(errno));
		if (ts_formats_table[i]->begin(&d->ts[i], &d->tsdoc, d->ts_file[i]) != 0)
			return doc_fail(d, SUARA_ERR_WRITE, "%s: cannot start", d->ts_path[i]);
	}
	return SUARA_OK;
}

/* Open target i: read and check its input, open its outputs. Failures are
 * kept in the state (which then has nothing to feed); NULL only when out of
 * memory. */
static doc_state *doc_open(suara_renderer *r, const suara_target *t, size_t i)
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
	d->tsdoc = (ts_doc){t->source_name ? t->source_name : base_name(t->input), base_name(t->wav_path),
			    NULL, r->voice.name, r->rate, NULL, 0};
	st = suara_load_input(r, &d->doc, t->input);
	if (st != SUARA_OK)
		doc_fail(d, st, "%s", r->detail);
	d->tsdoc.text = d->doc.text;
	if (d->status == SUARA_OK && !doc_has_text(&d->doc))
		doc_fail(d, SUARA_ERR_EMPTY, "%s: nothing to speak (the input is empty or only whitespace)",
			 d->tsdoc.source);
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
static int take_audio(const suara_renderer *r, doc_state *d, pool_reader *rd, uint64_t *start)
{
	size_t pause = (size_t)((long long)r->opt.paragraph_pause_ms * r->rate / 1000);
	uint32_t head;
	int first = 1;
	*start = audio_count(d->audio);
	snprintf(d->err, sizeof d->err, "a worker's result was incomplete");
	while (pool_read_u32(rd, &head) == 0) {
		size_t n;
		if (head == 0)
			return 0;
		if (head == POOL_CHUNK_FAILED)
			return 1;
		n = head & ~POOL_CHUNK_ZEROS;
		if (!(head & POOL_CHUNK_ZEROS) && n * 2 > rd->len - rd->pos)
			return -1;
		if (first) {
			if (d->any_audio && audio_silence(d->audio, pause, d->err, sizeof d->err) != 0)
				return -1;
			*start = audio_count(d->audio);
			d->any_audio = 1, first = 0;
		}
		if (head & POOL_CHUNK_ZEROS) {
			if (audio_silence(d->audio, n, d->err, sizeof d->err) != 0)
				return -1;
		} else {
			if (audio_write(d->audio, (const int16_t *)(const void *)(rd->m + rd->pos), n, d->err,
					sizeof d->err) != 0)
				return -1;
			rd->pos += n * 2;
		}
	}
	return -1;
}

/* The worker failed: its own report when it wrote one (rd is after
 * POOL_CHUNK_FAILED, or at the spill's start), else its status. */
static void take_failure(doc_state *d, const pool_job *j, pool_reader *rd, int after_mark, int status)
{
	char msg[256];
	size_t line, col;
	uint32_t head = POOL_CHUNK_FAILED;
	int st = SUARA_ERR_WORKER;
	if (!after_mark && j->why[0])
		snprintf(msg, sizeof msg, "%s", j->why);
	else if (after_mark || (pool_read_u32(rd, &head) == 0 && head == POOL_CHUNK_FAILED))
		st = pool_read_failure(rd, msg, sizeof msg);
	else if (WIFSIGNALED(status))
		snprintf(msg, sizeof msg, "worker killed by signal %d", WTERMSIG(status));
	else
		snprintf(msg, sizeof msg, "worker ended without a result (status %d)", WEXITSTATUS(status));
	input_position(&d->doc, j->base, &line, &col);
	doc_fail(d, st, "%s:%zu: paragraph %zu: %s", d->tsdoc.source, line, d->index + 1, msg);
}

/* Append job j's paragraph to d's outputs. */
static void take_paragraph(const suara_renderer *r, doc_state *d, const pool_job *j, int finished,
			   int status)
{
	pool_reader rd;
	uint64_t start = 0;
	int rc = 0;
	pool_open_spill(j, &rd);
	tl_reset(&d->tl);
	if (!finished)
		take_failure(d, j, &rd, 0, status);
	else if ((rc = take_audio(r, d, &rd, &start)) == 1)
		take_failure(d, j, &rd, 1, status);
	else if (rc < 0)
		doc_fail(d, SUARA_ERR_WRITE, "%s: %s", d->t->wav_path, d->err);
	else if (pool_read_timeline(&rd, &d->tl) != 0)
		doc_fail(d, SUARA_ERR_WORKER, "%s: a worker's result was incomplete", d->tsdoc.source);
	else {
		d->tl.index = d->index++;
		d->tl.off = j->base;
		d->tl.len = j->len;
		tl_shift(&d->tl, start);
		feed_writers(d);
	}
	pool_close_spill(&rd);
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

/* Rename a finished temporary file to its final name. The old file is
 * unlinked first: renaming over it makes ext4 (auto_da_alloc) write the new
 * file back at once, which costs more than the whole render of a short
 * article. Either way the final name never holds a partial file. */
static int replace(int *slot, const char *final)
{
	int rc;
	if (unlink(final) != 0 && errno != ENOENT)
		return -1;
	rc = rename(temp_paths[*slot], final);
	if (rc == 0)
		temp_used[*slot] = 0, *slot = -1;
	return rc;
}

static void publish(doc_state *d)
{
	size_t i;
	for (i = 0; i < ts_format_count && d->status == SUARA_OK; i++)
		if (d->ts_temp[i] >= 0 && replace(&d->ts_temp[i], d->ts_path[i]) != 0)
			doc_fail(d, SUARA_ERR_WRITE, "%s: %s", d->ts_path[i], strerror(errno));
	if (d->status != SUARA_OK)
		return;
	if (strcmp(d->t->wav_path, "-") == 0)
		copy_to_stdout(d, temp_paths[d->wav_temp]);
	else if (replace(&d->wav_temp, d->t->wav_path) != 0)
		doc_fail(d, SUARA_ERR_WRITE, "%s: %s", d->t->wav_path, strerror(errno));
}

/* Close every output (finishing them when all went well) and publish them. */
static void doc_finish(suara_renderer *r, doc_state *d)
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

/* Free a finished document; unlinks whatever temporary file is left. */
static void doc_free(doc_state *d)
{
	size_t i;
	for (i = 0; i < MAX_FORMATS; i++)
		temp_drop(&d->ts_temp[i]);
	temp_drop(&d->wav_temp);
	tl_free(&d->tl);
	input_free(&d->doc);
	free(d);
}

/* ---- the batch ---- */

typedef struct {
	suara_renderer *r;
	const suara_target *targets;
	size_t n, next_target;
	doc_state *head, *tail;   /* open documents, oldest first */
	pool *pool;
	suara_result_fn on_result;
	void *ud;
	suara_progress progress;
	unsigned long long samples_done; /* audio of the finished documents */
	int oom;
	int status;               /* first failure */
} batch;

/* The next paragraph of d with something to speak, or 0. */
static int next_para(doc_state *d, input_para *p)
{
	while (input_next_para(&d->doc, &d->next_pos, p))
		if (input_has_text(d->doc.text + p->off, p->len))
			return 1;
	return 0;
}

/* The document whose paragraphs are being started, opening the next target
 * when the current one has all been started. NULL when nothing is left. */
static doc_state *feeding(batch *b)
{
	doc_state *d;
	if (b->tail && !b->tail->fed_all)
		return b->tail;
	if (b->next_target >= b->n)
		return NULL;
	d = doc_open(b->r, &b->targets[b->next_target], b->next_target);
	if (!d) {
		b->oom = 1;
		return NULL;
	}
	b->next_target++;
	if (b->tail)
		b->tail->next = d;
	else
		b->head = d;
	b->tail = d;
	return d;
}

/* Start paragraphs until every worker is busy or nothing is left.
 * holding: the caller holds a job taken but not yet done, whose worker and
 * spill are about to be free. */
static int fill(batch *b, int holding)
{
	doc_state *d;
	input_para p;
	while (!pool_full(b->pool) && (d = feeding(b)) != NULL) {
		size_t pos = d->next_pos;
		if (d->status != SUARA_OK || !next_para(d, &p)) {
			d->fed_all = 1;
			continue;
		}
		if (pool_start(b->pool, d->doc.text + p.off, p.len, p.off, d, d->err, sizeof d->err) != 0) {
			/* Out of descriptors or processes for one more worker
			 * or spill while other jobs hold theirs: try again when
			 * one is done. With none held, this file fails. */
			if (holding || pool_pending(b->pool) > 0) {
				d->next_pos = pos;
				break;
			}
			doc_fail(d, SUARA_ERR_WORKER, "%s: %s", d->tsdoc.source, d->err);
			d->fed_all = 1;
			continue;
		}
		d->started++;
	}
	return b->oom ? -1 : 0;
}

static void report(batch *b, doc_state *d)
{
	if (d->status != SUARA_OK && b->status == SUARA_OK) {
		b->status = d->status;
		snprintf(b->r->detail, sizeof b->r->detail, "%s", d->detail);
	}
	b->progress.files_done++;
	b->samples_done += d->tsdoc.samples;
	if (b->on_result)
		b->on_result(b->ud, d->target, d->status, d->detail);
}

static int fill(batch *b, int holding);

/* Take the oldest running paragraph into its document (the head). The
 * freed worker gets its next paragraph first, so it speaks while this one
 * is copied. */
static void take(batch *b)
{
	pool_job j;
	int finished, status;
	doc_state *d;
	if (pool_take(b->pool, &j, &finished, &status) != 0)
		return;
	if (fill(b, 1) != 0)
		b->status = suara_fail(b->r, SUARA_ERR_NOMEM, "out of memory");
	d = j.owner;
	if (d->status == SUARA_OK)
		take_paragraph(b->r, d, &j, finished, status);
	pool_done(b->pool, &j);
	d->taken++;
	b->progress.text_bytes_done += j.len;
	b->progress.audio_seconds =
		(double)(b->samples_done + (d->audio ? audio_count(d->audio) : 0)) / b->r->rate;
	if (b->r->progress)
		b->r->progress(b->r->progress_ud, &b->progress);
}

/* Once per renderer: the engine's pristine state, and whether workers
 * return to it by resets or need a process per paragraph. SUARA_NO_RESET=1
 * asks for the latter, to check resets against (the output must not
 * change). */
static int set_pristine(suara_renderer *r)
{
	int fork_only = suara_env_flag("SUARA_NO_RESET"), rc;
	if (r->pristine)
		return SUARA_OK;
	rc = synth_set_pristine();
	if (rc < 0)
		return suara_fail(r, SUARA_ERR_ENGINE, "espeak-ng failed to speak");
	/* Whether resets are exact, the first batch's pool finds out. */
	r->pristine = rc && !fork_only ? PRISTINE_UNPROBED : PRISTINE_BY_FORK;
	return SUARA_OK;
}

int suara_render_batch(suara_renderer *r, const suara_target *targets, size_t n,
		       suara_result_fn on_result, void *ud)
{
	batch b = {r, targets, n, 0, NULL, NULL, NULL, on_result, ud, {0, n, 0, 0}, 0, 0, SUARA_OK};
	r->detail[0] = '\0';
	if (set_pristine(r) != SUARA_OK)
		return SUARA_ERR_ENGINE; /* set_pristine said why */
	b.pool = pool_new(r, r->jobs, r->pristine == PRISTINE_BY_RESET ? 1
				     : r->pristine == PRISTINE_BY_FORK ? 0 : -1);
	if (!b.pool)
		return suara_fail(r, SUARA_ERR_NOMEM, "out of memory");
	for (;;) {
		doc_state *d = b.head;
		if (fill(&b, 0) != 0) {
			b.status = suara_fail(r, SUARA_ERR_NOMEM, "out of memory");
			break;
		}
		if (!(d = b.head))
			break;
		if (d->fed_all && d->taken == d->started) {
			doc_finish(r, d);
			report(&b, d);
			b.head = d->next;
			if (!b.head)
				b.tail = NULL;
			doc_free(d);
			continue;
		}
		if (!pool_oldest_ended(b.pool) && pool_wait(b.pool) != 0) {
			/* Nothing speaking, yet the head document waits: a bug,
			 * which must not spin. */
			b.status = suara_fail(r, SUARA_ERR_WORKER, "no worker is speaking the paragraphs awaited");
			break;
		}
		if (pool_oldest_ended(b.pool))
			take(&b);
	}
	if (r->pristine == PRISTINE_UNPROBED)
		r->pristine = pool_resets(b.pool) ? PRISTINE_BY_RESET : PRISTINE_BY_FORK;
	pool_free(b.pool);
	while (b.head) { /* only after a failure of the whole batch */
		doc_state *d = b.head;
		b.head = d->next;
		doc_fail(d, b.status, "%s: %s", d->tsdoc.source, r->detail);
		doc_finish(r, d);
		report(&b, d);
		doc_free(d);
	}
	return b.status;
}

int suara_render_file(suara_renderer *r, const char *input, const char *source_name,
		      const char *wav_path, const char *ts_base)
{
	suara_target t = {input, source_name, wav_path, ts_base};
	return suara_render_batch(r, &t, 1, NULL, NULL);
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
