/* table.c: see table.h. */
#include "text/table.h"
#include "base/ascii.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "base/utf8.h"

static unsigned len_bit(size_t n) { return n < LEN_BITS - 1 ? (unsigned)n : LEN_BITS - 1; }

/* The hash of a key, folded to a Bloom filter bit. */
static unsigned bloom_bit(uint32_t h) { return (unsigned)(h ^ (h >> 16)) % BLOOM_BITS; }

static unsigned key_hash(const char *s, size_t n)
{
	uint64_t h = su_fnv1a(SU_FNV_BASIS, s, n);
	return bloom_bit((uint32_t)(h ^ (h >> 32)));
}

int table_fail(char *err, size_t errlen, const char *path, size_t line, const char *msg)
{
	if (errlen) {
		if (line)
			snprintf(err, errlen, "%s:%zu: %s", path, line, msg);
		else
			snprintf(err, errlen, "%s: %s", path, msg);
	}
	return -1;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

static const char *const class_names[] = {"title", "abbrev", "starter", "runon", "label", "word"};

const char *table_class_name(int cls) { return cls >= 0 && cls < AB_NONE ? class_names[cls] : ""; }

/* The words of s, cut at single spaces. */
static size_t count_words(const char *s)
{
	size_t n = 1;
	for (; *s; s++)
		n += *s == ' ';
	return n;
}

/* Cut one line (NUL-terminated, no LF) into an entry: written<TAB>spoken,
 * and <TAB>class with classes. NULL when fine, else the problem. */
static const char *parse_line(char *line, entry *e, int classes)
{
	size_t n = strlen(line);
	char *tab, *cls = NULL;
	if (n && line[n - 1] == '\r')
		line[--n] = '\0';
	tab = strchr(line, '\t');
	if (!tab)
		return classes ? "expected written<TAB>spoken<TAB>class (no tab)" : "expected written<TAB>spoken (no tab)";
	*tab = '\0';
	if ((cls = strchr(tab + 1, '\t')) != NULL)
		*cls++ = '\0';
	if (!classes != !cls)
		return classes ? "expected written<TAB>spoken<TAB>class" : "expected two columns, written<TAB>spoken";
	e->cls = AB_NONE;
	for (int k = 0; cls && k < AB_NONE; k++)
		if (strcmp(cls, class_names[k]) == 0)
			e->cls = k;
	if (classes && e->cls == AB_NONE)
		return "unknown class (expected title, abbrev, starter, runon, label or word)";
	if (tab == line)
		return "empty written form";
	if (tab[1] == '\0')
		return "empty spoken form (write - for a word said as written)";
	e->key = line;
	e->val = classes && strcmp(tab + 1, "-") == 0 ? NULL : tab + 1;
	if (strchr(line, ' ') && (!e->val || count_words(line) != count_words(e->val)))
		return "a written form of several words needs as many spoken words, one for each";
	return NULL;
}

/* The bit of a word in a table's first_word filter: its hash with ASCII
 * letters lowercased. */
static unsigned first_word_bit(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t k = 0; k < n; k++)
		h = (h ^ (unsigned char)su_lower(s[k])) * 16777619u;
	return (unsigned)(h ^ (h >> 15)) % SPACED_BITS;
}

int table_may_start(const table *t, const char *s, size_t n)
{
	unsigned b;
	unsigned char f;
	if (!t->spaced || n == 0 || !((t->first_lens >> len_bit(n)) & 1))
		return 0;
	f = (unsigned char)su_lower(s[0]);
	if (!((t->first_bytes[f / 8] >> (f % 8)) & 1))
		return 0;
	b = first_word_bit(s, n);
	return (t->first_word[b / 8] >> (b % 8)) & 1;
}

static int parse_table(table *t, size_t len, const char *path, int classes, char *err, size_t errlen)
{
	size_t lines = 1, lineno = 0;
	char *p = t->mem, *end = t->mem + len;
	for (size_t i = 0; i < len; i++)
		lines += t->mem[i] == '\n';
	if (!(t->e = su_malloc(lines * sizeof *t->e)))
		return table_fail(err, errlen, path, 0, "out of memory");
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *why;
		if (nl)
			*nl = '\0';
		lineno++;
		if (*p && *p != '#' && *p != '\r') {
			if ((why = parse_line(p, &t->e[t->n], classes)) != NULL)
				return table_fail(err, errlen, path, lineno, why);
			const char *sp = strchr(t->e[t->n].key, ' ');
			if (sp) {
				unsigned b = first_word_bit(t->e[t->n].key, (size_t)(sp - t->e[t->n].key));
				unsigned char f = (unsigned char)su_lower(t->e[t->n].key[0]);
				t->spaced = 1;
				t->first_word[b / 8] |= (unsigned char)(1u << (b % 8));
				t->first_lens |= (uint64_t)1 << len_bit((size_t)(sp - t->e[t->n].key));
				t->first_bytes[f / 8] |= (unsigned char)(1u << (f % 8));
			}
			t->e[t->n++].line = lineno;
		}
		p = nl ? nl + 1 : end;
	}
	return 0;
}

int table_load(table *t, const char *dir, const char *name, int classes, char *err, size_t errlen)
{
	char path[4096];
	size_t len, bad;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (su_read_file(path, &t->mem, &len, err, errlen) != 0)
		return -1;
	if ((bad = utf8_validate(t->mem, len)) != len || memchr(t->mem, '\0', len)) {
		snprintf(path + strlen(path), sizeof path - strlen(path), " (byte %zu)", bad);
		return table_fail(err, errlen, path, 0, "invalid UTF-8");
	}
	if (parse_table(t, len, path, classes, err, errlen) != 0)
		return -1;
	qsort(t->e, t->n, sizeof *t->e, entry_cmp);
	for (size_t i = 0; i < t->n; i++) {
		size_t n = strlen(t->e[i].key);
		unsigned h = key_hash(t->e[i].key, n);
		unsigned char b = (unsigned char)t->e[i].key[0];
		t->bloom[h >> 3] |= (unsigned char)(1u << (h & 7));
		t->first[b >> 3] |= (unsigned char)(1u << (b & 7));
		t->lens |= (uint64_t)1 << len_bit(n);
	}
	for (size_t i = 1; i < t->n; i++)
		if (strcmp(t->e[i - 1].key, t->e[i].key) == 0) {
			snprintf(path + strlen(path), sizeof path - strlen(path), ":%zu: '%s' (also line %zu)",
				 t->e[i].line > t->e[i - 1].line ? t->e[i].line : t->e[i - 1].line, t->e[i].key,
				 t->e[i].line > t->e[i - 1].line ? t->e[i - 1].line : t->e[i].line);
			return table_fail(err, errlen, path, 0, "duplicate written form");
		}
	return 0;
}

/* Compare a NUL-terminated key with s[0..n) as unsigned bytes. */
static int key_cmp(const char *key, const char *s, size_t n)
{
	const unsigned char *k = (const unsigned char *)key, *t = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		if (k[i] != t[i] || k[i] == 0)
			return k[i] < t[i] ? -1 : k[i] > t[i] ? 1 : -1;
	}
	return k[n] != 0;
}

/* Can t hold a key of n bytes starting with byte b? */
static int may_hold(const table *t, unsigned char b, size_t n)
{
	return (t->lens >> len_bit(n) & 1) && (t->first[b >> 3] & (1u << (b & 7)));
}

/* Exact lookup of s[0..n), n > 0, whose key_hash is h: the Bloom filter,
 * then bsearch on the sorted keys. */
static const entry *find_hashed(const table *t, const char *s, size_t n, unsigned h)
{
	size_t lo = 0, hi = t->n;
	if (!(t->bloom[h >> 3] & (1u << (h & 7))))
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = key_cmp(t->e[mid].key, s, n);
		if (c == 0)
			return &t->e[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Exact lookup of s[0..n). */
static const entry *lookup_entry(const table *t, const char *s, size_t n)
{
	if (!n || !may_hold(t, (unsigned char)s[0], n))
		return NULL;
	return find_hashed(t, s, n, key_hash(s, n));
}

const char *table_lookup(const table *t, const char *s, size_t n)
{
	const entry *e = lookup_entry(t, s, n);
	return e ? e->val : NULL;
}

/* Exact, then with ASCII letters lowercased (keys of at least min_fold
 * bytes only, so "M" does not become "m"). */
const entry *table_lookup_fold_entry(const table *t, const char *s, size_t n, size_t min_fold)
{
	char low[64];
	const entry *v = lookup_entry(t, s, n);
	int changed = 0;
	if (v || n < min_fold || n >= sizeof low ||
	    !may_hold(t, (unsigned char)su_lower(s[0]), n))
		return v;
	for (size_t i = 0; i < n; i++) {
		low[i] = su_lower(s[i]);
		changed |= low[i] != s[i];
	}
	return changed ? find_hashed(t, low, n, key_hash(low, n)) : NULL;
}

const char *table_lookup_fold(const table *t, const char *s, size_t n, size_t min_fold)
{
	const entry *e = table_lookup_fold_entry(t, s, n, min_fold);
	return e ? e->val : NULL;
}

void table_free(table *t)
{
	free(t->e);
	free(t->mem);
	t->e = NULL, t->mem = NULL, t->n = 0;
}
