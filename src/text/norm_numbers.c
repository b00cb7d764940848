/* norm_numbers.c: numbers as written: integers, decimals, ranges, times,
 * phone numbers, dotted and slashed forms, and units after a number. */
#include "text/norm_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Groups "<sep>ddd" at s[i..n): bytes used when at least min groups. */
static size_t scan_groups(const char *s, size_t n, size_t i, char sep, int min)
{
	size_t start = i;
	int k = 0;
	while (i + 4 <= n && s[i] == sep && norm_digit_run(s + i + 1, 3) == 3 &&
	       (i + 4 == n || !su_is_digit(s[i + 4]))) {
		i += 4;
		k++;
	}
	return k >= min ? i - start : 0;
}

static size_t scan_sign(const char *s, size_t n, const char **sign)
{
	*sign = NULL;
	if (n >= 2 && memcmp(s, "\xc2\xb1", 2) == 0)
		return *sign = "plus minus", 2;
	if (n >= 3 && memcmp(s, "\xe2\x88\x92", 3) == 0)
		return *sign = "minus", 3;
	if (n && s[0] == '-')
		return *sign = "minus", 1;
	if (n && s[0] == '+')
		return *sign = "plus", 1;
	return 0;
}

/* A number at the start of s[0..n): 1.234.567,89 (Indonesian), 1,234,567
 * (English grouping, two groups at least, or one of ,000), 12345, 0,5. Returns bytes used,
 * 0 when s does not start with one. */
size_t norm_scan_number(const char *s, size_t n, number *x)
{
	size_t i = scan_sign(s, n, &x->sign), d = norm_digit_run(s + i, n - i), g = 0;
	x->fp = NULL;
	x->fpn = 0;
	if (!d)
		return 0;
	x->ip = s + i;
	i += d;
	if (d <= 3 && (g = scan_groups(s, n, i, '.', 1)) == 0 && (g = scan_groups(s, n, i, ',', 2)))
		x->grouped = 2;
	else if (d <= 3 && g == 0 && i + 4 <= n && !memcmp(s + i, ",000", 4) && (i + 4 == n || !su_is_digit(s[i + 4])))
		x->grouped = 2, g = 4; /* USD 91,000: no decimals are written ,000, so English grouping */
	else
		x->grouped = g > 0;
	i += g;
	x->ipn = (size_t)(s + i - x->ip);
	if (x->grouped != 2 && i + 1 < n && s[i] == ',' && su_is_digit(s[i + 1])) {
		x->fp = s + i + 1;
		x->fpn = norm_digit_run(x->fp, n - i - 1);
		i += 1 + x->fpn;
	}
	return i;
}

int norm_say_number(ctx *c, const number *x)
{
	int rc;
	if (x->sign && norm_words(c, x->sign) != 0)
		return -1;
	if (!x->grouped && x->ipn > 1 && x->ip[0] == '0')
		rc = num_digits(c->sp, x->ip, x->ipn);
	else
		rc = num_cardinal(c->sp, x->ip, x->ipn);
	if (rc == 0 && x->fpn)
		rc = norm_words(c, "koma") || num_digits(c->sp, x->fp, x->fpn);
	return rc ? -1 : 0;
}

/* A whole number at s[0..n) (nothing left over). */
static int whole_number(const char *s, size_t n, number *x)
{
	return n && norm_scan_number(s, n, x) == n;
}

/* Remove the space at byte at, to join two words. */
static void unspace(ctx *c, size_t at)
{
	sbuf *b = c->sp;
	if (at < b->len && b->data[at] == ' ') {
		memmove(b->data + at, b->data + at + 1, b->len - at);
		b->len--;
	}
}

int norm_say_uint(ctx *c, unsigned long v)
{
	char d[24];
	int k = snprintf(d, sizeof d, "%lu", v);
	return num_cardinal(c->sp, d, (size_t)k);
}

/* Up to three numbers a<sep>b<sep>c, each 1..maxw digits. Returns the
 * count of numbers (0 when s is not of that shape). */
int norm_scan_fields(const char *s, size_t n, const char *seps, long v[3], size_t w[3],
		       char *sep)
{
	size_t i = 0;
	int k = 0;
	*sep = 0;
	while (k < 3) {
		size_t d = norm_digit_run(s + i, n - i);
		if (d == 0 || d > 4)
			return 0;
		w[k] = d;
		v[k++] = num_small(s + i, d);
		i += d;
		if (i == n)
			return k;
		if (!strchr(seps, s[i]) || (*sep && s[i] != *sep))
			return 0;
		*sep = s[i++];
	}
	return 0;
}

int norm_prev_in(const ctx *c, size_t i, const char *const *list)
{
	char low[32];
	return i > 0 && norm_in_list(norm_core_low(c, i - 1, low, sizeof low), list);
}

static int next_is_zone(const ctx *c, size_t i)
{
	char low[8];
	const char *w = norm_core_low(c, i + 1, low, sizeof low);
	return !strcmp(w, "wib") || !strcmp(w, "wita") || !strcmp(w, "wit") || !strcmp(w, "gmt") ||
	       !strcmp(w, "utc") || !strcmp(w, "dini") || !strcmp(w, "pagi") || !strcmp(w, "siang") ||
	       !strcmp(w, "sore") || !strcmp(w, "malam"); /* or a part of the day: 3.48 dini hari */
}

/* 10.30, 08.00, 14:15, 9:05:30. With a dot and a one-digit hour only after
 * "pukul" or before a time zone or a part of the day (3.14 stays a
 * number). */
static int try_time(ctx *c, size_t i, const char *s, size_t n)
{
	long v[3];
	size_t w[3];
	char sep;
	int k = norm_scan_fields(s, n, ".:", v, w, &sep);
	if (k < 2 || w[0] > 2 || w[1] != 2 || (k == 3 && w[2] != 2))
		return 0;
	if (v[0] > 24 || v[1] > 59 || (k == 3 && v[2] > 59))
		return 0;
	if (sep == '.' && k == 2 && i + 1 < c->nt && !norm_prev_in(c, i, c->r->ctx_word[CTX_TIME])) {
		size_t sn; /* 08.01 miliar: a scale follows an amount, never a time (a dot for a comma) */
		const char *sc = norm_core(c, i + 1, &sn);
		if (norm_scale(c->r, sc, sn))
			return norm_say_uint(c, (unsigned long)v[0]) || norm_words(c, "koma") ||
			       num_digits(c->sp, s + w[0] + 1, w[1]) ? -1 : 1;
	}
	if (sep == '.' && w[0] == 1 && !norm_prev_in(c, i, c->r->ctx_word[CTX_TIME]) && !next_is_zone(c, i))
		return 0;
	if (norm_say_uint(c, (unsigned long)v[0]) != 0)
		return -1;
	if (v[1] && (norm_words(c, "lewat") || norm_say_uint(c, (unsigned long)v[1]) || norm_words(c, "menit")))
		return -1;
	if (k == 3 && v[2] && (norm_say_uint(c, (unsigned long)v[2]) || norm_words(c, "detik")))
		return -1;
	return 1;
}

/* 1/2 setengah, 3/4 tiga perempat, 1/3 sepertiga, 2019/2020, 24/7. */
static int try_slash(ctx *c, const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n);
	size_t a, b;
	long x, y;
	if (!slash || (a = (size_t)(slash - s)) == 0 || norm_digit_run(s, a) != a)
		return 0;
	b = n - a - 1;
	if (a == 1 && b >= 3 && b <= 4 && su_is_digit(slash[1]) && (slash[2] == ',' || slash[2] == '.') &&
	    norm_digit_run(slash + 3, b - 2) == b - 2) /* a sensor's size, 1/2,3 inci: "satu per dua koma tiga" */
		return num_cardinal(c->sp, s, 1) || norm_words(c, "per") || num_cardinal(c->sp, slash + 1, 1) ||
		       norm_words(c, "koma") || num_digits(c->sp, slash + 3, b - 2) ? -1 : 1;
	if (b == 0 || norm_digit_run(slash + 1, b) != b || (x = num_small(s, a)) < 0 ||
	    (y = num_small(slash + 1, b)) < 0)
		return 0;
	if (a == 4 && b == 4 && y == x + 1) /* a season, a school year: two years, a pause between */
		return num_cardinal(c->sp, s, a) || sbuf_addc(c->sp, ',') || num_cardinal(c->sp, slash + 1, b) ? -1 : 1;
	if (a == 4 && b == 2 && x >= 1900 && y == (x + 1) % 100) /* 2016/17: the second year in full */
		return num_cardinal(c->sp, s, a) || sbuf_addc(c->sp, ',') || norm_say_uint(c, (unsigned long)x + 1) ? -1 : 1;
	if (a == 2 && b == 2 && x >= 10 && y == x + 1 && y > 12) /* 16/17: a season's two years (no month 17) */
		return norm_say_uint(c, (unsigned long)x) || sbuf_addc(c->sp, ',') || norm_say_uint(c, (unsigned long)y) ? -1 : 1;
	if (y == 2 && x == 1)
		return norm_words(c, "setengah") ? -1 : 1;
	if (y >= 3 && y <= 10 && x < y && x > 0) {
		size_t at;
		if (x == 1 ? norm_words(c, "seper") : (norm_say_uint(c, (unsigned long)x) || norm_words(c, "per")))
			return -1;
		at = c->sp->len;
		if (norm_say_uint(c, (unsigned long)y) != 0)
			return -1;
		unspace(c, at); /* "per tiga" -> "pertiga" */
		return 1;
	}
	return num_cardinal(c->sp, s, a) || norm_words(c, "per") || num_cardinal(c->sp, slash + 1, b) ? -1
												     : 1;
}

/* A plain number or a time, for one side of a range. */
static int try_simple(ctx *c, size_t i, const char *s, size_t n)
{
	number x;
	int rc = try_time(c, i, s, n);
	if (rc)
		return rc;
	return whole_number(s, n, &x) ? (norm_say_number(c, &x) ? -1 : 1) : 0;
}

/* Is token i (when there is one) two numbers of one or two digits joined
 * by a dash, as game scores are (21-13)? */
int norm_score_shaped(const ctx *c, size_t i)
{
	size_t n, a;
	const char *s;
	if (i >= c->nt)
		return 0;
	s = norm_core(c, i, &n);
	a = norm_digit_run(s, n);
	return a >= 1 && a <= 2 && a + 1 < n && s[a] == '-' && n - a - 1 <= 2 &&
	       norm_digit_run(s + a + 1, n - a - 1) == n - a - 1;
}

/* Are tokens i, i + 1, i + 2 a score the text spaced apart at its dash,
 * one or two digits each side (8 - 21, 21 - 13WS in a results table)? */
int norm_spaced_score(const ctx *c, size_t i)
{
	size_t n, m;
	const char *s, *t;
	if (i + 2 >= c->nt || c->t[i + 1].len != 1 || c->s[c->t[i + 1].off] != '-')
		return 0;
	s = norm_core(c, i, &n);
	t = norm_core(c, i + 2, &m);
	return n >= 1 && n <= 2 && norm_digit_run(s, n) == n && c->t[i].off + c->t[i].len == c->t[i].c_off + n &&
	       c->t[i + 2].c_off == c->t[i + 2].off && norm_digit_run(t, m) >= 1 && norm_digit_run(t, m) <= 2;
}

/* Is token i between two capitalized words, as a score between two
 * teams' names is (Ostersunds FK 0-3 Arsenal, Persib 1-2 Persija)? A
 * range has its noun after it (usia 0-3 tahun). */
static int between_teams(const ctx *c, size_t i)
{
	size_t an, bn;
	const char *a, *b;
	if (i == 0 || i + 1 >= c->nt)
		return 0;
	a = norm_core(c, i - 1, &an);
	b = norm_core(c, i + 1, &bn);
	for (size_t m = 0; m < 12; m++)
		if (c->r->month[m] && strlen(c->r->month[m]) == bn && strncasecmp(c->r->month[m], b, bn) == 0)
			return 0; /* a range of days: Pada 10-12 Januari */
	return an > 1 && bn > 1 && su_is_upper(a[0]) && su_is_upper(b[0]) &&
	       c->t[i - 1].c_off + an == c->t[i - 1].off + c->t[i - 1].len; /* (no comma after the first) */
}

/* Is token i a pair of numbers after "dengan" or "menjadi" that closes a
 * clause (a comma or period after it, or nothing), in a sentence with a
 * word of scores before it (Intanon berhasil mendekat dengan 14-17.; not
 * usia pemain 20-25)? A score then, though written low to high. */
static int clause_score(const ctx *c, size_t i)
{
	char low[32];
	const tok *t = &c->t[i];
	size_t tail = t->off + t->len - (t->c_off + t->c_len);
	if (!(i + 1 == c->nt || (tail == 1 && (c->s[t->off + t->len - 1] == ',' || c->s[t->off + t->len - 1] == '.'))))
		return 0;
	static const char *const into[] = {"dengan", "menjadi", "jadi", NULL};
	static const char *const and[] = {"dan", NULL};
	if (i == 0 || !(norm_prev_in(c, i, into) || (i >= 2 && norm_prev_in(c, i, and) && norm_score_shaped(c, i - 2))))
		return 0; /* (or after "dan" and a score: dengan 3-4 dan 4-5) */
	for (size_t k = 0; k < i; k++)
		if (norm_in_list(norm_core_low(c, k, low, sizeof low), c->r->ctx_word[CTX_SCORE]))
			return 1;
	return 0;
}

/* 10-15, 2019-2020, 08.00-10.00 ("sampai"); after "skor", and 2-1, 1-1, 3-0
 * anywhere, and one of a series of scores (21-18, 18-21), a score: "dua
 * satu". */
static int try_range(ctx *c, size_t i, const char *s, size_t n)
{
	size_t p = 1, dash, mark = c->sp->len;
	int rc;
	while (p < n && s[p] != '-' && !(n - p >= 3 && memcmp(s + p, "\xe2\x80\x93", 3) == 0))
		p++;
	if (p >= n)
		return 0;
	dash = s[p] == '-' ? 1 : 3;
	if (p + dash >= n || !su_is_digit(s[p + dash]))
		return 0;
	size_t q = p + dash, qn = n - q;
	int plain = norm_digit_run(s, p) == p && norm_digit_run(s + q, qn) == qn;
	if (plain && qn >= 2 && s[q] == '0') /* a code: 397-01, digit by digit */
		return num_digits(c->sp, s, p) || norm_words(c, "strip") || num_digits(c->sp, s + q, qn) ? -1 : 1;
	if ((rc = try_simple(c, i, s, p)) <= 0)
		return rc;
	long lo = plain ? num_small(s, p) : -1, hi = plain ? num_small(s + q, qn) : -1;
	if (p == 4 && qn == 2 && lo >= 1900 && hi == (lo + 1) % 100) /* a season: 2016-17 */
		return sbuf_addc(c->sp, ',') || norm_say_uint(c, (unsigned long)lo + 1) ? -1 : 1;
	if (lo >= 0 && hi >= 0 && lo > hi && (p > 1 || qn > 1)) {
		/* from high to low: no range but a score (122-114, 110-91) */
		if (sbuf_addc(c->sp, ',') != 0)
			return -1;
		return try_simple(c, i, s + q, qn) < 0 ? -1 : 1;
	}
	/* a score: after a score word, or one digit to one no greater (2-1,
	 * 1-1, 3-0: a range is written from low to high) */
	const char *raw = c->s + c->t[i].off;
	size_t rn = c->t[i].len;
	int score = (p == 1 && n - p - dash == 1 && s[0] >= s[p + dash]) ||
		    (p <= 2 && n - p - dash <= 2 &&
		     ((i > 0 && norm_score_shaped(c, i - 1)) || norm_score_shaped(c, i + 1) ||
		      norm_spaced_score(c, i + 1) || (i >= 3 && norm_spaced_score(c, i - 3)) ||
		      /* a game's score in brackets after the games: 5 (18-13) */
		      (rn >= 2 && raw[0] == '(' && raw[rn - 1] == ')' && i > 0 &&
		       norm_digit_run(c->s + c->t[i - 1].off, c->t[i - 1].len) == c->t[i - 1].len) ||
		      between_teams(c, i) || (lo >= 0 && lo <= 30 && hi <= 30 && clause_score(c, i))));
	if (!score && !norm_prev_in(c, i, c->r->ctx_word[CTX_SCORE]) &&
	    !norm_prev_in(c, i - (i > 0), c->r->ctx_word[CTX_SCORE]) && norm_words(c, "sampai") != 0)
		return -1;
	rc = try_simple(c, i, s + p + dash, n - p - dash);
	if (rc == 0) {
		c->sp->len = mark;
		c->sp->data[mark] = '\0';
	}
	return rc;
}

/* After an area code: (021) 5551234. */
static int after_area_code(const ctx *c, size_t i)
{
	size_t n;
	const char *s = i ? norm_core(c, i - 1, &n) : NULL;
	return s && n >= 2 && n <= 4 && s[0] == '0' && norm_digit_run(s, n) == n;
}

/* Telephone-like: 0812-3456-7890, 021-5551234, +62-21-555: digit by digit. */
static int try_phone(ctx *c, size_t i, const char *s, size_t n)
{
	size_t digits = 0;
	if (after_area_code(c, i) && n >= 5 && norm_digit_run(s, n) == n)
		return num_digits(c->sp, s, n) ? -1 : 1;
	if (n < 2 || !(s[0] == '0' || s[0] == '+') || !su_is_digit(s[1]))
		return 0;
	for (size_t k = s[0] == '+'; k < n; k++) {
		if (!su_is_digit(s[k]) && s[k] != '-')
			return 0;
		digits += su_is_digit(s[k]);
	}
	if (digits < 7)
		return 0;
	if (s[0] == '+' && norm_words(c, "plus") != 0)
		return -1;
	return num_digits(c->sp, s, n) ? -1 : 1;
}

/* Anything else made of digits and . , : separators, e.g. 1.2.3.4.5 or an
 * IP address: each number, "titik" / "koma" / "titik dua" between. */
static int try_dotted(ctx *c, const char *s, size_t n)
{
	size_t k = 0;
	for (k = 0; k < n; k++)
		if (!su_is_digit(s[k]) && !strchr(".,:", s[k]))
			return 0;
	for (k = 0; k < n;) {
		size_t d = norm_digit_run(s + k, n - k);
		const char *w = s[k] == '.' ? "titik" : s[k] == ',' ? "koma" : "titik dua";
		if (d ? (d > 3 && s[k] == '0' ? num_digits(c->sp, s + k, d)
				: num_cardinal(c->sp, s + k, d))
		      : norm_words(c, w))
			return -1;
		k += d ? d : 1;
	}
	return 1;
}

typedef int (*num_fn)(ctx *c, size_t i, const char *s, size_t n);

static int try_slash_i(ctx *c, size_t i, const char *s, size_t n) { (void)i; return try_slash(c, s, n); }

static int try_dotted_i(ctx *c, size_t i, const char *s, size_t n) { (void)i; return try_dotted(c, s, n); }

static int try_plain(ctx *c, size_t i, const char *s, size_t n)
{
	number x;
	(void)i;
	return whole_number(s, n, &x) ? (norm_say_number(c, &x) ? -1 : 1) : 0;
}

/* Numeric shapes, most specific first. Each writes nothing unless it
 * matches. */
/* a:b that is no clock time: a ratio, 1:12698 "satu banding ..." */
static int try_ratio(ctx *c, size_t i, const char *s, size_t n)
{
	size_t a = norm_digit_run(s, n), b;
	(void)i;
	if (a == 0 || a + 1 >= n || s[a] != ':' || (b = norm_digit_run(s + a + 1, n - a - 1)) != n - a - 1)
		return 0;
	return num_cardinal(c->sp, s, a) || norm_words(c, "banding") || num_cardinal(c->sp, s + a + 1, b) ? -1 : 1;
}

/* A coordinate written with a decimal point, before its axis (6.17
 * Lintang Selatan, 105.36 BT): the decimal comma's reading, "enam koma
 * satu tujuh" (the axes: contexts.tsv, class coordinate). */
static int try_coordinate(ctx *c, size_t i, const char *s, size_t n)
{
	size_t a = norm_digit_run(s, n), b;
	char low[16];
	if (a == 0 || a > 3 || a + 1 >= n || s[a] != '.' || (b = norm_digit_run(s + a + 1, n - a - 1)) != n - a - 1 ||
	    b > 3 || i + 1 >= c->nt || !norm_in_list(norm_core_low(c, i + 1, low, sizeof low), c->r->ctx_word[CTX_COORDINATE]))
		return 0;
	return num_cardinal(c->sp, s, a) || norm_words(c, "koma") || num_digits(c->sp, s + a + 1, b) ? -1 : 1;
}

/* A decimal point written the English way before a scale or persen (2.8
 * miliar, 1.5 juta, 3.25 persen): no thousands (those have three digits
 * after the point) but "dua koma delapan". */
static int try_decimal_point(ctx *c, size_t i, const char *s, size_t n)
{
	size_t a = norm_digit_run(s, n), b, nn;
	const char *nx;
	if (a == 0 || a > 3 || a + 1 >= n || s[a] != '.' || (b = norm_digit_run(s + a + 1, n - a - 1)) != n - a - 1 ||
	    b > 2 || i + 1 >= c->nt || c->t[i].c_off + c->t[i].c_len != c->t[i].off + c->t[i].len)
		return 0;
	nx = norm_core(c, i + 1, &nn);
	if (!norm_scale(c->r, nx, nn) && !norm_core_is(c, i + 1, "persen"))
		return 0;
	return num_cardinal(c->sp, s, a) || norm_words(c, "koma") || num_digits(c->sp, s + a + 1, b) ? -1 : 1;
}

static const num_fn numeric_shapes[] = {
	try_time, try_ratio, try_coordinate, try_decimal_point, norm_try_date, try_phone, try_plain, try_range, try_slash_i, try_dotted_i,
};

static int say_numexpr(ctx *c, size_t i, const char *s, size_t n)
{
	for (size_t k = 0; k < sizeof numeric_shapes / sizeof numeric_shapes[0]; k++) {
		int rc = numeric_shapes[k](c, i, s, n);
		if (rc)
			return rc;
	}
	return 0;
}

/* A unit or currency word for s[0..n) after a number: "kg", "%", "°C",
 * "USD"; *per set for "/kg" (said "per kilogram"). */
const char *norm_find_unit(const ctx *c, const char *s, size_t n, int *per)
{
	const char *v;
	*per = 0;
	if (!n)
		return NULL;
	if ((v = table_lookup_fold(&c->r->t[T_UNITS], s, n, 2)) ||
	    (v = table_lookup(&c->r->t[T_CURRENCY], s, n)))
		return v;
	if (s[0] == '/' && n > 1 && (v = table_lookup_fold(&c->r->t[T_UNITS], s + 1, n - 1, 2)))
		*per = 1;
	return v;
}

/* The unit or word of one "per" part s[0..n): a unit by its name (kg:
 * kilogram), a word in small letters of two letters or more as it is
 * (hari); NULL for anything else. *word set for a word. */
static const char *per_part(const ctx *c, const char *s, size_t n, int *word)
{
	const char *v;
	int per;
	*word = 0;
	if ((v = norm_find_unit(c, s, n, &per)) != NULL && !per)
		return v;
	if (n < 2)
		return NULL;
	for (size_t k = 0; k < n; k++)
		if (!su_is_lower(s[k]))
			return NULL;
	*word = 1;
	return s;
}

int norm_per_parts(const ctx *c, const char *s, size_t n)
{
	size_t a = 0, b;
	int word;
	if (n < 2 || s[0] != '/')
		return 0;
	for (; a < n; a = b) {
		for (b = a + 1; b < n && s[b] != '/'; b++)
			;
		if (!per_part(c, s + a + 1, b - a - 1, &word))
			return 0;
	}
	return 1;
}

int norm_per_word(ctx *c, const char *s, size_t n)
{
	size_t a = 0, b;
	int word;
	if (!norm_per_parts(c, s, n))
		return 0;
	for (; a < n; a = b) {
		const char *v;
		for (b = a + 1; b < n && s[b] != '/'; b++)
			;
		v = per_part(c, s + a + 1, b - a - 1, &word);
		if (norm_words(c, "per") ||
		    (word ? norm_word_break(c) || sbuf_add(c->sp, v, b - a - 1) : norm_words(c, v)))
			return -1;
	}
	return 1;
}

int norm_say_unit(ctx *c, const char *v, int per)
{
	return (per && norm_words(c, "per")) || norm_words(c, v) ? -1 : 0;
}

/* Length of the numeric head of s: sign, digits and . , : / - separators. */
static size_t numeric_prefix(const char *s, size_t n)
{
	const char *sign;
	size_t i = scan_sign(s, n, &sign), digits = 0;
	for (; i < n; i++) {
		if (su_is_digit(s[i]))
			digits++;
		else if (digits && i + 3 < n && !memcmp(s + i, "\xe2\x80\x93", 3) && su_is_digit(s[i + 3]))
			i += 2; /* an en dash between numbers: 10–15 (try_range) */
		else if (su_is_lower(s[i]) || su_is_upper(s[i]) || !strchr(".,:/-", s[i]))
			break; /* letters, the usual case, answered without strchr */
	}
	return digits ? i : 0;
}

/* The length of the times sign at s[0..n): x, or × (U+00D7); 0 if none. */
static size_t times_sign(const char *s, size_t n)
{
	return n && s[0] == 'x' ? 1 : n >= 2 && (unsigned char)s[0] == 0xC3 && (unsigned char)s[1] == 0x97 ? 2 : 0;
}

static int point_decimal(const char *s, size_t n);
static int say_point_decimal(ctx *c, size_t i, const char *s, size_t n);

/* Is token i bare at its end, before a unit (1.4 mm, 4x1.95 GHz)? */
static int unit_next(const ctx *c, size_t i)
{
	size_t qn;
	const char *q;
	int per;
	if (i + 1 >= c->nt || c->t[i].c_off + c->t[i].c_len != c->t[i].off + c->t[i].len)
		return 0;
	q = norm_core(c, i + 1, &qn);
	return qn && norm_find_unit(c, q, qn, &per) && !per;
}

/* Times, s[0..p) the number before the first sign: 4x100 meter, 3x
 * sehari, 3x200.000 m3, 854×480, 320x220x15 (each sign "kali"). */
static int say_times(ctx *c, size_t i, const char *s, size_t n, size_t p)
{
	size_t a = 0, b = p, xl = times_sign(s + p, n - p), m;
	if (!xl || norm_digit_run(s, p) != p)
		return 0;
	for (m = p + xl; m < n;) { /* the parts between signs: digits only, the last any number */
		size_t d = norm_digit_run(s + m, n - m), x2 = d ? times_sign(s + m + d, n - m - d) : 0;
		if (!x2)
			break;
		m += d + x2;
	}
	if (m < n && numeric_prefix(s + m, n - m) != n - m)
		return 0;
	while (a < n) {
		if (num_cardinal(c->sp, s + a, b - a) || norm_words(c, "kali"))
			return -1;
		a = b + times_sign(s + b, n - b);
		if (a >= n)
			return 1;
		b = a + norm_digit_run(s + a, n - a);
		if (b == n || !times_sign(s + b, n - b)) /* (4x1.95 GHz: koma before a unit) */
			return (point_decimal(s + a, n - a) && unit_next(c, i) ? say_point_decimal(c, i, s + a, n - a)
										: say_numexpr(c, i, s + a, n - a)) < 0 ? -1 : 1;
	}
	return 1;
}

/* 1990-an, 80an: "sembilan puluhan". */
static int say_decade(ctx *c, const char *s, size_t p)
{
	if (p && s[p - 1] == '-')
		p--;
	if (!p || norm_digit_run(s, p) != p)
		return 0;
	return num_cardinal(c->sp, s, p) || norm_glue(c, "an") ? -1 : 1;
}

/* Numbers, dates, times, ranges, with a unit glued on: 5,5%, 10kg, 30°C. */
/* A letter glued to a number after an address word (No. 12A, Blok C3 is
 * another shape) or a capitalized name (Redmi 5A, Galaxy S8 is another):
 * the letter, not a unit. */
static int address_letter(ctx *c, size_t i, const char *s, size_t n, size_t p)
{
	size_t pn = 0;
	const char *prev = i > 0 ? norm_core(c, i - 1, &pn) : NULL;
	/* after an address word (No. 12A), or a model's name (Redmi 5A) */
	int model = prev && i > 1 && pn > 1 && su_is_upper(prev[0]) && !su_is_digit(prev[pn - 1]);
	if (n - p != 1 || !su_is_upper(s[p]) || !(model || norm_prev_in(c, i, c->r->ctx_word[CTX_ADDRESS])))
		return 0;
	return num_cardinal(c->sp, s, p) || norm_words(c, c->r->letter[su_lower(s[p]) - 'a']) ? -1 : 1;
}

/* Is token i after "Peraturan" and a body's acronym (Peraturan MK 2/2014,
 * Peraturan KPU 7/2017)? */
static int regulation_of(const ctx *c, size_t i)
{
	size_t n, k;
	const char *s;
	if (i < 2 || !norm_core_is(c, i - 2, "peraturan") || c->t[i - 1].len < 2 || c->t[i - 1].len > 6)
		return 0;
	s = norm_core(c, i - 1, &n);
	for (k = 0; k < n && su_is_upper(s[k]); k++)
		;
	return n == c->t[i - 1].len && k == n;
}

/* A regulation's number and year after its kind (UU 10/2016, PP 24/2018):
 * "nomor sepuluh tahun dua ribu enam belas". */
static int law_number(ctx *c, size_t i, const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n);
	size_t a = slash ? (size_t)(slash - s) : 0;
	if (!a || n - a - 1 != 4 || norm_digit_run(s, a) != a || norm_digit_run(slash + 1, 4) != 4 ||
	    !(norm_prev_in(c, i, c->r->ctx_word[CTX_LAW]) || regulation_of(c, i)))
		return 0;
	return norm_words(c, "nomor") || num_cardinal(c->sp, s, a) || norm_words(c, "tahun") ||
	       num_cardinal(c->sp, slash + 1, 4) ? -1 : 1;
}

/* Is s[0..n) a number with a decimal point, English style: one to three
 * digits, a period, one or two digits (1.4, 2.25; not 1.500, a
 * thousand)? */
static int point_decimal(const char *s, size_t n)
{
	size_t a = norm_digit_run(s, n);
	return a >= 1 && a <= 3 && a + 1 < n && n - a - 1 <= 2 && s[a] == '.' && norm_digit_run(s + a + 1, n - a - 1) == n - a - 1;
}

/* Such a number before a unit, said with koma as Indonesian writes it
 * (1.4 mm, 1.4μm: satu koma empat milimeter; 2.0 alone is a version,
 * dua titik nol). */
static int say_point_decimal(ctx *c, size_t i, const char *s, size_t n)
{
	char buf[8];
	memcpy(buf, s, n);
	buf[norm_digit_run(s, n)] = ',';
	return say_numexpr(c, i, buf, n);
}

/* Is s[0..n) a version's number: digits, single periods between them, one
 * period at least (6.0.1, 9.1)? */
static int version_digits(const char *s, size_t n)
{
	int dots = 0;
	for (size_t k = 0; k < n; k++) {
		if (s[k] == '.') {
			if (k == 0 || k + 1 == n || s[k - 1] == '.')
				return 0;
			dots++;
		} else if (!su_is_digit(s[k])) {
			return 0;
		}
	}
	return dots > 0;
}

int norm_rule_numeric(ctx *c, size_t i, size_t *used)
{
	size_t n, p;
	const char *s = norm_core(c, i, &n), *unit;
	int per, rc;
	(void)used;
	if (n >= 4 && s[0] == 'v' && su_is_digit(s[1]) && version_digits(s + 1, n - 1)) /* Android v6.0.1 */
		return norm_words(c, "versi") ? -1 : say_numexpr(c, i, s + 1, n - 1);
	if (!(p = numeric_prefix(s, n)))
		return 0;
	if (p < n && p > 1 && s[p - 1] == '/')
		p--; /* 20/hari: the slash is the word's */
	if (p == n && p > 1 && su_is_digit(s[0]) && norm_digit_run(s, n) == n &&
	    norm_prev_in(c, i, c->r->ctx_word[CTX_DIGITS])) /* a code: Aksi 212, Densus 88 */
		return num_digits(c->sp, s, n) ? -1 : 1;
	if (p == n && (rc = law_number(c, i, s, n)) != 0)
		return rc;
	if (p == n && (n == 2 || n == 4) && norm_digit_run(s, n) == n && s[n - 1] == '0' && i + 2 < c->nt &&
	    c->t[i + 1].len == 1 && c->s[c->t[i + 1].off] == '-' && norm_core_is(c, i + 2, "an") &&
	    c->t[i + 2].c_off == c->t[i + 2].off && c->t[i].c_off + n == c->t[i].off + c->t[i].len) {
		*used = 3; /* a decade spaced at its dash: ’90 - an, 1980 - an (sembilan puluhan) */
		return say_decade(c, s, n);
	}
	if (p == n && point_decimal(s, n) && c->t[i].len == n && unit_next(c, i))
		return say_point_decimal(c, i, s, n);
	if (p == n)
		return say_numexpr(c, i, s, n);
	if (n - p == 2 && norm_digit_run(s, p) == p &&
	    (!memcmp(s + p, "th", 2) || !memcmp(s + p, "st", 2) || !memcmp(s + p, "nd", 2) || !memcmp(s + p, "rd", 2)))
		return num_ordinal(c->sp, s, p) ? -1 : 1; /* an English ordinal: 90th */
	if ((rc = address_letter(c, i, s, n, p)) != 0)
		return rc;
	if ((rc = say_times(c, i, s, n, p)) != 0)
		return rc;
	if (n - p == 2 && norm_digit_run(s, p) == p && (unit = norm_scale(c->r, s + p, 2)) != NULL &&
	    su_is_lower(s[p])) /* informal: 50rb, 2jt */
		return num_cardinal(c->sp, s, p) || norm_words(c, unit) ? -1 : 1;
	if (n - p == 2 && memcmp(s + p, "an", 2) == 0)
		return say_decade(c, s, p);
	if (p == 4 && n == 5 && s[4] == 'H' && norm_digit_run(s, 4) == 4 && (s[0] == '1' && (s[1] == '3' || s[1] == '4')))
		return num_cardinal(c->sp, s, 4) || norm_words(c, "hijriah") ? -1 : 1; /* 1437H: a year of the hijra */
	if (!(unit = norm_find_unit(c, s + p, n - p, &per))) {
		size_t k = p, caps;
		while (k < n && su_is_upper(s[k]))
			k++;
		if ((caps = k - p) > 0 && caps <= 4 && k == n && norm_digit_run(s, p) == p) {
			/* capitals after a number, no unit: spelled (4WD, 2AD, 5G) */
			if (num_cardinal(c->sp, s, p))
				return -1;
			for (k = p; k < n; k++)
				if (norm_words(c, c->r->letter[su_lower(s[k]) - 'a']))
					return -1;
			return 1;
		}
		/* a number per a word: 20/hari, 3/orang/hari */
		if (!norm_per_parts(c, s + p, n - p) || norm_digit_run(s, p) != p)
			return 0;
		if ((rc = say_numexpr(c, i, s, p)) <= 0)
			return rc;
		return norm_per_word(c, s + p, n - p) < 0 ? -1 : 1;
	}
	if ((rc = point_decimal(s, p) ? say_point_decimal(c, i, s, p) : say_numexpr(c, i, s, p)) <= 0)
		return rc;
	return norm_say_unit(c, unit, per) ? -1 : 1;
}

/* A unit per a unit or a word, written together: 5 kg/orang, 3 liter/hari
 * (kg/jam and the like are in units.tsv). */
static int unit_per_word(ctx *c, const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n), *a, *b;
	size_t k;
	int per;
	if (!slash || slash == s || slash + 1 == s + n ||
	    !(a = norm_find_unit(c, s, (size_t)(slash - s), &per)) || per)
		return 0;
	k = (size_t)(slash - s) + 1;
	if ((b = norm_find_unit(c, s + k, n - k, &per)) != NULL && !per)
		return norm_words(c, a) || norm_words(c, "per") || norm_words(c, b) ? -1 : 1;
	if (!norm_per_parts(c, slash, (size_t)(s + n - slash)))
		return 0; /* kg/kapita/tahun */
	return norm_words(c, a) || norm_per_word(c, slash, (size_t)(s + n - slash)) < 0 ? -1 : 1;
}

/* A unit as its own token after a number or "per": 10 kg, per kg, 1500 USD. */
int norm_rule_unit_after(ctx *c, size_t i, size_t *used)
{
	size_t n, pn;
	const char *s = norm_core(c, i, &n), *prev, *unit;
	int per;
	if (i == 0)
		return 0;
	prev = norm_core(c, i - 1, &pn);
	if (n >= 2 && s[0] == '/' && su_is_lower(s[1]) && i >= 2 && norm_find_unit(c, prev, pn, &per) && !per) {
		size_t an;
		const char *a = norm_core(c, i - 2, &an);
		if (an && su_is_digit(a[an - 1])) /* 40 km /jam */
			return norm_per_word(c, s, n) < 0 ? -1 : 1;
	}
	if (pn == 1 && prev[0] == '/' && c->t[i - 1].len == 1 && i >= 2 && n >= 1 && su_is_lower(s[0])) {
		size_t an; /* 5.000 / kg: the slash said "per" */
		const char *a = norm_core(c, i - 2, &an);
		if (an && su_is_digit(a[an - 1]) && (unit = norm_find_unit(c, s, n, &per)) != NULL && !per)
			return norm_say_unit(c, unit, 0) ? -1 : 1;
	}
	if (!(pn && su_is_digit(prev[pn - 1])) && !norm_core_is(c, i - 1, "per"))
		return 0;
	if (i + 2 < c->nt && c->t[i + 1].len == 1 && c->s[c->t[i + 1].off] == '/' && c->t[i].len == n) {
		char key[32]; /* a unit spaced at its slash: 100 Gb / s, 5 km / jam */
		size_t qn;
		const char *q = norm_core(c, i + 2, &qn);
		if (n + 1 + qn < sizeof key) {
			memcpy(key, s, n);
			key[n] = '/';
			memcpy(key + n + 1, q, qn);
			if ((unit = norm_find_unit(c, key, n + 1 + qn, &per)) != NULL && !per) {
				*used = 3;
				return norm_say_unit(c, unit, 0) ? -1 : 1;
			}
		}
	}
	if (n >= 2 && s[n - 1] == '/' && i + 1 < c->nt && (unit = norm_find_unit(c, s, n - 1, &per)) != NULL && !per)
		return norm_say_unit(c, unit, 0) || norm_words(c, "per") ? -1 : 1; /* 40 km/ jam */
	if (pn && su_is_digit(prev[pn - 1]) && n == 2 && su_is_lower(s[0]) && (unit = norm_scale(c->r, s, n)) != NULL)
		return norm_words(c, unit) ? -1 : 1; /* 50 rb, 2 jt */
	if (!(unit = norm_find_unit(c, s, n, &per)))
		return unit_per_word(c, s, n);
	return norm_say_unit(c, unit, per) ? -1 : 1;
}

/* Does a minute mark (' or U+2019) open s[a..b), with nothing after it but
 * closing brackets and marks? */
static int minute_mark(const char *s, size_t a, size_t b)
{
	if (a < b && s[a] == '\'')
		a++;
	else if (b - a >= 3 && !memcmp(s + a, "\xE2\x80\x99", 3))
		a += 3;
	else
		return 0;
	for (; a < b; a++)
		if (s[a] != ')' && s[a] != ',' && s[a] != ';' && s[a] != '.')
			return 0;
	return 1;
}

/* Token i as a minute of a match: a number of 1 to 130 with a minute mark
 * glued (54') or alone after it (76 '), maybe added time (90 + 1 '). Its
 * end in *end (the token holding the mark). */
static int minute_at(const ctx *c, size_t i, size_t *end)
{
	size_t n;
	const char *s = norm_core(c, i, &n);
	const tok *t = &c->t[i];
	if (n == 0 || n > 3 || s[0] == '0' || norm_digit_run(s, n) != n || strtoul(s, NULL, 10) > 130)
		return 0;
	if (minute_mark(c->s, t->c_off + n, t->off + t->len)) {
		*end = i;
		return 1;
	}
	if (t->c_off + n != t->off + t->len || i + 1 >= c->nt)
		return 0;
	t = &c->t[i + 1];
	if (t->c_len == 0 && minute_mark(c->s, t->off, t->off + t->len)) {
		*end = i + 1;
		return 1;
	}
	return 0;
}

/* Is token i a time in seconds as race results write it, with a decimal
 * point and s glued (59.212s, 0.017s): one or two digits, a point, one to
 * three digits, s? The length of its integer part, or 0. */
static size_t race_seconds(const ctx *c, size_t i)
{
	const char *s = c->s + c->t[i].c_off;
	size_t n = c->t[i].c_len, a = norm_digit_run(s, n), f;
	if (a == 0 || a > 2 || a + 3 > n || s[a] != '.')
		return 0;
	f = norm_digit_run(s + a + 1, n - a - 1);
	return f >= 1 && f <= 3 && a + f + 2 == n && s[n - 1] == 's' ? a : 0;
}

/* A lap time or a gap of race results: 1 m 59.212s "satu menit lima puluh
 * sembilan koma dua satu dua detik", + 0.017s "plus nol koma nol satu
 * tujuh detik" (the minutes' m is no metre here, the point a decimal one). */
int norm_rule_race_time(ctx *c, size_t i, size_t *used)
{
	size_t n, a, at = i;
	const char *s = norm_core(c, i, &n);
	if (!n || !su_is_digit(s[0]))
		return 0;
	if (!(a = race_seconds(c, i))) {
		if (n > 2 || norm_digit_run(s, n) != n || c->t[i].c_off + n != c->t[i].off + c->t[i].len ||
		    i + 2 >= c->nt || !norm_core_is(c, i + 1, "m") || c->t[i + 1].len != 1 ||
		    !(a = race_seconds(c, i + 2)))
			return 0;
		if (num_cardinal(c->sp, s, n) || norm_words(c, "menit"))
			return -1;
		at = i + 2;
		s = norm_core(c, at, &n);
	}
	if (norm_word_break(c) || num_cardinal(c->sp, s, a) || norm_words(c, "koma") || norm_word_break(c) ||
	    num_digits(c->sp, s + a + 1, n - a - 2) || norm_words(c, "detik"))
		return -1;
	*used = at - i + 1;
	return 1;
}

/* Footballers' minutes in a line-up or a list of goals: (Alfarisi 76 '),
 * Hariono 54', Billy (90 + 1 '): "menit tujuh puluh enam". Not inside a
 * single-quoted title ('Malam Pertama 2' ini) opened in the 16 tokens
 * before. */
int norm_rule_minute(ctx *c, size_t i, size_t *used)
{
	size_t end, base = i, n;
	const char *s;
	if (!(n = c->t[i].c_len) || !su_is_digit(c->s[c->t[i].c_off]))
		return 0;
	if (!minute_at(c, i, &end)) {
		if (i + 2 >= c->nt || !norm_core_is(c, i + 1, "+") || c->t[i + 1].len != 1 ||
		    !minute_at(c, i + 2, &end))
			return 0;
		s = norm_core(c, i, &n);
		if (n == 0 || n > 3 || norm_digit_run(s, n) != n || c->t[i].c_off + n != c->t[i].off + c->t[i].len)
			return 0;
		base = i + 2;
	}
	for (size_t k = i > 16 ? i - 16 : 0; k <= i; k++) { /* a quoted title is short; so is '4' */
		const char *w = c->s + c->t[k].off;
		if (c->t[k].c_len && (w[0] == '\'' || (c->t[k].len >= 3 && !memcmp(w, "\xE2\x80\x98", 3))))
			return 0;
	}
	/* a minute follows a player's name; after a common word the mark is
	 * feet (kedalaman 17': "tujuh belas kaki") or not a minute at all */
	if (i > 0 && c->t[i - 1].c_len) {
		static const char *const depth[] = {"kedalaman", "ketinggian", "tinggi", "panjang", "lebar", "jarak",
						    "sedalam", "setinggi", "sepanjang", NULL};
		const char *w = norm_core(c, i - 1, &n);
		size_t k = 0;
		while (k < n && su_is_lower(w[k]))
			k++;
		if (n && k == n) {
			if (!norm_prev_in(c, i, depth) || base != i)
				return 0;
			if (norm_say_uint(c, strtoul(norm_core(c, i, &n), NULL, 10)) || norm_words(c, "kaki"))
				return -1;
			*used = end - i + 1;
			return 1;
		}
	}
	if (norm_words(c, "menit") || norm_say_uint(c, strtoul(norm_core(c, i, &n), NULL, 10)))
		return -1;
	if (base != i && (norm_words(c, "plus") || norm_say_uint(c, strtoul(norm_core(c, base, &n), NULL, 10))))
		return -1;
	*used = end - i + 1;
	return 1;
}

/* Is token i - 1 a name's word no dictionary knows, capitalized and with
 * no mark after it (Rachul in Muhammad Rachul Maulana (13))? Then token i
 * ends a person's name, though it is a word too. */
static int name_before(const ctx *c, size_t i)
{
	size_t n;
	const char *s;
	char low[32];
	if (i == 0)
		return 0;
	s = norm_core(c, i - 1, &n);
	if (n < 3 || n >= sizeof low || !su_is_upper(s[0]) || !su_is_lower(s[n - 1]) ||
	    c->t[i - 1].c_off + n != c->t[i - 1].off + c->t[i - 1].len)
		return 0;
	return !norm_known(c, norm_core_low(c, i - 1, low, sizeof low), n);
}

/* A person's age in brackets after the name: Sukiyati (43) "empat puluh
 * tiga tahun", as a newsreader says it. Not after a word that numbers
 * (Pasal (2), Tahap (3)), an Indonesian word or a country hunspell-id
 * knows (Thailand (72)), a club's word (City (48)), nor near a word of
 * tables and results within 12 tokens (poin, peringkat, skor). */
int norm_rule_age(ctx *c, size_t i, size_t *used)
{
	static const char *const numbering[] = {"pasal", "ayat", "tahap", "bab", "nomor", "no", "bagian", "butir",
						"huruf", "gambar", "tabel", "jilid", "lampiran", "seri", "babak", NULL};
	static const char *const clubs[] = {"city", "town", "united", "rovers", "county", "athletic", "wanderers",
					    "albion", "forest", "villa", "palace", "rangers", "hotspur", "wednesday",
					    "fc", NULL};
	static const char *const table_words[] = {"poin", "peringkat", "klasemen", "skor", "nilai", "suara",
						  "kursi", "medali", "gol", NULL};
	size_t n, pn;
	const char *s = norm_core(c, i, &n), *p, *w = c->s + c->t[i].off;
	char low[16];
	(void)used;
	if (i == 0 || n == 0 || n > 3 || w[0] != '(' || c->t[i].c_off != c->t[i].off + 1 ||
	    c->s[c->t[i].c_off + n] != ')' || norm_digit_run(s, n) != n || s[0] == '0' || strtoul(s, NULL, 10) > 120)
		return 0;
	p = norm_core(c, i - 1, &pn);
	if (pn < 2 || !su_is_upper(p[0]) || !su_is_lower(p[pn - 1]) ||
	    c->t[i - 1].c_off + pn != c->t[i - 1].off + c->t[i - 1].len)
		return 0;
	if (norm_in_list(norm_core_low(c, i - 1, low, sizeof low), numbering) || norm_in_list(low, clubs) ||
	    (norm_known(c, low, pn) && !name_before(c, i - 1)))
		return 0; /* Thailand (72), Burton Albion (47): a country, a club */
	for (size_t k = i > 12 ? i - 12 : 0; k < c->nt && k < i + 12; k++)
		if (norm_in_list(norm_core_low(c, k, low, sizeof low), table_words))
			return 0; /* Liverpool (44) ... poin: a table */
	return num_cardinal(c->sp, s, n) || norm_words(c, "tahun") ? -1 : 1;
}

/* An f-number at q[0..m): 2, 2.2, 16 (one or two digits, one decimal):
 * its length, 0 when none starts there. */
static size_t f_number(const char *q, size_t m)
{
	size_t d = norm_digit_run(q, m);
	if (d == 0 || d > 2 || q[0] == '0')
		return 0;
	if (d + 1 < m && (q[d] == '.' || q[d] == ',') && su_is_digit(q[d + 1]))
		return d + 2 < m && su_is_digit(q[d + 2]) ? 0 : d + 2;
	return d;
}

static int say_f_number(ctx *c, const char *q, size_t m)
{
	size_t d = norm_digit_run(q, m);
	return num_cardinal(c->sp, q, d) || (d < m && (norm_words(c, "koma") || num_digits(c->sp, q + d + 1, 1)));
}

/* A lens's aperture: f/2.2, ƒ/1.8, f / 1.7 spaced, f/3.5-5.6: "ef" and its
 * numbers, the point a comma (ef dua koma dua), not a fraction or "atau". */
int norm_rule_aperture(ctx *c, size_t i, size_t *used)
{
	size_t n, k, m, a, b = 0, dash = 0, j = i;
	const char *s = norm_core(c, i, &n), *q;
	if (n >= 1 && s[0] == 'f')
		k = 1;
	else if (n >= 2 && (unsigned char)s[0] == 0xC6 && (unsigned char)s[1] == 0x92) /* ƒ */
		k = 2;
	else
		return 0;
	if (n == k) { /* f / 1.7 */
		if (i + 2 >= c->nt || c->t[i + 1].len != 1 || c->s[c->t[i + 1].off] != '/' ||
		    c->t[i].c_off + n != c->t[i].off + c->t[i].len)
			return 0;
		q = norm_core(c, j = i + 2, &m);
		if (c->t[j].c_off != c->t[j].off)
			return 0;
	} else if (s[k] == '/' && n > k + 1) {
		q = s + k + 1, m = n - k - 1;
	} else
		return 0;
	if ((a = f_number(q, m)) == 0)
		return 0;
	if (a < m) { /* f/3.5-5.6, f/3.5–5.6 */
		dash = q[a] == '-' ? 1 : m - a >= 3 && !memcmp(q + a, "\xE2\x80\x93", 3) ? 3 : 0;
		if (!dash || (b = f_number(q + a + dash, m - a - dash)) != m - a - dash)
			return 0;
	}
	if (norm_words(c, "ef") || say_f_number(c, q, a) ||
	    (b && (norm_words(c, "sampai") || say_f_number(c, q + a + dash, b))))
		return -1;
	*used = j - i + 1;
	return 1;
}
