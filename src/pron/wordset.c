/* wordset.c: see wordset.h. */
#include "pron/wordset.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "base/hash.h"

static size_t hash(const char *s, size_t n) { return (size_t)su_fnv1a(SU_FNV_BASIS, s, n); }

/* Insert s[0..n) (NUL-terminated there), whose hash is h. */
static void insert(wordset *w, const char *s, size_t n, size_t h)
{
	size_t i = h & (w->nslots - 1);
	while (w->slot[i]) {
		if (strncmp(w->slot[i], s, n) == 0 && w->slot[i][n] == '\0')
			return;
		i = (i + 1) & (w->nslots - 1);
	}
	w->slot[i] = s;
}

/* Cut the .dic file (a count on the first line, then word[/flags] lines)
 * into the set: one pass over each line's word, lowering and hashing it
 * (the file is a megabyte: this is most of suara's start-up). */
int wordset_load(wordset *w, const char *path, int names)
{
	FILE *f = fopen(path, "rb");
	size_t len, lines = 0;
	char *p, *end, *nl;
	int rc;
	if (!f)
		return 0;
	rc = su_read_all(f, &w->file, &len);
	fclose(f);
	if (rc != 0)
		return rc == -1 ? -1 : 0;
	end = w->file + len;
	for (p = w->file; (nl = memchr(p, '\n', (size_t)(end - p))) != NULL; p = nl + 1)
		lines++;
	for (w->nslots = 1024; w->nslots < 2 * lines + 2; w->nslots *= 2)
		;
	if (!(w->slot = su_calloc(w->nslots, sizeof *w->slot)))
		return -1;
	for (p = w->file; p < end; p = nl + 1) {
		uint64_t h = SU_FNV_BASIS;
		char *e = p;
		int capital = 0;
		for (; e < end; e++) {
			char c = *e;
			if (su_is_upper(c)) {
				capital = 1;
				c = su_lower(c);
				if (names != WORDSET_CASE)
					*e = c;
			} else if (!su_is_lower(c) && c != '-') {
				break;
			}
			h = (h ^ (unsigned char)c) * 1099511628211ULL;
		}
		nl = e < end ? memchr(e, '\n', (size_t)(end - e)) : NULL;
		if (!nl)
			nl = end;
		if (e > p && (names != WORDSET_SMALL || !capital) && (e == nl || *e == '/' || *e == ' ' || *e == '\t' || *e == '\r')) {
			*e = '\0';
			insert(w, p, (size_t)(e - p), (size_t)h);
		}
	}
	return 0;
}

void wordset_free(wordset *w)
{
	free(w->file);
	free(w->slot);
	w->file = NULL, w->slot = NULL, w->nslots = 0;
}

int wordset_loaded(const wordset *w) { return w->slot != NULL; }

int wordset_has_name(const wordset *w, const char *s, size_t n)
{
	size_t i;
	if (!w->slot || n == 0)
		return 0;
	for (i = hash(s, n) & (w->nslots - 1); w->slot[i]; i = (i + 1) & (w->nslots - 1)) {
		const char *t = w->slot[i];
		size_t k = 1;
		if (t[0] != su_upper(s[0]) || t[n] != '\0')
			continue;
		while (k < n && t[k] == s[k])
			k++;
		if (k == n)
			return 1;
	}
	return 0;
}

int wordset_has(const wordset *w, const char *s, size_t n)
{
	size_t i;
	if (!w->slot || n == 0)
		return 0;
	for (i = hash(s, n) & (w->nslots - 1); w->slot[i]; i = (i + 1) & (w->nslots - 1))
		if (strncmp(w->slot[i], s, n) == 0 && w->slot[i][n] == '\0')
			return 1;
	return 0;
}
