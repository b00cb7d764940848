/* ts_aud.c: an Audacity label track (File > Import > Labels): one line
 * "start<TAB>end<TAB>label" per label, times in seconds with 3 decimals
 * (starts round down, ends up). Each audible paragraph gets a label
 * "¶N: title" (its first sentence) spanning it, followed by one label per
 * audible sentence with the sentence as written. Labels are plain text:
 * whitespace (tabs and line breaks included) is folded to single spaces,
 * which is the only escaping the format needs. */

#include "suara.h"
#include "export/timestamps.h"

struct ts_writer {
	ts_text t;
};


static int add_times(sbuf *b, const ts_doc *doc, uint64_t start, uint64_t end)
{
	return ts_add_seconds(b, start, doc->rate, TS_FLOOR) | sbuf_addc(b, '\t') |
	       ts_add_seconds(b, end, doc->rate, TS_CEIL) | sbuf_addc(b, '\t');
}

static int aud_paragraph(ts_writer *w, const ts_doc *doc, const tl_paragraph *p)
{
	sbuf *b = &w->t.buf;
	size_t i;
	int rc;
	if (!TS_AUDIBLE(p))
		return 0;
	rc = add_times(b, doc, p->start, p->end) | sbuf_adds(b, "\xC2\xB6") |
	     sbuf_addu(b, p->index + 1) | sbuf_adds(b, ": ") | ts_add_title(b, doc, p) |
	     sbuf_addc(b, '\n');
	for (i = 0; i < p->sentences.len && rc == 0; i++) {
		const tl_sentence *s = vec_at(&p->sentences, i);
		if (TS_AUDIBLE(s))
			rc |= add_times(b, doc, s->start, s->end) |
			      ts_add_folded(b, doc->text + s->off, s->len) | sbuf_addc(b, '\n');
	}
	return rc ? -1 : ts_flush(b, w->t.out);
}



const ts_format ts_aud_format = {"aud", ".labels.txt", SUARA_TS_AUD, ts_text_begin, aud_paragraph,
				 ts_text_end, ts_text_free};
