/* pool.c: see pool.h. */
#define _GNU_SOURCE /* close_range */
#include "run/pool.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
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

#include "base/buf.h"
#include "base/fdio.h"
#include "run/spill.h"

/* Jobs in flight may be several times the workers: a worker that finishes
 * before an older job frees its CPU for the next paragraph instead of
 * waiting for the older one to be taken (head-of-line blocking). */
#define FLIGHT_PER_WORKER 4

/* A worker whose heap has grown this much since it started is replaced.
 * A reset puts back the engine's static state, not its heap: a paragraph
 * that makes espeak-ng load another language's dictionary (a word in
 * Arabic or Cyrillic script, an English word) leaves that memory behind.
 * SUARA_WORKER_HEAP_MAX (bytes) overrides it, so that tests can make
 * replacements happen. */
#define WORKER_HEAP_GROWTH_MAX ((size_t)8 << 20)

/* What a worker answers when its paragraph's spill is complete. */
#define REPLY_AGAIN 'k'   /* and it resets its engine for the next one */
#define REPLY_REPLACE 'r' /* likewise, but its heap has grown: give it no
			   * more, and end it once its queue is spoken */
#define REPLY_EXIT 'x'    /* and it exits (a process per paragraph) */

/* Paragraphs a worker that resets may have queued: the one it speaks and
 * the next, already in its socket, so it never waits for the parent to be
 * free (copying audio) between paragraphs. Only paragraphs whose text fits
 * in the socket's buffer are queued behind another, so that handing one
 * over never blocks the parent. */
#define QUEUE_PER_WORKER 2
#define QUEUE_TEXT_MAX ((size_t)64 << 10)

/* Text in flight per worker at most (unless a single job is longer): the
 * results of jobs in flight wait in memory, about 3 KB of audio a byte. */
#define TEXT_IN_FLIGHT_PER_WORKER ((size_t)12 << 10)

typedef struct {
	pid_t pid;   /* 0: no process */
	int sock;    /* the parent's end of the worker's socket; -1: closed */
	int load;    /* paragraphs handed to it and not yet answered */
	int exiting; /* gets no more paragraphs; reap pid before reusing the slot */
} worker;

struct pool {
	const pool_task *task;
	int reuse;               /* workers reset the engine between paragraphs:
				  * 1, 0, or -1 while the probe runs */
	pid_t probe;             /* the probe's process while reuse is -1 */
	size_t jobs;             /* workers that may speak at once */
	size_t cap;              /* jobs in flight at most */
	worker *w;               /* jobs of them */
	pool_job *ring;          /* jobs in flight, oldest at head */
	size_t head, n;
	size_t speaking;         /* of those, not answered yet */
	size_t text_in_flight;   /* bytes of their text */
	int depth;               /* paragraphs a worker may have queued */
	size_t heap_max;         /* heap growth that gets a worker replaced */
	int *spare_spills;       /* spill files to reuse */
	size_t nspare;
};

/* ---- the worker ---- */

/* Receive a command: {base, len, context's len} with the spill's
 * descriptor attached. 0, or -1 at end of file (the parent is done with
 * this worker). */
static int recv_command(int sock, uint64_t head[3], int *fd)
{
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} ctl;
	struct iovec iov = {head, 3 * sizeof *head};
	struct msghdr msg;
	struct cmsghdr *c;
	ssize_t got;
	memset(&msg, 0, sizeof msg);
	msg.msg_iov = &iov, msg.msg_iovlen = 1;
	msg.msg_control = ctl.buf, msg.msg_controllen = sizeof ctl.buf;
	while ((got = recvmsg(sock, &msg, 0)) < 0 && errno == EINTR)
		;
	c = CMSG_FIRSTHDR(&msg);
	if (got <= 0 || !c || c->cmsg_type != SCM_RIGHTS)
		return -1;
	memcpy(fd, CMSG_DATA(c), sizeof *fd);
	if ((size_t)got < iov.iov_len && su_read_full(sock, (char *)head + got, iov.iov_len - (size_t)got))
		return -1;
	return 0;
}

static size_t heap_in_use(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
	struct mallinfo2 m = mallinfo2();
	return m.uordblks + m.hblkhd;
#else
	return 0;
#endif
}

static _Noreturn void worker_exit(const pool_task *task, int status)
{
	if (task->end)
		task->end(task->ud);
	_exit(status);
}

/* Run jobs as they come: each from the pristine state, which this process
 * was forked from and a reset returns to. */
static _Noreturn void worker_main(const pool_task *task, int sock, int reuse, size_t heap_max)
{
	size_t heap0 = heap_in_use(), heap;
	for (;;) {
		uint64_t head[3];
		int fd;
		char *text, reply;
		FILE *f;
		if (recv_command(sock, head, &fd) != 0)
			worker_exit(task, 0);
		text = su_malloc((size_t)head[1] + (size_t)head[2] + 2);
		/* The file offset is shared with the parent's descriptor:
		 * start at 0 whatever it is. */
		f = lseek(fd, 0, SEEK_SET) == 0 ? fdopen(fd, "wb") : NULL;
		if (!text || !f || su_read_full(sock, text, (size_t)head[1]) != 0 ||
		    su_read_full(sock, text + head[1] + 1, (size_t)head[2]) != 0)
			_exit(1);
		text[head[1]] = '\0';
		text[head[1] + 1 + head[2]] = '\0';
		if (task->run(task->ud, text, (size_t)head[1], (size_t)head[0], text + head[1] + 1, (size_t)head[2],
			      f) != 0 ||
		    fflush(f) != 0)
			_exit(1); /* the spill says why */
		free(text);
		fclose(f);
		heap = heap_in_use();
		reply = !reuse ? REPLY_EXIT
			: heap < heap0 || heap - heap0 < heap_max ? REPLY_AGAIN : REPLY_REPLACE;
		if (write(sock, &reply, 1) != 1 || reply == REPLY_EXIT)
			worker_exit(task, 0);
		task->reset(task->ud);
	}
}

/* ---- the parent ---- */

/* A spill for the next job: one kept from an earlier job, or a new one. */
static int spill_file(pool *p)
{
	return p->nspare > 0 ? p->spare_spills[--p->nspare] : spill_create();
}

/* Keep fd for the next job, or close it. */
static void spill_release(pool *p, int fd)
{
	if (fd < 0)
		return;
	if (p->nspare < p->cap && spill_rewind(fd) == 0) {
		p->spare_spills[p->nspare++] = fd;
		return;
	}
	close(fd);
}

/* Wait for pid to end: 0, or -1 when it cannot be waited for. */
static int reap(pid_t pid, int *status)
{
	int rc;
	while ((rc = waitpid(pid, status, 0)) < 0 && errno == EINTR)
		;
	return rc < 0 ? -1 : 0;
}

/* In a new worker: close every descriptor but the socket, so it holds no
 * spill, output or other worker's socket open for as long as it lives. */
static int only_socket(int sock)
{
	int fd;
	if (sock != 3 && dup2(sock, 3) != 3)
		return -1;
	if (close_range(4, ~0U, 0) != 0)
		for (fd = 4; fd < 4096; fd++)
			close(fd);
	return 3;
}

/* In a new child, before signals are let through: the parent's cleanup
 * handlers are not the child's (it dies of SIGINT, SIGTERM and SIGHUP
 * unless they were ignored), and it dies with the parent. */
static void child_signals(pid_t parent)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	struct sigaction old;
	size_t i;
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			signal(sigs[i], SIG_DFL);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(1); /* the parent died before PR_SET_PDEATHSIG */
}

/* fork() for a child of the pristine engine: signals stay blocked until the
 * child has its own handlers. As fork: 0 in the child, else its pid or -1. */
static pid_t fork_child(void)
{
	pid_t parent = getpid(), pid;
	sigset_t all, mask;
	fflush(NULL);
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &mask);
	pid = fork();
	if (pid == 0)
		child_signals(parent);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	return pid;
}

/* Are resets exact (task->resets_exact)? Asked in a child of the pristine
 * state, which runs while the first workers already work: until the answer
 * is in (settle_probe), a worker has no job queued, and one that finishes
 * is only given more if the answer is yes. */
static void start_probe(pool *p)
{
	p->probe = fork_child();
	if (p->probe == 0 && prctl(PR_SET_NAME, "suara-probe") >= 0)
		_exit(p->task->resets_exact(p->task->ud) ? 0 : 1);
	if (p->probe < 0)
		p->reuse = 0;
}

static void settle_probe(pool *p)
{
	int status;
	if (p->reuse >= 0)
		return;
	p->reuse = reap(p->probe, &status) == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	p->probe = 0;
	p->depth = p->reuse ? QUEUE_PER_WORKER : 1;
}

int pool_resets(pool *p)
{
	settle_probe(p);
	return p->reuse;
}

static int fork_worker(pool *p, worker *w, char *err, size_t errlen)
{
	int sv[2];
	if (w->pid > 0) { /* retired: its socket is closed, so it ends */
		if (w->sock >= 0)
			close(w->sock);
		w->sock = -1;
		reap(w->pid, NULL);
		w->pid = 0;
	}
	/* Close-on-exec: a program the library's user starts must not hold a
	 * worker's socket, which would keep an idle worker from seeing the end
	 * of its commands. */
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
		snprintf(err, errlen, "cannot start a worker: %s", strerror(errno));
		return -1;
	}
	w->pid = fork_child();
	if (w->pid == 0) {
		int sock = only_socket(sv[1]);
		if (sock < 0)
			_exit(1);
		prctl(PR_SET_NAME, "suara-worker"); /* what ps and top show */
		worker_main(p->task, sock, p->reuse != 0, p->heap_max);
	}
	close(sv[1]);
	if (w->pid < 0) {
		snprintf(err, errlen, "cannot start a worker: %s", strerror(errno));
		close(sv[0]);
		w->pid = 0;
		return -1;
	}
	w->sock = sv[0];
	w->load = w->exiting = 0;
	return 0;
}

pool *pool_new(const pool_task *task, int jobs, int reuse)
{
	pool *p = su_calloc(1, sizeof *p);
	const char *env;
	if (!p)
		return NULL;
	p->task = task;
	p->reuse = reuse;
	if (reuse < 0)
		start_probe(p);
	p->depth = p->reuse > 0 ? QUEUE_PER_WORKER : 1;
	p->heap_max = WORKER_HEAP_GROWTH_MAX;
	if ((env = getenv("SUARA_WORKER_HEAP_MAX")) && *env)
		p->heap_max = (size_t)strtoull(env, NULL, 10);
	p->jobs = jobs > 0 ? (size_t)jobs : 1;
	p->cap = p->jobs * FLIGHT_PER_WORKER;
	p->ring = su_calloc(p->cap, sizeof *p->ring);
	p->w = su_calloc(p->jobs, sizeof *p->w);
	p->spare_spills = su_calloc(p->cap, sizeof *p->spare_spills);
	if (!p->ring || !p->w || !p->spare_spills) {
		pool_free(p);
		return NULL;
	}
	return p;
}

int pool_full(const pool *p)
{
	return p->speaking >= p->jobs * (size_t)p->depth || p->n >= p->cap ||
	       (p->n > 0 && p->text_in_flight >= p->jobs * TEXT_IN_FLIGHT_PER_WORKER);
}

size_t pool_pending(const pool *p) { return p->n; }

/* Worker w's oldest job not answered yet: the one it speaks (it takes
 * its queue in order, and a job is only queued behind older ones). */
static pool_job *job_of(pool *p, const worker *w)
{
	size_t i;
	for (i = 0; i < p->n; i++) {
		pool_job *j = &p->ring[(p->head + i) % p->cap];
		if (j->state == POOL_SPEAKING && &p->w[j->worker] == w)
			return j;
	}
	return NULL;
}

static worker *free_worker(pool *p, size_t len, int may_queue, char *err, size_t errlen);
static int dispatch(pool *p, pool_job *j, worker *w, char *err, size_t errlen);

/* No more paragraphs for w: once its queue is spoken, end of file on its
 * socket ends it (reaped when its slot is next used). */
static void retire(worker *w)
{
	w->exiting = 1;
	if (w->load == 0 && w->sock >= 0) {
		close(w->sock);
		w->sock = -1;
	}
}

/* Worker w's next reply (or end of file: it died) has arrived or is
 * awaited: it ends w's oldest job. */
static void mark_ended(pool *p, worker *w)
{
	pool_job *j = job_of(p, w), *lost[QUEUE_PER_WORKER];
	char reply = 0, err[160];
	ssize_t got;
	size_t nlost = 0, i;
	int status = 0;
	while ((got = read(w->sock, &reply, 1)) < 0 && errno == EINTR)
		;
	w->load--;
	p->speaking--;
	if (got == 1) {
		if (j)
			j->state = POOL_FINISHED;
		settle_probe(p);
		if (reply != REPLY_AGAIN || w->exiting || !p->reuse)
			retire(w);
		return;
	}
	close(w->sock);
	w->sock = -1;
	reap(w->pid, &status);
	w->pid = 0;
	if (j)
		j->state = POOL_DIED, j->status = status;
	/* What it had queued it never began: to another worker (perhaps a
	 * new one in this slot), or, when none can be had, lost with it. */
	while (nlost < QUEUE_PER_WORKER && (j = job_of(p, w)) != NULL) {
		j->state = POOL_DIED, j->status = status;
		lost[nlost++] = j;
		p->speaking--;
	}
	w->load = 0;
	w->exiting = 0;
	for (i = 0; i < nlost; i++) {
		worker *to = free_worker(p, lost[i]->len, 0, err, sizeof err);
		if (!to || dispatch(p, lost[i], to, err, sizeof err) != 0)
			snprintf(lost[i]->why, sizeof lost[i]->why, "its worker died before it began, and %s", err);
	}
}

int pool_wait(pool *p)
{
	struct pollfd fds[64];
	size_t who[64], i, k = 0;
	for (i = 0; i < p->jobs && k < 64; i++)
		if (p->w[i].load > 0) {
			fds[k].fd = p->w[i].sock, fds[k].events = POLLIN, fds[k].revents = 0;
			who[k++] = i;
		}
	if (k == 0)
		return -1;
	while (poll(fds, (nfds_t)k, -1) < 0)
		if (errno != EINTR)
			return -1;
	/* By the slots polled: mark_ended may hand a dead worker's queue to
	 * another worker meanwhile, which changes who has a load. */
	for (i = 0; i < k; i++)
		if (fds[i].revents)
			mark_ended(p, &p->w[who[i]]);
	return 0;
}

int pool_oldest_ended(const pool *p) { return p->n > 0 && p->ring[p->head].state != POOL_SPEAKING; }

/* Send {base, len, context's len} with the spill's descriptor, then the
 * text and the context. */
static int send_command(int sock, const uint64_t head[3], int fd, const char *text, const char *ctx)
{
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} ctl;
	struct iovec iov = {(void *)(uintptr_t)head, 3 * sizeof *head};
	struct msghdr msg;
	struct cmsghdr *c;
	ssize_t sent;
	memset(&msg, 0, sizeof msg);
	memset(&ctl, 0, sizeof ctl);
	msg.msg_iov = &iov, msg.msg_iovlen = 1;
	msg.msg_control = ctl.buf, msg.msg_controllen = sizeof ctl.buf;
	c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET, c->cmsg_type = SCM_RIGHTS, c->cmsg_len = CMSG_LEN(sizeof fd);
	memcpy(CMSG_DATA(c), &fd, sizeof fd);
	while ((sent = sendmsg(sock, &msg, MSG_NOSIGNAL)) < 0 && errno == EINTR)
		;
	if (sent < 0)
		return -1;
	if ((size_t)sent < iov.iov_len && su_send_full(sock, (const char *)head + sent, iov.iov_len - (size_t)sent))
		return -1;
	return su_send_full(sock, text, (size_t)head[1]) || su_send_full(sock, ctx, (size_t)head[2]) ? -1 : 0;
}

/* A worker to speak a paragraph of len bytes: an idle one, else a new one,
 * else (may_queue) one with room in its queue. */
static worker *free_worker(pool *p, size_t len, int may_queue, char *err, size_t errlen)
{
	size_t i;
	for (i = 0; i < p->jobs; i++)
		if (p->w[i].pid > 0 && p->w[i].load == 0 && !p->w[i].exiting)
			return &p->w[i];
	for (i = 0; i < p->jobs; i++)
		if (p->w[i].load == 0 && (p->w[i].pid == 0 || p->w[i].exiting))
			return fork_worker(p, &p->w[i], err, errlen) == 0 ? &p->w[i] : NULL;
	for (i = 0; may_queue && len <= QUEUE_TEXT_MAX && i < p->jobs; i++)
		if (p->w[i].pid > 0 && p->w[i].load < p->depth && !p->w[i].exiting)
			return &p->w[i];
	snprintf(err, errlen, "no worker is free");
	return NULL;
}

/* Hand job j (its spill ready) to worker w, from free_worker. 0, or -1
 * with the reason. */
static int dispatch(pool *p, pool_job *j, worker *w, char *err, size_t errlen)
{
	uint64_t head[3] = {j->base, j->len, j->ctx_len};
	if (send_command(w->sock, head, j->spill, j->text, j->ctx) != 0) {
		if (w->load > 0) {
			/* Dead while speaking, or the command went in part:
			 * either way it can't be trusted with more. pool_wait
			 * sees it end and fails what it speaks. */
			snprintf(err, errlen, "cannot reach a worker: %s", strerror(errno));
			kill(w->pid, SIGKILL);
			w->exiting = 1;
			return -1;
		}
		/* It died between paragraphs (killed from outside): once
		 * more with a new one. */
		close(w->sock);
		w->sock = -1;
		kill(w->pid, SIGKILL);
		reap(w->pid, NULL);
		w->pid = 0;
		if (fork_worker(p, w, err, errlen) != 0 ||
		    send_command(w->sock, head, j->spill, j->text, j->ctx) != 0) {
			if (w->pid > 0)
				snprintf(err, errlen, "cannot reach a worker: %s", strerror(errno));
			return -1;
		}
	}
	j->state = POOL_SPEAKING;
	j->worker = (size_t)(w - p->w);
	w->load++;
	p->speaking++;
	return 0;
}

int pool_start(pool *p, const char *text, size_t len, size_t base, const char *ctx, size_t ctx_len, void *owner,
	       int tag, char *err, size_t errlen)
{
	pool_job *j = &p->ring[(p->head + p->n) % p->cap];
	worker *w = free_worker(p, len, 1, err, errlen);
	int spill;
	if (!w)
		return -1;
	if ((spill = spill_file(p)) < 0 || spill_start(spill) != 0) {
		if (spill >= 0)
			close(spill);
		snprintf(err, errlen, "cannot create a spill file: %s", strerror(errno));
		return -1;
	}
	memset(j, 0, sizeof *j);
	j->spill = spill;
	j->owner = owner;
	j->tag = tag;
	j->text = text;
	j->base = base;
	j->len = len;
	j->ctx = ctx;
	j->ctx_len = ctx_len;
	if (dispatch(p, j, w, err, errlen) != 0) {
		spill_release(p, spill);
		j->spill = -1;
		return -1;
	}
	p->n++;
	p->text_in_flight += len;
	return 0;
}

int pool_take(pool *p, pool_job *j, int *finished, int *status)
{
	pool_job *h;
	if (p->n == 0)
		return -1;
	h = &p->ring[p->head];
	if (h->state == POOL_SPEAKING)
		mark_ended(p, &p->w[h->worker]);
	*j = *h;
	p->head = (p->head + 1) % p->cap;
	p->n--;
	*finished = j->state == POOL_FINISHED;
	*status = j->status;
	return 0;
}

void pool_done(pool *p, pool_job *j)
{
	spill_release(p, j->spill);
	j->spill = -1;
	p->text_in_flight -= j->len;
}

void pool_free(pool *p)
{
	size_t i;
	if (!p)
		return;
	while (p->n > 0) {
		pool_job *j = &p->ring[p->head];
		if (j->spill >= 0)
			close(j->spill);
		p->head = (p->head + 1) % p->cap;
		p->n--;
	}
	for (i = 0; p->w && i < p->jobs; i++) {
		worker *w = &p->w[i];
		if (w->pid <= 0)
			continue;
		if (w->load > 0) /* abandoned mid-paragraph */
			kill(w->pid, SIGKILL);
		if (w->sock >= 0) { /* end of file: an idle worker exits */
			shutdown(w->sock, SHUT_RDWR);
			close(w->sock);
		}
		reap(w->pid, NULL);
	}
	if (p->reuse < 0 && p->probe > 0) {
		kill(p->probe, SIGKILL);
		reap(p->probe, NULL);
	}
	for (i = 0; i < p->nspare; i++)
		close(p->spare_spills[i]);
	free(p->spare_spills);
	free(p->w);
	free(p->ring);
	free(p);
}
