/* fdio.c: see fdio.h. */
#include "base/fdio.h"

#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

int su_read_full(int fd, void *dst, size_t n)
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

int su_send_full(int fd, const void *src, size_t n)
{
	const char *p = src;
	while (n > 0) {
		ssize_t put = send(fd, p, n, MSG_NOSIGNAL);
		if (put < 0 && errno == EINTR)
			continue;
		if (put <= 0)
			return -1;
		p += put;
		n -= (size_t)put;
	}
	return 0;
}
