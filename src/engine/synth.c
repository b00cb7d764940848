/* synth.c: see synth.h. The only file that includes espeak-ng's headers. */
#define _GNU_SOURCE /* dladdr, dl_iterate_phdr */
#include "engine/synth.h"

#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <espeak-ng/speak_lib.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/fdio.h"
#include "base/hash.h"
#include "base/utf8.h"

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
	if (!ctx->out)
		return 0; /* phonemes only */
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
	errno = 0;
	if (espeak_SetVoiceByName(voice) != EE_OK) {
		/* espeak-ng does not say why; a lack of descriptors or memory
		 * is the machine's, not the voice's. */
		if (errno == EMFILE || errno == ENFILE || errno == ENOMEM)
			snprintf(err, errlen, "espeak-ng could not load voice '%s': %s", voice, strerror(errno));
		else
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
	size_t *map = su_malloc((len + 1) * sizeof *map), pos = 0, n = 0;
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
	e = espeak_Synth(text, len + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8 | espeakPHONEMES, NULL, &ctx);
	if (e == EE_OK)
		e = espeak_Synchronize();
	free(map);
	return (e == EE_OK && !ctx.failed) ? 0 : -1;
}

int synth_phonemes(const char *text, size_t len, sbuf *out)
{
	say_ctx ctx = {NULL, NULL, 0, 0};
	char *trace = NULL;
	size_t tlen = 0;
	FILE *f = open_memstream(&trace, &tlen);
	espeak_ERROR e;
	int rc = -1;
	if (!f)
		return -1;
	espeak_SetPhonemeTrace(espeakPHONEMES_SHOW, f);
	e = espeak_Synth(text, len + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8 | espeakPHONEMES, NULL, &ctx);
	if (e == EE_OK)
		e = espeak_Synchronize();
	espeak_SetPhonemeTrace(0, NULL);
	if (fclose(f) == 0 && e == EE_OK && !ctx.failed) {
		rc = 0;
		for (size_t i = 0, start = 0; i <= tlen && rc == 0; i++) {
			if (i < tlen && trace[i] != '\n')
				continue;
			while (start < i && (trace[start] == ' ' || trace[start] == '\r'))
				start++;
			if (i > start && ((out->len && sbuf_addc(out, ' ') != 0) ||
					  sbuf_add(out, trace + start, i - start) != 0))
				rc = -1;
			start = i + 1;
		}
	}
	free(trace);
	return rc;
}

/* ---- the pristine state ----
 *
 * espeak-ng 1.51 keeps what carries over from one utterance to the next
 * (wavegen's phase and flutter, pitch and pause state, the echo buffer) in
 * its own static variables: the writable data segment of libespeak-ng.
 * Copying that segment after a first utterance and copying it back later
 * returns the engine to exactly that state, which is what a fork from it
 * would give, for a few tens of microseconds instead of a fork. The copy is
 * only trusted after synth_reset_is_exact, run in a process of its own: the
 * same sentence spoken right after the copy and again after a reset must
 * give the same samples (without the reset it never does). */

static struct {
	unsigned char *seg;  /* the segment's part after RELRO */
	size_t len;
	unsigned char *copy;
	const void *code;    /* a function of libespeak-ng, to find it by */
} pristine;

/* dl_iterate_phdr callback: in the object whose code holds pristine.code,
 * find the writable segment, less the part that is made read-only after
 * relocation (RELRO: the GOT, never state). glibc protects RELRO up to its
 * end rounded down to a page, so what is writable starts there. */
static int find_segment(struct dl_phdr_info *info, size_t size, void *ud)
{
	uintptr_t lo = 0, hi = 0, relro_end = 0, code = (uintptr_t)pristine.code;
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	int i, mine = 0;
	(void)size;
	(void)ud;
	for (i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t start = info->dlpi_addr + ph->p_vaddr;
		if (ph->p_type == PT_LOAD && code >= start && code < start + ph->p_memsz)
			mine = 1;
		if (ph->p_type == PT_LOAD && (ph->p_flags & PF_W) && !lo)
			lo = start, hi = start + ph->p_memsz;
		else if (ph->p_type == PT_GNU_RELRO)
			relro_end = start + ph->p_memsz;
	}
	if (!mine)
		return 0;
	if (page == 0 || page == (uintptr_t)-1)
		page = 4096;
	relro_end &= ~(page - 1);
	if (relro_end > lo)
		lo = relro_end;
	if (lo && hi > lo) {
		pristine.seg = (unsigned char *)lo;
		pristine.len = hi - lo;
	}
	return 1;
}

/* A hash of samples, for comparing two utterances. */
static uint64_t hash_samples(const vec *v)
{
	return su_fnv1a(SU_FNV_BASIS, v->items, v->len * v->size) ^ v->len;
}

/* Speak text and return the hash of its samples; 0 on failure. */
static uint64_t probe(const char *text)
{
	synth_out o;
	uint64_t h = 0;
	vec_init(&o.samples, sizeof(int16_t));
	vec_init(&o.words, sizeof(synth_word));
	if (synth_say(text, strlen(text), &o) == 0 && o.samples.len > 0)
		h = hash_samples(&o.samples);
	vec_free(&o.samples);
	vec_free(&o.words);
	return h;
}

/* The address of a function's code, for dladdr (ISO C has no cast). */
static void *code_address(void (*fn)(void))
{
	void *p;
	memcpy(&p, &fn, sizeof p);
	return p;
}

int synth_set_pristine(void)
{
	Dl_info self, lib;
	/* The first utterance creates the engine's text decoder: warm up so
	 * that the copy never holds a pointer the engine has yet to allocate. */
	if (probe("a.") == 0)
		return -1;
	srand(1);
	/* Only a shared libespeak-ng has a segment of its own; linked into
	 * the program, the segment would be suara's too. */
	if (!dladdr(code_address((void (*)(void))espeak_Synth), &lib) ||
	    !dladdr(code_address((void (*)(void))synth_set_pristine), &self) ||
	    lib.dli_fbase == self.dli_fbase)
		return 0;
	pristine.code = code_address((void (*)(void))espeak_Synth);
	dl_iterate_phdr(find_segment, NULL);
	if (!pristine.seg || !(pristine.copy = su_malloc(pristine.len)))
		return 0;
	memcpy(pristine.copy, pristine.seg, pristine.len);
	return 1;
}

int synth_reset_is_exact(void)
{
	static const char probe_text[] = "Apa kabar, Budi?";
	uint64_t a = probe(probe_text), b;
	synth_reset();
	b = probe(probe_text);
	return a != 0 && a == b;
}

void synth_reset(void)
{
	if (pristine.copy)
		memcpy(pristine.seg, pristine.copy, pristine.len);
	srand(1);
}

/* ---- a second language's phonemes ----
 *
 * A voice change makes espeak-ng free its translator and build another, so
 * a reset (a copy of the static state, which points at the translator)
 * could not follow one. The words of a second language are therefore
 * turned into that language's phonemes by a process of their own, forked
 * on first need, whose engine speaks that language and nothing else; the
 * speaking engine only switches phoneme tables ([[_^_en-us ...]]), which
 * is static state. The process answers one request at a time over a
 * socket: a length (uint32_t) and the word, then a length and the
 * phonemes (0: none). It ends at end of file on the socket. */

static struct {
	char voice[64];
	pid_t pid;  /* 0: not started; -1: could not be */
	int sock;
} other = {"", 0, -1};

static _Noreturn void other_main(int sock)
{
	char word[SYNTH_FOREIGN_MAX + 1];
	if (espeak_SetVoiceByName(other.voice) != EE_OK)
		_exit(1);
	for (;;) {
		uint32_t n, m = 0;
		const void *at = word;
		const char *ph = NULL;
		char out[4 * SYNTH_FOREIGN_MAX + 64];
		if (su_read_full(sock, &n, sizeof n) != 0 || n > SYNTH_FOREIGN_MAX || su_read_full(sock, word, n) != 0)
			_exit(0);
		word[n] = '\0';
		/* one clause at a time; a word is one */
		while (at && (ph = espeak_TextToPhonemes(&at, espeakCHARS_UTF8, 0)) != NULL && *ph) {
			size_t k = strlen(ph);
			if (m + k + 1 >= sizeof out)
				break;
			if (m)
				out[m++] = ' ';
			memcpy(out + m, ph, k);
			m += (uint32_t)k;
		}
		if (su_send_full(sock, &m, sizeof m) != 0 || su_send_full(sock, out, m) != 0)
			_exit(0);
	}
}

static int other_start(void)
{
	int sv[2];
	pid_t pid;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return -1;
	if ((pid = fork()) < 0) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	if (pid == 0) {
		/* Keep nothing of the parent's open but the socket: its
		 * workers' sockets and files must see their end when it ends. */
		if (dup2(sv[1], 3) != 3)
			_exit(1);
		close_range(4, ~0U, 0);
		prctl(PR_SET_NAME, "suara-foreign");
		other_main(3);
	}
	close(sv[1]);
	other.pid = pid;
	other.sock = sv[0];
	return 0;
}

void synth_set_foreign(const char *voice)
{
	snprintf(other.voice, sizeof other.voice, "%s", voice ? voice : "");
}

void synth_foreign_prepare(void)
{
	if (other.voice[0] && other.pid == 0 && other_start() != 0)
		other.pid = -1;
}

int synth_foreign_phonemes(const char *word, size_t n, sbuf *out)
{
	uint32_t len = (uint32_t)n, m;
	char buf[4 * SYNTH_FOREIGN_MAX + 64];
	if (!other.voice[0] || n == 0 || n > SYNTH_FOREIGN_MAX || other.pid < 0)
		return 1;
	if (other.pid == 0 && other_start() != 0) {
		other.pid = -1;
		return 1;
	}
	if (su_send_full(other.sock, &len, sizeof len) != 0 || su_send_full(other.sock, word, n) != 0 ||
	    su_read_full(other.sock, &m, sizeof m) != 0 || m > sizeof buf || su_read_full(other.sock, buf, m) != 0) {
		synth_foreign_end(1); /* it died: the words are the main voice's from now on */
		other.pid = -1;
		return 1;
	}
	if (m == 0)
		return 1;
	return sbuf_add(out, buf, m) == 0 ? 0 : -1;
}

void synth_foreign_end(int wait)
{
	if (other.pid > 0) {
		close(other.sock);
		/* It holds nothing worth finishing, and may still be loading its
		 * voice (some 15 ms a short run would wait for): end it now. */
		if (wait)
			kill(other.pid, SIGKILL);
		while (wait && waitpid(other.pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	other.pid = 0;
	other.sock = -1;
}
