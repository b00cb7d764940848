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
#include <unistd.h>

#include "suara.h"

enum { OPT_SENTENCE_PAUSE = 256, OPT_PARAGRAPH_PAUSE, OPT_SEGMENT, OPT_NORMALIZE };

typedef struct {
	suara_options opt;
	const char *output;   /* -o as given, or NULL */
	int show;             /* -1 render, else enum suara_show */
	int quiet;
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
	      "  UTF-8 text; paragraphs are separated by blank lines.\n"
	      "\n"
	      "Output:\n"
	      "  -o, --output PATH        output folder (default out/); with one input, a path\n"
	      "                           ending in .wav names the audio itself; '-' writes the\n"
	      "                           audio to standard output (no timestamp files)\n"
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
	      "                          ",
	      f);
	for (i = 0; (name = suara_timestamps_name(i)) != NULL; i++)
		fprintf(f, "%s%s", i ? ", " : "", name);
	fputs("\n"
	      "\n"
	      "General:\n"
	      "  -j, --jobs N             worker processes (default: number of CPUs)\n"
	      "      --segment            print the sentences as written, do not render\n"
	      "      --normalize          print the sentences as they will be spoken\n"
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

static int parse_int(const char *s, const char *what, int lo, int hi)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
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
		{"normalize", no_argument, NULL, OPT_NORMALIZE}, {NULL, 0, NULL, 0}};
	int ch;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":o:v:s:p:a:t:j:qhV", longs, NULL)) != -1) {
		switch (ch) {
		case 'o': c->output = optarg; break;
		case 'v': c->opt.voice = optarg; break;
		case 's': c->opt.speed = parse_int(optarg, "speed", 80, 450); break;
		case 'p': c->opt.pitch = parse_int(optarg, "pitch", 0, 99); break;
		case 'a': c->opt.volume = parse_int(optarg, "volume", 0, 200); break;
		case 't': c->opt.timestamps = parse_formats(optarg); break;
		case 'j': c->opt.jobs = parse_int(optarg, "number of jobs", 1, 64); break;
		case 'q': c->quiet = 1; break;
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

/* mkdir -p for the output folder. */
static int make_dirs(const char *dir)
{
	char path[4096];
	size_t i, n = strlen(dir);
	if (n == 0 || n >= sizeof path)
		return n == 0 ? 0 : -1;
	memcpy(path, dir, n + 1);
	for (i = 1; i <= n; i++) {
		if (path[i] != '/' && path[i] != '\0')
			continue;
		path[i] = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST)
			return -1;
		path[i] = dir[i];
	}
	return 0;
}

/* OUT/name (no extension) for input: the file's base name without its
 * extension; "stdin" for standard input. */
static void output_base(char *dst, size_t n, const char *outdir, const char *input)
{
	const char *base = strrchr(input, '/'), *dot;
	size_t len, dl = strlen(outdir);
	base = strcmp(input, "-") == 0 ? "stdin" : base ? base + 1 : input;
	dot = strrchr(base, '.');
	len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	snprintf(dst, n, "%s%s%.*s", outdir, dl && outdir[dl - 1] != '/' ? "/" : "", (int)len, base);
}

static void on_signal(int sig)
{
	suara_cleanup_temps();
	signal(sig, SIG_DFL);
	raise(sig);
}

typedef struct {
	const char *name;
	size_t file, files;
} progress_state;

static void on_progress(void *ud, size_t done, size_t total, double seconds)
{
	const progress_state *p = ud;
	(void)total;
	fprintf(stderr, "\rsuara: [%zu/%zu] %s: %zu paragraphs, %.0f s of audio\033[K", p->file,
		p->files, p->name, done, seconds);
}

static int report(suara_renderer *r, int st)
{
	const char *detail = suara_errdetail(r);
	fprintf(stderr, "suara: %s\n", *detail ? detail : suara_strerror(st));
	return 1;
}

static int render_one(suara_renderer *r, const cli *c, const char *input, int single)
{
	char wav[4200], base[4096];
	const char *outdir = c->output ? c->output : "out/";
	const char *source = strcmp(input, "-") == 0 ? "stdin" : input;
	const char *slash = strrchr(source, '/');
	int st;
	if (c->output && strcmp(c->output, "-") == 0) {
		st = suara_render_file(r, input, slash ? slash + 1 : source, "-", NULL);
		return st == SUARA_OK ? 0 : report(r, st);
	}
	if (single && c->output && ends_with_wav(c->output)) {
		snprintf(wav, sizeof wav, "%s", c->output);
		snprintf(base, sizeof base, "%.*s", (int)(strlen(wav) - 4), wav);
	} else {
		if (make_dirs(outdir) != 0) {
			fprintf(stderr, "suara: %s: cannot create folder: %s\n", outdir, strerror(errno));
			return 1;
		}
		output_base(base, sizeof base, outdir, input);
		snprintf(wav, sizeof wav, "%s.wav", base);
	}
	st = suara_render_file(r, input, slash ? slash + 1 : source, wav, base);
	return st == SUARA_OK ? 0 : report(r, st);
}

int main(int argc, char **argv)
{
	cli c;
	suara_renderer *r = NULL;
	char err[1024];
	progress_state prog = {NULL, 0, 0};
	char *stdin_only[] = {"-"};
	char **inputs;
	int ninputs, i, failed = 0, st;
	memset(&c, 0, sizeof c);
	suara_options_init(&c.opt);
	c.show = -1;
	parse_args(&c, argc, argv);
	inputs = optind < argc ? argv + optind : stdin_only;
	ninputs = optind < argc ? argc - optind : 1;
	if (c.show < 0 && c.output && strcmp(c.output, "-") == 0 && ninputs > 1)
		misuse("'-o -' takes a single input");
	st = suara_renderer_new(&r, &c.opt, err, sizeof err);
	if (st != SUARA_OK) {
		fprintf(stderr, "suara: %s\n", err);
		return 1;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	if (c.show < 0 && !c.quiet && isatty(2))
		suara_set_progress(r, on_progress, &prog);
	prog.files = (size_t)ninputs;
	for (i = 0; i < ninputs; i++) {
		prog.name = inputs[i], prog.file = (size_t)i + 1;
		if (c.show >= 0) {
			st = suara_show_file(r, inputs[i], (enum suara_show)c.show, stdout);
			failed |= st != SUARA_OK ? report(r, st) : 0;
		} else
			failed |= render_one(r, &c, inputs[i], ninputs == 1);
	}
	if (c.show < 0 && !c.quiet && isatty(2))
		fputs("\r\033[K", stderr);
	suara_renderer_free(r);
	return failed ? 1 : 0;
}
