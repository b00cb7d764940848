// run.mjs: suara's outputs in a real browser (Debian's chromium, driven by
// playwright-core). Usage: node tests/browser/run.mjs DIR [--screenshot PNG]
//
// DIR holds NAME.json, NAME.wav, NAME.vtt, NAME.chapters.vtt and NAME.html
// from one render. DIR is served over loopback HTTP with Range support (audio
// seeking needs it). Prints one `ok NAME` or `FAIL NAME: why` line per check
// and exits 1 on any failure; stops by itself (watchdog).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
	'--autoplay-policy=no-user-gesture-required'];
const WATCHDOG_MS = 90000;
const STEP_MS = 10000;

let failures = 0;
function report(name, ok, why) {
	if (ok) {
		console.log(`ok ${name}`);
	} else {
		failures++;
		console.log(`FAIL ${name}: ${why}`);
	}
}

const argv = process.argv.slice(2);
const shotAt = argv.indexOf('--screenshot');
const shot = shotAt >= 0 ? argv.splice(shotAt, 2)[1] : null;
const dir = argv[0];
if (!dir) {
	console.log('FAIL usage: node run.mjs DIR [--screenshot PNG]');
	process.exit(2);
}
const htmlFile = fs.readdirSync(dir).find((f) => f.endsWith('.html'));
if (!htmlFile) {
	console.log(`FAIL inputs: no .html file in ${dir}`);
	process.exit(1);
}
const name = htmlFile.slice(0, -5);
const timeline = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8'));
const audible = (u) => u.end_sample > u.start_sample;
const paras = timeline.paragraphs.filter(audible);
const sentences = paras.flatMap((p) => p.sentences.filter(audible));

// ---- the server ----

const TYPES = {'.html': 'text/html; charset=utf-8', '.vtt': 'text/vtt; charset=utf-8',
	'.wav': 'audio/wav', '.json': 'application/json', '.srt': 'text/plain; charset=utf-8'};
const BLANK = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>' +
	'<link rel="icon" href="data:,"></head><body></body></html>';

function serveFile(req, res, file) {
	const size = fs.statSync(file).size;
	const headers = {'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
		'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store'};
	const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range || '');
	let start = 0, end = size - 1, status = 200;
	if (m && (m[1] || m[2])) {
		if (m[1]) {
			start = Number(m[1]);
			end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
		} else {
			start = Math.max(0, size - Number(m[2]));
		}
		if (start > end || start >= size) {
			res.writeHead(416, {'Content-Range': `bytes */${size}`});
			res.end();
			return;
		}
		status = 206;
		headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
	}
	headers['Content-Length'] = String(end - start + 1);
	res.writeHead(status, headers);
	if (req.method === 'HEAD') {
		res.end();
		return;
	}
	fs.createReadStream(file, {start, end}).pipe(res);
}

const root = path.resolve(dir);
const server = http.createServer((req, res) => {
	const url = new URL(req.url, 'http://127.0.0.1');
	if (url.pathname === '/__blank.html') {
		res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
		res.end(BLANK);
		return;
	}
	const file = path.resolve(root, '.' + decodeURIComponent(url.pathname));
	if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
		res.writeHead(404);
		res.end();
		return;
	}
	serveFile(req, res, file);
});

// ---- checks ----

const near = (a, b) => Math.abs(a - b) < 0.0005;

async function loadTrack(page, kind, src) {
	return page.evaluate(async ({kind, src}) => {
		const audio = document.createElement('audio');
		const track = document.createElement('track');
		track.kind = kind;
		track.src = src;
		track.default = true;
		audio.appendChild(track);
		document.body.appendChild(audio);
		track.track.mode = 'hidden';
		const state = await new Promise((resolve) => {
			if (track.readyState === 2) resolve('loaded');
			track.addEventListener('load', () => resolve('loaded'));
			track.addEventListener('error', () => resolve('error'));
			setTimeout(() => resolve('timeout'), 8000);
		});
		const cues = Array.from(track.track.cues || []).map((c) => ({id: c.id, start: c.startTime,
			end: c.endTime, text: c.getCueAsHTML().textContent}));
		return {state, cues};
	}, {kind, src});
}

function compareCues(label, got, want) {
	report(`${label}-load`, got.state === 'loaded', `track ${got.state}`);
	report(`${label}-cues`, got.cues.length === want.length,
		`${got.cues.length} cues, want ${want.length}`);
	const n = Math.min(got.cues.length, want.length);
	let badTime = -1, badText = -1, badId = -1;
	for (let i = 0; i < n; i++) {
		const g = got.cues[i], w = want[i];
		if (badTime < 0 && !(near(g.start, w.start) && near(g.end, w.end))) badTime = i;
		if (badText < 0 && g.text !== w.text) badText = i;
		if (badId < 0 && g.id !== w.id) badId = i;
	}
	const show = (i, k) => `cue ${i}: ${JSON.stringify(got.cues[i][k])} != ${JSON.stringify(want[i][k])}`;
	report(`${label}-times`, n > 0 && badTime < 0, badTime < 0 ? 'no cues' :
		`cue ${badTime}: ${got.cues[badTime].start}-${got.cues[badTime].end}, ` +
		`want ${want[badTime].start}-${want[badTime].end}`);
	report(`${label}-text`, n > 0 && badText < 0, badText < 0 ? 'no cues' : show(badText, 'text'));
	report(`${label}-ids`, n > 0 && badId < 0, badId < 0 ? 'no cues' : show(badId, 'id'));
}

async function checkTracks(page, base) {
	await page.goto(`${base}/__blank.html`);
	const captions = [];
	for (const p of paras)
		p.sentences.forEach((s, i) => {
			if (audible(s))
				captions.push({id: `p${p.index + 1}.s${i + 1}`, start: s.start, end: s.end, text: s.text});
		});
	compareCues('vtt', await loadTrack(page, 'captions', `${encodeURIComponent(name)}.vtt`), captions);
	const chapters = paras.map((p) => ({id: `p${p.index + 1}`, start: p.start, end: p.end,
		text: p.sentences.length ? p.sentences[0].text : p.text}));
	compareCues('chapters', await loadTrack(page, 'chapters', `${encodeURIComponent(name)}.chapters.vtt`), chapters);
}

const currentTime = (page) => page.evaluate(() => document.getElementById('audio').currentTime);
const currentId = (page) => page.evaluate(() => {
	const el = document.querySelector('[aria-current]');
	return el ? el.id : null;
});

// The first audible sentence of the i-th paragraph (0-based), with its id.
function firstSentence(p) {
	const i = p.sentences.findIndex(audible);
	return {...p.sentences[i], id: `p${p.index + 1}.s${i + 1}`};
}

async function seekTo(page, t) {
	await page.evaluate((t) => new Promise((resolve) => {
		const a = document.getElementById('audio');
		a.addEventListener('seeked', resolve, {once: true});
		a.currentTime = t;
		setTimeout(resolve, 3000);
	}), t);
}

async function key(page, k) {
	await page.evaluate(() => document.activeElement && document.activeElement.blur());
	await page.keyboard.press(k);
	await page.waitForTimeout(100);
}

async function checkNavigation(page) {
	if (paras.length < 4) {
		report('seek-highlight', false, `${paras.length} audible paragraphs, need 4`);
		return;
	}
	const s3 = firstSentence(paras[2]), p4 = paras[3];
	await seekTo(page, (s3.start + s3.end) / 2);
	const id = await currentId(page);
	report('seek-highlight', id === s3.id, `highlighted ${id}, want ${s3.id}`);
	await key(page, 'j');
	let t = await currentTime(page);
	const said = await page.evaluate(() => document.getElementById('status').textContent);
	report('next-paragraph-key', near(t, p4.start), `j: at ${t}, want paragraph 4 start ${p4.start}`);
	report('next-paragraph-highlight', await currentId(page) === firstSentence(p4).id,
		`highlighted ${await currentId(page)}`);
	report('live-region', said.includes(String(p4.index + 1)), `status says ${JSON.stringify(said)}`);
	await key(page, 'ArrowUp');
	t = await currentTime(page);
	const p3 = paras[2];
	report('arrow-keys', near(t, p3.start), `ArrowUp: at ${t}, want paragraph 3 start ${p3.start}`);
	const second = p3.sentences.filter(audible)[1] || p4.sentences.filter(audible)[0];
	await key(page, 'n');
	t = await currentTime(page);
	let ok = near(t, second.start);
	await key(page, 'p');
	t = await currentTime(page);
	report('sentence-keys', ok && near(t, p3.start), `n/p: at ${t}, want ${second.start} then ${p3.start}`);
}

async function checkEnterAndPlay(page) {
	const s = firstSentence(paras[1]);
	await page.evaluate((id) => document.getElementById(id).focus(), s.id);
	await page.keyboard.press('Enter');
	await page.waitForTimeout(100);
	const t = await page.evaluate(() => {
		const a = document.getElementById('audio');
		a.pause();
		return a.currentTime;
	});
	report('enter-on-sentence', t >= s.start - 0.0005 && t < s.end, `Enter on ${s.id}: at ${t}, want ${s.start}`);
	await key(page, ' ');
	const playing = await page.waitForFunction(() => !document.getElementById('audio').paused,
		null, {timeout: 3000}).then(() => true, () => false);
	await key(page, ' ');
	const paused = await page.evaluate(() => document.getElementById('audio').paused);
	report('play-pause-key', playing && paused, `space: playing ${playing}, then paused ${paused}`);
}

async function checkTab(page) {
	await page.evaluate(() => {
		document.activeElement && document.activeElement.blur();
		window.scrollTo(0, 0);
	});
	const want = ['audio', 'prev-para', 'prev-sent', 'play', 'next-sent', 'next-para', 'shortcuts'];
	const seen = new Set();
	let outline = null, sentence = false;
	for (let i = 0; i < 40 && (seen.size < want.length || !sentence); i++) {
		await page.keyboard.press('Tab');
		const f = await page.evaluate(() => {
			const el = document.activeElement;
			const st = getComputedStyle(el);
			return {id: el.id, cls: el.className, outline: st.outlineStyle, width: parseFloat(st.outlineWidth)};
		});
		if (want.includes(f.id)) seen.add(f.id);
		if (f.cls === 's') sentence = true;
		if (f.id === 'next-para') outline = f;
	}
	const missing = want.filter((w) => !seen.has(w));
	report('tab-order', missing.length === 0 && sentence,
		`not reached by Tab: ${missing.join(' ')}${sentence ? '' : ' (current sentence)'}`);
	report('focus-visible', outline && outline.outline !== 'none' && outline.width >= 2,
		`focused button outline ${JSON.stringify(outline)}`);
}

// WCAG contrast of the highlighted sentence and of the body text.
async function contrast(page) {
	return page.evaluate(() => {
		const rgb = (s) => s.match(/[\d.]+/g).slice(0, 3).map(Number);
		const lum = (c) => {
			const [r, g, b] = c.map((v) => {
				v /= 255;
				return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
			});
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		const ratio = (a, b) => {
			const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
			return (x + 0.05) / (y + 0.05);
		};
		const el = document.querySelector('[aria-current]');
		const body = getComputedStyle(document.body);
		if (!el) return {mark: 0, body: ratio(body.color, body.backgroundColor), bg: ''};
		const st = getComputedStyle(el);
		return {mark: ratio(st.color, st.backgroundColor), body: ratio(body.color, body.backgroundColor),
			bg: st.backgroundColor, pageBg: body.backgroundColor};
	});
}

async function checkLook(page) {
	for (const scheme of ['light', 'dark']) {
		await page.emulateMedia({colorScheme: scheme});
		const c = await contrast(page);
		report(`contrast-${scheme}`, c.mark >= 4.5 && c.body >= 4.5 && c.bg !== c.pageBg,
			`highlight ${c.mark.toFixed(2)}:1, text ${c.body.toFixed(2)}:1, highlight bg ${c.bg}`);
	}
	await page.emulateMedia({colorScheme: 'light'});
	// 200% zoom of a 1280 px wide window is a 640 px wide layout viewport.
	await page.setViewportSize({width: 640, height: 400});
	const over = await page.evaluate(() => document.documentElement.scrollWidth -
		document.documentElement.clientWidth);
	report('zoom-200', over <= 0, `${over} px of horizontal scrolling at 640 CSS px`);
	await page.setViewportSize({width: 1280, height: 800});
}

async function takeShot(page) {
	await page.setViewportSize({width: 900, height: 640});
	await page.emulateMedia({colorScheme: 'light'});
	const s = firstSentence(paras[Math.min(1, paras.length - 1)]);
	await seekTo(page, (s.start + s.end) / 2);
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.focus('#next-para');
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Tab');
	await page.waitForTimeout(200);
	await page.screenshot({path: shot});
	console.log(`# screenshot ${shot}`);
}

async function checkPage(context, base) {
	const page = await context.newPage();
	const errors = [], outside = [];
	let ranged = 0;
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	page.on('request', (r) => {
		if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url());
	});
	page.on('response', (r) => {
		if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
		if (r.status() === 206 && r.url().endsWith('.wav')) ranged++;
	});
	await page.goto(`${base}/${encodeURIComponent(name)}.html`);
	const ready = await page.waitForFunction(() => document.getElementById('audio').readyState >= 1,
		null, {timeout: STEP_MS}).then(() => true, () => false);
	report('page-load', ready, 'the audio did not load its metadata');
	const counts = await page.evaluate(() => ({sections: document.querySelectorAll('section.para').length,
		spans: document.querySelectorAll('.s[data-start]').length}));
	report('page-structure', counts.sections === timeline.paragraphs.length && counts.spans === sentences.length,
		`${counts.sections} sections, ${counts.spans} timed sentences; want ` +
		`${timeline.paragraphs.length}, ${sentences.length}`);
	await checkNavigation(page);
	await checkEnterAndPlay(page);
	await checkTab(page);
	await checkLook(page);
	if (shot) await takeShot(page);
	report('range-requests', ranged > 0, 'the audio was never fetched with a Range request');
	report('no-external-requests', outside.length === 0, outside.join(' '));
	report('no-console-errors', errors.length === 0, errors.join(' | '));
}

async function main() {
	const watchdog = setTimeout(() => {
		console.log('FAIL watchdog: the browser test did not finish in time');
		process.exit(1);
	}, WATCHDOG_MS);
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${server.address().port}`;
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'suara-chromium-'));
	let context = null;
	try {
		context = await chromium.launchPersistentContext(profile, {executablePath: CHROMIUM, args: ARGS,
			headless: true, timeout: 30000, viewport: {width: 1280, height: 800}});
		context.setDefaultTimeout(STEP_MS);
		await checkTracks(context.pages()[0] || await context.newPage(), base);
		await checkPage(context, base);
	} catch (e) {
		report('browser', false, String(e && e.message || e).split('\n')[0]);
	} finally {
		if (context) await context.close().catch(() => {});
		server.close();
		fs.rmSync(profile, {recursive: true, force: true});
		clearTimeout(watchdog);
	}
	process.exit(failures ? 1 : 0);
}

main();
