/* table.h: the voice folder's word tables (written<TAB>spoken, and for
 * abbrev.tsv written<TAB>spoken<TAB>class), loaded once, sorted, looked up
 * exactly or with ASCII case folded. */
#ifndef SUARA_TABLE_H
#define SUARA_TABLE_H

#include <stddef.h>
#include <stdint.h>

/* The classes of abbrev.tsv (see its header). */
enum abbrev_class { AB_TITLE, AB_ABBREV, AB_STARTER, AB_RUNON, AB_LABEL, AB_WORD, AB_NONE };

typedef struct {
	const char *key;
	const char *val;  /* NULL: said as written ("-" in abbrev.tsv) */
	int cls;          /* enum abbrev_class; AB_NONE in the other tables */
	size_t line;      /* in its file, for messages */
} entry;

/* A one-hash Bloom filter over the keys, so most lookups of ordinary
 * words end without a search. Before it, two cheaper filters that need no
 * hashing and little memory: the key lengths and the first bytes present. */
#define BLOOM_BITS 65536u

#define SPACED_BITS 4096u

#define LEN_BITS 64u /* lengths of LEN_BITS - 1 bytes and more share a bit */

typedef struct {
	entry *e;
	size_t n;
	char *mem; /* the file, cut into NUL-terminated keys and values */
	int spaced; /* some key is of several words (Gigi Hadid) */
	unsigned char first_word[SPACED_BITS / 8]; /* a bit per first word of such a key, ASCII case folded */
	uint64_t first_lens;                       /* and a bit per its length, for a cheaper test first */
	unsigned char first_bytes[256 / 8];        /* and per its first byte, folded */
	uint64_t lens;              /* bit min(length, LEN_BITS - 1) per key */
	unsigned char first[256 / 8]; /* bit per first byte of a key */
	unsigned char bloom[BLOOM_BITS / 8];
} table;

int table_fail(char *err, size_t errlen, const char *path, size_t line, const char *msg);

/* Load dir/name into t (zeroed first by the caller): with classes, the
 * three columns of abbrev.tsv. 0, or -1 with a message naming the file and
 * line in err. Free with table_free. */
int table_load(table *t, const char *dir, const char *name, int classes, char *err, size_t errlen);
void table_free(table *t);
/* The name of a class, as written in abbrev.tsv. */
const char *table_class_name(int cls);

/* The value of s[0..n), exactly; NULL when absent or said as written. */
const char *table_lookup(const table *t, const char *s, size_t n);

/* Exact, then with ASCII letters lowercased (keys of at least min_fold
 * bytes only, so "M" does not become "m"). */
const entry *table_lookup_fold_entry(const table *t, const char *s, size_t n, size_t min_fold);

const char *table_lookup_fold(const table *t, const char *s, size_t n, size_t min_fold);

/* May a key of several words start with the word s[0..n) (ASCII case
 * folded)? 0 means none does; 1, perhaps one does. */
int table_may_start(const table *t, const char *s, size_t n);

#endif
