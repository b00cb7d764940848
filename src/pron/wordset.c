/* wordset.c: see wordset.h.
 *
 * The .dic file is mapped read-only and never copied or changed: a slot
 * of the open-addressing table holds a word's offset in the file, its
 * length and 24 more bits of its hash, so a probe compares the words
 * themselves only when those agree. Loading is one pass over the file's
 * bytes; the pages of the file are the page cache's, shared by every
 * process that maps it and by every worker forked from this one. */
#define _DEFAULT_SOURCE /* MAP_POPULATE */
#include "pron/wordset.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "base/hash.h"

#define SLOT_OFF(s) ((size_t)((s) & 0xffffffffu))
#define SLOT_TAG(h) ((uint64_t)(h) >> 40 << 40)
#define WORD_MAX 255
#define AHEAD 16

/* Is the stored t[0..n) the lowercase s[0..n), as w's mode compares? */
static int same(const wordset *w, const char *t, const char *s, size_t n)
{
	size_t i;
	if (w->mode != WORDSET_ALL)
		return memcmp(t, s, n) == 0;
	for (i = 0; i < n; i++)
		if (su_lower(t[i]) != s[i])
			return 0;
	return 1;
}

/* Insert the word at off, n bytes, whose lowered hash is h; a word the
 * set has already (as the mode compares) is kept once. */
static void insert(wordset *w, size_t off, size_t n, uint64_t h)
{
	if (w->count + 1 > w->nslots - w->nslots / 4) { /* the count line lied: wordset_load counts */
		w->full = 1;
		return;
	}
	size_t mask = w->nslots - 1, i = (size_t)h & mask;
	uint64_t slot = SLOT_TAG(h) | (uint64_t)n << 32 | (uint64_t)off;
	char low[WORD_MAX];
	size_t k;
	for (k = 0; k < n; k++)
		low[k] = w->mode == WORDSET_ALL ? su_lower(w->file[off + k]) : w->file[off + k];
	for (; w->slot[i]; i = (i + 1) & mask)
		if ((w->slot[i] >> 32) == (slot >> 32) && same(w, w->file + SLOT_OFF(w->slot[i]), low, n))
			return;
	w->slot[i] = slot;
	w->count++;
}

static size_t count_lines(const char *s, size_t len)
{
	size_t lines = 0;
	for (const char *p = s, *end = s + len; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		lines++;
	return lines + 1;
}

/* Make w's table for about lines words and put the file's words in: 0, or
 * -1 when out of memory. */
static int fill(wordset *w, size_t lines)
{
	const char *p, *end = w->file + w->len, *nl;
	size_t next = 0, queued = 0;
	struct {
		size_t off, len;
		uint64_t h;
	} ahead[AHEAD];
	int names = w->mode;
	for (w->nslots = 1024; w->nslots < lines + lines / 2 + 2; w->nslots *= 2)
		;
	if (!(w->slot = su_calloc(w->nslots, sizeof *w->slot)))
		return -1;
	/* A word's slot is prefetched when it is read and filled AHEAD words
	 * later: the table is bigger than the caches, and a miss per word
	 * was most of the load. */
	for (p = w->file; p < end; p = nl + 1) {
		uint64_t h = SU_FNV_BASIS;
		const char *e = p;
		int capital = 0;
		for (; e < end; e++) {
			char c = *e;
			if (su_is_upper(c)) {
				capital = 1;
				c = su_lower(c);
			} else if (!su_is_lower(c) && c != '-' && c != '\'') {
				break;
			}
			h = (h ^ (unsigned char)c) * 1099511628211ULL;
		}
		nl = e < end ? memchr(e, '\n', (size_t)(end - e)) : NULL;
		if (!nl)
			nl = end;
		if (e > p && e - p <= WORD_MAX && (names != WORDSET_SMALL || !capital) &&
		    (e == nl || *e == '/' || *e == ' ' || *e == '\t' || *e == '\r')) {
			size_t at;
			__builtin_prefetch(&w->slot[(size_t)h & (w->nslots - 1)], 1);
			if (queued == AHEAD) { /* the oldest in */
				insert(w, ahead[next].off, ahead[next].len, ahead[next].h);
				next = (next + 1) % AHEAD, queued--;
			}
			at = (next + queued++) % AHEAD;
			ahead[at].off = (size_t)(p - w->file), ahead[at].len = (size_t)(e - p), ahead[at].h = h;
		}
	}
	for (; queued; queued--, next = (next + 1) % AHEAD)
		insert(w, ahead[next].off, ahead[next].len, ahead[next].h);
	return 0;
}

int wordset_load(wordset *w, const char *path, int names)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	size_t len, lines = 0, i;
	int saved;
	if (fd < 0) /* no such file: no such list */
		return errno == ENOENT || errno == ENOTDIR ? 0 : -1;
	if (fstat(fd, &st) != 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size >= 0xffffffffu || st.st_size == 0) {
		close(fd);
		errno = EINVAL;
		return st.st_size == 0 && S_ISREG(st.st_mode) ? 0 : -1; /* empty: an empty list */
	}
	len = (size_t)st.st_size;
	w->file = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	saved = errno;
	close(fd);
	if (w->file == MAP_FAILED) {
		w->file = NULL;
		errno = saved;
		return -1;
	}
	w->len = len;
	w->mode = names;
	/* hunspell's first line is the number of words: the table's size
	 * without a pass over the file to count its lines */
	for (i = 0; i < len && i < 12 && su_is_digit(w->file[i]); i++)
		lines = lines * 10 + (size_t)(w->file[i] - '0');
	if (i == 0 || i >= len || (w->file[i] != '\n' && w->file[i] != '\r'))
		lines = count_lines(w->file, len);
	if (fill(w, lines) != 0)
		goto nomem;
	if (w->full) { /* the first line said fewer words than there are */
		free(w->slot);
		w->slot = NULL, w->count = 0, w->full = 0;
		if (fill(w, count_lines(w->file, len)) != 0)
			goto nomem;
	}
	return 0;
nomem:
	wordset_free(w);
	errno = ENOMEM;
	return -1;
}

void wordset_free(wordset *w)
{
	if (w->file)
		munmap((void *)w->file, w->len);
	free(w->slot);
	memset(w, 0, sizeof *w);
}

int wordset_loaded(const wordset *w) { return w->slot != NULL; }

/* How many affix flags (capitals after a '/') follow the word at off, n
 * bytes long, in the file? */
static size_t flags_after(const wordset *w, size_t off, size_t n)
{
	size_t f = off + n, flags = 0;
	if (f < w->len && w->file[f] == '/')
		for (f++; f < w->len && w->file[f] >= 'A' && w->file[f] <= 'Z'; f++)
			flags++;
	return flags;
}

/* Has the word at off, n bytes long, the affix flag f? */
static int has_flag(const wordset *w, size_t off, size_t n, char f)
{
	size_t k = off + n;
	if (k >= w->len || w->file[k] != '/')
		return 0;
	for (k++; k < w->len && w->file[k] != '\n' && w->file[k] != ' ' && w->file[k] != '\t'; k++)
		if (w->file[k] == f)
			return 1;
	return 0;
}

/* Is there a word whose hash is that of the lowercase s[0..n), which is s
 * as the mode compares (name: s with a capital first), has min_flags
 * affix flags or more and, unless flag is 0, the affix flag flag? */
static int lookup(const wordset *w, const char *s, size_t n, int name, size_t min_flags, char flag)
{
	uint64_t h, key;
	size_t i, mask;
	if (!w->slot || n == 0 || n > WORD_MAX)
		return 0;
	h = su_fnv1a(SU_FNV_BASIS, s, n);
	key = (SLOT_TAG(h) | (uint64_t)n << 32) >> 32;
	mask = w->nslots - 1;
	for (i = (size_t)h & mask; w->slot[i]; i = (i + 1) & mask) {
		size_t off;
		const char *t;
		if ((w->slot[i] >> 32) != key)
			continue;
		off = SLOT_OFF(w->slot[i]);
		t = w->file + off;
		if ((name ? t[0] == su_upper(s[0]) && memcmp(t + 1, s + 1, n - 1) == 0 : same(w, t, s, n)) &&
		    (min_flags == 0 || flags_after(w, off, n) >= min_flags) && (!flag || has_flag(w, off, n, flag)))
			return 1;
	}
	return 0;
}

int wordset_has(const wordset *w, const char *s, size_t n)
{
	if (lookup(w, s, n, 0, 0, 0))
		return 1;
	for (size_t k = 0; k < w->npfx; k++) { /* replay: play/A, A being re */
		size_t a = strlen(w->pfx[k]);
		if (n >= a + 3 && memcmp(s, w->pfx[k], a) == 0 && lookup(w, s + a, n - a, 0, 0, w->pfx_flag[k]))
			return 1;
	}
	return 0;
}

int wordset_load_prefixes(wordset *w, const char *path)
{
	FILE *f = fopen(path, "r");
	char line[256];
	if (!f)
		return errno == ENOENT || errno == ENOTDIR ? 0 : -1;
	while (fgets(line, sizeof line, f)) {
		char flag[8], strip[8], add[16], cond[8], extra[8];
		/* PFX A 0 re . : five fields, nothing stripped, any word */
		if (strncmp(line, "PFX ", 4) != 0 ||
		    sscanf(line + 4, "%7s %7s %15s %7s %7s", flag, strip, add, cond, extra) != 4 || strlen(flag) != 1 ||
		    strcmp(strip, "0") != 0 || strcmp(cond, ".") != 0 || strlen(add) >= sizeof w->pfx[0] ||
		    strspn(add, "abcdefghijklmnopqrstuvwxyz") != strlen(add) || w->npfx == WORDSET_PREFIXES)
			continue;
		w->pfx_flag[w->npfx] = flag[0];
		memcpy(w->pfx[w->npfx++], add, strlen(add) + 1);
	}
	fclose(f);
	return 0;
}

int wordset_inflected(const wordset *w, const char *s, size_t n) { return lookup(w, s, n, 0, 2, 0); }

int wordset_has_name(const wordset *w, const char *s, size_t n) { return lookup(w, s, n, 1, 0, 0); }
