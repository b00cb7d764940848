/* morph.c: see morph.h. The only file that includes hunspell's header.
 *
 * A word is parsed in this order:
 *   1. The caller knows the whole word (its table wins): it is the root.
 *   2. hunspell-id knows it: its stems, each found back in the word
 *      (exactly, or less its first letter where a prefix's nasal took its
 *      place: menetapkan, tetap), with what comes before it a chain of
 *      prefixes. The longest such stem wins; the word itself when it is a
 *      stem (teknologi is not te- + knologi).
 *   3. Our own affix grammar: prefixes and suffixes peeled until what is
 *      left is a root the caller or the dictionary knows.
 * What follows the root is checked to be a chain of suffixes and clitics;
 * the clitics (-nya, -lah, -kah, -pun, -tah, -ku, -mu) do not carry stress. */
#include "morph.h"

#include <hunspell/hunspell.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"

struct morph {
	Hunhandle *h;
};

int morph_open(morph **out, const char *dic_base)
{
	morph *m = suara_malloc(sizeof *m);
	char aff[4200], dic[4200];
	*out = NULL;
	if (!m)
		return -1;
	m->h = NULL;
	if (dic_base && *dic_base) {
		snprintf(aff, sizeof aff, "%s.aff", dic_base);
		snprintf(dic, sizeof dic, "%s.dic", dic_base);
		if (access(aff, R_OK) == 0 && access(dic, R_OK) == 0)
			m->h = Hunspell_create(aff, dic);
	}
	*out = m;
	return 0;
}

int morph_has_dictionary(const morph *m) { return m && m->h; }

void morph_close(morph *m)
{
	if (!m)
		return;
	if (m->h)
		Hunspell_destroy(m->h);
	free(m);
}

/* ---- the affix grammar ---- */

/* Prefixes, longest first within each family, as they are written before
 * a root: meN- and peN- in all their shapes, the others plain. */
static const char *const prefixes[] = {
	"menge", "meng", "meny", "mem", "men", "me",
	"penge", "peng", "peny", "pem", "pen", "pe",
	"ber", "bel", "be", "per", "pel", "ter", "te",
	"di", "ke", "se",
};

/* Does s[0..n) split entirely into prefixes? At most three (memper-,
 * keber-, diper-, sepenge-). */
static int prefix_chain(const char *s, size_t n, int depth)
{
	if (n == 0)
		return 1;
	if (depth == 3)
		return 0;
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		size_t k = strlen(prefixes[i]);
		if (k <= n && memcmp(s, prefixes[i], k) == 0 && prefix_chain(s + k, n - k, depth + 1))
			return 1;
	}
	return 0;
}

static const char *const clitics[] = {"nya", "lah", "kah", "pun", "tah", "ku", "mu"};
static const char *const suffixes[] = {"kan", "an", "i"};

static int ends_with(const char *s, size_t n, const char *suf, size_t *k)
{
	*k = strlen(suf);
	return *k <= n && memcmp(s + n - *k, suf, *k) == 0;
}

/* Length of the clitics at the end of s[0..n) (-nya, -lah, -kahpun...),
 * when what is before them is still at least min bytes. */
static size_t clitic_len(const char *s, size_t n, size_t min)
{
	size_t total = 0, k;
	int again = 1;
	while (again) {
		again = 0;
		for (size_t i = 0; i < sizeof clitics / sizeof clitics[0]; i++)
			if (ends_with(s, n - total, clitics[i], &k) && n - total - k >= min) {
				total += k;
				again = 1;
				break;
			}
	}
	return total;
}

/* Is s[0..n) suffixes then clitics (-kan, -an, -i, then -nya, -lah ...)? */
static int suffix_chain(const char *s, size_t n)
{
	size_t c = clitic_len(s, n, 0), k;
	n -= c;
	if (n == 0)
		return 1;
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (n == strlen(suffixes[i]) && ends_with(s, n, suffixes[i], &k))
			return 1;
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

/* Find stem in w with a prefix chain before it and a suffix chain after:
 * exactly, or less its first letter after a nasal (menetapkan). Returns 1
 * and fills p when it fits. */
static int place_stem(const char *w, size_t n, const char *stem, size_t sn, morph_parse *p)
{
	for (size_t skip = 0; skip < 2 && skip < sn; skip++) {
		const char *tail = stem + skip;
		size_t tn = sn - skip;
		for (size_t at = 0; at + tn <= n; at++) {
			if (memcmp(w + at, tail, tn) != 0)
				continue;
			if (skip && (at == 0 || !strchr("mngy", w[at - 1])))
				continue;
			if (!prefix_chain(w, at, 0) || !suffix_chain(w + at + tn, n - at - tn))
				continue;
			set_root(p, w, n, at, tn, stem, sn, skip);
			return 1;
		}
	}
	return 0;
}

static int dict_knows(const morph *m, const char *s, size_t n)
{
	char buf[MORPH_STEM_MAX];
	if (!m->h || n == 0 || n >= sizeof buf)
		return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return Hunspell_spell(m->h, buf) != 0;
}

/* hunspell-id's analysis: the longest of its stems that can be placed. */
static int by_dictionary(const morph *m, const char *w, size_t n, morph_parse *p)
{
	char buf[MORPH_STEM_MAX], **list = NULL;
	int count, best = -1;
	size_t best_len = 0;
	if (!m->h || n >= sizeof buf)
		return 0;
	memcpy(buf, w, n);
	buf[n] = '\0';
	count = Hunspell_stem(m->h, &list, buf);
	for (int i = 0; i < count; i++) {
		size_t sn = strlen(list[i]);
		morph_parse q = *p;
		if (sn == n && memcmp(list[i], w, n) == 0) {
			best = i;
			break;
		}
		if (sn > best_len && sn < MORPH_STEM_MAX && place_stem(w, n, list[i], sn, &q))
			best = i, best_len = sn;
	}
	if (best >= 0 && !place_stem(w, n, list[best], strlen(list[best]), p))
		best = -1;
	if (count > 0)
		Hunspell_free_list(m->h, &list, count);
	return best >= 0;
}

/* Our own peeling: the longest root, known to the caller or the
 * dictionary, that a prefix chain and a suffix chain frame. The nasal of
 * meN-/peN- may have taken the root's first letter: p, t, k or s. */
static int by_grammar(const morph *m, const char *w, size_t n, morph_known_fn known, void *ud,
		      morph_parse *p)
{
	static const char restore[] = "ptks";
	char buf[MORPH_STEM_MAX];
	if (n >= sizeof buf)
		return 0;
	for (size_t len = n - 1; len >= 3; len--) {
		for (size_t at = 0; at + len <= n; at++) {
			if (!prefix_chain(w, at, 0) || !suffix_chain(w + at + len, n - at - len))
				continue;
			if ((known && known(ud, w + at, len)) || dict_knows(m, w + at, len)) {
				set_root(p, w, n, at, len, w + at, len, 0);
				return 1;
			}
			if (at == 0 || !strchr("mngy", w[at - 1]) || len + 1 >= sizeof buf)
				continue;
			for (size_t r = 0; r < sizeof restore - 1; r++) {
				buf[0] = restore[r];
				memcpy(buf + 1, w + at, len);
				if ((known && known(ud, buf, len + 1)) || dict_knows(m, buf, len + 1)) {
					set_root(p, w, n, at, len, buf, len + 1, 1);
					return 1;
				}
			}
		}
	}
	return 0;
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
	if (by_dictionary(m, w, n, p) || by_grammar(m, w, n, known, ud, p))
		return;
	memset(p, 0, sizeof *p);
	p->root_len = p->domain_len = n;
}
