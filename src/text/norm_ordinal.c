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

/* Context words after which a Roman numeral is a plain number (Bab II). */
static const char *const roman_cardinal_words[] = {
	"bab", "jilid", "kelas", "pasal", "semester", "tahap", "kuartal", "triwulan", "golongan",
	"sesi", "babak", "seri", "tingkat", "angkatan", "pelita", "repelita", "ayat", "kodam",
	"kodim", "korem", "lantai", "zona", "blok", "wilayah", NULL,
};

/* After these a Roman-looking token is a letter or a size, not a number. */
static const char *const roman_never_words[] = {
	"generasi", "vitamin", "ukuran", "size", "tipe", "type", "model", "huruf", "sinar", NULL,
};

/* Words after which a lone "I" may be English, not a numeral. */
static const char *const roman_i_words[] = {
	"dunia", "paus", "abad", "elizabeth", "paulus", "napoleon", "wilhelmina", "juliana",
	"benediktus", "yohanes", "ratu", "raja", "sultan", "bab", "jilid", "pasal", "tahap", NULL,
};

/* Whether token i is a Roman numeral here, and how it is read (1 ordinal,
 * 2 cardinal). Only I V X L letters (so CV, MD, DI, MIX are words), after
 * a capitalized name (Perang Dunia II, Hamengku Buwono X) or a context
 * word. */
static int roman_kind(const ctx *c, size_t i, unsigned *v)
{
	size_t n, pn;
	const char *s = norm_core(c, i, &n), *p;
	char low[32];
	if (i == 0 || !(*v = num_roman(s, n)) || memchr(s, 'C', n) || (n == 1 && s[0] == 'L') ||
	    (n == 2 && memcmp(s, "XL", 2) == 0))
		return 0;
	norm_core_low(c, i - 1, low, sizeof low);
	if (norm_in_list(low, roman_never_words))
		return 0;
	if (norm_in_list(low, roman_cardinal_words))
		return 2;
	if (n == 1 && s[0] == 'I')
		return norm_in_list(low, roman_i_words) ? 1 : 0;
	if (!strcmp(low, "abad") || !strcmp(low, "dunia"))
		return 1;
	p = norm_core(c, i - 1, &pn);
	return pn > 1 && su_is_upper(p[0]) && su_is_lower(p[pn - 1]) &&
	       c->t[i - 1].c_off + pn == c->t[i - 1].off + c->t[i - 1].len;
}

int norm_rule_roman(ctx *c, size_t i, size_t *used)
{
	unsigned v;
	char d[16];
	int kind = roman_kind(c, i, &v);
	(void)used;
	if (!kind)
		return 0;
	snprintf(d, sizeof d, "%u", v);
	if (kind == 2)
		return num_cardinal(c->sp, d, strlen(d)) ? -1 : 1;
	return num_ordinal(c->sp, d, strlen(d)) ? -1 : 1;
}
