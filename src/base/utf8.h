/* utf8.h: strict UTF-8 decoding and locale-free character classes.
 *
 * Input is validated once, at the boundary (utf8_validate); code after that
 * may use utf8_next on the validated text. Classes come from utf8proc's
 * Unicode tables, never from <ctype.h>, so they do not depend on the locale. */
#ifndef SUARA_UTF8_H
#define SUARA_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s[0..len). Returns its byte length (1..4) and
 * stores it in *cp; returns 0 for an invalid or truncated sequence (overlong
 * forms, surrogates and values above U+10FFFF are invalid). len must be > 0. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Check s[0..len). Returns len when all of it is valid, otherwise the byte
 * offset of the first bad sequence. */
size_t utf8_validate(const char *s, size_t len);

/* Decode the code point at *pos in validated text, advance *pos past it.
 * Returns 0 at the end. */
uint32_t utf8_next(const char *s, size_t len, size_t *pos);
/* Decode the code point ending just before *pos, move *pos to its start.
 * Returns 0 at the start. */
uint32_t utf8_prev(const char *s, size_t *pos);

/* Encode cp into out (at least 4 bytes). Returns the byte length. */
size_t utf8_encode(uint32_t cp, char *out);

/* Character classes (Unicode general categories). */
int u_isalpha(uint32_t cp);   /* letters L* */
int u_isupper(uint32_t cp);   /* Lu, Lt */
int u_islower(uint32_t cp);   /* Ll */
int u_isdigit(uint32_t cp);   /* ASCII 0-9 only: Indonesian numbers are ASCII */
int u_isalnum(uint32_t cp);   /* letter, mark or any Nd digit */
int u_isspace(uint32_t cp);   /* Zs, TAB, LF, VT, FF, CR, NEL, U+2028/9 */
int u_isinvisible(uint32_t cp); /* zero-width and format characters (Cf) */
uint32_t u_tolower(uint32_t cp);
/* Emoji and other pictographs (Extended_Pictographic), and the regional
 * indicators that pair into flags. */
int u_ispictograph(uint32_t cp);

/* End of the extended grapheme cluster that starts at byte pos of
 * s[0..len): an emoji with its skin tone, ZWJ sequence or flag pair. */
size_t utf8_cluster_end(const char *s, size_t len, size_t pos);

#endif
