/* morph.h: the structure of an Indonesian word: prefixes, root, suffixes
 * and clitics, by an affix grammar of Indonesian over the stems of
 * Debian's hunspell-id (its .dic word list, read directly: libhunspell's
 * own start-up takes 10 ms, a tenth of a short article's render).
 *
 * "pemerintahnya" is pe(N)- + perintah + -nya: the root's letters in the
 * word are "erintah" (the prefix's nasal took the place of its p), the
 * stem is "perintah", and -nya is a clitic, outside the word's stress.
 * The pronunciation module asks for this to judge each letter e: the e of
 * a prefix is always pepet, the e of a root is the root's own. */
#ifndef SUARA_MORPH_H
#define SUARA_MORPH_H

#include <stddef.h>

typedef struct morph morph;

/* Is s[0..n) a root the caller knows (its pronunciation table)? */
typedef int (*morph_known_fn)(void *ud, const char *s, size_t n);

#define MORPH_STEM_MAX 64

typedef struct {
	size_t root_off, root_len; /* the root's letters in the word */
	size_t domain_len;         /* the word less its clitics: where stress falls */
	char stem[MORPH_STEM_MAX]; /* the root as a dictionary has it, NUL-terminated */
	size_t stem_skip;          /* leading letters of stem not in the word (0 or 1) */
	int found;                 /* 0: nothing known; the root is the whole word */
} morph_parse;

/* Read the stems of the hunspell dictionary dic_base.dic (hunspell-id,
 * e.g. /usr/share/hunspell/id_ID): the word before each '/'. Returns 0
 * with *out set; when the file is missing, 0 with a morph that knows only
 * the affixes (its roots are then the caller's); -1 with errno when it
 * cannot be read or memory runs out. */
int morph_open(morph **out, const char *dic_base);
/* Did morph_open find the dictionary? */
int morph_has_dictionary(const morph *m);
void morph_close(morph *m);

/* Parse the lowercase ASCII word w[0..n) (letters, no hyphen). A word
 * that is a root itself (known to the caller, or a stem of the
 * dictionary) is its own root; otherwise the longest root, known to
 * either, that prefixes and suffixes frame, each prefix in the shape it
 * takes before what follows it (meN- is men- before d, t, c, j ...). known
 * may be NULL. Always fills *p; p->found says whether a root was found. */
void morph_parse_word(const morph *m, const char *w, size_t n, morph_known_fn known, void *ud,
		      morph_parse *p);

#endif
