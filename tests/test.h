/* test.h: the test harness (after Redis testhelp.h).
 *
 * Each tests/test_*.c defines one or more suites `void suite_NAME(void)`,
 * listed in tests/main.c. CHECK records a pass or a failure with its place;
 * the runner prints `tests: N passed, N failed` last and exits 1 on any
 * failure. Tests run from the repository root. */
#ifndef SUARA_TEST_H
#define SUARA_TEST_H

#include <stdio.h>
#include <string.h>

extern int test_passed, test_failed;
extern int test_verbose;

void test_report(int ok, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* CHECK(cond, "what, with %s", args): one test case. */
#define CHECK(cond, ...) test_report(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
/* CHECK_STR(got, want, "what"): string equality, printing both on failure. */
#define CHECK_STR(got, want, ...) \
	test_check_str((got), (want), __FILE__, __LINE__, __VA_ARGS__)

void test_check_str(const char *got, const char *want, const char *file, int line,
		    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The failing allocator: after test_fail_alloc_after(n) the n-th following
 * allocation of the library (and of the program's plan) fails; 0 turns it
 * off. */
void test_fail_alloc_after(unsigned long n);

/* Read a whole file into a malloc'd NUL-terminated buffer; NULL on error. */
char *test_read_file(const char *path, size_t *len);

/* Do two files hold the same bytes? (0 when either cannot be read) */
int test_same_file(const char *a, const char *b);

/* Run argv (argv[0] a path) with stdin from `in` (NULL: /dev/null), capture
 * stdout and stderr into malloc'd strings (either pointer may be NULL).
 * Returns the exit status, or -1 if it did not exit normally. */
int test_run(char *const argv[], const char *in, size_t in_len, char **out,
	     size_t *out_len, char **err);

#endif
