/* buf.c: growable buffers; see buf.h. */
#include "base/buf.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The test harness's failing allocator (tests/main.c) defines this; the
 * library and the program never do, so there it is NULL and costs one
 * test of a pointer. */
extern int su_test_alloc_fails(void) __attribute__((weak, visibility("hidden")));

static int should_fail(void) { return su_test_alloc_fails && su_test_alloc_fails(); }

void *su_malloc(size_t n) { return should_fail() ? NULL : malloc(n ? n : 1); }

void *su_calloc(size_t n, size_t size)
{
	return should_fail() ? NULL : calloc(n ? n : 1, size ? size : 1);
}

void *su_realloc(void *p, size_t n)
{
	return should_fail() ? NULL : realloc(p, n ? n : 1);
}

static int grow(void **mem, size_t *cap, size_t need, size_t unit)
{
	size_t ncap = *cap ? *cap : 16;
	void *p;
	if (need <= *cap)
		return 0;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return -1;
		ncap *= 2;
	}
	if (ncap > SIZE_MAX / unit)
		return -1;
	p = su_realloc(*mem, ncap * unit);
	if (!p)
		return -1;
	*mem = p;
	*cap = ncap;
	return 0;
}

int sbuf_reserve(sbuf *b, size_t extra)
{
	void *mem = b->data;
	if (extra < b->cap - b->len) /* room already (cap > len when cap > 0) */
		return 0;
	if (extra > SIZE_MAX - b->len - 1)
		return -1;
	if (grow(&mem, &b->cap, b->len + extra + 1, 1) != 0)
		return -1;
	b->data = mem;
	b->data[b->len] = '\0'; /* a fresh buffer is NUL-terminated too */
	return 0;
}

int sbuf_add(sbuf *b, const char *s, size_t n)
{
	if (sbuf_reserve(b, n) != 0)
		return -1;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int sbuf_adds(sbuf *b, const char *s) { return sbuf_add(b, s, strlen(s)); }
int sbuf_addc(sbuf *b, char c)
{
	if (sbuf_reserve(b, 1) != 0)
		return -1;
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
	return 0;
}

int sbuf_addu(sbuf *b, unsigned long long v)
{
	char tmp[24];
	size_t i = sizeof tmp;
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return sbuf_add(b, tmp + i, sizeof tmp - i);
}

int sbuf_addi(sbuf *b, long long v)
{
	if (v < 0) {
		if (sbuf_addc(b, '-') != 0)
			return -1;
		return sbuf_addu(b, 0ULL - (unsigned long long)v);
	}
	return sbuf_addu(b, (unsigned long long)v);
}

void sbuf_clear(sbuf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void sbuf_free(sbuf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

const char *sbuf_str(const sbuf *b) { return b->data ? b->data : ""; }

void vec_init(vec *v, size_t item_size)
{
	v->items = NULL;
	v->len = v->cap = 0;
	v->size = item_size;
}

void *vec_push(vec *v, const void *item)
{
	char *slot;
	if (v->len >= v->cap && /* no room: grow */
	    (v->len == SIZE_MAX || grow(&v->items, &v->cap, v->len + 1, v->size) != 0))
		return NULL;
	slot = (char *)v->items + v->len * v->size;
	memcpy(slot, item, v->size);
	v->len++;
	return slot;
}

int vec_push_n(vec *v, const void *items, size_t n)
{
	if (n > SIZE_MAX - v->len || grow(&v->items, &v->cap, v->len + n, v->size) != 0)
		return -1;
	if (n)
		memcpy((char *)v->items + v->len * v->size, items, n * v->size);
	v->len += n;
	return 0;
}

int vec_reserve(vec *v, size_t extra)
{
	if (extra > SIZE_MAX - v->len)
		return -1;
	return grow(&v->items, &v->cap, v->len + extra, v->size);
}

void *vec_at(const vec *v, size_t i) { return (char *)v->items + i * v->size; }
void vec_clear(vec *v) { v->len = 0; }

void vec_free(vec *v)
{
	free(v->items);
	v->items = NULL;
	v->len = v->cap = 0;
}

int su_read_all(FILE *f, char **out, size_t *out_len)
{
	char *buf = NULL, *nb;
	size_t cap = 0, n = 0, r;
	do {
		if (cap - n < 65536 + 1) {
			if (cap > SIZE_MAX / 4)
				goto nomem;
			cap = cap ? cap * 2 : 65536 * 2;
			nb = su_realloc(buf, cap);
			if (!nb)
				goto nomem;
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
	} while (r > 0);
	if (ferror(f)) {
		free(buf);
		return -2;
	}
	buf[n] = '\0';
	*out = buf;
	*out_len = n;
	return 0;
nomem:
	free(buf);
	return -1;
}

int su_read_file(const char *path, char **out, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	int rc, e;
	if (!f) {
		snprintf(err, errlen, "%s: cannot read file: %s", path, strerror(errno));
		return -1;
	}
	errno = 0;
	rc = su_read_all(f, out, len);
	e = errno ? errno : EIO;
	fclose(f);
	if (rc == -1)
		snprintf(err, errlen, "%s: out of memory", path);
	else if (rc != 0)
		snprintf(err, errlen, "%s: cannot read file: %s", path, strerror(e));
	return rc ? -1 : 0;
}
