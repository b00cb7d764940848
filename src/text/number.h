/* number.h: numbers as Indonesian words.
 *
 * Pure functions that append words to a buffer, each word preceded by one
 * space unless the buffer is empty or already ends in a space. Digit strings
 * may contain separators (any non-digit byte is skipped), so `1.234.567`
 * can be passed as written. All return 0, or -1 when out of memory. */
#ifndef SUARA_NUMBER_H
#define SUARA_NUMBER_H

#include <stddef.h>

#include "base/buf.h"

/* Longest digit run read with scale words (up to kuintiliun, 10^18 groups);
 * longer runs are read digit by digit. */
#define NUM_MAX_DIGITS 21

/* Append one word (or several, already spaced). */
int num_word(sbuf *b, const char *w);
/* Cardinal: "1234" -> "seribu dua ratus tiga puluh empat"; all zeros "nol". */
int num_cardinal(sbuf *b, const char *s, size_t n);
/* Digit by digit: "0812" -> "nol delapan satu dua". */
int num_digits(sbuf *b, const char *s, size_t n);
/* Ordinal: "2" -> "kedua", "1" -> "pertama", "20" -> "kedua puluh". */
int num_ordinal(sbuf *b, const char *s, size_t n);
/* Value of a canonical Roman numeral in I V X L C (1..399), 0 when s[0..n)
 * is not one (so "IIII", "VX" and "CV" with other letters are rejected). */
unsigned num_roman(const char *s, size_t n);
/* Value of up to 9 ASCII digits in s[0..n) (no separators), or -1. */
long num_small(const char *s, size_t n);

#endif
