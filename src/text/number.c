/* number.c: numbers as Indonesian words; see number.h. */
#include "text/number.h"

#include <string.h>

static const char *const unit_word[10] = {
	"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
};

/* Multipliers with their se- form: sepuluh, sebelas, seratus, seribu. */
enum { M_PULUH, M_BELAS, M_RATUS, M_RIBU };
static const struct {
	const char *word, *se;
} mult[] = {
	{"puluh", "sepuluh"}, {"belas", "sebelas"}, {"ratus", "seratus"}, {"ribu", "seribu"},
};

/* Scale words for groups of three digits, from 10^3 up. */
static const char *const scale_word[] = {
	"", "ribu", "juta", "miliar", "triliun", "kuadriliun", "kuintiliun",
};

int num_word(sbuf *b, const char *w)
{
	if (b->len && b->data[b->len - 1] != ' ' && sbuf_addc(b, ' ') != 0)
		return -1;
	return sbuf_adds(b, w);
}

/* "d mult": one digit times a multiplier, using the se- form for 1. */
static int times(sbuf *b, unsigned d, int m)
{
	if (d == 1)
		return num_word(b, mult[m].se);
	if (num_word(b, unit_word[d]) != 0)
		return -1;
	return num_word(b, mult[m].word);
}

static int below_hundred(sbuf *b, unsigned v)
{
	unsigned t = v / 10, u = v % 10;
	if (v == 0)
		return 0;
	if (v < 10)
		return num_word(b, unit_word[v]);
	if (v == 10)
		return num_word(b, mult[M_PULUH].se);
	if (v < 20)
		return times(b, u, M_BELAS);
	if (times(b, t, M_PULUH) != 0)
		return -1;
	return u ? num_word(b, unit_word[u]) : 0;
}

static int below_thousand(sbuf *b, unsigned v)
{
	if (v >= 100 && times(b, v / 100, M_RATUS) != 0)
		return -1;
	return below_hundred(b, v % 100);
}

/* Copy the digits of s[0..n) into d; returns their count (may exceed cap,
 * in which case d holds only the first cap). */
static size_t gather(const char *s, size_t n, char *d, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9') {
			if (k < cap)
				d[k] = s[i];
			k++;
		}
	return k;
}

int num_digits(sbuf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9' && num_word(b, unit_word[s[i] - '0']) != 0)
			return -1;
	return 0;
}

static int groups(sbuf *b, const char *d, size_t k)
{
	size_t ng = (k + 2) / 3, first = k - (ng - 1) * 3, at = 0;
	for (size_t g = ng; g-- > 0;) {
		size_t w = at == 0 ? first : 3;
		unsigned v = 0;
		for (size_t i = 0; i < w; i++)
			v = v * 10 + (unsigned)(d[at + i] - '0');
		at += w;
		if (v == 0)
			continue;
		if (g == 1 && v == 1) {
			if (num_word(b, mult[M_RIBU].se) != 0)
				return -1;
			continue;
		}
		if (below_thousand(b, v) != 0 || (g && num_word(b, scale_word[g]) != 0))
			return -1;
	}
	return 0;
}

int num_cardinal(sbuf *b, const char *s, size_t n)
{
	char d[NUM_MAX_DIGITS];
	size_t k = gather(s, n, d, sizeof d), z = 0;
	if (k > NUM_MAX_DIGITS)
		return num_digits(b, s, n);
	while (z < k && d[z] == '0')
		z++;
	if (z == k)
		return num_word(b, unit_word[0]);
	return groups(b, d + z, k - z);
}

int num_ordinal(sbuf *b, const char *s, size_t n)
{
	char d[NUM_MAX_DIGITS];
	size_t k = gather(s, n, d, sizeof d), at;
	if (k == 1 && d[0] == '1')
		return num_word(b, "pertama");
	if (num_word(b, "ke") != 0)
		return -1;
	at = b->len;
	if (num_cardinal(b, s, n) != 0)
		return -1;
	/* glue "ke" to the first word: "ke dua" -> "kedua" */
	if (at < b->len && b->data[at] == ' ') {
		memmove(b->data + at, b->data + at + 1, b->len - at);
		b->len--;
	}
	return 0;
}


static unsigned roman_digit(char c)
{
	switch (c) {
	case 'I': return 1;
	case 'V': return 5;
	case 'X': return 10;
	case 'L': return 50;
	case 'C': return 100;
	default: return 0;
	}
}

/* Canonical spelling of v (1..399) into out. */
static void roman_spell(unsigned v, char *out)
{
	static const struct { unsigned v; const char *s; } t[] = {
		{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"},
		{9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
	};
	*out = '\0';
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		while (v >= t[i].v) {
			strcat(out, t[i].s);
			v -= t[i].v;
		}
}

unsigned num_roman(const char *s, size_t n)
{
	unsigned v = 0;
	char canon[32];
	if (n == 0 || n > 12)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned d = roman_digit(s[i]), next = i + 1 < n ? roman_digit(s[i + 1]) : 0;
		if (!d)
			return 0;
		v = d < next ? v - d : v + d;
	}
	if (v == 0 || v > 399)
		return 0;
	roman_spell(v, canon);
	return strlen(canon) == n && memcmp(canon, s, n) == 0 ? v : 0;
}

long num_small(const char *s, size_t n)
{
	long v = 0;
	if (n == 0 || n > 9)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}
