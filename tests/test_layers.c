/* test_layers.c: every file of src/ includes only the folders its layer
 * may (docs/architecture.md), each header with its folder, the two outside
 * libraries through their one door each, and the library allocates only
 * through base/buf.c's allocator. */
#include <dirent.h>
#include <stdlib.h>

#include "test.h"

static const struct {
	const char *layer, *allowed; /* a space-separated list */
} rules[] = {
	{"base", "base"},
	{"text", "base text"},
	{"pron", "base pron"},
	{"engine", "base text pron engine"},
	{"audio", "base audio"},
	{"export", "base export"},
	{"run", "base text pron engine audio export run"},
	{"cli", "cli base/hash.h"},
};

static const char *allowed_for(const char *layer)
{
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(rules[i].layer, layer) == 0)
			return rules[i].allowed;
	return NULL;
}

/* Is folder (folder[0..n)) in the space-separated list? */
static int listed(const char *list, const char *folder, size_t n)
{
	for (const char *p = list; *p;) {
		size_t k = strcspn(p, " ");
		if (k == n && strncmp(p, folder, n) == 0)
			return 1;
		p += k + (p[k] == ' ');
	}
	return 0;
}

/* Does the library's code call malloc, calloc, realloc or strdup itself,
 * past the failing allocator of base/buf.c (su_malloc and kin) that the
 * tests use to fail the n-th allocation? Counts the calls, printing each. */
static int direct_allocations(const char *layer, const char *path, const char *text)
{
	static const char *const calls[] = {"malloc(", "calloc(", "realloc(", "strdup(", "strndup("};
	int bad = 0;
	if (strcmp(layer, "cli") == 0 || strcmp(path, "src/base/buf.c") == 0)
		return 0;
	for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++)
		for (const char *p = text; (p = strstr(p, calls[i])) != NULL; p++)
			if (p == text || !(p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z'))) {
				printf("  %s: calls %.*s directly\n", path, (int)strlen(calls[i]) - 1, calls[i]);
				bad++;
			}
	return bad;
}

/* Count the includes of path (in layer) that break the rules, printing
 * each. */
static int check_file(const char *layer, const char *path)
{
	size_t len;
	char *text = test_read_file(path, &len);
	const char *allowed = allowed_for(layer);
	int bad = 0;
	if (!text || !allowed)
		return 1;
	for (char *p = text; (p = strstr(p, "#include ")) != NULL; p++) {
		const char *name = p + 9, *slash, *end;
		if (*name == '<') {
			if ((strncmp(name, "<espeak-ng/", 11) == 0 && strcmp(path, "src/engine/synth.c") != 0) ||
			    (strncmp(name, "<sndfile.h>", 11) == 0 && strcmp(path, "src/audio/audio.c") != 0)) {
				printf("  %s: %.*s outside its door\n", path, (int)strcspn(name, "\n"), name);
				bad++;
			}
			continue;
		}
		if (*name++ != '"' || !(end = strchr(name, '"')))
			continue;
		if (strncmp(name, "suara.h\"", 8) == 0)
			continue;
		slash = memchr(name, '/', (size_t)(end - name));
		if (!slash || !(listed(allowed, name, (size_t)(slash - name)) ||
				listed(allowed, name, (size_t)(end - name)))) {
			printf("  %s: #include \"%.*s\" is not allowed in %s/\n", path, (int)(end - name), name, layer);
			bad++;
		}
	}
	bad += direct_allocations(layer, path, text);
	free(text);
	return bad;
}

void suite_layers(void)
{
	DIR *src = opendir("src");
	struct dirent *d;
	int files = 0, bad = 0;
	CHECK(src != NULL, "src/ can be listed");
	while (src && (d = readdir(src)) != NULL) {
		char dir[300];
		DIR *sub;
		struct dirent *f;
		if (d->d_name[0] == '.')
			continue;
		snprintf(dir, sizeof dir, "src/%s", d->d_name);
		if (!(sub = opendir(dir))) {
			printf("  src/%s is a file outside any layer\n", d->d_name);
			bad++;
			continue;
		}
		CHECK(allowed_for(d->d_name) != NULL, "src/%s/ is a layer of docs/architecture.md", d->d_name);
		while ((f = readdir(sub)) != NULL) {
			char path[600];
			size_t n = strlen(f->d_name);
			if (n < 3 || (strcmp(f->d_name + n - 2, ".c") != 0 && strcmp(f->d_name + n - 2, ".h") != 0))
				continue;
			snprintf(path, sizeof path, "%s/%s", dir, f->d_name);
			bad += check_file(d->d_name, path);
			files++;
		}
		closedir(sub);
	}
	if (src)
		closedir(src);
	CHECK(files > 30, "the layers hold the sources (%d files)", files);
	CHECK(bad == 0, "every include is one its layer may make, every allocation through su_malloc (%d are not)", bad);
}
