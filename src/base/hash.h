/* hash.h: the one hash of suara, 64-bit FNV-1a: stable across machines
 * and runs (the shard of a file depends on it), cheap, good enough for
 * hash sets and Bloom filters of words. Header-only, so the program can
 * use it beside the library. */
#ifndef SUARA_HASH_H
#define SUARA_HASH_H

#include <stddef.h>
#include <stdint.h>

#define SU_FNV_BASIS 14695981039346656037ULL

/* Continue the hash h over p[0..n); start with SU_FNV_BASIS. */
static inline uint64_t su_fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ULL;
	return h;
}

#endif
