/* fuzz_text.c: libFuzzer entry point for the text front end (normalize).
 * Build: clang -fsanitize=fuzzer,address,undefined -Isrc -Iinclude
 *   tests/fuzz/fuzz_text.c src/normalize.c src/number.c src/utf8.c src/buf.c
 *   -lutf8proc; run from the repository root (it loads voices/id). */
#include <stdint.h>
#include <stdlib.h>

#include "normalize.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static norm_rules *rules;
	char err[256];
	const char *text = (const char *)data;
	sbuf spoken = {0};
	vec pieces;
	if (!rules && norm_rules_load(&rules, "voices/id", err, sizeof err) != 0)
		abort();
	/* the contract: valid UTF-8 without line breaks */
	if (utf8_validate(text, size) != size)
		return 0;
	for (size_t i = 0; i < size; i++)
		if (data[i] == '\n' || data[i] == '\r')
			return 0;
	vec_init(&pieces, sizeof(norm_piece));
	if (norm_sentence(rules, text, size, &spoken, &pieces) != 0)
		abort();
	for (size_t i = 1; i < pieces.len; i++) {
		const norm_piece *a = vec_at(&pieces, i - 1), *b = vec_at(&pieces, i);
		if (b->src_off < a->src_off + a->src_len || b->sp_off < a->sp_off + a->sp_len)
			abort();
	}
	sbuf_free(&spoken);
	vec_free(&pieces);
	return 0;
}
