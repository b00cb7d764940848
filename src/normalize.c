/* normalize.c: Indonesian text normalization; see normalize.h.
 * (Temporary pass-through: one piece per whitespace-separated token.) */
#include "normalize.h"

#include <stdlib.h>

#include "utf8.h"

struct norm_rules {
	int unused;
};

int norm_rules_load(norm_rules **out, const char *dir, char *err, size_t errlen)
{
	(void)dir;
	if (errlen)
		err[0] = '\0';
	*out = suara_malloc(sizeof **out);
	return *out ? 0 : -1;
}

void norm_rules_free(norm_rules *r) { free(r); }

static int is_space_at(const char *s, size_t len, size_t pos, size_t *next)
{
	uint32_t cp;
	size_t n = utf8_decode(s + pos, len - pos, &cp);
	if (n == 0)
		n = 1;
	*next = pos + n;
	return n && u_isspace(cp);
}

int norm_sentence(const norm_rules *r, const char *text, size_t len, sbuf *spoken,
		  vec *pieces)
{
	size_t pos = 0, next;
	(void)r;
	while (pos < len) {
		size_t start;
		norm_piece p;
		if (is_space_at(text, len, pos, &next)) {
			pos = next;
			continue;
		}
		start = pos;
		while (pos < len && !is_space_at(text, len, pos, &next))
			pos = next;
		if (spoken->len && sbuf_addc(spoken, ' ') != 0)
			return -1;
		p.src_off = start;
		p.src_len = pos - start;
		p.sp_off = spoken->len;
		p.sp_len = pos - start;
		if (sbuf_add(spoken, text + start, pos - start) != 0 || !vec_push(pieces, &p))
			return -1;
	}
	return 0;
}
