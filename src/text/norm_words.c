/* norm_words.c: abbreviations, the lexicon, and words as written made safe for
 * espeak-ng. */
#include "text/norm_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Abbreviations, titles, symbols and time zones from abbrev.tsv: dll.,
 * Jl., Dr., &, WIB. The period is part of the key ("dll."). An entry said
 * as written (no spoken form) is none here. */
int norm_rule_abbrev(ctx *c, size_t i, size_t *used)
{
	size_t n;
	const char *s = norm_core(c, i, &n), *v = NULL;
	const table *w = &c->r->t[T_WORDS];
	const entry *e;
	(void)used;
	if (!n)
		return 0;
	if (c->t[i].c_off + n < c->t[i].off + c->t[i].len && s[n] == '.' &&
	    (e = table_lookup_fold_entry(w, s, n + 1, 1)) != NULL && e->val) {
		v = e->val;
		c->ate_dot = 1 + (e->cls == AB_ABBREV);
	}
	if (!v && !(v = table_lookup_fold(w, s, n, 2)))
		return 0;
	return norm_words(c, v) ? -1 : 1;
}

static int is_word_char(uint32_t cp)
{
	if (cp < 0x80)
		return su_is_lower((char)cp) || su_is_upper((char)cp);
	return u_isalnum(cp) && !u_isdigit(cp);
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
		if (run && (norm_word_break(c) || sbuf_add(c->sp, s + run_at, run)))
			return -1;
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
			if ((d > 1 && s[k] == '0' ? num_digits : num_cardinal)(c->sp, s + k, d))
				return -1;
			k += d;
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

/* Lexicon entries (whole words, respelled or [[phonemes]]), else the word. */
int norm_rule_word(ctx *c, size_t i, size_t *used)
{
	size_t n;
	const char *s = norm_core(c, i, &n), *v;
	(void)used;
	if ((v = table_lookup_fold(&c->r->t[T_LEXICON], s, n, 1)) != NULL)
		return norm_words(c, v) ? -1 : 1;
	return say_plain(c, s, n) ? -1 : 1;
}
