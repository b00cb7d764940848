/* pron.h: how an Indonesian word is said: the quality of each letter e
 * (pepet /ə/ or taling /e ɛ/) and the stressed syllable, as espeak-ng
 * phoneme mnemonics.
 *
 * Sits between normalization and the engine. Every word with an e becomes
 * [[phonemes]] (espeak-ng's phoneme input, which keeps one word event per
 * word); everything else reaches the engine as written. Pepet is `@`,
 * taling `e` in an open syllable and `E2` in a closed one (espeak-ng's `E`
 * would become schwa when unstressed), and `'` marks the stress: the
 * penultimate syllable, or the last when the penultimate vowel is pepet,
 * counted on the word less its clitics (-nya, -lah, -kah, -pun, -ku, -mu).
 *
 * Each e is decided, in this order: a table of roots in the voice folder
 * (roots.tsv, KBBI-style respellings with é for taling; homographs.tsv
 * for words whose reading depends on a neighbour), the morphology (the e
 * of a prefix me(N)-, be(r)-, pe(N/r)-, te(r)-, ke-, se- is pepet;
 * suffixes and clitics are peeled before the root is judged, with
 * stems of hunspell-id, see morph.h), then rules for roots the table does
 * not have (rules in pron.c: a final e is taling; loanword shapes). */
#ifndef SUARA_PRON_H
#define SUARA_PRON_H

#include <stddef.h>

#include "base/buf.h"

typedef struct pron_rules pron_rules;

/* Load roots.tsv and homographs.tsv from the voice folder dir and open the
 * affix dictionary dic_base (see morph_open; NULL or "" for none). 0 with
 * *out set, or -1 with a message naming the file and line in err. */
int pron_load(pron_rules **out, const char *dir, const char *dic_base, char *err, size_t errlen);
void pron_free(pron_rules *p);
/* Was the affix dictionary found? */
int pron_has_dictionary(const pron_rules *p);

/* Is the lowercase ASCII word w[0..n) an Indonesian word: a root of the
 * table or of the dictionary, alone or with its affixes? (A
 * norm_known_fn, for normalize.h's headlines.) */
int pron_is_word(void *p, const char *w, size_t n);

/* Is the lowercase ASCII word w[0..n) English and not Indonesian: in
 * hunspell-en-us (see pron_set_english; inflected or in its British
 * spelling too), of three letters or more, and neither a root nor a word
 * of the Indonesian lists? (A norm_known_fn, for normalize.h's
 * norm_set_english.) */
int pron_is_english(void *p, const char *w, size_t n);

/* Append the phonemes of the word w[0..n) (UTF-8) to out, without
 * brackets; the parts of a hyphenated word are separated by spaces.
 * Returns 1 when the word was pronounced here, 0 when it is left to the
 * engine (no letter e, all capitals, or letters this module does not
 * read), -1 when out of memory. */
int pron_word(const pron_rules *p, const char *w, size_t n, sbuf *out);

/* Where a run of the engine's text came from: engine bytes from eng_off
 * on stand for the spoken text from sp_off on, byte for byte when copied,
 * else all for the word at sp_off. */
typedef struct {
	size_t eng_off, sp_off;
	int copied;
} pron_anchor;

/* Make the engine's text for the spoken text sp[0..len) (normalize.h's
 * output): words with an e become [[phonemes]], English words
 * [[_^_en-us phonemes _^_id]] (see pron_set_english), the rest is copied.
 * Appends to *eng and one pron_anchor per run to *anchors (both cleared
 * first). 0, or -1 when out of memory. */
int pron_sentence(const pron_rules *p, const char *sp, size_t len, sbuf *eng, vec *anchors);

/* A name English only beside English words (Jason, beside Voorhees) is
 * said in English all through its document once it is so said anywhere
 * in it. pron_collect makes pron_sentence's decisions on the spoken
 * sentence sp[0..len), with *eng and *anchors as scratch (the English
 * phonemes are not asked for), and appends to *names each such name it
 * says in English, one a line ("Jason\nMiller\n"), once, while the list
 * stays within PRON_NAMES_MAX bytes; the caller gives it every sentence of
 * the document. pron_set_document(p, names, len) makes such a list the
 * document's for the sentences said next (len 0: none). 0; -1 when out of
 * memory (pron_collect), or a list too long or not ending in a line break
 * (pron_set_document, which then keeps none). */
#define PRON_NAMES_MAX 2048
int pron_collect(const pron_rules *p, const char *sp, size_t len, sbuf *eng, vec *anchors, sbuf *names);
int pron_set_document(pron_rules *p, const char *names, size_t len);

/* The phonemes of the English word w[0..n), appended to *out: 0; 1 when
 * there are none; -1 when out of memory. */
typedef int (*pron_phonemes_fn)(void *ud, const char *w, size_t n, sbuf *out);

/* Say English words (not Indonesian, in the hunspell dictionary dic, e.g.
 * /usr/share/hunspell/en_US.dic) with the phonemes fn gives, in the
 * espeak-ng phoneme table table (en-us), then back to main_table (id). dic
 * NULL or missing, or fn NULL: none. 0, or -1 with errno when dic cannot
 * be read or memory runs out (ENOMEM). */
int pron_set_english(pron_rules *p, const char *dic, const char *table, const char *main_table,
		     pron_phonemes_fn fn, void *ud);

/* The spoken offset an engine offset stands for. */
size_t pron_map(const vec *anchors, size_t eng_off);

#endif
