/* morph.c: see morph.h.
 *
 * A word is parsed in this order:
 *   1. The word is a root: the caller knows it (its table wins), or it is
 *      one of hunspell-id's stems (teknologi is not te- + knologi).
 *   2. Otherwise prefixes and suffixes are peeled until what is left is a
 *      root the caller or the dictionary knows: the longest such root,
 *      with each prefix in the shape it takes before what follows it
 *      (mem- before b, p, f, v; men- before d, t, c, j, z, s; meng- before
 *      g, h, k and vowels; meny- where s was; menge- before one syllable)
 *      and the nasal's lost letter put back (menetapkan: tetap).
 * What follows the root is a suffix (-kan, -an, -i; no -an after meN- or
 * di-) and clitics (-nya, -lah, -kah, -pun, -tah, -ku, -mu), which do not
 * carry stress. */
#include "pron/morph.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

#include "base/buf.h"
#include "pron/wordset.h"

struct morph {
	wordset stems; /* hunspell-id's */
};

int morph_open(morph **out, const char *dic_base)
{
	morph *m = su_malloc(sizeof *m);
	char dic[4200];
	*out = NULL;
	if (!m)
		return -1;
	memset(m, 0, sizeof *m);
	if (dic_base && *dic_base) {
		snprintf(dic, sizeof dic, "%s.dic", dic_base);
		if (wordset_load(&m->stems, dic, WORDSET_ALL) != 0) {
			int e = errno;
			morph_close(m);
			errno = e;
			return -1;
		}
	}
	*out = m;
	return 0;
}

int morph_has_dictionary(const morph *m) { return m && wordset_loaded(&m->stems); }

void morph_close(morph *m)
{
	if (!m)
		return;
	wordset_free(&m->stems);
	free(m);
}

/* Is s[0..n) one of the dictionary's stems? */
static int dict_knows(const morph *m, const char *s, size_t n) { return wordset_has(&m->stems, s, n); }

/* ---- the affix grammar ---- */

/* A prefix as written, and what it may stand before: the first letters of
 * what follows ("*" a vowel, "" anything), the root letter its nasal takes
 * the place of (menulis: tulis), and whether it makes a verb (meN-, di-),
 * which takes -kan or -i but not -an. */
typedef struct {
	const char *form;
	size_t len;
	const char *before;
	char restore;
	int verbal;
} prefix_form;

#define P(form, before, restore, verbal) {form, sizeof form - 1, before, restore, verbal}

static const prefix_form prefixes[] = {
	P("menge", "", 0, 1), P("meng", "ghk*", 0, 1), P("meng", "", 'k', 1), P("meny", "", 's', 1),
	P("mem", "bpfv", 0, 1), P("mem", "", 'p', 1), P("men", "dtcjzs", 0, 1), P("men", "", 't', 1),
	P("me", "lmnrwy", 0, 1),
	P("penge", "", 0, 0), P("peng", "ghk*", 0, 0), P("peng", "", 'k', 0), P("peny", "", 's', 0),
	P("pem", "bpfv", 0, 0), P("pem", "", 'p', 0), P("pen", "dtcjzs", 0, 0), P("pen", "", 't', 0),
	P("pe", "bcdfghjklmnpqrstvwxyz", 0, 0), /* pe- also plain: petani, pedesaan */
	P("ber", "", 0, 0), P("be", "rk", 0, 0), P("bel", "a", 0, 0), P("per", "", 0, 0), P("pel", "a", 0, 0),
	P("ter", "", 0, 0), P("te", "r", 0, 0), P("di", "", 0, 1), P("ke", "", 0, 0), P("se", "", 0, 0),
};

static int vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* May prefix f stand before next (the following prefix or the root as the
 * word has it, next_n letters)? restored: the root letter the nasal took,
 * or 0. */
static int fits(const prefix_form *f, const char *next, size_t next_n, char restored)
{
	if (f->restore || restored)
		return f->restore == restored && next_n > 0 && vowel(next[0]);
	if (f->len == 5) { /* menge-, penge- */
		size_t v = 0; /* before a root of one syllable: mengecek */
		for (size_t i = 0; i < next_n; i++)
			v += vowel(next[i]) && (i == 0 || !vowel(next[i - 1]));
		return v == 1;
	}
	if (!*f->before || next_n == 0)
		return next_n > 0 && (f->form[f->len - 1] != 'r' || next[0] != 'r');
	return strchr(f->before, next[0]) || (strchr(f->before, '*') && vowel(next[0]));
}

/* Where prefix chains can end in w[0..n): bit i of ends[p] when a chain
 * whose last prefix is prefixes[i] ends at p, each prefix fitting the one
 * after it, at most three (memper-, keber-, sepenge-); verbal chains
 * (the first a meN- or di-) in verbal_ends. Whether the last prefix fits
 * the root is for the caller. */
static void prefix_ends(const char *w, size_t n, size_t p, int prev, int verbal, int depth,
			uint32_t *ends, uint32_t *verbal_ends)
{
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		const prefix_form *f = &prefixes[i];
		size_t k = f->len;
		int v = depth ? verbal : f->verbal;
		if (p + k + 2 > n || memcmp(w + p, f->form, k) != 0)
			continue;
		if (prev >= 0 && (prefixes[prev].restore || !fits(&prefixes[prev], w + p, n - p, 0)))
			continue;
		(v ? verbal_ends : ends)[p + k] |= (uint32_t)1 << i;
		if (depth + 1 < 3)
			prefix_ends(w, n, p + k, (int)i, v, depth + 1, ends, verbal_ends);
	}
}

/* How well one of the chains in mask ends with a prefix that fits the
 * root root[0..root_n): 0 not at all, 2 with menge-/penge- (mengecek is
 * menge- + cek, not meng- + ecek), else 1. */
static int chain_fits(uint32_t mask, const char *root, size_t root_n, char restored)
{
	int best = 0;
	for (size_t i = 0; mask; i++, mask >>= 1)
		if ((mask & 1) && fits(&prefixes[i], root, root_n, restored))
			best = prefixes[i].len == 5 ? 2 : best ? best : 1;
	return best;
}

typedef struct {
	const char *s;
	size_t len;
} affix;

#define A(s) {s, sizeof s - 1}
static const affix clitics[] = {A("nya"), A("lah"), A("kah"), A("pun"), A("tah"), A("ku"), A("mu")};
static const affix suffixes[] = {A("kan"), A("an"), A("i")};

static int ends_with(const char *s, size_t n, const affix *a)
{
	return a->len <= n && memcmp(s + n - a->len, a->s, a->len) == 0;
}

/* Length of the clitics at the end of s[0..n) (-nya, -lah, -kahpun...),
 * when what is before them is still at least min bytes. */
static size_t clitic_len(const char *s, size_t n, size_t min)
{
	size_t total = 0;
	int again = 1;
	while (again) {
		again = 0;
		for (size_t i = 0; i < sizeof clitics / sizeof clitics[0]; i++)
			if (ends_with(s, n - total, &clitics[i]) && n - total - clitics[i].len >= min) {
				total += clitics[i].len;
				again = 1;
				break;
			}
	}
	return total;
}

/* Is s[0..n) a suffix then clitics (-kan, -an, -i, then -nya, -lah ...)?
 * A verb (meN-, di-) takes no -an. */
static int suffix_chain(const char *s, size_t n, int verbal)
{
	n -= clitic_len(s, n, 0);
	if (n == 0)
		return 1;
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (n == suffixes[i].len && memcmp(s, suffixes[i].s, n) == 0)
			return !(verbal && n == 2); /* a verb takes no -an */
	return 0;
}

static void set_root(morph_parse *p, const char *w, size_t n, size_t off, size_t len,
		     const char *stem, size_t stem_len, size_t skip)
{
	size_t after;
	if (stem_len >= MORPH_STEM_MAX)
		return;
	memcpy(p->stem, stem, stem_len);
	p->stem[stem_len] = '\0';
	p->stem_skip = skip;
	p->root_off = off;
	p->root_len = len;
	after = off + len;
	p->domain_len = n - clitic_len(w + after, n - after, 0);
	p->found = 1;
}

/* Our own peeling: of the roots known to the caller or the dictionary
 * that a prefix chain and a suffix chain frame, the longest; but a root
 * with -kan wins over the same root plus k with -an (bedakan: beda +
 * -kan, not bedak + -an). The nasal of
 * meN-/peN- may have taken the root's first letter (menulis: tulis). */
static int by_grammar(const morph *m, const char *w, size_t n, morph_known_fn known, void *ud,
		      int need_suffix, morph_parse *p)
{
	static const char restore[] = "\0ptks";
	char buf[MORPH_STEM_MAX];
	uint32_t ends[MORPH_STEM_MAX] = {0}, verbal_ends[MORPH_STEM_MAX] = {0};
	unsigned char suffix_ok[MORPH_STEM_MAX]; /* bit 0: after a plain chain, 1: after a verbal one */
	int best = -1;
	if (n >= sizeof buf - 1)
		return 0;
	prefix_ends(w, n, 0, -1, 0, 0, ends, verbal_ends);
	for (size_t e = 0; e <= n; e++)
		suffix_ok[e] = (unsigned char)(suffix_chain(w + e, n - e, 0) | suffix_chain(w + e, n - e, 1) << 1);
	for (size_t len = n - 1; len >= 2 && (int)(4 * len) + 5 > best; len--) {
		for (size_t at = 0; at + len <= n; at++) {
			unsigned ok = suffix_ok[at + len];
			if (!ok || (need_suffix && at + len == n) || (at && !ends[at] && !verbal_ends[at]))
				continue;
			for (size_t r = 0; r < sizeof restore - 1; r++) {
				const char *stem = w + at;
				size_t sn = len;
				int score, fit = 1;
				if (at == 0 ? restore[r] || !(ok & 1) : 0)
					continue;
				if (at) {
					int plain = (ok & 1) ? chain_fits(ends[at], w + at, len, restore[r]) : 0;
					int verb = (ok & 2) ? chain_fits(verbal_ends[at], w + at, len, restore[r]) : 0;
					if (!(fit = plain > verb ? plain : verb))
						continue;
				}
				if (restore[r]) {
					buf[0] = restore[r];
					memcpy(buf + 1, w + at, len);
					stem = buf, sn = len + 1;
				}
				score = (int)(4 * len) + (fit == 2 ? 5 : 0);
				if (w[at + len - 1] == 'k' && n - at - len >= 2 && memcmp(w + at + len, "an", 2) == 0)
					score -= 5; /* a root X with -kan beats Xk with -an */
				if (score <= best || !((known && known(ud, stem, sn)) || (m && dict_knows(m, stem, sn))))
					continue;
				set_root(p, w, n, at, len, stem, sn, restore[r] != 0);
				best = score;
			}
		}
	}
	return best >= 0;
}

void morph_parse_word(const morph *m, const char *w, size_t n, morph_known_fn known, void *ud,
		      morph_parse *p)
{
	memset(p, 0, sizeof *p);
	p->root_len = p->domain_len = n;
	if (n == 0 || n >= MORPH_STEM_MAX)
		return;
	if (known && known(ud, w, n)) {
		set_root(p, w, n, 0, n, w, n, 0);
		return;
	}
	/* A derived word the dictionary lists as a stem of its own (sepakan,
	 * kemacetan) still takes its e from a root the caller knows, when
	 * suffixes frame that root. */
	if (dict_knows(m, w, n)) {
		if (!by_grammar(NULL, w, n, known, ud, 1, p))
			set_root(p, w, n, 0, n, w, n, 0);
		return;
	}
	if (by_grammar(m, w, n, known, ud, 0, p))
		return;
	memset(p, 0, sizeof *p);
	p->root_len = p->domain_len = n;
}
