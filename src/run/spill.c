/* spill.c: see spill.h. */
#define _GNU_SOURCE /* memfd_create */
#include "run/spill.h"

#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suara.h"

#define CHUNK_ZEROS 0x80000000u
#define CHUNK_FAILED 0xFFFFFFFFu
#define CHUNK_MAX 0x10000u

/* A spill kept for the next paragraph holds at most this much memory. */
#define SPILL_KEEP_MAX ((off_t)8 << 20)

int spill_create(void)
{
	int fd = memfd_create("suara-spill", MFD_CLOEXEC);
	FILE *f;
	if (fd >= 0 || !(f = tmpfile()))
		return fd;
	fd = fcntl(fileno(f), F_DUPFD_CLOEXEC, 0);
	fclose(f);
	return fd;
}

int spill_start(int fd)
{
	uint32_t end = 0;
	return pwrite(fd, &end, sizeof end, 0) == (ssize_t)sizeof end ? 0 : -1;
}

int spill_rewind(int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return -1;
	return st.st_size <= SPILL_KEEP_MAX || ftruncate(fd, 0) == 0 ? 0 : -1;
}

/* ---- writing ---- */

int spill_put_samples(void *ud, const int16_t *s, size_t n)
{
	FILE *f = ud;
	while (n > 0) {
		uint32_t k = n > CHUNK_MAX ? CHUNK_MAX : (uint32_t)n;
		uint32_t head = s ? k : (k | CHUNK_ZEROS);
		if (fwrite(&head, sizeof head, 1, f) != 1 || (s && fwrite(s, 2, k, f) != k))
			return -1;
		n -= k;
		if (s)
			s += k;
	}
	return 0;
}

/* fwrite of n items that may be none (from a NULL pointer). */
static int put(FILE *f, const void *p, size_t size, size_t n)
{
	return n == 0 || fwrite(p, size, n, f) == n ? 0 : -1;
}

int spill_put_timeline(FILE *f, const tl_paragraph *tl)
{
	uint32_t zero = 0;
	uint64_t head[4] = {tl->end, tl->sentences.len, tl->words.len, tl->spoken.len};
	return put(f, &zero, sizeof zero, 1) || put(f, head, sizeof head, 1) ||
	       put(f, tl->sentences.items, sizeof(tl_sentence), tl->sentences.len) ||
	       put(f, tl->words.items, sizeof(tl_word), tl->words.len) ||
	       put(f, tl->spoken.data, 1, tl->spoken.len);
}

void spill_put_failure(FILE *f, int status, const char *msg)
{
	uint32_t head = CHUNK_FAILED, len = (uint32_t)strlen(msg);
	int32_t st = status;
	fflush(f);
	rewind(f);
	put(f, &head, sizeof head, 1);
	put(f, &st, sizeof st, 1);
	put(f, &len, sizeof len, 1);
	put(f, msg, 1, len);
}

/* ---- reading ---- */

int spill_open(int fd, spill_reader *rd)
{
	struct stat st;
	void *m;
	rd->m = NULL, rd->len = rd->pos = 0;
	if (fstat(fd, &st) != 0 || st.st_size <= 0)
		return -1;
	m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (m == MAP_FAILED)
		return -1;
	rd->m = m;
	rd->len = (size_t)st.st_size;
	return 0;
}

void spill_close(spill_reader *rd)
{
	if (rd->m)
		munmap((void *)(uintptr_t)rd->m, rd->len);
	rd->m = NULL, rd->len = rd->pos = 0;
}

static int read_exact(spill_reader *rd, void *dst, size_t n)
{
	if (n > rd->len - rd->pos)
		return -1;
	if (n)
		memcpy(dst, rd->m + rd->pos, n);
	rd->pos += n;
	return 0;
}

enum spill_chunk spill_next_chunk(spill_reader *rd, const int16_t **s, size_t *n)
{
	uint32_t head;
	if (read_exact(rd, &head, sizeof head) != 0)
		return SPILL_BAD;
	if (head == 0)
		return SPILL_END;
	if (head == CHUNK_FAILED)
		return SPILL_FAILED;
	*n = head & ~CHUNK_ZEROS;
	if (head & CHUNK_ZEROS)
		return SPILL_ZEROS;
	if (*n * 2 > rd->len - rd->pos)
		return SPILL_BAD;
	*s = (const int16_t *)(const void *)(rd->m + rd->pos);
	rd->pos += *n * 2;
	return SPILL_SAMPLES;
}

static int read_vec(spill_reader *rd, vec *v, uint64_t n)
{
	if (n > (rd->len - rd->pos) / v->size || vec_reserve(v, (size_t)n) != 0)
		return -1;
	memcpy((char *)v->items + v->len * v->size, rd->m + rd->pos, (size_t)n * v->size);
	v->len += (size_t)n;
	rd->pos += (size_t)n * v->size;
	return 0;
}

int spill_read_timeline(spill_reader *rd, tl_paragraph *tl)
{
	uint64_t head[4];
	if (read_exact(rd, head, sizeof head) != 0)
		return -1;
	tl->end = head[0];
	if (read_vec(rd, &tl->sentences, head[1]) || read_vec(rd, &tl->words, head[2]) ||
	    head[3] > rd->len - rd->pos || sbuf_reserve(&tl->spoken, (size_t)head[3]) != 0)
		return -1;
	if (head[3] && read_exact(rd, tl->spoken.data, (size_t)head[3]) != 0)
		return -1;
	tl->spoken.len = (size_t)head[3];
	tl->spoken.data[tl->spoken.len] = '\0';
	return 0;
}

int spill_read_failure(spill_reader *rd, char *msg, size_t msglen)
{
	int32_t st = SUARA_ERR_WORKER;
	uint32_t len = 0;
	snprintf(msg, msglen, "worker ended without a result");
	if (read_exact(rd, &st, sizeof st) == 0 && read_exact(rd, &len, sizeof len) == 0 && len < msglen &&
	    read_exact(rd, msg, len) == 0)
		msg[len] = '\0';
	return st > 0 && st < SUARA_STATUS_COUNT ? st : SUARA_ERR_WORKER;
}
