/* ts_util.c: helpers shared by the timestamp writers. */
#include <stdlib.h>
#include <string.h>

#include "export/timestamps.h"
#include "base/utf8.h"

int ts_add_folded(sbuf *b, const char *s, size_t len)
{
	size_t pos = 0, base = b->len;
	int rc = 0, in_space = 0;
	while (pos < len && rc == 0) {
		size_t at = pos;
		uint32_t cp = utf8_next(s, len, &pos);
		if (u_isspace(cp)) {
			in_space = 1;
			continue;
		}
		if (in_space && b->len > base)
			rc |= sbuf_addc(b, ' ');
		in_space = 0;
		rc |= sbuf_add(b, s + at, pos - at);
	}
	return rc;
}

/* Samples as whole milliseconds, rounded as asked. */
static uint64_t ts_ms(uint64_t samples, int rate, enum ts_round how)
{
	uint64_t r = (uint64_t)rate;
	return (samples * 1000 + (how == TS_FLOOR ? 0 : how == TS_CEIL ? r - 1 : r / 2)) / r;
}

int ts_add_seconds(sbuf *b, uint64_t samples, int rate, enum ts_round how)
{
	uint64_t ms = ts_ms(samples, rate, how);
	char frac[4];
	frac[0] = (char)('0' + ms / 100 % 10);
	frac[1] = (char)('0' + ms / 10 % 10);
	frac[2] = (char)('0' + ms % 10);
	frac[3] = '\0';
	return sbuf_addu(b, ms / 1000) | sbuf_addc(b, '.') | sbuf_adds(b, frac);
}

int ts_add_json_string(sbuf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;
	int rc = sbuf_addc(b, '"');
	for (i = 0; i < len && rc == 0; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			rc |= sbuf_addc(b, '\\') | sbuf_addc(b, (char)c);
		else if (c == '\n')
			rc |= sbuf_adds(b, "\\n");
		else if (c == '\t')
			rc |= sbuf_adds(b, "\\t");
		else if (c < 0x20 || c == 0x7F) {
			char esc[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
			rc |= sbuf_adds(b, esc);
		} else
			rc |= sbuf_addc(b, (char)c);
	}
	return rc | sbuf_addc(b, '"');
}

static int add_digits(sbuf *b, uint64_t v, int width)
{
	char d[24];
	int n = 0, rc = 0;
	do
		d[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0 && n < 24);
	while (width-- > n)
		rc |= sbuf_addc(b, '0');
	while (n > 0 && rc == 0)
		rc |= sbuf_addc(b, d[--n]);
	return rc;
}

int ts_add_clock(sbuf *b, uint64_t samples, int rate, enum ts_round how, char sep)
{
	uint64_t ms = ts_ms(samples, rate, how), s = ms / 1000;
	return add_digits(b, s / 3600, 2) | sbuf_addc(b, ':') | add_digits(b, s / 60 % 60, 2) |
	       sbuf_addc(b, ':') | add_digits(b, s % 60, 2) | sbuf_addc(b, sep) |
	       add_digits(b, ms % 1000, 3);
}

static const char *markup_entity(char c, int quotes)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return quotes ? "&quot;" : NULL;
	case '\'': return quotes ? "&#39;" : NULL;
	default: return NULL;
	}
}

int ts_add_markup(sbuf *b, const char *s, size_t len, int quotes)
{
	sbuf folded = {0};
	size_t i;
	int rc = ts_add_folded(&folded, s, len);
	for (i = 0; i < folded.len && rc == 0; i++) {
		const char *e = markup_entity(folded.data[i], quotes);
		rc |= e ? sbuf_adds(b, e) : sbuf_addc(b, folded.data[i]);
	}
	sbuf_free(&folded);
	return rc;
}

int ts_add_title(sbuf *b, const ts_doc *doc, const tl_paragraph *p)
{
	const tl_sentence *s = p->sentences.len ? vec_at(&p->sentences, 0) : NULL;
	return s ? ts_add_folded(b, doc->text + s->off, s->len) : ts_add_folded(b, doc->text + p->off, p->len);
}

int ts_flush(sbuf *b, FILE *f)
{
	int ok = b->len == 0 || fwrite(b->data, 1, b->len, f) == b->len;
	sbuf_clear(b);
	return ok ? 0 : -1;
}

/* A text writer's ts_writer is a struct whose only member is a ts_text, so
 * a pointer to one, converted, points to the other. */
int ts_text_begin(ts_writer **w, const ts_doc *doc, FILE *out)
{
	ts_text *t = su_calloc(1, sizeof *t);
	(void)doc;
	*w = (ts_writer *)(void *)t;
	if (!t)
		return -1;
	t->out = out;
	return 0;
}

int ts_text_end(ts_writer *w, const ts_doc *doc)
{
	(void)doc;
	return fflush(((ts_text *)(void *)w)->out) == 0 ? 0 : -1;
}

void ts_text_free(ts_writer *w)
{
	ts_text *t = (ts_text *)(void *)w;
	if (!t)
		return;
	sbuf_free(&t->buf);
	free(t);
}
