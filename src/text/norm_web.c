/* norm_web.c: web and mail addresses, read the way a newsreader says them. */
#include "text/norm_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int has_prefix(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (su_lower(s[i]) != p[i])
			return 0;
	return 1;
}

static int is_label_char(char ch)
{
	return su_is_digit(ch) || su_is_lower(ch) || su_is_upper(ch) || ch == '-' || ch == '_';
}

/* name.name.tld with a top-level domain from web.tsv; e-mail; http(s)://; www. */
static int is_web(const ctx *c, const char *s, size_t n)
{
	size_t dot = n, labels = 1;
	if (has_prefix(s, n, "http://") || has_prefix(s, n, "https://") || has_prefix(s, n, "www."))
		return 1;
	if (!memchr(s, '.', n) && !memchr(s, '@', n))
		return 0; /* one label: most tokens, rejected without the loop */
	for (size_t k = 0; k < n; k++) {
		if (s[k] == '.' || s[k] == '@') {
			if (k == 0 || k + 1 == n || !is_label_char(s[k - 1]))
				return 0;
			labels++;
			dot = s[k] == '.' ? k : dot;
		} else if (!is_label_char(s[k]) && s[k] != '/') {
			return 0;
		}
	}
	if (labels < 2 || dot == n || n - dot - 1 < 2 || n - dot - 1 > 15)
		return 0;
	{ /* a top-level domain in small letters, or a name all in capitals
	   * (JUARA.NET, a dateline) */
		char tld[16];
		size_t upper = 0, letters = 0;
		for (size_t k = 0; k < n; k++)
			upper += su_is_upper(s[k]), letters += su_is_upper(s[k]) || su_is_lower(s[k]);
		for (size_t k = dot + 1; k < n; k++) {
			if (!su_is_lower(s[k]) && !(upper == letters && su_is_upper(s[k])))
				return 0;
			tld[k - dot - 1] = su_lower(s[k]);
		}
		return table_lookup(&c->r->t[T_WEB], tld, n - dot - 1) != NULL;
	}
}

static int has_vowel(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strchr("aeiouAEIOU", s[k]))
			return 1;
	return 0;
}

/* One run of letters in an address: a known part (com, id, www), a
 * pronounceable word (kompas), or spelled letter by letter (bbc). */
static int say_web_letters(ctx *c, const char *s, size_t n);

/* Where a label's capitals change to a capitalized word: CNNIndonesia at
 * 3 (CNN + Indonesia), detikNews at 5; 0 when nowhere. */
static size_t camel_cut(const char *s, size_t n)
{
	for (size_t k = 1; k + 1 < n; k++)
		if (su_is_upper(s[k]) && su_is_lower(s[k + 1]) && (su_is_upper(s[k - 1]) || su_is_lower(s[k - 1])))
			return k;
	return 0;
}

static int say_web_letters(ctx *c, const char *s, size_t n)
{
	const table *web = &c->r->t[T_WEB];
	const char *v = table_lookup_fold(web, s, n, 1);
	size_t cut = v ? 0 : camel_cut(s, n), caps = 0;
	if (v)
		return norm_words(c, v);
	while (caps < n && su_is_upper(s[caps]))
		caps++;
	if (caps == n && ((v = table_lookup(&c->r->t[T_LEXICON], s, n)) != NULL ||
			  (v = table_lookup(&c->r->t[T_ACRONYMS], s, n)) != NULL))
		return norm_words(c, v); /* as the word alone is said: CNN si en en */
	if (cut) /* each word of a name written together: CNN Indonesia */
		return say_web_letters(c, s, cut) || say_web_letters(c, s + cut, n - cut) ? -1 : 0;
	if (n >= 3 && has_vowel(s, n)) {
		if (norm_word_break(c) != 0)
			return -1;
		for (size_t k = 0; k < n; k++)
			if (sbuf_addc(c->sp, su_lower(s[k])))
				return -1;
		return 0;
	}
	for (size_t k = 0; k < n; k++)
		if ((v = table_lookup_fold(web, s + k, 1, 1)) && norm_words(c, v))
			return -1;
	return 0;
}

int norm_rule_web(ctx *c, size_t i, size_t *used)
{
	size_t n, k = 0;
	const char *s = norm_core(c, i, &n), *v;
	(void)used;
	if (!is_web(c, s, n))
		return 0;
	k = has_prefix(s, n, "https://") ? 8 : has_prefix(s, n, "http://") ? 7 : 0;
	while (n > k && s[n - 1] == '/')
		n--;
	while (k < n) {
		size_t r = k;
		while (r < n && (su_is_lower(s[r]) || su_is_upper(s[r])))
			r++;
		if (r == k)
			r = k + norm_digit_run(s + k, n - k);
		int label = r == k + 2 && su_is_digit(s[k]) && (k == 0 || s[k - 1] == '.' || s[k - 1] == '/') &&
			    (r == n || s[r] == '.') && s[k] != '0'; /* 99.co: a label of two digits is a number */
		if (r > k && su_is_digit(s[k]) ? (label ? num_cardinal : num_digits)(c->sp, s + k, r - k)
		    : r > k                 ? say_web_letters(c, s + k, r - k)
					    : ((v = table_lookup(&c->r->t[T_WEB], s + k, 1)) && norm_words(c, v)))
			return -1;
		k = r > k ? r : k + 1;
	}
	return 1;
}
