/* main.c: the suara command line. The only file that talks to the terminal. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli_plan.h"
#include "suara.h"

enum { OPT_SENTENCE_PAUSE = 256, OPT_PARAGRAPH_PAUSE, OPT_SEGMENT, OPT_NORMALIZE, OPT_PHONEMES, OPT_PARAGRAPHS, OPT_FORCE, OPT_SHARD };

typedef struct {
	suara_options opt;
	const char *output;   /* -o as given, or NULL */
	int show;             /* -1 render, else enum suara_show */
	int quiet, recursive, force;
	unsigned shard_k, shard_n;
} cli;

static void usage(FILE *f)
{
	size_t i;
	const char *name;
	fputs("Usage: suara [OPTION]... [FILE]...\n"
	      "Speak Indonesian text files as WAV audio with exact timestamps.\n"
	      "FILE '-' or none: standard input. dir/name.txt renders to OUT/name.wav and\n"
	      "OUT/name.json.\n"
	      "\n"
	      "Input:\n"
	      "  UTF-8 text.\n"
	      "  -r, --recursive          render every .txt file below the folders given\n"
	      "      --paragraphs blank|line\n"
	      "                           what ends a paragraph: blank lines (default; the\n"
	      "                           lines of a paragraph are joined) or every line\n"
	      "\n"
	      "Output:\n"
	      "  -o, --output PATH        output folder (default out/); with one input, a path\n"
	      "                           ending in .wav names the audio itself; '-' writes the\n"
	      "                           audio to standard output (no timestamp files)\n"
	      "      --force              with -r: render again files whose outputs are\n"
	      "                           complete and newer than the input (default: skip\n"
	      "                           them, so an interrupted batch continues)\n"
	      "      --shard K/N          render only the K-th of N deterministic slices of\n"
	      "                           the inputs (for spreading a batch over machines)\n"
	      "\n"
	      "Voice:\n"
	      "  -v, --voice NAME|DIR     voice preset (default id, i.e. voices/id/)\n"
	      "  -s, --speed WPM          words per minute, 80-450 (default: preset, 175)\n"
	      "  -p, --pitch N            0-99 (default: preset, 50)\n"
	      "  -a, --volume N           0-200 (default: preset, 100)\n"
	      "      --sentence-pause MS  silence after a sentence (default: preset, 400)\n"
	      "      --paragraph-pause MS silence between paragraphs (default: preset, 900)\n"
	      "\n"
	      "Timestamps:\n"
	      "  -t, --timestamps LIST    comma list of formats (default json):\n"
	      "                           ",
	      f);
	for (i = 0; (name = suara_timestamps_name(i)) != NULL; i++)
		fprintf(f, "%s%s", i ? ", " : "", name);
	fputs("\n"
	      "\n"
	      "General:\n"
	      "  -j, --jobs N             worker processes (default: number of CPUs)\n"
	      "      --segment            print the sentences as written, do not render\n"
	      "      --normalize          print the sentences as they will be spoken\n"
	      "      --phonemes           print the espeak-ng phonemes that will be spoken\n"
	      "  -q, --quiet              no progress line\n"
	      "  -h, --help               show this help and exit\n"
	      "  -V, --version            show the version and exit\n"
	      "\n"
	      "Exit status: 0 success, 1 failure, 2 usage error.\n",
	      f);
}

static _Noreturn void misuse(const char *fmt, ...)
{
	va_list ap;
	fputs("suara: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'suara --help' for more information.\n", stderr);
	exit(2);
}

/* Digits only (no sign, no space), up to stop (a byte, or 0 for the end of
 * s), at most max: the number, with *next after it; -1 otherwise. */
static long digits(const char *s, char stop, long max, const char **next)
{
	long v = 0;
	const char *p = s;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (max - (*p - '0')) / 10)
			return -1; /* overflow: more than max */
		v = v * 10 + (*p - '0');
	}
	if (p == s || *p != stop)
		return -1;
	*next = p;
	return v;
}

static int parse_int(const char *s, const char *what, int lo, int hi)
{
	const char *end;
	long v = digits(s, '\0', hi, &end);
	if (v < lo || v > hi)
		misuse("invalid %s '%s' (expected %d to %d)", what, s, lo, hi);
	return (int)v;
}

static unsigned parse_formats(const char *list)
{
	char bad[64], known[256] = "";
	size_t i;
	unsigned bits = suara_timestamps_parse(list, bad, sizeof bad);
	const char *name;
	if (bits)
		return bits;
	for (i = 0; (name = suara_timestamps_name(i)) != NULL; i++)
		snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", i ? ", " : "", name);
	misuse("unknown timestamp format '%s' (known: %s)", bad, known);
}

static void parse_shard(cli *c, const char *s);

static void parse_args(cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{"output", required_argument, NULL, 'o'}, {"voice", required_argument, NULL, 'v'},
		{"speed", required_argument, NULL, 's'}, {"pitch", required_argument, NULL, 'p'},
		{"volume", required_argument, NULL, 'a'}, {"timestamps", required_argument, NULL, 't'},
		{"jobs", required_argument, NULL, 'j'}, {"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'}, {"version", no_argument, NULL, 'V'},
		{"sentence-pause", required_argument, NULL, OPT_SENTENCE_PAUSE},
		{"paragraph-pause", required_argument, NULL, OPT_PARAGRAPH_PAUSE},
		{"segment", no_argument, NULL, OPT_SEGMENT},
		{"normalize", no_argument, NULL, OPT_NORMALIZE}, {"phonemes", no_argument, NULL, OPT_PHONEMES},
		{"paragraphs", required_argument, NULL, OPT_PARAGRAPHS},
		{"recursive", no_argument, NULL, 'r'},
		{"force", no_argument, NULL, OPT_FORCE}, {"shard", required_argument, NULL, OPT_SHARD},
		{NULL, 0, NULL, 0}};
	int ch;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":o:v:s:p:a:t:j:rqhV", longs, NULL)) != -1) {
		switch (ch) {
		case 'o': c->output = optarg; break;
		case 'v': c->opt.voice = optarg; break;
		case 's': c->opt.speed = parse_int(optarg, "speed", 80, 450); break;
		case 'p': c->opt.pitch = parse_int(optarg, "pitch", 0, 99); break;
		case 'a': c->opt.volume = parse_int(optarg, "volume", 0, 200); break;
		case 't': c->opt.timestamps = parse_formats(optarg); break;
		case 'j': c->opt.jobs = parse_int(optarg, "number of jobs", 1, 64); break;
		case 'q': c->quiet = 1; break;
		case 'r': c->recursive = 1; break;
		case OPT_FORCE: c->force = 1; break;
		case OPT_SHARD: parse_shard(c, optarg); break;
		case 'h': usage(stdout); exit(0);
		case 'V': printf("suara %s\n", SUARA_VERSION); exit(0);
		case OPT_SENTENCE_PAUSE:
			c->opt.sentence_pause_ms = parse_int(optarg, "sentence pause", 0, 10000);
			break;
		case OPT_PARAGRAPH_PAUSE:
			c->opt.paragraph_pause_ms = parse_int(optarg, "paragraph pause", 0, 10000);
			break;
		case OPT_SEGMENT: c->show = SUARA_SHOW_SEGMENTS; break;
		case OPT_NORMALIZE: c->show = SUARA_SHOW_SPOKEN; break;
		case OPT_PHONEMES: c->show = SUARA_SHOW_PHONEMES; break;
		case OPT_PARAGRAPHS:
			if (strcmp(optarg, "blank") == 0)
				c->opt.paragraphs = SUARA_PARAGRAPHS_BLANK;
			else if (strcmp(optarg, "line") == 0)
				c->opt.paragraphs = SUARA_PARAGRAPHS_LINE;
			else
				misuse("invalid paragraphs '%s' (expected blank or line)", optarg);
			break;
		case ':': misuse("option '%s' needs a value", argv[optind - 1]);
		default: misuse("unknown option '%s'", argv[optind - 1]);
		}
	}
}

static int ends_with_wav(const char *s)
{
	size_t n = strlen(s);
	return n > 4 && strcasecmp(s + n - 4, ".wav") == 0;
}

static void on_signal(int sig)
{
	suara_cleanup_temps();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Remove the temporary files on SIGINT, SIGTERM and SIGHUP, then die of the
 * signal. Both block each other while the handler runs (a second SIGTERM,
 * as from timeout(1), must not cut the cleanup short). A signal ignored by
 * whoever started suara (nohup, a background job) stays ignored. SIGPIPE is
 * ignored: a closed standard output is then a write error, reported and
 * cleaned up like any other. SIGCHLD goes back to its default: suara waits
 * for its workers, and an inherited SIG_IGN would have the kernel reap them
 * away (the reset probe's answer lost, a worker's exit status unknown). */
static void handle_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	struct sigaction sa, old;
	size_t i;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The progress line: files, hours of audio, time left (from the share of
 * input text spoken so far); at most five updates a second. */
typedef struct {
	double start, last;
	unsigned long long bytes_total;
	int shown;
} progress_line;

static void on_progress(void *ud, const suara_progress *p)
{
	progress_line *pl = ud;
	double t = now(), left;
	if (t - pl->last < 0.2)
		return;
	pl->last = t;
	pl->shown = 1;
	left = p->text_bytes_done ? (t - pl->start) * (double)(pl->bytes_total - p->text_bytes_done) /
					    (double)p->text_bytes_done : 0;
	fprintf(stderr, "\rsuara: %zu/%zu files, %.2f h of audio, %.0f s left\033[K", p->files_done,
		p->files_total, p->audio_seconds / 3600, left > 0 ? left : 0);
}

typedef struct {
	progress_line *line;
	int failed;
} results;

static void on_result(void *ud, size_t i, int status, const char *detail)
{
	results *res = ud;
	(void)i;
	if (status == SUARA_OK)
		return;
	res->failed = 1;
	fprintf(stderr, "%ssuara: %s\n", res->line->shown ? "\r\033[K" : "",
		*detail ? detail : suara_strerror(status));
}

static void parse_shard(cli *c, const char *s)
{
	const char *slash, *end;
	long k = digits(s, '/', 1000000, &slash), n = k < 0 ? -1 : digits(slash + 1, '\0', 1000000, &end);
	if (k < 1 || n < 1 || k > n)
		misuse("invalid shard '%s' (expected K/N with 1 <= K <= N <= 1000000)", s);
	c->shard_k = (unsigned)k, c->shard_n = (unsigned)n;
}

/* Turn the inputs into targets; 0, or 1 when some input was refused. */
static int make_plan(const cli *c, plan *p, char **inputs, int ninputs)
{
	int to_stdout = c->output && strcmp(c->output, "-") == 0;
	plan_opts o = {c->output && !to_stdout && !ends_with_wav(c->output) ? c->output : "out/",
		       c->recursive, c->shard_k, c->shard_n};
	char err[1024];
	int i, failed = 0;
	for (i = 0; i < ninputs; i++) {
		if (plan_add(p, &o, inputs[i], err, sizeof err) != 0) {
			fprintf(stderr, "suara: %s\n", err);
			failed = 1;
		}
	}
	if (c->output && ends_with_wav(c->output) && p->n == 1 && plan_set_wav(p, c->output, err, sizeof err))
		fprintf(stderr, "suara: %s\n", err), failed = 1;
	plan_shard(p, &o);
	if (plan_check_unique(p, err, sizeof err) != 0 ||
	    (!to_stdout && plan_make_dirs(p, err, sizeof err) != 0)) {
		fprintf(stderr, "suara: %s\n", err);
		return 2;
	}
	return failed;
}

/* Render the plan's targets, skipping complete ones unless --force. */
static int render_plan(suara_renderer *r, const cli *c, const plan *p)
{
	suara_target *t = calloc(p->n + 1, sizeof *t);
	progress_line pl = {now(), 0, 0, 0};
	results res = {&pl, 0};
	size_t i, n = 0, skipped = 0;
	if (!t)
		return fputs("suara: out of memory\n", stderr), 1;
	for (i = 0; i < p->n; i++) {
		const plan_item *it = &p->items[i];
		const char *slash = strrchr(it->input, '/');
		if (it->from_folder && !c->force && suara_outputs_fresh(r, it->input, it->wav, it->base)) {
			skipped++;
			continue;
		}
		t[n++] = (suara_target){it->input, strcmp(it->input, "-") ? (slash ? slash + 1 : it->input) : "stdin",
					c->output && strcmp(c->output, "-") == 0 ? "-" : it->wav,
					c->output && strcmp(c->output, "-") == 0 ? NULL : it->base};
		pl.bytes_total += it->bytes;
	}
	if (skipped && !c->quiet)
		fprintf(stderr, "suara: %zu file%s already rendered and newer than %s input (--force renders %s again)\n",
			skipped, skipped == 1 ? "" : "s", skipped == 1 ? "its" : "their", skipped == 1 ? "it" : "them");
	if (!c->quiet && isatty(2))
		suara_set_progress(r, on_progress, &pl);
	if (suara_render_batch(r, t, n, on_result, &res) != SUARA_OK && !res.failed) {
		/* The batch as a whole failed before any file could say so. */
		const char *detail = suara_errdetail(r);
		fprintf(stderr, "%ssuara: %s\n", pl.shown ? "\r\033[K" : "", *detail ? detail : "rendering failed");
		res.failed = 1;
	}
	if (pl.shown)
		fputs("\r\033[K", stderr);
	free(t);
	return res.failed;
}

static int show(suara_renderer *r, const cli *c, char **inputs, int ninputs)
{
	int i, failed = 0, st;
	for (i = 0; i < ninputs; i++) {
		st = suara_show_file(r, inputs[i], (enum suara_show)c->show, stdout);
		if (st != SUARA_OK) {
			const char *detail = suara_errdetail(r);
			fprintf(stderr, "suara: %s\n", *detail ? detail : suara_strerror(st));
			failed = 1;
		}
	}
	return failed;
}

int main(int argc, char **argv)
{
	cli c;
	suara_renderer *r = NULL;
	char err[1024];
	char *stdin_only[] = {"-"};
	char **inputs;
	plan p = {0};
	int ninputs, failed, st;
	memset(&c, 0, sizeof c);
	suara_options_init(&c.opt);
	c.show = -1;
	parse_args(&c, argc, argv);
	inputs = optind < argc ? argv + optind : stdin_only;
	ninputs = optind < argc ? argc - optind : 1;
	if (c.show < 0 && c.output && (strcmp(c.output, "-") == 0 || ends_with_wav(c.output)) &&
	    (ninputs > 1 || c.recursive))
		misuse("'-o %s' takes a single input file", c.output);
	st = suara_renderer_new(&r, &c.opt, err, sizeof err);
	if (st != SUARA_OK) {
		fprintf(stderr, "suara: %s\n", err);
		return 1;
	}
	handle_signals();
	if (c.show >= 0) {
		failed = show(r, &c, inputs, ninputs);
	} else {
		failed = make_plan(&c, &p, inputs, ninputs);
		if (failed < 2)
			failed |= render_plan(r, &c, &p);
		plan_free(&p);
	}
	suara_renderer_free(r);
	return failed ? 1 : 0;
}
