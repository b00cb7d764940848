/* show.c: the inspection layouts of --segment, --normalize and --phonemes:
 * one sentence per line, a blank line between paragraphs. */
#include <stdio.h>
#include <string.h>

#include "run/render_int.h"
#include "engine/speak.h"
#include "engine/synth.h"
#include "export/timestamps.h"

typedef struct {
	suara_renderer *r;
	const char *text;
	enum suara_show what;
	FILE *out;
	sbuf line;
	sbuf spoken;
	sbuf engine;
	vec pieces, anchors;
	int status;
} shower;

static int show_sentence(void *ud, size_t off, size_t len)
{
	shower *sh = ud;
	const char *s = sh->text + off;
	sbuf_clear(&sh->line);
	if (sh->what != SUARA_SHOW_SEGMENTS) {
		sbuf_clear(&sh->spoken);
		vec_clear(&sh->pieces);
		if (norm_sentence(sh->r->norm, s, len, &sh->spoken, &sh->pieces) != 0)
			return sh->status = SUARA_ERR_NOMEM;
		s = sbuf_str(&sh->spoken);
		len = sh->spoken.len;
	}
	if (sh->what == SUARA_SHOW_PHONEMES) {
		if (pron_sentence(sh->r->pron, s, len, &sh->engine, &sh->anchors) != 0)
			return sh->status = SUARA_ERR_NOMEM;
		if (sh->engine.len && synth_phonemes(sh->engine.data, sh->engine.len, &sh->line) != 0)
			return sh->status = SUARA_ERR_ENGINE;
		if (sbuf_addc(&sh->line, '\n') != 0)
			return sh->status = SUARA_ERR_NOMEM;
	} else if (ts_add_folded(&sh->line, s, len) != 0 || sbuf_addc(&sh->line, '\n') != 0)
		return sh->status = SUARA_ERR_NOMEM;
	if (fwrite(sh->line.data, 1, sh->line.len, sh->out) != sh->line.len)
		return sh->status = SUARA_ERR_WRITE;
	return 0;
}

typedef struct {
	const suara_renderer *r;
	const char *text;
	sbuf spoken, engine, *names;
	vec pieces, anchors;
	int status;
} collector;

static int collect_sentence(void *ud, size_t off, size_t len)
{
	collector *c = ud;
	sbuf_clear(&c->spoken);
	vec_clear(&c->pieces);
	if (norm_sentence(c->r->norm, c->text + off, len, &c->spoken, &c->pieces) != 0 ||
	    pron_collect(c->r->pron, sbuf_str(&c->spoken), c->spoken.len, &c->engine, &c->anchors, c->names) != 0)
		return c->status = SUARA_ERR_NOMEM;
	return 0;
}

int suara_document_names(const suara_renderer *r, const input_doc *doc, sbuf *names)
{
	collector c;
	input_para p;
	size_t pos = 0;
	memset(&c, 0, sizeof c);
	c.r = r, c.text = doc->text, c.names = names;
	vec_init(&c.pieces, sizeof(norm_piece));
	vec_init(&c.anchors, sizeof(pron_anchor));
	sbuf_clear(names);
	while (c.status == SUARA_OK && input_next_para(doc, &pos, &p))
		if (input_has_text(doc->text + p.off, p.len))
			speak_each_sentence(r->seg, doc->text, p.off, p.len, collect_sentence, &c);
	sbuf_free(&c.spoken);
	sbuf_free(&c.engine);
	vec_free(&c.pieces);
	vec_free(&c.anchors);
	return c.status;
}

int suara_show_file(suara_renderer *r, const char *input, enum suara_show what, FILE *out)
{
	shower sh;
	input_doc doc;
	input_para p;
	size_t pos = 0, n = 0;
	int st = suara_load_input(r, &doc, input);
	if (st != SUARA_OK)
		return st;
	memset(&sh, 0, sizeof sh);
	sh.r = r, sh.text = doc.text, sh.what = what, sh.out = out;
	if (what == SUARA_SHOW_PHONEMES) {
		st = suara_document_names(r, &doc, &sh.spoken);
		if (st == SUARA_OK && pron_set_document(r->pron, sh.spoken.data, sh.spoken.len) != 0)
			st = SUARA_ERR_NOMEM; /* not reached: the list keeps within the bound */
		if (st != SUARA_OK) {
			input_free(&doc);
			sbuf_free(&sh.spoken);
			return suara_fail(r, st, "%s", suara_strerror(st));
		}
	}
	vec_init(&sh.pieces, sizeof(norm_piece));
	vec_init(&sh.anchors, sizeof(pron_anchor));
	while (sh.status == SUARA_OK && input_next_para(&doc, &pos, &p)) {
		if (!input_has_text(doc.text + p.off, p.len))
			continue;
		if (n++ && fputc('\n', out) == EOF)
			sh.status = SUARA_ERR_WRITE;
		speak_each_sentence(r->seg, doc.text, p.off, p.len, show_sentence, &sh);
	}
	st = sh.status;
	if (st == SUARA_OK && n == 0)
		st = suara_fail(r, SUARA_ERR_EMPTY, "%s: nothing to speak", strcmp(input, "-") ? input : "(stdin)");
	if (st == SUARA_OK && fflush(out) != 0)
		st = SUARA_ERR_WRITE;
	if (st == SUARA_ERR_WRITE || st == SUARA_ERR_NOMEM || st == SUARA_ERR_ENGINE)
		suara_fail(r, st, "%s", suara_strerror(st));
	pron_set_document(r->pron, NULL, 0);
	sbuf_free(&sh.line);
	sbuf_free(&sh.spoken);
	sbuf_free(&sh.engine);
	vec_free(&sh.pieces);
	vec_free(&sh.anchors);
	input_free(&doc);
	return st;
}
