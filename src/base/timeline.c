/* timeline.c: see timeline.h. */
#include "base/timeline.h"

void tl_init(tl_paragraph *p)
{
	p->index = p->off = p->len = 0;
	p->start = p->end = 0;
	vec_init(&p->sentences, sizeof(tl_sentence));
	vec_init(&p->words, sizeof(tl_word));
	p->spoken = (sbuf){0};
}

void tl_reset(tl_paragraph *p)
{
	p->start = p->end = 0;
	vec_clear(&p->sentences);
	vec_clear(&p->words);
	sbuf_clear(&p->spoken);
}

void tl_free(tl_paragraph *p)
{
	vec_free(&p->sentences);
	vec_free(&p->words);
	sbuf_free(&p->spoken);
}

void tl_shift(tl_paragraph *p, uint64_t delta)
{
	size_t i;
	p->start += delta;
	p->end += delta;
	for (i = 0; i < p->sentences.len; i++) {
		tl_sentence *s = vec_at(&p->sentences, i);
		s->start += delta;
		s->end += delta;
	}
	for (i = 0; i < p->words.len; i++) {
		tl_word *w = vec_at(&p->words, i);
		w->start += delta;
		w->end += delta;
	}
}
