/* ascii.h: ASCII classes and case, without the locale (<ctype.h> depends
 * on it, and is wrong on the bytes of UTF-8). Header-only. */
#ifndef SUARA_ASCII_H
#define SUARA_ASCII_H

static inline int su_is_digit(char c) { return c >= '0' && c <= '9'; }
static inline int su_is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static inline int su_is_lower(char c) { return c >= 'a' && c <= 'z'; }
/* c with an ASCII capital made small; every other byte as it is. */
static inline char su_lower(char c) { return su_is_upper(c) ? (char)(c - 'A' + 'a') : c; }
static inline char su_upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; }

#endif
