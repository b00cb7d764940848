/* test_pron.c: pronunciation. tests/pronounce.golden through the real
 * program's --phonemes (what espeak-ng says, after its reductions); the
 * primary stress of every word; the module's anchors back to the spoken
 * text; word timestamps of a sentence of re-phonemized words; the table's
 * errors; the affix grammar with and without hunspell-id. */
#include <jansson.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "pron/morph.h"
#include "pron/pron.h"
#include "pron/wordset.h"
#include "test.h"

const char *suara_bin(void);
int run_suara(const char *const *args, const char *in, char **out, size_t *out_len, char **err);

#define TMP "build/test-tmp/pron"
#define DICT "/usr/share/hunspell/id_ID"

typedef struct {
	char *written, *want, *why;
	int line;
} golden;

/* Cut the golden file into cases (pointers into buf). */
static size_t read_golden(char *buf, golden *g, size_t cap)
{
	size_t n = 0;
	int line = 0;
	for (char *p = buf, *nl; p && *p; p = nl) {
		char *t1, *t2;
		nl = strchr(p, '\n');
		if (nl)
			*nl++ = '\0';
		line++;
		if (!*p || *p == '#' || n == cap)
			continue;
		t1 = strchr(p, '\t');
		t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (!t1 || !t2) {
			CHECK(0, "pronounce.golden:%d: expected written<TAB>phonemes<TAB>why", line);
			continue;
		}
		*t1 = *t2 = '\0';
		g[n].written = p, g[n].want = t1 + 1, g[n].why = t2 + 1, g[n].line = line;
		n++;
	}
	return n;
}

/* Does every word of the phoneme line carry a primary stress? ("_|" is
 * espeak-ng's break before a vowel, "(en-us)" a switch of phoneme tables,
 * neither a word; a reduplication espeak-ng
 * joins into one word has one for each half.) */
static int all_stressed(const char *line)
{
	char buf[1024], *save = NULL;
	snprintf(buf, sizeof buf, "%s", line);
	int english = 0;
	for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		int primary = 0;
		if (strncmp(w, "_|", 2) == 0)
			w += 2;
		if (w[0] == '(') { /* a phoneme table switch, (en-us) (id), is no word */
			english = strcmp(w, "(id)") != 0;
			continue;
		}
		if (english) /* English stress is en-us's: "the" has none */
			continue;
		for (const char *c = w; *c; c++)
			primary += *c == '\'';
		if (primary == 0)
			return 0;
	}
	return 1;
}

/* Each case is a document of its own (a name said in English in one case
 * is not carried to the next): suara --phonemes on one file a case. */
static void check_golden(void)
{
	size_t len, n;
	char *buf = test_read_file("tests/pronounce.golden", &len), *out = NULL, *err = NULL, *save = NULL;
	static char paths[512][48];
	char *args[512 + 3];
	golden g[512];
	int rc;
	CHECK(buf != NULL, "tests/pronounce.golden can be read");
	if (!buf)
		return;
	n = read_golden(buf, g, sizeof g / sizeof g[0]);
	CHECK(n >= 80, "the golden file has its cases (%zu)", n);
	mkdir("build/test-tmp", 0777);
	mkdir("build/test-tmp/golden", 0777);
	args[0] = (char *)suara_bin();
	args[1] = "--phonemes";
	for (size_t i = 0; i < n; i++) {
		FILE *f;
		snprintf(paths[i], sizeof paths[i], "build/test-tmp/golden/%03zu.txt", i);
		f = fopen(paths[i], "w");
		if (f) {
			fprintf(f, "%s\n", g[i].written);
			fclose(f);
		}
		args[i + 2] = paths[i];
	}
	args[n + 2] = NULL;
	rc = test_run(args, NULL, 0, &out, NULL, &err);
	CHECK(rc == 0, "suara --phonemes reads the golden words (%s)", err ? err : "");
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char *line = strtok_r(i ? NULL : out, "\n", &save);
		CHECK_STR(line ? line : "(none)", g[i].want, "pronounce.golden:%d: %s (%s)", g[i].line, g[i].written,
			  g[i].why);
		CHECK(line && all_stressed(line), "pronounce.golden:%d: every word of '%s' has its primary stress",
		      g[i].line, g[i].written);
	}
	free(out);
	free(err);
	free(buf);
}

/* The engine's text keeps everything but the e-words, and every engine
 * offset inside a word maps back to the start of that spoken word. */
static void check_anchors(const pron_rules *p)
{
	static const char sp[] = "Dia berkata, [[j'u:tub]] dengan presiden-presiden itu 😀 lebih sehat.";
	static const char want[] = "Dia [[b@Rk'at%%a]], [[j'u:tub]] [[d@N'an]] [[pR2es'id%%E2n pR2es'id%%E2n]] itu 😀 "
				   "[[l@b'ih]] [[s'eh%%at]].";
	sbuf eng = {0};
	vec a;
	size_t bad = 0;
	vec_init(&a, sizeof(pron_anchor));
	CHECK(pron_sentence(p, sp, strlen(sp), &eng, &a) == 0, "pron_sentence runs");
	CHECK_STR(sbuf_str(&eng), want, "the engine's text: [[phonemes]] for e-words, the rest as written");
	/* every byte of each [[...]] maps to its word; copied bytes to themselves */
	for (size_t i = 0; i < eng.len; i++) {
		size_t at = pron_map(&a, i);
		const char *open = NULL;
		for (size_t k = 0; k <= i; k++)
			if (eng.data[k] == '[' && k + 1 < eng.len && eng.data[k + 1] == '[')
				open = eng.data + k;
			else if (k && eng.data[k] == ']' && eng.data[k - 1] == ']' && k < i)
				open = NULL;
		if (at > strlen(sp))
			bad++;
		else if (open && strncmp(open, "[[j'u", 5) != 0) {
			/* inside a word of ours: the spoken word starts at `at` */
			if (at > 0 && sp[at - 1] != ' ')
				bad++;
		} else if (!open && eng.data[i] != sp[at]) {
			bad++;
		}
	}
	CHECK(bad == 0, "every engine byte maps back to its spoken word (%zu do not)", bad);
	CHECK(pron_map(&a, strstr(eng.data, "[[l@b") - eng.data + 2) == (size_t)(strstr(sp, "lebih") - sp),
	      "an event inside [[l@b'ih]] points at 'lebih'");
	sbuf_free(&eng);
	vec_free(&a);
}

/* The longest clause of the engine's text, as espeak-ng's ReadClause
 * reads it: outside [[...]], punctuation and a space end one. */
static size_t longest_clause(const char *e)
{
	size_t best = 0, start = 0, n = strlen(e);
	for (size_t i = 0; i < n; i++) {
		if (e[i] == '[' && e[i + 1] == '[') {
			const char *c = strstr(e + i, "]]");
			i = c ? (size_t)(c - e) + 1 : n;
			continue;
		}
		if (strchr(",;:!?.", e[i]) && e[i + 1] == ' ') {
			best = i - start > best ? i - start : best;
			start = i + 1;
		}
	}
	return n - start > best ? n - start : best;
}

/* A clause the engine cannot read whole: espeak-ng ends one after 725
 * bytes at any character not a letter or digit, inside [[...]] too, and
 * reads the rest of those phonemes as text (seratus as "serat persen
 * us"). The engine's text gets a comma before one of its joining words,
 * every word keeps its anchor, and --phonemes says every seratus. */
static void check_long_clause(const pron_rules *p)
{
	static const char part[] = "harga beras naik seratus lima puluh empat koma enam enam sampai seratus "
				   "lima puluh delapan rupiah di pasar besar ";
	char sp[1024] = "Menurut pedagang ", *out = NULL, *err = NULL;
	const char *args[] = {"--phonemes", "-", NULL};
	sbuf eng = {0};
	vec a;
	size_t bad = 0, said = 0, words = 0;
	vec_init(&a, sizeof(pron_anchor));
	for (int k = 0; k < 6; k++)
		strcat(sp, part);
	strcat(sp, "kemarin.");
	CHECK(pron_sentence(p, sp, strlen(sp), &eng, &a) == 0, "pron_sentence runs on a long clause");
	CHECK(longest_clause(sbuf_str(&eng)) <= 700, "no clause of the engine's text is longer than 700 bytes (%zu)",
	      longest_clause(sbuf_str(&eng)));
	CHECK(strstr(sbuf_str(&eng), " , ") != NULL,
	      "the break is a comma at a word boundary");
	/* each [[word]] still maps to the start of its spoken word */
	for (const char *w = strstr(eng.data, "[["); w; w = strstr(w + 2, "[[")) {
		size_t at = pron_map(&a, (size_t)(w - eng.data) + 2);
		words++;
		if (at > strlen(sp) || (at > 0 && sp[at - 1] != ' '))
			bad++;
	}
	CHECK(words > 40 && bad == 0, "every one of %zu words maps to its spoken word (%zu do not)", words, bad);
	CHECK(run_suara(args, sp, &out, NULL, &err) == 0 && out, "suara --phonemes speaks the long clause (%s)",
	      err ? err : "");
	for (const char *w = out ? strstr(out, "s@R2'atus") : NULL; w; w = strstr(w + 1, "s@R2'atus"))
		said++;
	CHECK(said == 12 && out && !strstr(out, "p@Rs'E2n") && !strstr(out, "p@R2s"),
	      "every seratus is said whole, and no 'persen' comes of its phonemes (%zu of 12)", said);
	free(out);
	free(err);
	sbuf_free(&eng);
	vec_free(&a);
}

/* A stand-in for the engine's English voice: "P" and the word in capitals
 * (so that the test sees which word it was asked for); none for "online". */
static int fake_english(void *ud, const char *w, size_t n, sbuf *out)
{
	(*(int *)ud)++;
	if (n == 6 && memcmp(w, "online", 6) == 0)
		return 1;
	if (sbuf_addc(out, 'P') != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (sbuf_addc(out, (char)(w[i] >= 'a' && w[i] <= 'z' ? w[i] - 'a' + 'A' : w[i])) != 0)
			return -1;
	return 0;
}

/* A name English beside an English word (Jason Voorhees) is English all
 * through the document once pron_collect has seen it so; a name ending in
 * a vowel (Carolina) is not carried over. */
static void check_document_names(pron_rules *p, sbuf *eng, vec *a)
{
	static const char first[] = "Siapa lagi kalau bukan Jason Voorhees atau Carolina Panthers.";
	static const char later[] = "Karakter Jason dan Carolina hadir.";
	sbuf names = {0};
	char big[PRON_NAMES_MAX + 8];
	CHECK(pron_sentence(p, first, strlen(first), eng, a) == 0 && strstr(sbuf_str(eng), "PJASON") &&
		      strstr(sbuf_str(eng), "PCAROLINA"),
	      "Jason and Carolina are English beside English words (%s)", sbuf_str(eng));
	CHECK(pron_collect(p, first, strlen(first), eng, a, &names) == 0, "pron_collect runs");
	CHECK_STR(sbuf_str(&names), "Jason\n", "pron_collect lists Jason, not Carolina nor the English words");
	CHECK(pron_collect(p, first, strlen(first), eng, a, &names) == 0 && names.len == 6,
	      "a name is listed once (%zu bytes)", names.len);
	CHECK(pron_sentence(p, later, strlen(later), eng, a) == 0 && !strstr(sbuf_str(eng), "PJASON"),
	      "without the document's list, Jason alone is Indonesian");
	CHECK(pron_set_document(p, names.data, names.len) == 0 && pron_sentence(p, later, strlen(later), eng, a) == 0 &&
		      strstr(sbuf_str(eng), "[[_^_en-us PJASON _^_id]]") && !strstr(sbuf_str(eng), "PCAROLINA"),
	      "with it, Jason alone is English and Carolina is not (%s)", sbuf_str(eng));
	memset(big, 'A', sizeof big);
	big[PRON_NAMES_MAX] = '\n';
	CHECK(pron_set_document(p, "Jason", 5) != 0 && pron_set_document(p, big, PRON_NAMES_MAX + 1) != 0 &&
		      pron_sentence(p, later, strlen(later), eng, a) == 0 && !strstr(sbuf_str(eng), "PJASON"),
	      "a list without its last line break, or too long, is refused and leaves none");
	CHECK(pron_set_document(p, big + 1, PRON_NAMES_MAX) == 0 && pron_set_document(p, NULL, 0) == 0,
	      "a list of PRON_NAMES_MAX bytes is taken, and none clears it");
	{ /* a short common word with a capital, English beside English
	   * (Pew Research Center), is carried too: "peneliti Pew" */
		static const char survey[] = "Survei Pew Research Center.", alone[] = "Kata peneliti Pew.";
		sbuf_clear(&names);
		CHECK(pron_collect(p, survey, strlen(survey), eng, a, &names) == 0 &&
			      strstr(sbuf_str(&names), "Pew\n") != NULL,
		      "pron_collect lists Pew (%s)", sbuf_str(&names));
		CHECK(pron_set_document(p, names.data, names.len) == 0 &&
			      pron_sentence(p, alone, strlen(alone), eng, a) == 0 && strstr(sbuf_str(eng), "PPEW"),
		      "with the list, Pew alone is English (%s)", sbuf_str(eng));
		pron_set_document(p, NULL, 0);
	}
	{ /* an English given name before an Indonesian surname is an
	   * Indonesian's (Freddy Budiman), and so alone later; Harry Kane's
	   * surname is no Indonesian word */
		static const char full[] = "Dana dari Freddy Budiman dan Harry Kane.", alone[] = "Kata Freddy.";
		sbuf_clear(&names);
		CHECK(pron_sentence(p, full, strlen(full), eng, a) == 0 && !strstr(sbuf_str(eng), "PFREDDY") &&
			      strstr(sbuf_str(eng), "PHARRY"),
		      "Freddy before Budiman is Indonesian, Harry before Kane English (%s)", sbuf_str(eng));
		CHECK(pron_sentence(p, alone, strlen(alone), eng, a) == 0 && strstr(sbuf_str(eng), "PFREDDY"),
		      "without the document's list, Freddy alone is English (%s)", sbuf_str(eng));
		CHECK(pron_collect(p, full, strlen(full), eng, a, &names) == 0 &&
			      strstr(sbuf_str(&names), "!Freddy\n") != NULL,
		      "pron_collect lists Freddy as an Indonesian's name (%s)", sbuf_str(&names));
		CHECK(pron_set_document(p, names.data, names.len) == 0 &&
			      pron_sentence(p, alone, strlen(alone), eng, a) == 0 && !strstr(sbuf_str(eng), "PFREDDY"),
		      "with the list, Freddy alone is Indonesian (%s)", sbuf_str(eng));
		pron_set_document(p, NULL, 0);
	}
	sbuf_free(&names);
}

/* English words become [[_^_en-us phonemes _^_id]] blocks, each mapping
 * to its word; a word without phonemes (online, here) is left to the rest
 * of the rules. */
static void check_english(pron_rules *p)
{
	static const char sp[] = "Acara launching produk, game online dan Premier League itu.";
	static const char want[] = "Acara [[_^_en-us PLAUNCHING _^_id]] produk, [[_^_en-us PGAME _^_id]] [[onl'in%%e]] dan "
				   "[[_^_en-us PPREMIER _^_id]] [[_^_en-us PLEAGUE _^_id]] itu.";
	sbuf eng = {0};
	vec a;
	int asked = 0;
	vec_init(&a, sizeof(pron_anchor));
	CHECK(pron_set_english(p, "/usr/share/hunspell/en_US.dic", "en-us", "id", fake_english, &asked) == 0,
	      "hunspell-en-us loads");
	CHECK(pron_sentence(p, sp, strlen(sp), &eng, &a) == 0, "pron_sentence runs");
	CHECK_STR(sbuf_str(&eng), want, "English words, and capitalized ones beside them, in the English table");
	CHECK(asked == 5, "the English voice is asked for the English words only (%d times)", asked);
	CHECK(pron_map(&a, (size_t)(strstr(eng.data, "PGAME") - eng.data)) == (size_t)(strstr(sp, "game") - sp) &&
		      pron_map(&a, (size_t)(strstr(eng.data, "_^_id]] itu") - eng.data)) ==
			      (size_t)(strstr(sp, "League") - sp) &&
		      pron_map(&a, (size_t)(strstr(eng.data, "[[onl") - eng.data) + 3) == (size_t)(strstr(sp, "online") - sp),
	      "an English block maps to its word, the text after it to itself");
	check_document_names(p, &eng, &a);
	CHECK(pron_set_english(p, NULL, NULL, NULL, NULL, NULL) == 0 && pron_sentence(p, sp, strlen(sp), &eng, &a) == 0 &&
		      !strstr(sbuf_str(&eng), "_^_") && !strstr(sbuf_str(&eng), "PLAUNCHING"),
	      "without the English dictionary no word is English");
	sbuf_free(&eng);
	vec_free(&a);
}

static void check_words_api(const pron_rules *p)
{
	static const struct { const char *w, *want; } cases[] = {
		{"désa", "d'es%%a"},       /* é forces taling */
		{"MENETAPKAN", ""},        /* all capitals: left to the engine */
		{"rumah", ""},             /* no e: left to the engine */
		{"Bekerja", "b@k@RdZ'a"},  /* a capital is read */
		{"ke", "k@"},              /* unstressed */
		{"Jum'at", "dZ'um?%%at"},  /* an Arabic spelling: the apostrophe a glottal stop */
		{"pér", "p'E2R"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sbuf out = {0};
		int rc = pron_word(p, cases[i].w, strlen(cases[i].w), &out);
		CHECK(rc == (*cases[i].want ? 1 : 0), "pron_word(%s) returns %d", cases[i].w, rc);
		CHECK_STR(sbuf_str(&out), cases[i].want, "pron_word(%s)", cases[i].w);
		sbuf_free(&out);
	}
}

static void check_morph(void)
{
	morph *m, *bare;
	morph_parse mp;
	static const struct { const char *w, *stem; size_t off, len, domain; } cases[] = {
		{"menetapkan", "tetap", 3, 4, 10},   /* the nasal took the t */
		{"pemerintahnya", "perintah", 3, 7, 10},
		{"teknologi", "teknologi", 0, 9, 9}, /* not te- + knologi */
		{"perbedaan", "beda", 3, 4, 9},
		{"sebelumnya", "belum", 2, 5, 7},
	};
	CHECK(morph_open(&m, DICT) == 0 && morph_has_dictionary(m), "hunspell-id opens (%s)", DICT);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		morph_parse_word(m, cases[i].w, strlen(cases[i].w), NULL, NULL, &mp);
		CHECK(mp.found && strcmp(mp.stem, cases[i].stem) == 0 && mp.root_off == cases[i].off &&
			      mp.root_len == cases[i].len && mp.domain_len == cases[i].domain,
		      "%s: stem %s at %zu+%zu, stress domain %zu (got %s at %zu+%zu, %zu)", cases[i].w,
		      cases[i].stem, cases[i].off, cases[i].len, cases[i].domain, mp.stem, mp.root_off, mp.root_len,
		      mp.domain_len);
	}
	morph_close(m);
	/* Without a dictionary the grammar still peels affixes around a root
	 * the caller knows. */
	CHECK(morph_open(&bare, "/nonexistent/id_ID") == 0 && !morph_has_dictionary(bare),
	      "a missing dictionary leaves the grammar");
	morph_parse_word(bare, "perbedaannya", 12, NULL, NULL, &mp);
	CHECK(!mp.found, "without a dictionary or a known root nothing is found");
	morph_close(bare);
}

static int known_beda(void *ud, const char *s, size_t n)
{
	(void)ud;
	return n == 4 && memcmp(s, "beda", 4) == 0;
}

static void check_grammar(void)
{
	morph *bare;
	morph_parse mp;
	morph_open(&bare, NULL);
	morph_parse_word(bare, "perbedaannya", 12, known_beda, NULL, &mp);
	CHECK(mp.found && mp.root_off == 3 && mp.root_len == 4 && mp.domain_len == 9,
	      "per-an + beda + -nya by the grammar alone (got %zu+%zu, %zu)", mp.root_off, mp.root_len, mp.domain_len);
	morph_parse_word(bare, "bedanya", 7, known_beda, NULL, &mp);
	CHECK(mp.found && mp.root_off == 0 && mp.domain_len == 4, "beda + -nya");
	morph_close(bare);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* The word set of a .dic file, in its three modes, on a file written here:
 * a count line, words with and without flags, a name and the same word in
 * small letters, a duplicate, a word with an apostrophe (kept, as are
 * you're, can't), a word the set leaves out (a digit), a word that runs
 * into the end of the file without a newline. */
static void check_wordset(void)
{
	static const char dic[] = "9\nbook/SM\nCole/M\ncole\no'clock\nJawa\njawa/X\nco-owner\nmp3\nbook\nend";
	const char *path = TMP "/words.dic", *empty = TMP "/empty.dic";
	wordset w;
	mkdir("build/test-tmp", 0777);
	mkdir(TMP, 0777);
	write_file(path, dic);
	write_file(empty, "");
	memset(&w, 0, sizeof w);
	CHECK(wordset_load(&w, path, WORDSET_CASE) == 0 && wordset_loaded(&w), "a .dic file loads (keeping case)");
	CHECK(wordset_has(&w, "book", 4) && wordset_has(&w, "cole", 4) && wordset_has(&w, "co-owner", 8) &&
		      wordset_has(&w, "jawa", 4) && wordset_has(&w, "end", 3),
	      "its words in small letters are found, with or without flags, and the last without a newline");
	CHECK(!wordset_has(&w, "boo", 3) && !wordset_has(&w, "books", 5) &&
		      !wordset_has(&w, "mp3", 3) && !wordset_has(&w, "", 0) && wordset_has(&w, "o'clock", 7),
	      "a prefix, a longer word, a word with a digit are not; o'clock is");
	CHECK(wordset_has_name(&w, "cole", 4) && wordset_has_name(&w, "jawa", 4) && !wordset_has_name(&w, "book", 4),
	      "names are asked for apart: Cole and Jawa are names, book is not");
	CHECK(w.count == 8, "a word written twice is kept once (%zu words)", w.count);
	wordset_free(&w);
	CHECK(wordset_load(&w, path, WORDSET_SMALL) == 0 && !wordset_has_name(&w, "cole", 4) &&
		      wordset_has(&w, "cole", 4) && wordset_has(&w, "jawa", 4) && w.count == 6,
	      "WORDSET_SMALL leaves the names out (%zu words)", w.count);
	wordset_free(&w);
	CHECK(wordset_load(&w, path, WORDSET_ALL) == 0 && wordset_has(&w, "jawa", 4) && wordset_has(&w, "cole", 4) &&
		      !wordset_has(&w, "Cole", 4) && wordset_has(&w, "o'clock", 7) && w.count == 6,
	      "WORDSET_ALL makes the names small and keeps Cole/cole and Jawa/jawa once (%zu words)", w.count);
	wordset_free(&w);
	{ /* a first line that says fewer words than there are: all are kept */
		FILE *f = fopen(TMP "/many.dic", "w");
		size_t found = 0;
		if (f) {
			fputs("3\n", f);
			for (int k = 0; k < 5000; k++)
				fprintf(f, "w%c%c%c\n", 'a' + k % 26, 'a' + k / 26 % 26, 'a' + k / 676);
			fclose(f);
		}
		CHECK(wordset_load(&w, TMP "/many.dic", WORDSET_ALL) == 0, "a .dic with a wrong count loads");
		for (int k = 0; k < 5000; k++) {
			char word[5] = {'w', (char)('a' + k % 26), (char)('a' + k / 26 % 26), (char)('a' + k / 676), 0};
			found += (size_t)wordset_has(&w, word, 4);
		}
		CHECK(found == 5000 && w.count == 5000, "all its 5000 words are found (%zu, %zu kept)", found, w.count);
		wordset_free(&w);
	}
	CHECK(wordset_load(&w, "/nonexistent/x.dic", WORDSET_ALL) == 0 && !wordset_loaded(&w) &&
		      !wordset_has(&w, "book", 4),
	      "a missing file gives an empty set, not an error");
	CHECK(wordset_load(&w, empty, WORDSET_ALL) == 0 && !wordset_has(&w, "book", 4), "so does an empty file");
	wordset_free(&w);
}

/* A voice folder like voices/id with one file replaced. */
static void voice_with(const char *dir, const char *file, const char *text)
{
	char cmd[512], path[512];
	snprintf(cmd, sizeof cmd, "rm -rf %s && mkdir -p %s && cp voices/id/* %s/", dir, dir, dir);
	CHECK(system(cmd) == 0, "copy voices/id to %s", dir);
	snprintf(path, sizeof path, "%s/%s", dir, file);
	write_file(path, text);
}

static void check_table_errors(void)
{
	static const struct { const char *file, *text, *msg; } bad[] = {
		{"roots.tsv", "# c\ndésa\nd3sa\n", "roots.tsv:3: a word is written with a-z"},
		{"roots.tsv", "désa\ndesa\n", "roots.tsv: 'desa': a word is listed twice"},
		{"homographs.tsv", "apél\tapel\n", "homographs.tsv:1: expected context words"},
		{"homographs.tsv", "apél\tapil\tbuah\n", "homographs.tsv:1: both readings must be the same word"},
	};
	const char *args[] = {"-v", TMP "/voice", "--phonemes", "-", NULL};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *err = NULL, *out = NULL;
		int rc;
		voice_with(TMP "/voice", bad[i].file, bad[i].text);
		rc = run_suara(args, "desa\n", &out, NULL, &err);
		CHECK(rc == 1 && err && strstr(err, bad[i].msg), "a bad %s fails with '%s' (rc %d: %s)", bad[i].file,
		      bad[i].msg, rc, err ? err : "");
		free(err);
		free(out);
	}
}

/* Without hunspell-id the e-words are still said, by the table and rules. */
static void check_no_dictionary(void)
{
	const char *args[] = {"-v", TMP "/voice", "--phonemes", "-", NULL};
	char *out = NULL, *err = NULL, conf[4096];
	size_t len;
	char *base = test_read_file("voices/id/voice.conf", &len), *d;
	voice_with(TMP "/voice", "voice.conf", "");
	d = base ? strstr(base, "dictionary") : NULL;
	if (d)
		*d = '\0';
	snprintf(conf, sizeof conf, "%sdictionary = /nonexistent/id_ID\n", base ? base : "");
	write_file(TMP "/voice/voice.conf", conf);
	CHECK(run_suara(args, "Perbedaan desa itu.\n", &out, NULL, &err) == 0 && out &&
		      strcmp(out, "p@Rbed'a?an d'esa _|'itu\n") == 0,
	      "without a dictionary: the table's roots and the grammar (got %s%s)", out ? out : "",
	      err ? err : "");
	free(out);
	free(err);
	free(base);
}

/* A word list that is there but cannot be read (here a folder named like
 * the .dic) fails the run naming it: it is not taken for a missing list,
 * which would change what is said without a word. */
static void check_unreadable_lists(void)
{
	static const char *const keys[] = {"dictionary", "english"};
	const char *args[] = {"-v", TMP "/voice", "--phonemes", "-", NULL};
	size_t len;
	char *base = test_read_file("voices/id/voice.conf", &len);
	for (size_t i = 0; i < 2; i++) {
		char conf[8192], *out = NULL, *err = NULL, *d, *nl;
		int rc;
		voice_with(TMP "/voice", "voice.conf", "");
		mkdir(TMP "/voice/list.dic", 0777);
		d = base ? strstr(base, keys[i]) : NULL;
		nl = d ? strchr(d, '\n') : NULL;
		snprintf(conf, sizeof conf, "%.*s%s = " TMP "/voice/list\n%s", d ? (int)(d - base) : 0, base ? base : "",
			 keys[i], nl ? nl + 1 : "");
		write_file(TMP "/voice/voice.conf", conf);
		rc = run_suara(args, "desa\n", &out, NULL, &err);
		CHECK(rc == 1 && err && strstr(err, "voice/list.dic: cannot read file: "),
		      "an unreadable %s list fails the run naming it (rc %d: %s)", keys[i], rc, err ? err : "");
		free(out);
		free(err);
	}
	free(base);
}

/* Load a rendered JSON: its root (the caller frees it) and, in *ws, the
 * words of its first sentence; NULL (checked) when it does not load. */
static json_t *load_first_words(const char *path, json_t **ws)
{
	json_error_t jerr;
	json_t *j = json_load_file(path, 0, &jerr);
	CHECK(j != NULL, "its JSON loads");
	if (!j)
		return NULL;
	*ws = json_object_get(json_array_get(json_object_get(json_array_get(json_object_get(j, "paragraphs"), 0),
							     "sentences"),
					     0),
			      "words");
	return j;
}

/* Word timestamps of a sentence of re-phonemized and respelled words
 * point at the written words: long words get long spans, short words
 * short ones, in the order written. */
static void check_timestamps(void)
{
	static const char text[] = "Ke kesejahteraan, ke pertanggungjawaban, Google, ke pemberdayaannya, dan 12 presiden.\n";
	static const char *const words[] = {"Ke", "kesejahteraan", "ke", "pertanggungjawaban", "Google", "ke",
					    "pemberdayaannya", "dan", "12", "presiden"};
	static const int is_long[] = {0, 1, 0, 1, -1, 0, 1, 0, -1, -1};
	const char *args[] = {"-q", "--force", "-o", TMP "/ts.wav", TMP "/ts.txt", NULL};
	json_t *j, *ws;
	double shortest_long = 1e9, longest_short = 0;
	size_t n, bad = 0;
	write_file(TMP "/ts.txt", text);
	CHECK(run_suara(args, NULL, NULL, NULL, NULL) == 0, "render a sentence of e-words");
	if (!(j = load_first_words(TMP "/ts.json", &ws)))
		return;
	n = json_array_size(ws);
	CHECK(n == sizeof words / sizeof words[0], "one word entry per written word (%zu)", n);
	for (size_t i = 0; i < n && i < sizeof words / sizeof words[0]; i++) {
		json_t *w = json_array_get(ws, i);
		size_t off = (size_t)json_integer_value(json_object_get(w, "offset"));
		size_t wl = (size_t)json_integer_value(json_object_get(w, "length"));
		double d = json_real_value(json_object_get(w, "end")) - json_real_value(json_object_get(w, "start"));
		if (strcmp(json_string_value(json_object_get(w, "text")), words[i]) != 0 ||
		    wl != strlen(words[i]) || strncmp(text + off, words[i], wl) != 0)
			bad++;
		if (is_long[i] == 1 && d < shortest_long)
			shortest_long = d;
		if (is_long[i] == 0 && d > longest_short)
			longest_short = d;
	}
	CHECK(bad == 0, "each word's text and offset are the written word's (%zu are not)", bad);
	CHECK(shortest_long > 3 * longest_short && longest_short > 0,
	      "long words have long spans, short ones short (%.3f s against %.3f s)", shortest_long, longest_short);
	json_decref(j);
}

/* A sentence mixing Indonesian and English words: the English ones are
 * said in English (--phonemes shows the table switch), and every word's
 * entry is the written word's, its span in order, the English words'
 * spans as long as two-syllable words are. */
static void check_english_timestamps(void)
{
	static const char text[] = "Acara launching dan meeting di Jakarta.\n";
	static const char *const words[] = {"Acara", "launching", "dan", "meeting", "di", "Jakarta"};
	const char *args[] = {"-q", "--force", "-o", TMP "/en.wav", TMP "/en.txt", NULL};
	const char *ph_args[] = {"--phonemes", TMP "/en.txt", NULL};
	char *out = NULL;
	json_t *j, *ws;
	double prev_end = 0, span[6] = {0}; /* seconds: a start rounds down, an end up, to the ms */
	size_t n, bad = 0;
	write_file(TMP "/en.txt", text);
	CHECK(run_suara(ph_args, NULL, &out, NULL, NULL) == 0 && out && strstr(out, "(en-us) l'A:ntSIN (id)") &&
		      strstr(out, "(en-us) m'i:t#IN (id)"),
	      "launching and meeting are said in English (%s)", out ? out : "");
	free(out);
	CHECK(run_suara(args, NULL, NULL, NULL, NULL) == 0, "render a sentence with English words");
	if (!(j = load_first_words(TMP "/en.json", &ws)))
		return;
	n = json_array_size(ws);
	CHECK(n == sizeof words / sizeof words[0], "one word entry per written word (%zu)", n);
	for (size_t i = 0; i < n && i < sizeof words / sizeof words[0]; i++) {
		json_t *w = json_array_get(ws, i);
		size_t off = (size_t)json_integer_value(json_object_get(w, "offset"));
		size_t wl = (size_t)json_integer_value(json_object_get(w, "length"));
		double st = json_real_value(json_object_get(w, "start")), en = json_real_value(json_object_get(w, "end"));
		if (strcmp(json_string_value(json_object_get(w, "text")), words[i]) != 0 || wl != strlen(words[i]) ||
		    strncmp(text + off, words[i], wl) != 0 || st < prev_end - 0.0011 || en <= st)
			bad++;
		span[i] = en - st;
		prev_end = en;
	}
	CHECK(bad == 0, "each word's text and offset are the written word's, spans in order (%zu are not)", bad);
	CHECK(span[1] > 2 * span[4] && span[3] > 2 * span[4] && span[4] > 0,
	      "the English words' spans are theirs (launching %.3f s, meeting %.3f s, di %.3f s)", span[1], span[3],
	      span[4]);
	json_decref(j);
}

/* A reporter's code closing the text ("(ahi / win)", "[rhm]", one after
 * another) is not said, even when the segmenter makes it a sentence of its
 * own: it stays in the sentence's written text and has no word. Standing
 * alone as a paragraph it is said, as every paragraph is (tscheck.py wants
 * one paragraph with sound for each of the input's): read out, its
 * initials spelled, a word for each part. */
static void check_byline(void)
{
	static const char text[] = "Ini baru. (ahi / win) [rhm]\n\n(ugo / ugo)\n";
	const char *args[] = {"-q", "--force", "-o", TMP "/by.wav", TMP "/by.txt", NULL};
	json_t *j, *ws, *paras, *s0, *s1;
	write_file(TMP "/by.txt", text);
	CHECK(run_suara(args, NULL, NULL, NULL, NULL) == 0, "render a text with a reporter's code");
	if (!(j = load_first_words(TMP "/by.json", &ws)))
		return;
	paras = json_object_get(j, "paragraphs");
	s0 = json_array_get(json_object_get(json_array_get(paras, 0), "sentences"), 0);
	s1 = json_array_get(json_object_get(json_array_get(paras, 1), "sentences"), 0);
	CHECK(json_array_size(json_object_get(json_array_get(paras, 0), "sentences")) == 1 &&
		      strcmp(json_string_value(json_object_get(s0, "text")), "Ini baru. (ahi / win) [rhm]") == 0 &&
		      strcmp(json_string_value(json_object_get(s0, "spoken")), "Ini baru.") == 0 &&
		      json_array_size(ws) == 2,
	      "the codes close the sentence's written text, unsaid, with no word (%s)",
	      json_string_value(json_object_get(s0, "spoken")));
	CHECK(s1 && json_array_size(json_object_get(s1, "words")) == 2 &&
		      strcmp(json_string_value(json_object_get(s1, "spoken")), "u ge o, u ge o") == 0 &&
		      json_real_value(json_object_get(s1, "end")) > json_real_value(json_object_get(s1, "start")),
	      "a code that is a whole paragraph is said, its initials spelled (%s)",
	      s1 ? json_string_value(json_object_get(s1, "spoken")) : "no sentence");
	json_decref(j);
}

void suite_pron(void)
{
	pron_rules *p = NULL;
	char err[512] = "";
	mkdir("build/test-tmp", 0755);
	mkdir(TMP, 0755);
	CHECK(pron_load(&p, "voices/id", DICT, err, sizeof err) == 0, "the pronunciation tables load (%s)", err);
	if (p) {
		CHECK(pron_has_dictionary(p), "hunspell-id is there (%s.dic)", DICT);
		check_anchors(p);
		check_long_clause(p);
		check_english(p);
		check_words_api(p);
		pron_free(p);
	}
	check_golden();
	check_morph();
	check_wordset();
	check_grammar();
	check_table_errors();
	check_no_dictionary();
	check_unreadable_lists();
	check_timestamps();
	check_english_timestamps();
	check_byline();
}
