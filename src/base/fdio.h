/* fdio.h: whole reads and writes on a descriptor, for the sockets between
 * processes (the worker pool, the English phonemizer). */
#ifndef SUARA_FDIO_H
#define SUARA_FDIO_H

#include <stddef.h>

/* Read exactly n bytes (retrying on EINTR). 0, or -1 on an error or an
 * early end. */
int su_read_full(int fd, void *dst, size_t n);
/* Send exactly n bytes on a socket, without SIGPIPE (MSG_NOSIGNAL). 0, or
 * -1 when the other end is gone or on an error. */
int su_send_full(int fd, const void *src, size_t n);

#endif
