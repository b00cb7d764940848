/* wordset.h: the words of a hunspell dictionary (its .dic file: the stem
 * before each '/'), as a hash set, for "is this a word of the language?".
 * hunspell-id's for the affix grammar (morph.h), hunspell-en-us's for
 * English words in Indonesian text (pron.h). */
#ifndef SUARA_WORDSET_H
#define SUARA_WORDSET_H

#include <stddef.h>
#include <stdint.h>

#define WORDSET_PREFIXES 16

typedef struct {
	const char *file; /* the .dic file, mapped read-only */
	size_t len;
	uint64_t *slot;   /* nslots entries (see wordset.c), 0 when empty */
	size_t nslots, count;
	int mode;         /* what wordset_load was given as names */
	int full;         /* the table filled up while loading */
	/* the .aff file's plain prefixes (wordset_load_prefixes): flag and
	 * prefix, "re" for A in hunspell-en-us */
	char pfx_flag[WORDSET_PREFIXES];
	char pfx[WORDSET_PREFIXES][8];
	size_t npfx;
} wordset;

/* What wordset_load keeps of the words with a capital (names). */
enum {
	WORDSET_SMALL, /* leaves them out: words in small letters only */
	WORDSET_ALL,   /* makes them small (Jawa is jawa) */
	WORDSET_CASE   /* keeps them apart, for wordset_has_name (Cole) */
};

/* Read path into w (zeroed by the caller): words of a-z, '-' and ' (with a
 * capital, as names says). 0, also when there is no such file or it is
 * empty (then w is empty); -1 with errno when it cannot be read, or
 * memory runs out (ENOMEM). The file stays mapped until wordset_free. */
int wordset_load(wordset *w, const char *path, int names);
/* Read from the .aff file at path the prefixes that add letters and take
 * none away, whatever the word ("PFX A 0 re ."), so that wordset_has finds
 * the words they make (replay from play/A, display from play/E). 0, also
 * when there is no such file; -1 with errno when it cannot be read. */
int wordset_load_prefixes(wordset *w, const char *path);
void wordset_free(wordset *w);
/* Is the lowercase s[0..n) one of the words (with WORDSET_CASE, one of
 * those in small letters), or one of them after a prefix its flags allow? */
int wordset_has(const wordset *w, const char *s, size_t n);
/* Is the lowercase s[0..n) one of the words in small letters, with two
 * affix flags or more (swift/PTSMRY, bale/DRSMZG; not cesar, marc/S): a
 * common word, not a rare one? */
int wordset_inflected(const wordset *w, const char *s, size_t n);
/* With WORDSET_CASE: is the lowercase s[0..n), with a capital first, one of
 * the names (Cole, from s "cole")? */
int wordset_has_name(const wordset *w, const char *s, size_t n);
/* Was anything loaded? */
int wordset_loaded(const wordset *w);

#endif
