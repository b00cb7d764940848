/* norm_tokens.c: cutting a sentence into tokens (each with its core, less the
 * punctuation around it) and the small helpers every rule uses. */
#include "text/norm_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint32_t norm_cp_at(const char *s, size_t len, size_t pos, size_t *n)
{
	uint32_t cp;
	if ((unsigned char)s[pos] < 0x80) {
		*n = 1;
		return (unsigned char)s[pos];
	}
	*n = utf8_decode(s + pos, len - pos, &cp);
	if (*n == 0) {
		*n = 1;
		return 0xFFFD;
	}
	return cp;
}

/* Punctuation cut off the front and back of a token. (Switches rather than
 * strchr: these run on every token.) */
static int is_open(uint32_t cp)
{
	switch (cp) {
	case '(': case '[': case '{': case '"': case '\'': case '`': case '*':
	case 0x201C: case 0x2018: case 0x2019: case 0x201E: case 0xAB: case 0x2039: case 0xA1: case 0xBF:
	case 0x2014: case 0x2013: case 0x2CA: case 0x2CB:
		return 1;
	default:
		return 0;
	}
}

static int is_close(uint32_t cp)
{
	switch (cp) {
	case ')': case ']': case '}': case '"': case '\'': case '`': case '*': case ',':
	case '.': case ';': case ':': case '?': case '!': case '-':
	case 0x201D: case 0x2019: case 0xBB: case 0x203A: case 0x2026: case 0x2014: case 0x2013: case 0x2CA: case 0x2CB:
		return 1;
	default:
		return 0;
	}
}

/* A keycap emoji at s[k]: 0-9, # or *, then U+FE0F (may be left out) and
 * U+20E3. Its length in bytes, or 0. */
size_t norm_keycap_len(const char *s, size_t n, size_t k)
{
	size_t e = k + 1;
	if (k >= n || !(su_is_digit(s[k]) || s[k] == '#' || s[k] == '*'))
		return 0;
	if (e + 3 <= n && memcmp(s + e, "\xEF\xB8\x8F", 3) == 0)
		e += 3;
	return e + 3 <= n && memcmp(s + e, "\xE2\x83\xA3", 3) == 0 ? e + 3 - k : 0;
}

/* The length of a quote mark or dash whose UTF-8 was read as Windows-1252
 * and written out again at s[at] (\u201C as "\xC3\xA2\xE2\x82\xAC\xC5\x93",
 * shown as â€œ; â€” \u2014, â€“ \u2013, â€™ \u2019, and â€ alone, the
 * \u201D whose last byte was lost), or 0. Scraped text has them; they are
 * punctuation, not letters. */
static size_t mojibake_len(const char *s, size_t len, size_t at)
{
	static const uint32_t last[] = {0x153, 0x9D, 0x201D, 0x201C, 0x2122, 0x2DC, 0xA6, 0x2019, 0x2018, 0x2014, 0x2013};
	size_t n;
	if (at + 5 > len || memcmp(s + at, "\xC3\xA2\xE2\x82\xAC", 5) != 0)
		return 0;
	if (at + 5 < len) {
		uint32_t cp = norm_cp_at(s, len, at + 5, &n);
		for (size_t k = 0; k < sizeof last / sizeof last[0]; k++)
			if (cp == last[k])
				return 5 + n;
	}
	return 5;
}

int norm_mojibake_dash(const char *s, size_t n, size_t k)
{
	return k + 8 <= n && mojibake_len(s, n, k) == 8 && ((unsigned char)s[k + 7] == 0x9C || (unsigned char)s[k + 7] == 0x9D);
}

/* Where a mojibake mark (mojibake_len) that ends at b starts, at or after
 * a; b when none does. */
static size_t mojibake_end(const char *s, size_t a, size_t b)
{
	for (size_t k = b >= a + 7 ? b - 7 : a; k + 5 <= b; k++)
		if (mojibake_len(s, b, k) == b - k)
			return k;
	return b;
}

static void cut_core(const char *s, tok *t)
{
	size_t a = t->off, b = t->off + t->len, n;
	for (;;) {
		if (a < b && is_open(norm_cp_at(s, b, a, &n)) && !norm_keycap_len(s, b, a))
			a += n;
		else if ((n = mojibake_len(s, b, a)) != 0)
			a += n;
		else
			break;
	}
	while (b > a) {
		size_t p = b;
		uint32_t cp = utf8_prev(s, &p);
		if ((!is_close(cp) || p < a) && !(b >= a + 5 && (p = mojibake_end(s, a, b)) < b))
			break;
		b = p;
	}
	t->c_off = a;
	t->c_len = b - a;
}

static int is_space(uint32_t cp)
{
	return cp < 0x80 ? cp == ' ' || (cp >= '\t' && cp <= '\r') : u_isspace(cp);
}

/* Is the period before s[at] glued to a new sentence after a word in
 * capitals (ASEAN.Melanjutkan, DPR.Lalu): two capitals before it, a
 * capital and a small letter after? Then it ends a token of its own. */
static int glued_after_capitals(const char *s, size_t len, size_t start, size_t at)
{
	return at >= start + 3 && at + 1 < len && su_is_upper(s[at - 2]) && su_is_upper(s[at - 3]) &&
	       su_is_upper(s[at]) && su_is_lower(s[at + 1]);
}

/* Is the period before s[at] that of "No." glued to its number (Jl.
 * Kecapi II No.64)? Then "No." is a token of its own, said "nomor". */
static int glued_number_sign(const char *s, size_t len, size_t start, size_t at)
{
	return at == start + 3 && at < len && s[start] == 'N' && (s[start + 1] == 'o' || s[start + 1] == 'O') &&
	       su_is_digit(s[at]);
}

/* The length of the dash at s[at] (-, en dash, em dash), or 0. */
static size_t dash_len(const char *s, size_t len, size_t at)
{
	if (at < len && s[at] == '-')
		return 1;
	return at + 2 < len && (unsigned char)s[at] == 0xE2 && (unsigned char)s[at + 1] == 0x80 &&
			       ((unsigned char)s[at + 2] == 0x93 || (unsigned char)s[at + 2] == 0x94)
		       ? 3
		       : 0;
}

/* The length of a dash glued to one number of a range only, the other
 * number after a space (2007– 2012, 2014 -2019): cut off as a token of its
 * own, the range's dash alone, not a minus. At the start of the token
 * from s[start] (after a number and a space), or at its end s[end] (a
 * space and a digit after it). 0 for none. */
static size_t lopsided_dash(const char *s, size_t len, size_t start, size_t end)
{
	size_t d;
	if (end > start) { /* the end: 2007– 2012 */
		for (d = 1; d <= 3; d += 2)
			if (end >= start + d + 1 && dash_len(s, len, end - d) == d && su_is_digit(s[end - d - 1]) &&
			    end + 1 < len && s[end] == ' ' && su_is_digit(s[end + 1]))
				return d;
		return 0;
	}
	d = dash_len(s, len, start); /* the start: 2014 -2019 */
	return d && start >= 2 && s[start - 1] == ' ' && su_is_digit(s[start - 2]) && start + d < len &&
			       su_is_digit(s[start + d])
		       ? d
		       : 0;
}

int norm_split_tokens(const char *s, size_t len, vec *toks)
{
	size_t pos = 0, n;
	while (pos < len) {
		tok t;
		uint32_t cp;
		if (is_space(norm_cp_at(s, len, pos, &n))) {
			pos += n;
			continue;
		}
		t.off = pos;
		if (pos + 2 < len && s[pos] == '-' && s[pos + 1] == '-' && (su_is_lower(s[pos + 2]) || su_is_upper(s[pos + 2]))) {
			/* a dash glued to the clause it opens: Thailand --yang */
			t.len = 2;
			cut_core(s, &t);
			if (!vec_push(toks, &t))
				return -1;
			t.off = pos += 2;
		} else if ((n = lopsided_dash(s, len, pos, pos)) != 0) {
			t.len = n;
			cut_core(s, &t);
			if (!vec_push(toks, &t))
				return -1;
			t.off = pos += n;
		}
		while (pos < len) {
			unsigned char ch = (unsigned char)s[pos];
			if (ch < 0x80 && ch != ' ' && (ch < '\t' || ch > '\r')) {
				pos++; /* fast path: ASCII, not a space */
				if (ch == '.' && (glued_after_capitals(s, len, t.off, pos) || glued_number_sign(s, len, t.off, pos)))
					break;
				if (ch == ')' && pos < len && pos - 1 > t.off && su_is_upper(s[pos]))
					break; /* a bracket glued to the word after it ends a token: (23/6 / 2017)FP1 */
				continue;
			}
			if (is_space(cp = norm_cp_at(s, len, pos, &n)))
				break;
			pos += n;
			if (cp == 0x2014 && pos - n > t.off && pos < len && (su_is_lower(s[pos]) || su_is_upper(s[pos])))
				break; /* an em dash glued to the word after it ends a token: 3.0—juga */
			if (cp == 0xE2 && pos - n > t.off && mojibake_len(s, len, pos - n)) {
				pos -= n; /* a mojibake mark inside: a token of its own (memasakâ€”ia) */
				break;
			}
		}
		t.len = pos - t.off;
		if ((n = lopsided_dash(s, len, t.off, pos)) != 0 && t.len > n) {
			tok d = {.off = pos - n, .len = n};
			t.len -= n;
			cut_core(s, &t);
			cut_core(s, &d);
			if (!vec_push(toks, &t) || !vec_push(toks, &d))
				return -1;
			continue;
		}
		cut_core(s, &t);
		if (!vec_push(toks, &t))
			return -1;
	}
	return 0;
}

const char *norm_core(const ctx *c, size_t i, size_t *n)
{
	*n = c->t[i].c_len;
	return c->s + c->t[i].c_off;
}

/* Core of token i lowercased into buf (ASCII letters only), "" when too long
 * or out of range. For matching context words like "pukul". */
const char *norm_core_low(const ctx *c, size_t i, char *buf, size_t cap)
{
	size_t n;
	const char *s;
	buf[0] = '\0';
	if (i >= c->nt || (s = norm_core(c, i, &n), n >= cap))
		return buf;
	for (size_t k = 0; k < n; k++)
		buf[k] = su_lower(s[k]);
	buf[n] = '\0';
	return buf;
}

/* Is the core of token i the word w (lowercase ASCII)? Same answer as
 * comparing core_low with w, without the copy. */
int norm_core_is(const ctx *c, size_t i, const char *w)
{
	size_t n, k;
	const char *s;
	if (i >= c->nt)
		return 0;
	s = norm_core(c, i, &n);
	for (k = 0; k < n && w[k]; k++)
		if (su_lower(s[k]) != w[k])
			return 0;
	return k == n && w[k] == '\0';
}

int norm_in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

size_t norm_digit_run(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && su_is_digit(s[k]))
		k++;
	return k;
}

int norm_words(ctx *c, const char *w) { return num_word(c->sp, w); }

/* The space before a word written piecemeal: norm_words(c, "") without the
 * empty append. */
int norm_word_break(ctx *c)
{
	sbuf *b = c->sp;
	return b->len && b->data[b->len - 1] != ' ' ? sbuf_addc(b, ' ') : 0;
}

/* Glue a suffix to the last word written: "puluh" + "an". */
int norm_glue(ctx *c, const char *suffix) { return sbuf_adds(c->sp, suffix); }
