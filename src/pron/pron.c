/* pron.c: see pron.h.
 *
 * A word goes through three steps:
 *   1. the quality of each e: '@' pepet or 'e' taling (decide_word);
 *   2. its phonemes, one segment per sound, and its syllable nuclei
 *      (build_segments);
 *   3. the stress, and the text espeak-ng reads (emit_part). */
#include "pron/pron.h"
#include "base/ascii.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pron/morph.h"
#include "pron/wordset.h"
#include "base/utf8.h"

#define WORD_MAX 64 /* longer words are left to the engine */

enum { PEPET = '@', TALING = 'e' };

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* ---- tables ------------------------------------------------------------ */

/* A root and the quality of each of its e, in order ("presiden" "ee"). */
typedef struct {
	const char *key, *q;
	const char *alt_q; /* homographs: the other reading */
	const char *ctx;   /* homographs: ",word,word," that choose alt_q */
} root;

typedef struct {
	root *r;
	size_t n;
	char *file;  /* the file as read */
	char *arena; /* keys and qualities, NUL-terminated */
} root_table;

struct pron_rules {
	root_table roots, homographs;
	morph *morph;
	wordset english;       /* hunspell-en-us's words, its names apart (WORDSET_CASE) */
	pron_phonemes_fn english_fn;
	void *english_ud;
	char english_table[32], main_table[32]; /* espeak-ng phoneme tables */
	/* the document's names said in English somewhere in it
	 * (pron_set_document): "Jason\nMiller\n" */
	char doc_names[PRON_NAMES_MAX];
	size_t doc_len;
};

static int fail_at(char *err, size_t errlen, const char *path, size_t line, const char *msg)
{
	if (line)
		snprintf(err, errlen, "%s:%zu: %s", path, line, msg);
	else
		snprintf(err, errlen, "%s: %s", path, msg);
	return -1;
}

/* Read a respelled word (a-z, '-', é è for taling, ë for pepet) from *s
 * up to a tab or the end, advancing *s: its plain key and the quality of
 * each e (NUL-terminated, at most WORD_MAX - 1 letters). NULL, or what is
 * wrong. */
static const char *respelling(const char **s, char *key, char *q)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t k = 0, e = 0;
	if (!*p || *p == '\t')
		return "empty word";
	for (; *p && *p != '\t'; p++) {
		if (k + 1 >= WORD_MAX)
			return "a word is longer than 63 letters";
		if (p[0] == 0xC3 && (p[1] == 0xA9 || p[1] == 0xA8 || p[1] == 0xAB)) {
			key[k++] = 'e';
			q[e++] = p[1] == 0xAB ? PEPET : TALING;
			p++;
		} else if (su_is_lower((char)*p) || *p == '-') {
			key[k++] = (char)*p;
			if (*p == 'e')
				q[e++] = PEPET;
		} else {
			return "a word is written with a-z and '-', é or è for taling, ë for pepet";
		}
	}
	key[k] = q[e] = '\0';
	*s = (const char *)p;
	return NULL;
}

/* Copy s to the arena, returning where it went. */
static const char *keep(char **arena, const char *s)
{
	char *at = *arena;
	size_t n = strlen(s) + 1;
	memcpy(at, s, n);
	*arena += n;
	return at;
}

static int root_cmp(const void *a, const void *b)
{
	return strcmp(((const root *)a)->key, ((const root *)b)->key);
}

/* One line: "respelled" (roots.tsv) or "respelled<TAB>other<TAB>word,word"
 * (homographs.tsv: other is the reading chosen when a neighbouring word is
 * one of the list). Anything after a further tab is a comment. Uses at
 * most four times the line's length, plus 8 bytes, of the arena. */
static const char *parse_root(const char *line, int homograph, char **arena, root *r)
{
	char key[WORD_MAX], q[WORD_MAX], alt_key[WORD_MAX], alt_q[WORD_MAX];
	const char *why, *s = line, *end;
	char *ctx;
	if ((why = respelling(&s, key, q)) != NULL)
		return why;
	r->key = keep(arena, key);
	r->q = keep(arena, q);
	r->alt_q = r->ctx = NULL;
	if (!homograph)
		return NULL;
	if (*s++ != '\t')
		return "expected default<TAB>other<TAB>context words";
	if ((why = respelling(&s, alt_key, alt_q)) != NULL)
		return why;
	if (strcmp(alt_key, key) != 0)
		return "both readings must be the same word";
	r->alt_q = keep(arena, alt_q);
	if (*s++ != '\t' || !*s || *s == '\t')
		return "expected context words after the two readings";
	end = strchr(s, '\t');
	end = end ? end : s + strlen(s);
	ctx = *arena; /* ",word,word," for strstr */
	*ctx = ',';
	memcpy(ctx + 1, s, (size_t)(end - s));
	ctx[1 + (end - s)] = ',';
	ctx[2 + (end - s)] = '\0';
	*arena += 3 + (end - s);
	r->ctx = ctx;
	return NULL;
}

static int load_roots(root_table *t, const char *dir, const char *name, int homograph, char *err,
		      size_t errlen)
{
	char path[4200], *p, *end, *arena;
	size_t len, lines = 1, lineno = 0;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (su_read_file(path, &t->file, &len, err, errlen) != 0)
		return -1;
	if (utf8_validate(t->file, len) != len || memchr(t->file, '\0', len))
		return fail_at(err, errlen, path, 0, "invalid UTF-8");
	for (size_t i = 0; i < len; i++)
		lines += t->file[i] == '\n';
	if (!(t->r = su_malloc(lines * sizeof *t->r)) || !(t->arena = su_malloc(4 * len + 8 * lines + 1)))
		return fail_at(err, errlen, path, 0, "out of memory");
	arena = t->arena;
	for (p = t->file, end = t->file + len; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *why;
		if (nl)
			*nl = '\0';
		if (nl && nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		lineno++;
		if (*p && *p != '#') {
			if ((why = parse_root(p, homograph, &arena, &t->r[t->n])) != NULL)
				return fail_at(err, errlen, path, lineno, why);
			t->n++;
		}
		p = nl ? nl + 1 : end;
	}
	for (size_t i = 1; i < t->n; i++) /* kept sorted, it needs no sort */
		if (strcmp(t->r[i - 1].key, t->r[i].key) > 0) {
			qsort(t->r, t->n, sizeof *t->r, root_cmp);
			break;
		}
	for (size_t i = 1; i < t->n; i++)
		if (strcmp(t->r[i - 1].key, t->r[i].key) == 0) {
			snprintf(path + strlen(path), sizeof path - strlen(path), ": '%s'", t->r[i].key);
			return fail_at(err, errlen, path, 0, "a word is listed twice");
		}
	return 0;
}

static const root *find_root(const root_table *t, const char *s, size_t n)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(t->r[mid].key, s, n);
		if (c == 0 && t->r[mid].key[n] != '\0')
			c = 1;
		if (c == 0)
			return &t->r[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void free_table(root_table *t)
{
	free(t->r);
	free(t->file);
	free(t->arena);
}

int pron_load(pron_rules **out, const char *dir, const char *dic_base, char *err, size_t errlen)
{
	pron_rules *p = su_malloc(sizeof *p);
	*out = NULL;
	if (!p)
		return fail_at(err, errlen, dir, 0, "out of memory");
	memset(p, 0, sizeof *p);
	if (load_roots(&p->roots, dir, "roots.tsv", 0, err, errlen) != 0 ||
	    load_roots(&p->homographs, dir, "homographs.tsv", 1, err, errlen) != 0)
		goto fail;
	if (morph_open(&p->morph, dic_base) != 0) {
		snprintf(err, errlen, "%s.dic: %s%s", dic_base, errno == ENOMEM ? "" : "cannot read file: ",
			 errno == ENOMEM ? "out of memory" : strerror(errno));
		goto fail;
	}
	*out = p;
	return 0;
fail:
	pron_free(p);
	return -1;
}

int pron_set_english(pron_rules *p, const char *dic, const char *table, const char *main_table,
		     pron_phonemes_fn fn, void *ud)
{
	wordset_free(&p->english);
	p->english_fn = NULL;
	if (!dic || !*dic || !fn)
		return 0;
	snprintf(p->english_table, sizeof p->english_table, "%s", table);
	snprintf(p->main_table, sizeof p->main_table, "%s", main_table);
	if (wordset_load(&p->english, dic, WORDSET_CASE) != 0)
		return -1;
	{ /* its prefixes, from the .aff beside the .dic */
		char aff[4096];
		size_t n = strlen(dic);
		if (n > 4 && n < sizeof aff && strcmp(dic + n - 4, ".dic") == 0) {
			memcpy(aff, dic, n - 4);
			memcpy(aff + n - 4, ".aff", 5);
			if (wordset_load_prefixes(&p->english, aff) != 0)
				return -1;
		}
	}
	p->english_fn = fn, p->english_ud = ud;
	return 0;
}

void pron_free(pron_rules *p)
{
	if (!p)
		return;
	wordset_free(&p->english);
	free_table(&p->roots);
	free_table(&p->homographs);
	morph_close(p->morph);
	free(p);
}

int pron_has_dictionary(const pron_rules *p) { return morph_has_dictionary(p->morph); }

int pron_set_document(pron_rules *p, const char *names, size_t len)
{
	p->doc_len = 0;
	if (len > PRON_NAMES_MAX || (len && names[len - 1] != '\n'))
		return -1;
	if (len)
		memcpy(p->doc_names, names, len);
	p->doc_len = len;
	return 0;
}

/* ---- step 1: the letter e ---------------------------------------------- */

static int ends(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n >= k && memcmp(s + n - k, suf, k) == 0;
}

static size_t count_vowels(const char *s, size_t n)
{
	size_t v = 0;
	for (size_t i = 0; i < n; i++)
		v += is_vowel(s[i]) && (i == 0 || !is_vowel(s[i - 1]));
	return v;
}

/* Endings that mark a loanword from Latin, Dutch or English: its e outside
 * the last syllable is taling (générasi, téknologi, éfektif). */
static int loan_ending(const char *s, size_t n)
{
	static const char *const endings[] = {
		"isasi", "logi", "grafi", "nomi", "sofi", "skopi", "metri", "isme", "asme", "itas",
		"ensi", "ansi", "ksi", "psi", "tif", "sif", "ika", "ium", "ional", "ual", "tor", "tur"};
	size_t syl = count_vowels(s, n);
	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
		if (ends(s, n, endings[i]) && (syl >= 3 || strlen(endings[i]) >= 4))
			return 1;
	return syl >= 4 && ends(s, n, "asi");
}

static int is_digraph(char a, char b)
{
	return (a == 'n' && (b == 'g' || b == 'y')) || (a == 's' && b == 'y') || (a == 'k' && b == 'h');
}

static int is_obstruent(char c) { return c && strchr("pbtdkgfvszxcj", c) != NULL; }

/* Two consonants that only loanwords put after an e in one syllable's
 * reach: an obstruent and another consonant (sektor, teknik, pesta,
 * ekspor), or l before a consonant (delta, helm). */
static int loan_cluster_after(const char *s, size_t n, size_t i)
{
	char a = i + 1 < n ? s[i + 1] : 0, b = i + 2 < n ? s[i + 2] : 0;
	if (!a || !b || is_vowel(a) || is_vowel(b) || is_digraph(a, b) || a == b)
		return 0;
	return is_obstruent(a) || a == 'l';
}

/* A consonant cluster before the e: presiden, kredit, sleman. */
static int cluster_before(const char *s, size_t i)
{
	char a, b;
	if (i < 2)
		return 0;
	a = s[i - 2], b = s[i - 1];
	if (is_vowel(a) || is_vowel(b) || is_digraph(a, b))
		return 0;
	return (b == 'r' || b == 'l') ? strchr("pbtdkgf", a) != NULL : a == 's';
}

/* The quality of the e at s[i] of a root the table does not know. */
static char rule_e(const char *s, size_t n, size_t i, int loan)
{
	size_t k;
	if ((n == 2 && (s[0] == 'k' || s[0] == 's')))
		return PEPET; /* ke, se */
	if (i + 1 == n) /* a final e: sate, kafe; but -isme, -asme, -ase */
		return ends(s, n, "sme") || ends(s, n, "tme") || ends(s, n, "ase") ? PEPET : TALING;
	if (is_vowel(s[i + 1]) || (i > 0 && is_vowel(s[i - 1])))
		return TALING; /* teori, pasien, daerah */
	for (k = i + 1; k < n && !is_vowel(s[k]); k++)
		;
	if (k == n) /* the last syllable: proyek, sistem, persen; but kader */
		return s[i + 1] == 'r' && i + 2 == n && !ends(s, n, "uler") ? PEPET : TALING;
	if (i == 1 && (s[0] == 'p' || s[0] == 's') && s[2] == 'r' && !is_vowel(s[3]))
		return PEPET; /* persen, permanen, sertifikat */
	if (loan || cluster_before(s, i) || loan_cluster_after(s, n, i))
		return TALING;
	return PEPET;
}

/* The qualities of the e's of the root s[0..n) into q. */
static void root_qualities(const pron_rules *p, const char *s, size_t n, char *q)
{
	const root *r = find_root(&p->roots, s, n);
	int loan;
	if (r) {
		strcpy(q, r->q);
		return;
	}
	loan = loan_ending(s, n) || memchr(s, 'f', n) || memchr(s, 'v', n) || memchr(s, 'z', n) ||
	       memchr(s, 'x', n) || memchr(s, 'q', n);
	for (size_t i = 0; i < n; i++)
		if (s[i] == 'e')
			*q++ = rule_e(s, n, i, loan);
	*q = '\0';
}

static int known_root(void *ud, const char *s, size_t n)
{
	return find_root(&((const pron_rules *)ud)->roots, s, n) != NULL;
}

/* A word part (no hyphen): its letters, the quality of each letter e (0
 * for other letters), and where its root ends and its stress domain. */
typedef struct {
	char s[WORD_MAX];
	char q[WORD_MAX];
	size_t n, root_end, domain;
} part;

/* Decide the e's of pt that are not decided yet (q[i] == 'e' letter
 * without a quality): prefixes pepet, the root by its table or rules. */
static void decide_part(const pron_rules *p, part *pt)
{
	morph_parse mp;
	char rq[WORD_MAX];
	size_t e = 0;
	morph_parse_word(p->morph, pt->s, pt->n, known_root, (void *)p, &mp);
	if (!mp.found) {
		mp.root_off = 0, mp.root_len = pt->n, mp.domain_len = pt->n, mp.stem_skip = 0;
		memcpy(mp.stem, pt->s, pt->n);
		mp.stem[pt->n] = '\0';
	}
	root_qualities(p, mp.stem, strlen(mp.stem), rq);
	for (size_t i = 0; i < mp.stem_skip; i++)
		e += mp.stem[i] == 'e';
	for (size_t i = 0; i < pt->n; i++) {
		if (pt->s[i] != 'e')
			continue;
		if (i >= mp.root_off && i < mp.root_off + mp.root_len && rq[e]) {
			if (!pt->q[i]) /* é and ë were decided by the writer */
				pt->q[i] = rq[e];
			e++;
		} else if (!pt->q[i]) {
			pt->q[i] = PEPET;
		}
	}
	pt->root_end = mp.root_off + mp.root_len;
	pt->domain = mp.domain_len;
}

/* ---- step 2: segments -------------------------------------------------- */

typedef struct {
	char ph[4];     /* espeak-ng mnemonic */
	char vowel;     /* 0, or the vowel's letter ('e' also for pepet) */
	char q;         /* for e: PEPET or TALING */
} seg;

#define SEG_MAX (WORD_MAX * 2)

static void put(seg *g, size_t *ng, const char *ph, char vowel, char q)
{
	size_t k = 0;
	if (*ng >= SEG_MAX)
		return;
	while (ph[k] && k + 1 < sizeof g[*ng].ph) {
		g[*ng].ph[k] = ph[k];
		k++;
	}
	g[*ng].ph[k] = '\0';
	g[*ng].vowel = vowel;
	g[*ng].q = q;
	(*ng)++;
}

/* ai, au, oi (and ei at the end: survei) are one syllable at the end of
 * the root (pantai, kerbau) or before a consonant and a vowel (saudara),
 * two before a final consonant (main, laut, baik). */
static const char *diphthong(const part *pt, size_t i)
{
	const char *s = pt->s;
	size_t j = i + 2;
	int at_end = j == pt->n || j == pt->root_end;
	if (i + 1 >= pt->n)
		return NULL;
	if (s[i] == 'e' && s[i + 1] == 'i')
		return at_end && pt->q[i] == TALING ? "eI" : NULL;
	if (!((s[i] == 'a' && (s[i + 1] == 'i' || s[i + 1] == 'u')) || (s[i] == 'o' && s[i + 1] == 'i')))
		return NULL;
	if (!at_end && !(j + 1 < pt->n && j + 1 != pt->root_end && !is_vowel(s[j]) && is_vowel(s[j + 1])))
		return NULL; /* diperbaiki: ba.ik + -i */
	return s[i] == 'o' ? "oI" : s[i + 1] == 'i' ? "aI" : "aU";
}

/* Consonant letters at s[i]: the mnemonic and how many letters it takes. */
static size_t consonant(const char *s, size_t n, size_t i, const char **ph)
{
	static const struct { const char *letters, *ph; } digraphs[] = {
		{"ng", "N"}, {"ny", "n^"}, {"sy", "S"}, {"kh", "x"}, {"sh", "S"}, {"gh", "g"},
		{"dh", "d"}, {"th", "t"}, {"ph", "f"}, {"dj", "dZ"}, {"tj", "tS"}, {"ch", "x"},
		{"ck", "k"}, {"dz", "z"}, {"zh", "z"}, {"bh", "b"},
	};
	static const char *const single[26] = {
		"a", "b", "tS", "d", "e", "f", "g", "h", "i", "dZ", "k", "l", "m",
		"n", "o", "p", "k", "R", "s", "t", "u", "v", "w", "ks", "j", "z"};
	for (size_t k = 0; k < sizeof digraphs / sizeof digraphs[0]; k++)
		if (i + 1 < n && s[i] == digraphs[k].letters[0] && s[i + 1] == digraphs[k].letters[1] &&
		    !(s[i] == 'z' && i > 0 && i + 2 < n && is_vowel(s[i + 2]) && s[i + 2] != 'e') &&
		    !(s[i] == 's' && i == 2 && s[0] == 'd' && s[1] == 'i' && i + 2 < n && s[i + 2] == 'u') &&
		    !(s[i] == 'k' && i >= 4 && !memcmp(s + i - 4, "tida", 4)) &&
		    !(s[i] == 'b' && i > 0 && is_vowel(s[i - 1]) && i + 2 < n && s[i + 2] == 'a')) {
			/* Azhar: z.h (but Hafizh, Alzheimer); Dishub, Dishut: the
			 * Dinas of a word made of parts, s.h; ketidakhadiran:
			 * tidak and hadir, k.h; Subhan, Abhan: b.h (not Bhakti) */
			*ph = digraphs[k].ph;
			return 2;
		}
	if (s[i] == '\'') {
		*ph = "?";
		return 1;
	}
	*ph = single[s[i] - 'a'];
	if (s[i] == 'x' && i == 0)
		*ph = "s"; /* xenon */
	if (s[i] == 't' && i + 2 == n && s[i + 1] == 's' && count_vowels(s, i) >= 2) {
		*ph = "s"; /* hadits (not hits, a word of one syllable) */
		return 2;
	}
	if (s[i] == 'n' && i + 1 < n && s[i + 1] == 'k')
		*ph = "N"; /* bank */
	return 1;
}

/* The segments of pt; *dom is the number of segments inside its stress
 * domain. */
static size_t build_segments(const part *pt, seg *g, size_t *dom)
{
	size_t ng = 0, i = 0;
	*dom = 0;
	while (i < pt->n) {
		char c = pt->s[i];
		const char *ph;
		size_t used;
		if (i == pt->domain)
			*dom = ng;
		if (is_vowel(c)) {
			if (ng && g[ng - 1].vowel == c && (c != 'e' || g[ng - 1].q == pt->q[i]))
				put(g, &ng, "?", 0, 0); /* saat, keempat */
			if ((ph = diphthong(pt, i)) != NULL) {
				put(g, &ng, ph, c, pt->q[i]);
				i += 2;
				continue;
			}
			put(g, &ng, c == 'e' ? (pt->q[i] == PEPET ? "@" : "e") : (char[]){c, 0}, c,
			    c == 'e' ? pt->q[i] : 0);
			i++;
			continue;
		}
		used = consonant(pt->s, pt->n, i, &ph);
		if (c == 'x' && i > 0) {
			put(g, &ng, "k", 0, 0);
			ph = "s";
		}
		/* a doubled letter inside a root is one sound (Allah, Mekkah), not
		 * across the root's end (bebekku) */
		if (!(ng && strcmp(g[ng - 1].ph, ph) == 0 && !g[ng - 1].vowel && i != pt->root_end))
			put(g, &ng, ph, 0, 0);
		i += used;
	}
	if (pt->domain >= pt->n)
		*dom = ng;
	return ng;
}

/* Open syllable: the next segment is a vowel, or the end, or a consonant
 * followed by a vowel, or a cluster that starts a syllable (sekretaris). */
static int open_syllable(const seg *g, size_t ng, size_t k)
{
	const char *a, *b;
	if (k + 1 >= ng || g[k + 1].vowel)
		return 1;
	if (k + 2 >= ng)
		return 0;
	if (g[k + 2].vowel)
		return 1;
	a = g[k + 1].ph, b = g[k + 2].ph;
	return (b[0] == 'R' || b[0] == 'l') && !b[1] && strchr("pbtdkgf", a[0]) && !a[1];
}

static void finish_segments(seg *g, size_t ng)
{
	for (size_t k = 0; k < ng; k++) {
		if (strcmp(g[k].ph, "R") == 0 && k + 1 < ng && g[k + 1].vowel)
			strcpy(g[k].ph, "R2");
		if (g[k].vowel == 'e' && g[k].q == TALING && !g[k].ph[1] && !open_syllable(g, ng, k))
			strcpy(g[k].ph, "E2");
	}
}

/* ---- step 3: stress and output ----------------------------------------- */

/* Function words that carry no stress of their own: ke, se, per (not
 * pér, a spring). */
static int unstressed_word(const part *pt)
{
	return pt->q[1] == PEPET &&
	       ((pt->n == 2 && (memcmp(pt->s, "ke", 2) == 0 || memcmp(pt->s, "se", 2) == 0)) ||
		(pt->n == 3 && memcmp(pt->s, "per", 3) == 0));
}

static int emit_part(const part *pt, sbuf *out)
{
	seg g[SEG_MAX];
	size_t dom, ng = build_segments(pt, g, &dom), nuc[SEG_MAX], nn = 0, all = 0, last = 0;
	long stress = -1;
	finish_segments(g, ng);
	for (size_t k = 0; k < ng; k++)
		if (g[k].vowel) {
			if (k < dom)
				nuc[nn++] = k;
			all++;
			last = k;
		}
	if (nn == 1 && !unstressed_word(pt))
		stress = (long)nuc[0];
	else if (nn >= 2)
		stress = (long)(g[nuc[nn - 2]].q == PEPET ? nuc[nn - 1] : nuc[nn - 2]);
	for (size_t k = 0; k < ng; k++) {
		if ((long)k == stress && sbuf_addc(out, '\'') != 0)
			return -1;
		/* espeak-ng's own rhythm for id: an unstressed last syllable is
		 * diminished. */
		if (k == last && all >= 2 && (long)k != stress && stress >= 0 && sbuf_adds(out, "%%") != 0)
			return -1;
		if (sbuf_adds(out, g[k].ph) != 0)
			return -1;
	}
	return 0;
}

/* ---- words ------------------------------------------------------------- */

/* Does s[0..n) hold one of the letter pairs listed together in pairs
 * ("ckph": ck or ph)? */
static int has_pair(const char *s, size_t n, const char *pairs)
{
	for (size_t i = 0; i + 1 < n; i++)
		for (const char *q = pairs; *q; q += 2)
			if (s[i] == q[0] && s[i + 1] == q[1])
				return 1;
	return 0;
}

/* Spellings of Arabic words that espeak-ng's own rules misread, for words
 * without an e: sj (masjid: s and j, not ç), sh (shalat), dh (Ramadhan),
 * sy (masyarakat: sh, not the engine's ç), gh and bh (Ghana, Bhayangkara:
 * g and b, not g and h),
 * dz (dzikir), zh (Hafizh), q (Alquran: k, not kw), th (Muthalib), a final ts (hadits)
 * and an apostrophe inside (Jum'at: a glottal stop). */
static int arabic_spelling(const char *s, size_t n)
{
	if (has_pair(s, n, "sjshdhdzthzhsyghbh"))
		return 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == 'q' || (s[i] == '\'' && i > 0 && i + 1 < n))
			return 1;
	return n > 2 && s[n - 2] == 't' && s[n - 1] == 's';
}

/* The c of names of Romance languages, which Indonesian reads as c
 * (tS): k in a final vowel and -ca, -co (Monica, Boca), -cca, -cco, sc
 * before a, o, u, and a final -rco,
 * -nco, -rca, -nca (Monica, Olimpico, Rebecca, Francesco, Marco, Franco,
 * Marca, Bianca); s in a
 * final -cia, -cio after a vowel or r (Patricia, Garcia, Mauricio); k
 * before a, o, u after a vowel, x or z (Ducati, Ocon, Giacomo, Vizcarra,
 * Exco), but not in a name that starts with c (Cilacap, Cicurug) nor in
 * -cahy-, -cak- (Sucahyo, Wicaksono). Not at the start (Cianjur, Cahyo)
 * and not elsewhere (Arcandra, Kencana).
 * Rewrites s[0..n) in place; 1 when it changed. */
static int romance_c(char *s, size_t n)
{
	int changed = 0;
	for (size_t i = 1; i + 1 < n; i++) {
		char a = s[i - 1], b = s[i + 1];
		int end2 = i + 2 == n, end3 = i + 3 == n || (i + 4 == n && s[n - 1] == 's');
		if (s[i] != 'c')
			continue;
		if ((is_vowel(a) && (b == 'a' || b == 'o') && end2) || (a == 'c' && end2 && b != 'i' && b != 'e') ||
		    (s[i + 1] == 'c' && i + 2 < n && (s[i + 2] == 'a' || s[i + 2] == 'o')) ||
		    (a == 's' && (b == 'a' || b == 'o' || b == 'u')) ||
		    ((a == 'r' || a == 'n') && ((b == 'o' && i + 3 == n && s[n - 1] == 's') || ((b == 'o' || b == 'a') && end2))) ||
		    ((is_vowel(a) || a == 'x' || a == 'z') && (b == 'a' || b == 'o' || b == 'u') && s[0] != 'c' &&
		     !(b == 'a' && i + 3 < n && (s[i + 2] == 'k' || (s[i + 2] == 'h' && s[i + 3] == 'y'))))) {
			s[i] = 'k';
			changed = 1;
		} else if (b == 'i' && end3 && i + 2 < n && (s[i + 2] == 'a' || s[i + 2] == 'o') &&
			   (is_vowel(a) || a == 'r')) {
			s[i] = 's';
			changed = 1;
		}
	}
	return changed;
}

/* Does the lowercase name s[0..k) end in the -nho, -nha of Portuguese
 * (Coutinho, Paulinho)? */
static int portuguese_nh(const char *s, size_t k)
{
	return k >= 5 && s[k - 3] == 'n' && s[k - 2] == 'h' && (s[k - 1] == 'o' || s[k - 1] == 'a');
}

/* Remove the letter at s[at] of s[0..*k), and its quality in q. */
static void drop_letter(char *s, char *q, size_t *k, size_t at)
{
	memmove(s + at, s + at + 1, *k - at - 1);
	memmove(q + at, q + at + 1, *k - at - 1);
	(*k)--;
}

/* Does the lowercase name s[0..k) end as German names do (-stein, -burg,
 * -berg, -heim, -tracht: Weinstein, Freiburg, Eintracht)? */
static int german_ending(const char *s, size_t k)
{
	return (k >= 6 && !memcmp(s + k - 5, "stein", 5)) ||
	       (k >= 7 && (!memcmp(s + k - 4, "burg", 4) || !memcmp(s + k - 4, "berg", 4) ||
			   !memcmp(s + k - 4, "heim", 4) || !memcmp(s + k - 6, "tracht", 6)));
}

/* How many runs of vowels s[0..n) has: its syllables, roughly. */
static size_t vowel_runs(const char *s, size_t n)
{
	size_t r = 0;
	for (size_t i = 0; i < n; i++)
		r += is_vowel(s[i]) && (i == 0 || !is_vowel(s[i - 1]));
	return r;
}

/* Names of other languages in the lowercase s[0..*n) of a capitalized word
 * neither dictionary knows (kind 2) or hunspell-en-us's (3), said the way a
 * newsreader does: a final c is k (Eric, Lac; no Indonesian word ends in
 * c), but for the -ic of a name not English (Modric, Ibrahimovic: ć); in
 * an English name c before a, o, u is k (Marcus, Oscar); ch opening
 * a name of one syllable is c (Choi, Chong, Chan: Chinese and Korean; the
 * ch of Chairul, Achmad is kh); ee at the end, or before a final consonant,
 * is i (Hee, Khaleel; not Baleendah, nor the Sundanese Eep); ii is i (Avicii); a
 * final uu is u (Suu);
 * the eu of a Korean syllable before n, ng, m or at the end is a pepet
 * (Geun, Seung, Eun); lj is ly (Sukamuljo, the old spelling; not Al-);
 * the x and q of a Chinese name are s and c (Xinhua, Qingchen); the oo of
 * a Korean syllable is u (Yoo, Joon); German sch is sy (Schalke) and its
 * ei ay in -stein, -burg, -berg, -heim, -tracht names (Weinstein,
 * Freiburg); an unknown name's nj is ny (Njoo, the old spelling). 1 when
 * it changed something. */
/* Where the part of a hyphenated word that holds s[i] starts. */
static size_t part_start(const char *s, size_t i)
{
	while (i > 0 && s[i - 1] != '-')
		i--;
	return i;
}

/* The vowel runs of the part of s[0..k) that holds s[i]. */
static size_t part_vowel_runs(const char *s, size_t k, size_t i)
{
	size_t a = part_start(s, i), b = i;
	while (b < k && s[b] != '-')
		b++;
	return vowel_runs(s + a, b - a);
}

static int foreign_name(char *s, size_t *n, char *q, int kind)
{
	size_t k = *n, o = 0, i;
	int changed = 0, one = vowel_runs(s, k) == 1;
	if (k >= 3 && s[k - 1] == 'c' && s[k - 2] != 'c' && (kind == 3 || s[k - 2] != 'i'))
		s[k - 1] = 'k', changed = 1;
	for (i = 1; kind == 3 && i + 1 < k; i++)
		if (s[i] == 'c' && s[i - 1] != 'c' && s[i - 1] != 's' && (s[i + 1] == 'a' || s[i + 1] == 'o' || s[i + 1] == 'u'))
			s[i] = 'k', changed = 1;
	if (k >= 3 && s[0] == 'x' && (s[1] == 'i' || s[1] == 'u'))
		s[0] = 's', changed = 1; /* Xinhua, Xi, Xu: the x of Chinese names */
	if (portuguese_nh(s, k)) {
		s[k - 2] = 'y', changed = 1; /* Coutinho, Paulinho: Portuguese nh is ny, */
		for (i = 0; i + 1 < k; i++) {
			if (s[i] == 'c' && (s[i + 1] == 'a' || s[i + 1] == 'o' || s[i + 1] == 'u'))
				s[i] = 'k'; /* c before a, o, u is k, */
			if (s[i] == 'o' && s[i + 1] == 'u') /* and ou is u */
				drop_letter(s, q, &k, i);
		}
	}
	if (k >= 3 && s[0] == 'q' && s[1] == 'i')
		s[0] = 'c', changed = 1; /* Qingchen, Qian: the q of Chinese names */
	if (k >= 5 && s[0] == 'g' && s[1] == 'i' && (s[2] == 'a' || s[2] == 'o' || s[2] == 'u') && !q[1] &&
	    strchr("aio", s[k - 1])) {
		s[0] = 'j'; /* Giorgio, Giovanni, Gianluigi: an Italian gi before a vowel is j */
		drop_letter(s, q, &k, 1);
		changed = 1;
		for (i = 1; i + 1 < k; i++) /* and so inside it: Gianluigi, Giorgio */
			if (s[i] == 'g' && s[i + 1] == 'i' && s[i - 1] != 'g' && s[i - 1] != 'n') {
				s[i] = 'j';
				if (i + 2 < k && strchr("aou", s[i + 2]) && !q[i + 1])
					drop_letter(s, q, &k, i + 1);
			}
	}
	for (i = 1; kind >= 2 && k >= 5 && strchr("aio", s[k - 1]) && i + 2 < k; i++)
		if (s[i] == 'g' && s[i + 1] == 'n' && is_vowel(s[i - 1]) && is_vowel(s[i + 2]) && vowel_runs(s, i) >= 2) {
			s[i] = 'n', s[i + 1] = 'y'; /* Romagnoli, Bologna: the gn of Italian is ny */
			changed = 1;
		}
	for (size_t a = 0, b; kind == 2 && a < k; a = b + 1) { /* each part of Joon-jae */
		for (b = a; b < k && s[b] != '-'; b++)
			;
		if (b - a >= 3 && (s[b - 1] == 'n' || s[b - 1] == 'o') && has_pair(s + a, b - a, "oo") &&
		    vowel_runs(s + a, b - a) == 1 && !(s[a] == 'n' && s[a + 1] == 'j'))
			for (i = a; i + 1 < b; i++) /* Yoo, Joon, Soon: Korean oo is u */
				if (s[i] == 'o' && s[i + 1] == 'o') {
					s[i] = 'u';
					drop_letter(s, q, &k, i + 1);
					b--;
					changed = 1;
					break;
				}
	}
	if (k >= 4) /* Schalke, Schumacher: German sch is sy */
		for (i = 0; i + 2 < k; i++)
			if (s[i] == 's' && s[i + 1] == 'c' && s[i + 2] == 'h') {
				s[i + 1] = 'y';
				drop_letter(s, q, &k, i + 2);
				changed = 1;
			}
	for (i = 0; i + 2 < k; i++) /* Priscilla, Lucia Scipio: sc before e, i is s */
		if (s[i] == 's' && s[i + 1] == 'c' && (s[i + 2] == 'e' || s[i + 2] == 'i')) {
			drop_letter(s, q, &k, i + 1);
			changed = 1;
		}
	for (i = 1; kind == 2 && i + 1 < k; i++) /* Marouane, Mourad, Youssef: French spelling's ou is u */
		if (s[i] == 'o' && s[i + 1] == 'u' && (i + 2 == k || s[i + 2] != 'e' || i + 3 < k)) {
			drop_letter(s, q, &k, i);
			changed = 1;
		}
	if (german_ending(s, k)) /* Weinstein, Freiburg: German ei is ai, written ay (one syllable) */
		for (i = 0; i + 1 < k; i++)
			if (s[i] == 'e' && s[i + 1] == 'i' && !q[i])
				s[i] = 'a', s[i + 1] = 'y', changed = 1;
	if (kind == 2 && k >= 3 && s[0] == 'n' && s[1] == 'j' && is_vowel(s[2])) {
		s[1] = 'y', changed = 1; /* Njoo, Njoto: the old spelling's nj is ny */
		if (k == 4 && s[2] == 'o' && s[3] == 'o')
			k = 3; /* Njoo: nyo */
	}
	for (i = 0; i < k; i++) {
		if (one && i == 0 && s[0] == 'c' && s[1] == 'h' && k > 2 && is_vowel(s[2])) {
			s[o] = 'c', q[o++] = q[0]; /* Choi */
			i++;
			changed = 1;
			continue;
		}
		if (s[i] == 'e' && i > 0 && i + 1 < k && s[i + 1] == 'e' && !q[i] && !q[i + 1] &&
		    (i + 2 == k || (i + 3 == k && !is_vowel(s[i + 2])))) {
			s[o] = 'i', q[o++] = 0; /* Hee */
			i++;
			changed = 1;
			continue;
		}
		if (s[i] == 'i' && i > 0 && i + 1 < k && s[i + 1] == 'i') {
			s[o] = 'i', q[o++] = q[i]; /* Avicii, Slushii, Desiigner */
			i++;
			changed = 1;
			continue;
		}
		if (s[i] == 'u' && i + 2 == k && s[i + 1] == 'u') {
			s[o] = 'u', q[o++] = q[i]; /* Suu */
			i++;
			changed = 1;
			continue;
		}
		if ((one || (kind == 2 && memchr(s, '-', k) && part_vowel_runs(s, k, i) == 1)) && s[i] == 'e' &&
		    i + 1 < k && s[i + 1] == 'u' && !q[i] &&
		    (i + 2 == k || s[i + 2] == 'n' || s[i + 2] == 'm' || s[i + 2] == '-')) {
			s[o] = 'e', q[o++] = PEPET; /* Geun */
			i++;
			changed = 1;
			continue;
		}
		if (kind == 2 && s[i] == 'e' && i > 0 && i + 1 < k && s[i + 1] == 'o' && !q[i] && strchr("jshy", s[i - 1]) &&
		    (i + 2 == k || s[i + 2] == '-' ||
		     (strchr("nklm", s[i + 2]) && (i + 3 == k || !is_vowel(s[i + 3]))))) {
			changed = 1; /* Heo, Seo, Jeon, Joseon, Hyeon: Korean eo is o */
			continue;
		}
		if (kind == 2 && s[i] == 'a' && i > 0 && (i + 2 == k || s[i + 2] == '-') && i + 2 - part_start(s, i) <= 4 &&
		    s[i + 1] == 'e' && !q[i + 1] && !is_vowel(s[i - 1])) {
			s[o] = 'e', q[o++] = TALING; /* Jae, Hae, Tae: Korean ae is e */
			i++;
			changed = 1;
			continue;
		}
		if (kind == 2 && s[i] == 'j' && i > 1 && s[i - 1] == 'l' && !(i == 2 && s[0] == 'a') && i + 1 < k &&
		    is_vowel(s[i + 1])) {
			s[o] = 'y', q[o++] = q[i]; /* Sukamuljo */
			changed = 1;
			continue;
		}
		s[o] = s[i], q[o++] = q[i];
	}
	*n = o;
	return changed;
}

/* Is s[0..k) shaped as an Italian name: ending in a, i or o, with a
 * doubled consonant or cch (Chiellini, Machiavelli, Marchetti, Pinocchio)? */
static int italian_shape(const char *s, size_t k)
{
	if (k < 5 || !strchr("aio", s[k - 1]) || is_vowel(s[k - 2]))
		return 0; /* (not Chennai) */
	for (size_t i = 1; i + 1 < k; i++)
		if (s[i] == s[i + 1] && !is_vowel(s[i]) && s[i] != 'h')
			return 1;
	return 0;
}

/* Old and English-style spellings of Indonesian names, in the lowercase
 * s[0..*n) of a capitalized word: oe is u (Soetomo), sj is sy (Sjahrir,
 * Hasjmy), ie before a final consonant is i (Arief, Amien, Rizieq), a final y after a consonant is i (Rizky, Effendy, Deddy; the
 * doubled consonant is one, as in every root, and the e of such a name
 * is taling). Rewrites s and q and returns 1 when it changed something.
 * oe when unknown, a name of hunspell-id not starting with k (Koefisien),
 * or a hunspell-en-us name where a consonant and a vowel follow (Soekarno;
 * not Joel, Boeing); sj only when unknown (masjid keeps its letters); no Indonesian word ends in a
 * consonant and y. */
static int name_spelling(char *s, size_t *n, char *q, int kind)
{
	int unknown = kind == 2, spelled_oe = has_pair(s, *n, "oe"), sy_first = *n > 2 && s[0] == 's' && s[1] == 'y';
	size_t i, k = 0;
	int changed = 0;
	for (i = 0; i < *n; i++) {
		if ((unknown || (kind == 1 && s[0] != 'k') ||
		     (kind == 3 && i + 3 < *n && !is_vowel(s[i + 2]) && is_vowel(s[i + 3]))) &&
		    s[i] == 'o' && i + 1 < *n && s[i + 1] == 'e' && !q[i + 1]) {
			s[k] = 'u', q[k++] = 0;
			i++;
			changed = 1;
			continue;
		}
		if (unknown && s[i] == 'i' && i > 0 && i + 3 == *n && s[i + 1] == 'e' && !q[i + 1] &&
		    !is_vowel(s[i + 2]) && s[i + 2] != 'l') {
			s[k] = 'i', q[k++] = 0; /* Arief, Anies, Amien: a final ie+C is i
						 * (not the -iel of Yehezkiel, Gabriel) */
			i++;
			changed = 1;
			continue;
		}
		if (unknown && s[i] == 'j' && i > 0 && s[i - 1] == 's' && !(i == 5 && !memcmp(s, "trans", 5)) &&
		    !(i == 3 && *n >= 6 && (!memcmp(s, "masjid", 6) || !memcmp(s, "mesjid", 6)))) {
			/* (not where trans- meets a name: Transjakarta; nor in the
			 * name of a mosque: Masjidil Haram, Masjidilaqsa, Mesjid
			 * Al-Huda) */
			s[k] = 'y', q[k++] = 0;
			changed = 1;
			continue;
		}
		s[k] = s[i], q[k++] = q[i];
	}
	if (kind >= 1 && k >= 4 && s[k - 1] == 'e' && s[k - 2] == 'i' && !is_vowel(s[k - 3]) && !q[k - 1]) {
		k--; /* Habibie, Syachrie, Arie, Natalie: a final ie is i */
		changed = 1;
	}
	if (kind >= 1 && k >= 7 && !memcmp(s, "chandr", 6)) {
		drop_letter(s, q, &k, 1); /* the Sanskrit Chandra of Chandrabaga, Chandrawati: c, not kh */
		changed = 1;
	}
	if (kind >= 2)
		changed |= romance_c(s, k);
	for (i = 0; kind == 3 && i + 1 < k && !italian_shape(s, k); i++)
		if (s[i] == 'c' && (i == 0 || (s[i - 1] != 'c' && s[i - 1] != 's')) && (s[i + 1] == 'e' || s[i + 1] == 'i')) {
			s[i] = 's'; /* an English name's c before e, i is s (Cesar,
				     * Francisco, Marcelo; not Marcello, nor the ch of Sanchez) */
			changed = 1;
		}
	if ((kind == 3 || (kind == 2 && italian_shape(s, k))) && s[0] == 'c' && (s[1] == 'a' || s[1] == 'o' || s[1] == 'u')) {
		s[0] = 'k'; /* an English name: Carlos, Costa, Colin; an Italian one: Coppa, Cannavaro */
		changed = 1;
	}
	if (kind >= 2) { /* ch before e, i in names of other languages is c (Sanchez,
			  * Michelin, Archer); before a, o, u or a consonant it is kh,
			  * as in Indonesian names (Achmad, Chairul, Choirul) */
		int italian = italian_shape(s, k);
		for (i = 0; i + 2 < k; i++)
			if (s[i] == 'c' && s[i + 1] == 'h' && (s[i + 2] == 'e' || s[i + 2] == 'i')) {
				if (italian || (i > 0 && s[i - 1] == 'c'))
					s[i + 1] = 'k'; /* Chiellini, Machiavelli, Musacchio: k */
				drop_letter(s, q, &k, i + (italian || (i > 0 && s[i - 1] == 'c') ? 0 : 1));
				changed = 1;
			}
		/* Rodriguez, Miguel, Marquez: gu, qu before e, i are g, k;
		 * so is an opening gue (Guerrero, Guevara; not Guido) */
		for (i = k >= 6 && s[0] == 'g' && s[1] == 'u' && s[2] == 'e' ? 0 : 1; i + 2 < k; i++)
			if ((s[i] == 'g' || s[i] == 'q') && s[i + 1] == 'u' && (s[i + 2] == 'e' || s[i + 2] == 'i') &&
			    !q[i + 2] && !(s[i] == 'g' && i > 0 && is_vowel(s[i - 1]) && i + 3 < k && s[i + 3] == 'r')) {
				/* (not the gu of Aguero: g, u) */
				if (s[i] == 'q')
					s[i] = 'k';
				drop_letter(s, q, &k, i + 1);
				changed = 1;
			}
		if (k >= 5 && s[k - 2] == 'e' && s[k - 1] == 'z' && !is_vowel(s[k - 3])) {
			s[k - 1] = 's', q[k - 2] = q[k - 2] ? q[k - 2] : TALING;
			changed = 1; /* Sanchez, Lopez, Rodriguez: a Spanish final -ez is -es, */
			for (i = 0; i + 2 < k; i++) {
				if (s[i] == 'j')
					s[i] = 'h'; /* its j is h (Jerez, Jimenez), */
				if (s[i] == 'e' && !q[i])
					q[i] = TALING; /* and Spanish has no pepet */
			}
		}
	}
	if (kind >= 2)
		changed |= foreign_name(s, &k, q, kind);
	for (i = 1; kind >= 2 && i + 1 < k; i++)
		if (s[i] == 'c' && !is_vowel(s[i + 1]) && s[i + 1] != 'h' && s[i + 1] != 'c' && s[i + 1] != '-' &&
		    s[i + 1] != 'y') {
			s[i] = 'k'; /* Exacty, Victor, Octavia: c before a consonant is k
				     * (Indonesian writes no c so) */
			changed = 1;
		}
	if (kind == 2 && k >= 6 && s[k - 2] == 'i' && s[k - 1] == 'c')
		for (i = 0; i < k; i++)
			if (s[i] == 'j' && (i == 0 || s[i - 1] != 'd'))
				s[i] = 'y', changed = 1; /* Milivojevic, Jovetic: the j of a Slavic -ic name is y (not Djokovic) */
	if (kind >= 2 && k >= 4 && k + 2 < WORD_MAX && s[0] == 'x' && !is_vowel(s[1]) && s[1] != 'h' && s[1] != '-') {
		memmove(s + 3, s + 1, k - 1); /* Xpander, Xperia: an x before a consonant is eks */
		memmove(q + 3, q + 1, k - 1);
		s[0] = 'e', s[1] = 'k', s[2] = 's';
		q[0] = TALING, q[1] = q[2] = 0;
		k += 2;
		changed = 1;
	}
	if (kind >= 2 && k >= 4 && s[0] == 'x' && s[1] == 'h' && is_vowel(s[2])) {
		s[0] = 'j'; /* Xhaka: Albanian xh is j */
		drop_letter(s, q, &k, 1);
		changed = 1;
	}
	int old = 0;
	for (i = 0; i + 1 < k; i++)
		old |= strchr("tdfkph", s[i]) && s[i + 1] == 'j'; /* Tjahjo, Djarot; Sofjan: a j after
								    * f, k, p, h is the old spelling's y */
	/* Soebjakto, Soejono: oe is the old spelling too, in names hunspell-id
	 * knows as well */
	if ((unknown && (old || spelled_oe)) || (kind == 1 && spelled_oe && s[0] != 'k'))
		for (i = 0; i < k; i++)
			if (s[i] == 'j' && (i == 0 || (s[i - 1] != 't' && s[i - 1] != 'd' && s[i - 1] != 's'))) {
				s[i] = 'y'; /* Tjahaja: in the old spelling j is y */
				changed = 1;
			}
	if (kind >= 2) { /* dg is j before e, i or a consonant, and the e of a
			  * final dge is silent (Hodgkin, Dodgers, Sturridge; not
			  * Edgar) */
		if (k >= 5 && s[k - 3] == 'd' && s[k - 2] == 'g' && s[k - 1] == 'e' && !q[k - 1])
			k--;
		for (i = 1; i + 1 < k; i++)
			if (s[i] == 'd' && s[i + 1] == 'g' && is_vowel(s[i - 1]) && (i + 2 == k || !strchr("aou", s[i + 2]))) {
				s[i] = 'j';
				drop_letter(s, q, &k, i + 1);
				changed = 1;
			}
	}
	for (i = 1; i + 1 < k; i++)
		if (s[i] == 'y' && !is_vowel(s[i - 1]) && !is_vowel(s[i + 1]) && s[i + 1] != '-' &&
		    s[i - 1] != '-' && (s[i - 1] != 's' || (i == 1 && sy_first && s[i + 1] != 'h')) && s[i - 1] != 'n') {
			s[i] = 'i'; /* Mytra, Gwyneth, Sylvester: y between consonants
				     * is i (not the y of sy, ny inside: Hasjmy, Hasymi) */
			changed = 1;
		}
	if (k >= 3 && s[k - 1] == 'y' && !is_vowel(s[k - 2]) && s[k - 2] != '-') {
		s[k - 1] = 'i'; /* and its e are taling: Hendry, Benny, Febry */
		for (i = 0; i < k; i++)
			if (s[i] == 'e' && !q[i])
				q[i] = TALING;
		changed = 1;
	}
	*n = k;
	return changed;
}

/* Has s[0..n) an ai, au or oi before a consonant that closes its syllable
 * (one at the end, or before another consonant): two syllables, which the
 * engine's rules make one (main, baik, laut, daun, lainnya: ma.in, not
 * [maIn])? diphthong() then reads it. Not for English names and words,
 * whose ai and au are the engine's (Paul, Saint, Mail). */
static int split_vowels(const char *s, size_t n)
{
	for (size_t i = 0; i + 2 < n; i++) {
		size_t c = i + 2, after;
		if (!((s[i] == 'a' && (s[i + 1] == 'i' || s[i + 1] == 'u')) || (s[i] == 'o' && s[i + 1] == 'i')) ||
		    is_vowel(s[c]) || s[c] == '-' || s[c] == '\'' || s[c] == 'y' || s[c] == 'w')
			continue;
		/* one consonant, of one letter or two (kh, ng, ny, sy) */
		after = c + 1 + (c + 1 < n && ((s[c] == 'k' && s[c + 1] == 'h') || (s[c] == 'n' && (s[c + 1] == 'g' || s[c + 1] == 'y')) ||
					      (s[c] == 's' && s[c + 1] == 'y')));
		if (after >= n || !is_vowel(s[after]))
			return 1;
	}
	return 0;
}

/* Lowercase w[0..n) into s, with forced qualities for é è (taling) and ë
 * (pepet) in q. Returns the length, or 0 when the word is not one this
 * module reads (other letters, all capitals, no e, too long). */
static size_t read_word(const char *w, size_t n, char *s, char *q, int name, int english)
{
	size_t k = 0, letters = 0, upper = 0, es = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i], d = i + 1 < n ? (unsigned char)w[i + 1] : 0;
		if (k + 1 >= WORD_MAX)
			return 0;
		q[k] = 0;
		if (su_is_lower((char)c) || su_is_upper((char)c)) {
			upper += su_is_upper((char)c);
			s[k++] = su_lower((char)c);
		} else if (c == 0xC3 && (d == 0xA9 || d == 0xA8 || d == 0xAB || d == 0x89 || d == 0x88)) {
			q[k] = d == 0xAB ? PEPET : TALING;
			upper += d == 0x89 || d == 0x88;
			s[k++] = 'e';
			i++;
		} else if (c == '-' || c == '\'') {
			s[k++] = (char)c;
			continue;
		} else if (c == 0xE2 && d == 0x80 && i + 2 < n && (unsigned char)w[i + 2] == 0x99) {
			s[k++] = '\''; /* ’ */
			i += 2;
			continue;
		} else {
			return 0;
		}
		letters++;
		es += s[k - 1] == 'e';
	}
	if (upper == letters && letters >= 2)
		return 0;
	if (name && name_spelling(s, &k, q, name))
		return k;
	if (!es && !arabic_spelling(s, k) && (english || !split_vowels(s, k)))
		return 0;
	return k;
}

/* The qualities of a homograph, chosen by its neighbours. */
static const char *homograph_q(const pron_rules *p, const char *s, size_t n, const char *prev,
			       size_t prev_n, const char *next, size_t next_n)
{
	const root *h = find_root(&p->homographs, s, n);
	char key[WORD_MAX + 2];
	if (!h)
		return NULL;
	for (int side = 0; side < 2; side++) {
		const char *w = side ? next : prev;
		size_t wn = side ? next_n : prev_n, k = 0;
		if (!w || wn == 0 || wn + 2 >= sizeof key)
			continue;
		key[k++] = ',';
		for (size_t i = 0; i < wn; i++)
			key[k++] = su_lower(w[i]);
		key[k++] = ',';
		key[k] = '\0';
		if (strstr(h->ctx, key))
			return h->alt_q;
	}
	return h->q;
}

/* Is w[0..n) ASCII letters, small ones but perhaps the first? Its small
 * letters into low (NUL-terminated; n < WORD_MAX): 1 when it has a
 * capital first, 0 when not; -1 when it is no such word. */
static int small_letters(const char *w, size_t n, char *low)
{
	if (n == 0 || n >= WORD_MAX)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!su_is_lower(w[i]) && !(i == 0 && su_is_upper(w[i])) &&
		    !(i == 2 && n > 4 && w[0] == 'M' && w[1] == 'c' && su_is_upper(w[2])))
			return -1; /* the capital after the Mc of McCann, McDonald */
		low[i] = su_lower(w[i]);
	}
	low[n] = '\0';
	return su_is_upper(w[0]);
}

/* Is w[0..n) a capitalized word of ASCII letters: 0 when not; 1 when it
 * is Indonesian (the roots table, hunspell-id and its affixes; Benny and
 * Sari are among hunspell-id's names); 3 when it is English (hunspell-en-us:
 * Joe, Boeing, Monica); 2 when neither. *english: is it in hunspell-en-us,
 * as a word or a name, whatever hunspell-id says (Paul, Saint, Mail)? A
 * word in small letters said here is Indonesian already (lain, air, main). */
/* Is w[0..n) a Korean or Chinese given name of two parts, neither an
 * Indonesian word: a capital, then small letters, 2 to 5 letters a part
 * (Joon-jae, Do-yeon, Tae-hee; not Sehari-hari, Go-Jek)? */
static int given_name_pair(const pron_rules *p, const char *w, size_t n)
{
	const char *h = memchr(w, '-', n);
	size_t a = h ? (size_t)(h - w) : 0, b = n - a - 1;
	char low[WORD_MAX];
	if (!h || a < 2 || a > 5 || b < 2 || b > 5 || !su_is_upper(w[0]))
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (i != a && !su_is_lower(w[i]) && i != 0)
			return 0;
		low[i] = su_lower(w[i]);
	}
	/* a part of two letters may be a word too: Jae-in, Do-yeon */
	return (a == 2 || (!pron_is_word((void *)p, low, a) && !find_root(&p->roots, low, a))) &&
	       (b == 2 || (!pron_is_word((void *)p, low + a + 1, b) && !find_root(&p->roots, low + a + 1, b))) &&
	       !(a == 2 && b == 2);
}

static int unknown_name(const pron_rules *p, const char *w, size_t n, int *english)
{
	char low[WORD_MAX];
	*english = 0;
	if (n >= 5 && n < WORD_MAX && given_name_pair(p, w, n))
		return 2;
	if (n < 3 || small_letters(w, n, low) != 1)
		return 0;
	*english = wordset_has_name(&p->english, low, n);
	if (find_root(&p->roots, low, n) || pron_is_word((void *)p, low, n))
		return 1; /* an Indonesian word, though an English one too, is read as
			   * Indonesian: Tanah Air (a.ir); an English name too keeps
			   * the engine's vowels (Australia, Paul) */
	*english = *english || wordset_has(&p->english, low, n);
	return *english ? 3 : 2;
}

static int say_word(const pron_rules *p, const char *w, size_t n, const char *prev, size_t prev_n,
		    const char *next, size_t next_n, sbuf *out)
{
	char s[WORD_MAX], q[WORD_MAX];
	int english, kind = unknown_name(p, w, n, &english);
	size_t len = read_word(w, n, s, q, kind, english), a = 0, start = out->len;
	const char *hq;
	if (len == 0)
		return 0;
	if ((hq = homograph_q(p, s, len, prev, prev_n, next, next_n)) != NULL)
		for (size_t i = 0; i < len; i++)
			if (s[i] == 'e' && !q[i] && *hq)
				q[i] = *hq++;
	while (a < len) {
		size_t b = a;
		part pt;
		while (b < len && s[b] != '-')
			b++;
		if (b > a) {
			memset(&pt, 0, sizeof pt);
			memcpy(pt.s, s + a, b - a);
			memcpy(pt.q, q + a, b - a);
			pt.n = b - a;
			decide_part(p, &pt);
			if ((out->len > start && sbuf_addc(out, ' ') != 0) || emit_part(&pt, out) != 0)
				return -1;
		}
		a = b + 1;
	}
	return 1;
}

static int us_form(const pron_rules *p, const char *s, size_t n);

/* Is s[0..n) a British spelling of a word of hunspell-en-us, written the
 * American way: cancelling, labelled (one l), centre, theatres (-tre as
 * -ter; not -bre: ombre), colour, favourite (-or), organise, organisation
 * (-ize), analyse (-yze),
 * defence, licence (-ense), catalogue (-og), programme (-am)? espeak-ng's
 * English voice says the British spellings. */
static int british_form(const pron_rules *p, const char *s, size_t n)
{
	static const struct {
		const char *gb, *us;
	} ends[] = {
	    {"lling", "ling"}, {"lled", "led"}, {"ller", "ler"}, {"llers", "lers"}, {"tre", "ter"}, {"tres", "ters"},
	    {"our", "or"}, {"ours", "ors"}, {"oured", "ored"}, {"ouring", "oring"},
	    {"ourite", "orite"}, {"ourites", "orites"}, {"ourable", "orable"}, {"ise", "ize"}, {"ised", "ized"},
	    {"ises", "izes"}, {"ising", "izing"}, {"isation", "ization"}, {"yse", "yze"}, {"ence", "ense"},
	    {"ogue", "og"}, {"ogues", "ogs"}, {"amme", "am"}, {"ammes", "ams"},
	};
	char buf[WORD_MAX + 4];
	if (n < 5 || n >= WORD_MAX)
		return 0;
	for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
		size_t g = strlen(ends[k].gb), u = strlen(ends[k].us);
		if (n < g + 2 || memcmp(s + n - g, ends[k].gb, g) != 0)
			continue;
		if (ends[k].gb[0] == 'i' && is_vowel(s[n - g - 1]))
			continue; /* -ise after a consonant only (not raise, praise) */
		memcpy(buf, s, n - g);
		memcpy(buf + n - g, ends[k].us, u);
		if (us_form(p, buf, n - g + u))
			return 1;
	}
	return 0;
}

/* Is the English dictionary's word s[0..n) there, as it is or with an
 * inflection of a stem of four letters or more (games, played, casing,
 * matches, players, promotion, quickly), or in its British spelling
 * (british_form)? */
static int english_form(const pron_rules *p, const char *s, size_t n)
{
	return us_form(p, s, n) || british_form(p, s, n);
}

static int us_form(const pron_rules *p, const char *s, size_t n)
{
	static const char *const endings[] = {"s", "es", "ed", "ing", "er", "ers", "ion", "ions", "ly"};
	char buf[WORD_MAX + 1];
	if (wordset_has(&p->english, s, n))
		return 1;
	if (n >= 6 && n < WORD_MAX && s[n - 3] == 'i' && s[n - 2] == 'e' && (s[n - 1] == 'd' || s[n - 1] == 's')) {
		memcpy(buf, s, n - 3); /* qualified, companies: qualify, company */
		buf[n - 3] = 'y';
		if (wordset_has(&p->english, buf, n - 2))
			return 1;
	}
	for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++) {
		size_t e = strlen(endings[k]), stem = n - e;
		if (n < e + 3 || memcmp(s + stem, endings[k], e) != 0)
			continue;
		if (stem >= 4 && wordset_has(&p->english, s, stem))
			return 1;
		memcpy(buf, s, stem); /* casing: case, coding: code, played */
		buf[stem] = 'e';
		if (endings[k][0] != 's' && wordset_has(&p->english, buf, stem + 1))
			return 1;
	}
	return 0;
}

/* Is the lowercase name s[0..n), of eight letters or more, two common
 * words of hunspell-en-us of four letters or more written together
 * (Lifeprint, Silverstone, Threadripper, Superbike) or a prefix and a word
 * (Uncaged), not made the way Indonesian words are (Magelang, Basalamah),
 * nor ending in a, i, o, u? */
static int short_english_shape(const char *s);

/* Is the lowercase s[0..n) an English prefix before an English word of
 * five letters or more (teleconsulting, biofabric, uncaged, prewedding,
 * microtransaction), or a prefix of four letters or more before an
 * English word of four shaped as no Indonesian one is (Superbike,
 * multicore)? */
static int prefixed_english(const pron_rules *p, const char *s, size_t n)
{
	static const char *const prefixes[] = {"un", "re", "pre", "bio", "eco", "tele", "micro", "cyber", "multi", "super", "over"};
	for (size_t k = 0; k < sizeof prefixes / sizeof prefixes[0]; k++) {
		size_t e = strlen(prefixes[k]);
		if (n < e + 4 || memcmp(s, prefixes[k], e) != 0)
			continue;
		if ((n >= e + 5 && english_form(p, s + e, n - e)) ||
		    (e >= 4 && n == e + 4 && short_english_shape(s + e) && wordset_has(&p->english, s + e, 4)))
			return 1;
	}
	return 0;
}

static int indonesian_shape(const char *s, size_t n);
static int english_name_compound(const pron_rules *p, const char *s, size_t n)
{
	if (strchr("aiou", s[n - 1]))
		return 0; /* Kristanto, Maradona: Indonesian and Romance names end so */
	if (prefixed_english(p, s, n))
		return 1; /* Superbike, though shaped as Indonesian words are */
	if (indonesian_shape(s, n))
		return 0; /* Magelang */
	if (n < 8)
		return 0;
	for (size_t k = 3; k + 4 <= n; k++) /* a word of three only before one of six: Mayweather */
		if ((k >= 4 || n - k >= 6) && wordset_has(&p->english, s, k) && english_form(p, s + k, n - k))
			return 1;
	return 0;
}

/* Is the lowercase s[0..n) two words of hunspell-en-us written together,
 * each of three letters or more, and spelled the way only English spells
 * (unknown_foreign: display, talkshow, handphone, bluetooth)? Without that
 * spelling, Indonesian words and typos split into English ones too often
 * (cantrang, memposting). Or an English prefix and a word (uncaged). */
static int english_compound(const pron_rules *p, const char *s, size_t n);

enum { NOT_ENGLISH, ENGLISH_NAME, ENGLISH_NEXT_TO_ENGLISH, ENGLISH };

/* Is the lowercase name s[0..n) spelled in a way Indonesian spelling never
 * is, old spellings (oe, dj, tj, ch) and Arabic ones (kh, sy) aside: ck,
 * ph, th, wh, gh, sh, ee, oo, ou, ea before the end (Neal, Reagan; not the
 * Italian Andrea), tch, chr, c before a consonant, w before a
 * consonant or at the end, y at the end after a consonant, e or a (Holiday), a final
 * e after a consonant in a name of four letters or more, or a final oe
 * (Cole, Clark, Stephen, Paddock, Ashley, Andrew, Joe)? */
static int foreign_spelling(const char *s, size_t n)
{
	char last = s[n - 1], before = n > 1 ? s[n - 2] : 0;
	if (has_pair(s, n, "ckphthwhghsheeooou") || has_pair(s, n - 1, "ea") || strstr(s, "tch") || strncmp(s, "chr", 3) == 0)
		return 1;
	for (size_t i = 0; i + 1 < n; i++)
		if ((s[i] == 'c' && !is_vowel(s[i + 1]) && s[i + 1] != 'h') ||
		    (s[i] == 'w' && !is_vowel(s[i + 1]) && s[i + 1] != 'y'))
			return 1;
	if (last == 'w' || (last == 'y' && before && (!is_vowel(before) || before == 'e' || (before == 'a' && n >= 4))) ||
	    (n >= 4 && last == 'h' && before == 'c' && is_vowel(s[n - 3])) || (n >= 4 && last == before && !is_vowel(last)))
		return 1; /* ... Rich, Zurich: a final ch */
	return (n >= 4 && last == 'e' && !is_vowel(before)) || (n >= 3 && last == 'e' && before == 'o') ||
	       /* Wales, James, Jones, Gates: a silent e before the final s */
	       (n >= 5 && last == 's' && before == 'e' && strchr("lmntkvz", s[n - 3]) && is_vowel(s[n - 4]) &&
		!is_vowel(s[n - 5]) && !(n > 5 && s[n - 4] == 'a' && s[n - 3] == 'l')); /* (not Gonzales, Morales) */
}

/* Is the lowercase name s[0..n), in neither dictionary, spelled the way
 * only English (and its neighbours) spell: ck, ph, ee, oo, ou, wh, oa, sch,
 * tch, chr, gh after the first letter, c before a consonant or y, w before a
 * consonant or at the end, ey, ay or ch at the end, sh before a consonant
 * but n, r, y (Paddock, Daewoo, Crutchlow, Wanderley, Road, Play,
 * Highbury, Cyrus, Aftech, Cashlez)? Not th, sh, kh, dh, ch, ea, a
 * first gh, a final e or a final y after a consonant, which Indonesian
 * names of Arabic origin, old spellings, the east and Batak write (Thamrin,
 * Ghozali, Achmad, Pattinasarane, Panggabean, Rizky: see name_spelling). */
/* Is s[i] the first c of an Italian cch, cci, cce (Musacchio, Ricci)? */
static int italian_cc(const char *s, size_t n, size_t i)
{
	return i + 2 < n && s[i + 1] == 'c' && strchr("hie", s[i + 2]);
}

static int unknown_foreign(const char *s, size_t n)
{
	char last = s[n - 1], before = s[n - 2];
	if (has_pair(s, n, "ckpheeooouwhoa") || strstr(s, "tch") || strncmp(s, "chr", 3) == 0 ||
	    (n > 3 && has_pair(s + 1, n - 1, "gh")))
		return 1;
	for (size_t i = 0; i + 1 < n; i++)
		if ((s[i] == 'c' && !is_vowel(s[i + 1]) && s[i + 1] != 'h' && !italian_cc(s, n, i)) ||
		    (s[i] == 'w' && !is_vowel(s[i + 1]) && s[i + 1] != 'y') ||
		    (s[i] == 's' && s[i + 1] == 'h' && i + 2 < n && !is_vowel(s[i + 2]) && !strchr("ynr", s[i + 2])))
			return 1; /* (and an sh before a consonant: Cashlez; Arabic's sh is before a
				   * vowel, and Javanese and Hindi write Wishnu, Mishra) */
	return last == 'w' || (last == 'y' && (before == 'e' || before == 'a')) ||
	       (last == before && !is_vowel(last) && n > 3) || /* Foxconn, Judd: no Indonesian word ends so */
	       (last == 'h' && before == 'c' && n > 3) || /* fintech, Aftech */
	       (n > 4 && last == 'h' && before == 't' && s[n - 3] == 'r') || /* Hemsworth, Perth */
	       (n > 4 && last == 'e' && before == 'l' && strchr("bdgkptz", s[n - 3])); /* Randle, Tuttle */
}

static int english_compound(const pron_rules *p, const char *s, size_t n)
{
	if (prefixed_english(p, s, n))
		return 1;
	if (n < 7 || !(unknown_foreign(s, n) || (s[0] == 'c' && s[1] == 'h')))
		return 0; /* no Indonesian word in small letters starts with ch: chipset */
	for (size_t k = 3; k + 3 <= n; k++)
		if (wordset_has(&p->english, s, k) && english_form(p, s + k, n - k))
			return 1;
	return 0;
}

/* Do the letters a, b end a word with two consonants no Indonesian word
 * ends with (not ng, nk, kh, sy, nor a final y)? */
static int english_final_pair(char a, char b)
{
	return !is_vowel(a) && !is_vowel(b) && b != 'y' &&
	       !((a == 'n' && (b == 'g' || b == 'k')) || (a == 'k' && b == 'h') || (a == 's' && b == 'y'));
}

/* Is the lowercase s[0..n) shaped the way Indonesian words never are: two
 * consonants at the end (Guard, First), a final e after a consonant
 * (Space), a final y after a consonant (Party), c not before a vowel
 * (Music), or x, z, q, v (Frozen, Travel)? Monas, Inter, Costa and
 * Effendi, which hunspell-en-us also has, are not. */
static int english_shape(const char *s, size_t n)
{
	char a = s[n - 2], b = s[n - 1];
	for (size_t i = 0; i < n; i++)
		if (strchr("xzqv", s[i]) || (s[i] == 'c' && (i + 1 == n || (!is_vowel(s[i + 1]) && s[i + 1] != 'h'))))
			return 1;
	return english_final_pair(a, b) || (!is_vowel(a) && (b == 'e' || b == 'y'));
}

/* The shape of a four-letter word that no Indonesian word or name has:
 * two consonants at the end (Band, Last), or a consonant and e (Code,
 * Game); not a final y, v or z, which names have (Deny, Vita). */
static int short_english_shape(const char *s)
{
	return english_final_pair(s[2], s[3]) || (!is_vowel(s[2]) && s[3] == 'e');
}

/* Does the lowercase s[0..n) end the way English words do and Indonesian
 * ones do not (-ing, -ed, -tion, -sion, -ness, -ity, -ment, -ship, -ers, -ic)?
 * For capitalized words of hunspell-en-us, which are English alone then. */
static int english_suffix(const char *s, size_t n)
{
	static const char *const endings[] = {"ing", "ed", "tion", "sion", "tional", "ness", "ity", "ment", "ship", "ers", "ic"};
	for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++)
		if (ends(s, n, endings[k]))
			return 1;
	return 0;
}

/* Is w[0..n), after an English "The", a capitalized word of hunspell-en-us
 * or its plural (The Reds, The Blues)? */
static int after_the(const pron_rules *p, const char *w, size_t n)
{
	char low[WORD_MAX];
	if (n < 3 || small_letters(w, n, low) != 1)
		return 0;
	return wordset_has(&p->english, low, n) || wordset_has_name(&p->english, low, n) ||
	       (low[n - 1] == 's' && wordset_has(&p->english, low, n - 1));
}

static int english_word(const pron_rules *p, const char *w, size_t n);

/* Is w[0..n) English words joined by hyphens, or co- or e- before one
 * (co-owner, e-commerce, play-off), and not Indonesian (anak-anak)? */
/* Is w[0..n) a prefix of Indonesian verbs and nouns written with a hyphen
 * before a foreign word (me-remix, di-upgrade, nge-vlog)? */
static int indonesian_prefix(const char *w, size_t n)
{
	static const char *const prefixes[] = {"me", "mem", "men", "meng", "di", "ke", "se", "ber", "ter", "pe", "per", "nge"};
	for (size_t k = 0; k < sizeof prefixes / sizeof prefixes[0]; k++)
		if (strlen(prefixes[k]) == n && memcmp(prefixes[k], w, n) == 0)
			return 1;
	return 0;
}

/* Is w[0..n) an English particle of a phrasal word (in, out, up, on,
 * off, down)? */
static int short_particle(const char *w, size_t n)
{
	static const char *const particles[] = {"in", "out", "up", "on", "off", "down"};
	for (size_t k = 0; k < sizeof particles / sizeof particles[0]; k++)
		if (strlen(particles[k]) == n && memcmp(particles[k], w, n) == 0)
			return 1;
	return 0;
}

static int english_hyphenated(const pron_rules *p, const char *w, size_t n)
{
	size_t a = 0, parts = 0;
	int english = 0;
	if (!memchr(w, '-', n))
		return 0;
	while (a < n) {
		size_t b = a;
		while (b < n && w[b] != '-')
			b++;
		if (b == a)
			return 0;
		if (parts == 0 && indonesian_prefix(w + a, b - a))
			return 0; /* me-remix, di-upgrade: an Indonesian word */
		if (parts == 0 && b - a <= 2 && ((b - a == 2 && su_lower(w[a]) == 'c' && w[a + 1] == 'o') ||
						  (b - a == 1 && (su_lower(w[a]) == 'e' || su_is_upper(w[a])))))
			; /* co-, e-, X-ray, T-shirt */
		else if (english && parts > 0 && short_particle(w + a, b - a))
			; /* check-in, log-out, set-up */
		else if (english_word(p, w + a, b - a) != NOT_ENGLISH)
			english = 1;
		else if (!(b - a >= 3 && su_is_lower(w[a]) && english_form(p, w + a, b - a)))
			return 0; /* an English word Indonesian has too, beside an English one: over-ear */
		parts++;
		a = b + 1;
	}
	return english && parts >= 2;
}

/* Is w[0..n) an English possessive: a word or name of hunspell-en-us and
 * 's (Moody's, Children's, McDonald’s is not: two capitals)? */
static int english_possessive(const pron_rules *p, const char *w, size_t n)
{
	size_t base;
	if (n >= 5 && w[n - 1] == 's' && w[n - 2] == '\'')
		base = n - 2;
	else if (n >= 7 && w[n - 1] == 's' && !memcmp(w + n - 4, "\xE2\x80\x99", 3))
		base = n - 4;
	else
		return 0;
	return english_word(p, w, base) != NOT_ENGLISH;
}

/* Is w[0..n) an English contraction hunspell-en-us lists (can't, don't,
 * I'm, you're), with ' or its typographic form? */
static int english_contraction(const pron_rules *p, const char *w, size_t n)
{
	char low[WORD_MAX];
	size_t k = 0, apos = 0;
	if (!wordset_loaded(&p->english) || n < 3 || n >= WORD_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '\'' || (i + 2 < n && !memcmp(w + i, "\xE2\x80\x99", 3))) {
			low[k++] = '\'';
			apos++;
			i += w[i] == '\'' ? 0 : 2;
		} else if (su_is_lower(w[i]) || su_is_upper(w[i])) {
			low[k++] = su_lower(w[i]);
		} else {
			return 0;
		}
	}
	if (apos != 1 || low[k - 1] == '\'' || low[0] == '\'')
		return 0;
	if (k == 3 && low[0] == 'i' && low[1] == '\'' && low[2] == 'm')
		return 1; /* I'm: the list writes it with its capital */
	return wordset_has(&p->english, low, k);
}

/* What english_word says of the small letters low[0..n), capital or not,
 * leaving aside whether they are Indonesian. */
/* Is the lowercase s[0..n) spelled as Japanese is in Latin letters, of
 * three syllables or more (Inoue, Yamaha, Toyota, Kaneko): syllables of a
 * consonant (or ch, sh, ts, a consonant and y) and vowels, n before a
 * consonant or at the end, doubled consonants, and no ee or oo? Such a
 * name is no English one, whatever English words stand beside it. */
static int japanese_shape(const char *s, size_t n)
{
	size_t i = 0, vowels = 0;
	if (has_pair(s, n, "eeoo")) /* Moore, Boone: English */
		return 0;
	for (size_t k = 0; k + 2 < n; k++)
		if (s[k] == 'o' && s[k + 1] == 'u' && !is_vowel(s[k + 2]))
			return 0; /* Missouri: ou before a consonant (Inoue's is before e) */
	while (i < n) {
		if (is_vowel(s[i])) {
			vowels++, i++;
			continue;
		}
		if (s[i] == 'n' && (i + 1 == n || !is_vowel(s[i + 1]))) {
			i++;
			continue;
		}
		if (i + 1 < n && s[i + 1] == s[i] && strchr("kstpm", s[i])) /* Nissan, Hokkaido */
			i++;
		if (i + 1 < n && ((s[i] == 'c' || s[i] == 's') && s[i + 1] == 'h'))
			i += 2;
		else if (i + 1 < n && s[i] == 't' && s[i + 1] == 's')
			i += 2;
		else if (strchr("kstnhmyrwgzdbpfj", s[i]))
			i += 1 + (i + 1 < n && s[i + 1] == 'y' && s[i] != 'y');
		else
			return 0;
		if (i >= n || !is_vowel(s[i]))
			return 0;
	}
	return vowels >= 3;
}

/* Has the lowercase name s[0..n) the kh or dz of Arabic (Khaleel,
 * Dzulkifli, Sheikh; not the c-k-h of Lockheed, Beckham)? */
static int arabic_name(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if ((s[i] == 'k' && s[i + 1] == 'h' && (i == 0 || s[i - 1] != 'c')) || (s[i] == 'd' && s[i + 1] == 'z') ||
		    (s[i] == 'g' && s[i + 1] == 'h' && i > 0 && s[i - 1] == 'a' && (i < 2 || !is_vowel(s[i - 2])) &&
		     i + 2 < n))
			return 1; /* and the agh of Maghrib, Baghdad (not Vaughan) */
	return 0;
}

/* Does the lowercase name s[0..n) open with the nj, tj or dj of the old
 * Indonesian spelling (Njoo, Tjahjo, Djarot)? */
static int old_spelling_start(const char *s, size_t n)
{
	return n >= 3 && (s[0] == 'n' || s[0] == 't' || s[0] == 'd') && s[1] == 'j' && is_vowel(s[2]);
}

/* Is the lowercase name s[0..n), of seven letters or more, made the way
 * Indonesian words are, though it has an ee, oa or ou (Bojongsoang,
 * Sidoarjo, Baleendah): syllables of one consonant (or ng, ny, sy, kh) and
 * vowels, two consonants only between vowels, no c, q, x or the English
 * pairs (ck, ph, th, sh, gh, wh, oo, ea: Indofood, Deadpool), and a vowel
 * or one consonant at the end? */
static int indonesian_shape(const char *s, size_t n)
{
	size_t run = 0;
	if (n < 7 || has_pair(s, n, "ckphthshghwhooea"))
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (is_vowel(ch)) {
			run = 0;
			continue;
		}
		if (strchr("cqxy", ch) && !(ch == 'y' && i > 0 && (s[i - 1] == 'n' || s[i - 1] == 's')))
			return 0;
		if (i > 0 && ((ch == 'g' && s[i - 1] == 'n') || (ch == 'y' && (s[i - 1] == 'n' || s[i - 1] == 's')) ||
			      (ch == 'h' && s[i - 1] == 'k')))
			continue; /* ng, ny, sy, kh: one consonant */
		run++;
		if (run > (i + 1 == run ? 1u : 2u))
			return 0; /* a cluster at the start, or of three */
	}
	return run <= 1;
}

/* Is the ou of the lowercase name s[0..n) the only English spelling in it,
 * a name neither dictionary knows? French spelling writes the u of Arabic
 * and African names so (Marouane, Youssef, Mourad, Koulibaly), which are
 * then no English names. */
static int french_ou(const char *s, size_t n)
{
	char t[WORD_MAX];
	size_t k = 0;
	if (n >= sizeof t || !has_pair(s, n, "ou") || (n >= 5 && !memcmp(s + n - 3, "our", 3)))
		return 0; /* (Colour, Harbour: English) */
	for (size_t i = 0; i < n; i++)
		if (!(s[i] == 'o' && i + 1 < n && s[i + 1] == 'u'))
			t[k++] = s[i];
	return k < 2 || !unknown_foreign(t, k);
}

/* Is the oa of the lowercase name s[0..n) followed by a syllable, in a
 * name ending in -ia, as Indonesian spellings of places are (Kroasia; not
 * Road, Oakland, Broadway)? */
static int latin_oa(const char *s, size_t n)
{
	if (n < 6 || s[n - 2] != 'i' || s[n - 1] != 'a')
		return 0;
	for (size_t i = 0; i + 3 < n; i++)
		if (s[i] == 'o' && s[i + 1] == 'a' && !is_vowel(s[i + 2]) && is_vowel(s[i + 3]))
			return 1;
	return 0;
}

/* Does the lowercase name s[0..n) end as English places do: -chester,
 * -ford, -ville, -ington, -son, or -land after a consonant (Manchester,
 * Watford, Niceville, Wellington, Harrison, Sunderland, Auckland)? */
static int english_place(const char *s, size_t n)
{
	return (n >= 8 && !memcmp(s + n - 7, "chester", 7)) || (n >= 6 && !memcmp(s + n - 4, "ford", 4)) ||
	       (n >= 8 && !memcmp(s + n - 5, "ville", 5)) || (n >= 6 && !memcmp(s + n - 3, "son", 3)) ||
	       (n >= 8 && !memcmp(s + n - 6, "ington", 6)) ||
	       (n >= 7 && !memcmp(s + n - 4, "land", 4) && !is_vowel(s[n - 5]));
}

static int english_kind(const pron_rules *p, const char *low, size_t n, int capital)
{
	if (capital && (arabic_name(low, n) || old_spelling_start(low, n) || portuguese_nh(low, n) ||
			(japanese_shape(low, n) && (!wordset_has_name(&p->english, low, n) || strchr("aiou", low[n - 1])) &&
			 !english_form(p, low, n))))
		return NOT_ENGLISH; /* Khaleel, Dzulkifli: Arabic; Njoo: old spelling; Coutinho: Portuguese; Inoue, Kaneko;
				   * Yamaha, Toyota even where hunspell-en-us lists them */
	if (capital && n >= 5 && low[n - 2] == 'e' && low[n - 1] == 'z' && !has_pair(low, n, "sh"))
		return NOT_ENGLISH; /* Marquez, Sanchez, Lopez: Spanish, even beside an English name (which has no sh: Cashlez) */
	if (capital && n > 4 && low[0] == 'm' && low[1] == 'c' && !is_vowel(low[2]))
		return ENGLISH; /* McCann, McMenemy */
	if (!capital && n == 2 && !strstr("of on in at to by is it as or an up my me he if us so do go no", low))
		return NOT_ENGLISH; /* de, be, we: letters' names of a spelled acronym (SSD: es es de) */
	if (capital && n >= 5 && low[n - 2] == 'e' && low[n - 1] == 'r' && !is_vowel(low[n - 3]) &&
	    (!is_vowel(low[n - 4]) || strchr("zwv", low[n - 3])) && wordset_has(&p->english, low, n))
		return ENGLISH; /* Center, Order, Potter, Hunter, Tower: -er after two consonants */
	if (capital && n >= 6 && english_suffix(low, n) &&
	    (english_form(p, low, n) || wordset_has_name(&p->english, low, n)))
		return ENGLISH; /* United, Coding, Education, Gunners, Islamic */
	if (capital && n >= 3 && wordset_has_name(&p->english, low, n))
		return foreign_spelling(low, n) || english_place(low, n) ||
				       (n >= 6 && low[0] == 'c' && low[1] == 'h' && is_vowel(low[2]) && !is_vowel(low[3]) &&
					!strchr("aiou", low[n - 1])) /* Charles, Chapman; not Chandra, Chairul */
			       ? ENGLISH
		       : (low[n - 1] == 'o' || indonesian_shape(low, n)) && !wordset_has(&p->english, low, n) &&
				       !(n > 6 && memcmp(low + n - 3, "ian", 3) == 0)
			       ? NOT_ENGLISH /* Roberto, Bruno; Banjarmasin: no English name */
			       : ENGLISH_NAME; /* but International, Indonesian, beside English */
	if (capital && n >= 4 && !wordset_has(&p->english, low, n) &&
	    ((unknown_foreign(low, n) && !indonesian_shape(low, n) && !french_ou(low, n) && !latin_oa(low, n)) ||
	     english_place(low, n)))
		return ENGLISH;
	if (capital && n >= 4 && (unknown_foreign(low, n) || has_pair(low, n, "chshthghea")) &&
	    english_form(p, low, n))
		return ENGLISH; /* Road, Play, Chef, Show, Heart: a common word, not a name */
	if (capital && (n >= 5 ? english_form(p, low, n) && (english_shape(low, n) ||
							     (english_shape(low, n - 1) && wordset_has(&p->english, low, n - 1)))
			      : n == 4 && wordset_has(&p->english, low, n) && short_english_shape(low)))
		return ENGLISH; /* Guard, Code, Space, Games, Gamer: a common English word of four letters or more */
	if (capital && !wordset_has(&p->english, low, n) && english_name_compound(p, low, n))
		return ENGLISH; /* Lifeprint, Silverstone */
	if (capital && n == 4 && low[3] == 's' && wordset_has(&p->english, low, 3))
		return ENGLISH_NEXT_TO_ENGLISH; /* Electronic Arts: the plural of a short word */
	if (capital && n >= 4 && memchr(low, 'c', n) && wordset_has(&p->english, low, n) && !wordset_has_name(&p->english, low, n))
		return ENGLISH; /* Capital, Echo, Club: a common word Indonesian spells with k or s,
				 * whose c its rules would make [tS] */
	if (capital || n < 4)
		return english_form(p, low, n) ? ENGLISH_NEXT_TO_ENGLISH : NOT_ENGLISH;
	return english_form(p, low, n) || english_compound(p, low, n) ? ENGLISH : NOT_ENGLISH;
}

/* Is w[0..n) a word to say in English: letters only (a capital first at
 * most), not Indonesian (the roots table, hunspell-id, its affixes), and
 * in hunspell-en-us? ENGLISH for a word in small letters of four or more,
 * or a name of hunspell-en-us spelled the English way (foreign_spelling);
 * ENGLISH_NEXT_TO_ENGLISH for a shorter word or one with a capital,
 * which many names of other languages match (China, Inter,
 * Van, Del, Maria): those only beside another English word (the Champions
 * League, for you, Ashley Cole); ENGLISH_NAME for another name, beside a
 * word that is not a name. The capitalized words English alone are those
 * english_kind lists. */
/* Is w[0..n) a brand written in camel case whose parts are all words of
 * hunspell-en-us, one of them of four letters or more and not
 * Indonesian, maybe after an i, e or a (InTour, iTunes, iHeartRadio,
 * aCommerce; not TelkomCare, UntukKorowai)? */
static int camel_english(const pron_rules *p, const char *w, size_t n)
{
	char low[WORD_MAX];
	size_t a = 0, parts = 0;
	int long_part = 0;
	if (n < 5 || n >= WORD_MAX)
		return 0;
	if (su_is_lower(w[0]) && strchr("iea", w[0]) && su_is_upper(w[1]))
		a = 1;
	while (a < n) {
		size_t b = a + 1;
		if (!su_is_upper(w[a]))
			return 0;
		while (b < n && su_is_lower(w[b]))
			b++;
		if (b - a < 2)
			return 0; /* two capitals together: an acronym inside */
		for (size_t k = a; k < b; k++)
			low[k - a] = su_lower(w[k]);
		low[b - a] = '\0';
		if (!english_form(p, low, b - a))
			return 0;
		long_part |= b - a >= 4 && !find_root(&p->roots, low, b - a) && !pron_is_word((void *)p, low, b - a);
		parts++;
		a = b;
	}
	return (parts >= 2 || su_is_lower(w[0])) && long_part;
}

static int english_word(const pron_rules *p, const char *w, size_t n)
{
	char low[WORD_MAX];
	int capital, kind;
	if (n == 1 && w[0] == 'I' && wordset_loaded(&p->english))
		return ENGLISH_NEXT_TO_ENGLISH; /* the pronoun: Long As I Get Paid (a Roman I is a number by now) */
	if (!wordset_loaded(&p->english) || n < 2)
		return NOT_ENGLISH;
	if (n > 5 && w[0] == 'M' && w[1] == 'a' && w[2] == 'c' && su_is_upper(w[3]) && small_letters(w + 3, n - 3, low) == 1)
		return ENGLISH; /* MacFarlane, MacBook: the capital after Mac */
	if ((capital = small_letters(w, n, low)) < 0)
		return camel_english(p, w, n) ? ENGLISH : NOT_ENGLISH;
	/* the English lists first: most words are in none of them, and the
	 * affix grammar is the dearer question */
	if ((kind = english_kind(p, low, n, capital)) == NOT_ENGLISH)
		return NOT_ENGLISH;
	if (find_root(&p->roots, low, n))
		return NOT_ENGLISH;
	{
		morph_parse mp;
		morph_parse_word(p->morph, low, n, known_root, (void *)p, &mp);
		/* (a name spelled as only English spells, whose one Indonesian
		 * parse frames a root of two letters: Keenan is no ke-en-an) */
		if (mp.found && !(capital && kind == ENGLISH && mp.root_len <= 2 && n >= 5))
			return NOT_ENGLISH;
	}
	return kind;
}

/* Are s[a..b) spaces only (one or more)? */
static int only_spaces(const char *s, size_t a, size_t b)
{
	if (a >= b)
		return 0;
	for (; a < b; a++)
		if (s[a] != ' ')
			return 0;
	return 1;
}

int pron_is_word(void *ud, const char *w, size_t n)
{
	const pron_rules *p = ud;
	morph_parse mp;
	morph_parse_word(p->morph, w, n, known_root, (void *)p, &mp);
	return mp.found;
}

int pron_is_english(void *ud, const char *w, size_t n)
{
	const pron_rules *p = ud;
	return n >= 3 && english_form(p, w, n) && !find_root(&p->roots, w, n) && !pron_is_word(ud, w, n);
}

int pron_word(const pron_rules *p, const char *w, size_t n, sbuf *out)
{
	return say_word(p, w, n, NULL, 0, NULL, 0, out);
}

/* ---- sentences --------------------------------------------------------- */

/* A word of the spoken text: letters (any script), with - and ' inside. */
static size_t word_end(const char *s, size_t len, size_t i)
{
	size_t k = i;
	while (k < len) {
		size_t at = k;
		uint32_t cp = utf8_next(s, len, &at);
		if (cp == '-' || cp == '\'' || cp == 0x2019) {
			size_t nx = at;
			if (k == i || nx >= len || !u_isalpha(utf8_next(s, len, &nx)))
				break;
		} else if (!u_isalpha(cp) && !(cp >= 0x300 && cp < 0x370)) {
			break;
		}
		k = at;
	}
	return k;
}

static int anchor(vec *anchors, size_t eng_off, size_t sp_off, int copied)
{
	pron_anchor a = {eng_off, sp_off, copied};
	return vec_push(anchors, &a) ? 0 : -1;
}

/* The next word at or after i: its span, or len when none. */
static size_t next_word(const char *s, size_t len, size_t i, size_t *end)
{
	while (i < len) {
		size_t at = i;
		uint32_t cp = utf8_next(s, len, &at);
		if (u_isalpha(cp)) {
			*end = word_end(s, len, i);
			if (*end > i)
				return i;
		}
		if (cp == '[' && at < len && s[at] == '[')
			return len; /* a [[phoneme]] word: no neighbour to read */
		i = at;
	}
	*end = len;
	return len;
}

/* Say the English word w[0..n) (at the end of eng, after "[["): its
 * phonemes in the English table, then back to the main one. 1; 0 when it
 * has none (then eng is as it was); -1 when out of memory. */
static int say_english(const pron_rules *p, const char *w, size_t n, sbuf *eng)
{
	size_t mark = eng->len;
	int rc;
	if (sbuf_adds(eng, "_^_") != 0 || sbuf_adds(eng, p->english_table) != 0 || sbuf_addc(eng, ' ') != 0)
		return -1;
	if ((rc = p->english_fn(p->english_ud, w, n, eng)) < 0)
		return -1;
	if (rc == 1) {
		eng->len = mark;
		eng->data[mark] = '\0';
		return 0;
	}
	if (sbuf_adds(eng, " _^_") != 0 || sbuf_adds(eng, p->main_table) != 0)
		return -1;
	return 1;
}

/* Is w[0..n) an English word and the clitic -nya (body-nya, project-nya)? */
static int english_nya(const pron_rules *p, const char *w, size_t n)
{
	return p->english_fn && n > 6 && memcmp(w + n - 4, "-nya", 4) == 0 && !memchr(w, '-', n - 4) &&
	       english_word(p, w, n - 4) != NOT_ENGLISH;
}

/* Say the English word w[0..n) and -nya after it, in the English table
 * (nja: the Indonesian nya, in one word). */
static int say_english_nya(const pron_rules *p, const char *w, size_t n, sbuf *eng)
{
	size_t tail = 4 + strlen(p->main_table);
	int rc = say_english(p, w, n, eng);
	if (rc <= 0)
		return rc;
	eng->len -= tail; /* before " _^_id" */
	eng->data[eng->len] = '\0';
	if (sbuf_adds(eng, "nja _^_") != 0 || sbuf_adds(eng, p->main_table) != 0)
		return -1;
	return 1;
}

/* Is w[0..n), in small letters, an Indonesian prefix before an English
 * verb of four letters or more, a word neither Indonesian nor English as
 * a whole: di- or ter- (dibackup, didownload, diupload, terupdate), meng-
 * before a vowel and men- before d, t, c, j (mengupload, mendownload),
 * or one of them and a hyphen (di-remix, me-remix, nge-share)? Not an
 * Indonesian word after the prefix (dimana, disini). The prefix's length,
 * hyphen included, or 0; *ph its phonemes in the English table (a pepet
 * before a hyphen, which keeps it from an r after it: m@-rI#m'Iks; ber-
 * keeps its own r: b@r-dI2spl'eI). */
static size_t english_after_prefix(const pron_rules *p, const char *w, size_t n, const char **ph)
{
	static const struct { const char *prefix, *ph, *before; } prefixes[] = {
		{"di-", "di", NULL}, {"me-", "m@-", NULL}, {"ter-", "t@-", NULL}, {"nge-", "N@-", NULL},
		{"ke-", "k@-", NULL}, {"ber-", "b@r-", NULL}, {"di", "di", NULL}, {"ter", "t@-", NULL},
		{"meng", "m@N", "aeiou"}, {"men", "m@n", "dtcj"},
	};
	if (!p->english_fn || n < 6 || n >= WORD_MAX)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (!su_is_lower(w[k]) && w[k] != '-')
			return 0;
	for (size_t k = 0; k < sizeof prefixes / sizeof prefixes[0]; k++) {
		size_t a = strlen(prefixes[k].prefix);
		/* (english_word refuses an Indonesian word after the prefix;
		 * after a hyphen, which marks a foreign word, an English word
		 * Indonesian has too is English: di-pair) */
		if (n < a + 4 || memcmp(w, prefixes[k].prefix, a) != 0 || memchr(w + a, '-', n - a) ||
		    (prefixes[k].before && !strchr(prefixes[k].before, w[a])) ||
		    (english_word(p, w + a, n - a) != ENGLISH &&
		     !(w[a - 1] == '-' && english_form(p, w + a, n - a))))
			continue;
		if (pron_is_word((void *)p, w, n) || find_root(&p->roots, w, n) || english_form(p, w, n))
			return 0;
		*ph = prefixes[k].ph;
		return a;
	}
	return 0;
}

/* Say the prefix w[0..a) (its phonemes ph) and the English word after it
 * as one word, in the English table. */
static int say_prefix_english(const pron_rules *p, const char *w, size_t n, size_t a, const char *ph, sbuf *eng)
{
	size_t at = eng->len + 3 + strlen(p->english_table) + 1, m = strlen(ph);
	int rc = say_english(p, w + a, n - a, eng);
	if (rc <= 0)
		return rc;
	if (sbuf_adds(eng, ph) != 0) /* room, then the prefix moved in */
		return -1;
	memmove(eng->data + at + m, eng->data + at, eng->len - m - at);
	memcpy(eng->data + at, ph, m);
	return 1;
}

/* Is the name w[0..n) a common English word too, of four letters or more
 * with two affix flags or more in hunspell-en-us (Swift, Bale, Hart; not
 * Cesar, Marc), so that beside another name it makes an English
 * pair (Taylor Swift, Gareth Bale; not Carolina Marin)? */
static int name_is_word(const pron_rules *p, const char *w, size_t n)
{
	char low[WORD_MAX];
	return n >= 4 && small_letters(w, n, low) == 1 && wordset_inflected(&p->english, low, n);
}

/* Is w[0..n) a line of the list s[0..len) ("Jason\nMiller\n")? */
static int list_has(const char *s, size_t len, const char *w, size_t n)
{
	const char *e = s + len, *nl;
	for (; s < e && (nl = memchr(s, '\n', (size_t)(e - s))) != NULL; s = nl + 1)
		if ((size_t)(nl - s) == n && memcmp(s, w, n) == 0)
			return 1;
	return 0;
}

/* Add w[0..n) to the list names unless it is there or the list would pass
 * PRON_NAMES_MAX. 0, or -1 when out of memory. */
static int note_name(sbuf *names, const char *w, size_t n)
{
	if (names->len + n + 1 > PRON_NAMES_MAX || list_has(names->data, names->len, w, n))
		return 0;
	return sbuf_add(names, w, n) != 0 || sbuf_addc(names, '\n') != 0 ? -1 : 0;
}

/* Is the lowercase low[0..n) one of a short list of English words Indonesian
 * has none of (the, is, our, but ...; hunspell-en-us may not list them,
 * as it lists no is)? */
static int english_small(const char *low, size_t n)
{
	static const char *const by_len[5] = {
		"", "",
		"isitmymeatoninbyanoftosohe",
		"thearewasyououritshashisherandforallgotnotbut",
		"yourthisthatwithhavebeenwilljusttheywere",
	};
	if (n < 2 || n > 4)
		return n == 1 && low[0] == 'i';
	for (const char *w = by_len[n]; *w; w += n) {
		size_t k = 0;
		while (k < n && w[k] == low[k])
			k++;
		if (k == n)
			return 1;
	}
	return 0;
}

/* Where sp[0..len) has words of english_small's list of two letters or
 * more (not the i of a spelled acronym, em u i: a run needs another):
 * their offsets into at[], at most cap of them; the count. */
static size_t english_smalls(const char *sp, size_t len, size_t *at, size_t cap)
{
	size_t count = 0;
	for (size_t a = 0, b; a < len && count < cap; a = b) {
		char low[5];
		size_t k;
		if (!su_is_lower(sp[a]) && !su_is_upper(sp[a])) {
			b = a + 1;
			continue;
		}
		for (b = a; b < len && (su_is_lower(sp[b]) || su_is_upper(sp[b])); b++)
			;
		if (b - a > 4 || b - a < 2 || (a > 0 && (unsigned char)sp[a - 1] >= 0x80) ||
		    (b < len && (unsigned char)sp[b] >= 0x80))
			continue;
		for (k = 0; k < b - a; k++)
			low[k] = su_lower(sp[a + k]);
		low[k] = '\0';
		if (english_small(low, k))
			at[count++] = a;
	}
	return count;
}

/* A word of such a run: in the English list when of three letters or
 * more (Indonesian has made, hot too), else as english_word judges it (not
 * a letter's name of a spelled acronym: be pe be de). */
static int run_word(const pron_rules *p, const char *w, const char *low, size_t n)
{
	return n >= 3 ? english_form(p, low, n) : english_word(p, w, n) != NOT_ENGLISH;
}

/* Is sp[i..) a run of words in the English list, spaces between, of
 * three or more, two of them English words Indonesian has none of (a
 * short list, english_small), or one when the run is its whole
 * clause (The hardest thing.)? Then the run is said in English, its
 * words Indonesian has too as well (made, hot: Choppy waters made it
 * tougher but glad i chanced it). *end is where the run, or the word at
 * i, ends. */
static int english_sentence_run(const pron_rules *p, const char *sp, size_t len, size_t i, size_t *end)
{
	size_t a = i, b, words = 0, small = 0, longer = 0, before = i;
	*end = word_end(sp, len, i);
	while (a < len) {
		char low[WORD_MAX];
		int is_small;
		b = word_end(sp, len, a);
		if (b == a || small_letters(sp + a, b - a, low) < 0)
			break;
		is_small = english_small(low, b - a);
		if (!is_small && !run_word(p, sp + a, low, b - a))
			break;
		if (a == i && !is_small && (find_root(&p->roots, low, b - a) || pron_is_word((void *)p, low, b - a)))
			return 0; /* a run opens with no word Indonesian has (drama hit Descendants of the Sun) */
		words++;
		small += is_small;
		longer += !is_small && b - a >= 4;
		*end = b;
		if (b + 1 >= len || sp[b] != ' ' || !(su_is_lower(sp[b + 1]) || su_is_upper(sp[b + 1])))
			break;
		a = b + 1;
	}
	while (before > 0 && sp[before - 1] == ' ')
		before--;
	return words >= 3 && longer && (small >= 2 || (small >= 1 && (before == 0 || strchr(",.;:!?(", sp[before - 1])) &&
					      (*end >= len || strchr(",.;:!?)", sp[*end]))));
}

/* Is the "Air" at sp[i..i+3) the English word of an airline's name: after
 * a capitalized word that is no Indonesian word (Lion Air, Nam Air,
 * Vietjet Air; not Tanah Air, Sumber Daya Air, Desa Air Paoh) or after
 * Batik or Pelita, and before no capitalized word (not Air Minum)? */
static int airline_air(const pron_rules *p, const char *sp, size_t len, size_t i, size_t prev, size_t prev_n,
		       size_t nx)
{
	char low[WORD_MAX];
	if (i + 3 > len || memcmp(sp + i, "Air", 3) != 0 || !prev_n || !only_spaces(sp, prev + prev_n, i) ||
	    small_letters(sp + prev, prev_n, low) != 1 || prev_n < 3)
		return 0;
	if (nx < len && only_spaces(sp, i + 3, nx) && su_is_upper(sp[nx]))
		return 0;
	if ((prev_n == 5 && !memcmp(low, "batik", 5)) || (prev_n == 6 && !memcmp(low, "pelita", 6)))
		return 1;
	return !find_root(&p->roots, low, prev_n) && !pron_is_word((void *)p, low, prev_n);
}

/* Is w[0..n) a capitalized word hunspell-en-us lists in small letters (a
 * common word, not only a name)? */
static int english_common_capital(const pron_rules *p, const char *w, size_t n)
{
	char low[WORD_MAX];
	return n >= 2 && small_letters(w, n, low) == 1 && wordset_has(&p->english, low, n);
}

/* Is the capitalized word at sp[i] the first of a run of two or more
 * capitalized words, each English only or a common English word
 * Indonesian has too (english_common_capital), with one of each: the
 * Royal Air Force, Total Football? The run is said in English all
 * through: the end of its last word, or 0. (Not with a name inside:
 * Bank Central Asia.) */
static size_t english_title_run(const pron_rules *p, const char *sp, size_t len, size_t i)
{
	size_t at = i, end, nend, nx, words = 0, only = 0, both = 0, commons = 0;
	/* the cheap tests first: a second capitalized word (most capitalized
	 * words stand alone), then two common English words in the run at
	 * least (most runs are names: Joko Widodo) */
	end = word_end(sp, len, i);
	nx = next_word(sp, len, end, &nend);
	if (nx >= len || !only_spaces(sp, end, nx) || !su_is_upper(sp[nx]))
		return 0;
	while (at < len && su_is_upper(sp[at]) && commons < 2) {
		end = word_end(sp, len, at);
		commons += english_common_capital(p, sp + at, end - at);
		nx = next_word(sp, len, end, &nend);
		if (nx >= len || !only_spaces(sp, end, nx))
			break;
		at = nx;
	}
	if (commons < 2)
		return 0;
	at = i;
	while (at < len && su_is_upper(sp[at])) {
		int kind, common;
		end = word_end(sp, len, at);
		if (end - at < 3)
			return 0;
		common = english_common_capital(p, sp + at, end - at) && !(end - at == 3 && !memcmp(sp + at, "Via", 3));
		/* (via is Indonesian's too, and said so: Via The Verge) */
		if ((kind = english_word(p, sp + at, end - at)) == ENGLISH)
			only += common; /* (a name in it counts for neither: Christine Hakim) */
		else if (kind == NOT_ENGLISH && common)
			both++;
		else if (!common)
			return 0; /* (a weak common word counts for neither: You of Wherever You Are) */
		words++;
		nx = next_word(sp, len, end, &nend);
		if (nx >= len || !only_spaces(sp, end, nx))
			break;
		at = nx;
	}
	return words >= 2 && only && both ? end : 0;
}

/* Is w[0..n) a capitalized name of five letters or more that neither
 * Indonesian nor hunspell-en-us knows, ending as English names do and
 * Indonesian ones do not: s after a consonant, -es after one, -berger
 * (Uggams, Skiles, Sullenberger; not Manullang, Keisuke, Fellaini)? */
static int english_shaped_surname(const pron_rules *p, const char *w, size_t n)
{
	char low[WORD_MAX];
	if (n < 5 || small_letters(w, n, low) != 1 || wordset_has(&p->english, low, n) ||
	    wordset_has_name(&p->english, low, n) || find_root(&p->roots, low, n) || pron_is_word((void *)p, low, n))
		return 0;
	return (low[n - 1] == 's' && !is_vowel(low[n - 2])) ||
	       (low[n - 1] == 's' && low[n - 2] == 'e' && !is_vowel(low[n - 3])) ||
	       (n >= 9 && !memcmp(low + n - 6, "berger", 6));
}

/* Do the capitalized w[0..n), English (of the kind given, a weak one),
 * and x[0..m) after it make an English pair though x is Indonesian too:
 * w, of three to five letters, ends in a consonant, is English only or a
 * common English word, and x is a common English word of three to five
 * letters, seven letters in all (Iron Man, West Ham, Big Data; not Vita
 * Solo, Son Wan - ho, International Halal, nor Lion Air: airline_air)? */
static int short_common_pair(const pron_rules *p, const char *w, size_t n, int kind, const char *x, size_t m)
{
	if (n < 3 || n > 5 || n + m < 7 || !su_is_upper(w[0]) || is_vowel(su_lower(w[n - 1])) || m < 3 || m > 5 ||
	    !english_common_capital(p, x, m) || (m == 3 && !memcmp(x, "Air", 3)))
		return 0;
	return kind == ENGLISH_NEXT_TO_ENGLISH || (kind == ENGLISH_NAME && english_common_capital(p, w, n));
}

/* Is w[0..n) a given name ending in a consonant and y or ie, a name of
 * hunspell-en-us (not a common word) or one neither dictionary knows,
 * before x[0..m), a capitalized surname of four letters or more that is
 * neither an English word nor name and is an Indonesian word or spelled
 * as Indonesian names are, ending in a vowel with no English spelling
 * (Freddy Budiman, Peggy Melati, Yockie Suryo; not Harry Kane, Andy
 * Murray)? Such a name is an Indonesian's, and Indonesian rules say it
 * as Indonesians do (Fredi, Yoki). Not a name whose English letters they
 * do not (Geraldine, Irene, Lindsay). */
static int indonesian_given_name(const pron_rules *p, const char *w, size_t n, const char *x, size_t m)
{
	char low[WORD_MAX], xl[WORD_MAX];
	size_t e;
	if (n < 3 || m < 4 || small_letters(w, n, low) != 1 || small_letters(x, m, xl) != 1 ||
	    wordset_has(&p->english, low, n))
		return 0;
	e = low[n - 1] == 'y' ? n - 1 : low[n - 1] == 'e' && low[n - 2] == 'i' ? n - 2 : 0;
	if (e < 2 || is_vowel(low[e - 1]) ||
	    (!wordset_has_name(&p->english, low, n) &&
	     (find_root(&p->roots, low, n) || pron_is_word((void *)p, low, n))))
		return 0;
	if (wordset_has(&p->english, xl, m) || wordset_has_name(&p->english, xl, m))
		return 0;
	return find_root(&p->roots, xl, m) || pron_is_word((void *)p, xl, m) ||
	       (strchr("aiou", xl[m - 1]) && !foreign_spelling(xl, m) && !unknown_foreign(xl, m) &&
		!japanese_shape(xl, m));
}

/* The document list's line for w[0..n) as an Indonesian's given name,
 * "!Freddy", in t (WORD_MAX + 1 bytes): its length, or 0 when too long. */
static size_t indonesian_line(char *t, const char *w, size_t n)
{
	if (n >= WORD_MAX)
		return 0;
	t[0] = '!';
	memcpy(t + 1, w, n);
	return n + 1;
}

/* Is w[0..n) in the document's list, as an Indonesian's given name
 * (indonesian_line) when indonesian is 1, else as a name said in English? */
static int doc_has(const pron_rules *p, const char *w, size_t n, int indonesian)
{
	char t[WORD_MAX + 1];
	size_t tn;
	if (!indonesian)
		return list_has(p->doc_names, p->doc_len, w, n);
	return (tn = indonesian_line(t, w, n)) != 0 && list_has(p->doc_names, p->doc_len, t, tn);
}

/* Is the capitalized w[0..n) a word hunspell-en-us lists in small letters
 * and not as a name, which english_word takes for English once in small
 * letters (Enjoy, Please; not Paul, Mark, Data), not ending in a vowel as
 * names do (Kaka, Taka)? */
static int sentence_first_english(const pron_rules *p, const char *w, size_t n)
{
	char low[WORD_MAX];
	if (small_letters(w, n, low) != 1 || is_vowel(low[n - 1]) || wordset_has_name(&p->english, low, n) ||
	    !wordset_has(&p->english, low, n))
		return 0;
	return english_word(p, low, n) == ENGLISH;
}

/* Is the word sp[i..end) one of a pair around "by", the same word before
 * and after it (step by step, one by one)? */
static int word_by_word(const char *sp, size_t len, size_t i, size_t end)
{
	size_t n = end - i;
	if (n < 2)
		return 0;
	if (end + 4 + n <= len && !memcmp(sp + end, " by ", 4) && !memcmp(sp + end + 4, sp + i, n) &&
	    (end + 4 + n == len || !su_is_lower(sp[end + 4 + n])))
		return 1;
	return i >= n + 4 && !memcmp(sp + i - 4, " by ", 4) && !memcmp(sp + i - 4 - n, sp + i, n) &&
	       (i == n + 4 || !su_is_lower(sp[i - 5 - n]));
}

/* ---- clauses the engine can read whole ----
 *
 * espeak-ng's ReadClause (readclause.c) reads a clause into a buffer of
 * N_TR_SOURCE (800) bytes. Past 725 bytes it ends the clause at the next
 * character that is neither a letter nor a digit, even inside [[phonemes]],
 * and reads the rest of those as text: "[[s@R2'at" then "%%us]]", said
 * "serat persen us" for seratus. So a clause of the engine's text that
 * grows past CLAUSE_MAX bytes gets a comma at a word boundary (a breath,
 * as a newsreader takes one in a long list): before the last of the words
 * below when there is one far enough in, else before the word that would
 * cross. The bound leaves room for one long word after it. */
#define CLAUSE_MAX 600
#define CLAUSE_MIN_PART 250

static int clause_joiner(const char *w, size_t n)
{
	static const char *const words[] = {
		"dan", "serta", "sampai", "hingga", "atau", "yang", "dengan", "untuk", "sedangkan",
		"sementara", "tetapi", "namun", "karena", "pada", "dari", "di", "ke",
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
			return 1;
	return 0;
}

/* Does the punctuation at s[i] (outside [[...]]) end the engine's clause?
 * Only where espeak-ng surely ends one: followed by a space, and a period
 * not before a small letter. Missing one only brings a comma sooner. */
static int clause_end_at(const char *s, size_t len, size_t i)
{
	size_t j = i + 1;
	if (!strchr(",;:!?.", s[i]) || (j < len && s[j] != ' '))
		return 0;
	if (s[i] == '.') {
		while (j < len && s[j] == ' ')
			j++;
		if (j < len && su_is_lower(s[j]))
			return 0;
	}
	return 1;
}

/* Put ", " into the engine's text at `at` (a word's start, after a space);
 * the anchors from there on move with the text. */
static int clause_break(sbuf *eng, vec *anchors, size_t at)
{
	size_t j, n = anchors->len;
	pron_anchor *a, before;
	if (sbuf_reserve(eng, 2) != 0 || vec_reserve(anchors, 1) != 0)
		return -1;
	memmove(eng->data + at + 2, eng->data + at, eng->len - at + 1);
	memcpy(eng->data + at, ", ", 2);
	eng->len += 2;
	a = anchors->items;
	for (j = 0; j < n && a[j].eng_off < at; j++)
		;
	before = a[j - 1]; /* anchor 0 is at 0, and at > 0 */
	for (size_t m = j; m < n; m++)
		a[m].eng_off += 2;
	if (before.copied && (j == n || a[j].eng_off != at + 2)) {
		/* a copied run goes on after the comma */
		pron_anchor b = {at + 2, before.sp_off + (at - before.eng_off), 1};
		vec_push(anchors, &b); /* room reserved */
		a = anchors->items;
		memmove(a + j + 1, a + j, (n - j) * sizeof *a);
		a[j] = b;
	}
	return 0;
}

static int engine_clauses(sbuf *eng, vec *anchors)
{
	size_t i = 0, start = 0, joiner = 0;
	while (i < eng->len) {
		const char *s = eng->data;
		size_t len = eng->len, end = i;
		int ends, plain = 1;
		if (s[i] == ' ') {
			i++;
			continue;
		}
		while (end < len && s[end] != ' ') { /* a word, with its [[...]] whole */
			if (s[end] == '[' && end + 1 < len && s[end + 1] == '[') {
				const char *close = strstr(s + end + 2, "]]");
				end = close ? (size_t)(close - s) + 2 : len;
				plain = 0;
				continue;
			}
			end++;
		}
		ends = clause_end_at(s, len, end - 1); /* only a word's last mark has a space after it */
		if (end - start > CLAUSE_MAX && i - start > CLAUSE_MAX / 2) {
			size_t at = joiner > start ? joiner : i;
			if (clause_break(eng, anchors, at) != 0)
				return -1;
			i = start = at + 2;
			joiner = 0;
			continue;
		}
		if (plain && i - start >= CLAUSE_MIN_PART && clause_joiner(s + i, end - i))
			joiner = i;
		if (ends)
			start = end;
		i = end;
	}
	return 0;
}

/* pron_sentence, and with names non-NULL pron_collect. */
static int sentence(const pron_rules *p, const char *sp, size_t len, sbuf *eng, vec *anchors, sbuf *names)
{
	size_t i = 0, prev = 0, prev_n = 0, copy_from = 0, en_end = 0;
	size_t title_end = 0;
	int copying = 1, in_english = 0, the_before = 0, pair = 0, pair_before = 0, run = 0, clause = 0;
	size_t clause_end = 0;
	size_t small_at[64], smalls = p->english_fn ? english_smalls(sp, len, small_at, 64) : 0, next_small = 0;
	sbuf_clear(eng);
	vec_clear(anchors);
	if (anchor(anchors, 0, 0, 1) != 0)
		return -1;
	while (i < len) {
		size_t end, nend = 0, nx, mark;
		int rc, kind = NOT_ENGLISH, next_kind, english, nya;
		size_t pre;
		const char *pre_ph = NULL;
		if (sp[i] == '[' && i + 1 < len && sp[i + 1] == '[') { /* lexicon phonemes */
			const char *close = strstr(sp + i, "]]");
			i = close ? (size_t)(close - sp) + 2 : len;
			continue;
		}
		if ((unsigned char)sp[i] < 0x80 && !su_is_lower(sp[i]) && !su_is_upper(sp[i])) {
			i++;
			continue;
		}
		end = word_end(sp, len, i);
		if (end == i) {
			utf8_next(sp, len, &i);
			continue;
		}
		nx = next_word(sp, len, end, &nend);
		while (next_small < smalls && small_at[next_small] < i)
			next_small++;
		/* a run has one of them, near where it opens (most sentences have none) */
		if (i >= clause_end && next_small < smalls && small_at[next_small] - i <= 48)
			clause = english_sentence_run(p, sp, len, i, &clause_end);
		else if (i >= clause_end)
			clause = 0;
		/* a weak English word only beside another, and a name only beside
		 * one that is not a name too (Ashley Cole, New York; not Carolina
		 * Marin); a weak word before a short one Indonesian has too
		 * (short_common_pair: Iron Man, Big Data, West Ham) */
		english = p->english_fn && (kind = english_word(p, sp + i, end - i)) != NOT_ENGLISH &&
			  (kind == ENGLISH || (in_english && only_spaces(sp, en_end, i)) ||
			   (nx < len && only_spaces(sp, end, nx) &&
			    (next_kind = english_word(p, sp + nx, nend - nx)) != NOT_ENGLISH &&
			    (kind != ENGLISH_NAME || next_kind != ENGLISH_NAME || name_is_word(p, sp + i, end - i) ||
			     name_is_word(p, sp + nx, nend - nx))));
		pair = 0;
		if (p->english_fn && !english && kind != NOT_ENGLISH && nx < len && only_spaces(sp, end, nx) &&
		    short_common_pair(p, sp + i, end - i, kind, sp + nx, nend - nx))
			english = pair = 1;
		/* an English given name before an Indonesian surname is an
		 * Indonesian's, and so all through the document (Freddy
		 * Budiman ... Freddy) */
		if (english && su_is_upper(sp[i]) &&
		    ((nx < len && only_spaces(sp, end, nx) &&
		      indonesian_given_name(p, sp + i, end - i, sp + nx, nend - nx)) ||
		     (!names && doc_has(p, sp + i, end - i, 1)))) {
			char t[WORD_MAX + 1];
			size_t tn;
			english = 0;
			if (names && (tn = indonesian_line(t, sp + i, end - i)) != 0 && note_name(names, t, tn) != 0)
				return -1;
		} else if ((kind == ENGLISH_NAME || kind == ENGLISH_NEXT_TO_ENGLISH) && su_is_upper(sp[i]) && end - i >= 3 &&
		    !strchr("aiou", sp[end - 1])) {
			/* a name said in English beside English elsewhere in the
			 * document (Jason Voorhees ... karakter Jason); not one
			 * that ends in a, i, o or u, which English names seldom
			 * do and Japanese, Spanish or Indonesian ones do (Suzuki
			 * GSX, Go - Jek Engineering) */
			if (!english && doc_has(p, sp + i, end - i, 0))
				english = 1;
			else if (english && names && !pair && !pair_before && note_name(names, sp + i, end - i) != 0)
				return -1;
		}
		/* the second of such a pair; and a capitalized common word
		 * of four letters or more Indonesian has too, after two
		 * English words or more (Arthur Ashe Stadium, Indoor Sports
		 * Stadium; not the Ki of Song Joong Ki) */
		if ((pair_before ||
		     (run >= 2 && (end - i >= 4 || (run >= 3 && su_is_upper(sp[prev]))) &&
		      english_common_capital(p, sp + i, end - i))) &&
		    !english && p->english_fn && only_spaces(sp, en_end, i))
			english = 1;
		/* after a name said in English, a surname neither list has
		 * that ends as English names do (Jeff Skiles) */
		if (p->english_fn && !english && in_english && prev_n && su_is_upper(sp[prev]) &&
		    only_spaces(sp, en_end, i) &&
		    english_shaped_surname(p, sp + i, end - i))
			english = 1;
		/* the first word of a sentence, capitalized as a first word is:
		 * a common English word is English as in small letters (Enjoy
		 * step by step); a name of the English list is not */
		if (p->english_fn && !english && !prev_n && end - i >= 4 && !(nx < len && su_is_upper(sp[nx])) &&
		    sentence_first_english(p, sp + i, end - i)) /* (not before a capital: Loris Karius) */
			english = 1;
		/* by, which Indonesian has not; a word repeated around it
		 * (step by step, one by one) */
		if (p->english_fn && !english && ((end - i == 2 && !memcmp(sp + i, "by", 2)) || word_by_word(sp, len, i, end)))
			english = 1;
		pair_before = pair;
		if (p->english_fn && !english &&
		    (english_hyphenated(p, sp + i, end - i) || english_possessive(p, sp + i, end - i) ||
		     english_contraction(p, sp + i, end - i)))
			english = 1;
		if (p->english_fn && !english && end - i == 3 && airline_air(p, sp, len, i, prev, prev_n, nx))
			english = 1;
		/* a title of English words (english_title_run) */
		if (p->english_fn && i >= title_end && su_is_upper(sp[i]) &&
		    !(prev_n && su_is_upper(sp[prev]) && only_spaces(sp, prev + prev_n, i)))
			title_end = english_title_run(p, sp, len, i);
		if (i < title_end)
			english = 1;
		/* The Reds, The Jak, The OS ("The o es"), the Federal Aviation
		 * Administration: "the" is English (Indonesian has no such
		 * word; its tea is teh) */
		if (p->english_fn && !english && end - i == 3 && (memcmp(sp + i, "The", 3) == 0 || memcmp(sp + i, "the", 3) == 0))
			english = 1;
		if (p->english_fn && !english && the_before && in_english && only_spaces(sp, en_end, i) &&
		    after_the(p, sp + i, end - i))
			english = 1;
		the_before = english && end - i == 3 && memcmp(sp + i, "The", 3) == 0;
		if (clause && !english && p->english_fn) { /* a run of English words (english_sentence_run) */
			char low[WORD_MAX];
			english = small_letters(sp + i, end - i, low) >= 0 &&
				  (english_small(low, end - i) || run_word(p, sp + i, low, end - i));
		}
		/* after Arabic's article, an Arabic word (Fatah Al - Sham: syam;
		 * not al fresco) */
		if (english && prev_n == 2 && (sp[prev] == 'A' || sp[prev] == 'E') && sp[prev + 1] == 'l' &&
		    su_is_upper(sp[i]) && only_spaces(sp, prev + 2, i))
			english = 0;
		if (sbuf_add(eng, sp + copy_from, i - copy_from) != 0)
			return -1;
		mark = eng->len;
		if (sbuf_adds(eng, "[[") != 0)
			return -1;
		nya = !english && english_nya(p, sp + i, end - i) ? 4 : 0;
		/* a prefix and an English verb, though English might read the
		 * word as two of its own (mendownload: not mend own load) */
		if ((pre = !nya && (!english || su_is_lower(sp[i])) ? english_after_prefix(p, sp + i, end - i, &pre_ph) : 0))
			english = 0;
		/* the English word, then nya: Macawnya (an English word as a
		 * whole), jerseynya, gamenya (an Indonesian-looking whole) */
		if (!nya && (english ? end - i > 5 : p->english_fn && end - i > 6) &&
		    memcmp(sp + end - 3, "nya", 3) == 0 && english_word(p, sp + i, end - i - 3) != NOT_ENGLISH)
			english = 0, nya = 3;
		/* names (pron_collect): decisions only, asking the English
		 * voice nothing (the main process has none to ask) */
		rc = english ? (names ? 1 : say_english(p, sp + i, end - i, eng))
		     : nya   ? (names ? 1 : say_english_nya(p, sp + i, end - i - (size_t)nya, eng))
		     : pre   ? (names ? 1 : say_prefix_english(p, sp + i, end - i, pre, pre_ph, eng)) : 0;
		if (rc < 0)
			return -1;
		in_english = rc > 0 && !nya && !pre;
		run = in_english && (run == 0 || only_spaces(sp, en_end, i)) ? run + 1 : in_english;
		en_end = end;
		if (rc == 0)
			rc = say_word(p, sp + i, end - i, prev_n ? sp + prev : NULL, prev_n,
				      nx < len ? sp + nx : NULL, nx < len ? nend - nx : 0, eng);
		if (rc < 0)
			return -1;
		if (rc == 0) { /* left as written */
			eng->len = mark;
			eng->data[mark] = '\0';
			copy_from = i;
			if (!copying && anchor(anchors, mark, i, 1) != 0)
				return -1;
			copying = 1;
		} else {
			if (sbuf_adds(eng, "]]") != 0 || anchor(anchors, mark, i, 0) != 0)
				return -1;
			copy_from = end;
			copying = 0;
			if (anchor(anchors, eng->len, end, 1) != 0)
				return -1;
			copying = 1;
		}
		prev = i, prev_n = end - i;
		i = end;
	}
	if (sbuf_add(eng, sp + copy_from, len - copy_from) != 0)
		return -1;
	return engine_clauses(eng, anchors);
}

int pron_sentence(const pron_rules *p, const char *sp, size_t len, sbuf *eng, vec *anchors)
{
	return sentence(p, sp, len, eng, anchors, NULL);
}

int pron_collect(const pron_rules *p, const char *sp, size_t len, sbuf *eng, vec *anchors, sbuf *names)
{
	return sentence(p, sp, len, eng, anchors, names);
}

size_t pron_map(const vec *anchors, size_t eng_off)
{
	size_t lo = 0, hi = anchors->len;
	const pron_anchor *a;
	while (hi - lo > 1) { /* the last anchor at or before eng_off */
		size_t mid = lo + (hi - lo) / 2;
		if (((const pron_anchor *)vec_at(anchors, mid))->eng_off <= eng_off)
			lo = mid;
		else
			hi = mid;
	}
	a = vec_at(anchors, lo);
	return a->copied ? a->sp_off + (eng_off - a->eng_off) : a->sp_off;
}
