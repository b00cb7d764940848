/* test_normalize.c: the normalizer against tests/normalize.golden, piece
 * invariants, table loading errors, hostile input and failing allocation. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pron/pron.h"
#include "text/normalize.h"

/* Lowercase ASCII, drop , . ? ! ; : and collapse spaces, so the golden
 * file compares words, not intonation marks. */
static void canon(const char *s, char *out, size_t cap)
{
	size_t k = 0;
	for (; *s && k + 1 < cap; s++) {
		char ch = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
		if (strchr(",.?!;:", ch))
			continue;
		if (ch == ' ' && (k == 0 || out[k - 1] == ' '))
			continue;
		out[k++] = ch;
	}
	while (k && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
}

/* Pieces ordered, non-overlapping, inside both buffers, and every
 * non-space byte of the text inside some piece. */
static int pieces_ok(const char *text, size_t len, const sbuf *sp, const vec *pcs)
{
	size_t src_end = 0, sp_end = 0, covered = 0;
	for (size_t i = 0; i < pcs->len; i++) {
		const norm_piece *p = vec_at(pcs, i);
		if (p->src_off < src_end || p->sp_off < sp_end || p->src_len == 0 ||
		    p->src_off + p->src_len > len || p->sp_off + p->sp_len > sp->len)
			return 0;
		for (size_t k = covered; k < p->src_off; k++)
			if (text[k] != ' ')
				return 0;
		src_end = covered = p->src_off + p->src_len;
		sp_end = p->sp_off + p->sp_len;
	}
	for (size_t k = covered; k < len; k++)
		if (text[k] != ' ')
			return 0;
	return 1;
}

static int run(const norm_rules *r, const char *text, sbuf *sp, vec *pcs)
{
	sbuf_clear(sp);
	vec_clear(pcs);
	return norm_sentence(r, text, strlen(text), sp, pcs);
}

static int matches_any(const char *got, char *alts)
{
	char a[4096], b[4096];
	canon(got, a, sizeof a);
	for (char *alt = strtok(alts, "|"); alt; alt = strtok(NULL, "|")) {
		canon(alt, b, sizeof b);
		if (strcmp(a, b) == 0)
			return 1;
	}
	return 0;
}

static void golden(const norm_rules *r)
{
	size_t len;
	char *file = test_read_file("tests/normalize.golden", &len), *line, *save = NULL;
	sbuf sp = {0};
	vec pcs;
	int cases = 0, bad = 0, bad_pieces = 0;
	vec_init(&pcs, sizeof(norm_piece));
	CHECK(file != NULL, "read tests/normalize.golden");
	for (line = file ? strtok_r(file, "\n", &save) : NULL; line; line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');
		if (line[0] == '#' || !tab)
			continue;
		*tab = '\0';
		cases++;
		if (run(r, line, &sp, &pcs) != 0 || !pieces_ok(line, strlen(line), &sp, &pcs))
			bad_pieces++;
		if (!matches_any(sbuf_str(&sp), tab + 1) && ++bad <= 20)
			CHECK_STR(sbuf_str(&sp), tab + 1, "golden: %s", line);
	}
	CHECK(cases >= 300, "golden file has %d cases (>= 300)", cases);
	CHECK(bad == 0, "golden: %d of %d cases differ", bad, cases);
	CHECK(bad_pieces == 0, "golden: piece invariants hold (%d bad)", bad_pieces);
	free(file);
	sbuf_free(&sp);
	vec_free(&pcs);
}

static void unit_cases(const norm_rules *r)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"Rp 12.500", "dua belas ribu lima ratus rupiah"},
		{"Beli dll. Lalu pulang.", "Beli dan lain-lain. Lalu pulang."},
		{"a [[b]] c", "a b c"}, /* square brackets: an editor's words in a quote, no pause */
		{"a (b) c", "a, b, c"}, /* a bracket ends an aside with a pause */
		{"<speak>halo</speak>", "speak halo speak"},
		/* a spaced dash inside a word or name says no pause; a real
		 * dash, a year's range or a score does */
		{"Prosesor 16 - core", "Prosesor enam belas core"},
		{"Park Geun - hye datang", "Park Geun hye datang"},
		{"Aplikasi Go - Jek", "Aplikasi Go Jek"},
		{"makanan (Go - Food), tiket", "makanan, Go Food, tiket"},
		{"Memori 256 GB - RAM 6 GB", "Memori dua ratus lima puluh enam gigabita, ram enam gigabita"},
		{"Thunderbolt 3 (USB - C).", "Thunderbolt tiga, u es be C."},
		{"Menlu Timor - Leste Aurelio datang", "Menlu timor leste Aurelio datang"},
		{"Ia co - penulis buku", "Ia co penulis buku"},
		{"Layanan ID.Connect hadir", "Layanan i de Connect hadir"},
		{"ke DPR.Lalu pergi", "ke de pe er. Lalu pergi"},
		{"Pemain Pierre - Emerick Aubameyang", "Pemain Pierre Emerick Aubameyang"},
		{"Rute Jakarta - Bandung", "Rute Jakarta Bandung"},
		{"Rute Jakarta - Bandung.\xE2\x80\x9CTahap awal", "Rute Jakarta, Bandung. Tahap awal"},
		{"Rimanews - Sekelompok warga", "rima nyus, Sekelompok warga"},
		{"lalu Maumere - Ende - Nagekeo dan", "lalu Maumere, Ende, Nagekeo dan"},
		{"Tahun 2017).Pada babak itu", "Tahun dua ribu tujuh belas. Pada babak itu"},
		{"Jumlahnya 811.Angka naik", "Jumlahnya delapan ratus sebelas. Angka naik"},
		{"Nabawi - Masjid Quba", "Nabawi, Masjid Quba"},
		/* two names of one place, where no name and no route goes on */
		{"Bandara Soekarno - Hatta ramai", "Bandara Soekarno Hatta ramai"},
		{"Lempeng Indo - Australia bergerak", "Lempeng Indo Australia bergerak"},
		{"Tol Jakarta - Cikampek macet", "Tol Jakarta Cikampek macet"},
		/* a period glued to a new sentence after capitals */
		{"Menlu ASEAN.Melanjutkan pernyataan", "Menlu asean. Melanjutkan pernyataan"},
		{"Kata DPR.Lalu dia", "Kata de pe er. Lalu dia"},
		{"Di PT.Maju Jaya", "Di pe te Maju Jaya"},
		{"Mudah - muhan", "Mudah, muhan"},
		{"2015 - sekarang", "dua ribu lima belas, sekarang"},
		/* a reporter's code is not said; a note in brackets is */
		{"Kata dia. (rah)", "Kata dia."},
		{"Kata dia. [rhm]", "Kata dia."},
		{"Kata dia. (rah) [bim]", "Kata dia."},
		{"Skor 2 - 1 (pemain cadangan)", "Skor dua, satu, pemain cadangan,"},
		/* a dash glued to the words of an aside is a pause at each end,
		 * not a suspended hyphen's (pra- dan pasca-) */
		{"Tim Mutiara Hitam -julukan Persipura- kalah", "Tim Mutiara Hitam, julukan Persipura, kalah"},
		{"promosi produk \xE2\x80\x93karena murah", "promosi produk, karena murah"},
		{"MADRID, SPANYOL\xE2\x80\x93 Real menang", "Madrid, spanyol, Real menang"},
		{"Masa pra- dan pascapanen", "Masa pra dan pascapanen"},
		{"Rp 2.500,- saja", "dua ribu lima ratus rupiah saja"},
		/* a reporter's code of one letter, after the last sentence */
		{"Arsenal menang. (b)", "Arsenal menang."},
		{"Pilihan (a) dan (b)", "Pilihan, a, dan, b,"},
		/* an initial between two names: a letter, no pause after it */
		{"Bupati Darmin A. Sigilipu datang", "Bupati Darmin a Sigilipu datang"},
		/* but not before an Indonesian word: a sentence may end there */
		{"melalui Logitech G. Aset Astro", "melalui Logitech G. Aset Astro"},
		/* espeak-ng pauses at a period only before a capital: a word
		 * written with one (or a digit) after a period inside the
		 * sentence is said with one; a lowercase word after an ellipsis
		 * or a closed quotation gets a comma's pause */
		{"di Dewan Keamanan. KPK datang", "di Dewan Keamanan. Ka pe ka datang"},
		{"pada 2017. 5 orang datang", "pada dua ribu tujuh belas. Lima orang datang"},
		{"baik saja, tapi... dia tertutup", "baik saja, tapi, dia tertutup"},
		{"bagus untuk tim ini.\" tutup dia", "bagus untuk tim ini, tutup dia"},
		{"di kota D.C. menjadi", "di kota D C. menjadi"},
		/* the sets of a match, side by side, with a pause between */
		{"menang 6-3 6-1 atas", "menang enam tiga, enam satu atas"},
		/* a numbered part in brackets: no pause around it */
		{"Pasal 55 ayat (1) KUHP", "Pasal lima puluh lima ayat satu ka u ha pe"},
		{"UU ini (1) berlaku", "undang-undang ini, satu, berlaku"},
		/* round 26: a word said again with its affixes, a decimal and
		 * its unit, a code in brackets and a letter before a number
		 * and a comma, each spaced at a dash: no pause */
		{"Peraturan Perundang - undangan", "Peraturan Perundang undangan"},
		{"ibu - ibu dan buah - buahan", "ibu ibu dan buah buahan"},
		{"tinggi 1,54 - meter", "tinggi satu koma lima empat meter"},
		{"Thunderbolt 3 (USB - C).", "Thunderbolt tiga, u es be C."},
		{"Menlu Timor - Leste Aurelio datang", "Menlu timor leste Aurelio datang"},
		{"Ia co - penulis buku", "Ia co penulis buku"},
		{"Layanan ID.Connect hadir", "Layanan i de Connect hadir"},
		{"ke DPR.Lalu pergi", "ke de pe er. Lalu pergi"},
		{"Villa 2000 U - 17, Pusat", "Villa dua ribu U tujuh belas, Pusat"},
		/* but a pause where the words share too little (tanah - tanam:
		 * a list) */
		{"Jalan Selatan - tanah", "Jalan Selatan, tanah"},
		/* a number spelled again in brackets is said once; a different
		 * number in brackets is an aside */
		{"paling lama 30 (tiga puluh) hari", "paling lama tiga puluh hari"},
		{"selama 30 (tiga puluh), lalu", "selama tiga puluh, lalu"},
		{"sebanyak 3 (empat) orang", "sebanyak tiga, empat, orang"},
		/* an acronym in brackets after the words it stands for is spelled */
		{"Undang-undang (UU) Nomor 5", "Undang-undang, u u, nomor lima"},
		/* round 29: a bound form spaced from its word; quote marks and
		 * dashes whose UTF-8 was read as Windows-1252 (â€œ, â€, â€”)
		 * are punctuation: no letters said, a dash's pause kept */
		{"Ketidak - hadiran dia", "Ketidak hadiran dia"},
		/* round 30: an English compound, a type's letter */
		{"menjadi Runner - up Liga", "menjadi Runner up Liga"},
		{"kabel USB type - C untuk", "kabel u es be type C untuk"},
		{"konsep \xC3\xA2\xE2\x82\xAC\xC5\x93" "Belajar Memasak\xC3\xA2\xE2\x82\xAC dengan chef",
		 "konsep Belajar Memasak dengan chef"},
		{"pernikahan sebelumnya\xC3\xA2\xE2\x82\xAC\xE2\x80\x9Ditu pun", "pernikahan sebelumnya, itu pun"},
		{"", ""},
	};
	sbuf sp = {0};
	vec pcs;
	vec_init(&pcs, sizeof(norm_piece));
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		CHECK(run(r, cases[i].in, &sp, &pcs) == 0, "normalize %s", cases[i].in);
		CHECK_STR(sbuf_str(&sp), cases[i].want, "spoken form of %s", cases[i].in);
	}
	/* one piece for "Rp 12.500", spanning both written tokens */
	run(r, "harga Rp 12.500 saja", &sp, &pcs);
	CHECK(pcs.len == 3, "three pieces for 'harga Rp 12.500 saja' (%zu)", pcs.len);
	if (pcs.len == 3) {
		const norm_piece *p = vec_at(&pcs, 1);
		CHECK(p->src_off == 6 && p->src_len == 9, "money piece covers 'Rp 12.500'");
		CHECK(p->sp_len == 32 && memcmp(sbuf_str(&sp) + p->sp_off, "dua belas ribu lima ratus rupiah", 32) == 0,
		      "the money piece's spoken span is its words");
	}
	sbuf_free(&sp);
	vec_free(&pcs);
}

/* CPU seconds of normalizing text: the best of three runs. */
static double seconds(const norm_rules *r, const char *text, sbuf *sp, vec *pcs)
{
	double best = 1e9;
	for (int k = 0; k < 3; k++) {
		clock_t t0 = clock();
		double t;
		run(r, text, sp, pcs);
		t = (double)(clock() - t0) / CLOCKS_PER_SEC;
		best = t < best ? t : best;
	}
	return best;
}

/* Repeat unit n times into a new string. */
static char *repeat(const char *unit, size_t n)
{
	size_t u = strlen(unit);
	char *s = malloc(u * n + 1);
	for (size_t i = 0; s && i < n; i++)
		memcpy(s + i * u, unit, u);
	if (s)
		s[u * n] = '\0';
	return s;
}

static void hostile(const norm_rules *r)
{
	static const char *const units[] = {
		"9", "1.2.3.4.5 ", "Rp Rp Rp ", "!?.,;:", "(((", "\"", "]]", "[[", "1-", "-",
		"ke-", "Rp", "1/", "II ", "10.30.", "1,2,3,", "www.", "@.", "0", "$",
	};
	sbuf sp = {0};
	vec pcs;
	vec_init(&pcs, sizeof(norm_piece));
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		char *small = repeat(units[i], 4000), *big = repeat(units[i], 16000);
		double a = seconds(r, small, &sp, &pcs), b;
		int ok = pieces_ok(small, strlen(small), &sp, &pcs);
		b = seconds(r, big, &sp, &pcs);
		ok = ok && pieces_ok(big, strlen(big), &sp, &pcs);
		CHECK(ok && strstr(sbuf_str(&sp), "[[") == NULL, "hostile '%s' x16000: pieces fine",
		      units[i]);
		/* four times the text: four times the time if linear, sixteen if
		 * quadratic; under a millisecond, clock() cannot tell */
		CHECK(a > 0 ? b < a * 9 : b < 0.002, "hostile '%s': linear time (%.4fs for 4x vs %.4fs)", units[i], b, a);
		free(small);
		free(big);
	}
	sbuf_free(&sp);
	vec_free(&pcs);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void load_errors(void)
{
	static const char *const names[] = {"abbrev.tsv", "units.tsv", "currency.tsv", "web.tsv",
					    "lexicon.tsv", "acronyms.tsv"};
	char dir[] = "/tmp/suara-norm-XXXXXX", path[512], err[512];
	norm_rules *r = NULL;
	CHECK(mkdtemp(dir) != NULL, "temporary voice folder");
	for (size_t i = 0; i < 6; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		write_file(path, i == 0 ? "# ok\na\tb\tword\n" : "# ok\na\tb\n");
	}
	snprintf(path, sizeof path, "%s/units.tsv", dir);
	write_file(path, "# header\nkg\tkilogram\nno tab here\n");
	CHECK(norm_rules_load(&r, dir, err, sizeof err) == -1 && r == NULL, "malformed table fails");
	CHECK(strstr(err, "units.tsv:3:") != NULL, "error names file and line: %s", err);
	write_file(path, "kg\tkilogram\nkg\tkilo\n");
	CHECK(norm_rules_load(&r, dir, err, sizeof err) == -1 && strstr(err, "duplicate"),
	      "duplicate key fails: %s", err);
	write_file(path, "kg\t\n");
	CHECK(norm_rules_load(&r, dir, err, sizeof err) == -1 && strstr(err, "units.tsv:1:"),
	      "empty spoken form fails: %s", err);
	write_file(path, "kg\tkilogram\nkm per jam\tkilometer per\n");
	CHECK(norm_rules_load(&r, dir, err, sizeof err) == -1 && strstr(err, "units.tsv:2:") && strstr(err, "as many spoken words"),
	      "a written form of three words with two spoken fails: %s", err);
	write_file(path, "kg\tkilogram\n");
	snprintf(path, sizeof path, "%s/contexts.tsv", dir);
	write_file(path, "time\tpukul\nmonth\t1\tjanuari\n");
	CHECK(norm_rules_load(&r, dir, err, sizeof err) == -1 && strstr(err, "contexts.tsv") && strstr(err, "twelve months"),
	      "contexts.tsv needs all twelve months: %s", err);
	write_file(path, "time\tpukul\nwaktu\tjam\n");
	CHECK(norm_rules_load(&r, dir, err, sizeof err) == -1 && strstr(err, "contexts.tsv:2: unknown class"),
	      "an unknown class fails with its line: %s", err);
	write_file(path, "scale\trb\n");
	CHECK(norm_rules_load(&r, dir, err, sizeof err) == -1 && strstr(err, "contexts.tsv:1: this class needs a value"),
	      "a scale without its spoken form fails: %s", err);
	{
		char months[1024] = "";
		for (int m = 1; m <= 12; m++)
			snprintf(months + strlen(months), sizeof months - strlen(months), "month\t%d\tbulan%d\n", m, m);
		write_file(path, months);
		CHECK(norm_rules_load(&r, dir, err, sizeof err) == -1 && strstr(err, "every letter"),
		      "contexts.tsv needs every letter's name: %s", err);
		for (char l = 'a'; l <= 'z'; l++)
			snprintf(months + strlen(months), sizeof months - strlen(months), "letter\t%c\t%c%c\n", l, l, l);
		write_file(path, months);
	}
	CHECK(norm_rules_load(&r, dir, err, sizeof err) == 0, "fixed tables load (%s)", err);
	norm_rules_free(r);
	unlink(path);
	for (size_t i = 0; i < 6; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	CHECK(norm_rules_load(&r, dir, err, sizeof err) == -1 && strstr(err, "abbrev.tsv"),
	      "missing table fails: %s", err);
	rmdir(dir);
}

static void alloc_failure(const norm_rules *r)
{
	const char *text = "Pada 17/8/1945 pukul 10.00 WIB, Rp 12.500 naik 5,5% dll. www.kompas.com";
	unsigned long n;
	int failed = 0, rc = -1;
	sbuf want = {0}, sp = {0};
	vec pcs;
	vec_init(&pcs, sizeof(norm_piece));
	run(r, text, &want, &pcs);
	/* Each n-th allocation fails in turn until a run gets all it asks
	 * for: the failures are reported, and that run says what a run
	 * without the failing allocator says. */
	for (n = 1; n < 1000 && rc != 0; n++) {
		sbuf_free(&sp);
		vec_free(&pcs);
		vec_init(&pcs, sizeof(norm_piece));
		test_fail_alloc_after(n);
		rc = norm_sentence(r, text, strlen(text), &sp, &pcs);
		test_fail_alloc_after(0);
		failed += rc == -1;
	}
	CHECK(failed > 0 && rc == 0, "norm_sentence reports the failed allocations (%d of %lu runs)", failed, n);
	CHECK_STR(sbuf_str(&sp), sbuf_str(&want), "and the first run that gets its memory says it all");
	sbuf_free(&sp);
	sbuf_free(&want);
	vec_free(&pcs);
	for (n = 1, rc = -1; n < 10000 && rc != 0; n++) {
		norm_rules *t = NULL;
		char err[256];
		test_fail_alloc_after(n);
		rc = norm_rules_load(&t, "voices/id", err, sizeof err);
		test_fail_alloc_after(0);
		norm_rules_free(t);
	}
	CHECK(rc == 0, "norm_rules_load survives failed allocations (%lu runs)", n);
}

static int no_phonemes(void *ud, const char *w, size_t n, sbuf *out)
{
	(void)ud, (void)w, (void)n, (void)out;
	return 1;
}

void suite_normalize(void)
{
	norm_rules *r = NULL;
	pron_rules *p = NULL;
	char err[512];
	if (norm_rules_load(&r, "voices/id", err, sizeof err) != 0 ||
	    pron_load(&p, "voices/id", "/usr/share/hunspell/id_ID", err, sizeof err) != 0) {
		CHECK(0, "load voices/id: %s", err);
		return;
	}
	/* as the renderer does: headlines' words are known to the
	 * pronunciation, and so are English words (no phonemes asked) */
	norm_set_known(r, pron_is_word, p);
	if (pron_set_english(p, "/usr/share/hunspell/en_US.dic", "en-us", "id", no_phonemes, NULL) != 0)
		CHECK(0, "hunspell-en-us loads");
	norm_set_english(r, pron_is_english, p);
	golden(r);
	unit_cases(r);
	hostile(r);
	load_errors();
	alloc_failure(r);
	norm_rules_free(r);
	pron_free(p);
}
