/* norm_int.h: the normalizer's insides, shared by normalize.c (the rule
 * list, pieces and punctuation) and one file per family of rules:
 * norm_tokens.c, norm_numbers.c, norm_dates.c, norm_money.c,
 * norm_ordinal.c, norm_web.c, norm_words.c. */
#ifndef SUARA_NORM_INT_H
#define SUARA_NORM_INT_H

#include <stddef.h>
#include <stdint.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "text/normalize.h"
#include "text/number.h"
#include "text/table.h"





enum { T_WORDS, T_UNITS, T_CURRENCY, T_WEB, T_LEXICON, T_ACRONYMS, T_COUNT };

/* The classes of contexts.tsv. */
enum { CTX_TIME, CTX_DATE, CTX_SCORE, CTX_ROMAN_CARDINAL, CTX_ROMAN_NEVER, CTX_ROMAN_I, CTX_SCALE,
       CTX_MONTH, CTX_LETTER, CTX_DIGITS, CTX_ADDRESS, CTX_PLAIN_AFTER, CTX_RANGE, CTX_LAW, CTX_ROMAN_ORDINAL,
       CTX_COORDINATE, CTX_PART, CTX_COUNT };

struct norm_rules {
	table t[T_COUNT];
	/* contexts.tsv: per class, its words (NULL-terminated, for
	 * norm_in_list) and their values (scales, months) */
	const char **ctx_word[CTX_COUNT], **ctx_value[CTX_COUNT];
	char *ctx_mem;
	const char *month[12];
	const char *letter[26];      /* a..z: their names, for spelling */
	norm_known_fn known;         /* words the pronunciation knows, or NULL */
	void *known_ud;
	norm_known_fn english;       /* English words it says in English, or NULL */
	void *english_ud;
};

/* A whitespace-separated token: off/len in the sentence; the core is what is
 * left after leading and trailing punctuation is cut off. */
typedef struct {
	size_t off, len, c_off, c_len;
} tok;

typedef struct {
	const norm_rules *r;
	const char *s;
	const tok *t;
	size_t nt;
	sbuf *sp;
	int headline; /* -1 not known yet, else whether the sentence is one */
	int ate_dot; /* the rule consumed the period after the core: 1, or 2
		      * when that period may also end the sentence (dll.) */
} ctx;

typedef struct {
	const char *sign;      /* "minus", "plus", "plus minus" or NULL */
	const char *ip, *fp;   /* integer part (maybe grouped), fraction digits */
	size_t ipn, fpn;
	int grouped;
} number;

uint32_t norm_cp_at(const char *s, size_t len, size_t pos, size_t *n);

/* A keycap emoji at s[k]: 0-9, # or *, then U+FE0F (may be left out) and
 * U+20E3. Its length in bytes, or 0. */
size_t norm_keycap_len(const char *s, size_t n, size_t k);

/* Is there an en or em dash whose UTF-8 was read as Windows-1252 and
 * written again (â€“, â€”: 8 bytes) at s[k], inside s[0..n)? */
int norm_mojibake_dash(const char *s, size_t n, size_t k);

int norm_split_tokens(const char *s, size_t len, vec *toks);

const char *norm_core(const ctx *c, size_t i, size_t *n);

/* Core of token i lowercased into buf (ASCII letters only), "" when too long
 * or out of range. For matching context words like "pukul". */
const char *norm_core_low(const ctx *c, size_t i, char *buf, size_t cap);

/* Is the core of token i the word w (lowercase ASCII)? Same answer as
 * comparing core_low with w, without the copy. */
int norm_core_is(const ctx *c, size_t i, const char *w);

int norm_in_list(const char *w, const char *const *list);

/* Is token i a whole number of at most four digits, nothing around it
 * (200, 1344)? */
int norm_all_digits(const ctx *c, size_t i);

size_t norm_digit_run(const char *s, size_t n);

int norm_words(ctx *c, const char *w);

/* The space before a word written piecemeal: norm_words(c, "") without the
 * empty append. */
int norm_word_break(ctx *c);

/* Glue a suffix to the last word written: "puluh" + "an". */
int norm_glue(ctx *c, const char *suffix);

/* A number at the start of s[0..n): 1.234.567,89 (Indonesian), 1,234,567
 * (English grouping, two groups at least), 12345, 0,5. Returns bytes used,
 * 0 when s does not start with one. */
size_t norm_scan_number(const char *s, size_t n, number *x);

int norm_say_number(ctx *c, const number *x);

int norm_say_uint(ctx *c, unsigned long v);

/* Up to three numbers a<sep>b<sep>c, each 1..maxw digits. Returns the
 * count of numbers (0 when s is not of that shape). */
int norm_scan_fields(const char *s, size_t n, const char *seps, long v[3], size_t w[3],
		       char *sep);

int norm_prev_in(const ctx *c, size_t i, const char *const *list);

/* Does the pronunciation know s[0..n), lowercased, as a word (the roots
 * table, hunspell-id and its affixes)? 1 for a word too long to ask; 0
 * when no pronunciation is attached. */
int norm_known(const ctx *c, const char *s, size_t n);

/* A unit or currency word for s[0..n) after a number: "kg", "%", "°C",
 * "USD"; *per set for "/kg" (said "per kilogram"). */
const char *norm_find_unit(const ctx *c, const char *s, size_t n, int *per);

int norm_say_unit(ctx *c, const char *v, int per);

/* Numbers, dates, times, ranges, with a unit glued on: 5,5%, 10kg, 30°C. */
int norm_rule_numeric(ctx *c, size_t i, size_t *used);
int norm_rule_minute(ctx *c, size_t i, size_t *used);
int norm_rule_aperture(ctx *c, size_t i, size_t *used);
int norm_rule_era(ctx *c, size_t i, size_t *used);
int norm_rule_race_time(ctx *c, size_t i, size_t *used);
/* Is token i two numbers of one or two digits joined by a dash (21-13)? */
int norm_score_shaped(const ctx *c, size_t i);
int norm_spaced_score(const ctx *c, size_t i);
int norm_rule_slash_code(ctx *c, size_t i, size_t *used);
int norm_rule_age(ctx *c, size_t i, size_t *used);
int norm_rule_rt_rw(ctx *c, size_t i, size_t *used);

/* A unit as its own token after a number or "per": 10 kg, per kg, 1500 USD. */
int norm_rule_unit_after(ctx *c, size_t i, size_t *used);

/* 22/09/2022, 17-8-1945, 17.08.1945, (27/3), tgl 27/3, 2023-05-03. */
/* Is token i a slash alone between a day and month and a year, a date
 * the text spaced apart (5/12 / 2017)? */
int norm_spaced_year(const ctx *c, size_t i);
int norm_try_date(ctx *c, size_t i, const char *s, size_t n);

/* Rp 12.500, Rp12.500, Rp 2.500,-, Rp1,02 triliun, US$ 5, $100, Rp 10.000/kg:
 * amount, scale, currency name. */
int norm_rule_money(ctx *c, size_t i, size_t *used);

/* ke-2 kedua, ke-1 pertama, ke-21, ke-XXI. */
int norm_rule_ordinal(ctx *c, size_t i, size_t *used);

/* Is the V or v at token i, its core s[0..n), "versus" between names
 * (Batman V Superman)? */
int norm_versus(const ctx *c, size_t i, const char *s, size_t n);
int norm_rule_roman(ctx *c, size_t i, size_t *used);

int norm_rule_web(ctx *c, size_t i, size_t *used);

/* Abbreviations, titles, symbols and time zones from abbrev.tsv: dll.,
 * Jl., Dr., &, WIB. The period is part of the key ("dll."). */
int norm_rule_abbrev(ctx *c, size_t i, size_t *used);

/* Lexicon entries (whole words, respelled or [[phonemes]]), else the word. */
int norm_rule_word(ctx *c, size_t i, size_t *used);

/* Is s[0..n) one or more "per" parts, each a slash and a unit or a word
 * in small letters (/gram, /kg/hari, /bulan/orang)? */
int norm_per_parts(const ctx *c, const char *s, size_t n);
/* Say the "per" parts s[0..n) (Rp 1.050.000/gram, Rp10.000/kg/hari): "per"
 * and each part, a unit by its name. 1, 0 when s is no such parts, -1 out
 * of memory. */
int norm_per_word(ctx *c, const char *s, size_t n);

/* The spoken scale of an amount (rb: ribu) for s[0..n), or NULL. */
const char *norm_scale(const norm_rules *r, const char *s, size_t n);

#endif
