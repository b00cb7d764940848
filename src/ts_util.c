/* ts_util.c: helpers shared by the timestamp writers. */
#include <string.h>

#include "timestamps.h"
#include "utf8.h"

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

int ts_add_seconds(sbuf *b, uint64_t samples, int rate, enum ts_round how)
{
	uint64_t r = (uint64_t)rate;
	uint64_t ms = (samples * 1000 + (how == TS_FLOOR ? 0 : how == TS_CEIL ? r - 1 : r / 2)) / r;
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
