/* ts_html.c: a self-contained read-along page, NAME.html beside NAME.wav.
 *
 * One HTML file with inline CSS and script and no external requests: the
 * article's paragraphs as <section id="pN"> with each sentence a
 * <span class="s" id="pN.sM"> carrying data-start/data-end in seconds (silent
 * sentences are plain spans), an <audio controls> playing the WAV by its
 * relative name, buttons and keys for the previous and next paragraph and
 * sentence and play/pause, a polite live region announcing where navigation
 * went, and the current sentence marked with aria-current. The timeline
 * (audible paragraphs and sentences) is embedded as JSON in a
 * <script type="application/json"> with <, > and & written as \u003c,
 * \u003e, \u0026 so no text can close the script. All text is HTML-escaped
 * (&, <, >, quotes) and whitespace-folded; the audio name is
 * percent-encoded. The user interface is in Indonesian, like the text. */
#include <stdlib.h>
#include <string.h>

#include "suara.h"
#include "export/timestamps.h"

struct ts_writer {
	FILE *out;
	FILE *json;       /* the timeline, spilled until the sections are written */
	size_t audible;   /* audible paragraphs so far */
	sbuf buf;
};

static const char *const page_css[] = {
	":root {",
	"\tcolor-scheme: light dark;",
	"\t--bg: #ffffff; --fg: #1a1a1a; --muted: #474747; --line: #5f5f5f;",
	"\t--btn: #f0f0f0; --mark: #fff0a8; --mark-fg: #000000; --mark-line: #7a5c00; --focus: #0b57d0;",
	"}",
	"@media (prefers-color-scheme: dark) {",
	"\t:root {",
	"\t\t--bg: #121212; --fg: #e8e8e8; --muted: #c4c4c4; --line: #a0a0a0;",
	"\t\t--btn: #2a2a2a; --mark: #4d3d00; --mark-fg: #ffffff; --mark-line: #ffd54a; --focus: #8ab4f8;",
	"\t}",
	"}",
	"body { margin: 0; background: var(--bg); color: var(--fg); font: 1.125rem/1.6 system-ui, sans-serif; }",
	"header, main { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }",
	"h1 { font-size: 1.5rem; line-height: 1.3; margin: 1rem 0 0.75rem; overflow-wrap: anywhere; }",
	"audio { display: block; width: 100%; }",
	".controls { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.75rem 0 0.5rem; }",
	"button { font: inherit; font-size: 1rem; min-height: 2.75rem; padding: 0.4rem 0.8rem; color: var(--fg);",
	"\tbackground: var(--btn); border: 1px solid var(--line); border-radius: 0.4rem; cursor: pointer; }",
	"label { display: inline-flex; gap: 0.5rem; align-items: center; font-size: 1rem; }",
	"input[type=checkbox] { width: 1.25rem; height: 1.25rem; }",
	"#help { color: var(--muted); font-size: 1rem; margin: 0.5rem 0; }",
	"kbd { font: inherit; border: 1px solid var(--line); border-radius: 0.25rem; padding: 0 0.3rem; }",
	"#status { min-height: 1.6em; margin: 0.25rem 0 1rem; font-weight: 600; }",
	"main { padding-bottom: 3rem; }",
	"section.para { margin: 0 0 1rem; }",
	"section.para p { margin: 0; overflow-wrap: break-word; }",
	".s[data-start] { cursor: pointer; border-radius: 0.2rem; }",
	".s[aria-current] { background: var(--mark); color: var(--mark-fg); outline: 2px solid var(--mark-line);",
	"\toutline-offset: 1px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }",
	":focus-visible, .s[aria-current]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }",
	"@media (forced-colors: active) {",
	"\t.s[aria-current] { forced-color-adjust: none; background: Mark; color: MarkText;",
	"\t\toutline: 2px solid CanvasText; }",
	"}",
	"@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }",
	NULL,
};

static const char *const page_js[] = {
	"(function () {",
	"\t'use strict';",
	"\tvar data = JSON.parse(document.getElementById('timeline').textContent);",
	"\tvar audio = document.getElementById('audio');",
	"\tvar status = document.getElementById('status');",
	"\tvar keys = document.getElementById('shortcuts');",
	"\tvar playButton = document.getElementById('play');",
	"\tvar total = document.querySelectorAll('section.para').length;",
	"\tvar paras = data.paragraphs, sents = [], current = null, stop = null;",
	"\tvar EPS = 0.0005;",
	"\tparas.forEach(function (p) {",
	"\t\tp.sentences.forEach(function (s, i) {",
	"\t\t\ts.para = p;",
	"\t\t\ts.n = i + 1;",
	"\t\t\ts.el = document.getElementById(s.id);",
	"\t\t\tsents.push(s);",
	"\t\t});",
	"\t});",
	"\tfunction lastStarted(list, t) {",
	"\t\tvar lo = 0, hi = list.length - 1, found = -1;",
	"\t\twhile (lo <= hi) {",
	"\t\t\tvar mid = (lo + hi) >> 1;",
	"\t\t\tif (list[mid].start <= t + EPS) {",
	"\t\t\t\tfound = mid;",
	"\t\t\t\tlo = mid + 1;",
	"\t\t\t} else {",
	"\t\t\t\thi = mid - 1;",
	"\t\t\t}",
	"\t\t}",
	"\t\treturn found;",
	"\t}",
	"\tfunction setStop(el) {",
	"\t\tif (stop && stop !== el) stop.tabIndex = -1;",
	"\t\tstop = el;",
	"\t\tif (el) el.tabIndex = 0;",
	"\t}",
	"\tfunction highlight(i) {",
	"\t\tvar s = i >= 0 ? sents[i] : null;",
	"\t\tif (s === current) return;",
	"\t\tif (current) current.el.removeAttribute('aria-current');",
	"\t\tcurrent = s;",
	"\t\tif (s) {",
	"\t\t\ts.el.setAttribute('aria-current', 'true');",
	"\t\t\ts.el.scrollIntoView({block: 'nearest'});",
	"\t\t}",
	"\t\tsetStop(s ? s.el : sents.length ? sents[0].el : null);",
	"\t}",
	"\tfunction sync() {",
	"\t\thighlight(lastStarted(sents, audio.currentTime));",
	"\t}",
	"\tfunction say(text) {",
	"\t\tstatus.textContent = text;",
	"\t}",
	"\tfunction seek(t) {",
	"\t\tvar focused = document.activeElement;",
	"\t\tvar follow = focused && focused.classList && focused.classList.contains('s');",
	"\t\taudio.currentTime = t;",
	"\t\thighlight(lastStarted(sents, t));",
	"\t\tif (follow && current) current.el.focus({preventScroll: true});",
	"\t}",
	"\tfunction goParagraph(delta) {",
	"\t\tif (!paras.length) return;",
	"\t\tvar i = lastStarted(paras, audio.currentTime) + delta;",
	"\t\ti = Math.max(0, Math.min(paras.length - 1, i));",
	"\t\tseek(paras[i].start);",
	"\t\tsay('Paragraf ' + paras[i].n + ' dari ' + total);",
	"\t}",
	"\tfunction goSentence(delta) {",
	"\t\tif (!sents.length) return;",
	"\t\tvar i = lastStarted(sents, audio.currentTime) + delta;",
	"\t\ti = Math.max(0, Math.min(sents.length - 1, i));",
	"\t\tseek(sents[i].start);",
	"\t\tsay('Paragraf ' + sents[i].para.n + ', kalimat ' + sents[i].n);",
	"\t}",
	"\tfunction play() {",
	"\t\tvar p = audio.play();",
	"\t\tif (p && p.catch) p.catch(function (e) { say('Tidak dapat memutar: ' + e.message); });",
	"\t}",
	"\tfunction toggle() {",
	"\t\tif (audio.paused) play();",
	"\t\telse audio.pause();",
	"\t}",
	"\tfunction sentenceOf(el) {",
	"\t\tfor (var i = 0; i < sents.length; i++)",
	"\t\t\tif (sents[i].el === el) return sents[i];",
	"\t\treturn null;",
	"\t}",
	"\tfunction playFrom(el) {",
	"\t\tvar s = sentenceOf(el);",
	"\t\tif (!s) return;",
	"\t\tseek(s.start);",
	"\t\tsay('Paragraf ' + s.para.n + ', kalimat ' + s.n);",
	"\t\tplay();",
	"\t}",
	"\tvar actions = {",
	"\t\tj: function () { goParagraph(1); }, ArrowDown: function () { goParagraph(1); },",
	"\t\tk: function () { goParagraph(-1); }, ArrowUp: function () { goParagraph(-1); },",
	"\t\tn: function () { goSentence(1); }, ArrowRight: function () { goSentence(1); },",
	"\t\tp: function () { goSentence(-1); }, ArrowLeft: function () { goSentence(-1); },",
	"\t\t' ': toggle",
	"\t};",
	"\tdocument.addEventListener('keydown', function (e) {",
	"\t\tvar t = e.target, tag = t.tagName || '';",
	"\t\tif (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;",
	"\t\tif (e.key === 'Enter' && t.classList && t.classList.contains('s') && t.hasAttribute('data-start')) {",
	"\t\t\te.preventDefault();",
	"\t\t\tplayFrom(t);",
	"\t\t\treturn;",
	"\t\t}",
	"\t\tif (!keys.checked || !actions.hasOwnProperty(e.key)) return;",
	"\t\tif (tag === 'AUDIO' || tag === 'TEXTAREA' || tag === 'SELECT' || t.isContentEditable) return;",
	"\t\tif ((tag === 'INPUT' || tag === 'BUTTON' || tag === 'SUMMARY') && e.key === ' ') return;",
	"\t\tif (tag === 'INPUT' && t.type !== 'checkbox') return;",
	"\t\te.preventDefault();",
	"\t\tactions[e.key]();",
	"\t});",
	"\tdocument.getElementById('text').addEventListener('click', function (e) {",
	"\t\tvar el = e.target.closest ? e.target.closest('.s[data-start]') : null;",
	"\t\tif (el) playFrom(el);",
	"\t});",
	"\tdocument.getElementById('prev-para').addEventListener('click', function () { goParagraph(-1); });",
	"\tdocument.getElementById('next-para').addEventListener('click', function () { goParagraph(1); });",
	"\tdocument.getElementById('prev-sent').addEventListener('click', function () { goSentence(-1); });",
	"\tdocument.getElementById('next-sent').addEventListener('click', function () { goSentence(1); });",
	"\tplayButton.addEventListener('click', toggle);",
	"\tfunction tick() {",
	"\t\tsync();",
	"\t\tif (!audio.paused) requestAnimationFrame(tick);",
	"\t}",
	"\tfunction playing() {",
	"\t\tplayButton.textContent = audio.paused ? 'Putar' : 'Jeda';",
	"\t\tif (!audio.paused) requestAnimationFrame(tick);",
	"\t}",
	"\t['play', 'pause', 'ended'].forEach(function (n) { audio.addEventListener(n, playing); });",
	"\t['timeupdate', 'seeked', 'loadedmetadata'].forEach(function (n) { audio.addEventListener(n, sync); });",
	"\tsetStop(sents.length ? sents[0].el : null);",
	"\tsync();",
	"})();",
	NULL,
};

static int add_lines(sbuf *b, const char *const *lines)
{
	int rc = 0;
	for (; *lines && rc == 0; lines++)
		rc |= sbuf_adds(b, *lines) | sbuf_addc(b, '\n');
	return rc;
}

/* A URL path segment: unreserved bytes as they are, the rest as %XX. */
static int add_url(sbuf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	int rc = 0;
	for (; *s && rc == 0; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~", c))
			rc |= sbuf_addc(b, (char)c);
		else
			rc |= sbuf_addc(b, '%') | sbuf_addc(b, hex[c >> 4]) | sbuf_addc(b, hex[c & 15]);
	}
	return rc;
}

static int add_head(sbuf *b, const ts_doc *doc)
{
	const char *src = doc->source;
	int rc = sbuf_adds(b, "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
			      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			      "<meta name=\"color-scheme\" content=\"light dark\">\n"
			      "<meta name=\"generator\" content=\"suara " SUARA_VERSION "\">\n<title>");
	rc |= ts_add_markup(b, src, strlen(src), 1) |
	      sbuf_adds(b, "</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>\n") |
	      add_lines(b, page_css) | sbuf_adds(b, "</style>\n</head>\n<body>\n<header>\n<h1>");
	return rc | ts_add_markup(b, src, strlen(src), 1) | sbuf_adds(b, "</h1>\n");
}

static int add_controls(sbuf *b, const ts_doc *doc)
{
	int rc = sbuf_adds(b, "<audio id=\"audio\" controls preload=\"auto\" src=\"") | add_url(b, doc->audio);
	rc |= sbuf_adds(b,
		"\"></audio>\n<div class=\"controls\" role=\"group\" aria-label=\"Kontrol pemutaran\">\n"
		"<button type=\"button\" id=\"prev-para\" aria-keyshortcuts=\"K ArrowUp\">Paragraf sebelumnya</button>\n"
		"<button type=\"button\" id=\"prev-sent\" aria-keyshortcuts=\"P ArrowLeft\">Kalimat sebelumnya</button>\n"
		"<button type=\"button\" id=\"play\" aria-keyshortcuts=\"Space\">Putar</button>\n"
		"<button type=\"button\" id=\"next-sent\" aria-keyshortcuts=\"N ArrowRight\">Kalimat berikutnya</button>\n"
		"<button type=\"button\" id=\"next-para\" aria-keyshortcuts=\"J ArrowDown\">Paragraf berikutnya</button>\n"
		"</div>\n");
	rc |= sbuf_adds(b,
		"<label><input type=\"checkbox\" id=\"shortcuts\" checked> Pintasan papan ketik</label>\n"
		"<p id=\"help\">Tombol: <kbd>j</kbd> atau <kbd>&darr;</kbd> paragraf berikutnya, "
		"<kbd>k</kbd> atau <kbd>&uarr;</kbd> paragraf sebelumnya, "
		"<kbd>n</kbd> atau <kbd>&rarr;</kbd> kalimat berikutnya, "
		"<kbd>p</kbd> atau <kbd>&larr;</kbd> kalimat sebelumnya, <kbd>Spasi</kbd> putar/jeda, "
		"<kbd>Enter</kbd> atau klik pada kalimat: putar dari situ.</p>\n"
		"<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n</header>\n<main id=\"text\">\n");
	return rc;
}

static int html_begin(ts_writer **out, const ts_doc *doc, FILE *f)
{
	ts_writer *w = su_calloc(1, sizeof *w);
	*out = w;
	if (!w)
		return -1;
	w->out = f;
	w->json = tmpfile();
	if (!w->json || add_head(&w->buf, doc) != 0 || add_controls(&w->buf, doc) != 0)
		return -1;
	return ts_flush(&w->buf, f);
}

/* A JSON string safe inside <script>: <, >, & as \u003c, \u003e, \u0026. */
static int add_script_string(sbuf *b, const char *s, size_t len)
{
	sbuf tmp = {0};
	size_t i;
	int rc = ts_add_folded(&tmp, s, len);
	if (rc == 0) {
		sbuf json = {0};
		rc = ts_add_json_string(&json, sbuf_str(&tmp), tmp.len);
		for (i = 0; i < json.len && rc == 0; i++) {
			char c = json.data[i];
			rc |= c == '<' ? sbuf_adds(b, "\\u003c") : c == '>' ? sbuf_adds(b, "\\u003e") :
			      c == '&' ? sbuf_adds(b, "\\u0026") : sbuf_addc(b, c);
		}
		sbuf_free(&json);
	}
	sbuf_free(&tmp);
	return rc;
}

static int add_id(sbuf *b, size_t para, size_t sent)
{
	int rc = sbuf_addc(b, 'p') | sbuf_addu(b, para + 1);
	return sent ? rc | sbuf_adds(b, ".s") | sbuf_addu(b, sent) : rc;
}

static int add_attr_times(sbuf *b, const ts_doc *doc, uint64_t start, uint64_t end)
{
	return sbuf_adds(b, " data-start=\"") | ts_add_seconds(b, start, doc->rate, TS_FLOOR) |
	       sbuf_adds(b, "\" data-end=\"") | ts_add_seconds(b, end, doc->rate, TS_CEIL) | sbuf_addc(b, '"');
}

static int add_json_times(sbuf *b, const ts_doc *doc, uint64_t start, uint64_t end)
{
	return sbuf_adds(b, "\"start\": ") | ts_add_seconds(b, start, doc->rate, TS_FLOOR) |
	       sbuf_adds(b, ", \"end\": ") | ts_add_seconds(b, end, doc->rate, TS_CEIL);
}

/* One sentence: a span in the page, an entry in the timeline when audible. */
static int add_sentence(sbuf *b, sbuf *j, const ts_doc *doc, const tl_paragraph *p, size_t i, size_t *nj)
{
	const tl_sentence *s = vec_at(&p->sentences, i);
	const char *text = doc->text + s->off;
	int rc = sbuf_adds(b, i ? " <span class=\"s\"" : "<span class=\"s\"");
	if (TS_AUDIBLE(s)) {
		rc |= sbuf_adds(b, " id=\"") | add_id(b, p->index, i + 1) | sbuf_adds(b, "\" tabindex=\"-1\"") |
		      add_attr_times(b, doc, s->start, s->end);
		rc |= sbuf_adds(j, (*nj)++ ? ",\n      { \"id\": \"" : "\n      { \"id\": \"") |
		      add_id(j, p->index, i + 1) | sbuf_adds(j, "\", ") | add_json_times(j, doc, s->start, s->end) |
		      sbuf_adds(j, ", \"text\": ") | add_script_string(j, text, s->len) | sbuf_adds(j, " }");
	}
	return rc | sbuf_addc(b, '>') | ts_add_markup(b, text, s->len, 1) | sbuf_adds(b, "</span>");
}

static int html_paragraph(ts_writer *w, const ts_doc *doc, const tl_paragraph *p)
{
	sbuf *b = &w->buf, j = {0};
	size_t i, nj = 0;
	int audible = TS_AUDIBLE(p);
	int rc = sbuf_adds(b, "<section class=\"para\" id=\"") | add_id(b, p->index, 0) | sbuf_addc(b, '"');
	if (audible) {
		rc |= add_attr_times(b, doc, p->start, p->end);
		rc |= sbuf_adds(&j, w->audible++ ? ",\n  { \"id\": \"" : "\n  { \"id\": \"") |
		      add_id(&j, p->index, 0) | sbuf_adds(&j, "\", \"n\": ") | sbuf_addu(&j, p->index + 1) |
		      sbuf_adds(&j, ", ") | add_json_times(&j, doc, p->start, p->end) |
		      sbuf_adds(&j, ", \"sentences\": [");
	}
	rc |= sbuf_adds(b, "><p>");
	for (i = 0; i < p->sentences.len && rc == 0; i++)
		rc |= add_sentence(b, &j, doc, p, i, &nj);
	rc |= sbuf_adds(b, "</p></section>\n");
	if (audible)
		rc |= sbuf_adds(&j, " ] }");
	if (rc == 0)
		rc = ts_flush(&j, w->json) | ts_flush(b, w->out);
	sbuf_free(&j);
	return rc ? -1 : 0;
}

static int copy_file(FILE *from, FILE *to)
{
	char chunk[65536];
	size_t n;
	if (fflush(from) != 0)
		return -1;
	rewind(from);
	while ((n = fread(chunk, 1, sizeof chunk, from)) > 0)
		if (fwrite(chunk, 1, n, to) != n)
			return -1;
	return ferror(from) ? -1 : 0;
}

static int html_end(ts_writer *w, const ts_doc *doc)
{
	sbuf *b = &w->buf;
	int rc = sbuf_adds(b, "</main>\n<script type=\"application/json\" id=\"timeline\">\n{ \"audio\": ") |
		 add_script_string(b, doc->audio, strlen(doc->audio)) | sbuf_adds(b, ", \"duration\": ") |
		 ts_add_seconds(b, doc->samples, doc->rate, TS_NEAREST) | sbuf_adds(b, ", \"paragraphs\": [");
	if (rc || ts_flush(b, w->out) != 0 || copy_file(w->json, w->out) != 0)
		return -1;
	rc = sbuf_adds(b, w->audible ? " ]\n}\n</script>\n<script>\n" : "]\n}\n</script>\n<script>\n") |
	     add_lines(b, page_js) | sbuf_adds(b, "</script>\n</body>\n</html>\n");
	if (rc || ts_flush(b, w->out) != 0)
		return -1;
	return fflush(w->out) == 0 ? 0 : -1;
}

static void html_free(ts_writer *w)
{
	if (!w)
		return;
	if (w->json)
		fclose(w->json);
	sbuf_free(&w->buf);
	free(w);
}

const ts_format ts_html_format = {"html", ".html", SUARA_TS_HTML, html_begin, html_paragraph, html_end,
				  html_free};
