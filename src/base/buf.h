/* buf.h: one growable byte buffer (after Redis sds and luaL_Buffer).
 *
 * The bytes are always followed by a NUL, so data can be passed to C string
 * functions; appends check for size overflow and report failure instead of
 * aborting. A zeroed struct is a valid empty buffer. */
#ifndef SUARA_BUF_H
#define SUARA_BUF_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
	char *data;   /* NUL-terminated when cap > 0; NULL when empty and unused */
	size_t len;   /* bytes in use, not counting the NUL */
	size_t cap;   /* bytes allocated */
} sbuf;

/* Make room for at least `extra` more bytes. 0 on success, -1 on overflow or
 * out of memory (the buffer is then unchanged). */
int sbuf_reserve(sbuf *b, size_t extra);
/* Append n bytes / a C string / one byte / a formatted decimal. 0 or -1. */
int sbuf_add(sbuf *b, const char *s, size_t n);
int sbuf_adds(sbuf *b, const char *s);
int sbuf_addc(sbuf *b, char c);
int sbuf_addu(sbuf *b, unsigned long long v);
int sbuf_addi(sbuf *b, long long v);
/* Forget the contents, keep the memory. */
void sbuf_clear(sbuf *b);
/* Release the memory; the buffer is empty and reusable afterwards. */
void sbuf_free(sbuf *b);
/* NUL-terminated contents, "" for a never-used buffer. Valid until the next
 * append or free. */
const char *sbuf_str(const sbuf *b);

/* A growable array of fixed-size items, same rules as sbuf. */
typedef struct {
	void *items;
	size_t len, cap, size;
} vec;

void vec_init(vec *v, size_t item_size);
/* Append one item (copied from item). Returns the stored copy, NULL on
 * failure. */
void *vec_push(vec *v, const void *item);
/* Append n items from items. 0, or -1 on failure (v unchanged). */
int vec_push_n(vec *v, const void *items, size_t n);
/* Make room for at least `extra` more items. 0, or -1 on failure (v
 * unchanged). */
int vec_reserve(vec *v, size_t extra);
void *vec_at(const vec *v, size_t i);
void vec_clear(vec *v);
void vec_free(vec *v);

/* The library's allocator: every allocation of libsuara goes through
 * these, so the tests can make the n-th one fail (as Lua's ltests.c
 * does; the harness is in tests/main.c, not in the library). */
void *su_malloc(size_t n);
void *su_calloc(size_t n, size_t size);
void *su_realloc(void *p, size_t n);

/* Read all of f into a NUL-terminated buffer from su_malloc (the
 * caller frees it). 0, or -1 when out of memory, -2 on a read error. */
int su_read_all(FILE *f, char **out, size_t *len);
/* The whole file at path, as su_read_all: 0, or -1 with "path: cannot
 * read file: why" (or "path: out of memory") in err. */
int su_read_file(const char *path, char **out, size_t *len, char *err, size_t errlen);

#endif
