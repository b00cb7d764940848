/* publish.c: see publish.h. */
#include "run/publish.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suara.h"

#define MAX_TEMPS 256
#define PATH_LEN 4200

static char temp_paths[MAX_TEMPS][PATH_LEN];
static volatile sig_atomic_t temp_used[MAX_TEMPS];

void suara_cleanup_temps(void)
{
	for (int i = 0; i < MAX_TEMPS; i++)
		if (temp_used[i])
			unlink(temp_paths[i]);
}

int temp_register(const char *path)
{
	int i;
	for (i = 0; i < MAX_TEMPS && temp_used[i]; i++)
		;
	if (i == MAX_TEMPS || snprintf(temp_paths[i], PATH_LEN, "%s", path) >= PATH_LEN)
		return -1;
	temp_used[i] = 1;
	return i;
}

/* The name has no process id in it, so a run killed by SIGKILL (which no
 * handler sees) leaves at most one hidden file per output, which the next
 * run reuses. (Two runs writing the same outputs at the same time would
 * share it, as they would share the outputs.) */
int temp_beside(const char *final)
{
	const char *slash = strrchr(final, '/');
	int dirlen = slash ? (int)(slash - final + 1) : 0;
	char path[PATH_LEN];
	if (snprintf(path, sizeof path, "%.*s.%s.tmp", dirlen, final, final + dirlen) >= PATH_LEN)
		return -1;
	return temp_register(path);
}

const char *temp_path(int slot) { return temp_paths[slot]; }

void temp_drop(int *slot)
{
	if (*slot < 0)
		return;
	unlink(temp_paths[*slot]);
	temp_used[*slot] = 0;
	*slot = -1;
}

/* Can final take a file? Not when a folder (or anything but a file) is
 * there under that name. */
static int replaceable(const char *final)
{
	struct stat st;
	if (lstat(final, &st) != 0)
		return errno == ENOENT ? 0 : errno;
	return S_ISREG(st.st_mode) || S_ISLNK(st.st_mode) ? 0 : EISDIR;
}

/* The old file is unlinked first: renaming over it makes ext4
 * (auto_da_alloc) write the new file back at once, which costs more than
 * the whole render of a short article. Either way the final name never
 * holds a partial file. */
static int replace(int slot, const char *final)
{
	if (unlink(final) != 0 && errno != ENOENT)
		return -1;
	return rename(temp_paths[slot], final);
}

int publish_all(int *slots, const char *const *finals, size_t n, char *err, size_t errlen)
{
	size_t i, done;
	int e;
	for (i = 0; i < n; i++) /* nothing is touched when one cannot be */
		if ((e = replaceable(finals[i])) != 0) {
			snprintf(err, errlen, "%s: %s", finals[i], strerror(e));
			return -1;
		}
	for (done = 0; done < n; done++)
		if (replace(slots[done], finals[done]) != 0)
			break;
	if (done == n) {
		for (i = 0; i < n; i++)
			temp_used[slots[i]] = 0, slots[i] = -1;
		return 0;
	}
	snprintf(err, errlen, "%s: %s", finals[done], strerror(errno));
	for (i = 0; i < done; i++) /* take back what was published */
		unlink(finals[i]);
	return -1;
}
