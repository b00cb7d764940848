/* audio.h: the one door to libsndfile: 16-bit mono WAV output. */
#ifndef SUARA_AUDIO_H
#define SUARA_AUDIO_H

#include <stddef.h>
#include <stdint.h>

typedef struct audio_out audio_out;

/* Open path for writing 16-bit PCM mono at rate: a WAV, or with rf64 an
 * RF64 file (EBU Tech 3306: a WAV without the 4 GiB limit, which sox,
 * ffmpeg and libsndfile read, but simpler WAV readers do not). Returns NULL
 * on failure, with libsndfile's reason in err. */
audio_out *audio_open(const char *path, int rate, int rf64, char *err, size_t errlen);

/* Append n samples / n zero samples. 0, or -1 with the reason in err. */
int audio_write(audio_out *a, const int16_t *s, size_t n, char *err, size_t errlen);
int audio_silence(audio_out *a, size_t n, char *err, size_t errlen);

/* Samples written so far. */
uint64_t audio_count(const audio_out *a);

/* Finish the file. 0, or -1 with the reason in err. Frees a either way. */
int audio_close(audio_out *a, char *err, size_t errlen);

#endif
