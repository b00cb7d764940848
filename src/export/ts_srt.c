/* ts_srt.c: SubRip, one numbered cue per audible sentence, with the
 * sentence as written. Times are HH:MM:SS,mmm (a comma before the
 * milliseconds); starts round down, ends up. SubRip has no escaping of its
 * own: players read its text as a small HTML subset, so text is folded to
 * one line (a blank line ends a cue) and &, <, > are written as &amp; &lt;
 * &gt;, which also keeps "-->" out of the text. */

#include "suara.h"
#include "export/timestamps.h"

struct ts_writer {
	ts_text t;
};


static int add_cue(ts_writer *w, const ts_doc *doc, const tl_sentence *s)
{
	sbuf *b = &w->t.buf;
	return sbuf_addu(b, ++w->t.count) | sbuf_addc(b, '\n') |
	       ts_add_clock(b, s->start, doc->rate, TS_FLOOR, ',') | sbuf_adds(b, " --> ") |
	       ts_add_clock(b, s->end, doc->rate, TS_CEIL, ',') | sbuf_addc(b, '\n') |
	       ts_add_markup(b, doc->text + s->off, s->len, 0) | sbuf_adds(b, "\n\n");
}

static int srt_paragraph(ts_writer *w, const ts_doc *doc, const tl_paragraph *p)
{
	size_t i;
	int rc = 0;
	for (i = 0; i < p->sentences.len && rc == 0; i++) {
		const tl_sentence *s = vec_at(&p->sentences, i);
		if (TS_AUDIBLE(s))
			rc |= add_cue(w, doc, s);
	}
	return rc ? -1 : ts_flush(&w->t.buf, w->t.out);
}



const ts_format ts_srt_format = {"srt", ".srt", SUARA_TS_SRT, ts_text_begin, srt_paragraph,
				 ts_text_end, ts_text_free};
