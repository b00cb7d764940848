/* input.h: reading input text and finding its paragraphs.
 *
 * The whole input is read into memory, validated as strict UTF-8 once, and
 * its lines are noted; then it becomes, in place, a working text where every
 * line break and control character is a space, byte for byte: offsets in
 * the working text are offsets in the input file. Paragraphs are runs of
 * lines separated by blank lines (lines of only spaces, tabs and the like),
 * or, with by_line set, every line that is not blank. */
#ifndef SUARA_INPUT_H
#define SUARA_INPUT_H

#include <stddef.h>

typedef struct {
	char *raw;       /* the input as read; once valid, the working text */
	char *text;      /* working text, same length, NUL-terminated */
	size_t len;
	size_t start;    /* 3 when the input starts with a BOM, else 0 */
	size_t *nl;      /* line k ends at nl[k]: its '\n', or len for the last */
	unsigned char *blank; /* line k is blank as read */
	size_t nlines;
	int by_line;     /* a paragraph is one line (--paragraphs line) */
} input_doc;

typedef struct {
	size_t off, len; /* first to last non-blank byte of the paragraph */
} input_para;

/* Read path ("-": standard input) into doc. Returns SUARA_OK, SUARA_ERR_READ
 * (errno describes it), SUARA_ERR_TEXT (a bad byte or a NUL: *bad_off is
 * its offset) or SUARA_ERR_NOMEM. */
int input_read(input_doc *doc, const char *path, size_t *bad_off);

/* Validate and prepare bytes already in memory (takes ownership of raw,
 * which must have len + 1 bytes allocated). Same returns as input_read. */
int input_take(input_doc *doc, char *raw, size_t len, size_t *bad_off);

void input_free(input_doc *doc);

/* Line (1-based) and column (1-based, in characters) of byte off. */
void input_position(const input_doc *doc, size_t off, size_t *line, size_t *col);

/* The next paragraph at or after *pos: returns 1 and fills *p, or 0 at the
 * end. Advances *pos. */
int input_next_para(const input_doc *doc, size_t *pos, input_para *p);

/* Does text[0..len) hold anything but whitespace? */
int input_has_text(const char *text, size_t len);

#endif
