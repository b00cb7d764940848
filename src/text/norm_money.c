/* norm_money.c: money: a currency before or after an amount, and its scale
 * (Rp 12.500, Rp1,02 triliun, US$ 5, $100). */
#include "text/norm_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest currency key at the start of s (Rp, US$, $, €), at a character
 * boundary. */
static const char *currency_prefix(const ctx *c, const char *s, size_t n, size_t *klen)
{
	if (!n || !(su_is_upper(s[0]) || s[0] == '$' || (unsigned char)s[0] >= 0x80))
		return NULL;
	for (size_t k = n < 8 ? n : 8; k > 0; k--) {
		const char *v;
		if (k < n && !su_is_digit(s[k]) && s[k] != '.')
			continue; /* an amount or "Rp." follows the key */
		if ((v = table_lookup(&c->r->t[T_CURRENCY], s, k)) != NULL) {
			*klen = k;
			return v;
		}
	}
	return NULL;
}

static const char *scale_at(const ctx *c, size_t i)
{
	size_t n;
	const char *s;
	if (i >= c->nt)
		return NULL;
	s = norm_core(c, i, &n);
	return norm_scale(c->r, s, n);
}

/* Token i as a scale and "per" parts (Rp 1 juta/bulan/orang): the scale's
 * word, with the parts in *tail, *tn; NULL when it is not. */
static const char *scale_per(const ctx *c, size_t i, const char **tail, size_t *tn)
{
	size_t wn;
	const char *w, *slash, *scale;
	if (i >= c->nt)
		return NULL;
	w = norm_core(c, i, &wn);
	if (!(slash = memchr(w, '/', wn)) || !(scale = norm_scale(c->r, w, (size_t)(slash - w))) ||
	    !norm_per_parts(c, slash, (size_t)(w + wn - slash)))
		return NULL;
	*tail = slash, *tn = (size_t)(w + wn - slash);
	return scale;
}

/* Is token i the word or dash of a range (hingga, sampai, -)? */
static int range_to(const ctx *c, size_t i)
{
	size_t n;
	const char *s;
	if (i >= c->nt)
		return 0;
	if (c->t[i].len == 1 && c->s[c->t[i].off] == '-')
		return 1;
	s = norm_core(c, i, &n);
	return c->t[i].len == n && n == 6 && (!memcmp(s, "hingga", 6) || !memcmp(s, "sampai", 6));
}

/* Rp 12.500, Rp12.500, Rp 2.500,-, Rp1,02 triliun, US$ 5, $100, Rp 10.000/kg:
 * amount, scale, currency name. */
int norm_rule_money(ctx *c, size_t i, size_t *used)
{
	size_t n, k, an, j = i, un = 0, tn = 0;
	const char *s = norm_core(c, i, &n), *cur = currency_prefix(c, s, n, &k), *a, *scale, *unit = NULL, *tail = NULL;
	number x;
	int per = 0;
	if (!cur)
		return 0;
	a = s + k;
	an = n - k;
	if (an && a[0] == '.')
		a++, an--;
	if (an == 0 && i + 1 < c->nt)
		a = norm_core(c, j = i + 1, &an);
	if (!an || !su_is_digit(a[0]) || (un = norm_scan_number(a, an, &x)) == 0 || x.sign)
		return 0;
	int per_word = 0;
	if (un + 1 < an && (a[un] == '-' || a[un] == '/') && su_is_digit(a[un + 1])) {
		/* two amounts in one token, the currency after both: a range (Rp
		 * 1,2-3,4 juta, SGD 128-328) or a quote's bid and offer
		 * (Rp9.100/9.105, of one shape); other slashes are per a unit */
		number y;
		int two = norm_scan_number(a + un + 1, an - un - 1, &y) == an - un - 1 && !y.sign;
		if (a[un] == '/')
			two = two && y.ipn == x.ipn && y.grouped == x.grouped && !x.fpn && !y.fpn;
		else if (!two)
			return 0;
		if (two) {
			if ((scale = scale_at(c, j + 1)) != NULL)
				j++;
			if (norm_say_number(c, &x) || norm_words(c, "sampai") || norm_say_number(c, &y) ||
			    (scale && norm_words(c, scale)) || norm_words(c, cur))
				return -1;
			*used = j - i + 1;
			return 1;
		}
	}
	int dash_glued = un == an && c->t[j].c_off + c->t[j].c_len + 1 == c->t[j].off + c->t[j].len &&
			 c->s[c->t[j].c_off + c->t[j].c_len] == '-';
	if ((dash_glued ? j + 1 < c->nt
			: un == an && !scale_at(c, j + 1) && j + 2 < c->nt && c->t[j + 1].len == 1 &&
				  c->s[c->t[j + 1].off] == '-')) {
		/* Rp 1,2 - Rp 3,6 juta, Rp 500 - Rp 700, Rp9.000- Rp9.300: the scale and currency once, after both */
		size_t bn, bk, m = j + 2 - (size_t)dash_glued;
		const char *b = norm_core(c, m, &bn), *cur2 = currency_prefix(c, b, bn, &bk);
		number y;
		if (cur2 && !strcmp(cur2, cur)) {
			if (bk == bn && m + 1 < c->nt)
				b = norm_core(c, ++m, &bn);
			else
				b += bk, bn -= bk;
			const char *sc = scale_at(c, m + 1);
			/* (the second amount may close the sentence: Rp13.529.) */
			if (bn && su_is_digit(b[0]) && norm_scan_number(b, bn, &y) == bn && !y.sign &&
			    (!sc || c->t[m].c_off + c->t[m].c_len == c->t[m].off + c->t[m].len)) {
				if (norm_say_number(c, &x) || norm_words(c, "sampai") || norm_say_number(c, &y) ||
				    (sc && norm_words(c, sc)) || norm_words(c, cur))
					return -1;
				*used = m + (sc != NULL) - i + 1;
				return 1;
			}
		}
	}
	if (un < an && !(unit = norm_find_unit(c, a + un, an - un, &per))) {
		if (a[un] == '/' && un + 1 == an && j + 1 < c->nt && c->t[j].len == an) {
			size_t qn; /* Rp 5.000/ kg: per the next token's unit */
			const char *q = norm_core(c, j + 1, &qn);
			if (qn && su_is_lower(q[0]) && (unit = norm_find_unit(c, q, qn, &per)) != NULL && !per) {
				if (norm_say_number(c, &x) || norm_words(c, cur) || norm_words(c, "per") ||
				    norm_say_unit(c, unit, 0))
					return -1;
				*used = j + 1 - i + 1;
				return 1;
			}
		}
		if (!norm_per_parts(c, a + un, an - un))
			return 0; /* Rp 1.050.000/gram, Rp10.000/kg/hari: per each part */
		per_word = 1, tail = a + un, tn = an - un;
	}
	if ((scale = scale_at(c, j + 1)) != NULL)
		j++;
	else if (!unit && !per_word && un == an && (scale = scale_per(c, j + 1, &tail, &tn)) != NULL)
		j++, per_word = 1;
	else if (!unit && !per_word && range_to(c, j + 1) && j + 3 < c->nt && (scale = scale_at(c, j + 3)) != NULL) {
		size_t bn; /* Rp 3 hingga 6 juta: the scale and the currency once, after both */
		const char *b = norm_core(c, j + 2, &bn);
		number y;
		if (bn && su_is_digit(b[0]) && norm_scan_number(b, bn, &y) == bn && !y.sign &&
		    c->t[j + 2].len == bn) {
			if (norm_say_number(c, &x) || norm_words(c, "hingga") || norm_say_number(c, &y) ||
			    norm_words(c, scale) || norm_words(c, cur))
				return -1;
			*used = j + 3 - i + 1;
			return 1;
		}
		scale = NULL;
	}
	if (!unit && !per_word && j + 1 < c->nt && c->t[j].off + c->t[j].len == c->t[j].c_off + c->t[j].c_len) {
		size_t wn; /* Rp 500 ribu rupiah: the currency once */
		const char *w = norm_core(c, j + 1, &wn);
		if (strlen(cur) == wn && strncmp(w, cur, wn) == 0)
			j++;
	}
	char whole[8];
	if (!scale && !unit && !per_word && !x.grouped && x.fpn == 3 && x.ipn <= 3 && x.ip[0] != '0' &&
	    strcmp(cur, "rupiah") != 0) {
		/* CNY 3,299, USD 1,500: a foreign price has no three decimals, so
		 * its comma groups thousands (Rp 3,440 triliun keeps its decimals) */
		memcpy(whole, x.ip, x.ipn);
		memcpy(whole + x.ipn, x.fp, 3);
		x.ip = whole, x.ipn += 3, x.fp = NULL, x.fpn = 0;
	}
	if (norm_say_number(c, &x) || (scale && norm_words(c, scale)) || norm_words(c, cur) ||
	    (unit && norm_say_unit(c, unit, per)) || (per_word && norm_per_word(c, tail, tn) <= 0))
		return -1;
	*used = j - i + 1;
	return 1;
}
