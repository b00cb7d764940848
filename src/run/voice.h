/* voice.h: the voice preset, voices/NAME/voice.conf.
 *
 * voice.conf holds `key = value` lines (`#` starts a comment):
 *   espeak_voice     espeak-ng voice name (e.g. id)
 *   speed            words per minute
 *   pitch            0..99
 *   volume           0..200
 *   sentence_pause   milliseconds of silence after a sentence
 *   paragraph_pause  milliseconds of silence between paragraphs
 *   dictionary       the hunspell affix dictionary the pronunciation reads
 *                    stems from, without .aff/.dic (default
 *                    /usr/share/hunspell/id_ID, Debian's hunspell-id)
 *   english          the hunspell dictionary of English words said with
 *                    english_voice, without .dic (default
 *                    /usr/share/hunspell/en_US, Debian's hunspell-en-us;
 *                    empty: none)
 *   english_voice    the espeak-ng voice English words are said in (en-us)
 * The folder also holds the tables the text front end loads. */
#ifndef SUARA_VOICE_H
#define SUARA_VOICE_H

#include <stddef.h>

typedef struct {
	char name[64];          /* what the user asked for, e.g. "id" */
	char dir[4096];         /* the preset's folder */
	char espeak_voice[64];
	char dictionary[4096];
	char english[4096];
	char english_voice[32];
	int speed, pitch, volume;
	int sentence_pause_ms, paragraph_pause_ms;
} voice_preset;

/* Find the preset folder for name_or_dir and load voice.conf. A name is
 * looked up in $SUARA_VOICES, then in `voices/` beside the executable (and
 * its parent), then in ../share/suara/voices beside it, then the same
 * beside libsuara.so (for a program linked with an installed library). Returns 0, or -1
 * with a message naming the file (and line) in err. */
int voice_load(voice_preset *v, const char *name_or_dir, char *err, size_t errlen);

#endif
