/* audio.c: see audio.h. The only file that includes sndfile.h. */
#include "audio.h"

#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"

struct audio_out {
	SNDFILE *sf;
	uint64_t count;
};

audio_out *audio_open(const char *path, int rate, char *err, size_t errlen)
{
	SF_INFO info = {0};
	audio_out *a = suara_malloc(sizeof *a);
	if (!a) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	info.samplerate = rate;
	info.channels = 1;
	info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
	a->count = 0;
	a->sf = sf_open(path, SFM_WRITE, &info);
	if (!a->sf) {
		snprintf(err, errlen, "%s", sf_strerror(NULL));
		free(a);
		return NULL;
	}
	return a;
}

/* A RIFF WAV holds at most 4 GiB: about 27 hours of 16-bit audio at
 * 22050 Hz. RF64 would lift the limit, but libsndfile then writes the
 * extensible format tag even for short files, which many WAV readers
 * (Python's wave module among them) reject; so longer audio is refused
 * with a clear error instead of a corrupt file. */
#define MAX_SAMPLES ((UINT32_MAX - 1024) / 2)

int audio_write(audio_out *a, const int16_t *s, size_t n, char *err, size_t errlen)
{
	if (n == 0)
		return 0;
	if (a->count + n > MAX_SAMPLES) {
		snprintf(err, errlen, "audio longer than a WAV file can hold (4 GiB, about 27 hours): "
			 "split the input");
		return -1;
	}
	if (sf_write_short(a->sf, s, (sf_count_t)n) != (sf_count_t)n) {
		snprintf(err, errlen, "%s", sf_strerror(a->sf));
		return -1;
	}
	a->count += n;
	return 0;
}

int audio_silence(audio_out *a, size_t n, char *err, size_t errlen)
{
	static const int16_t zeros[4096];
	while (n > 0) {
		size_t k = n < 4096 ? n : 4096;
		if (audio_write(a, zeros, k, err, errlen) != 0)
			return -1;
		n -= k;
	}
	return 0;
}

uint64_t audio_count(const audio_out *a) { return a->count; }

int audio_close(audio_out *a, char *err, size_t errlen)
{
	int rc = 0;
	if (sf_error(a->sf) != SF_ERR_NO_ERROR) {
		snprintf(err, errlen, "%s", sf_strerror(a->sf));
		rc = -1;
	}
	if (sf_close(a->sf) != 0 && rc == 0) {
		snprintf(err, errlen, "closing the audio file failed");
		rc = -1;
	}
	free(a);
	return rc;
}
