/* test_batch.c: many inputs in one run: folders (-r), results equal to
 * single renders, resuming, --force, --shard, and a batch killed midway. */
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test.h"

int run_suara(const char *const *args, const char *in, char **out, size_t *out_len, char **err);
const char *suara_bin(void);
int run_suara_quiet(const char *const *args);

#define DIR "build/test-tmp/batch"
#define NFILES 9

static const char *const kalimat[] = {
	"Hujan turun sejak subuh di pinggiran kota.",
	"Para pedagang menutup lapak lebih awal dari biasanya.",
	"Seorang guru membacakan cerita untuk murid kelas tiga.",
	"Harga beras naik tipis minggu ini, kata petugas pasar.",
	"Kereta pagi berangkat tepat waktu meski peron basah.",
	"Di balai desa, warga berdiskusi tentang saluran air baru.",
	"Anak-anak berlari pulang sambil membawa layang-layang.",
};

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

/* Input i: a few paragraphs built from the sentences above. */
static void make_input(const char *path, int i)
{
	char text[2048] = "";
	int p, s;
	for (p = 0; p < 1 + i % 3; p++) {
		for (s = 0; s < 2; s++) {
			strcat(text, kalimat[(i + p * 2 + s) % 7]);
			strcat(text, s ? "\n\n" : " ");
		}
	}
	write_file(path, text);
}

static const char *in_path(int i, char *buf, size_t n)
{
	snprintf(buf, n, DIR "/in/%s/berita%d.txt", i < 5 ? "a" : "b/c", i);
	return buf;
}

static const char *out_path(const char *root, int i, const char *ext, char *buf, size_t n)
{
	snprintf(buf, n, "%s/%s/berita%d.%s", root, i < 5 ? "a" : "b/c", i, ext);
	return buf;
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static time_t mtime(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_mtime : 0;
}

/* The folder batch equals rendering each file alone. */
static void folder_equals_singles(void)
{
	const char *batch[] = {"-q", "-j", "2", "-r", "-o", DIR "/out", DIR "/in", NULL};
	char in[256], a[256], b[256], single_dir[256];
	int i, same = 0;
	CHECK(run_suara_quiet(batch) == 0, "a folder renders with -r");
	for (i = 0; i < NFILES; i++) {
		const char *one[] = {"-q", "-j", "1", "-o", single_dir, in_path(i, in, sizeof in), NULL};
		snprintf(single_dir, sizeof single_dir, DIR "/single");
		run_suara_quiet(one);
		snprintf(b, sizeof b, DIR "/single/berita%d.wav", i);
		same += test_same_file(out_path(DIR "/out", i, "wav", a, sizeof a), b);
		snprintf(b, sizeof b, DIR "/single/berita%d.json", i);
		same += test_same_file(out_path(DIR "/out", i, "json", a, sizeof a), b);
	}
	CHECK(same == 2 * NFILES, "each file of the batch (sub-folders kept) equals its render alone (%d of %d)",
	      same, 2 * NFILES);
}

static void resume_and_force(void)
{
	const char *force[] = {"-q", "--force", "-r", "-o", DIR "/out", DIR "/in", NULL};
	char in[256], a[256], b[256];
	time_t before3 = mtime(out_path(DIR "/out", 3, "wav", a, sizeof a));
	time_t before4 = mtime(out_path(DIR "/out", 4, "wav", b, sizeof b));
	sleep(1);
	/* Input 4 changes: only it is rendered again. */
	make_input(in_path(4, in, sizeof in), 40);
	{
		const char *loud[] = {"-r", "-o", DIR "/out", DIR "/in", NULL};
		char *err = NULL;
		int rc = run_suara(loud, NULL, NULL, NULL, &err);
		CHECK(rc == 0 && strstr(err, "already rendered and newer than"),
		      "a second run over the same folder succeeds and says what it skipped");
		free(err);
	}
	CHECK(mtime(a) == before3, "a complete, newer output is skipped");
	CHECK(mtime(b) > before4, "an output older than its changed input is rendered again");
	sleep(1);
	CHECK(run_suara_quiet(force) == 0 && mtime(a) > before3, "--force renders complete outputs again");
	{
		const char *named[] = {"-q", "-o", DIR "/out/a", in_path(3, in, sizeof in), NULL};
		time_t t = mtime(a);
		sleep(1);
		CHECK(run_suara_quiet(named) == 0 && mtime(a) > t,
		      "a file named on the command line is always rendered");
	}
}

static void shards(void)
{
	char dir[64], in[256], p[256];
	int k, i, once = 0;
	for (k = 1; k <= 3; k++) {
		char shard[16];
		const char *args[] = {"-q", "-r", "--shard", shard, "-o", dir, DIR "/in", NULL};
		snprintf(shard, sizeof shard, "%d/3", k);
		snprintf(dir, sizeof dir, DIR "/shard%d", k);
		CHECK(run_suara_quiet(args) == 0, "shard %d/3 renders", k);
	}
	for (i = 0; i < NFILES; i++) {
		int count = 0;
		(void)in_path(i, in, sizeof in);
		for (k = 1; k <= 3; k++) {
			snprintf(dir, sizeof dir, DIR "/shard%d", k);
			count += exists(out_path(dir, i, "wav", p, sizeof p));
		}
		once += count == 1;
	}
	CHECK(once == NFILES, "the 3 shards together render each of the %d inputs exactly once (%d)", NFILES, once);
}

/* Kill a batch midway, run it again: the same outputs as an uninterrupted
 * run, and never a partial file under a final name. */
static void killed_midway(void)
{
	const char *again[] = {"-q", "-j", "2", "-r", "-o", DIR "/killed", DIR "/in", NULL};
	char a[256], b[256];
	int i, partial = 0, same = 0, status;
	pid_t pid = fork();
	if (pid == 0) {
		execl(suara_bin(), suara_bin(), "-q", "-j", "2", "-r", "-o", DIR "/killed", DIR "/in", (char *)NULL);
		_exit(127);
	}
	/* Kill it as soon as the first file is out (files finish in order). */
	for (i = 0; i < 20000 && !exists(out_path(DIR "/killed", 0, "wav", a, sizeof a)); i++)
		nanosleep(&(struct timespec){0, 500 * 1000}, NULL);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	CHECK(!exists(out_path(DIR "/killed", NFILES - 1, "json", b, sizeof b)), "the batch was killed midway");
	for (i = 0; i < NFILES; i++) /* whatever is there under a final name is complete */
		if (exists(out_path(DIR "/killed", i, "wav", a, sizeof a)) &&
		    !test_same_file(a, out_path(DIR "/out", i, "wav", b, sizeof b)))
			partial++;
	CHECK(WIFSIGNALED(status) && partial == 0, "after SIGKILL no final-named output is partial");
	CHECK(run_suara_quiet(again) == 0, "the killed batch runs again");
	for (i = 0; i < NFILES; i++) {
		same += test_same_file(out_path(DIR "/killed", i, "wav", a, sizeof a), out_path(DIR "/out", i, "wav", b, sizeof b));
		same += test_same_file(out_path(DIR "/killed", i, "json", a, sizeof a), out_path(DIR "/out", i, "json", b, sizeof b));
	}
	CHECK(same == 2 * NFILES, "the resumed batch equals an uninterrupted one (%d of %d files)", same, 2 * NFILES);
	CHECK(system("test -z \"$(find " DIR "/killed -name '.*.tmp')\"") == 0,
	      "no temporary file is left after the resumed run");
}

static void refusals(void)
{
	const char *no_r[] = {"-q", "-o", DIR "/x", DIR "/in", NULL};
	const char *clash[] = {"-q", "-o", DIR "/x", DIR "/in/a/berita0.txt", DIR "/dup/berita0.txt", NULL};
	const char *shard[] = {"--shard", "4/3", "x.txt", NULL};
	char *err = NULL;
	int rc = run_suara(no_r, NULL, NULL, NULL, &err);
	CHECK(rc == 1 && strstr(err, "is a folder (use -r"), "a folder without -r is refused with a hint");
	free(err);
	mkdir(DIR "/dup", 0777);
	make_input(DIR "/dup/berita0.txt", 0);
	rc = run_suara(clash, NULL, NULL, NULL, &err);
	CHECK(rc == 1 && strstr(err, "would both be written to"), "two inputs with one output name are refused");
	free(err);
	rc = run_suara(shard, NULL, NULL, NULL, &err);
	CHECK(rc == 2 && strstr(err, "invalid shard '4/3'"), "a shard outside 1..N is a usage error");
	free(err);
}

void suite_batch(void)
{
	char in[256];
	int i;
	if (system("rm -rf " DIR) != 0)
		return;
	mkdir("build/test-tmp", 0777);
	mkdir(DIR, 0777);
	mkdir(DIR "/in", 0777);
	mkdir(DIR "/in/a", 0777);
	mkdir(DIR "/in/b", 0777);
	mkdir(DIR "/in/b/c", 0777);
	for (i = 0; i < NFILES; i++)
		make_input(in_path(i, in, sizeof in), i);
	folder_equals_singles();
	shards();
	killed_midway();
	resume_and_force();
	refusals();
}
