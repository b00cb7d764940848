/* test_browser.c: the WebVTT files and the read-along page in a real
 * browser. Renders the hostile fixture of test_timestamps.c, then runs
 * `node tests/browser/run.mjs DIR` (Debian's chromium driven by
 * playwright-core; tests/browser/setup.sh installs them, from `make deps`)
 * and turns each `ok NAME` / `FAIL NAME: why` line into one check. A
 * missing node, chromium or playwright-core is a failure, not a skip. */
#include <stdlib.h>
#include <unistd.h>

#include "test.h"

int ts_fixture_render(void);
void ts_fixture_remove(void);
const char *ts_fixture_path(char *buf, size_t len, const char *ext);

/* Every check run.mjs must report: a check that silently disappears from
 * the script counts as a failure. */
static const char *const expected[] = {
	"vtt-load", "vtt-cues", "vtt-times", "vtt-text", "vtt-ids",
	"chapters-load", "chapters-cues", "chapters-times", "chapters-text", "chapters-ids",
	"page-load", "page-structure", "seek-highlight", "next-paragraph-key",
	"next-paragraph-highlight", "live-region", "arrow-keys", "sentence-keys",
	"enter-on-sentence", "play-pause-key", "tab-order", "focus-visible",
	"contrast-light", "contrast-dark", "zoom-200", "range-requests", "no-external-requests",
	"no-console-errors",
};

static int find_node(char *path, size_t len)
{
	const char *dirs = getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin";
	while (*dirs) {
		size_t n = strcspn(dirs, ":");
		snprintf(path, len, "%.*s/node", (int)n, dirs);
		if (n && access(path, X_OK) == 0)
			return 1;
		dirs += n + (dirs[n] == ':');
	}
	return 0;
}

/* One check per result line; returns how many expected names were seen. */
static size_t check_lines(char *out)
{
	size_t seen = 0, i;
	char *line, *save = NULL;
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		int ok = strncmp(line, "ok ", 3) == 0;
		if (!ok && strncmp(line, "FAIL ", 5) != 0)
			continue;
		CHECK(ok, "browser: %s", ok ? line + 3 : line + 5);
		for (i = 0; i < sizeof expected / sizeof expected[0]; i++) {
			size_t n = strlen(expected[i]);
			const char *name = line + (ok ? 3 : 5);
			if (strncmp(name, expected[i], n) == 0 && (name[n] == '\0' || name[n] == ':'))
				seen++;
		}
	}
	return seen;
}

void suite_browser(void)
{
	char node[512], dir[512], *out = NULL, *err = NULL;
	char *argv[] = {node, "tests/browser/run.mjs", dir, NULL};
	size_t want = sizeof expected / sizeof expected[0], seen;
	int st;
	CHECK(access("/usr/bin/chromium", X_OK) == 0, "chromium is installed (tests/browser/setup.sh)");
	CHECK(access("tests/browser/node_modules/playwright-core/package.json", R_OK) == 0,
	      "playwright-core is installed in tests/browser (tests/browser/setup.sh)");
	if (!find_node(node, sizeof node)) {
		CHECK(0, "node is installed (tests/browser/setup.sh)");
		return;
	}
	if (ts_fixture_render() != 0) {
		ts_fixture_remove();
		return;
	}
	ts_fixture_path(dir, sizeof dir, "");
	st = test_run(argv, NULL, 0, &out, NULL, &err);
	seen = check_lines(out);
	CHECK(st == 0 && seen == want, "run.mjs exits 0 after reporting all %zu checks (exit %d, %zu reported)%s%s",
	      want, st, seen, err && *err ? "; stderr: " : "", err ? err : "");
	free(out);
	free(err);
	ts_fixture_remove();
}
