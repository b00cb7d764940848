/* voice.c: see voice.h. */
#define _GNU_SOURCE /* dladdr */
#include "run/voice.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Folder of the running executable, without a trailing slash. */
static int exe_dir(char *out, size_t outlen)
{
	char path[4096];
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
	char *slash;
	if (n <= 0)
		return -1;
	path[n] = '\0';
	slash = strrchr(path, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	return snprintf(out, outlen, "%s", path) < (int)outlen ? 0 : -1;
}

/* Folder of the file libsuara's code was loaded from: libsuara.so, or the
 * program it is linked into. */
static int lib_dir(char *out, size_t outlen)
{
	Dl_info info;
	void *self;
	const char *slash;
	int (*fn)(voice_preset *, const char *, char *, size_t) = voice_load;
	memcpy(&self, &fn, sizeof self); /* ISO C has no cast from code to data */
	if (!dladdr(self, &info) || !info.dli_fname || !(slash = strrchr(info.dli_fname, '/')))
		return -1;
	return snprintf(out, outlen, "%.*s", (int)(slash - info.dli_fname), info.dli_fname) < (int)outlen ? 0 : -1;
}

/* Look for voices/NAME in the folders rel[] below base. */
static int find_below(voice_preset *v, const char *base, const char *name)
{
	static const char *const rel[] = {"voices", "../voices", "../../voices",
					  "../share/suara/voices"};
	for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++)
		if (snprintf(v->dir, sizeof v->dir, "%s/%s/%s", base, rel[i], name) < (int)sizeof v->dir &&
		    is_dir(v->dir))
			return 0;
	return -1;
}

static int find_dir(voice_preset *v, const char *name)
{
	const char *env = getenv("SUARA_VOICES");
	char base[4096];
	if (strchr(name, '/'))
		return is_dir(name) && snprintf(v->dir, sizeof v->dir, "%s", name) < (int)sizeof v->dir ? 0 : -1;
	if (env && *env && snprintf(v->dir, sizeof v->dir, "%s/%s", env, name) < (int)sizeof v->dir &&
	    is_dir(v->dir))
		return 0;
	if (exe_dir(base, sizeof base) == 0 && find_below(v, base, name) == 0)
		return 0;
	/* A program linked with an installed libsuara: PREFIX/lib/../share */
	return lib_dir(base, sizeof base) == 0 ? find_below(v, base, name) : -1;
}

static char *trim(char *s)
{
	char *e;
	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static int set_int(int *dst, const char *val, int lo, int hi)
{
	char *end;
	long n;
	errno = 0;
	n = strtol(val, &end, 10);
	if (errno || end == val || *end || n < lo || n > hi)
		return -1;
	*dst = (int)n;
	return 0;
}

/* Apply one `key = value`; returns 0, or -1 with a reason in *why. */
static int set_key(voice_preset *v, const char *key, const char *val, const char **why)
{
	static const struct { const char *key; size_t field; int lo, hi; } ints[] = {
		{"speed", offsetof(voice_preset, speed), 80, 450},
		{"pitch", offsetof(voice_preset, pitch), 0, 99},
		{"volume", offsetof(voice_preset, volume), 0, 200},
		{"sentence_pause", offsetof(voice_preset, sentence_pause_ms), 0, 10000},
		{"paragraph_pause", offsetof(voice_preset, paragraph_pause_ms), 0, 10000},
	};
	size_t i;
	if (strcmp(key, "espeak_voice") == 0) {
		*why = "voice name too long";
		return snprintf(v->espeak_voice, sizeof v->espeak_voice, "%s", val) <
				       (int)sizeof v->espeak_voice ? 0 : -1;
	}
	if (strcmp(key, "dictionary") == 0) {
		*why = "dictionary path too long";
		return snprintf(v->dictionary, sizeof v->dictionary, "%s", val) <
				       (int)sizeof v->dictionary ? 0 : -1;
	}
	if (strcmp(key, "english") == 0) {
		*why = "dictionary path too long";
		return snprintf(v->english, sizeof v->english, "%s", val) < (int)sizeof v->english ? 0 : -1;
	}
	if (strcmp(key, "english_voice") == 0) {
		*why = "voice name too long";
		return snprintf(v->english_voice, sizeof v->english_voice, "%s", val) <
				       (int)sizeof v->english_voice ? 0 : -1;
	}
	for (i = 0; i < sizeof ints / sizeof ints[0]; i++) {
		if (strcmp(key, ints[i].key) == 0) {
			*why = "value out of range";
			return set_int((int *)((char *)v + ints[i].field), val, ints[i].lo, ints[i].hi);
		}
	}
	*why = "unknown key";
	return -1;
}

static int parse_conf(voice_preset *v, FILE *f, const char *path, char *err, size_t errlen)
{
	char line[1024];
	unsigned lineno = 0;
	while (fgets(line, sizeof line, f)) {
		char *s = trim(line), *eq, *hash;
		const char *why = "expected key = value";
		lineno++;
		if ((hash = strchr(s, '#')) != NULL)
			*hash = '\0', s = trim(s);
		if (!*s)
			continue;
		eq = strchr(s, '=');
		if (eq) {
			*eq = '\0';
			if (set_key(v, trim(s), trim(eq + 1), &why) == 0)
				continue;
		}
		snprintf(err, errlen, "%s:%u: %s", path, lineno, why);
		return -1;
	}
	return 0;
}

int voice_load(voice_preset *v, const char *name_or_dir, char *err, size_t errlen)
{
	char path[4200];
	FILE *f;
	int rc;
	memset(v, 0, sizeof *v);
	snprintf(v->name, sizeof v->name, "%s", name_or_dir);
	snprintf(v->espeak_voice, sizeof v->espeak_voice, "id");
	snprintf(v->dictionary, sizeof v->dictionary, "/usr/share/hunspell/id_ID");
	snprintf(v->english, sizeof v->english, "/usr/share/hunspell/en_US");
	snprintf(v->english_voice, sizeof v->english_voice, "en-us");
	v->speed = 175, v->pitch = 50, v->volume = 100;
	v->sentence_pause_ms = 400, v->paragraph_pause_ms = 800;
	if (find_dir(v, name_or_dir) != 0) {
		snprintf(err, errlen, "voice '%s' not found (looked in $SUARA_VOICES and voices/ beside the program)",
			 name_or_dir);
		return -1;
	}
	snprintf(path, sizeof path, "%s/voice.conf", v->dir);
	f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	rc = parse_conf(v, f, path, err, errlen);
	fclose(f);
	return rc;
}
