/* batch.c: rendering a batch of documents: the worker pool fed across
 * files (pool.h), results taken in order into each document.
 *
 * Documents form a queue: the head is the one whose paragraphs are being
 * taken, the tail the one whose paragraphs are being started. Because the
 * pool returns jobs in the order they were started, the oldest job always
 * belongs to the head. */
#include <stdio.h>
#include <string.h>

#include "engine/speak.h"
#include "engine/synth.h"
#include "run/document.h"
#include "run/spill.h"

/* ---- the workers' job: one paragraph spoken into its spill ---- */

/* Made in the parent before any worker is forked; each worker then has
 * its own copy, whose buffers it keeps from paragraph to paragraph. */
typedef struct {
	const suara_renderer *r;
	speak_buffers b;
	tl_paragraph tl;
} speaker_state;

static int speak_job(void *ud, const char *text, size_t len, size_t base, const char *ctx, size_t ctx_len, FILE *f)
{
	speaker_state *w = ud;
	const suara_renderer *r = w->r;
	speak_cfg cfg = {r->seg, r->norm, r->pron, (size_t)((long long)r->opt.sentence_pause_ms * r->rate / 1000)};
	int st;
	synth_foreign_prepare(); /* once a worker: English words' phonemes */
	/* the context is the document's names said in English (document.h) */
	st = pron_set_document(r->pron, ctx, ctx_len) != 0 ? SUARA_ERR_WORKER
	     : speak_paragraph(&cfg, &w->b, text, len, base, &w->tl, spill_put_samples, f);
	if (st == SUARA_OK && spill_put_timeline(f, &w->tl) != 0)
		st = SUARA_ERR_WRITE;
	if (st != SUARA_OK)
		spill_put_failure(f, st, suara_strerror(st));
	return st == SUARA_OK ? 0 : -1;
}

static void speak_reset(void *ud)
{
	(void)ud;
	synth_reset();
}

static void speak_end(void *ud)
{
	(void)ud;
	synth_foreign_end(0); /* the worker exits next */
}

/* SUARA_TEST_PROBE_FAILS=1 makes the answer no, to test that path. */
static int speak_resets_exact(void *ud)
{
	(void)ud;
	return !suara_env_flag("SUARA_TEST_PROBE_FAILS") && synth_reset_is_exact();
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
	doc_part p;
	while (!pool_full(b->pool) && (d = feeding(b)) != NULL) {
		doc_cursor was = d->cur;
		if (d->status != SUARA_OK || !doc_next_part(b->r, d, &p)) {
			d->fed_all = 1;
			continue;
		}
		if (pool_start(b->pool, d->doc.text + p.off, p.len, p.off, d->names.len ? d->names.data : "",
			       d->names.len, d, p.tag, d->err, sizeof d->err) != 0) {
			/* Out of descriptors or processes for one more worker
			 * or spill while other jobs hold theirs: try again when
			 * one is done. With none held, this file fails. */
			if (holding || pool_pending(b->pool) > 0) {
				d->cur = was;
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
		doc_take_paragraph(b->r, d, &j, finished, status);
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
	speaker_state w;
	pool_task task = {speak_job, speak_reset, speak_resets_exact, speak_end, &w};
	r->detail[0] = '\0';
	if (set_pristine(r) != SUARA_OK)
		return SUARA_ERR_ENGINE; /* set_pristine said why */
	w.r = r;
	speak_buffers_init(&w.b);
	tl_init(&w.tl);
	b.pool = pool_new(&task, r->jobs, r->pristine == PRISTINE_BY_RESET ? 1
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
	speak_buffers_free(&w.b);
	tl_free(&w.tl);
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

