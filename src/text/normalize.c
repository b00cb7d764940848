/* normalize.c: Indonesian text normalization; see normalize.h.
 *
 * A sentence is cut at whitespace into tokens; each token is split into
 * leading punctuation, a core and trailing punctuation. An ordered rule list
 * (rules[] below) is tried on the core of each token; the first rule that
 * matches writes the spoken words and says how many tokens it consumed
 * (`Rp 12.500` is two tokens, one piece). The words live in tables loaded
 * from the voice folder (abbrev.tsv, units.tsv, currency.tsv, web.tsv,
 * lexicon.tsv, contexts.tsv) and, for the numbers, in number.c. Trailing punctuation that shapes intonation
 * is kept, one mark per token. */
#include "text/norm_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const table_file[T_COUNT] = {
	"abbrev.tsv", "units.tsv", "currency.tsv", "web.tsv", "lexicon.tsv", "acronyms.tsv",
};

static const char *const ctx_class[CTX_COUNT] = {
	"time", "date", "score", "roman-cardinal", "roman-never", "roman-i", "scale", "month", "letter",
	"digits", "address", "plain-after", "range", "law", "roman-ordinal", "coordinate",
	"part",
};

/* One line of contexts.tsv, cut in place: its class, or -1 with why. */
static int context_line(char *line, char **word, char **value, const char **why)
{
	char *tab = strchr(line, '\t'), *tab2;
	int k, valued;
	*why = "expected class<TAB>word[<TAB>value]";
	if (!tab || tab[1] == '\0' || tab[1] == '\t')
		return -1;
	*tab = '\0';
	*word = tab + 1;
	*value = NULL;
	if ((tab2 = strchr(*word, '\t')) != NULL)
		*tab2 = '\0', *value = tab2 + 1;
	for (k = 0; k < CTX_COUNT && strcmp(line, ctx_class[k]) != 0; k++)
		;
	*why = "unknown class";
	if (k == CTX_COUNT)
		return -1;
	valued = k == CTX_SCALE || k == CTX_MONTH || k == CTX_LETTER;
	*why = valued ? "this class needs a value" : "this class takes no value";
	if (valued != (*value && **value))
		return -1;
	return k;
}

/* contexts.tsv into per-class word and value lists, and the twelve months. */
static int load_contexts(norm_rules *r, const char *dir, char *err, size_t errlen)
{
	char path[4200], *p, *end;
	size_t len, lines = 1, lineno = 0, n[CTX_COUNT] = {0};
	snprintf(path, sizeof path, "%s/contexts.tsv", dir);
	if (su_read_file(path, &r->ctx_mem, &len, err, errlen) != 0)
		return -1;
	for (size_t i = 0; i < len; i++)
		lines += r->ctx_mem[i] == '\n';
	for (int k = 0; k < CTX_COUNT; k++)
		if (!(r->ctx_word[k] = su_calloc(lines + 1, sizeof *r->ctx_word[k])) ||
		    !(r->ctx_value[k] = su_calloc(lines + 1, sizeof *r->ctx_value[k])))
			return table_fail(err, errlen, path, 0, "out of memory");
	for (p = r->ctx_mem, end = r->ctx_mem + len; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p)), *word, *value;
		const char *why;
		int k;
		if (nl)
			*nl = '\0';
		if (nl && nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		lineno++;
		if (*p && *p != '#') {
			if ((k = context_line(p, &word, &value, &why)) < 0)
				return table_fail(err, errlen, path, lineno, why);
			if (k == CTX_MONTH) {
				int m = atoi(word);
				if (m < 1 || m > 12 || r->month[m - 1])
					return table_fail(err, errlen, path, lineno, "a month is 1 to 12, once");
				r->month[m - 1] = value;
			}
			if (k == CTX_LETTER) {
				if (word[1] || !su_is_lower(word[0]) || r->letter[word[0] - 'a'])
					return table_fail(err, errlen, path, lineno, "a letter is one of a to z, once");
				r->letter[word[0] - 'a'] = value;
			}
			r->ctx_word[k][n[k]] = word;
			r->ctx_value[k][n[k]++] = value;
		}
		p = nl ? nl + 1 : end;
	}
	for (int m = 0; m < 12; m++)
		if (!r->month[m])
			return table_fail(err, errlen, path, 0, "the twelve months must all be there");
	for (int l = 0; l < 26; l++)
		if (!r->letter[l])
			return table_fail(err, errlen, path, 0, "every letter a to z must have its name");
	return 0;
}

int norm_rules_load(norm_rules **out, const char *dir, char *err, size_t errlen)
{
	norm_rules *r = su_malloc(sizeof *r);
	*out = NULL;
	if (!r)
		return table_fail(err, errlen, dir, 0, "out of memory");
	memset(r, 0, sizeof *r);
	for (int i = 0; i < T_COUNT; i++)
		if (table_load(&r->t[i], dir, table_file[i], i == T_WORDS, err, errlen) != 0)
			goto fail;
	if (load_contexts(r, dir, err, errlen) != 0)
		goto fail;
	*out = r;
	return 0;
fail:
	norm_rules_free(r);
	return -1;
}

void norm_rules_free(norm_rules *r)
{
	if (!r)
		return;
	for (int i = 0; i < T_COUNT; i++)
		table_free(&r->t[i]);
	for (int k = 0; k < CTX_COUNT; k++) {
		free(r->ctx_word[k]);
		free(r->ctx_value[k]);
	}
	free(r->ctx_mem);
	free(r);
}

const char *norm_scale(const norm_rules *r, const char *s, size_t n)
{
	for (size_t k = 0; r->ctx_word[CTX_SCALE][k]; k++)
		if (strlen(r->ctx_word[CTX_SCALE][k]) == n && strncasecmp(s, r->ctx_word[CTX_SCALE][k], n) == 0)
			return r->ctx_value[CTX_SCALE][k];
	return NULL;
}

typedef struct {
	const char *name;
	int (*apply)(ctx *c, size_t i, size_t *used);
	int on_lower; /* may match a core of lowercase ASCII letters only */
} rule;

/* Tried in order on each token; norm_rule_word always matches. Most tokens are
 * plain lowercase words, which only the rules marked on_lower can match
 * (the others need a capital, a digit, a sign, '$', "ke-", a period or '@'
 * in the core), so for those tokens the rest are not tried. */
static const rule rules[] = {
	{"aperture", norm_rule_aperture, 0}, {"slash code", norm_rule_slash_code, 0},
	{"money", norm_rule_money, 0},   {"era", norm_rule_era, 0}, {"abbreviation", norm_rule_abbrev, 1}, {"ordinal", norm_rule_ordinal, 0},
	{"race time", norm_rule_race_time, 0}, {"minute", norm_rule_minute, 0}, {"age", norm_rule_age, 0}, {"rt/rw", norm_rule_rt_rw, 0}, {"numeric", norm_rule_numeric, 0}, {"unit", norm_rule_unit_after, 1}, {"roman", norm_rule_roman, 0},
	{"web", norm_rule_web, 0},         {"word", norm_rule_word, 1},
};

/* Is the core of token i made of lowercase ASCII letters only? */
static int lower_word(const ctx *c, size_t i)
{
	size_t n;
	const char *s = norm_core(c, i, &n);
	for (size_t k = 0; k < n; k++)
		if (!su_is_lower(s[k]))
			return 0;
	return n > 0;
}

/* Strength of a mark: its place in ",:;.!?" plus one, 0 for other bytes. */
static int mark_rank(char m)
{
	switch (m) {
	case ',': return 1;
	case ':': return 2;
	case ';': return 3;
	case '.': return 4;
	case '!': return 5;
	case '?': return 6;
	default: return 0;
	}
}

/* The one mark kept from trailing punctuation s[0..n): ? ! . ; : , by
 * strength; dashes count as a comma when alone. 0 for none. */
static char pick_mark(const char *s, size_t n, int alone)
{
	static const char order[] = ",:;.!?";
	int best = 0; /* 1 + index in order */
	for (size_t k = 0; k < n; k++) {
		char m = s[k];
		int rank;
		if (norm_mojibake_dash(s, n, k)) {
			m = alone ? ',' : 0; /* – — as mojibake (â€“, â€”) */
			k += 7;
		} else if ((unsigned char)m == 0xE2 && k + 2 < n && (unsigned char)s[k + 1] == 0x80)
			m = (unsigned char)s[k + 2] == 0xA6 ? '.' : alone ? ',' : 0; /* … – — */
		else if (m == '-' && alone)
			m = ',';
		else if (m == ',' && k + 1 < n && s[k + 1] == '-')
			m = 0; /* Rp 2.500,- */
		else if (m == ')')
			m = ','; /* the end of an aside: a pause */
		else if (m == ']')
			m = 0; /* an editor's words inside a quote: "saya [kirim] email" */
		rank = mark_rank(m);
		best = rank > best ? rank : best;
	}
	return best ? order[best - 1] : 0;
}

/* Should an abbreviation's period also end the sentence? At the end of the
 * text, or before a capital when abbrev.tsv says it is an "abbrev" (dll.). */
static int ends_sentence(const ctx *c, size_t last)
{
	const char *s;
	if (last + 1 >= c->nt)
		return 1;
	if (c->ate_dot != 2)
		return 0;
	s = c->s + c->t[last + 1].c_off;
	return c->t[last + 1].c_len && su_is_upper(s[0]);
}

/* Does the trailing punctuation s[a..b) open with a dash glued to the
 * letter that ends the core before it (-julukan Persipura- kalah,
 * SPANYOL– Real)? Then the dash closes an aside and is a pause, as a
 * dash alone is. (Not after a digit: Rp 2.500,-.) */
static int glued_dash(const char *s, size_t core, size_t a, size_t b)
{
	if (a <= core || a >= b || !(su_is_lower(s[a - 1]) || su_is_upper(s[a - 1])))
		return 0;
	return s[a] == '-' || (b - a >= 3 && (unsigned char)s[a] == 0xE2 && (unsigned char)s[a + 1] == 0x80 &&
			       ((unsigned char)s[a + 2] == 0x93 || (unsigned char)s[a + 2] == 0x94));
}

/* Is the dash that ends token i a suspended hyphen, its word's second
 * half left to the next but one (pra- dan pascapanen, antar- atau
 * intrapulau)? */
static int suspended_hyphen(const ctx *c, size_t i)
{
	static const char *const joins[] = {"dan", "atau", "maupun", "serta", "hingga", "sampai"};
	char buf[16];
	if (i + 1 >= c->nt || c->s[c->t[i].c_off + c->t[i].c_len] != '-')
		return 0;
	norm_core_low(c, i + 1, buf, sizeof buf);
	for (size_t k = 0; k < sizeof joins / sizeof joins[0]; k++)
		if (strcmp(buf, joins[k]) == 0)
			return 1;
	return 0;
}

/* Does token i open with a dash or bracket glued to its word (Hitam
 * -julukan Persipura-, (AS))? Then a pause goes before it. */
static int opens_aside(const ctx *c, size_t i)
{
	const char *s = c->s + c->t[i].off;
	size_t lead = c->t[i].c_off - c->t[i].off;
	if (memchr(s, '(', lead))
		return 1;
	for (size_t k = 0; k + 8 <= lead; k++)
		if (norm_mojibake_dash(s, lead, k)) /* a dash as mojibake: â€” */
			return 1;
	for (size_t k = 0; k + 2 < lead; k++)
		if ((unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
		    ((unsigned char)s[k + 2] == 0x93 || (unsigned char)s[k + 2] == 0x94))
			return k + 3 < c->t[i].len && (su_is_lower(s[k + 3]) || su_is_upper(s[k + 3]));
	return c->t[i].len > 1 && s[0] == '-' && (su_is_lower(s[1]) || su_is_upper(s[1]));
}

/* Is token i the second of two scores side by side, the sets of a tennis
 * or badminton match (6-3 6-1, 21-19 21-17)? A pause goes between them. */
static int whole_score(const ctx *c, size_t i)
{
	return norm_score_shaped(c, i) && c->t[i].c_off == c->t[i].off && c->t[i].c_len == c->t[i].len;
}

static int next_set(const ctx *c, size_t i)
{
	return i > 0 && whole_score(c, i - 1) && whole_score(c, i); /* (no mark between them) */
}

/* Is token i the number or letter of a numbered part in brackets, after
 * a word that names the part (ayat (1), huruf (a))? It is said with no
 * pause around it: "ayat satu". */
static int numbered_part(const ctx *c, size_t i)
{
	const tok *t = &c->t[i];
	const char *s = c->s + t->off;
	if (i == 0 || t->c_len == 0 || t->c_len > 3 || t->c_off != t->off + 1 || s[0] != '(' ||
	    t->c_off + t->c_len + 1 != t->off + t->len || c->s[t->c_off + t->c_len] != ')')
		return 0;
	return norm_prev_in(c, i, c->r->ctx_word[CTX_PART]);
}

/* Is the period ending token i glued to an English word the dictionary
 * does not know, after capitals (ID.Connect)? The tokenizer cut it as a
 * sentence glued on (DPR.Lalu), but a sentence does not open in English
 * there. */
static int glued_brand(const ctx *c, size_t i)
{
	const tok *t = &c->t[i], *u;
	char low[32];
	size_t n;
	if (i + 1 >= c->nt || !c->r->english || t->c_len < 2 || !su_is_upper(c->s[t->c_off + t->c_len - 1]))
		return 0;
	u = &c->t[i + 1];
	if (u->off != t->off + t->len || u->c_off != u->off || (n = u->c_len) < 3 || n >= sizeof low)
		return 0;
	for (size_t k = 0; k < n; k++)
		low[k] = su_lower(c->s[u->c_off + k]);
	return c->r->english(c->r->english_ud, low, n) && !norm_known(c, c->s + u->c_off, n);
}

static int add_marks(ctx *c, size_t last)
{
	const tok *t = &c->t[last];
	size_t a = t->c_off + t->c_len, b = t->off + t->len;
	char m;
	if (numbered_part(c, last))
		return 0;
	if (c->ate_dot)
		a++;
	m = pick_mark(c->s + a, b - a, glued_dash(c->s, t->c_off, a, b) && !suspended_hyphen(c, last));
	if (c->ate_dot && !m && ends_sentence(c, last))
		m = '.';
	if (m == '.' && b - a == 1 && glued_brand(c, last))
		m = 0; /* ID.Connect: a brand's period, no sentence's end */
	return m && c->sp->len ? sbuf_addc(c->sp, m) : 0;
}

int norm_all_digits(const ctx *c, size_t i)
{
	size_t n, k;
	const char *s = norm_core(c, i, &n);
	for (k = 0; k < n && su_is_digit(s[k]); k++)
		;
	return n > 0 && n <= 4 && k == n && c->t[i].len == n;
}

/* Is the core of token i a number of at most four digits that opens the
 * token, maybe with punctuation after it (U - 17, Pusat)? */
static int lead_digits(const ctx *c, size_t i)
{
	size_t n;
	const char *s = norm_core(c, i, &n);
	return n > 0 && n <= 4 && norm_digit_run(s, n) == n && c->t[i].c_off == c->t[i].off;
}

/* Is token i a number with a decimal comma and at most three digits
 * before it (1,54), its core the whole token? */
static int decimal_number(const ctx *c, size_t i)
{
	size_t n, k;
	const char *s = norm_core(c, i, &n);
	k = norm_digit_run(s, n);
	return k >= 1 && k <= 3 && k + 1 < n && s[k] == ',' && norm_digit_run(s + k + 1, n - k - 1) == n - k - 1 &&
	       c->t[i].len == n;
}

/* Is token i a whole number of at most four digits, maybe after an
 * opening bracket (the first of a range) or before punctuation (the
 * second): the ends of a range, (2007 - 2012), 2014 - 2019.? */
static int bracketed_digits(const ctx *c, size_t i, int first)
{
	const tok *t = &c->t[i];
	const char *s = c->s + t->off;
	if (norm_all_digits(c, i))
		return 1;
	if (t->c_len == 0 || t->c_len > 4 || norm_digit_run(c->s + t->c_off, t->c_len) != t->c_len)
		return 0;
	return first ? t->c_off + t->c_len == t->off + t->len && t->len == t->c_len + 1 && s[0] == '('
		     : t->c_off == t->off;
}

/* Is token i a dash alone between two words of a range (April - Mei,
 * Senin - Jumat) or two numbers (9 - 10 Juni): "hingga"? */
static int range_dash(const ctx *c, size_t i)
{
	const char *s = c->s + c->t[i].off;
	size_t n = c->t[i].len;
	char low[32];
	if (i == 0 || i + 1 >= c->nt ||
	    !(n == 1 ? s[0] == '-' : n == 3 && !memcmp(s, "\xE2\x80", 2) && ((unsigned char)s[2] == 0x93)))
		return 0;
	int before = norm_prev_in(c, i, c->r->ctx_word[CTX_RANGE]),
	    after = norm_in_list(norm_core_low(c, i + 1, low, sizeof low), c->r->ctx_word[CTX_RANGE]);
	{ /* Rp 4 miliar - Rp 5 miliar */
		size_t pn, qn;
		const char *p = norm_core(c, i - 1, &pn), *q = norm_core(c, i + 1, &qn);
		if (norm_scale(c->r, p, pn) && ((qn >= 2 && !strncmp(q, "Rp", 2)) || (qn && su_is_digit(q[0]))))
			return 1;
	}
	if (bracketed_digits(c, i - 1, 1) && bracketed_digits(c, i + 1, 0)) /* 9 - 10 Juni, (2007 - 2012), not skor 2 - 1 */
		return !norm_prev_in(c, i - 1, c->r->ctx_word[CTX_SCORE]) &&
		       !(i >= 2 && norm_score_shaped(c, i - 2)) && !(i + 2 < c->nt && norm_score_shaped(c, i + 2)) &&
		       !(i >= 4 && norm_spaced_score(c, i - 4)) && !norm_spaced_score(c, i + 2); /* nor a set: 11-21, 8 - 21 */
	/* April - Mei, 14 September - 17 September, Senin - 3 Juni */
	return (before || norm_all_digits(c, i - 1)) && (after || norm_all_digits(c, i + 1)) && (before || after);
}

static int letters_only(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!su_is_lower(s[k]) && !su_is_upper(s[k]))
			return 0;
	return 1;
}

int norm_known(const ctx *c, const char *s, size_t n)
{
	char low[48];
	if (n >= sizeof low || !c->r->known)
		return n >= sizeof low;
	for (size_t k = 0; k < n; k++)
		low[k] = su_lower(s[k]);
	return c->r->known(c->r->known_ud, low, n);
}

/* Is token i a dash alone (a chain of places: Maumere - Ende - Nagekeo)? */
static int lone_dash(const ctx *c, size_t i)
{
	return i < c->nt && c->t[i].len == 1 && c->s[c->t[i].off] == '-';
}

/* Does a capitalized word follow token i, in the same clause (no mark
 * after token i)? */
static int capital_after(const ctx *c, size_t i)
{
	size_t n;
	const char *q;
	if (i + 1 >= c->nt || c->t[i].c_off + c->t[i].c_len != c->t[i].off + c->t[i].len)
		return 0;
	q = norm_core(c, i + 1, &n);
	return n > 0 && su_is_upper(q[0]);
}

/* Is the dash alone at token i inside one name or word: between capitals
 * (HR - V, T - GDI, B - SUV), after Al, El (Al - Haramain), between a
 * number and a small word (16 - core), in a Korean or Chinese given
 * name (Geun - hye), after a capitalized word of two letters (Go - Jek), or
 * between two capitalized words neither dictionary knows, the parts of one
 * name (Pierre - Emerick; not Nabawi - Masjid Quba)? */
static int name_dash(const ctx *c, size_t i)
{
	size_t pn, qn, k;
	const char *p = norm_core(c, i - 1, &pn), *q = norm_core(c, i + 1, &qn);
	int per, caps = pn > 0 && pn <= 4 && qn > 0 && su_is_upper(q[0]), bare;
	for (k = 0; caps && k < pn; k++)
		caps = su_is_upper(p[k]) || su_is_digit(p[k]);
	for (k = 0; caps && k < qn && k < 4; k++)
		caps = su_is_upper(q[k]) || su_is_digit(q[k]);
	/* (the words bare at the dash; the first may open a bracket, the
	 * second close it: (USB - C)) */
	bare = c->t[i - 1].c_off + pn == c->t[i - 1].off + c->t[i - 1].len && c->t[i + 1].c_off == c->t[i + 1].off;
	if (caps && bare && !(i >= 2 && norm_all_digits(c, i - 2) && norm_find_unit(c, p, pn, &per)))
		return 1; /* (not after an amount's unit: 256 GB - RAM 6 GB) */
	if (bare && pn >= 2 && qn >= 2 && letters_only(p, pn) && letters_only(q, qn) && su_is_lower(q[0])) {
		static const char *const bound[] = {"ketidak", "ketidakber", "non", "anti", "pasca", "antar", "multi", "co", "ko", NULL};
		static const char *const particle[] = {"up", "in", "on", "out", "off", "by", NULL};
		char pl[32], ql[32];
		norm_core_low(c, i - 1, pl, sizeof pl);
		norm_core_low(c, i + 1, ql, sizeof ql);
		if (qn >= 3) {
			/* a word said twice, the second with its affixes:
			 * Perundang - undangan, buah - buahan, anak - anak */
			for (k = pn < qn ? pn : qn; k >= 3; k--)
				if (strncasecmp(p + pn - k, q, k) == 0)
					return k == pn || k >= 4;
			/* or a bound form and its word: Ketidak - hadiran, non - migas */
			if (norm_in_list(pl, bound))
				return 1;
		}
		/* an English compound: Runner - up */
		if (c->r->english && *pl && *ql && c->r->english(c->r->english_ud, pl, pn) &&
		    (norm_in_list(ql, particle) || c->r->english(c->r->english_ud, ql, qn)))
			return 1;
	}
	if (qn == 1 && su_is_upper(q[0]) && (norm_core_is(c, i - 1, "type") || norm_core_is(c, i - 1, "tipe")))
		return 1; /* USB type - C */
	if (pn >= 2 && pn <= 3 && qn >= 2 && su_is_upper(q[0]) && c->t[i - 1].len == pn &&
	    c->t[i + 1].c_off == c->t[i + 1].off) { /* Arabic's article: asy - Syarif, Al - Haram, an - Nur */
		static const char *const art[] = {"al", "el", "as", "asy", "an", "ar", "ad",
						  "at", "az", "adz", "ash", "ats", NULL};
		char low[8];
		if (norm_in_list(norm_core_low(c, i - 1, low, sizeof low), art))
			return 1;
	}
	if (qn >= 2 && c->t[i + 1].c_off == c->t[i + 1].off && su_is_lower(q[0])) {
		/* a number and its noun: 16 - core, 32 - thread (not a year:
		 * 2015 - sekarang is a range) */
		if ((norm_all_digits(c, i - 1) && c->t[i - 1].len <= 3) || decimal_number(c, i - 1))
			return 1; /* (1,54 - meter) */
		/* a Korean or Chinese given name: Geun - hye, Ha - na, Soon - sil */
		for (k = 1; pn >= 2 && pn <= 5 && k < pn && su_is_lower(p[k]); k++)
			;
		if (pn >= 2 && pn <= 5 && k == pn && su_is_upper(p[0]) && qn <= 4 && c->t[i - 1].len == pn) {
			for (k = 0; k < qn && su_is_lower(q[k]); k++)
				;
			return k == qn;
		}
	}
	if (pn >= 2 && qn >= 2 && su_is_upper(p[0]) && su_is_lower(p[1]) && su_is_upper(q[0]) && su_is_lower(q[1]) &&
	    c->t[i - 1].len == pn && c->t[i + 1].c_off == c->t[i + 1].off && letters_only(p, pn) &&
	    letters_only(q, qn) && !(i >= 2 && c->s[c->t[i - 2].off + c->t[i - 2].len - 1] == ',') &&
	    ((!norm_known(c, p, pn) && !norm_known(c, q, qn)) ||
	     (i >= 2 && !capital_after(c, i + 1) && !lone_dash(c, i - 2) && !lone_dash(c, i + 2))))
		/* (not a dateline's source: JAKARTA, Rimanews - Martin ...) */
		return 1; /* a name of two parts: Pierre - Emerick, Hans - Joachim, Robson - Kanu;
			     and two names where no name goes on, not the first word
			     (a dateline: Rimanews - Sekelompok) nor in a chain
			     (Maumere - Ende - Nagekeo): Soekarno - Hatta, Indo -
			     Australia, tol Jakarta - Cikampek */
	/* Al - Haramain, El - Fasher; and the brands of Go (Go - Jek, Go - Pay,
	 * (Go - Food)): a word of two letters, a capital first, before a
	 * capitalized one */
	return pn == 2 && su_is_upper(p[0]) && su_is_lower(p[1]) && qn > 1 && su_is_upper(q[0]) &&
	       su_is_lower(q[1]) && c->t[i - 1].c_off + pn == c->t[i - 1].off + c->t[i - 1].len;
}

/* A token of punctuation only: its mark joins the previous piece. */
/* Punctuation token i said as a word of its own piece (a dash: hingga). */
static int punct_as_word(ctx *c, size_t i, vec *pieces, const char *word)
{
	norm_piece np = {c->t[i].off, c->t[i].len, c->sp->len + 1, 0};
	if (sbuf_addc(c->sp, ' ') != 0 || sbuf_adds(c->sp, word) != 0)
		return -1;
	np.sp_len = c->sp->len - np.sp_off;
	return vec_push(pieces, &np) ? 0 : -1;
}

static int attach_punct(ctx *c, size_t i, vec *pieces)
{
	norm_piece *p = pieces->len ? vec_at(pieces, pieces->len - 1) : NULL;
	int dash = i > 0 && i + 1 < c->nt && c->t[i].len == 1 && c->s[c->t[i].off] == '-';
	/* U - 23, H - 2: a letter and its number */
	int letter_number = dash && c->t[i - 1].len == 1 && su_is_upper(c->s[c->t[i - 1].off]) && lead_digits(c, i + 1);
	char m;
	if (range_dash(c, i))
		return punct_as_word(c, i, pieces, "hingga");
	if (letter_number && c->s[c->t[i - 1].off] == 'H')
		return punct_as_word(c, i, pieces, "min"); /* H - 2: two days before */
	/* no pause between a letter and its number, nor inside a name */
	m = letter_number || (dash && name_dash(c, i)) ? 0 : pick_mark(c->s + c->t[i].off, c->t[i].len, 1);
	if (!p) {
		norm_piece np = {c->t[i].off, c->t[i].len, c->sp->len, 0};
		return vec_push(pieces, &np) ? 0 : -1;
	}
	if (m && c->sp->len && mark_rank(c->sp->data[c->sp->len - 1])) { /* one mark, the stronger */
		if (mark_rank(m) > mark_rank(c->sp->data[c->sp->len - 1]))
			c->sp->data[c->sp->len - 1] = m;
	} else if (m && sbuf_addc(c->sp, m) != 0) {
		return -1;
	}
	p = vec_at(pieces, pieces->len - 1);
	p->src_len = c->t[i].off + c->t[i].len - p->src_off;
	p->sp_len = c->sp->len - p->sp_off;
	return 0;
}

/* espeak-ng ends a clause at a period only before a capital: "di Dewan
 * Keamanan. cina adalah" and "Koramil Cililin. be pe be de" run on with no
 * pause. So after a period inside the sentence, a word written with a
 * capital or a digit is said with a capital. A lowercase word after an
 * ellipsis or a quotation closed with a period ("tapi... dia", "tim ini."
 * tutup) gets a comma's pause instead; after a plain period it stays joined
 * (Washington D.C. menjadi). */
static void period_before(ctx *c, size_t i, size_t start, size_t sp_off)
{
	char *d = c->sp->data;
	const char *s = c->s;
	size_t w = c->t[i].c_off, k = w, dots = 0, quote = 0;
	if (start == 0 || d[start - 1] != '.' || c->sp->len <= sp_off)
		return;
	if (su_is_upper(s[w]) || su_is_digit(s[w])) {
		d[sp_off] = su_upper(d[sp_off]);
		return;
	}
	if (!su_is_lower(s[w]))
		return;
	while (k > 0 && w - k < 16 && !su_is_lower(s[k - 1]) && !su_is_upper(s[k - 1]) && !su_is_digit(s[k - 1])) {
		unsigned char b = (unsigned char)s[--k];
		if (b == '.')
			dots++;
		else if (b == '"' || b == '\'')
			quote = 1;
		else if (b == 0xA6 && k >= 2 && (unsigned char)s[k - 1] == 0x80 && (unsigned char)s[k - 2] == 0xE2)
			dots += 3; /* U+2026 */
		else if ((b == 0x9D || b == 0x99) && k >= 2 && (unsigned char)s[k - 1] == 0x80 && (unsigned char)s[k - 2] == 0xE2)
			quote = 1; /* U+201D, U+2019 */
	}
	if (dots > 1 || quote)
		d[start - 1] = ',';
}

static int one_piece(ctx *c, size_t i, size_t *used, vec *pieces)
{
	size_t start = c->sp->len, sp_off, last;
	norm_piece p;
	int rc = 0, lower = lower_word(c, i);
	/* An aside in brackets opens with a pause: Amerika Serikat, (AS) */
	if (start && (opens_aside(c, i) || next_set(c, i)) && !numbered_part(c, i) && !mark_rank(c->sp->data[start - 1]) &&
	    sbuf_addc(c->sp, ',') != 0)
		return -1;
	start = c->sp->len;
	if (start && sbuf_addc(c->sp, ' ') != 0)
		return -1;
	sp_off = c->sp->len;
	c->ate_dot = 0;
	*used = 1;
	for (size_t k = 0; k < sizeof rules / sizeof rules[0] && rc == 0; k++)
		if (rules[k].on_lower || !lower)
			rc = rules[k].apply(c, i, used);
	if (rc < 0)
		return -1;
	last = i + *used - 1;
	if (c->sp->len == sp_off) { /* nothing said: drop the space */
		c->sp->len = sp_off = start;
		c->sp->data[start] = '\0';
	} else {
		period_before(c, i, start, sp_off);
		if (add_marks(c, last) != 0)
			return -1;
	}
	p.src_off = c->t[i].off;
	p.src_len = c->t[last].off + c->t[last].len - p.src_off;
	p.sp_off = sp_off;
	p.sp_len = c->sp->len - sp_off;
	return vec_push(pieces, &p) ? 0 : -1;
}

static int blank_at(const char *s, size_t i) { return s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'); }

/* Is s[0..n) an editor's code of a news agency, a capital and three digits
 * after the reporter's: "T.K010/R010", "U.B018/T013", "Uu. SYS / G003/M016",
 * "M054"? Its number opens with 0 (not a model or flight number: MH370,
 * A320, nor one with two capitals before the digits). */
static int editor_code(const char *s, size_t n)
{
	size_t codes = 0;
	if (n < 4 || n > 32)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (su_is_lower(s[i]) && (i == 0 || !su_is_upper(s[i - 1]) || (i + 1 < n && su_is_lower(s[i + 1]))))
			return 0; /* lowercase only in an abbreviation's second letter: Uu. */
		if (su_is_upper(s[i]) && i + 3 < n && s[i + 1] == '0' && su_is_digit(s[i + 2]) &&
		    su_is_digit(s[i + 3]) && (i + 4 == n || !su_is_digit(s[i + 4]))) {
			if (i > 0 && s[i - 1] != '.' && s[i - 1] != '/' && s[i - 1] != ' ')
				return 0;
			codes++;
			i += 3;
		} else if (su_is_digit(s[i])) {
			return 0;
		}
	}
	return codes > 0 && (codes == n / 4 || memchr(s, '/', n) || memchr(s, '.', n));
}

/* Where the reporter's code that ends s[0..e) (no blank at its end) opens,
 * or e when it ends in none: "(ahi / win)", "[rhm]". */
static size_t code_before(const char *s, size_t e)
{
	size_t b, open, parts = 0;
	char open_mark;
	if (e < 4 || (s[e - 1] != ')' && s[e - 1] != ']'))
		return e;
	open_mark = s[e - 1] == ')' ? '(' : '[';
	for (b = e - 1; b > 0 && s[b - 1] != open_mark; b--)
		if (!su_is_lower(s[b - 1]) && !su_is_digit(s[b - 1]) && s[b - 1] != ' ' && s[b - 1] != '/' &&
		    s[b - 1] != '-' && !su_is_upper(s[b - 1]) && s[b - 1] != '.')
			return e;
	if (b == 0)
		return e;
	open = b - 1;
	if (editor_code(s + b, e - 1 - b))
		return open;
	for (size_t i = b; i < e - 1;) { /* part ( / part )* */
		size_t n = 0;
		while (i < e - 1 && s[i] == ' ')
			i++;
		while (i + n < e - 1 && su_is_lower(s[i + n]))
			n++;
		if (n == 0 && parts > 0) /* a number after the letters: (gk - 43) */
			while (i + n < e - 1 && su_is_digit(s[i + n]) && n < 4)
				n++;
		if (n < 1 || n > 6 || ++parts > 3 || (n == 1 && (i > b + 0 || s[i + 1] != ')')))
			return e; /* (a single letter only alone: (b)) */
		i += n;
		while (i < e - 1 && s[i] == ' ')
			i++;
		if (i < e - 1 && s[i] != '/' && s[i] != '-')
			return e;
		i += i < e - 1;
	}
	return open;
}

size_t norm_byline(const char *s, size_t len)
{
	size_t e = len, open, first = len;
	for (;;) { /* codes one after another: "(ahi / win) (ugo)" */
		while (e > 0 && blank_at(s, e - 1))
			e--;
		if (first < len && e == 0)
			return 0;
		if (first < len && (strchr(".!?\"'", s[e - 1]) ||
				    (e >= 3 && (memcmp(s + e - 3, "\xe2\x80\x9d", 3) == 0 ||
						memcmp(s + e - 3, "\xe2\x80\x99", 3) == 0))))
			return first;
		if ((open = code_before(s, e)) == e)
			return len;
		first = e = open;
	}
}

/* Is s[0..n) a reporter's code standing alone, a paragraph of its own:
 * "(rah / ard)", "(ugo)", "(Awita Ekasari Larasati / ard)"? Parts split by
 * a slash or a dash are initials (two to six small letters), a number
 * after them, or, before the initials, a name of one to four capitalized
 * words or a desk's asterisk ("(* / win)"). */
static int lone_code(const char *s, size_t n)
{
	size_t i = 0, parts = 0;
	int name = 0;
	while (n > 0 && blank_at(s, n - 1))
		n--;
	if (n < 4 || (s[0] != '(' && s[0] != '[') || s[n - 1] != (s[0] == '(' ? ')' : ']'))
		return 0;
	for (i = 1; i < n - 1;) {
		size_t k = i, words = 0;
		while (k < n - 1 && s[k] == ' ')
			k++;
		i = k;
		if (su_is_lower(s[i])) {
			while (k < n - 1 && su_is_lower(s[k]))
				k++;
			if (k - i < 2 || k - i > 6)
				return 0;
		} else if (su_is_digit(s[i]) && parts > 0) {
			while (k < n - 1 && su_is_digit(s[k]))
				k++;
			if (k - i > 4)
				return 0;
		} else if (s[i] == '*' && parts == 0) { /* (* / win): the desk's mark, then initials */
			while (k < n - 1 && s[k] == '*')
				k++;
		} else if (su_is_upper(s[i]) && parts == 0) {
			while (k < n - 1 && su_is_upper(s[k])) {
				size_t w = k++;
				while (k < n - 1 && su_is_lower(s[k]))
					k++;
				if (k - w < 2 || ++words > 4)
					return 0;
				while (k < n - 1 && s[k] == ' ')
					k++;
			}
			name = 1;
		} else {
			return 0;
		}
		parts++;
		while (k < n - 1 && s[k] == ' ')
			k++;
		if (k < n - 1 && s[k] != '/' && s[k] != '-')
			return 0;
		i = k + (k < n - 1);
	}
	return parts > 0 && parts <= 3 && !(name && parts == 1) && s[n - 2] != '/' && s[n - 2] != '-';
}

/* A lone reporter's code is said as a newsreader would read it out:
 * initials of three letters or less spelled, longer ones and names as
 * words, a pause for each slash or dash ("(rah / ard)": "er a ha, a er
 * de"). A piece for each part, the slash after it and its pause with it;
 * the brackets are in the first and last. */
static int say_lone_code(ctx *c, size_t n, vec *pieces)
{
	const char *s = c->s;
	size_t i = 1, first = pieces->len;
	while (n > 0 && blank_at(s, n - 1))
		n--;
	while (i + 1 < n) {
		size_t k = i, start = c->sp->len;
		norm_piece p;
		if (s[i] == ' ' || s[i] == '/' || s[i] == '-' || s[i] == '*') { /* (a * is no sound) */
			if (s[i] != ' ' && c->sp->len && c->sp->data[c->sp->len - 1] != ',' && sbuf_addc(c->sp, ',') != 0)
				return -1;
			i++;
			continue;
		}
		if (su_is_digit(s[i])) {
			unsigned long v = 0;
			while (k + 1 < n && su_is_digit(s[k]))
				v = v * 10 + (unsigned long)(s[k++] - '0');
			if (norm_say_uint(c, v) != 0)
				return -1;
		} else if (su_is_lower(s[i])) {
			while (k + 1 < n && su_is_lower(s[k]))
				k++;
			for (size_t j = i; j < k && k - i <= 3; j++)
				if (norm_words(c, c->r->letter[s[j] - 'a']) != 0)
					return -1;
		} else { /* a word of a name */
			while (k + 1 < n && s[k] != ' ' && s[k] != '/' && s[k] != '-')
				k++;
		}
		if (c->sp->len == start) { /* a word as it is written */
			if (norm_word_break(c) != 0 || sbuf_add(c->sp, s + i, k - i) != 0)
				return -1;
		}
		p.src_off = pieces->len == first ? 0 : i;
		p.src_len = k - p.src_off;
		p.sp_off = start + (start < c->sp->len && c->sp->data[start] == ' ');
		p.sp_len = c->sp->len - p.sp_off;
		if (pieces->len > first) { /* the slash and pause before this part end the last one */
			norm_piece *q = vec_at(pieces, pieces->len - 1);
			q->src_len = p.src_off - q->src_off;
			while (s[q->src_off + q->src_len - 1] == ' ')
				q->src_len--;
			q->sp_len = start - q->sp_off;
		}
		if (!vec_push(pieces, &p))
			return -1;
		i = k;
	}
	if (pieces->len > first) {
		norm_piece *q = vec_at(pieces, pieces->len - 1);
		q->src_len = n - q->src_off;
	}
	return 0;
}

/* Tokens i.. a bracket that spells again in words what the piece before
 * it said of a number (30 (tiga puluh) hari, Rp 5.000 (lima ribu
 * rupiah)): a newsreader says it once, so the bracket is written, not
 * said. The count of its tokens, or 0. */
static size_t said_again(const ctx *c, size_t i, const vec *pieces)
{
	const norm_piece *p;
	const char *said, *src;
	size_t at = 0, len, j;
	int digit = 0;
	if (!pieces->len || c->t[i].c_off != c->t[i].off + 1 || c->s[c->t[i].off] != '(')
		return 0;
	p = vec_at(pieces, pieces->len - 1);
	said = c->sp->data + p->sp_off, len = p->sp_len, src = c->s + p->src_off;
	for (size_t k = 0; k < p->src_len && !digit; k++)
		digit = su_is_digit(src[k]);
	if (!digit || !len || mark_rank(said[len - 1]) || said[0] == '[')
		return 0;
	for (j = i; j < c->nt; j++) {
		const tok *t = &c->t[j];
		const char *w = c->s + t->c_off;
		int last = t->c_off + t->c_len < t->off + t->len && c->s[t->c_off + t->c_len] == ')';
		if ((j > i && t->c_off != t->off) || (!last && t->c_off + t->c_len != t->off + t->len) || !t->c_len)
			return 0;
		if (at && (at >= len || said[at++] != ' '))
			return 0;
		if (t->c_len > len - at || strncasecmp(said + at, w, t->c_len) != 0)
			return 0;
		at += t->c_len;
		if (last)
			return at == len ? j - i + 1 : 0;
	}
	return 0;
}

/* The bracket of tokens i..i + n - 1, said_again: it joins the piece
 * before it, whose words it repeats (the word "30 (tiga puluh)" is timed
 * as one), and a mark after it is kept ((tiga puluh), hari). */
static int silent_bracket(ctx *c, size_t i, size_t n, vec *pieces)
{
	const tok *t = &c->t[i + n - 1];
	size_t a = t->c_off + t->c_len + 1, b = t->off + t->len;
	norm_piece *p;
	char m = pick_mark(c->s + a, b - a, 0);
	if (m && sbuf_addc(c->sp, m) != 0)
		return -1;
	p = vec_at(pieces, pieces->len - 1);
	p->src_len = b - p->src_off;
	p->sp_len = c->sp->len - p->sp_off;
	return 0;
}

int norm_sentence(const norm_rules *r, const char *text, size_t len, sbuf *spoken,
		  vec *pieces)
{
	vec toks;
	ctx c = {r, text, NULL, 0, spoken, -1, 0};
	size_t cut = norm_byline(text, len), end = len;
	int rc = -1;
	vec_init(&toks, sizeof(tok));
	if (lone_code(text, len))
		return sbuf_reserve(spoken, len + 16) != 0 ? -1 : say_lone_code(&c, len, pieces);
	/* Room for a token every five bytes (news words average more), so the
	 * token array is seldom grown. */
	if (sbuf_reserve(spoken, len + 16) != 0 || vec_reserve(&toks, len / 5 + 1) != 0 ||
	    norm_split_tokens(text, cut ? cut : len, &toks) != 0)
		goto done;
	c.t = toks.items;
	c.nt = toks.len;
	for (size_t i = 0, used; i < c.nt; i += used) {
		used = c.t[i].c_len ? said_again(&c, i, pieces) : 0;
		if (used) {
			if (silent_bracket(&c, i, used, pieces))
				goto done;
			continue;
		}
		used = 1;
		if (c.t[i].c_len == 0 ? attach_punct(&c, i, pieces) : one_piece(&c, i, &used, pieces))
			goto done;
	}
	if (cut && cut < len) { /* the reporter's code: written, not said */
		norm_piece p;
		while (end > cut && text[end - 1] == ' ')
			end--;
		p.src_off = cut, p.src_len = end - cut, p.sp_off = spoken->len, p.sp_len = 0;
		if (!vec_push(pieces, &p))
			goto done;
	}
	rc = 0;
done:
	vec_free(&toks);
	return rc;
}

const table *norm_abbreviations(const norm_rules *r) { return &r->t[T_WORDS]; }

void norm_set_known(norm_rules *r, norm_known_fn known, void *ud)
{
	r->known = known;
	r->known_ud = ud;
}

void norm_set_english(norm_rules *r, norm_known_fn english, void *ud)
{
	r->english = english;
	r->english_ud = ud;
}
