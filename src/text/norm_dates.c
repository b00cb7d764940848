/* norm_dates.c: dates (17/8/1945, 2024-03-01) and the words that announce them. */
#include "text/norm_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int say_date(ctx *c, long d, long m, const char *y, size_t yn)
{
	if (norm_say_uint(c, (unsigned long)d) || norm_words(c, (m >= 1 && m <= 12 ? c->r->month[m - 1] : NULL)))
		return -1;
	return y && num_cardinal(c->sp, y, yn) ? -1 : 1;
}

static int paren_before(const ctx *c, size_t i)
{
	return c->t[i].c_off > c->t[i].off && c->s[c->t[i].c_off - 1] == '(';
}

int norm_spaced_year(const ctx *c, size_t i)
{
	long v[3];
	size_t w[3], pn, qn;
	char sep;
	const char *p, *q;
	if (i == 0 || i + 1 >= c->nt || c->t[i].len != 1 || c->s[c->t[i].off] != '/')
		return 0;
	p = norm_core(c, i - 1, &pn), q = norm_core(c, i + 1, &qn);
	if (c->t[i - 1].c_off + pn != c->t[i - 1].off + c->t[i - 1].len || qn != 4 || norm_digit_run(q, 4) != 4 ||
	    (q[0] != '1' && q[0] != '2'))
		return 0;
	return norm_scan_fields(p, pn, "/", v, w, &sep) == 2 && w[0] <= 2 && w[1] <= 2 && v[0] >= 1 && v[0] <= 31 &&
	       v[1] >= 1 && v[1] <= 12;
}

/* 22/09/2022, 17-8-1945, 17.08.1945, (27/3), tgl 27/3, 2023-05-03. */
int norm_try_date(ctx *c, size_t i, const char *s, size_t n)
{
	long v[3];
	size_t w[3];
	char sep;
	int k = norm_scan_fields(s, n, "/-.", v, w, &sep);
	if (k == 3 && w[0] == 4 && sep == '-' && w[1] <= 2 && w[2] <= 2 && (v[1] >= 1 && v[1] <= 12) &&
	    v[2] >= 1 && v[2] <= 31)
		return say_date(c, v[2], v[1], s, w[0]);
	if (k < 2 || w[0] > 2 || w[1] > 2 || v[0] < 1 || v[0] > 31 || !(v[1] >= 1 && v[1] <= 12))
		return 0;
	if (k == 3 && (w[2] == 2 || w[2] == 4))
		return say_date(c, v[0], v[1], s + n - w[2], w[2]);
	if (k == 2 && sep == '/' &&
	    (paren_before(c, i) || norm_prev_in(c, i, c->r->ctx_word[CTX_DATE]) || norm_spaced_year(c, i + 1)))
		return say_date(c, v[0], v[1], NULL, 0);
	return 0;
}
