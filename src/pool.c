/* pool.c: see pool.h. */
#define _GNU_SOURCE /* memfd_create */
#include "pool.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "speak.h"

/* Jobs in flight may be several times the workers: a worker that finishes
 * before an older job frees its CPU for the next paragraph instead of
 * waiting for the older one to be taken (head-of-line blocking). */
#define FLIGHT_PER_WORKER 4

struct pool {
	const suara_renderer *r;
	size_t jobs;             /* workers that may speak at once */
	size_t cap;              /* jobs in flight at most */
	pool_job *ring;          /* jobs in flight, oldest at head */
	size_t head, n;
	size_t speaking;         /* of those, not finished yet */
	pool_job spare;          /* forked, waiting for a paragraph */
	int have_spare;
};

/* ---- the worker ---- */

static int spill_samples(void *ud, const int16_t *s, size_t n)
{
	FILE *f = ud;
	while (n > 0) {
		uint32_t k = n > 0x10000 ? 0x10000 : (uint32_t)n;
		uint32_t head = s ? k : (k | POOL_CHUNK_ZEROS);
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

static int spill_timeline(FILE *f, const tl_paragraph *tl)
{
	uint32_t zero = 0;
	uint64_t head[4] = {tl->end, tl->sentences.len, tl->words.len, tl->spoken.len};
	return put(f, &zero, sizeof zero, 1) || put(f, head, sizeof head, 1) ||
	       put(f, tl->sentences.items, sizeof(tl_sentence), tl->sentences.len) ||
	       put(f, tl->words.items, sizeof(tl_word), tl->words.len) ||
	       put(f, tl->spoken.data, 1, tl->spoken.len);
}

static void spill_failure(FILE *f, int status, const char *msg)
{
	uint32_t head = POOL_CHUNK_FAILED, len = (uint32_t)strlen(msg);
	int32_t st = status;
	rewind(f);
	if (ftruncate(fileno(f), 0) != 0)
		return;
	put(f, &head, sizeof head, 1);
	put(f, &st, sizeof st, 1);
	put(f, &len, sizeof len, 1);
	put(f, msg, 1, len);
}

static _Noreturn void speak_and_exit(const suara_renderer *r, const char *text, size_t len, size_t base,
				     FILE *f, int done_fd)
{
	speak_cfg cfg = {r->seg, r->norm, (size_t)((long long)r->opt.sentence_pause_ms * r->rate / 1000)};
	tl_paragraph tl;
	char ok;
	int st;
	tl_init(&tl);
	st = speak_paragraph(&cfg, text, len, base, &tl, spill_samples, f);
	if (st == SUARA_OK && spill_timeline(f, &tl) != 0)
		st = SUARA_ERR_WRITE;
	if (st != SUARA_OK)
		spill_failure(f, st, suara_strerror(st));
	ok = fflush(f) == 0 && st == SUARA_OK;
	/* Tell the parent before exiting: it goes on while this process's
	 * memory is torn down. */
	if (ok && write(done_fd, &ok, 1) != 1)
		ok = 0;
	_exit(ok ? 0 : 1);
}

static int read_full(int fd, void *dst, size_t n)
{
	char *p = dst;
	while (n > 0) {
		ssize_t got = read(fd, p, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		p += got;
		n -= (size_t)got;
	}
	return 0;
}

/* A spare: wait for {base, len, text}; end of file means nothing to do. */
static _Noreturn void spare_main(const suara_renderer *r, FILE *f, int cmd_fd, int done_fd)
{
	uint64_t head[2];
	char *text;
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	if (read_full(cmd_fd, head, sizeof head) != 0)
		_exit(0);
	text = malloc((size_t)head[1] + 1);
	if (!text || read_full(cmd_fd, text, (size_t)head[1]) != 0)
		_exit(1);
	text[head[1]] = '\0';
	close(cmd_fd);
	speak_and_exit(r, text, (size_t)head[1], (size_t)head[0], f, done_fd);
}

/* ---- the parent ---- */

/* An anonymous spill file: in memory when the kernel offers memfd (no file
 * system round trip), else an unlinked temporary file. */
static FILE *spill_file(void)
{
	int fd = memfd_create("suara-spill", MFD_CLOEXEC);
	FILE *f = fd >= 0 ? fdopen(fd, "w+b") : NULL;
	if (f)
		return f;
	if (fd >= 0)
		close(fd);
	return tmpfile();
}

static void close_pair(int fd[2])
{
	if (fd[0] >= 0)
		close(fd[0]);
	if (fd[1] >= 0)
		close(fd[1]);
}

static int fork_spare(pool *p, char *err, size_t errlen)
{
	pool_job *j = &p->spare;
	int done[2] = {-1, -1}, cmd[2] = {-1, -1};
	memset(j, 0, sizeof *j);
	j->spill = spill_file();
	if (!j->spill || pipe(done) != 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, cmd) != 0)
		goto fail;
	fflush(NULL);
	j->pid = fork();
	if (j->pid == 0) {
		close(done[0]);
		close(cmd[1]);
		spare_main(p->r, j->spill, cmd[0], done[1]);
	}
	if (j->pid < 0)
		goto fail;
	close(done[1]);
	close(cmd[0]);
	j->done_fd = done[0];
	j->cmd_fd = cmd[1];
	p->have_spare = 1;
	return 0;
fail:
	snprintf(err, errlen, "cannot start a worker: %s", strerror(errno));
	if (j->spill)
		fclose(j->spill);
	close_pair(done);
	close_pair(cmd);
	return -1;
}

pool *pool_new(const suara_renderer *r, int jobs)
{
	pool *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->r = r;
	p->jobs = jobs > 0 ? (size_t)jobs : 1;
	p->cap = p->jobs * FLIGHT_PER_WORKER;
	p->ring = calloc(p->cap, sizeof *p->ring);
	if (!p->ring) {
		free(p);
		return NULL;
	}
	return p;
}

int pool_full(const pool *p) { return p->speaking >= p->jobs || p->n >= p->cap; }

/* The job's done byte (or end of file: it died) has arrived. */
static void mark_ended(pool *p, pool_job *j)
{
	char ok = 0;
	ssize_t got;
	while ((got = read(j->done_fd, &ok, 1)) < 0 && errno == EINTR)
		;
	close(j->done_fd);
	j->done_fd = -1;
	j->state = got == 1 ? POOL_FINISHED : POOL_DIED;
	p->speaking--;
}

int pool_wait(pool *p)
{
	struct pollfd fds[256];
	size_t idx[256], i, k = 0;
	for (i = 0; i < p->n && k < 256; i++) {
		pool_job *j = &p->ring[(p->head + i) % p->cap];
		if (j->state == POOL_SPEAKING)
			fds[k].fd = j->done_fd, fds[k].events = POLLIN, fds[k].revents = 0, idx[k++] = i;
	}
	if (k == 0)
		return -1;
	while (poll(fds, (nfds_t)k, -1) < 0)
		if (errno != EINTR)
			return -1;
	for (i = 0; i < k; i++)
		if (fds[i].revents)
			mark_ended(p, &p->ring[(p->head + idx[i]) % p->cap]);
	return 0;
}

int pool_oldest_ended(const pool *p) { return p->n > 0 && p->ring[p->head].state != POOL_SPEAKING; }

static void send_all(int fd, const void *data, size_t n)
{
	const char *s = data;
	while (n > 0) {
		ssize_t w = send(fd, s, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return; /* the worker is gone: pool_take reports how */
		s += w;
		n -= (size_t)w;
	}
}

int pool_start(pool *p, const char *text, size_t len, size_t base, void *owner, int more,
	       char *err, size_t errlen)
{
	pool_job *j = &p->ring[(p->head + p->n) % p->cap];
	uint64_t head[2] = {base, len};
	if (!p->have_spare && fork_spare(p, err, errlen) != 0)
		return -1;
	*j = p->spare;
	j->owner = owner;
	j->base = base;
	j->len = len;
	p->have_spare = 0;
	j->state = POOL_SPEAKING;
	p->n++;
	p->speaking++;
	send_all(j->cmd_fd, head, sizeof head);
	send_all(j->cmd_fd, text, len);
	close(j->cmd_fd);
	j->cmd_fd = -1;
	return more ? fork_spare(p, err, errlen) : 0;
}

static void reap(pid_t pid, int *status)
{
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
}

int pool_take(pool *p, pool_job *j, int *finished, int *status)
{
	if (p->n == 0)
		return -1;
	if (p->ring[p->head].state == POOL_SPEAKING)
		mark_ended(p, &p->ring[p->head]);
	*j = p->ring[p->head];
	p->head = (p->head + 1) % p->cap;
	p->n--;
	*finished = j->state == POOL_FINISHED;
	*status = 0;
	if (!*finished) {
		reap(j->pid, status);
		j->pid = 0;
	}
	rewind(j->spill);
	return 0;
}

void pool_done(pool_job *j, int *status)
{
	int ignored;
	if (j->pid > 0)
		reap(j->pid, status ? status : &ignored);
	j->pid = 0;
	if (j->spill)
		fclose(j->spill);
	j->spill = NULL;
}

void pool_free(pool *p)
{
	if (!p)
		return;
	while (p->n > 0) {
		pool_job *j = &p->ring[p->head];
		kill(j->pid, SIGKILL);
		if (j->done_fd >= 0)
			close(j->done_fd);
		pool_done(j, NULL);
		p->head = (p->head + 1) % p->cap;
		p->n--;
	}
	if (p->have_spare) {
		close(p->spare.cmd_fd); /* end of file: the spare exits */
		close(p->spare.done_fd);
		pool_done(&p->spare, NULL);
	}
	free(p->ring);
	free(p);
}

/* ---- reading a spill ---- */

const unsigned char *pool_map(FILE *f, size_t *len)
{
	struct stat st;
	void *m;
	if (fstat(fileno(f), &st) != 0 || st.st_size <= 0)
		return NULL;
	m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fileno(f), 0);
	if (m == MAP_FAILED)
		return NULL;
	*len = (size_t)st.st_size;
	return m;
}

void pool_unmap(const unsigned char *m, size_t len)
{
	if (m)
		munmap((void *)(uintptr_t)m, len);
}

static int read_exact(FILE *f, void *dst, size_t n) { return fread(dst, 1, n, f) == n ? 0 : -1; }

int pool_read_u32(FILE *f, uint32_t *v) { return read_exact(f, v, sizeof *v); }

static int read_vec(FILE *f, vec *v, uint64_t n)
{
	char item[64];
	uint64_t i;
	if (v->size > sizeof item)
		return -1;
	for (i = 0; i < n; i++)
		if (read_exact(f, item, v->size) != 0 || !vec_push(v, item))
			return -1;
	return 0;
}

int pool_read_timeline(FILE *f, tl_paragraph *tl)
{
	uint64_t head[4];
	if (read_exact(f, head, sizeof head) != 0)
		return -1;
	tl->end = head[0];
	if (read_vec(f, &tl->sentences, head[1]) || read_vec(f, &tl->words, head[2]) ||
	    sbuf_reserve(&tl->spoken, (size_t)head[3]) != 0)
		return -1;
	if (head[3] && read_exact(f, tl->spoken.data, (size_t)head[3]) != 0)
		return -1;
	tl->spoken.len = (size_t)head[3];
	tl->spoken.data[tl->spoken.len] = '\0';
	return 0;
}

int pool_read_failure(FILE *f, char *msg, size_t msglen)
{
	int32_t st = SUARA_ERR_WORKER;
	uint32_t len = 0;
	snprintf(msg, msglen, "worker ended without a result");
	if (read_exact(f, &st, sizeof st) == 0 && read_exact(f, &len, sizeof len) == 0 && len < msglen &&
	    read_exact(f, msg, len) == 0)
		msg[len] = '\0';
	return st > 0 && st < SUARA_STATUS_COUNT ? st : SUARA_ERR_WORKER;
}
