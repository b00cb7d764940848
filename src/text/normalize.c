/* normalize.c: Indonesian text normalization; see normalize.h.
 *
 * A sentence is cut at whitespace into tokens; each token is split into
 * leading punctuation, a core and trailing punctuation. An ordered rule list
 * (rules[] below) is tried on the core of each token; the first rule that
 * matches writes the spoken words and says how many tokens it consumed
 * (`Rp 12.500` is two tokens, one piece). The words live in tables loaded
 * from the voice folder (words.tsv, units.tsv, currency.tsv, web.tsv,
 * lexicon.tsv) and in number.c. Trailing punctuation that shapes intonation
 * is kept, one mark per token. */
#include "text/normalize.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/number.h"
#include "base/utf8.h"

static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }
static int is_upper_ascii(char ch) { return ch >= 'A' && ch <= 'Z'; }
static int is_lower_ascii(char ch) { return ch >= 'a' && ch <= 'z'; }

/* ---- tables ------------------------------------------------------------ */

typedef struct {
	const char *key, *val;
	int ends; /* third column "end": the abbreviation may end a sentence */
} entry;

/* A one-hash Bloom filter over the keys, so most lookups of ordinary
 * words end without a search. Before it, two cheaper filters that need no
 * hashing and little memory: the key lengths and the first bytes present. */
#define BLOOM_BITS 65536u
#define LEN_BITS 64u /* lengths of LEN_BITS - 1 bytes and more share a bit */

typedef struct {
	entry *e;
	size_t n;
	char *mem; /* the file, cut into NUL-terminated keys and values */
	uint64_t lens;              /* bit min(length, LEN_BITS - 1) per key */
	unsigned char first[256 / 8]; /* bit per first byte of a key */
	unsigned char bloom[BLOOM_BITS / 8];
} table;

static unsigned len_bit(size_t n) { return n < LEN_BITS - 1 ? (unsigned)n : LEN_BITS - 1; }

/* FNV-1a, folded to a Bloom filter bit. */
#define FNV_BASIS 2166136261u
#define FNV_PRIME 16777619u

static unsigned bloom_bit(uint32_t h) { return (unsigned)(h ^ (h >> 16)) % BLOOM_BITS; }

static unsigned key_hash(const char *s, size_t n)
{
	uint32_t h = FNV_BASIS;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
	return bloom_bit(h);
}

enum { T_WORDS, T_UNITS, T_CURRENCY, T_WEB, T_LEXICON, T_COUNT };
static const char *const table_file[T_COUNT] = {
	"words.tsv", "units.tsv", "currency.tsv", "web.tsv", "lexicon.tsv",
};

struct norm_rules {
	table t[T_COUNT];
};

static int fail_msg(char *err, size_t errlen, const char *path, size_t line, const char *msg)
{
	if (errlen) {
		if (line)
			snprintf(err, errlen, "%s:%zu: %s", path, line, msg);
		else
			snprintf(err, errlen, "%s: %s", path, msg);
	}
	return -1;
}

static int read_all(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	int rc;
	if (!f)
		return -1;
	rc = suara_read_all(f, out, len);
	fclose(f);
	return rc;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

/* Cut one line (NUL-terminated, no LF) into an entry. NULL when fine, else
 * the problem. */
static const char *parse_line(char *line, entry *e)
{
	size_t n = strlen(line);
	char *tab, *flag;
	if (n && line[n - 1] == '\r')
		line[--n] = '\0';
	tab = strchr(line, '\t');
	if (!tab)
		return "expected written<TAB>spoken (no tab)";
	*tab = '\0';
	e->ends = 0;
	if ((flag = strchr(tab + 1, '\t')) != NULL) {
		*flag++ = '\0';
		if (strcmp(flag, "end") != 0)
			return "third column must be \"end\" or absent";
		e->ends = 1;
	}
	if (tab == line)
		return "empty written form";
	if (tab[1] == '\0')
		return "empty spoken form";
	e->key = line;
	e->val = tab + 1;
	return NULL;
}

static int parse_table(table *t, size_t len, const char *path, char *err, size_t errlen)
{
	size_t lines = 1, lineno = 0;
	char *p = t->mem, *end = t->mem + len;
	for (size_t i = 0; i < len; i++)
		lines += t->mem[i] == '\n';
	if (!(t->e = su_malloc(lines * sizeof *t->e)))
		return fail_msg(err, errlen, path, 0, "out of memory");
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *why;
		if (nl)
			*nl = '\0';
		lineno++;
		if (*p && *p != '#' && *p != '\r' && (why = parse_line(p, &t->e[t->n])) != NULL)
			return fail_msg(err, errlen, path, lineno, why);
		if (*p && *p != '#' && *p != '\r')
			t->n++;
		p = nl ? nl + 1 : end;
	}
	return 0;
}

static int load_table(table *t, const char *dir, const char *name, char *err, size_t errlen)
{
	char path[4096];
	size_t len, bad;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (read_all(path, &t->mem, &len) != 0)
		return fail_msg(err, errlen, path, 0, "cannot read file");
	if ((bad = utf8_validate(t->mem, len)) != len || memchr(t->mem, '\0', len)) {
		snprintf(path + strlen(path), sizeof path - strlen(path), " (byte %zu)", bad);
		return fail_msg(err, errlen, path, 0, "invalid UTF-8");
	}
	if (parse_table(t, len, path, err, errlen) != 0)
		return -1;
	qsort(t->e, t->n, sizeof *t->e, entry_cmp);
	for (size_t i = 0; i < t->n; i++) {
		size_t n = strlen(t->e[i].key);
		unsigned h = key_hash(t->e[i].key, n);
		unsigned char b = (unsigned char)t->e[i].key[0];
		t->bloom[h >> 3] |= (unsigned char)(1u << (h & 7));
		t->first[b >> 3] |= (unsigned char)(1u << (b & 7));
		t->lens |= (uint64_t)1 << len_bit(n);
	}
	for (size_t i = 1; i < t->n; i++)
		if (strcmp(t->e[i - 1].key, t->e[i].key) == 0) {
			snprintf(path + strlen(path), sizeof path - strlen(path), ": '%s'", t->e[i].key);
			return fail_msg(err, errlen, path, 0, "duplicate written form");
		}
	return 0;
}

int norm_rules_load(norm_rules **out, const char *dir, char *err, size_t errlen)
{
	norm_rules *r = su_malloc(sizeof *r);
	*out = NULL;
	if (!r)
		return fail_msg(err, errlen, dir, 0, "out of memory");
	memset(r, 0, sizeof *r);
	for (int i = 0; i < T_COUNT; i++)
		if (load_table(&r->t[i], dir, table_file[i], err, errlen) != 0)
			goto fail;
	*out = r;
	return 0;
fail:
	norm_rules_free(r);
	return -1;
}

void norm_rules_free(norm_rules *r)
{
	if (!r)
		return;
	for (int i = 0; i < T_COUNT; i++) {
		free(r->t[i].e);
		free(r->t[i].mem);
	}
	free(r);
}

/* Compare a NUL-terminated key with s[0..n) as unsigned bytes. */
static int key_cmp(const char *key, const char *s, size_t n)
{
	const unsigned char *k = (const unsigned char *)key, *t = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		if (k[i] != t[i] || k[i] == 0)
			return k[i] < t[i] ? -1 : k[i] > t[i] ? 1 : -1;
	}
	return k[n] != 0;
}

/* Can t hold a key of n bytes starting with byte b? */
static int may_hold(const table *t, unsigned char b, size_t n)
{
	return (t->lens >> len_bit(n) & 1) && (t->first[b >> 3] & (1u << (b & 7)));
}

/* Exact lookup of s[0..n), n > 0, whose key_hash is h: the Bloom filter,
 * then bsearch on the sorted keys. */
static const entry *find_hashed(const table *t, const char *s, size_t n, unsigned h)
{
	size_t lo = 0, hi = t->n;
	if (!(t->bloom[h >> 3] & (1u << (h & 7))))
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = key_cmp(t->e[mid].key, s, n);
		if (c == 0)
			return &t->e[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Exact lookup of s[0..n). */
static const entry *lookup_entry(const table *t, const char *s, size_t n)
{
	if (!n || !may_hold(t, (unsigned char)s[0], n))
		return NULL;
	return find_hashed(t, s, n, key_hash(s, n));
}

static const char *lookup(const table *t, const char *s, size_t n)
{
	const entry *e = lookup_entry(t, s, n);
	return e ? e->val : NULL;
}

/* Exact, then with ASCII letters lowercased (keys of at least min_fold
 * bytes only, so "M" does not become "m"). */
static const entry *lookup_fold_entry(const table *t, const char *s, size_t n, size_t min_fold)
{
	char low[64];
	const entry *v = lookup_entry(t, s, n);
	int changed = 0;
	if (v || n < min_fold || n >= sizeof low ||
	    !may_hold(t, (unsigned char)(is_upper_ascii(s[0]) ? s[0] - 'A' + 'a' : s[0]), n))
		return v;
	for (size_t i = 0; i < n; i++) {
		low[i] = is_upper_ascii(s[i]) ? (char)(s[i] - 'A' + 'a') : s[i];
		changed |= low[i] != s[i];
	}
	return changed ? find_hashed(t, low, n, key_hash(low, n)) : NULL;
}

static const char *lookup_fold(const table *t, const char *s, size_t n, size_t min_fold)
{
	const entry *e = lookup_fold_entry(t, s, n, min_fold);
	return e ? e->val : NULL;
}

/* ---- tokens ------------------------------------------------------------ */

/* A whitespace-separated token: off/len in the sentence; the core is what is
 * left after leading and trailing punctuation is cut off. */
typedef struct {
	size_t off, len, c_off, c_len;
} tok;

typedef struct {
	const norm_rules *r;
	const char *s;
	const tok *t;
	size_t nt;
	sbuf *sp;
	int ate_dot; /* the rule consumed the period after the core: 1, or 2
		      * when that period may also end the sentence (dll.) */
} ctx;

static uint32_t cp_at(const char *s, size_t len, size_t pos, size_t *n)
{
	uint32_t cp;
	if ((unsigned char)s[pos] < 0x80) {
		*n = 1;
		return (unsigned char)s[pos];
	}
	*n = utf8_decode(s + pos, len - pos, &cp);
	if (*n == 0) {
		*n = 1;
		return 0xFFFD;
	}
	return cp;
}

/* Punctuation cut off the front and back of a token. (Switches rather than
 * strchr: these run on every token.) */
static int is_open(uint32_t cp)
{
	switch (cp) {
	case '(': case '[': case '{': case '"': case '\'': case '`': case '*':
	case 0x201C: case 0x2018: case 0x201E: case 0xAB: case 0x2039: case 0xA1: case 0xBF:
	case 0x2014: case 0x2013:
		return 1;
	default:
		return 0;
	}
}

static int is_close(uint32_t cp)
{
	switch (cp) {
	case ')': case ']': case '}': case '"': case '\'': case '`': case '*': case ',':
	case '.': case ';': case ':': case '?': case '!': case '-':
	case 0x201D: case 0x2019: case 0xBB: case 0x203A: case 0x2026: case 0x2014: case 0x2013:
		return 1;
	default:
		return 0;
	}
}

/* A keycap emoji at s[k]: 0-9, # or *, then U+FE0F (may be left out) and
 * U+20E3. Its length in bytes, or 0. */
static size_t keycap_len(const char *s, size_t n, size_t k)
{
	size_t e = k + 1;
	if (k >= n || !(is_digit(s[k]) || s[k] == '#' || s[k] == '*'))
		return 0;
	if (e + 3 <= n && memcmp(s + e, "\xEF\xB8\x8F", 3) == 0)
		e += 3;
	return e + 3 <= n && memcmp(s + e, "\xE2\x83\xA3", 3) == 0 ? e + 3 - k : 0;
}

static void cut_core(const char *s, tok *t)
{
	size_t a = t->off, b = t->off + t->len, n;
	while (a < b && is_open(cp_at(s, b, a, &n)) && !keycap_len(s, b, a))
		a += n;
	while (b > a) {
		size_t p = b;
		uint32_t cp = utf8_prev(s, &p);
		if (!is_close(cp) || p < a)
			break;
		b = p;
	}
	t->c_off = a;
	t->c_len = b - a;
}

static int is_space(uint32_t cp)
{
	return cp < 0x80 ? cp == ' ' || (cp >= '\t' && cp <= '\r') : u_isspace(cp);
}

static int split_tokens(const char *s, size_t len, vec *toks)
{
	size_t pos = 0, n;
	while (pos < len) {
		tok t;
		if (is_space(cp_at(s, len, pos, &n))) {
			pos += n;
			continue;
		}
		t.off = pos;
		while (pos < len) {
			unsigned char ch = (unsigned char)s[pos];
			if (ch < 0x80 && ch != ' ' && (ch < '\t' || ch > '\r')) {
				pos++; /* fast path: ASCII, not a space */
				continue;
			}
			if (is_space(cp_at(s, len, pos, &n)))
				break;
			pos += n;
		}
		t.len = pos - t.off;
		cut_core(s, &t);
		if (!vec_push(toks, &t))
			return -1;
	}
	return 0;
}

static const char *core(const ctx *c, size_t i, size_t *n)
{
	*n = c->t[i].c_len;
	return c->s + c->t[i].c_off;
}

/* Core of token i lowercased into buf (ASCII letters only), "" when too long
 * or out of range. For matching context words like "pukul". */
static const char *core_low(const ctx *c, size_t i, char *buf, size_t cap)
{
	size_t n;
	const char *s;
	buf[0] = '\0';
	if (i >= c->nt || (s = core(c, i, &n), n >= cap))
		return buf;
	for (size_t k = 0; k < n; k++)
		buf[k] = s[k] >= 'A' && s[k] <= 'Z' ? (char)(s[k] - 'A' + 'a') : s[k];
	buf[n] = '\0';
	return buf;
}

/* Is the core of token i the word w (lowercase ASCII)? Same answer as
 * comparing core_low with w, without the copy. */
static int core_is(const ctx *c, size_t i, const char *w)
{
	size_t n, k;
	const char *s;
	if (i >= c->nt)
		return 0;
	s = core(c, i, &n);
	for (k = 0; k < n && w[k]; k++)
		if ((is_upper_ascii(s[k]) ? s[k] - 'A' + 'a' : s[k]) != w[k])
			return 0;
	return k == n && w[k] == '\0';
}

static int in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

static size_t digit_run(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && is_digit(s[k]))
		k++;
	return k;
}

static int words(ctx *c, const char *w) { return num_word(c->sp, w); }

/* The space before a word written piecemeal: words(c, "") without the
 * empty append. */
static int word_break(ctx *c)
{
	sbuf *b = c->sp;
	return b->len && b->data[b->len - 1] != ' ' ? sbuf_addc(b, ' ') : 0;
}

/* Glue a suffix to the last word written: "puluh" + "an". */
static int glue(ctx *c, const char *suffix) { return sbuf_adds(c->sp, suffix); }

/* ---- numbers as written ------------------------------------------------ */

typedef struct {
	const char *sign;      /* "minus", "plus", "plus minus" or NULL */
	const char *ip, *fp;   /* integer part (maybe grouped), fraction digits */
	size_t ipn, fpn;
	int grouped;
} number;

/* Groups "<sep>ddd" at s[i..n): bytes used when at least min groups. */
static size_t scan_groups(const char *s, size_t n, size_t i, char sep, int min)
{
	size_t start = i;
	int k = 0;
	while (i + 4 <= n && s[i] == sep && digit_run(s + i + 1, 3) == 3 &&
	       (i + 4 == n || !is_digit(s[i + 4]))) {
		i += 4;
		k++;
	}
	return k >= min ? i - start : 0;
}

static size_t scan_sign(const char *s, size_t n, const char **sign)
{
	*sign = NULL;
	if (n >= 2 && memcmp(s, "\xc2\xb1", 2) == 0)
		return *sign = "plus minus", 2;
	if (n >= 3 && memcmp(s, "\xe2\x88\x92", 3) == 0)
		return *sign = "minus", 3;
	if (n && s[0] == '-')
		return *sign = "minus", 1;
	if (n && s[0] == '+')
		return *sign = "plus", 1;
	return 0;
}

/* A number at the start of s[0..n): 1.234.567,89 (Indonesian), 1,234,567
 * (English grouping, two groups at least), 12345, 0,5. Returns bytes used,
 * 0 when s does not start with one. */
static size_t scan_number(const char *s, size_t n, number *x)
{
	size_t i = scan_sign(s, n, &x->sign), d = digit_run(s + i, n - i), g = 0;
	x->fp = NULL;
	x->fpn = 0;
	if (!d)
		return 0;
	x->ip = s + i;
	i += d;
	if (d <= 3 && (g = scan_groups(s, n, i, '.', 1)) == 0 && (g = scan_groups(s, n, i, ',', 2)))
		x->grouped = 2;
	else
		x->grouped = g > 0;
	i += g;
	x->ipn = (size_t)(s + i - x->ip);
	if (x->grouped != 2 && i + 1 < n && s[i] == ',' && is_digit(s[i + 1])) {
		x->fp = s + i + 1;
		x->fpn = digit_run(x->fp, n - i - 1);
		i += 1 + x->fpn;
	}
	return i;
}

static int say_number(ctx *c, const number *x)
{
	int rc;
	if (x->sign && words(c, x->sign) != 0)
		return -1;
	if (!x->grouped && x->ipn > 1 && x->ip[0] == '0')
		rc = num_digits(c->sp, x->ip, x->ipn);
	else
		rc = num_cardinal(c->sp, x->ip, x->ipn);
	if (rc == 0 && x->fpn)
		rc = words(c, "koma") || num_digits(c->sp, x->fp, x->fpn);
	return rc ? -1 : 0;
}

/* A whole number at s[0..n) (nothing left over). */
static int whole_number(const char *s, size_t n, number *x)
{
	return n && scan_number(s, n, x) == n;
}

/* Remove the space at byte at, to join two words. */
static void unspace(ctx *c, size_t at)
{
	sbuf *b = c->sp;
	if (at < b->len && b->data[at] == ' ') {
		memmove(b->data + at, b->data + at + 1, b->len - at);
		b->len--;
	}
}

static int say_uint(ctx *c, unsigned long v)
{
	char d[24];
	int k = snprintf(d, sizeof d, "%lu", v);
	return num_cardinal(c->sp, d, (size_t)k);
}

/* Up to three numbers a<sep>b<sep>c, each 1..maxw digits. Returns the
 * count of numbers (0 when s is not of that shape). */
static int scan_fields(const char *s, size_t n, const char *seps, long v[3], size_t w[3],
		       char *sep)
{
	size_t i = 0;
	int k = 0;
	*sep = 0;
	while (k < 3) {
		size_t d = digit_run(s + i, n - i);
		if (d == 0 || d > 4)
			return 0;
		w[k] = d;
		v[k++] = num_small(s + i, d);
		i += d;
		if (i == n)
			return k;
		if (!strchr(seps, s[i]) || (*sep && s[i] != *sep))
			return 0;
		*sep = s[i++];
	}
	return 0;
}

static const char *const time_words[] = {"pukul", "jam", "pkl", "pk", "sejak", "hingga", "sampai", NULL};
static const char *const date_words[] = {"tanggal", "tgl", "tanggal", NULL};
static const char *const score_words[] = {
	"skor", "menang", "kalah", "unggul", "imbang", "takluk", "tumbang", "agregat",
	"membantai", "menundukkan", "mengalahkan", "dikalahkan", "berakhir", "hasil", NULL,
};

static int prev_in(const ctx *c, size_t i, const char *const *list)
{
	char low[32];
	return i > 0 && in_list(core_low(c, i - 1, low, sizeof low), list);
}

static int next_is_zone(const ctx *c, size_t i)
{
	char low[8];
	const char *w = core_low(c, i + 1, low, sizeof low);
	return !strcmp(w, "wib") || !strcmp(w, "wita") || !strcmp(w, "wit") || !strcmp(w, "gmt") ||
	       !strcmp(w, "utc");
}

/* 10.30, 08.00, 14:15, 9:05:30. With a dot and a one-digit hour only after
 * "pukul" or before a time zone (3.14 stays a number). */
static int try_time(ctx *c, size_t i, const char *s, size_t n)
{
	long v[3];
	size_t w[3];
	char sep;
	int k = scan_fields(s, n, ".:", v, w, &sep);
	if (k < 2 || w[0] > 2 || w[1] != 2 || (k == 3 && w[2] != 2))
		return 0;
	if (v[0] > 24 || v[1] > 59 || (k == 3 && v[2] > 59))
		return 0;
	if (sep == '.' && w[0] == 1 && !prev_in(c, i, time_words) && !next_is_zone(c, i))
		return 0;
	if (say_uint(c, (unsigned long)v[0]) != 0)
		return -1;
	if (v[1] && (words(c, "lewat") || say_uint(c, (unsigned long)v[1]) || words(c, "menit")))
		return -1;
	if (k == 3 && v[2] && (say_uint(c, (unsigned long)v[2]) || words(c, "detik")))
		return -1;
	return 1;
}

static int say_date(ctx *c, long d, long m, const char *y, size_t yn)
{
	if (say_uint(c, (unsigned long)d) || words(c, num_month((unsigned)m)))
		return -1;
	return y && num_cardinal(c->sp, y, yn) ? -1 : 1;
}

static int paren_before(const ctx *c, size_t i)
{
	return c->t[i].c_off > c->t[i].off && c->s[c->t[i].c_off - 1] == '(';
}

/* 22/09/2022, 17-8-1945, 17.08.1945, (27/3), tgl 27/3, 2023-05-03. */
static int try_date(ctx *c, size_t i, const char *s, size_t n)
{
	long v[3];
	size_t w[3];
	char sep;
	int k = scan_fields(s, n, "/-.", v, w, &sep);
	if (k == 3 && w[0] == 4 && sep == '-' && w[1] <= 2 && w[2] <= 2 && num_month((unsigned)v[1]) &&
	    v[2] >= 1 && v[2] <= 31)
		return say_date(c, v[2], v[1], s, w[0]);
	if (k < 2 || w[0] > 2 || w[1] > 2 || v[0] < 1 || v[0] > 31 || !num_month((unsigned)v[1]))
		return 0;
	if (k == 3 && (w[2] == 2 || w[2] == 4))
		return say_date(c, v[0], v[1], s + n - w[2], w[2]);
	if (k == 2 && sep == '/' && (paren_before(c, i) || prev_in(c, i, date_words)))
		return say_date(c, v[0], v[1], NULL, 0);
	return 0;
}

/* 1/2 setengah, 3/4 tiga perempat, 1/3 sepertiga, 2019/2020, 24/7. */
static int try_slash(ctx *c, const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n);
	size_t a, b;
	long x, y;
	if (!slash || (a = (size_t)(slash - s)) == 0 || digit_run(s, a) != a)
		return 0;
	b = n - a - 1;
	if (b == 0 || digit_run(slash + 1, b) != b || (x = num_small(s, a)) < 0 ||
	    (y = num_small(slash + 1, b)) < 0)
		return 0;
	if (a == 4 && b == 4 && y == x + 1)
		return num_cardinal(c->sp, s, a) || num_cardinal(c->sp, slash + 1, b) ? -1 : 1;
	if (y == 2 && x == 1)
		return words(c, "setengah") ? -1 : 1;
	if (y >= 3 && y <= 10 && x < y && x > 0) {
		size_t at;
		if (x == 1 ? words(c, "seper") : (say_uint(c, (unsigned long)x) || words(c, "per")))
			return -1;
		at = c->sp->len;
		if (say_uint(c, (unsigned long)y) != 0)
			return -1;
		unspace(c, at); /* "per tiga" -> "pertiga" */
		return 1;
	}
	return num_cardinal(c->sp, s, a) || words(c, "per") || num_cardinal(c->sp, slash + 1, b) ? -1
												     : 1;
}

/* A plain number or a time, for one side of a range. */
static int try_simple(ctx *c, size_t i, const char *s, size_t n)
{
	number x;
	int rc = try_time(c, i, s, n);
	if (rc)
		return rc;
	return whole_number(s, n, &x) ? (say_number(c, &x) ? -1 : 1) : 0;
}

/* 10-15, 2019-2020, 08.00-10.00 ("sampai"); after "skor" 2-1 is "dua satu". */
static int try_range(ctx *c, size_t i, const char *s, size_t n)
{
	size_t p = 1, dash, mark = c->sp->len;
	int rc;
	while (p < n && s[p] != '-' && !(n - p >= 3 && memcmp(s + p, "\xe2\x80\x93", 3) == 0))
		p++;
	if (p >= n)
		return 0;
	dash = s[p] == '-' ? 1 : 3;
	if (p + dash >= n || !is_digit(s[p + dash]))
		return 0;
	if ((rc = try_simple(c, i, s, p)) <= 0)
		return rc;
	if (!prev_in(c, i, score_words) && !prev_in(c, i - (i > 0), score_words) &&
	    words(c, "sampai") != 0)
		return -1;
	rc = try_simple(c, i, s + p + dash, n - p - dash);
	if (rc == 0) {
		c->sp->len = mark;
		c->sp->data[mark] = '\0';
	}
	return rc;
}

/* After an area code: (021) 5551234. */
static int after_area_code(const ctx *c, size_t i)
{
	size_t n;
	const char *s = i ? core(c, i - 1, &n) : NULL;
	return s && n >= 2 && n <= 4 && s[0] == '0' && digit_run(s, n) == n;
}

/* Telephone-like: 0812-3456-7890, 021-5551234, +62-21-555: digit by digit. */
static int try_phone(ctx *c, size_t i, const char *s, size_t n)
{
	size_t digits = 0;
	if (after_area_code(c, i) && n >= 5 && digit_run(s, n) == n)
		return num_digits(c->sp, s, n) ? -1 : 1;
	if (n < 2 || !(s[0] == '0' || s[0] == '+') || !is_digit(s[1]))
		return 0;
	for (size_t k = s[0] == '+'; k < n; k++) {
		if (!is_digit(s[k]) && s[k] != '-')
			return 0;
		digits += is_digit(s[k]);
	}
	if (digits < 7)
		return 0;
	if (s[0] == '+' && words(c, "plus") != 0)
		return -1;
	return num_digits(c->sp, s, n) ? -1 : 1;
}

/* Anything else made of digits and . , : separators, e.g. 1.2.3.4.5 or an
 * IP address: each number, "titik" / "koma" / "titik dua" between. */
static int try_dotted(ctx *c, const char *s, size_t n)
{
	size_t k = 0;
	for (k = 0; k < n; k++)
		if (!is_digit(s[k]) && !strchr(".,:", s[k]))
			return 0;
	for (k = 0; k < n;) {
		size_t d = digit_run(s + k, n - k);
		const char *w = s[k] == '.' ? "titik" : s[k] == ',' ? "koma" : "titik dua";
		if (d ? (d > 3 && s[k] == '0' ? num_digits(c->sp, s + k, d)
				: num_cardinal(c->sp, s + k, d))
		      : words(c, w))
			return -1;
		k += d ? d : 1;
	}
	return 1;
}

typedef int (*num_fn)(ctx *c, size_t i, const char *s, size_t n);

static int try_slash_i(ctx *c, size_t i, const char *s, size_t n) { (void)i; return try_slash(c, s, n); }
static int try_dotted_i(ctx *c, size_t i, const char *s, size_t n) { (void)i; return try_dotted(c, s, n); }
static int try_plain(ctx *c, size_t i, const char *s, size_t n)
{
	number x;
	(void)i;
	return whole_number(s, n, &x) ? (say_number(c, &x) ? -1 : 1) : 0;
}

/* Numeric shapes, most specific first. Each writes nothing unless it
 * matches. */
static const num_fn numeric_shapes[] = {
	try_time, try_date, try_phone, try_plain, try_range, try_slash_i, try_dotted_i,
};

static int say_numexpr(ctx *c, size_t i, const char *s, size_t n)
{
	for (size_t k = 0; k < sizeof numeric_shapes / sizeof numeric_shapes[0]; k++) {
		int rc = numeric_shapes[k](c, i, s, n);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- rules ------------------------------------------------------------- */

/* A unit or currency word for s[0..n) after a number: "kg", "%", "°C",
 * "USD"; *per set for "/kg" (said "per kilogram"). */
static const char *find_unit(const ctx *c, const char *s, size_t n, int *per)
{
	const char *v;
	*per = 0;
	if (!n)
		return NULL;
	if ((v = lookup_fold(&c->r->t[T_UNITS], s, n, 2)) ||
	    (v = lookup(&c->r->t[T_CURRENCY], s, n)))
		return v;
	if (s[0] == '/' && n > 1 && (v = lookup_fold(&c->r->t[T_UNITS], s + 1, n - 1, 2)))
		*per = 1;
	return v;
}

static int say_unit(ctx *c, const char *v, int per)
{
	return (per && words(c, "per")) || words(c, v) ? -1 : 0;
}

/* Length of the numeric head of s: sign, digits and . , : / - separators. */
static size_t numeric_prefix(const char *s, size_t n)
{
	const char *sign;
	size_t i = scan_sign(s, n, &sign), digits = 0;
	for (; i < n; i++) {
		if (is_digit(s[i]))
			digits++;
		else if (is_lower_ascii(s[i]) || is_upper_ascii(s[i]) || !strchr(".,:/-", s[i]))
			break; /* letters, the usual case, answered without strchr */
	}
	return digits ? i : 0;
}

/* 1990-an, 80an: "sembilan puluhan". */
static int say_decade(ctx *c, const char *s, size_t p)
{
	if (p && s[p - 1] == '-')
		p--;
	if (!p || digit_run(s, p) != p)
		return 0;
	return num_cardinal(c->sp, s, p) || glue(c, "an") ? -1 : 1;
}

/* Numbers, dates, times, ranges, with a unit glued on: 5,5%, 10kg, 30°C. */
static int rule_numeric(ctx *c, size_t i, size_t *used)
{
	size_t n, p;
	const char *s = core(c, i, &n), *unit;
	int per, rc;
	(void)used;
	if (!(p = numeric_prefix(s, n)))
		return 0;
	if (p == n)
		return say_numexpr(c, i, s, n);
	if (n - p == 2 && memcmp(s + p, "an", 2) == 0)
		return say_decade(c, s, p);
	if (!(unit = find_unit(c, s + p, n - p, &per)))
		return 0;
	if ((rc = say_numexpr(c, i, s, p)) <= 0)
		return rc;
	return say_unit(c, unit, per) ? -1 : 1;
}

/* A unit as its own token after a number or "per": 10 kg, per kg, 1500 USD. */
static int rule_unit_after(ctx *c, size_t i, size_t *used)
{
	size_t n, pn;
	const char *s = core(c, i, &n), *prev, *unit;
	int per;
	(void)used;
	if (i == 0)
		return 0;
	prev = core(c, i - 1, &pn);
	if (!(pn && is_digit(prev[pn - 1])) && !core_is(c, i - 1, "per"))
		return 0;
	if (!(unit = find_unit(c, s, n, &per)))
		return 0;
	return say_unit(c, unit, per) ? -1 : 1;
}

/* Longest currency key at the start of s (Rp, US$, $, €), at a character
 * boundary. */
static const char *currency_prefix(const ctx *c, const char *s, size_t n, size_t *klen)
{
	if (!n || !(is_upper_ascii(s[0]) || s[0] == '$' || (unsigned char)s[0] >= 0x80))
		return NULL;
	for (size_t k = n < 8 ? n : 8; k > 0; k--) {
		const char *v;
		if (k < n && !is_digit(s[k]) && s[k] != '.')
			continue; /* an amount or "Rp." follows the key */
		if ((v = lookup(&c->r->t[T_CURRENCY], s, k)) != NULL) {
			*klen = k;
			return v;
		}
	}
	return NULL;
}

static const struct {
	const char *written, *spoken;
} money_scale[] = {
	{"rb", "ribu"}, {"ribu", "ribu"}, {"jt", "juta"}, {"juta", "juta"}, {"M", "miliar"},
	{"miliar", "miliar"}, {"milyar", "miliar"}, {"T", "triliun"}, {"triliun", "triliun"},
};

static const char *scale_at(const ctx *c, size_t i)
{
	size_t n;
	const char *s;
	if (i >= c->nt)
		return NULL;
	s = core(c, i, &n);
	for (size_t k = 0; k < sizeof money_scale / sizeof money_scale[0]; k++)
		if (strlen(money_scale[k].written) == n && memcmp(s, money_scale[k].written, n) == 0)
			return money_scale[k].spoken;
	return NULL;
}

/* Rp 12.500, Rp12.500, Rp 2.500,-, Rp1,02 triliun, US$ 5, $100, Rp 10.000/kg:
 * amount, scale, currency name. */
static int rule_money(ctx *c, size_t i, size_t *used)
{
	size_t n, k, an, j = i, un = 0;
	const char *s = core(c, i, &n), *cur = currency_prefix(c, s, n, &k), *a, *scale, *unit = NULL;
	number x;
	int per = 0;
	if (!cur)
		return 0;
	a = s + k;
	an = n - k;
	if (an && a[0] == '.')
		a++, an--;
	if (an == 0 && i + 1 < c->nt)
		a = core(c, j = i + 1, &an);
	if (!an || !is_digit(a[0]) || (un = scan_number(a, an, &x)) == 0 || x.sign)
		return 0;
	if (un < an && !(unit = find_unit(c, a + un, an - un, &per)))
		return 0;
	if ((scale = scale_at(c, j + 1)) != NULL)
		j++;
	if (say_number(c, &x) || (scale && words(c, scale)) || words(c, cur) ||
	    (unit && say_unit(c, unit, per)))
		return -1;
	*used = j - i + 1;
	return 1;
}

/* ke-2 kedua, ke-1 pertama, ke-21, ke-XXI. */
static int rule_ordinal(ctx *c, size_t i, size_t *used)
{
	size_t n;
	const char *s = core(c, i, &n);
	unsigned v;
	char d[16];
	(void)used;
	if (n < 4 || !(s[0] == 'k' || s[0] == 'K') || s[1] != 'e' || s[2] != '-')
		return 0;
	s += 3, n -= 3;
	if (digit_run(s, n) == n)
		return num_ordinal(c->sp, s, n) ? -1 : 1;
	if (!(v = num_roman(s, n)))
		return 0;
	snprintf(d, sizeof d, "%u", v);
	return num_ordinal(c->sp, d, strlen(d)) ? -1 : 1;
}

/* Context words after which a Roman numeral is a plain number (Bab II). */
static const char *const roman_cardinal_words[] = {
	"bab", "jilid", "kelas", "pasal", "semester", "tahap", "kuartal", "triwulan", "golongan",
	"sesi", "babak", "seri", "tingkat", "angkatan", "pelita", "repelita", "ayat", "kodam",
	"kodim", "korem", "lantai", "zona", "blok", "wilayah", NULL,
};
/* After these a Roman-looking token is a letter or a size, not a number. */
static const char *const roman_never_words[] = {
	"generasi", "vitamin", "ukuran", "size", "tipe", "type", "model", "huruf", "sinar", NULL,
};
/* Words after which a lone "I" may be English, not a numeral. */
static const char *const roman_i_words[] = {
	"dunia", "paus", "abad", "elizabeth", "paulus", "napoleon", "wilhelmina", "juliana",
	"benediktus", "yohanes", "ratu", "raja", "sultan", "bab", "jilid", "pasal", "tahap", NULL,
};

/* Whether token i is a Roman numeral here, and how it is read (1 ordinal,
 * 2 cardinal). Only I V X L letters (so CV, MD, DI, MIX are words), after
 * a capitalized name (Perang Dunia II, Hamengku Buwono X) or a context
 * word. */
static int roman_kind(const ctx *c, size_t i, unsigned *v)
{
	size_t n, pn;
	const char *s = core(c, i, &n), *p;
	char low[32];
	if (i == 0 || !(*v = num_roman(s, n)) || memchr(s, 'C', n) || (n == 1 && s[0] == 'L') ||
	    (n == 2 && memcmp(s, "XL", 2) == 0))
		return 0;
	core_low(c, i - 1, low, sizeof low);
	if (in_list(low, roman_never_words))
		return 0;
	if (in_list(low, roman_cardinal_words))
		return 2;
	if (n == 1 && s[0] == 'I')
		return in_list(low, roman_i_words) ? 1 : 0;
	if (!strcmp(low, "abad") || !strcmp(low, "dunia"))
		return 1;
	p = core(c, i - 1, &pn);
	return pn > 1 && is_upper_ascii(p[0]) && is_lower_ascii(p[pn - 1]) &&
	       c->t[i - 1].c_off + pn == c->t[i - 1].off + c->t[i - 1].len;
}

static int rule_roman(ctx *c, size_t i, size_t *used)
{
	unsigned v;
	char d[16];
	int kind = roman_kind(c, i, &v);
	(void)used;
	if (!kind)
		return 0;
	snprintf(d, sizeof d, "%u", v);
	if (kind == 2)
		return num_cardinal(c->sp, d, strlen(d)) ? -1 : 1;
	return num_ordinal(c->sp, d, strlen(d)) ? -1 : 1;
}

/* ---- web addresses ----------------------------------------------------- */

static int has_prefix(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if ((is_upper_ascii(s[i]) ? s[i] - 'A' + 'a' : s[i]) != p[i])
			return 0;
	return 1;
}

static int is_label_char(char ch)
{
	return is_digit(ch) || is_lower_ascii(ch) || is_upper_ascii(ch) || ch == '-' || ch == '_';
}

/* name.name.tld with a top-level domain from web.tsv; e-mail; http(s)://; www. */
static int is_web(const ctx *c, const char *s, size_t n)
{
	size_t dot = n, labels = 1;
	if (has_prefix(s, n, "http://") || has_prefix(s, n, "https://") || has_prefix(s, n, "www."))
		return 1;
	if (!memchr(s, '.', n) && !memchr(s, '@', n))
		return 0; /* one label: most tokens, rejected without the loop */
	for (size_t k = 0; k < n; k++) {
		if (s[k] == '.' || s[k] == '@') {
			if (k == 0 || k + 1 == n || !is_label_char(s[k - 1]))
				return 0;
			labels++;
			dot = s[k] == '.' ? k : dot;
		} else if (!is_label_char(s[k]) && s[k] != '/') {
			return 0;
		}
	}
	if (labels < 2 || dot == n)
		return 0;
	for (size_t k = dot + 1; k < n; k++)
		if (!is_lower_ascii(s[k]))
			return 0;
	return n - dot - 1 >= 2 && lookup(&c->r->t[T_WEB], s + dot + 1, n - dot - 1) != NULL;
}

static int has_vowel(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strchr("aeiouAEIOU", s[k]))
			return 1;
	return 0;
}

/* One run of letters in an address: a known part (com, id, www), a
 * pronounceable word (kompas), or spelled letter by letter (bbc). */
static int say_web_letters(ctx *c, const char *s, size_t n)
{
	const table *web = &c->r->t[T_WEB];
	const char *v = lookup_fold(web, s, n, 1);
	if (v)
		return words(c, v);
	if (n >= 3 && has_vowel(s, n)) {
		if (word_break(c) != 0)
			return -1;
		for (size_t k = 0; k < n; k++)
			if (sbuf_addc(c->sp, is_upper_ascii(s[k]) ? (char)(s[k] - 'A' + 'a') : s[k]))
				return -1;
		return 0;
	}
	for (size_t k = 0; k < n; k++)
		if ((v = lookup_fold(web, s + k, 1, 1)) && words(c, v))
			return -1;
	return 0;
}

static int rule_web(ctx *c, size_t i, size_t *used)
{
	size_t n, k = 0;
	const char *s = core(c, i, &n), *v;
	(void)used;
	if (!is_web(c, s, n))
		return 0;
	k = has_prefix(s, n, "https://") ? 8 : has_prefix(s, n, "http://") ? 7 : 0;
	while (n > k && s[n - 1] == '/')
		n--;
	while (k < n) {
		size_t r = k;
		while (r < n && (is_lower_ascii(s[r]) || is_upper_ascii(s[r])))
			r++;
		if (r == k)
			r = k + digit_run(s + k, n - k);
		if (r > k && is_digit(s[k]) ? num_digits(c->sp, s + k, r - k)
		    : r > k                 ? say_web_letters(c, s + k, r - k)
					    : ((v = lookup(&c->r->t[T_WEB], s + k, 1)) && words(c, v)))
			return -1;
		k = r > k ? r : k + 1;
	}
	return 1;
}

/* ---- words ------------------------------------------------------------- */

/* Abbreviations, titles, symbols and time zones from words.tsv: dll.,
 * Jl., Dr., &, WIB. The period is part of the key ("dll."). */
static int rule_abbrev(ctx *c, size_t i, size_t *used)
{
	size_t n;
	const char *s = core(c, i, &n), *v = NULL;
	const table *w = &c->r->t[T_WORDS];
	const entry *e;
	(void)used;
	if (!n)
		return 0;
	if (c->t[i].c_off + n < c->t[i].off + c->t[i].len && s[n] == '.' &&
	    (e = lookup_fold_entry(w, s, n + 1, 1)) != NULL) {
		v = e->val;
		c->ate_dot = 1 + e->ends;
	}
	if (!v && !(v = lookup_fold(w, s, n, 2)))
		return 0;
	return words(c, v) ? -1 : 1;
}

static int is_word_char(uint32_t cp)
{
	if (cp < 0x80)
		return is_lower_ascii((char)cp) || is_upper_ascii((char)cp);
	return u_isalnum(cp) && !u_isdigit(cp);
}

/* A word as written, made safe for espeak-ng: letters and marks are kept
 * (with ' and - inside words), digit runs become numbers, emoji are kept
 * as words of their own, anything else (brackets, [[, <, /, symbols)
 * separates words. */
static int say_plain(ctx *c, const char *s, size_t n)
{
	size_t k = 0, len, kc, run = 0, run_at = 0;
	while (k <= n) {
		uint32_t cp, nx = 0;
		size_t nl;
		if (k < n && (is_lower_ascii(s[k]) || is_upper_ascii(s[k]))) {
			size_t e = k + 1; /* fast path: a run of ASCII letters */
			while (e < n && (is_lower_ascii(s[e]) || is_upper_ascii(s[e])))
				e++;
			if (!run)
				run_at = k;
			run += e - k;
			k = e;
			continue;
		}
		cp = k < n ? cp_at(s, n, k, &len) : 0;
		if (k < n && k + len < n)
			nx = cp_at(s, n, k + len, &nl);
		if (k < n && (is_word_char(cp) ||
			      (run && is_word_char(nx) && (cp == '-' || cp == '\'' || cp == 0x2019)))) {
			if (!run)
				run_at = k;
			run += len;
			k += len;
			continue;
		}
		if (run && (word_break(c) || sbuf_add(c->sp, s + run_at, run)))
			return -1;
		run = 0;
		if ((kc = keycap_len(s, n, k)) > 0) {
			/* 1️⃣ #️⃣ *️⃣: the key's name, as espeak-ng says the
			 * digit alone (its own name for #️⃣ is "keycap"). */
			if (is_digit(s[k]) ? num_cardinal(c->sp, s + k, 1)
					   : words(c, s[k] == '#' ? "pagar" : "bintang"))
				return -1;
			k += kc;
			continue;
		}
		if (k < n && is_digit(s[k])) {
			size_t d = digit_run(s + k, n - k);
			if ((d > 1 && s[k] == '0' ? num_digits : num_cardinal)(c->sp, s + k, d))
				return -1;
			k += d;
			continue;
		}
		if (k < n && u_ispictograph(cp)) {
			/* An emoji or flag, with its modifiers: espeak-ng names it
			 * ("wajah gembira"), as a screen reader would. */
			size_t e = utf8_cluster_end(s, n, k);
			if (word_break(c) || sbuf_add(c->sp, s + k, e - k))
				return -1;
			k = e;
			continue;
		}
		k += k < n ? len : 1;
	}
	return 0;
}

/* Lexicon entries (whole words, respelled or [[phonemes]]), else the word. */
static int rule_word(ctx *c, size_t i, size_t *used)
{
	size_t n;
	const char *s = core(c, i, &n), *v;
	(void)used;
	if ((v = lookup_fold(&c->r->t[T_LEXICON], s, n, 1)) != NULL)
		return words(c, v) ? -1 : 1;
	return say_plain(c, s, n) ? -1 : 1;
}

typedef struct {
	const char *name;
	int (*apply)(ctx *c, size_t i, size_t *used);
	int on_lower; /* may match a core of lowercase ASCII letters only */
} rule;

/* Tried in order on each token; rule_word always matches. Most tokens are
 * plain lowercase words, which only the rules marked on_lower can match
 * (the others need a capital, a digit, a sign, '$', "ke-", a period or '@'
 * in the core), so for those tokens the rest are not tried. */
static const rule rules[] = {
	{"money", rule_money, 0},   {"abbreviation", rule_abbrev, 1}, {"ordinal", rule_ordinal, 0},
	{"numeric", rule_numeric, 0}, {"unit", rule_unit_after, 1}, {"roman", rule_roman, 0},
	{"web", rule_web, 0},         {"word", rule_word, 1},
};

/* Is the core of token i made of lowercase ASCII letters only? */
static int lower_word(const ctx *c, size_t i)
{
	size_t n;
	const char *s = core(c, i, &n);
	for (size_t k = 0; k < n; k++)
		if (!is_lower_ascii(s[k]))
			return 0;
	return n > 0;
}

/* ---- pieces and punctuation -------------------------------------------- */

/* Strength of a mark: its place in ",:;.!?" plus one, 0 for other bytes. */
static int mark_rank(char m)
{
	switch (m) {
	case ',': return 1;
	case ':': return 2;
	case ';': return 3;
	case '.': return 4;
	case '!': return 5;
	case '?': return 6;
	default: return 0;
	}
}

/* The one mark kept from trailing punctuation s[0..n): ? ! . ; : , by
 * strength; dashes count as a comma when alone. 0 for none. */
static char pick_mark(const char *s, size_t n, int alone)
{
	static const char order[] = ",:;.!?";
	int best = 0; /* 1 + index in order */
	for (size_t k = 0; k < n; k++) {
		char m = s[k];
		int rank;
		if ((unsigned char)m == 0xE2 && k + 2 < n && (unsigned char)s[k + 1] == 0x80)
			m = (unsigned char)s[k + 2] == 0xA6 ? '.' : alone ? ',' : 0; /* … – — */
		else if (m == '-' && alone)
			m = ',';
		else if (m == ',' && k + 1 < n && s[k + 1] == '-')
			m = 0; /* Rp 2.500,- */
		rank = mark_rank(m);
		best = rank > best ? rank : best;
	}
	return best ? order[best - 1] : 0;
}

/* Should an abbreviation's period also end the sentence? At the end of the
 * text, or before a capital when words.tsv marks it "end" (dll.). */
static int ends_sentence(const ctx *c, size_t last)
{
	const char *s;
	if (last + 1 >= c->nt)
		return 1;
	if (c->ate_dot != 2)
		return 0;
	s = c->s + c->t[last + 1].c_off;
	return c->t[last + 1].c_len && is_upper_ascii(s[0]);
}

static int add_marks(ctx *c, size_t last)
{
	const tok *t = &c->t[last];
	size_t a = t->c_off + t->c_len, b = t->off + t->len;
	char m;
	if (c->ate_dot)
		a++;
	m = pick_mark(c->s + a, b - a, 0);
	if (c->ate_dot && !m && ends_sentence(c, last))
		m = '.';
	return m && c->sp->len ? sbuf_addc(c->sp, m) : 0;
}

/* A token of punctuation only: its mark joins the previous piece. */
static int attach_punct(ctx *c, size_t i, vec *pieces)
{
	norm_piece *p = pieces->len ? vec_at(pieces, pieces->len - 1) : NULL;
	char m = pick_mark(c->s + c->t[i].off, c->t[i].len, 1);
	if (!p) {
		norm_piece np = {c->t[i].off, c->t[i].len, c->sp->len, 0};
		return vec_push(pieces, &np) ? 0 : -1;
	}
	if (m && sbuf_addc(c->sp, m) != 0)
		return -1;
	p = vec_at(pieces, pieces->len - 1);
	p->src_len = c->t[i].off + c->t[i].len - p->src_off;
	p->sp_len = c->sp->len - p->sp_off;
	return 0;
}

static int one_piece(ctx *c, size_t i, size_t *used, vec *pieces)
{
	size_t start = c->sp->len, sp_off, last;
	norm_piece p;
	int rc = 0, lower = lower_word(c, i);
	if (start && sbuf_addc(c->sp, ' ') != 0)
		return -1;
	sp_off = c->sp->len;
	c->ate_dot = 0;
	*used = 1;
	for (size_t k = 0; k < sizeof rules / sizeof rules[0] && rc == 0; k++)
		if (rules[k].on_lower || !lower)
			rc = rules[k].apply(c, i, used);
	if (rc < 0)
		return -1;
	last = i + *used - 1;
	if (c->sp->len == sp_off) { /* nothing said: drop the space */
		c->sp->len = sp_off = start;
		c->sp->data[start] = '\0';
	} else if (add_marks(c, last) != 0) {
		return -1;
	}
	p.src_off = c->t[i].off;
	p.src_len = c->t[last].off + c->t[last].len - p.src_off;
	p.sp_off = sp_off;
	p.sp_len = c->sp->len - sp_off;
	return vec_push(pieces, &p) ? 0 : -1;
}

int norm_sentence(const norm_rules *r, const char *text, size_t len, sbuf *spoken,
		  vec *pieces)
{
	vec toks;
	ctx c = {r, text, NULL, 0, spoken, 0};
	int rc = -1;
	vec_init(&toks, sizeof(tok));
	/* Room for a token every five bytes (news words average more), so the
	 * token array is seldom grown. */
	if (sbuf_reserve(spoken, len + 16) != 0 || vec_reserve(&toks, len / 5 + 1) != 0 ||
	    split_tokens(text, len, &toks) != 0)
		goto done;
	c.t = toks.items;
	c.nt = toks.len;
	for (size_t i = 0, used; i < c.nt; i += used) {
		used = 1;
		if (c.t[i].c_len == 0 ? attach_punct(&c, i, pieces) : one_piece(&c, i, &used, pieces))
			goto done;
	}
	rc = 0;
done:
	vec_free(&toks);
	return rc;
}
