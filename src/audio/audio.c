/* audio.c: see audio.h. The only file that includes sndfile.h. */
#include "audio/audio.h"

#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"

struct audio_out {
	SNDFILE *sf;
	uint64_t count, max;
};

/* A RIFF WAV holds at most 4 GiB: about 27 hours of 16-bit audio at
 * 22050 Hz. Past that a WAV would be corrupt, so it is refused with a clear
 * error; the caller asks for RF64 when the audio may be that long. */
#define MAX_SAMPLES ((UINT32_MAX - 1024) / 2)

/* WAV's 16-bit PCM is little-endian: on a little-endian host the samples
 * are already the file's bytes, and sf_write_raw hands them to the file in
 * one write instead of converting them 4 KiB at a time. */
static int write_samples(SNDFILE *sf, const int16_t *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return sf_write_raw(sf, s, (sf_count_t)(n * 2)) == (sf_count_t)(n * 2) ? 0 : -1;
#else
	return sf_write_short(sf, s, (sf_count_t)n) == (sf_count_t)n ? 0 : -1;
#endif
}

audio_out *audio_open(const char *path, int rate, int rf64, char *err, size_t errlen)
{
	SF_INFO info = {0};
	audio_out *a = su_malloc(sizeof *a);
	if (!a) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	info.samplerate = rate;
	info.channels = 1;
	info.format = (rf64 ? SF_FORMAT_RF64 : SF_FORMAT_WAV) | SF_FORMAT_PCM_16;
	a->count = 0;
	a->max = rf64 ? UINT64_MAX : MAX_SAMPLES;
	a->sf = sf_open(path, SFM_WRITE, &info);
	if (!a->sf) {
		snprintf(err, errlen, "%s", sf_strerror(NULL));
		free(a);
		return NULL;
	}
	return a;
}


int audio_write(audio_out *a, const int16_t *s, size_t n, char *err, size_t errlen)
{
	if (n == 0)
		return 0;
	if (a->count + n > a->max) {
		snprintf(err, errlen, "audio longer than a WAV file can hold (4 GiB, about 27 hours): "
			 "split the input");
		return -1;
	}
	if (write_samples(a->sf, s, n) != 0) {
		snprintf(err, errlen, "%s", sf_strerror(a->sf));
		return -1;
	}
	a->count += n;
	return 0;
}

int audio_silence(audio_out *a, size_t n, char *err, size_t errlen)
{
	static const int16_t zeros[32768];
	while (n > 0) {
		size_t k = n < 32768 ? n : 32768;
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
