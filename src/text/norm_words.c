/* norm_words.c: abbreviations, the lexicon, and words as written made safe for
 * espeak-ng. */
#include "text/norm_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static size_t capitals(const char *s, size_t n);

/* Is token i a slash alone (i may be out of range)? */
static int lone_slash(const ctx *c, size_t i)
{
	return i < c->nt && c->t[i].len == 1 && c->s[c->t[i].off] == '/';
}

/* Does token i hold a slash inside, with a digit and a letter (a part of
 * a code: PER/1, 12/PBI/2009)? */
static int code_part(const ctx *c, size_t i)
{
	size_t n;
	const char *s;
	int digit = 0, letter = 0;
	if (i >= c->nt)
		return 0;
	s = norm_core(c, i, &n);
	if (n < 3 || !memchr(s, '/', n))
		return 0;
	for (size_t k = 0; k < n; k++)
		digit |= su_is_digit(s[k]), letter |= su_is_upper(s[k]) || su_is_lower(s[k]);
	return digit && letter; /* (not a date: 5/12 / 2017) */
}

/* Are p and q a word of the dictionary and an English word (Inklusi
 * Keuangan / United Nations ...): a name given again in English, "atau",
 * not a pair of names? */
static int title_in_english(const ctx *c, const char *p, size_t pn, const char *q, size_t qn)
{
	char ql[32];
	if (!c->r->english || qn >= sizeof ql)
		return 0;
	for (size_t k = 0; k < qn; k++)
		ql[k] = su_lower(q[k]);
	return norm_known(c, p, pn) && c->r->english(c->r->english_ud, ql, qn);
}

/* What a slash alone at token i (i > 0) says between its neighbours:
 * nothing between acronyms (DPR / MPR: one body) and in dan / atau; "dan"
 * between names (Marcus / Kevin, Ha - na / Kong: a pair) and specifications
 * (12 - core / 24 - thread); "per" after a unit or a money
 * scale (5km / jam, Rp 64 triliun / tahun); "garis miring" beside a part
 * of a code (11 / 12/PBI/2009); in a chain, what its first slash says (29,98
 * kg / kapita / tahun: per, per); NULL for the table's "atau". */
static const char *slash_word(const ctx *c, size_t i)
{
	size_t pn, qn = 0, d = 0;
	const char *p = norm_core(c, i - 1, &pn), *q = i + 1 < c->nt ? norm_core(c, i + 1, &qn) : NULL;
	int per;
	if (code_part(c, i - 1) || code_part(c, i + 1))
		return "garis miring"; /* a code spaced apart: 11 / 12/PBI/2009 */
	if (q && pn >= 2 && qn >= 2 && capitals(p, pn) == pn && capitals(q, qn) == qn)
		return "";
	if (q && pn == 3 && !strncmp(p, "dan", 3) && qn == 4 && !strncmp(q, "atau", 4))
		return "";
	if (norm_spaced_year(c, i))
		return ""; /* a date's year spaced apart: (5/12 / 2017) */
	if (q && pn && norm_digit_run(p, pn) == pn && c->t[i - 1].len == pn && qn >= 3 && su_is_upper(q[0]) &&
	    su_is_lower(q[1]) && i >= 2 && su_is_upper(c->s[c->t[i - 2].c_off]))
		return ""; /* a unit's number and its name: Yonif 113 / Jaya Sakti, Korem 011 / Lilawangsa */
	if (q && pn >= 2 && su_is_upper(p[0]) && su_is_lower(p[pn - 1]) && qn >= 2 && su_is_upper(q[0]) &&
	    su_is_lower(q[1]) && !title_in_english(c, p, pn, q, qn))
		return "dan";
	if (q && i >= 3 && pn && su_is_lower(p[0]) && c->t[i - 2].len == 1 && c->s[c->t[i - 2].off] == '-' && qn >= 1) {
		/* the second half of a dashed name or of a number's noun: Kim
		 * Ha - na / Kong Hee - yong, 12 - core / 24 - thread */
		size_t an;
		const char *a = norm_core(c, i - 3, &an);
		if (an && ((su_is_upper(a[0]) && qn >= 2 && su_is_upper(q[0]) && su_is_lower(q[1])) ||
			   (su_is_digit(a[0]) && su_is_digit(q[0]))))
			return "dan";
	}
	while (d < pn && (su_is_digit(p[d]) || p[d] == ',' || p[d] == '.'))
		d++;
	if (norm_find_unit(c, p, pn, &per) || (d > 0 && d < pn && norm_find_unit(c, p + d, pn - d, &per)) ||
	    (d > 0 && d == pn && q && norm_find_unit(c, q, qn, &per) && !per) || /* 5.000 / kg */
	    norm_scale(c->r, p, pn) || (pn == 6 && !strncmp(p, "rupiah", 6)))
		return "per";
	/* the next slash of a chain says what the first said: 29,98 kg /
	 * kapita / tahun (per, per); turntable / kibor / synthesizer (atau) */
	if (i >= 2 && lone_slash(c, i - 2))
		return slash_word(c, i - 2);
	return NULL;
}

/* Is the letter and period at token i an initial inside a name: after a
 * name (a capitalized word inside the sentence that is no Indonesian word,
 * no mark after it) and before another (Arry H. Reksodiputro), not a title
 * before one (H. Ahmad, Bapak H. Ahmad)? */
static int middle_initial(const ctx *c, size_t i)
{
	size_t pn, qn;
	const char *p, *q;
	if (i < 2 || i + 1 >= c->nt) /* a name's first word opens no sentence here */
		return 0;
	p = norm_core(c, i - 1, &pn), q = norm_core(c, i + 1, &qn);
	if (pn < 2 || pn >= 32 || !su_is_upper(p[0]) || !su_is_lower(p[1]) ||
	    c->t[i - 1].c_off + pn != c->t[i - 1].off + c->t[i - 1].len || qn < 2 || !su_is_upper(q[0]) ||
	    !su_is_lower(q[1]) || table_lookup_fold(&c->r->t[T_WORDS], p, pn, 2))
		return 0;
	return !norm_known(c, p, pn); /* Bapak H. Ahmad: a title */
}

/* A title written in capitals, as in an address or a headline (Jalan IR.
 * H. Juanda, PROF. Ali): the table's "Ir.", only when it is a title. */
static const entry *caps_title(const table *w, const char *s, size_t n)
{
	char buf[16];
	const entry *e;
	if (n < 3 || n > sizeof buf)
		return NULL;
	for (size_t k = 0; k + 1 < n; k++)
		if (!su_is_upper(s[k]))
			return NULL;
	buf[0] = s[0];
	for (size_t k = 1; k < n; k++)
		buf[k] = su_lower(s[k]);
	e = table_lookup_fold_entry(w, buf, n, n + 1);
	return e && e->cls == AB_TITLE ? e : NULL;
}

/* Is token i a word of letters with a capital first and small letters
 * after, nothing after it (So, Lee)? */
static int capitalized_word(const ctx *c, size_t i)
{
	size_t n;
	const char *s = norm_core(c, i, &n);
	if (n < 2 || !su_is_upper(s[0]) || c->t[i].c_off + n != c->t[i].off + c->t[i].len)
		return 0;
	for (size_t k = 1; k < n; k++)
		if (!su_is_lower(s[k]))
			return 0;
	return 1;
}

static int spell(ctx *c, const char *s, size_t n);

/* Do the words said so far end with the words v (ASCII case folded),
 * before a pause and a space at most? */
static int said_before(const ctx *c, const char *v)
{
	size_t e = c->sp->len, n = strlen(v);
	const char *d = c->sp->data;
	while (e > 0 && (d[e - 1] == ' ' || d[e - 1] == ','))
		e--;
	return n && e >= n && strncasecmp(d + e - n, v, n) == 0 && (e == n || d[e - n - 1] == ' ');
}

/* Does token i open a bracket after the words v, which it stands for
 * (Undang-undang (UU))? Then it is spelled, not said in words again. */
static int restates(const ctx *c, size_t i, const char *v)
{
	return i != (size_t)-1 && c->t[i].c_off > c->t[i].off && c->s[c->t[i].c_off - 1] == '(' && said_before(c, v);
}

/* Abbreviations, titles, symbols and time zones from abbrev.tsv: dll.,
 * Jl., Dr., &, WIB. The period is part of the key ("dll."). An entry said
 * as written (no spoken form) is none here. */
int norm_rule_abbrev(ctx *c, size_t i, size_t *used)
{
	size_t n, qn;
	const char *s = norm_core(c, i, &n), *v = NULL, *q;
	const table *w = &c->r->t[T_WORDS];
	const entry *e = NULL;
	int dot = 0, caps = n >= 2;
	(void)used;
	if (!n)
		return 0;
	/* capitals are an acronym, not the small letters of a short form
	 * (SPT, not spt "seperti"), unless the table lists them so */
	for (size_t k = 0; k < n && caps; k++)
		caps = su_is_upper(s[k]);
	if (n == 2 && s[0] == 'S' && s[1] == 't' && i + 1 < c->nt && c->t[i + 1].c_len && c->t[i + 1].c_off == c->t[i + 1].off &&
	    su_is_upper(c->s[c->t[i + 1].c_off]) && su_is_lower(c->s[c->t[i + 1].c_off + 1])) {
		/* St. Louis, St James: Saint, as English says it; but Santo in
		 * a church's or a Catholic school's name (Gereja St. Yosef) */
		static const char *const church[] = {"gereja", "paroki", "katedral", "kapel", "biara", "sekolah", "sd",
						     "smp", "sma", "smak", "smk", "yayasan", "rs", "santo", NULL};
		int santo = norm_prev_in(c, i, church);
		c->ate_dot = c->t[i].c_off + n < c->t[i].off + c->t[i].len && s[n] == '.';
		v = santo ? "santo" : table_lookup(&c->r->t[T_LEXICON], "Saint", 5);
		return norm_words(c, v ? v : "Saint") ? -1 : 1;
	}
	if (n == 1 && s[0] == '/' && c->t[i].len == 1 && i > 0 && (v = slash_word(c, i)) != NULL)
		return *v && norm_words(c, v) ? -1 : 1;
	/* the hour of a speed written apart: 300 km / h (per jam) */
	if (n == 1 && s[0] == 'h' && i >= 2 && lone_slash(c, i - 1) &&
	    (v = slash_word(c, i - 1)) != NULL && !strcmp(v, "per"))
		return norm_words(c, "jam") ? -1 : 1;
	if (c->t[i].c_off + n < c->t[i].off + c->t[i].len && s[n] == '.') {
		dot = 1;
		e = table_lookup_fold_entry(w, s, n + 1, caps ? n + 2 : 1);
		if (!e)
			e = caps_title(w, s, n + 1);
	}
	/* an abbreviation that ends the sentence after a word such as "suatu"
	 * is the word it spells: karena suatu hal. */
	if (e && e->val && i + 1 == c->nt && norm_prev_in(c, i, c->r->ctx_word[CTX_PLAIN_AFTER]))
		return 0;
	/* nor is a short one with an i, written with a capital, that ends
	 * the sentence after a capitalized name: the name's last word (Jun
	 * So Min.; not Sammy Davis Jr.) */
	if (e && e->val && i + 1 == c->nt && i > 0 && su_is_upper(s[0]) && n <= 3 && memchr(s, 'i', n) &&
	    capitalized_word(c, i - 1))
		return 0;
	if (n == 1 && dot && middle_initial(c, i) &&
	    (e ? e->val != NULL : su_is_upper(s[0]) && (q = norm_core(c, i + 1, &qn), !norm_known(c, q, qn)))) {
		/* an initial between two names is a letter with no pause: Arry
		 * H. Reksodiputro (not Haji), Darmin A. Sigilipu; a letter of no
		 * abbreviation not before an Indonesian word ("Logitech G. Aset",
		 * a sentence the segmenter could not tell apart) */
		c->ate_dot = 1;
		return norm_words(c, c->r->letter[su_lower(s[0]) - 'a']) ? -1 : 1;
	}
	if (e && e->val) {
		v = e->val;
		c->ate_dot = 1 + (e->cls == AB_ABBREV);
	}
	if (!v && !(v = table_lookup_fold(w, s, n, caps ? n + 1 : 2)))
		return 0;
	if (!strcmp(v, "juncto") && !norm_core_is(c, i + 1, "pasal"))
		return 0; /* jo between two articles of law: Pasal 2 jo Pasal 3; else a name (Jo Kwon) */
	if (caps && restates(c, i, v))
		return spell(c, s, n) ? -1 : 1; /* after what it stands for: Undang-undang (UU) */
	return norm_words(c, v) ? -1 : 1;
}

static int is_word_char(uint32_t cp)
{
	if (cp < 0x80)
		return su_is_lower((char)cp) || su_is_upper((char)cp);
	if (cp == 0x2CA || cp == 0x2CB || cp == 0x2C8)
		return 0; /* modifier accents written as quote marks: berlambang ˋSˋitu */
	return u_isalnum(cp) && !u_isdigit(cp);
}

/* Do closing quotes (" ' \u201D \u2019) start at s[k], with a letter after
 * them? */
static int quote_then_letter(const char *s, size_t n, size_t k)
{
	size_t q = k;
	for (;;) {
		if (q < n && (s[q] == '"' || s[q] == '\''))
			q++;
		else if (q + 2 < n && (!memcmp(s + q, "\xE2\x80\x9D", 3) || !memcmp(s + q, "\xE2\x80\x99", 3)))
			q += 3;
		else
			break;
	}
	return q > k && q < n && (su_is_lower(s[q]) || su_is_upper(s[q]));
}

static int say_capitals(ctx *c, size_t i, const char *s, size_t n);
static size_t capitals(const char *s, size_t n);

/* A part of a word in letters: capitals as an acronym is said (KTP "ka
 * te pe", ASEAN "asean"), else as it is. */
static int add_part(ctx *c, const char *s, size_t n)
{
	int rc = n >= 2 ? say_capitals(c, (size_t)-1, s, n) : 0;
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	return norm_word_break(c) || sbuf_add(c->sp, s, n);
}

/* The end of a word that is capitals after small letters (MotoGP, TiLV,
 * eVGT): where they start, or n. */
static size_t capital_tail(const char *s, size_t n)
{
	size_t k = n;
	while (k > 0 && su_is_upper(s[k - 1]))
		k--;
	return n - k >= 2 && k > 0 && su_is_lower(s[k - 1]) ? k : n;
}

/* A run of letters as its own word; a name of words written together with
 * capitals (UnionSpace, DailySocial, MasterChef) as its words, each of
 * three letters or more (not McDonald, iPhone, GoPay); an acronym at the
 * end of a name (MotoGP "moto ge pe") spelled, with the one or two letters
 * before it (TiLV "te i el ve", eVGT); the parts of a hyphenated word with
 * an acronym one by one (e-KTP "e ka te pe", ASEAN-Jepang); a site's name
 * ending in news (Tribunnews) with the word said apart, as "nyus"; an
 * acronym of two to five capitals before a word of four letters or more
 * (CNNIndonesia "si en en indonesia"; not HIVnya). */
static int add_run(ctx *c, const char *s, size_t n)
{
	size_t from = 0, tail;
	const char *dash = memchr(s, '-', n);
	if (dash) {
		int acronym = 0;
		for (size_t a = 0, b; a < n; a = b + 1) {
			const char *d = memchr(s + a, '-', n - a);
			b = d ? (size_t)(d - s) : n;
			acronym |= b - a >= 2 && su_is_upper(s[a]) && su_is_upper(s[a + 1]);
		}
		if (acronym) {
			for (size_t a = 0, b; a < n; a = b + 1) {
				const char *d = memchr(s + a, '-', n - a);
				b = d ? (size_t)(d - s) : n;
				if (b - a == 1 ? spell(c, s + a, 1) : b > a && add_part(c, s + a, b - a))
					return -1;
			}
			return 0;
		}
	}
	if (n >= 2 && capitals(s, n) == n) {
		/* capitals before digits or a symbol: WF-1000X, AB-12; a code
		 * spells an acronym the table says in words (PM.26: pe em) */
		const char *v = table_lookup(&c->r->t[T_ACRONYMS], s, n);
		return v && strchr(v, ' ') ? (spell(c, s, n) ? -1 : 0) : add_part(c, s, n);
	}
	if (su_is_upper(s[0]) && su_is_upper(s[1])) { /* an acronym before a word: CNNIndonesia, PDIPerjuangan */
		size_t k = 2;
		while (k < n && su_is_upper(s[k]))
			k++;
		if (k >= 4 && k < n && su_is_lower(s[k]) && n - (k - 1) >= 5 && k - 1 <= 5) {
			const char *v = table_lookup_fold(&c->r->t[T_LEXICON], s, k - 1, 1); /* CNN: si en en */
			if (v ? norm_words(c, v) : add_part(c, s, k - 1))
				return -1;
			from = k - 1;
		}
	}
	if (su_is_upper(s[from]))
		for (size_t k = from + 3; k + 3 <= n; k++)
			if (su_is_lower(s[k - 1]) && su_is_upper(s[k]) && su_is_lower(s[k + 1]) && k - from >= 3 &&
			    !(k - from == 3 && s[from + 1] == 'a' && s[from + 2] == 'c')) { /* MacBook */
				if (norm_word_break(c) || sbuf_add(c->sp, s + from, k - from))
					return -1;
				from = k;
			}
	if (n - from >= 7 && !memcmp(s + n - 4, "news", 4)) /* a site: Tribunnews "tribun nyus" */
		return norm_word_break(c) || sbuf_add(c->sp, s + from, n - 4 - from) || norm_words(c, "nyus");
	if ((tail = capital_tail(s + from, n - from) + from) < n) {
		if (tail - from <= 2 ? spell(c, s + from, tail - from)
				     : norm_word_break(c) || sbuf_add(c->sp, s + from, tail - from))
			return -1;
		return spell(c, s + tail, n - tail);
	}
	return norm_word_break(c) || sbuf_add(c->sp, s + from, n - from);
}

/* A run of d digits after a letter in a code of letters and digits
 * (RC213V, MH370, GX501, G20, CBR150R; not 1080p, 320x220): from a 0, or of three digits or more that do not
 * end in 00 or 50, one by one, as model and flight numbers are said ("er
 * ce dua satu tiga ve"); else the number ("ge dua puluh", "seratus lima
 * puluh"). */
static int code_digits(ctx *c, const char *s, size_t d)
{
	int round = d >= 2 && (s[d - 2] == '0' || s[d - 2] == '5') && s[d - 1] == '0';
	return (d > 1 && (s[0] == '0' || (d >= 3 && !round)) ? num_digits : num_cardinal)(c->sp, s, d);
}

/* A word as written, made safe for espeak-ng: letters and marks are kept
 * (with ' and - inside words), digit runs become numbers, emoji are kept
 * as words of their own, anything else (brackets, [[, <, /, symbols)
 * separates words. */
static int say_plain(ctx *c, const char *s, size_t n)
{
	size_t k = 0, len, kc, run = 0, run_at = 0;
	while (k <= n) {
		uint32_t cp, nx = 0;
		size_t nl;
		if (k < n && (su_is_lower(s[k]) || su_is_upper(s[k]))) {
			size_t e = k + 1; /* fast path: a run of ASCII letters */
			while (e < n && (su_is_lower(s[e]) || su_is_upper(s[e])))
				e++;
			if (!run)
				run_at = k;
			run += e - k;
			k = e;
			continue;
		}
		cp = k < n ? norm_cp_at(s, n, k, &len) : 0;
		if (k < n && k + len < n)
			nx = norm_cp_at(s, n, k + len, &nl);
		if (k < n && (is_word_char(cp) ||
			      (run && is_word_char(nx) && (cp == '-' || cp == '\'' || cp == 0x2019)))) {
			if (!run)
				run_at = k;
			run += len;
			k += len;
			continue;
		}
		if (run && add_run(c, s + run_at, run))
			return -1;
		if (run && s[k] == '.' && k + 4 < n && (!memcmp(s + k + 1, "\xE2\x80\x9C", 3) || s[k + 1] == '"') &&
		    su_is_upper(s[k + 1 + (s[k + 1] == '"' ? 1 : 3)])) {
			/* a period and an opening quote glued to the next
			 * sentence: Hatta.\u201CTahap */
			if (sbuf_addc(c->sp, '.') != 0)
				return -1;
		} else if (run && s[k] == ',' && quote_then_letter(s, n, k + 1)) {
			/* a comma and a closing quote glued to the next word:
			 * penyidik,\u201Dungkapnya */
			if (sbuf_addc(c->sp, ',') != 0)
				return -1;
		} else if (run && k + 1 < n && (su_is_lower(s[k + 1]) || su_is_upper(s[k + 1]))) {
			/* glued to the next word: Solihin,sempat; persen.Lebih;
			 * sikat/sikat gigi */
			if ((s[k] == ',' || (s[k] == '.' && su_is_lower(s[k - 1]) && su_is_upper(s[k + 1]))) &&
			    sbuf_addc(c->sp, s[k]) != 0)
				return -1;
			if (s[k] == '/' && norm_words(c, su_is_upper(s[run_at]) && su_is_upper(s[k + 1]) &&
							      k + 2 < n && su_is_lower(s[k + 2]) ? "dan" : "atau"))
				return -1; /* Marcus/Kevin, a pair; sikat/sikat gigi */
			if (s[k] == '&' && norm_words(c, su_is_lower(s[k - 1]) && su_is_lower(s[k + 1]) ? "dan" : "en"))
				return -1; /* a name of two joined by &: Pull&Bear, H&M, AT&T (en);
					    * small words: suami&anak (dan) */
		}
		if (!run && k > 0 && k + 2 < n && s[k] == '.' && (su_is_digit(s[k - 1]) || s[k - 1] == ')') &&
		    su_is_upper(s[k + 1]) && su_is_lower(s[k + 2]) && sbuf_addc(c->sp, '.') != 0)
			return -1; /* a number's period glued to the next sentence: 811.Angka, 2017).Pada */
		run = 0;
		if ((kc = norm_keycap_len(s, n, k)) > 0) {
			/* 1️⃣ #️⃣ *️⃣: the key's name, as espeak-ng says the
			 * digit alone (its own name for #️⃣ is "keycap"). */
			if (su_is_digit(s[k]) ? num_cardinal(c->sp, s + k, 1)
					   : norm_words(c, s[k] == '#' ? "pagar" : "bintang"))
				return -1;
			k += kc;
			continue;
		}
		if (k < n && su_is_digit(s[k])) {
			size_t d = norm_digit_run(s + k, n - k);
			size_t l = k; /* the letters before the digits, not after a digit (1080p, 320x220) */
			while (l > 0 && (su_is_upper(s[l - 1]) || su_is_lower(s[l - 1])))
				l--;
			int code = l < k && (l == 0 || !su_is_digit(s[l - 1]));
			if ((code ? code_digits(c, s + k, d)
				  : (d > 1 && s[k] == '0' ? num_digits : num_cardinal)(c->sp, s + k, d)))
				return -1;
			k += d;
			continue;
		}
		if (cp == 0xA9 || cp == 0xAE || cp == 0x2122) { /* (c) (R) TM: marks, not said */
			k += len;
			continue;
		}
		if (k < n && u_ispictograph(cp)) {
			/* An emoji or flag, with its modifiers: espeak-ng names it
			 * ("wajah gembira"), as a screen reader would. */
			size_t e = utf8_cluster_end(s, n, k);
			if (norm_word_break(c) || sbuf_add(c->sp, s + k, e - k))
				return -1;
			k = e;
			continue;
		}
		k += k < n ? len : 1;
	}
	return 0;
}

/* How many capitals s[0..n) has, when it is made of capitals and digits
 * only and starts with a capital (DPR, G20, B2B); 0 otherwise. */
static size_t capitals(const char *s, size_t n)
{
	size_t caps = 0;
	if (n == 0 || !su_is_upper(s[0]))
		return 0;
	for (size_t k = 0; k < n; k++) {
		if (su_is_upper(s[k]))
			caps++;
		else if (!su_is_digit(s[k]))
			return 0;
	}
	return caps;
}

/* A headline: three or more words of letters, most of them all capitals.
 * Worked out once a sentence. */
static int headline(ctx *c)
{
	size_t words = 0, caps = 0;
	if (c->headline >= 0)
		return c->headline;
	for (size_t i = 0; i < c->nt; i++) {
		size_t n, letters = 0;
		const char *s = norm_core(c, i, &n);
		for (size_t k = 0; k < n; k++)
			letters += su_is_upper(s[k]) || su_is_lower(s[k]);
		if (letters < 2)
			continue;
		words++;
		caps += capitals(s, n) == letters;
	}
	return c->headline = words >= 3 && caps * 5 >= words * 3;
}

/* Spell s[0..n) with the letters' names, digit runs as numbers: DPR "de pe
 * er", G20 "ge dua puluh". */
static int spell(ctx *c, const char *s, size_t n)
{
	for (size_t k = 0; k < n;) {
		if (su_is_digit(s[k])) {
			size_t d = norm_digit_run(s + k, n - k);
			if (norm_word_break(c) ||
			    (k > 0 ? code_digits(c, s + k, d)
				   : (d > 1 && s[k] == '0' ? num_digits : num_cardinal)(c->sp, s + k, d)))
				return -1;
			k += d;
			continue;
		}
		if (norm_words(c, c->r->letter[su_lower(s[k]) - 'a']))
			return -1;
		k++;
	}
	return 0;
}

/* Can the capitals s[0..n) be said as a word: no three consonants in a
 * row, and two at the start only as Indonesian and English words open
 * (PR, TR, ST: KEMENKUMHAM, PROPAM; not PPTKIS, BPJSTK, which are
 * spelled)? */
static int sayable(const char *s, size_t n)
{
	static const char onsets[] = "PRTRKRBRDRGRPLKLBLFLSPSTSKSMSNSWKHSY";
	size_t run = 0;
	for (size_t k = 0; k < n; k++) {
		if (strchr("AEIOU", s[k])) {
			run = 0;
			continue;
		}
		if (++run >= 3)
			return 0;
		if (run == 2 && k == 1) {
			size_t o;
			for (o = 0; onsets[o]; o += 2)
				if (onsets[o] == s[0] && onsets[o + 1] == s[1])
					break;
			if (!onsets[o])
				return 0;
		}
	}
	return 1;
}

/* Neighbourhood numbers after RT: RT 03/03 "er te nol tiga er we nol
 * tiga", RT 012/RW 001 (the numbers as an address says them, not a
 * fraction). */
int norm_rule_rt_rw(ctx *c, size_t i, size_t *used)
{
	size_t n, qn, a, rn;
	const char *s = norm_core(c, i, &n), *q, *r;
	if (n != 2 || memcmp(s, "RT", 2) != 0 || i + 1 >= c->nt)
		return 0;
	q = norm_core(c, i + 1, &qn);
	a = norm_digit_run(q, qn);
	if (a == 0 || a + 1 >= qn || q[a] != '/')
		return 0;
	if (norm_digit_run(q + a + 1, qn - a - 1) == qn - a - 1) { /* RT 03/03 */
		if (spell(c, s, 2) || spell(c, q, a) || spell(c, "RW", 2) || spell(c, q + a + 1, qn - a - 1))
			return -1;
		*used = 2;
		return 1;
	}
	if (qn - a - 1 != 2 || memcmp(q + a + 1, "RW", 2) != 0 || i + 2 >= c->nt)
		return 0;
	r = norm_core(c, i + 2, &rn); /* RT 012/RW 001 */
	if (rn == 0 || norm_digit_run(r, rn) != rn)
		return 0;
	if (spell(c, s, 2) || spell(c, q, a) || spell(c, "RW", 2) || spell(c, r, rn))
		return -1;
	*used = 3;
	return 1;
}

/* Runs of vowels in s[0..n): syllables, roughly. */
static size_t vowel_groups(const char *s, size_t n)
{
	size_t g = 0;
	for (size_t k = 0; k < n; k++)
		g += strchr("AEIOU", s[k]) && (k == 0 || !strchr("AEIOU", s[k - 1]));
	return g;
}

/* An acronym said as a word, in small letters: its c is k before a, o, u,
 * a consonant or the end, and s before e, i (SMESCO smesko, UNICEF), as
 * acronyms are said, not the c of Indonesian words. */
static int say_acronym_word(ctx *c, const char *low, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		char ch = low[k];
		if (ch == 'c')
			ch = k + 1 < n && (low[k + 1] == 'e' || low[k + 1] == 'i') ? 's' : 'k';
		if (sbuf_addc(c->sp, ch) != 0)
			return -1;
	}
	return 0;
}

/* Is token k followed, with nothing between, by another all-capital
 * word? */
static int dateline_goes_on(const ctx *c, size_t k)
{
	const tok *t = &c->t[k], *u;
	if (k + 1 >= c->nt || t->c_off + t->c_len != t->off + t->len)
		return 0;
	u = &c->t[k + 1];
	return u->c_len >= 2 && u->c_off == u->off && capitals(c->s + u->c_off, u->c_len) == u->c_len;
}

/* Is token i one of the all-capital words (two to four) that open a
 * sentence and end at a comma, a bracket or a dash: a dateline (DEPOK (Pos
 * Kota), KUALA LUMPUR, ...)? */
static int dateline(const ctx *c, size_t i)
{
	for (size_t k = 0; k < c->nt && k < 4; k++) {
		const tok *t = &c->t[k];
		const char *w = c->s + t->c_off;
		if (k == 0 && k < i && memchr(w, '.', t->c_len))
			continue; /* JUARA.NET, TOKYO - */
		if (capitals(w, t->c_len) != t->c_len ||
		    (t->c_len < 3 && !(t->c_len == 2 && vowel_groups(w, 2) && dateline_goes_on(c, k))))
			return 0; /* (two letters of a name: LE MANS, TERMAS DE RIO HONDO; not DC, TNI AU, BERITA MU) */
		if (k + 1 < c->nt && (c->s[c->t[k + 1].off] == '(' || c->s[c->t[k + 1].off] == '-'))
			return k >= i;
		if (t->c_off + t->c_len < t->off + t->len && c->s[t->c_off + t->c_len] == ',')
			return k >= i;
	}
	return 0;
}

/* Is the core of token k letters only, all capitals, two or more? */
static int capitals_token(const ctx *c, size_t k)
{
	const tok *t = &c->t[k];
	return t->c_len >= 2 && capitals(c->s + t->c_off, t->c_len) == t->c_len;
}

/* Is token i inside a shouted clause: four all-capital words or more in a
 * row, half of them or more words of four letters or more the
 * pronunciation knows ("KOK SEKARANG JADI BIASA AJA", a post quoted in
 * a sentence that is not a headline)? Its short words are words too. */
static int shouted(const ctx *c, size_t i)
{
	size_t a = i, b = i + 1, known = 0;
	if (i == (size_t)-1 || !c->r->known)
		return 0;
	while (a > 0 && capitals_token(c, a - 1))
		a--;
	while (b < c->nt && capitals_token(c, b))
		b++;
	if (b - a < 4)
		return 0;
	for (size_t k = a; k < b; k++) {
		char low[32];
		size_t n = c->t[k].c_len;
		if (n >= 4 && *norm_core_low(c, k, low, sizeof low))
			known += c->r->known(c->r->known_ud, low, n) != 0;
	}
	return known * 2 >= b - a;
}

/* Token i's word in an entry of two or three words written together, the
 * tokens bare where they meet (Gigi Hadid, ONE OK ROCK; Badan POM in
 * acronyms.tsv): the spoken word at i's place, copied into out with its
 * _ made spaces (pe_o_em: "pe o em"), or NULL. */
static const char *several_entry(const ctx *c, const table *t, size_t i, char *out, size_t cap)
{
	int may[3];
	if (!t->spaced || i >= c->nt || !c->t[i].c_len)
		return NULL;
	for (size_t p = 0; p < 3; p++) /* (may a key start p tokens before i?) */
		may[p] = p <= i && table_may_start(t, c->s + c->t[i - p].c_off, c->t[i - p].c_len);
	if (!may[0] && !may[1] && !may[2])
		return NULL;
	for (size_t k = 3; k >= 2; k--)
		for (size_t p = 0; p < k; p++) {
			char buf[128];
			size_t a = i - p, len = 0, j, m;
			const char *v, *w;
			if (i < p || a + k > c->nt || !may[p])
				continue;
			for (j = a; j < a + k; j++) {
				const char *b = norm_core(c, j, &m);
				if (!m || len + m + 1 >= sizeof buf ||
				    (j + 1 < a + k && (c->t[j].c_off + c->t[j].c_len != c->t[j].off + c->t[j].len ||
						       c->t[j + 1].c_off != c->t[j + 1].off)))
					break;
				if (j > a)
					buf[len++] = ' ';
				memcpy(buf + len, b, m);
				len += m;
			}
			if (j < a + k || (v = table_lookup_fold(t, buf, len, 1)) == NULL)
				continue;
			for (w = v; p > 0; p--)
				w = strchr(w, ' ') + 1; /* as many words: table.c checks */
			for (m = 0; w[m] && w[m] != ' ' && m + 1 < cap; m++)
				out[m] = w[m] == '_' ? ' ' : w[m];
			out[m] = '\0';
			return out;
		}
	return NULL;
}

/* An all-capital token: an acronym said as a word (acronyms.tsv); a
 * dateline's word with a vowel, as a capitalized name (DEPOK (Pos Kota),
 * NEW YORK, TERMAS DE RIO HONDO); a word of four letters or more the
 * pronunciation knows (SIMAK JUGA, ISIS); in a headline, a word the pronunciation knows or one of two
 * syllables and five letters or more (ANIES); one of five capitals and
 * two vowels or more that can be said (BASRI, GITEX; not PPATK); spelled
 * when it has two to five capitals (DPR, MUI, G20); else the word it is,
 * in small letters (JAKARTA). An entry of acronyms.tsv for it after a word
 * comes first (Badan POM). 0 when s is no such token. */
static int say_capitals(ctx *c, size_t i, const char *s, size_t n)
{
	int known;
	size_t caps = capitals(s, n);
	char low[64];
	const char *v;
	if (caps == 0 || (caps == 1 && n == 1))
		return 0;
	if (i < c->nt && n == c->t[i].c_len && (v = several_entry(c, &c->r->t[T_ACRONYMS], i, low, sizeof low)) != NULL)
		return norm_words(c, v) ? -1 : 1; /* Badan POM: pe o em */
	if ((v = table_lookup(&c->r->t[T_ACRONYMS], s, n)) != NULL)
		return (restates(c, i, v) ? spell(c, s, n) : norm_words(c, v)) ? -1 : 1; /* Undang-undang (UU): u u */
	for (size_t k = 0; k < n && k < sizeof low; k++)
		low[k] = su_lower(s[k]);
	known = n < sizeof low && c->r->known && c->r->known(c->r->known_ud, low, n);
	if (n < sizeof low && caps == n && n >= 2 && vowel_groups(s, n) >= 1 && dateline(c, i)) {
		low[0] = s[0]; /* a dateline's place, said as its name is: MANCHESTER as Manchester */
		if ((v = table_lookup_fold(&c->r->t[T_LEXICON], low, n, 1)) != NULL)
			return norm_words(c, v) ? -1 : 1;
		return norm_word_break(c) || sbuf_add(c->sp, low, n) ? -1 : 1;
	}
	if (n < sizeof low && caps == n &&
	    ((caps > 5 && sayable(s, n)) || (caps == 5 && vowel_groups(s, n) >= 2 && sayable(s, n)) || (n >= 4 && known) || (headline(c) && (known || (n >= 5 && vowel_groups(s, n) >= 2)))))
		return norm_word_break(c) || (known ? sbuf_add(c->sp, low, n) : say_acronym_word(c, low, n)) ? -1 : 1;
	if (n < sizeof low && caps == n && n >= 4 && n <= 5 && !known && c->r->english && vowel_groups(s, n) >= 1 &&
	    strspn(s, "IVXLCDM") < n && c->r->english(c->r->english_ud, low, n)) /* (not a Roman XIII) */
		return norm_word_break(c) || sbuf_add(c->sp, low, n) ? -1 : 1; /* an English word: LOVE, HOPE */
	if (n < sizeof low && caps == n && n >= 3 && (known || (vowel_groups(s, n) >= 1 && sayable(s, n))) && shouted(c, i))
		return norm_word_break(c) || (known ? sbuf_add(c->sp, low, n) : say_acronym_word(c, low, n)) ? -1 : 1;
	if (caps > 5 && (caps < n || sayable(s, n)))
		return 0;
	return spell(c, s, n) ? -1 : 1;
}

/* Acronyms joined by slashes (DPR/MPR, TNI/Polri is a word after the
 * slash): each said as it is alone, with no "atau". */
static int capitals_slash(ctx *c, size_t i, const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n);
	size_t a = slash ? (size_t)(slash - s) : 0;
	int rc;
	if (a < 2 || n - a - 1 < 2 || capitals(s, a) != a || memchr(slash + 1, '/', n - a - 1))
		return 0;
	if ((rc = say_capitals(c, i, s, a)) <= 0)
		return rc;
	if (capitals(slash + 1, n - a - 1) == n - a - 1 || su_is_upper(slash[1]))
		rc = say_capitals(c, i, slash + 1, n - a - 1);
	else
		rc = 0;
	if (rc == 0)
		rc = say_plain(c, slash + 1, n - a - 1) ? -1 : 1;
	return rc;
}

/* Lexicon entries (whole words, respelled or [[phonemes]]), acronyms, else
 * the word. */
/* s[0..*n) without zero-width spaces and word joiners (U+200B, U+2060,
 * U+FEFF), which some sites put inside words (e-comme\u200Brce), into buf;
 * s itself when it has none or is too long for buf. The joiners of emoji
 * and scripts (U+200C, U+200D) stay. */
static const char *without_zero_width(const char *s, size_t *n, char *buf, size_t cap)
{
	size_t k = 0, o = 0;
	int found = 0;
	if (*n >= cap)
		return s;
	while (k < *n) {
		unsigned char a = (unsigned char)s[k];
		if (k + 2 < *n && ((a == 0xE2 && (unsigned char)s[k + 1] == 0x80 && (unsigned char)s[k + 2] == 0x8B) ||
				    (a == 0xE2 && (unsigned char)s[k + 1] == 0x81 && (unsigned char)s[k + 2] == 0xA0) ||
				    (a == 0xEF && (unsigned char)s[k + 1] == 0xBB && (unsigned char)s[k + 2] == 0xBF))) {
			k += 3;
			found = 1;
			continue;
		}
		buf[o++] = s[k++];
	}
	if (!found)
		return s;
	*n = o;
	return buf;
}

/* Is s[b..n) a slash and a year of four digits, the code's last part? */
static int year_after(const char *s, size_t b, size_t n)
{
	return b + 5 == n && s[b] == '/' && norm_digit_run(s + b + 1, 4) == 4 && (s[b + 1] == '1' || s[b + 1] == '2');
}

/* A letter's or a regulation's number, its parts joined by slashes, at
 * least three of them, digits in one and letters in another (B/91/I/2018,
 * Kep/006/Munaslub/1/2018, 06/M-DAG/PER/1/2015): each part said as it is
 * written (digits from a 0 one by one, a Roman numeral after digits as
 * its number, letters as a word or an acronym is said) and each slash as
 * "garis miring", as a newsreader reads it out. */
static int say_code(ctx *c, size_t i, const char *s, size_t n)
{
	size_t slashes = 0, digits = 0, letters = 0;
	int prev_digits = 0;
	if (n < 5 || n > 64)
		return 0;
	for (size_t k = 0; k < n; k++) {
		if (s[k] == '/')
			slashes++, digits += k > 0 && su_is_digit(s[k - 1]);
		else if (su_is_upper(s[k]) || su_is_lower(s[k]))
			letters++;
		else if (!su_is_digit(s[k]) && s[k] != '-')
			return 0; /* (not an amount: Rp10.000/kg/hari) */
		if (k > 0 && s[k] == '/' && s[k - 1] == '/')
			return 0;
	}
	digits += su_is_digit(s[n - 1]);
	/* (a code the text spaced apart: Kep/006/munaslub / hanura/1 / 2018) */
	if (slashes == 1 && (lone_slash(c, i - 1) || lone_slash(c, i + 1)))
		slashes = 2;
	if (slashes < 2 || !digits || !letters || s[0] == '/' || s[n - 1] == '/' || (s[0] == 'R' && s[1] == 'p'))
		return 0;
	for (size_t a = 0, b; a < n; a = b + 1) { /* (nor a price per unit: 5/kg/hari) */
		int per;
		for (b = a; b < n && s[b] != '/'; b++)
			;
		if (b > a && !su_is_digit(s[a]) && norm_find_unit(c, s + a, b - a, &per))
			return 0;
		if (a == 0 && b < n && norm_digit_run(s, b) == b && norm_per_parts(c, s + b, n - b))
			return 0; /* (a number per words: 3/orang/hari) */
	}
	for (size_t a = 0, b; a < n; a = b + 1) {
		unsigned v;
		size_t d;
		for (b = a; b < n && s[b] != '/'; b++)
			;
		if (a > 0 && norm_words(c, "garis miring"))
			return -1;
		d = norm_digit_run(s + a, b - a);
		if (d == b - a) {
			if ((s[a] == '0' && d > 1 ? num_digits : num_cardinal)(c->sp, s + a, d))
				return -1;
			prev_digits = 1;
			continue;
		}
		if ((prev_digits || year_after(s, b, n)) && b - a <= 4 && (v = num_roman(s + a, b - a)) != 0 &&
		    (prev_digits || v <= 12) && !memchr(s + a, 'C', b - a) && !memchr(s + a, 'D', b - a) &&
		    !memchr(s + a, 'M', b - a) && !memchr(s + a, 'L', b - a)) { /* (before a year, a month: TUA/IV/2017) */
			if (norm_say_uint(c, v))
				return -1;
			prev_digits = 0;
			continue;
		}
		prev_digits = 0;
		if (b - a == 1 && su_is_upper(s[a])) { /* B: the letter's name */
			if (norm_words(c, c->r->letter[su_lower(s[a]) - 'a']))
				return -1;
			continue;
		}
		if (norm_word_break(c) || (capitals(s + a, b - a) == b - a ? add_part(c, s + a, b - a) : say_plain(c, s + a, b - a)))
			return -1;
	}
	return 1;
}

/* Tokens i.. of a code the text split at a dash, spaced apart (06/M -
 * DAG / PER/1 / 2015), joined as written together into buf: their count,
 * 0 when no dash inside a code joins them. A dash joins only when a slash
 * follows it. */
static size_t dashed_code(const ctx *c, size_t i, char *buf, size_t cap, size_t *len)
{
	size_t k = i, n, o, keep = 0, keep_len = 0;
	int dash = 0;
	const char *s = norm_core(c, i, &n);
	if (n >= cap)
		return 0;
	memcpy(buf, s, n);
	o = n;
	while (k + 2 < c->nt && c->t[k].c_off + c->t[k].c_len == c->t[k].off + c->t[k].len &&
	       c->t[k + 1].len == 1 && (c->s[c->t[k + 1].off] == '-' || c->s[c->t[k + 1].off] == '/') &&
	       c->t[k + 2].c_off == c->t[k + 2].off && c->t[k + 2].c_len) {
		char sep = c->s[c->t[k + 1].off];
		s = norm_core(c, k + 2, &n);
		if (o + 1 + n >= cap)
			break;
		buf[o++] = sep;
		memcpy(buf + o, s, n);
		o += n, k += 2;
		dash |= sep == '-';
		if (dash && (sep == '/' || memchr(s, '/', n)))
			keep = k - i + 1, keep_len = o; /* a slash after the dash */
	}
	*len = keep_len;
	return keep;
}

/* A letter's or a regulation's number (say_code), written together or
 * split at a dash with spaces. */
int norm_rule_slash_code(ctx *c, size_t i, size_t *used)
{
	size_t n, m, jn;
	char joined[64];
	const char *s = norm_core(c, i, &n);
	int rc;
	if (!memchr(s, '/', n))
		return 0;
	if ((m = dashed_code(c, i, joined, sizeof joined, &jn)) > 1 && (rc = say_code(c, i, joined, jn)) != 0) {
		*used = m;
		return rc;
	}
	return say_code(c, i, s, n);
}

/* The lexicon's entry for a hyphenated word the text spaced apart at its
 * hyphen, tokens i, i + 1 (the dash) and i + 2 (Jay - Z, co - pilot, as
 * Jay-Z, co-pilot), or NULL. */
static const char *spaced_entry(const ctx *c, size_t i, const char *s, size_t n)
{
	char buf[128];
	size_t m;
	const char *b;
	if (i + 2 >= c->nt || c->t[i].c_off + c->t[i].c_len != c->t[i].off + c->t[i].len || c->t[i + 1].len != 1 ||
	    c->s[c->t[i + 1].off] != '-' || c->t[i + 2].c_off != c->t[i + 2].off || !c->t[i + 2].c_len)
		return NULL;
	b = norm_core(c, i + 2, &m);
	if (n + 1 + m >= sizeof buf)
		return NULL;
	memcpy(buf, s, n);
	buf[n] = '-';
	memcpy(buf + n + 1, b, m);
	return table_lookup_fold(&c->r->t[T_LEXICON], buf, n + 1 + m, 1);
}

/* Is the lowercase s[0..n) a word a tag may be made of: a small English
 * word of the list, an English word of three letters or more, or an
 * Indonesian one of four or more (not the rit of @andritany)? */
static int tag_part(const ctx *c, const char *s, size_t n)
{
	static const char *const small[] = {"of", "in", "on", "to", "by", "my", "me", "we", "us", "is", "it", "at", "an",
					    "or", "no", "go", "do", "up", "so", "be", "a", "i", "the", "for", "and", "you", NULL};
	char w[4];
	if (n <= 3) {
		memcpy(w, s, n);
		w[n] = '\0';
		if (norm_in_list(w, small))
			return 1;
	}
	return n >= 3 && ((n >= 4 && c->r->known(c->r->known_ud, s, n)) || c->r->english(c->r->english_ud, s, n));
}

/* A hashtag or an account written in small letters as one word
 * (#artforfreedom, @thelovemagazine, #kamibersamapolri): said as the
 * fewest words of either language it splits into, two or more
 * (tag_part). 0 when it splits into none (then it is read as it is). */
static int say_tag(ctx *c, const char *s, size_t n)
{
	unsigned char parts[41], from[41];
	size_t k, j;
	if (n < 8 || n > 40 || !c->r->known || !c->r->english)
		return 0;
	for (k = 0; k < n; k++)
		if (!su_is_lower(s[k]))
			return 0;
	if (c->r->known(c->r->known_ud, s, n) || c->r->english(c->r->english_ud, s, n))
		return 0; /* one word already */
	memset(parts, 0xff, sizeof parts);
	parts[0] = 0;
	for (k = 1; k <= n; k++)
		for (j = 0; j < k; j++)
			if (parts[j] != 0xff && parts[j] + 1 < parts[k] && tag_part(c, s + j, k - j))
				parts[k] = (unsigned char)(parts[j] + 1), from[k] = (unsigned char)j;
	if (parts[n] == 0xff || parts[n] < 2)
		return 0;
	{
		size_t at[41], m = 0;
		for (k = n; k > 0; k = from[k])
			at[m++] = from[k];
		while (m-- > 0) {
			size_t a = at[m], b = m ? at[m - 1] : n;
			if (norm_word_break(c) || sbuf_add(c->sp, s + a, b - a))
				return -1;
		}
	}
	return 1;
}

/* A word written twice the informal way, with a 2 (foto2, Hal2,
 * anak2nya): the word said twice, joined by its hyphen (foto-foto,
 * anak-anaknya), when the pronunciation knows it; 0 when s is no such
 * word. */
static int say_doubled(ctx *c, const char *s, size_t n)
{
	size_t k = 0, tail;
	char low[32];
	while (k < n && k < sizeof low && (su_is_lower(s[k]) || (k == 0 && su_is_upper(s[k]))))
		low[k] = su_lower(s[k]), k++;
	if (k < 2 || k >= n || s[k] != '2' || !c->r->known)
		return 0;
	tail = n - k - 1;
	if (tail && !(tail == 3 && !memcmp(s + k + 1, "nya", 3)) && !(tail == 2 && !memcmp(s + k + 1, "an", 2)))
		return 0;
	if (!c->r->known(c->r->known_ud, low, k) || (k == 4 && !memcmp(low, "moto", 4)))
		return 0; /* (not Moto2, a class of racing) */
	if (norm_word_break(c) || sbuf_add(c->sp, s, k) || sbuf_addc(c->sp, '-') || sbuf_add(c->sp, low, k) ||
	    sbuf_add(c->sp, s + k + 1, tail))
		return -1;
	return 1;
}

/* A brand of My and a capitalized word English does not know (MyNurz,
 * MyPertamina): "mai", then the word. (MySecond, all English, is the
 * pronunciation's camel case.) 0 when s is no such brand. */
static int say_my_brand(ctx *c, const char *s, size_t n)
{
	char low[32];
	size_t k;
	if (n < 5 || n - 2 >= sizeof low || s[0] != 'M' || s[1] != 'y' || !su_is_upper(s[2]) || !c->r->english)
		return 0;
	for (k = 2; k < n; k++) {
		if (!(k == 2 ? su_is_upper(s[k]) : su_is_lower(s[k])))
			return 0;
		low[k - 2] = su_lower(s[k]);
	}
	if (c->r->english(c->r->english_ud, low, n - 2))
		return 0;
	return norm_words(c, "mai") || norm_word_break(c) || sbuf_add(c->sp, s + 2, n - 2) ? -1 : 1;
}

static int rule_word(ctx *c, size_t i, size_t *used, size_t plus);


/* A year's era after it: 200 SM; 1344 H, a year of the hijra (13xx or
 * 14xx; H. is haji elsewhere); tahun 622 M (not 100 M, metres). Before
 * the abbreviations, and the period after it stays the sentence's. */
int norm_rule_era(ctx *c, size_t i, size_t *used)
{
	size_t n, yn;
	const char *s = norm_core(c, i, &n), *y;
	(void)used;
	if (i == 0 || n > 2 || !norm_all_digits(c, i - 1))
		return 0;
	y = c->s + c->t[i - 1].off, yn = c->t[i - 1].len;
	if (n == 2 && s[0] == 'S' && s[1] == 'M')
		return norm_words(c, "sebelum masehi") ? -1 : 1;
	if (n == 1 && s[0] == 'H' && yn == 4 && y[0] == '1' && (y[1] == '3' || y[1] == '4'))
		return norm_words(c, "hijriah") ? -1 : 1;
	if (n == 1 && s[0] == 'M' && i >= 2 && norm_core_is(c, i - 2, "tahun"))
		return norm_words(c, "masehi") ? -1 : 1;
	return 0;
}

/* Is s[0..n) a word of small ASCII letters, the first maybe a capital? */
static int plain_word(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!su_is_lower(s[k]) && !(k == 0 && su_is_upper(s[k])))
			return 0;
	return n > 0;
}

/* A word with plus signs after it (HD+, Disney+, C++): the word, then
 * "plus" for each. */
int norm_rule_word(ctx *c, size_t i, size_t *used)
{
	size_t n, plus = 0;
	const char *s = norm_core(c, i, &n);
	int rc;
	while (plus < n && s[n - 1 - plus] == '+')
		plus++;
	if (!plus || plus == n || !(su_is_upper(s[0]) || su_is_lower(s[0])))
		return rule_word(c, i, used, 0);
	if ((rc = rule_word(c, i, used, plus)) != 1 || *used != 1)
		return rc;
	while (plus--)
		if (norm_words(c, "plus"))
			return -1;
	return 1;
}

static int rule_word(ctx *c, size_t i, size_t *used, size_t plus)
{
	size_t n;
	char clean[256], word[128];
	const char *s = norm_core(c, i, &n), *v;
	int rc;
	n -= plus;
	s = without_zero_width(s, &n, clean, sizeof clean);
	if (n == 0)
		return 1;
	if (n == c->t[i].c_len && (v = several_entry(c, &c->r->t[T_LEXICON], i, word, sizeof word)) != NULL)
		return norm_words(c, v) ? -1 : 1; /* Gigi Hadid: jiji hadid */
	if (i + 1 < c->nt && c->t[i + 1].c_len == 1 && c->s[c->t[i + 1].c_off] == 's' && !plus && n >= 2 && n < 64 &&
	    c->t[i].c_off + n == c->t[i].off + c->t[i].len && plain_word(s, n)) {
		const char *a = c->s + c->t[i + 1].off; /* our client 's success: the possessive joins its word */
		size_t an = c->t[i + 1].c_off + c->t[i + 1].c_len - c->t[i + 1].off;
		if ((an == 2 && a[0] == '\'' && a[1] == 's') || (an == 4 && !memcmp(a, "\xE2\x80\x99s", 4))) {
			*used = 2;
			return norm_word_break(c) || sbuf_add(c->sp, s, n) || sbuf_adds(c->sp, "'s") ? -1 : 1;
		}
	}
	if (n >= 4 && n < 64 && s[n - 2] == '`' && s[n - 1] == 's' && plain_word(s, n - 2)) /* General`s: 's */
		return norm_word_break(c) || sbuf_add(c->sp, s, n - 2) || sbuf_adds(c->sp, "'s") ? -1 : 1;
	if ((v = spaced_entry(c, i, s, n)) != NULL) { /* (before the word alone: Saint - Germain) */
		*used = 3;
		return norm_words(c, v) ? -1 : 1;
	}
	if ((v = table_lookup_fold(&c->r->t[T_LEXICON], s, n, 1)) != NULL)
		return norm_words(c, v) ? -1 : 1;
	if (n == 2 && s[0] == 'U' && s[1] == 'U' && i + 1 < c->nt && c->t[i + 1].c_len) {
		char low[8]; /* a law cited by its number: UU 10/2016, UU Nomor 30 */
		const char *w = norm_core_low(c, i + 1, low, sizeof low);
		if ((su_is_digit(c->s[c->t[i + 1].c_off]) || !strcmp(w, "nomor") || !strcmp(w, "no")) &&
		    !restates(c, i, "undang-undang"))
			return norm_words(c, "undang-undang") ? -1 : 1;
	}
	if (n == 2 && s[0] == 'N' && s[1] == 'o' && i + 1 < c->nt && c->t[i + 1].c_len &&
	    su_is_digit(c->s[c->t[i + 1].c_off]) && c->t[i].off + c->t[i].len == c->t[i].c_off + n)
		return norm_words(c, "nomor") ? -1 : 1; /* No 6, as No. 6 */
	if (n >= 3 && (s[0] == 'K' || s[0] == 'k') && (s[1] == 'M' || s[1] == 'm') &&
	    norm_digit_run(s + 2, n - 2) == n - 2) /* a road's kilometre post: KM230 */
		return norm_words(c, "kilometer") || num_cardinal(c->sp, s + 2, n - 2) ? -1 : 1;
	if (n == 2 && s[0] == 'K' && (s[1] == 'M' || s[1] == 'm') && i + 1 < c->nt && c->t[i + 1].c_len &&
	    norm_digit_run(c->s + c->t[i + 1].c_off, c->t[i + 1].c_len) == c->t[i + 1].c_len)
		return norm_words(c, "kilometer") ? -1 : 1; /* KM 230, Km 10; KM Lestari, a ship, is spelled */
	if (n >= 3 && s[0] == 'H' && (s[1] == '-' || s[1] == '+') && norm_digit_run(s + 2, n - 2) == n - 2)
		/* days before or after a day: H-7 Lebaran, H+3 */
		return norm_words(c, "ha") || norm_words(c, s[1] == '-' ? "min" : "plus") ||
		       num_cardinal(c->sp, s + 2, n - 2) ? -1 : 1;
	if (n >= 2 && s[0] == '@' && (su_is_lower(s[1]) || su_is_upper(s[1]) || su_is_digit(s[1]) || s[1] == '_')) {
		/* a social media account: @merdekadotcom "et merdeka dot kom" */
		size_t m = n - 1;
		int dotcom = m > 6 && !memcmp(s + n - 6, "dotcom", 6);
		if (norm_words(c, "et"))
			return -1;
		if (!dotcom && (rc = say_tag(c, s + 1, m)) != 0)
			return rc < 0 ? -1 : 1;
		if (say_plain(c, s + 1, dotcom ? m - 6 : m) || (dotcom && norm_words(c, "dot kom")))
			return -1;
		return 1;
	}
	if (n == 1 && s[0] == 'v' && norm_versus(c, i, s, n))
		return norm_words(c, "versus") ? -1 : 1; /* Batman v Superman (V: norm_rule_roman) */
	if (n == 2 && s[0] == 'R' && s[1] == 'A' && i > 0 && capitalized_word(c, i - 1) &&
	    !(i + 1 < c->nt && c->t[i + 1].c_len && su_is_upper(c->s[c->t[i + 1].c_off])))
		return norm_words(c, "radhiyallahu anhu") ? -1 : 1; /* after a companion's name: Umar RA; not RA Kartini */
	if ((rc = say_doubled(c, s, n)) != 0)
		return rc < 0 ? -1 : 1;
	if ((rc = say_my_brand(c, s, n)) != 0)
		return rc < 0 ? -1 : 1;
	if (n > 1 && memchr(s, '#', n)) { /* hashtags: #artforfreedom, #rebelheart#revolutionoflove */
		size_t mark = c->sp->len;
		int any = 0;
		for (size_t a = 0, b; a < n; a = b + 1) {
			const char *h = memchr(s + a, '#', n - a);
			b = h ? (size_t)(h - s) : n;
			if (b > a && (rc = say_tag(c, s + a, b - a)) < 0)
				return -1;
			if (b > a && rc == 0 && say_plain(c, s + a, b - a))
				return -1;
			any |= b > a && rc > 0;
		}
		if (any)
			return 1;
		c->sp->len = mark; /* none split: said as written, below */
		c->sp->data[mark] = '\0';
	}
	if (n == 3 && su_is_upper(s[0]) && su_is_lower(s[1]) && su_is_upper(s[2]))
		return spell(c, s, n) ? -1 : 1; /* GoT, MoU, SoC, IoT: each letter */
	if (n == 1 && s[0] == 'Q')
		return spell(c, s, n) ? -1 : 1; /* a Q alone is its name, ki (espeak-ng says a bare k) */
	if (n >= 5 && n <= 10 && !memcmp(s + n - 3, "nya", 3) && capitals(s, n - 3) == n - 3 &&
	    (rc = say_capitals(c, i, s, n - 3)) != 0) /* KTPnya "ka te penya", ASInya "asinya" */
		return rc < 0 || norm_glue(c, "nya") ? -1 : 1;
	if ((rc = say_capitals(c, i, s, n)) != 0)
		return rc;
	if ((rc = capitals_slash(c, i, s, n)) != 0)
		return rc;
	return say_plain(c, s, n) ? -1 : 1;
}
