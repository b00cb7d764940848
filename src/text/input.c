/* input.c: see input.h. */
#include "text/input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "suara.h"
#include "base/utf8.h"

static int is_blank_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* First NUL byte or invalid sequence, or len when there is none. */
static size_t first_bad(const char *s, size_t len)
{
	size_t bad = utf8_validate(s, len);
	const char *nul = memchr(s, '\0', bad);
	return nul ? (size_t)(nul - s) : bad;
}

/* Record the lines of raw (where each '\n' is, whether each line is
 * blank), then turn raw into the working text in place: line breaks and
 * other C0 controls become spaces, offsets stay. One copy of the text is
 * kept, not two. */
static int make_working_text(input_doc *doc, char *raw)
{
	size_t i, n = 0, k = 0, pos;
	const char *nl;
	for (nl = raw; (nl = memchr(nl, '\n', doc->len - (size_t)(nl - raw))) != NULL; nl++)
		n++;
	doc->nl = su_malloc((n + 1) * sizeof *doc->nl);
	doc->blank = su_malloc(n + 1);
	if (!doc->nl || !doc->blank) {
		free(doc->nl);
		free(doc->blank);
		doc->nl = NULL, doc->blank = NULL;
		return SUARA_ERR_NOMEM;
	}
	doc->nlines = n + 1;
	pos = doc->start; /* a BOM is not text */
	for (k = 0; k <= n; k++) {
		const char *e = k < n ? memchr(raw + pos, '\n', doc->len - pos) : raw + doc->len;
		size_t end = (size_t)(e - raw);
		doc->blank[k] = 1;
		for (i = pos; i < end; i++)
			if (!is_blank_byte(raw[i])) {
				doc->blank[k] = 0;
				break;
			}
		doc->nl[k] = end;
		pos = end + 1;
	}
	for (i = 0; i < doc->len; i++) {
		unsigned char c = (unsigned char)raw[i];
		if (c < 0x20 || c == 0x7F)
			raw[i] = ' ';
	}
	doc->text = raw;
	return SUARA_OK;
}

int input_take(input_doc *doc, char *raw, size_t len, size_t *bad_off)
{
	size_t bad;
	memset(doc, 0, sizeof *doc);
	doc->raw = raw;
	doc->len = len;
	raw[len] = '\0';
	if (len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
		doc->start = 3; /* before validating: positions count from after it */
	bad = first_bad(raw, len);
	if (bad < len) {
		*bad_off = bad;
		return SUARA_ERR_TEXT;
	}
	return make_working_text(doc, raw);
}

int input_read(input_doc *doc, const char *path, size_t *bad_off)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *raw = NULL;
	size_t len = 0;
	int st;
	memset(doc, 0, sizeof *doc);
	if (!f)
		return SUARA_ERR_READ;
	st = su_read_all(f, &raw, &len);
	st = st == 0 ? SUARA_OK : st == -1 ? SUARA_ERR_NOMEM : SUARA_ERR_READ;
	if (f != stdin)
		fclose(f);
	if (st != SUARA_OK)
		return st;
	return input_take(doc, raw, len, bad_off);
}

void input_free(input_doc *doc)
{
	free(doc->raw); /* the working text, once made, is the same buffer */
	free(doc->nl);
	free(doc->blank);
	memset(doc, 0, sizeof *doc);
}

/* The line holding byte off: the number of line breaks before it. */
static size_t line_of(const input_doc *doc, size_t off)
{
	size_t lo = 0, hi = doc->nlines - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->nl[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void input_position(const input_doc *doc, size_t off, size_t *line, size_t *col)
{
	size_t i, from = doc->start, l = 1, c = 1;
	if (doc->nl && doc->nlines) {
		size_t k = line_of(doc, off);
		l = k + 1;
		if (k)
			from = doc->nl[k - 1] + 1;
	} else { /* invalid text has no line table: find the line by its bytes */
		for (i = doc->start; i < off && i < doc->len; i++)
			if (doc->raw[i] == '\n')
				l++, from = i + 1;
	}
	for (i = from; i < off && i < doc->len; i++)
		if (((unsigned char)doc->raw[i] & 0xC0) != 0x80)
			c++;
	*line = l;
	*col = c;
}

/* End of the line starting at pos (index of its '\n' or len), and whether
 * the line is blank (only spaces, tabs and the like as read). */
static size_t line_end(const input_doc *doc, size_t pos, int *blank)
{
	size_t k = line_of(doc, pos);
	*blank = doc->blank[k];
	return doc->nl[k];
}

int input_next_para(const input_doc *doc, size_t *pos, input_para *p)
{
	size_t at = *pos < doc->start ? doc->start : *pos, first = 0, last = 0, end;
	int blank, found = 0;
	for (; at < doc->len; at = end + 1) {
		end = line_end(doc, at, &blank);
		if (blank) {
			if (found)
				break;
			continue;
		}
		if (!found)
			first = at, found = 1;
		last = end;
		if (doc->by_line) {
			at = end + 1;
			break;
		}
	}
	*pos = at;
	if (!found)
		return 0;
	while (first < last && doc->text[first] == ' ')
		first++;
	while (last > first && doc->text[last - 1] == ' ')
		last--;
	p->off = first;
	p->len = last - first;
	return 1;
}

int input_has_text(const char *text, size_t len)
{
	size_t pos = 0;
	while (pos < len) {
		uint32_t cp = utf8_next(text, len, &pos);
		if (!u_isspace(cp))
			return 1;
	}
	return 0;
}
