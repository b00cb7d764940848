/* test_cli.c: the command line: usage, inspection layouts, output naming,
 * and every error path (clear message, exit status, no output left). */
#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test.h"
#include "cli/cli_plan.h"

int run_suara(const char *const *args, const char *in, char **out, size_t *out_len, char **err);
const char *suara_bin(void);

#define TMP "build/test-tmp/cli"

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Number of entries in dir besides . and .. */
static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	fwrite(data, 1, len, f);
	fclose(f);
}

/* Run and expect status want, stderr containing each of the needles, and no
 * file in TMP/out afterwards. */
static void expect_failure(const char *what, const char *const *args, const char *in, int want,
			   const char *needle1, const char *needle2)
{
	char *err = NULL, *out = NULL;
	int rc = run_suara(args, in, &out, NULL, &err);
	CHECK(rc == want, "%s: exit status %d (got %d)", what, want, rc);
	CHECK(strncmp(err, "suara: ", 7) == 0 && strstr(err, needle1) && (!needle2 || strstr(err, needle2)),
	      "%s: message names '%s'%s%s (got: %s)", what, needle1, needle2 ? " and " : "", needle2 ? needle2 : "", err);
	CHECK(count_entries(TMP "/out") <= 0, "%s: no output file left", what);
	free(err);
	free(out);
}

/* Every numeric option takes digits only: no sign, no space, no trailing
 * junk, no overflow (--shard 1/-1 once read -1 as 4294967295 and rendered
 * nothing with status 0). */
static void numbers(void)
{
	static const char *const bad[][2] = {
		{"--shard", "1/-1"}, {"--shard", "-1/2"}, {"--shard", "+1/2"}, {"--shard", "1/2x"},
		{"--shard", "1/ 2"}, {"--shard", "1/99999999999999999999"}, {"--shard", "1/"},
		{"-s", "+175"}, {"-s", "175x"}, {"-s", " 175"}, {"-s", "175 "}, {"-p", "-0"},
		{"-a", "99999999999999999999"}, {"-j", "0x2"}, {"-j", "2.0"},
		{"--sentence-pause", "-1"}, {"--paragraph-pause", "1e3"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *args[] = {bad[i][0], bad[i][1], "--segment", "voices/id/sample.txt", NULL};
		char *out = NULL, *err = NULL;
		int rc = run_suara(args, NULL, &out, NULL, &err);
		CHECK(rc == 2 && err && strstr(err, "invalid") && out && !*out, "%s '%s' is a usage error (rc %d)",
		      bad[i][0], bad[i][1], rc);
		free(out), free(err);
	}
}

static void usage_and_version(void)
{
	const char *help[] = {"--help", NULL}, *ver[] = {"-V", NULL}, *bad[] = {"--bogus", NULL};
	const char *range[] = {"-s", "5000", "x.txt", NULL}, *noarg[] = {"-o", NULL};
	char *out = NULL, *err = NULL;
	int rc = run_suara(help, NULL, &out, NULL, &err);
	CHECK(rc == 0 && strstr(out, "Usage: suara") && strstr(out, "--paragraph-pause") && !*err,
	      "--help goes to stdout and exits 0");
	free(out), free(err);
	rc = run_suara(ver, NULL, &out, NULL, &err);
	CHECK(rc == 0 && strncmp(out, "suara ", 6) == 0, "-V prints the version");
	free(out), free(err);
	rc = run_suara(bad, NULL, &out, NULL, &err);
	CHECK(rc == 2 && strstr(err, "unknown option '--bogus'") && strstr(err, "Try 'suara --help'"),
	      "an unknown option is a usage error (2)");
	free(out), free(err);
	rc = run_suara(range, NULL, &out, NULL, &err);
	CHECK(rc == 2 && strstr(err, "invalid speed '5000'"), "an out-of-range speed is a usage error");
	free(out), free(err);
	rc = run_suara(noarg, NULL, &out, NULL, &err);
	CHECK(rc == 2 && strstr(err, "needs a value"), "a missing option value is a usage error");
	free(out), free(err);
	numbers();
}

static void inspection(void)
{
	const char *seg[] = {"--segment", "-", NULL}, *crlf[] = {"--segment", "tests/data/crlf.txt", NULL};
	char *out = NULL, *err = NULL;
	int rc = run_suara(seg, "Satu dua.  Tiga\nempat?\n\n\n  Lima.\n", &out, NULL, &err);
	CHECK(rc == 0, "--segment reads standard input");
	CHECK_STR(out, "Satu dua.\nTiga empat?\n\nLima.\n", "--segment layout: a sentence a line, blank line between paragraphs");
	free(out), free(err);
	rc = run_suara(crlf, NULL, &out, NULL, &err);
	CHECK_STR(out,
		  "Baris pertama paragraf satu, baris kedua dengan kata \xE2\x80\x9Ckutipan\xE2\x80\x9D dan \xC3\xA9.\n\n"
		  "Paragraf kedua cukup pendek.\n",
		  "--segment drops the BOM and joins CRLF lines");
	free(out), free(err);
}

static void output_naming(void)
{
	const char *wavpath[] = {"-q", "-o", TMP "/named.wav", "tests/data/crlf.txt", NULL};
	const char *stdout_args[] = {"-q", "-o", "-", "-", NULL};
	const char *stdin_args[] = {"-q", "-o", TMP "/dir/", "-", NULL};
	char *out = NULL, *err = NULL;
	size_t n = 0;
	int rc = run_suara(wavpath, NULL, NULL, NULL, NULL);
	CHECK(rc == 0 && exists(TMP "/named.wav") && exists(TMP "/named.json"),
	      "-o NAME.wav names the audio, and the JSON beside it");
	rc = run_suara(stdout_args, "Halo, apa kabar?\n", &out, &n, &err);
	CHECK(rc == 0 && n > 44 && memcmp(out, "RIFF", 4) == 0 && memcmp(out + 8, "WAVE", 4) == 0,
	      "-o - writes a WAV to standard output (%zu bytes)", n);
	CHECK(!exists("-") && !exists("out/stdin.wav"), "-o - creates no folder or file");
	free(out), free(err);
	rc = run_suara(stdin_args, "Halo, apa kabar?\n", NULL, NULL, NULL);
	CHECK(rc == 0 && exists(TMP "/dir/stdin.wav") && exists(TMP "/dir/stdin.json"),
	      "standard input renders to OUT/stdin.wav, creating the folder");
}

static void empty_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[1024];
	while (d && (e = readdir(d)) != NULL) {
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")))
			unlink(path);
	}
	if (d)
		closedir(d);
}

/* When one output cannot be published (the WAV's name is a folder), none
 * is: the JSON and VTT written beside it are not left in place. */
static void all_or_nothing(void)
{
	const char *args[] = {"-t", "json,vtt", "-o", TMP "/pub/a.wav", "tests/data/crlf.txt", NULL};
	char *out = NULL, *err = NULL;
	int rc;
	mkdir(TMP "/pub", 0777);
	empty_dir(TMP "/pub");
	mkdir(TMP "/pub/a.wav", 0777);
	rc = run_suara(args, NULL, &out, NULL, &err);
	CHECK(rc == 1 && err && strstr(err, "a.wav"), "a WAV whose name is a folder fails (rc %d: %s)", rc,
	      err ? err : "");
	CHECK(!exists(TMP "/pub/a.json") && !exists(TMP "/pub/a.vtt"), "and no timestamp file is published");
	CHECK(count_entries(TMP "/pub") == 1, "nor any temporary file left (%d entries)", count_entries(TMP "/pub"));
	free(out), free(err);
	rmdir(TMP "/pub/a.wav");
}

static void error_paths(void)
{
	const char *bad_utf8[] = {"-o", TMP "/out", TMP "/bad.txt", NULL};
	const char *empty[] = {"-o", TMP "/out", TMP "/empty.txt", NULL};
	const char *blank[] = {"-o", TMP "/out", "-", NULL};
	const char *missing[] = {"-o", TMP "/out", TMP "/no-such-file.txt", NULL};
	const char *voice[] = {"-v", "no-such-voice", "-o", TMP "/out", "tests/data/crlf.txt", NULL};
	const char *unwritable[] = {"-o", TMP "/file-not-dir/sub", "tests/data/crlf.txt", NULL};
	const char *overwrite[] = {"-o", TMP "/self.wav", TMP "/self.wav", NULL};
	const char *nul[] = {"-o", TMP "/out", TMP "/nul.txt", NULL};
	static const char bad[] = "Baris satu.\nBaris \xC3\xA9 dua \xFF.\n";
	write_file(TMP "/bad.txt", bad, sizeof bad - 1);
	write_file(TMP "/empty.txt", "", 0);
	write_file(TMP "/nul.txt", "Ada\0nol.\n", 9);
	write_file(TMP "/file-not-dir", "x", 1);
	write_file(TMP "/self.wav", "Ini teks, bukan audio.\n", 23);
	expect_failure("invalid UTF-8", bad_utf8, NULL, 1, TMP "/bad.txt:2:13:", "invalid UTF-8");
	expect_failure("a NUL byte", nul, NULL, 1, TMP "/nul.txt:1:4:", "NUL");
	expect_failure("an empty file", empty, NULL, 1, "empty.txt", "nothing to speak");
	expect_failure("whitespace-only input", blank, " \n\t\n\xC2\xA0\n", 1, "stdin", "nothing to speak");
	expect_failure("a missing input", missing, NULL, 1, "no-such-file.txt", "No such file");
	expect_failure("a missing voice", voice, NULL, 1, "voice 'no-such-voice' not found", NULL);
	expect_failure("an unwritable output folder", unwritable, NULL, 1, "file-not-dir/sub", NULL);
	expect_failure("output over the input", overwrite, NULL, 1, "self.wav", "input");
	{
		char *data = test_read_file(TMP "/self.wav", NULL);
		CHECK_STR(data, "Ini teks, bukan audio.\n", "the input is left untouched");
		free(data);
	}
	all_or_nothing();
}

/* A run killed midway leaves neither a final file nor a temporary one. */
static void interrupted(void)
{
	FILE *f = fopen(TMP "/long.txt", "w");
	int i, status;
	pid_t pid;
	for (i = 0; i < 400; i++)
		fprintf(f, "Paragraf nomor %d ini cukup panjang untuk memberi waktu kepada mesin. "
			   "Kalimat kedua menambah sedikit suara lagi.\n\n", i);
	fclose(f);
	pid = fork();
	if (pid == 0) {
		execl(suara_bin(), suara_bin(), "-q", "-j", "2", "-o", TMP "/out", TMP "/long.txt", (char *)NULL);
		_exit(127);
	}
	nanosleep(&(struct timespec){0, 400 * 1000 * 1000}, NULL);
	kill(pid, SIGTERM);
	kill(pid, SIGTERM); /* as timeout(1) does: the process, then its group */
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "SIGTERM ends the run");
	CHECK(count_entries(TMP "/out") == 0, "an interrupted run leaves no file at all in the output folder");
}

/* A worker process of pid, or 0 (from /proc/PID/stat: the name, and field
 * 4 the parent). */
static pid_t child_of(pid_t pid)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	pid_t found = 0;
	while (d && !found && (e = readdir(d)) != NULL) {
		char path[300], buf[512], *close;
		FILE *f;
		int ppid;
		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
		if (!(f = fopen(path, "r")))
			continue;
		buf[0] = '\0';
		if (!fgets(buf, sizeof buf, f))
			buf[0] = '\0';
		fclose(f);
		close = strrchr(buf, ')');
		/* a worker, by the name it gives itself: not the start-up
		 * probe, also a child, which ends on its own */
		if (close && sscanf(close + 1, " %*c %d", &ppid) == 1 && ppid == pid && strstr(buf, "(suara-worker)"))
			found = (pid_t)atoi(e->d_name);
	}
	if (d)
		closedir(d);
	return found;
}

/* Start suara with args (after argv[0]), its stderr on a pipe (*errfd);
 * ignore_chld: started with SIGCHLD ignored. Its pid, or -1. */
static pid_t spawn(const char *const *args, int ignore_chld, int *errfd)
{
	const char *argv[64];
	int fd[2], i;
	pid_t pid;
	if (pipe(fd) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		argv[0] = suara_bin();
		for (i = 0; i < 62 && args[i]; i++)
			argv[i + 1] = args[i];
		argv[i + 1] = NULL;
		if (ignore_chld)
			signal(SIGCHLD, SIG_IGN);
		dup2(fd[1], 2);
		close(fd[0]);
		execv(suara_bin(), (char *const *)argv);
		_exit(127);
	}
	close(fd[1]);
	*errfd = fd[0];
	return pid;
}

/* SIGKILL a worker of the suara run pid (waiting up to 2 s for one), then
 * read the run's stderr to its end into err and wait for it. The worker's
 * pid, or 0 when none was found. */
static pid_t kill_a_worker(pid_t pid, int errfd, char *err, size_t cap, int *status)
{
	pid_t worker = 0;
	size_t got = 0;
	ssize_t n;
	int i;
	for (i = 0; i < 100 && !(worker = child_of(pid)); i++)
		nanosleep(&(struct timespec){0, 20 * 1000 * 1000}, NULL);
	if (worker)
		kill(worker, SIGKILL);
	while (got < cap - 1 && (n = read(errfd, err + got, cap - 1 - got)) > 0)
		got += (size_t)n;
	err[got] = '\0';
	close(errfd);
	waitpid(pid, status, 0);
	return worker;
}

/* A worker killed in the middle of a paragraph fails its file with a
 * message and leaves no output for it; the next file still renders. */
static void worker_killed(void)
{
	static const char *const args[] = {"-q", "-j", "2", "-o", TMP "/wk", TMP "/long.txt", TMP "/short.txt", NULL};
	FILE *f = fopen(TMP "/short.txt", "w");
	char err[4096];
	int errfd, i, status;
	pid_t pid = -1, worker = 0;
	fputs("Kalimat pendek ini tetap dibacakan.\n", f);
	fclose(f);
	/* Started with SIGCHLD ignored (as some launchers do): suara must
	 * still learn how its worker ended. */
	if ((pid = spawn(args, 1, &errfd)) < 0)
		return;
	/* Once the output's temporary file is there, give the workers (and
	 * the start-up probe, a child too) time to be well under way. */
	for (i = 0; i < 500 && access(TMP "/wk/.long.wav.tmp", F_OK) != 0; i++)
		nanosleep(&(struct timespec){0, 20 * 1000 * 1000}, NULL);
	nanosleep(&(struct timespec){0, 200 * 1000 * 1000}, NULL);
	worker = kill_a_worker(pid, errfd, err, sizeof err, &status);
	CHECK(worker > 0, "found a worker process to kill");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1, "the run exits with status 1");
	CHECK(strstr(err, "long.txt:") && strstr(err, "worker killed by signal 9"),
	      "the error names the file, line and paragraph, and the signal: %s", err);
	CHECK(access(TMP "/wk/long.wav", F_OK) != 0 && access(TMP "/wk/long.json", F_OK) != 0,
	      "the failed file has no output");
	CHECK(access(TMP "/wk/short.wav", F_OK) == 0 && access(TMP "/wk/short.json", F_OK) == 0,
	      "the next file renders with a new worker");
	CHECK(count_entries(TMP "/wk") == 2, "no temporary file is left (%d entries)", count_entries(TMP "/wk"));
	{
		/* Whether the next file's paragraph was queued on the killed
		 * worker or not, it is spoken exactly as in a run of its own. */
		const char *alone[] = {"-q", "-o", TMP "/wk-alone", TMP "/short.txt", NULL};
		char *e = NULL;
		CHECK(run_suara(alone, NULL, NULL, NULL, &e) == 0 &&
		      test_same_file(TMP "/wk/short.wav", TMP "/wk-alone/short.wav"),
		      "the next file has the audio it has rendered alone");
		free(e);
	}
}

/* Many one-paragraph files, one worker killed midway: exactly the file it
 * was speaking fails; every other one, the paragraph it had queued too, is
 * identical to an uninterrupted run's. */
static void worker_killed_in_batch(void)
{
	char path[256], ref[256], err[4096];
	const char *ref_args[40] = {"-q", "-j", "2", "-o", TMP "/kb/ref", "--force"};
	char *names[16];
	int errfd = -1, i, k, status = 0, same = 0, wavs = 0, entries = 0;
	pid_t pid = -1, worker = 0;
	mkdir(TMP "/kb", 0777);
	mkdir(TMP "/kb/in", 0777);
	for (i = 0; i < 16; i++) {
		FILE *f;
		snprintf(path, sizeof path, TMP "/kb/in/f%02d.txt", i);
		names[i] = strdup(path);
		ref_args[6 + i] = names[i];
		f = fopen(path, "w");
		/* long enough (about a second each) that the batch is still
		 * running when a worker is killed after three files */
		for (k = 0; k < 60; k++)
			fprintf(f, "Berkas nomor %d, kalimat ke-%d, dibacakan dengan tenang oleh mesin. ", i, k + 1);
		fputs("\n", f);
		fclose(f);
	}
	ref_args[22] = NULL;
	for (i = 0; i < 16; i++) { /* a fresh output folder */
		snprintf(path, sizeof path, TMP "/kb/out/f%02d.wav", i);
		unlink(path);
		snprintf(path, sizeof path, TMP "/kb/out/f%02d.json", i);
		unlink(path);
	}
	{
		char *e = NULL;
		int rc = run_suara(ref_args, NULL, NULL, NULL, &e);
		CHECK(rc == 0, "the batch renders (%s)", e ? e : "");
		free(e);
	}
	ref_args[4] = TMP "/kb/out"; /* the same run, into another folder */
	/* The process killed may hold no paragraph just then (a worker being
	 * replaced, which a sanitizer's larger heap makes frequent): then
	 * nothing is lost, the run succeeds with every file the same, and
	 * the kill is tried again on a fresh run, at most six times (three
	 * were seen to miss in a row under the sanitizers on a busy machine). */
	for (int attempt = 0; attempt < 6; attempt++) {
		for (i = 0; i < 16; i++) {
			snprintf(path, sizeof path, TMP "/kb/out/f%02d.wav", i);
			unlink(path);
			snprintf(path, sizeof path, TMP "/kb/out/f%02d.json", i);
			unlink(path);
		}
		if ((pid = spawn(ref_args, 0, &errfd)) < 0)
			break;
		/* Three files done: the workers are well into the batch. */
		for (i = 0; i < 1000 && count_entries(TMP "/kb/out") < 6; i++)
			nanosleep(&(struct timespec){0, 5 * 1000 * 1000}, NULL);
		entries = count_entries(TMP "/kb/out");
		worker = kill_a_worker(pid, errfd, err, sizeof err, &status);
		wavs = same = 0;
		for (i = 0; i < 16; i++) {
			snprintf(path, sizeof path, TMP "/kb/out/f%02d.wav", i);
			snprintf(ref, sizeof ref, TMP "/kb/ref/f%02d.wav", i);
			wavs += exists(path);
			same += test_same_file(path, ref);
		}
		if (!(worker > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 && same == 16))
			break;
	}
	for (i = 0; i < 16; i++)
		free(names[i]);
	if (pid < 0)
		return;
	CHECK(worker > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 1,
	      "a worker was killed; the run exits 1 (worker %d, %d entries when killed, status %d)", (int)worker, entries,
	      status);
	CHECK(strstr(err, "worker killed by signal 9") && !strstr(strstr(err, "signal 9") + 1, "signal 9"),
	      "exactly one file reports the killed worker: %s", err);
	CHECK(wavs == 15 && same == 15, "the 15 other files are identical to an uninterrupted run (%d written, %d same)",
	      wavs, same);
}

/* Run a shell command line with "S" standing for suara; its exit status,
 * stderr in *err. timeout(1) turns a hang into a failure (status 124). */
static int shell(const char *fmt, char **err)
{
	char cmd[2100], line[2048];
	const char *p;
	size_t n = 0;
	for (p = fmt; *p && n + 512 < sizeof line; p++) {
		if (*p == 'S' && (p == fmt || p[-1] == ' ') && (p[1] == ' ' || !p[1]))
			n += (size_t)snprintf(line + n, sizeof line - n, "%s", suara_bin());
		else
			line[n++] = *p;
	}
	line[n] = '\0';
	snprintf(cmd, sizeof cmd, "timeout 120 sh -c '%s'", line);
	{
		char *const argv[] = {"/bin/sh", "-c", cmd, NULL};
		return test_run(argv, NULL, 0, NULL, NULL, err);
	}
}

/* Four workers asked for, under ever lower limits on open files (how many
 * a run inherits differs from machine to machine, so a sweep): each run
 * either renders exactly what an unlimited run does, with fewer workers
 * if need be, or fails with status 1, a message naming the file and the
 * cause, and nothing left. Fewer descriptors never turn a failure into
 * a success. */
static void too_few_descriptors(void)
{
	int n, first_failure = 0, failed_at = 0, ok_at = 0, bad = 0;
	mkdir(TMP "/fd", 0777);
	for (n = 5; n <= 16; n++) {
		char cmd[256], *err = NULL;
		int rc;
		snprintf(cmd, sizeof cmd, "ulimit -n %d; exec S -j 4 -o " TMP "/fd/timing.wav tests/data/timing.txt", n);
		rc = shell(cmd, &err);
		if (rc == 0) {
			if (!ok_at)
				ok_at = n;
			bad += !test_same_file(TMP "/fd/timing.wav", TMP "/ab/timing.wav") ||
			       !test_same_file(TMP "/fd/timing.json", TMP "/ab/timing.json");
			CHECK(count_entries(TMP "/fd") == 2, "ulimit -n %d: only the two outputs", n);
			unlink(TMP "/fd/timing.wav");
			unlink(TMP "/fd/timing.json");
		} else {
			if (!first_failure)
				first_failure = n;
			failed_at = n;
			/* the file that could not be opened: the input, the
			 * engine's voice, or one of the voice's tables or word
			 * lists */
			CHECK(rc == 1 && strstr(err, "Too many open files") &&
			      (strstr(err, "suara: timing.txt: ") ||
			       strstr(err, "suara: espeak-ng could not load voice 'id': ") ||
			       strstr(err, ".tsv: cannot read file: Too many open files") ||
			       strstr(err, ".dic: cannot read file: Too many open files")),
			      "ulimit -n %d: status 1 and a message naming the file and the cause (status %d: %s)",
			      n, rc, err);
			CHECK(count_entries(TMP "/fd") <= 0, "ulimit -n %d: nothing left in the output folder", n);
		}
		free(err);
	}
	CHECK(first_failure == 5 && ok_at > 0 && failed_at < ok_at,
	      "too few descriptors fail, enough succeed, and no success comes below a failure "
	      "(failures %d to %d, first success %d)", first_failure, failed_at, ok_at);
	CHECK(bad == 0, "a run with few descriptors gives the same audio and timing (%d differ)", bad);
}

/* Failures of the machine, not of the input: each gives a message naming
 * the file and exit status 1, never a hang, a crash or a partial file. */
static void hostile_conditions(void)
{
	char *err = NULL, *a = NULL, *b = NULL;
	size_t alen = 0, blen = 0;
	int rc;
	/* Standard output closed early: an error, and no temporary file. */
	mkdir(TMP "/tmpdir", 0777);
	rc = shell("TMPDIR=" TMP "/tmpdir; export TMPDIR; "
		   "{ S -o - voices/id/sample.txt; echo $? > " TMP "/status; } | head -c 100 >/dev/null; "
		   "exit $(cat " TMP "/status)", &err);
	CHECK(rc == 1 && strstr(err, "standard output: Broken pipe"),
	      "a closed standard output: status 1 and a message (status %d: %s)", rc, err);
	CHECK(count_entries(TMP "/tmpdir") == 0, "a closed standard output leaves no temporary file (%d)",
	      count_entries(TMP "/tmpdir"));
	free(err);
	/* Two runs writing to standard output at the same time. */
	rc = shell("TMPDIR=" TMP "/tmpdir; export TMPDIR; S -o - tests/data/timing.txt > " TMP "/a.wav & "
		   "S -o - voices/id/sample.txt > " TMP "/b.wav; s=$?; wait $! && exit $s", &err);
	CHECK(rc == 0, "two runs to standard output at once both succeed (%d: %s)", rc, err);
	free(err);
	rc = shell("S -o " TMP "/ab tests/data/timing.txt voices/id/sample.txt", &err);
	a = test_read_file(TMP "/a.wav", &alen);
	b = test_read_file(TMP "/b.wav", &blen);
	CHECK(rc == 0 && test_same_file(TMP "/a.wav", TMP "/ab/timing.wav") &&
	      test_same_file(TMP "/b.wav", TMP "/ab/sample.wav"),
	      "each gives the same audio as a run of its own (%zu and %zu bytes)", alen, blen);
	CHECK(count_entries(TMP "/tmpdir") == 0, "and neither leaves a temporary file");
	free(a);
	free(b);
	free(err);
	too_few_descriptors();
}

/* Empty dir of regular files (tests start from a clean output folder). */

/* Run suara with a terminal as stdout and stderr (script(1) from
 * util-linux gives it one); what the terminal showed. */
static char *on_terminal(const char *args, int *rc)
{
	char *out = NULL, cmd[512];
	char *const argv[] = {"/usr/bin/script", "-qefc", cmd, "/dev/null", NULL};
	snprintf(cmd, sizeof cmd, "%s %s", suara_bin(), args);
	*rc = test_run(argv, NULL, 0, &out, NULL, NULL);
	return out ? out : calloc(1, 1);
}

/* On a terminal a progress line shows files, hours of audio and time left,
 * and is erased at the end; -q silences it. (With stderr not a terminal,
 * as in every other test here, nothing but errors is printed.) */
static void progress_line(void)
{
	int rc;
	size_t n;
	char *out = on_terminal("-j 1 --force -o " TMP "/progress tests/data/timing.txt voices/id/sample.txt", &rc);
	n = strlen(out);
	CHECK(rc == 0 && strstr(out, "\rsuara: 0/2 files, 0.00 h of audio, ") && strstr(out, " s left\033[K"),
	      "on a terminal, a progress line shows files, hours of audio and time left");
	CHECK(n >= 4 && strcmp(out + n - 4, "\r\033[K") == 0, "the progress line is erased at the end");
	free(out);
	out = on_terminal("-q -j 1 --force -o " TMP "/progress tests/data/timing.txt", &rc);
	CHECK(rc == 0 && out[0] == '\0', "-q: nothing is printed on a terminal (got %zu bytes)", strlen(out));
	free(out);
}

/* Out of memory while the plan is built leaves no item with a missing
 * name behind (main.c walks every item it holds). */
static void plan_out_of_memory(void)
{
	plan_opts o = {TMP "/out/", 0, 0, 0};
	char err[256];
	size_t broken = 0, failures = 0;
	for (unsigned long n = 1; n < 40; n++) {
		plan p = {0};
		int rc;
		test_fail_alloc_after(n);
		rc = plan_add(&p, &o, "tests/data/timing.txt", err, sizeof err);
		rc |= plan_add(&p, &o, "tests/data/crlf.txt", err, sizeof err);
		test_fail_alloc_after(0);
		failures += rc != 0;
		for (size_t i = 0; i < p.n; i++)
			broken += !p.items[i].input || !p.items[i].key || !p.items[i].wav || !p.items[i].base;
		plan_free(&p);
	}
	CHECK(failures > 0, "allocations of the plan do fail (%zu runs)", failures);
	CHECK(broken == 0, "no plan item with a missing name (%zu)", broken);
}

void suite_cli(void)
{
	mkdir("build/test-tmp", 0777);
	mkdir(TMP, 0777);
	mkdir(TMP "/out", 0777);
	empty_dir(TMP "/out");
	usage_and_version();
	plan_out_of_memory();
	inspection();
	output_naming();
	error_paths();
	interrupted();
	worker_killed();
	worker_killed_in_batch();
	hostile_conditions();
	progress_line();
}
