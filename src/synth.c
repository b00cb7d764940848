/* synth.c: see synth.h. The only file that includes espeak-ng's headers. */
#include "synth.h"

#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* What the callback fills during one synth_say call. */
typedef struct {
	synth_out *out;
	const size_t *char_to_byte; /* text_position (1-based chars) -> byte */
	size_t nchars;
	int failed;
} say_ctx;

static int on_audio(short *wav, int n, espeak_EVENT *ev)
{
	say_ctx *ctx = ev ? ev->user_data : NULL;
	if (!ctx || ctx->failed)
		return 1;
	for (; ev->type != espeakEVENT_LIST_TERMINATED; ev++) {
		synth_word w;
		if (ev->type != espeakEVENT_WORD || ev->length <= 0 || ev->text_position < 1 ||
		    (size_t)ev->text_position > ctx->nchars)
			continue;
		w.text_off = ctx->char_to_byte[ev->text_position - 1];
		w.sample = ev->sample < 0 ? 0 : (size_t)ev->sample;
		if (!vec_push(&ctx->out->words, &w))
			ctx->failed = 1;
	}
	if (wav && n > 0 && !ctx->failed && vec_push_n(&ctx->out->samples, wav, (size_t)n) != 0)
		ctx->failed = 1;
	return ctx->failed;
}

int synth_init(const char *voice, int speed, int pitch, int volume, char *err, size_t errlen)
{
	int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT);
	if (rate <= 0) {
		snprintf(err, errlen, "espeak-ng could not be initialized (is espeak-ng-data installed?)");
		return -1;
	}
	espeak_SetSynthCallback(on_audio);
	if (espeak_SetVoiceByName(voice) != EE_OK) {
		snprintf(err, errlen, "espeak-ng has no voice '%s'", voice);
		return -1;
	}
	if (espeak_SetParameter(espeakRATE, speed, 0) != EE_OK ||
	    espeak_SetParameter(espeakPITCH, pitch, 0) != EE_OK ||
	    espeak_SetParameter(espeakVOLUME, volume, 0) != EE_OK) {
		snprintf(err, errlen, "espeak-ng refused the voice parameters");
		return -1;
	}
	return rate;
}

/* Byte offset of each character of text, for mapping event positions. */
static size_t *char_offsets(const char *text, size_t len, size_t *nchars)
{
	size_t *map = suara_malloc((len + 1) * sizeof *map), pos = 0, n = 0;
	if (!map)
		return NULL;
	while (pos < len) {
		map[n++] = pos;
		utf8_next(text, len, &pos);
	}
	*nchars = n;
	return map;
}

int synth_say(const char *text, size_t len, synth_out *out)
{
	say_ctx ctx = {out, NULL, 0, 0};
	size_t *map = char_offsets(text, len, &ctx.nchars);
	espeak_ERROR e;
	if (!map)
		return -1;
	ctx.char_to_byte = map;
	e = espeak_Synth(text, len + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8 | espeakPHONEMES,
			 NULL, &ctx);
	if (e == EE_OK)
		e = espeak_Synchronize();
	free(map);
	return (e == EE_OK && !ctx.failed) ? 0 : -1;
}
