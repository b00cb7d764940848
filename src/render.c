/* render.c: rendering a document with worker processes.
 *
 * espeak-ng carries state from one utterance to the next, and is not
 * thread-safe. So the renderer initializes it once and never synthesizes in
 * its own process: each paragraph is spoken by a child forked from that
 * pristine state, which writes the paragraph's audio and timeline to an
 * unlinked spill file and exits. Up to `jobs` children run at once; the
 * parent takes their results strictly in paragraph order, appends the audio
 * to the WAV with the paragraph pauses, and feeds each timestamp writer.
 * A paragraph's samples therefore depend only on its text and the options,
 * and the output is byte-identical for any number of jobs.
 *
 * Spill file layout: audio chunks (u32 n > 0, then n int16 samples; with the
 * high bit set, n & 0x7FFFFFFF zero samples and no data), a u32 0, then the
 * timeline: u64 end, u64 sentences, u64 words, u64 spoken bytes and the three
 * arrays. A failed child writes u32 0xFFFFFFFF, i32 status, u32 length and a
 * message instead. */
#define _GNU_SOURCE /* memfd_create */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "audio.h"
#include "render_int.h"
#include "speak.h"
#include "timestamps.h"

/* Silence after the last paragraph, so players do not clip the ending. */
#define TAIL_MS 250
#define CHUNK_ZEROS 0x80000000u
#define CHUNK_FAILED 0xFFFFFFFFu

/* ---- the child: speak one paragraph into a spill file ---- */

static int spill_samples(void *ud, const int16_t *s, size_t n)
{
	FILE *f = ud;
	while (n > 0) {
		uint32_t k = n > 0x10000 ? 0x10000 : (uint32_t)n;
		uint32_t head = s ? k : (k | CHUNK_ZEROS);
		if (fwrite(&head, sizeof head, 1, f) != 1 || (s && fwrite(s, 2, k, f) != k))
			return -1;
		n -= k;
		if (s)
			s += k;
	}
	return 0;
}

/* fwrite of n items that may be none (from a NULL pointer). */
static int put(FILE *f, const void *p, size_t size, size_t n)
{
	return n == 0 || fwrite(p, size, n, f) == n ? 0 : -1;
}

static int spill_timeline(FILE *f, const tl_paragraph *tl)
{
	uint32_t zero = 0;
	uint64_t head[4] = {tl->end, tl->sentences.len, tl->words.len, tl->spoken.len};
	return put(f, &zero, sizeof zero, 1) || put(f, head, sizeof head, 1) ||
	       put(f, tl->sentences.items, sizeof(tl_sentence), tl->sentences.len) ||
	       put(f, tl->words.items, sizeof(tl_word), tl->words.len) ||
	       put(f, tl->spoken.data, 1, tl->spoken.len);
}

static void spill_failure(FILE *f, int status, const char *msg)
{
	uint32_t head = CHUNK_FAILED, len = (uint32_t)strlen(msg);
	int32_t st = status;
	rewind(f);
	if (ftruncate(fileno(f), 0) != 0)
		return;
	fwrite(&head, sizeof head, 1, f);
	fwrite(&st, sizeof st, 1, f);
	fwrite(&len, sizeof len, 1, f);
	fwrite(msg, 1, len, f);
}

static void child_main(const suara_renderer *r, const input_doc *doc, const input_para *p, FILE *f,
		       int done_fd)
{
	char ok;
	speak_cfg cfg = {r->seg, r->norm,
			 (size_t)((long long)r->opt.sentence_pause_ms * r->rate / 1000)};
	tl_paragraph tl;
	int st;
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	tl_init(&tl);
	st = speak_paragraph(&cfg, doc->text, p->off, p->len, &tl, spill_samples, f);
	if (st == SUARA_OK && spill_timeline(f, &tl) != 0)
		st = SUARA_ERR_WRITE;
	if (st != SUARA_OK)
		spill_failure(f, st, suara_strerror(st));
	tl_free(&tl);
	ok = fflush(f) == 0 && st == SUARA_OK;
	/* Tell the parent before exiting: it can go on while this process's
	 * memory is torn down. */
	if (ok && write(done_fd, &ok, 1) != 1)
		ok = 0;
	_exit(ok ? 0 : 1);
}

/* ---- the parent ---- */

typedef struct {
	pid_t pid;
	FILE *spill;
	int done_fd;      /* read end: one byte when the spill is complete */
	int cmd_fd;       /* write end: the paragraph to speak */
	input_para para;
} job;

/* Everything one render holds, so failure has one cleanup path. */
typedef struct {
	suara_renderer *r;
	input_doc doc;
	audio_out *audio;
	ts_doc tsdoc;
	FILE *ts_file[8];
	ts_writer *ts[8];
	job *jobs;
	size_t njobs, head;     /* ring of jobs in flight, oldest at head */
	job spare;              /* forked, waiting for a paragraph */
	int have_spare;
	size_t next_pos;        /* input position of the next paragraph */
	size_t index;           /* paragraphs taken so far */
	tl_paragraph tl;
	const char *wav_tmp;    /* the audio's temporary path */
	int any_audio;
	char err[512];
} render_state;

/* An anonymous spill file: in memory when the kernel offers memfd (no
 * file system round trip), else an unlinked temporary file. */
static FILE *spill_file(void)
{
	int fd = memfd_create("suara-spill", MFD_CLOEXEC);
	FILE *f = fd >= 0 ? fdopen(fd, "w+b") : NULL;
	if (f)
		return f;
	if (fd >= 0)
		close(fd);
	return tmpfile();
}

/* A spare worker: forked now from the pristine engine, it waits on cmd_fd
 * for the paragraph to speak (or end of file: nothing to do). Forking
 * ahead keeps the fork's cost out of the time between two paragraphs. */
static void spare_main(const suara_renderer *r, const input_doc *doc, FILE *f, int cmd_fd,
		       int done_fd)
{
	input_para p;
	ssize_t got;
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	while ((got = read(cmd_fd, &p, sizeof p)) < 0 && errno == EINTR)
		;
	if (got != (ssize_t)sizeof p)
		_exit(0);
	child_main(r, doc, &p, f, done_fd);
}

static int fork_spare(render_state *s)
{
	job *j = &s->spare;
	int done[2] = {-1, -1}, cmd[2] = {-1, -1};
	j->spill = spill_file();
	if (!j->spill)
		return suara_fail(s->r, SUARA_ERR_WRITE, "cannot create a spill file: %s", strerror(errno));
	if (pipe(done) != 0 || pipe(cmd) != 0)
		goto fail;
	fflush(NULL);
	j->pid = fork();
	if (j->pid == 0) {
		close(done[0]);
		close(cmd[1]);
		spare_main(s->r, &s->doc, j->spill, cmd[0], done[1]);
	}
	if (j->pid < 0)
		goto fail;
	close(done[1]);
	close(cmd[0]);
	j->done_fd = done[0];
	j->cmd_fd = cmd[1];
	s->have_spare = 1;
	return SUARA_OK;
fail:
	fclose(j->spill);
	for (int i = 0; i < 2; i++) {
		if (done[i] >= 0)
			close(done[i]);
		if (cmd[i] >= 0)
			close(cmd[i]);
	}
	return suara_fail(s->r, SUARA_ERR_WORKER, "cannot start a worker: %s", strerror(errno));
}

/* Is there another paragraph to speak after the current position? */
static int more_paragraphs(const render_state *s)
{
	size_t pos = s->next_pos;
	input_para p;
	while (input_next_para(&s->doc, &pos, &p))
		if (input_has_text(s->doc.text + p.off, p.len))
			return 1;
	return 0;
}

/* Hand paragraph p to the spare worker, and fork the next spare. */
static int start_job(render_state *s, const input_para *p)
{
	job *j = &s->jobs[(s->head + s->njobs) % (size_t)s->r->jobs];
	ssize_t w;
	int st;
	if (!s->have_spare && (st = fork_spare(s)) != SUARA_OK)
		return st;
	*j = s->spare;
	j->para = *p;
	s->have_spare = 0;
	s->njobs++;
	w = write(j->cmd_fd, p, sizeof *p);
	(void)w; /* if it failed the worker is gone, and wait_spill reports how */
	close(j->cmd_fd);
	return more_paragraphs(s) ? fork_spare(s) : SUARA_OK;
}

/* Start jobs for the next paragraphs with text until `jobs` are running. */
static int fill_jobs(render_state *s)
{
	input_para p;
	while (s->njobs < (size_t)s->r->jobs && input_next_para(&s->doc, &s->next_pos, &p)) {
		int st;
		if (!input_has_text(s->doc.text + p.off, p.len))
			continue;
		st = start_job(s, &p);
		if (st != SUARA_OK)
			return st;
	}
	return SUARA_OK;
}

static int read_exact(FILE *f, void *dst, size_t n) { return fread(dst, 1, n, f) == n ? 0 : -1; }

static int copy_audio(render_state *s, FILE *f, uint32_t head)
{
	int16_t buf[0x10000];
	uint32_t n = head & ~CHUNK_ZEROS;
	if (head & CHUNK_ZEROS)
		return audio_silence(s->audio, n, s->err, sizeof s->err);
	if (n > 0x10000 || read_exact(f, buf, (size_t)n * 2) != 0)
		return -1;
	return audio_write(s->audio, buf, n, s->err, sizeof s->err);
}

static int read_vec(FILE *f, vec *v, uint64_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		char item[64];
		if (v->size > sizeof item || read_exact(f, item, v->size) != 0 || !vec_push(v, item))
			return -1;
	}
	return 0;
}

static int read_timeline(FILE *f, tl_paragraph *tl)
{
	uint64_t head[4];
	if (read_exact(f, head, sizeof head) != 0)
		return -1;
	tl->end = head[0];
	if (read_vec(f, &tl->sentences, head[1]) || read_vec(f, &tl->words, head[2]) ||
	    sbuf_reserve(&tl->spoken, (size_t)head[3]) != 0)
		return -1;
	if (head[3] && read_exact(f, tl->spoken.data, (size_t)head[3]) != 0)
		return -1;
	tl->spoken.len = (size_t)head[3];
	tl->spoken.data[tl->spoken.len] = '\0';
	return 0;
}

static int child_failure(render_state *s, const job *j, FILE *f)
{
	int32_t st = SUARA_ERR_WORKER;
	uint32_t len = 0;
	char msg[256] = "worker ended without a result";
	size_t line, col;
	if (read_exact(f, &st, sizeof st) == 0 && read_exact(f, &len, sizeof len) == 0 &&
	    len < sizeof msg && read_exact(f, msg, len) == 0)
		msg[len] = '\0';
	input_position(&s->doc, j->para.off, &line, &col);
	return suara_fail(s->r, st > 0 && st < SUARA_STATUS_COUNT ? st : SUARA_ERR_WORKER,
			  "%s:%zu: paragraph %zu: %s", s->tsdoc.source, line, s->index + 1, msg);
}

static int feed_writers(render_state *s)
{
	size_t i;
	for (i = 0; i < ts_format_count; i++) {
		if (s->ts[i] && ts_formats_table[i]->paragraph(s->ts[i], &s->tsdoc, &s->tl) != 0)
			return suara_fail(s->r, SUARA_ERR_WRITE, "writing %s timestamps failed",
					  ts_formats_table[i]->name);
	}
	return SUARA_OK;
}

/* Copy the paragraph's audio, with the paragraph pause before it. */
static int take_audio(render_state *s, FILE *f, uint64_t *start, int *failed)
{
	uint32_t head;
	int first = 1;
	*start = audio_count(s->audio);
	while (read_exact(f, &head, sizeof head) == 0 && head != 0) {
		if (head == CHUNK_FAILED) {
			*failed = 1;
			return SUARA_OK;
		}
		if (first && s->any_audio &&
		    audio_silence(s->audio, (size_t)((long long)s->r->opt.paragraph_pause_ms * s->r->rate / 1000),
				  s->err, sizeof s->err) != 0)
			return SUARA_ERR_WRITE;
		if (first)
			*start = audio_count(s->audio);
		first = 0;
		s->any_audio = 1;
		if (copy_audio(s, f, head) != 0)
			return SUARA_ERR_WRITE;
	}
	return head == 0 ? SUARA_OK : SUARA_ERR_WORKER;
}

static void reap(pid_t pid, int *status)
{
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
}

/* Block until job j has finished its spill file (1) or died (0, reaped,
 * with its exit status in *status). */
static int wait_spill(const job *j, int *status)
{
	char ok = 0;
	ssize_t got;
	while ((got = read(j->done_fd, &ok, 1)) < 0 && errno == EINTR)
		;
	close(j->done_fd);
	if (got == 1)
		return 1;
	reap(j->pid, status);
	return 0;
}

/* Read job's spill: audio into the WAV, then the timeline into s->tl. */
static int take_spill(render_state *s, const job *j, int finished, int status)
{
	int failed = 0, st;
	uint64_t start = 0;
	rewind(j->spill);
	tl_reset(&s->tl);
	st = finished ? take_audio(s, j->spill, &start, &failed) : SUARA_OK;
	if (st == SUARA_OK && (failed || !finished || !WIFEXITED(status) || WEXITSTATUS(status) != 0))
		return child_failure(s, j, j->spill);
	if (st == SUARA_ERR_WRITE)
		return suara_fail(s->r, st, "%s: %s", s->tsdoc.audio, s->err);
	if (st == SUARA_OK && read_timeline(j->spill, &s->tl) != 0)
		return suara_fail(s->r, SUARA_ERR_WORKER, "a worker's result was incomplete");
	if (st != SUARA_OK)
		return suara_fail(s->r, st, "a worker's result was unreadable");
	s->tl.index = s->index++;
	s->tl.off = j->para.off;
	s->tl.len = j->para.len;
	tl_shift(&s->tl, start);
	return SUARA_OK;
}

/* Wait for the oldest job, start the next ones (so the workers stay busy
 * while this one is copied), and append its paragraph to every output. */
static int take_job(render_state *s)
{
	job done = s->jobs[s->head];
	int status = 0, finished, st;
	s->head = (s->head + 1) % (size_t)s->r->jobs;
	s->njobs--;
	finished = wait_spill(&done, &status);
	st = fill_jobs(s);
	if (st == SUARA_OK)
		st = take_spill(s, &done, finished, status);
	if (finished)
		reap(done.pid, &status);
	fclose(done.spill);
	return st == SUARA_OK ? feed_writers(s) : st;
}

/* Kill and reap the jobs still running after a failure, and the spare. */
static void stop_jobs(render_state *s)
{
	if (s->have_spare) {
		close(s->spare.cmd_fd); /* end of file: it exits */
		reap(s->spare.pid, NULL);
		close(s->spare.done_fd);
		fclose(s->spare.spill);
		s->have_spare = 0;
	}
	while (s->njobs > 0) {
		job *j = &s->jobs[s->head];
		kill(j->pid, SIGKILL);
		reap(j->pid, NULL);
		fclose(j->spill);
		close(j->done_fd);
		s->head = (s->head + 1) % (size_t)s->r->jobs;
		s->njobs--;
	}
}

static int run_jobs(render_state *s)
{
	int st = SUARA_OK;
	s->jobs = calloc((size_t)s->r->jobs, sizeof *s->jobs);
	if (!s->jobs)
		return suara_fail(s->r, SUARA_ERR_NOMEM, "out of memory");
	while (st == SUARA_OK) {
		st = fill_jobs(s);
		if (st != SUARA_OK || s->njobs == 0)
			break;
		st = take_job(s);
		if (st == SUARA_OK && s->r->progress)
			s->r->progress(s->r->progress_ud, s->index, 0,
				       (double)audio_count(s->audio) / s->r->rate);
	}
	stop_jobs(s);
	free(s->jobs);
	return st;
}

/* ---- temporary outputs ---- */

#define MAX_TEMPS 16
static char temp_paths[MAX_TEMPS][4200];
static volatile sig_atomic_t temp_count;

void suara_cleanup_temps(void)
{
	sig_atomic_t i;
	for (i = 0; i < temp_count; i++)
		unlink(temp_paths[i]);
}

/* Make and register a temporary name beside final: dir/.name.PID.tmp. */
static const char *temp_for(const char *final)
{
	const char *slash = strrchr(final, '/');
	int dirlen = slash ? (int)(slash - final + 1) : 0;
	char *dst;
	if (temp_count >= MAX_TEMPS)
		return NULL;
	dst = temp_paths[temp_count];
	if (snprintf(dst, sizeof temp_paths[0], "%.*s.%s.%ld.tmp", dirlen, final,
		     final + dirlen, (long)getpid()) >= (int)sizeof temp_paths[0])
		return NULL;
	temp_count++;
	return dst;
}

static void drop_temps(void)
{
	suara_cleanup_temps();
	temp_count = 0;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
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

/* Open the audio and each requested timestamp file under temporary names. */
static int open_outputs(render_state *s, const char *wav_path, const char *ts_base,
			char (*ts_path)[4200], const char **ts_tmp, const char **wav_tmp)
{
	size_t i;
	*wav_tmp = s->wav_tmp = temp_for(wav_path);
	if (!*wav_tmp)
		return suara_fail(s->r, SUARA_ERR_WRITE, "%s: path too long", wav_path);
	s->audio = audio_open(*wav_tmp, s->r->rate, s->err, sizeof s->err);
	if (!s->audio)
		return suara_fail(s->r, SUARA_ERR_WRITE, "%s: %s", wav_path, s->err);
	for (i = 0; ts_base && i < ts_format_count; i++) {
		if (!(s->r->opt.timestamps & ts_formats_table[i]->bit))
			continue;
		snprintf(ts_path[i], 4200, "%s%s", ts_base, ts_formats_table[i]->ext);
		ts_tmp[i] = temp_for(ts_path[i]);
		s->ts_file[i] = ts_tmp[i] ? fopen(ts_tmp[i], "wb") : NULL;
		if (!s->ts_file[i])
			return suara_fail(s->r, SUARA_ERR_WRITE, "%s: %s", ts_path[i], strerror(errno));
		if (ts_formats_table[i]->begin(&s->ts[i], &s->tsdoc, s->ts_file[i]) != 0)
			return suara_fail(s->r, SUARA_ERR_WRITE, "%s: cannot start", ts_path[i]);
	}
	return SUARA_OK;
}

/* Finish every output; the files stay under their temporary names. */
static int close_outputs(render_state *s, const char *wav_path, char (*ts_path)[4200], int st)
{
	size_t i;
	s->tsdoc.samples = audio_count(s->audio);
	s->tsdoc.audio_tmp = strcmp(wav_path, "-") == 0 ? NULL : s->wav_tmp;
	if (audio_close(s->audio, s->err, sizeof s->err) != 0 && st == SUARA_OK)
		st = suara_fail(s->r, SUARA_ERR_WRITE, "%s: %s", wav_path, s->err);
	s->audio = NULL;
	for (i = 0; i < ts_format_count; i++) {
		if (!s->ts_file[i])
			continue;
		if (st == SUARA_OK && ts_formats_table[i]->end(s->ts[i], &s->tsdoc) != 0)
			st = suara_fail(s->r, SUARA_ERR_WRITE, "%s: write failed", ts_path[i]);
		ts_formats_table[i]->free(s->ts[i]);
		s->ts[i] = NULL;
		if (fclose(s->ts_file[i]) != 0 && st == SUARA_OK)
			st = suara_fail(s->r, SUARA_ERR_WRITE, "%s: %s", ts_path[i], strerror(errno));
		s->ts_file[i] = NULL;
	}
	return st;
}

static int copy_to_stdout(suara_renderer *r, const char *path)
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
		return suara_fail(r, SUARA_ERR_WRITE, "standard output: %s", strerror(errno));
	return SUARA_OK;
}

/* Rename a finished temporary file to its final name. The old file is
 * unlinked first: renaming over it makes ext4 (auto_da_alloc) write the new
 * file back at once, which costs more than the whole render of a short
 * article. Either way the final name never holds a partial file. */
static int replace(const char *tmp, const char *final)
{
	if (unlink(final) != 0 && errno != ENOENT)
		return -1;
	return rename(tmp, final);
}

static int publish(render_state *s, const char *wav_path, char (*ts_path)[4200],
		   const char **ts_tmp, const char *wav_tmp)
{
	size_t i;
	for (i = 0; i < ts_format_count; i++)
		if (ts_tmp[i] && replace(ts_tmp[i], ts_path[i]) != 0)
			return suara_fail(s->r, SUARA_ERR_WRITE, "%s: %s", ts_path[i], strerror(errno));
	if (strcmp(wav_path, "-") == 0)
		return copy_to_stdout(s->r, wav_tmp);
	if (replace(wav_tmp, wav_path) != 0)
		return suara_fail(s->r, SUARA_ERR_WRITE, "%s: %s", wav_path, strerror(errno));
	return SUARA_OK;
}

static int check_targets(render_state *s, const char *input, const char *wav_path,
			 const char *ts_base)
{
	char path[4200];
	size_t i;
	if (strcmp(input, "-") == 0)
		return SUARA_OK;
	if (same_file(input, wav_path))
		return suara_fail(s->r, SUARA_ERR_OVERWRITE, "%s: output is the input file", wav_path);
	for (i = 0; ts_base && i < ts_format_count; i++) {
		snprintf(path, sizeof path, "%s%s", ts_base, ts_formats_table[i]->ext);
		if ((s->r->opt.timestamps & ts_formats_table[i]->bit) && same_file(input, path))
			return suara_fail(s->r, SUARA_ERR_OVERWRITE, "%s: output is the input file", path);
	}
	return SUARA_OK;
}

int suara_render_file(suara_renderer *r, const char *input, const char *source_name,
		      const char *wav_path, const char *ts_base)
{
	static char ts_path[8][4200];
	const char *ts_tmp[8] = {0}, *wav_tmp = NULL;
	char stdout_tmp[4200];
	render_state s;
	size_t i;
	int st;
	memset(&s, 0, sizeof s);
	s.r = r;
	tl_init(&s.tl);
	r->detail[0] = '\0';
	s.tsdoc = (ts_doc){source_name ? source_name : base_name(input), base_name(wav_path), NULL,
			   r->voice.name, r->rate, NULL, 0};
	st = suara_load_input(r, &s.doc, input);
	if (st != SUARA_OK)
		return st;
	s.tsdoc.text = s.doc.text;
	if (!doc_has_text(&s.doc)) {
		st = suara_fail(r, SUARA_ERR_EMPTY, "%s: nothing to speak (the input is empty or only whitespace)",
				s.tsdoc.source);
		goto done;
	}
	st = check_targets(&s, input, wav_path, ts_base);
	if (st != SUARA_OK)
		goto done;
	snprintf(stdout_tmp, sizeof stdout_tmp, "%s/suara-stdout.wav",
		 getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	st = open_outputs(&s, strcmp(wav_path, "-") == 0 ? stdout_tmp : wav_path, ts_base, ts_path,
			  ts_tmp, &wav_tmp);
	if (st == SUARA_OK)
		st = run_jobs(&s);
	if (st == SUARA_OK && audio_count(s.audio) == 0)
		st = suara_fail(r, SUARA_ERR_EMPTY, "%s: nothing to speak (no paragraph produced sound)",
				s.tsdoc.source);
	if (st == SUARA_OK && audio_silence(s.audio, (size_t)(TAIL_MS * r->rate / 1000), s.err, sizeof s.err))
		st = suara_fail(r, SUARA_ERR_WRITE, "%s: %s", wav_path, s.err);
	if (s.audio) {
		st = close_outputs(&s, wav_path, ts_path, st);
	}
	if (st == SUARA_OK)
		st = publish(&s, wav_path, ts_path, ts_tmp, wav_tmp);
done:
	for (i = 0; i < ts_format_count; i++) {
		if (s.ts[i])
			ts_formats_table[i]->free(s.ts[i]);
		if (s.ts_file[i])
			fclose(s.ts_file[i]);
	}
	drop_temps();
	tl_free(&s.tl);
	input_free(&s.doc);
	return st;
}
