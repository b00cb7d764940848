/* bench/text.c: throughput of the text front end (paragraphs, sentence
 * segmentation, normalization and pronunciation), without synthesis or
 * printing.
 * usage: bench-text VOICE_DIR FILE [RUNS]; prints the best of RUNS. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "text/input.h"
#include "text/normalize.h"
#include "pron/pron.h"
#include "text/segment.h"
#include "engine/speak.h"

typedef struct {
	const norm_rules *norm;
	const pron_rules *pron;
	const char *text;
	sbuf spoken, engine;
	vec pieces, anchors;
	size_t sentences;
} bench;

static int one_sentence(void *ud, size_t off, size_t len)
{
	bench *b = ud;
	sbuf_clear(&b->spoken);
	vec_clear(&b->pieces);
	b->sentences++;
	if (norm_sentence(b->norm, b->text + off, len, &b->spoken, &b->pieces) != 0)
		return -1;
	return pron_sentence(b->pron, sbuf_str(&b->spoken), b->spoken.len, &b->engine, &b->anchors);
}

/* English words: a fixed stand-in for the engine's phonemes (the text
 * front end is measured, not espeak-ng). */
static int bench_english(void *ud, const char *w, size_t n, sbuf *out)
{
	(void)ud;
	return sbuf_add(out, w, n) == 0 ? 0 : -1;
}

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	char err[512];
	seg_rules *seg = NULL;
	norm_rules *norm = NULL;
	pron_rules *pron = NULL;
	input_doc doc;
	size_t bad, pos;
	int runs = argc > 3 ? atoi(argv[3]) : 3, i;
	double best = 1e9;
	bench b = {0};
	if (argc < 3)
		return fprintf(stderr, "usage: bench-text VOICE_DIR FILE [RUNS]\n"), 2;
	if (seg_rules_load(&seg, argv[1], err, sizeof err) || norm_rules_load(&norm, argv[1], err, sizeof err) ||
	    pron_load(&pron, argv[1], "/usr/share/hunspell/id_ID", err, sizeof err) ||
	    pron_set_english(pron, "/usr/share/hunspell/en_US.dic", "en-us", "id", bench_english, NULL))
		return fprintf(stderr, "bench-text: %s\n", err), 1;
	if (input_read(&doc, argv[2], &bad) != 0)
		return fprintf(stderr, "bench-text: cannot read %s\n", argv[2]), 1;
	b.norm = norm;
	b.pron = pron;
	b.text = doc.text;
	vec_init(&b.pieces, sizeof(norm_piece));
	vec_init(&b.anchors, sizeof(pron_anchor));
	for (i = 0; i < runs; i++) {
		double t0 = seconds(), t;
		input_para p;
		pos = 0;
		b.sentences = 0;
		while (input_next_para(&doc, &pos, &p))
			speak_each_sentence(seg, doc.text, p.off, p.len, one_sentence, &b);
		t = seconds() - t0;
		best = t < best ? t : best;
	}
	printf("text front end: %zu bytes, %zu sentences, best of %d: %.3f s, %.1f MB/s\n", doc.len,
	       b.sentences, runs, best, (double)doc.len / best / 1e6);
	sbuf_free(&b.spoken);
	sbuf_free(&b.engine);
	vec_free(&b.pieces);
	vec_free(&b.anchors);
	input_free(&doc);
	seg_rules_free(seg);
	norm_rules_free(norm);
	pron_free(pron);
	return 0;
}
