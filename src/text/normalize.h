/* normalize.h: Indonesian text normalization (written form -> spoken form).
 *
 * Turns one sentence as written into the words a careful newsreader says,
 * ready for espeak-ng. The spoken text is made of pieces; each piece maps a
 * span of the spoken text back to the written span it came from, so word
 * timestamps can point at the written words (`Rp 12.500` is one written span
 * for all of "dua belas ribu lima ratus rupiah"). Tables that users extend
 * live in the voice folder (voices/id/). */
#ifndef SUARA_NORMALIZE_H
#define SUARA_NORMALIZE_H

#include <stddef.h>

#include "base/buf.h"
#include "text/table.h"

typedef struct norm_rules norm_rules;

/* One piece of spoken text and the written text it stands for. Offsets:
 * sp_* into the spoken buffer, src_* into the sentence text given to
 * norm_sentence. Pieces are in order and do not overlap on either side. */
typedef struct {
	size_t src_off, src_len;
	size_t sp_off, sp_len;
} norm_piece;

/* Load the tables from the voice folder dir. 0 on success (*out set; free
 * with norm_rules_free), -1 on failure with a message naming the file, line
 * and problem in err. */
int norm_rules_load(norm_rules **out, const char *dir, char *err, size_t errlen);
void norm_rules_free(norm_rules *r);

/* Is the lowercase ASCII word s[0..n) an Indonesian word? (The
 * pronunciation's dictionary answers it: pron.h.) */
typedef int (*norm_known_fn)(void *ud, const char *s, size_t n);
/* Tell the rules which words are words: an all-capital token of a
 * headline ("PRESIDEN TIBA DI BALI") is then read as the word it is, not
 * spelled. Without it, every short all-capital token is spelled. */
void norm_set_known(norm_rules *r, norm_known_fn known, void *ud);
/* And which are English, not Indonesian (pron_is_english): an all-capital
 * English word of four or five letters (LOVE, HOPE) is then read as the
 * word, not spelled. */
void norm_set_english(norm_rules *r, norm_known_fn english, void *ud);

/* The abbreviation table (abbrev.tsv) the rules hold, which the sentence
 * segmenter reads too (seg_rules_from_table): loaded once for both. */
const table *norm_abbreviations(const norm_rules *r);

/* Where a reporter's code closing a news text starts: "(rah)", "(ahi /
 * win)", "[rhm]", up to three parts of two to six small letters in
 * parentheses or brackets,
 * after the sentence's final mark (its offset) or standing alone (0); len
 * when there is none. A newsreader does not say it: norm_sentence leaves
 * it out of the spoken text (a piece that says nothing), unless it is the
 * whole sentence, which the caller joins to the sentence before it
 * (speak.h). Only small letters and no more words: a note such as
 * "(tidak dimainkan)", or "(kiper)" after a name, is said. */
size_t norm_byline(const char *s, size_t len);

/* Normalize the sentence text[0..len) (valid UTF-8, no line breaks).
 * Appends the spoken form to *spoken (words separated by single spaces,
 * sentence punctuation kept where it shapes intonation) and one norm_piece
 * per written token to *pieces (a vec of norm_piece); a reporter's code
 * after the sentence's end (norm_byline) is not said. Returns 0, or -1 when
 * out of memory (the outputs then hold a partial result to be discarded). */
int norm_sentence(const norm_rules *r, const char *text, size_t len, sbuf *spoken,
		  vec *pieces);

#endif
