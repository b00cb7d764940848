/* main.c: runs every suite, prints `tests: N passed, N failed`. */
#define _GNU_SOURCE /* close_range */
#include "test.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

int test_passed, test_failed, test_verbose;

static unsigned long fail_countdown;

void test_fail_alloc_after(unsigned long n) { fail_countdown = n; }

/* The library's and the plan's allocators ask this (a weak reference
 * there: only this program defines it). */
int su_test_alloc_fails(void);
int su_test_alloc_fails(void)
{
	if (fail_countdown == 0)
		return 0;
	return --fail_countdown == 0;
}

/* A suite that hangs (a loop that does not advance, a child that never
 * ends) fails the run after this long instead of stalling it: generous, as
 * sanitizer builds are several times slower. */
#define SUITE_SECONDS 900
static const char *volatile running = "";

static void on_alarm(int sig)
{
	(void)sig;
	fflush(stdout);
	dprintf(1, "FAIL suite %s still running after %d s: a hang?\n", running, SUITE_SECONDS);
	dprintf(1, "tests: %d passed, %d failed\n", test_passed, test_failed + 1);
	_exit(1);
}

/* Weak, so a module's suite can be built and run alone
 * (`test-suara NAME`); a suite missing from a full run counts as a failure. */
#define SUITE(name) void suite_##name(void) __attribute__((weak))
SUITE(buf);
SUITE(utf8);
SUITE(segment);
SUITE(normalize);
SUITE(pron);
SUITE(input);
SUITE(render);
SUITE(cli);
SUITE(batch);
SUITE(timestamps);
SUITE(browser);
SUITE(layers);
SUITE(install);

static const struct {
	const char *name;
	void (*run)(void);
} suites[] = {
	{"buf", suite_buf},
	{"utf8", suite_utf8},
	{"segment", suite_segment},
	{"normalize", suite_normalize},
	{"pron", suite_pron},
	{"pron", suite_pron},
	{"input", suite_input},
	{"render", suite_render},
	{"cli", suite_cli},
	{"batch", suite_batch},
	{"timestamps", suite_timestamps},
	{"browser", suite_browser},
	{"layers", suite_layers},
	{"install", suite_install},
};

void test_report(int ok, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	if (ok)
		test_passed++;
	else
		test_failed++;
	if (ok && !test_verbose)
		return;
	printf("%s %s:%d: ", ok ? "ok  " : "FAIL", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void test_check_str(const char *got, const char *want, const char *file, int line,
		    const char *fmt, ...)
{
	va_list ap;
	int ok = got && want && strcmp(got, want) == 0;
	char what[512];
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (ok)
		test_report(1, file, line, "%s", what);
	else
		test_report(0, file, line, "%s\n      got:  [%s]\n      want: [%s]", what,
			    got ? got : "(null)", want ? want : "(null)");
}

char *test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;
	if (!f)
		return NULL;
	do {
		if (n + 4096 + 1 > cap) {
			char *nb = realloc(buf, cap = (cap ? cap * 2 : 8192));
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
	} while (r > 0);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

int test_same_file(const char *a, const char *b)
{
	size_t na, nb;
	char *x = test_read_file(a, &na), *y = test_read_file(b, &nb);
	int same = x && y && na == nb && memcmp(x, y, na) == 0;
	free(x);
	free(y);
	return same;
}

static void drain(int fd, char **dst, size_t *n, size_t *cap)
{
	char tmp[65536];
	ssize_t r = read(fd, tmp, sizeof tmp);
	if (r <= 0)
		return;
	if (*n + (size_t)r + 1 > *cap) {
		while (*n + (size_t)r + 1 > *cap)
			*cap = *cap ? *cap * 2 : 65536;
		*dst = realloc(*dst, *cap);
	}
	memcpy(*dst + *n, tmp, (size_t)r);
	*n += (size_t)r;
	(*dst)[*n] = '\0';
}

int test_run(char *const argv[], const char *in, size_t in_len, char **out,
	     size_t *out_len, char **err)
{
	int pin[2], pout[2], perr[2], status;
	char *obuf = calloc(1, 1), *ebuf = calloc(1, 1);
	size_t on = 0, ocap = 1, en = 0, ecap = 1, written = 0;
	pid_t pid;
	if (pipe(pin) || pipe(pout) || pipe(perr))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(pin[0], 0);
		dup2(pout[1], 1);
		dup2(perr[1], 2);
		/* Only 0, 1 and 2: what else this process has open (and
		 * what it inherited) must not change how the child runs. */
		close_range(3, ~0U, 0);
		execv(argv[0], argv);
		_exit(127);
	}
	close(pin[0]), close(pout[1]), close(perr[1]);
	fcntl(pin[1], F_SETFL, O_NONBLOCK);
	if (!in || in_len == 0)
		close(pin[1]), pin[1] = -1;
	for (;;) {
		struct pollfd p[3] = {{pout[0], POLLIN, 0}, {perr[0], POLLIN, 0}, {pin[1], POLLOUT, 0}};
		int nfd = pin[1] >= 0 ? 3 : 2;
		if (p[0].fd < 0 && p[1].fd < 0)
			break;
		poll(p, (nfds_t)nfd, -1);
		if (nfd == 3 && (p[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t w = write(pin[1], in + written, in_len - written);
			if (w > 0)
				written += (size_t)w;
			if (w < 0 || written == in_len)
				close(pin[1]), pin[1] = -1;
		}
		if (p[0].revents) {
			size_t before = on;
			drain(pout[0], &obuf, &on, &ocap);
			if (on == before)
				close(pout[0]), pout[0] = -1;
		}
		if (p[1].revents) {
			size_t before = en;
			drain(perr[0], &ebuf, &en, &ecap);
			if (en == before)
				close(perr[0]), perr[0] = -1;
		}
		if (pout[0] < 0 && perr[0] < 0)
			break;
		if (pout[0] < 0)
			pout[0] = -1;
	}
	if (pin[1] >= 0)
		close(pin[1]);
	waitpid(pid, &status, 0);
	if (out)
		*out = obuf;
	else
		free(obuf);
	if (out_len)
		*out_len = on;
	if (err)
		*err = ebuf;
	else
		free(ebuf);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(int argc, char **argv)
{
	size_t i;
	const char *only = NULL;
	for (int a = 1; a < argc; a++) {
		if (strcmp(argv[a], "-v") == 0)
			test_verbose = 1;
		else
			only = argv[a];
	}
	/* Fresh outputs every run: suara skips outputs that are already
	 * complete, and a test must see what this build renders. */
	signal(SIGALRM, on_alarm);
	if (system("rm -rf build/test-tmp") != 0)
		test_report(0, __FILE__, __LINE__, "cannot clear build/test-tmp");
	if (only) { /* a name that is no suite runs nothing: that is a failure */
		for (i = 0; i < sizeof suites / sizeof suites[0] && strcmp(only, suites[i].name) != 0; i++)
			;
		if (i == sizeof suites / sizeof suites[0])
			test_report(0, __FILE__, __LINE__, "no suite is called '%s'", only);
	}
	for (i = 0; i < sizeof suites / sizeof suites[0]; i++) {
		if (only && strcmp(only, suites[i].name) != 0)
			continue;
		int before = test_failed;
		if (!suites[i].run) {
			test_report(0, __FILE__, __LINE__, "suite %s is not linked in", suites[i].name);
			continue;
		}
		running = suites[i].name;
		alarm(SUITE_SECONDS);
		suites[i].run();
		alarm(0);
		printf("suite %-10s %s\n", suites[i].name, test_failed == before ? "ok" : "FAILED");
	}
	printf("tests: %d passed, %d failed\n", test_passed, test_failed);
	return test_failed ? 1 : 0;
}
