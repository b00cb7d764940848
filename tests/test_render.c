/* test_render.c: the rendered audio against its timestamps, determinism,
 * paragraph independence and worker-count independence. Runs the real
 * program ($SUARA) and reads its outputs with libsndfile and jansson, not
 * with the code that wrote them. */
#define _DEFAULT_SOURCE /* wait4 */
#include <jansson.h>
#include <math.h>
#include <sndfile.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

#define RATE 22050
/* The voice preset's pauses (voices/id/voice.conf), in samples. */
#define SENTENCE_PAUSE (400 * RATE / 1000)
#define PARAGRAPH_PAUSE (900 * RATE / 1000)

typedef struct {
	short *a;
	size_t n;
	int rate;
} wav;

const char *suara_bin(void)
{
	const char *s = getenv("SUARA");
	return s && *s ? s : "./suara";
}

/* Run suara with args (NULL-terminated, at most 12); returns exit status. */
int run_suara(const char *const *args, const char *in, char **out, size_t *out_len, char **err)
{
	char *argv[64];
	int i = 0;
	argv[i++] = (char *)suara_bin();
	while (*args && i < 63)
		argv[i++] = (char *)*args++;
	argv[i] = NULL;
	return test_run(argv, in, in ? strlen(in) : 0, out, out_len, err);
}

static int load_wav(const char *path, wav *w)
{
	SF_INFO info = {0};
	SNDFILE *sf = sf_open(path, SFM_READ, &info);
	if (!sf)
		return -1;
	w->n = (size_t)info.frames;
	w->rate = info.samplerate;
	w->a = malloc((w->n + 1) * sizeof *w->a);
	sf_read_short(sf, w->a, (sf_count_t)w->n);
	sf_close(sf);
	return info.channels == 1 ? 0 : -1;
}

static size_t jsize(json_t *o, const char *key) { return (size_t)json_integer_value(json_object_get(o, key)); }

static int all_zero(const wav *w, size_t from, size_t to)
{
	for (; from < to && from < w->n; from++)
		if (w->a[from] != 0)
			return 0;
	return 1;
}

/* Input bytes at offset/length, whitespace runs folded, for comparing with
 * the JSON text fields. */
static char *slice_folded(const char *raw, size_t off, size_t len)
{
	char *out = malloc(len + 1);
	size_t i, n = 0;
	int space = 0;
	for (i = off; i < off + len; i++) {
		char c = raw[i];
		if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = 0;
		out[n++] = c;
	}
	out[n] = '\0';
	return out;
}

/* Tight: the first and last samples of the unit are audible. */
static int tight(const wav *w, size_t s, size_t e) { return s < e && e <= w->n && w->a[s] != 0 && w->a[e - 1] != 0; }

/* A unit's seconds are its samples, the start rounded down and the end up
 * to the millisecond (README, "Timestamps"). Counts the units whose seconds
 * are not. */
static size_t bad_seconds;

static void check_seconds(json_t *u)
{
	uint64_t s = (uint64_t)json_integer_value(json_object_get(u, "start_sample"));
	uint64_t e = (uint64_t)json_integer_value(json_object_get(u, "end_sample"));
	double start = json_real_value(json_object_get(u, "start")), end = json_real_value(json_object_get(u, "end"));
	/* a unit with no sound (* * *) ends where it starts */
	uint64_t want_s = s * 1000 / RATE, want_e = e > s ? (e * 1000 + RATE - 1) / RATE : want_s;
	if (fabs(start * 1000 - (double)want_s) > 0.01 || fabs(end * 1000 - (double)want_e) > 0.01)
		bad_seconds++;
}

static void check_text(json_t *u, const char *raw, const char *what, size_t i)
{
	char *want = slice_folded(raw, jsize(u, "offset"), jsize(u, "length"));
	CHECK_STR(json_string_value(json_object_get(u, "text")), want, "%s %zu text is the input at offset/length", what, i);
	free(want);
}

static void check_words(const wav *w, json_t *s, const char *raw, size_t si)
{
	json_t *words = json_object_get(s, "words");
	size_t i, prev = 0, bad = 0, framed = 0;
	double ss = json_real_value(json_object_get(s, "start")), se = json_real_value(json_object_get(s, "end"));
	for (i = 0; i < json_array_size(words); i++) {
		json_t *wd = json_array_get(words, i);
		double ws = json_real_value(json_object_get(wd, "start")), we = json_real_value(json_object_get(wd, "end"));
		size_t at = (size_t)(ws * w->rate + 0.5);
		char *want = slice_folded(raw, jsize(wd, "offset"), jsize(wd, "length"));
		if (ws < ss - 1e-9 || we > se + 1e-9 || ws > we || at < prev ||
		    strcmp(want, json_string_value(json_object_get(wd, "text"))) != 0)
			bad++;
		prev = at;
		free(want);
		want = (char *)json_string_value(json_object_get(wd, "text"));
		if (want && *want && (strchr(",.;:!?\"()", want[0]) || strchr(",.;:!?\"()", want[strlen(want) - 1])) &&
		    !(want[strlen(want) - 1] == ')' && strchr(want, '('))) /* (a bracket it holds: 30 (tiga puluh)) */
			framed++;
	}
	CHECK(framed == 0, "sentence %zu: no word starts or ends with framing punctuation (%zu do)", si, framed);
	CHECK(json_array_size(words) > 0 && bad == 0, "sentence %zu: %zu words ordered, inside it, text at their offsets (%zu bad)",
	      si, json_array_size(words), bad);
}

/* Sentences: tight, inside the paragraph, silent and exactly one sentence
 * pause apart. */
static void check_sentences(const wav *w, json_t *p, const char *raw, size_t pi)
{
	json_t *sents = json_object_get(p, "sentences");
	size_t i, prev_end = 0, ps = jsize(p, "start_sample"), pe = jsize(p, "end_sample");
	for (i = 0; i < json_array_size(sents); i++) {
		json_t *s = json_array_get(sents, i);
		size_t ss = jsize(s, "start_sample"), se = jsize(s, "end_sample");
		check_text(s, raw, "sentence", i);
		if (ss == se)
			continue; /* nothing audible, e.g. "* * *" */
		CHECK(tight(w, ss, se) && ss >= ps && se <= pe, "paragraph %zu sentence %zu is tight and inside", pi, i);
		if (prev_end)
			CHECK(ss - prev_end == SENTENCE_PAUSE && all_zero(w, prev_end, ss),
			      "paragraph %zu: silent sentence pause of exactly %d samples before sentence %zu (got %zu)",
			      pi, SENTENCE_PAUSE, i, ss - prev_end);
		check_words(w, s, raw, i);
		prev_end = se;
	}
}

/* The whole timeline of out/<name>.json against out/<name>.wav and the
 * input; returns the number of paragraphs. */
static size_t check_render(const char *txt, const char *wavp, const char *jsonp, size_t want_paras)
{
	wav w = {0};
	json_error_t jerr;
	json_t *j = json_load_file(jsonp, 0, &jerr), *paras;
	char *raw = test_read_file(txt, NULL);
	size_t i, prev_end = 0, n;
	CHECK(j != NULL, "%s parses as JSON (%s)", jsonp, j ? "ok" : jerr.text);
	CHECK(load_wav(wavp, &w) == 0 && w.rate == RATE, "%s is a mono %d Hz WAV", wavp, RATE);
	if (!j || !w.a || !raw)
		goto done;
	CHECK(jsize(j, "samples") == w.n && jsize(j, "sample_rate") == RATE, "JSON sample count equals the WAV's (%zu)", w.n);
	CHECK(w.n > 0 && fabs(json_real_value(json_object_get(j, "duration")) - (double)w.n / RATE) < 0.0005,
	      "duration is samples / rate (%.3f s)", json_real_value(json_object_get(j, "duration")));
	paras = json_object_get(j, "paragraphs");
	n = json_array_size(paras);
	CHECK(n == want_paras, "%zu paragraphs in JSON, %zu in the input", n, want_paras);
	for (i = 0; i < n; i++) {
		json_t *p = json_array_get(paras, i);
		size_t ps = jsize(p, "start_sample"), pe = jsize(p, "end_sample");
		check_text(p, raw, "paragraph", i);
		check_seconds(p);
		for (size_t k = 0; k < json_array_size(json_object_get(p, "sentences")); k++)
			check_seconds(json_array_get(json_object_get(p, "sentences"), k));
		CHECK(jsize(p, "index") == i, "paragraph %zu has index %zu", i, i);
		if (ps == pe)
			continue;
		CHECK(tight(&w, ps, pe), "paragraph %zu bounds are its first and last audible samples", i);
		CHECK(all_zero(&w, prev_end, ps) && (prev_end == 0 || ps - prev_end == PARAGRAPH_PAUSE),
		      "paragraph %zu: silence of exactly %d samples before it (got %zu)", i, PARAGRAPH_PAUSE, ps - prev_end);
		check_sentences(&w, p, raw, i);
		prev_end = pe;
	}
	CHECK(all_zero(&w, prev_end, w.n), "silence after the last paragraph");
	CHECK(bad_seconds == 0, "every paragraph's and sentence's seconds are its samples rounded outwards (%zu are not)",
	      bad_seconds);
	bad_seconds = 0;
done:
	json_decref(j);
	free(w.a);
	free(raw);
	return n;
}

/* Run suara with args; print its stderr when it fails. Exit status. */
int run_suara_quiet(const char *const *args)
{
	char *err = NULL;
	int rc = run_suara(args, NULL, NULL, NULL, &err);
	if (rc != 0)
		printf("  suara failed (%d): %s", rc, err);
	free(err);
	return rc;
}

/* Render txt into dir with -j jobs; returns the exit status. */
static int render_to(const char *txt, const char *dir, const char *jobs)
{
	const char *args[] = {"-q", "--force", "-j", jobs, "-o", dir, txt, NULL};
	return run_suara_quiet(args);
}

/* Paragraph k of the JSON at path: its sample range. */
static int para_range(const char *path, size_t k, size_t *s, size_t *e)
{
	json_error_t jerr;
	json_t *j = json_load_file(path, 0, &jerr), *p;
	if (!j)
		return -1;
	p = json_array_get(json_object_get(j, "paragraphs"), k);
	*s = jsize(p, "start_sample");
	*e = jsize(p, "end_sample");
	json_decref(j);
	return p ? 0 : -1;
}

/* A paragraph rendered alone has exactly the samples it has in the whole. */
static void check_independence(const char *dir)
{
	static const char alone_txt[] = "build/test-tmp/alone.txt";
	char *raw = test_read_file("tests/data/timing.txt", NULL), *second, *end;
	wav whole = {0}, alone = {0};
	size_t ws, we, as, ae;
	FILE *f;
	/* The second paragraph of timing.txt, as its own file. */
	second = strstr(raw, "\n\n") + 2;
	end = strstr(second, "\n\n");
	f = fopen(alone_txt, "w");
	fwrite(second, 1, (size_t)(end - second), f);
	fclose(f);
	CHECK(render_to(alone_txt, dir, "1") == 0, "the second paragraph renders alone");
	load_wav("build/test-tmp/j1/timing.wav", &whole);
	load_wav("build/test-tmp/j1/alone.wav", &alone);
	para_range("build/test-tmp/j1/timing.json", 1, &ws, &we);
	para_range("build/test-tmp/j1/alone.json", 0, &as, &ae);
	CHECK(we - ws == ae - as && whole.a && alone.a && memcmp(whole.a + ws, alone.a + as, (we - ws) * 2) == 0,
	      "paragraph 2 alone has exactly its samples inside the document (%zu and %zu samples)", we - ws, ae - as);
	free(raw);
	free(whole.a);
	free(alone.a);
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* Paragraph k of dir/name.wav (with its JSON): its samples, in *w. */
static int para_samples(const char *dir, const char *name, size_t k, wav *w, size_t *s, size_t *e)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s.wav", dir, name);
	if (load_wav(path, w) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/%s.json", dir, name);
	return para_range(path, k, s, e) == 0 && *s <= *e && *e <= w->n ? 0 : -1;
}

/* A name said in English beside an English word (Jason Voorhees) is said
 * so in the document's other paragraphs, which the workers speak apart:
 * the second paragraph of jason.txt differs from the same text alone, and
 * after a paragraph without the name it is the same. */
static void check_document_names(void)
{
	static const char dir[] = "build/test-tmp/names";
	static const char later[] = "Karakter Jason hadir dalam gim.\n";
	wav a = {0}, b = {0}, c = {0};
	size_t as = 0, ae = 0, bs = 0, be = 0, cs = 0, ce = 0;
	char text[256];
	mkdir(dir, 0777);
	snprintf(text, sizeof text, "Siapa lagi kalau bukan Jason Voorhees.\n\n%s", later);
	write_text("build/test-tmp/names/jason.txt", text);
	write_text("build/test-tmp/names/alone.txt", later);
	snprintf(text, sizeof text, "Siapa lagi kalau bukan Budi.\n\n%s", later);
	write_text("build/test-tmp/names/budi.txt", text);
	CHECK(render_to("build/test-tmp/names/jason.txt", dir, "2") == 0 &&
		      render_to("build/test-tmp/names/alone.txt", dir, "2") == 0 &&
		      render_to("build/test-tmp/names/budi.txt", dir, "2") == 0,
	      "three documents with Jason render");
	CHECK(para_samples(dir, "jason", 1, &a, &as, &ae) == 0 && para_samples(dir, "alone", 0, &b, &bs, &be) == 0 &&
		      para_samples(dir, "budi", 1, &c, &cs, &ce) == 0,
	      "their WAV and JSON load");
	CHECK(a.a && b.a && (ae - as != be - bs || memcmp(a.a + as, b.a + bs, (ae - as) * 2) != 0),
	      "after Jason Voorhees, Jason alone is said otherwise (%zu and %zu samples)", ae - as, be - bs);
	CHECK(b.a && c.a && ce - cs == be - bs && memcmp(c.a + cs, b.a + bs, (ce - cs) * 2) == 0,
	      "after a paragraph without the name, the paragraph has the samples it has alone");
	check_render("build/test-tmp/names/jason.txt", "build/test-tmp/names/jason.wav", "build/test-tmp/names/jason.json",
		     2);
	free(a.a);
	free(b.a);
	free(c.a);
}

/* mixed.txt rendered with environment variable env set to 1, with jobs
 * workers, into dir: it renders and gives the bytes of build/test-tmp/reset. */
static void same_as_reset(const char *env, const char *dir, const char *jobs, const char *what)
{
	char wav_path[256], json_path[256];
	int rc;
	setenv(env, "1", 1);
	rc = render_to("tests/data/mixed.txt", dir, jobs);
	unsetenv(env);
	snprintf(wav_path, sizeof wav_path, "%s/mixed.wav", dir);
	snprintf(json_path, sizeof json_path, "%s/mixed.json", dir);
	CHECK(rc == 0 && test_same_file("build/test-tmp/reset/mixed.wav", wav_path) &&
	      test_same_file("build/test-tmp/reset/mixed.json", json_path),
	      "%s=1: mixed.txt renders, and %s give the same WAV and JSON (status %d)", env, what, rc);
}

/* Resetting the engine between paragraphs gives exactly what a process of
 * its own per paragraph gives, on text that makes espeak-ng switch
 * languages (English words, Arabic, Cyrillic and Chinese script). */
static void check_reset(void)
{
	CHECK(render_to("tests/data/mixed.txt", "build/test-tmp/reset", "1") == 0,
	      "mixed.txt renders, one worker resetting between paragraphs");
	check_render("tests/data/mixed.txt", "build/test-tmp/reset/mixed.wav", "build/test-tmp/reset/mixed.json", 5);
	same_as_reset("SUARA_NO_RESET", "build/test-tmp/noreset", "1", "a process per paragraph");
	/* Workers replaced after every paragraph (as when a heap has grown),
	 * each still speaking the paragraph it had queued. */
	same_as_reset("SUARA_WORKER_HEAP_MAX", "build/test-tmp/replaced", "2",
		      "workers replaced after every paragraph");
	/* The probe of resets says no after the first workers have started:
	 * they are given nothing more, and a process per paragraph follows. */
	same_as_reset("SUARA_TEST_PROBE_FAILS", "build/test-tmp/probefail", "2",
		      "resets found inexact while workers speak");
}

/* An input long enough that its audio might pass a WAV's 4 GiB is written
 * as RF64. Its bytes here are mostly blank lines, so it renders quickly. */
static void check_rf64(void)
{
	static const char txt[] = "build/test-tmp/rf64.txt";
	FILE *f = fopen(txt, "w");
	char head[4] = {0};
	size_t i;
	fputs("Berkas ini panjang karena baris kosongnya.\n", f);
	for (i = 0; i < 750000 / 50; i++)
		fputs("                                                \n\n", f);
	fputs("Lalu datang paragraf kedua.\n", f);
	fclose(f);
	CHECK(render_to(txt, "build/test-tmp/rf64", "2") == 0, "a 750 KB input renders");
	f = fopen("build/test-tmp/rf64/rf64.wav", "rb");
	CHECK(f && fread(head, 1, 4, f) == 4 && memcmp(head, "RF64", 4) == 0,
	      "its audio is written as RF64 (the file starts with '%.4s')", head);
	if (f)
		fclose(f);
	check_render(txt, "build/test-tmp/rf64/rf64.wav", "build/test-tmp/rf64/rf64.json", 2);
}

/* A paragraph of only an emoji is spoken (espeak-ng names it), so it gets
 * audio and a word of its own, pointing at the emoji's bytes. */
static void check_emoji(void)
{
	static const char txt[] = "build/test-tmp/emoji.txt";
	static const char body[] = "Hujan turun sejak pagi.\n\n\xF0\x9F\x91\x8D\n";
	json_error_t jerr;
	json_t *j, *p, *w;
	FILE *f = fopen(txt, "w");
	fputs(body, f);
	fclose(f);
	CHECK(render_to(txt, "build/test-tmp/emoji", "1") == 0, "a paragraph of one emoji renders");
	check_render(txt, "build/test-tmp/emoji/emoji.wav", "build/test-tmp/emoji/emoji.json", 2);
	j = json_load_file("build/test-tmp/emoji/emoji.json", 0, &jerr);
	p = json_array_get(json_object_get(j, "paragraphs"), 1);
	w = json_array_get(json_object_get(json_array_get(json_object_get(p, "sentences"), 0), "words"), 0);
	CHECK(p && jsize(p, "end_sample") > jsize(p, "start_sample") + 2205,
	      "the emoji paragraph has audio (%zu samples)", p ? jsize(p, "end_sample") - jsize(p, "start_sample") : 0);
	CHECK(w && jsize(w, "offset") == 25 && jsize(w, "length") == 4, "its word is the emoji's 4 bytes at 25");
	json_decref(j);
}

/* A number spelled again in brackets is said once, and the brackets are
 * part of its word: 30 (tiga puluh), then hari, each timed. */
static void check_spelled_again(void)
{
	static const char txt[] = "build/test-tmp/again.txt";
	json_error_t jerr;
	json_t *j, *w;
	const char *t1, *t2;
	write_text(txt, "Paling lama 30 (tiga puluh) hari sejak itu.\n");
	CHECK(render_to(txt, "build/test-tmp/again", "1") == 0, "a number spelled again in brackets renders");
	check_render(txt, "build/test-tmp/again/again.wav", "build/test-tmp/again/again.json", 1);
	j = json_load_file("build/test-tmp/again/again.json", 0, &jerr);
	w = json_object_get(json_array_get(json_object_get(json_array_get(json_object_get(j, "paragraphs"), 0), "sentences"), 0),
			    "words");
	t1 = json_string_value(json_object_get(json_array_get(w, 2), "text"));
	t2 = json_string_value(json_object_get(json_array_get(w, 3), "text"));
	CHECK(json_array_size(w) == 6 && t1 && !strcmp(t1, "30 (tiga puluh)") && t2 && !strcmp(t2, "hari"),
	      "its words: Paling lama [30 (tiga puluh)] hari sejak itu (%zu words, third %s)", json_array_size(w),
	      t1 ? t1 : "none");
	json_decref(j);
}

/* A paragraph of n bytes or more without a blank line, of varied
 * sentences, written to path. */
static void write_long_paragraph(const char *path, size_t n)
{
	static const char *const parts[] = {
		"Hujan turun sejak subuh di pinggiran kota", "para pedagang menutup lapak lebih awal",
		"seorang guru membacakan cerita untuk murid kelas tiga", "harga beras naik tipis minggu ini",
		"kereta pagi berangkat tepat waktu meski peron basah"};
	FILE *f = fopen(path, "w");
	size_t len = 0, i = 0;
	while (f && len < n) {
		int k = fprintf(f, "%s%s, kata warga ke-%zu. ", i % 7 == 0 && i ? "\n" : "", parts[i % 5], i + 1);
		len += k > 0 ? (size_t)k : 0;
		i++;
	}
	if (f) {
		fputs("Selesai.\n", f);
		fclose(f);
	}
}

/* Peak resident memory (KiB) of a suara run with args, itself (its workers
 * are its children), or -1 when it fails. */
static long peak_kib(const char *const *args)
{
	char *argv[16];
	int i = 0, status;
	struct rusage ru;
	pid_t pid;
	argv[i++] = (char *)suara_bin();
	while (*args && i < 15)
		argv[i++] = (char *)*args++;
	argv[i] = NULL;
	if ((pid = fork()) == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	return ru.ru_maxrss;
}

/* A long paragraph is spoken in parts of whole sentences, with exactly a
 * sentence's pause between them: one paragraph in the JSON, tight, the
 * same bytes for any -j. */
static void check_long_paragraph(void)
{
	const char *txt = "build/test-tmp/long/long.txt";
	write_long_paragraph(txt, 12000);
	CHECK(render_to(txt, "build/test-tmp/long/j1", "1") == 0 && render_to(txt, "build/test-tmp/long/j2", "2") == 0,
	      "a 12 KB paragraph renders");
	check_render(txt, "build/test-tmp/long/j1/long.wav", "build/test-tmp/long/j1/long.json", 1);
	CHECK(test_same_file("build/test-tmp/long/j1/long.wav", "build/test-tmp/long/j2/long.wav") &&
	      test_same_file("build/test-tmp/long/j1/long.json", "build/test-tmp/long/j2/long.json"),
	      "its parts give the same bytes with -j 1 and -j 2");
}

/* Beyond PARA_TEXT_MAX (64 KB) a paragraph is cut at a sentence into
 * paragraphs of the timestamps, with nothing lost; memory does not follow
 * the paragraph's length (it did: a 1 MB paragraph took 2.9 GB, its audio
 * held whole). */
static void check_huge_paragraph(void)
{
	const char *txt = "build/test-tmp/long/huge.txt";
	const char *args[] = {"-q", "--force", "-j", "2", "-o", "build/test-tmp/long/huge", txt, NULL};
	const char *seg[] = {"--segment", txt, NULL};
	const char *build = getenv("SUARA_BUILD");
	json_error_t jerr;
	json_t *j, *paras;
	char *out = NULL;
	size_t sentences = 0, segmented = 0, gaps_ok = 1, prev_end = 0, prev_stop = 0;
	long kib;
	write_long_paragraph(txt, 70000);
	kib = peak_kib(args);
	CHECK(kib > 0, "a 70 KB paragraph renders");
	if (!build || !strstr(build, "san")) /* sanitizers' shadow memory aside */
		CHECK(kib < 80 * 1024, "with a peak of %ld KiB (under 80 MiB; its audio alone is 200 MB)", kib);
	j = json_load_file("build/test-tmp/long/huge/huge.json", 0, &jerr);
	paras = j ? json_object_get(j, "paragraphs") : NULL;
	CHECK(json_array_size(paras) == 2, "cut into 2 paragraphs of the timestamps (%zu)", json_array_size(paras));
	for (size_t i = 0; i < json_array_size(paras); i++) {
		json_t *p = json_array_get(paras, i);
		sentences += json_array_size(json_object_get(p, "sentences"));
		CHECK(jsize(p, "length") <= 65536, "paragraph %zu is at most 64 KB (%zu)", i, jsize(p, "length"));
		if (i && (jsize(p, "start_sample") - prev_end != SENTENCE_PAUSE || jsize(p, "offset") < prev_stop))
			gaps_ok = 0;
		prev_end = jsize(p, "end_sample");
		prev_stop = jsize(p, "offset") + jsize(p, "length");
	}
	CHECK(gaps_ok, "the cut is a sentence's pause, the offsets go on");
	if (run_suara(seg, NULL, &out, NULL, NULL) == 0 && out)
		for (char *c = out; *c; c++)
			segmented += *c == '\n';
	CHECK(sentences == segmented && sentences > 100, "every sentence is spoken (%zu of %zu)", sentences, segmented);
	free(out);
	json_decref(j);
	remove("build/test-tmp/long/huge/huge.wav");
}

/* --paragraphs line: each line is a paragraph. */
static void check_line_paragraphs(void)
{
	const char *txt = "build/test-tmp/long/lines.txt";
	const char *args[] = {"-q", "--force", "--paragraphs", "line", "-o", "build/test-tmp/long/lines", txt, NULL};
	FILE *f = fopen(txt, "w");
	if (f) {
		fputs("Baris pertama adalah paragraf.\nBaris kedua juga.\n\nBaris ketiga, setelah baris kosong.\n", f);
		fclose(f);
	}
	CHECK(run_suara_quiet(args) == 0, "--paragraphs line renders");
	check_render(txt, "build/test-tmp/long/lines/lines.wav", "build/test-tmp/long/lines/lines.json", 3);
}

void suite_render(void)
{
	mkdir("build/test-tmp", 0777);
	CHECK(render_to("tests/data/timing.txt", "build/test-tmp/j1", "1") == 0, "timing.txt renders with -j 1");
	check_render("tests/data/timing.txt", "build/test-tmp/j1/timing.wav", "build/test-tmp/j1/timing.json", 4);
	CHECK(render_to("voices/id/sample.txt", "build/test-tmp/j1", "1") == 0, "the voice's sample renders");
	check_render("voices/id/sample.txt", "build/test-tmp/j1/sample.wav", "build/test-tmp/j1/sample.json", 5);
	CHECK(render_to("tests/data/crlf.txt", "build/test-tmp/j1", "1") == 0, "a CRLF file with a BOM renders");
	check_render("tests/data/crlf.txt", "build/test-tmp/j1/crlf.wav", "build/test-tmp/j1/crlf.json", 2);
	CHECK(render_to("tests/data/timing.txt", "build/test-tmp/again", "1") == 0 &&
	      test_same_file("build/test-tmp/j1/timing.wav", "build/test-tmp/again/timing.wav") &&
	      test_same_file("build/test-tmp/j1/timing.json", "build/test-tmp/again/timing.json"),
	      "two renders of the same input are byte-identical");
	CHECK(render_to("tests/data/timing.txt", "build/test-tmp/j2", "2") == 0 &&
	      render_to("tests/data/timing.txt", "build/test-tmp/j4", "4") == 0, "renders with -j 2 and -j 4");
	CHECK(test_same_file("build/test-tmp/j1/timing.wav", "build/test-tmp/j2/timing.wav") &&
	      test_same_file("build/test-tmp/j1/timing.wav", "build/test-tmp/j4/timing.wav") &&
	      test_same_file("build/test-tmp/j1/timing.json", "build/test-tmp/j2/timing.json") &&
	      test_same_file("build/test-tmp/j1/timing.json", "build/test-tmp/j4/timing.json"),
	      "WAV and JSON are byte-identical for -j 1, 2 and 4");
	check_independence("build/test-tmp/j1");
	check_document_names();
	check_reset();
	check_rf64();
	check_emoji();
	check_spelled_again();
	mkdir("build/test-tmp/long", 0777);
	check_long_paragraph();
	check_huge_paragraph();
	check_line_paragraphs();
}
