/* norm_ordinal.c: ordinals (ke-1, ke-21) and Roman numerals, read as an
 * ordinal or a cardinal by their context (Perang Dunia II, Bab II). */
#include "text/norm_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ke-2 kedua, ke-1 pertama, ke-21, ke-XXI. */
int norm_rule_ordinal(ctx *c, size_t i, size_t *used)
{
	size_t n;
	const char *s = norm_core(c, i, &n);
	unsigned v;
	char d[16];
	(void)used;
	if (n < 4 || !(s[0] == 'k' || s[0] == 'K') || s[1] != 'e' || s[2] != '-')
		return 0;
	s += 3, n -= 3;
	if (norm_digit_run(s, n) == n)
		return num_ordinal(c->sp, s, n) ? -1 : 1;
	if (!(v = num_roman(s, n)))
		return 0;
	snprintf(d, sizeof d, "%u", v);
	return num_ordinal(c->sp, d, strlen(d)) ? -1 : 1;
}




/* Is one of the one to three words before token i a word of the class
 * (Ratu Elizabeth II, Sri Sultan Hamengku Buwono X)? */
static int context_before(const ctx *c, size_t i, int cls)
{
	char low[32];
	for (size_t back = 1; back <= 3 && back <= i; back++)
		if (norm_in_list(norm_core_low(c, i - back, low, sizeof low), c->r->ctx_word[cls]))
			return 1;
	return 0;
}

/* Whether token i, s[0..n) (its core, or the numeral before a year), is a
 * Roman numeral here, and how it is read (1 ordinal,
 * 2 cardinal). Only I V X L letters (so CV, MD, DI, MIX are words), after
 * a capitalized name or a context word. An ordinal after a ruler's name
 * or title (Ratu Elizabeth II, Paus Yohanes Paulus II, Hamengku Buwono X:
 * roman-ordinal), a century or a world war (abad XXI, Perang Dunia II);
 * else a cardinal, as a newsreader says the number of a title, a product,
 * a part or a unit (Battlefront II, Mina Bahari IV, Komisi I, Bab II). */
static int roman_kind(const ctx *c, size_t i, const char *s, size_t n, unsigned *v)
{
	size_t pn, end;
	const char *p;
	char low[32];
	int ordinal, bracket;
	if (i == 0 || !(*v = num_roman(s, n)) || memchr(s, 'C', n) || (n == 1 && s[0] == 'L') ||
	    (n == 2 && memcmp(s, "XL", 2) == 0))
		return 0;
	norm_core_low(c, i - 1, low, sizeof low);
	if (norm_in_list(low, c->r->ctx_word[CTX_ROMAN_NEVER]))
		return 0;
	ordinal = !strcmp(low, "abad") || !strcmp(low, "dunia") || context_before(c, i, CTX_ROMAN_ORDINAL);
	if (norm_in_list(low, c->r->ctx_word[CTX_ROMAN_CARDINAL]))
		return 2;
	/* a school or unit and its name: SDN Babatan IV (empat) */
	for (size_t back = 2; back <= 3 && back <= i; back++)
		if (norm_in_list(norm_core_low(c, i - back, low, sizeof low), c->r->ctx_word[CTX_ROMAN_CARDINAL]))
			return 2;
	norm_core_low(c, i - 1, low, sizeof low);
	if (n == 1 && s[0] == 'I')
		return norm_in_list(low, c->r->ctx_word[CTX_ROMAN_I]) ? (ordinal ? 1 : 2) : 0;
	if (ordinal)
		return 1;
	p = norm_core(c, i - 1, &pn);
	end = c->t[i - 1].off + c->t[i - 1].len;
	/* (after an acronym too, for two letters or more: Muslimat NU XVII,
	 * and one in brackets: Balai Jalan Nasional (BPJN) IX Maluku) */
	bracket = n >= 2 && pn > 1 && su_is_upper(p[pn - 1]) && c->t[i - 1].c_off + pn + 1 == end && c->s[end - 1] == ')';
	return pn > 1 && su_is_upper(p[0]) && (su_is_lower(p[pn - 1]) || (n >= 2 && su_is_upper(p[pn - 1]))) &&
			       (c->t[i - 1].c_off + pn == end || bracket)
		       ? 2
		       : 0;
}

/* Is the V or v at token i, s[0..n), "versus" between two names of titles
 * (Batman V Superman, Batman v Superman): after a capitalized word with
 * nothing between, no context of numbered things (Komisi V, Kanit V), and
 * before a capitalized word that is no Indonesian one (not Subdit V
 * Kejahatan)? */
int norm_versus(const ctx *c, size_t i, const char *s, size_t n)
{
	size_t pn, qn;
	const char *p, *q;
	char low[32];
	if (n != 1 || (s[0] != 'V' && s[0] != 'v') || i == 0 || i + 1 >= c->nt || c->t[i].len != 1)
		return 0;
	p = norm_core(c, i - 1, &pn);
	q = norm_core(c, i + 1, &qn);
	if (pn < 3 || qn < 3 || c->t[i - 1].c_len != c->t[i - 1].len || !su_is_upper(p[0]) || !su_is_lower(p[pn - 1]) ||
	    !su_is_upper(q[0]) || !su_is_lower(q[1]))
		return 0;
	if (*norm_core_low(c, i + 1, low, sizeof low) && c->r->known && c->r->known(c->r->known_ud, low, qn))
		return 0; /* a name after it, no Indonesian word (Subdit V Kejahatan) */
	norm_core_low(c, i - 1, low, sizeof low);
	return !norm_in_list(low, c->r->ctx_word[CTX_ROMAN_CARDINAL]) &&
	       !norm_in_list(low, c->r->ctx_word[CTX_ROMAN_ORDINAL]) && !norm_in_list(low, c->r->ctx_word[CTX_ROMAN_NEVER]);
}

int norm_rule_roman(ctx *c, size_t i, size_t *used)
{
	unsigned v;
	char d[16];
	size_t n;
	const char *s = norm_core(c, i, &n), *slash = memchr(s, '/', n);
	/* kuartal III/2018: the numeral, then the year */
	size_t part = slash && n - (size_t)(slash - s) == 5 && norm_digit_run(slash + 1, 4) == 4 ? (size_t)(slash - s) : n;
	int kind;
	(void)used;
	if (norm_versus(c, i, s, n))
		return norm_words(c, "versus") ? -1 : 1;
	kind = roman_kind(c, i, s, part, &v);
	if (!kind)
		return 0;
	snprintf(d, sizeof d, "%u", v);
	if (kind == 2 ? num_cardinal(c->sp, d, strlen(d)) : num_ordinal(c->sp, d, strlen(d)))
		return -1;
	if (part < n && (norm_word_break(c) || num_cardinal(c->sp, s + part + 1, 4)))
		return -1;
	return 1;
}
