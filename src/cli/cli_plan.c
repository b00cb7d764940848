/* cli_plan.c: see cli_plan.h. */
#define _DEFAULT_SOURCE /* scandir, alphasort */
#include "cli/cli_plan.h"

#include "base/hash.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_DEPTH 64

/* The test harness's failing allocator defines this (tests/main.c); the
 * program does not, and then it is NULL. */
extern int su_test_alloc_fails(void) __attribute__((weak, visibility("hidden")));

static void *plan_malloc(size_t n) { return su_test_alloc_fails && su_test_alloc_fails() ? NULL : malloc(n); }

static void *plan_realloc(void *p, size_t n)
{
	return su_test_alloc_fails && su_test_alloc_fails() ? NULL : realloc(p, n);
}

static char *dup_str(const char *s, size_t n)
{
	char *d = plan_malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static char *join(const char *a, const char *sep, const char *b)
{
	size_t na = strlen(a), ns = strlen(sep), nb = strlen(b);
	char *d = plan_malloc(na + ns + nb + 1);
	if (d) {
		memcpy(d, a, na);
		memcpy(d + na, sep, ns);
		memcpy(d + na + ns, b, nb + 1);
	}
	return d;
}

/* key: rel without its extension (a leading dot is not an extension). */
static char *strip_ext(const char *rel)
{
	const char *slash = strrchr(rel, '/'), *name = slash ? slash + 1 : rel;
	const char *dot = strrchr(name, '.');
	return dup_str(rel, dot && dot != name ? (size_t)(dot - rel) : strlen(rel));
}

static int push(plan *p, const plan_opts *o, const char *input, const char *rel,
		unsigned long long bytes, int from_folder)
{
	plan_item it = {0};
	const char *sep = o->outdir[0] && o->outdir[strlen(o->outdir) - 1] != '/' ? "/" : "";
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		plan_item *items = plan_realloc(p->items, cap * sizeof *items);
		if (!items)
			return -1;
		p->items = items, p->cap = cap;
	}
	it.input = dup_str(input, strlen(input));
	it.key = strip_ext(rel);
	it.base = it.key ? join(o->outdir, sep, it.key) : NULL;
	it.wav = it.base ? join(it.base, "", ".wav") : NULL;
	it.bytes = bytes;
	it.from_folder = from_folder;
	if (!it.input || !it.key || !it.base || !it.wav) { /* no half item */
		free(it.input), free(it.key), free(it.base), free(it.wav);
		return -1;
	}
	p->items[p->n++] = it;
	return 0;
}

static int is_txt(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcmp(name + n - 4, ".txt") == 0 && name[0] != '.';
}

/* Every .txt file below dir, in byte order; rel is dir's path below the root. */
static int walk(plan *p, const plan_opts *o, const char *dir, const char *rel, int depth,
		char *err, size_t errlen)
{
	struct dirent **names = NULL;
	int n = scandir(dir, &names, NULL, alphasort), i, rc = 0;
	if (n < 0 || depth > MAX_DEPTH) {
		snprintf(err, errlen, "%s: %s", dir, n < 0 ? strerror(errno) : "folders nested too deep");
		return -1;
	}
	for (i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		char *path = join(dir, "/", name), *sub = *rel ? join(rel, "/", name) : join("", "", name);
		struct stat st;
		if (!path || !sub)
			rc = -1, snprintf(err, errlen, "out of memory");
		else if (name[0] == '.' || stat(path, &st) != 0)
			; /* hidden entries (our own temporary files among them) */
		else if (S_ISDIR(st.st_mode))
			rc = walk(p, o, path, sub, depth + 1, err, errlen);
		else if (S_ISREG(st.st_mode) && is_txt(name) && push(p, o, path, sub, (unsigned long long)st.st_size, 1))
			rc = -1, snprintf(err, errlen, "out of memory");
		free(path), free(sub);
		if (rc)
			break;
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int plan_add(plan *p, const plan_opts *o, const char *input, char *err, size_t errlen)
{
	struct stat st;
	const char *slash = strrchr(input, '/');
	if (strcmp(input, "-") == 0)
		return push(p, o, input, "stdin", 0, 0) ? (snprintf(err, errlen, "out of memory"), -1) : 0;
	if (stat(input, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (!o->recursive) {
			snprintf(err, errlen, "%s: is a folder (use -r to render the .txt files in it)", input);
			return -1;
		}
		return walk(p, o, input, "", 0, err, errlen);
	}
	/* Missing or unreadable files become targets: rendering reports them. */
	if (push(p, o, input, slash ? slash + 1 : input,
		 stat(input, &st) == 0 ? (unsigned long long)st.st_size : 0, 0) != 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

int plan_set_wav(plan *p, const char *wav, char *err, size_t errlen)
{
	plan_item *it = &p->items[0];
	char *w = dup_str(wav, strlen(wav)), *b = dup_str(wav, strlen(wav) - 4);
	if (!w || !b) { /* the item keeps its old names */
		free(w), free(b);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	free(it->wav), free(it->base);
	it->wav = w, it->base = b;
	return 0;
}

static int by_wav(const void *a, const void *b)
{
	return strcmp((*(const plan_item *const *)a)->wav, (*(const plan_item *const *)b)->wav);
}

int plan_check_unique(const plan *p, char *err, size_t errlen)
{
	const plan_item **sorted = plan_malloc((p->n + 1) * sizeof *sorted);
	size_t i;
	int rc = 0;
	if (!sorted)
		return snprintf(err, errlen, "out of memory"), -1;
	for (i = 0; i < p->n; i++)
		sorted[i] = &p->items[i];
	qsort(sorted, p->n, sizeof *sorted, by_wav);
	for (i = 1; i < p->n && rc == 0; i++) {
		if (strcmp(sorted[i - 1]->wav, sorted[i]->wav) == 0) {
			snprintf(err, errlen, "%s and %s would both be written to %s", sorted[i - 1]->input,
				 sorted[i]->input, sorted[i]->wav);
			rc = -1;
		}
	}
	free(sorted);
	return rc;
}

/* FNV-1a: stable across machines and runs, so every machine of a sharded
 * run computes the same slices from the same file names. */
static uint64_t fnv1a(const char *s) { return su_fnv1a(SU_FNV_BASIS, s, strlen(s)); }

static void item_free(plan_item *it)
{
	free(it->input), free(it->key), free(it->wav), free(it->base);
}

void plan_shard(plan *p, const plan_opts *o)
{
	size_t i, kept = 0;
	if (o->shard_n == 0)
		return;
	for (i = 0; i < p->n; i++) {
		if (fnv1a(p->items[i].key) % o->shard_n == o->shard_k - 1)
			p->items[kept++] = p->items[i];
		else
			item_free(&p->items[i]);
	}
	p->n = kept;
}

int plan_make_dirs(const plan *p, char *err, size_t errlen)
{
	size_t i, k;
	for (i = 0; i < p->n; i++) {
		char *path = p->items[i].wav;
		for (k = 1; path[k]; k++) {
			if (path[k] != '/')
				continue;
			path[k] = '\0';
			if (mkdir(path, 0777) != 0 && errno != EEXIST) {
				snprintf(err, errlen, "%s: cannot create folder: %s", path, strerror(errno));
				path[k] = '/';
				return -1;
			}
			path[k] = '/';
		}
	}
	return 0;
}

void plan_free(plan *p)
{
	size_t i;
	for (i = 0; i < p->n; i++)
		item_free(&p->items[i]);
	free(p->items);
	p->items = NULL;
	p->n = p->cap = 0;
}
