/* segment.c: Indonesian-aware sentence segmentation (see segment.h).
 *
 * One forward pass over the paragraph. Every run of sentence punctuation
 * (. ! ? and the ellipsis) followed by optional closing quotes or brackets
 * and then whitespace (or the end) is a candidate; the candidate becomes a
 * boundary depending on the punctuation, the word before it and the word
 * after it:
 *   - ! and ?: a boundary unless the next word starts in lowercase
 *     ("Kenapa?" tanya dia.).
 *   - an ellipsis (... or U+2026): a boundary only before an uppercase letter.
 *   - one period: the word before decides. Titles from the table (Dr., Jl.,
 *     No.) never end a sentence; other table abbreviations (dll., S.H.) and
 *     unknown dotted abbreviations end one only before an uppercase letter;
 *     a single capital (an initial, B. J. Habibie) ends one only before a
 *     word the table lists as a sentence starter (Namun, Dia, ...), unless
 *     the word before it is a label word of the table (Grup B.), when it
 *     is an ordinary word; a small
 *     number opening the sentence is a list marker (1. Pertama); any other
 *     word ends a sentence unless the next word starts in lowercase.
 * Before a lowercase word, a bare period after a full word (4+ letters with
 * a vowel, or a 3+ digit number) and ! or ? without a closing quote still
 * end the sentence (web text: "... asal Italia. apakah ..."). Before a
 * digit, a period after a number or version cut by a stray space (2.904. 678,
 * v9. 1) does not. A slashed connector (C/O, s/d) or a letter code before a
 * number ("No. XI. B. 02.00") never opens a sentence, and a period inside a
 * parenthesis that closes soon does not end one ("(Bl.) RM Smith)").
 * A period with no space after it (3.14, 10.30, kompas.com, e-mail and URL
 * parts) is never a candidate. Inside a closed quotation nothing ends the
 * sentence ("Saya pergi. Lalu pulang," katanya.), and a long quotation run
 * on after a lowercase word without punctuation starts a new sentence, as
 * does a runon word from the table (Pada, Di) after a lowercase word or a
 * number and before a lowercase word (headlines that lost their period).
 *
 * Every look-around is bounded (TOKEN_MAX bytes back, OPENER_MAX characters
 * or BRACKET_MAX bytes forward) and the pass never goes back further than one sentence, so the
 * work is linear in the input whatever its shape. */
#include "text/segment.h"
#include "base/ascii.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "text/table.h"

/* Longest table entry or word looked up, in bytes (without the NUL). */
#define TOKEN_MAX 31
/* Opening quotes or brackets skipped before the next word's first letter. */
#define OPENER_MAX 4

/* The classes of abbrev.tsv that matter here (text/table.h). */
enum seg_class {
	CLS_TITLE = AB_TITLE,     /* always followed by a name or number: never ends */
	CLS_ABBREV = AB_ABBREV,   /* ends a sentence only before an uppercase letter */
	CLS_STARTER = AB_STARTER, /* a word that starts sentences, not names (after initials) */
	CLS_RUNON = AB_RUNON,     /* a capitalized word that only starts sentences (run-ons) */
	CLS_LABEL = AB_LABEL,     /* a word a single capital labels (Grup B): no initial */
};

typedef struct {
	char word[TOKEN_MAX + 1]; /* as written in the table */
	char key[TOKEN_MAX + 1];  /* lowercased: the sort and search key */
	unsigned char cls;
	unsigned char caseful;    /* word has an uppercase letter: see matches() */
	unsigned long line;
} seg_entry;

struct seg_rules {
	vec entries; /* of seg_entry, sorted by key then word */
	/* Entries whose key starts with byte b are [by_first[b], by_first[b + 1]):
	 * a lookup searches only those. */
	size_t by_first[257];
};

/* ---- the table ---- */

/* Lowercase s[0..n) (valid UTF-8) into out (TOKEN_MAX + 1 bytes). Returns
 * 0, or -1 when the result does not fit. */
static int lower_key(const char *s, size_t n, char *out)
{
	size_t pos = 0, k = 0;
	while (pos < n) {
		char enc[4];
		size_t m;
		if ((unsigned char)s[pos] < 0x80) { /* ASCII: no tables needed */
			if (k + 1 > TOKEN_MAX)
				return -1;
			out[k++] = su_lower(s[pos]);
			pos++;
			continue;
		}
		m = utf8_encode(u_tolower(utf8_next(s, n, &pos)), enc);
		if (m == 0 || k + m > TOKEN_MAX)
			return -1;
		memcpy(out + k, enc, m);
		k += m;
	}
	out[k] = '\0';
	return 0;
}

static int has_upper(const char *s, size_t n)
{
	size_t pos = 0;
	while (pos < n)
		if (u_isupper(utf8_next(s, n, &pos)))
			return 1;
	return 0;
}

static int has_lower(const char *s, size_t n)
{
	size_t pos = 0;
	while (pos < n)
		if (u_islower(utf8_next(s, n, &pos)))
			return 1;
	return 0;
}

static int entry_cmp(const void *a, const void *b)
{
	const seg_entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : strcmp(x->word, y->word);
}

/* Case rule: an entry written all in lowercase (dll.) matches any case
 * (Dll., DLL.); an entry with a capital (No., St.) matches itself and its
 * all-uppercase form (NO.), but not the lowercase word (no.). */
static int matches(const seg_entry *e, const char *tok, size_t n)
{
	if (!e->caseful)
		return 1;
	if (strlen(e->word) == n && memcmp(e->word, tok, n) == 0)
		return 1;
	return !has_lower(tok, n);
}

/* Find the entry for tok[0..n) of class cls (a runon word is also a
 * starter); NULL when there is none. */
static const seg_entry *lookup(const seg_rules *r, const char *tok, size_t n,
			       int cls)
{
	char key[TOKEN_MAX + 1];
	const seg_entry *e = r->entries.items;
	size_t lo, hi, end;
	if (n == 0 || n > TOKEN_MAX || lower_key(tok, n, key) != 0)
		return NULL;
	lo = r->by_first[(unsigned char)key[0]];
	hi = end = r->by_first[(unsigned char)key[0] + 1];
	while (lo < hi) { /* lower bound of key: equal keys are adjacent */
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(e[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < end && strcmp(e[lo].key, key) == 0; lo++)
		if ((e[lo].cls == cls || (cls == CLS_STARTER && e[lo].cls == CLS_RUNON)) &&
		    matches(&e[lo], tok, n))
			return &e[lo];
	return NULL;
}

/* Take a table entry of one of our classes; checks the word's shape.
 * Returns NULL, or the problem to report. */
static const char *take_entry(const entry *t, seg_entry *e)
{
	const char *word = t->key;
	size_t n = strlen(word);
	int bare = t->cls == CLS_STARTER || t->cls == CLS_RUNON || t->cls == CLS_LABEL;
	if (n > TOKEN_MAX)
		return "word too long";
	if (bare != (strchr(word, '.') == NULL))
		return t->cls == CLS_STARTER ? "a starter has no period"
		       : t->cls == CLS_RUNON ? "a runon word has no period"
		       : t->cls == CLS_LABEL ? "a label word has no period"
					     : "an abbreviation must end with a period";
	if (!bare && word[n - 1] != '.')
		return "an abbreviation must end with a period";
	memcpy(e->word, word, n + 1);
	lower_key(word, n, e->key);
	e->cls = (unsigned char)t->cls;
	e->caseful = (unsigned char)has_upper(word, n);
	e->line = t->line;
	return NULL;
}

/* Index the sorted entries by the first byte of their key. */
static void index_table(seg_rules *r)
{
	const seg_entry *e = r->entries.items;
	size_t i = 0;
	unsigned b;
	for (b = 0; b < 256; b++) {
		r->by_first[b] = i;
		while (i < r->entries.len && (unsigned char)e[i].key[0] == b)
			i++;
	}
	r->by_first[256] = i;
}

/* Sort and index the entries; an entry written twice is an error naming
 * both lines. */
static int sort_table(seg_rules *r, const char *path, char *err, size_t errlen)
{
	seg_entry *e = r->entries.items;
	size_t i;
	if (r->entries.len > 0)
		qsort(e, r->entries.len, sizeof *e, entry_cmp);
	index_table(r);
	for (i = 1; i < r->entries.len; i++) {
		if (strcmp(e[i - 1].word, e[i].word) == 0) {
			unsigned long a = e[i - 1].line, b = e[i].line;
			snprintf(err, errlen, "%s:%lu: duplicate entry '%s' (also line %lu)",
				 path, a > b ? a : b, e[i].word, a > b ? b : a);
			return -1;
		}
	}
	return 0;
}

int seg_rules_from_table(seg_rules **out, const table *t, const char *path, char *err, size_t errlen)
{
	seg_rules *r = su_malloc(sizeof *r);
	*out = NULL;
	if (errlen)
		err[0] = '\0';
	if (!r) {
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	vec_init(&r->entries, sizeof(seg_entry));
	for (size_t i = 0; i < t->n; i++) {
		seg_entry e;
		const char *problem;
		if (t->e[i].cls > CLS_LABEL) /* no say in sentence ends */
			continue;
		memset(&e, 0, sizeof e);
		if ((problem = take_entry(&t->e[i], &e)) != NULL) {
			snprintf(err, errlen, "%s:%zu: %s", path, t->e[i].line, problem);
			goto fail;
		}
		if (!vec_push(&r->entries, &e)) {
			snprintf(err, errlen, "%s: out of memory", path);
			goto fail;
		}
	}
	if (sort_table(r, path, err, errlen) != 0)
		goto fail;
	*out = r;
	return 0;
fail:
	seg_rules_free(r);
	return -1;
}

int seg_rules_load(seg_rules **out, const char *dir, char *err, size_t errlen)
{
	table t;
	char path[4200];
	int rc;
	memset(&t, 0, sizeof t);
	*out = NULL;
	snprintf(path, sizeof path, "%s/abbrev.tsv", dir);
	rc = table_load(&t, dir, "abbrev.tsv", 1, err, errlen) == 0 ? seg_rules_from_table(out, &t, path, err, errlen)
								      : -1;
	table_free(&t);
	return rc;
}

void seg_rules_free(seg_rules *r)
{
	if (!r)
		return;
	vec_free(&r->entries);
	free(r);
}

/* ---- character classes ---- */

static int is_terminator(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 /* … */ ||
	       cp == 0x203C || cp == 0x2047 || cp == 0x2048 || cp == 0x2049;
}

/* Closing quotes and brackets that stay with the sentence they end. The
 * straight quotes count as closing here because they follow the punctuation. */
static int is_closer(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' ||
	       cp == 0x201D /* ” */ || cp == 0x2019 /* ’ */ || cp == 0x00BB /* » */ ||
	       cp == 0x203A /* › */;
}

static int is_opener(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '{' ||
	       cp == 0x201C /* “ */ || cp == 0x2018 /* ‘ */ || cp == 0x00AB /* « */ ||
	       cp == 0x2039 /* ‹ */ || cp == 0x201E /* „ */;
}

/* Whitespace, and invisible format characters that should not start or end
 * a sentence (zero-width space, BOM). ASCII is answered here, without the
 * calls: it is most of the text. */
static int is_blank(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
	return u_isspace(cp) || u_isinvisible(cp);
}

static size_t skip_blanks(const char *text, size_t len, size_t pos)
{
	while (pos < len) {
		size_t p = pos;
		if (!is_blank(utf8_next(text, len, &p)))
			break;
		pos = p;
	}
	return pos;
}

/* End of text[start..end) without trailing blanks. */
static size_t trim_end(const char *text, size_t start, size_t end)
{
	while (end > start) {
		size_t p = end;
		if (!is_blank(utf8_prev(text, &p)))
			break;
		end = p;
	}
	return end;
}

/* ---- candidates ---- */

/* A run of sentence punctuation with the closers after it. */
typedef struct {
	size_t at;      /* first byte of the run */
	size_t end;     /* just after the run and its closers */
	int strong;     /* has ! or ? */
	int dots;       /* number of periods */
	int ellipsis;   /* has U+2026 */
	int closers;    /* number of closing quotes and brackets */
} seg_cand;

/* Scan the run starting at text[at], stopping at limit (beyond which the
 * sentence is too long anyway). Punctuation after closers joins the run
 * ("Pergi!".). */
static void scan_run(const char *text, size_t limit, size_t at, seg_cand *c)
{
	size_t pos = at;
	memset(c, 0, sizeof *c);
	c->at = at;
	while (pos < limit) {
		size_t p = pos;
		uint32_t cp = utf8_next(text, limit, &p);
		if (cp == '.')
			c->dots++;
		else if (cp == '!' || cp == '?' || (cp >= 0x203C && cp <= 0x2049))
			c->strong = 1;
		else if (cp == 0x2026)
			c->ellipsis = 1;
		else if (is_closer(cp))
			c->closers++;
		else
			break;
		pos = p;
	}
	c->end = pos;
}

/* What the next sentence would start with. NEXT_BRACKET: an uppercase
 * letter after an opening bracket, as in "PT Maju Tbk. (MAJU)". */
enum next_kind {
	NEXT_END, NEXT_UPPER, NEXT_BRACKET, NEXT_LOWER, NEXT_DIGIT, NEXT_OTHER
};

static int is_bracket(uint32_t cp) { return cp == '(' || cp == '[' || cp == '{'; }

/* Classify the word at pos (after blanks), skipping a few opening quotes or
 * brackets; *word is set to where its first letter starts. */
static int next_kind(const char *text, size_t len, size_t pos, size_t *word)
{
	uint32_t cp = 0;
	int i, bracket = 0;
	pos = skip_blanks(text, len, pos);
	for (i = 0; i <= OPENER_MAX; i++) {
		*word = pos;
		if (pos >= len)
			return NEXT_END;
		cp = utf8_next(text, len, &pos);
		if (!is_opener(cp))
			break;
		bracket |= is_bracket(cp);
	}
	if (u_isupper(cp))
		return bracket ? NEXT_BRACKET : NEXT_UPPER;
	if (u_islower(cp))
		return NEXT_LOWER;
	return u_isdigit(cp) ? NEXT_DIGIT : NEXT_OTHER;
}

/* The word starting at text[pos]: letters only, at most TOKEN_MAX bytes.
 * Returns its length in bytes (0 when too long). */
static size_t word_len(const char *text, size_t len, size_t pos)
{
	size_t p = pos, q;
	while (p < len && p - pos <= TOKEN_MAX) {
		q = p;
		if (!u_isalpha(utf8_next(text, len, &q)))
			break;
		p = q;
	}
	return p - pos > TOKEN_MAX ? 0 : p - pos;
}

/* The token before the period at dot: from the last blank (not before
 * start), without opening quotes or brackets, at most TOKEN_MAX bytes.
 * Returns its first byte, or dot when it is too long to be an abbreviation. */
static size_t token_start(const char *text, size_t start, size_t dot)
{
	size_t pos = dot, p;
	while (pos > start) {
		p = pos;
		if (is_blank(utf8_prev(text, &p)))
			break;
		pos = p;
		if (dot - pos > TOKEN_MAX)
			return dot;
	}
	while (pos < dot) {
		p = pos;
		if (!is_opener(utf8_next(text, dot, &p)))
			break;
		pos = p;
	}
	return pos;
}

enum token_kind { TOK_WORD, TOK_TITLE, TOK_ABBREV, TOK_INITIAL, TOK_LABEL, TOK_LISTNUM };

/* Dotted abbreviations not in the table (S.Kom., a.n., U.S.): letter groups
 * of at most 4 separated by single periods, at least one inside. Returns 0
 * when tok[0..n) is not one, 2 when every group is one capital (initials:
 * D.W.), 1 otherwise. */
static int dotted_kind(const char *tok, size_t n)
{
	size_t pos = 0, group = 0;
	int inner = 0, initials = 1;
	while (pos < n) {
		uint32_t cp = utf8_next(tok, n, &pos);
		if (cp == '.') {
			if (group == 0)
				return 0;
			inner = 1;
			group = 0;
		} else if (!u_isalpha(cp) || ++group > 4) {
			return 0;
		} else if (group > 1 || !u_isupper(cp)) {
			initials = 0;
		}
	}
	return inner ? 1 + initials : 0;
}

static int all_digits(const char *tok, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!u_isdigit((unsigned char)tok[i]))
			return 0;
	return n > 0;
}

/* Is the word before text[tok] (one blank between, within the sentence
 * from start) a label word, so that the capital at tok is a label (Grup B,
 * Pasal A) and not an initial? */
static int labelled(const seg_rules *r, const char *text, size_t start, size_t tok)
{
	size_t end, w;
	if (tok < start + 2 || text[tok - 1] != ' ')
		return 0;
	end = w = tok - 1;
	while (w > start && u_isalpha((unsigned char)text[w - 1]))
		w--;
	if (w > start && text[w - 1] != ' ' && text[w - 1] != '(')
		return 0;
	return lookup(r, text + w, end - w, CLS_LABEL) != NULL;
}

/* Classify the token text[tok..dot] (the period included). */
static int token_kind(const seg_rules *r, const char *text, size_t start,
		      size_t tok, size_t dot)
{
	const char *t = text + tok;
	size_t n = dot + 1 - tok, p = 0;
	if (n == 1 || n > TOKEN_MAX)
		return TOK_WORD;
	if (lookup(r, t, n, CLS_TITLE))
		return TOK_TITLE;
	if (lookup(r, t, n, CLS_ABBREV))
		return TOK_ABBREV;
	if (u_isupper(utf8_next(t, n - 1, &p)) && p == n - 1)
		return labelled(r, text, start, tok) ? TOK_LABEL : TOK_INITIAL;
	if (dotted_kind(t, n - 1) == 2)
		return TOK_INITIAL;
	if (dotted_kind(t, n - 1) == 1)
		return TOK_ABBREV;
	if (tok == start && n <= 3 && all_digits(t, n - 1))
		return TOK_LISTNUM;
	return TOK_WORD;
}

/* A number or version cut by a stray space after a period (2.904. 678,
 * v9. 1): the token before the period ends in digits that follow a letter,
 * a period or a comma (not a hyphen: COVID-19., not a plain number: 1998.).
 * Only asked when the next word starts with a digit. */
static int glued_number(const char *text, size_t tok, size_t dot)
{
	size_t i = dot;
	unsigned char c;
	while (i > tok && u_isdigit((unsigned char)text[i - 1]))
		i--;
	if (i == dot || i == tok)
		return 0;
	c = (unsigned char)text[i - 1];
	if (c == '.' || c == ',')
		return i - 1 > tok && u_isdigit((unsigned char)text[i - 2]);
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Web text often starts a sentence in lowercase ("... asal Italia. apakah
 * ..."). A bare period after a full word still ends the sentence before a
 * lowercase word: the token text[tok..dot) is a number of 3 or more digits
 * (a year) or a word of 4 or more letters, hyphens allowed, with a vowel.
 * Shorter words and vowelless ones may be abbreviations missing from the
 * table (kab. bogor, go. jek, sbb. berikut). */
static int full_word(const char *text, size_t tok, size_t dot)
{
	size_t pos = tok, letters = 0;
	int vowel = 0;
	if (dot - tok >= 3 && all_digits(text + tok, dot - tok))
		return 1;
	while (pos < dot) {
		uint32_t cp = utf8_next(text, dot, &pos);
		if (cp == '-')
			continue;
		if (!u_isalpha(cp))
			return 0;
		letters++;
		vowel |= cp < 0x80 && strchr("aeiouAEIOU", (int)cp) != NULL;
	}
	return letters >= 4 && vowel;
}

static int ascii_alpha(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* Words that never open a sentence although they may start with a capital:
 * a slashed connector (C/O, s/d, d/a: "Holdings Ltd. C/O PT ...") and a
 * letter with a period before a number, the middle of a code
 * ("No. XI. B. 02.00"). The word starts at text[w]. */
static int never_opens(const char *text, size_t len, size_t w)
{
	size_t p;
	if (w + 3 <= len && ascii_alpha(text[w]) && text[w + 1] == '/' &&
	    ascii_alpha(text[w + 2]))
		return skip_blanks(text, len, w + 3) > w + 3 || w + 3 == len;
	if (w + 2 < len && text[w] >= 'A' && text[w] <= 'Z' && text[w + 1] == '.') {
		p = skip_blanks(text, len, w + 2);
		return p > w + 2 && p < len && u_isdigit((unsigned char)text[p]);
	}
	return 0;
}

/* Does the candidate c (followed by a blank or the end) end the sentence
 * that starts at start? */
static int is_boundary(const seg_rules *r, const char *text, size_t len,
		       size_t start, const seg_cand *c)
{
	size_t word, tok;
	int next = next_kind(text, len, c->end, &word);
	if (next == NEXT_END)
		return 1;
	if (c->strong) /* a closing quote: "Mengapa?" tanyanya */
		return next != NEXT_LOWER || c->closers == 0;
	if (c->ellipsis || c->dots > 1)
		return next == NEXT_UPPER;
	if (never_opens(text, len, word))
		return 0;
	tok = token_start(text, start, c->at);
	switch (token_kind(r, text, start, tok, c->at)) {
	case TOK_TITLE:
	case TOK_LISTNUM:
		return 0;
	case TOK_ABBREV:
		return next == NEXT_UPPER;
	case TOK_LABEL: /* Grup B. Pelatih, but Grup B. J. Habibie */
		return next != NEXT_LOWER && !(u_isupper((unsigned char)text[word]) &&
					       word + 1 < len && text[word + 1] == '.');
	case TOK_INITIAL:
		return next == NEXT_UPPER &&
		       lookup(r, text + word, word_len(text, len, word), CLS_STARTER);
	default:
		if (next == NEXT_DIGIT && c->end == c->at + 1)
			return !glued_number(text, tok, c->at);
		if (next == NEXT_LOWER && c->end == c->at + 1)
			return full_word(text, tok, c->at);
		return next != NEXT_LOWER;
	}
}

/* ---- the pass ---- */

/* Cut an over-long sentence starting at start (len > start + SEG_MAX_SENTENCE):
 * at the last blank within the limit, else at the last character boundary. */
static void cut_long(const char *text, size_t len, size_t start, seg_span *out,
		     size_t *next)
{
	size_t lim = start + SEG_MAX_SENTENCE, pos = lim, p;
	while (pos > start && ((unsigned char)text[pos] & 0xC0) == 0x80)
		pos--; /* text[lim] exists: the paragraph is longer than lim */
	*next = pos;
	p = pos;
	if (!is_blank(utf8_next(text, len, &p))) {
		while (pos > start) {
			p = pos;
			if (is_blank(utf8_prev(text, &p)))
				break;
			pos = p;
		}
		if (pos > start)
			*next = pos;
	}
	out->off = start;
	out->len = trim_end(text, start, *next) - start;
}

/* A quotation opens at text[pos] (cp is a double quote): a curly opening
 * quote, or a straight one after a blank, bracket or the sentence start and
 * before a non-blank. */
static int opens_quote(const char *text, size_t len, size_t start, size_t pos,
		       uint32_t cp)
{
	size_t p = pos, q;
	uint32_t before;
	if (cp == 0x201C)
		return 1;
	if (cp != '"')
		return 0;
	before = p > start ? utf8_prev(text, &p) : ' ';
	q = pos + 1;
	return (is_blank(before) || is_opener(before)) && q < len &&
	       !is_blank(utf8_next(text, len, &q));
}

/* A quotation: where it closes (0: not before the limit, or unbalanced
 * quotes, which then do not hold sentences together), how many blanks it
 * holds and whether punctuation ends it ("...," kata dia). */
typedef struct {
	size_t close;
	size_t blanks;
	int punct;
} seg_quote;

/* Find the close of the quotation opened just before from: the next double
 * quote, if it is a closing one before lim. */
static void quote_close(const char *text, size_t lim, size_t from, seg_quote *q)
{
	uint32_t last = 0;
	memset(q, 0, sizeof *q);
	while (from < lim) {
		size_t p = from;
		uint32_t cp = utf8_next(text, lim, &p);
		if (cp == '"' || cp == 0x201D) {
			q->close = from;
			q->punct = is_terminator(last) || last == ',';
			return;
		}
		if (cp == 0x201C)
			return;
		q->blanks += is_blank(cp);
		last = cp;
		from = p;
	}
}

/* One sentence search: text[start..lim) may hold the sentence. */
typedef struct {
	const seg_rules *r;
	const char *text;
	size_t len, start, lim;
	size_t quote_end; /* closing quote of the quotation we are in, or 0 */
	size_t word_end;  /* end of the last non-blank character seen */
	uint32_t last;    /* that character, 0 before the first */
	uint32_t first;   /* first character of the last word, 0 before it */
	size_t depth;     /* brackets opened in this sentence and not closed */
} seg_pass;

/* Brackets that hold a parenthesis: ( and [. */
static int is_close_bracket(uint32_t cp) { return cp == ')' || cp == ']'; }

/* Update the bracket depth for the characters text[from..to). */
static void track_brackets(seg_pass *ps, size_t from, size_t to)
{
	for (; from < to; from++) {
		char ch = ps->text[from]; /* ASCII brackets never occur inside UTF-8 sequences */
		if (ch == '(' || ch == '[')
			ps->depth++;
		else if (is_close_bracket((unsigned char)ch) && ps->depth > 0)
			ps->depth--;
	}
}

/* Longest look-ahead, in bytes, for the bracket that closes a parenthesis. */
#define BRACKET_MAX 120

/* Does an open parenthesis close soon after pos (within BRACKET_MAX bytes)?
 * Then a period inside it belongs to the parenthesis: "(Bl.) RM Smith)",
 * "(SSK. II)". A bracket left open longer does not hold sentences together. */
static int bracket_closes(const seg_pass *ps, size_t pos)
{
	size_t lim = ps->lim - pos > BRACKET_MAX ? pos + BRACKET_MAX : ps->lim;
	size_t inner = 0;
	for (; pos < lim; pos++) {
		char ch = ps->text[pos];
		if (ch == '(' || ch == '[')
			inner++;
		else if (ch == ')' || ch == ']') {
			if (inner == 0)
				return 1;
			inner--;
		}
	}
	return 0;
}

/* Try the candidate at pos. Returns 1 with *end set at a boundary, 0 with
 * *end set where scanning resumes, -1 when the run crosses lim. */
static int try_candidate(seg_pass *ps, size_t pos, size_t *end)
{
	seg_cand c;
	size_t p;
	scan_run(ps->text, ps->lim < ps->len ? ps->lim + 1 : ps->len, pos, &c);
	if (c.end > ps->lim)
		return -1;
	*end = p = c.end;
	if (p < ps->len && !is_blank(utf8_next(ps->text, ps->len, &p)))
		return 0;
	track_brackets(ps, pos, c.end);
	if (c.end <= ps->quote_end) /* inside a quotation: keep it whole */
		return 0;
	if (ps->depth > 0 && bracket_closes(ps, c.end))
		return 0;
	return is_boundary(ps->r, ps->text, ps->len, ps->start, &c);
}

/* Quotations shorter than this many blanks may be titles
 * (film "Ada Apa dengan Cinta?") rather than quoted statements. */
#define QUOTE_MIN_BLANKS 6

/* News text often runs a quotation into the previous sentence without
 * closing it ("... dan parlemen "Sebagian dari ..."). An opening quote at
 * pos, after a blank that follows a lowercase letter, starts a new sentence
 * when the quotation is long, starts with a capital and closes with
 * punctuation. It also records where the quotation closes. */
static int starts_quotation(seg_pass *ps, size_t pos, uint32_t cp)
{
	seg_quote quote;
	size_t p = pos + (cp == '"' ? 1 : 3);
	if (!opens_quote(ps->text, ps->len, ps->start, pos, cp))
		return 0;
	quote_close(ps->text, ps->lim, p, &quote);
	ps->quote_end = quote.close;
	return u_islower(ps->last) && pos > ps->word_end && quote.close &&
	       quote.punct && quote.blanks >= QUOTE_MIN_BLANKS &&
	       u_isupper(utf8_next(ps->text, ps->len, &p));
}

/* Scraped news loses the punctuation after a headline or a dateline
 * ("... naik 5 persen Di sektor riil, ..."). A new sentence starts at pos
 * (cp is its first character) when, with no punctuation and no open bracket
 * before it, a lowercase word or a number is followed by a capitalized word
 * the table lists as runon (function words written in lowercase inside a
 * sentence: Pada, Di, Dikatakannya) and then by a lowercase word or a comma.
 * A capital after the runon word would be a title ("Cinta Di Ujung Jalan"). */
static int runs_on(const seg_pass *ps, size_t pos, uint32_t cp)
{
	size_t n, p, word;
	if (!u_isupper(cp) || pos == ps->word_end || ps->depth > 0 ||
	    !(u_islower(ps->first) || u_isdigit(ps->first)) ||
	    !(u_islower(ps->last) || u_isdigit(ps->last)))
		return 0;
	n = word_len(ps->text, ps->len, pos);
	if (!lookup(ps->r, ps->text + pos, n, CLS_RUNON))
		return 0;
	p = pos + n;
	if (p < ps->len && ps->text[p] == ',')
		return 1;
	if (p >= ps->len || !is_blank(utf8_next(ps->text, ps->len, &p)))
		return 0;
	return next_kind(ps->text, ps->len, p, &word) == NEXT_LOWER &&
	       word == skip_blanks(ps->text, ps->len, p);
}

/* ASCII bytes that need none of the checks in find_end: blanks, and
 * characters that only extend a word (not a quote, bracket, terminator or
 * capital letter, which may open a sentence or change the bracket depth).
 * 1: blank, 2: word character, 0: anything else (all bytes >= 0x80). */
static const unsigned char plain_class[256] = {
	['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
	['#'] = 2, ['$'] = 2, ['%'] = 2, ['&'] = 2, ['*'] = 2, ['+'] = 2, [','] = 2,
	['-'] = 2, ['/'] = 2, ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2,
	['5'] = 2, ['6'] = 2, ['7'] = 2, ['8'] = 2, ['9'] = 2, [':'] = 2, [';'] = 2,
	['<'] = 2, ['='] = 2, ['>'] = 2, ['@'] = 2, ['\\'] = 2, ['^'] = 2, ['_'] = 2,
	['`'] = 2, ['a'] = 2, ['b'] = 2, ['c'] = 2, ['d'] = 2, ['e'] = 2, ['f'] = 2,
	['g'] = 2, ['h'] = 2, ['i'] = 2, ['j'] = 2, ['k'] = 2, ['l'] = 2, ['m'] = 2,
	['n'] = 2, ['o'] = 2, ['p'] = 2, ['q'] = 2, ['r'] = 2, ['s'] = 2, ['t'] = 2,
	['u'] = 2, ['v'] = 2, ['w'] = 2, ['x'] = 2, ['y'] = 2, ['z'] = 2, ['{'] = 2,
	['|'] = 2, ['}'] = 2, ['~'] = 2,
};

/* Skip the plain ASCII at pos (see plain_class), keeping the word state as
 * the full loop in find_end would. Returns where the plain run ends. */
static size_t skip_plain(seg_pass *ps, size_t pos)
{
	const unsigned char *t = (const unsigned char *)ps->text;
	while (pos < ps->lim && plain_class[t[pos]]) {
		if (plain_class[t[pos]] == 1) {
			pos++;
			continue;
		}
		if (pos > ps->word_end || ps->word_end == 0)
			ps->first = t[pos];
		while (pos + 1 < ps->lim && plain_class[t[pos + 1]] == 2)
			pos++;
		ps->last = t[pos], ps->word_end = ++pos;
	}
	return pos;
}

/* Find the end of the sentence starting at ps->start within ps->lim.
 * Returns 1 and sets *end, or 0 when there is none. */
static int find_end(seg_pass *ps, size_t *end)
{
	size_t pos = ps->start, p;
	while ((pos = skip_plain(ps, pos)) < ps->lim) {
		uint32_t cp;
		int found;
		p = pos;
		cp = utf8_next(ps->text, ps->len, &p);
		if (p > ps->lim)
			return 0;
		if (pos >= ps->quote_end && starts_quotation(ps, pos, cp))
			return *end = ps->word_end, 1;
		if (pos >= ps->quote_end && runs_on(ps, pos, cp))
			return *end = ps->word_end, 1;
		if (cp < 0x80)
			track_brackets(ps, pos, p);
		if (!is_blank(cp)) {
			if (pos > ps->word_end || ps->word_end == 0)
				ps->first = cp;
			ps->last = cp, ps->word_end = p;
		}
		if (!is_terminator(cp)) {
			pos = p;
			continue;
		}
		if ((found = try_candidate(ps, pos, &p)) != 0)
			return found > 0 ? (*end = p, 1) : 0;
		pos = p;
	}
	return 0;
}

int seg_next(const seg_rules *r, const char *text, size_t len, size_t pos,
	     seg_span *out, size_t *next)
{
	seg_pass ps;
	size_t end;
	ps.r = r, ps.text = text, ps.len = len, ps.quote_end = 0;
	ps.last = 0, ps.first = 0, ps.word_end = 0, ps.depth = 0;
	ps.start = skip_blanks(text, len, pos);
	if (ps.start >= len) {
		*next = len;
		return 0;
	}
	ps.lim = len - ps.start > SEG_MAX_SENTENCE ? ps.start + SEG_MAX_SENTENCE : len;
	if (find_end(&ps, &end)) {
		out->off = ps.start;
		out->len = end - ps.start;
		*next = end;
	} else if (ps.lim == len) {
		out->off = ps.start;
		out->len = trim_end(text, ps.start, len) - ps.start;
		*next = len;
	} else {
		cut_long(text, len, ps.start, out, next);
	}
	return 1;
}
