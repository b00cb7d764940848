/* render.c: a program of a library user, built by the install test with
 * `pkg-config --cflags --libs suara` against an installed libsuara.
 * usage: render INPUT.txt OUT.wav TIMESTAMP_BASE */
#include <stdio.h>
#include <suara.h>

int main(int argc, char **argv)
{
	suara_options opt;
	suara_renderer *r;
	char err[512];
	int st;
	if (argc != 4)
		return fprintf(stderr, "usage: render INPUT OUT.wav BASE\n"), 2;
	suara_options_init(&opt);
	opt.jobs = 1;
	if ((st = suara_renderer_new(&r, &opt, err, sizeof err)) != SUARA_OK)
		return fprintf(stderr, "render: %s\n", err), 1;
	st = suara_render_file(r, argv[1], NULL, argv[2], argv[3]);
	if (st != SUARA_OK)
		fprintf(stderr, "render: %s: %s\n", suara_strerror(st), suara_errdetail(r));
	suara_renderer_free(r);
	return st == SUARA_OK ? 0 : 1;
}
