/* test_core.c: buffers, UTF-8 and input reading. */
#include <stdint.h>
#include <stdlib.h>

#include "base/buf.h"
#include "text/input.h"
#include "suara.h"
#include "test.h"
#include "base/utf8.h"

void suite_buf(void)
{
	sbuf b = {0};
	vec v;
	int i, x = 7, rc;
	unsigned long n;
	CHECK_STR(sbuf_str(&b), "", "a new buffer reads as empty");
	CHECK(sbuf_adds(&b, "abc") == 0 && sbuf_addi(&b, -42) == 0 && sbuf_addu(&b, 18446744073709551615ULL) == 0,
	      "appends succeed");
	CHECK_STR(b.data, "abc-4218446744073709551615", "appended text and numbers, no locale");
	CHECK(sbuf_reserve(&b, SIZE_MAX - 2) == -1, "size overflow is refused, not wrapped");
	CHECK_STR(b.data, "abc-4218446744073709551615", "a refused reserve leaves the buffer unchanged");
	sbuf_clear(&b);
	CHECK(b.len == 0 && b.data[0] == '\0', "clear keeps a NUL-terminated empty buffer");
	sbuf_free(&b);
	vec_init(&v, sizeof(int));
	for (i = 0; i < 1000; i++)
		vec_push(&v, &i);
	CHECK(v.len == 1000 && *(int *)vec_at(&v, 999) == 999, "vec holds 1000 pushed items in order");
	vec_free(&v);
	/* The failing allocator: each n-th allocation fails once, and the
	 * buffer stays whole (appends of 2000 bytes allocate about 8 times). */
	{
		int failures = 0, broken = 0;
		for (n = 1; n < 20; n++) {
			sbuf t = {0};
			test_fail_alloc_after(n);
			rc = 0;
			for (i = 0; i < 200 && rc == 0; i++)
				rc = sbuf_adds(&t, "0123456789");
			test_fail_alloc_after(0);
			failures += rc != 0;
			broken += t.len % 10 != 0 || (t.data != NULL && t.data[t.len] != '\0') || (rc == 0 && t.len != 2000);
			sbuf_free(&t);
		}
		CHECK(failures >= 5, "allocations do fail (%d of 19 runs)", failures);
		CHECK(broken == 0, "a failed allocation keeps the buffer consistent (%d runs are not)", broken);
	}
	vec_init(&v, sizeof x);
	test_fail_alloc_after(1);
	CHECK(vec_push(&v, &x) == NULL && v.len == 0, "vec_push reports a failed allocation");
	test_fail_alloc_after(0);
	vec_free(&v);
}

static int decodes(const char *s, size_t len, uint32_t want)
{
	uint32_t cp = 0;
	return utf8_decode(s, len, &cp) == len && cp == want;
}

void suite_utf8(void)
{
	uint32_t cp;
	size_t pos = 0;
	const char *mixed = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80";
	CHECK(decodes("A", 1, 'A'), "ASCII");
	CHECK(decodes("\xC3\xA9", 2, 0xE9), "two-byte e acute");
	CHECK(decodes("\xE2\x80\xA6", 3, 0x2026), "three-byte ellipsis");
	CHECK(decodes("\xF0\x9F\x98\x80", 4, 0x1F600), "four-byte emoji");
	CHECK(utf8_decode("\xC0\xAF", 2, &cp) == 0, "overlong two-byte form is invalid");
	CHECK(utf8_decode("\xE0\x80\xAF", 3, &cp) == 0, "overlong three-byte form is invalid");
	CHECK(utf8_decode("\xED\xA0\x80", 3, &cp) == 0, "UTF-16 surrogate is invalid");
	CHECK(utf8_decode("\xF4\x90\x80\x80", 4, &cp) == 0, "above U+10FFFF is invalid");
	CHECK(utf8_decode("\xE2\x80", 2, &cp) == 0, "truncated sequence is invalid");
	CHECK(utf8_decode("\x80", 1, &cp) == 0, "lone continuation byte is invalid");
	CHECK(utf8_validate("abc\xFF" "def", 7) == 3, "validate reports the offset of the bad byte");
	CHECK(utf8_validate(mixed, strlen(mixed)) == strlen(mixed), "valid mixed text passes");
	CHECK(utf8_next(mixed, strlen(mixed), &pos) == 'a' && utf8_next(mixed, strlen(mixed), &pos) == 0xE9 &&
	      utf8_next(mixed, strlen(mixed), &pos) == 0x201C && utf8_next(mixed, strlen(mixed), &pos) == 0x1F600 &&
	      pos == strlen(mixed), "utf8_next walks code points");
	CHECK(utf8_prev(mixed, &pos) == 0x1F600 && utf8_prev(mixed, &pos) == 0x201C && pos == 3,
	      "utf8_prev walks back");
	CHECK(u_isupper(0xC9) && u_islower(0xE9) && !u_isupper('1'), "Unicode case classes, no locale");
	CHECK(u_isspace(0xA0) && u_isspace(0x3000) && !u_isspace(0x200B), "NBSP and ideographic space are spaces");
	CHECK(u_isinvisible(0x200B) && u_isinvisible(0xFEFF), "zero-width characters are invisible");
}

/* Paragraph texts of s, joined with '|', folded as written. */
static char *paragraphs(const char *s, int *status)
{
	input_doc doc;
	input_para p;
	size_t pos = 0, bad = 0, len = strlen(s);
	char *raw = malloc(len + 1), *out = calloc(1, len * 2 + 2);
	memcpy(raw, s, len + 1);
	*status = input_take(&doc, raw, len, &bad);
	if (*status != SUARA_OK) {
		input_free(&doc);
		snprintf(out, len * 2 + 2, "bad@%zu", bad);
		return out;
	}
	while (input_next_para(&doc, &pos, &p)) {
		if (*out)
			strcat(out, "|");
		strncat(out, doc.text + p.off, p.len);
	}
	input_free(&doc);
	return out;
}

void suite_input(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{"Satu.\n\nDua.\n", "Satu.|Dua."},
		{"Satu\nbaris dua.\n \t \nTiga.", "Satu baris dua.|Tiga."},
		{"\xEF\xBB\xBFKata.\r\n\r\nLagi.\r\n", "Kata.|Lagi."},
		{"\n\n\n  Awal.  \n\n\n\nAkhir.\n\n", "Awal.|Akhir."},
		{"A\r\nB\r\n\r\n\r\nC", "A  B|C"},
		{"", ""},
		{"\n \n\t\n", ""},
		{"Nbsp\n\xC2\xA0\nmasih satu.", "Nbsp \xC2\xA0 masih satu."},
		/* a line of only a control character: an empty paragraph, and
		 * the trimming must not run into the next one (found by fuzzing) */
		{"Satu.\n\n\x06\n\nDua.", "Satu.||Dua."},
	};
	input_doc doc;
	size_t i, line, col, bad;
	int st;
	char *got, *raw;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = paragraphs(cases[i].in, &st);
		CHECK_STR(got, cases[i].want, "paragraphs of case %zu", i);
		free(got);
	}
	got = paragraphs("ok\n\xC3(", &st);
	CHECK(st == SUARA_ERR_TEXT, "a bad sequence is an error");
	CHECK_STR(got, "bad@3", "its byte offset is reported");
	free(got);
	got = paragraphs("ok\nx\0y", &st);
	CHECK(st == SUARA_OK, "strlen stops at NUL in this helper (sanity)");
	free(got);
	raw = malloc(8);
	memcpy(raw, "ab\ncd\0e", 8);
	st = input_take(&doc, raw, 7, &bad);
	CHECK(st == SUARA_ERR_TEXT && bad == 5, "a NUL byte is an error at its offset");
	input_position(&doc, bad, &line, &col);
	CHECK(line == 2 && col == 3, "NUL position is line 2, column 3 (got %zu:%zu)", line, col);
	input_free(&doc);
	raw = malloc(16);
	memcpy(raw, "\xC3\xA9t\xC3\xA9\n\xE2\x80\x9C" "x\xFF", 11);
	st = input_take(&doc, raw, 11, &bad);
	input_position(&doc, bad, &line, &col);
	CHECK(st == SUARA_ERR_TEXT && line == 2 && col == 3, "columns count characters, not bytes (got %zu:%zu)",
	      line, col);
	input_free(&doc);
	raw = malloc(8);
	memcpy(raw, "\xEF\xBB\xBF\xC3(", 6);
	st = input_take(&doc, raw, 5, &bad);
	input_position(&doc, bad, &line, &col);
	CHECK(st == SUARA_ERR_TEXT && bad == 3 && line == 1 && col == 1,
	      "after a BOM, a bad byte at the start is line 1, column 1 (got %zu:%zu)", line, col);
	input_free(&doc);
	got = paragraphs("\xEF\xBB\xBF\n\nSatu.\n", &st);
	CHECK_STR(got, "Satu.", "a BOM and a blank line make no paragraph");
	free(got);
	CHECK(!input_has_text(" \xC2\xA0\xE3\x80\x80 ", 7) && input_has_text(" * ", 3),
	      "whitespace-only text has nothing to speak");
}
