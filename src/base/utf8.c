/* utf8.c: see utf8.h. The decoder follows Lua's lutf8lib.c: strict, with the
 * limits of RFC 3629. */
#include "base/utf8.h"

#include <utf8proc.h>

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	static const uint32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c = u[0];
	size_t n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, c &= 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, c &= 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, c &= 0x07;
	else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min_for_len[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t utf8_validate(const char *s, size_t len)
{
	size_t pos = 0;
	uint32_t cp;
	while (pos < len) {
		size_t n = utf8_decode(s + pos, len - pos, &cp);
		if (n == 0)
			return pos;
		pos += n;
	}
	return len;
}

uint32_t utf8_next(const char *s, size_t len, size_t *pos)
{
	uint32_t cp;
	size_t n;
	if (*pos >= len)
		return 0;
	if ((unsigned char)s[*pos] < 0x80) /* fast path: most text is ASCII */
		return (uint32_t)(unsigned char)s[(*pos)++];
	n = utf8_decode(s + *pos, len - *pos, &cp);
	if (n == 0) { /* not validated: treat the byte as U+FFFD */
		*pos += 1;
		return 0xFFFD;
	}
	*pos += n;
	return cp;
}

uint32_t utf8_prev(const char *s, size_t *pos)
{
	size_t p = *pos, start;
	uint32_t cp;
	if (p == 0)
		return 0;
	if ((unsigned char)s[p - 1] < 0x80) { /* fast path, as in utf8_next */
		*pos = p - 1;
		return (unsigned char)s[p - 1];
	}
	start = p - 1;
	while (start > 0 && p - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
		start--;
	if (utf8_decode(s + start, p - start, &cp) != p - start) {
		*pos = p - 1;
		return 0xFFFD;
	}
	*pos = start;
	return cp;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)out);
	return n > 0 ? (size_t)n : 0;
}

static utf8proc_category_t cat(uint32_t cp)
{
	return utf8proc_category((utf8proc_int32_t)cp);
}

/* ASCII answers without the Unicode tables (hot in segmentation). */
#define ASCII_UPPER(c) ((c) >= 'A' && (c) <= 'Z')
#define ASCII_LOWER(c) ((c) >= 'a' && (c) <= 'z')

int u_isalpha(uint32_t cp)
{
	utf8proc_category_t c;
	if (cp < 0x80)
		return ASCII_UPPER(cp) || ASCII_LOWER(cp);
	c = cat(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int u_isupper(uint32_t cp)
{
	utf8proc_category_t c;
	if (cp < 0x80)
		return ASCII_UPPER(cp);
	c = cat(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int u_islower(uint32_t cp) { return cp < 0x80 ? ASCII_LOWER(cp) : cat(cp) == UTF8PROC_CATEGORY_LL; }
int u_isdigit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

int u_isalnum(uint32_t cp)
{
	utf8proc_category_t c;
	if (cp < 0x80)
		return ASCII_UPPER(cp) || ASCII_LOWER(cp) || (cp >= '0' && cp <= '9');
	c = cat(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
	       c == UTF8PROC_CATEGORY_ND;
}

int u_isspace(uint32_t cp)
{
	if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85)
		return 1;
	if (cp < 0x80)
		return 0;
	return cat(cp) == UTF8PROC_CATEGORY_ZS || cp == 0x2028 || cp == 0x2029;
}

int u_isinvisible(uint32_t cp) { return cp >= 0x80 && cat(cp) == UTF8PROC_CATEGORY_CF; }

int u_ispictograph(uint32_t cp)
{
	int b;
	if (cp < 0xA9)
		return 0;
	b = utf8proc_get_property((utf8proc_int32_t)cp)->boundclass;
	return b == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC || b == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR;
}

size_t utf8_cluster_end(const char *s, size_t len, size_t pos)
{
	utf8proc_int32_t state = 0;
	uint32_t prev, cp;
	size_t next;
	if (pos >= len)
		return len;
	prev = utf8_next(s, len, &pos);
	while (pos < len) {
		next = pos;
		cp = utf8_next(s, len, &next);
		if (utf8proc_grapheme_break_stateful((utf8proc_int32_t)prev, (utf8proc_int32_t)cp, &state))
			break;
		prev = cp;
		pos = next;
	}
	return pos;
}

uint32_t u_tolower(uint32_t cp)
{
	if (cp < 0x80)
		return ASCII_UPPER(cp) ? cp + 32 : cp;
	return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}
