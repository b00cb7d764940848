/* test_segment.c: the sentence segmenter against tests/segment.golden, the
 * table loader's errors, and pathological input (limits, linear time). */
#include "test.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "text/segment.h"

#define VOICE "voices/id"
#define GOLDEN "tests/segment.golden"

/* ---- helpers ---- */

static int is_space_byte(char c) { return c == ' ' || c == '\t'; }

/* Segment text[0..len) and check what holds for any input: spans in order,
 * inside the text, not empty, not longer than SEG_MAX_SENTENCE, without
 * surrounding blanks, and only blanks between them. Returns the number of
 * sentences, or -1 after the first violation. */
static long segment_all(const seg_rules *r, const char *text, size_t len)
{
	size_t pos = 0, next, prev_end = 0, i;
	seg_span s;
	long n = 0;
	while (seg_next(r, text, len, pos, &s, &next)) {
		if (s.off < prev_end || s.len == 0 || s.len > SEG_MAX_SENTENCE ||
		    s.off + s.len > len || next < s.off + s.len || next <= pos)
			return -1;
		if (is_space_byte(text[s.off]) || is_space_byte(text[s.off + s.len - 1]))
			return -1;
		for (i = prev_end; i < s.off; i++)
			if (!is_space_byte(text[i]))
				return -1;
		prev_end = s.off + s.len;
		pos = next;
		n++;
	}
	for (i = prev_end; i < len; i++)
		if (!is_space_byte(text[i]))
			return -1;
	return n;
}

/* Write text to a new temporary file; its path goes to path (>= 32 bytes). */
/* A voice folder of its own (dir, 64 bytes) holding text as abbrev.tsv,
 * whose path goes to path. */
static int write_temp(char *dir, char *path, const char *text)
{
	FILE *f;
	strcpy(dir, "/tmp/suara-segXXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, 96, "%s/abbrev.tsv", dir);
	if (!(f = fopen(path, "w")))
		return -1;
	fputs(text, f);
	return fclose(f);
}

static void remove_temp(const char *dir, const char *path)
{
	unlink(path);
	rmdir(dir);
}

/* ---- golden file ---- */

/* Check one golden case: lines[0] is the input, lines[1..n) the sentences. */
static void check_case(const seg_rules *r, char **lines, size_t n, unsigned long lineno)
{
	const char *text = lines[0];
	size_t len = strlen(text), pos = 0, next, k = 1;
	seg_span s;
	char got[4096];
	while (seg_next(r, text, len, pos, &s, &next)) {
		snprintf(got, sizeof got, "%.*s", (int)s.len, text + s.off);
		CHECK_STR(got, k < n ? lines[k] : "(no more sentences)",
			  GOLDEN ":%lu: sentence %zu", lineno, k);
		k++;
		pos = next;
	}
	CHECK(k == n, GOLDEN ":%lu: %zu sentences, expected %zu", lineno, k - 1, n - 1);
}

/* Split the golden file into cases (see its header) and check each.
 * Returns the number of cases. */
static int run_golden(const seg_rules *r, char *data)
{
	char *lines[64], *line, *save = NULL;
	size_t n = 0;
	unsigned long lineno = 0, first = 0;
	int cases = 0;
	/* strtok_r would merge blank lines away: split by hand. */
	for (line = data; line; line = save) {
		save = strchr(line, '\n');
		if (save)
			*save++ = '\0';
		lineno++;
		if (line[0] == '\0' || (n == 0 && line[0] == '#')) {
			if (n > 0)
				check_case(r, lines, n, first), cases++;
			n = 0;
			continue;
		}
		if (n == 0)
			first = lineno;
		if (n < sizeof lines / sizeof lines[0])
			lines[n++] = line;
	}
	if (n > 0)
		check_case(r, lines, n, first), cases++;
	return cases;
}

static void test_golden(const seg_rules *r)
{
	char *data = test_read_file(GOLDEN, NULL);
	int cases;
	CHECK(data != NULL, "read %s", GOLDEN);
	if (!data)
		return;
	cases = run_golden(r, data);
	CHECK(cases >= 120, "%s has %d cases (at least 120)", GOLDEN, cases);
	free(data);
}

/* ---- table loading ---- */

/* Load a table made of text; the error must contain want (after the path). */
static void check_load_error(const char *text, const char *want)
{
	char dir[64], path[96], err[256], expect[192];
	seg_rules *r = (seg_rules *)&r; /* must be reset to NULL */
	if (write_temp(dir, path, text) != 0) {
		CHECK(0, "write a temporary table");
		return;
	}
	snprintf(expect, sizeof expect, "%s%s", path, want);
	CHECK(seg_rules_load(&r, dir, err, sizeof err) == -1 && r == NULL,
	      "malformed table is refused (%s)", want);
	CHECK(strstr(err, expect) != NULL, "error [%s] contains [%s]", err, expect);
	remove_temp(dir, path);
}

static void test_load_errors(void)
{
	char err[256];
	seg_rules *r = NULL;
	check_load_error("# ok\nDr.\tdoktor\ttitle\nDll.\n", ":3: expected written<TAB>spoken<TAB>class");
	check_load_error("Dr.\t-\ttitle\nJl.\t-\tstreet\n", ":2: unknown class");
	check_load_error("\n\nDr\t-\ttitle\n", ":3: an abbreviation must end with a period");
	check_load_error("Namun.\t-\tstarter\n", ":1: a starter has no period");
	check_load_error("Pada.\t-\trunon\n", ":1: a runon word has no period");
	check_load_error("Dr.\t-\ttitle\textra\n", ":1: unknown class");
	check_load_error("Dr.\t-\ttitle\ndll.\t-\tabbrev\nDr.\t-\tabbrev\n", ":3: 'Dr.' (also line 1)");
	check_load_error("Abcdefghijklmnopqrstuvwxyzabcdefgh.\t-\ttitle\n", ":1: word too long");
	check_load_error("\xC3\x28.\t-\ttitle\n", " (byte 0): invalid UTF-8");
	CHECK(seg_rules_load(&r, "/nonexistent", err, sizeof err) == -1 &&
	      r == NULL && strstr(err, "/nonexistent/abbrev.tsv") != NULL,
	      "missing table: [%s]", err);
}

static void test_load_empty(void)
{
	char dir[64], path[96], err[256];
	seg_rules *r = NULL;
	size_t next;
	seg_span s;
	const char *text = "Dr. Budi datang.";
	if (write_temp(dir, path, "# only a comment\n\n") != 0)
		return;
	CHECK(seg_rules_load(&r, dir, err, sizeof err) == 0 && r, "empty table loads (%s)", err);
	if (r) { /* without the table, Dr. is an ordinary word */
		CHECK(seg_next(r, text, strlen(text), 0, &s, &next) == 1 && s.len == 3,
		      "empty table: split after Dr.");
		seg_rules_free(r);
	}
	remove_temp(dir, path);
	seg_rules_free(NULL);
}

/* ---- limits and pathological input ---- */

static void test_empty(const seg_rules *r)
{
	size_t next = 99;
	seg_span s;
	CHECK(seg_next(r, "", 0, 0, &s, &next) == 0 && next == 0, "empty input");
	CHECK(seg_next(r, " \t  ", 4, 0, &s, &next) == 0 && next == 4, "blank input");
	CHECK(seg_next(r, "Ya. ", 4, 3, &s, &next) == 0 && next == 4, "only blanks left");
	CHECK(seg_next(r, "Ya. ", 4, 4, &s, &next) == 0, "pos at the end");
	CHECK(seg_next(r, "\xE2\x80\x8B \xC2\xA0", 6, 0, &s, &next) == 0 && next == 6,
	      "zero-width and no-break spaces only");
}

/* A long run without sentence ends is cut at the last space in the limit. */
static void test_cut_at_space(const seg_rules *r)
{
	size_t len = 5 * 1000, pos = 0, next, i;
	char *text = malloc(len + 1);
	seg_span s;
	for (i = 0; i < len; i += 5)
		memcpy(text + i, "kata ", 5);
	CHECK(seg_next(r, text, len, 0, &s, &next) == 1, "long run: first piece");
	CHECK(s.off == 0 && s.len == 1999 && memcmp(text + 1995, "kata", 4) == 0,
	      "cut after a whole word (len %zu)", s.len);
	CHECK(segment_all(r, text, len) == 3, "5000 bytes of words: 3 pieces");
	for (i = 0; i < 3; i++, pos = next)
		seg_next(r, text, len, pos, &s, &next);
	CHECK(s.off + s.len == len - 1, "last piece reaches the end");
	free(text);
}

/* Without spaces the cut falls on a UTF-8 character boundary. */
static void test_cut_no_space(const seg_rules *r)
{
	size_t len = 100000, i, next;
	char *text = malloc(len);
	seg_span s;
	for (i = 0; i < len; i += 2)
		memcpy(text + i, "\xC3\xA9", 2); /* é */
	text[0] = 'x'; /* shift so the limit falls inside a character */
	text[1] = 'y';
	text[2] = 'z';
	memcpy(text + 3, "\xC3\xA9", 2);
	for (i = 5; i < len - 1; i += 2)
		memcpy(text + i, "\xC3\xA9", 2);
	text[len - 1] = '.';
	CHECK(seg_next(r, text, len, 0, &s, &next) == 1 && s.len == 1999 && next == 1999,
	      "no space: cut at a character boundary (len %zu)", s.len);
	CHECK(segment_all(r, text, len) == 51, "100,000 bytes without a space: %ld pieces",
	      segment_all(r, text, len));
	free(text);
}

/* Many shapes of hostile input, each 1 MB: must finish quickly (a quadratic
 * pass would take minutes) and keep the span invariants. */
static void test_pathological(const seg_rules *r)
{
	static const char *const units[] = {
		".", "a", " ", "a.", ". ", "\"", "\" ", "“", "A. ", "Dr. ", "... ",
		"\"a ", "1. ", "\xE2\x80\xA6", "a.b", "?\" ", "(", ") ", "x, \"Y z. ",
	};
	size_t len = 1 << 20, u, i, ul;
	char *text = malloc(len);
	clock_t t0 = clock();
	for (u = 0; u < sizeof units / sizeof units[0]; u++) {
		ul = strlen(units[u]);
		for (i = 0; i + ul <= len; i += ul)
			memcpy(text + i, units[u], ul);
		CHECK(segment_all(r, text, i) >= 0, "1 MB of [%s]", units[u]);
	}
	memset(text, '.', 10000);
	CHECK(segment_all(r, text, 10000) == 5, "10,000 dots: 5 pieces");
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0,
	      "pathological input in linear time");
	free(text);
}

/* Offsets point into the paragraph; pos may start mid-paragraph. */
static void test_offsets(const seg_rules *r)
{
	const char *text = "  Satu.  Dua?  ";
	size_t next;
	seg_span s;
	CHECK(seg_next(r, text, strlen(text), 0, &s, &next) == 1 && s.off == 2 &&
	      s.len == 5 && next == 7, "first sentence offsets");
	CHECK(seg_next(r, text, strlen(text), next, &s, &next) == 1 && s.off == 9 &&
	      s.len == 4, "second sentence offsets");
	CHECK(seg_next(r, text, strlen(text), next, &s, &next) == 0, "then nothing");
}

void suite_segment(void)
{
	char err[256];
	seg_rules *r = NULL;
	CHECK(seg_rules_load(&r, VOICE, err, sizeof err) == 0 && r, "load %s: %s", VOICE,
	      err);
	test_load_errors();
	test_load_empty();
	if (!r)
		return;
	test_golden(r);
	test_empty(r);
	test_offsets(r);
	test_cut_at_space(r);
	test_cut_no_space(r);
	test_pathological(r);
	seg_rules_free(r);
}
