/* publish.h: outputs under temporary names, and publishing them.
 *
 * Every output is written as a hidden temporary file beside its final name
 * (dir/.name.tmp) and registered here, so that a signal handler can remove
 * them (suara_cleanup_temps). When a document is complete, all its outputs
 * are renamed into place, or none is: a failure on the way takes back the
 * ones already renamed, so a reader never finds a WAV without its
 * timestamps or timestamps of audio that is not there. */
#ifndef SUARA_PUBLISH_H
#define SUARA_PUBLISH_H

#include <stddef.h>

/* Register the temporary file path; its slot, or -1 when there is no room
 * or the path is too long. */
int temp_register(const char *path);
/* Register dir/.name.tmp for the final name dir/name; a slot or -1. */
int temp_beside(const char *final);
/* The path of a slot. */
const char *temp_path(int slot);
/* Unlink the slot's file if it is still there and free the slot; *slot
 * becomes -1 (nothing happens when it is -1 already). */
void temp_drop(int *slot);

/* Rename the n temporary files slots[i] to finals[i], all or none. On
 * success the slots are freed (-1). On failure returns -1 with the name
 * and reason in err, having removed the finals it had already renamed;
 * the slots not published stay registered, for temp_drop. */
int publish_all(int *slots, const char *const *finals, size_t n, char *err, size_t errlen);

#endif
