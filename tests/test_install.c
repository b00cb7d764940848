/* test_install.c: `make install` into a fresh prefix gives a library a
 * user's program builds against with pkg-config and renders with, a
 * manual page man reads, and `make uninstall` takes it all away; the
 * library exports nothing but its API; make's required flags survive the
 * user's CFLAGS. */
#include <stdlib.h>
#include <sys/stat.h>

#include "test.h"

#define PREFIX "build/test-tmp/prefix"

/* Run a shell command line; 0 when it exits 0. Its output goes to *out
 * (malloc'd) when out is not NULL. */
static int sh(const char *cmd, char **out)
{
	char *argv[] = {"/bin/sh", "-c", (char *)cmd, NULL};
	char *err = NULL;
	int rc = test_run(argv, NULL, 0, out, NULL, &err);
	if (rc != 0)
		printf("  %s: exit %d: %.400s\n", cmd, rc, err ? err : "");
	free(err);
	return rc;
}

/* make, as a child of this run: without the flags of the make running us
 * (SANITIZE among them), so it builds the release library. */
#define MAKE "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u SANITIZE make -s "

static int exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

/* Every symbol nm lists as defined and global starts with suara_. */
static void check_exports(void)
{
	char *out = NULL;
	const char *build = getenv("SUARA_BUILD") ? getenv("SUARA_BUILD") : "build/rel";
	char cmd[512];
	static const char *const what[] = {"nm -g --defined-only %s/libsuara.a | awk 'NF == 3 {print $3}'",
					   "nm -D --defined-only %s/libsuara.so.* | awk '{print $3}'"};
	for (size_t i = 0; i < 2; i++) {
		size_t n = 0, bad = 0, hooks = 0;
		snprintf(cmd, sizeof cmd, what[i], build);
		if (sh(cmd, &out) != 0) {
			CHECK(0, "%s runs", cmd);
			continue;
		}
		for (char *save = NULL, *s = strtok_r(out, "\n", &save); s; s = strtok_r(NULL, "\n", &save)) {
			n++;
			hooks += strstr(s, "alloc") != NULL;
			if (strncmp(s, "suara_", 6) != 0) {
				if (bad++ < 5)
					printf("  exported without the prefix: %s\n", s);
			}
		}
		CHECK(n >= 10 && bad == 0, "%s: %zu exported symbols, all suara_ (%zu are not)", i ? "libsuara.so" : "libsuara.a",
		      n, bad);
		CHECK(hooks == 0, "%s: no failing-allocator hook in the library (%zu)", i ? "libsuara.so" : "libsuara.a", hooks);
		free(out);
		out = NULL;
	}
}

/* make CFLAGS=-O0 keeps the standard, the feature macros, the warnings
 * and the include paths. */
static void check_user_flags(void)
{
	char *out = NULL;
	if (sh(MAKE "-n -B V=1 CFLAGS=-O0 build/rel/base/buf.o", &out) == 0 && out) {
		CHECK(strstr(out, "-std=c11") && strstr(out, "-D_POSIX_C_SOURCE") && strstr(out, "-Wall") &&
			      strstr(out, "-Iinclude") && strstr(out, "-O0") && !strstr(out, "-O2"),
		      "make CFLAGS=-O0 compiles with the required flags and the user's (%.200s)", out);
	} else {
		CHECK(0, "make -n CFLAGS=-O0 runs");
	}
	free(out);
}

static void check_install(void)
{
	char *out = NULL;
	CHECK(sh("rm -rf " PREFIX, NULL) == 0 && sh(MAKE "install PREFIX=$(pwd)/" PREFIX " >/dev/null", NULL) == 0,
	      "make install PREFIX=" PREFIX);
	CHECK(exists(PREFIX "/bin/suara") && exists(PREFIX "/lib/libsuara.a") && exists(PREFIX "/lib/libsuara.so.0") &&
		      exists(PREFIX "/include/suara.h") && exists(PREFIX "/lib/pkgconfig/suara.pc") &&
		      exists(PREFIX "/share/suara/voices/id/voice.conf") && exists(PREFIX "/share/man/man1/suara.1"),
	      "the program, both libraries, the header, suara.pc, the voice and the manual page are installed");
	CHECK(sh("objdump -p " PREFIX "/lib/libsuara.so | grep -q 'SONAME *libsuara.so.0'", NULL) == 0,
	      "libsuara.so carries its soname");
	CHECK(sh("mkdir -p build/test-tmp/install && PKG_CONFIG_PATH=$(pwd)/" PREFIX "/lib/pkgconfig && "
		 "export PKG_CONFIG_PATH && cc -o build/test-tmp/install/render tests/install/render.c "
		 "$(pkg-config --cflags --libs suara)",
		 NULL) == 0,
	      "a program builds with pkg-config --cflags --libs suara");
	CHECK(sh("cd build/test-tmp/install && rm -f s.wav s.json && LD_LIBRARY_PATH=$(pwd)/../prefix/lib "
		 "./render ../../../voices/id/sample.txt s.wav s && test -s s.wav && grep -q '\"sentences\"' s.json",
		 NULL) == 0,
	      "it renders the sample with the installed library and voice");
	CHECK(sh("man -l " PREFIX "/share/man/man1/suara.1 2>/dev/null | grep -q 'phonemes'", &out) == 0,
	      "man -l shows the manual page");
	free(out);
	CHECK(sh(MAKE "uninstall PREFIX=$(pwd)/" PREFIX " >/dev/null", NULL) == 0 &&
		      sh("test -z \"$(find " PREFIX " -type f -o -type l)\"", NULL) == 0,
	      "make uninstall leaves no file behind");
}

void suite_install(void)
{
	mkdir("build/test-tmp", 0755);
	check_exports();
	check_user_flags();
	check_install();
}
