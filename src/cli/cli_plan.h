/* cli_plan.h: which inputs a command line renders, and where to.
 *
 * Part of the program, not of libsuara: files and folders (with -r, every
 * .txt file below them, in byte order of their paths) become targets with
 * output names; --shard keeps a deterministic slice of them. */
#ifndef SUARA_CLI_PLAN_H
#define SUARA_CLI_PLAN_H

#include <stddef.h>

typedef struct {
	char *input;       /* path as found */
	char *key;         /* name relative to its root, without extension */
	char *wav, *base;  /* output audio path; timestamp base (no extension) */
	unsigned long long bytes;
	int from_folder;   /* found by walking a folder (-r) */
} plan_item;

typedef struct {
	plan_item *items;
	size_t n, cap;
} plan;

typedef struct {
	const char *outdir;        /* output folder */
	int recursive;
	unsigned shard_k, shard_n; /* keep slice k of n (1-based); n = 0: all */
} plan_opts;

/* Add input (a file, "-", or with recursive a folder). Returns 0, or -1 with
 * a message in err (a folder without recursive, an unreadable folder, out
 * of memory). */
int plan_add(plan *p, const plan_opts *o, const char *input, char *err, size_t errlen);

/* Name the one target's outputs explicitly (-o NAME.wav). */
int plan_set_wav(plan *p, const char *wav, char *err, size_t errlen);

/* Two targets writing the same output: -1 with both named in err. */
int plan_check_unique(const plan *p, char *err, size_t errlen);

/* Keep only the targets of slice o->shard_k of o->shard_n. */
void plan_shard(plan *p, const plan_opts *o);

/* Create the folders the outputs go to. -1 with the reason in err. */
int plan_make_dirs(const plan *p, char *err, size_t errlen);

void plan_free(plan *p);

#endif
