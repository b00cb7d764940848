/* ts_json.c: the timestamp JSON (version 1) of CONTRACT.md.
 *
 * Written by hand rather than with jansson: the document is streamed
 * paragraph by paragraph to a spill file, so memory stays flat however long
 * the input; a tree library would hold it all. Strings go through one
 * escaper (ts_add_json_string). */
#include <stdlib.h>
#include <string.h>

#include "suara.h"
#include "export/timestamps.h"

struct ts_writer {
	FILE *out;
	FILE *body;       /* the paragraphs array, spilled until the header is known */
	size_t count;
	sbuf buf;
};

static int flush_buf(ts_writer *w, FILE *f)
{
	int ok = w->buf.len == 0 || fwrite(w->buf.data, 1, w->buf.len, f) == w->buf.len;
	sbuf_clear(&w->buf);
	return ok ? 0 : -1;
}

static int json_begin(ts_writer **out, const ts_doc *doc, FILE *f)
{
	ts_writer *w = su_calloc(1, sizeof *w);
	(void)doc;
	*out = w;
	if (!w)
		return -1;
	w->out = f;
	w->body = tmpfile();
	return w->body ? 0 : -1;
}

/* "start": s, "end": e, "start_sample": ..., "end_sample": ..., with the
 * sample fields only when want_samples. */
static int add_times(sbuf *b, uint64_t start, uint64_t end, int rate, int want_samples)
{
	/* An empty interval (nothing audible) stays empty in seconds too. */
	enum ts_round up = start == end ? TS_FLOOR : TS_CEIL;
	int rc = sbuf_adds(b, "\"start\": ") | ts_add_seconds(b, start, rate, TS_FLOOR) |
		 sbuf_adds(b, ", \"end\": ") | ts_add_seconds(b, end, rate, up);
	if (want_samples)
		rc |= sbuf_adds(b, ", \"start_sample\": ") | sbuf_addu(b, start) |
		      sbuf_adds(b, ", \"end_sample\": ") | sbuf_addu(b, end);
	return rc;
}

static int add_span(sbuf *b, size_t off, size_t len)
{
	return sbuf_adds(b, ", \"offset\": ") | sbuf_addu(b, off) | sbuf_adds(b, ", \"length\": ") |
	       sbuf_addu(b, len);
}

static int add_text(sbuf *b, const char *key, const char *s, size_t len)
{
	sbuf folded = {0};
	int rc = ts_add_folded(&folded, s, len);
	rc |= sbuf_adds(b, key) | ts_add_json_string(b, sbuf_str(&folded), folded.len);
	sbuf_free(&folded);
	return rc;
}

static int add_words(sbuf *b, const ts_doc *doc, const tl_paragraph *p, const tl_sentence *s)
{
	int rc = sbuf_adds(b, ",\n          \"words\": [");
	size_t i;
	for (i = 0; i < s->nwords; i++) {
		const tl_word *w = vec_at(&p->words, s->word0 + i);
		rc |= sbuf_adds(b, i ? ",\n            { " : "\n            { ");
		rc |= add_times(b, w->start, w->end, doc->rate, 0) | add_span(b, w->off, w->len);
		rc |= add_text(b, ", \"text\": ", doc->text + w->off, w->len) | sbuf_adds(b, " }");
	}
	return rc | sbuf_adds(b, s->nwords ? " ] }" : "] }");
}

static int add_sentence(sbuf *b, const ts_doc *doc, const tl_paragraph *p, size_t i)
{
	const tl_sentence *s = vec_at(&p->sentences, i);
	int rc = sbuf_adds(b, i ? ",\n        { " : "\n        { ");
	rc |= add_times(b, s->start, s->end, doc->rate, 1) | add_span(b, s->off, s->len);
	rc |= add_text(b, ",\n          \"text\": ", doc->text + s->off, s->len);
	rc |= sbuf_adds(b, ",\n          \"spoken\": ") |
	      ts_add_json_string(b, p->spoken.data + s->spoken_off, s->spoken_len);
	return rc | add_words(b, doc, p, s);
}

static int json_paragraph(ts_writer *w, const ts_doc *doc, const tl_paragraph *p)
{
	sbuf *b = &w->buf;
	size_t i;
	int rc = sbuf_adds(b, w->count++ ? ",\n    { \"index\": " : "\n    { \"index\": ");
	rc |= sbuf_addu(b, p->index) | sbuf_adds(b, ", ") |
	      add_times(b, p->start, p->end, doc->rate, 1) | add_span(b, p->off, p->len);
	rc |= add_text(b, ",\n      \"text\": ", doc->text + p->off, p->len);
	rc |= sbuf_adds(b, ",\n      \"sentences\": [");
	for (i = 0; i < p->sentences.len && rc == 0; i++)
		rc |= add_sentence(b, doc, p, i);
	rc |= sbuf_adds(b, p->sentences.len ? " ] }" : "] }");
	if (rc)
		return -1;
	return flush_buf(w, w->body);
}

static int json_end(ts_writer *w, const ts_doc *doc)
{
	sbuf *b = &w->buf;
	char chunk[65536];
	size_t n;
	int rc = sbuf_adds(b, "{\n  \"version\": 1,\n  \"source\": ") |
		 ts_add_json_string(b, doc->source, strlen(doc->source)) |
		 sbuf_adds(b, ",\n  \"audio\": ") | ts_add_json_string(b, doc->audio, strlen(doc->audio)) |
		 sbuf_adds(b, ",\n  \"voice\": ") | ts_add_json_string(b, doc->voice, strlen(doc->voice)) |
		 sbuf_adds(b, ",\n  \"sample_rate\": ") | sbuf_addu(b, (unsigned)doc->rate) |
		 sbuf_adds(b, ",\n  \"samples\": ") | sbuf_addu(b, doc->samples) |
		 sbuf_adds(b, ",\n  \"duration\": ") | ts_add_seconds(b, doc->samples, doc->rate, TS_NEAREST) |
		 sbuf_adds(b, ",\n  \"paragraphs\": [");
	if (rc || flush_buf(w, w->out) != 0 || fflush(w->body) != 0)
		return -1;
	rewind(w->body);
	while ((n = fread(chunk, 1, sizeof chunk, w->body)) > 0)
		if (fwrite(chunk, 1, n, w->out) != n)
			return -1;
	if (ferror(w->body))
		return -1;
	rc = sbuf_adds(b, w->count ? " ]\n}\n" : "]\n}\n");
	return rc ? -1 : flush_buf(w, w->out);
}

static void json_free(ts_writer *w)
{
	if (!w)
		return;
	if (w->body)
		fclose(w->body);
	sbuf_free(&w->buf);
	free(w);
}

const ts_format ts_json_format = {"json", ".json", SUARA_TS_JSON, json_begin, json_paragraph,
				  json_end, json_free};
