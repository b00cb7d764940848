/* fuzz_text.c: libFuzzer entry point for the whole text front end: any
 * bytes go through input validation, paragraph splitting, sentence
 * segmentation, normalization and pronunciation, and the invariants the
 * renderer relies on are checked (sentences inside their paragraph and in
 * order, pieces in order and inside both texts, the engine's text mapping
 * back into the spoken text, in order). `make fuzz` builds and runs it with
 * AddressSanitizer and UBSan; run from the repository root. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/input.h"
#include "text/normalize.h"
#include "pron/pron.h"
#include "text/segment.h"
#include "engine/speak.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
	const norm_rules *norm;
	const pron_rules *pron;
	const char *text;
	size_t para_off, para_end, prev_end;
	sbuf spoken, engine;
	vec pieces, anchors;
} fuzz_state;

/* English words: a stand-in for the engine's phonemes. */
static int fuzz_english(void *ud, const char *w, size_t n, sbuf *out)
{
	(void)ud;
	return sbuf_add(out, w, n) == 0 ? 0 : -1;
}

/* Every engine offset maps into the spoken text, never backwards. */
static void check_anchors(const fuzz_state *f)
{
	size_t prev = 0;
	for (size_t i = 0; i < f->engine.len; i++) {
		size_t at = pron_map(&f->anchors, i);
		if (at > f->spoken.len || at < prev)
			abort();
		prev = at;
	}
}

static void check_pieces(const fuzz_state *f, size_t len)
{
	size_t i, src = 0, sp = 0;
	for (i = 0; i < f->pieces.len; i++) {
		const norm_piece *p = vec_at(&f->pieces, i);
		if (p->src_off < src || p->src_off + p->src_len > len || p->sp_off < sp ||
		    p->sp_off + p->sp_len > f->spoken.len)
			abort();
		src = p->src_off + p->src_len;
		sp = p->sp_off + p->sp_len;
	}
}

static int one_sentence(void *ud, size_t off, size_t len)
{
	fuzz_state *f = ud;
	if (off < f->prev_end || off + len > f->para_end || len == 0 || len > SEG_MAX_SENTENCE)
		abort();
	f->prev_end = off + len;
	sbuf_clear(&f->spoken);
	vec_clear(&f->pieces);
	if (norm_sentence(f->norm, f->text + off, len, &f->spoken, &f->pieces) != 0)
		abort();
	check_pieces(f, len);
	if (pron_sentence(f->pron, sbuf_str(&f->spoken), f->spoken.len, &f->engine, &f->anchors) != 0)
		abort();
	check_anchors(f);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static seg_rules *seg;
	static norm_rules *norm;
	static pron_rules *pron;
	char err[256], *raw = malloc(size + 1);
	fuzz_state f;
	input_doc doc;
	input_para p;
	size_t bad, pos = 0;
	if (!raw || (!seg && seg_rules_load(&seg, "voices/id", err, sizeof err) != 0) ||
	    (!norm && norm_rules_load(&norm, "voices/id", err, sizeof err) != 0) ||
	    (!pron && (pron_load(&pron, "voices/id", "/usr/share/hunspell/id_ID", err, sizeof err) != 0 ||
		       pron_set_english(pron, "/usr/share/hunspell/en_US.dic", "en-us", "id", fuzz_english, NULL) != 0)))
		abort();
	memcpy(raw, data, size);
	memset(&f, 0, sizeof f);
	f.norm = norm;
	f.pron = pron;
	vec_init(&f.pieces, sizeof(norm_piece));
	vec_init(&f.anchors, sizeof(pron_anchor));
	if (input_take(&doc, raw, size, &bad) == 0) {
		f.text = doc.text;
		while (input_next_para(&doc, &pos, &p)) {
			f.para_off = f.prev_end = p.off;
			f.para_end = p.off + p.len;
			speak_each_sentence(seg, doc.text, p.off, p.len, one_sentence, &f);
		}
	}
	input_free(&doc);
	sbuf_free(&f.spoken);
	sbuf_free(&f.engine);
	vec_free(&f.pieces);
	vec_free(&f.anchors);
	return 0;
}
