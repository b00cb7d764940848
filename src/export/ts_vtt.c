/* ts_vtt.c: WebVTT, two formats sharing one writer.
 *
 * vtt: captions, one cue per audible sentence, identified pN.sM, with the
 * sentence as written. vtt-chapters: one cue per audible paragraph,
 * identified pN, titled with its first sentence, for
 * <track kind="chapters">; paragraphs never overlap, so the cues are
 * disjoint. Text is folded to one line (a blank line would end the cue) and
 * &, <, > are written as &amp; &lt; &gt;, so neither markup in the text nor
 * "-->" can be taken for cue syntax. Times: starts round down, ends up. */

#include "suara.h"
#include "export/timestamps.h"

struct ts_writer {
	ts_text t;
};

static int vtt_open(ts_writer **out, FILE *f, int chapters)
{
	if (ts_text_begin(out, NULL, f) != 0)
		return -1;
	(*out)->t.chapters = chapters;
	if (sbuf_adds(&(*out)->t.buf, "WEBVTT\n\n"))
		return -1;
	return ts_flush(&(*out)->t.buf, f);
}

static int vtt_begin(ts_writer **out, const ts_doc *doc, FILE *f)
{
	(void)doc;
	return vtt_open(out, f, 0);
}

static int chapters_begin(ts_writer **out, const ts_doc *doc, FILE *f)
{
	(void)doc;
	return vtt_open(out, f, 1);
}

/* One cue: identifier line, timing line; the caller adds the text. */
static int add_cue_head(sbuf *b, const ts_doc *doc, size_t para, size_t sent, uint64_t start,
			uint64_t end)
{
	int rc = sbuf_addc(b, 'p') | sbuf_addu(b, para + 1);
	if (sent)
		rc |= sbuf_adds(b, ".s") | sbuf_addu(b, sent);
	return rc | sbuf_addc(b, '\n') | ts_add_clock(b, start, doc->rate, TS_FLOOR, '.') |
	       sbuf_adds(b, " --> ") | ts_add_clock(b, end, doc->rate, TS_CEIL, '.') | sbuf_addc(b, '\n');
}

static int add_chapter(sbuf *b, const ts_doc *doc, const tl_paragraph *p)
{
	sbuf title = {0};
	int rc = ts_add_title(&title, doc, p);
	rc |= add_cue_head(b, doc, p->index, 0, p->start, p->end) |
	      ts_add_markup(b, sbuf_str(&title), title.len, 0) | sbuf_adds(b, "\n\n");
	sbuf_free(&title);
	return rc;
}

static int add_captions(sbuf *b, const ts_doc *doc, const tl_paragraph *p)
{
	size_t i;
	int rc = 0;
	for (i = 0; i < p->sentences.len && rc == 0; i++) {
		const tl_sentence *s = vec_at(&p->sentences, i);
		if (!TS_AUDIBLE(s))
			continue;
		rc |= add_cue_head(b, doc, p->index, i + 1, s->start, s->end) |
		      ts_add_markup(b, doc->text + s->off, s->len, 0) | sbuf_adds(b, "\n\n");
	}
	return rc;
}

static int vtt_paragraph(ts_writer *w, const ts_doc *doc, const tl_paragraph *p)
{
	int rc;
	if (!TS_AUDIBLE(p))
		return 0;
	rc = w->t.chapters ? add_chapter(&w->t.buf, doc, p) : add_captions(&w->t.buf, doc, p);
	return rc ? -1 : ts_flush(&w->t.buf, w->t.out);
}



const ts_format ts_vtt_format = {"vtt", ".vtt", SUARA_TS_VTT, vtt_begin, vtt_paragraph,
				 ts_text_end, ts_text_free};
const ts_format ts_vtt_chapters_format = {"vtt-chapters", ".chapters.vtt", SUARA_TS_VTT_CHAPTERS,
					  chapters_begin, vtt_paragraph, ts_text_end,
					  ts_text_free};
