/* ts_cue.c: paragraph markers inside the WAV, so audio editors (Audacity,
 * REAPER, ocenaudio, Adobe Audition) show them.
 *
 * At `end` the finished WAV (doc->audio_tmp) gets two chunks appended after
 * its data: a `cue ` chunk with one cue point per audible paragraph (id
 * N = paragraph N, position = its first sample) and a `LIST` chunk of type
 * `adtl` holding one `labl` per cue point, naming it with the paragraph's
 * title (its first sentence, folded, NUL-terminated, UTF-8). The RIFF size
 * is patched to cover them. libsndfile writes cue points but not their
 * names, hence the chunks are written here by hand. The format's own file,
 * NAME.cue.tsv, lists the same markers: id, sample, seconds, name.
 * When the audio goes to standard output there is no file to append to and
 * only the listing is written; likewise for RF64 audio. */
#include <stdlib.h>
#include <string.h>

#include "suara.h"
#include "export/timestamps.h"

typedef struct {
	uint64_t start;
	size_t name_off, name_len; /* into names */
} marker;

struct ts_writer {
	FILE *out;
	vec markers;
	sbuf names;
	sbuf buf;
};

static int cue_begin(ts_writer **out, const ts_doc *doc, FILE *f)
{
	ts_writer *w = su_calloc(1, sizeof *w);
	(void)doc;
	*out = w;
	if (!w)
		return -1;
	w->out = f;
	vec_init(&w->markers, sizeof(marker));
	return 0;
}

static int cue_paragraph(ts_writer *w, const ts_doc *doc, const tl_paragraph *p)
{
	marker m;
	if (!TS_AUDIBLE(p))
		return 0;
	if (p->start > UINT32_MAX)
		return -1;
	m.start = p->start;
	m.name_off = w->names.len;
	if (ts_add_title(&w->names, doc, p) != 0)
		return -1;
	m.name_len = w->names.len - m.name_off;
	return vec_push(&w->markers, &m) ? 0 : -1;
}

static int put_u32(sbuf *b, uint64_t v)
{
	char le[4] = {(char)(v & 255), (char)(v >> 8 & 255), (char)(v >> 16 & 255), (char)(v >> 24 & 255)};
	return sbuf_add(b, le, 4);
}

/* The `cue ` chunk: 24 bytes per point. */
static int add_cue_chunk(sbuf *b, const vec *markers)
{
	size_t i;
	int rc = sbuf_add(b, "cue ", 4) | put_u32(b, 4 + 24 * (uint64_t)markers->len) |
		 put_u32(b, markers->len);
	for (i = 0; i < markers->len && rc == 0; i++) {
		const marker *m = vec_at(markers, i);
		rc |= put_u32(b, i + 1) | put_u32(b, m->start) | sbuf_add(b, "data", 4) | put_u32(b, 0) |
		      put_u32(b, 0) | put_u32(b, m->start);
	}
	return rc;
}

/* The `LIST` `adtl` chunk: one `labl` (id, NUL-terminated name, padded to
 * an even size) per point. */
static int add_label_chunk(sbuf *b, const vec *markers, const sbuf *names)
{
	size_t i, size_at;
	int rc = sbuf_add(b, "LIST", 4);
	size_at = b->len;
	rc |= put_u32(b, 0) | sbuf_add(b, "adtl", 4);
	for (i = 0; i < markers->len && rc == 0; i++) {
		const marker *m = vec_at(markers, i);
		uint64_t size = 4 + (uint64_t)m->name_len + 1;
		rc |= sbuf_add(b, "labl", 4) | put_u32(b, size) | put_u32(b, i + 1) |
		      sbuf_add(b, sbuf_str(names) + m->name_off, m->name_len) | sbuf_addc(b, '\0');
		if (size & 1)
			rc |= sbuf_addc(b, '\0');
	}
	if (rc == 0) {
		sbuf size = {0};
		rc = put_u32(&size, b->len - size_at - 4);
		if (rc == 0)
			memcpy(b->data + size_at, size.data, 4);
		sbuf_free(&size);
	}
	return rc;
}

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Append the chunks to the RIFF WAVE file at path and patch its size. An
 * RF64 file (audio past 4 GiB, see audio.h) is left as it is: its markers
 * are only in the listing. */
static int append_chunks(const char *path, const sbuf *chunks)
{
	unsigned char head[12];
	sbuf size = {0};
	long end;
	int rc = -1;
	FILE *f = fopen(path, "r+b");
	if (!f)
		return -1;
	if (fread(head, 1, 12, f) == 12 && memcmp(head, "RF64", 4) == 0) {
		rc = 0;
		goto done;
	}
	rewind(f);
	if (fread(head, 1, 12, f) != 12 || memcmp(head, "RIFF", 4) != 0 || memcmp(head + 8, "WAVE", 4) != 0 ||
	    fseek(f, 0, SEEK_END) != 0 || (end = ftell(f)) < 12 || (uint64_t)get_u32(head + 4) + 8 != (uint64_t)end)
		goto done;
	if ((end & 1) && fputc(0, f) == EOF)
		goto done;
	end += (end & 1) + (long)chunks->len;
	if ((uint64_t)end - 8 > UINT32_MAX || fwrite(chunks->data, 1, chunks->len, f) != chunks->len ||
	    put_u32(&size, (uint64_t)end - 8) != 0 || fseek(f, 4, SEEK_SET) != 0 ||
	    fwrite(size.data, 1, 4, f) != 4)
		goto done;
	rc = 0;
done:
	sbuf_free(&size);
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

/* NAME.cue.tsv: the markers written into the WAV. */
static int add_listing(sbuf *b, const ts_doc *doc, const ts_writer *w)
{
	size_t i;
	int rc = sbuf_adds(b, "id\tsample\tseconds\tname\n");
	for (i = 0; i < w->markers.len && rc == 0; i++) {
		const marker *m = vec_at(&w->markers, i);
		rc |= sbuf_addu(b, i + 1) | sbuf_addc(b, '\t') | sbuf_addu(b, m->start) | sbuf_addc(b, '\t') |
		      ts_add_seconds(b, m->start, doc->rate, TS_FLOOR) | sbuf_addc(b, '\t') |
		      sbuf_add(b, sbuf_str(&w->names) + m->name_off, m->name_len) | sbuf_addc(b, '\n');
	}
	return rc;
}

static int cue_end(ts_writer *w, const ts_doc *doc)
{
	sbuf *b = &w->buf;
	if (add_listing(b, doc, w) != 0 || ts_flush(b, w->out) != 0 || fflush(w->out) != 0)
		return -1;
	if (!doc->audio_tmp || w->markers.len == 0)
		return 0;
	if (add_cue_chunk(b, &w->markers) != 0 || add_label_chunk(b, &w->markers, &w->names) != 0)
		return -1;
	return append_chunks(doc->audio_tmp, b);
}

static void cue_free(ts_writer *w)
{
	if (!w)
		return;
	vec_free(&w->markers);
	sbuf_free(&w->names);
	sbuf_free(&w->buf);
	free(w);
}

const ts_format ts_cue_format = {"cue", ".cue.tsv", SUARA_TS_CUE, cue_begin, cue_paragraph, cue_end,
				 cue_free};
