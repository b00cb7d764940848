/* speak.c: see speak.h. */
#include "engine/speak.h"

#include <string.h>

#include "suara.h"
#include "engine/synth.h"
#include "base/utf8.h"

/* State while speaking one paragraph. */
typedef struct {
	const speak_cfg *cfg;
	const char *text;  /* the paragraph */
	size_t base;       /* its byte offset in the input */
	tl_paragraph *tl;
	speak_sink sink;
	void *ud;
	uint64_t pos;     /* samples handed to the sink */
	speak_buffers *b;
	size_t pending_off;  /* silent sentences before the first audible one */
	int has_pending;
	int status;
} speaker;

int speak_each_sentence(const seg_rules *seg, const char *text, size_t off, size_t len,
			speak_sentence_fn fn, void *ud)
{
	size_t pos = 0, next;
	seg_span s;
	while (seg_next(seg, text + off, len, pos, &s, &next)) {
		int rc;
		if (next < len && norm_byline(text + off + next, len - next) == 0) {
			/* a reporter's code after the last sentence is not a
			 * sentence to say: it closes this one (normalize.h) */
			size_t end = len;
			while (end > next && text[off + end - 1] == ' ')
				end--;
			s.len = end - s.off, next = len;
		}
		rc = fn(ud, off + s.off, s.len);
		if (rc)
			return rc;
		if (next <= pos)
			break; /* the segmenter must advance; never loop */
		pos = next;
	}
	return 0;
}

/* First and one-past-last non-zero sample of s[0..n); *first == *last when
 * all are zero. */
static void audible_bounds(const int16_t *s, size_t n, size_t *first, size_t *last)
{
	size_t a = 0, b = n;
	while (a < n && s[a] == 0)
		a++;
	while (b > a && s[b - 1] == 0)
		b--;
	*first = a;
	*last = b;
}

/* Index of the piece holding spoken byte off, searching from *hint on
 * (events come in text order); -1 when off falls between pieces. */
static long piece_at(const vec *pieces, size_t off, size_t *hint)
{
	size_t i;
	for (i = *hint; i < pieces->len; i++) {
		const norm_piece *p = vec_at(pieces, i);
		if (off < p->sp_off)
			return -1;
		if (off < p->sp_off + p->sp_len) {
			*hint = i;
			return (long)i;
		}
	}
	return -1;
}

/* Punctuation that frames a word rather than being part of it: brackets,
 * quotes, sentence marks and dashes. (Not %, $, & and the like, which are
 * spoken.) */
static int framing(uint32_t c)
{
	static const uint32_t marks[] = {'(', ')', '[', ']', '{', '}', '"', '\'', ',', '.', ';', ':',
					 '!', '?', 0x2026, 0x2013, 0x2014, 0x201C, 0x201D, 0x2018,
					 0x2019, 0x00AB, 0x00BB};
	size_t i;
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (c == marks[i])
			return 1;
	return 0;
}

/* Narrow text[*off..*off+*len) to the word without framing punctuation
 * (a highlighted word is "Senin", not "Senin,"), nor a slash or spaced
 * dash after it; a token of punctuation only stays as it is. */
static void trim_framing(const char *text, size_t *off, size_t *len)
{
	size_t a = *off, b = *off + *len, p;
	while (a < b) {
		p = a;
		if (!framing(utf8_next(text, b, &p)))
			break;
		a = p;
	}
	while (b > a) {
		uint32_t c;
		p = b;
		c = utf8_prev(text, &p);
		/* and a slash or a spaced dash after it: the code "(rah / ard)"
		 * has the words "rah" and "ard" */
		if (!framing(c) && c != ' ' && c != '/' && !(c == '-' && p > a && text[p - 1] == ' '))
			break;
		if (c == ')' && memchr(text + a, '(', p - a))
			break; /* a bracket the word holds: 30 (tiga puluh) */
		b = p;
	}
	if (a < b)
		*off = a, *len = b - a;
}

/* Move a word start forward over silence, staying below limit. */
static size_t skip_silence(const int16_t *s, size_t at, size_t limit)
{
	while (at < limit && s[at] == 0)
		at++;
	return at;
}

/* Turn the engine's word events into written words with tight bounds,
 * relative to the audible part audio[first..last). */
static int add_words(speaker *sp, size_t sent_off, size_t first, size_t last)
{
	const int16_t *a = sp->b->syn.samples.items;
	size_t i, hint = 0, w0 = sp->tl->words.len;
	long prev_piece = -1;
	for (i = 0; i < sp->b->syn.words.len; i++) {
		const synth_word *ev = vec_at(&sp->b->syn.words, i);
		long k = piece_at(&sp->b->pieces, ev->text_off, &hint);
		size_t at = ev->sample < first ? first : ev->sample > last ? last : ev->sample;
		tl_word w;
		if (k < 0 || k == prev_piece)
			continue;
		const norm_piece *p = vec_at(&sp->b->pieces, (size_t)k);
		at = skip_silence(a, at, last);
		w.off = sent_off + p->src_off;
		w.len = p->src_len;
		trim_framing(sp->text, &w.off, &w.len);
		w.off += sp->base;
		w.start = w.end = at - first;
		if (!vec_push(&sp->tl->words, &w))
			return -1;
		prev_piece = k;
	}
	for (i = w0; i < sp->tl->words.len; i++) {
		tl_word *w = vec_at(&sp->tl->words, i);
		size_t end = i + 1 < sp->tl->words.len ? ((tl_word *)vec_at(&sp->tl->words, i + 1))->start + first
						       : last;
		while (end > w->start + first && a[end - 1] == 0)
			end--;
		w->end = end - first;
	}
	return 0;
}

static int emit(speaker *sp, const int16_t *s, size_t n)
{
	if (n && sp->sink(sp->ud, s, n) != 0)
		return -1;
	sp->pos += n;
	return 0;
}

/* Record the sentence and its words; the audio is already out. */
static int finish_sentence(speaker *sp, size_t off, size_t len, uint64_t start, size_t w0)
{
	tl_sentence s;
	size_t i;
	s.off = sp->base + off, s.len = len;
	s.start = start, s.end = sp->pos;
	s.spoken_off = sp->tl->spoken.len;
	s.spoken_len = sp->b->spoken.len;
	s.word0 = w0;
	s.nwords = sp->tl->words.len - w0;
	for (i = w0; i < sp->tl->words.len; i++) {
		tl_word *w = vec_at(&sp->tl->words, i);
		w->start += start, w->end += start;
	}
	if (sbuf_add(&sp->tl->spoken, sp->b->spoken.data ? sp->b->spoken.data : "", sp->b->spoken.len) != 0)
		return -1;
	return vec_push(&sp->tl->sentences, &s) ? 0 : -1;
}

/* A sentence with nothing audible ("'.", "(*).", a lone dash) is not a
 * unit of its own: a unit always has sound. Its text joins the sentence
 * before it, or the next one when it comes first. */
static int absorb_silent(speaker *sp, size_t off, size_t len)
{
	tl_sentence *prev;
	if (sp->tl->sentences.len == 0) {
		if (!sp->has_pending)
			sp->pending_off = off, sp->has_pending = 1;
		return 0;
	}
	prev = vec_at(&sp->tl->sentences, sp->tl->sentences.len - 1);
	prev->len = sp->base + off + len - prev->off;
	return 0;
}

static int speak_sentence(void *ud, size_t off, size_t len)
{
	speaker *sp = ud;
	size_t first, last, w0 = sp->tl->words.len;
	uint64_t start;
	sbuf_clear(&sp->b->spoken);
	vec_clear(&sp->b->pieces);
	vec_clear(&sp->b->syn.samples);
	vec_clear(&sp->b->syn.words);
	if (norm_sentence(sp->cfg->norm, sp->text + off, len, &sp->b->spoken, &sp->b->pieces) != 0)
		return sp->status = SUARA_ERR_NOMEM;
	if (pron_sentence(sp->cfg->pron, sbuf_str(&sp->b->spoken), sp->b->spoken.len, &sp->b->engine,
			  &sp->b->anchors) != 0)
		return sp->status = SUARA_ERR_NOMEM;
	if (sp->b->engine.len && synth_say(sp->b->engine.data, sp->b->engine.len, &sp->b->syn) != 0)
		return sp->status = SUARA_ERR_ENGINE;
	for (size_t i = 0; i < sp->b->syn.words.len; i++) { /* events point into the engine's text */
		synth_word *ev = vec_at(&sp->b->syn.words, i);
		ev->text_off = pron_map(&sp->b->anchors, ev->text_off);
	}
	audible_bounds(sp->b->syn.samples.items, sp->b->syn.samples.len, &first, &last);
	if (first == last)
		return absorb_silent(sp, off, len);
	if (sp->pos > 0 && emit(sp, NULL, sp->cfg->sentence_pause) != 0)
		return sp->status = SUARA_ERR_WRITE;
	start = sp->pos;
	if (add_words(sp, off, first, last) != 0)
		return sp->status = SUARA_ERR_NOMEM;
	if (emit(sp, (const int16_t *)sp->b->syn.samples.items + first, last - first) != 0)
		return sp->status = SUARA_ERR_WRITE;
	if (sp->has_pending)
		len += off - sp->pending_off, off = sp->pending_off, sp->has_pending = 0;
	if (finish_sentence(sp, off, len, start, w0) != 0)
		return sp->status = SUARA_ERR_NOMEM;
	return 0;
}

void speak_buffers_init(speak_buffers *b)
{
	memset(&b->spoken, 0, sizeof b->spoken);
	vec_init(&b->pieces, sizeof(norm_piece));
	memset(&b->engine, 0, sizeof b->engine);
	vec_init(&b->anchors, sizeof(pron_anchor));
	vec_init(&b->syn.samples, sizeof(int16_t));
	vec_init(&b->syn.words, sizeof(synth_word));
}

void speak_buffers_free(speak_buffers *b)
{
	sbuf_free(&b->spoken);
	vec_free(&b->pieces);
	sbuf_free(&b->engine);
	vec_free(&b->anchors);
	vec_free(&b->syn.samples);
	vec_free(&b->syn.words);
}

int speak_paragraph(const speak_cfg *cfg, speak_buffers *b, const char *text, size_t len, size_t base,
		    tl_paragraph *tl, speak_sink sink, void *ud)
{
	speaker sp;
	memset(&sp, 0, sizeof sp);
	sp.cfg = cfg, sp.b = b, sp.text = text, sp.base = base, sp.tl = tl, sp.sink = sink, sp.ud = ud;
	tl_reset(tl);
	tl->off = base, tl->len = len;
	speak_each_sentence(cfg->seg, text, 0, len, speak_sentence, &sp);
	if (sp.has_pending && sp.status == SUARA_OK) /* nothing audible at all */
		if (finish_sentence(&sp, sp.pending_off, len - sp.pending_off, 0, 0) != 0)
			sp.status = SUARA_ERR_NOMEM;
	tl->start = 0;
	tl->end = sp.pos;
	return sp.status;
}
