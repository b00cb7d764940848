/* table.h: the voice folder's word tables (written<TAB>spoken[<TAB>end]),
 * loaded once, sorted, looked up exactly or with ASCII case folded. */
#ifndef SUARA_TABLE_H
#define SUARA_TABLE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	const char *key, *val;
	int ends; /* third column "end": the abbreviation may end a sentence */
} entry;

/* A one-hash Bloom filter over the keys, so most lookups of ordinary
 * words end without a search. Before it, two cheaper filters that need no
 * hashing and little memory: the key lengths and the first bytes present. */
#define BLOOM_BITS 65536u

#define LEN_BITS 64u /* lengths of LEN_BITS - 1 bytes and more share a bit */

typedef struct {
	entry *e;
	size_t n;
	char *mem; /* the file, cut into NUL-terminated keys and values */
	uint64_t lens;              /* bit min(length, LEN_BITS - 1) per key */
	unsigned char first[256 / 8]; /* bit per first byte of a key */
	unsigned char bloom[BLOOM_BITS / 8];
} table;

int table_fail(char *err, size_t errlen, const char *path, size_t line, const char *msg);

int table_load(table *t, const char *dir, const char *name, char *err, size_t errlen);

const char *table_lookup(const table *t, const char *s, size_t n);

/* Exact, then with ASCII letters lowercased (keys of at least min_fold
 * bytes only, so "M" does not become "m"). */
const entry *table_lookup_fold_entry(const table *t, const char *s, size_t n, size_t min_fold);

const char *table_lookup_fold(const table *t, const char *s, size_t n, size_t min_fold);

#endif
