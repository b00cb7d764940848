/* test_timestamps.c: every timestamp format against the JSON timeline of
 * the same render. Renders a fixture of hostile text (-->, &, <b>, quotes, a
 * line break inside a paragraph, non-ASCII, </script>, silent "* * *") under a hostile file
 * name with every format, then rebuilds each file's expected content from
 * the JSON with this file's own formatting and escaping, and compares. The
 * WAV's cue and LIST/adtl chunks are parsed here, independently of the
 * writer, and the WAV is read back with libsndfile and sox. */
#include <dirent.h>
#include <jansson.h>
#include <sndfile.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "suara.h"
#include "test.h"

int run_suara(const char *const *args, const char *in, char **out, size_t *out_len, char **err);

#define FIXTURE_NAME "uji & \"kutip\" #1"
static const char fixture_text[] =
	"Judul: \"Uji\" & <b>tebal</b> --> panah.\n"
	"\n"
	"Paragraf kedua punya baris\n"
	"baru di tengah. Kalimat kedua ada 'kutip' & <i>miring</i>.\n"
	"\n"
	"Paragraf ketiga: caf\xC3\xA9, na\xC3\xAFve, dan 5 < 6 > 4. Ini kalimat kedua. Dan ini yang ketiga!\n"
	"\n"
	"Paragraf keempat --> akhir. Selesai </script> di sini.\n"
	"\n"
	"* * *\n"
	"\n"
	"Paragraf keenam, terakhir. * * *\n";

/* Path of the fixture's output with suffix ext ("" for the folder). */
static char fixture_dir[256];
const char *ts_fixture_path(char *buf, size_t len, const char *ext)
{
	snprintf(buf, len, "%s/%s%s", fixture_dir, *ext ? FIXTURE_NAME : "", ext);
	return buf;
}

void ts_fixture_remove(void)
{
	DIR *d = fixture_dir[0] ? opendir(fixture_dir) : NULL;
	struct dirent *e;
	char path[1024];
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", fixture_dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(fixture_dir);
	fixture_dir[0] = '\0';
}

/* Render the fixture with every format into a new temporary folder. */
int ts_fixture_render(void)
{
	char txt[512], out[512], *err = NULL;
	const char *args[] = {"-q", "-t", "json,vtt,vtt-chapters,srt,aud,cue,html", "-o", out, txt, NULL};
	FILE *f;
	int st;
	snprintf(fixture_dir, sizeof fixture_dir, "%s/suara-ts-XXXXXX",
		 getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(fixture_dir))
		return -1;
	ts_fixture_path(txt, sizeof txt, ".txt");
	snprintf(out, sizeof out, "%s/", fixture_dir);
	f = fopen(txt, "wb");
	if (!f || fwrite(fixture_text, 1, sizeof fixture_text - 1, f) != sizeof fixture_text - 1 || fclose(f) != 0)
		return -1;
	st = run_suara(args, NULL, NULL, NULL, &err);
	CHECK(st == 0, "suara renders the fixture with every format (exit %d: %s)", st, err ? err : "");
	free(err);
	return st == 0 ? 0 : -1;
}

/* ---- the expected texts, built from the JSON with this file's code ---- */

typedef struct {
	char *data;
	size_t len, cap;
} str;

static void put(str *s, const char *t, size_t n)
{
	if (s->len + n + 1 > s->cap) {
		s->cap = (s->len + n + 1) * 2;
		s->data = realloc(s->data, s->cap);
	}
	memcpy(s->data + s->len, t, n);
	s->len += n;
	s->data[s->len] = '\0';
}

static void puts_(str *s, const char *t) { put(s, t, strlen(t)); }

static void putf(str *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(str *s, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	puts_(s, tmp);
}

static long long ms_of(json_t *u, const char *key)
{
	return (long long)(json_real_value(json_object_get(u, key)) * 1000 + 0.5);
}

static long long samples_of(json_t *u, const char *key)
{
	return json_integer_value(json_object_get(u, key));
}
static const char *text_of(json_t *u) { return json_string_value(json_object_get(u, "text")); }
static int audible(json_t *u) { return samples_of(u, "end_sample") > samples_of(u, "start_sample"); }

static void put_clock(str *s, long long ms, char sep)
{
	putf(s, "%02lld:%02lld:%02lld%c%03lld", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, sep, ms % 1000);
}

static void put_escaped(str *s, const char *t, int quotes)
{
	for (; *t; t++) {
		if (*t == '&')
			puts_(s, "&amp;");
		else if (*t == '<')
			puts_(s, "&lt;");
		else if (*t == '>')
			puts_(s, "&gt;");
		else if (quotes && *t == '"')
			puts_(s, "&quot;");
		else if (quotes && *t == '\'')
			puts_(s, "&#39;");
		else
			put(s, t, 1);
	}
}

static const char *title_of(json_t *p)
{
	json_t *sents = json_object_get(p, "sentences");
	return json_array_size(sents) ? text_of(json_array_get(sents, 0)) : text_of(p);
}

#define FOR_PARAS(j, pi, p)                                                        \
	for (pi = 0; pi < json_array_size(json_object_get(j, "paragraphs")); pi++) \
		if ((p = json_array_get(json_object_get(j, "paragraphs"), pi)) != NULL && audible(p))
#define FOR_SENTS(p, si, s)                                                       \
	for (si = 0; si < json_array_size(json_object_get(p, "sentences")); si++) \
		if ((s = json_array_get(json_object_get(p, "sentences"), si)) != NULL && audible(s))

static void want_vtt(str *w, json_t *j, int chapters)
{
	size_t pi, si;
	json_t *p, *s;
	puts_(w, "WEBVTT\n\n");
	FOR_PARAS(j, pi, p) {
		if (chapters) {
			putf(w, "p%zu\n", pi + 1);
			put_clock(w, ms_of(p, "start"), '.'), puts_(w, " --> "), put_clock(w, ms_of(p, "end"), '.');
			puts_(w, "\n"), put_escaped(w, title_of(p), 0), puts_(w, "\n\n");
			continue;
		}
		FOR_SENTS(p, si, s) {
			putf(w, "p%zu.s%zu\n", pi + 1, si + 1);
			put_clock(w, ms_of(s, "start"), '.'), puts_(w, " --> "), put_clock(w, ms_of(s, "end"), '.');
			puts_(w, "\n"), put_escaped(w, text_of(s), 0), puts_(w, "\n\n");
		}
	}
}

static void want_srt(str *w, json_t *j)
{
	size_t pi, si, n = 0;
	json_t *p, *s;
	FOR_PARAS(j, pi, p) FOR_SENTS(p, si, s) {
		putf(w, "%zu\n", ++n);
		put_clock(w, ms_of(s, "start"), ','), puts_(w, " --> "), put_clock(w, ms_of(s, "end"), ',');
		puts_(w, "\n"), put_escaped(w, text_of(s), 0), puts_(w, "\n\n");
	}
}

static void put_secs(str *w, long long ms) { putf(w, "%lld.%03lld", ms / 1000, ms % 1000); }

static void want_aud(str *w, json_t *j)
{
	size_t pi, si;
	json_t *p, *s;
	FOR_PARAS(j, pi, p) {
		put_secs(w, ms_of(p, "start")), puts_(w, "\t"), put_secs(w, ms_of(p, "end"));
		putf(w, "\t\xC2\xB6%zu: %s\n", pi + 1, title_of(p));
		FOR_SENTS(p, si, s) {
			put_secs(w, ms_of(s, "start")), puts_(w, "\t"), put_secs(w, ms_of(s, "end"));
			putf(w, "\t%s\n", text_of(s));
		}
	}
}

static void want_cue_tsv(str *w, json_t *j)
{
	size_t pi, n = 0;
	json_t *p;
	puts_(w, "id\tsample\tseconds\tname\n");
	FOR_PARAS(j, pi, p) {
		putf(w, "%zu\t%lld\t", ++n, samples_of(p, "start_sample"));
		put_secs(w, ms_of(p, "start"));
		putf(w, "\t%s\n", title_of(p));
	}
}

/* Compare a whole output file with what the JSON says it must be. */
static void check_file(const char *ext, const str *want, const char *what)
{
	char path[512];
	char *got = test_read_file(ts_fixture_path(path, sizeof path, ext), NULL);
	CHECK_STR(got, want->data, "%s equals the JSON's timeline, escaped for it", what);
	free(got);
}

/* No raw markup and no "-->" outside timing lines. */
static void check_hostile_lines(const char *ext, const char *what)
{
	char path[512];
	char *got = test_read_file(ts_fixture_path(path, sizeof path, ext), NULL), *line, *save = NULL;
	int bad = 0;
	for (line = got ? strtok_r(got, "\n", &save) : NULL; line; line = strtok_r(NULL, "\n", &save)) {
		int timing = strstr(line, " --> ") && line[0] == '0';
		if ((!timing && strstr(line, "-->")) || strchr(line, '<'))
			bad++;
	}
	CHECK(got && bad == 0, "%s: no raw < and no --> outside timing lines (%d bad lines)", what, bad);
	free(got);
}

/* ---- the WAV's chunks, parsed here ---- */

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

typedef struct {
	uint32_t n, id[64], offset[64], position[64];
	const char *name[64];
	int riff_ok, data_chunks;
} cues;

static void parse_adtl(const unsigned char *p, size_t len, cues *c)
{
	size_t at = 4, i;
	while (at + 8 <= len) {
		uint32_t size = le32(p + at + 4);
		if (at + 8 + size > len)
			break;
		if (memcmp(p + at, "labl", 4) == 0 && size >= 5)
			for (i = 0; i < c->n; i++)
				if (c->id[i] == le32(p + at + 8) && p[at + 8 + size - 1] == '\0')
					c->name[i] = (const char *)p + at + 12;
		at += 8 + size + (size & 1);
	}
}

static void parse_cue(const unsigned char *p, size_t len, cues *c)
{
	uint32_t i, n = len >= 4 ? le32(p) : 0;
	for (i = 0; i < n && i < 64 && 4 + 24 * (size_t)(i + 1) <= len; i++) {
		const unsigned char *q = p + 4 + 24 * i;
		c->id[i] = le32(q);
		c->position[i] = le32(q + 4);
		c->offset[i] = le32(q + 20);
		c->n = i + 1;
		if (memcmp(q + 8, "data", 4) != 0)
			c->offset[i] = UINT32_MAX;
	}
}

static void parse_riff(const unsigned char *w, size_t len, cues *c)
{
	size_t at = 12;
	memset(c, 0, sizeof *c);
	c->riff_ok = len >= 12 && memcmp(w, "RIFF", 4) == 0 && memcmp(w + 8, "WAVE", 4) == 0 &&
		     (size_t)le32(w + 4) + 8 == len;
	while (c->riff_ok && at + 8 <= len) {
		uint32_t size = le32(w + at + 4);
		if (at + 8 + size > len) {
			c->riff_ok = 0;
			break;
		}
		if (memcmp(w + at, "data", 4) == 0)
			c->data_chunks++;
		else if (memcmp(w + at, "cue ", 4) == 0)
			parse_cue(w + at + 8, size, c);
		else if (memcmp(w + at, "LIST", 4) == 0 && size >= 4 && memcmp(w + at + 8, "adtl", 4) == 0)
			parse_adtl(w + at + 8, size, c);
		at += 8 + size + (size & 1);
	}
	if (at != len)
		c->riff_ok = 0;
}

static void check_sndfile(const char *wav, json_t *j, const cues *c)
{
	SF_INFO info = {0};
	SNDFILE *sf = sf_open(wav, SFM_READ, &info);
	uint32_t count = 0;
	CHECK(sf && info.frames == samples_of(j, "samples"),
	      "libsndfile opens the WAV with cues: %lld frames, JSON %lld",
	      (long long)info.frames, samples_of(j, "samples"));
	if (sf && sf_command(sf, SFC_GET_CUE_COUNT, &count, sizeof count) == SF_TRUE) {
		SF_CUES *sc = calloc(1, sizeof *sc);
		int same = count == c->n && sf_command(sf, SFC_GET_CUE, sc, sizeof *sc) == SF_TRUE;
		for (uint32_t i = 0; same && i < count && i < 100; i++)
			same = sc->cue_points[i].sample_offset == c->offset[i];
		CHECK(same, "libsndfile reads the same %u cue points", count);
		free(sc);
	}
	if (sf)
		sf_close(sf);
}

static int have_program(const char *name, char *path, size_t len)
{
	const char *dirs = getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin";
	while (*dirs) {
		size_t n = strcspn(dirs, ":");
		snprintf(path, len, "%.*s/%s", (int)n, dirs, name);
		if (n && access(path, X_OK) == 0)
			return 1;
		dirs += n + (dirs[n] == ':');
	}
	return 0;
}

/* sox plays (reads to the end) and converts the WAV with its markers.
 * `make check` installs sox, so a missing sox is a failure, not a skip. */
static void check_sox(const char *wav)
{
	char sox[512], flac[600];
	char *stat_argv[] = {sox, (char *)wav, "-n", "stat", NULL};
	char *conv_argv[] = {sox, (char *)wav, flac, NULL};
	if (!have_program("sox", sox, sizeof sox)) {
		CHECK(0, "sox is installed (make check installs it)");
		return;
	}
	snprintf(flac, sizeof flac, "%s.flac", wav);
	CHECK(test_run(stat_argv, NULL, 0, NULL, NULL, NULL) == 0, "sox reads the WAV with cues (sox FILE -n stat)");
	CHECK(test_run(conv_argv, NULL, 0, NULL, NULL, NULL) == 0, "sox converts the WAV with cues to FLAC");
}

static void check_cue(json_t *j)
{
	char wav[512];
	size_t len, pi, n = 0, bad_pos = 0, bad_name = 0;
	unsigned char *w = (unsigned char *)test_read_file(ts_fixture_path(wav, sizeof wav, ".wav"), &len);
	json_t *p;
	cues c;
	parse_riff(w ? w : (unsigned char *)"", w ? len : 0, &c);
	CHECK(c.riff_ok && c.data_chunks == 1, "the WAV is well-formed RIFF: chunk sizes add up to the RIFF size");
	FOR_PARAS(j, pi, p) {
		if (n < c.n && (c.offset[n] != samples_of(p, "start_sample") || c.position[n] != c.offset[n]))
			bad_pos++;
		if (n < c.n && (!c.name[n] || strcmp(c.name[n], title_of(p)) != 0))
			bad_name++;
		n++;
	}
	CHECK(c.n == n && n > 0, "one cue point per audible paragraph (%u, want %zu)", c.n, n);
	CHECK(bad_pos == 0, "cue positions are the paragraphs' first samples (%zu bad)", bad_pos);
	CHECK(bad_name == 0, "labl names are the paragraphs' titles (%zu bad)", bad_name);
	if (c.n > 1 && c.name[1])
		CHECK_STR(c.name[1], "Paragraf kedua punya baris baru di tengah.", "name of marker 2, line break folded");
	check_sndfile(wav, j, &c);
	check_sox(wav);
	free(w);
}

/* ---- the read-along page ---- */

/* The embedded timeline: parses, cannot close its script, equals the JSON. */
static void check_html_timeline(const char *html, json_t *j)
{
	const char *open = "<script type=\"application/json\" id=\"timeline\">";
	const char *from = strstr(html, open), *to = from ? strstr(from, "</script>") : NULL;
	char *body = to ? strndup(from + strlen(open), (size_t)(to - from - strlen(open))) : NULL;
	json_t *t = body ? json_loads(body, 0, NULL) : NULL, *p, *s;
	size_t pi, si, k = 0, bad = 0;
	CHECK(t != NULL, "the embedded timeline parses as JSON");
	CHECK(body && !strstr(body, "</") && !strstr(body, "<!--"), "the embedded timeline holds no </ or <!--");
	FOR_PARAS(j, pi, p) {
		json_t *tp = json_array_get(json_object_get(t, "paragraphs"), k++);
		size_t m = 0;
		bad += !tp || ms_of(tp, "start") != ms_of(p, "start") || ms_of(tp, "end") != ms_of(p, "end");
		FOR_SENTS(p, si, s) {
			json_t *ts = json_array_get(json_object_get(tp, "sentences"), m++);
			bad += !ts || ms_of(ts, "start") != ms_of(s, "start") || ms_of(ts, "end") != ms_of(s, "end") ||
			       strcmp(text_of(ts), text_of(s)) != 0;
		}
	}
	CHECK(t && bad == 0 && json_array_size(json_object_get(t, "paragraphs")) == k,
	      "the embedded timeline's times and texts equal the JSON's (%zu bad)", bad);
	json_decref(t);
	free(body);
}

/* Sections and sentence spans, in order, with times and escaped text. */
static void check_html_spans(const char *html, json_t *j)
{
	json_t *paras = json_object_get(j, "paragraphs"), *p, *s;
	const char *at = html;
	size_t pi, si, missing = 0;
	for (pi = 0; pi < json_array_size(paras); pi++) {
		str want = {0};
		p = json_array_get(paras, pi);
		putf(&want, "<section class=\"para\" id=\"p%zu\"", pi + 1);
		at = strstr(at, want.data) ? strstr(at, want.data) : (missing++, at);
		for (si = 0; si < json_array_size(json_object_get(p, "sentences")); si++) {
			s = json_array_get(json_object_get(p, "sentences"), si);
			want.len = 0;
			putf(&want, audible(s) ? "<span class=\"s\" id=\"p%zu.s%zu\" tabindex=\"-1\" data-start=\"" :
						 "<span class=\"s\">", pi + 1, si + 1);
			if (audible(s)) {
				put_secs(&want, ms_of(s, "start")), puts_(&want, "\" data-end=\"");
				put_secs(&want, ms_of(s, "end")), puts_(&want, "\">");
			}
			put_escaped(&want, text_of(s), 1), puts_(&want, "</span>");
			if (strstr(at, want.data))
				at = strstr(at, want.data);
			else
				missing++, printf("      missing: %s\n", want.data);
		}
		free(want.data);
	}
	CHECK(missing == 0, "every paragraph and sentence is in the page, in order, timed and escaped (%zu missing)",
	      missing);
}

static void check_html(json_t *j)
{
	char path[512];
	char *html = test_read_file(ts_fixture_path(path, sizeof path, ".html"), NULL);
	CHECK(html != NULL, "the read-along page exists");
	if (!html)
		return;
	check_html_spans(html, j);
	check_html_timeline(html, j);
	CHECK(strstr(html, "src=\"uji%20%26%20%22kutip%22%20%231.wav\"") != NULL,
	      "the audio is referenced by its percent-encoded relative name");
	CHECK(strstr(html, "<title>uji &amp; &quot;kutip&quot; #1.txt</title>") != NULL, "the title is escaped");
	CHECK(!strstr(html, "http://") && !strstr(html, "https://") && !strstr(html, "//cdn"),
	      "the page refers to nothing outside itself");
	CHECK(!strstr(html, "<b>") && !strstr(html, "<i>") && !strstr(html, "</script> di"),
	      "no text of the input is taken as markup");
	free(html);
}

static void check_parse(void)
{
	char bad[32] = "";
	unsigned all = suara_timestamps_parse("json,vtt,vtt-chapters,srt,aud,cue,html", bad, sizeof bad);
	CHECK(all == (SUARA_TS_JSON | SUARA_TS_VTT | SUARA_TS_VTT_CHAPTERS | SUARA_TS_SRT | SUARA_TS_AUD |
		      SUARA_TS_CUE | SUARA_TS_HTML), "-t parses every format name");
	CHECK(suara_timestamps_parse("vtt,webvtt", bad, sizeof bad) == 0 && strcmp(bad, "webvtt") == 0,
	      "-t rejects an unknown name and reports it");
}

void suite_timestamps(void)
{
	char path[512];
	json_t *j;
	str want = {0};
	check_parse();
	if (ts_fixture_render() != 0) {
		ts_fixture_remove();
		return;
	}
	j = json_load_file(ts_fixture_path(path, sizeof path, ".json"), 0, NULL);
	CHECK(j && json_array_size(json_object_get(j, "paragraphs")) == 6,
	      "the JSON has the fixture's 6 paragraphs");
	if (j) {
		want_vtt(&want, j, 0), check_file(".vtt", &want, "vtt"), want.len = 0;
		want_vtt(&want, j, 1), check_file(".chapters.vtt", &want, "vtt-chapters"), want.len = 0;
		want_srt(&want, j), check_file(".srt", &want, "srt"), want.len = 0;
		want_aud(&want, j), check_file(".labels.txt", &want, "aud"), want.len = 0;
		want_cue_tsv(&want, j), check_file(".cue.tsv", &want, "cue listing");
		check_hostile_lines(".vtt", "vtt");
		check_hostile_lines(".chapters.vtt", "vtt-chapters");
		check_hostile_lines(".srt", "srt");
		check_cue(j);
		check_html(j);
	}
	free(want.data);
	json_decref(j);
	ts_fixture_remove();
}
